// Every list on the page can be saved as CSV (UTF-8 with a byte-order mark, so spreadsheet programs
// read Chinese correctly) and as JSON, built in the browser from the rows on screen.

import { h } from './dom.js';
import { t } from './i18n.js';

function csvCell(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCSV(rows, columns) {
  const cols = columns || [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [cols.map(csvCell).join(',')];
  for (const row of rows) lines.push(cols.map((c) => csvCell(row[c])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function save(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "CSV" and "JSON" buttons saving `rows()` (a function, so the rows are read when clicked). */
export function downloadButtons(name, rows, columns) {
  const safe = name.replace(/[^\w\u4e00-\u9fff.-]+/g, '_').slice(0, 80) || 'policykg';
  return h(
    'span',
    { class: 'downloads' },
    h('button', {
      type: 'button', class: 'small', title: t('download.csv.title'), 'data-download': 'csv',
      onclick: () => save(`${safe}.csv`, toCSV(rows(), columns), 'text/csv;charset=utf-8'),
    }, '⤓ CSV'),
    h('button', {
      type: 'button', class: 'small', title: t('download.json.title'), 'data-download': 'json',
      onclick: () => save(`${safe}.json`, `${JSON.stringify(rows(), null, 2)}\n`, 'application/json'),
    }, '⤓ JSON'),
  );
}

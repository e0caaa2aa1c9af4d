// Every list on the page can be saved as CSV (UTF-8 with a byte-order mark, so spreadsheet programs
// read Chinese correctly) and as JSON, built in the browser from the rows of the list (of every page
// of it, when the list is shown a page at a time).

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

/** Saves what `rows()` gives (rows, or a promise of them); the button waits while they load. */
async function saveRows(button, rows, write) {
  button.disabled = true;
  try {
    write(await rows());
  } finally {
    button.disabled = false;
  }
}

/** "CSV" and "JSON" buttons saving `rows()` (a function, so the rows are read when clicked; it may
 * return a promise, e.g. while the other pages of the list load). */
export function downloadButtons(name, rows, columns) {
  const safe = name.replace(/[^\w\u4e00-\u9fff.-]+/g, '_').slice(0, 80) || 'policykg';
  return h(
    'span',
    { class: 'downloads' },
    h('button', {
      type: 'button', class: 'small', title: t('download.csv.title'), 'data-download': 'csv',
      onclick: (e) => saveRows(e.currentTarget, rows, (list) => save(`${safe}.csv`, toCSV(list, columns), 'text/csv;charset=utf-8')),
    }, '⤓ CSV'),
    h('button', {
      type: 'button', class: 'small', title: t('download.json.title'), 'data-download': 'json',
      onclick: (e) => saveRows(e.currentTarget, rows, (list) => save(`${safe}.json`, `${JSON.stringify(list, null, 2)}\n`, 'application/json')),
    }, '⤓ JSON'),
  );
}

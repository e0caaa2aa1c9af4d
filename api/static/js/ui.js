// Small pieces of interface shared by the views: badges, chips, headings with downloads, notes.

import { levelName, regionName, titleLang } from './catalog.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { href } from './router.js';

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, t('error.title')), ' ', error?.message || String(error));
}

export function note(text) {
  return h('p', { class: 'note' }, text);
}

export function levelBadge(level) {
  return level ? h('span', { class: `badge level level-${level}`, title: t('label.level') }, levelName(level)) : null;
}

export function regionBadge(regionMap, id) {
  return id ? h('span', { class: 'badge region', title: id }, regionName(regionMap, id)) : null;
}

/** "Title (2022) [municipal] [Sanming]" — a document named with its level and region. */
export function docLine(doc, regionMap, { clauseId, clauseNumber } = {}) {
  if (!doc) return null;
  return h(
    'span',
    { class: 'doc-line' },
    h('a', { class: 'doc-title', lang: titleLang(doc), href: href('doc', doc.id, { clause: clauseId }) }, doc.title || doc.id),
    doc.issued ? h('span', { class: 'muted' }, ` (${doc.issued.slice(0, 4)})`) : null,
    ' ',
    levelBadge(doc.level),
    ' ',
    regionBadge(regionMap, doc.region),
    clauseNumber ? h('span', { class: 'badge clause-no', title: t('label.clause') }, `${t('label.clause')} ${clauseNumber}`) : null,
  );
}

/** A section heading with the CSV/JSON buttons of its list on the right. */
export function sectionHead(title, downloads, level = 'h2') {
  return h('div', { class: 'section-head' }, h(level, {}, title), downloads || null);
}

export function unitChip(unit, title) {
  const lead = unit.role === 'lead';
  return h(
    'span',
    { class: ['chip', 'unit-chip', lead ? 'lead' : '', unit.role === 'mentioned' ? 'mentioned' : ''], title: title || null, 'data-unit': unit.id },
    lead ? h('span', { class: 'lead-mark' }, t('role.lead')) : null,
    unit.label || unit.id,
  );
}

export function conceptChip(concept, docId) {
  return h('a', {
    class: 'chip concept-chip',
    href: href('units', '', { concept: concept.id, document: docId }),
    title: t('concept.who', { label: concept.label || concept.id }),
  }, concept.label || concept.id);
}

export function formatNumber(value) {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  // No thousands separators: policy texts write 7050亩 and 1000万千瓦.
  return n.toLocaleString('en', { maximumFractionDigits: 4, useGrouping: false });
}

const COMPARATORS = { '>=': '≥', '<=': '≤', '~': '≈', '=': '', '>': '>', '<': '<' };
// A change against a base: the sign it is written with; `bound` then qualifies its size.
const CHANGES = { decrease: '−', increase: '+' };

/** Whether the target is a change (a decrease or increase against a base year or per year), not a level. */
export function isChange(target) {
  return Object.hasOwn(CHANGES, target?.comparator || '');
}

function present(value) {
  return value !== null && value !== undefined && value !== '';
}

/** "−18 %", "+15 % or more", "≈ −9.5 %": the signed size of a change. */
function changeValue(target) {
  const unit = target.unit || '';
  // "−18 %": a space before the unit keeps the sign and the number together as the change.
  const gap = unit && !/^[\u3400-\u9fff]/.test(unit) ? ' ' : '';
  const sign = CHANGES[target.comparator];
  let size;
  if (present(target.value_min) && present(target.value_max)) size = `${sign}${formatNumber(target.value_min)}–${formatNumber(target.value_max)}${gap}${unit}`;
  else if (present(target.value)) size = `${sign}${formatNumber(target.value)}${gap}${unit}`;
  else return t('target.qualitative');
  if (target.bound === '>=' || target.bound === '>') return t('target.atleast', { value: size });
  if (target.bound === '<=' || target.bound === '<') return t('target.atmost', { value: size });
  if (target.bound === '~') return `≈ ${size}`;
  return size;
}

/** "≥ 32%", "30–50 家", "≈ 40%", "−18 %": a target's value as written, readable. */
export function targetValue(target) {
  if (isChange(target)) return changeValue(target);
  const unit = target.unit || '';
  // "32%" and "792万立方米" as the texts write them; a space before Latin units ("19 billion m³").
  const gap = unit && !/^[%‰\u3400-\u9fff]/.test(unit) ? ' ' : '';
  let number;
  if (present(target.value_min) && present(target.value_max)) {
    return `${formatNumber(target.value_min)}–${formatNumber(target.value_max)}${gap}${unit}`;
  } else if (present(target.value)) {
    number = formatNumber(target.value);
  } else {
    return t('target.qualitative');
  }
  const comparator = COMPARATORS[target.comparator] ?? (target.comparator || '');
  return `${comparator ? `${comparator} ` : ''}${number}${gap}${unit}`;
}

/** The value with what it is measured against: "−18 % vs 2020", "+15 % a year from 2021". */
export function targetLabel(target) {
  const value = targetValue(target);
  if (target.base_year) return t('target.versus', { value, year: target.base_year });
  if (target.start_year) return t('target.since', { value, year: target.start_year });
  return value;
}

/** Original script ↔ normalised simplified text, as two linked toggle buttons. */
export function textToggle(current, onChange) {
  const make = (mode, label) => h('button', {
    type: 'button', class: ['toggle', current === mode ? 'on' : ''], 'aria-pressed': String(current === mode),
    'data-text-mode': mode, onclick: () => onChange(mode),
  }, label);
  return h('span', { class: 'toggle-group', role: 'group', title: t('text.toggle.title') },
    make('original', t('text.original')), make('normalised', t('text.normalised')));
}

/** The colours the marks in a text use, named. */
export function legend(kinds) {
  return kinds.map((k) => h('mark', { class: `hl hl-${k}` }, t(`fact.${k}`)));
}

// The targets timeline: one lane per indicator, one column per target year, one marker per target
// with its value written on it (a change with its sign and base: "−18 % vs 2020"), coloured by
// document. Plain HTML (not a canvas), so labels wrap, every marker has a tooltip with the source
// sentence, and the values are text a reader can select.
// Years are columns rather than a linear scale: targets cluster on 2025 and 2030 with a few on 2060,
// and a linear axis would squeeze the comparisons that matter into a corner.

import { h } from './dom.js';
import { t } from './i18n.js';
import { href } from './router.js';
import { isChange, targetLabel } from './ui.js';

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#393b79', '#637939'];


/**
 * lanes: [{key, label, sublabel, targets: [target…]}] — each target with `year`, `document`, `clause_id`;
 * colourOf(docId) → colour; docLabel(docId) → text for tooltips, legendLabel(docId) → for the legend,
 * whoLabel(docId) → the few characters written after each value (region or level).
 */
export function timeline(lanes, { colourOf, docLabel, legendLabel, legendDocs, whoLabel }) {
  const years = [...new Set(lanes.flatMap((l) => l.targets.map((tg) => tg.year)).filter(Boolean))].sort((a, b) => a - b);
  if (!years.length) return h('p', { class: 'note' }, t('targets.noyears'));
  const column = new Map(years.map((y, i) => [y, i]));
  const grid = { 'grid-template-columns': `repeat(${years.length}, minmax(0, 1fr))` };

  const axis = h('div', { class: 'tl-row tl-axis' }, h('div', { class: 'tl-label' }, t('label.indicator')),
    h('div', { class: 'tl-track', style: grid }, years.map((y) => h('span', { class: 'tl-tick' }, String(y)))));
  const rows = lanes.map((lane) => {
    const byYear = new Map();
    for (const tg of lane.targets) {
      if (!byYear.has(tg.year)) byYear.set(tg.year, []);
      byYear.get(tg.year).push(tg);
    }
    return h('div', { class: 'tl-row', 'data-lane': lane.key },
      h('div', { class: 'tl-label' }, h('span', {}, lane.label), lane.sublabel ? h('span', { class: 'muted small' }, lane.sublabel) : null),
      h('div', { class: 'tl-track', style: grid },
        years.map((year) => h('div', { class: 'tl-cell', style: { 'grid-column': String(column.get(year) + 1) }, 'data-year': String(year) },
          (byYear.get(year) || []).map((tg) => h('a', {
            class: ['tl-point', isChange(tg) ? `change ${tg.comparator}` : ''],
            href: href('doc', tg.document, { clause: tg.clause_id }),
            style: { '--c': colourOf(tg.document) },
            'data-document': tg.document, 'data-year': String(year), 'data-target': tg.id,
            title: `${docLabel(tg.document)}\n${year} · ${tg.indicator}: ${targetLabel(tg)}\n${tg.text || ''}`,
          }, h('span', { class: 'tl-dot' }), h('span', { class: 'tl-value' }, targetLabel(tg)), h('span', { class: 'tl-who' }, whoLabel(tg.document))))))));
  });
  const legend = h('div', { class: 'tl-legend' }, legendDocs.map((d) =>
    h('span', { class: 'tl-legend-item', title: docLabel(d) }, h('span', { class: 'tl-dot', style: { '--c': colourOf(d) } }), legendLabel(d))));
  return h('div', { class: 'timeline', role: 'figure', 'aria-label': t('targets.timeline') }, legend, axis, rows);
}

// Coverage: for a national or provincial document, which of its clauses each province and city below
// it carries out (/api/coverage/{id}), as a clause × region matrix, and the clauses nobody carries out.
// Without a document: the documents others implement, to choose from.

import { getJSON } from '../js/api.js';
import { LEVELS, docName, docShort, documentMap, documents, regions, titleLang } from '../js/catalog.js';
import { fill, h, select as selectEl } from '../js/dom.js';
import { downloadButtons } from '../js/download.js';
import { t } from '../js/i18n.js';
import { href, navigate } from '../js/router.js';
import { docLine, levelBadge, note, regionBadge, sectionHead } from '../js/ui.js';

const SCORE_STEPS = ['0', '0.2', '0.3', '0.4', '0.5'];
const RANKS = ['1', '2', '3'];

async function choose(page) {
  const [docs, regionMap] = await Promise.all([documents(), regions()]);
  const above = docs.filter((d) => ['central', 'ministry', 'provincial'].includes(d.level))
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || (a.region || '').localeCompare(b.region || '')
      || (a.issued || '').localeCompare(b.issued || ''));
  fill(page,
    h('h1', { class: 'page-title' }, t('coverage.heading')),
    h('p', { class: 'lead-text' }, t('coverage.intro')),
    h('ul', { class: 'coverage-docs' }, above.map((d) => h('li', { 'data-doc': d.id },
      h('a', { href: href('coverage', d.id), lang: titleLang(d) }, docName(d)), ' ', levelBadge(d.level), ' ', regionBadge(regionMap, d.region)))));
}

function cell(entry, column, busiest, docs, regionMap, clause) {
  const found = clause.regions[column.id];
  if (!found) return h('td', { class: 'empty' });
  const share = found.count / busiest;
  const names = found.documents.map((d) => docShort(docs.get(d), regionMap) || d).join('\n');
  return h('td', {
    class: 'cell', 'data-region': column.id, style: { background: `hsl(140 45% ${94 - share * 28}%)` },
    title: `${column.label} × ${clause.path.join('/')} ${clause.title || ''}\n${t('coverage.cell', { n: found.count, best: found.best.toFixed(2) })}\n${names}`,
  }, h('a', { href: href('trace', clause.id, { min: entry.min_score, best: entry.rank === 1 ? null : '0' }) }, String(found.count)));
}

export async function render(page, { id, params }) {
  document.title = `${t('nav.coverage')} · policykg`;
  if (!id) {
    await choose(page);
    return;
  }
  const rank = RANKS.includes(params.get('rank')) ? params.get('rank') : '1';
  const minScore = SCORE_STEPS.includes(params.get('min')) ? params.get('min') : '0.2';
  const query = { rank, min_score: minScore };
  const [answer, docs, regionMap] = await Promise.all([
    getJSON(`/api/coverage/${encodeURIComponent(id)}`, query), documentMap(), regions(),
  ]);
  const go = (changes) => navigate('coverage', id, { rank: rank === '1' ? null : rank, min: minScore === '0.2' ? null : minScore, ...changes });
  // a translation or another edition answers with the matrix of the work it is an expression of: its clauses are the work's
  const own = answer.document.id;
  const columns = answer.regions;
  const busiest = Math.max(1, ...answer.clauses.flatMap((c) => Object.values(c.regions).map((x) => x.count)));
  const rows = () => answer.clauses.map((c) => ({
    clause: c.id, path: c.path.join('/'), title: c.title,
    ...Object.fromEntries(columns.map((col) => [col.label, c.regions[col.id]?.count || 0])),
    regions: Object.keys(c.regions).length,
  }));
  const csv = `/api/coverage/${encodeURIComponent(id)}?${new URLSearchParams({ ...query, format: 'csv' })}`;
  const table = h('table', { class: 'matrix coverage' },
    h('thead', {}, h('tr', {},
      h('th', { class: 'corner' }, t('label.clause')),
      columns.map((col) => h('th', { class: ['region-col', `level-${col.level}`], 'data-region': col.id, title: `${col.label} · ${t('coverage.region.docs', { n: col.documents.length, clauses: col.clauses })}` },
        h('span', {}, col.label))),
      h('th', { class: 'total-col' }, t('coverage.regions')))),
    h('tbody', {}, answer.clauses.map((c) => h('tr', { 'data-clause': c.id, class: Object.keys(c.regions).length ? null : 'uncovered' },
      h('th', { class: 'clause-name', scope: 'row' },
        h('a', { href: href('doc', own, { clause: c.id }) }, h('span', { class: 'clause-path' }, c.path.join(' › ')), ' ', c.title || '')),
      columns.map((col) => cell(answer, col, busiest, docs, regionMap, c)),
      h('td', { class: 'total' }, String(Object.keys(c.regions).length))))));
  const uncovered = answer.clauses.filter((c) => !Object.keys(c.regions).length);
  // no document of the graph implements this one: no matrix to show, and no clause is "left undone" by anyone
  const nobody = answer.implemented_by === 0;
  const body = nobody
    ? [h('p', { class: 'note coverage-nobody' }, t('coverage.nobody'))]
    : [
      sectionHead(t('coverage.matrix', { clauses: answer.clauses.length, regions: columns.length })),
      columns.length ? h('div', { class: 'table-wrap matrix-wrap' }, table) : note(t('coverage.none')),
      sectionHead(t('coverage.uncovered', { n: uncovered.length })),
      uncovered.length ? h('ul', { class: 'gap-list uncovered-list' }, uncovered.map((c) => h('li', { 'data-clause': c.id },
        h('a', { href: href('trace', c.id, { min: '0', best: '0' }) }, `${c.path.join(' › ')} `, c.title || '')))) : note(t('coverage.alldone')),
    ];
  fill(page,
    h('h1', { class: 'page-title' }, t('coverage.heading')),
    answer.requested ? h('p', {}, docLine(docs.get(answer.requested) || { id: answer.requested }, regionMap)) : null,
    answer.requested ? h('p', { class: 'note coverage-expression' }, t('coverage.expression')) : null,
    h('p', {}, docLine(docs.get(own) || answer.document, regionMap)),
    h('p', { class: 'lead-text' }, t(answer.scope === 'CN' ? 'coverage.explain.national' : 'coverage.explain.province')),
    h('p', { class: 'coverage-implementers' }, t('coverage.implementers', { n: answer.implemented_by })),
    h('div', { class: 'toolbar' },
      h('label', {}, t('coverage.rank'), ' ', selectEl({ onchange: (e) => go({ rank: e.target.value === '1' ? null : e.target.value }) }, RANKS.map((r) => [r, r]), rank)),
      h('label', {}, t('trace.minscore'), ' ', selectEl({ onchange: (e) => go({ min: e.target.value === '0.2' ? null : e.target.value }) }, SCORE_STEPS.map((s) => [s, s]), minScore)),
      h('span', { class: 'grow' }),
      h('a', { class: 'button small', href: csv, download: `coverage-${id}.csv`, 'data-download': 'server-csv' }, t('coverage.csv')),
      downloadButtons(`coverage-${id}`, rows)),
    ...body,
  );
}

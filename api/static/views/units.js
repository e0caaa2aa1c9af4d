// "Who is responsible for X": the units named lead or support for clauses about a concept, grouped by
// jurisdiction with the clauses as evidence; and for one document, a units × concepts matrix.

import { getJSON, getJSONOrNull, restOfPages } from '../js/api.js';
import { conceptLabel, concepts, docName, docShort, documentMap, documents, regionName, regions, truncate } from '../js/catalog.js';
import { fill, h, select as selectEl } from '../js/dom.js';
import { downloadButtons } from '../js/download.js';
import { pick, t } from '../js/i18n.js';
import { href, navigate } from '../js/router.js';
import { errorBox, note, sectionHead } from '../js/ui.js';

const SUGGESTED = ['ccus', 'hydrogen', 'non_fossil_share', 'green_building', 'forest_coverage', 'nev', 'clean_production_audit'];
const MATRIX_CONCEPTS = 30;

function form(params, docs, conceptList, regionMap) {
  const options = h('datalist', { id: 'concept-options' }, conceptList.map((c) => h('option', { value: conceptLabel(c) }, c.id)));
  const current = conceptList.find((c) => c.id === params.get('concept'));
  const concept = h('input', {
    type: 'text', name: 'concept', list: 'concept-options', class: 'grow', value: current ? conceptLabel(current) : params.get('concept') || '',
    placeholder: t('units.concept.placeholder'), 'aria-label': t('units.concept.placeholder'),
  });
  const docSelect = selectEl({ name: 'document', 'aria-label': t('label.document') },
    [['', t('search.alldocs')], ...docs.map((d) => [d.id, docShort(d, regionMap)])], params.get('document'));
  const used = [...new Set(docs.map((d) => d.region).filter(Boolean))];
  const withParents = new Set(used.flatMap((r) => [r, regionMap.get(r)?.parent].filter(Boolean)));
  const regionSelect = selectEl({ name: 'region', 'aria-label': t('label.region') },
    [['', t('units.allregions')], ...[...withParents].sort().map((r) => [r, `${regionName(regionMap, r)} (${r})`])], params.get('region'));
  const el = h('form', { class: 'search-form' }, options, concept, docSelect, regionSelect, h('button', { type: 'submit', class: 'primary' }, t('units.button')));
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = conceptList.find((c) => conceptLabel(c) === concept.value.trim());
    navigate('units', '', { concept: picked ? picked.id : concept.value.trim(), document: docSelect.value, region: regionSelect.value });
  });
  return el;
}

/** The clauses naming a unit, grouped by document: "减污降碳协同增效实施方案: 八 (support) 二十一 (support)". */
function evidence(clauses, ctx) {
  const byDoc = new Map();
  for (const c of clauses) {
    if (!byDoc.has(c.document)) byDoc.set(c.document, []);
    byDoc.get(c.document).push(c);
  }
  return [...byDoc.entries()].map(([docId, list]) => {
    const doc = ctx.docs.get(docId);
    return h('div', { class: 'evidence-doc' },
      h('span', { class: 'evidence-doc-name', title: docShort(doc, ctx.regionMap) }, truncate(docName(doc), 22)),
      list.map((c) => h('a', {
        class: ['chip', 'evidence-clause', c.role === 'lead' ? 'lead' : ''],
        href: href('doc', c.document, { clause: c.id }),
        title: `${docShort(doc, ctx.regionMap)} · ${t('label.clause')} ${c.clause} · ${t(`role.${c.role}`)}`,
      }, c.clause, ' ', h('span', { class: 'muted' }, t(`role.${c.role}`)))));
  });
}

/** The units of the pages loaded so far, with a "more" button while pages remain; downloads hold every page. */
function responsibleList(answer, ctx, more) {
  const groups = new Map();
  for (const unit of answer.units) {
    const key = unit.jurisdiction || '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(unit);
  }
  const depth = (r) => (r ? r.split('-').length : 9);
  const keys = [...groups.keys()].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  const rows = async () => (answer.next ? await restOfPages(answer, 'units') : answer).units.flatMap((u) => u.clauses.map((c) => ({
    concept: answer.concept.id, unit: u.id, label: u.label, jurisdiction: u.jurisdiction, role: c.role, document: c.document, clause: c.clause, clause_id: c.id,
  })));
  const total = answer.total ?? answer.units.length;
  const rest = total - answer.units.length;
  return [
    sectionHead(t('units.answer', { concept: pick(answer.concept.labels, answer.concept.id), n: total }),
      downloadButtons(`units-${answer.concept.id}`, rows)),
    answer.units.length ? null : note(t('units.none')),
    keys.map((key) => h('div', { class: 'jurisdiction', 'data-jurisdiction': key },
      h('h3', {}, regionName(ctx.regionMap, key) || t('units.nojurisdiction'), h('span', { class: 'muted small' }, ` ${key}`), h('span', { class: 'count' }, groups.get(key).length)),
      h('table', { class: 'list units-table' },
        h('colgroup', {}, h('col', { class: 'c-unit' }), h('col', { class: 'c-lead' }), h('col', {})),
        h('thead', {}, h('tr', {}, h('th', {}, t('label.unit')), h('th', {}, t('units.leadcount')), h('th', {}, t('units.evidence')))),
        h('tbody', {}, groups.get(key).map((u) => {
          const leads = u.clauses.filter((c) => c.role === 'lead').length;
          return h('tr', { 'data-unit': u.id },
            h('td', { class: 'unit-name' }, u.label || u.id),
            h('td', { class: 'num' }, leads ? h('span', { class: 'lead-mark' }, `${t('role.lead')} ×${leads}`) : '—'),
            h('td', {}, evidence(u.clauses, ctx)));
        }))))),
    answer.next ? h('p', { class: 'more-units' }, t('units.shown', { shown: answer.units.length, n: total }), ' ',
      h('button', { type: 'button', class: 'small', 'data-more': 'units', onclick: more }, t('units.more', { n: Math.min(rest, answer.limit || rest) }))) : null,
  ];
}

/** The units section: the first page, then each next page appended on "more". */
function responsibleSection(answer, ctx) {
  const section = h('section', { class: 'responsible' });
  const show = (shown) => fill(section, responsibleList(shown, ctx, async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    try {
      const page = await getJSON(shown.next);
      show({ ...shown, units: [...shown.units, ...page.units], next: page.next });
    } catch (error) {
      button.disabled = false;
      button.parentElement.append(errorBox(error));
    }
  }));
  show(answer);
  return section;
}

async function matrix(docId, ctx, params) {
  const doc = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
  const cells = new Map(); // unit → concept → {lead, support, clauses}
  const unitInfo = new Map();
  const conceptInfo = new Map();
  for (const clause of doc.clauses) {
    const units = clause.units.filter((u) => u.role !== 'mentioned');
    if (!units.length) continue;
    for (const c of clause.concepts) {
      conceptInfo.set(c.id, c);
      for (const u of units) {
        unitInfo.set(u.id, u);
        const row = cells.get(u.id) || new Map();
        const cell = row.get(c.id) || { lead: 0, support: 0, clauses: [] };
        cell[u.role === 'lead' ? 'lead' : 'support'] += 1;
        cell.clauses.push(clause);
        row.set(c.id, cell);
        cells.set(u.id, row);
      }
    }
  }
  const conceptClauses = (cid) => new Set([...cells.values()].flatMap((row) => (row.get(cid)?.clauses || []).map((c) => c.id))).size;
  const unitClauses = (uid) => new Set([...cells.get(uid).values()].flatMap((cell) => cell.clauses.map((c) => c.id))).size;
  const all = params.get('all') === '1';
  const conceptIds = [...conceptInfo.keys()].sort((a, b) => conceptClauses(b) - conceptClauses(a) || a.localeCompare(b));
  const shownConcepts = all ? conceptIds : conceptIds.slice(0, MATRIX_CONCEPTS);
  const unitIds = [...unitInfo.keys()].sort((a, b) => unitClauses(b) - unitClauses(a) || a.localeCompare(b));
  const busiest = Math.max(1, ...[...cells.values()].flatMap((row) => [...row.values()].map((c) => c.lead + c.support)));
  const label = (cid) => pick(ctx.conceptMap.get(cid)?.labels, conceptInfo.get(cid)?.label || cid);
  const rows = () => unitIds.flatMap((uid) => [...cells.get(uid).entries()].map(([cid, cell]) => ({
    document: docId, unit: uid, label: unitInfo.get(uid).label, concept: cid, concept_label: label(cid),
    lead: cell.lead, support: cell.support, clauses: cell.clauses.map((c) => c.id).join(' '),
  })));
  const table = h('table', { class: 'matrix' },
    h('thead', {}, h('tr', {}, h('th', { class: 'corner' }, t('label.unit')),
      shownConcepts.map((cid) => h('th', { class: 'concept-col', title: `${label(cid)} (${cid})`, scope: 'col' },
        // Turned on its side and wrapped onto further lines when long, never cut: Chinese reads
        // top-down upright, Latin script bottom-up (the lang attribute picks the rule in app.css).
        h('a', { class: 'col-label', href: href('units', '', { concept: cid, document: docId }), lang: /[\u3400-\u9fff]/.test(label(cid)) ? 'zh' : 'en' },
          label(cid)))))),
    h('tbody', {}, unitIds.map((uid) => h('tr', { 'data-unit': uid },
      h('th', { class: 'unit-name', scope: 'row' }, unitInfo.get(uid).label || uid),
      shownConcepts.map((cid) => {
        const cell = cells.get(uid).get(cid);
        if (!cell) return h('td', { class: 'empty' });
        const numbers = [...new Set(cell.clauses.map((c) => c.number))].join('、');
        // Shaded by how many clauses: the busiest cells of the document stand out.
        const share = (cell.lead + cell.support) / busiest;
        const style = { background: cell.lead ? `hsl(8 75% ${95 - share * 22}%)` : `hsl(210 70% ${96 - share * 26}%)` };
        return h('td', { class: ['cell', cell.lead ? 'has-lead' : ''], style, title: `${unitInfo.get(uid).label} × ${label(cid)}\n${t('label.clause')} ${numbers}\n${t('role.lead')} ${cell.lead} · ${t('role.support')} ${cell.support}` },
          h('a', { href: href('doc', docId, { clause: cell.clauses[0].id }) }, String(cell.lead + cell.support)));
      })))));
  const heading = t('units.matrix', { doc: docShort(ctx.docs.get(docId), ctx.regionMap) });
  if (!unitIds.length) return [sectionHead(heading), note(t('units.matrix.none'))];
  return [
    sectionHead(heading, downloadButtons(`units-concepts-${docId}`, rows)),
    h('p', { class: 'muted small' }, t('units.matrix.explain', { units: unitIds.length, concepts: conceptIds.length }), ' ',
      conceptIds.length > MATRIX_CONCEPTS
        ? h('a', { href: href('units', '', { concept: params.get('concept'), document: docId, region: params.get('region'), all: all ? null : '1' }) },
          all ? t('units.matrix.fewer', { n: MATRIX_CONCEPTS }) : t('units.matrix.all', { n: conceptIds.length }))
        : null),
    h('div', { class: 'table-wrap matrix-wrap' }, table),
  ];
}

export async function render(page, { params }) {
  document.title = `${t('nav.units')} · policykg`;
  const [docs, docMap, regionMap, conceptList] = await Promise.all([documents(), documentMap(), regions(), concepts()]);
  const ctx = { docs: docMap, regionMap, conceptMap: new Map(conceptList.map((c) => [c.id, c])) };
  const concept = params.get('concept');
  const docId = params.get('document');
  const parts = [
    h('h1', { class: 'page-title' }, t('units.heading')),
    h('p', { class: 'lead-text' }, t('units.intro')),
    form(params, docs, conceptList, regionMap),
  ];
  if (!concept) {
    parts.push(h('p', { class: 'examples' }, t('search.examples'), ' ', SUGGESTED.filter((id) => ctx.conceptMap.has(id)).map((id) =>
      h('a', { class: 'chip', href: href('units', '', { concept: id, document: docId }) }, conceptLabel(ctx.conceptMap.get(id))))));
  }
  fill(page, ...parts, h('p', { class: 'loading' }, t('loading')));
  const [answer, matrixParts] = await Promise.all([
    concept ? getJSONOrNull('/api/units', { concept, document: docId, region: params.get('region'), limit: params.get('limit') }) : null,
    docId ? matrix(docId, ctx, params) : null,
  ]);
  if (concept && !answer) {
    const { concepts: near } = await getJSON('/api/concepts', { q: concept });
    parts.push(note(t('units.noconcept', { concept })),
      near.length ? h('p', { class: 'examples' }, t('units.didyoumean'), ' ', near.slice(0, 12).map((c) =>
        h('a', { class: 'chip', href: href('units', '', { concept: c.id, document: docId }) }, conceptLabel(c)))) : null);
  } else if (answer) {
    parts.push(responsibleSection(answer, ctx));
  }
  if (matrixParts) parts.push(h('section', { class: 'matrix-section' }, matrixParts));
  else if (!concept) parts.push(note(t('units.pickdoc')));
  fill(page, ...parts);
}

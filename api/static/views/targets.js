// Targets: a timeline by indicator and year, comparable across documents (the non-fossil share of
// the national plans beside a city's), and the same targets as a table. One lane per indicator as
// the texts name it: GDP carbon intensity and transport carbon intensity share a concept but are not
// one series. Goals without a number (the API's kind=qualitative) are listed apart, on request.

import { getAllPages, getJSON } from '../js/api.js';
import { LEVELS, conceptLabel, concepts, docShort, documentMap, documents, levelName, regionName, regions, truncate } from '../js/catalog.js';
import { fill, h, select as selectEl } from '../js/dom.js';
import { downloadButtons } from '../js/download.js';
import { sentenceText } from '../js/facts.js';
import { pick, t } from '../js/i18n.js';
import { href, navigate } from '../js/router.js';
import { PALETTE, timeline } from '../js/timeline.js';
import { levelBadge, note, regionBadge, sectionHead, targetValue } from '../js/ui.js';

let targetConcepts = null;

/** target id → concept ids; read once (the API's target rows do not carry them). */
async function conceptsOfTargets() {
  if (!targetConcepts) {
    targetConcepts = getJSON('/api/target-concepts')
      .then(({ concepts: ofTarget }) => new Map(Object.entries(ofTarget)))
      .catch((error) => {
        targetConcepts = null;
        throw error;
      });
  }
  return targetConcepts;
}

function filters(params, docs, regionMap, conceptList) {
  const docSelect = selectEl({ name: 'document', 'aria-label': t('label.document') },
    [['', t('search.alldocs')], ...docs.map((d) => [d.id, docShort(d, regionMap)])], params.get('document'));
  const used = [...new Set(docs.map((d) => d.region).filter(Boolean))];
  const withParents = new Set(used.flatMap((r) => [r, regionMap.get(r)?.parent].filter(Boolean)));
  const regionSelect = selectEl({ name: 'region', 'aria-label': t('label.region') },
    [['', t('units.allregions')], ...[...withParents].sort().map((r) => [r, `${regionName(regionMap, r)} (${r})`])], params.get('region'));
  const levelSelect = selectEl({ name: 'level', 'aria-label': t('label.level') },
    [['', t('targets.alllevels')], ['national', t('targets.level.national')], ...LEVELS.map((l) => [l, levelName(l)])], params.get('level'));
  const year = h('input', { type: 'number', name: 'year', min: 1990, max: 2100, placeholder: t('label.year'), value: params.get('year') || '', class: 'year', 'aria-label': t('label.year') });
  const options = h('datalist', { id: 'target-concepts' }, conceptList.map((c) => h('option', { value: conceptLabel(c) }, c.id)));
  const concept = h('input', { type: 'text', name: 'concept', list: 'target-concepts', placeholder: t('targets.concept.placeholder'), value: params.get('concept') || '', 'aria-label': t('label.concept') });
  const el = h('form', { class: 'search-form' }, options, docSelect, regionSelect, levelSelect, year, concept, h('button', { type: 'submit', class: 'primary' }, t('targets.button')));
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = conceptList.find((c) => conceptLabel(c) === concept.value.trim());
    navigate('targets', '', {
      document: docSelect.value, region: regionSelect.value, level: levelSelect.value, year: year.value,
      concept: picked ? picked.id : concept.value.trim(), shared: params.get('shared'), qual: params.get('qual'),
      national: params.get('national'),
    });
  });
  return el;
}

/** The lane of an indicator: its label as written, compared without case, width or spacing differences. */
export function laneKey(indicator) {
  const text = String(indicator || '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  // Spaces between Chinese characters are layout, not wording.
  return `i:${text.replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '')}`;
}

function lanesOf(targets, conceptMap, ofTarget) {
  const lanes = new Map();
  for (const tg of targets) {
    const key = laneKey(tg.indicator);
    if (!lanes.has(key)) lanes.set(key, { key, label: tg.indicator, concepts: new Set(), targets: [], docs: new Set() });
    const lane = lanes.get(key);
    lane.targets.push(tg);
    lane.docs.add(tg.document);
    for (const c of ofTarget.get(tg.id) || []) lane.concepts.add(c);
  }
  for (const lane of lanes.values()) {
    // The concepts say what the indicator is about; lanes of one concept sit next to each other.
    const names = [...lane.concepts].sort().map((c) => pick(conceptMap.get(c)?.labels, c)).filter((n) => laneKey(n) !== lane.key);
    lane.group = [...lane.concepts].sort().join(' ');
    lane.sublabel = names.length ? names.slice(0, 2).join(' · ') + (names.length > 2 ? ' …' : '') : '';
    lane.targets.sort((a, b) => a.year - b.year || (Number(a.value) || 0) - (Number(b.value) || 0));
  }
  // Most documents first; lanes of the same concepts next to each other (GDP and transport carbon intensity).
  const first = (lane) => Math.min(...lane.targets.map((x) => x.year));
  const groupOf = (lane) => lane.group || lane.key;
  const reach = new Map();
  for (const lane of lanes.values()) reach.set(groupOf(lane), Math.max(reach.get(groupOf(lane)) || 0, lane.docs.size));
  return [...lanes.values()].sort((a, b) => reach.get(groupOf(b)) - reach.get(groupOf(a))
    || groupOf(a).localeCompare(groupOf(b))
    || b.docs.size - a.docs.size
    || first(a) - first(b)
    || a.label.localeCompare(b.label));
}

/** Goals without a number, apart from the timeline: by target year, then as the API orders them. */
function qualitativeSection(goals, docMap, regionMap, colourOf) {
  const sorted = [...goals].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
  const rows = () => goals.map((g) => ({ ...g, level: docMap.get(g.document)?.level, region: docMap.get(g.document)?.region }));
  return h('section', { class: 'qualitative-section' },
    sectionHead(t('targets.goals', { n: goals.length }), downloadButtons('goals-without-number', rows)),
    h('p', { class: 'muted small' }, t('targets.goals.explain')),
    goals.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'list goals-table' },
      h('thead', {}, h('tr', {}, [t('label.year'), t('targets.goal'), t('label.document'), t('label.clause'), t('label.sentence')].map((x) => h('th', {}, x)))),
      h('tbody', {}, sorted.map((g) => {
        const doc = docMap.get(g.document);
        return h('tr', { 'data-target': g.id, 'data-document': g.document },
          h('td', { class: 'num' }, g.year ?? ''),
          h('td', {}, g.indicator),
          h('td', { class: 'doc-cell' }, h('span', { class: 'tl-dot', style: { '--c': colourOf(g.document) } }), ' ',
            h('a', { href: href('doc', g.document) }, docShort(doc, regionMap) || g.document), h('div', {}, levelBadge(doc?.level))),
          h('td', { class: 'nowrap' }, h('a', { href: href('doc', g.document, { clause: g.id.replace(/\.t\d+$/, '') }) }, g.clause)),
          h('td', { class: 'sentence' }, h('span', { class: 'clamp' }, sentenceText(g.text))));
      })))) : note(t('targets.goals.none')));
}

export async function render(page, { params }) {
  document.title = `${t('nav.targets')} · policykg`;
  const [docs, docMap, regionMap, conceptList] = await Promise.all([documents(), documentMap(), regions(), concepts()]);
  // A region named in the address in words ("汕尾", "Guangdong") is shown by its id in the form; a name the
  // service does not know stays as written, and the answer's problem says why.
  const named = params.get('region');
  if (named && !regionMap.has(named)) {
    const found = await getJSON('/api/regions', { name: named }).catch(() => null);
    if (found?.regions?.length === 1) params.set('region', found.regions[0].id);
  }
  const conceptMap = new Map(conceptList.map((c) => [c.id, c]));
  const narrowed = Boolean(params.get('document') || params.get('region') || params.get('level') || params.get('concept'));
  // Beside the national targets: a region's or a level's targets with those of the central and ministry
  // documents for the same year and concept, in one timeline (a city's lane next to the national one).
  const withNational = params.get('national') === '1' && Boolean(params.get('region') || params.get('level'));
  const sharedOnly = params.has('shared') ? params.get('shared') === '1' : !narrowed;
  const withQualitative = params.get('qual') === '1';
  const state = Object.fromEntries([...params.entries()]);
  const go = (changes) => navigate('targets', '', { ...state, ...changes });

  fill(page, h('h1', { class: 'page-title' }, t('targets.heading')), h('p', { class: 'lead-text' }, t('targets.intro')),
    filters(params, docs, regionMap, conceptList), h('p', { class: 'loading' }, t('loading')));
  // The timeline compares every target, so every page of the answer is read (`limit` a request).
  const filter = { document: params.get('document'), region: params.get('region'), level: params.get('level'), year: params.get('year'), concept: params.get('concept') };
  const national = { year: params.get('year'), concept: params.get('concept'), level: 'national' };
  const [{ targets }, ofTarget, goals] = await Promise.all([
    Promise.all([
      getAllPages('/api/targets', filter, 'targets', params.get('limit') || undefined),
      withNational ? getAllPages('/api/targets', national, 'targets', params.get('limit') || undefined) : { targets: [] },
    ]).then(([own, top]) => {
      const seen = new Set(own.targets.map((tg) => tg.id));
      return { targets: [...top.targets.filter((tg) => !seen.has(tg.id)), ...own.targets] };
    }),
    conceptsOfTargets(),
    withQualitative ? getAllPages('/api/targets', { ...filter, kind: 'qualitative' }, 'targets', params.get('limit') || undefined).then((a) => a.targets) : null,
  ]);

  const order = [...docs].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.id.localeCompare(b.id)).map((d) => d.id);
  const colourOf = (docId) => PALETTE[Math.max(0, order.indexOf(docId)) % PALETTE.length];
  const docLabel = (docId) => docShort(docMap.get(docId), regionMap) || docId;
  const legendLabel = (docId) => truncate(docLabel(docId), 60);
  const chartedDocs = new Set();
  const whoLabel = (docId) => {
    if (chartedDocs.size < 2) return '';
    const doc = docMap.get(docId);
    return doc?.region && doc.region !== 'CN' ? regionName(regionMap, doc.region) : levelName(doc?.level);
  };

  // Only quantified targets with a year and a value are charted: a goal without a number is never a point of a lane.
  const hasValue = (tg) => (tg.value !== null && tg.value !== undefined) || (tg.value_min !== null && tg.value_min !== undefined);
  const charted = targets.filter((tg) => tg.year && tg.kind !== 'qualitative' && hasValue(tg));
  let lanes = lanesOf(charted, conceptMap, ofTarget);
  const allLanes = lanes.length;
  if (sharedOnly) lanes = lanes.filter((l) => l.docs.size >= 2);
  const legendDocs = order.filter((d) => lanes.some((l) => l.docs.has(d)));
  for (const d of legendDocs) chartedDocs.add(d);

  const rows = () => targets.map((tg) => ({
    ...tg, clause_id: tg.id.replace(/\.t\d+$/, ''), level: docMap.get(tg.document)?.level, region: docMap.get(tg.document)?.region,
    concepts: (ofTarget.get(tg.id) || []).join(' '),
  }));
  for (const tg of charted) tg.clause_id = tg.id.replace(/\.t\d+$/, '');

  const table = h('table', { class: 'list targets-table' },
    h('thead', {}, h('tr', {}, [t('label.indicator'), t('label.value'), t('label.year'), t('label.baseyear'), t('label.document'), t('label.clause'), t('label.sentence')].map((x) => h('th', {}, x)))),
    h('tbody', {}, targets.map((tg) => {
      const doc = docMap.get(tg.document);
      return h('tr', { 'data-target': tg.id, 'data-document': tg.document },
        h('td', {}, tg.indicator),
        h('td', { class: 'value nowrap' }, targetValue(tg)),
        h('td', { class: 'num' }, tg.year ?? ''),
        h('td', { class: 'num' }, tg.base_year ?? ''),
        h('td', { class: 'doc-cell' }, h('span', { class: 'tl-dot', style: { '--c': colourOf(tg.document) } }), ' ',
          h('a', { href: href('doc', tg.document) }, doc?.title || tg.document), h('div', {}, levelBadge(doc?.level), ' ', regionBadge(regionMap, doc?.region))),
        h('td', { class: 'nowrap' }, h('a', { href: href('doc', tg.document, { clause: tg.id.replace(/\.t\d+$/, '') }) }, tg.clause)),
        h('td', { class: 'sentence' }, h('span', { class: 'clamp' }, sentenceText(tg.text))));
    })));

  fill(page, 
    h('h1', { class: 'page-title' }, t('targets.heading')),
    h('p', { class: 'lead-text' }, t('targets.intro')),
    filters(params, docs, regionMap, conceptList),
    h('section', { class: 'timeline-section' },
      sectionHead(t('targets.timeline.count', { lanes: lanes.length, all: allLanes }), downloadButtons('targets-timeline', () => lanes.flatMap((l) => l.targets.map((tg) => ({ lane: l.label, ...tg }))))),
      h('div', { class: 'toolbar' },
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'shared', checked: sharedOnly, onchange: (e) => go({ shared: e.target.checked ? '1' : '0' }) }), ' ', t('targets.sharedonly')),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'national', checked: withNational, disabled: !(params.get('region') || params.get('level')), onchange: (e) => go({ national: e.target.checked ? '1' : null }) }), ' ', t('targets.national')),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'qual', checked: withQualitative, onchange: (e) => go({ qual: e.target.checked ? '1' : null }) }), ' ', t('targets.qualitative'))),
      lanes.length ? timeline(lanes, { colourOf, docLabel, legendLabel, legendDocs, whoLabel }) : note(sharedOnly ? t('targets.noshared') : t('targets.none'))),
    goals ? qualitativeSection(goals, docMap, regionMap, colourOf) : null,
    h('section', { class: 'table-section' },
      sectionHead(t('targets.table', { n: targets.length }), downloadButtons('targets', rows)),
      targets.length ? h('div', { class: 'table-wrap' }, table) : note(t('targets.none'))),
  );
}

// One document as its clause tree. Each clause shows its text with the extracted facts marked, then
// its measures, targets, deadlines, responsible units (lead first, marked) and concepts. Hovering a
// fact shows the exact quote and its offsets in the original text.

import { getJSON } from '../js/api.js';
import { docTitles, documentMap, regions, titleLang } from '../js/catalog.js';
import { documentGraph } from '../js/doclinks.js';
import { fill, h } from '../js/dom.js';
import { downloadButtons } from '../js/download.js';
import { documentClauseSpans, documentFacts, highlighted, sentenceText, sourceNote } from '../js/facts.js';
import { t } from '../js/i18n.js';
import { href, navigate, replaceParams } from '../js/router.js';
import { conceptChip, legend, levelBadge, note, regionBadge, targetValue, textToggle, unitChip } from '../js/ui.js';

const FACT_KINDS = ['target', 'deadline', 'unit', 'concept'];

function factTitle(kind, detail, fact) {
  return [`${t(`fact.${kind}`)}${detail ? `: ${detail}` : ''}`, fact ? sourceNote(fact) : ''].filter(Boolean).join('\n');
}

function hasFacts(c) {
  return c.measures.length + c.targets.length + c.deadlines.length + c.units.length + c.concepts.length > 0;
}

/** Marks for the normalised text: each fact's quote found in reading order (exact for simplified
 * originals; traditional originals differ from their normalised text, so their quotes are not found). */
function normalisedMarks(text, facts) {
  const marks = [];
  let cursor = 0;
  for (const fact of facts) {
    if (!fact.exact || fact.kind === 'measure') continue;
    const at = text.indexOf(fact.exact, cursor);
    if (at < 0) continue;
    marks.push({ start: at, end: at + fact.exact.length, kind: fact.kind, title: fact.title });
    cursor = at;
  }
  return marks;
}

function describe(fact, byId, clause) {
  if (fact.kind === 'target') {
    const target = byId.get(fact.id);
    return target ? `${target.indicator} ${targetValue(target)}${target.year ? ` (${target.year})` : ''}` : '';
  }
  if (fact.kind === 'deadline') return byId.get(fact.id)?.label || '';
  if (fact.kind === 'unit') return `${fact.unit_label || fact.unit} · ${t(`role.${fact.role}`)}`;
  if (fact.kind === 'concept') return clause.concepts.find((c) => c.id === fact.concept)?.label || fact.concept;
  return '';
}

function period(d) {
  if (d.ongoing) return t('deadline.ongoing');
  if (d.start && d.end && d.start !== d.end) return `${d.start}–${d.end}`;
  return d.end || d.start || '';
}

function clauseSection(clause, ctx) {
  const { facts, spans, mode, docId, focusItem, script } = ctx;
  const clauseFacts = facts.get(clause.id) || [];
  const byId = new Map([...clause.targets, ...clause.deadlines].map((x) => [x.id, x]));
  for (const fact of clauseFacts) fact.title = factTitle(fact.kind, describe(fact, byId, clause), fact);
  const factById = new Map(clauseFacts.map((f) => [f.id, f]));
  const span = spans.get(clause.id);

  let body;
  if (mode === 'normalised' && span?.normalised) {
    body = highlighted(span.normalised, 0, normalisedMarks(span.normalised, clauseFacts));
  } else if (span) {
    const marks = clauseFacts.map((f) => ({
      start: f.start, end: f.end, title: f.kind === 'measure' ? null : f.title,
      kind: f.kind === 'measure' && f.id === focusItem ? 'focus' : f.kind,
    }));
    body = highlighted(clause.text || '', span.start, marks);
  } else {
    body = [clause.text || ''];
  }

  const blocks = [];
  if (clause.measures.length) {
    const open = clause.measures.some((m) => m.id === focusItem);
    blocks.push(h('details', { class: 'fact-block measures', open },
      h('summary', {}, h('h4', {}, t('fact.measures'), h('span', { class: 'count' }, clause.measures.length)),
        h('span', { class: 'muted small' }, ` ${t('doc.measures.hint')}`)),
      h('ol', {}, clause.measures.map((m) => {
        const fact = factById.get(m.id);
        return h('li', { class: ['measure', m.id === focusItem ? 'focus' : ''], 'data-measure': m.id, title: fact ? sourceNote(fact) : null },
          h('span', { class: 'measure-text' }, sentenceText(m.text)),
          ' ',
          h('a', { class: 'trace-link', href: href('trace', m.id), title: t('trace.link.title') }, t('search.trace')));
      }))));
  }
  if (clause.targets.length) {
    blocks.push(h('div', { class: 'fact-block targets' },
      h('h4', {}, t('fact.targets'), h('span', { class: 'count' }, clause.targets.length)),
      h('table', { class: 'mini' },
        h('thead', {}, h('tr', {}, h('th', {}, t('label.indicator')), h('th', {}, t('label.value')), h('th', {}, t('label.year')), h('th', {}, t('label.baseyear')))),
        h('tbody', {}, clause.targets.map((tg) => h('tr', { 'data-target': tg.id, title: factById.get(tg.id) ? sourceNote(factById.get(tg.id)) : null },
          h('td', {}, tg.indicator), h('td', { class: 'value nowrap' }, targetValue(tg)),
          h('td', { class: 'nowrap' }, tg.year ?? ''), h('td', { class: 'nowrap' }, tg.base_year ?? '')))))));
  }
  if (clause.deadlines.length) {
    blocks.push(h('div', { class: 'fact-block deadlines' },
      h('h4', {}, t('fact.deadlines')),
      h('div', { class: 'chips' }, clause.deadlines.map((d) => h('span', {
        class: 'chip deadline-chip', title: factTitle('deadline', `${d.kind || ''} ${period(d)}`.trim(), factById.get(d.id)),
      }, d.label, d.label.includes(period(d)) ? null : h('span', { class: 'muted' }, ` ${period(d)}`))))));
  }
  if (clause.units.length) {
    const order = { lead: 0, support: 1, mentioned: 2 };
    const units = [...clause.units].sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3));
    blocks.push(h('div', { class: 'fact-block units' },
      h('h4', {}, t('label.units'), h('span', { class: 'count' }, units.length)),
      h('div', { class: 'chips' }, units.map((u) => {
        const fact = clauseFacts.find((f) => f.kind === 'unit' && f.unit === u.id && f.role === u.role);
        return unitChip(u, factTitle('unit', `${u.label} · ${t(`role.${u.role}`)} · ${u.jurisdiction || ''}`, fact));
      }))));
  }
  if (clause.concepts.length) {
    blocks.push(h('div', { class: 'fact-block concepts' },
      h('h4', {}, t('label.concepts')),
      h('div', { class: 'chips' }, clause.concepts.map((c) => conceptChip(c, docId)))));
  }

  const depth = Math.max(0, (clause.path?.length || 1) - 1);
  return h('section', { class: ['clause', `depth-${Math.min(depth, 4)}`], id: `clause-${clause.id}`, 'data-clause': clause.id },
    h('div', { class: 'clause-head' },
      h('span', { class: 'clause-path', title: clause.id }, (clause.path || [clause.number]).join(' › ')),
      clause.title ? h('span', { class: 'clause-title' }, clause.title) : null,
      h('a', { class: 'trace-link', href: href('trace', clause.id), title: t('trace.clause.title') }, t('trace.short'))),
    h('p', { class: 'clause-text', lang: mode === 'normalised' ? 'zh-Hans' : script }, body),
    blocks.length ? h('div', { class: 'facts' }, blocks) : null);
}

function outline(clauses, onPick, current) {
  return h('nav', { class: 'outline', 'aria-label': t('doc.outline') },
    h('h3', {}, t('doc.outline')),
    h('ol', {}, clauses.map((c) => {
      const depth = Math.max(0, (c.path?.length || 1) - 1);
      const label = `${c.number} ${c.title || (c.text || '').slice(0, 30)}`;
      return h('li', { class: [`depth-${Math.min(depth, 4)}`, hasFacts(c) ? 'with-facts' : '', c.id === current ? 'current' : ''] },
        h('button', { type: 'button', class: 'link', 'data-goto': c.id, title: label, onclick: () => onPick(c.id) }, label));
    })));
}

function clauseRows(doc) {
  const join = (list, f) => list.map(f).join('; ');
  return doc.clauses.map((c) => ({
    document: doc.id, clause: c.id, number: c.number, path: (c.path || []).join('/'), title: c.title, text: c.text,
    measures: join(c.measures, (m) => m.id),
    targets: join(c.targets, (x) => `${x.indicator} ${targetValue(x)}${x.year ? ` ${x.year}` : ''}`),
    deadlines: join(c.deadlines, (d) => d.label),
    units: join(c.units, (u) => `${u.label} (${u.role})`),
    concepts: join(c.concepts, (x) => x.id),
  }));
}

export async function render(page, { id, params }) {
  if (!id) {
    navigate('docs');
    return;
  }
  const mode = params.get('text') === 'normalised' ? 'normalised' : 'original';
  const onlyFacts = params.get('facts') === '1';
  const [doc, facts, spans, regionMap, docMap] = await Promise.all([
    getJSON(`/api/documents/${encodeURIComponent(id)}`), documentFacts(id), documentClauseSpans(id), regions(), documentMap(),
  ]);
  const titles = docTitles(doc);
  document.title = `${titles.main} · policykg`;
  const state = { clause: params.get('clause'), item: params.get('item'), text: mode === 'normalised' ? mode : null, facts: onlyFacts ? '1' : null };
  const go = (changes) => navigate('doc', id, { ...state, ...changes });

  const clauses = onlyFacts ? doc.clauses.filter((c) => hasFacts(c) || c.id === state.clause) : doc.clauses;
  const ctx = { facts, spans, mode, docId: id, focusItem: state.item, script: titleLang(doc) };
  const article = h('article', { class: 'clauses' }, clauses.map((c) => clauseSection(c, ctx)));
  const count = (key) => doc.clauses.reduce((n, c) => n + c[key].length, 0);
  const allFacts = () => [...facts.values()].flat().map(({ title, ...f }) => ({ document: id, ...f }));

  const pick = (clauseId) => {
    const el = document.getElementById(`clause-${clauseId}`);
    if (!el) return;
    state.clause = clauseId;
    replaceParams('doc', id, state);
    for (const s of article.querySelectorAll('.clause.focused')) s.classList.remove('focused');
    el.classList.add('focused');
    for (const li of page.querySelectorAll('.outline li')) li.classList.toggle('current', li.querySelector('button')?.dataset.goto === clauseId);
    el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const onlyBox = h('input', { type: 'checkbox', checked: onlyFacts, onchange: (e) => go({ facts: e.target.checked ? '1' : null }) });
  fill(page, 
    h('header', { class: 'doc-head' },
      h('h1', { lang: titleLang(doc) }, titles.main),
      titles.other ? h('p', { class: 'doc-other-title' }, titles.other) : null,
      h('p', { class: 'doc-meta' },
        levelBadge(doc.level), ' ', regionBadge(regionMap, doc.region), ' ',
        doc.issued ? h('span', { class: 'meta' }, `${t('label.issued')} ${doc.issued}`) : null,
        doc.doc_number ? h('span', { class: 'meta' }, doc.doc_number) : null,
        doc.issuer ? h('span', { class: 'meta' }, doc.issuer) : null),
      h('p', { class: 'doc-stats' }, t('doc.stats', {
        clauses: doc.clauses.length, measures: count('measures'), targets: count('targets'), units: count('units'),
      }), ' · ', h('a', { href: href('units', '', { document: id }) }, t('units.matrix.short')),
      ' · ', h('a', { href: href('targets', '', { document: id }) }, t('nav.targets')))),
    documentGraph(doc, regionMap, docMap),
    h('div', { class: 'toolbar' },
      textToggle(mode, (next) => go({ text: next === 'normalised' ? next : null })),
      h('label', { class: 'check' }, onlyBox, ' ', t('doc.onlyfacts')),
      h('span', { class: 'legend' }, legend(['target', 'deadline', 'unit', 'concept', 'measure'])),
      h('span', { class: 'grow' }),
      h('span', { class: 'muted small' }, t('doc.download.clauses')), downloadButtons(`${id}-clauses`, () => clauseRows(doc)),
      h('span', { class: 'muted small' }, t('doc.download.facts')), downloadButtons(`${id}-facts`, allFacts)),
    mode === 'normalised' ? note(t('doc.normalised.note')) : null,
    h('div', { class: 'doc-layout' }, outline(clauses, pick, state.clause), article),
  );
  if (!clauses.length) article.append(note(t('doc.noclauses')));
  if (state.clause) {
    const el = document.getElementById(`clause-${state.clause}`);
    if (el) {
      el.classList.add('focused');
      requestAnimationFrame(() => {
        el.scrollIntoView({ block: 'start' });
        page.querySelector('.outline li.current')?.scrollIntoView({ block: 'nearest' });
      });
    }
  }
}

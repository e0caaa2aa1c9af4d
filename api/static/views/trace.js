// Trace: from a measure (or clause) up the hierarchy to the national clauses it carries out, each hop
// with its score and evidence; from a clause down to every lower-level measure implementing it; and
// the national clauses no local document implements.

import { getJSON } from '../js/api.js';
import { LEVELS, concepts, docName, docShort, documentMap, levelName, regionName, regions, titleLang, truncate } from '../js/catalog.js';
import { fill, h, select as selectEl } from '../js/dom.js';
import { downloadButtons } from '../js/download.js';
import { clauseText, sentenceText } from '../js/facts.js';
import { language, pick, t } from '../js/i18n.js';
import { LOCAL_LEVELS, implementers, unimplemented, unitTypeLabels } from '../js/links.js';
import { href, navigate } from '../js/router.js';
import { docLine, errorBox, levelBadge, note, sectionHead } from '../js/ui.js';
import { compareClauseIds, isMeasureId } from '../js/vocab.js';

const SCORE_STEPS = ['0', '0.2', '0.3', '0.4', '0.5'];

function scoreBar(score) {
  const value = Number(score) || 0;
  return h('span', { class: 'score-bar', title: t('trace.score.title') },
    h('span', { class: 'score-fill', style: { width: `${Math.round(Math.min(1, value) * 100)}%` } }),
    h('span', { class: 'score-num' }, value.toFixed(2)));
}

function evidenceChip(e, conceptMap, ctx) {
  let text = e.value;
  if (e.kind === 'concept') text = pick(conceptMap.get(e.value)?.labels, e.value);
  else if (e.kind === 'wording') text = `“${e.value}”`;
  else if (e.kind === 'alignment') text = t('evidence.alignment');
  else if (e.kind === 'unit') text = ctx.unitTypes.get(e.value) || e.value;
  else if (e.kind === 'via' && ctx.clauseNumbers) {
    // The intermediate clause the link goes through, named like a step of a chain.
    const doc = ctx.docs.get(String(e.value).split('~')[0]);
    if (doc) text = stepLabel(doc, ctx.clauseNumbers.get(e.value) || String(e.value).split('~')[1], ctx);
  }
  return h('span', { class: `chip evidence ev-${e.kind}`, title: `${t(`evidence.${e.kind}`)} · ${t('evidence.weight')} ${Number(e.weight || 0).toFixed(2)}` },
    h('span', { class: 'ev-kind' }, t(`evidence.${e.kind}`)), ' ', text);
}

function hopCard(node, ctx) {
  const doc = ctx.docs.get(node.document);
  return h('div', { class: ['hop', `level-${doc?.level || 'unknown'}`], 'data-clause': node.id, 'data-document': node.document },
    h('div', { class: 'hop-head' },
      h('span', { class: `badge relation rel-${node.relation}` }, t(`relation.${node.relation}`)),
      scoreBar(node.score),
      docLine(doc, ctx.regionMap, { clauseId: node.id, clauseNumber: node.clause })),
    h('p', { class: 'hop-text clamp' }, clauseText(node.text)),
    node.evidence?.length ? h('div', { class: 'chips evidence-list' }, node.evidence.map((e) => evidenceChip(e, ctx.conceptMap, ctx))) : null,
    h('div', { class: 'hop-actions' }, h('a', { href: href('trace', node.id) }, t('trace.fromhere'))));
}

function tree(parents, ctx) {
  if (!parents?.length) return null;
  return h('ul', { class: 'trace-tree' }, parents.map((p) => h('li', {}, hopCard(p, ctx), tree(p.parents, ctx))));
}

// How much of the upward trace shows at first: the documents with the best chains, and in each its
// best clause (with those scoring nearly as well); the rest comes on demand ("show more").
const DOCUMENTS_SHOWN = 3;
const NEAR_BEST = 0.9;

/** "三明市 · 五" for a local clause, "2030年前碳达峰行动方案 · 4" for a national one; a document alone without `clause`. */
function stepLabel(doc, clause, ctx) {
  const local = LOCAL_LEVELS.includes(doc?.level);
  const title = docName(doc);
  // Sixteen characters of a Chinese title say about as much as thirty-two of an English one.
  const name = local ? regionName(ctx.regionMap, doc?.region) : truncate(title, /[\u3400-\u9fff]/.test(title) ? 16 : 32);
  return clause ? `${name} · ${clause}` : name;
}

/** The documents from the source's up to `docId` on its best chain: each ancestor names the one below it (`via`). */
function documentPath(docId, byDocument) {
  const path = [];
  const seen = new Set();
  for (let at = docId; at && !seen.has(at); at = byDocument.get(at)?.via) {
    seen.add(at);
    path.unshift(at);
  }
  return path;
}

/** The "show more" control of a list whose items past the first ones are hidden until asked for. */
function moreButton(kind, hidden, label) {
  if (!hidden.length) return null;
  const button = h('button', { type: 'button', class: 'small more', 'data-more': kind, 'aria-expanded': 'false' }, label);
  button.addEventListener('click', () => {
    for (const el of hidden) el.hidden = false;
    button.remove();
  });
  return button;
}

/** One ranked clause of an ancestor document: rank, relation, link score, chain score, evidence. */
function rankedClause(clause, ctx) {
  const doc = ctx.docs.get(ctx.documentOf(clause.id));
  return h('li', { class: ['hop', 'ranked', `level-${doc?.level || 'unknown'}`], 'data-clause': clause.id, 'data-rank': String(clause.rank) },
    h('div', { class: 'hop-head' },
      h('span', { class: 'badge rank', title: t('trace.rank.title') }, `#${clause.rank}`),
      h('a', { class: 'badge clause-no', href: href('doc', doc?.id, { clause: clause.id }) }, `${t('label.clause')} ${clause.clause}`),
      h('span', { class: `badge relation rel-${clause.relation}` }, t(`relation.${clause.relation}`)),
      scoreBar(clause.score),
      h('span', { class: 'chain-score small', title: t('trace.chain.title') }, `${t('trace.chainscore')} ${Number(clause.chain).toFixed(3)}`),
      (clause.expressions || []).map((other) => h('a', {
        class: 'chain-also small', href: href('doc', ctx.documentOf(other), { clause: other }),
      }, `= ${t(`doc.version.${ctx.docs.get(ctx.documentOf(other))?.language || 'zh'}`)} ${ctx.clauseNumbers.get(other) || clause.clause}`))),
    h('p', { class: 'hop-text clamp' }, clauseText(clause.text)),
    clause.evidence?.length ? h('div', { class: 'chips evidence-list' }, clause.evidence.map((e) => evidenceChip(e, ctx.conceptMap, ctx))) : null,
    h('div', { class: 'hop-actions' }, h('a', { href: href('trace', clause.id) }, t('trace.fromhere'))));
}

/** One document above the item: its best chain from the source, then its ranked clauses, the weaker ones on demand. */
function ancestorCard(ancestor, source, ctx) {
  const doc = ctx.docs.get(ancestor.document);
  const clauses = ancestor.clauses || [];
  const best = clauses[0];
  const path = documentPath(ancestor.document, ctx.byDocument);
  // The chain ends at the version of the clause in the interface language when the work has one
  // (a translation restates its original: the same clause).
  const endId = [best?.id, ...(best?.expressions || [])].find((id) => id && ctx.docs.get(ctx.documentOf(id))?.language === language()) || best?.id;
  const steps = [
    { doc: ctx.docs.get(source.document), clause: source.clause, clauseId: source.clause_id },
    ...path.slice(0, -1).map((id) => ({ doc: ctx.docs.get(id) })),
    { doc: ctx.docs.get(ctx.documentOf(endId)) || doc, clause: ctx.clauseNumbers.get(endId) || best?.clause, clauseId: endId },
  ];
  const chain = h('div', { class: 'chain', 'data-end': endId || '' },
    steps.map((step, i) => [
      i ? h('span', { class: 'arrow' }, ' → ') : null,
      h('a', {
        class: ['chain-step', `level-${step.doc?.level}`, step.clause ? '' : 'document-step'],
        href: href('doc', step.doc?.id, { clause: step.clauseId }),
        title: `${levelName(step.doc?.level)} · ${docShort(step.doc, ctx.regionMap)}${step.clause ? ` · ${t('label.clause')} ${step.clause}` : ''}`,
      }, stepLabel(step.doc, step.clause, ctx)),
    ]),
    best ? h('span', { class: 'muted small' }, ` (${t('trace.chainscore')} ${Number(best.chain).toFixed(3)})`) : null);
  const shown = clauses.filter((c, i) => i === 0 || Number(c.chain) >= NEAR_BEST * Number(best.chain));
  const items = clauses.map((c) => {
    const item = rankedClause(c, ctx);
    if (!shown.includes(c)) item.hidden = true;
    return item;
  });
  const hidden = items.filter((item) => item.hidden);
  const below = ancestor.via ? ctx.docs.get(ancestor.via) : null;
  return h('li', { class: ['ancestor', `level-${doc?.level || 'unknown'}`], 'data-document': ancestor.document },
    h('div', { class: 'ancestor-head' },
      docLine(doc, ctx.regionMap),
      h('span', { class: 'muted small' },
        below ? t('trace.via', { doc: docShort(below, ctx.regionMap) }) : t('trace.direct'),
        ` · ${t('trace.docscore')} ${Number(ancestor.score).toFixed(2)}`)),
    chain,
    h('ol', { class: 'ranked-clauses' }, items),
    moreButton('clauses', hidden, t('trace.moreclauses', { n: hidden.length })));
}

function ancestorList(ancestors, source, ctx) {
  const cards = ancestors.map((a, i) => {
    const card = ancestorCard(a, source, ctx);
    if (i >= DOCUMENTS_SHOWN) card.hidden = true;
    return card;
  });
  const hidden = cards.filter((c) => c.hidden);
  return [h('ol', { class: 'ancestors' }, cards), moreButton('documents', hidden, t('trace.moredocs', { n: hidden.length }))];
}

/** Every hop of the trace as a tree, shown on demand. */
function hopsOnDemand(parents, flat, source, ctx) {
  const count = flat.length;
  const body = h('div', { class: 'hops-body' });
  const box = h('details', { class: 'all-hops' },
    h('summary', {}, t('trace.tree', { n: count })),
    body);
  // Built when first opened: a trace can hold hundreds of hops.
  box.addEventListener('toggle', () => {
    if (!box.open || body.childElementCount) return;
    fill(body, sectionHead(t('trace.tree.head'), downloadButtons(`trace-${source.id}`, () => flat), 'h3'), tree(parents, ctx));
  });
  return box;
}

function implementersSection(clauseId, ctx, params) {
  const minScore = Number(params.get('min') || '0.3');
  const bestOnly = params.get('best') !== '0';
  const box = h('section', { class: 'implementers' }, h('p', { class: 'loading' }, t('loading')));
  const go = (changes) => navigate('trace', clauseId, { min: params.get('min'), best: params.get('best'), ...changes });
  implementers(clauseId).then((links) => {
    const lower = links.filter((l) => {
      const level = ctx.docs.get(l.document)?.level;
      const source = ctx.docs.get(ctx.sourceDoc)?.level;
      return LEVELS.indexOf(level) > LEVELS.indexOf(source);
    });
    const shown = lower.filter((l) => l.score >= minScore && (!bestOnly || l.rank === 1 || l.rank === null));
    const groups = new Map();
    for (const l of shown) {
      const doc = ctx.docs.get(l.document);
      const key = `${LEVELS.indexOf(doc?.level)}|${doc?.region || ''}`;
      if (!groups.has(key)) groups.set(key, { level: doc?.level, region: doc?.region, items: [] });
      groups.get(key).items.push(l);
    }
    const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }));
    const rows = () => shown.map((l) => ({ ...l, level: ctx.docs.get(l.document)?.level, region: ctx.docs.get(l.document)?.region }));
    fill(box, 
      sectionHead(t('trace.implementers', { n: shown.length }), downloadButtons(`implementers-${clauseId}`, rows)),
      h('div', { class: 'toolbar' },
        h('label', {}, t('trace.minscore'), ' ', selectEl({ onchange: (e) => go({ min: e.target.value }) }, SCORE_STEPS.map((s) => [s, s]), String(minScore))),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: bestOnly, onchange: (e) => go({ best: e.target.checked ? null : '0' }) }), ' ', t('trace.bestonly')),
        h('span', { class: 'muted small' }, t('trace.implementers.all', { n: lower.length }))),
      shown.length ? null : note(t('trace.noimplementers')),
      sorted.length > 1 ? h('p', { class: 'chips impl-summary' }, sorted.map(([key, g]) => h('button', {
        type: 'button', class: 'chip', onclick: () => box.querySelector(`[data-group="${key}"]`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
      }, levelName(g.level), ' ', regionName(ctx.regionMap, g.region), h('span', { class: 'count' }, g.items.length)))) : null,
      sorted.map(([key, g]) => h('div', { class: 'impl-group', 'data-group': key },
        h('h3', {}, levelBadge(g.level), ' ', regionName(ctx.regionMap, g.region), h('span', { class: 'count' }, g.items.length)),
        h('ul', { class: 'impl-list' }, g.items.map((l) => {
          const doc = ctx.docs.get(l.document);
          return h('li', { 'data-source': l.source },
            scoreBar(l.score),
            h('div', { class: 'impl-body' },
              h('div', { class: 'impl-head' },
                h('a', { class: 'doc-title', href: href('doc', l.document, { clause: l.clause, item: l.kind === 'measure' ? l.source : null }), lang: titleLang(doc) }, docName(doc)),
                h('span', { class: 'badge clause-no' }, `${t('label.clause')} ${l.number}`),
                l.relation !== 'implements' ? h('span', { class: `badge relation rel-${l.relation}` }, t(`relation.${l.relation}`)) : null,
                h('a', { class: 'small trace-link', href: href('trace', l.source) }, t('search.trace'))),
              h('p', { class: 'hop-text clamp' }, clauseText(l.text))));
        })))),
    );
  }).catch((error) => fill(box, errorBox(error)));
  return box;
}

async function gapsPage(page, params) {
  const minScore = Number(params.get('min') || '0.3');
  const [docs, regionMap] = await Promise.all([documentMap(), regions()]);
  const idInput = h('input', { type: 'text', name: 'id', class: 'grow', placeholder: t('trace.id.placeholder'), 'aria-label': t('trace.id.placeholder') });
  const form = h('form', { class: 'search-form' }, idInput, h('button', { type: 'submit', class: 'primary' }, t('trace.go')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = idInput.value.trim();
    if (!value) return;
    if (value.includes('~')) navigate('trace', value);
    else navigate('search', '', { q: value });
  });
  const list = h('div', {}, h('p', { class: 'loading' }, t('loading')));
  fill(page, 
    h('h1', { class: 'page-title' }, t('trace.heading')),
    h('p', { class: 'lead-text' }, t('trace.intro')),
    form,
    list,
  );
  const gaps = await unimplemented(minScore);
  const byDoc = new Map();
  for (const g of gaps) {
    if (!byDoc.has(g.document)) byDoc.set(g.document, []);
    byDoc.get(g.document).push(g);
  }
  fill(list, 
    sectionHead(t('trace.gaps', { n: gaps.length }), downloadButtons(`national-clauses-without-local-implementation-${minScore}`, () => gaps)),
    h('p', {}, t('trace.gaps.explain'), ' ', t('trace.minscore'), ' ',
      selectEl({ onchange: (e) => navigate('trace', '', { min: e.target.value }) }, SCORE_STEPS.map((s) => [s, s]), String(minScore))),
    [...byDoc.entries()].map(([docId, items]) => h('div', { class: 'gap-group' },
      h('h3', {}, docLine(docs.get(docId), regionMap), h('span', { class: 'count' }, items.length)),
      h('ul', { class: 'gap-list' }, items.sort((a, b) => compareClauseIds(a.clause, b.clause)).map((g) => h('li', { 'data-clause': g.clause },
        h('a', { href: href('trace', g.clause) }, `${g.number} `, g.title || ''),
        h('span', { class: 'muted small' }, g.best_local_score === null ? ` — ${t('trace.nolink')}` : ` — ${t('trace.bestlocal')} ${g.best_local_score.toFixed(2)}`),
        h('p', { class: 'hop-text clamp' }, clauseText(g.text))))))),
  );
}

export async function render(page, { id, params }) {
  document.title = `${t('nav.trace')} · policykg`;
  if (!id) {
    await gapsPage(page, params);
    return;
  }
  const [docs, regionMap, conceptList] = await Promise.all([documentMap(), regions(), concepts()]);
  const ctx = { docs, regionMap, conceptMap: new Map(conceptList.map((c) => [c.id, c])) };
  ctx.sourceDoc = id.split('~')[0];
  const upward = h('section', { class: 'upward' }, h('p', { class: 'loading' }, t('trace.loading')));
  const head = h('div', { class: 'trace-source' }, h('p', { class: 'loading' }, t('loading')));
  fill(page, h('h1', { class: 'page-title' }, t('trace.heading')), head, upward);
  // The links into a clause come from one quick query: show them while the upward trace runs.
  if (!isMeasureId(id)) page.append(implementersSection(id, ctx, params));

  const found = await getJSON(`/api/trace/${encodeURIComponent(id)}`).catch((error) => ({ error }));
  if (found.error) {
    fill(upward, errorBox(found.error));
    fill(head);
    return;
  }
  const { source, parents } = found;
  const doc = docs.get(source.document);
  const clauseId = source.kind === 'clause' ? source.id : source.id.replace(/\.m\d+$/, '');
  fill(head, 
    h('div', { class: 'hop source' },
      h('div', { class: 'hop-head' },
        h('span', { class: 'badge kind' }, t(source.kind === 'measure' ? 'fact.measure' : 'label.clause')),
        docLine(doc, regionMap, { clauseId, clauseNumber: source.clause })),
      h('p', { class: 'hop-text' }, source.kind === 'measure' ? sentenceText(source.text) : clauseText(source.text))),
  );
  const ancestors = found.ancestors || [];
  const unitTypes = [];
  const collect = (nodes) => nodes.forEach((n) => {
    unitTypes.push(...(n.evidence || []).filter((e) => e.kind === 'unit').map((e) => e.value));
    collect(n.parents || []);
  });
  collect(parents);
  collect(ancestors.flatMap((a) => a.clauses || []));
  ctx.unitTypes = await unitTypeLabels(unitTypes).catch(() => new Map());
  ctx.byDocument = new Map(ancestors.map((a) => [a.document, a]));
  ctx.documentOf = (clauseId) => String(clauseId).split('~')[0];
  ctx.clauseNumbers = new Map([[clauseId, source.clause]]);
  const number = (nodes) => nodes.forEach((n) => {
    ctx.clauseNumbers.set(n.id, n.clause);
    number(n.parents || []);
  });
  number(parents);
  number(ancestors.flatMap((a) => a.clauses || []));
  source.clause_id = clauseId;
  const flat = [];
  const walk = (nodes, depth, from) => {
    for (const n of nodes || []) {
      flat.push({ from, depth, id: n.id, document: n.document, clause: n.clause, relation: n.relation, score: n.score,
        evidence: (n.evidence || []).map((e) => `${e.kind}:${e.value}`).join('; ') });
      walk(n.parents, depth + 1, n.id);
    }
  };
  walk(parents, 1, source.id);
  if (!ancestors.length && !parents.length) {
    fill(upward, note(doc?.level === 'central' ? t('trace.top') : t('trace.noparents')));
    return;
  }
  const rows = () => ancestors.flatMap((a) => (a.clauses || []).map((c) => ({
    document: a.document, level: docs.get(a.document)?.level, region: docs.get(a.document)?.region, via: a.via,
    document_score: a.score, rank: c.rank, id: c.id, clause: c.clause, score: c.score, chain: c.chain, relation: c.relation,
    evidence: (c.evidence || []).map((e) => `${e.kind}:${e.value}`).join('; '), expressions: (c.expressions || []).join(' '), text: c.text,
  })));
  fill(upward,
    sectionHead(t('trace.reached', { n: ancestors.length }), downloadButtons(`trace-documents-${source.id}`, rows)),
    h('p', { class: 'muted small' }, t('trace.reached.explain')),
    ancestors.length ? ancestorList(ancestors, source, ctx) : note(t('trace.nocentre')),
    parents.length ? hopsOnDemand(parents, flat, source, ctx) : null,
  );
}

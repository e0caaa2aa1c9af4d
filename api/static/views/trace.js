// Trace: from a measure (or clause) up the hierarchy to the national clauses it carries out, each hop
// with its score and evidence; from a clause down to every lower-level measure implementing it; and
// the national clauses no local document implements.

import { getJSON } from '../js/api.js';
import { LEVELS, concepts, docName, docShort, documentMap, levelName, regionName, regions, titleLang, truncate } from '../js/catalog.js';
import { fill, h, select as selectEl } from '../js/dom.js';
import { downloadButtons } from '../js/download.js';
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
    h('p', { class: 'hop-text clamp' }, node.text || ''),
    node.evidence?.length ? h('div', { class: 'chips evidence-list' }, node.evidence.map((e) => evidenceChip(e, ctx.conceptMap, ctx))) : null,
    h('div', { class: 'hop-actions' }, h('a', { href: href('trace', node.id) }, t('trace.fromhere'))));
}

function tree(parents, ctx) {
  if (!parents?.length) return null;
  return h('ul', { class: 'trace-tree' }, parents.map((p) => h('li', {}, hopCard(p, ctx), tree(p.parents, ctx))));
}

/**
 * Every path from the source to a central-level clause, best (highest product of scores) first.
 * A central clause and its translation (the hop between them "restates" it) are one end: the chain
 * ends at the version in the interface language, and names the other as `also`.
 */
function chainsToCentre(parents, docs) {
  const best = new Map();
  const central = (node) => docs.get(node.document)?.level === 'central';
  const walk = (nodes, path, score) => {
    for (const node of nodes || []) {
      const value = score * (Number(node.score) || 0);
      const previous = path[path.length - 1];
      const translation = node.relation === 'restates' && previous && central(previous);
      if (central(node) && !translation) {
        const versions = [node, ...(node.parents || []).filter((p) => p.relation === 'restates' && central(p))];
        const end = versions.find((n) => docs.get(n.document)?.language === language()) || node;
        const seen = best.get(end.id);
        if (!seen || value > seen.score) {
          best.set(end.id, { path: [...path, { ...end, score: node.score, relation: node.relation }], score: value, also: versions.filter((n) => n !== end) });
        }
      }
      walk(node.parents, [...path, node], value);
    }
  };
  walk(parents, [], 1);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** "三明市 · 五" for a local clause, "2030年前碳达峰行动方案 · 4" for a national one. */
function stepLabel(doc, clause, ctx) {
  const local = LOCAL_LEVELS.includes(doc?.level);
  const name = local ? regionName(ctx.regionMap, doc?.region) : truncate(docName(doc), 16);
  return `${name} · ${clause}`;
}

function chainList(chains, source, ctx) {
  if (!chains.length) return note(t('trace.nocentre'));
  return h('ol', { class: 'chains' }, chains.map((chain) => h('li', { class: 'chain', 'data-end': chain.path[chain.path.length - 1].id },
    [source, ...chain.path].map((node, i) => {
      const doc = ctx.docs.get(node.document);
      return [
        i ? h('span', { class: 'arrow', title: `${t(`relation.${node.relation}`)} · ${t('trace.score.title')} ${Number(node.score).toFixed(2)}` }, ' → ') : null,
        h('a', {
          class: ['chain-step', `level-${doc?.level}`], href: href('doc', node.document, { clause: node.clause_id || node.id }),
          title: `${levelName(doc?.level)} · ${docShort(doc, ctx.regionMap)} · ${t('label.clause')} ${node.clause}`,
        }, stepLabel(doc, node.clause, ctx)),
      ];
    }),
    chain.also.map((n) => [' ', h('a', {
      class: 'chain-also small', href: href('doc', n.document, { clause: n.id }), title: docShort(ctx.docs.get(n.document), ctx.regionMap),
    }, `= ${t(`doc.version.${ctx.docs.get(n.document)?.language || 'zh'}`)} ${n.clause}`)]),
    h('span', { class: 'muted small' }, ` (${t('trace.chainscore')} ${chain.score.toFixed(3)})`))));
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
              h('p', { class: 'hop-text clamp' }, l.text || '')));
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
        h('p', { class: 'hop-text clamp' }, g.text || '')))))),
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
      h('p', { class: 'hop-text' }, source.text || '')),
  );
  const unitTypes = [];
  const collect = (nodes) => nodes.forEach((n) => {
    unitTypes.push(...(n.evidence || []).filter((e) => e.kind === 'unit').map((e) => e.value));
    collect(n.parents || []);
  });
  collect(parents);
  ctx.unitTypes = await unitTypeLabels(unitTypes).catch(() => new Map());
  const chains = chainsToCentre(parents, docs);
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
  if (!parents.length) {
    fill(upward, note(doc?.level === 'central' ? t('trace.top') : t('trace.noparents')));
    return;
  }
  fill(upward,
    sectionHead(t('trace.reached', { n: chains.length })),
    chainList(chains, source, ctx),
    sectionHead(t('trace.tree'), downloadButtons(`trace-${source.id}`, () => flat)),
    tree(parents, ctx),
  );
}

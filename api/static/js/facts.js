// Where every fact sits in the original text. The JSON API says what a clause holds; the exact
// source passage of each fact (oa:TextPositionSelector / oa:TextQuoteSelector) is read with SPARQL,
// so the page can mark facts inside the text and show each one's quote and offsets on hover.

import { select } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { PREFIXES, idOf, iri } from './vocab.js';

const FACT_SPANS = (scope) => `${PREFIXES}
SELECT DISTINCT ?fact ?kind ?clause ?start ?end ?exact ?unit ?unitLabel ?role ?concept WHERE {
  ${scope}
  VALUES (?type ?kind) {
    (pkg:Measure "measure") (pkg:Target "target") (pkg:Deadline "deadline")
    (pkg:Responsibility "unit") (oa:Annotation "concept")
  }
  ?fact a ?type ; pkg:clause ?clause ; pkg:span ?span .
  ?span oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  OPTIONAL { ?span oa:hasSelector ?quote . ?quote a oa:TextQuoteSelector ; oa:exact ?exact }
  OPTIONAL {
    ?fact pkg:unit ?unit ; pkg:role ?role .
    OPTIONAL { ?unit skos:prefLabel ?unitLabel FILTER(LANGMATCHES(LANG(?unitLabel), "zh-Hans")) }
  }
  OPTIONAL { ?fact oa:hasBody ?concept }
}`;

const ITEM_SPANS = (values) => `${PREFIXES}
SELECT DISTINCT ?item ?start ?end ?normalised WHERE {
  VALUES ?item { ${values} }
  ?item pkg:span ?span .
  ?span oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  OPTIONAL { ?item pkg:normalisedText ?normalised }
}`;

function toFact(row) {
  return {
    id: idOf(row.fact),
    kind: row.kind,
    clause: idOf(row.clause),
    start: row.start,
    end: row.end,
    exact: row.exact,
    unit: row.unit ? idOf(row.unit) : null,
    unitLabel: row.unitLabel,
    role: row.role,
    concept: row.concept ? idOf(row.concept) : null,
  };
}

/** Facts of one document, grouped by clause id, each list in reading order. */
export async function documentFacts(docId) {
  const rows = await select(FACT_SPANS(`?fact pkg:document ${iri('doc', docId)} .`));
  return groupByClause(rows.map(toFact));
}

/** Facts of some clauses (for search results), grouped by clause id. */
export async function clauseFacts(clauseIds) {
  if (!clauseIds.length) return new Map();
  const values = clauseIds.map((id) => iri('clause', id)).join(' ');
  const rows = await select(FACT_SPANS(`VALUES ?clause { ${values} }`));
  return groupByClause(rows.map(toFact));
}

function groupByClause(facts) {
  const out = new Map();
  for (const fact of facts.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!out.has(fact.clause)) out.set(fact.clause, []);
    out.get(fact.clause).push(fact);
  }
  return out;
}

/** item id → {start, end, normalised} for clauses of a document (kind 'clause') or measures. */
export async function itemSpans(kind, ids) {
  if (!ids.length) return new Map();
  const values = ids.map((id) => iri(kind, id)).join(' ');
  const out = new Map();
  for (const row of await select(ITEM_SPANS(values))) {
    out.set(idOf(row.item), { start: row.start, end: row.end, normalised: row.normalised });
  }
  return out;
}

/** "“市工信局” · original text 1234–1238": what a tooltip says about where a fact comes from. */
export function sourceNote(fact) {
  const quote = fact.exact ? `“${fact.exact}”` : '';
  return [quote, t('fact.offsets', { start: fact.start, end: fact.end })].filter(Boolean).join(' · ');
}

/**
 * `text` (which starts at original offset `base`) with marks: each mark {start, end} in original
 * offsets, {kind, title}. Overlapping marks split the text into runs; a run carries the classes of
 * every mark over it and the title of the narrowest one.
 */
export function highlighted(text, base, marks) {
  const length = text.length;
  const inside = marks
    .map((m) => ({ ...m, s: Math.max(0, m.start - base), e: Math.min(length, m.end - base) }))
    .filter((m) => m.e > m.s);
  const points = new Set([0, length]);
  for (const m of inside) {
    points.add(m.s);
    points.add(m.e);
  }
  const cuts = [...points].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i < cuts.length - 1; i += 1) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    const over = inside.filter((m) => m.s <= s && m.e >= e);
    const kinds = [...new Set(over.map((m) => m.kind))].sort();
    const titled = over.filter((m) => m.title).reduce((a, b) => (!a || b.e - b.s < a.e - a.s ? b : a), null);
    const narrowest = over.length ? over.reduce((a, b) => (b.e - b.s < a.e - a.s ? b : a)) : null;
    const run = { s, e, key: kinds.join(' '), title: titled ? titled.title : null, kind: narrowest?.kind };
    const last = runs[runs.length - 1];
    // Neighbouring runs under the same marks read as one (overlapping search words, for instance).
    if (last && last.key === run.key && last.title === run.title && last.kind === run.kind) last.e = e;
    else runs.push(run);
  }
  return runs.map((run) => {
    // Runs of blank lines in the source become one line break (offsets are unaffected: marks
    // were placed on the text as stored).
    const piece = text.slice(run.s, run.e).replace(/[ \t\u3000]*\n\s*/g, '\n');
    if (!run.key) return piece;
    return h('mark', { class: ['hl', ...run.key.split(' ').map((k) => `hl-${k}`)], title: run.title, 'data-kind': run.kind }, piece);
  });
}

/** Marks for every place a search word occurs in `text` (case-insensitive), in original offsets. */
export function wordMarks(text, base, words) {
  const marks = [];
  const lower = text.toLowerCase();
  for (const word of words) {
    const needle = word.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      marks.push({ start: base + at, end: base + at + needle.length, kind: 'match', title: null });
    }
  }
  return marks;
}

const CLAUSE_SPANS = (doc) => `${PREFIXES}
SELECT DISTINCT ?item ?start ?end ?normalised WHERE {
  ?item a eli:LegalResourceSubdivision ; pkg:document ${doc} ; pkg:span ?span .
  ?span oa:hasSelector ?pos . ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  OPTIONAL { ?item pkg:normalisedText ?normalised }
}`;

/** clause id → {start, end, normalised} for every clause of a document. */
export async function documentClauseSpans(docId) {
  const out = new Map();
  for (const row of await select(CLAUSE_SPANS(iri('doc', docId)))) {
    out.set(idOf(row.item), { start: row.start, end: row.end, normalised: row.normalised });
  }
  return out;
}

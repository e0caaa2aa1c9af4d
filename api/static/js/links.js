// Clause links read from the graph with SPARQL, for what the JSON API does not answer directly:
// which lower-level measures implement a clause, and which national clauses no local measure does.

import { select } from './api.js';
import { PREFIXES, idOf, iri } from './vocab.js';

export const LOCAL_LEVELS = ['provincial', 'municipal', 'county'];
export const NATIONAL_LEVELS = ['central', 'ministry'];

const IMPLEMENTERS = (clause) => `${PREFIXES}
SELECT DISTINCT ?source ?score ?rank ?relation ?doc ?owner ?number ?text WHERE {
  ?link pkg:target ${clause} ; pkg:source ?source ; pkg:score ?score ; pkg:relation ?relation .
  OPTIONAL { ?link pkg:rank ?rank }
  ?source pkg:document ?doc .
  OPTIONAL { ?source pkg:text ?text }
  OPTIONAL { ?source pkg:clause ?owner . ?owner eli:number ?number }
  OPTIONAL { ?source eli:number ?number }
}`;

/** Every link into a clause: {source, kind, score, rank, relation, document, clause, number, text}, best first. */
export async function implementers(clauseId) {
  const rows = await select(IMPLEMENTERS(iri('clause', clauseId)));
  const best = new Map();
  for (const row of rows) {
    const source = idOf(row.source);
    const entry = {
      source,
      kind: row.owner ? 'measure' : 'clause',
      score: row.score,
      rank: row.rank,
      relation: row.relation,
      document: idOf(row.doc),
      clause: row.owner ? idOf(row.owner) : source,
      number: row.number,
      text: row.text,
    };
    const seen = best.get(source);
    if (!seen || entry.score > seen.score) best.set(source, entry);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.source.localeCompare(b.source));
}

const NATIONAL_LEAVES = `${PREFIXES}
SELECT DISTINCT ?clause ?doc ?number ?title ?text WHERE {
  VALUES ?level { ${NATIONAL_LEVELS.map((l) => `"${l}"`).join(' ')} }
  ?doc pkg:level ?level .
  ?clause pkg:document ?doc ; a eli:LegalResourceSubdivision ; eli:number ?number .
  FILTER NOT EXISTS { ?clause eli:has_part ?child }
  OPTIONAL { ?clause eli:title ?title }
  OPTIONAL { ?clause pkg:text ?text }
}`;

const LOCAL_LINK_TARGETS = `${PREFIXES}
SELECT ?target (COUNT(DISTINCT ?source) AS ?sources) (MAX(?score) AS ?best) WHERE {
  VALUES ?sourceLevel { ${LOCAL_LEVELS.map((l) => `"${l}"`).join(' ')} }
  ?sourceDoc pkg:level ?sourceLevel .
  ?source pkg:document ?sourceDoc .
  ?link pkg:source ?source ; pkg:target ?target ; pkg:score ?score .
} GROUP BY ?target`;

/**
 * National (central and ministry) leaf clauses that no measure or clause of a provincial, municipal
 * or county document links to with a score of at least `minScore`. Two plain queries joined here:
 * one query with FILTER NOT EXISTS over every link is much slower on the embedded store.
 */
export async function unimplemented(minScore) {
  const [leaves, targets] = await Promise.all([select(NATIONAL_LEAVES), select(LOCAL_LINK_TARGETS)]);
  const best = new Map(targets.map((r) => [idOf(r.target), { best: r.best, sources: r.sources }]));
  return leaves
    .map((r) => ({
      clause: idOf(r.clause), document: idOf(r.doc), number: r.number, title: r.title, text: r.text,
      best_local_score: best.get(idOf(r.clause))?.best ?? null,
    }))
    .filter((r) => r.best_local_score === null || r.best_local_score < minScore);
}

const UNIT_TYPES = (values) => `${PREFIXES}
SELECT ?value ?label ?regionLabel WHERE {
  VALUES ?value { ${values} }
  ?unit pkg:jurisdiction ?region ; skos:prefLabel ?label .
  FILTER(LANGMATCHES(LANG(?label), "zh-Hans"))
  FILTER(STRENDS(STR(?unit), CONCAT(".", ?value)))
  ?region skos:prefLabel ?regionLabel FILTER(LANGMATCHES(LANG(?regionLabel), "zh-Hans"))
}`;

/**
 * A readable name for each kind of unit named in link evidence ("fgw" → "发展和改革委员会"): the most
 * common name of that kind's units across regions, without the region's name.
 */
export async function unitTypeLabels(types) {
  const wanted = [...new Set(types)].filter((ty) => /^[\w-]+$/.test(ty));
  if (!wanted.length) return new Map();
  const counts = new Map();
  for (const row of await select(UNIT_TYPES(wanted.map((ty) => JSON.stringify(ty)).join(' ')))) {
    const name = row.label.startsWith(row.regionLabel) ? row.label.slice(row.regionLabel.length) : row.label;
    const bucket = counts.get(row.value) || new Map();
    bucket.set(name, (bucket.get(name) || 0) + 1);
    counts.set(row.value, bucket);
  }
  return new Map([...counts].map(([ty, bucket]) => [ty, [...bucket].sort((a, b) => b[1] - a[1])[0][0]]));
}

// Clause links beyond what the research answers hold: which lower-level measures and clauses
// implement a clause, which national clauses no local one does, and the names of kinds of unit that
// link evidence cites.

import { getJSON } from './api.js';

export const LOCAL_LEVELS = ['provincial', 'municipal', 'county'];
export const NATIONAL_LEVELS = ['central', 'ministry'];

/** Every link into a clause: {source, kind, score, rank, relation, document, clause, number, text}, best first. */
export async function implementers(clauseId) {
  const answer = await getJSON(`/api/clauses/${encodeURIComponent(clauseId)}/implementers`);
  return answer.implementers.map((l) => ({ ...l, rank: l.rank ?? null }));
}

/**
 * National (central and ministry) leaf clauses that no measure or clause of a provincial, municipal
 * or county document links to with a score of at least `minScore`: {clause, document, number, title,
 * text, best_local_score} (null when nothing local links to it).
 */
export async function unimplemented(minScore) {
  return (await getJSON('/api/unimplemented', { min_score: minScore })).clauses;
}

/**
 * A readable name for each kind of unit named in link evidence ("fgw" → "发展和改革委员会"): the most
 * common name of that kind's units across regions, without the region's name.
 */
export async function unitTypeLabels(types) {
  const wanted = [...new Set(types)].filter((ty) => /^[\w-]+$/.test(ty));
  if (!wanted.length) return new Map();
  const { names } = await getJSON('/api/unit-types', { type: wanted });
  return new Map(Object.entries(names));
}

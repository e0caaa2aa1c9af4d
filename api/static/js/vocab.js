// The graph's IRIs (see ontology/vocab.py): ids in the API are the IRI's last part; the query editor
// shows IRIs of the graph by their ids.

export const BASE = 'https://policykg.org/';

const KINDS = ['graph/doc', 'responsibility', 'deadline', 'measure', 'mention', 'concept', 'doclink', 'clause', 'target', 'region', 'sector', 'unit', 'link', 'time', 'work', 'doc'];

/** {kind, id} of a policykg IRI, or null for any other IRI. */
export function parseIri(value) {
  if (typeof value !== 'string' || !value.startsWith(BASE) || value.includes('#')) return null;
  const rest = value.slice(BASE.length);
  for (const kind of KINDS) {
    if (rest.startsWith(`${kind}/`)) {
      let id = rest.slice(kind.length + 1);
      try {
        id = decodeURIComponent(id);
      } catch {
        /* keep it as it is */
      }
      return { kind, id };
    }
  }
  return null;
}

/** The clause a measure or target id belongs to: "<clause>.m3" → "<clause>". */
export function clauseOfItem(id) {
  return id.replace(/\.[mtdu]\d+$/, '');
}

export function isMeasureId(id) {
  return /\.m\d+$/.test(id);
}

/** Sort key of a clause id in reading order: "…~s8.i21.p3" → [8, 21, 3]. */
export function clauseOrder(id) {
  const path = id.split('~').pop() || '';
  return path.split('.').map((seg) => Number(seg.replace(/^[a-z]+/, '')) || 0);
}

export function compareClauseIds(a, b) {
  const x = clauseOrder(a);
  const y = clauseOrder(b);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

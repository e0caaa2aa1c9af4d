// The graph's IRIs and prefixes (see ontology/vocab.py): ids in the API are the IRI's last part.

export const BASE = 'https://policykg.org/';

export const PREFIXES = `PREFIX pkg: <https://policykg.org/ns#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`;

// Characters vocab.py percent-encodes in ids; everything else (Chinese included) stays as it is.
const UNSAFE = /[ <>"{}|\\^`%#?\u0000-\u001f\u007f]/g;

function escapeId(id) {
  return id.replace(UNSAFE, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `<https://policykg.org/{kind}/{id}>`, ready to put in a query. */
export function iri(kind, id) {
  return `<${BASE}${kind}/${escapeId(id)}>`;
}

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

export function idOf(value) {
  return parseIri(value)?.id ?? value;
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

// The page's only way to the data: the JSON API under /api and, for the query editor, the SPARQL
// endpoint at /sparql.
// Errors arrive as application/problem+json; they become ApiError with the server's own detail.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || 'error';
  }
}

async function failure(res) {
  let problem = null;
  try {
    problem = await res.json();
  } catch {
    problem = { detail: res.statusText };
  }
  return new ApiError(res.status, problem);
}

/** GETs a JSON answer; a parameter whose value is an array is repeated, once per element. */
export async function getJSON(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') url.searchParams.append(key, one);
    }
  }
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw await failure(res);
  return res.json();
}

/**
 * The rest of a paged answer (/api/units, /api/targets): follows `next` from `answer` to the last page
 * and returns the answer with `key` holding the items of every page.
 */
export async function restOfPages(answer, key) {
  const items = [...answer[key]];
  let next = answer.next;
  while (next) {
    const page = await getJSON(next);
    items.push(...page[key]);
    next = page.next;
  }
  return { ...answer, [key]: items, offset: 0, next: null };
}

/**
 * Every page of a paged answer: the first page's answer with `key` holding the items of all pages,
 * read `size` items a request (500 is the server's default maximum; a server allowing fewer refuses
 * it, and its own page size is used).
 */
export async function getAllPages(path, params, key, size = 500) {
  let first;
  try {
    first = await getJSON(path, { ...params, limit: size });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'validation_error')) throw error;
    first = await getJSON(path, params);
  }
  return restOfPages(first, key);
}

/**
 * The items under `key` of `path` asked for many ids: the ids go as the repeated parameter `name`,
 * `batch` of them a request, so that no URL grows too long; the answers' lists are joined.
 */
export async function getForIds(path, name, ids, key, params = {}, batch = 100) {
  const unique = [...new Set(ids)];
  const requests = [];
  for (let i = 0; i < unique.length; i += batch) {
    requests.push(getJSON(path, { ...params, [name]: unique.slice(i, i + batch) }));
  }
  return (await Promise.all(requests)).flatMap((answer) => answer[key]);
}

/** Like getJSON, but a 404 answers null (e.g. an unknown concept name). */
export async function getJSONOrNull(path, params = {}) {
  try {
    return await getJSON(path, params);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger)$/;

/** A SPARQL JSON term as a plain value: IRIs and strings as text, numbers as numbers. */
export function termValue(term) {
  if (!term) return null;
  if (term.type === 'literal' || term.type === 'typed-literal') {
    if (term.datatype && NUMERIC.test(term.datatype)) return Number(term.value);
    if (term.datatype && term.datatype.endsWith('#boolean')) return term.value === 'true';
  }
  return term.value;
}

/**
 * Runs a SPARQL query. SELECT/ASK answers come back as {kind: 'select'|'ask', vars, bindings, rows,
 * truncated}: `bindings` keep the SPARQL JSON terms, `rows` the plain values. Graph results
 * (CONSTRUCT/DESCRIBE) come back as {kind: 'graph', text, mediaType}.
 */
export async function sparql(query) {
  const res = await fetch('/sparql', {
    method: 'POST',
    headers: {
      Accept: 'application/sparql-results+json, text/turtle;q=0.9',
      'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
    },
    body: new URLSearchParams({ query }),
  });
  if (!res.ok) throw await failure(res);
  const mediaType = (res.headers.get('content-type') || '').split(';')[0].trim();
  if (!mediaType.includes('json')) return { kind: 'graph', text: await res.text(), mediaType };
  const json = await res.json();
  if ('boolean' in json) return { kind: 'ask', vars: ['boolean'], bindings: [], rows: [{ boolean: json.boolean }], truncated: false };
  const vars = json.head?.vars || [];
  const bindings = json.results?.bindings || [];
  const rows = bindings.map((b) => Object.fromEntries(vars.map((v) => [v, termValue(b[v])])));
  return { kind: 'select', vars, bindings, rows, truncated: Boolean(json.policykg?.truncated) };
}

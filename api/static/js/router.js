// Every view has a shareable address in the hash: #/<view>/<id>?<params>, e.g.
// #/search?q=碳捕集, #/doc/<document id>?clause=<clause id>, #/trace/<measure id>.

export function currentRoute() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const [name = '', ...rest] = path.split('/');
  const id = rest.length ? decodeURIComponent(rest.join('/')) : '';
  return { name: decodeURIComponent(name), id, params: new URLSearchParams(query) };
}

/** The hash address of a view; empty parameters are left out. */
export function href(name, id = '', params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) query.set(key, value);
  }
  const qs = query.toString();
  return `#/${name}${id ? `/${encodeURIComponent(id)}` : ''}${qs ? `?${qs}` : ''}`;
}

export function navigate(name, id = '', params = {}) {
  const target = href(name, id, params);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

/** Updates the address without a new history entry or a re-render (e.g. a toggle inside a view). */
export function replaceParams(name, id, params) {
  history.replaceState(null, '', href(name, id, params));
}

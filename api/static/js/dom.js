// Building DOM nodes from data. Text always goes in as text nodes, never as markup, so nothing the
// store returns (document text, labels, query results) can inject HTML into the page.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style' && typeof value === 'object') {
      for (const [prop, v] of Object.entries(value)) el.style.setProperty(prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v);
    }
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (key === 'checked' && 'checked' in el) el.checked = Boolean(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** A <select> with [value, label] options and the current value selected. */
export function select(attrs, options, current) {
  const el = h('select', attrs);
  for (const [value, label] of options) {
    el.append(h('option', { value, selected: String(value) === String(current ?? '') }, label));
  }
  return el;
}

/** Replaces the children of `el` (arrays among them are flattened; null/false are skipped). */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// The web page: one shell (header, tabs, language toggle) and one view per hash route.

import { ApiError } from './js/api.js';
import { fill, h } from './js/dom.js';
import { language, loadLanguages, setLanguage, t } from './js/i18n.js';
import { currentRoute } from './js/router.js';
import { errorBox } from './js/ui.js';
import * as coverage from './views/coverage.js';
import * as docs from './views/documents.js';
import * as doc from './views/document.js';
import * as search from './views/search.js';
import * as sparql from './views/sparql.js';
import * as targets from './views/targets.js';
import * as trace from './views/trace.js';
import * as units from './views/units.js';

const VIEWS = { search, docs, doc, trace, units, targets, coverage, sparql };
// Which tab a view belongs to (the document view is reached from the document list).
const TAB_OF = { doc: 'docs' };

let rendering = 0;

function translateShell() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = language() === 'zh' ? 'English' : '中文';
  toggle.title = t('lang.toggle');
  toggle.setAttribute('lang', language() === 'zh' ? 'en' : 'zh-Hans');
}

async function render() {
  const route = currentRoute();
  const name = VIEWS[route.name] ? route.name : 'search';
  const tab = TAB_OF[name] || name;
  for (const a of document.querySelectorAll('nav.tabs a')) {
    a.classList.toggle('active', a.dataset.view === tab);
    if (a.dataset.view === tab) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  const page = h('div', { class: `view view-${name}` }, h('p', { class: 'loading' }, t('loading')));
  fill(main, page);
  const ticket = (rendering += 1);
  const { hash } = location;
  document.body.dataset.state = 'loading';
  try {
    await VIEWS[name].render(page, { id: route.id, params: route.params });
  } catch (error) {
    fill(page, errorBox(error));
    // An answer of the server (unknown id, bad query) is shown above; anything else is a fault.
    if (!(error instanceof ApiError)) console.error(error);
  }
  // Which address the finished view shows: lets a reader's tools (and the page's tests) know that
  // the view for the current address is complete.
  if (ticket === rendering) {
    document.body.dataset.rendered = hash;
    document.body.dataset.state = 'ready';
  }
}

async function start() {
  await loadLanguages();
  translateShell();
  document.getElementById('lang-toggle').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    translateShell();
    render();
  });
  window.addEventListener('hashchange', render);
  await render();
}

start();

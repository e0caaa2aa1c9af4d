// A SPARQL editor over the whole graph: the example queries, results as a table with the graph's own
// nodes linked to their views, and the results downloadable.

import { getJSON, sparql } from '../js/api.js';
import { fill, h } from '../js/dom.js';
import { downloadButtons, save } from '../js/download.js';
import { t } from '../js/i18n.js';
import { href, replaceParams } from '../js/router.js';
import { errorBox, note, sectionHead } from '../js/ui.js';
import { BASE, parseIri } from '../js/vocab.js';

const SHORT = [
  ['https://policykg.org/ns#', 'pkg:'], ['http://data.europa.eu/eli/ontology#', 'eli:'],
  ['http://www.w3.org/2004/02/skos/core#', 'skos:'], ['http://www.w3.org/ns/oa#', 'oa:'],
  ['http://www.w3.org/ns/org#', 'org:'], ['http://www.w3.org/2001/XMLSchema#', 'xsd:'],
];

const DEFAULT_QUERY = `PREFIX pkg: <https://policykg.org/ns#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>

SELECT ?document ?level ?region WHERE {
  ?document a eli:LegalExpression ; pkg:level ?level .
  OPTIONAL { ?document pkg:region ?region }
}
LIMIT 100`;

/** Where a node of the graph is shown on this page, if anywhere. */
function viewOf(value) {
  const parsed = parseIri(value);
  if (!parsed) return null;
  const { kind, id } = parsed;
  const doc = id.split('~')[0];
  if (kind === 'doc') return href('doc', id);
  if (kind === 'clause') return href('doc', doc, { clause: id });
  if (kind === 'measure') return href('doc', doc, { clause: id.replace(/\.m\d+$/, ''), item: id });
  if (kind === 'target' || kind === 'deadline' || kind === 'responsibility' || kind === 'mention') return href('doc', doc, { clause: id.replace(/\.[tduc]\d+$/, '') });
  if (kind === 'concept') return href('units', '', { concept: id });
  return null;
}

function shortIri(value) {
  if (value.startsWith(BASE)) return value.slice(BASE.length);
  for (const [ns, prefix] of SHORT) if (value.startsWith(ns)) return prefix + value.slice(ns.length);
  return value;
}

function cell(term) {
  if (!term) return h('td', { class: 'empty' });
  if (term.type === 'uri') {
    const view = viewOf(term.value);
    return h('td', { title: term.value }, view ? h('a', { href: view }, shortIri(term.value)) : shortIri(term.value));
  }
  const lang = term['xml:lang'];
  return h('td', { lang: lang || null, class: 'literal' }, term.value, lang ? h('span', { class: 'muted small lang-tag' }, ` @${lang}`) : null);
}

function resultView(result) {
  if (result.kind === 'graph') {
    return [
      sectionHead(t('sparql.graph'), h('button', { type: 'button', class: 'small', onclick: () => save('policykg-result.ttl', result.text, result.mediaType) }, '⤓ Turtle')),
      h('pre', { class: 'graph-result' }, result.text),
    ];
  }
  const rows = () => result.rows;
  return [
    sectionHead(t('sparql.rows', { n: result.rows.length }), downloadButtons('policykg-sparql', rows, result.vars)),
    result.truncated ? note(t('sparql.truncated')) : null,
    result.rows.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'list sparql-results' },
      h('thead', {}, h('tr', {}, result.vars.map((v) => h('th', {}, v)))),
      h('tbody', {}, result.kind === 'ask'
        ? h('tr', {}, h('td', {}, String(result.rows[0].boolean)))
        : result.bindings.map((b) => h('tr', {}, result.vars.map((v) => cell(b[v]))))))) : note(t('sparql.empty')),
  ];
}

export async function render(page, { params }) {
  document.title = `SPARQL · policykg`;
  const { examples } = await getJSON('/api/examples');
  const chosen = examples.find((e) => e.name === params.get('example'));
  const editor = h('textarea', { class: 'editor', spellcheck: 'false', wrap: 'off', 'aria-label': t('sparql.editor'), rows: 16 });
  editor.value = params.get('query') || chosen?.query || DEFAULT_QUERY;
  const output = h('div', { class: 'sparql-output' });
  const status = h('span', { class: 'muted small status' });

  const run = async () => {
    status.textContent = t('sparql.running');
    fill(output);
    const started = performance.now();
    try {
      const result = await sparql(editor.value);
      fill(output, ...resultView(result).filter(Boolean));
      status.textContent = t('sparql.took', { s: ((performance.now() - started) / 1000).toFixed(2) });
    } catch (error) {
      fill(output, errorBox(error));
      status.textContent = '';
    }
  };
  const share = () => {
    const example = examples.find((e) => e.query === editor.value);
    replaceParams('sparql', '', example ? { example: example.name } : { query: editor.value });
    status.textContent = t('sparql.linkready');
  };
  editor.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      run();
    }
  });

  const list = h('ul', { class: 'examples-list' }, examples.map((e) => h('li', {},
    h('button', {
      type: 'button', class: ['link', e.name === chosen?.name ? 'on' : ''], 'data-example': e.name,
      onclick: () => {
        editor.value = e.query;
        replaceParams('sparql', '', { example: e.name });
        for (const b of list.querySelectorAll('button.on')) b.classList.remove('on');
        list.querySelector(`[data-example="${e.name}"]`).classList.add('on');
        run();
      },
    }, e.title),
    h('p', { class: 'muted small' }, e.question))));

  fill(page, 
    h('h1', { class: 'page-title' }, 'SPARQL'),
    h('p', { class: 'lead-text' }, t('sparql.intro')),
    h('div', { class: 'sparql-layout' },
      h('aside', { class: 'examples-panel' }, h('h3', {}, t('sparql.examples')), list),
      h('div', { class: 'editor-panel' },
        editor,
        h('div', { class: 'toolbar' },
          h('button', { type: 'button', class: 'primary', 'data-run': '', onclick: run }, t('sparql.run')),
          h('span', { class: 'muted small' }, 'Ctrl+Enter'),
          h('button', { type: 'button', onclick: share }, t('sparql.share')),
          status),
        output)),
  );
  if (params.get('query') || chosen) run();
}

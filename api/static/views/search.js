// Search in any script. Each hit shows its text with the searched words and the facts extracted
// from it marked, the units responsible for its clause, and the document with level and region.

import { getJSON } from '../js/api.js';
import { documentMap, documents, regions } from '../js/catalog.js';
import { fill, h, select as selectEl } from '../js/dom.js';
import { downloadButtons } from '../js/download.js';
import { clauseFacts, clauseText, highlighted, itemSpans, sentenceText, sourceNote, wordMarks } from '../js/facts.js';
import { t } from '../js/i18n.js';
import { href, navigate } from '../js/router.js';
import { docLine, legend, note, sectionHead, textToggle, unitChip } from '../js/ui.js';
import { clauseOfItem, isMeasureId } from '../js/vocab.js';

const EXAMPLES = ['碳捕集', '非化石能源', '森林覆蓋率', '氢能', 'carbon capture', '绿色建筑'];
const LIMIT = 50;

function searchForm(params, docs) {
  const input = h('input', {
    type: 'search', name: 'q', value: params.get('q') || '', placeholder: t('search.placeholder'),
    'aria-label': t('search.placeholder'), autofocus: true, class: 'grow',
  });
  const docSelect = selectEl({ name: 'document', 'aria-label': t('label.document') },
    [['', t('search.alldocs')], ...docs.map((d) => [d.id, d.title])], params.get('document'));
  const form = h('form', { class: 'search-form', role: 'search' }, input, docSelect,
    h('button', { type: 'submit', class: 'primary' }, t('search.button')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) navigate('search', '', { q, document: docSelect.value, text: params.get('text') });
  });
  return form;
}

/** The words to mark: the phrase, its parts, and every label of the concepts it names. */
async function markWords(q) {
  const words = new Set([q, ...q.split(/\s+/)].filter((w) => w.length > 0));
  try {
    const { concepts } = await getJSON('/api/concepts', { q });
    for (const c of concepts.slice(0, 8)) {
      for (const label of Object.values(c.labels || {})) if (label) words.add(label);
      for (const list of Object.values(c.alt || {})) for (const label of list) if (label && label.length > 1) words.add(label);
    }
  } catch {
    /* marking only the phrase itself is still useful */
  }
  return [...words].sort((a, b) => b.length - a.length);
}

function factTitle(fact) {
  const kind = t(`fact.${fact.kind}`);
  const detail = fact.kind === 'unit' ? `${fact.unit_label || fact.unit} (${t(`role.${fact.role}`)})` : '';
  return [kind + (detail ? `: ${detail}` : ''), sourceNote(fact)].join('\n');
}

export async function render(page, { params }) {
  const q = (params.get('q') || '').trim();
  const mode = params.get('text') === 'normalised' ? 'normalised' : 'original';
  const docs = await documents();
  document.title = q ? `${q} · ${t('nav.search')} · policykg` : 'policykg';
  const form = searchForm(params, docs);
  if (!q) {
    fill(page, 
      h('h1', { class: 'page-title' }, t('search.heading')),
      h('p', { class: 'lead-text' }, t('search.intro')),
      form,
      h('p', { class: 'examples' }, t('search.examples'), ' ',
        EXAMPLES.map((ex) => h('a', { class: 'chip', href: href('search', '', { q: ex }) }, ex))),
      h('div', { class: 'cards' },
        ['docs', 'trace', 'units', 'targets', 'coverage', 'sparql'].map((v) => h('a', { class: 'card', href: `#/${v}` },
          h('strong', {}, t(`nav.${v}`)), h('span', {}, t(`home.${v}`))))),
    );
    form.querySelector('input').focus();
    return;
  }
  fill(page, form, h('p', { class: 'loading' }, t('loading')));

  const [{ results, total }, docMap, regionMap, words] = await Promise.all([
    getJSON('/api/search', { q, document: params.get('document'), limit: LIMIT }),
    documentMap(), regions(), markWords(q),
  ]);
  const measureIds = results.filter((r) => isMeasureId(r.id)).map((r) => r.id);
  const clauseIds = results.filter((r) => !isMeasureId(r.id)).map((r) => r.id);
  const [measureSpans, clauseSpans, facts] = await Promise.all([
    itemSpans('measure', measureIds), itemSpans('clause', clauseIds),
    clauseFacts([...new Set(results.map((r) => clauseOfItem(r.id)))]),
  ]);

  const rows = () => results.map((r) => {
    const d = docMap.get(r.document) || {};
    return { id: r.id, kind: isMeasureId(r.id) ? 'measure' : 'clause', score: r.score, document: r.document,
      title: d.title, level: d.level, region: d.region, clause: r.clause, text: r.text };
  });

  const list = h('ol', { class: 'results' });
  for (const r of results) {
    const measure = isMeasureId(r.id);
    const clauseId = clauseOfItem(r.id);
    const span = (measure ? measureSpans : clauseSpans).get(r.id);
    const doc = docMap.get(r.document);
    const clauseFactList = facts.get(clauseId) || [];
    let body;
    if (mode === 'normalised' && span?.normalised) {
      body = highlighted(span.normalised, 0, wordMarks(span.normalised, 0, words));
    } else if (span) {
      const text = r.text || '';
      const inside = clauseFactList.filter((f) => f.kind !== 'measure' && f.start >= span.start && f.end <= span.start + text.length);
      const marks = [...inside.map((f) => ({ start: f.start, end: f.end, kind: f.kind, title: factTitle(f) })), ...wordMarks(text, span.start, words)];
      body = highlighted(text, span.start, marks, { reading: measure ? 'sentence' : 'clause' });
    } else {
      body = [measure ? sentenceText(r.text) : clauseText(r.text)];
    }
    const units = clauseFactList.filter((f) => f.kind === 'unit' && f.role !== 'mentioned');
    const seen = new Set();
    const unitChips = units.filter((u) => !seen.has(`${u.unit}|${u.role}`) && seen.add(`${u.unit}|${u.role}`))
      .map((u) => unitChip({ id: u.unit, label: u.unit_label, role: u.role }, factTitle(u)));
    list.append(h('li', { class: 'result', 'data-id': r.id, 'data-document': r.document },
      h('div', { class: 'result-head' },
        h('span', { class: `badge kind kind-${measure ? 'measure' : 'clause'}` }, t(measure ? 'fact.measure' : 'label.clause')),
        docLine(doc, regionMap, { clauseId, clauseNumber: r.clause }),
        h('span', { class: 'score', title: t('search.score.title') }, (r.score ?? 0).toFixed(2))),
      h('p', { class: 'result-text' }, body),
      unitChips.length ? h('div', { class: 'chips' }, h('span', { class: 'chips-label' }, t('label.units')), unitChips) : null,
      h('div', { class: 'result-actions' },
        h('a', { class: 'open-item', href: href('doc', r.document, { clause: clauseId, item: measure ? r.id : null }) }, t('search.open')),
        h('a', { class: 'trace-item', href: href('trace', r.id) }, t('search.trace')))));
  }

  const toggle = textToggle(mode, (next) => navigate('search', '', { q, document: params.get('document'), text: next === 'normalised' ? next : null }));
  fill(page, 
    form,
    sectionHead(t('search.count', { n: total ?? results.length, q }), h('span', { class: 'tools' }, toggle, downloadButtons(`policykg-search-${q}`, rows))),
    results.length ? h('p', { class: 'legend' }, legend(['match', 'target', 'deadline', 'unit', 'concept'])) : note(t('search.none')),
    list,
    (total ?? results.length) > results.length ? note(t('search.more', { n: results.length })) : null,
  );
}

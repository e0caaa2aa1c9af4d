// The document graph around one document, as /api/documents/{id} names it: the documents it implements
// (parents) and those implementing it (children), each a link with its score, relation and evidence
// (citation, family, topic, hierarchy); the same work's other expressions; what it cites.

import { docName, regionName, titleLang } from './catalog.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { href } from './router.js';
import { levelBadge, regionBadge } from './ui.js';

function evidenceText(e, regionMap) {
  if (e.kind === 'hierarchy') return regionName(regionMap, e.value);
  if (e.kind === 'citation') return '';
  if (e.kind === 'topic') return e.value;
  return `“${e.value}”`;
}

function evidenceChips(evidence, regionMap) {
  return h('span', { class: 'chips evidence-list' }, (evidence || []).map((e) => h('span', {
    class: `chip evidence ev-${e.kind}`, title: `${t(`evidence.${e.kind}`)} · ${t('evidence.weight')} ${Number(e.weight || 0).toFixed(2)}`,
  }, h('span', { class: 'ev-kind' }, t(`evidence.${e.kind}`)), ' ', evidenceText(e, regionMap))));
}

function linkItem(link, regionMap, docs) {
  const known = docs.get(link.id) || link;
  return h('li', { class: 'doc-link', 'data-doc': link.id },
    h('span', { class: 'score-num', title: t('doclinks.score.title') }, Number(link.score).toFixed(2)), ' ',
    h('a', { class: 'doc-title', href: href('doc', link.id), lang: titleLang(known) }, docName(known) || link.title || link.id),
    known.issued ? h('span', { class: 'muted' }, ` (${known.issued.slice(0, 4)})`) : null, ' ',
    levelBadge(link.level), ' ', regionBadge(regionMap, link.region), ' ',
    evidenceChips(link.evidence, regionMap));
}

function linkList(kind, links, regionMap, docs) {
  return h('div', { class: ['doc-links', kind], 'data-links': kind },
    h('h3', {}, t(`doclinks.${kind}`), h('span', { class: 'count' }, links.length)),
    links.length ? h('ul', {}, links.map((l) => linkItem(l, regionMap, docs))) : h('p', { class: 'muted small' }, t(`doclinks.${kind}.none`)));
}

function citedItem(c, docs) {
  if (c.referenced_only) {
    return h('li', { class: 'cited referenced', 'data-doc': c.id, title: t('doclinks.referenced') },
      h('a', { href: href('doc', c.id) }, `《${c.title || c.id}》`),
      c.doc_number ? h('span', { class: 'muted' }, ` ${c.doc_number}`) : null);
  }
  const known = docs.get(c.id) || c;
  return h('li', { class: 'cited', 'data-doc': c.id },
    h('a', { href: href('doc', c.id), lang: titleLang(known) }, docName(known) || c.title || c.id));
}

/** The section of the document view naming the document's parents, children, expressions and citations. */
export function documentGraph(doc, regionMap, docs) {
  const parents = doc.parents || [];
  const children = doc.children || [];
  const cites = doc.cites || [];
  const expressions = doc.expressions || [];
  const citedBy = doc.cited_by || [];
  return h('section', { class: 'doc-graph', 'aria-label': t('doclinks.heading') },
    h('div', { class: 'doc-graph-lists' },
      linkList('parents', parents, regionMap, docs),
      linkList('children', children, regionMap, docs)),
    expressions.length ? h('p', { class: 'doc-expressions' }, t('doclinks.expressions'), ' ',
      expressions.map((e) => h('a', { class: 'chip', href: href('doc', e.id), 'data-doc': e.id },
        docName(docs.get(e.id) || e) || e.id, e.original ? h('span', { class: 'muted' }, ` · ${t('doclinks.original')}`) : null))) : null,
    cites.length ? h('details', { class: 'doc-cites' },
      h('summary', {}, t('doclinks.cites'), h('span', { class: 'count' }, cites.length)),
      h('ul', {}, cites.map((c) => citedItem(c, docs)))) : null,
    citedBy.length ? h('details', { class: 'doc-cited-by', open: doc.referenced_only || undefined },
      h('summary', {}, t('doclinks.citedBy'), h('span', { class: 'count' }, citedBy.length)),
      h('ul', {}, citedBy.map((c) => citedItem(c, docs)))) : null,
    doc.referenced_only ? h('p', { class: 'muted small doc-referenced' }, t('doclinks.referenced')) : null,
    children.length ? h('p', {}, h('a', { class: 'coverage-link', href: href('coverage', doc.id) }, t('doclinks.coverage'))) : null);
}

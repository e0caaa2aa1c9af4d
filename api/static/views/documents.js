// The documents of the graph, grouped from the central level down, each opening its clause tree.

import { LEVELS, docTitles, documents, levelName, regions, titleLang } from '../js/catalog.js';
import { fill, h } from '../js/dom.js';
import { t } from '../js/i18n.js';
import { href } from '../js/router.js';
import { levelBadge, regionBadge, sectionHead } from '../js/ui.js';
import { downloadButtons } from '../js/download.js';

export async function render(page) {
  const [docs, regionMap] = await Promise.all([documents(), regions()]);
  document.title = `${t('nav.docs')} · policykg`;
  const rank = (d) => (LEVELS.includes(d.level) ? LEVELS.indexOf(d.level) : LEVELS.length);
  const sorted = [...docs].sort((a, b) => rank(a) - rank(b) || (a.region || '').localeCompare(b.region || '') || (a.issued || '').localeCompare(b.issued || ''));
  const rows = () => sorted.map((d) => ({
    id: d.id, title: d.title, title_zh: d.titles?.['zh-Hans'] || '', title_en: d.titles?.en || '',
    level: d.level, region: d.region, issued: d.issued, doc_number: d.doc_number, language: d.language,
  }));

  const table = h('table', { class: 'list documents' },
    h('thead', {}, h('tr', {},
      h('th', {}, t('label.title')), h('th', {}, t('label.level')), h('th', {}, t('label.region')),
      h('th', {}, t('label.issued')), h('th', {}, t('label.docnumber')), h('th', {}, ''))),
    h('tbody', {}, sorted.map((d) => {
      const titles = docTitles(d);
      return h('tr', { 'data-doc': d.id },
        h('td', { class: 'title-cell' },
          h('a', { href: href('doc', d.id), lang: titleLang(d) }, titles.main),
          titles.other ? h('div', { class: 'muted small' }, titles.other) : null),
        h('td', {}, levelBadge(d.level)),
        h('td', {}, regionBadge(regionMap, d.region)),
        h('td', { class: 'nowrap' }, d.issued || ''),
        h('td', { class: 'nowrap' }, d.doc_number || ''),
        h('td', { class: 'nowrap actions' },
          h('a', { href: href('targets', '', { document: d.id }) }, t('nav.targets')), ' · ',
          h('a', { href: href('units', '', { document: d.id }) }, t('units.matrix.short'))));
    })));

  fill(page, 
    sectionHead(t('docs.heading', { n: docs.length }), downloadButtons('policykg-documents', rows)),
    h('p', { class: 'lead-text' }, t('docs.intro')),
    h('div', { class: 'table-wrap' }, table),
    h('p', { class: 'muted small' }, LEVELS.map((l) => `${levelName(l)} = ${t(`level.${l}.explain`)}`).join(' · ')),
  );
}

// What every view needs to name things: documents (title, level, region), region labels and the
// concept scheme. Each is fetched once per page load and shared.

import { getJSON } from './api.js';
import { language, pick, t } from './i18n.js';

const cache = new Map();

function once(key, load) {
  if (!cache.has(key)) {
    const promise = load().catch((error) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, promise);
  }
  return cache.get(key);
}

export const LEVELS = ['central', 'ministry', 'provincial', 'municipal', 'county'];

export function documents() {
  return once('documents', async () => (await getJSON('/api/documents')).documents);
}

export async function documentMap() {
  return new Map((await documents()).map((d) => [d.id, d]));
}

/** Region id → {labels: {script: label}, parent}. */
export function regions() {
  return once('regions', async () => {
    const { regions: list } = await getJSON('/api/regions');
    return new Map(list.map((r) => [r.id, { labels: r.labels || {}, parent: r.parent ?? null }]));
  });
}

export function concepts() {
  return once('concepts', async () => (await getJSON('/api/concepts')).concepts);
}

/** A region's name in the interface language ("三明市" / "Sanming"), or its id when unknown. */
export function regionName(regionMap, id) {
  if (!id) return '';
  const entry = regionMap?.get(id);
  return entry ? pick(entry.labels, id) : id;
}

export function levelName(level) {
  return level ? t(`level.${level}`) : '';
}

/** The document's title: its own-script title, with the title in the interface language second. */
export function docTitles(doc) {
  if (!doc) return { main: '', other: '' };
  const main = doc.title || Object.values(doc.titles || {})[0] || doc.id;
  const wanted = language() === 'zh' ? doc.titles?.['zh-Hans'] : doc.titles?.en;
  return { main, other: wanted && wanted !== main ? wanted : '' };
}

/** The document's title in the interface language when it has one (translations, script copies). */
export function docName(doc) {
  if (!doc) return '';
  const titles = doc.titles || {};
  const translated = language() === 'zh' ? titles['zh-Hans'] : titles.en;
  // A translation named by the title of its original says which text it is.
  if (translated && doc.language && doc.language !== language()) return `${translated}（${t(`doc.version.${doc.language}`)}）`;
  return translated || doc.title || doc.id;
}

/** A short label for lists: region · year · title. */
export function docShort(doc, regionMap) {
  if (!doc) return '';
  const year = (doc.issued || '').slice(0, 4);
  return [regionName(regionMap, doc.region), year, docName(doc)].filter(Boolean).join(' · ');
}

/** `text` cut to `n` characters with an ellipsis. */
export function truncate(text, n) {
  const chars = [...(text || '')];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : text || '';
}

/** The script a document's own title is written in, for the lang attribute (glyph shapes). */
export function titleLang(doc) {
  if (!doc?.titles) return null;
  if (doc.titles['zh-Hant'] && doc.titles['zh-Hant'] === doc.title) return 'zh-Hant';
  if (doc.titles.en && doc.titles.en === doc.title) return 'en';
  return 'zh-Hans';
}

export function conceptLabel(concept) {
  return pick(concept?.labels, concept?.id || '');
}

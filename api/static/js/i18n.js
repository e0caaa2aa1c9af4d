// Interface language: Chinese or English. The dictionaries live in /i18n/*.json; a key missing in
// one language falls back to the other so the page never shows a raw key to a reader.

const STORAGE_KEY = 'policykg.lang';
const dictionaries = {};
let current = 'zh';

export const LANGUAGES = ['zh', 'en'];

function initialLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) return stored;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export async function loadLanguages() {
  await Promise.all(
    LANGUAGES.map(async (code) => {
      const res = await fetch(`i18n/${code}.json`);
      dictionaries[code] = await res.json();
    }),
  );
  setLanguage(initialLanguage());
}

export function language() {
  return current;
}

export function setLanguage(code) {
  current = LANGUAGES.includes(code) ? code : 'zh';
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current === 'zh' ? 'zh-Hans' : 'en';
}

/** The text for `key` in the current language, with {name} slots filled from `vars`. */
export function t(key, vars) {
  const other = current === 'zh' ? 'en' : 'zh';
  let text = dictionaries[current]?.[key] ?? dictionaries[other]?.[key] ?? key;
  if (vars) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  }
  return text;
}

/** The label in the script that suits the interface language, from a {script: label} map. */
export function pick(labels, fallback = '') {
  if (!labels) return fallback;
  // Language tags may arrive lower-cased from the store ("zh-hans"): compare without case.
  const byTag = new Map(Object.entries(labels).map(([tag, label]) => [tag.toLowerCase(), label]));
  const order = current === 'zh' ? ['zh-hans', 'zh-hant', 'en'] : ['en', 'zh-hans', 'zh-hant'];
  for (const script of order) if (byTag.get(script)) return byTag.get(script);
  return Object.values(labels).find(Boolean) || fallback;
}

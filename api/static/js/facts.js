// Where every fact sits in the original text. The research answers say what a clause holds; the
// exact source passage of each fact (its offsets and quote) comes from /api/documents/{id}/facts and
// /api/facts, so the page can mark facts inside the text and show each one's quote and offsets on hover.

import { getForIds, getJSON } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Facts of one document, grouped by clause id, each list in reading order. A fact is {id, kind,
 * clause, start, end, exact, unit, unit_label, role, concept}.
 */
export async function documentFacts(docId) {
  const { facts } = await getJSON(`/api/documents/${encodeURIComponent(docId)}/facts`);
  return groupByClause(facts);
}

/** Facts of some clauses (for search results), grouped by clause id. */
export async function clauseFacts(clauseIds) {
  if (!clauseIds.length) return new Map();
  return groupByClause(await getForIds('/api/facts', 'clause', clauseIds, 'facts'));
}

function groupByClause(facts) {
  const out = new Map();
  for (const fact of facts.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!out.has(fact.clause)) out.set(fact.clause, []);
    out.get(fact.clause).push(fact);
  }
  return out;
}

function spanMap(spans) {
  return new Map(spans.map((s) => [s.id, { start: s.start, end: s.end, normalised: s.normalised ?? null }]));
}

/** item id → {start, end, normalised} for some clauses (kind 'clause') or measures (kind 'measure'). */
export async function itemSpans(kind, ids) {
  if (!ids.length) return new Map();
  return spanMap(await getForIds('/api/spans', 'id', ids, 'spans', { kind }));
}

/** "“市工信局” · original text 1234–1238": what a tooltip says about where a fact comes from. */
export function sourceNote(fact) {
  const quote = fact.exact ? `“${fact.exact}”` : '';
  return [quote, t('fact.offsets', { start: fact.start, end: fact.end })].filter(Boolean).join(' · ');
}

const ENDS_SENTENCE = /[。！？；：!?;:]/;
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])/;
const LINE_GAP = /\s*\n\s*/g;

/**
 * How the line breaks of `text` read (start of each run of spaces holding one → what it reads as), for a text
 * that is one `sentence` (a measure, a target's sentence) or a `clause`. In a sentence every break the PDF's
 * layout made is no break; in a clause, a line the layout wrapped is one about as long as the text's long
 * lines (their upper quartile) ending without a stop, the next opening no clause marker, and a heading's line
 * (short), a paragraph's end (a stop), a signature or a date keep theirs. A wrapped line joins the next with
 * nothing in Chinese text (the layout wraps mid-word, URLs included) and a space in text with no Chinese.
 */
function readingGaps(text, kind) {
  const gaps = [...text.matchAll(LINE_GAP)];
  const lines = [];
  let from = 0;
  for (const gap of gaps) {
    lines.push(text.slice(from, gap.index).trim());
    from = gap.index + gap[0].length;
  }
  lines.push(text.slice(from).trim());
  const widths = lines.map((line) => line.length).sort((x, y) => x - y);
  const full = widths[Math.floor(0.75 * (widths.length - 1))] || 0;
  const joiner = WIDE.test(text) ? '' : ' ';
  const out = new Map();
  gaps.forEach((gap, k) => {
    const [prev, next] = [lines[k], lines[k + 1]];
    const open = prev && next && !ENDS_SENTENCE.test(prev.slice(-1));
    const wrapped = kind === 'sentence' ? open
      : open && full >= 15 && prev.length >= 0.8 * full && !MARKER.test(next);
    out.set(gap.index, wrapped ? joiner : '\n');
  });
  return out;
}

/** text[s:e] with its line breaks as `gaps` (see `readingGaps`) says they read; a run of spaces cut by s or e
 * (not in `gaps`) reads as one line break. */
function readPiece(text, s, e, gaps) {
  return text.slice(s, e).replace(LINE_GAP, (gap, at) => gaps.get(s + at) ?? '\n');
}

/** A measure's or a target's sentence as a reader reads it (see `readingGaps`); the API gives it as printed. */
export function sentenceText(text) {
  const source = text || '';
  return readPiece(source, 0, source.length, readingGaps(source, 'sentence'));
}

/** A clause's text as a reader reads it (see `readingGaps`). */
export function clauseText(text) {
  const source = text || '';
  return readPiece(source, 0, source.length, readingGaps(source, 'clause'));
}

/**
 * `text` (which starts at original offset `base`) with marks: each mark {start, end} in original
 * offsets, {kind, title}. Overlapping marks split the text into runs; a run carries the classes of
 * every mark over it and the title of the narrowest one. `reading` ('sentence' or 'clause'): its line
 * breaks read as `readingGaps` says; without, runs of blank lines are one line break.
 */
export function highlighted(text, base, marks, { reading = null } = {}) {
  const length = text.length;
  const inside = marks
    .map((m) => ({ ...m, s: Math.max(0, m.start - base), e: Math.min(length, m.end - base) }))
    .filter((m) => m.e > m.s);
  const points = new Set([0, length]);
  for (const m of inside) {
    points.add(m.s);
    points.add(m.e);
  }
  const cuts = [...points].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i < cuts.length - 1; i += 1) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    const over = inside.filter((m) => m.s <= s && m.e >= e);
    const kinds = [...new Set(over.map((m) => m.kind))].sort();
    const titled = over.filter((m) => m.title).reduce((a, b) => (!a || b.e - b.s < a.e - a.s ? b : a), null);
    const narrowest = over.length ? over.reduce((a, b) => (b.e - b.s < a.e - a.s ? b : a)) : null;
    const run = { s, e, key: kinds.join(' '), title: titled ? titled.title : null, kind: narrowest?.kind };
    const last = runs[runs.length - 1];
    // Neighbouring runs under the same marks read as one (overlapping search words, for instance).
    if (last && last.key === run.key && last.title === run.title && last.kind === run.kind) last.e = e;
    else runs.push(run);
  }
  const gaps = reading ? readingGaps(text, reading) : null;
  return runs.map((run) => {
    // Runs of blank lines in the source become one line break (offsets are unaffected: marks
    // were placed on the text as stored).
    const piece = gaps ? readPiece(text, run.s, run.e, gaps) : text.slice(run.s, run.e).replace(/[ \t\u3000]*\n\s*/g, '\n');
    if (!run.key) return piece;
    return h('mark', { class: ['hl', ...run.key.split(' ').map((k) => `hl-${k}`)], title: run.title, 'data-kind': run.kind }, piece);
  });
}

/** Marks for every place a search word occurs in `text` (case-insensitive), in original offsets. */
export function wordMarks(text, base, words) {
  const marks = [];
  const lower = text.toLowerCase();
  for (const word of words) {
    const needle = word.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
      marks.push({ start: base + at, end: base + at + needle.length, kind: 'match', title: null });
    }
  }
  return marks;
}

/** clause id → {start, end, normalised} for every clause of a document. */
export async function documentClauseSpans(docId) {
  return spanMap((await getJSON(`/api/documents/${encodeURIComponent(docId)}/spans`)).spans);
}

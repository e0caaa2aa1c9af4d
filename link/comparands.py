"""The things the linker compares: measures and clauses as feature bundles, batched per document.

A comparand is a measure (one sentence) or a leaf clause as a whole. Its wording is a set of features
(bigrams and single characters of the normalised Chinese, see `features.wording_features`) kept as
integer ids of one shared vocabulary, for the whole text and, for a measure, for each comma-piece,
which is also scored alone. A `Batch` lays the rows (whole texts and pieces) of many comparands end to
end, so one document's comparands are scored against a higher document with a few array operations
instead of one Python loop per comparand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from policykg.extract.model import ClauseFacts, DocumentExtraction, Target
from policykg.ingest.model import Clause, NormalisedDocument
from policykg.link.features import (
    UNIGRAM_MARK,
    bigrams,
    compact,
    inside_scope,
    quantity_contexts,
    quoted_terms,
    scope_only,
    scope_spans,
    segments,
    wording_features,
    words,
    years,
)
from policykg.link.headings import (
    HEADING_CHARS,
    concepts_above,
    headings,
    stands_under_review,
    title_concepts,
    titles_by_path,
)

UNIGRAM_WEIGHT = 0.3  # single characters count for less than bigrams
SCOPE_WEIGHT = 0.5  # features only found in an enumeration closed by 等 count for less
PIECE_CHARS = 7  # Chinese characters a comma-piece of a measure needs to be scored alone (see `pieces`)


class Vocabulary:
    """Integer ids for wording features, shared by every document linked together."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.features: list[str] = []  # id → feature

    def __len__(self) -> int:
        return len(self.ids)

    def encode(self, grams: Iterable[str]) -> list[int]:
        ids, features = self.ids, self.features
        out = []
        for g in grams:
            i = ids.get(g)
            if i is None:
                i = ids[g] = len(features)
                features.append(g)
            out.append(i)
        return out


class Specificity:
    """How specific a wording feature or concept is across the whole corpus, in [floor, 1].

    A feature found in one document counts fully; one found in every document ("指导思想", "推进",
    the concept carbon_peak) hardly counts: the idf over the corpus's documents relative to the
    largest idf possible. Features the corpus never saw count fully. Frequencies over a few documents
    say little about what is generic, so below `FULL` documents the weighting fades towards 1.
    """

    FLOOR = 0.1
    FULL = 100  # documents from which the corpus's frequencies count fully; fewer say less
    TEXT_CACHE = 1 << 15  # texts whose specific words are kept

    def __init__(self, doc_freq: dict[str, int], n_docs: int, vocab: Vocabulary) -> None:
        self.doc_freq = doc_freq
        self.top = math.log((n_docs + 1) / 1.5) if n_docs > 1 else 0.0
        self.n_docs = n_docs
        self.trust = min(1.0, n_docs / self.FULL)
        self.vocab = vocab
        self._by_id = np.zeros(0)
        self._words: dict[str, float] = {}
        self._texts: dict[tuple[str, float], tuple[tuple[str, float], ...]] = {}
        self._values: dict[str, list[float]] = {}

    def of(self, feature: str, raw: bool = False) -> float:
        """The weight of a feature in scores (`raw`: the specificity itself, as evidence shows it)."""
        df = self.doc_freq.get(feature)
        if not df or self.top <= 0:
            return 1.0
        spec = min(1.0, max(self.FLOOR, math.log((self.n_docs + 1) / (df + 0.5)) / self.top))
        return spec if raw else 1.0 - (1.0 - spec) * self.trust

    def word(self, word: str) -> float:
        """A word's specificity: that of its most common bigram (a word is rarer than its parts); raw, as
        evidence shows it, whatever the size of the corpus."""
        spec = self._words.get(word)
        if spec is None:
            spec = min((self.of(g, raw=True) for g in bigrams(word) if len(g) == 2), default=1.0)
            spec = self._words[word] = round(spec, 4)
        return spec

    def values(self, text: str) -> list[float]:
        """Over `features.words(text)`: 0, then the running sum of specificity × length of the words."""
        found = self._values.get(text)
        if found is None:
            found = [0.0]
            for a, b, wordy in words(text):
                found.append(found[-1] + ((b - a) * self.word(text[a:b]) if wordy else 0.0))
            if len(self._values) >= self.TEXT_CACHE:
                self._values.clear()
            self._values[text] = found
        return found

    def specific_words(self, text: str, least: float) -> tuple[tuple[str, float], ...]:
        """The distinct words of a text (see `features.words`) at least `least` specific, most specific first."""
        found = self._texts.get((text, least))
        if found is None:
            scored: dict[str, float] = {}
            for start, end, wordy in words(text):
                if wordy and text[start:end] not in scored:
                    scored[text[start:end]] = self.word(text[start:end])
            found = tuple(sorted(((w, s) for w, s in scored.items() if s >= least),
                                 key=lambda ws: (-ws[1], -len(ws[0]), ws[0])))
            if len(self._texts) >= self.TEXT_CACHE:
                self._texts.clear()
            self._texts[(text, least)] = found
        return found

    def by_id(self, ids: np.ndarray) -> np.ndarray:
        """The specificity of vocabulary ids (the table grows with the vocabulary)."""
        known = len(self._by_id)
        if known < len(self.vocab):
            grown = np.fromiter((self.of(f) for f in self.vocab.features[known:]), dtype=np.float64,
                                count=len(self.vocab) - known)
            self._by_id = np.concatenate([self._by_id, grown])
        return self._by_id[ids]


def corpus_frequencies(
    docs: Iterable[NormalisedDocument], extractions: dict[str, DocumentExtraction]
) -> tuple[dict[str, int], int]:
    """In how many documents each wording feature (zh) and each concept ("concept:" + id) occurs."""
    df: dict[str, int] = {}
    n = 0
    for doc in docs:
        n += 1
        features: set[str] = wording_features(doc.text) if _lang(doc) == "zh" else set()
        extraction = extractions.get(doc.id)
        if extraction is not None:
            features.update("concept:" + m.concept_id for f in extraction.clauses.values() for m in f.concepts)
        for f in features:
            df[f] = df.get(f, 0) + 1
    return df, n


def kind_weight(feature: str) -> float:
    return UNIGRAM_WEIGHT if feature.startswith(UNIGRAM_MARK) else 1.0


@dataclass(slots=True)
class Row:
    """The wording of a whole comparand or of one of its pieces: feature ids and their kind weights."""

    text: str
    ids: np.ndarray
    kinds: np.ndarray
    scale: np.ndarray  # per feature: 1, or SCOPE_WEIGHT when it only names the scope of the action


@dataclass(slots=True)
class Comparand:
    """A measure or a leaf clause, with every feature the linker compares."""

    id: str
    document: str
    clause_id: str
    text: str
    lang: str
    grams: set[str]  # wording features of the whole text
    concepts: set[str]
    quantities: dict[str, set[str]]  # quantity → bigrams of the words before it
    years: set[str]
    unit_roles: set[str]
    targets: list[Target] = field(default_factory=list)
    scope_concepts: set[str] = field(default_factory=set)  # concepts named only in 等-enumerations
    compact: str = ""  # the text without punctuation or spaces (Chinese comparands only)
    quoted: set[str] = field(default_factory=set)  # terms the text quotes, compacted
    rows: list[Row] = field(default_factory=list)  # the whole text first, then each piece (if several)
    context: str = ""  # the headings of its clause and of the clauses above it, top first (see `headings`)
    heading_concepts: set[str] = field(default_factory=set)  # named in the nearest headings, not in the text


def _lang(doc: NormalisedDocument) -> str:
    return "en" if doc.metadata.language == "en" else "zh"


def _unit_role(unit_id: str) -> str:
    """The office a unit (organisation) id names, without its jurisdiction ("cn-fj-sanming.sthjj" → "sthjj")."""
    return unit_id.replace("/", ".").rsplit(".", 1)[-1]


def whole_text(doc: NormalisedDocument, clause: Clause) -> str:
    """The clause's whole text (heading, body and children) in normalised form; its own text is
    `Clause.own_range`."""
    return doc.text[clause.start : clause.end]


def clause_concepts(clause: Clause, facts_by_clause: dict[str, ClauseFacts]) -> set[str]:
    """Concepts mentioned anywhere in a clause (its own facts and its descendants')."""
    found: set[str] = set()
    for c in clause.walk():
        facts = facts_by_clause.get(c.id)
        if facts:
            found.update(m.concept_id for m in facts.concepts)
    return found


def make_comparand(
    uid: str,
    doc: NormalisedDocument,
    clause_id: str,
    text: str,
    facts: ClauseFacts | None,
    concepts: Iterable[str],
    vocab: Vocabulary,
    targets: Sequence[Target] = (),
    split: Callable[[str], list[str]] | None = None,
    context: str = "",
    above: Iterable[str] = (),
) -> Comparand:
    """A comparand with its features; `split` cuts its text into the pieces that are also scored alone;
    `above`: the concepts the headings above it name (`concepts_above`), kept where its text names them not."""
    lang = _lang(doc)
    chinese = lang == "zh"
    pieces: list[tuple[str, set[str]]] = []
    if chinese and split is not None:
        pieces = [(p, f) for p in split(text) if (f := wording_features(p))]
    # Bigrams never cross a piece boundary, so the pieces make up the whole.
    whole = set().union(*(f for _, f in pieces)) if pieces else (wording_features(text) if chinese else set())
    comparand = Comparand(
        id=uid,
        document=doc.id,
        clause_id=clause_id,
        text=text,
        lang=lang,
        grams=whole,
        concepts=set(concepts),
        quantities=quantity_contexts(text),
        years=years(text),
        unit_roles={_unit_role(u.unit_id) for u in facts.units} if facts else set(),
        targets=list(targets),
        context=context if chinese else "",
    )
    comparand.heading_concepts = set(above) - comparand.concepts
    if chinese:
        comparand.compact = compact(text)
        comparand.quoted = quoted_terms(text)
    spans = scope_spans(text) if chinese and facts is not None and comparand.concepts else []
    if spans and facts is not None:
        surfaces: dict[str, set[str]] = {}
        for mention in facts.concepts:
            surfaces.setdefault(mention.concept_id, set()).add(mention.surface)
        comparand.scope_concepts = {c for c in comparand.concepts if inside_scope(text, surfaces.get(c, ()), spans)}
    ordered = sorted(whole)
    ids = vocab.encode(ordered)
    scoped = scope_only(text) if chinese else set()
    comparand.rows = [_row(text, ordered, ids, scoped)]
    if len(pieces) > 1:
        id_of = dict(zip(ordered, ids, strict=True))
        for piece, features in pieces:
            grams = sorted(features)
            comparand.rows.append(_row(piece, grams, [id_of[g] for g in grams], scoped))
    return comparand


def _row(text: str, grams: list[str], ids: list[int], scoped: set[str]) -> Row:
    return Row(
        text,
        np.array(ids, dtype=np.int64),
        np.array([UNIGRAM_WEIGHT if g[0] == UNIGRAM_MARK else 1.0 for g in grams]),
        np.array([SCOPE_WEIGHT if g in scoped else 1.0 for g in grams]),
    )


def pieces(text: str) -> list[str]:
    """A measure's comma-pieces scored alone: an action needs `PIECE_CHARS` Chinese characters, so a short
    qualifier ("符合条件的", "给予支持") joins the piece after it rather than counting, matched whole
    by any clause that uses it, as an action of its own."""
    return segments(text, PIECE_CHARS)


def leaf_comparand(doc: NormalisedDocument, clause: Clause, extraction: DocumentExtraction | None,
                vocab: Vocabulary, title_at: dict[tuple[str, ...], str], named: dict[tuple[str, ...], set[str]],
                split: Callable[[str], list[str]] | None = None) -> Comparand:
    """A leaf clause as one comparand; its sentences are measures of their own already. `title_at` and
    `named`: the document's `titles_by_path` and `title_concepts` (made once per document by the caller)."""
    facts_by_clause = extraction.clauses if extraction else {}
    facts = facts_by_clause.get(clause.id)
    return make_comparand(
        clause.id, doc, clause.id, whole_text(doc, clause), facts, clause_concepts(clause, facts_by_clause), vocab,
        facts.targets if facts else [], split, headings(title_at, clause.path, HEADING_CHARS),
        concepts_above(named, clause.path),
    )


def source_comparands(doc: NormalisedDocument, extraction: DocumentExtraction | None, vocab: Vocabulary,
                 leaves: dict[str, Comparand] | None = None) -> list[Comparand]:
    """Every measure of a document (pieces: its comma-pieces, see `pieces`) and every leaf clause as a whole.

    Measures are what a trace starts from; whole clauses also carry the sentences that are no
    measures (a target such as "到2025年,城镇建筑可再生能源替代率达到8%") and let a trace start
    from a clause. `leaves` holds leaf-clause comparands already made, by clause id.
    """
    comparands: list[Comparand] = []
    facts_by_clause = extraction.clauses if extraction else {}
    title_at = titles_by_path(doc)
    named = title_concepts(doc, facts_by_clause)
    for clause in doc.walk():
        if stands_under_review(title_at, clause.path):
            continue  # a review of the past or of the situation carries out nothing
        facts = facts_by_clause.get(clause.id)
        own_targets = facts.targets if facts else []
        context = headings(title_at, clause.path, HEADING_CHARS)
        above = concepts_above(named, clause.path)
        for m in facts.measures if facts else ():
            targets = [own_targets[i] for i in m.target_indexes if 0 <= i < len(own_targets)]
            comparands.append(make_comparand(m.id, doc, clause.id, m.text, facts, m.concepts, vocab, targets, pieces,
                                             context, above))
        if clause.is_leaf:
            made = leaves.get(clause.id) if leaves else None
            comparands.append(made or leaf_comparand(doc, clause, extraction, vocab, title_at, named))
    return comparands


@dataclass(slots=True)
class Batch:
    """The rows of many comparands laid end to end: row r covers ids[starts[r]:starts[r] + sizes[r]]."""

    comparands: list[Comparand]
    ids: np.ndarray
    kinds: np.ndarray
    scale: np.ndarray
    starts: np.ndarray
    sizes: np.ndarray
    whole: np.ndarray  # row of each comparand's whole text
    piece_rows: np.ndarray  # rows that are pieces
    piece_comparand: np.ndarray  # the comparand each piece row belongs to
    first_piece: list[int]  # per comparand: its first piece row (or -1), its pieces being contiguous

    @classmethod
    def of(cls, comparands: Sequence[Comparand]) -> Batch:
        ids: list[np.ndarray] = []
        kinds: list[np.ndarray] = []
        scale: list[np.ndarray] = []
        starts: list[int] = []
        sizes: list[int] = []
        whole: list[int] = []
        piece_rows: list[int] = []
        piece_comparand: list[int] = []
        first_piece: list[int] = []
        offset = 0
        for k, comparand in enumerate(comparands):
            for n, row in enumerate(comparand.rows):
                r = len(starts)
                if n == 0:
                    whole.append(r)
                    first_piece.append(r + 1 if len(comparand.rows) > 1 else -1)
                else:
                    piece_rows.append(r)
                    piece_comparand.append(k)
                starts.append(offset)
                sizes.append(len(row.ids))
                ids.append(row.ids)
                kinds.append(row.kinds)
                scale.append(row.scale)
                offset += len(row.ids)
        return cls(
            comparands=list(comparands),
            ids=np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
            kinds=np.concatenate(kinds) if kinds else np.zeros(0),
            scale=np.concatenate(scale) if scale else np.zeros(0),
            starts=np.array(starts, dtype=np.int64),
            sizes=np.array(sizes, dtype=np.int64),
            whole=np.array(whole, dtype=np.int64),
            piece_rows=np.array(piece_rows, dtype=np.int64),
            piece_comparand=np.array(piece_comparand, dtype=np.int64),
            first_piece=first_piece,
        )

    def row_sums(self, values: np.ndarray) -> np.ndarray:
        """Per row, the sum of `values` (one entry, or one row of a matrix, per feature occurrence)."""
        padded = np.concatenate([values, np.zeros((1, *values.shape[1:]), dtype=values.dtype)])
        starts = np.minimum(self.starts, len(values))
        sums = np.add.reduceat(padded, starts, axis=0)
        sums[self.sizes == 0] = 0
        return sums

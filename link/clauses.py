"""Ranks, for each measure of a lower document, the clauses of each higher document it carries out.

A measure is compared with every leaf clause of a higher document on four kinds of evidence:
wording (idf-weighted character bigrams of the normalised Chinese, zh↔zh only), concepts of the
bilingual concept scheme (the language-independent signal), shared quantities and years, and
shared responsible-unit roles. Wording is what local documents mostly inherit from their parents,
so it dominates when both sides are Chinese; between languages concepts and numbers carry the score,
and where a higher work has a Chinese expression the links found for it are carried over to its
other expressions clause by clause (same path), never through translation.

Each higher document is held as a clause × feature matrix of idf weights, so a measure is scored
against all its clauses with a few vector operations: the whole default corpus links in about a
second.
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
    idf_table,
    quantity_contexts,
    segments,
    sentences,
    wording_features,
    years,
)
from policykg.link.model import ClauseLink, Evidence

METHOD = "policykg.link.clauses/0.1"

# How the evidence adds up to a score in [0, 1].
_W_WORDING = 0.70
_W_CONCEPT = 0.20
_W_NUMBER = 0.10
_W_CROSS_CONCEPT = 0.80
_W_CROSS_NUMBER = 0.20
_YEAR_CREDIT = 0.3  # a shared year is weak evidence next to a shared quantity
_UNIGRAM_WEIGHT = 0.3  # single characters count for less than bigrams
_COMMON_SHARE = 0.5  # wording features found in more than this share of a document's clauses are ignored
_SEGMENT_FLOOR = 0.5  # a fully matched comma-piece counts this much at least, more for larger pieces
_RESTATES_COVERAGE = 0.8  # share of the measure's wording found in one clause for "restates"
_SHORT_TEXT = 80  # characters; longer units show the shared wording of their best piece only
_UNSEEN, _COMMON = -1, -2  # column markers of features a document lacks or ignores


@dataclass(slots=True)
class Unit:
    """Something that can be linked: a measure (sentence) or, where no measures exist, a leaf clause."""

    id: str
    document: str
    clause_id: str
    text: str
    lang: str
    grams: set[str]  # wording features: bigrams and marked single characters
    concepts: set[str]
    quantities: dict[str, set[str]]  # quantity → bigrams of the words before it
    years: set[str]
    unit_roles: set[str]
    targets: list[Target] = field(default_factory=list)
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # vocabulary ids of `grams`
    kinds: np.ndarray = field(default_factory=lambda: np.zeros(0))  # weight of each id's kind
    pieces: np.ndarray | None = None  # len(ids) × pieces: 1 where the feature occurs in the piece
    piece_texts: list[str] = field(default_factory=list)


class Vocabulary:
    """Integer ids for wording features, shared by every document linked together."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def encode(self, grams: Iterable[str]) -> list[int]:
        ids = self.ids
        return [ids.setdefault(g, len(ids)) for g in grams]


@dataclass(slots=True)
class Candidate:
    clause: Clause
    score: float
    relation: str
    evidence: tuple[Evidence, ...]


def _lang(doc: NormalisedDocument) -> str:
    return "en" if doc.metadata.language == "en" else "zh"


def _unit_role(unit_id: str) -> str:
    """The office a unit id names, without its jurisdiction ("cn-fj-sanming/sthjj" → "sthjj")."""
    return unit_id.rsplit("/", 1)[-1]


def own_text(doc: NormalisedDocument, clause: Clause) -> str:
    """The clause's full text (heading, body and children) in normalised form."""
    return doc.text[clause.start : clause.end]


def make_unit(
    uid: str,
    doc: NormalisedDocument,
    clause_id: str,
    text: str,
    facts: ClauseFacts | None,
    concepts: Iterable[str],
    vocab: Vocabulary,
    targets: Sequence[Target] = (),
    split: Callable[[str], list[str]] | None = None,
) -> Unit:
    """A linkable unit with its features; `split` cuts its text into the pieces scored on their own."""
    lang = _lang(doc)
    chinese = lang == "zh"
    piece_texts: list[str] = []
    piece_grams: list[set[str]] = []
    if chinese and split is not None:
        for piece in split(text):
            features = wording_features(piece)
            if features:
                piece_texts.append(piece)
                piece_grams.append(features)
    # Bigrams never cross a piece boundary, so the pieces make up the whole.
    whole = set().union(*piece_grams) if piece_grams else (wording_features(text) if chinese else set())
    unit = Unit(
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
    )
    grams = sorted(unit.grams)
    unit.ids = np.array(vocab.encode(grams), dtype=np.int64)
    unit.kinds = np.array([_UNIGRAM_WEIGHT if g[0] == UNIGRAM_MARK else 1.0 for g in grams])
    if len(piece_grams) > 1:
        position = {g: k for k, g in enumerate(grams)}
        unit.pieces = np.zeros((len(grams), len(piece_grams)))
        for j, features in enumerate(piece_grams):
            unit.pieces[[position[g] for g in features], j] = 1.0
        unit.piece_texts = piece_texts
    return unit


def source_units(doc: NormalisedDocument, extraction: DocumentExtraction | None, vocab: Vocabulary) -> list[Unit]:
    """Every measure of a document (pieces: its comma-pieces) and every leaf clause as a whole
    (pieces: its sentences).

    Measures are what a trace starts from; whole clauses also carry the sentences that are no
    measures (a target such as "到2025年,城镇建筑可再生能源替代率达到8%") and let a trace start
    from a clause.
    """
    units: list[Unit] = []
    facts_by_clause = extraction.clauses if extraction else {}
    for clause in doc.walk():
        facts = facts_by_clause.get(clause.id)
        own_targets = facts.targets if facts else []
        for m in facts.measures if facts else ():
            targets = [own_targets[i] for i in m.target_indexes if 0 <= i < len(own_targets)]
            units.append(make_unit(m.id, doc, clause.id, m.text, facts, m.concepts, vocab, targets, segments))
        if clause.is_leaf:
            text = own_text(doc, clause)
            concepts = _clause_concepts(clause, facts_by_clause)
            units.append(make_unit(clause.id, doc, clause.id, text, facts, concepts, vocab, own_targets, sentences))
    return units


class ClauseIndex:
    """The leaf clauses of one higher document as weighted feature vectors, ready to score measures.

    Wording features are columns of a clause × feature matrix holding idf weights (features found in
    most clauses of the document are dropped as saying nothing about which clause is meant), so one
    measure is scored against every clause with a few vector operations.
    """

    def __init__(self, doc: NormalisedDocument, extraction: DocumentExtraction | None, vocab: Vocabulary) -> None:
        self.doc = doc
        self.lang = _lang(doc)
        facts_by_clause = extraction.clauses if extraction else {}
        self.clauses: list[Clause] = [c for c in doc.walk() if c.is_leaf]
        self.units: list[Unit] = []
        for clause in self.clauses:
            facts = facts_by_clause.get(clause.id)
            concepts = _clause_concepts(clause, facts_by_clause)
            self.units.append(make_unit(clause.id, doc, clause.id, own_text(doc, clause), facts, concepts, vocab))
        n = len(self.units)
        common = math.log((n + 1) / (_COMMON_SHARE * n + 0.5))
        idf = idf_table(u.grams for u in self.units)
        self.common = {g for g, w in idf.items() if w <= common}
        kept = sorted(g for g, w in idf.items() if w > common)
        column = {g: j for j, g in enumerate(kept)}
        self.weights = np.array([idf[g] * _kind_weight(g) for g in kept], dtype=np.float64)
        self.matrix = np.zeros((n, len(kept)), dtype=np.float64)
        for i, u in enumerate(self.units):
            cols = [column[g] for g in u.grams if g in column]
            self.matrix[i, cols] = self.weights[cols]
        # Vocabulary id → matrix column; _UNSEEN for features the document lacks, _COMMON for dropped ones.
        self.column = np.full(len(vocab), _UNSEEN, dtype=np.int64)
        self.column[vocab.encode(kept)] = np.arange(len(kept))
        self.column[vocab.encode(sorted(self.common))] = _COMMON
        self.mass = self.matrix.sum(axis=1)
        # A feature the higher document never uses weighs as much as its rarest one.
        self.unseen = float(self.weights.max()) if len(kept) else 1.0
        self.concept_idf = idf_table(u.concepts for u in self.units)
        self.unseen_concept = max(self.concept_idf.values(), default=1.0)
        self.by_concept = _postings(u.concepts for u in self.units)
        self.by_number = _postings(set(u.quantities) for u in self.units)
        self.by_year = _postings(u.years for u in self.units)
        self.pairs: list[set[str] | None] = [None] * n  # two-character substrings, made when first needed

    def rank(self, unit: Unit, top_k: int, min_score: float) -> list[Candidate]:
        """The best `top_k` clauses for `unit`, best first, each scoring at least `min_score`."""
        n = len(self.units)
        same_lang = unit.lang == "zh" and self.lang == "zh"
        if same_lang:
            wording, recall, piece = self._wording(unit)
        else:
            wording, recall, piece = np.zeros(n), np.zeros(n), np.full(n, -1)
        concept = np.zeros(n)
        if unit.concepts:
            total = sum(self.concept_idf.get(c, self.unseen_concept) for c in unit.concepts)
            for c in unit.concepts:
                for i in self.by_concept.get(c, ()):
                    concept[i] += self.concept_idf[c] / total
        number = np.zeros(n)
        for q, context in unit.quantities.items():
            for i in self.by_number.get(q, ()):
                number[i] += _number_credit(context, self.units[i].quantities[q])
        for y in unit.years:
            for i in self.by_year.get(y, ()):
                number[i] += _YEAR_CREDIT
        number = np.minimum(number, 1.0)
        if same_lang:
            score = _W_WORDING * wording + _W_CONCEPT * concept + _W_NUMBER * number
        else:
            score = _W_CROSS_CONCEPT * concept + _W_CROSS_NUMBER * number
        order = np.argsort(-score, kind="stable")[:top_k]  # ties: reading order
        order = order[score[order] >= min_score]
        return [
            self._candidate(unit, int(i), float(score[i]), float(wording[i]), float(recall[i]), int(piece[i]))
            for i in order
        ]

    def _wording(self, unit: Unit) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Wording similarity of the unit to every clause in [0, 1], the plain recall behind it, and
        per clause the piece of the unit that clause holds best (-1 when the unit has no pieces).

        Recall is the share of the measure's idf mass a clause holds. When one comma-piece of the
        measure is found whole in a clause, that piece's share counts too, scaled by the piece's size:
        a long sentence often joins several actions, each carried out from a different clause above
        it. A mild precision term prefers, among clauses holding the same wording, the one that says
        less else.
        """
        n = len(self.units)
        no_piece = np.full(n, -1, dtype=np.int64)
        cols = np.full(len(unit.ids), _UNSEEN, dtype=np.int64)
        inside = unit.ids < len(self.column)
        cols[inside] = self.column[unit.ids[inside]]
        known = cols >= 0
        # Weight of each of the unit's features here: its idf, the rarest weight if unseen, 0 if common.
        weight = np.where(known, self.weights[np.where(known, cols, 0)], 0.0) if len(self.weights) else np.zeros(len(cols))
        weight = np.where(cols == _UNSEEN, self.unseen * unit.kinds, weight)
        total = float(weight.sum())
        if not total:
            return np.zeros(n), np.zeros(n), no_piece
        held = self.matrix[:, cols[known]]  # n × known features, idf weight where the clause has it
        shared = held.sum(axis=1)
        recall = shared / total
        best, best_piece = recall, no_piece
        if unit.pieces is not None:
            piece_total = weight @ unit.pieces
            piece_shared = held @ unit.pieces[known]
            lift = _SEGMENT_FLOOR + (1 - _SEGMENT_FLOOR) * np.minimum(1.0, piece_total / total)
            ratio = np.divide(piece_shared, piece_total, out=np.zeros_like(piece_shared), where=piece_total > 0)
            best = np.maximum(recall, (lift * ratio).max(axis=1))
            best_piece = (ratio * piece_total).argmax(axis=1)
        precision = np.divide(shared, self.mass, out=np.zeros(n), where=self.mass > 0)
        return best * (0.75 + 0.25 * np.sqrt(np.minimum(1.0, 4 * precision))), recall, best_piece

    def _candidate(self, unit: Unit, i: int, score: float, wording: float, recall: float, piece: int) -> Candidate:
        clause_unit = self.units[i]
        evidence: list[Evidence] = []
        if wording > 0:
            if self.pairs[i] is None:
                self.pairs[i] = char_pairs(clause_unit.text)
            # The shared run is looked for in the piece this clause holds best (a whole measure when short).
            text = unit.text if piece < 0 or len(unit.text) <= _SHORT_TEXT else unit.piece_texts[piece]
            core = longest_common_substring(text, clause_unit.text, pairs=self.pairs[i])
            evidence.append(Evidence("wording", core, round(wording, 4)))
        for c in sorted(unit.concepts & clause_unit.concepts):
            evidence.append(Evidence("concept", c, round(self.concept_idf.get(c, 0.0), 4)))
        for q in sorted(unit.quantities.keys() & clause_unit.quantities.keys()):
            credit = _number_credit(unit.quantities[q], clause_unit.quantities[q])
            if credit:
                evidence.append(Evidence("number", q, credit))
        for y in sorted(unit.years & clause_unit.years):
            evidence.append(Evidence("year", y, _YEAR_CREDIT))
        for r in sorted(unit.unit_roles & clause_unit.unit_roles):
            evidence.append(Evidence("unit", r, 0.0))
        relation = classify(unit, clause_unit, recall)
        return Candidate(self.clauses[i], round(min(1.0, score), 4), relation, tuple(evidence))


def _number_credit(context: set[str], other: set[str]) -> float:
    """A shared quantity counts fully when the words before it agree on two bigrams, half on one."""
    return min(1.0, len(context & other) / 2)


def _kind_weight(feature: str) -> float:
    """Single characters count for less than bigrams."""
    return _UNIGRAM_WEIGHT if feature.startswith(UNIGRAM_MARK) else 1.0


def _clause_concepts(clause: Clause, facts_by_clause: dict[str, ClauseFacts]) -> set[str]:
    """Concepts mentioned anywhere in a clause (its own facts and its descendants')."""
    found: set[str] = set()
    for c in clause.walk():
        facts = facts_by_clause.get(c.id)
        if facts:
            found.update(m.concept_id for m in facts.concepts)
    return found


def _postings(feature_sets: Iterable[set[str]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, features in enumerate(feature_sets):
        for f in features:
            index.setdefault(f, []).append(i)
    return index


def classify(unit: Unit, clause_unit: Unit, recall: float) -> str:
    """restates (near-verbatim) > quantifies (a number for a target the clause names) > implements."""
    if recall >= _RESTATES_COVERAGE and unit.quantities.keys() <= clause_unit.quantities.keys():
        return "restates"
    for target in unit.targets:
        if target.value is None:
            continue
        if set(target.concepts) & clause_unit.concepts:
            return "quantifies"
        indicator = bigrams(target.indicator)
        if indicator and len(indicator & clause_unit.grams) >= 0.6 * len(indicator):
            return "quantifies"
    return "implements"


def longest_common_substring(a: str, b: str, limit: int = 40, pairs: set[str] | None = None) -> str:
    """The longest run of characters shared by two texts (the readable core of a wording match).

    Only positions where a pair of characters of `b` starts can start a longer run; from each, the
    run is grown with C-speed substring searches only while it can beat the best so far. `pairs`
    (every two-character substring of `b`) may be passed in when `b` is compared many times.
    """
    if pairs is None:
        pairs = char_pairs(b)
    best = ""
    for i in range(len(a) - 1):
        if a[i : i + 2] not in pairs:
            continue
        n = max(2, len(best) + 1)
        while i + n <= len(a) and a[i : i + n] in b:
            best = a[i : i + n]
            n += 1
        if len(best) >= limit:
            break
    return best[:limit]


def char_pairs(text: str) -> set[str]:
    return {text[j : j + 2] for j in range(len(text) - 1)}


def link_units(units: Sequence[Unit], index: ClauseIndex, top_k: int, min_score: float) -> list[ClauseLink]:
    """The ranked candidate clauses of one higher document for each unit of a lower one."""
    links: list[ClauseLink] = []
    for unit in units:
        for n, cand in enumerate(index.rank(unit, top_k, min_score), start=1):
            links.append(ClauseLink(unit.id, cand.clause.id, cand.relation, cand.score, n, METHOD, cand.evidence))
    return links


def carry_over(links: Sequence[ClauseLink], original: NormalisedDocument, expression: NormalisedDocument) -> list[ClauseLink]:
    """Links found for a work's original, repeated for another expression's clause of the same path."""
    path_of = {c.id: c.path for c in original.walk()}
    by_path = {c.path: c for c in expression.walk()}
    carried: list[ClauseLink] = []
    for link in links:
        path = path_of.get(link.target)
        target = by_path.get(path) if path is not None else None
        if target is None:
            continue
        evidence = (*link.evidence, Evidence("alignment", link.target, 1.0))
        carried.append(
            ClauseLink(link.source, target.id, link.relation, link.score, link.rank, f"{METHOD}+alignment", evidence)
        )
    return carried

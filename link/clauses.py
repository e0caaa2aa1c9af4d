"""Ranks, for each measure of a lower document, the clauses of each higher document it carries out.

A measure is compared with every leaf clause of a higher document on four kinds of evidence:
wording (idf-weighted character bigrams of the normalised Chinese, zh↔zh only), concepts of the
bilingual concept scheme (the language-independent signal), shared quantities and years, and
shared responsible-unit roles. Wording is what local documents mostly inherit from their parents,
so it dominates when both sides are Chinese; between languages concepts and numbers carry the score,
and where a higher work has a Chinese expression the links found for it are carried over to its
other expressions clause by clause (same path), never through translation.

What a clause is *about* weighs more than what it merely lists: features and concepts a text only
names inside an enumeration of the scope of an action ("钢铁、水泥、煤电、化工等行业", "煤电、钢铁、水泥、石化
等高碳项目") count half on either side, so a carbon-capture measure meets the technology clause rather
than the investment clause that lists the same industries. A term a higher clause quotes (the slogan
“全国统筹、节约优先、双轮驱动、内外畅通、防范风险”, “揭榜挂帅”) named verbatim in a measure points at
that clause, and so, more mildly, does a measure naming the clause's own heading. A clause facing abroad (trade,
the Belt and Road) lists technologies and clean energy as what is shared abroad, so it counts half for a measure
naming nothing abroad. The headings a measure stands under count too: alike to the headings above a clause
("建立绿色贸易体系" and "加快建立绿色贸易体系"), they say which section of the higher document it carries out.

A measure also gets evidence through the documents between it and the target: a Sanming measure
carried out by a Fujian clause inherits, at half weight, the central clauses that Fujian clause
carries out, since Fujian's fuller wording is closer to the centre's (and so does a Fujian clause it meets
nearly as well: of two clauses met alike, reading order would pick one by chance). The 2030 Action Plan relays so
to the central opinions it spells out (a later head of the 1+N system to an earlier one), and no framing
clause relays anything.

Each higher document is a clause × feature matrix of idf weights and each lower document a batch of
rows, so scoring is array arithmetic; Python only runs for the few candidates kept per measure.

Length (about 600 lines): the index of a higher document, the evidence that explains a kept link and the
linker relaying through intermediate documents read the same feature arrays and weights; apart, each
would reach into the others. What is compared (`comparands`) and the features (`features`) are apart.

Length (about 600 lines, kept whole on purpose): the clause index (the features of every candidate clause),
the scoring of a comparand against a clause and the relay between documents read the same weights and
feature tables; split apart, each part would reach into the others' internals.
"""

from __future__ import annotations

import functools
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import Clause, NormalisedDocument
from policykg.link.comparands import (
    SCOPE_WEIGHT,
    Batch,
    Comparand,
    Specificity,
    Vocabulary,
    kind_weight,
    leaf_comparand,
    source_comparands,
)
from policykg.link.documents import is_head, issued
from policykg.link.features import bigrams, idf_table, segment_grams, words
from policykg.link.headings import (
    HEADING_CHARS,
    headings,
    stands_under_review,
    title_concepts,
    titles_by_path,
)
from policykg.link.model import ClauseLink, Evidence

METHOD = "policykg.link.clauses/0.2"

# How the evidence adds up to a score in [0, 1].
_W_WORDING = 0.70
_W_CONCEPT = 0.20
_W_NUMBER = 0.10
_W_PHRASE = 0.15  # added when the comparand names a term the clause quotes, shared by the clauses quoting it
_W_HEADING = 0.10  # added in proportion to the share of the clause's heading the comparand names
_BROADER_CREDIT = 0.3  # a concept counts this much in a clause naming only a broader one …
_BROADER_SPECIFIC = 0.1  # … and up to this much more as the broader one is specific across the corpus
_W_CROSS_CONCEPT = 0.80
_W_CROSS_NUMBER = 0.20
_YEAR_CREDIT = 0.3  # a shared year is weak evidence next to a shared quantity
_COMMON_SHARE = 0.5  # wording features in more than this share of a document's clauses are ignored
_PIECE_FLOOR = 0.5  # a fully matched piece counts this much at least, more for larger pieces
_RESTATES_COVERAGE = 0.8  # share of the measure's wording found in one clause for "restates"
_VIA_MIN = 0.3  # a comparand's best clause in an intermediate document relays evidence from this score on
_BESIDE_MIN = 0.4  # … and from a later head of the 1+N system (see `ClauseLinker.link`), from this score on
_VIA_WEIGHT = 0.5  # share of the score that comes through the intermediate document, when it relays
_BESIDE_WEIGHT = 0.4  # … and through a later head of the 1+N system: less, its clause may be the wrong one
_RELAY_FROM = 2  # clauses of an intermediate document that may relay for one comparand: its best, a runner-up
_RELAY_NEAR = 0.8  # … the runner-up when it scores at least this share of the best
_W_FRAMING = 0.6  # a framing clause (指导思想, 工作原则, 主要目标 …) counts this much, unless its quoted term is named
#: Headings of the clauses that frame a whole document rather than carry out anything in particular.
#: (The arrangements at the end — 加强组织领导, 保障措施 — are no framing: they assign training, funds, duties.)
_FRAMING = re.compile(r"^(?:指导思想|总体思路|工作原则|基本原则|总体要求|主要目标|总体目标|工作目标|发展目标|面临形势|重要意义)")
_W_REVIEW = 0.2  # a clause under a heading that reviews the past or the situation (工作成效, 现状与形势) counts this much
_W_OUTWARD = 0.5  # a clause facing abroad counts this much for a measure that does not
_W_HEADING_CONCEPT = 0.3  # a concept named only in the headings above a comparand counts this much
_W_CONTEXT = 0.4  # added: how alike the headings above a comparand and above a clause are (`_context`)
_CONTEXT_SHOWN = 0.1  # likeness of the headings from which they are shown as evidence ("section")
_CONTEXT_ROWS = 4096  # headings of comparands whose `_context` row an index keeps
#: Headings (a clause's own or a heading above it) of the clauses that face abroad: trade, the Belt and Road,
#: international cooperation. They list technologies, equipment and clean energy as what is shared abroad.
_OUTWARD_WORDS = "国际|对外|一带一路|全球|境外|贸易|经贸"
_OUTWARD = re.compile(_OUTWARD_WORDS)
#: What a measure names when it faces abroad too: those words, and what goes or comes across the border.
_ABROAD = re.compile(_OUTWARD_WORDS + "|海外|外贸|外资|外商|外向|出口|进口|跨境|南南|走出去|引进来|涉外")
#: Relay matrices kept per higher document whose index is kept (a document relays to a few above it).
_RELAYS_PER_DOCUMENT = 4
_EDGE = " \t\n,.;:!?()、。“”《》"  # trimmed from the ends of a shared run shown as evidence
_MAX_TERMS = 3  # specific shared words shown as wording evidence besides the shared run
_WORDING_LEAST = 0.6  # a shared run shown as wording is worth this much (specificity × characters) at least
_TERM_SPECIFICITY = 0.3  # least specificity across the corpus of a word shown as a term
_SHORT_TEXT = 40  # characters; longer comparands show the shared wording of their best piece only
_LONG_TEXT = 120  # characters; a longer whole clause shows the evidence of its best sentence piece


@dataclass(slots=True)
class Scores:
    """A batch of comparands scored against every clause of one document (rows: comparands, columns: clauses)."""

    total: np.ndarray
    wording: np.ndarray
    recall: np.ndarray
    shared: np.ndarray  # per batch row (whole texts and pieces): idf mass shared with each clause


@dataclass(slots=True)
class Candidate:
    clause: Clause
    score: float
    relation: str
    evidence: tuple[Evidence, ...]


class ClauseIndex:
    """The leaf clauses of one higher document as a clause × feature matrix of idf weights.

    Features found in most clauses of the document are dropped as saying nothing about which clause
    is meant; a feature the document never uses weighs as much as its rarest one.
    """

    def __init__(self, doc: NormalisedDocument, comparands: Sequence[Comparand], vocab: Vocabulary,
                 specificity: Specificity | None = None) -> None:
        """`comparands`: the document's leaf clauses as comparands, in reading order; `specificity` weighs
        every feature and concept by how specific it is across the corpus."""
        self.doc = doc
        self.specificity = specificity or Specificity({}, 0, vocab)
        spec = self.specificity.of
        self.chinese = doc.metadata.language != "en"
        self.clauses: list[Clause] = [c for c in doc.walk() if c.is_leaf]
        self.comparands = list(comparands)
        n = len(self.comparands)
        idf = idf_table(u.grams for u in self.comparands)
        common = math.log((n + 1) / (_COMMON_SHARE * n + 0.5))
        kept = sorted(g for g, w in idf.items() if w > common)
        weights = np.array([idf[g] * kind_weight(g) * spec(g) for g in kept])
        # what a feature the document lacks weighs, before its specificity: as much as its rarest one
        self.unseen = float(np.array([idf[g] * kind_weight(g) for g in kept]).max()) if len(kept) else 1.0
        column = {g: j for j, g in enumerate(kept)}
        # Feature × clause weights, with a last all-zero row standing for every feature not kept.
        self.by_feature = np.zeros((len(kept) + 1, n), dtype=np.float32)
        for i, u in enumerate(self.comparands):
            # Wording a clause only has in the scope of an action ("煤电、钢铁、水泥等项目") counts for less.
            grams = sorted(u.grams)
            scale = u.rows[0].scale if u.rows else np.ones(len(grams))
            kept_at = [(column[g], x) for g, x in zip(grams, scale, strict=True) if g in column]
            cols = [c for c, _ in kept_at]
            self.by_feature[cols, i] = weights[cols] * np.array([x for _, x in kept_at])
        self.mass = self.by_feature.sum(axis=0)
        # Vocabulary id → feature row (`rows_of`); features the document has but ignores → -2, lacks → -1.
        # Kept as the document's own ids, sorted, with their rows: a table over the whole vocabulary per
        # document would grow with the corpus in every document linked to.
        ids = np.array(vocab.encode(kept) + vocab.encode(sorted(g for g in idf if g not in column)), dtype=np.int64)
        rows = np.concatenate([np.arange(len(kept), dtype=np.int64), np.full(len(ids) - len(kept), -2, dtype=np.int64)])
        order = np.argsort(ids, kind="stable")
        self._feature_ids, self._feature_rows = ids[order], rows[order]
        self.weight_of = np.append(weights, 0.0)
        concept_idf = idf_table(u.concepts for u in self.comparands)
        self.unseen_concept = max(concept_idf.values(), default=1.0)
        self.concept_idf = {c: w * spec("concept:" + c) for c, w in concept_idf.items()}
        self.by_concept = _postings(u.concepts for u in self.comparands)
        self.by_number = _postings(set(u.quantities) for u in self.comparands)
        self.by_year = _postings(u.years for u in self.comparands)
        self.by_quoted = _postings(u.quoted for u in self.comparands)
        # The headings' bigrams, idf-weighted (the topic each clause announces), as a small matrix:
        # heading feature × clause, and for every kept feature its heading row or -1.
        titles = [sorted(g for g in bigrams(c.title) if g in column) for c in self.clauses]
        in_titles = sorted(set().union(*titles)) if titles else []
        self.heading_row = np.full(len(kept) + 1, -1, dtype=np.int64)
        self.heading_row[[column[g] for g in in_titles]] = np.arange(len(in_titles))
        self.by_heading = np.zeros((len(in_titles), n))
        for i, grams in enumerate(titles):
            self.by_heading[self.heading_row[[column[g] for g in grams]], i] = [idf[g] for g in grams]
        self.heading_mass = self.by_heading.sum(axis=0)
        self.framing = np.array([_W_FRAMING if _FRAMING.match(c.title or "") else 1.0 for c in self.clauses])
        title_at = titles_by_path(doc)
        # a clause under a heading that reviews the past or describes the situation ("工作成效", "现状与形势")
        self.review = np.array([stands_under_review(title_at, c.path) for c in self.clauses], dtype=bool)
        # a framing clause (指导思想 …) carries out nothing in particular, nor a review: neither relays anything
        self.relays = (self.framing == 1.0) & ~self.review
        self.outward = np.array([bool(_OUTWARD.search(headings(title_at, c.path))) for c in self.clauses])
        # The headings above each clause (its section, its own title) as a heading-bigram × clause matrix of
        # specificity weights: the section a measure stands in says which of these it carries out.
        self.sections = [headings(title_at, c.path, HEADING_CHARS) for c in self.clauses]
        section_grams = [_heading_grams(text) for text in self.sections]
        self.section_column = {g: j for j, g in enumerate(sorted(set().union(*section_grams)))} if section_grams else {}
        self.by_section = np.zeros((len(self.section_column), n))
        for i, heading_grams in enumerate(section_grams):
            cols = [self.section_column[g] for g in heading_grams]
            self.by_section[cols, i] = [self.specificity.of(g, raw=True) for g in heading_grams]
        self.section_mass = self.by_section.sum(axis=0)
        self._context_rows: dict[str, np.ndarray] = {}  # a comparand's headings → its row of `_context`

    def rows_of(self, ids: np.ndarray) -> np.ndarray:
        """The feature row of each vocabulary id: its row when kept, -2 when the document has it but
        ignores it, -1 when the document lacks it."""
        known = self._feature_ids
        if not len(known) or not len(ids):
            return np.full(len(ids), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(known, ids), len(known) - 1)
        return np.where(known[at] == ids, self._feature_rows[at], -1)

    def score(self, batch: Batch) -> Scores:
        """Every comparand of the batch against every clause.

        Between Chinese texts: wording, concepts (idf-weighted share of the comparand's concepts the clause
        names; a concept only named in the scope of an action, on either side, counts half, and a
        clause naming only a broader concept covers it in part), quantities and years, plus two
        bonuses: a term the clause quotes (a slogan, a programme name) named in the comparand, and the
        share of the clause's heading the comparand names.
        """
        n_comparands, n = len(batch.comparands), len(self.comparands)
        wording, recall, shared = self._wording(batch) if self.chinese else (np.zeros((n_comparands, n)),) * 3
        concept = np.zeros((n_comparands, n))
        number = np.zeros((n_comparands, n))
        phrase = np.zeros((n_comparands, n))
        for k, comparand in enumerate(batch.comparands):
            if comparand.concepts or comparand.heading_concepts:
                # A concept only named in the scope of the action ("钢铁、水泥等行业") counts for less, and
                # one only named in the headings above the comparand less still: alone, it does not make a
                # full share of the concept score.
                weight = {
                    c: self.concept_idf.get(c, self.unseen_concept * self.specificity.of("concept:" + c))
                    * (SCOPE_WEIGHT if c in comparand.scope_concepts else 1.0)
                    for c in comparand.concepts | comparand.heading_concepts
                }
                above = sum(weight[c] for c in comparand.heading_concepts)
                for c in comparand.heading_concepts:
                    weight[c] *= _W_HEADING_CONCEPT
                total = max(sum(weight.values()), above) or 1.0
                for c in weight:
                    holders = self.by_concept.get(c, ())
                    for i in holders:
                        in_scope = c in self.comparands[i].scope_concepts
                        concept[k, i] += weight[c] / total * (SCOPE_WEIGHT if in_scope else 1.0)
                    # A clause naming a broader concept (wind power for offshore wind) covers it in part, a
                    # specific one (wind power) more than a generic one (renewable energy, low carbon).
                    credit: dict[int, float] = {}
                    for a in concept_ancestors(c):
                        share = self.broader_credit(a)
                        for i in self.by_concept.get(a, ()):
                            credit[i] = max(credit.get(i, 0.0), share)
                    for i in credit.keys() - set(holders):
                        concept[k, i] += weight[c] / total * credit[i]
            for q, context in comparand.quantities.items():
                for i in self.by_number.get(q, ()):
                    number[k, i] += _number_credit(context, self.comparands[i].quantities[q])
            for y in comparand.years:
                for i in self.by_year.get(y, ()):
                    number[k, i] += _YEAR_CREDIT
            if comparand.compact:
                for term, where in self.by_quoted.items():
                    if term in comparand.compact:
                        phrase[k, where] += 1.0 / len(where)
        number = np.minimum(number, 1.0)
        heading = self._heading(batch) if self.chinese else np.zeros((n_comparands, n))
        same_lang = np.array([u.lang == "zh" for u in batch.comparands])[:, None] & self.chinese
        total_score = np.where(
            same_lang,
            _W_WORDING * wording + _W_CONCEPT * concept + _W_NUMBER * number
            + _W_PHRASE * np.minimum(phrase, 1.0) + _W_HEADING * heading,
            _W_CROSS_CONCEPT * concept + _W_CROSS_NUMBER * number,
        )
        # A framing clause is what a measure carries out only when nothing specific is: unless the
        # measure names a term the clause quotes (the five principles), it counts for less.
        total_score *= np.where(phrase > 0, 1.0, self.framing[None, :])
        # A clause facing abroad (trade, the Belt and Road) names technologies and clean energy as what is
        # shared abroad: it is what a measure carries out only when the measure faces abroad too.
        at_home = np.array([u.lang == "zh" and not _ABROAD.search(u.text) for u in batch.comparands])
        total_score *= np.where(at_home[:, None] & self.outward[None, :], _W_OUTWARD, 1.0)
        # The headings above both say which section of the document the comparand's own stands for.
        if self.chinese:
            total_score = total_score + _W_CONTEXT * self._context(batch)
        # What a plan reports of the past or of its situation is carried out by nothing: its clauses are a
        # measure's parent only when no other clause is.
        total_score *= np.where(self.review[None, :], _W_REVIEW, 1.0)
        return Scores(total_score, wording, recall, shared)

    def broader_credit(self, concept: str) -> float:
        """How much a clause naming `concept` covers a narrower one the comparand names: `_BROADER_CREDIT`, and
        up to `_BROADER_SPECIFIC` more as `concept` is specific across the corpus."""
        return _BROADER_CREDIT + _BROADER_SPECIFIC * self.specificity.of("concept:" + concept, raw=True)

    def _context(self, batch: Batch) -> np.ndarray:
        """Per comparand and clause, how alike the headings above them are: the specificity-weighted Dice of
        their bigrams (a measure under "加快建立绿色贸易体系" and the clause of that name). Local plans put
        their measures under the headings of the plans they carry out, or under the topic's own words."""
        out = np.zeros((len(batch.comparands), len(self.comparands)))
        if len(self.section_column):
            for k, comparand in enumerate(batch.comparands):
                if comparand.context:
                    out[k] = self._context_row(comparand.context)
        return out

    def _context_row(self, context: str) -> np.ndarray:
        row = self._context_rows.get(context)
        if row is None:
            grams = _heading_grams(context)
            cols = [j for g in grams if (j := self.section_column.get(g)) is not None]
            row = np.zeros(len(self.comparands))
            if cols:
                mass = sum(self.specificity.of(g, raw=True) for g in grams)
                row = np.divide(2 * self.by_section[cols].sum(axis=0), mass + self.section_mass, out=row,
                                where=mass + self.section_mass > 0)
            if len(self._context_rows) >= _CONTEXT_ROWS:
                self._context_rows.clear()
            self._context_rows[context] = row
        return row

    def context_words(self, comparand: Comparand, i: int) -> str:
        """The most specific words the headings above a comparand and above clause i share ("绿色贸易、贸易体系")."""
        found: list[str] = []
        for word, _ in self.specificity.specific_words(comparand.context, 0.0):
            if word in self.sections[i] and not any(word in shown for shown in found):  # not 体系 after 绿色贸易体系
                found.append(word)
                if len(found) == _MAX_TERMS:
                    break
        return "、".join(found)

    def _heading(self, batch: Batch) -> np.ndarray:
        """Share of every clause's heading (idf mass of its bigrams) that each comparand's text holds."""
        n_comparands, n = len(batch.comparands), len(self.comparands)
        heading = np.zeros((n_comparands, n))
        if not len(self.by_heading) or not len(batch.ids):
            return heading
        comparand_of_row = np.full(len(batch.starts), -1, dtype=np.int64)
        comparand_of_row[batch.whole] = np.arange(n_comparands)
        comparand_of_id = np.repeat(comparand_of_row, batch.sizes)
        rows = self.rows_of(batch.ids)
        h = np.where(rows >= 0, self.heading_row[np.maximum(rows, 0)], -1)
        pick = (h >= 0) & (comparand_of_id >= 0)
        np.add.at(heading, comparand_of_id[pick], self.by_heading[h[pick]])
        return np.divide(heading, self.heading_mass, out=heading, where=self.heading_mass > 0)

    def _wording(self, batch: Batch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Wording similarity of every comparand to every clause in [0, 1], the recall behind it, and the
        idf mass every batch row shares with every clause.

        Recall is the share of the comparand's idf mass a clause holds. When a piece of the comparand is found
        whole in a clause, that piece's share counts too, scaled by the piece's size: a long sentence
        often joins several actions, each carried out from a different clause above it. A mild
        precision term prefers, among clauses holding the same wording, the one that says less else.
        """
        n_comparands, n = len(batch.comparands), len(self.comparands)
        rows = self.rows_of(batch.ids)
        weight = np.where(rows >= 0, self.weight_of[np.maximum(rows, 0)], 0.0)
        unseen = self.unseen * batch.kinds * self.specificity.by_id(batch.ids)
        weight = np.where(rows == -1, unseen, weight) * batch.scale
        row_total = batch.row_sums(weight)
        gathered = self.by_feature[np.where(rows >= 0, rows, len(self.weight_of) - 1)]
        shared = batch.row_sums(gathered * batch.scale[:, None].astype(gathered.dtype))
        whole_total = row_total[batch.whole][:, None]
        recall = np.divide(shared[batch.whole], whole_total, out=np.zeros((n_comparands, n)), where=whole_total > 0)
        best = recall.copy()
        if len(batch.piece_rows):
            piece_total = row_total[batch.piece_rows][:, None]
            ratio = np.divide(shared[batch.piece_rows], piece_total, out=np.zeros((len(batch.piece_rows), n)),
                              where=piece_total > 0)
            share = np.divide(piece_total, whole_total[batch.piece_comparand], out=np.zeros_like(piece_total),
                              where=whole_total[batch.piece_comparand] > 0)
            np.maximum.at(best, batch.piece_comparand, (_PIECE_FLOOR + (1 - _PIECE_FLOOR) * np.minimum(1.0, share)) * ratio)
        precision = np.divide(shared[batch.whole], self.mass, out=np.zeros((n_comparands, n)), where=self.mass > 0)
        return best * (0.75 + 0.25 * np.sqrt(np.minimum(1.0, 4 * precision))), recall, shared

    def candidates(self, batch: Batch, k: int, scores: Scores, top_k: int, min_score: float,
                   via: Callable[[int], Evidence | None] | None = None, min_share: float = 0.0) -> list[Candidate]:
        """The best `top_k` clauses for comparand `k`, best first, each scoring at least `min_score` and at
        least `min_share` of the best; `via(i)` gives the evidence that came through an intermediate
        document for clause i."""
        row = scores.total[k]
        order = np.argsort(-row, kind="stable")[:top_k]  # ties: reading order
        floor = max(min_score, min_share * float(row[order[0]])) if len(order) else min_score
        return [
            self._candidate(batch, k, int(i), scores, via(int(i)) if via else None)
            for i in order
            if row[i] >= floor
        ]

    def _candidate(self, batch: Batch, k: int, i: int, scores: Scores, via: Evidence | None) -> Candidate:
        comparand, clause_comparand = batch.comparands[k], self.comparands[i]
        wording = float(scores.wording[k, i])
        evidence: list[Evidence] = []
        if wording > 0:
            text = comparand.text
            first = batch.first_piece[k]
            if first >= 0 and len(text) > _SHORT_TEXT:  # show the piece this clause holds best
                n_pieces = len(comparand.rows) - 1
                text = comparand.rows[1 + int(np.argmax(scores.shared[first : first + n_pieces, i]))].text
            elif len(text) > _LONG_TEXT:  # a whole clause: the sentence piece sharing most with this one
                pieces = segment_grams(text)
                text = max(pieces, key=lambda piece: len(piece[1] & clause_comparand.grams))[0] if pieces else text
            core = shared_words(text, clause_comparand.text, least=_WORDING_LEAST, values=self.specificity.values)
            if core:
                evidence.append(Evidence("wording", core, round(wording, 4)))
            # the most specific other words both name, weighed by their specificity
            for term, spec in self._terms(comparand.text if len(comparand.text) <= _LONG_TEXT else text, clause_comparand.text, core):
                evidence.append(Evidence("wording", term, spec))
        # concepts of the comparand's text, then those only its headings name (counting for less)
        named = comparand.concepts | comparand.heading_concepts
        for c in sorted(named & clause_comparand.concepts):
            less = _W_HEADING_CONCEPT if c in comparand.heading_concepts else 1.0
            evidence.append(Evidence("concept", c, round(self.concept_idf.get(c, 0.0) * less, 4)))
        broader: dict[str, float] = {}  # concepts the clause names above the comparand's own
        for c in sorted(named - clause_comparand.concepts):
            credit = self.concept_idf.get(c, self.unseen_concept * self.specificity.of("concept:" + c))
            credit *= _W_HEADING_CONCEPT if c in comparand.heading_concepts else 1.0
            for a in concept_ancestors(c):
                if a in clause_comparand.concepts and a not in named:
                    broader[a] = max(broader.get(a, 0.0), credit * self.broader_credit(a))
        for a in sorted(broader):
            evidence.append(Evidence("concept", a, round(broader[a], 4)))
        for q in sorted(comparand.quantities.keys() & clause_comparand.quantities.keys()):
            credit = _number_credit(comparand.quantities[q], clause_comparand.quantities[q])
            if credit:
                evidence.append(Evidence("number", q, credit))
        for y in sorted(comparand.years & clause_comparand.years):
            evidence.append(Evidence("year", y, _YEAR_CREDIT))
        for r in sorted(comparand.unit_roles & clause_comparand.unit_roles):
            evidence.append(Evidence("unit", r, 0.0))
        likeness = float(self._context_row(comparand.context)[i]) if self.chinese and comparand.context else 0.0
        if likeness >= _CONTEXT_SHOWN and (section := self.context_words(comparand, i)):
            evidence.append(Evidence("section", section, round(likeness, 4)))
        if via is not None:
            evidence.append(via)
        relation = classify(comparand, clause_comparand, float(scores.recall[k, i]))
        return Candidate(self.clauses[i], round(min(1.0, float(scores.total[k, i])), 4), relation, tuple(evidence))


    def _terms(self, text: str, other: str, shown: str) -> list[tuple[str, float]]:
        """Up to `_MAX_TERMS` whole words of `text` that `other` names too, besides those in `shown`,
        the most specific across the corpus first (and only those specific enough)."""
        out = []
        for word, spec in self.specificity.specific_words(text, _TERM_SPECIFICITY):
            if word in other and word not in shown:
                out.append((word, spec))
                if len(out) == _MAX_TERMS:
                    break
        return out

class ClauseLinker:
    """Links the comparands of lower documents to the clauses of the documents above them."""

    def __init__(self, docs: dict[str, NormalisedDocument], extractions: dict[str, DocumentExtraction],
                 top_k: int, min_score: float, min_share: float = 0.0,
                 doc_freq: tuple[dict[str, int], int] | None = None, cached: int = 0) -> None:
        self.docs = docs
        self.extractions = extractions
        self.top_k = top_k
        self.min_score = min_score
        self.min_share = min_share
        self.vocab = Vocabulary()
        self.specificity = Specificity(*(doc_freq or ({}, 0)), self.vocab)
        # The indexes of target documents and the relay matrices between them are kept for the next
        # documents linked to the same ones, the least recently used dropped beyond `cached` documents
        # (0: none dropped): a linking process then holds a bounded number of them, however many
        # documents the corpus has above its sources. Dropping one changes no link, only time.
        self.cached = cached
        self._indexes: OrderedDict[str, ClauseIndex] = OrderedDict()
        self._leaves: dict[str, list[Comparand]] = {}
        self._relays: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

    def leaves(self, doc_id: str) -> list[Comparand]:
        """The leaf clauses of a document as comparands (made once: indexes, relays and sources share them)."""
        if doc_id not in self._leaves:
            doc, extraction = self.docs[doc_id], self.extractions.get(doc_id)
            title_at = titles_by_path(doc)
            named = title_concepts(doc, extraction.clauses if extraction else {})
            self._leaves[doc_id] = [leaf_comparand(doc, c, extraction, self.vocab, title_at, named)
                                    for c in doc.walk() if c.is_leaf]
        return self._leaves[doc_id]

    def index(self, doc_id: str) -> ClauseIndex:
        index = self._indexes.get(doc_id)
        if index is None:
            index = self._indexes[doc_id] = ClauseIndex(self.docs[doc_id], self.leaves(doc_id), self.vocab,
                                                        self.specificity)
            if self.cached and len(self._indexes) > self.cached:
                self._forget(next(iter(self._indexes)))
        else:
            self._indexes.move_to_end(doc_id)
        return index

    def _forget(self, doc_id: str) -> None:
        """Drops the least recently used target document's index, its leaves and its relays."""
        del self._indexes[doc_id]
        self._leaves.pop(doc_id, None)
        for pair in [pair for pair in self._relays if doc_id in pair]:
            del self._relays[pair]

    def release(self, doc_id: str) -> None:
        """Forgets the comparands of a document linked from, unless it is also linked to."""
        if doc_id not in self._indexes:
            self._leaves.pop(doc_id, None)

    def comparands(self, doc_id: str) -> list[Comparand]:
        leaves = {u.id: u for u in self.leaves(doc_id)}
        return source_comparands(self.docs[doc_id], self.extractions.get(doc_id), self.vocab, leaves)

    def link(self, comparands: Sequence[Comparand], targets: Sequence[str], above: dict[str, set[str]]) -> dict[str, list[ClauseLink]]:
        """Links of `comparands` to each target document; `above` gives every document's ancestors.

        Where one of the targets lies between the comparands and another target (Fujian between Sanming
        and the central opinions), a comparand whose best clause there scores at least `_VIA_MIN` relays:
        its score for a clause C above becomes (1-λ)·own + λ·(score there × that clause's own score for
        C), the best over such intermediate documents and over the comparand's best clause there and a
        runner-up scoring nearly as well (`_RELAY_NEAR`), recorded as "via" evidence.
        """
        batch = Batch.of(comparands)
        scores = {t: self.index(t).score(batch) for t in targets}
        found: dict[str, list[ClauseLink]] = {}
        for t in targets:
            own = scores[t]
            between = [p for p in targets if p != t and t in above.get(p, ())]
            relayed, source, relay_clauses = self._relayed(scores, t, between)
            relays: np.ndarray = np.asarray((source >= 0).any(axis=1))
            mixed = np.where(relays[:, None], (1 - _VIA_WEIGHT) * own.total + _VIA_WEIGHT * relayed, own.total)
            # A later head of the 1+N system (the 2030 plan for the opinions) relays as an intermediate
            # document does, from a clause the comparand meets well there (`_BESIDE_MIN`), each plan clause
            # relaying fully to the clause of the opinions it spells out best and in proportion to the others.
            beside = [p for p in targets if p != t and p not in between and self._carries_out(p, t)]
            extra, extra_source, extra_clauses = self._relayed(scores, t, beside, len(relay_clauses), _BESIDE_MIN,
                                                                relative=True)
            lifts = np.asarray((extra_source >= 0).any(axis=1))
            mixed = np.where(lifts[:, None], (1 - _BESIDE_WEIGHT) * mixed + _BESIDE_WEIGHT * extra, mixed)
            relayed, source = np.where(lifts[:, None], extra, relayed), np.where(lifts[:, None], extra_source, source)
            relay_clauses += extra_clauses
            relays = np.asarray((source >= 0).any(axis=1))
            combined = Scores(mixed, own.wording, own.recall, own.shared)
            links: list[ClauseLink] = []
            relay = _Relayed(source, relayed, relay_clauses)
            for k, comparand in enumerate(comparands):
                via = functools.partial(relay.evidence, k) if relays[k] else None
                for n, cand in enumerate(self.index(t).candidates(batch, k, combined, self.top_k, self.min_score, via, self.min_share), 1):
                    method = METHOD + ("+via" if any(e.kind == "via" for e in cand.evidence) else "")
                    links.append(ClauseLink(comparand.id, cand.clause.id, cand.relation, cand.score, n, method, cand.evidence))
            found[t] = links
        return found

    def _relayed(self, scores: dict[str, Scores], target: str, through: Sequence[str], offset: int = 0,
                 least: float = _VIA_MIN, relative: bool = False) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """What comes to every comparand × clause of `target` through the documents `through`: the best
        over them, and over the comparand's best clause there and a runner-up met nearly as well, of (the
        comparand's score there × that clause's own score for the target's clause, `relative` to its best
        there), the relaying clause (an index into the list returned, from `offset`), or -1."""
        shape = scores[target].total.shape
        relayed = np.zeros(shape)
        source = np.full(shape, -1, dtype=np.int64)
        clauses: list[str] = []
        for p in through:
            at_p = scores[p].total
            if not at_p.shape[1]:
                continue
            relay = self._relay(p, target)
            if relative and relay.shape[1]:
                top = relay.max(axis=1, keepdims=True)
                relay = np.divide(relay, top, out=np.zeros_like(relay), where=top > 0)
            # The comparand's best clause there relays, and so does a runner-up it meets nearly as well
            # (`_RELAY_NEAR`): of two plan clauses a measure meets alike, the first in reading order is no
            # likelier the one it carries out.
            order = np.argsort(-at_p, axis=1, kind="stable")[:, :_RELAY_FROM]
            first = at_p.max(axis=1)
            rows = np.arange(len(at_p))
            index = self.index(p)
            for best in order.T:
                met = at_p[rows, best]
                strength = np.where(index.relays[best] & (met >= _RELAY_NEAR * first), met, 0.0)
                carried = np.where((strength >= least)[:, None], strength[:, None] * relay[best], 0.0)
                source = np.where(carried > relayed, offset + len(clauses) + best[:, None], source)
                relayed = np.maximum(relayed, carried)
            clauses.extend(c.id for c in index.clauses)
        return relayed, source, clauses

    def _carries_out(self, later: str, earlier: str) -> bool:
        """True when `later` is a head of the 1+N system issued after the head `earlier` (the 2030 Action
        Plan after the central opinions): its clauses spell out the earlier one's, so they relay to them."""
        a, b = self.docs[later], self.docs[earlier]
        return is_head(a) and is_head(b) and (issued(a) or "") > (issued(b) or "~")

    def _relay(self, parent: str, target: str) -> np.ndarray:
        """Scores of every leaf clause of `parent`, as a whole, against every clause of `target`."""
        relay = self._relays.get((parent, target))
        if relay is None:
            relay = self.index(target).score(Batch.of(self.leaves(parent))).total
            self._relays[(parent, target)] = relay
            if self.cached and len(self._relays) > _RELAYS_PER_DOCUMENT * self.cached:
                self._relays.popitem(last=False)
        return relay


@dataclass(slots=True)
class _Relayed:
    """What came through intermediate documents: per comparand and clause, the relaying clause and score."""

    source: np.ndarray  # index into `clauses`, -1 for nothing relayed
    score: np.ndarray
    clauses: list[str]

    def evidence(self, k: int, i: int) -> Evidence | None:
        j = int(self.source[k, i])
        return Evidence("via", self.clauses[j], round(float(self.score[k, i]), 4)) if j >= 0 else None


def _number_credit(context: set[str], other: set[str]) -> float:
    """A shared quantity counts fully when the words before it agree on two bigrams, half on one."""
    return min(1.0, len(context & other) / 2)


def _postings(feature_sets: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, features in enumerate(feature_sets):
        for f in features:
            index.setdefault(f, []).append(i)
    return index


def classify(comparand: Comparand, clause_comparand: Comparand, recall: float) -> str:
    """restates (near-verbatim) > quantifies (a number for a target the clause names) > implements.

    A clause names a target when it mentions the target's indicator concept (a concept the scheme
    marks as an indicator: non_fossil_share, forest_coverage…) or, for targets without one, holds
    most of the indicator's wording. Sectors the target counts in (steel, cement) do not make it so.
    """
    if recall >= _RESTATES_COVERAGE and comparand.quantities.keys() <= clause_comparand.quantities.keys():
        return "restates"
    indicators = indicator_concepts()
    for target in comparand.targets:
        if target.value is None:
            continue
        named = {c for c in target.concepts if c in indicators}
        if named:
            if named & clause_comparand.concepts:
                return "quantifies"
            continue
        wording = bigrams(target.indicator)
        if wording and len(wording & clause_comparand.grams) >= 0.6 * len(wording):
            return "quantifies"
    return "implements"


def _heading_grams(text: str) -> set[str]:
    """The bigrams (and Latin words) of headings; single characters say nothing of a topic."""
    return {g for g in bigrams(text) if len(g) > 1}


@functools.cache
def concept_ancestors(concept_id: str) -> tuple[str, ...]:
    """The concepts above one of the scheme (broader, transitively); none for an unknown id."""
    from policykg.ontology.concepts import ConceptScheme

    scheme = ConceptScheme.load()
    return tuple(scheme.ancestors(concept_id)) if concept_id in scheme.concepts else ()


@functools.lru_cache(maxsize=1)
def indicator_concepts() -> frozenset[str]:
    """Ids of the concepts the concept scheme marks as indicators."""
    from policykg.ontology.concepts import ConceptScheme

    return frozenset(c.id for c in ConceptScheme.load().concepts.values() if c.indicator)


def longest_common_substring(a: str, b: str, limit: int = 40, pairs: set[str] | None = None) -> str:
    """The longest run (two characters or more) shared by two texts: the readable core of a match.

    A shared run is a stretch of consecutive character pairs of `a` that all occur in `b`, so the
    stretch lengths bound what can start at each position; only positions that could beat the best
    run so far are grown, with C-speed substring searches. `pairs` (every two-character substring of
    `b`) may be passed in when `b` is compared many times.
    """
    if pairs is None:
        pairs = char_pairs(b)
    size = len(a)
    reach = [0] * (size + 1)  # reach[i]: characters from i covered by consecutive shared pairs
    run = 0
    for i in range(size - 2, -1, -1):
        run = (run + 1 if run else 2) if a[i : i + 2] in pairs else 0
        reach[i] = run
    best_start, best_len = 0, 0
    for i, r in enumerate(reach):
        if r <= best_len:
            continue
        n = best_len + 1
        while n <= r and a[i : i + n] in b:
            best_start, best_len = i, n
            n += 1
        if best_len >= limit:
            break
    return a[best_start : best_start + min(best_len, limit)]


def shared_words(text: str, other: str, limit: int = 40, weigh: Callable[[str], float] | None = None,
                 least: float = 0.0, values: Callable[[str], list[float]] | None = None) -> str:
    """The run of whole words of `text` that `other` holds verbatim and that says most: the readable
    core of a match, never a fragment of a word ("碳捕集利用与封存", not "化碳捕集"). Runs are
    compared on the sum of `weigh(word)` × length over their words of two characters or more
    (default: length alone; the linker weighs by specificity, so "捕集" outranks "推进"). Empty when
    no such word is shared, or when the best run is worth less than `least`. `values(text)` may give
    `cumulative_values` ready made.

    Any stretch inside a shared run is shared too, so the longest run from each word ends no sooner
    than the one from the word before: one pass, growing the end as the start moves on.
    """
    spans = words(text)
    value = values(text) if values else cumulative_values(text, weigh or _length_only)
    best_start, best_end, best_value = 0, 0, 0.0
    end = 0  # tokens [n, end) form a run `other` holds
    for n, (start, _, _) in enumerate(spans):
        end = max(end, n)
        while end < len(spans) and spans[end][1] - start <= limit and text[start : spans[end][1]] in other:
            end += 1
        if end > n and value[end] - value[n] > best_value:
            best_start, best_end, best_value = start, spans[end - 1][1], value[end] - value[n]
    return text[best_start:best_end] if best_value >= least and best_value > 0 else ""


def _length_only(_: str) -> float:
    return 1.0


def cumulative_values(text: str, weigh: Callable[[str], float]) -> list[float]:
    """Over `features.words(text)`: 0, then the running sum of weigh(word) × length (words worth showing)."""
    value = [0.0]
    for a, b, wordy in words(text):
        value.append(value[-1] + ((b - a) * weigh(text[a:b]) if wordy else 0.0))
    return value


def char_pairs(text: str) -> set[str]:
    return {text[j : j + 2] for j in range(len(text) - 1)}


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

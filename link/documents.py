"""Document-level links: works and their expressions, citations, and which documents implement which.

Documents sharing a manifest `work` are expressions of one work (a translation, a script copy); the
original is the Chinese simplified expression, the others are `translation_of` (other language) or
`same_work` (same language) it, and their clauses align one-to-one by path. A document implements the
documents it cites that sit above it in the hierarchy; a document that cites none in the corpus
implements the best-matching works above it (whole-document similarity of concepts and wording),
restricted to higher documents whose jurisdiction contains its own and that were not issued after
it. Implementing one expression of a work implements all of them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import Level, NormalisedDocument, Script
from policykg.link.features import bigrams
from policykg.link.model import ClauseLink, DocumentLink, ResolvedCitation

ALIGNMENT_METHOD = "alignment"
_UNKNOWN_RANK = 99  # a document of unknown level sits below every known one


def rank(doc: NormalisedDocument) -> int:
    level = doc.metadata.level
    return Level(level).rank if level else _UNKNOWN_RANK


def work_of(doc: NormalisedDocument) -> str:
    return doc.metadata.work or doc.id


def is_original(doc: NormalisedDocument) -> bool:
    return doc.metadata.language == "zh" and doc.metadata.script == Script.HANS


def not_later(earlier: str | None, later: str | None) -> bool:
    """True unless `earlier` was issued after `later` (ISO dates of any precision; unknown = no)."""
    if not earlier or not later:
        return True
    n = min(len(earlier), len(later))
    return earlier[:n] <= later[:n]


def region_contains(outer: str | None, inner: str | None) -> bool:
    """True when region `outer` ("CN-FJ") contains or equals `inner` ("CN-FJ-Sanming"); no region = national."""
    outer_parts = (outer or "CN").split("-")
    inner_parts = (inner or "CN").split("-")
    return inner_parts[: len(outer_parts)] == outer_parts


@dataclass(slots=True)
class Works:
    """Documents grouped by work, with the expression every other one is aligned to."""

    members: dict[str, list[NormalisedDocument]] = field(default_factory=dict)
    original: dict[str, str] = field(default_factory=dict)  # work → document id of its original

    @classmethod
    def of(cls, docs: Sequence[NormalisedDocument]) -> Works:
        works = cls()
        for doc in sorted(docs, key=lambda d: d.id):
            works.members.setdefault(work_of(doc), []).append(doc)
        for work, members in works.members.items():
            works.original[work] = sorted(members, key=lambda d: (not is_original(d), d.metadata.language != "zh", d.id))[0].id
        return works

    def expressions(self, doc_id: str, by_id: dict[str, NormalisedDocument]) -> list[str]:
        """Ids of every expression of the work `doc_id` belongs to (itself included)."""
        return [d.id for d in self.members[work_of(by_id[doc_id])]]


def expression_links(works: Works) -> tuple[list[DocumentLink], list[ClauseLink]]:
    """translation_of / same_work links to each work's original, and its clauses aligned by path."""
    doc_links: list[DocumentLink] = []
    clause_links: list[ClauseLink] = []
    for work, members in sorted(works.members.items()):
        original = next(d for d in members if d.id == works.original[work])
        by_path = {c.path: c for c in original.walk()}
        for doc in members:
            if doc.id == original.id:
                continue
            relation = "translation_of" if doc.metadata.language != original.metadata.language else "same_work"
            doc_links.append(DocumentLink(doc.id, original.id, relation, 1.0, "manifest-work"))
            for clause in doc.walk():
                target = by_path.get(clause.path)
                if target is not None:
                    clause_links.append(ClauseLink(clause.id, target.id, "restates", 1.0, 1, ALIGNMENT_METHOD))
    return doc_links, clause_links


def citation_links(citations: Sequence[ResolvedCitation]) -> list[DocumentLink]:
    """One `cites` link per cited document, in the corpus or referenced-only."""
    links = []
    for c in citations:
        if c.referenced_id == c.source_document:
            continue  # a covering notice naming its own plan
        links.append(DocumentLink(c.source_document, c.referenced_id, "cites", 1.0, c.method))
    return links


def document_profiles(
    docs: Sequence[NormalisedDocument], extractions: dict[str, DocumentExtraction]
) -> dict[str, Counter[str]]:
    """Each document as a bag of features: its concepts (any language) and, for Chinese, its bigrams."""
    profiles: dict[str, Counter[str]] = {}
    for doc in docs:
        bag: Counter[str] = Counter()
        extraction = extractions.get(doc.id)
        if extraction is not None:
            for facts in extraction.clauses.values():
                bag.update(f"concept:{m.concept_id}" for m in facts.concepts)
        if doc.metadata.language == "zh":
            bag.update(g for g in bigrams(doc.text) if len(g) == 2)
        profiles[doc.id] = bag
    return profiles


class DocumentSimilarity:
    """Cosine similarity (tf-idf over concepts and bigrams) of pairs of documents, computed on demand.

    Each document becomes a sparse unit vector (feature ids, weights) once; a document is then
    compared only with the candidates it is asked about, so the cost grows with the pairs compared
    (each document against the few hundred above it), not with the square of the corpus.
    """

    def __init__(self, docs: Sequence[NormalisedDocument], extractions: dict[str, DocumentExtraction]) -> None:
        feature_id: dict[str, int] = {}
        bags: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for doc_id, bag in document_profiles(docs, extractions).items():
            ids = np.fromiter((feature_id.setdefault(f, len(feature_id)) for f in bag), dtype=np.int64, count=len(bag))
            bags[doc_id] = (ids, np.fromiter(bag.values(), dtype=np.float64, count=len(bag)))
        self.size = len(feature_id)
        df = np.zeros(self.size)
        for ids, _ in bags.values():
            df[ids] += 1  # ids are distinct within a document
        idf = np.log((len(bags) + 1) / (df + 0.5))  # as features.idf_table
        self.vectors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for doc_id, (ids, counts) in bags.items():
            keep = idf[ids] > 0
            ids, weights = ids[keep], (1 + np.log(counts[keep])) * idf[ids[keep]]
            norm = math.sqrt(float(weights @ weights)) or 1.0
            self.vectors[doc_id] = (ids, weights / norm)

    def scores(self, doc_id: str, others: Sequence[str]) -> list[float]:
        """The similarity of `doc_id` with each of `others`."""
        ids, weights = self.vectors[doc_id]
        dense = np.zeros(self.size)
        dense[ids] = weights
        return [float(dense[o_ids] @ o_weights) for o_ids, o_weights in (self.vectors[o] for o in others)]


def region_key(region: str | None) -> str:
    return region or "CN"


def implementation_links(
    docs: Sequence[NormalisedDocument],
    extractions: dict[str, DocumentExtraction],
    citations: Sequence[ResolvedCitation],
    works: Works,
    parent_top_k: int,
) -> list[DocumentLink]:
    """Which documents each document implements: the cited ones above it, else the best-matching ones."""
    by_id = {d.id: d for d in docs}
    cited: dict[str, set[str]] = {}
    for c in citations:
        if c.target_document and c.target_document != c.source_document:
            cited.setdefault(c.source_document, set()).add(c.target_document)
    similarity: DocumentSimilarity | None = None
    by_region: dict[str, list[NormalisedDocument]] = {}
    for d in docs:
        by_region.setdefault(region_key(d.metadata.region), []).append(d)
    position = {d.id: n for n, d in enumerate(docs)}
    links: list[DocumentLink] = []
    for doc in sorted(docs, key=lambda d: d.id):
        above = [t for t in cited.get(doc.id, ()) if rank(by_id[t]) < rank(doc)]
        if above:
            chosen = {t: (1.0, "citation") for t in above}
        elif rank(doc) == 0:
            continue  # nothing sits above the central level
        else:
            if similarity is None:
                similarity = DocumentSimilarity(docs, extractions)
            containing = sorted(_containing(doc, by_region), key=lambda d: position[d.id])  # ties: input order
            chosen = _best_matching(doc, containing, works, similarity, parent_top_k)
        seen: set[str] = set()
        for target, (score, method) in sorted(chosen.items(), key=lambda kv: (-kv[1][0], kv[0])):
            for expression in works.expressions(target, by_id):
                if expression in seen or expression == doc.id:
                    continue
                seen.add(expression)
                how = method if expression == target else f"{method}+work"
                links.append(DocumentLink(doc.id, expression, "implements", round(score, 4), how))
    return links


def _containing(doc: NormalisedDocument, by_region: dict[str, list[NormalisedDocument]]) -> list[NormalisedDocument]:
    """The documents whose jurisdiction contains or equals `doc`'s (found by region prefix, not by scanning)."""
    parts = region_key(doc.metadata.region).split("-")
    return [d for n in range(1, len(parts) + 1) for d in by_region.get("-".join(parts[:n]), ())]


def _best_matching(
    doc: NormalisedDocument,
    containing: Sequence[NormalisedDocument],
    works: Works,
    similarity: DocumentSimilarity,
    top_k: int,
) -> dict[str, tuple[float, str]]:
    """The top works above `doc` whose jurisdiction contains it, each represented by its best expression."""
    candidates = [
        other for other in containing
        if other.id != doc.id and rank(other) < rank(doc) and work_of(other) != work_of(doc)
        and not_later(other.metadata.issued, doc.metadata.issued)  # a document cannot carry out a later one
    ]
    best: dict[str, tuple[float, str]] = {}
    for other, s in zip(candidates, similarity.scores(doc.id, [o.id for o in candidates]), strict=True):
        work = work_of(other)
        if work not in best or s > best[work][0]:
            best[work] = (s, other.id)
    ranked = sorted(best.values(), key=lambda sv: (-sv[0], sv[1]))[:top_k]
    return {doc_id: (score, "similarity") for score, doc_id in ranked if score > 0}

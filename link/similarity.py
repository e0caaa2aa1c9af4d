"""Topic similarity of documents: cosine of tf-idf vectors over concepts and character bigrams.

Each document becomes a sparse unit vector once; a document is compared only with the candidates it
is asked about, so the cost grows with the pairs compared, not with the square of the corpus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.link.features import bigrams


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

    Each document becomes a sparse unit vector (feature ids sorted, weights) once; a document is
    compared only with the candidates it is asked about, all at once (their vectors laid end to end),
    so the cost grows with the pairs compared, not with the square of the corpus.
    """

    def __init__(self, docs: Sequence[NormalisedDocument], extractions: dict[str, DocumentExtraction]) -> None:
        feature_id: dict[str, int] = {}
        bags: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for doc_id, bag in sorted(document_profiles(docs, extractions).items()):
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
            order = np.argsort(ids)
            self.vectors[doc_id] = (ids[order], (weights / norm)[order])
        self._blocks: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def scores(self, doc_id: str, others: Sequence[str], key: str | None = None) -> list[float]:
        """The similarity of `doc_id` with each of `others`; with a `key`, the others' vectors laid end
        to end are kept under it for the next call with the same key (the same others)."""
        if not others:
            return []
        ids, weights = self.vectors[doc_id]
        block = self._blocks.get(key) if key is not None else None
        if block is None:
            block = (
                np.concatenate([self.vectors[o][0] for o in others]),
                np.concatenate([self.vectors[o][1] for o in others]),
                np.fromiter((len(self.vectors[o][0]) for o in others), dtype=np.int64, count=len(others)),
            )
            if key is not None:
                self._blocks[key] = block
        o_ids, o_weights, sizes = block
        pos = np.searchsorted(ids, o_ids)
        pos[pos >= len(ids)] = 0
        hit = ids[pos] == o_ids if len(ids) else np.zeros(len(o_ids), dtype=bool)
        products = np.where(hit, weights[pos] if len(ids) else 0.0, 0.0) * o_weights
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        sums = np.add.reduceat(np.append(products, 0.0), np.minimum(starts, len(products)))
        sums[sizes == 0] = 0.0
        return [float(s) for s in sums[: len(others)]]

    def pair(self, a: str, b: str) -> float:
        return self.scores(a, [b])[0]

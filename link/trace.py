"""Traces a measure (or clause) up the hierarchy, hop by hop, to the top level.

The question the product exists for: "which national clause does this city measure carry out?".
Each hop goes to the nearest documents above that carry the measure: of the documents the current
level implements, the closest first, and a document reached through a closer one that carries the
measure well is left to the next hop (Sanming → Fujian → MEE → central opinions, not straight to the
top). A closer document that says little about the measure does not relay it: Shanwei's nuclear
power measure goes straight to the national plans, not through the industry plan. Each hop lists the
measure's ranked candidate clauses there with their scores and evidence.

Beside the hops, the trace lists every document above with the measure's ranked clauses there, its
direct links: a Sanming measure gets the central clause it carries out even though the Fujian and
MEE plans lie between. Links point at a work's original; each clause names the same clause in the
other expressions (the English central opinions beside the Chinese).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.link.documents import ALIGNMENT_METHOD
from policykg.link.features import bigrams
from policykg.link.model import ClauseLink, CorpusLinks
from policykg.ontology import ids

_MAX_DEPTH = 8  # the hierarchy has five levels; this only guards against cycles in odd corpora
_RELAY_SHARE = 0.6  # a closer document relays a measure when its best candidate scores this share of the best


def document_of(node_id: str) -> str:
    """The document an id belongs to (measure and clause ids both name it)."""
    return ids.document_of(node_id)


def _clause_of(node_id: str) -> str:
    """A measure's clause; a clause id is itself."""
    return ids.fact_clause("measure", node_id) or node_id


class _Graph:
    """The links of a corpus indexed for walking upwards."""

    def __init__(self, links: CorpusLinks) -> None:
        self.implements: dict[str, set[str]] = {}
        for d in links.documents:
            if d.relation == "implements":
                self.implements.setdefault(d.source, set()).add(d.target)
        self.parents: dict[str, list[tuple[str, float]]] = {}
        for d in links.documents:
            if d.relation == "implements":
                self.parents.setdefault(d.source, []).append((d.target, d.score))
        self.links = [lk for lk in links.clauses if lk.method != ALIGNMENT_METHOD]  # alignment is no step up
        self.by_source: dict[str, list[ClauseLink]] = {}
        for link in self.links:
            self.by_source.setdefault(link.source, []).append(link)
        # the other expressions' clauses aligned to each clause of an original (English beside Chinese)
        self.expressions: dict[str, list[str]] = {}
        for link in links.clauses:
            if link.method == ALIGNMENT_METHOD:
                self.expressions.setdefault(link.target, []).append(link.source)

    def chains(self, doc_id: str) -> dict[str, tuple[float, str | None]]:
        """Every document above `doc_id` with the score of the best chain of document links to it (the
        product of their scores) and the document just below it on that chain (None: direct)."""
        best: dict[str, tuple[float, str | None]] = {}
        stack: list[tuple[str, float, str | None]] = [(t, s, None) for t, s in self.parents.get(doc_id, ())]
        while stack:
            doc, score, via = stack.pop()
            if doc == doc_id or score <= best.get(doc, (0.0, None))[0]:
                continue
            best[doc] = (score, via)
            stack.extend((t, score * s, doc) for t, s in self.parents.get(doc, ()))
        return best

    def hop(self, start: str, below: set[str], exclude: set[str], top_k: int) -> tuple[set[str], list[ClauseLink]]:
        """The documents one hop above `below` that carry `start`, and its candidates there."""
        parents = set().union(*(self.implements.get(d, set()) for d in below)) - exclude
        found = {p: self.candidates(start, p, top_k) for p in parents}
        best = max((links[0].score for links in found.values() if links), default=0.0)
        chosen: list[str] = []
        covered: set[str] = set()
        # Closest first: a document sits below everything it implements, so more ancestors = closer.
        for p in sorted(parents, key=lambda d: (-len(self._closure(d)), d)):
            if p in covered or not found[p] or found[p][0].score < _RELAY_SHARE * best:
                continue
            chosen.append(p)
            covered |= self._closure(p)
        kept = {p for p in chosen if p not in covered}
        return kept, [lk for p in sorted(kept) for lk in found[p]]

    def _closure(self, doc_id: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.implements.get(doc_id, ()))
        while stack:
            d = stack.pop()
            if d not in seen:
                seen.add(d)
                stack.extend(self.implements.get(d, ()))
        return seen

    def candidates(self, node_id: str, document: str, top_k: int) -> list[ClauseLink]:
        """Ranked candidates of `node_id` in `document`: its own links when it was linked (a measure
        or a leaf clause), else the best link of anything inside it, per target clause."""
        pool = self.by_source.get(node_id) or [
            lk for lk in self.links if lk.source.startswith(node_id + ".")
        ]
        best: dict[str, ClauseLink] = {}
        for link in pool:
            if document_of(link.target) == document:
                kept = best.get(link.target)
                if kept is None or (link.score, -link.rank) > (kept.score, -kept.rank):
                    best[link.target] = link
        return sorted(best.values(), key=lambda lk: (-lk.score, lk.target))[:top_k]


def trace(
    measure_or_clause_id: str,
    corpus_links: CorpusLinks,
    docs: Sequence[NormalisedDocument] | None = None,
    extractions: dict[str, DocumentExtraction] | None = None,
    top_k: int = 3,
    expand: int = 1,
) -> dict[str, Any]:
    """The chain from a measure or clause up to the top level.

    Returns {"id", "document", "parents": [...], "ancestors": [...]}. "ancestors" lists, per document
    above, best first, {"document", "score" (of its chain of document links), "via" (the document
    just below it on that chain, None when direct), "clauses": [...]}, each clause with "id", "rank",
    "score", "chain" (score × the document chain's), "relation", "evidence" and "expressions" (the
    same clause in the work's other expressions). "parents" are the candidates one hop up, each with "id",
    "document", "rank" (within its document), "score", "relation", "method", "evidence" and
    "parents", the candidates of the next hop, listed under the best `expand` candidates of each
    document. Every hop ranks the starting measure's own links (which already weigh the evidence of
    the levels between), so the chain answers for that measure at every level. With `docs`, every
    node also carries its clause "path" and "text" (with `extractions`, a measure's own sentence).
    """
    graph = _Graph(corpus_links)
    clauses = {c.id: (d, c) for d in docs or () for c in d.walk()}
    measures = {m.id: m.text for e in (extractions or {}).values() for m in e.measures()}
    start = measure_or_clause_id

    def describe(node_id: str) -> dict[str, Any]:
        node: dict[str, Any] = {"id": node_id, "document": document_of(node_id)}
        found = clauses.get(_clause_of(node_id))
        if found:
            doc, clause = found
            node["path"] = list(clause.path)
            node["text"] = measures.get(node_id) or doc.text[clause.body_start : clause.end].strip()[:200]
        return node

    def climb(below: set[str], seen: set[str], depth: int) -> list[dict[str, Any]]:
        if depth >= _MAX_DEPTH:
            return []
        hop_docs, links = graph.hop(start, below, seen, top_k)
        if not links:
            return []
        above = climb(hop_docs, seen | hop_docs, depth + 1)
        out: list[dict[str, Any]] = []
        per_doc: dict[str, int] = {}
        for link in links:
            target_doc = document_of(link.target)
            per_doc[target_doc] = per_doc.get(target_doc, 0) + 1
            node = describe(link.target)
            node.update(
                rank=per_doc[target_doc],
                score=link.score,
                relation=link.relation,
                method=link.method,
                evidence=[{"kind": e.kind, "value": e.value, "weight": e.weight} for e in link.evidence],
                parents=above if per_doc[target_doc] <= expand else [],
            )
            out.append(node)
        return out

    root = describe(start)
    origin = document_of(start)
    root["parents"] = climb({origin}, {origin}, 0)
    root["ancestors"] = _ancestors(graph, start, describe)
    return root


def _ancestors(graph: _Graph, start: str, describe: Callable[[str], dict[str, Any]]) -> list[dict[str, Any]]:
    """Per document above, its ranked clauses for `start`, the documents best chain first.

    A clause's "chain" is its own score times the score of the chain of document links from the
    start's document to the clause's (the via document is the one just below on that chain); the
    documents are ordered by their best clause's chain, their clauses by score.
    """
    chains = graph.chains(document_of(start))
    pool = graph.by_source.get(start) or [lk for lk in graph.links if lk.source.startswith(start + ".")]
    out: list[dict[str, Any]] = []
    for doc in sorted({document_of(lk.target) for lk in pool}):
        doc_score, via = chains.get(doc, (1.0, None))
        clauses = []
        for n, link in enumerate(graph.candidates(start, doc, len(pool)), 1):
            node = describe(link.target)
            node.update(
                rank=n,
                score=link.score,
                chain=round(link.score * doc_score, 4),
                relation=link.relation,
                evidence=[{"kind": e.kind, "value": e.value, "weight": e.weight} for e in link.evidence],
                expressions=sorted(graph.expressions.get(link.target, ())),
            )
            clauses.append(node)
        out.append({"document": doc, "score": doc_score, "via": via, "clauses": clauses})
    return sorted(out, key=lambda a: (-max((c["chain"] for c in a["clauses"]), default=0.0), a["document"]))


def find_measures(
    phrase: str,
    docs: Sequence[NormalisedDocument],
    extractions: dict[str, DocumentExtraction],
    limit: int = 10,
) -> list[str]:
    """Ids of the measures a phrase (any script, any case) points to, best first.

    Measures containing the phrase come first (in document and reading order); failing that, the
    measures sharing most of its character bigrams; failing that, measures tagged with a concept the
    phrase names.
    """
    from policykg.ontology.concepts import normalised_forms

    queries = normalised_forms(phrase)
    if not queries:
        return []
    query = queries[0]
    measures = [
        (doc.id, m.id, m.text, m.concepts)
        for doc in sorted(docs, key=lambda d: d.id)
        for m in (extractions[doc.id].measures() if doc.id in extractions else ())
    ]
    exact = [mid for _, mid, text, _ in measures if any(q in text.lower() for q in queries)]
    if exact:
        return exact[:limit]
    grams = bigrams(query)
    if grams:
        scored = []
        for _, mid, text, _ in measures:
            shared = len(grams & bigrams(text.lower()))
            if shared / len(grams) >= 0.6:
                scored.append((-shared, mid))
        if scored:
            return [mid for _, mid in sorted(scored)[:limit]]
    concept_ids = set(_concepts_named(phrase))
    return [mid for _, mid, _, concepts in measures if concept_ids & set(concepts)][:limit]


def _concepts_named(phrase: str) -> list[str]:
    from policykg.ontology.concepts import ConceptScheme

    return ConceptScheme.load().lookup(phrase)

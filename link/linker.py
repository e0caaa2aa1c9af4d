"""The link stage's entry point: a corpus of documents and extractions becomes `CorpusLinks`.

Citations are resolved first, then document links (works, citations, implementation), then every
measure of every document that implements something is ranked against the clauses of each document
above it, directly or through its parents (Sanming → Fujian → MEE → central opinions). Nothing here
depends on the order documents arrive in: everything is sorted by id, so the same corpus always
yields the same links.
"""

from __future__ import annotations

from collections.abc import Sequence

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.link.citations import resolve_citations
from policykg.link.clauses import ClauseIndex, Vocabulary, carry_over, link_units, source_units
from policykg.link.documents import Works, citation_links, expression_links, implementation_links
from policykg.link.model import ClauseLink, CorpusLinks, DocumentLink

from policykg.settings import Settings


def ancestors(implements: Sequence[DocumentLink]) -> dict[str, list[str]]:
    """Every document each document implements, directly or through the documents it implements."""
    parents: dict[str, set[str]] = {}
    for link in implements:
        parents.setdefault(link.source, set()).add(link.target)
    closure: dict[str, list[str]] = {}
    for start in sorted(parents):
        seen: set[str] = set()
        stack = sorted(parents[start])
        while stack:
            doc = stack.pop()
            if doc in seen or doc == start:
                continue
            seen.add(doc)
            stack.extend(sorted(parents.get(doc, ())))
        closure[start] = sorted(seen)
    return closure


def link_corpus(
    docs: list[NormalisedDocument],
    extractions: dict[str, DocumentExtraction],
    settings: Settings | None = None,
) -> CorpusLinks:
    """Resolve citations, link documents and rank higher clauses for every measure of the corpus."""
    settings = settings or Settings()
    docs = sorted(docs, key=lambda d: d.id)
    by_id = {d.id: d for d in docs}
    citations = resolve_citations(docs, settings.link_title_similarity)
    works = Works.of(docs)
    expression_docs, aligned_clauses = expression_links(works)
    implements = implementation_links(docs, extractions, citations, works, settings.link_parent_top_k)

    clause_links: list[ClauseLink] = list(aligned_clauses)
    vocab = Vocabulary()
    indexes: dict[str, ClauseIndex] = {}
    for source_id, targets in ancestors(implements).items():
        source = by_id[source_id]
        units = source_units(source, extractions.get(source_id), vocab)
        if not units:
            continue
        found: dict[str, list[ClauseLink]] = {}
        # Originals first, so that other expressions can take their links over clause by clause.
        for target_id in sorted(targets, key=lambda t: (t != works.original[_work(by_id[t])], t)):
            target = by_id[target_id]
            original_id = works.original[_work(target)]
            if target_id != original_id and original_id in found:
                found[target_id] = carry_over(found[original_id], by_id[original_id], target)
                continue
            if target_id not in indexes:
                indexes[target_id] = ClauseIndex(target, extractions.get(target_id), vocab)
            found[target_id] = link_units(units, indexes[target_id], settings.link_top_k, settings.link_min_score)
        for target_id in sorted(found):
            clause_links.extend(found[target_id])

    return CorpusLinks(
        citations=citations,
        documents=[*expression_docs, *citation_links(citations), *implements],
        clauses=clause_links,
    )


def _work(doc: NormalisedDocument) -> str:
    return doc.metadata.work or doc.id

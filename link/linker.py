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
from policykg.link.clauses import ClauseLinker, carry_over
from policykg.link.documents import Works, citation_links, expression_links, implementation_links, work_of
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
    linker = ClauseLinker(by_id, extractions, settings.link_top_k, settings.link_min_score)
    above = ancestors(implements)
    above_sets = {k: set(v) for k, v in above.items()}
    for source_id, targets in above.items():
        units = linker.units(source_id)
        if not units:
            continue
        # Originals are scored; their other expressions take the links over clause by clause.
        originals = [t for t in targets if t == works.original[work_of(by_id[t])]]
        found = linker.link(units, originals, above_sets)
        for t in targets:
            original = works.original[work_of(by_id[t])]
            if t != original and original in found:
                found[t] = carry_over(found[original], by_id[original], by_id[t])
            elif t not in found:  # an expression whose original is not above this document
                found[t] = linker.link(units, [t], {})[t]
        for t in sorted(found):
            clause_links.extend(found[t])

    return CorpusLinks(
        citations=citations,
        documents=[*expression_docs, *citation_links(citations), *implements],
        clauses=clause_links,
    )


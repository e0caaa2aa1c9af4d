"""The link stage's entry point: a corpus of documents and extractions becomes `CorpusLinks`.

First the document graph (`documents.py`): citations resolved, works and their expressions, and for
every document the works it implements, with score and evidence. Then every measure (and leaf
clause) of a document is ranked against the clauses of the documents its document implements and
their ancestors, at most `link_parents_per_level` of them per level, best chain first: Sanming →
Fujian plan, MEE plan, central opinions and, through the MEE plan, the 2030 action plan. Only the
original of a work is a target: the English central opinions ride along with the Chinese through
the clause alignment. The links of a document depend on its own comparands and on a bounded set of
documents above it, so their number stays flat as the corpus grows.

Nothing here depends on the order documents arrive in: everything is sorted by id, so the same
corpus always yields the same links.
"""

from __future__ import annotations

from collections.abc import Callable

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.link.citations import resolve_citations
from policykg.link.clauses import ClauseLinker
from policykg.link.comparands import corpus_frequencies
from policykg.link.documents import (
    DocumentSimilarity,
    Works,
    ancestors,
    citation_links,
    expression_links,
    implementation_links,
    is_head,
    rank,
)
from policykg.link.model import ClauseLink, CorpusLinks
from policykg.settings import Settings

#: The version of the linking algorithm: links computed by another version are computed again.
LINKER_VERSION = "0.3"


def link_corpus(
    docs: list[NormalisedDocument],
    extractions: dict[str, DocumentExtraction],
    settings: Settings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CorpusLinks:
    """Resolve citations, build the document graph and rank higher clauses for every measure;
    `progress(done, total)` hears of each document whose clauses are linked."""
    settings = settings or Settings()
    docs = sorted(docs, key=lambda d: d.id)
    by_id = {d.id: d for d in docs}
    citations = resolve_citations(docs, settings.link_title_similarity)
    similarity = DocumentSimilarity(docs, extractions)
    works = Works.of(docs, similarity)
    expression_docs, aligned_clauses = expression_links(works)
    originals = [d for d in docs if works.original_of(d.id) == d.id]
    per_level = settings.link_parents_per_level
    implements = implementation_links(
        originals, citations, works, similarity, per_level, settings.link_parent_min_score, settings.link_parent_top_k
    )
    heads = frozenset(d.id for d in originals if is_head(d))
    above = ancestors(implements, {d.id: rank(d) for d in docs}, per_level, heads)

    clause_links: list[ClauseLink] = list(aligned_clauses)
    linker = ClauseLinker(by_id, extractions, settings.link_top_k, settings.link_min_score,
                          settings.link_min_share, corpus_frequencies(docs, extractions))
    above_sets = {k: {t for t, _ in v} for k, v in above.items()}
    for done, (source_id, targets) in enumerate(sorted(above.items()), start=1):
        if progress:
            progress(done, len(above))
        comparands = linker.comparands(source_id)
        if not comparands or not targets:
            continue
        found = linker.link(comparands, [t for t, _ in targets], above_sets)
        for t in sorted(found):
            clause_links.extend(found[t])
        linker.release(source_id)

    return CorpusLinks(
        citations=citations,
        documents=[*expression_docs, *citation_links(citations), *implements],
        clauses=clause_links,
    )

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

import multiprocessing
import os
from collections.abc import Callable, Iterable

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
LINKER_VERSION = "0.4"


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
    found = _link_all(linker, above, above_sets, _processes(settings.workers, len(above)), progress)
    for source_id in sorted(found):
        for t in sorted(found[source_id]):
            clause_links.extend(found[source_id][t])

    return CorpusLinks(
        citations=citations,
        documents=[*expression_docs, *citation_links(citations), *implements],
        clauses=clause_links,
    )


#: Documents linked per task when linking runs in several processes.
_CHUNK = 8
#: What forked linking processes inherit: the linker and the documents above each document.
_SHARED: tuple[ClauseLinker, dict[str, list[tuple[str, float]]], dict[str, set[str]]] | None = None
Found = dict[str, dict[str, list[ClauseLink]]]


def _processes(workers: int, sources: int) -> int:
    """Processes for the clause links: the `workers` setting (0: one per core), one where processes
    cannot be forked (they inherit the linker instead of receiving it) or for a small corpus."""
    if sources < 2 * _CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(workers or os.cpu_count() or 1, sources // _CHUNK))


def _link_sources(sources: list[str]) -> Found:
    """The clause links of these documents (a task of a linking process, or the whole work of one)."""
    assert _SHARED is not None
    linker, above, above_sets = _SHARED
    out: Found = {}
    for source_id in sources:
        comparands = linker.comparands(source_id)
        targets = above[source_id]
        if comparands and targets:
            out[source_id] = linker.link(comparands, [t for t, _ in targets], above_sets)
        linker.release(source_id)
    return out


def _link_all(linker: ClauseLinker, above: dict[str, list[tuple[str, float]]], above_sets: dict[str, set[str]],
              processes: int, progress: Callable[[int, int], None] | None) -> Found:
    """Every document's clause links. A document's links depend only on it and the documents above it,
    so documents are linked in any order, by forked processes when there are several: the same links."""
    global _SHARED
    sources = sorted(above)
    chunks = [sources[i : i + _CHUNK] for i in range(0, len(sources), _CHUNK)]
    found: Found = {}
    _SHARED = (linker, above, above_sets)
    try:
        if processes == 1:
            results: Iterable[Found] = map(_link_sources, chunks)
            for chunk, result in zip(chunks, results, strict=True):
                found.update(result)
                if progress:
                    progress(len(found) + sum(1 for s in chunk if s not in result), len(sources))
            return found
        done = 0
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for chunk, result in pool.imap_unordered(_with_chunk, chunks):
                found.update(result)
                done += len(chunk)
                if progress:
                    progress(done, len(sources))
        return found
    finally:
        _SHARED = None


def _with_chunk(chunk: list[str]) -> tuple[list[str], Found]:
    return chunk, _link_sources(chunk)

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

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.link.citations import resolve_citations
from policykg.link.clauses import ClauseLinker
from policykg.link.comparands import corpus_frequencies
from policykg.link.documents import (
    DocumentSimilarity,
    Works,
    ancestors,
    beside_bound,
    citation_links,
    expression_links,
    implementation_links,
    rank,
)
from policykg.link.model import ClauseLink, CorpusLinks, by_source_document
from policykg.settings import Settings

#: The version of the linking algorithm: links computed by another version are computed again.
LINKER_VERSION = "0.12"


def link_corpus(
    docs: list[NormalisedDocument],
    extractions: dict[str, DocumentExtraction],
    settings: Settings | None = None,
    progress: Callable[[int, int], None] | None = None,
    encode: Encoder | None = None,
) -> CorpusLinks:
    """Resolve citations, build the document graph and rank higher clauses for every measure;
    `progress(done, total)` hears of each document whose clauses are linked.

    With `encode(document id, its clause links)`, each source document's clause links are handed to it
    where they are found (in the linking processes) and the corpus keeps what it returns (`encoded`), not
    the links: a caller that only writes them out never holds them all."""
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
    heads = frozenset(d.id for d in originals if beside_bound(d))
    above = ancestors(implements, {d.id: rank(d) for d in docs}, per_level, heads)

    linker = ClauseLinker(by_id, extractions, settings.link_top_k, settings.link_min_score,
                          settings.link_min_share, corpus_frequencies(docs, extractions),
                          settings.link_cached_documents)
    above_sets = {k: {t for t, _ in v} for k, v in above.items()}
    aligned = by_source_document(aligned_clauses)
    encoder = encode or _as_found
    found = _link_all(_Shared(linker, above, above_sets, aligned, encoder),
                      _processes(settings.workers, len(above)), progress)
    for doc_id in aligned.keys() - found.keys():  # documents with alignments only
        found[doc_id] = (len(aligned[doc_id]), encoder(doc_id, aligned[doc_id]))
    out = CorpusLinks(citations=citations, documents=[*expression_docs, *citation_links(citations), *implements],
                      clause_count=sum(n for n, _ in found.values()))
    if encode is None:
        out.clauses = [cl for doc_id in sorted(found) for cl in found[doc_id][1]]
    else:
        out.encoded = {doc_id: found[doc_id][1] for doc_id in sorted(found)}
    return out


def _as_found(doc_id: str, clause_links: list[ClauseLink]) -> list[ClauseLink]:
    """The encoder of a caller that keeps the links themselves."""
    return clause_links


#: Documents linked per task when linking runs in several processes.
_CHUNK = 8
#: What a document's clause links become in the linking processes (see `link_corpus`).
Encoder = Callable[[str, list[ClauseLink]], Any]


@dataclass(slots=True)
class _Shared:
    """What linking processes inherit when forked: the linker, the documents above each document, the
    alignment links of each document and the encoder."""

    linker: ClauseLinker
    above: dict[str, list[tuple[str, float]]]
    above_sets: dict[str, set[str]]
    aligned: dict[str, list[ClauseLink]]
    encode: Encoder


_SHARED: _Shared | None = None
#: source document → (the number of its clause links, what the encoder made of them: alignments first,
#: then by target document).
Found = dict[str, tuple[int, Any]]


def _processes(workers: int, sources: int) -> int:
    """Processes for the clause links: the `workers` setting (0: one per core), one where processes
    cannot be forked (they inherit the linker instead of receiving it) or for a small corpus."""
    if sources < 2 * _CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(workers or os.cpu_count() or 1, sources // _CHUNK))


def _link_sources(sources: list[str]) -> Found:
    """The clause links of these documents (a task of a linking process, or the whole work of one)."""
    shared = _SHARED
    assert shared is not None
    out: Found = {}
    for source_id in sources:
        comparands = shared.linker.comparands(source_id)
        targets = shared.above[source_id]
        if comparands and targets:
            by_target = shared.linker.link(comparands, [t for t, _ in targets], shared.above_sets)
            links = list(shared.aligned.get(source_id, []))
            for t in sorted(by_target):
                links.extend(by_target[t])
            out[source_id] = (len(links), shared.encode(source_id, links))
        shared.linker.release(source_id)
    return out


def _link_all(shared: _Shared, processes: int, progress: Callable[[int, int], None] | None) -> Found:
    """Every document's clause links. A document's links depend only on it and the documents above it,
    so documents are linked in any order, by forked processes when there are several: the same links."""
    global _SHARED
    # Documents linked to the same documents come together, so a linking process meets the indexes it
    # keeps again (`link_cached_documents`) instead of making them anew for every chunk.
    sources = sorted(shared.above, key=lambda s: (sorted(shared.above_sets[s]), s))
    chunks = [sources[i : i + _CHUNK] for i in range(0, len(sources), _CHUNK)]
    found: Found = {}
    _SHARED = shared
    try:
        if processes == 1:
            results: Iterable[Found] = map(_link_sources, chunks)
            for chunk, result in zip(chunks, results, strict=True):
                found.update(result)
                if progress:
                    progress(len(found) + sum(1 for s in chunk if s not in result), len(sources))
            return found
        done = 0
        # What the processes inherit is frozen out of the collector's reach: a full collection in a
        # forked process would otherwise touch every inherited object and copy every page holding one.
        gc.freeze()
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for chunk, result in pool.imap_unordered(_with_chunk, chunks):
                found.update(result)
                done += len(chunk)
                if progress:
                    progress(done, len(sources))
        return found
    finally:
        gc.unfreeze()
        _SHARED = None


def _with_chunk(chunk: list[str]) -> tuple[list[str], Found]:
    return chunk, _link_sources(chunk)

"""The clause links graphs as N-Quads, made in forked processes when the corpus is large.

Turning a corpus's hundreds of thousands of clause links into quads and N-Quads is pure Python work
that took a third of the build's main process; the documents' links graphs are independent, so forked
processes (which inherit the links instead of receiving them) make them, a chunk of documents each, and
hand back bytes. Where processes cannot be forked, or for a small corpus, the calling process makes them.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterator

from policykg.graph.rdf_links import clause_links_by_document, clause_links_graph
from policykg.graph.store import GraphData
from policykg.link.model import ClauseLink, CorpusLinks

#: Documents per task of a forked process.
_CHUNK = 8
#: What the forked processes inherit: the clause links of each document.
_SHARED: dict[str, list[ClauseLink]] | None = None


def _graph_data(doc_id: str, clause_links: list[ClauseLink]) -> GraphData:
    import pyoxigraph as ox

    iri, quads = clause_links_graph(doc_id, clause_links)
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    # The links come in a deterministic order, so the serialisation itself is a content version.
    return GraphData(iri, "sha256:" + hashlib.sha256(data).hexdigest()[:32], data)


def _chunk_graphs(chunk: list[str]) -> list[GraphData]:
    assert _SHARED is not None
    return [_graph_data(doc_id, _SHARED[doc_id]) for doc_id in chunk]


def clause_link_graphs(links: CorpusLinks, workers: int) -> Iterator[GraphData]:
    """Each source document's clause links graph, in document order; `workers` as the setting (0: one
    per core)."""
    global _SHARED
    by_document = clause_links_by_document(links)
    doc_ids = sorted(by_document)
    chunks = [doc_ids[i : i + _CHUNK] for i in range(0, len(doc_ids), _CHUNK)]
    processes = max(1, min(workers or os.cpu_count() or 1, len(chunks) // 2))
    if processes == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for doc_id in doc_ids:
            yield _graph_data(doc_id, by_document.pop(doc_id))
        return
    _SHARED = by_document
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for graphs in pool.imap(_chunk_graphs, chunks):
                yield from graphs
    finally:
        _SHARED = None

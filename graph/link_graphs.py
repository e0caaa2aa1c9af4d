"""A document's clause links graph as N-Quads, made where its links are found and spooled to disk.

Turning a corpus's hundreds of thousands of clause links into quads and N-Quads is pure Python work
that took a third of the build's main process; the build gives `spool_clause_links` to the linker
(`link_corpus(encode=…)`), so each document's links are written out in the linking process that found
them. The N-Quads go to a file of the build's spool folder, not back to the build: at 10,000 documents
they are several gigabytes, which the build then reads one graph at a time as it writes them. The
graph's rows of the answer index (`answer_rows.links_rows`) are read from those N-Quads there too, and
spooled beside them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from policykg.graph.answer_rows import DocumentRows, links_rows
from policykg.graph.rdf_links import clause_links_nquads
from policykg.graph.store import GraphData
from policykg.link.model import ClauseLink


def clause_links_graph_data(doc_id: str, clause_links: list[ClauseLink]) -> GraphData:
    """The links graph of one source document, versioned by its content."""
    iri, data = clause_links_nquads(doc_id, clause_links)
    # The links come in a deterministic order, so the serialisation itself is a content version.
    return GraphData(iri, "sha256:" + hashlib.sha256(data).hexdigest()[:32], data)


@dataclass(frozen=True, slots=True)
class SpooledGraph:
    """A links graph written to the spool folder: its IRI and version, and where its N-Quads are (its
    answer rows beside them, `.rows.json`)."""

    iri: str
    version: str
    path: Path

    def read(self) -> GraphData:
        return GraphData(self.iri, self.version, self.path.read_bytes())

    def rows(self) -> DocumentRows:
        """The graph's rows of the answer index."""
        links = [tuple(row) for row in json.loads(self.path.with_suffix(".rows.json").read_bytes())]
        return DocumentRows(self.iri, self.version, links=links)


def spool_clause_links(folder: Path, doc_id: str, clause_links: list[ClauseLink]) -> SpooledGraph:
    """`clause_links_graph_data`, its N-Quads written to `folder` (one file per source document)."""
    graph = clause_links_graph_data(doc_id, clause_links)
    path = folder / (hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:32] + ".nq")
    path.write_bytes(graph.nquads)
    rows = links_rows(graph.iri, graph.version, graph.nquads).links
    path.with_suffix(".rows.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return SpooledGraph(graph.iri, graph.version, path)

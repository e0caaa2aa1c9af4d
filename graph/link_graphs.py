"""A document's clause links graph as N-Quads: what the linking processes hand back to the build.

Turning a corpus's hundreds of thousands of clause links into quads and N-Quads is pure Python work
that took a third of the build's main process; the build gives this function to the linker
(`link_corpus(encode=…)`), so each document's links are written out where they are found, in the
linking processes, and the build receives bytes instead of link objects.
"""

from __future__ import annotations

import hashlib

from policykg.graph.rdf_links import clause_links_graph
from policykg.graph.store import GraphData
from policykg.link.model import ClauseLink


def clause_links_graph_data(doc_id: str, clause_links: list[ClauseLink]) -> GraphData:
    """The links graph of one source document, versioned by its content."""
    import pyoxigraph as ox

    iri, quads = clause_links_graph(doc_id, clause_links)
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    # The links come in a deterministic order, so the serialisation itself is a content version.
    return GraphData(iri, "sha256:" + hashlib.sha256(data).hexdigest()[:32], data)

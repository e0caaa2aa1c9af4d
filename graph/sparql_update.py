"""The SPARQL Update texts every backend writes a graph with: INSERT DATA / DELETE DATA in chunks, and
the meta graph's description of a graph (its version, size and time of last write).

Written once for all backends, so a remote server and the embedded store hold the same triples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime

import pyoxigraph as ox

from policykg.errors import BadRequest
from policykg.graph.meta import META_GRAPH, MODIFIED, TRIPLES, VERSION, XSD_DATETIME, XSD_INTEGER
from policykg.ontology import vocab as v


def iri_ref(iri: str) -> str:
    """`<iri>` for an update text (`vocab.iri_ref` decides what is usable); BadRequest when it is not."""
    try:
        return v.iri_ref(iri)
    except ValueError as exc:
        raise BadRequest(str(exc)) from None


def content_version(quads: Iterable[ox.Quad | ox.Triple]) -> str:
    """A version string derived from content: the same set of triples always gives the same value."""
    lines = sorted({str(q.triple if isinstance(q, ox.Quad) else q) for q in quads})
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return f"sha256:{digest[:32]}"


def graph_triples(graph_iri: str, quads: Iterable[ox.Quad | ox.Triple]) -> list[ox.Triple]:
    """The distinct triples of `quads`, which must belong to `graph_iri` (or to no graph)."""
    target = ox.NamedNode(graph_iri)
    triples: dict[ox.Triple, None] = {}
    for quad in quads:
        if isinstance(quad, ox.Triple):
            triples[quad] = None
            continue
        graph = quad.graph_name
        if not (isinstance(graph, ox.DefaultGraph) or graph == target):
            raise ValueError(f"quad in graph {graph} handed to replace_graph({graph_iri})")
        triples[quad.triple] = None
    return list(triples)


def meta_triples(graph_iri: str, version: str, size: int) -> list[ox.Triple]:
    subject = ox.NamedNode(graph_iri)
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return [
        ox.Triple(subject, ox.NamedNode(VERSION), ox.Literal(version)),
        ox.Triple(subject, ox.NamedNode(TRIPLES), ox.Literal(str(size), datatype=ox.NamedNode(XSD_INTEGER))),
        ox.Triple(subject, ox.NamedNode(MODIFIED), ox.Literal(now, datatype=ox.NamedNode(XSD_DATETIME))),
    ]


def insert_data(graph_iri: str, triples: list[ox.Triple], chunk: int | None = None) -> list[str]:
    """`INSERT DATA` operations writing `triples` into `graph_iri`, `chunk` triples per operation.

    N-Triples term syntax is valid SPARQL term syntax, so terms are written with `str()` and need no
    escaping of their own. Triples with blank nodes go into one `INSERT {…} WHERE {}` operation: a
    blank node label only means the same node within one operation, and some servers (Virtuoso)
    refuse blank nodes in INSERT DATA.
    """
    if not triples:
        return []
    graph = iri_ref(graph_iri)

    def has_bnode(t: ox.Triple) -> bool:
        return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)

    plain = [t for t in triples if not has_bnode(t)]
    blank = [t for t in triples if has_bnode(t)]
    size = max(1, chunk or len(plain) or 1)
    ops = []
    for start in range(0, len(plain), size):
        body = " .\n".join(str(t) for t in plain[start : start + size])
        ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body} .\n}} }}")
    if blank:
        body = " .\n".join(str(t) for t in blank)
        ops.append(f"INSERT {{ GRAPH {graph} {{\n{body} .\n}} }} WHERE {{}}")
    return ops


def delete_data(graph_iri: str, triples: list[ox.Triple], chunk: int | None = None) -> list[str]:
    """`DELETE DATA` operations removing `triples` (which must hold no blank node) from `graph_iri`."""
    if not triples:
        return []
    graph = iri_ref(graph_iri)
    size = max(1, chunk or len(triples))
    ops = []
    for start in range(0, len(triples), size):
        body = " .\n".join(str(t) for t in triples[start : start + size])
        ops.append(f"DELETE DATA {{ GRAPH {graph} {{\n{body} .\n}} }}")
    return ops


def meta_update(graph_iri: str, meta: list[ox.Triple]) -> list[str]:
    """Operations that replace the meta description of one graph (or delete it, with `meta` empty)."""
    ops = [f"DELETE WHERE {{ GRAPH {iri_ref(META_GRAPH)} {{ {iri_ref(graph_iri)} ?p ?o }} }}"]
    return ops + insert_data(META_GRAPH, meta)

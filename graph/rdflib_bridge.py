"""pyoxigraph quads as rdflib graphs, for pyshacl validation and isomorphism checks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from policykg.ontology.terms import XSD_STRING


# --- rdflib bridge --------------------------------------------------------------------------------
def to_rdflib_dataset(quads: Iterable[Quad]) -> Any:
    """The quads as an rdflib Dataset (for pyshacl and isomorphism checks)."""
    import rdflib

    ds = rdflib.Dataset()
    for q in quads:
        graph = None if isinstance(q.graph_name, DefaultGraph) else _to_rdflib(q.graph_name)
        ctx = ds.graph(graph) if graph is not None else ds.default_graph
        ctx.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    return ds


def to_rdflib_graph(quads: Iterable[Quad]) -> Any:
    """The quads' triples merged into one rdflib Graph (graph names dropped)."""
    import rdflib

    g = rdflib.Graph()
    for q in quads:
        g.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    return g


def _to_rdflib(term: Any) -> Any:
    import rdflib

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype == XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")

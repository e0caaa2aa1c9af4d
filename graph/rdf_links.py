"""The mapping of the link stage's output to RDF quads: clause links per document, document links.

Clause links go to a links graph per source document, so that a document's rebuild replaces its own
links only; document links and citations share LINKS_GRAPH. A link's evidence is one `pkg:evidenceData`
literal (`evidence_literal`) rather than nodes of its own: readers take a link's evidence whole, and
nodes per reason made half of the links graphs' quads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from policykg.link.model import ClauseLink, CorpusLinks, Evidence, by_source_document
from policykg.ontology import ids
from policykg.ontology import vocab as v
from policykg.ontology.terms import (
    QuadGraph,
    boolean_literal,
    decimal_literal,
    has_cjk,
    integer_literal,
    text_literal,
)
from policykg.ontology.vocab import E, P

#: The datatype of `pkg:evidenceData`: a JSON text (RDF 1.1 JSON-LD, RDF 1.2).
RDF_JSON = NamedNode(v.RDF + "JSON")

#: Document relations of the link stage → the ELI property stated beside the scored pkg:DocumentLink.
DOCUMENT_RELATIONS: dict[str, str] = {
    "implements": v.ELI + "ensures_implementation_of",
    "cites": v.ELI + "cites",
    "translation_of": v.ELI + "is_translation_of",
}


# --- links ----------------------------------------------------------------------------------------
def is_measure_id(ident: str) -> bool:
    return ids.is_fact_of("measure", ident)


def item_node(ident: str) -> NamedNode:
    """A measure id (…​.m3) names a measure; any other id a clause."""
    return v.measure_node(ident) if is_measure_id(ident) else v.clause_node(ident)


def links_quads(links: CorpusLinks) -> list[Quad]:
    """Every quad of the links: document links and citations in LINKS_GRAPH, clause links per document."""
    return [q for _, quads in links_graphs(links) for q in quads]


def links_graphs(links: CorpusLinks) -> Iterator[tuple[str, list[Quad]]]:
    """(graph IRI, quads) of each links graph, made one at a time.

    Clause links go to the graph of their source's document (`links_graph_iri`), in document order;
    document links, resolved citations and the placeholders of documents only referenced go to
    LINKS_GRAPH, yielded last.
    """
    by_document = by_source_document(links.clauses)
    for doc_id in sorted(by_document):
        yield clause_links_graph(doc_id, by_document.pop(doc_id))
    yield v.LINKS_GRAPH, document_links_quads(links)


def clause_links_graph(doc_id: str, clause_links: Iterable[ClauseLink]) -> tuple[str, list[Quad]]:
    """(graph IRI, quads) of one document's clause links."""
    iri, g = _clause_links(doc_id, clause_links)
    return iri, g.quads()


def clause_links_nquads(doc_id: str, clause_links: Iterable[ClauseLink]) -> tuple[str, bytes]:
    """(graph IRI, N-Quads) of one document's clause links: `clause_links_graph` as the store takes it."""
    iri, g = _clause_links(doc_id, clause_links)
    return iri, g.nquads()


def _clause_links(doc_id: str, clause_links: Iterable[ClauseLink]) -> tuple[str, QuadGraph]:
    iri = v.links_graph_iri(doc_id)
    g = QuadGraph(NamedNode(iri))
    for cl in clause_links:
        _clause_link(g, cl)
    return iri, g


def document_links_quads(links: CorpusLinks) -> list[Quad]:
    """LINKS_GRAPH: document links, resolved citations and the placeholders of documents only referenced."""
    g = QuadGraph(v.LINKS_GRAPH_NODE)
    for cit in links.citations:
        source = v.doc_node(cit.source_document)
        cited_id = cit.target_document or cit.referenced_id
        if not cited_id:
            continue
        cited = v.doc_node(cited_id)
        g.add(source, E.cites, cited)
        if cit.target_document is None:
            g.type(cited, E.LegalExpression)
            g.add(cited, P.referencedOnly, boolean_literal(True))
            if cit.title:
                g.add(cited, E.title, text_literal(cit.title, "zh-Hans" if has_cjk(cit.title) else "en"))
            if cit.doc_number:
                g.add(cited, E.id_local, Literal(cit.doc_number))
    for dl in links.documents:
        source, target = v.doc_node(dl.source), v.doc_node(dl.target)
        prop = DOCUMENT_RELATIONS.get(dl.relation)
        if prop:
            g.add(source, NamedNode(prop), target)
        node = NamedNode(v.document_link_iri(dl.relation, dl.source, dl.target))
        g.type(node, P.DocumentLink)
        g.add(node, P.source, source)
        g.add(node, P.target, target)
        g.add(node, P.relation, Literal(dl.relation))
        g.add(node, P.score, decimal_literal(dl.score))
        g.add(node, P.method, Literal(dl.method))
        _evidence(g, node, dl.evidence)  # citation, family, topic, hierarchy
    return g.quads()


def _clause_link(g: QuadGraph, cl: ClauseLink) -> None:
    node = NamedNode(v.clause_link_iri(cl.source, cl.target))
    g.type(node, P.ClauseLink)
    g.add(node, P.source, item_node(cl.source))
    g.add(node, P.target, v.clause_node(cl.target))
    g.add(node, P.relation, Literal(cl.relation))
    g.add(node, P.score, decimal_literal(cl.score))
    g.add(node, P.rank, integer_literal(cl.rank))
    g.add(node, P.method, Literal(cl.method))
    _evidence(g, node, cl.evidence)


def _evidence(g: QuadGraph, node: NamedNode, evidence: Iterable[Evidence]) -> None:
    """A link's evidence as one literal; nothing when the linker gave none."""
    items = tuple(evidence)
    if items:
        g.add(node, P.evidenceData, evidence_literal(items))


def evidence_literal(evidence: Iterable[Evidence]) -> Literal:
    """The evidence list, in the order the linker states it, as compact JSON `[["kind", "value", weight], …]`
    (`^^rdf:JSON`): the same bytes for the same evidence, so that a rebuild gives the same quads."""
    data = [[ev.kind, ev.value, float(ev.weight)] for ev in evidence]
    return Literal(json.dumps(data, ensure_ascii=False, separators=(",", ":")), datatype=RDF_JSON)


def read_evidence(data: Any) -> list[dict[str, Any]]:
    """`pkg:evidenceData` as the answers give it: [{"kind", "value", "weight"}, …] in the linker's order;
    no value (a link without evidence) is no evidence."""
    if data is None or data == "":
        return []
    return [{"kind": str(kind), "value": str(value), "weight": float(weight)} for kind, value, weight in json.loads(str(data))]

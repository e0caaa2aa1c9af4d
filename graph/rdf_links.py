"""The mapping of the link stage's output to RDF quads: clause links per document, document links.

Clause links go to a links graph per source document, so that a document's rebuild replaces its own
links only; document links and citations share LINKS_GRAPH.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from policykg.link.model import ClauseLink, CorpusLinks, Evidence
from policykg.ontology import ids
from policykg.ontology import vocab as v
from policykg.ontology.terms import (
    RDF_VALUE,
    QuadGraph,
    boolean_literal,
    decimal_literal,
    has_cjk,
    integer_literal,
    text_literal,
)
from policykg.ontology.vocab import E, P

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
    by_document: dict[str, list[ClauseLink]] = {}
    for cl in links.clauses:
        by_document.setdefault(cl.source.split("~", 1)[0], []).append(cl)
    for doc_id in sorted(by_document):
        iri = v.links_graph_iri(doc_id)
        g = QuadGraph(NamedNode(iri))
        for cl in by_document.pop(doc_id):
            _clause_link(g, cl)
        yield iri, g.quads()
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
    yield v.LINKS_GRAPH, g.quads()


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
    """A link's evidence, in the order the linker states it (`…#e1`, `…#e2`…)."""
    for n, ev in enumerate(evidence, 1):
        e = NamedNode(v.evidence_iri(node.value, n))
        g.add(node, P.evidence, e)
        g.type(e, P.Evidence)
        g.add(e, P.evidenceKind, Literal(ev.kind))
        g.add(e, RDF_VALUE, Literal(ev.value))
        g.add(e, P.weight, decimal_literal(ev.weight))



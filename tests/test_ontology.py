"""The ontology, the SHACL shapes and the reference graph: valid graphs pass, broken ones fail for the
reason the shapes state, every term the mapping writes is declared and documented."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib

from policykg.graph.rdflib_bridge import to_rdflib_graph
from policykg.ontology import vocab as v
from policykg.ontology.reference import ONTOLOGY_FILE, SHAPES_FILE, reference_quads

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
FUJIAN = "fujian-pollution-carbon-synergy-plan-2022"

DOCS = Path(__file__).resolve().parent.parent / "docs" / "ontology.md"
PKG = rdflib.Namespace(v.PKG)
OA = rdflib.Namespace(v.OA)


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_FILE)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_FILE)


def _validate(graph: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, advanced=True)
    return bool(conforms), str(text)


@pytest.fixture
def data(rdf_corpus) -> rdflib.Graph:  # type: ignore[no-untyped-def]
    """The three documents' graph, fresh for each test (some tests break it on purpose)."""
    return to_rdflib_graph(rdf_corpus.quads())


def test_ontology_is_owl_and_parses_in_both_libraries(ontology):
    assert (rdflib.URIRef(v.ONTOLOGY), rdflib.RDF.type, rdflib.OWL.Ontology) in ontology
    with ONTOLOGY_FILE.open("rb") as fh:
        assert len(list(ox.parse(fh, format=ox.RdfFormat.TURTLE))) == len(ontology)
    for cls in ("Measure", "Target", "Deadline", "Responsibility", "ClauseLink", "DocumentLink", "Region"):
        assert (PKG[cls], rdflib.RDF.type, rdflib.OWL.Class) in ontology, cls
    # a link's evidence is one JSON value on the link, no node of its own
    assert (PKG.evidenceData, rdflib.RDFS.range, rdflib.RDF.JSON) in ontology
    assert not set(ontology.triples((PKG.Evidence, None, None))) and not set(ontology.triples((PKG.evidence, None, None)))
    assert (PKG.Deadline, rdflib.RDFS.subClassOf, rdflib.URIRef(v.TIME + "ProperInterval")) in ontology


def test_every_term_the_mapping_writes_is_declared(ontology, data):
    used = {p for p in data.predicates() if str(p).startswith(v.PKG)}
    used |= {o for o in data.objects(None, rdflib.RDF.type) if str(o).startswith(v.PKG)}
    declared = {s for s in ontology.subjects(rdflib.RDF.type, None) if str(s).startswith(v.PKG)}
    assert used and used <= declared, sorted(map(str, used - declared))


def test_every_pkg_term_is_documented(ontology):
    text = DOCS.read_text(encoding="utf-8")
    declared = {str(s)[len(v.PKG):] for s in ontology.subjects(rdflib.RDF.type, None) if str(s).startswith(v.PKG)}
    missing = sorted(term for term in declared if not re.search(rf"pkg:{term}\b", text))
    assert not missing, missing


def test_real_passages_conform_to_the_shapes(shapes, data):
    conforms, report = _validate(data, shapes)
    assert conforms, report


def test_the_reference_graph_conforms_with_the_documents(shapes, rdf_corpus):
    graph = to_rdflib_graph(rdf_corpus.quads() + reference_quads())
    conforms, report = _validate(graph, shapes)
    assert conforms, report


def _first(graph: rdflib.Graph, s: rdflib.URIRef, p: rdflib.URIRef) -> rdflib.term.Node:
    return next(graph.objects(s, p))


def _measure() -> rdflib.URIRef:
    return rdflib.URIRef(v.measure_iri(f"{SANMING}~s4.i5.m9"))


def _break_selector(g: rdflib.Graph) -> None:
    pos = rdflib.URIRef(v.position_selector_iri(str(_measure())))
    start = _first(g, pos, OA.start)
    g.remove((pos, OA.end, None))
    g.add((pos, OA.end, start))


def _break_role(g: rdflib.Graph) -> None:
    r = rdflib.URIRef(v.responsibility_iri(f"{SANMING}~s4.i5.u1"))
    g.set((r, PKG.role, rdflib.Literal("boss")))


def _break_target(g: rdflib.Graph) -> None:
    t = rdflib.URIRef(v.target_iri(f"{SANMING}~s4.i5.t1"))
    g.remove((t, PKG.value, None))


def _break_indicator(g: rdflib.Graph) -> None:
    g.remove((rdflib.URIRef(v.target_iri(f"{SANMING}~s4.i5.t1")), PKG.indicator, None))


def _break_clause_of_measure(g: rdflib.Graph) -> None:
    g.add((_measure(), PKG.clause, rdflib.URIRef(v.clause_iri(f"{SANMING}~s4.i6"))))


def _break_clause_number(g: rdflib.Graph) -> None:
    g.remove((rdflib.URIRef(v.clause_iri(f"{SANMING}~s4.i6")), rdflib.URIRef(v.ELI + "number"), None))


def _break_clause_part_of(g: rdflib.Graph) -> None:
    g.remove((rdflib.URIRef(v.clause_iri(f"{SANMING}~s4.i6")), rdflib.URIRef(v.ELI + "is_part_of"), None))


def _break_score(g: rdflib.Graph) -> None:
    link = next(g.subjects(rdflib.RDF.type, PKG.ClauseLink))
    g.set((link, PKG.score, rdflib.Literal("1.5", datatype=rdflib.XSD.decimal)))


def _set_evidence(g: rdflib.Graph, cls: rdflib.URIRef, text: str) -> None:
    link = next(g.subjects(rdflib.RDF.type, cls))
    g.set((link, PKG.evidenceData, rdflib.Literal(text, datatype=rdflib.RDF.JSON)))


def _break_evidence_kind(g: rdflib.Graph) -> None:
    _set_evidence(g, PKG.ClauseLink, '[["concept","ccus",0.5],["guess","碳汇",0.2]]')


def _break_evidence_weight(g: rdflib.Graph) -> None:
    _set_evidence(g, PKG.ClauseLink, '[["concept","ccus","high"]]')


def _break_evidence_json(g: rdflib.Graph) -> None:
    _set_evidence(g, PKG.ClauseLink, "concept:ccus")


def _break_evidence_count(g: rdflib.Graph) -> None:
    link = next(g.subjects(rdflib.RDF.type, PKG.ClauseLink))
    g.add((link, PKG.evidenceData, rdflib.Literal('[["year","2025",0.3]]', datatype=rdflib.RDF.JSON)))


def _break_document_evidence(g: rdflib.Graph) -> None:
    _set_evidence(g, PKG.DocumentLink, '[["citation","mee-pollution-carbon-synergy-plan-2022",1.0],["wording","推进",0.2]]')


def _break_unit(g: rdflib.Graph) -> None:
    g.remove((rdflib.URIRef(v.responsibility_iri(f"{FUJIAN}~s3.i5.u2")), PKG.unit, None))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (_break_selector, "start is before its end"),
        (_break_role, "role is lead, support or mentioned"),
        (_break_target, "has a value (or a range) unless it is qualitative"),
        (_break_indicator, "names its indicator"),
        (_break_clause_of_measure, "belongs to exactly one clause"),
        (_break_clause_number, "exactly one number"),
        (_break_clause_part_of, "is part of its document"),
        (_break_score, "score is a number in [0, 1]"),
        (_break_evidence_kind, "JSON list of [kind, value, weight] of the known kinds"),
        (_break_evidence_weight, "JSON list of [kind, value, weight] of the known kinds"),
        (_break_evidence_json, "JSON list of [kind, value, weight] of the known kinds"),
        (_break_evidence_count, "MaxCountConstraintComponent"),
        (_break_document_evidence, "citation, family, topic or hierarchy"),
        (_break_unit, "names exactly one unit"),
    ],
)
def test_broken_graphs_fail_for_the_stated_reason(shapes, breakage, message, data):
    graph = data
    breakage(graph)
    conforms, report = _validate(graph, shapes)
    assert not conforms
    assert message in report


def test_reference_graph(ontology):
    quads = reference_quads()
    assert {str(q.graph_name) for q in quads} == {f"<{v.REFERENCE_GRAPH}>"}
    assert quads == reference_quads()
    triples = {(q.subject.value, q.predicate.value, q.object.value) for q in quads}
    sanming = v.region_iri("CN-FJ-Sanming")
    assert (sanming, v.DCTERMS + "isPartOf", v.region_iri("CN-FJ")) in triples
    assert (v.region_iri("CN-FJ"), v.DCTERMS + "isPartOf", v.region_iri("CN")) in triples
    assert (sanming, v.SKOS + "prefLabel", "Sanming") in triples
    unit = v.unit_iri("cn-fj-sanming.gxj")
    assert (unit, v.SKOS + "prefLabel", "三明市工业和信息化局") in triples
    assert (unit, v.SKOS + "altLabel", "三明市工信局") in triples
    assert (unit, v.PKG + "jurisdiction", sanming) in triples
    assert (unit, v.ORG + "subOrganizationOf", v.unit_iri("cn-fj-sanming.gov")) in triples
    # the ontology and the concept scheme are part of it
    assert (v.ONTOLOGY, v.RDF + "type", v.OWL + "Ontology") in triples
    assert (v.concept_iri("ccus"), v.RDF + "type", v.SKOS + "Concept") in triples
    assert len([t for t in triples if t[1] == v.RDF + "type" and t[2] == v.ORG + "Organization"]) > 1000
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))


@pytest.mark.parametrize(
    "ident", ["sanming-pollution-carbon-synergy-plan-2022~s4.i5.m9", "cn-fj-sanming.gxj", "三明 方案#1?", "a%2Fb"]
)
def test_ids_round_trip_through_iris(ident):
    for build in (v.doc_iri, v.clause_iri, v.measure_iri, v.unit_iri, v.concept_iri, v.graph_iri):
        built = build(ident)
        ox.NamedNode(built)  # a valid IRI
        assert v.id_from_iri(built) == ident
        assert v.id_from_iri(ox.NamedNode(built)) == ident
    assert v.kind_of_iri(v.graph_iri(ident)) == "graph/doc"
    assert v.kind_of_iri(v.measure_iri(ident)) == "measure"


def test_graph_names_cannot_collide():
    assert v.graph_iri("links") != v.LINKS_GRAPH
    assert v.graph_iri("reference") != v.REFERENCE_GRAPH
    with pytest.raises(ValueError):
        v.doc_iri("")


def test_real_pipeline_output_conforms(shapes, real_sanming):
    from policykg.graph.rdf_documents import document_quads

    conforms, report = _validate(to_rdflib_graph(document_quads(*real_sanming)), shapes)
    assert conforms, report

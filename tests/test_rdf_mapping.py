"""The model → RDF mapping, on real passages of the corpus (the documents of `tests/rdf_facts.py`).

Length (about 330 lines): one test per part of the mapping, on the same three documents.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from policykg.extract.model import (
    DocumentExtraction,
)
from policykg.graph.answer_document_links import document_links
from policykg.graph.queries import Queries
from policykg.graph.rdf_documents import document_quads
from policykg.graph.rdf_links import links_graphs, links_quads, read_evidence
from policykg.graph.rdflib_bridge import to_rdflib_dataset, to_rdflib_graph
from policykg.graph.runner import select
from policykg.ingest.model import NormalisedDocument
from policykg.link.model import ClauseLink, CorpusLinks, DocumentLink, Evidence
from policykg.ontology import vocab as v
from tests.rdf_facts import (
    CORPUS,
    FUJIAN,
    SANMING,
    VERSION,
    CorpusFixture,
    by_id,
    corpus_fixture,
    measure_with,
    real_sanming,
    sanming,
)


@pytest.fixture(scope="module")
def fx(rdf_corpus: CorpusFixture) -> CorpusFixture:
    return rdf_corpus


def _triples(quads: list[ox.Quad], s: str | None = None, p: str | None = None) -> list[ox.Quad]:
    return [q for q in quads if (s is None or _term(q.subject).value == s) and (p is None or q.predicate.value == p)]


def _term(term: object) -> Any:
    """A quad's term, typed loosely: tests read .value/.language/.datatype of the kind they expect."""
    return term


def _objects(quads: list[ox.Quad], s: str, p: str) -> list[str]:
    return sorted(_term(q.object).value for q in _triples(quads, s, p))


def test_fixture_reads_the_real_clause():
    doc, extraction = sanming()
    clause = by_id(doc, f"{SANMING}~s4.i5")
    assert clause.title == "推进工业领域协同增效"
    facts = extraction.clauses[clause.id]
    assert [u.surface for u in facts.units] == ["市工信局", "发改委", "生态环境局", "科技局", "商务局"]
    assert [(u.unit_id, u.label, u.role) for u in facts.units] == [
        ("cn-fj-sanming.gxj", "三明市工业和信息化局", "lead"),
        ("cn-fj-sanming.fgw", "三明市发展和改革委员会", "support"),
        ("cn-fj-sanming.sthj", "三明市生态环境局", "support"),
        ("cn-fj-sanming.kjj", "三明市科学技术局", "support"),
        ("cn-fj-sanming.swj", "三明市商务局", "support"),
    ]
    assert [c.concept_id for c in facts.concepts] == ["eaf_steelmaking", "ccus"]
    assert facts.targets[0].provenance.span.cut(doc.original).endswith("超过30%")
    ccus = measure_with(extraction, "ccus")
    assert ccus.text == "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"


def test_every_node_is_in_the_document_graph_and_named_from_ids(fx):
    doc, extraction = fx.docs[SANMING], fx.extractions[SANMING]
    quads = document_quads(doc, extraction)
    assert {_term(q.graph_name).value for q in quads} == {v.graph_iri(SANMING)}
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))
    clause = v.clause_iri(f"{SANMING}~s4.i5")
    assert clause == "https://policykg.org/clause/sanming-pollution-carbon-synergy-plan-2022~s4.i5"
    assert _objects(quads, clause, v.ELI + "number") == ["五"]
    assert _objects(quads, clause, v.PKG + "path") == ["四/五"]
    # part of the enclosing section and of the document
    assert _objects(quads, clause, v.ELI + "is_part_of") == sorted([v.clause_iri(f"{SANMING}~s4"), v.doc_iri(SANMING)])
    text = _objects(quads, clause, v.PKG + "text")[0]
    assert text.startswith("(五)推进工业领域协同增效。") and text.endswith("商务局等按职责分工负责)\n")


def test_document_metadata(fx):
    quads = document_quads(fx.docs[FUJIAN], fx.extractions[FUJIAN])
    d = v.doc_iri(FUJIAN)
    titles = [_term(q.object) for q in _triples(quads, d, v.ELI + "title")]
    assert [(t.value, t.language.lower()) for t in titles] == [("福建省减污降碳协同增效实施方案", "zh-hans")]
    assert _objects(quads, d, v.ELI + "id_local") == ["闽环保综合〔2022〕12号"]
    issued = _term(_triples(quads, d, v.ELI + "date_document")[0].object)
    assert (issued.value, issued.datatype.value) == ("2022", v.XSD + "gYear")
    assert _objects(quads, d, v.PKG + "level") == ["provincial"]
    assert _objects(quads, d, v.PKG + "region") == [v.region_iri("CN-FJ")]
    assert _objects(quads, d, v.ELI + "language") == [v.EU_LANGUAGE + "ZHO"]
    assert _objects(quads, d, v.ELI + "realizes") == [v.work_iri(FUJIAN)]


def test_target_maps_value_unit_year_and_exact_span(fx):
    doc = fx.docs[SANMING]
    quads = document_quads(doc, fx.extractions[SANMING])
    t = v.target_iri(f"{SANMING}~s4.i5.t1")
    assert _objects(quads, t, v.PKG + "indicator") == ["重点行业产能和数据中心达到能效标杆水平的比例"]
    assert _objects(quads, t, v.PKG + "comparator") == [">"]
    value = _term(_triples(quads, t, v.PKG + "value")[0].object)
    assert (value.value, value.datatype.value) == ("30.0", v.XSD + "decimal")
    assert _objects(quads, t, v.PKG + "measureUnit") == ["%"]
    assert _objects(quads, t, v.PKG + "targetYear") == ["2025"]
    assert _objects(quads, t, v.TIME + "hasTime") == [v.instant_iri("2025")]
    assert _objects(quads, t, v.PKG + "qualitative") == ["false"]
    start = int(_objects(quads, v.position_selector_iri(t), v.OA + "start")[0])
    end = int(_objects(quads, v.position_selector_iri(t), v.OA + "end")[0])
    exact = _objects(quads, v.quote_selector_iri(t), v.OA + "exact")[0]
    assert doc.original[start:end] == exact == "达到能效标杆水平的比例超过30%"
    qualitative = v.target_iri(f"{SANMING}~s4.i5.t2")
    assert _objects(quads, qualitative, v.PKG + "qualitative") == ["true"]
    assert _triples(quads, qualitative, v.PKG + "value") == []


def test_responsibilities_provenance_and_deadlines(fx):
    quads = document_quads(fx.docs[SANMING], fx.extractions[SANMING])
    r1 = v.responsibility_iri(f"{SANMING}~s4.i5.u1")
    assert _objects(quads, r1, v.PKG + "unit") == [v.unit_iri("cn-fj-sanming.gxj")]
    assert _objects(quads, r1, v.PKG + "role") == ["lead"]
    assert _objects(quads, r1, v.PKG + "surface") == ["市工信局"]
    assert _objects(quads, r1, v.PROV + "wasDerivedFrom") == [v.clause_iri(f"{SANMING}~s4.i5")]
    agent = v.agent_iri("policykg.extract.units", VERSION)
    assert _objects(quads, r1, v.PROV + "wasAttributedTo") == [agent]
    assert _objects(quads, agent, v.RDF + "type") == [v.PROV + "SoftwareAgent"]
    assert _objects(quads, agent, v.PKG + "version") == [VERSION]
    assert _objects(quads, v.unit_iri("cn-fj-sanming.gxj"), v.SKOS + "prefLabel") == ["三明市工业和信息化局"]
    d2 = v.deadline_iri(f"{SANMING}~s4.i5.d2")
    assert _objects(quads, d2, v.RDFS + "label") == ["到2025年和2030年"]
    end = _objects(quads, d2, v.TIME + "hasEnd")
    assert end == [v.instant_iri("2030")]
    assert _objects(quads, end[0], v.TIME + "inXSDgYear") == ["2030"]
    assert _triples(quads, d2, v.TIME + "hasBeginning") == []


def test_measures_carry_concepts_targets_and_deadlines(fx):
    quads = document_quads(fx.docs[SANMING], fx.extractions[SANMING])
    ccus = measure_with(fx.extractions[SANMING], "ccus")
    m = v.measure_iri(ccus.id)
    assert _objects(quads, m, v.PKG + "concept") == [v.concept_iri("ccus")]
    assert _objects(quads, m, v.PKG + "clause") == [v.clause_iri(f"{SANMING}~s4.i5")]
    assert _objects(quads, v.clause_iri(f"{SANMING}~s4.i5"), v.PKG + "concept") == [
        v.concept_iri("ccus"), v.concept_iri("eaf_steelmaking")
    ]
    target_measure = next(x for x in fx.extractions[SANMING].measures() if "超过30%" in x.text)
    assert _objects(quads, v.measure_iri(target_measure.id), v.PKG + "hasTarget") == [
        v.target_iri(f"{SANMING}~s4.i5.t1")
    ]
    assert _objects(quads, v.measure_iri(target_measure.id), v.PKG + "deadline") == [
        v.deadline_iri(f"{SANMING}~s4.i5.d1")
    ]


def test_mapping_is_deterministic(fx):
    first = document_quads(*sanming())
    second = document_quads(*sanming())
    assert first == second
    assert isomorphic(to_rdflib_graph(first), to_rdflib_graph(second))
    assert links_quads(fx.links) == links_quads(corpus_fixture.__wrapped__().links)


def test_links_graph(fx):
    quads = links_quads(fx.links)
    graphs = dict(links_graphs(fx.links))
    # clause links live in the links graph of their source's document; document links in LINKS_GRAPH
    assert list(graphs) == [v.links_graph_iri(FUJIAN), v.links_graph_iri(SANMING), v.LINKS_GRAPH]
    assert {_term(q.graph_name).value for q in quads} == set(graphs)
    assert all(_term(q.subject).value.startswith(v.BASE + "link/") for q in graphs[v.links_graph_iri(SANMING)])
    sm = measure_with(fx.extractions[SANMING], "ccus")
    link = v.clause_link_iri(sm.id, f"{FUJIAN}~s3.i5")
    cited = v.doc_iri("central-opinions-carbon-peak-2021")
    assert _objects(quads, link, v.PKG + "source") == [v.measure_iri(sm.id)]
    assert _objects(quads, link, v.PKG + "target") == [v.clause_iri(f"{FUJIAN}~s3.i5")]
    assert _objects(quads, link, v.PKG + "score") == ["0.82"]
    assert _objects(quads, link, v.PKG + "rank") == ["1"]
    # the evidence is one compact JSON literal on the link, in the linker's order, and no node of its own
    [evidence] = [_term(q.object) for q in _triples(quads, link, v.PKG + "evidenceData")]
    assert evidence.datatype.value == v.RDF + "JSON"
    assert evidence.value == '[["concept","ccus",0.5],["wording","钢铁、水泥",0.2]]'
    assert len(_triples(quads, link)) == 8  # type, source, target, relation, score, rank, method, evidence
    assert {_term(q.subject).value for q in quads} <= {
        *(v.clause_link_iri(cl.source, cl.target) for cl in fx.links.clauses),
        *(v.document_link_iri(dl.relation, dl.source, dl.target) for dl in fx.links.documents),
        v.doc_iri(SANMING), v.doc_iri(FUJIAN), cited,
    }
    # a link without evidence (the fixture's document links) has no evidence value
    assert not _triples(quads, v.document_link_iri("implements", SANMING, FUJIAN), v.PKG + "evidenceData")
    assert _objects(quads, v.doc_iri(SANMING), v.ELI + "ensures_implementation_of") == [v.doc_iri(FUJIAN)]
    assert _objects(quads, v.doc_iri(SANMING), v.ELI + "cites") == [cited]
    assert _objects(quads, cited, v.PKG + "referencedOnly") == ["true"]


#: Evidence as the linkers state it, with what JSON must escape, repeats, an integer and a tiny weight.
_CLAUSE_EVIDENCE = (
    Evidence("wording", "实施“揭榜挂帅”", 0.6123), Evidence("concept", "ccus", 1), Evidence("concept", "ccus", 0.3),
    Evidence("number", '20% "万吨" \\ a\tb', 1e-05), Evidence("year", "2025", 0.3),
    Evidence("unit", "fgw", 0.0), Evidence("via", f"{FUJIAN}~s3.i5", 0.1 + 0.2),
    *(Evidence("wording", w, 0.3) for w in ("钢铁", "水泥", "煤电", "化工", "封存")),  # more than nine, in order
)
_DOCUMENT_EVIDENCE = (Evidence("citation", FUJIAN, 1.0), Evidence("family", "减污降碳协同增效", 0.8571),
                      Evidence("topic", "0.31", 0.4), Evidence("hierarchy", "CN-FJ", 0.15))


def test_link_evidence_round_trips_through_the_compact_value():
    links = CorpusLinks(
        documents=[DocumentLink(SANMING, FUJIAN, "implements", 0.9, "policykg.link.documents/0.1", _DOCUMENT_EVIDENCE)],
        clauses=[ClauseLink(f"{SANMING}~s4.i5.m2", f"{FUJIAN}~s3.i5", "implements", 0.82, 1, "m", _CLAUSE_EVIDENCE)],
    )
    quads = links_quads(links)
    assert quads == links_quads(links)  # same evidence, same bytes
    store = ox.Store()
    store.extend(quads)
    dumped = store.dump(format=ox.RdfFormat.N_QUADS)
    again = ox.Store()
    again.load(dumped, format=ox.RdfFormat.N_QUADS)
    for link, evidence in ((v.clause_link_iri(f"{SANMING}~s4.i5.m2", f"{FUJIAN}~s3.i5"), _CLAUSE_EVIDENCE),
                           (v.document_link_iri("implements", SANMING, FUJIAN), _DOCUMENT_EVIDENCE)):
        [row] = select(again, f"SELECT ?e WHERE {{ GRAPH ?g {{ <{link}> <{v.PKG}evidenceData> ?e }} }}")
        read = read_evidence(row["e"])
        assert read == [{"kind": e.kind, "value": e.value, "weight": float(e.weight)} for e in evidence]
        assert [type(e["weight"]) for e in read] == [float] * len(evidence)
        assert [Evidence(e["kind"], e["value"], e["weight"]) for e in read] == list(evidence)
    assert read_evidence(None) == []
    # and the answer about a document gives it as stated
    [parent] = document_links(Queries(again).run, SANMING)["parents"]
    assert parent["evidence"] == [{"kind": e.kind, "value": e.value, "weight": e.weight} for e in _DOCUMENT_EVIDENCE]


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "json-ld", "trig"])
def test_serialisations_round_trip(fx, fmt):
    quads = fx.quads()
    graph_formats = {"turtle", "json-ld"}
    if fmt in graph_formats:
        original = to_rdflib_graph(quads)
        data = original.serialize(format=fmt)
        again = rdflib.Graph().parse(data=data, format=fmt)
        assert len(again) == len(original) > 500
        assert isomorphic(original, again)
    else:
        ds = to_rdflib_dataset(quads)
        data = ds.serialize(format=fmt)
        back = rdflib.Dataset()
        back.parse(data=data, format=fmt)
        for name in (v.graph_iri(SANMING), v.links_graph_iri(SANMING), v.LINKS_GRAPH):
            assert isomorphic(ds.graph(rdflib.URIRef(name)), back.graph(rdflib.URIRef(name)))


def test_pyoxigraph_round_trip_keeps_every_quad(fx):
    quads = fx.quads()
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert set(ox.parse(data, format=ox.RdfFormat.N_QUADS)) == set(quads)
    jsonld = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    assert set(ox.parse(jsonld, format=ox.RdfFormat.JSON_LD)) == set(quads)


def test_real_pipeline_output_maps_with_exact_spans():
    doc, extraction = real_sanming()
    quads = document_quads(doc, extraction)
    assert quads == document_quads(doc, extraction)
    exact = {
        _term(q.subject).value: _term(q.object).value for q in quads if q.predicate.value == v.OA + "exact"
    }
    starts = {
        _term(q.subject).value: int(_term(q.object).value) for q in quads if q.predicate.value == v.OA + "start"
    }
    ends = {_term(q.subject).value: int(_term(q.object).value) for q in quads if q.predicate.value == v.OA + "end"}
    assert len(exact) > 100
    for quote_iri, text in exact.items():
        pos = quote_iri[: -len("#quote")] + "#pos"
        assert doc.original[starts[pos] : ends[pos]] == text


# --- units the registry does not know, reforms, periods (real tune documents of the real corpus) ---------
@lru_cache(maxsize=1)
def real_tune() -> dict[str, tuple[NormalisedDocument, DocumentExtraction]]:
    """Two `tune` documents of the real corpus (tests/keys/split.toml), as the build reads their packs."""
    from policykg.evaluate import extract_key_documents

    return extract_key_documents(
        ["113、武汉市推动降碳及发展低碳产业工作方案.pdf", "430、内蒙古自治区“十四五”土壤、地下水和农村牧区生态环境保护规划.pdf"],
        CORPUS.parent / "real",
    )


def test_unresolved_units_generic_participants_and_periods_map_and_conform():
    import pyshacl

    from policykg.ontology.reference import SHAPES_FILE

    doc, extraction = real_tune()["113、武汉市推动降碳及发展低碳产业工作方案.pdf"]
    quads = document_quads(doc, extraction)
    bus = next(u for u in extraction.units() if u.surface == "市公交集团")
    node = v.unit_iri(bus.unit_id)
    assert _objects(quads, node, v.SKOS + "prefLabel") == ["武汉市公交集团"]
    assert _objects(quads, node, v.DCTERMS + "type") == ["unresolved"]
    assert _objects(quads, node, v.PKG + "jurisdiction") == [v.region_iri("CN-HB-Wuhan")]
    assert "武汉市" in _objects(quads, v.region_iri("CN-HB-Wuhan"), v.SKOS + "prefLabel")  # not a registry region
    generic = next(u for u in extraction.units() if u.role == "generic")
    assert _objects(quads, v.unit_iri(generic.unit_id), v.DCTERMS + "type") == ["generic"]
    assert "generic" in {_term(q.object).value for q in _triples(quads, p=v.PKG + "role")}

    plan, facts = real_tune()["430、内蒙古自治区“十四五”土壤、地下水和农村牧区生态环境保护规划.pdf"]
    target = next(t for t in facts.targets() if t.value == 1600)
    assert (target.start_year, target.year) == (2021, 2025)
    period_quads = document_quads(plan, facts)
    iri = next(_term(q.subject).value for q in _triples(period_quads, p=v.PKG + "indicator")
               if _term(q.object).value == target.indicator)
    assert _objects(period_quads, iri, v.TIME + "hasBeginning") == [v.instant_iri("2021")]
    assert _objects(period_quads, iri, v.TIME + "hasTime") == [v.instant_iri("2025")]

    shapes = rdflib.Graph().parse(SHAPES_FILE)
    conforms, _, report = pyshacl.validate(to_rdflib_graph([*quads, *period_quads]), shacl_graph=shapes, advanced=True)
    assert conforms, report


def test_a_renamed_institution_keeps_its_label_and_links_its_successor():
    doc, extraction = real_sanming()  # the Sanming plan of 2022 names its banking regulators as they then were
    quads = document_quads(doc, extraction)
    old = v.unit_iri("cn-fj-sanming.cbirc")
    assert _objects(quads, old, v.SKOS + "prefLabel") == ["中国银行保险监督管理委员会三明监管分局"]
    [event] = _objects(quads, old, v.ORG + "changedBy")
    assert _objects(quads, event, v.ORG + "resultingOrganization") == [v.unit_iri("cn-fj-sanming.nfra")]
    assert _objects(quads, event, v.DCTERMS + "date") == ["2023-07-20"]
    assert _objects(quads, v.unit_iri("cn-fj-sanming.nfra"), v.ORG + "resultedFrom") == [event]
    bank = v.unit_iri("cn-fj-sanming.pbc-pre2023")
    [bank_event] = _objects(quads, bank, v.ORG + "changedBy")
    assert _objects(quads, bank_event, v.ORG + "resultingOrganization") == [v.unit_iri("cn-fj-sanming.pbc")]

"""The researcher queries, run with SPARQL against a real store holding the real passages' graph."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from policykg.graph.queries import Queries
from policykg.graph.sparql_text import documented as example_queries
from policykg.graph.sparql_text import fill, queries
from policykg.ontology.reference import reference_quads
from policykg.settings import Settings

QUERIES = queries()
SANMING = "sanming-pollution-carbon-synergy-plan-2022"
FUJIAN = "fujian-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"
I5 = f"{SANMING}~s4.i5"
CCUS_UNITS = [
    ("cn-fj-sanming.gxj", "三明市工业和信息化局", "lead"),
    ("cn-fj-sanming.fgw", "三明市发展和改革委员会", "support"),
    ("cn-fj-sanming.sthj", "三明市生态环境局", "support"),
    ("cn-fj-sanming.kjj", "三明市科学技术局", "support"),
    ("cn-fj-sanming.swj", "三明市商务局", "support"),
]


@pytest.fixture(scope="module")
def q(rdf_corpus) -> Queries:  # type: ignore[no-untyped-def]
    store = ox.Store()
    store.extend(rdf_corpus.quads())
    store.extend(reference_quads())
    return Queries(store)


@pytest.fixture(scope="module")
def ccus_measure(rdf_corpus) -> str:  # type: ignore[no-untyped-def]
    return next(m.id for m in rdf_corpus.extractions[SANMING].measures() if "ccus" in m.concepts)


def test_every_query_parses():
    store = ox.Store()
    for name, query in QUERIES.items():
        filled = fill(query, doc="<https://policykg.org/doc/x>", items="<https://policykg.org/x>",
                      item="<https://policykg.org/x>", targets="<https://policykg.org/y>",
                      sources="<https://policykg.org/z>",
                      concepts="<https://policykg.org/concept/ccus>", needle='"x"', limit="5",
                      links="<https://policykg.org/graph/links>", graph="<https://policykg.org/graph/doc/x>",
                      rank="1", min_score="0.2")
        result = store.query(filled)
        assert isinstance(result, ox.QuerySolutions), name
        assert list(result.variables), name
    assert {name for name, _ in example_queries()} == set(QUERIES)


def test_documents(q):
    docs = {d["id"]: d for d in q.documents()}
    assert sorted(docs) == sorted([SANMING, FUJIAN, MEE])
    assert docs[SANMING] == {
        "id": SANMING,
        "title": "三明市减污降碳协同增效实施方案",
        "titles": {"zh-Hans": "三明市减污降碳协同增效实施方案"},
        "level": "municipal",
        "region": "CN-FJ-Sanming",
        "issuer": "三明市生态环境局、三明市发展和改革委员会、三明市工业和信息化局",
        "issued": "2022-12-13",
        "doc_number": None,
        "language": "zh",
        "doc_type": None,  # the graph of this test was written without one
        "notice_title": None,
        "source": {"file": "003_e073a84fa08b70e4.txt", "sha256": "0" * 64},  # as the test graph records it
    }
    assert docs[MEE]["doc_number"] == "环综合〔2022〕42号"
    assert docs[FUJIAN]["issued"] == "2022"
    # the document cited by Sanming but not in the corpus is not listed as a document
    assert "central-opinions-carbon-peak-2021" not in docs
    json.dumps(q.documents())


def test_document_clauses_in_reading_order_with_their_facts(q):
    doc = q.document(SANMING)
    assert doc is not None
    assert [c["id"] for c in doc["clauses"]] == [f"{SANMING}~s4", I5, f"{SANMING}~s4.i6"]
    i5 = doc["clauses"][1]
    assert i5["number"] == "五" and i5["path"] == ["四", "五"]
    assert i5["title"] == "推进工业领域协同增效"
    assert i5["text"].startswith("(五)推进工业领域协同增效。围绕“433”产业新体系")
    assert [(u["id"], u["label"], u["role"]) for u in i5["units"]] == CCUS_UNITS
    assert {u["jurisdiction"] for u in i5["units"]} == {"CN-FJ-Sanming"}
    # quantified targets and qualitative goals are two lists
    assert [t["value"] for t in i5["targets"]] == [30.0]
    assert [(g["kind"], g["value"], g["indicator"]) for g in i5["goals"]] == [("qualitative", None, "短流程炼钢占比")]
    first = i5["targets"][0]
    assert (first["comparator"], first["unit"], first["year"], first["clause"]) == (">", "%", 2025, "五")
    assert first["text"] == "推进工业节能和能效水平提升,到2025年,钢铁、水泥、合成氨等重点行业产能和数据中心达到能效标杆水平的比例超过30%。"
    assert i5["concepts"] == [
        {"id": "ccus", "label": "碳捕集利用与封存"},
        {"id": "eaf_steelmaking", "label": "短流程炼钢"},
    ]
    assert len(i5["measures"]) == 9
    assert i5["measures"][-1] == {"id": f"{I5}.m9", "text": "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"}
    assert [(d["label"], d["start"], d["end"], d["kind"]) for d in i5["deadlines"]] == [
        ("到2025年", None, "2025", "by"),
        ("到2025年和2030年", None, "2030", "by"),
    ]
    i6 = doc["clauses"][2]
    assert [(u["label"], u["role"]) for u in i6["units"]] == [("三明市交通运输局", "lead"), ("三明市人民政府办公室", "support")]
    assert q.document("no-such-document") is None


def test_units_for_ccus_in_sanming(q):
    answer = q.units("ccus", document=SANMING)
    assert answer["concept"]["id"] == "ccus"
    assert answer["concept"]["labels"]["zh-Hant"] == "碳捕集利用與封存"
    assert [(u["id"], u["label"], u["clauses"][0]["role"]) for u in answer["units"]] == CCUS_UNITS
    assert answer["units"][0]["clauses"] == [{"id": I5, "document": SANMING, "clause": "五", "role": "lead"}]
    assert all(u["jurisdiction"] == "CN-FJ-Sanming" for u in answer["units"])


@pytest.mark.parametrize("name", ["CCUS", "碳捕集利用与封存", "碳捕集利用與封存", "Carbon Capture, Utilization and Storage",
                                  "二氧化碳捕集與利用封存"])
def test_units_concept_by_any_label_in_any_script(q, name):
    answer = q.units(name, document=SANMING)
    assert [u["id"] for u in answer["units"]] == [u[0] for u in CCUS_UNITS]


def test_units_across_documents_regions_and_narrower_concepts(q):
    everywhere = q.units("ccus")
    ids = [u["id"] for u in everywhere["units"]]
    # the Fujian plan's 工信厅 (lead of (五)), the MEE plan's 工业和信息化部 (lead of (八)), the Sanming units
    assert {"cn-fj.gxj", "cn.miit", "cn-fj-sanming.gxj", "cn.nea"} <= set(ids)
    # units named only as "mentioned", or in clauses about other things, are not responsible
    assert "cn-fj-sanming.jtj" not in ids
    assert all(ids.index(u) < ids.index("cn-fj-sanming.fgw") for u in ("cn-fj.gxj", "cn.miit", "cn-fj-sanming.gxj"))
    fujian = q.units("ccus", region="CN-FJ")
    assert {u["jurisdiction"] for u in fujian["units"]} == {"CN-FJ", "CN-FJ-Sanming"}
    city = q.units("ccus", region="CN-FJ-Sanming")
    assert [u["id"] for u in city["units"]] == [u[0] for u in CCUS_UNITS]
    # 钢铁 (steel) is broader than 短流程炼钢, which (五) is tagged with
    steel = q.units("钢铁", document=SANMING)
    assert steel["concept"]["id"] == "steel"
    assert [u["id"] for u in steel["units"]] == [u[0] for u in CCUS_UNITS]
    assert q.units("no such concept at all") is None


def test_search_in_every_script(q):
    traditional = q.search("二氧化碳捕集與利用封存")
    assert traditional[0] == {
        "id": f"{I5}.m9",
        "document": SANMING,
        "clause": "五",
        "text": "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。",
        "score": 1.0,
    }
    english = q.search("carbon capture")
    measures = {h["id"] for h in english}
    assert {f"{I5}.m9", f"{MEE}~s4.i8.m10"} <= measures
    assert any(h["document"] == FUJIAN and "CCUS" in h["text"] for h in english)
    # the same phrase written the three ways finds the same Sanming measure
    for phrase in ("碳捕集利用与封存", "碳捕集利用與封存", "carbon capture, utilization and storage"):
        assert f"{I5}.m9" in {h["id"] for h in q.search(phrase)}, phrase


def test_search_reads_taiwan_wordings_as_the_documents_do(q):
    # 計程車 is the Taiwan word for 出租车, which Sanming (六) uses
    hits = q.search("計程車")
    assert hits and all("出租车" in h["text"] for h in hits)
    assert hits[0]["id"].startswith(f"{SANMING}~s4.i6.m")


def test_search_by_text_filters_and_limits(q):
    hits = q.search("短流程炼钢", document=FUJIAN)
    assert hits and {h["document"] for h in hits} == {FUJIAN}
    assert hits[0]["text"] == "有序引导钢铁行业发展电炉短流程炼钢工艺，水泥行业加快原燃料替代，石化行业加快推动减油增化，铝行业提高再生铝比例，推广高效低碳技术，加快再生有色金属产业发展。"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert len(q.search("短流程炼钢", limit=2)) == 2
    assert q.search("   ") == []
    assert q.search('"} } DROP ALL') == []


def test_trace_follows_links_upward_best_first(q, ccus_measure):
    measure = ccus_measure
    result = q.trace(measure)
    assert result["source"] == {
        "id": measure,
        "kind": "measure",
        "document": SANMING,
        "clause": "五",
        "text": "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。",
    }
    parents = result["parents"]
    assert [(p["id"], p["score"]) for p in parents] == [
        (f"{FUJIAN}~s3.i5", 0.82),
        (f"{MEE}~s4.i8", 0.6),
        (f"{FUJIAN}~s6.i19", 0.41),
    ]
    best = parents[0]
    assert (best["document"], best["clause"], best["relation"]) == (FUJIAN, "五", "implements")
    assert best["evidence"] == [
        {"kind": "concept", "value": "ccus", "weight": 0.5},
        {"kind": "wording", "value": "钢铁、水泥", "weight": 0.2},
    ]
    # Fujian (五) is implemented, in turn, through its CCUS measure, by the MEE plan's (八)
    assert [(p["id"], p["score"]) for p in best["parents"]] == [(f"{MEE}~s4.i8", 0.77)]
    assert best["parents"][0]["parents"] == []
    assert parents[2]["parents"] == []
    # the ancestors give each link's own evidence, as the linker stated it
    by_doc = {a["document"]: a["clauses"] for a in result["ancestors"]}
    assert [(c["id"], c["evidence"]) for c in by_doc[FUJIAN]] == [
        (f"{FUJIAN}~s3.i5", [{"kind": "concept", "value": "ccus", "weight": 0.5},
                             {"kind": "wording", "value": "钢铁、水泥", "weight": 0.2}]),
        (f"{FUJIAN}~s6.i19", [{"kind": "concept", "value": "ccus", "weight": 0.5}]),
    ]
    assert [(c["id"], c["evidence"]) for c in by_doc[MEE]] == [
        (f"{MEE}~s4.i8", [{"kind": "concept", "value": "ccus", "weight": 0.5}])]
    json.dumps(result)


def test_trace_from_a_clause_and_limits(q, ccus_measure):
    from_clause = q.trace(I5)
    assert from_clause["source"]["kind"] == "clause"
    assert from_clause["parents"][0]["id"] == f"{FUJIAN}~s3.i5"
    narrow = Queries(q.store, Settings(trace_max_parents=1, trace_max_depth=1))
    result = narrow.trace(ccus_measure)
    assert [p["id"] for p in result["parents"]] == [f"{FUJIAN}~s3.i5"]
    assert result["parents"][0]["parents"] == []
    assert q.trace("no-such-measure") is None


def test_targets(q):
    by_2030 = q.targets(year=2030)  # quantified targets; Sanming's "达到省上要求" is a qualitative goal
    assert sorted(t["id"] for t in by_2030) == sorted([f"{FUJIAN}~s3.i5.t1", f"{FUJIAN}~s3.i5.t2"])
    assert [g["id"] for g in q.targets(year=2030, kind="qualitative")] == [f"{SANMING}~s4.i5.t2"]
    fujian_steel = next(t for t in by_2030 if t["id"] == f"{FUJIAN}~s3.i5.t1")
    assert fujian_steel == {
        "id": f"{FUJIAN}~s3.i5.t1",
        "kind": "quantified",
        "indicator": "短流程炼钢占比",
        "comparator": ">=",
        "bound": None,
        "direction": None,
        "value": 20.0,
        "value_min": None,
        "value_max": None,
        "unit": "%",
        "converted_value": None,
        "converted_unit": None,
        "base_year": None,
        "start_year": None,
        "year": 2030,
        "document": FUJIAN,
        "clause": "五",
        "text": "到2025年和2030年，短流程炼钢占比分别提升至15%、20%以上。",
    }
    mee = q.targets(document=MEE)
    assert [(t["value"], t["unit"], t["converted_value"], t["converted_unit"], t["year"]) for t in mee] == [
        (1150.0, "万吨", 11_500_000.0, "t", 2025)]
    # concept filter includes narrower concepts: steel ⊃ short-process steelmaking
    steel = {t["id"] for t in q.targets(concept="steel")}
    assert steel == {f"{FUJIAN}~s3.i5.t1"}
    assert {t["id"] for t in q.targets(concept="steel", kind="qualitative")} == {f"{SANMING}~s4.i5.t2"}
    assert {t["document"] for t in q.targets(region="CN-FJ")} == {SANMING, FUJIAN}
    assert {t["document"] for t in q.targets(region="CN-FJ-Sanming", year=2025)} == {SANMING}
    assert q.targets(concept="no such concept") == []


def test_units_and_targets_a_page_at_a_time(q):
    everywhere = q.units("ccus")["units"]
    assert len(everywhere) > 4
    pages = [q.units_page("ccus", limit=2, offset=offset) for offset in range(0, len(everywhere), 2)]
    assert [u for page in pages for u in page["units"]] == everywhere
    assert {page["total"] for page in pages} == {len(everywhere)}
    assert q.units_page("ccus", limit=2, offset=len(everywhere)) == {**pages[0], "units": []}
    assert q.units_page("ccus", region="CN-FJ-Sanming", limit=3)["total"] == len(CCUS_UNITS)
    assert q.units_page("no such concept at all", limit=2) is None

    targets = q.targets()
    assert len(targets) > 3
    pages = [q.targets_page(limit=3, offset=offset) for offset in range(0, len(targets), 3)]
    assert [t for page in pages for t in page["targets"]] == targets
    assert {page["total"] for page in pages} == {len(targets)}
    assert q.targets_page(year=2030, limit=1, offset=1) == {"targets": q.targets(year=2030)[1:2], "total": 2}
    assert q.targets_page(concept="no such concept", limit=5) == {"targets": [], "total": 0}


def test_concepts(q):
    found = q.concepts("碳捕集")
    assert found[0]["id"] == "ccus"
    assert found[0]["labels"] == {
        "zh-Hans": "碳捕集利用与封存",
        "zh-Hant": "碳捕集利用與封存",
        "en": "carbon capture, utilization and storage",
    }
    assert "二氧化碳捕集与利用封存" in found[0]["alt"]["zh-Hans"]
    assert found[0]["sector"] == "technology"
    assert q.concepts("短流程煉鋼")[0]["id"] == "eaf_steelmaking"
    assert len(q.concepts("")) > 100


def test_the_same_answers_through_the_embedded_store(q, tmp_path, ccus_measure, rdf_corpus):
    from policykg.graph.rdf_documents import document_quads
    from policykg.graph.rdf_links import links_graphs
    from policykg.graph.store import open_store
    from policykg.ontology import vocab as v

    fx = rdf_corpus
    with open_store(Settings(store=str(tmp_path))) as store:
        store.replace_graph(v.REFERENCE_GRAPH, reference_quads(), version="reference")
        for doc_id, doc in fx.docs.items():
            store.replace_graph(v.graph_iri(doc_id), document_quads(doc, fx.extractions[doc_id]), version=doc_id)
        for iri, quads in links_graphs(fx.links):
            store.replace_graph(iri, quads, version="links")
        embedded = Queries(store)
        assert embedded.documents() == q.documents()
        assert embedded.document(SANMING) == q.document(SANMING)
        assert embedded.units("ccus") == q.units("ccus")
        assert embedded.search("carbon capture") == q.search("carbon capture")
        assert embedded.trace(ccus_measure) == q.trace(ccus_measure)
        assert embedded.targets(year=2030) == q.targets(year=2030)


def test_units_for_ccus_from_the_real_pipeline(real_sanming):
    from policykg.graph.rdf_documents import document_quads

    doc, extraction = real_sanming
    store = ox.Store()
    store.extend(document_quads(doc, extraction))
    store.extend(reference_quads())
    answer = Queries(store).units("CCUS", document=doc.id)
    in_i5 = [
        (u["id"], u["label"], c["role"]) for u in answer["units"] for c in u["clauses"] if c["id"] == I5
    ]
    assert sorted(in_i5) == sorted(CCUS_UNITS)
    assert answer["units"][0]["id"] == "cn-fj-sanming.gxj"


def test_a_relative_change_reads_as_its_direction_and_units_carry_their_written_name(real_sanming):
    """The Sanming plan through the real ingest and extract stages: "主要农作物化肥、农药使用量比2020年减少10%以上"
    is a decrease of at least 10 % from 2020, not "= 10 %"."""
    from policykg.graph.rdf_documents import document_quads

    doc, extraction = real_sanming
    store = ox.Store()
    store.extend(document_quads(doc, extraction))
    store.extend(reference_quads())
    queries = Queries(store)
    found = [t for t in queries.targets(document=doc.id) if t["indicator"] == "主要农作物化肥、农药使用量"]
    assert [(t["comparator"], t["bound"], t["direction"], t["value"], t["unit"], t["base_year"], t["year"])
            for t in found] == [("decrease", ">=", "decrease", 10.0, "%", 2020, 2025)]
    assert all(t["kind"] == "quantified" for t in queries.targets(document=doc.id))
    goals = queries.targets(document=doc.id, kind="qualitative")
    assert goals and all(g["kind"] == "qualitative" and g["value"] is None for g in goals)
    clause = next(c for c in queries.document(doc.id)["clauses"] if c["number"] == "五")  # type: ignore[index]
    assert [(u["name"], u["label"], u["resolved"]) for u in clause["units"]][:2] == [
        ("市工信局", "三明市工业和信息化局", True), ("发改委", "三明市发展和改革委员会", True)]


def test_concept_search_by_a_partial_label_finds_every_match(q):
    found = [c["id"] for c in q.concepts("碳汇")]
    assert found[0] == "carbon_sink" and {"forest_carbon_sink", "blue_carbon", "carbon_sink_trading"} <= set(found)

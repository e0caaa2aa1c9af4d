"""The document graph as the store answers it, on the eleven bundled real texts: a document's parents
and children with their evidence (in RDF, conforming to the shapes), and the coverage of a national
and a provincial document's clauses by the provinces and cities below them."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib

from policykg.evaluate import bundled_corpus
from policykg.graph.answer_coverage import column_of, coverage_csv
from policykg.graph.queries import Queries
from policykg.graph.rdf_documents import document_quads
from policykg.graph.rdf_links import links_graphs, links_quads
from policykg.graph.rdflib_bridge import to_rdflib_graph
from policykg.link import link_corpus
from policykg.link.model import CorpusLinks, DocumentLink, Evidence
from policykg.ontology import vocab as v
from policykg.ontology.reference import SHAPES_FILE, reference_quads

CENTRAL_ZH = "central-opinions-carbon-peak-2021-zh"
CENTRAL_EN = "central-opinions-carbon-peak-2021-en"
PLAN_2030 = "state-council-2030-carbon-peak-action-plan-2021"
FUJIAN = "fujian-pollution-carbon-synergy-plan-2022"
SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"


@pytest.fixture(scope="module")
def linked() -> tuple[Queries, CorpusLinks]:
    docs, extractions = bundled_corpus()
    links = link_corpus(list(docs), extractions)
    store = ox.Store()
    for doc in docs:
        store.extend(document_quads(doc, extractions[doc.id]))
    store.extend(links_quads(links))
    store.extend(reference_quads())
    return Queries(store), links


def test_a_city_plan_names_its_parents_with_the_evidence(linked) -> None:  # type: ignore[no-untyped-def]
    q, _ = linked
    doc = q.document(SANMING)
    assert doc is not None
    parents = {p["id"]: p for p in doc["parents"]}
    assert set(parents) == {CENTRAL_ZH, FUJIAN, "mee-pollution-carbon-synergy-plan-2022", PLAN_2030}
    assert [e["kind"] for e in parents[PLAN_2030]["evidence"]][0] == "family"  # a head of the 1+N system
    fujian = parents[FUJIAN]
    assert (fujian["relation"], fujian["score"], fujian["level"], fujian["region"]) == (
        "implements", 1.0, "provincial", "CN-FJ")
    kinds = [e["kind"] for e in fujian["evidence"]]
    assert kinds[:2] == ["citation", "family"] and "hierarchy" in kinds  # in the order the linker states them
    assert {"kind": "family", "value": "减污降碳协同增效", "weight": 1.0} in fujian["evidence"]
    assert fujian["method"] == "citation+family+topic"
    assert doc["children"] == [] and {c["id"] for c in doc["cites"]} >= set(parents) - {PLAN_2030}


def test_the_central_opinions_name_their_children_expressions_and_references(linked) -> None:  # type: ignore[no-untyped-def]
    q, _ = linked
    doc = q.document(CENTRAL_ZH)
    assert doc is not None and doc["parents"] == []
    children = {c["id"]: c for c in doc["children"]}
    assert {SANMING, SHANWEI, "jiangsu-carbon-opinions-2022"} <= set(children)
    scores = [c["score"] for c in doc["children"]]
    assert scores == sorted(scores, reverse=True)  # best first
    assert "family" in {e["kind"] for e in children[SHANWEI]["evidence"]}  # 碳达峰实施方案 → a 1+N head
    assert [(e["id"], e["relation"], e["original"]) for e in doc["expressions"]] == [(CENTRAL_EN, "translation_of", False)]
    english = q.document(CENTRAL_EN)
    assert english is not None and [(e["id"], e["original"]) for e in english["expressions"]] == [(CENTRAL_ZH, True)]
    # the central opinions cite documents outside the corpus: kept with their titles
    outside = [c for c in doc["cites"] if c["referenced_only"]]
    assert outside and all(c["id"].startswith("ref-") and c["title"] for c in outside)


def test_coverage_of_the_central_opinions_by_provinces_and_cities(linked) -> None:  # type: ignore[no-untyped-def]
    q, links = linked
    answer = q.coverage(CENTRAL_ZH)
    assert answer is not None and answer["scope"] == "CN"
    regions = {r["id"]: r for r in answer["regions"]}
    assert set(regions) == {"CN-FJ", "CN-FJ-Sanming", "CN-GD-Shanwei", "CN-JS"}
    assert (regions["CN-FJ-Sanming"]["label"], regions["CN-FJ-Sanming"]["level"]) == ("三明市", "city")
    assert regions["CN-FJ"]["documents"] == [FUJIAN]
    rows = {tuple(c["path"]): c for c in answer["clauses"]}
    assert len(rows) == 38  # the leaf clauses of the opinions, in reading order
    assert [c["path"] for c in answer["clauses"]][:2] == [["一", "一"], ["一", "二"]]
    # (二十一) carbon capture: Sanming's carbon-capture measure counts among the city's clauses there
    ccus = rows[("八", "二十一")]["regions"]
    assert "CN-FJ-Sanming" in ccus and ccus["CN-FJ-Sanming"]["best"] >= 0.2
    # every cell is counted from rank-1 links scoring at least 0.2 from that region's documents
    counted = {(lk.target, lk.source.split("~")[0]) for lk in links.clauses
               if lk.rank == 1 and lk.score >= 0.2 and lk.target.startswith(CENTRAL_ZH + "~") and lk.method != "alignment"}
    for c in answer["clauses"]:
        for cell in c["regions"].values():
            assert all((c["id"], d) in counted for d in cell["documents"])
    assert answer["uncovered"] == [c["id"] for c in answer["clauses"] if not c["regions"]]
    strict = q.coverage(CENTRAL_ZH, min_score=0.6)
    assert strict is not None and len(strict["uncovered"]) > len(answer["uncovered"])
    assert q.coverage("no-such-document") is None


def test_coverage_of_a_provincial_plan_by_its_cities_and_as_csv(linked) -> None:  # type: ignore[no-untyped-def]
    q, _ = linked
    answer = q.coverage(FUJIAN)
    assert answer is not None and answer["scope"] == "CN-FJ"
    assert [r["id"] for r in answer["regions"]] == ["CN-FJ-Sanming"]  # its cities only
    covered = [c for c in answer["clauses"] if c["regions"]]
    assert covered and answer["uncovered"] and len(covered) + len(answer["uncovered"]) == len(answer["clauses"])
    table = list(csv.reader(io.StringIO(coverage_csv(answer).lstrip("\ufeff"))))
    assert table[0] == ["clause", "path", "title", "三明市", "regions"]
    assert len(table) == len(answer["clauses"]) + 1
    assert sum(int(row[3]) for row in table[1:]) == sum(c["regions"]["CN-FJ-Sanming"]["count"] for c in covered)


def test_regions_count_for_the_province_or_city_below_the_scope() -> None:
    assert column_of("CN-FJ-Sanming-Shaxian", "CN") == "CN-FJ-Sanming"  # a county counts for its city
    assert column_of("CN-FJ", "CN") == "CN-FJ"
    assert column_of("CN", "CN") is None  # a national ministry is no province
    assert column_of("CN-FJ-Sanming", "CN-FJ") == "CN-FJ-Sanming"
    assert column_of("CN-FJ", "CN-FJ") is None and column_of("CN-GD-Shanwei", "CN-FJ") is None


def test_document_link_evidence_is_in_rdf_and_conforms_to_the_shapes(linked) -> None:  # type: ignore[no-untyped-def]
    _, links = linked
    graph = dict(links_graphs(links))[v.LINKS_GRAPH]
    data = to_rdflib_graph(graph)
    shapes = rdflib.Graph().parse(SHAPES_FILE)
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, advanced=True)
    assert conforms, report
    node = rdflib.URIRef(v.document_link_iri("implements", SANMING, FUJIAN))
    pkg = rdflib.Namespace(v.PKG)
    kinds = {kind for kind, _, _ in json.loads(str(data.value(node, pkg.evidenceData)))}
    assert {"citation", "family", "hierarchy"} <= kinds
    # a document link resting on clause evidence breaks the shapes
    wrong = CorpusLinks(documents=[DocumentLink(SANMING, FUJIAN, "implements", 0.5, "x", (Evidence("wording", "推进", 0.2),))])
    bad = to_rdflib_graph(dict(links_graphs(wrong))[v.LINKS_GRAPH])
    conforms, _, report = pyshacl.validate(bad, shacl_graph=shapes, advanced=True)
    assert not conforms and "citation, family, topic or hierarchy" in str(report)

"""The service over the built corpus of the eleven bundled texts: the researcher API and the example queries answer with
what the real documents say (the corpus is built once per session by the `built_store` fixture)."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from policykg.api.answers import with_clause_paths
from policykg.api.app import create_app
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology import vocab as v
from policykg.settings import Settings
from tests.api.api_support import TOKEN, assert_problem

REPO = Path(__file__).resolve().parents[2]
SANMING, MEE, FUJIAN = (
    "sanming-pollution-carbon-synergy-plan-2022", "mee-pollution-carbon-synergy-plan-2022",
    "fujian-pollution-carbon-synergy-plan-2022",
)
STATE_COUNCIL = "state-council-2030-carbon-peak-action-plan-2021"
CCUS_SENTENCE = "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"


@pytest.fixture(scope="module")
def corpus(built_store: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The service (default limits) over a copy of the built corpus store."""
    directory = tmp_path_factory.mktemp("corpus-api")
    shutil.copytree(built_store[0] / "rdf", directory / "rdf")
    store = OxigraphStore(directory / "rdf", query_workers=2)
    with TestClient(create_app(Settings(write_token=TOKEN), store=store)) as client:
        yield client
    store.close()


def manifest() -> dict[str, dict[str, Any]]:
    data = tomllib.loads((REPO / "corpus" / "manifest.toml").read_text(encoding="utf-8"))
    return {d["id"]: d for d in data["document"]}


def example(client: TestClient, name: str) -> list[dict[str, str]]:
    query = client.get(f"/api/examples/{name}").text
    r = client.post("/sparql", data={"query": query})
    assert r.status_code == 200, r.text
    assert r.headers["x-policykg-truncated"] == "false"
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def test_every_manifest_document_is_served_with_its_level_and_region(corpus: TestClient) -> None:
    docs = {d["id"]: d for d in corpus.get("/api/documents").json()["documents"]}
    expected = manifest()
    assert set(docs) == set(expected)
    for doc_id, entry in expected.items():
        assert (docs[doc_id]["level"], docs[doc_id]["region"]) == (entry["level"], entry["region"]), doc_id


def test_units_for_ccus_name_the_leads_of_the_real_clauses(corpus: TestClient) -> None:
    body = corpus.get("/api/units", params={"concept": "CCUS"}).json()
    leads = {(u["id"], c["id"]) for u in body["units"] for c in u["clauses"] if c["role"] == "lead"}
    # (责任单位:市工信局、…) in Sanming (五); 福建 (五) led by 省工信厅; MEE （八） by 工业和信息化部
    assert {("cn-fj-sanming.gxj", f"{SANMING}~s4.i5"), ("cn-fj.gxj", f"{FUJIAN}~s3.i5"),
            ("cn.miit", f"{MEE}~s4.i8")} <= leads


def test_search_then_trace_the_ccus_measure(corpus: TestClient) -> None:
    [hit, *_] = corpus.get("/api/search", params={"q": "二氧化碳捕集与利用封存示范"}).json()["results"]
    assert (hit["document"], hit["clause"], hit["text"]) == (SANMING, "五", CCUS_SENTENCE)
    trace = corpus.get(f"/api/trace/{hit['id']}").json()
    assert trace["source"]["text"] == CCUS_SENTENCE
    parents = {p["id"] for p in trace["parents"]}
    assert {f"{FUJIAN}~s3.i5", f"{MEE}~s4.i8"} <= parents  # the gold links of tests/gold/links.toml


def test_sanmings_2025_efficiency_target(corpus: TestClient) -> None:
    targets = corpus.get("/api/targets", params={"year": 2025, "region": "CN-FJ-Sanming"}).json()["targets"]
    found = [t for t in targets if "能效标杆水平" in t["indicator"]]
    assert [(t["comparator"], t["value"], t["unit"], t["document"]) for t in found] == [(">", 30.0, "%", SANMING)]


def test_example_documents_by_level(corpus: TestClient) -> None:
    rank = {"central": 0, "ministry": 1, "provincial": 2, "municipal": 3, "county": 4}
    rows = example(corpus, "documents-by-level")
    expected = manifest()
    assert sorted(r["document"].rsplit("/", 1)[1] for r in rows) == sorted(expected)
    assert [rank[r["level"]] for r in rows] == sorted(rank[r["level"]] for r in rows)
    for r in rows:
        assert r["level"] == expected[r["document"].rsplit("/", 1)[1]]["level"]


def test_example_targets_2025_city_vs_national(corpus: TestClient) -> None:
    rows = example(corpus, "targets-2025-city-vs-national")
    found = {(r["scope"], r["region"], r["document"].rsplit("/", 1)[1], r["comparator"], r["value"], r["unit"])
             for r in rows if "能效标杆水平" in r["indicator"] or r["indicator"].endswith("短流程炼钢占比")}
    assert ("city", "Sanming", SANMING, ">", "30", "%") in found
    assert ("national", "China", MEE, ">=", "15", "%") in found
    assert {r["scope"] for r in rows} == {"city", "national"}


def test_example_units_for_ccus(corpus: TestClient) -> None:
    rows = example(corpus, "units-for-ccus")
    leads = {(r["unitLabel"], r["clauseNumber"], r["document"].rsplit("/", 1)[1]) for r in rows if r["role"] == "lead"}
    assert {("三明市工业和信息化局", "五", SANMING), ("工业和信息化部", "八", MEE)} <= leads


def test_example_trace_measure(corpus: TestClient) -> None:
    rows = example(corpus, "trace-measure")
    first = {r["to"].rsplit("/", 1)[1] for r in rows if r["step"] == "1"}
    assert {f"{FUJIAN}~s3.i5", f"{MEE}~s4.i8"} <= first
    assert {r["step"] for r in rows} <= {"1", "2"}
    assert all(0 < float(r["score"]) <= 1 and r["relation"] != "restates" for r in rows)
    # step 2 goes on from the clauses step 1 reached: MEE's （八） on to the State Council's plan
    second = {(r["from"].rsplit("/", 1)[1], r["to"].rsplit("/", 1)[1], r["relation"], r["toLevel"], r["toClauseNumber"])
              for r in rows if r["step"] == "2"}
    assert {f for f, *_ in second} <= {r["to"].rsplit("/", 1)[1] for r in rows if r["step"] == "1"}
    assert (f"{MEE}~s4.i8", f"{STATE_COUNCIL}~s3.i3.p1", "implements", "central", "1") in second


# --- paging: /api/units and /api/targets answer a page at a time -------------------------------------------------
ALL = 500  # api_max_limit by default: one page holds every unit or target of the default corpus


def count(client: TestClient, where: str) -> int:
    """COUNT(DISTINCT ?x) over the /sparql endpoint, independent of the researcher API."""
    query = "PREFIX pkg: <https://policykg.org/ns#> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + where + " }"
    r = client.post("/sparql", data={"query": query})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_target_pages_are_slices_of_the_whole_answer(corpus: TestClient) -> None:
    whole = corpus.get("/api/targets", params={"limit": ALL}).json()
    targets = whole["targets"]
    # the list holds the quantified targets; qualitative goals are a kind of their own; a work counts once:
    # the English central opinions (a translation of the Chinese text) only when named
    originals = ('?x a pkg:Target ; pkg:qualitative false ; pkg:document ?d FILTER NOT EXISTS { ?l pkg:source ?d ; '
                 'pkg:relation ?r FILTER(?r IN ("translation_of", "same_work")) }')
    assert whole["total"] == len(targets) == count(corpus, originals) > 100
    english = "central-opinions-carbon-peak-2021-en"
    assert english not in {t["document"] for t in targets}
    named = corpus.get("/api/targets", params={"document": english, "limit": ALL}).json()
    assert named["total"] == count(corpus, f"?x a pkg:Target ; pkg:qualitative false ; pkg:document <{v.doc_iri(english)}>") == 11
    assert whole["total"] + named["total"] == count(corpus, "?x a pkg:Target ; pkg:qualitative false")
    assert {t["kind"] for t in targets} == {"quantified"}
    assert (whole["limit"], whole["offset"], whole["next"]) == (ALL, 0, None)
    assert len({t["id"] for t in targets}) == len(targets)
    # reading order: by document — down the hierarchy, earlier issued first, then by id — then place in its text
    meta = {d["id"]: d for d in corpus.get("/api/documents").json()["documents"]}
    levels = ["central", "ministry", "provincial", "municipal", "county"]
    order = [(levels.index(meta[d]["level"]), meta[d]["issued"] or "9999", d) for d in (t["document"] for t in targets)]
    assert order == sorted(order)
    listed = list(dict.fromkeys(t["document"] for t in targets))
    # the central opinions (2021-09-22) open the list, the 2030 action plan (2021-10-24) follows them
    assert listed[:2] == ["central-opinions-carbon-peak-2021-zh", "state-council-2030-carbon-peak-action-plan-2021"]
    assert listed.index("sanming-pollution-carbon-synergy-plan-2022") > listed.index("fujian-pollution-carbon-synergy-plan-2022")

    first = corpus.get("/api/targets", params={"limit": 7}).json()
    assert (first["total"], first["limit"], first["offset"]) == (len(targets), 7, 0)
    assert first["targets"] == targets[:7]
    second = corpus.get(first["next"]).json()
    assert (second["total"], second["limit"], second["offset"]) == (len(targets), 7, 7)
    assert second["targets"] == targets[7:14]
    assert not {t["id"] for t in first["targets"]} & {t["id"] for t in second["targets"]}

    # without a limit, the page holds `page_size` (100) targets; following `next` gives every target once
    page = corpus.get("/api/targets").json()
    assert (page["limit"], page["offset"], len(page["targets"])) == (100, 0, 100)
    followed = list(page["targets"])
    while page["next"]:
        page = corpus.get(page["next"]).json()
        followed += page["targets"]
    assert followed == targets
    assert page["offset"] == (len(targets) - 1) // 100 * 100 and page["next"] is None

    past = corpus.get("/api/targets", params={"offset": 10_000}).json()
    assert (past["targets"], past["total"], past["next"]) == ([], len(targets), None)


def test_target_pages_keep_the_filters(corpus: TestClient) -> None:
    params = {"year": 2025, "region": "CN-FJ"}
    whole = corpus.get("/api/targets", params={**params, "limit": ALL}).json()["targets"]
    assert len(whole) > 4 and {t["year"] for t in whole} == {2025}
    first = corpus.get("/api/targets", params={**params, "limit": 2}).json()
    assert "year=2025" in first["next"] and "region=CN-FJ" in first["next"]
    second = corpus.get(first["next"]).json()
    assert first["targets"] + second["targets"] == whole[:4]
    assert first["total"] == second["total"] == len(whole)


def test_unit_pages_are_slices_of_the_ranking_and_never_split_a_unit(corpus: TestClient) -> None:
    whole = corpus.get("/api/units", params={"concept": "碳达峰", "limit": ALL}).json()
    units = whole["units"]
    assert whole["total"] == len(units) > 10 and whole["next"] is None
    assert whole["concept"]["id"] == "carbon_peak"
    queries = corpus.app.state.policykg.queries
    assert units == with_clause_paths(queries, queries.units("碳达峰"))["units"]  # the query layer's, with paths
    leads = [sum(c["role"] == "lead" for c in u["clauses"]) for u in units]
    assert leads == sorted(leads, reverse=True), "units with the most lead clauses first"

    first = corpus.get("/api/units", params={"concept": "碳达峰", "limit": 4}).json()
    second = corpus.get(first["next"]).json()
    assert first["concept"] == second["concept"] == whole["concept"]
    assert (first["total"], first["offset"], second["offset"]) == (len(units), 0, 4)
    # a unit comes whole, with every one of its clauses, on exactly one page
    assert first["units"] == units[:4] and second["units"] == units[4:8]
    assert not {u["id"] for u in first["units"]} & {u["id"] for u in second["units"]}
    last = corpus.get("/api/units", params={"concept": "碳达峰", "limit": 4, "offset": len(units) - 1}).json()
    assert (last["units"], last["next"]) == (units[-1:], None)

    # CCUS has no narrower concept: its units are those named lead or support for a clause tagged with
    # it, or holding a measure or target tagged with it
    ccus = corpus.get("/api/units", params={"concept": "CCUS"}).json()
    assert (ccus["limit"], ccus["offset"], ccus["next"]) == (100, 0, None)
    assert ccus["total"] == len(ccus["units"]) == count(
        corpus,
        "?t pkg:concept <https://policykg.org/concept/ccus> . "
        "{ ?t a <http://data.europa.eu/eli/ontology#LegalResourceSubdivision> BIND(?t AS ?clause) } "
        "UNION { ?t a pkg:Measure ; pkg:clause ?clause } UNION { ?t a pkg:Target ; pkg:clause ?clause } "
        "?r pkg:clause ?clause ; pkg:unit ?x ; pkg:role ?role FILTER(?role IN (\"lead\", \"support\"))",
    ) > 10


@pytest.mark.parametrize(
    ("params", "location"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": -3}, "query.limit"),
        ({"limit": ALL + 1}, "query.limit"),
        ({"limit": "ten"}, "query.limit"),
        ({"offset": -1}, "query.offset"),
        ({"offset": "next"}, "query.offset"),
    ],
)
@pytest.mark.parametrize(("path", "query"), [("/api/targets", {}), ("/api/units", {"concept": "ccus"})])
def test_invalid_page_parameters_are_problems(
    corpus: TestClient, path: str, query: dict[str, str], params: dict[str, Any], location: str
) -> None:
    body = assert_problem(corpus.get(path, params={**query, **params}), 422, "validation_error")
    assert body["instance"] == path
    assert [e["location"] for e in body["errors"]] == [location]



def test_documents_name_their_source_type_and_notice(corpus: TestClient) -> None:
    import hashlib

    listed = {d["id"]: d for d in corpus.get("/api/documents").json()["documents"]}
    sanming = listed["sanming-pollution-carbon-synergy-plan-2022"]
    raw = (Path(__file__).resolve().parents[2] / "corpus" / "documents" / "003_e073a84fa08b70e4.txt").read_bytes()
    assert sanming["source"] == {"file": "003_e073a84fa08b70e4.txt", "sha256": hashlib.sha256(raw).hexdigest()}
    assert sanming["doc_type"] == "实施方案"
    assert all(d["source"] and len(d["source"]["sha256"]) == 64 for d in listed.values())
    one = corpus.get("/api/documents/sanming-pollution-carbon-synergy-plan-2022").json()
    assert one["source"] == sanming["source"] and one["doc_type"] == "实施方案"


def test_a_document_only_cited_answers_with_its_citation_and_who_cites_it(corpus: TestClient) -> None:
    central = "central-opinions-carbon-peak-2021-zh"
    cited = {c["title"]: c for c in corpus.get(f"/api/documents/{central}").json()["cites"]}
    paris = cited["巴黎协定"]  # "…《巴黎协定》…": an agreement the corpus cites but does not hold
    assert paris["referenced_only"] is True and paris["id"].startswith("ref-")
    outside = corpus.get(f"/api/documents/{paris['id']}")
    assert outside.status_code == 200
    body = outside.json()
    assert body["referenced_only"] is True and body["clauses"] == [] and body["parents"] == []
    assert body["title"] == "巴黎协定"
    assert {central, STATE_COUNCIL} <= {d["id"] for d in body["cited_by"]}
    # a document of the corpus names who cites it as well: Sanming's plan cites the Fujian plan it carries out
    fujian = corpus.get(f"/api/documents/{FUJIAN}").json()
    assert SANMING in [d["id"] for d in fujian["cited_by"]] and fujian["referenced_only"] is False
    assert_problem(corpus.get("/api/documents/ref-000000000000"), 404, "document_not_found")

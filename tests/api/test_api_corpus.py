"""The service over the built default corpus: the researcher API and the example queries answer with
what the real documents say (the corpus is built once per session by the `built_store` fixture)."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_support import TOKEN
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SANMING, MEE, FUJIAN = (
    "sanming-pollution-carbon-synergy-plan-2022", "mee-pollution-carbon-synergy-plan-2022",
    "fujian-pollution-carbon-synergy-plan-2022",
)
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

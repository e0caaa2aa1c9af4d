"""Over the built corpus: what is not there is a problem, never an empty answer, on every route of /api
(an unknown concept, document or clause; an empty or blank parameter), and the answers that do exist say
what they used (the concept a name resolved to, why a coverage matrix is empty). Queries are read as the
documents are stored: a Taiwan variant (套用, 最佳化, 碳捕捉) finds what its mainland word finds."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.settings import Settings
from tests.api.api_support import TOKEN, assert_problem

SANMING, MEE = "sanming-pollution-carbon-synergy-plan-2022", "mee-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"
MEE_I8 = f"{MEE}~s4.i8"


@pytest.fixture(scope="module")
def corpus(built_store: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The service (default limits) over a copy of the session's built corpus store."""
    directory = tmp_path_factory.mktemp("corpus-errors")
    shutil.copytree(built_store[0] / "rdf", directory / "rdf")
    store = OxigraphStore(directory / "rdf", query_workers=2)
    with TestClient(create_app(Settings(write_token=TOKEN), store=store), raise_server_exceptions=False) as client:
        yield client
    store.close()


# (route path, method, request path, status, code): at least one per path of /api
CASES = [
    ("/api/targets", "GET", "/api/targets?concept=zzzz-nonsense", 404, "concept_not_found"),
    ("/api/targets", "GET", "/api/targets?document=nope", 404, "document_not_found"),
    ("/api/targets", "GET", "/api/targets?concept=", 422, "validation_error"),
    ("/api/targets", "GET", "/api/targets?region=%20", 422, "validation_error"),
    ("/api/units", "GET", "/api/units?concept=zzzz-nonsense", 404, "concept_not_found"),
    ("/api/units", "GET", "/api/units?concept=CCUS&document=nope", 404, "document_not_found"),
    ("/api/units", "GET", "/api/units?concept=%20%20", 422, "validation_error"),
    ("/api/search", "GET", "/api/search?q=%E7%A2%B3&document=nope", 404, "document_not_found"),
    ("/api/search", "GET", "/api/search?q=%20%20%20", 422, "validation_error"),
    ("/api/search", "GET", "/api/search?q=", 422, "validation_error"),
    ("/api/clauses/{clause_id}/implementers", "GET", "/api/clauses/nope/implementers", 404, "item_not_found"),
    ("/api/clauses/{clause_id}/implementers", "GET", f"/api/clauses/{SANMING}~s4.i5.m2/implementers", 404,
     "item_not_found"),  # a measure's id is no clause's
    ("/api/coverage/{doc_id}", "GET", "/api/coverage/nope", 404, "document_not_found"),
    ("/api/documents/{doc_id}", "GET", "/api/documents/nope", 404, "document_not_found"),
    ("/api/documents/{doc_id}/facts", "GET", "/api/documents/nope/facts", 404, "document_not_found"),
    ("/api/documents/{doc_id}/spans", "GET", "/api/documents/nope/spans", 404, "document_not_found"),
    ("/api/trace/{item_id}", "GET", "/api/trace/nope", 404, "item_not_found"),
    ("/api/concepts", "GET", "/api/concepts?q=", 422, "validation_error"),
    ("/api/regions", "GET", "/api/regions?name=%20", 422, "validation_error"),
    ("/api/regions", "GET", "/api/regions?name=nowhere", 404, "region_not_found"),
    ("/api/facts", "GET", "/api/facts?clause=", 422, "validation_error"),
    ("/api/spans", "GET", "/api/spans?kind=clause&id=", 422, "validation_error"),
    ("/api/unit-types", "GET", "/api/unit-types?type=", 422, "validation_error"),
    ("/api/unimplemented", "GET", "/api/unimplemented?min_score=2", 422, "validation_error"),
    ("/api/target-concepts", "GET", "/api/target-concepts?concept=x", 400, "unknown_parameter"),
    ("/api/examples", "GET", "/api/examples?name=x", 400, "unknown_parameter"),
    ("/api/examples/{name}", "GET", "/api/examples/nope", 404, "example_not_found"),
    ("/api/documents", "GET", "/api/documents?document=nope", 400, "unknown_parameter"),
    ("/api/documents", "POST", "/api/documents", 403, "token_required"),
    ("/api/health", "GET", "/api/health?verbose=1", 400, "unknown_parameter"),
    ("/api/dataset", "GET", "/api/dataset?graph=x", 400, "unknown_parameter"),
]


@pytest.mark.parametrize(("route", "method", "path", "status", "code"), CASES, ids=[c[2] for c in CASES])
def test_every_route_answers_the_documented_problem(
    corpus: TestClient, route: str, method: str, path: str, status: int, code: str
) -> None:
    body = assert_problem(corpus.request(method, path), status, code)
    assert body["instance"] == path.split("?")[0]
    if status == 422:
        assert body["errors"] and all(e["location"].startswith("query.") for e in body["errors"])


def test_the_cases_cover_every_path_of_the_api(corpus: TestClient) -> None:
    paths = {getattr(r, "path", "") for r in corpus.app.routes}  # type: ignore[attr-defined]
    assert {p for p in paths if p.startswith("/api/")} <= {c[0] for c in CASES}


def test_targets_of_an_unknown_concept_are_a_404_as_units_are(corpus: TestClient) -> None:
    for route in ("/api/targets", "/api/units"):
        body = corpus.get(route, params={"concept": "zzzz-nonsense"}).json()
        assert (body["code"], body["concept"]) == ("concept_not_found", "zzzz-nonsense")


def test_a_blank_filter_names_itself(corpus: TestClient) -> None:
    body = assert_problem(corpus.get("/api/targets", params={"concept": "", "year": 2025}), 422, "validation_error")
    assert [e["location"] for e in body["errors"]] == ["query.concept"]
    body = assert_problem(corpus.get("/api/search", params={"q": "   "}), 422, "validation_error")
    assert [e["location"] for e in body["errors"]] == ["query.q"]


def test_a_known_document_filter_still_narrows(corpus: TestClient) -> None:
    hits = corpus.get("/api/search", params={"q": "碳", "document": SANMING, "limit": 500}).json()
    assert hits["total"] > 0 and {h["document"] for h in hits["results"]} == {SANMING}
    targets = corpus.get("/api/targets", params={"document": SANMING}).json()
    assert targets["total"] > 0 and {t["document"] for t in targets["targets"]} == {SANMING}


def test_implementers_of_a_real_clause(corpus: TestClient) -> None:
    found = corpus.get(f"/api/clauses/{MEE_I8}/implementers").json()["implementers"]
    assert f"{SANMING}~s4.i5.m2" in {i["source"] for i in found}  # Sanming's CCUS measure carries out （八）


def test_coverage_of_a_document_nobody_implements_says_so_quickly(corpus: TestClient) -> None:
    start = time.monotonic()
    body = corpus.get(f"/api/coverage/{SHANWEI}").json()
    assert time.monotonic() - start < 5
    assert (body["regions"], body["implemented_by"]) == ([], 0)
    assert "no document" in body["note"]
    assert body["clauses"] and body["uncovered"] == [c["id"] for c in body["clauses"]]
    national = corpus.get(f"/api/coverage/{MEE}").json()
    assert national["implemented_by"] >= 1 and "note" not in national
    assert any(r["id"] == "CN-FJ" for r in national["regions"])


def test_coverage_of_a_translation_is_the_matrix_of_its_original(corpus: TestClient) -> None:
    # the English central opinions: nobody implements the translation, the Fujian and Sanming plans implement the
    # Chinese text, so the matrix is the Chinese text's, named as such
    english, chinese = "central-opinions-carbon-peak-2021-en", "central-opinions-carbon-peak-2021-zh"
    body = corpus.get(f"/api/coverage/{english}").json()
    original = corpus.get(f"/api/coverage/{chinese}").json()
    assert original["implemented_by"] >= 1 and "requested" not in original
    assert body["requested"] == english and body["document"]["id"] == chinese
    assert {k: body[k] for k in ("regions", "clauses", "uncovered", "implemented_by")} == {
        k: original[k] for k in ("regions", "clauses", "uncovered", "implemented_by")}
    assert any(r["id"] == "CN-FJ" for r in body["regions"])


def test_a_concept_named_by_a_whole_english_label_is_that_concept(corpus: TestClient) -> None:
    named = corpus.get("/api/targets", params={"concept": "share of non-fossil energy in energy consumption"}).json()
    by_id = corpus.get("/api/targets", params={"concept": "non_fossil_share"}).json()
    broader = corpus.get("/api/targets", params={"concept": "non_fossil_energy"}).json()
    assert named["concept"] == {**by_id["concept"], "match": "exact"}
    assert named["concept"]["id"] == "non_fossil_share"
    assert named["total"] == by_id["total"] > 0
    assert broader["total"] > named["total"]


def test_a_partial_name_says_which_concept_it_used(corpus: TestClient) -> None:
    body = corpus.get("/api/targets", params={"concept": "non-fossil"}).json()
    assert body["concept"]["match"] == "partial"
    assert body["concept"]["id"] == "non_fossil_energy"
    assert body["concept"]["labels"]["en"] == "non-fossil energy"
    assert "concept" not in corpus.get("/api/targets", params={"year": 2025}).json()


@pytest.mark.parametrize(("variant", "mainland", "at_least"), [("套用", "应用", 20), ("最佳化", "优化", 15)])
def test_a_taiwan_variant_finds_what_its_mainland_word_finds(
    corpus: TestClient, variant: str, mainland: str, at_least: int
) -> None:
    # Shanwei's plan is a Taiwan-variant copy: its 套用/最佳化 are stored as 应用/优化
    def ids(q: str) -> set[str]:
        body = corpus.get("/api/search", params={"q": q, "document": SHANWEI, "limit": 500}).json()
        return {hit["id"] for hit in body["results"]}

    assert ids(mainland) <= ids(variant)
    assert len(ids(mainland)) >= at_least


def test_carbon_capture_in_its_taiwan_and_storage_wordings_is_ccus(corpus: TestClient) -> None:
    ccus = corpus.get("/api/units", params={"concept": "CCUS"}).json()
    assert ccus["units"]
    for name in ("碳捕捉", "碳捕集与封存", "碳捕集與封存", "CCS", "碳捕捉利用與封存"):
        body = corpus.get("/api/units", params={"concept": name}).json()
        assert body["concept"]["id"] == "ccus", name
        assert body["units"] == ccus["units"], name

    def hits(q: str) -> dict[str, str]:
        found = corpus.get("/api/search", params={"q": q, "limit": 500}).json()["results"]
        return {hit["id"]: hit["text"] for hit in found}

    captured = hits("碳捕集")
    assert set(captured) <= set(hits("碳捕捉"))
    # the central opinions' （二十一）: 推进规模化碳捕集利用与封存技术研发
    assert any("碳捕集利用与封存" in (text or "") for text in captured.values())


def test_implementers_of_a_translation_s_clause_are_those_of_its_original(corpus: TestClient) -> None:
    # (二十一) of the English central opinions: nothing links to the translation, the plans below link to the Chinese
    # clause it is aligned to
    english, chinese = "central-opinions-carbon-peak-2021-en~s8.i21", "central-opinions-carbon-peak-2021-zh~s8.i21"
    body = corpus.get(f"/api/clauses/{english}/implementers").json()
    original = corpus.get(f"/api/clauses/{chinese}/implementers").json()
    assert body["aligned_to"] == chinese and "aligned_to" not in original
    assert body["implementers"] == [i for i in original["implementers"] if i["source"] != english]
    assert any(i["document"].startswith("sanming") for i in body["implementers"])

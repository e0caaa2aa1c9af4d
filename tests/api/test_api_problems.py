"""Every error, wherever it arises, is the same RFC 9457 problem+json shape and leaks nothing internal."""

from __future__ import annotations

import pytest

from policykg.graph.oxigraph_store import OxigraphStore
from tests.api.api_support import TOKEN, assert_problem

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SANMING_I5 = "sanming-pollution-carbon-synergy-plan-2022~s4.i5"

# (method, path, request options, status, code)
CASES = [
    ("GET", "/no/such/page", {}, 404, "not_found"),
    ("GET", "/api/nothing-here", {}, 404, "not_found"),
    ("POST", "/no/such/page", {}, 404, "not_found"),
    ("DELETE", "/sparql", {}, 405, "method_not_allowed"),
    ("PUT", "/api/documents", {}, 405, "method_not_allowed"),
    ("GET", "/api/search", {}, 422, "validation_error"),
    ("GET", "/api/search?q=x&limit=0", {}, 422, "validation_error"),
    ("GET", "/api/search?q=x&limit=many", {}, 422, "validation_error"),
    ("GET", "/api/search?q=x&limit=100000", {}, 422, "validation_error"),
    ("GET", "/api/targets?year=twenty", {}, 422, "validation_error"),
    ("GET", "/api/units", {}, 422, "validation_error"),
    ("GET", "/api/units?concept=no-such-concept-anywhere", {}, 404, "concept_not_found"),
    ("GET", "/api/documents/no-such-document", {}, 404, "document_not_found"),
    ("GET", "/api/targets?region=nowhere", {}, 404, "region_not_found"),
    ("GET", "/api/targets?region=Taizhou", {}, 400, "ambiguous_region"),
    ("GET", "/api/targets?level=city", {}, 400, "bad_request"),
    ("GET", "/api/targets?indicator=非化石能源&year=2025", {}, 400, "unknown_parameter"),
    ("GET", "/api/units?concept=CCUS&unit=发改委", {}, 400, "unknown_parameter"),
    ("GET", "/api/units?concept=CCUS&region=nowhere", {}, 404, "region_not_found"),
    ("GET", f"/api/trace/{SANMING_I5}.m99", {}, 404, "item_not_found"),
    ("GET", "/api/examples/no-such-example", {}, 404, "example_not_found"),
    ("GET", "/sparql", {}, 400, "missing_query"),
    ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7B", {}, 400, "malformed_query"),
    ("GET", "/sparql?query=ASK%7B%7D", {"headers": {"Accept": "text/html"}}, 406, "not_acceptable"),
    ("POST", "/sparql", {"content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415, "unsupported_media_type"),
    ("POST", "/sparql", {"data": {"update": "CLEAR ALL"}}, 403, "token_required"),
    ("POST", "/sparql", {"content": b"x" * 70_000, "headers": {"Content-Type": "application/sparql-query"}}, 413,
     "body_too_large"),
    ("POST", "/api/documents", {"files": {"file": ("a.txt", b"x")}}, 403, "token_required"),
    ("POST", "/api/documents", {"content": b"plain", "headers": {"Content-Type": "text/plain", **AUTH}}, 415,
     "unsupported_media_type"),
    ("POST", "/api/documents", {"files": {"document": ("a.txt", b"x")}, "headers": AUTH}, 422, "validation_error"),
]


@pytest.mark.parametrize(("method", "path", "options", "status", "code"), CASES, ids=[f"{c[3]}-{c[1]}" for c in CASES])
def test_error_is_a_problem(make_client, method: str, path: str, options: dict, status: int, code: str) -> None:  # type: ignore[no-untyped-def,type-arg]
    client = make_client(max_body_bytes=65536)
    body = assert_problem(client.request(method, path, **options), status, code)
    assert body["instance"] == path.split("?")[0]
    assert body["title"]


def test_405_says_what_is_allowed(client) -> None:  # type: ignore[no-untyped-def]
    r = client.delete("/sparql")
    body = assert_problem(r, 405, "method_not_allowed")
    assert "GET" in r.headers["allow"] and "POST" in r.headers["allow"]
    assert "DELETE" in body["detail"]
    r = client.put("/api/documents")
    assert_problem(r, 405, "method_not_allowed")
    assert {"GET", "POST"} <= {m.strip() for m in r.headers["allow"].split(",")}


def test_validation_problem_lists_the_fields(client) -> None:  # type: ignore[no-untyped-def]
    body = assert_problem(client.get("/api/search", params={"q": "x", "limit": 0}), 422, "validation_error")
    assert body["errors"][0]["location"] == "query.limit"


def test_limit_over_the_setting_is_refused(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(api_max_limit=5)
    body = assert_problem(client.get("/api/search", params={"q": "碳", "limit": 6}), 422, "validation_error")
    assert "at most 5" in body["detail"]
    assert client.get("/api/search", params={"q": "碳", "limit": 5}).status_code == 200


def test_rate_limit_is_429_with_retry_after(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(rate_limit=3)
    for _ in range(3):
        assert client.get("/api/examples").status_code == 200
    r = client.get("/api/examples")
    body = assert_problem(r, 429, "rate_limited")
    assert 1 <= int(r.headers["retry-after"]) <= 20
    assert body["limit_per_minute"] == 3
    assert_problem(client.get("/sparql", params={"query": "ASK {}"}), 429, "rate_limited")


def test_internal_failure_is_a_500_problem_without_internals(make_client, api_store_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.api.api_support import copy_store

    directory = copy_store(api_store_dir, tmp_path / "gone")
    store = OxigraphStore(directory / "rdf", query_workers=1)
    store.close()  # the store goes away under the running service
    client = make_client(graph_store=store)
    body = assert_problem(client.get("/api/documents"), 500, "internal_error")
    assert "logged" in body["detail"]
    body = assert_problem(client.get("/sparql", params={"query": "ASK {}"}), 503)
    assert body["code"] == "store_error"


def test_query_timeout_is_a_503_problem(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(sparql_timeout=0.5)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    assert_problem(client.get("/sparql", params={"query": query}), 503, "query_timeout")


def test_an_unknown_parameter_is_named_with_those_the_route_takes(client) -> None:  # type: ignore[no-untyped-def]
    # A misspelt filter would otherwise be ignored and the answer look filtered.
    body = client.get("/api/targets", params={"indicator": "非化石能源", "year": 2025}).json()
    assert body["code"] == "unknown_parameter" and body["parameters"] == ["indicator"]
    assert {"concept", "document", "year", "region", "level", "kind", "limit", "offset"} <= set(body["known"])
    assert "'indicator'" in body["detail"]
    assert client.get("/api/targets", params={"concept": "非化石能源", "year": 2025}).status_code == 200

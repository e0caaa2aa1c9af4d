"""Search paged and ranked like the other lists, clause paths, the write token's whitespace, refused uploads
left nowhere, the whole dataset for readers beside the service, and requests uvicorn itself refuses."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.api.api_support import (
    LIVE_ENV,
    TOKEN,
    LiveServer,
    assert_problem,
    copy_store,
    free_port,
    raw_request,
    start_serve,
    status_and_json,
    stop,
    wait_ready,
)

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"
I5 = f"{SANMING}~s4.i5"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


# --- /api/search ------------------------------------------------------------------------------------------
def test_search_pages_like_the_other_lists(client) -> None:  # type: ignore[no-untyped-def]
    whole = client.get("/api/search", params={"q": "碳", "limit": 100}).json()
    assert whole["total"] == len(whole["results"]) >= 4
    assert (whole["limit"], whole["offset"], whole["next"]) == (100, 0, None)
    seen, url = [], "/api/search?q=%E7%A2%B3&limit=3"
    while url:
        page = client.get(url).json()
        assert page["total"] == whole["total"] and page["limit"] == 3 and len(page["results"]) <= 3
        seen += page["results"]
        url = page["next"]
    assert [hit["id"] for hit in seen] == [hit["id"] for hit in whole["results"]]
    past = client.get("/api/search", params={"q": "碳", "offset": 10_000}).json()
    assert past["results"] == [] and past["next"] is None
    assert_problem(client.get("/api/search", params={"q": "碳", "offset": -1}), 422, "validation_error")


def test_search_ranks_its_hits(client) -> None:  # type: ignore[no-untyped-def]
    for q in ("二氧化碳捕集", "碳捕集", "carbon capture", "碳捕集利用與封存示範"):
        hits = client.get("/api/search", params={"q": q}).json()["results"]
        scores = [hit["score"] for hit in hits]
        assert len(hits) >= 2 and len(set(scores)) > 1, (q, scores)  # not one score for every hit
        assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores), (q, scores)
    best = client.get("/api/search", params={"q": "二氧化碳捕集与利用封存示范"}).json()["results"][0]
    assert best["id"] == f"{I5}.m2"  # the measure that says it, before the clause holding it


# --- clause paths -----------------------------------------------------------------------------------------
def test_units_and_targets_name_clauses_by_their_path(client) -> None:  # type: ignore[no-untyped-def]
    units = client.get("/api/units", params={"concept": "CCUS"}).json()["units"]
    clauses = [c for u in units for c in u["clauses"]]
    assert clauses and all(c["path"][-1] == c["clause"] for c in clauses)
    assert {(c["id"], tuple(c["path"])) for c in clauses} >= {(I5, ("四", "五")), (f"{MEE}~s4.i8", ("四", "八"))}
    targets = client.get("/api/targets", params={"document": SANMING}).json()["targets"]
    assert targets and all(t["clause_path"][-1] == t["clause"] for t in targets)
    assert ("四", "五") in {tuple(t["clause_path"]) for t in targets}


# --- the write token --------------------------------------------------------------------------------------
def test_a_whitespace_token_is_refused_like_an_empty_one(make_client) -> None:  # type: ignore[no-untyped-def]
    for token in ("", "   ", "\t \u3000"):
        c = make_client(write_token=token)
        assert c.get("/api/health").json()["writes"] is False
        for header in ("Bearer    ", f"Bearer {token}".encode(), "Bearer anything"):
            files = {"file": ("plan.txt", "一、总体要求".encode(), "text/plain")}
            assert_problem(c.post("/api/documents", files=files, headers={"Authorization": header}), 403,
                           "writes_disabled")
            assert_problem(c.post("/sparql", data={"update": "CLEAR ALL"}, headers={"Authorization": header}), 403,
                           "writes_disabled")


# --- refused uploads --------------------------------------------------------------------------------------
def test_a_refused_upload_is_not_kept(make_client, scratch_store) -> None:  # type: ignore[no-untyped-def]
    c = make_client(graph_store=scratch_store)
    uploads = scratch_store.directory.parent / "uploads"
    for name, data, code in (("plan.txt", bytes(range(256)) * 40, "binary_content"),
                             ("plan.exe", b"MZ\x90\x00" * 100, "unsupported_format"),
                             ("blank.txt", "\u3000 \n".encode() * 50, "empty_document")):
        r = c.post("/api/documents", files={"file": (name, data)}, headers=AUTH)
        assert_problem(r, 422, code)
        assert not uploads.exists() or list(uploads.iterdir()) == [], list(uploads.iterdir())


# --- the dataset ------------------------------------------------------------------------------------------
def test_the_dataset_restores_the_served_graph(client) -> None:  # type: ignore[no-untyped-def]
    from policykg.graph.oxigraph_store import OxigraphStore

    r = client.get("/api/dataset")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/n-quads")
    assert r.headers["content-encoding"] == "gzip"  # the client decoded it
    with OxigraphStore(None) as copy:
        copy.load(r.content, "nq")
        assert len(copy.graphs()) == client.get("/api/health").json()["graphs"]
        assert copy.graph_versions() == client.app.state.policykg.store.graph_versions()


# --- requests the HTTP parser refuses ---------------------------------------------------------------------
def test_requests_uvicorn_cannot_read_get_a_problem(api_store_dir: Path, tmp_path: Path) -> None:
    directory = copy_store(api_store_dir, tmp_path / "store")
    port = free_port()
    log = tmp_path / "serve.log"
    process = start_serve({**LIVE_ENV, "POLICYKG_STORE": str(directory)}, port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log)
        server = LiveServer(url, "127.0.0.1", port, process)
        for target in ("/api/search?q=" + "x" * 200_000, "/api/search?q=碳捕集"):
            head = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
            status, headers, body = status_and_json(raw_request(server, head))
            assert status == 400 and headers["content-type"] == "application/problem+json", headers
            assert body["code"] == "invalid_http_request" and body["type"].endswith("/invalid_http_request")
            assert {"type", "title", "status", "detail", "instance"} <= set(body) and body["status"] == 400
            assert "--data-urlencode" in body["detail"]
        ok = httpx.get(url + "/api/search", params={"q": "碳捕集"})  # encoded, the same question is answered
        assert ok.status_code == 200 and ok.json()["results"]
    finally:
        stop(process)

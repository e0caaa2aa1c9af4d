"""The service as it runs for real: uvicorn in its own process on 127.0.0.1, spoken to over TCP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from SPARQLWrapper import JSON, POST, XML, SPARQLWrapper

from tests.api.api_support import (
    LIVE_ENV,
    TOKEN,
    LiveServer,
    assert_problem,
    copy_store,
    free_port,
    raw_request,
    start_serve,
    start_uvicorn,
    status_and_json,
    stop,
    wait_ready,
)

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"
UNITS_OF_I5 = f"""PREFIX pkg: <https://policykg.org/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?label ?role WHERE {{
  ?r a pkg:Responsibility ; pkg:clause <https://policykg.org/clause/{SANMING}~s4.i5> ; pkg:unit ?u ; pkg:role ?role .
  ?u skos:prefLabel ?label FILTER(LANG(?label) = "zh-hans")
}} ORDER BY DESC(?role = "lead") ?label"""
I5_UNIT_LABELS = ["三明市工业和信息化局", "三明市发展和改革委员会", "三明市商务局", "三明市生态环境局", "三明市科学技术局"]


# --- researcher API over HTTP ----------------------------------------------------------------------
def test_health(live_server: LiveServer) -> None:
    body = httpx.get(live_server.url + "/api/health").json()
    assert body["status"] == "ok" and body["backend"] == "oxigraph" and body["writes"] is True
    assert body["graphs"] == 5  # two documents, the clause links of one of them, the links graph, the reference graph


def test_units_for_ccus_over_http(live_server: LiveServer) -> None:
    body = httpx.get(live_server.url + "/api/units", params={"concept": "CCUS"}).json()
    assert body["concept"]["id"] == "ccus"
    by_id = {u["id"]: u for u in body["units"]}
    assert by_id["cn-fj-sanming.gxj"]["label"] == "三明市工业和信息化局"
    assert {"id": f"{SANMING}~s4.i5", "document": SANMING, "clause": "五", "role": "lead",
            "path": ["四", "五"]} in by_id["cn-fj-sanming.gxj"]["clauses"]
    assert by_id["cn.miit"]["clauses"] == [{"id": f"{MEE}~s4.i8", "document": MEE, "clause": "八", "role": "lead",
                                           "path": ["四", "八"]}]


def test_trace_over_http(live_server: LiveServer) -> None:
    body = httpx.get(f"{live_server.url}/api/trace/{SANMING}~s4.i5.m2").json()
    assert body["source"]["text"] == "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
    top = body["parents"][0]
    assert (top["id"], top["document"], top["clause"], top["relation"], top["score"]) == (
        f"{MEE}~s4.i8", MEE, "八", "implements", 0.82)


def test_security_headers_and_closed_cors(live_server: LiveServer) -> None:
    r = httpx.get(live_server.url + "/api/documents", headers={"Origin": "https://elsewhere.example"})
    assert r.status_code == 200
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "access-control-allow-origin" not in r.headers


# --- SPARQL with a real client, unmodified ------------------------------------------------------------
def test_sparqlwrapper_select_json(live_server: LiveServer) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setQuery(UNITS_OF_I5)
    sparql.setReturnFormat(JSON)
    result = sparql.query().convert()
    assert isinstance(result, dict)
    rows = [(b["label"]["value"], b["role"]["value"]) for b in result["results"]["bindings"]]
    assert rows[0] == ("三明市工业和信息化局", "lead")
    assert sorted(label for label, _ in rows) == sorted(I5_UNIT_LABELS)
    assert {role for _, role in rows[1:]} == {"support"}


def test_sparqlwrapper_post_xml(live_server: LiveServer) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setMethod(POST)
    sparql.setQuery(UNITS_OF_I5)
    sparql.setReturnFormat(XML)
    document = sparql.query().convert()
    literals = [n.firstChild.data for n in document.getElementsByTagName("literal")]  # type: ignore[union-attr]
    assert "三明市工业和信息化局" in literals and "三明市科学技术局" in literals


def _boolean(ask: SPARQLWrapper) -> bool:
    answer = ask.query().convert()
    assert isinstance(answer, dict)
    return bool(answer["boolean"])


def test_sparqlwrapper_update_with_token(live_server: LiveServer) -> None:
    note = '"read against the MEE plan"'
    update = SPARQLWrapper(live_server.url + "/sparql")
    update.setMethod(POST)
    update.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    update.setQuery(f"INSERT DATA {{ GRAPH <https://policykg.org/graph/notes> {{ "
                    f"<https://policykg.org/clause/{SANMING}~s4.i5> <https://policykg.org/ns#note> {note} }} }}")
    assert update.query().response.status in (200, 204)
    ask = SPARQLWrapper(live_server.url + "/sparql")
    ask.setQuery(f"ASK {{ ?c <https://policykg.org/ns#note> {note} }}")
    ask.setReturnFormat(JSON)
    assert _boolean(ask) is True
    update.setQuery("DROP GRAPH <https://policykg.org/graph/notes>")
    update.query()
    assert _boolean(ask) is False


def test_update_without_token_is_refused_over_http(live_server: LiveServer) -> None:
    r = httpx.post(live_server.url + "/sparql", data={"update": "CLEAR ALL"})
    assert_problem(r, 403, "token_required")
    assert httpx.get(live_server.url + "/api/health").json()["graphs"] == 5  # two documents, the clause links of one of them, the links graph, the reference graph


# --- limits over a real connection ------------------------------------------------------------------------
def test_413_from_content_length_before_the_body_is_sent(live_server: LiveServer) -> None:
    size = int(LIVE_ENV["POLICYKG_MAX_BODY_BYTES"]) * 100
    head = (f"POST /sparql HTTP/1.1\r\nHost: {live_server.host}\r\nContent-Type: application/sparql-query\r\n"
            f"Content-Length: {size}\r\n\r\n").encode()
    started = time.monotonic()
    answer = raw_request(live_server, head)  # the body is never sent: the answer must not wait for it
    status, headers, body = status_and_json(answer)
    assert status == 413 and body["code"] == "body_too_large"
    assert headers["content-type"].startswith("application/problem+json")
    assert time.monotonic() - started < 3.0


def test_413_for_a_chunked_body_without_content_length(live_server: LiveServer) -> None:
    limit = int(LIVE_ENV["POLICYKG_MAX_BODY_BYTES"])
    head = (f"POST /sparql HTTP/1.1\r\nHost: {live_server.host}\r\nContent-Type: application/sparql-query\r\n"
            "Transfer-Encoding: chunked\r\n\r\n").encode()
    chunk = b"# " + b"x" * 8190
    parts = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n",) * (limit // len(chunk) + 2)
    answer = raw_request(live_server, head, parts)  # no terminating chunk: reading must stop at the limit
    status, _, body = status_and_json(answer)
    assert status == 413 and body["code"] == "body_too_large"
    assert body["limit"] == limit


def test_streamed_body_under_the_limit_is_read(live_server: LiveServer) -> None:
    query = UNITS_OF_I5.encode()

    def stream():  # type: ignore[no-untyped-def]
        for i in range(0, len(query), 50):
            yield query[i : i + 50]

    r = httpx.post(live_server.url + "/sparql", content=stream(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 5


def test_timeout_then_a_fast_answer(live_server: LiveServer) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    for _ in range(3):
        started = time.monotonic()
        r = httpx.get(live_server.url + "/sparql", params={"query": runaway}, timeout=30)
        assert_problem(r, 503, "query_timeout")
        assert time.monotonic() - started < 6.0
    started = time.monotonic()
    r = httpx.get(live_server.url + "/sparql", params={"query": UNITS_OF_I5}, timeout=30)
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 5
    assert time.monotonic() - started < 5.0


def test_truncation_over_http(live_server: LiveServer) -> None:
    query = "SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#Organization> }"
    r = httpx.get(live_server.url + "/sparql", params={"query": query})
    assert r.headers["x-policykg-truncated"] == "true"
    body = r.json()
    assert len(body["results"]["bindings"]) == int(LIVE_ENV["POLICYKG_SPARQL_MAX_ROWS"])
    assert body["policykg"]["truncated"] is True


# --- proxy headers and the rate limit ----------------------------------------------------------------------
RATE = 5


@pytest.mark.parametrize("trusted", ["", "127.0.0.1"])
def test_serve_believes_x_forwarded_for_only_from_trusted_proxies(
    api_store_dir: Path, tmp_path: Path, trusted: str,
) -> None:
    """`policykg serve` with a low rate limit: by default a client cannot pick its bucket by sending
    X-Forwarded-For; with `trusted_proxies` naming 127.0.0.1, each forwarded address is a client."""
    directory = copy_store(api_store_dir, tmp_path / "store")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**LIVE_ENV, "POLICYKG_STORE": str(directory), "POLICYKG_RATE_LIMIT": str(RATE),
           "POLICYKG_TRUSTED_PROXIES": trusted}
    process = start_serve(env, port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log)  # its health probe is a request of 127.0.0.1
        with httpx.Client(base_url=url, timeout=10) as http:
            def get(forwarded: str | None) -> httpx.Response:
                headers = {} if forwarded is None else {"X-Forwarded-For": forwarded}
                return http.get("/api/concepts", params={"q": "CCUS"}, headers=headers)

            # a different forwarded address on every request
            codes = [get(f"198.51.100.{i}").status_code for i in range(1, RATE + 2)]
            if not trusted:
                assert codes[: RATE - 1] == [200] * (RATE - 1) and codes[-1] == 429, codes  # one bucket: 127.0.0.1
                body = assert_problem(get("203.0.113.9"), 429, "rate_limited")
                assert body["limit_per_minute"] == RATE
                assert get(None).status_code == 429
            else:
                assert codes == [200] * (RATE + 1)  # a bucket each
                answers = [get("203.0.113.7") for _ in range(RATE + 1)]
                assert [r.status_code for r in answers] == [200] * RATE + [429]
                assert assert_problem(answers[-1], 429, "rate_limited")["limit_per_minute"] == RATE
                assert get("203.0.113.9").status_code == 200  # another forwarded client is unaffected
                assert get(None).status_code == 200  # the proxy itself (127.0.0.1) has a bucket of its own
    finally:
        stop(process)


# --- refusing to start -------------------------------------------------------------------------------------
@pytest.mark.parametrize("token", ["changeme", "secret", " Admin "])
def test_uvicorn_refuses_to_start_with_a_default_token(tmp_path: Path, token: str) -> None:
    port = free_port()
    log = tmp_path / "uvicorn.log"
    process = start_uvicorn({"POLICYKG_STORE": str(tmp_path / "store"), "POLICYKG_WRITE_TOKEN": token}, port, log)
    try:
        code = process.wait(timeout=60)
    finally:
        stop(process)
    assert code != 0
    assert "write_token is a well-known default" in log.read_text()
    assert not (tmp_path / "store").exists()  # it refused before opening (creating) the store
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)


def test_serve_command_refuses_to_start_with_a_default_token(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "policykg.cli", "serve", "--store", str(tmp_path / "store"), "--port", str(free_port())],
        env={**os.environ, "POLICYKG_WRITE_TOKEN": "password"},
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "configuration_error" in result.stderr

"""Service abuse against a real uvicorn on 127.0.0.1 serving the built corpus of the eleven bundled texts.

tests/api already covers, in process and over HTTP on the seed store: the SPARQL negative cases, the
Cartesian-product timeout, 413 with and without Content-Length on /sparql, 429 in process, closed CORS,
the token on every write and SERVICE/LOAD refused with a listening socket. What is added here: the same
contract on the full corpus over TCP — schemathesis over the whole OpenAPI description, every write
route found in that description refusing requests without the token, the negative cases and SERVICE
over a real connection, per-client rate limiting with Retry-After, 413 on the upload route, and a
bounded load run during which runaway queries time out and known answers stay right.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.api_support import (
    LIVE_ENV,
    TOKEN,
    LiveServer,
    assert_problem,
    free_port,
    raw_request,
    start_uvicorn,
    status_and_json,
    stop,
    wait_ready,
)

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
#: The units responsible for Sanming's CCUS clause (五), as the built corpus answers /api/units?concept=CCUS.
SANMING_CCUS_UNITS = {"三明市工业和信息化局", "三明市发展和改革委员会", "三明市生态环境局", "三明市科学技术局", "三明市商务局"}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LEAKS = ("Traceback", 'File "', '.py"', "/tmp/", "/work/", "site-packages")


def _sanming_ccus_units(body: dict) -> set[str]:  # type: ignore[type-arg]
    return {u["label"] for u in body["units"] if any(c["document"] == SANMING for c in u["clauses"])}


def _no_leak(response: httpx.Response) -> None:
    for leak in LEAKS:
        assert leak not in response.text, (leak, response.request.url, response.text[:500])


def test_the_known_answer(corpus_server: LiveServer) -> None:
    body = httpx.get(corpus_server.url + "/api/units", params={"concept": "CCUS"}).json()
    assert _sanming_ccus_units(body) == SANMING_CCUS_UNITS
    assert httpx.get(corpus_server.url + "/api/health").json()["graphs"] == 21  # 11 documents, the clause links of 8 of them, links, reference


# --- schemathesis over the OpenAPI description ---------------------------------------------------------------
def test_schemathesis_finds_no_server_error(corpus_server: LiveServer) -> None:
    import schemathesis

    schema = schemathesis.openapi.from_url(corpus_server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 10, [op.label for op in operations]
    seen: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    started = time.monotonic()

    @settings(max_examples=300, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(*(op.as_strategy() for op in operations)))
    def run(case) -> None:  # type: ignore[no-untyped-def]
        response = case.call(base_url=corpus_server.url, timeout=15)
        seen[case.operation.label] += 1
        statuses[response.status_code] += 1
        if response.status_code == 503:  # a generated query may run past the timeout: that is the only 5xx
            assert response.json()["code"] == "query_timeout", response.text
        else:
            assert response.status_code < 500, (case.operation.label, response.status_code, response.text[:500])
        if case.operation.label != "GET /api/dataset":  # the data itself, whose ELI work IRIs hold "/work/"
            assert "Traceback" not in response.text and "/work/" not in response.text and "/tmp/" not in response.text

    run()
    elapsed = time.monotonic() - started
    assert elapsed < 90, elapsed
    assert len(seen) == len(operations), (set(op.label for op in operations) - set(seen))
    print(f"schemathesis: {sum(seen.values())} requests over {len(seen)} operations in {elapsed:.1f} s; {dict(statuses)}")


# --- every write route needs the token -----------------------------------------------------------------------------
def test_every_write_route_refuses_requests_without_the_token(corpus_server: LiveServer) -> None:
    spec = httpx.get(corpus_server.url + "/openapi.json").json()
    writes = [(path, method) for path, item in spec["paths"].items() for method in item
              if method in ("post", "put", "patch", "delete")]
    assert ("/api/documents", "post") in writes and ("/sparql", "post") in writes
    for path, method in writes:
        url = corpus_server.url + path.replace("{", "").replace("}", "")
        for headers, code in (({}, "token_required"), ({"Authorization": "Bearer wrong-token"}, "token_invalid"),
                              ({"Authorization": f"Basic {TOKEN}"}, None)):
            if path == "/sparql":  # the query form of POST is a read; the update form is the write
                r = httpx.request(method, url, headers={**headers, "Content-Type": "application/sparql-update"},
                                  content=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }")
            else:
                r = httpx.request(method, url, headers=headers, files={"file": ("a.txt", "一、总体要求".encode())})
            assert r.status_code in (401, 403), (path, method, headers, r.status_code)
            body = assert_problem(r, r.status_code)
            if code:
                assert body["code"] == code, (path, body)
    ask = "ASK { <urn:a> <urn:b> <urn:c> }"
    assert httpx.get(corpus_server.url + "/sparql", params={"query": ask}).json()["boolean"] is False


# --- SPARQL negative cases and SERVICE over a real connection --------------------------------------------------------
@pytest.mark.parametrize(
    ("request_args", "status", "code"),
    [
        ({"method": "GET", "params": {"query": "SELECT * WHERE { ?s ?p "}}, 400, "malformed_query"),
        ({"method": "GET", "params": {"query": ["ASK {}", "ASK {}"]}}, 400, "multiple_operations"),
        ({"method": "GET", "params": {"update": "CLEAR ALL"}}, 403, "update_over_get"),
        ({"method": "POST", "content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415, "unsupported_media_type"),
        ({"method": "POST", "content": b"ASK {}"}, 415, "unsupported_media_type"),
        ({"method": "POST", "content": b"SELECT * WHERE { ?s ?p \"\xff\xfe\" }",
          "headers": {"Content-Type": "application/sparql-query"}}, 400, "not_utf8"),
        ({"method": "POST", "content": b"query=ASK%20%7B%7D&query=ASK%20%7B%7D",
          "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 400, "multiple_operations"),
        ({"method": "POST", "content": b"query=ASK%20%7B%7D&update=CLEAR%20ALL",
          "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 400, "multiple_operations"),
        ({"method": "POST", "content": b"ASK {}", "headers": {"Content-Type": "application/sparql-query; charset=utf-16"}},
         415, "unsupported_media_type"),
        ({"method": "DELETE"}, 405, "method_not_allowed"),
    ],
)
def test_sparql_negative_cases_over_tcp(corpus_server: LiveServer, request_args: dict, status: int, code: str) -> None:  # type: ignore[type-arg]
    r = httpx.request(url=corpus_server.url + "/sparql", **request_args)
    assert_problem(r, status, code)


def test_non_utf8_percent_escapes_over_a_raw_socket(corpus_server: LiveServer) -> None:
    head = (f"GET /sparql?query=ASK%20%7B%7D%FF HTTP/1.1\r\nHost: {corpus_server.host}\r\n"
            "Connection: close\r\n\r\n").encode()
    status, headers, body = status_and_json(raw_request(corpus_server, head))
    assert (status, body["code"]) == (400, "not_utf8")
    assert headers["content-type"].startswith("application/problem+json")


@pytest.fixture()
def listener() -> Iterator[tuple[int, list[bytes]]]:
    import socket

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    hits: list[bytes] = []
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            hits.append(b"<connected>")
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield srv.getsockname()[1], hits
    done.set()
    thread.join(timeout=2)
    srv.close()


def test_service_is_refused_over_tcp_without_any_outbound_connection(corpus_server: LiveServer, listener) -> None:  # type: ignore[no-untyped-def]
    port, hits = listener
    target = f"http://127.0.0.1:{port}/"
    query = f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
    sparql = corpus_server.url + "/sparql"
    answers = [
        httpx.get(sparql, params={"query": query}),
        httpx.post(sparql, data={"query": query}),
        httpx.post(sparql, content=query.encode(), headers={"Content-Type": "application/sparql-query"}),
        httpx.post(sparql, content=f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}".encode(),
                   headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}),
        httpx.post(sparql, content=f"LOAD <{target}data.ttl>".encode(),
                   headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}),
    ]
    for r in answers[:4]:
        assert_problem(r, 403, "service_refused")
    assert_problem(answers[4], 403, "load_refused")
    time.sleep(0.5)
    assert hits == []


def test_a_long_query_is_guarded_and_answered_in_bounded_time(corpus_server: LiveServer) -> None:
    """A query just under the body limit, with a FROM the guard must tokenize the whole text for."""
    query = "SELECT * FROM <https://policykg.org/graph/links> WHERE { " + "?s ?p ?o . " * 5_500 + "} LIMIT 1"
    assert 60_000 < len(query.encode()) < int(LIVE_ENV["POLICYKG_MAX_BODY_BYTES"])
    started = time.monotonic()
    r = httpx.post(corpus_server.url + "/sparql", content=query.encode(),
                   headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert r.status_code in (200, 503), r.text[:300]
    if r.status_code == 503:
        assert r.json()["code"] == "query_timeout"
    assert time.monotonic() - started < 10
    r = httpx.get(corpus_server.url + "/api/units", params={"concept": "CCUS"}, timeout=10)
    assert _sanming_ccus_units(r.json()) == SANMING_CCUS_UNITS


# --- uploads over the limit ---------------------------------------------------------------------------------------------
def test_upload_over_the_limit_is_413_on_content_length_alone(corpus_server: LiveServer) -> None:
    size = 32 * 1024 * 1024 + 65536 + 1  # max_upload_bytes + 64 KiB + 1
    head = (f"POST /api/documents HTTP/1.1\r\nHost: {corpus_server.host}\r\nAuthorization: Bearer {TOKEN}\r\n"
            f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {size}\r\n\r\n").encode()
    started = time.monotonic()
    status, headers, body = status_and_json(raw_request(corpus_server, head))  # no body byte is ever sent
    assert (status, body["code"]) == (413, "body_too_large")
    assert time.monotonic() - started < 3.0


# --- per-client rate limiting --------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def limited_server(built_store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    from tests.api.api_support import copy_store

    root = tmp_path_factory.mktemp("robust-limited")
    directory = copy_store(built_store[0], root / "store")
    port = free_port()
    log = root / "uvicorn.log"
    env = {**LIVE_ENV, "POLICYKG_STORE": str(directory), "POLICYKG_RATE_LIMIT": "30", "POLICYKG_TRUSTED_PROXIES": "127.0.0.1"}
    process = start_uvicorn(env, port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log)
        yield LiveServer(url, "127.0.0.1", port, process)
    finally:
        stop(process)


def test_rate_limit_is_per_client_with_retry_after(limited_server: LiveServer) -> None:
    """With `trusted_proxies` naming 127.0.0.1 (a local reverse proxy), each forwarded address is a client."""
    a = {"X-Forwarded-For": "198.51.100.7"}
    b = {"X-Forwarded-For": "203.0.113.9"}
    url = limited_server.url + "/api/concepts"
    with httpx.Client(timeout=10) as http:
        codes = [http.get(url, params={"q": "CCUS"}, headers=a).status_code for _ in range(40)]
        assert codes.count(200) >= 29 and codes[-1] == 429, codes  # the health probe may have used one
        refused = http.get(url, params={"q": "CCUS"}, headers=a)
        body = assert_problem(refused, 429, "rate_limited")
        assert body["limit_per_minute"] == 30
        assert 1 <= int(refused.headers["retry-after"]) <= 2
        assert http.get(url, params={"q": "CCUS"}, headers=b).status_code == 200  # another client is unaffected
        assert http.get(limited_server.url + "/sparql", params={"query": "ASK {}"}, headers=a).status_code == 429
        time.sleep(int(refused.headers["retry-after"]) + 0.1)
        assert http.get(url, params={"q": "CCUS"}, headers=a).status_code == 200  # refilled as promised


# --- a bounded load run ------------------------------------------------------------------------------------------------------
def test_load_run_keeps_answering_correctly(corpus_server: LiveServer) -> None:
    """2,000 requests from 8 concurrent clients, a runaway query among them; every 25th checks a known answer."""
    total, clients, check_every = 2000, 8, 25
    requests = [
        ("/api/documents", None),
        ("/api/concepts", {"q": "碳"}),
        ("/api/search", {"q": "二氧化碳捕集", "limit": "5"}),
        ("/api/targets", {"year": "2025"}),
        ("/api/trace/" + SANMING + "~s4.i5.m2", None),
        ("/sparql", {"query": "SELECT ?d WHERE { ?d a <http://data.europa.eu/eli/ontology#LegalResource> } LIMIT 5"}),
        ("/api/health", None),
    ]
    counter = iter(range(total))
    lock = threading.Lock()
    statuses: Counter[int] = Counter()
    wrong: list[str] = []
    latencies: list[float] = []
    timeouts: list[float] = []

    def runaway() -> None:
        started = time.monotonic()
        r = httpx.get(corpus_server.url + "/sparql", params={"query": RUNAWAY}, timeout=60)
        assert r.status_code == 503 and r.json()["code"] == "query_timeout", r.text
        timeouts.append(time.monotonic() - started)

    def client() -> None:
        with httpx.Client(base_url=corpus_server.url, timeout=30) as http:
            while True:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                started = time.monotonic()
                if n % check_every == 0:
                    r = http.get("/api/units", params={"concept": "CCUS"})
                    if r.status_code != 200 or _sanming_ccus_units(r.json()) != SANMING_CCUS_UNITS:
                        wrong.append(f"{n}: {r.status_code} {r.text[:200]}")
                else:
                    path, params = requests[n % len(requests)]
                    r = http.get(path, params=params)
                    if r.status_code != 200:
                        wrong.append(f"{n}: {path} {r.status_code} {r.text[:200]}")
                with lock:
                    statuses[r.status_code] += 1
                    latencies.append(time.monotonic() - started)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    hogs = [threading.Thread(target=runaway)]
    for t in threads + hogs:
        t.start()
    for t in threads + hogs:
        t.join(timeout=150)
    elapsed = time.monotonic() - started
    assert not any(t.is_alive() for t in threads + hogs)
    assert wrong == []
    assert sum(statuses.values()) == total and statuses[200] == total
    assert len(timeouts) == 1 and max(timeouts) < 8.0  # sparql_timeout is 2 s: the worker is killed, not waited for
    assert elapsed < 120, elapsed
    latencies.sort()
    p50, p99 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]
    # after the runaways, a query still gets a worker at once
    r = httpx.get(corpus_server.url + "/api/units", params={"concept": "CCUS"}, timeout=10)
    assert _sanming_ccus_units(r.json()) == SANMING_CCUS_UNITS
    print(f"load: {total} requests, {clients} clients, {elapsed:.1f} s, {total / elapsed:.0f} req/s, "
          f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, runaway timeouts {[round(t, 1) for t in timeouts]}")


def test_error_bodies_never_leak_internals(corpus_server: LiveServer) -> None:
    url = corpus_server.url
    answers = [
        httpx.get(url + "/api/documents/" + "x" * 5000),
        httpx.get(url + "/api/documents/..%2F..%2Fetc%2Fpasswd"),
        httpx.get(url + "/api/trace/%00"),
        httpx.get(url + "/api/units", params={"concept": "\ud7ff" * 100}),
        httpx.get(url + "/api/search", params={"q": "碳", "limit": "-1"}),
        httpx.get(url + "/api/targets", params={"year": "九千"}),
        httpx.get(url + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } ORDER BY ((((((" }),
        httpx.get(url + "/api/examples/%2e%2e%2f%2e%2e%2fsettings"),
        httpx.post(url + "/api/documents", content=b"x" * 10, headers={"Authorization": f"Bearer {TOKEN}",
                                                                       "Content-Type": "multipart/form-data"}),
        httpx.request("OPTIONS", url + "/api/documents", headers={"Origin": "https://evil.example",
                                                                   "Access-Control-Request-Method": "POST"}),
    ]
    for r in answers:
        assert r.status_code < 500, (r.request.url, r.text[:300])
        _no_leak(r)
        assert "access-control-allow-origin" not in r.headers
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json"), r.request.url

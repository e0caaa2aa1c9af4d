"""The SPARQL 1.1 Protocol at /sparql, case by case, through the in-process app over the real store."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest

from tests.api.api_support import TOKEN, assert_problem

SANMING_DOC = "https://policykg.org/doc/sanming-pollution-carbon-synergy-plan-2022"
MEE_DOC = "https://policykg.org/doc/mee-pollution-carbon-synergy-plan-2022"
LEVELS = """PREFIX pkg: <https://policykg.org/ns#>
SELECT ?doc ?level WHERE { ?doc pkg:level ?level } ORDER BY ?doc"""
SANMING_UNITS = """PREFIX pkg: <https://policykg.org/ns#>
SELECT ?unit WHERE {
  ?r a pkg:Responsibility ; pkg:clause <https://policykg.org/clause/sanming-pollution-carbon-synergy-plan-2022~s4.i5> ;
     pkg:unit ?unit }"""
DESCRIBE_I5 = "DESCRIBE <https://policykg.org/clause/sanming-pollution-carbon-synergy-plan-2022~s4.i5>"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

EXPECTED_LEVELS = [(MEE_DOC, "ministry"), (SANMING_DOC, "municipal")]
SANMING_I5_UNITS = {
    f"https://policykg.org/unit/cn-fj-sanming.{u}" for u in ("gxj", "fgw", "sthj", "kjj", "swj")
}


def _levels_from_json(body: dict) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(b["doc"]["value"], b["level"]["value"]) for b in body["results"]["bindings"]]


# --- the three ways to send a query ----------------------------------------------------------------
def test_get_query_answers_sparql_json_by_default(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/sparql", params={"query": LEVELS})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert r.headers["x-policykg-truncated"] == "false"
    body = r.json()
    assert body["head"]["vars"] == ["doc", "level"]
    assert _levels_from_json(body) == EXPECTED_LEVELS
    assert "policykg" not in body


def test_post_urlencoded_query(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/sparql", data={"query": SANMING_UNITS})
    assert r.status_code == 200
    assert {b["unit"]["value"] for b in r.json()["results"]["bindings"]} == SANMING_I5_UNITS


def test_post_sparql_query_body(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/sparql", content=LEVELS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200
    assert _levels_from_json(r.json()) == EXPECTED_LEVELS


def test_ask_query(client) -> None:  # type: ignore[no-untyped-def]
    ask = f"ASK {{ <{SANMING_DOC}> <https://policykg.org/ns#level> \"municipal\" }}"
    r = client.get("/sparql", params={"query": ask})
    assert r.status_code == 200
    assert r.json() == {"head": {}, "boolean": True}
    xml = client.get("/sparql", params={"query": ask}, headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(xml.content).findtext("{http://www.w3.org/2005/sparql-results#}boolean") == "true"


# --- content negotiation ----------------------------------------------------------------------------------
def test_select_as_xml(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/sparql", params={"query": LEVELS}, headers={"Accept": "application/sparql-results+xml"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(r.content)
    rows = [
        (res.findtext("s:binding[@name='doc']/s:uri", namespaces=ns),
         res.findtext("s:binding[@name='level']/s:literal", namespaces=ns))
        for res in root.findall("s:results/s:result", ns)
    ]
    assert rows == EXPECTED_LEVELS


def test_select_as_csv_and_tsv(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/sparql", params={"query": LEVELS}, headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(r.text))) == [["doc", "level"], *[list(t) for t in EXPECTED_LEVELS]]
    r = client.get("/sparql", params={"query": LEVELS}, headers={"Accept": "text/tab-separated-values"})
    assert r.headers["content-type"].startswith("text/tab-separated-values")
    assert r.text.splitlines() == ["?doc\t?level", *[f'<{d}>\t"{lv}"' for d, lv in EXPECTED_LEVELS]]


def test_accept_q_values_pick_the_preferred_format(client) -> None:  # type: ignore[no-untyped-def]
    accept = "application/sparql-results+json;q=0.5, text/csv;q=0.9, application/sparql-results+xml;q=0.1"
    r = client.get("/sparql", params={"query": LEVELS}, headers={"Accept": accept})
    assert r.headers["content-type"].startswith("text/csv")
    r = client.get("/sparql", params={"query": LEVELS}, headers={"Accept": "text/csv;q=0, */*;q=0.2"})
    assert r.headers["content-type"].startswith("application/sparql-results+json")


def test_wildcard_accept_gets_the_default(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/sparql", params={"query": LEVELS}, headers={"Accept": "*/*"})
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    r = client.get("/sparql", params={"query": DESCRIBE_I5}, headers={"Accept": "*/*"})
    assert r.headers["content-type"].startswith("text/turtle")


def _triples(data: bytes, fmt: ox.RdfFormat) -> set[ox.Triple]:
    return {q if isinstance(q, ox.Triple) else q.triple for q in ox.parse(data, fmt)}


def test_describe_in_every_graph_format(client) -> None:  # type: ignore[no-untyped-def]
    clause = ox.NamedNode("https://policykg.org/clause/sanming-pollution-carbon-synergy-plan-2022~s4.i5")
    number = ox.NamedNode("http://data.europa.eu/eli/ontology#number")
    seen = []
    for accept, fmt in (
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ):
        r = client.get("/sparql", params={"query": DESCRIBE_I5}, headers={"Accept": accept})
        assert r.status_code == 200
        assert r.headers["content-type"].startswith(accept)
        triples = _triples(r.content, fmt)
        assert ox.Triple(clause, number, ox.Literal("五")) in triples
        seen.append(triples)
    assert seen[0] == seen[1] == seen[2]


def test_unservable_accept_is_406(client) -> None:  # type: ignore[no-untyped-def]
    body = assert_problem(client.get("/sparql", params={"query": LEVELS}, headers={"Accept": "image/png"}), 406,
                          "not_acceptable")
    assert "application/sparql-results+json" in body["detail"]
    ask = "ASK { ?s ?p ?o }"
    assert_problem(client.get("/sparql", params={"query": ask}, headers={"Accept": "text/csv"}), 406)
    assert_problem(client.get("/sparql", params={"query": DESCRIBE_I5}, headers={"Accept": "text/csv"}), 406)


# --- malformed requests ------------------------------------------------------------------------------------
def test_syntax_error_is_400_with_the_parsers_message(client) -> None:  # type: ignore[no-untyped-def]
    body = assert_problem(client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"}), 400, "malformed_query")
    assert "1:25" in body["detail"] and "expected" in body["detail"], body["detail"]


def test_not_a_query_at_all_is_400(client) -> None:  # type: ignore[no-untyped-def]
    assert_problem(client.get("/sparql", params={"query": "hello"}), 400, "malformed_query")


def test_missing_query_is_400(client) -> None:  # type: ignore[no-untyped-def]
    assert_problem(client.get("/sparql"), 400, "missing_query")
    assert_problem(client.post("/sparql", data={"other": "x"}), 400, "missing_query")


def test_wrong_media_type_is_415(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/sparql", content=LEVELS.encode(), headers={"Content-Type": "text/plain"})
    assert_problem(r, 415, "unsupported_media_type")
    r = client.post("/sparql", content=json.dumps({"query": LEVELS}), headers={"Content-Type": "application/json"})
    assert_problem(r, 415, "unsupported_media_type")
    r = client.post("/sparql", content=LEVELS.encode("utf-16"),
                    headers={"Content-Type": "application/sparql-query; charset=utf-16"})
    assert_problem(r, 415, "unsupported_media_type")


def test_two_operations_in_one_request_is_400(client) -> None:  # type: ignore[no-untyped-def]
    q = quote(LEVELS)
    assert_problem(client.get(f"/sparql?query={q}&query={q}"), 400, "multiple_operations")
    r = client.post("/sparql", content=f"query={q}&update={quote('CLEAR ALL')}".encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded", **AUTH})
    assert_problem(r, 400, "multiple_operations")
    r = client.post(f"/sparql?query={q}", content=LEVELS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert_problem(r, 400, "multiple_operations")


def test_bytes_that_are_not_utf8_are_400(client) -> None:  # type: ignore[no-untyped-def]
    assert_problem(client.get("/sparql?query=SELECT%20%FF%FE%20WHERE%20%7B%7D"), 400, "not_utf8")
    gbk = 'SELECT * WHERE { ?s ?p "三明市" }'.encode("gb18030")
    r = client.post("/sparql", content=gbk, headers={"Content-Type": "application/sparql-query"})
    assert_problem(r, 400, "not_utf8")
    r = client.post("/sparql", content=b"query=SELECT%20%C3%28", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_problem(r, 400, "not_utf8")


def test_dataset_parameters_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/sparql", params={"query": LEVELS, "default-graph-uri": "http://example.org/g"})
    assert_problem(r, 400, "unsupported_parameter")


# --- updates -------------------------------------------------------------------------------------------------
INSERT = """PREFIX pkg: <https://policykg.org/ns#>
INSERT DATA { GRAPH <https://policykg.org/graph/notes> {
  <https://policykg.org/clause/sanming-pollution-carbon-synergy-plan-2022~s4.i5> pkg:note "checked against the MEE plan" } }"""
NOTE_ASK = 'ASK { ?c <https://policykg.org/ns#note> "checked against the MEE plan" }'


def test_update_without_token_is_403(client) -> None:  # type: ignore[no-untyped-def]
    assert_problem(client.post("/sparql", data={"update": INSERT}), 403, "token_required")
    r = client.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer not-the-token"})
    assert_problem(r, 403, "token_invalid")
    r = client.post("/sparql", content=INSERT.encode(), headers={"Content-Type": "application/sparql-update"})
    assert_problem(r, 403, "token_required")
    assert client.get("/sparql", params={"query": NOTE_ASK}).json()["boolean"] is False


def test_update_over_get_is_always_refused(client) -> None:  # type: ignore[no-untyped-def]
    assert_problem(client.get("/sparql", params={"update": INSERT}, headers=AUTH), 403, "update_over_get")


def test_update_when_writes_are_disabled(make_client) -> None:  # type: ignore[no-untyped-def]
    c = make_client(write_token="")
    assert_problem(c.post("/sparql", data={"update": INSERT}, headers=AUTH), 403, "writes_disabled")


def test_update_with_the_token_is_applied(make_client, scratch_store) -> None:  # type: ignore[no-untyped-def]
    c = make_client(graph_store=scratch_store)
    assert c.get("/sparql", params={"query": NOTE_ASK}).json()["boolean"] is False
    r = c.post("/sparql", content=INSERT.encode(), headers={"Content-Type": "application/sparql-update", **AUTH})
    assert r.status_code == 204, r.text
    assert c.get("/sparql", params={"query": NOTE_ASK}).json()["boolean"] is True
    r = c.post("/sparql", data={"update": "DROP GRAPH <https://policykg.org/graph/notes>"}, headers=AUTH)
    assert r.status_code == 204
    assert c.get("/sparql", params={"query": NOTE_ASK}).json()["boolean"] is False


def test_malformed_update_is_400(make_client, scratch_store) -> None:  # type: ignore[no-untyped-def]
    c = make_client(graph_store=scratch_store)
    body = assert_problem(c.post("/sparql", data={"update": "INSERT DATA { <a> }"}, headers=AUTH), 400,
                          "malformed_update")
    assert "expected" in body["detail"]


# --- nothing reaches out ---------------------------------------------------------------------------------------
@pytest.fixture()
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A local port that records every connection made to it."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    hits.append(conn.recv(1024) or b"<connected>")
                except OSError:
                    hits.append(b"<connected>")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield srv.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    srv.close()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?x ?y ?z SERVICE<http://127.0.0.1:{port}/sparql>{ ?s ?p ?o } }",
        "PREFIX r: <http://127.0.0.1:{port}/> SELECT * WHERE { SERVICE r:sparql { ?s ?p ?o } }",
        "SELECT * WHERE { # a comment first\n SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p true SERVICE <http://127.0.0.1:{port}/sparql> { ?a ?b ?c } }",
    ],
)
def test_service_is_refused_before_any_connection(client, listener, query: str) -> None:  # type: ignore[no-untyped-def]
    port, hits = listener
    r = client.get("/sparql", params={"query": query.replace("{port}", str(port))})
    assert_problem(r, 403, "service_refused")
    time.sleep(0.3)
    assert hits == []


def test_load_is_refused_before_any_connection(make_client, scratch_store, listener) -> None:  # type: ignore[no-untyped-def]
    port, hits = listener
    c = make_client(graph_store=scratch_store)
    r = c.post("/sparql", data={"update": f"LOAD <http://127.0.0.1:{port}/data.ttl>"}, headers=AUTH)
    assert_problem(r, 403, "load_refused")
    time.sleep(0.3)
    assert hits == []


def test_foreign_dataset_clauses_are_refused(client, listener) -> None:  # type: ignore[no-untyped-def]
    port, hits = listener
    for query in (
        f"SELECT * FROM <http://127.0.0.1:{port}/g> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <http://127.0.0.1:{port}/g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/> SELECT * FROM <g> WHERE {{ ?s ?p ?o }}",
    ):
        assert_problem(client.get("/sparql", params={"query": query}), 403, "remote_dataset_refused")
    time.sleep(0.3)
    assert hits == []


def test_local_dataset_clauses_are_allowed(client) -> None:  # type: ignore[no-untyped-def]
    query = ("PREFIX g: <https://policykg.org/graph/>\n"
             f"SELECT ?level FROM NAMED g:links WHERE {{ <{SANMING_DOC}> <https://policykg.org/ns#level> ?level }}")
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 200, r.text


# --- limits -------------------------------------------------------------------------------------------------------
CONCEPTS_TTL = Path(__file__).resolve().parents[2] / "ontology" / "concepts.ttl"
CCUS_LABELS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?label ?lang WHERE {
  <https://policykg.org/concept/ccus> skos:altLabel ?label BIND(LANG(?label) AS ?lang)
} ORDER BY ?lang ?label"""


def test_result_cap_truncates_and_says_so(make_client, local_store) -> None:  # type: ignore[no-untyped-def]
    everything = local_store.query(CCUS_LABELS)
    in_scheme = {  # the altLabels of concept:ccus as ontology/concepts.ttl states them
        (t.object.value, t.object.language) for t in ox.parse(path=str(CONCEPTS_TTL))
        if t.subject.value == "https://policykg.org/concept/ccus" and t.predicate.value.endswith("#altLabel")
    }
    assert {(row["label"], row["lang"]) for row in everything} == in_scheme
    assert len(in_scheme) > 7
    c = make_client(sparql_max_rows=7)
    r = c.get("/sparql", params={"query": CCUS_LABELS})
    assert r.headers["x-policykg-truncated"] == "true"
    body = r.json()
    assert len(body["results"]["bindings"]) == 7
    assert body["policykg"] == {"truncated": True, "max_rows": 7}
    first = [(b["label"]["value"], b["lang"]["value"]) for b in body["results"]["bindings"]]
    assert first == [(row["label"], row["lang"]) for row in everything[:7]]
    r = c.get("/sparql", params={"query": CCUS_LABELS}, headers={"Accept": "text/csv"})
    assert r.headers["x-policykg-truncated"] == "true"
    assert len(list(csv.reader(io.StringIO(r.text)))) == 1 + 7
    construct = "CONSTRUCT WHERE { ?unit a <http://www.w3.org/ns/org#Organization> }"
    r = c.get("/sparql", params={"query": construct}, headers={"Accept": "application/n-triples"})
    assert r.headers["x-policykg-truncated"] == "true"
    assert len(_triples(r.content, ox.RdfFormat.N_TRIPLES)) == 7


def test_a_result_under_the_cap_is_not_truncated(make_client) -> None:  # type: ignore[no-untyped-def]
    c = make_client(sparql_max_rows=2)
    r = c.get("/sparql", params={"query": LEVELS})
    assert r.headers["x-policykg-truncated"] == "false"
    assert len(r.json()["results"]["bindings"]) == 2


def _running_query_workers() -> list[int]:
    """Child processes of this test process that run a query worker and are on a CPU right now."""
    running = []
    me = str(os.getpid())
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if fields[1] == me and b"policykg.graph.query_worker" in cmdline and fields[0] == "R":
            running.append(int(stat.parent.name))
    return running


def test_timeout_stops_the_query_and_frees_the_worker(make_client) -> None:  # type: ignore[no-untyped-def]
    c = make_client(sparql_timeout=1.0)
    # more runaway queries than there are workers: each must free its worker, or the last would wait
    for _ in range(3):
        seen_running: set[int] = set()
        answer: list = []  # type: ignore[type-arg]

        def ask(into: list = answer) -> None:  # type: ignore[type-arg]
            into.append(c.get("/sparql", params={"query": CARTESIAN}))

        worker = threading.Thread(target=ask)
        started = time.monotonic()
        worker.start()
        while worker.is_alive():
            seen_running.update(_running_query_workers())
            time.sleep(0.05)
        assert time.monotonic() - started < 6.0
        body = assert_problem(answer[0], 503, "query_timeout")
        assert body["timeout"] == 1.0
        assert seen_running, "the runaway query was never seen on a CPU"
        time.sleep(0.3)
        assert _running_query_workers() == []
        assert all(not Path(f"/proc/{pid}").exists() for pid in seen_running), "a timed-out worker survived"
    started = time.monotonic()
    r = c.get("/sparql", params={"query": LEVELS})
    assert r.status_code == 200
    assert _levels_from_json(r.json()) == EXPECTED_LEVELS
    assert time.monotonic() - started < 5.0

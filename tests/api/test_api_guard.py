"""The guard that keeps queries inside the store: SERVICE, LOAD and foreign dataset clauses.

The property test runs the real query engine: whatever disguise a SERVICE call is given, either the
guard refuses the query, or the engine, running it, makes no connection.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.api.problems import ApiError
from policykg.api.sparql import check_query, check_update, tokens


def run(query: str) -> None:
    """Evaluates a query to the end on an empty in-memory store."""
    result = ox.Store().query(query)
    if not isinstance(result, ox.QueryBoolean):
        list(result)


def refused(query: str, update: bool = False) -> str | None:
    try:
        (check_update if update else check_query)(query)
    except ApiError as exc:
        return exc.code
    return None


def test_tokens_keep_strings_iris_and_comments_whole() -> None:
    toks = tokens('SELECT ?service WHERE { ?x ex:a\\#b "SERVICE" ; <http://x/#SERVICE> ?y } # SERVICE')
    kinds = [(t.kind, t.text) for t in toks]
    assert ("var", "?service") in kinds
    assert ("pname", "ex:a\\#b") in kinds
    assert ("string", '"SERVICE"') in kinds
    assert ("iri", "<http://x/#SERVICE>") in kinds
    assert all(t.kind != "comment" for t in toks)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?s <https://policykg.org/ns#service> ?service }",
        'SELECT * WHERE { ?s ?p "SERVICE <http://example.org/>" }',
        "SELECT * WHERE { ?s ?p ?o } # no SERVICE here",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ?o }",
        "SELECT * FROM <https://policykg.org/graph/links> WHERE { ?s ?p ?o }",
        "SELECT * WHERE { FILTER(?a<?b&&?c>?d) }",
    ],
)
def test_harmless_queries_pass(query: str) -> None:
    assert refused(query) is None


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "service_refused"),
        ("SELECT * WHERE { sErViCe SILENT ?endpoint { ?s ?p ?o } }", "service_refused"),
        ("SELECT * WHERE { ?s ?p ?o . 1SERVICE <http://example.org/> {} }", "service_refused"),
        ("SELECT * WHERE { ?s ex:a\\# SERVICE <http://example.org/> {} }", "service_refused"),
        ("SELECT * WHERE { ?s ?p ''' # ''' SERVICE <http://example.org/> {} }", "service_refused"),
        ("PREFIX SERVICE: <http://example.org/> SELECT * { SERVICE:x {} }", "service_refused"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "remote_dataset_refused"),
        ("BASE <http://example.org/> SELECT * FROM NAMED <g> WHERE { ?s ?p ?o }", "remote_dataset_refused"),
        ("PREFIX e: <http://example.org/> SELECT * FROM e:g WHERE { ?s ?p ?o }", "remote_dataset_refused"),
        ("SELECT * FROM nope:g WHERE { ?s ?p ?o }", "unresolvable_dataset"),
    ],
)
def test_reaching_out_is_refused(query: str, code: str) -> None:
    assert refused(query) == code


@pytest.mark.parametrize(
    ("update", "code"),
    [
        ("LOAD <http://example.org/data.ttl>", "load_refused"),
        ("load silent <http://example.org/data.ttl> INTO GRAPH <https://policykg.org/graph/x>", "load_refused"),
        ("CLEAR SILENT GRAPH <https://policykg.org/graph/x> ;LOAD<http://example.org/>", "load_refused"),
        ("DELETE { ?s ?p ?o } USING <http://example.org/g> WHERE { ?s ?p ?o }", "remote_dataset_refused"),
        ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", "service_refused"),
    ],
)
def test_updates_reaching_out_are_refused(update: str, code: str) -> None:
    assert refused(update, update=True) == code


def test_local_updates_pass() -> None:
    assert refused("DROP SILENT GRAPH <https://policykg.org/graph/notes>", update=True) is None
    assert refused("DELETE { ?s ?p ?o } USING <https://policykg.org/graph/links> WHERE { ?s ?p ?o }", update=True) is None


# --- the engine itself, never reached ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def trap() -> Iterator[tuple[int, list[bytes]]]:
    """A local port that records every connection; the SERVICE calls below all aim at it."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    srv.settimeout(0.1)
    hits: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            hits.append(b"connected")
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield srv.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    srv.close()


def test_the_trap_sees_an_unguarded_service_call(trap) -> None:  # type: ignore[no-untyped-def]
    """Without the guard the engine does call out: what the property below rules out is real."""
    port, hits = trap
    before = len(hits)
    with pytest.raises(OSError):
        run(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?a ?b ?c }} }}")
    deadline = threading.Event()
    for _ in range(20):
        if len(hits) > before:
            break
        deadline.wait(0.05)
    assert len(hits) > before


_keyword = st.sampled_from(["SERVICE", "service", "Service", "sErVICE"])
_silent = st.sampled_from(["", " SILENT", " silent"])
_before = st.sampled_from(["", " ", "\n", " . ", "#x\n", " ?s ?p ?o ", " ?s ?p true ", " ?s ?p 1", " FILTER(true)"])
_gap = st.sampled_from([" ", "", "\n", "\t", " #c\n "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keyword=_keyword, silent=_silent, before=_before, gap=_gap, prefixed=st.booleans())
def test_no_disguised_service_reaches_the_network(trap, keyword, silent, before, gap, prefixed) -> None:  # type: ignore[no-untyped-def]
    port, hits = trap
    endpoint = "t:sparql" if prefixed else f"<http://127.0.0.1:{port}/sparql>"
    prologue = f"PREFIX t: <http://127.0.0.1:{port}/> " if prefixed else ""
    query = f"{prologue}SELECT * WHERE {{{before}{keyword}{silent}{gap}{endpoint}{gap}{{ ?a ?b ?c }} }}"
    if refused(query) is not None:
        return
    before_hits = len(hits)
    with contextlib.suppress(SyntaxError, OSError):
        run(query)
    assert len(hits) == before_hits, f"the guard let through a query that called out: {query!r}"

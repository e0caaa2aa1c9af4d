"""The remote backend against real servers on loopback: the Oxigraph server and Virtuoso 7, each with
and without a Graph Store Protocol endpoint. Same push, same answers as the embedded store."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from rdflib.compare import isomorphic

from policykg.errors import ConfigurationError, QueryTimeout
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.rdflib_bridge import to_rdflib_graph
from policykg.graph.sparql_store import SparqlStore
from policykg.graph.store import open_store
from policykg.ontology.vocab import LINKS_GRAPH, SPARQL_PREFIXES, clause_iri, graph_iri
from policykg.settings import Settings
from tests.graph.graph_facts import MEE_I8, SANMING, SANMING_I5, SANMING_I18, canonical_graph

SANMING_GRAPH = graph_iri(SANMING)

# Queries name their graphs (GRAPH ?g): servers differ in what their default graph is.
QUERIES = {
    "units of (五)": SPARQL_PREFIXES + """
        SELECT ?surface ?label ?role WHERE { GRAPH ?g {
          ?r a pkg:Responsibility ; pkg:clause <CLAUSE> ; pkg:unit ?u ; pkg:role ?role ; pkg:surface ?surface .
          ?u skos:prefLabel ?label } } ORDER BY ?surface""".replace("CLAUSE", clause_iri(SANMING_I5)),
    "targets": SPARQL_PREFIXES + """
        SELECT ?t ?indicator ?comparator ?value ?unit ?year WHERE { GRAPH ?g {
          ?t a pkg:Target ; pkg:indicator ?indicator ; pkg:comparator ?comparator ; pkg:value ?value ;
             pkg:measureUnit ?unit ; pkg:targetYear ?year } } ORDER BY ?t""",
    "clauses about CCUS and what implements them": SPARQL_PREFIXES + """
        SELECT ?clause ?measure ?score ?rank WHERE {
          GRAPH ?g { ?clause pkg:concept <https://policykg.org/concept/ccus> }
          OPTIONAL { GRAPH ?l { ?link pkg:target ?clause ; pkg:source ?measure ; pkg:score ?score ; pkg:rank ?rank } }
        } ORDER BY ?clause ?measure""",
    "quads per graph": """
        SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
          FILTER(STRSTARTS(STR(?g), "https://policykg.org/graph/doc/") || ?g = <LINKS>) }
        GROUP BY ?g ORDER BY ?g""".replace("LINKS", LINKS_GRAPH),
    "measure text": SPARQL_PREFIXES + """
        SELECT ?m ?text WHERE { GRAPH ?g { ?m a pkg:Measure ; pkg:text ?text } } ORDER BY ?m""",
}


def _remote(env: dict[str, str], gsp: bool) -> SparqlStore:
    settings = Settings(
        backend="sparql",
        sparql_query_url=env["QUERY_URL"],
        sparql_update_url=env["UPDATE_URL"],
        sparql_store_url=env["STORE_URL"] if gsp else "",
        sparql_user=env.get("USER", ""),
        sparql_password=env.get("PASSWORD", ""),
    )
    store = open_store(settings)
    assert isinstance(store, SparqlStore)
    return store


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest) -> dict[str, str]:
    return request.getfixturevalue(f"{request.param}_server")  # type: ignore[no-any-return]


@pytest.fixture(params=[True, False], ids=["gsp", "update-only"])
def remote(server: dict[str, str], request: pytest.FixtureRequest) -> Iterator[SparqlStore]:
    store = _remote(server, gsp=request.param)
    for g in store.graphs():
        store.remove_graph(g)
    yield store
    for g in store.graphs():
        store.remove_graph(g)
    store.close()


def test_same_push_same_answers(remote: SparqlStore, loaded: OxigraphStore, graphs: dict) -> None:
    for iri, quads in graphs.items():
        assert remote.replace_graph(iri, quads, version="v1") is True
    assert remote.graph_versions() == loaded.graph_versions()
    assert remote.quad_count() == loaded.quad_count() == sum(len(q) for q in graphs.values())
    for name, query in QUERIES.items():
        assert remote.select(query) == loaded.select(query), name
    units = remote.select(QUERIES["units of (五)"])
    assert [(r["surface"], r["role"]) for r in units][:2] == [("发改委", "support"), ("商务局", "support")]
    implemented = [r for r in remote.select(QUERIES["clauses about CCUS and what implements them"]) if r["measure"]]
    assert implemented == [
        {"clause": clause_iri(MEE_I8), "measure": f"https://policykg.org/measure/{SANMING_I5}.m2", "score": 0.82, "rank": 1},
        {"clause": clause_iri(MEE_I8), "measure": f"https://policykg.org/measure/{SANMING_I18}.m1", "score": 0.41, "rank": 1},
    ]
    # the serialised answers are the same bytes whichever backend produced them
    for accept in ("application/sparql-results+json", "text/csv", "text/tab-separated-values"):
        assert remote.query_raw(QUERIES["targets"], accept) == loaded.query_raw(QUERIES["targets"], accept)


def test_versions_replace_and_remove(remote: SparqlStore, graphs: dict) -> None:
    quads = graphs[SANMING_GRAPH]
    assert remote.replace_graph(SANMING_GRAPH, quads, version="v1") is True
    assert remote.replace_graph(SANMING_GRAPH, quads[:5], version="v1") is False
    assert isomorphic(to_rdflib_graph(remote.iter_quads(SANMING_GRAPH)), canonical_graph(quads))
    smaller = quads[:100]
    assert remote.replace_graph(SANMING_GRAPH, smaller, version="v2") is True
    assert remote.graph_version(SANMING_GRAPH) == "v2"
    assert remote.quad_count(SANMING_GRAPH) == 100
    remote.remove_graph(SANMING_GRAPH)
    assert remote.graphs() == []
    assert remote.quad_count(SANMING_GRAPH) == 0


def test_dump_from_a_server_loads_into_the_embedded_store(remote: SparqlStore, graphs: dict) -> None:
    for iri, quads in graphs.items():
        remote.replace_graph(iri, quads, version="v3")
    data = remote.dump_bytes("nq")
    with OxigraphStore(None) as copy:
        copy.load(data, "nq")
        assert copy.graph_versions() == {iri: "v3" for iri in graphs}
        links = to_rdflib_graph(copy.iter_quads(LINKS_GRAPH))
        assert isomorphic(links, canonical_graph(graphs[LINKS_GRAPH]))


def test_a_store_without_update_url_is_read_only(server: dict[str, str]) -> None:
    store = SparqlStore(server["QUERY_URL"], user=server.get("USER", ""), password=server.get("PASSWORD", ""))
    try:
        assert store.ask("ASK { }") is True
        with pytest.raises(ConfigurationError, match="read-only"):
            store.update("CLEAR ALL")
    finally:
        store.close()


def test_a_server_that_does_not_answer_times_out() -> None:
    """A real listener that accepts and never replies: the client deadline must fire."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    store = SparqlStore(f"http://127.0.0.1:{port}/sparql")
    try:
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            store.select("SELECT * WHERE { ?s ?p ?o }", timeout=1.0)
        assert time.monotonic() - started < 5.0
    finally:
        store.close()
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        listener.close()

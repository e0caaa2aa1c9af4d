"""The embedded store on a real RocksDB directory: versions, atomic replacement, queries in every
results format, the query timeout that kills its worker, snapshot isolation for readers, dump/load."""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from policykg.errors import BadRequest, ConfigurationError, QueryTimeout, StoreError
from policykg.graph.meta import META_GRAPH, PENDING
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.rdflib_bridge import to_rdflib_graph
from policykg.graph.results import NotAcceptable, query_form
from policykg.graph.store import GraphData, Store, open_store, register_backend
from policykg.ontology.vocab import LINKS_GRAPH, SPARQL_PREFIXES, clause_iri, graph_iri
from policykg.settings import Settings
from tests.graph.graph_facts import MEE_I8, SANMING, SANMING_I5, canonical_graph

SANMING_GRAPH = graph_iri(SANMING)

UNITS_OF_CLAUSE = SPARQL_PREFIXES + """
SELECT ?unit ?label ?role ?surface WHERE {
  ?r a pkg:Responsibility ; pkg:clause <%s> ; pkg:unit ?unit ; pkg:role ?role ; pkg:surface ?surface .
  ?unit skos:prefLabel ?label .
} ORDER BY ?surface"""

TARGETS_OF_CLAUSE = SPARQL_PREFIXES + """
SELECT ?indicator ?comparator ?value ?unit ?year ?qualitative WHERE {
  ?t a pkg:Target ; pkg:clause <%s> ; pkg:indicator ?indicator ; pkg:value ?value ; pkg:measureUnit ?unit ;
     pkg:targetYear ?year ; pkg:qualitative ?qualitative .
  OPTIONAL { ?t pkg:comparator ?comparator }
} ORDER BY ?year ?value"""

COUNT_IN_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }"

RUNAWAY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q . ?r ?s ?t . "
    "?u ?v ?w . ?x ?y ?z }"
)


def graph_of(store: Store, iri: str) -> rdflib.Graph:
    return to_rdflib_graph(store.iter_quads(iri))


def test_replace_graph_is_a_noop_for_the_same_version(store: OxigraphStore, graphs: dict) -> None:
    quads = graphs[SANMING_GRAPH]
    assert store.replace_graph(SANMING_GRAPH, quads, version="v1") is True
    before = graph_of(store, SANMING_GRAPH)
    assert isomorphic(before, canonical_graph(quads))
    generation = store.generation
    assert store.replace_graph(SANMING_GRAPH, quads[:10], version="v1") is False
    assert store.generation == generation  # nothing was written
    assert isomorphic(graph_of(store, SANMING_GRAPH), before)
    assert store.graph_version(SANMING_GRAPH) == "v1"
    assert store.quad_count(SANMING_GRAPH) == len(quads)


def test_replace_graph_with_a_new_version_replaces_everything(store: OxigraphStore, graphs: dict) -> None:
    quads = graphs[SANMING_GRAPH]
    store.replace_graph(SANMING_GRAPH, quads, version="v1")
    smaller = quads[: len(quads) // 2]
    assert store.replace_graph(SANMING_GRAPH, smaller, version="v2") is True
    assert isomorphic(graph_of(store, SANMING_GRAPH), canonical_graph(smaller))
    assert store.graph_version(SANMING_GRAPH) == "v2"
    assert store.quad_count(SANMING_GRAPH) == len(smaller)
    meta = store.select(f"SELECT ?n WHERE {{ GRAPH <{META_GRAPH}> {{ <{SANMING_GRAPH}> <http://rdfs.org/ns/void#triples> ?n }} }}")
    assert meta == [{"n": len(smaller)}]


def test_quads_of_another_graph_are_refused(store: OxigraphStore, graphs: dict) -> None:
    with pytest.raises(ValueError, match="graph/links"):
        store.replace_graph(SANMING_GRAPH, graphs[LINKS_GRAPH], version="v1")
    assert store.graphs() == []


def test_graphs_versions_counts_and_removal(loaded: OxigraphStore, graphs: dict) -> None:
    assert loaded.graphs() == sorted(graphs)
    assert loaded.graph_versions() == {iri: "v1" for iri in graphs}
    assert loaded.quad_count() == sum(len(q) for q in graphs.values())
    loaded.remove_graph(SANMING_GRAPH)
    assert SANMING_GRAPH not in loaded.graphs()
    assert loaded.graph_version(SANMING_GRAPH) is None
    assert loaded.quad_count(SANMING_GRAPH) == 0
    assert loaded.quad_count() == sum(len(q) for iri, q in graphs.items() if iri != SANMING_GRAPH)


def test_select_returns_the_units_of_sanming_clause_5(loaded: OxigraphStore) -> None:
    rows = loaded.select(UNITS_OF_CLAUSE % clause_iri(SANMING_I5))
    by_surface = {r["surface"]: (r["label"], r["role"]) for r in rows}
    assert by_surface == {
        "市工信局": ("三明市工业和信息化局", "lead"),
        "发改委": ("三明市发展和改革委员会", "support"),
        "生态环境局": ("三明市生态环境局", "support"),
        "科技局": ("三明市科学技术局", "support"),
        "商务局": ("三明市商务局", "support"),
    }
    assert {r["unit"] for r in rows} == {
        f"https://policykg.org/unit/cn-fj-sanming.{t}" for t in ("gxj", "fgw", "sthj", "kjj", "swj")
    }


def test_select_converts_literals_to_python_values(loaded: OxigraphStore) -> None:
    [row] = loaded.select(TARGETS_OF_CLAUSE % clause_iri(SANMING_I5))
    assert row == {
        "indicator": "重点行业产能和数据中心达到能效标杆水平的比例",
        "comparator": ">",
        "value": 30.0,
        "unit": "%",
        "year": "2025",  # xsd:gYear stays a string
        "qualitative": False,
    }
    steel = loaded.select(TARGETS_OF_CLAUSE % clause_iri(MEE_I8))
    assert [(r["value"], r["year"]) for r in steel] == [(15.0, "2025"), (20.0, "2030")]
    unbound = loaded.select("SELECT ?x ?y WHERE { BIND(1 AS ?x) }")
    assert unbound == [{"x": 1, "y": None}]


def test_query_dispatches_on_the_query_form(loaded: OxigraphStore) -> None:
    assert loaded.ask(f"ASK {{ <{clause_iri(SANMING_I5)}> ?p ?o }}") is True
    assert loaded.query(f"ASK {{ <{clause_iri(SANMING_I5)}x> ?p ?o }}") is False
    triples = loaded.query(f"CONSTRUCT {{ ?c ?p ?o }} WHERE {{ BIND(<{clause_iri(MEE_I8)}> AS ?c) ?c ?p ?o }}")
    assert isinstance(triples, list) and all(isinstance(t, ox.Triple) for t in triples)
    assert query_form("# SELECT in a comment\nPREFIX a: <http://x/select#> CONSTRUCT WHERE { ?s ?p ?o }") == "graph"
    with pytest.raises(BadRequest):
        loaded.ask("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(BadRequest, match="invalid SPARQL"):
        loaded.query("SELECT ?x WHERE { ?x ")


def test_query_raw_serialises_every_results_format(loaded: OxigraphStore) -> None:
    query = UNITS_OF_CLAUSE % clause_iri(SANMING_I5)
    body, media = loaded.query_raw(query, "application/sparql-results+json")
    assert media == "application/sparql-results+json"
    data = json.loads(body)
    assert data["head"]["vars"] == ["unit", "label", "role", "surface"]
    assert [b["surface"]["value"] for b in data["results"]["bindings"]] == sorted(
        ["市工信局", "发改委", "生态环境局", "科技局", "商务局"]
    )
    assert data["results"]["bindings"][0]["label"]["xml:lang"] == "zh-hans"

    body, media = loaded.query_raw(query, "application/sparql-results+xml")
    root = ET.fromstring(body)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == 5

    body, media = loaded.query_raw(query, "text/csv;q=0.9, application/xml;q=0.1")
    assert media == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert {r["surface"]: r["label"] for r in rows}["商务局"] == "三明市商务局"

    body, media = loaded.query_raw(query, "text/tab-separated-values")
    lines = body.decode().splitlines()
    assert lines[0] == "?unit\t?label\t?role\t?surface"
    assert "<https://policykg.org/unit/cn-fj-sanming.swj>\t\"三明市商务局\"@zh-hans\t\"support\"\t\"商务局\"" in lines

    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?s ?p ?o }} }}"
    expected = loaded.query(construct)
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        body, media = loaded.query_raw(construct, accept)
        assert media == accept
        parsed = rdflib.Graph().parse(data=body, format=fmt)
        assert isomorphic(parsed, to_rdflib_graph(ox.Quad(t.subject, t.predicate, t.object) for t in expected))

    assert loaded.query_raw("ASK { ?s ?p ?o }", None) == (b'{"head": {}, "boolean": true}', "application/sparql-results+json")
    with pytest.raises(NotAcceptable):
        loaded.query_raw("ASK { ?s ?p ?o }", "text/csv")
    with pytest.raises(NotAcceptable):
        loaded.query_raw(construct, "application/sparql-results+json")


def test_max_rows_truncates_and_says_so(loaded: OxigraphStore) -> None:
    query = UNITS_OF_CLAUSE % clause_iri(SANMING_I5)
    raw = loaded.query_raw(query, "application/json", max_rows=2)
    assert raw.truncated is True
    assert len(json.loads(raw.body)["results"]["bindings"]) == 2
    assert loaded.query_raw(query, "application/json", max_rows=5).truncated is False
    timed = loaded.query_result(query, timeout=10, max_rows=3)
    assert timed.truncated and len(timed.solutions) == 3


def test_timed_queries_run_in_a_worker_and_see_every_write(loaded: OxigraphStore) -> None:
    query = UNITS_OF_CLAUSE % clause_iri(SANMING_I5)
    assert loaded.select(query, timeout=30) == loaded.select(query)
    loaded.remove_graph(SANMING_GRAPH)
    assert loaded.select(query, timeout=30) == []  # the worker moved to a fresh snapshot


def test_timeout_kills_a_runaway_query_and_frees_the_worker(loaded: OxigraphStore) -> None:
    loaded.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1", timeout=30)  # start a worker
    [worker] = loaded._workers._idle
    pid = worker.process.pid
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        loaded.select(RUNAWAY, timeout=1.0)
    elapsed = time.monotonic() - started
    assert elapsed < 5.0
    assert worker.process.poll() is not None  # the process running the query is gone
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    # the store goes on answering, with a new worker
    assert loaded.ask(f"ASK {{ GRAPH <{SANMING_GRAPH}> {{ ?s ?p ?o }} }}", timeout=30) is True


def test_readers_see_the_old_or_the_new_graph_never_a_mix(store: OxigraphStore, graphs: dict) -> None:
    quads = graphs[SANMING_GRAPH]
    sizes = {len(quads), len(quads) // 3}
    store.replace_graph(SANMING_GRAPH, quads, version="big")
    seen: set[int] = set()
    stop = threading.Event()
    errors: list[BaseException] = []

    def read() -> None:
        try:
            while not stop.is_set():
                seen.add(int(store.select(COUNT_IN_GRAPH % SANMING_GRAPH)[0]["n"]))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    for n in range(20):
        if n % 2:
            store.replace_graph(SANMING_GRAPH, quads, version=f"big{n}")
        else:
            store.replace_graph(SANMING_GRAPH, quads[: len(quads) // 3], version=f"small{n}")
    stop.set()
    reader.join(30)
    assert not errors
    assert seen and seen <= sizes


def test_store_persists_across_reopen(tmp_path: Path, graphs: dict) -> None:
    settings = Settings(store=str(tmp_path / "ws"))
    with open_store(settings) as st:
        assert isinstance(st, OxigraphStore)
        assert st.directory == tmp_path / "ws" / "rdf"
        for iri, quads in graphs.items():
            st.replace_graph(iri, quads, version="v7")
    with open_store(tmp_path / "ws") as st:
        assert st.graph_versions() == {iri: "v7" for iri in graphs}
        assert st.quad_count() == sum(len(q) for q in graphs.values())
        assert st.replace_graph(SANMING_GRAPH, graphs[SANMING_GRAPH], version="v7") is False


def test_a_store_open_for_writing_cannot_be_opened_twice(store: OxigraphStore) -> None:
    assert store.directory is not None
    with pytest.raises(StoreError):
        OxigraphStore(store.directory)


def test_dump_and_load_restore_graphs_and_versions(loaded: OxigraphStore, tmp_path: Path, graphs: dict) -> None:
    for fmt in ("nq", "trig", "jsonld"):
        data = loaded.dump_bytes(fmt)
        with OxigraphStore(tmp_path / f"copy-{fmt}") as copy:
            assert copy.load(data, fmt) > 0
            assert copy.graph_versions() == loaded.graph_versions()
            for iri in graphs:
                assert isomorphic(graph_of(copy, iri), graph_of(loaded, iri)), (fmt, iri)
    turtle = loaded.dump_bytes("ttl", graph_iri=LINKS_GRAPH)
    with OxigraphStore(None) as mem:
        with pytest.raises(BadRequest):
            mem.load(turtle, "ttl")
        mem.load(turtle, "ttl", graph_iri="https://policykg.org/graph/imported")
        assert mem.graphs() == ["https://policykg.org/graph/imported"]
        assert str(mem.graph_version("https://policykg.org/graph/imported")).startswith("sha256:")
        assert isomorphic(graph_of(mem, "https://policykg.org/graph/imported"), graph_of(loaded, LINKS_GRAPH))
        # an in-memory store answers timed queries too (its snapshot is shipped to the worker)
        assert mem.quad_count() == len(graphs[LINKS_GRAPH])
        assert mem.select(COUNT_IN_GRAPH % "https://policykg.org/graph/imported", timeout=30) == [
            {"n": len(graphs[LINKS_GRAPH])}
        ]


def test_update_runs_sparql_update(loaded: OxigraphStore) -> None:
    loaded.update(f"DELETE WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?s ?p ?o }} }}")
    assert loaded.quad_count(LINKS_GRAPH) == 0
    with pytest.raises(BadRequest):
        loaded.update("DELETE nonsense")


def test_registry_opens_backends_by_name(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="unknown store backend"):
        open_store(Settings(backend="nosuch"))
    with pytest.raises(ConfigurationError, match="sparql_query_url"):
        open_store(Settings(backend="sparql"))

    class MemoryStore(OxigraphStore):
        backend = "memory"

        @classmethod
        def from_settings(cls, settings: Settings) -> MemoryStore:
            return cls(None)

    register_backend("memory", MemoryStore)
    with open_store(Settings(backend="memory")) as st:
        assert isinstance(st, MemoryStore) and st.directory is None
    with open_store(":memory:") as st:
        assert isinstance(st, OxigraphStore) and st.directory is None


def test_loading_a_dump_brings_its_version_records(loaded: OxigraphStore, graphs: dict) -> None:
    dump = loaded.dump_bytes("nq")
    loaded.replace_graph(SANMING_GRAPH, graphs[SANMING_GRAPH][:50], version="v2")
    loaded.load(dump, "nq")
    assert loaded.graph_versions() == {iri: "v1" for iri in graphs}  # one record per graph, from the dump
    assert loaded.quad_count(SANMING_GRAPH) == len(graphs[SANMING_GRAPH])


def test_query_snapshots_live_beside_the_store_and_go_away(tmp_path: Path, graphs: dict) -> None:
    stale = tmp_path / ".rdf-query-snapshots-left-by-a-crash"
    stale.mkdir()
    other = tmp_path / ".other-query-snapshots-x"
    other.mkdir()
    st = OxigraphStore(tmp_path / "rdf")
    assert not stale.exists() and other.exists()  # only this store's leftovers are removed
    st.replace_graph(LINKS_GRAPH, graphs[LINKS_GRAPH], version="v1")
    assert st.quad_count(LINKS_GRAPH) == len(graphs[LINKS_GRAPH])
    assert st.select(COUNT_IN_GRAPH % LINKS_GRAPH, timeout=30) == [{"n": len(graphs[LINKS_GRAPH])}]
    [snapdir] = tmp_path.glob(".rdf-query-snapshots-*")
    assert len(list(snapdir.iterdir())) == 1
    st.replace_graph(LINKS_GRAPH, graphs[LINKS_GRAPH][:5], version="v2")
    assert st.select(COUNT_IN_GRAPH % LINKS_GRAPH, timeout=30) == [{"n": 5}]
    assert len(list(snapdir.iterdir())) == 1  # the older snapshot was dropped once no worker used it
    st.close()
    assert list(tmp_path.glob(".rdf-query-snapshots-*")) == []


def _graph_data(graphs: dict, version: str) -> list[GraphData]:
    return [GraphData(iri, version, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
            for iri, quads in sorted(graphs.items())]


def test_bulk_writes_give_the_same_graphs_and_versions_as_one_by_one(tmp_path: Path, graphs: dict) -> None:
    with OxigraphStore(tmp_path / "one") as one, OxigraphStore(tmp_path / "bulk") as bulk:
        bulk.bulk_writes = True
        assert one.write_graphs(_graph_data(graphs, "v1")) == [True] * len(graphs)
        assert bulk.write_graphs(_graph_data(graphs, "v1")) == [True] * len(graphs)
        assert bulk.graph_versions() == one.graph_versions() == {iri: "v1" for iri in graphs}
        sizes = f"SELECT ?g ?n WHERE {{ GRAPH <{META_GRAPH}> {{ ?g <http://rdfs.org/ns/void#triples> ?n }} }} ORDER BY ?g"
        assert bulk.select(sizes) == one.select(sizes)
        for iri in graphs:
            assert isomorphic(graph_of(bulk, iri), graph_of(one, iri)), iri
        # a second batch: unchanged graphs are left alone, a changed one is replaced whole
        changed = dict(graphs)
        changed[SANMING_GRAPH] = graphs[SANMING_GRAPH][:100]
        batch = _graph_data(changed, "v1")
        batch = [GraphData(g.iri, "v2", g.nquads) if g.iri == SANMING_GRAPH else g for g in batch]
        assert bulk.write_graphs(batch) == [g.iri == SANMING_GRAPH for g in batch]
        assert bulk.graph_version(SANMING_GRAPH) == "v2"
        assert isomorphic(graph_of(bulk, SANMING_GRAPH), canonical_graph(graphs[SANMING_GRAPH][:100]))


def test_a_bulk_write_cut_short_is_removed_when_the_store_opens_again(tmp_path: Path, graphs: dict) -> None:
    """What a crash in the middle of a bulk write leaves: marked graphs with part of their quads."""
    with OxigraphStore(tmp_path / "s") as store:
        store.replace_graph(SANMING_GRAPH, graphs[SANMING_GRAPH], version="v1")
        other = next(iri for iri in graphs if iri != SANMING_GRAPH)
        store._store.extend([ox.Quad(ox.NamedNode(other), ox.NamedNode(PENDING), ox.Literal("true"),
                                     ox.NamedNode(META_GRAPH))])
        store._store.bulk_load(ox.serialize(graphs[other][:50], format=ox.RdfFormat.N_QUADS),
                               format=ox.RdfFormat.N_QUADS)
        assert store.quad_count(other) == 50
    with OxigraphStore(tmp_path / "s") as store:
        assert store.graphs() == [SANMING_GRAPH]
        assert store.graph_versions() == {SANMING_GRAPH: "v1"}
        assert store.quad_count(other) == 0
        assert not store.ask(f"ASK {{ GRAPH <{META_GRAPH}> {{ ?g <{PENDING}> ?o }} }}")
        assert isomorphic(graph_of(store, SANMING_GRAPH), canonical_graph(graphs[SANMING_GRAPH]))

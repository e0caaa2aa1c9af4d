"""The property-graph projection, and its Cypher run for real: against FalkorDB (its own protocol) on
loopback always, and through the official neo4j driver when NEO4J_URI names a Neo4j server."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import pytest

from policykg.graph import cypher
from policykg.graph.neo4j_sync import Projection, apply, example_queries, projection, sync
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology.vocab import REFERENCE_GRAPH, graph_iri
from tests.graph.graph_facts import MEE, MEE_I8, SANMING, SANMING_I5, SANMING_I18

ALL_CONSTANTS = {
    *cypher.MERGE_NODES.values(),
    *cypher.MERGE_RELATIONSHIPS.values(),
    *cypher.PRUNE_NODES.values(),
    *cypher.PRUNE_RELATIONSHIPS.values(),
}

# Units of the clauses about CCUS — Sanming (五) and (十八), MEE （八） — by role, with how many clauses.
CCUS_UNITS = [
    ("cn-fj-sanming.fgw", "三明市发展和改革委员会", "support", 2),
    ("cn-fj-sanming.sthj", "三明市生态环境局", "support", 2),
    ("cn-fj-sanming.gxj", "三明市工业和信息化局", "lead", 1),
    ("cn-fj-sanming.gxj", "三明市工业和信息化局", "support", 1),
    ("cn-fj-sanming.kjj", "三明市科学技术局", "lead", 1),
    ("cn-fj-sanming.kjj", "三明市科学技术局", "support", 1),
    ("cn-fj-sanming.swj", "三明市商务局", "support", 1),
    ("cn.mee", "生态环境部", "support", 1),
    ("cn.miit", "工业和信息化部", "lead", 1),
    ("cn.ndrc", "国家发展和改革委员会", "support", 1),
    ("cn.nea", "国家能源局", "support", 1),
]
TRACE = [
    (SANMING, f"{SANMING_I5}.m2", 0.82, MEE_I8, MEE),
    (SANMING, f"{SANMING_I18}.m1", 0.41, MEE_I8, MEE),
]


@pytest.fixture(scope="module")
def proj(full_store: OxigraphStore) -> Projection:
    return projection(full_store)


def rel_rows(proj: Projection, rel_type: str, start: str, end: str) -> list[dict[str, Any]]:
    return proj.relationships[(rel_type, start, end)]


def test_projection_shapes_the_real_facts(proj: Projection) -> None:
    assert {n["id"] for n in proj.nodes["Document"]} == {SANMING, MEE}
    assert len(proj.nodes["Unit"]) > 3000  # the whole registry, not only the units mentioned
    assert "ccus" in {n["id"] for n in proj.nodes["Concept"]}
    i5 = next(n for n in proj.nodes["Clause"] if n["id"] == SANMING_I5)
    assert (i5["number"], i5["marker"], i5["depth"], i5["document"]) == ("五", "(五)", 1, SANMING)
    part_of = {(r["source"], r["target"]) for r in rel_rows(proj, "PART_OF", "Clause", "Clause")}
    assert (SANMING_I5, f"{SANMING}~s4") in part_of
    assert (f"{SANMING}~s4", SANMING) in {(r["source"], r["target"]) for r in rel_rows(proj, "PART_OF", "Clause", "Document")}
    lead = [r for r in rel_rows(proj, "RESPONSIBLE_FOR", "Unit", "Clause") if r["target"] == SANMING_I5 and r["role"] == "lead"]
    assert lead == [{"source": "cn-fj-sanming.gxj", "target": SANMING_I5, "role": "lead", "surface": "市工信局"}]
    [best] = [r for r in rel_rows(proj, "IMPLEMENTS", "Measure", "Clause") if r["score"] == 0.82]
    assert (best["source"], best["target"], best["rank"], best["relation"]) == (f"{SANMING_I5}.m2", MEE_I8, 1, "implements")
    assert rel_rows(proj, "IMPLEMENTS", "Document", "Document")[0]["source"] == SANMING
    assert rel_rows(proj, "CITES", "Document", "Document") == [{"source": SANMING, "target": MEE}]
    about = {(r["source"], r["target"]) for r in rel_rows(proj, "ABOUT", "Clause", "Concept")}
    assert {(SANMING_I5, "ccus"), (SANMING_I18, "ccus"), (MEE_I8, "ccus")} <= about
    assert {(r["source"], r["target"]) for r in rel_rows(proj, "HAS_TARGET", "Measure", "Target")} == {
        (f"{SANMING_I5}.m1", f"{SANMING_I5}.t1")
    }
    measure = next(n for n in proj.nodes["Measure"] if n["id"] == f"{SANMING_I18}.m1")
    assert measure["sectors"] == ["technology"]


@pytest.fixture()
def falkor(falkordb_server: dict[str, str], request: pytest.FixtureRequest) -> Iterator[Any]:
    from falkordb import FalkorDB

    db = FalkorDB(host="127.0.0.1", port=int(falkordb_server["PORT"]))
    graph = db.select_graph(f"policykg_{request.node.name[:40]}")
    for statement in cypher.SCHEMA_FALKORDB:
        graph.query(statement)
    yield graph
    with contextlib.suppress(Exception):  # the graph may never have been created
        graph.delete()


def falkor_counts(graph: Any) -> dict[str, int]:
    counts = {}
    for name, statement in {**cypher.COUNT_NODES, **cypher.COUNT_RELATIONSHIPS}.items():
        counts[name] = graph.query(statement).result_set[0][0]
    return counts


def expected_counts(proj: Projection) -> dict[str, int]:
    counts = {label: len(rows) for label, rows in proj.nodes.items()}
    for (rel_type, _, _), rows in proj.relationships.items():
        counts[rel_type] = counts.get(rel_type, 0) + len(rows)
    return counts


def run_on_falkor(graph: Any, proj: Projection, run: str, sent: list[str]) -> None:
    def execute(statement: str, parameters: dict[str, Any]) -> None:
        assert statement in ALL_CONSTANTS
        sent.append(statement)
        graph.query(statement, parameters)

    apply(proj, execute, batch_size=97, run=run)


def test_cypher_constants_on_falkordb_are_idempotent(falkor: Any, proj: Projection) -> None:
    for statement in cypher.SCHEMA_FALKORDB:  # schema statements may be sent again: they fail, nothing changes
        with pytest.raises(Exception, match="already indexed"):
            falkor.query(statement)
    sent: list[str] = []
    run_on_falkor(falkor, proj, "run-1", sent)
    first = falkor_counts(falkor)
    assert first == expected_counts(proj)
    assert first["Unit"] > 3000 and first["RESPONSIBLE_FOR"] == 13
    run_on_falkor(falkor, proj, "run-2", sent)
    assert falkor_counts(falkor) == first
    # every statement of the sync ran, batched: units alone took several UNWIND batches
    assert set(sent) >= set(cypher.MERGE_NODES.values())
    assert sent.count(cypher.MERGE_NODES["Unit"]) == 2 * -(-len(proj.nodes["Unit"]) // 97)
    stamped = falkor.query("MATCH (n:Clause) WHERE n.sync_run = 'run-2' RETURN count(n)").result_set[0][0]
    assert stamped == len(proj.nodes["Clause"])


def test_example_queries_answer_on_falkordb(falkor: Any, proj: Projection) -> None:
    run_on_falkor(falkor, proj, "run-1", [])
    titles = [title for title, _ in example_queries()]
    assert titles == ["Units responsible for clauses about CCUS", "Trace: local measures and the higher clauses they implement"]
    units = falkor.query(cypher.UNITS_FOR_CCUS).result_set
    assert [tuple(r) for r in units] == CCUS_UNITS
    trace = falkor.query(cypher.TRACE_IMPLEMENTATION).result_set
    assert [tuple(r) for r in trace] == TRACE


def test_a_later_sync_removes_what_the_store_no_longer_has(falkor: Any, proj: Projection, graphs: dict,
                                                           reference: list) -> None:
    run_on_falkor(falkor, proj, "run-1", [])
    with OxigraphStore(None) as smaller:
        for iri, quads in graphs.items():
            if iri != graph_iri(MEE):
                smaller.replace_graph(iri, quads, version="v1")
        smaller.replace_graph(REFERENCE_GRAPH, reference, version="ref1")
        without_mee = projection(smaller)
    run_on_falkor(falkor, without_mee, "run-2", [])
    assert falkor_counts(falkor) == expected_counts(without_mee)
    assert falkor.query(f"MATCH (c:Clause {{id: '{MEE_I8}'}}) RETURN count(c)").result_set[0][0] == 0
    assert falkor.query(cypher.TRACE_IMPLEMENTATION).result_set == []


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="no Neo4j server: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)")
def test_sync_into_a_real_neo4j(full_store: OxigraphStore, proj: Projection) -> None:
    from neo4j import GraphDatabase

    uri = os.environ["NEO4J_URI"]
    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    first = sync(full_store, uri, user, password, database, batch_size=250)
    assert first == expected_counts(proj)
    assert sync(full_store, uri, user, password, database, batch_size=250) == first
    with GraphDatabase.driver(uri, auth=(user, password)) as driver, driver.session(database=database) as session:
        units = [tuple(r.values()) for r in session.run(cypher.UNITS_FOR_CCUS)]
        assert units == CCUS_UNITS
        trace = [tuple(r.values()) for r in session.run(cypher.TRACE_IMPLEMENTATION)]
        assert trace == TRACE

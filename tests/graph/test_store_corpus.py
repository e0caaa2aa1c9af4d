"""The store, exports and projection over the default corpus as the build writes it (all stages real)."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.graph import cypher
from policykg.graph.export import export
from policykg.graph.neo4j_sync import Projection, apply, projection
from policykg.graph.store import Store, open_store
from policykg.ontology.vocab import LINKS_GRAPH, REFERENCE_GRAPH, graph_iri, links_graph_iri
from policykg.settings import Settings

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SANMING_I5 = f"{SANMING}~s4.i5"


@pytest.fixture(scope="module")
def corpus_store(built_settings: Settings) -> Iterator[Store]:
    with open_store(built_settings) as store:
        yield store


@pytest.fixture(scope="module")
def corpus_projection(corpus_store: Store) -> Projection:
    return projection(corpus_store)


def test_the_build_wrote_one_versioned_graph_per_document(corpus_store: Store, built_store: Any) -> None:
    _, summary = built_store
    documents = {o.document for o in summary.outcomes if o.status in ("ok", "skipped") and o.document}
    linked = {d for d in documents if corpus_store.graph_version(links_graph_iri(d))}
    assert len(linked) >= 8  # every document whose measures implement a higher one has its links graph
    assert {graph_iri(d) for d in documents} | {links_graph_iri(d) for d in linked} | {
        LINKS_GRAPH, REFERENCE_GRAPH} == set(corpus_store.graphs())
    assert all(corpus_store.graph_versions().values())
    assert corpus_store.quad_count() == summary.quads


def test_csv_export_of_the_corpus(corpus_store: Store, tmp_path: Path) -> None:
    export(corpus_store, "csv", tmp_path)
    with (tmp_path / "responsibilities.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["clause"] == SANMING_I5]
    assert sorted((r["surface"], r["unit"], r["role"]) for r in rows) == [
        ("发改委", "cn-fj-sanming.fgw", "support"),
        ("商务局", "cn-fj-sanming.swj", "support"),
        ("市工信局", "cn-fj-sanming.gxj", "lead"),
        ("生态环境局", "cn-fj-sanming.sthj", "support"),
        ("科技局", "cn-fj-sanming.kjj", "support"),
    ]
    with (tmp_path / "documents.csv").open(encoding="utf-8-sig") as fh:
        documents = {r["id"]: r for r in csv.DictReader(fh)}
    assert documents[SANMING]["region"] == "CN-FJ-Sanming"
    assert documents["state-council-2030-carbon-peak-action-plan-2021"]["doc_number"] == "国发〔2021〕23号"


def test_the_corpus_projection_on_falkordb(falkordb_server: dict[str, str], corpus_projection: Projection) -> None:
    from falkordb import FalkorDB

    graph = FalkorDB(host="127.0.0.1", port=int(falkordb_server["PORT"])).select_graph("policykg_corpus")
    try:
        for statement in cypher.SCHEMA_FALKORDB:
            graph.query(statement)

        def execute(statement: str, parameters: dict[str, Any]) -> None:
            graph.query(statement, parameters)

        counts = {**cypher.COUNT_NODES, **cypher.COUNT_RELATIONSHIPS}
        apply(corpus_projection, execute, batch_size=500, run="first")
        first = {name: graph.query(q).result_set[0][0] for name, q in counts.items()}
        apply(corpus_projection, execute, batch_size=500, run="second")
        assert {name: graph.query(q).result_set[0][0] for name, q in counts.items()} == first
        assert first["Document"] == len(corpus_projection.nodes["Document"]) >= 11
        assert first["IMPLEMENTS"] > 100

        units = {(r[0], r[2]) for r in graph.query(cypher.UNITS_FOR_CCUS).result_set}
        assert {("cn-fj-sanming.gxj", "lead"), ("cn-fj-sanming.kjj", "support")} <= units
        trace = graph.query(cypher.TRACE_IMPLEMENTATION).result_set
        assert trace and all(row[0] != row[4] for row in trace)  # a measure implements another document
    finally:
        with contextlib.suppress(Exception):
            graph.delete()

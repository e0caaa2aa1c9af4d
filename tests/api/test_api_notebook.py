"""The Python API a notebook uses: `policykg.notebook.open(store)` and plain records."""

from __future__ import annotations

from pathlib import Path

import pytest

import policykg
from policykg.notebook import Graph, Trace, Units
from policykg.notebook import open as open_graph
from policykg.settings import Settings
from tests.api.api_support import copy_store

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"


@pytest.fixture(scope="module")
def graph(api_store_dir: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    directory = copy_store(api_store_dir, tmp_path_factory.mktemp("notebook"))
    with open_graph(directory) as g:
        yield g


def test_documents_are_records(graph: Graph) -> None:
    docs = graph.documents()
    assert [d["id"] for d in docs] == [MEE, SANMING]
    assert all(isinstance(v, str | int | float | bool | dict | type(None)) for d in docs for v in d.values())


def test_units_for_ccus(graph: Graph) -> None:
    units = graph.units("CCUS")
    assert isinstance(units, Units) and units.concept["id"] == "ccus"
    rows = units.records()
    assert {"unit": "cn-fj-sanming.gxj", "label": "三明市工业和信息化局", "jurisdiction": "CN-FJ-Sanming",
            "document": SANMING, "clause_id": f"{SANMING}~s4.i5", "clause": "五", "clause_path": "四/五",
            "role": "lead"} in rows
    assert {u["id"] for u in units} >= {"cn.miit", "cn-fj-sanming.gxj"}
    with pytest.raises(KeyError):
        graph.units("no such concept at all")


def test_trace_records(graph: Graph) -> None:
    trace = graph.trace(f"{SANMING}~s4.i5.m2")
    assert isinstance(trace, Trace)
    [row] = trace.records()
    assert (row["depth"], row["from"], row["to"], row["clause"], row["score"]) == (
        1, f"{SANMING}~s4.i5.m2", f"{MEE}~s4.i8", "八", 0.82)
    assert row["evidence"].startswith("concept:ccus")
    with pytest.raises(KeyError):
        graph.trace(f"{SANMING}~s4.i5.m99")


def test_targets_search_concepts_clauses(graph: Graph) -> None:
    assert [t["value"] for t in graph.targets(document=SANMING, year=2025)] == [30.0]
    # a city by its name in any script, and the level of government, as the README shows
    assert [t["value"] for t in graph.targets(year=2025, region="三明", level="municipal")] == [30.0]
    assert {t["indicator"] for t in graph.targets(year=2025, region="中國", level="national")} == {"全国短流程炼钢占比"}
    assert graph.search("二氧化碳捕集")[0]["id"] == f"{SANMING}~s4.i5.m2"
    assert graph.concepts("CCUS")[0]["id"] == "ccus"
    clauses = {c["id"]: c for c in graph.clauses(SANMING)}
    assert clauses[f"{SANMING}~s4.i5"]["units"].startswith("三明市工业和信息化局")
    assert graph.document("nothing-like-this") is None


def test_sparql_select_ask_construct(graph: Graph) -> None:
    rows = graph.sparql(f"SELECT ?level WHERE {{ <https://policykg.org/doc/{SANMING}> <https://policykg.org/ns#level> ?level }}")
    assert rows == [{"level": "municipal"}]
    assert graph.sparql("ASK { ?s a <https://policykg.org/ns#Measure> }") is True
    triples = graph.sparql(f"CONSTRUCT WHERE {{ <https://policykg.org/doc/{SANMING}> <https://policykg.org/ns#level> ?l }}")
    assert triples == [{"subject": f"<https://policykg.org/doc/{SANMING}>", "predicate": "<https://policykg.org/ns#level>",
                        "object": '"municipal"'}]


def test_examples_run_from_python(graph: Graph) -> None:
    rows = graph.example("targets-2025-city-vs-national")
    assert isinstance(rows, list)
    assert [(r["scope"], r["value"]) for r in rows] == [("city", 30), ("national", 15)]


def test_open_with_settings(api_store_dir: Path, tmp_path: Path) -> None:
    directory = copy_store(api_store_dir, tmp_path / "s")
    with policykg.open(Settings(store=str(directory))) as g:
        assert len(g.documents()) == 2


def test_targets_of_an_unknown_concept_or_document_raise(graph: Graph) -> None:
    with pytest.raises(KeyError):
        graph.targets(concept="zzzz-nonsense")
    with pytest.raises(KeyError):
        graph.targets(document="nope")
    assert [t["value"] for t in graph.targets(document=SANMING, year=2025, concept="")] == [30.0]  # narrows nothing

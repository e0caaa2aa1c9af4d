"""The answer index gives the answers SPARQL gives, on the built store of the bundled texts, and is used
only while it is in step with the store (its document graphs and links graphs alike)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policykg.graph.answer_index import FILE, AnswerIndex
from policykg.graph.queries import Queries
from policykg.graph.sparql_text import iri
from policykg.graph.store import open_store
from policykg.ontology import vocab as v
from policykg.settings import Settings

CONCEPTS = ["ccus", "碳捕集", "光伏", "能源", "carbon capture", "建筑节能", "hydrogen", "新能源汽车"]
PHRASES = ["碳", "光伏", "碳捕集", "清洁能源", "碳達峰", "carbon", "森林碳汇"]
CENTRAL = "central-opinions-carbon-peak-2021-zh"
COVERAGE_BOUNDS = [(1, 0.2), (3, 0.2), (1, 0.5), (2, 0.0)]


@pytest.fixture(scope="module")
def store_copy(built_store, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    directory = tmp_path_factory.mktemp("indexed") / "store"
    shutil.copytree(built_store[0], directory)
    return directory


@pytest.fixture(scope="module")
def both(store_copy: Path):  # type: ignore[no-untyped-def]
    """(answers through the index, answers through SPARQL alone) over the same open store."""
    settings = Settings(store=str(store_copy))
    with open_store(settings) as store:
        indexed, plain = Queries(store, settings), Queries(store, settings.replace(answer_index=False))
        assert indexed.run.index() is not None and plain.run.index() is None
        yield indexed, plain


def test_the_build_writes_an_index_in_step_with_the_store(built_store) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(store=str(built_store[0]))
    with open_store(settings) as store:
        index = AnswerIndex.beside(store, settings)
        assert index is not None and index.path == Path(built_store[0]) / FILE
        assert index.in_step(store, store.generation)


@pytest.mark.parametrize("concept", CONCEPTS)
def test_units_by_concept_are_the_same(both, concept: str) -> None:  # type: ignore[no-untyped-def]
    indexed, plain = both
    assert indexed.units(concept) == plain.units(concept)
    page = {"limit": 3, "offset": 1}
    assert indexed.units_page(concept, **page) == plain.units_page(concept, **page)
    assert indexed.units(concept, region="CN-FJ") == plain.units(concept, region="CN-FJ")
    assert indexed.units(concept, document="sanming-pollution-carbon-synergy-plan-2022") == plain.units(
        concept, document="sanming-pollution-carbon-synergy-plan-2022")


def test_units_for_ccus_name_the_sanming_bureaus(both) -> None:  # type: ignore[no-untyped-def]
    indexed, _ = both
    answer = indexed.units("ccus", document="sanming-pollution-carbon-synergy-plan-2022")
    assert answer["units"][0]["id"] == "cn-fj-sanming.gxj"
    assert {u["id"] for u in answer["units"]} >= {"cn-fj-sanming.gxj", "cn-fj-sanming.fgw", "cn-fj-sanming.sthj"}


@pytest.mark.parametrize("filters", [
    {}, {"year": 2025}, {"year": 2030}, {"region": "CN-FJ"}, {"region": "CN-FJ-Sanming", "year": 2025},
    {"concept": "能源"}, {"concept": "steel"}, {"kind": "qualitative"}, {"kind": "qualitative", "concept": "steel"},
    {"document": "sanming-pollution-carbon-synergy-plan-2022"}, {"concept": "no such concept"},
    {"level": "municipal", "year": 2025}, {"level": "national"}, {"level": "provincial,county", "kind": "qualitative"},
    {"level": "central", "document": "sanming-pollution-carbon-synergy-plan-2022"}, {"region": "三明市", "year": 2025},
])
def test_targets_are_the_same(both, filters: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    indexed, plain = both
    assert indexed.targets(**filters) == plain.targets(**filters)
    assert indexed.targets_page(limit=7, offset=3, **filters) == plain.targets_page(limit=7, offset=3, **filters)


def test_targets_of_2025_in_sanming_are_there(both) -> None:  # type: ignore[no-untyped-def]
    indexed, _ = both
    found = indexed.targets(region="CN-FJ-Sanming", year=2025)
    assert found and {t["document"] for t in found} == {"sanming-pollution-carbon-synergy-plan-2022"}
    # a city's targets of a year beside the national ones: the level narrows, the region is named in words
    assert indexed.targets(region="三明", level="municipal", year=2025) == found
    assert indexed.targets(level="central", document="sanming-pollution-carbon-synergy-plan-2022") == []


@pytest.mark.parametrize("phrase", PHRASES)
def test_search_is_the_same(both, phrase: str) -> None:  # type: ignore[no-untyped-def]
    indexed, plain = both
    assert indexed.search(phrase, limit=50) == plain.search(phrase, limit=50)


def _documents(store) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(v.id_from_iri(r["d"]) for r in store.select(v.SPARQL_PREFIXES + """
        SELECT DISTINCT ?d WHERE { ?d a eli:LegalExpression ; pkg:sourcePath ?file }"""))


def test_coverage_links_are_the_rows_sparql_gives(both) -> None:  # type: ignore[no-untyped-def]
    indexed, plain = both
    index = indexed.run.index()
    documents = _documents(plain.run.store)
    assert len(documents) == 11
    found = 0
    for doc in documents:
        for rank, min_score in COVERAGE_BOUNDS:
            sparql = plain.run.rows("coverage_links", doc=iri(v.doc_iri(doc)), rank=str(rank), min_score=repr(min_score))
            rows = index.coverage_links(v.doc_iri(doc), rank, min_score)
            key = lambda r: (r["target"], r["source"], r["owner"], r["sdoc"], r["region"], r["rank"], float(r["score"]))  # noqa: E731
            assert sorted(map(key, rows)) == sorted(map(key, sparql)), (doc, rank, min_score)
            found += len(rows)
    assert found > 1000


@pytest.mark.parametrize(("rank", "min_score"), COVERAGE_BOUNDS)
def test_coverage_is_the_same(both, rank: int, min_score: float) -> None:  # type: ignore[no-untyped-def]
    indexed, plain = both
    for doc in _documents(plain.run.store):
        assert indexed.coverage(doc, rank, min_score) == plain.coverage(doc, rank, min_score), doc
    answer = indexed.coverage(CENTRAL, rank, min_score)
    assert answer is not None and "CN-FJ-Sanming" in {r["id"] for r in answer["regions"]}


def test_an_index_out_of_step_is_not_used_until_synced(built_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    directory = tmp_path / "store"
    shutil.copytree(built_store[0], directory)
    settings = Settings(store=str(directory))
    with sqlite3.connect(directory / FILE) as conn:  # as if a graph had been written by other means
        conn.execute("UPDATE graphs SET version = 'older' WHERE rowid = 1")
    with open_store(settings) as store:
        assert Queries(store, settings).run.index() is None
        index = AnswerIndex(directory / FILE)
        assert index.sync(store) == 1
        assert Queries(store, settings).run.index() is not None


def test_links_out_of_step_are_answered_by_sparql_until_synced(built_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A links graph the index holds at another version (links written by other means): coverage comes
    from SPARQL, with the same answer, until the index reads that graph again."""
    import sqlite3

    directory = tmp_path / "store"
    shutil.copytree(built_store[0], directory)
    settings = Settings(store=str(directory))
    links = v.links_graph_iri("sanming-pollution-carbon-synergy-plan-2022")
    with sqlite3.connect(directory / FILE) as conn:
        assert conn.execute("UPDATE graphs SET version = 'older' WHERE graph = ?", (links,)).rowcount == 1
        conn.execute("DELETE FROM link_rows WHERE graph = ?", (links,))  # rows an index out of step lacks
    with open_store(settings) as store:
        plain = Queries(store, settings.replace(answer_index=False)).coverage(CENTRAL)
        stale = Queries(store, settings)
        assert stale.run.index() is None
        assert stale.coverage(CENTRAL) == plain
        assert plain is not None and "CN-FJ-Sanming" in {r["id"] for r in plain["regions"]}
        assert AnswerIndex(directory / FILE).sync(store) == 1
        synced = Queries(store, settings)
        assert synced.run.index() is not None and synced.coverage(CENTRAL) == plain

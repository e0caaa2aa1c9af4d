"""The whole default-corpus build pushed to real SPARQL servers answers the researcher questions as the
embedded store does: same graphs and versions, same units for CCUS, same documents, same targets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from policykg.graph.queries import Queries
from policykg.graph.sparql_store import SparqlStore
from policykg.graph.store import Store, open_store
from policykg.settings import Settings

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SANMING_CCUS_UNITS = [
    ("三明市发展和改革委员会", "support"),
    ("三明市商务局", "support"),
    ("三明市工业和信息化局", "lead"),
    ("三明市生态环境局", "support"),
    ("三明市科学技术局", "support"),
]


@pytest.fixture(scope="module")
def embedded(built_store: Any) -> Iterator[Store]:
    store = open_store(Settings(store=str(built_store[0])))
    yield store
    store.close()


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def pushed(request: pytest.FixtureRequest, embedded: Store) -> Iterator[SparqlStore]:
    env = request.getfixturevalue(f"{request.param}_server")
    remote = open_store(
        Settings(
            backend="sparql",
            sparql_query_url=env["QUERY_URL"],
            sparql_update_url=env["UPDATE_URL"],
            sparql_store_url=env["STORE_URL"],
            sparql_user=env.get("USER", ""),
            sparql_password=env.get("PASSWORD", ""),
        )
    )
    assert isinstance(remote, SparqlStore)
    for g in remote.graphs():
        remote.remove_graph(g)
    versions = embedded.graph_versions()
    for graph, version in sorted(versions.items()):
        assert remote.replace_graph(graph, list(embedded.iter_quads(graph)), version=version) is True
    yield remote
    for g in remote.graphs():
        remote.remove_graph(g)
    remote.close()


def _units(queries: Queries, concept: str) -> list[tuple[str, str]]:
    result = queries.units(concept, document=SANMING)
    assert result is not None
    return sorted((u["label"], c["role"]) for u in result["units"] for c in u["clauses"] if c["clause"] == "五")


def test_the_build_pushed_to_a_server_keeps_every_graph(pushed: SparqlStore, embedded: Store) -> None:
    assert pushed.graph_versions() == embedded.graph_versions()
    assert pushed.quad_count() == embedded.quad_count()


@pytest.mark.parametrize("concept", ["CCUS", "碳捕集", "carbon capture"])
def test_units_for_ccus_are_the_same_on_every_backend(pushed: SparqlStore, embedded: Store, concept: str) -> None:
    assert _units(Queries(embedded), concept) == SANMING_CCUS_UNITS
    assert _units(Queries(pushed), concept) == SANMING_CCUS_UNITS


def test_documents_and_2025_targets_are_the_same_on_every_backend(pushed: SparqlStore, embedded: Store) -> None:
    local, remote = Queries(embedded), Queries(pushed)
    assert sorted(d["id"] for d in remote.documents()) == sorted(d["id"] for d in local.documents())
    key = lambda t: (t["id"], t["indicator"], t["year"])  # noqa: E731
    shanwei = "shanwei-carbon-peak-plan-2023"
    assert sorted(map(key, remote.targets(document=shanwei, year=2025))) == sorted(
        map(key, local.targets(document=shanwei, year=2025))
    )

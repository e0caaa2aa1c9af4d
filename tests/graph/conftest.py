"""Fixtures of the store tests: real quads of real clauses, embedded stores on tmp dirs, and real servers
(Oxigraph server, Virtuoso, FalkorDB) started on 127.0.0.1 by scripts/servers/ and killed at teardown.

A server fixture skips only when its binary is absent (the script exits with status 3); any other
failure to start fails the tests that need it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology.reference import reference_quads
from policykg.ontology.vocab import REFERENCE_GRAPH
from tests.graph.graph_facts import Facts, build

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "servers"


@pytest.fixture(scope="session")
def facts() -> Facts:
    return build()


@pytest.fixture(scope="session")
def graphs(facts: Facts) -> dict[str, list]:  # type: ignore[type-arg]
    return facts.graphs()


@pytest.fixture(scope="session")
def reference() -> list:  # type: ignore[type-arg]
    """The real reference graph: ontology, concept scheme, unit registry, regions."""
    return reference_quads()


@pytest.fixture(scope="module")
def data_store(graphs: dict[str, list]) -> Iterator[OxigraphStore]:  # type: ignore[type-arg]
    """An in-memory store with the three graphs of the facts (small enough for rdflib isomorphism)."""
    st = OxigraphStore(None)
    for iri, quads in graphs.items():
        st.replace_graph(iri, quads, version="v1")
    yield st
    st.close()


@pytest.fixture(scope="module")
def full_store(graphs: dict[str, list], reference: list) -> Iterator[OxigraphStore]:  # type: ignore[type-arg]
    """An in-memory store with the three graphs of the facts and the reference graph."""
    st = OxigraphStore(None)
    for iri, quads in graphs.items():
        st.replace_graph(iri, quads, version="v1")
    st.replace_graph(REFERENCE_GRAPH, reference, version="ref1")
    yield st
    st.close()


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[OxigraphStore]:
    st = OxigraphStore(tmp_path / "rdf", query_workers=2)
    yield st
    st.close()


@pytest.fixture()
def loaded(store: OxigraphStore, graphs: dict[str, list]) -> OxigraphStore:  # type: ignore[type-arg]
    for iri, quads in graphs.items():
        assert store.replace_graph(iri, quads, version="v1")
    return store


def _stop(pid: int, timeout: float = 20.0) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _start(script: str, workdir: Path, timeout: float) -> dict[str, str]:
    proc = subprocess.run(
        ["bash", str(SCRIPTS / script), str(workdir)], capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode == 3:
        pytest.skip(f"{script}: {proc.stderr.strip()}")
    assert proc.returncode == 0, f"{script} failed:\n{proc.stderr}"
    env = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)
    assert "PID" in env, proc.stdout
    return env


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    env = _start("oxigraph.sh", tmp_path_factory.mktemp("oxigraph-server"), timeout=60)
    yield env
    _stop(int(env["PID"]))


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    env = _start("virtuoso.sh", tmp_path_factory.mktemp("virtuoso"), timeout=180)
    yield env
    _stop(int(env["PID"]), timeout=60)


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    env = _start("falkordb.sh", tmp_path_factory.mktemp("falkordb"), timeout=60)
    yield env
    _stop(int(env["PID"]))

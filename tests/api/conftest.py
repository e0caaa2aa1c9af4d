"""Fixtures of the service tests: a store directory, the in-process app over it, and a real uvicorn.

`api_store_dir` is the one source of data. It holds the reference graph (ontology, concept scheme,
unit registry) and the real clauses of `tests/graph/graph_facts.py` — Sanming's (五) and (十八), the
MEE plan's （八）, and the clause links between them — mapped to RDF by the real mapping and written by
the real store. Once the build runs end to end, it can become the built default corpus (see the
fixture) without any test below changing how it gets its store.

The live server and the in-process store each open their own copy of that directory, because the
embedded store allows one process at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.settings import Settings
from tests.api.api_support import (
    LIVE_ENV,
    TOKEN,
    LiveServer,
    copy_store,
    free_port,
    seed_graphs,
    start_uvicorn,
    stop,
    wait_ready,
)
from tests.api.api_support import write_store as write_seed_store


@pytest.fixture(scope="session")
def api_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store directory the service tests read. To serve the built default corpus instead, take
    the session's `built_store` fixture and return `built_store[0]`."""
    return write_seed_store(tmp_path_factory.mktemp("api-store"), seed_graphs())


@pytest.fixture(scope="session")
def local_store(api_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    """An embedded store over a copy of the data, for in-process apps (read-only use)."""
    directory = copy_store(api_store_dir, tmp_path_factory.mktemp("local-store"))
    store = OxigraphStore(directory / "rdf", query_workers=2)
    yield store
    store.close()


@pytest.fixture()
def scratch_store(api_store_dir: Path, tmp_path: Path) -> Iterator[OxigraphStore]:
    """A store of its own for a test that writes."""
    directory = copy_store(api_store_dir, tmp_path / "scratch")
    store = OxigraphStore(directory / "rdf", query_workers=1)
    yield store
    store.close()


ClientFactory = Callable[..., TestClient]


@pytest.fixture()
def make_client(local_store: OxigraphStore) -> Iterator[ClientFactory]:
    """`make_client(graph_store=None, **settings)`: a TestClient of an app with those settings over a store
    (by default the shared read-only one; the `store` setting then follows the store given)."""
    clients: list[TestClient] = []

    def make(graph_store: Any = None, **overrides: Any) -> TestClient:
        graph_store = graph_store or local_store
        workspace = str(graph_store.directory.parent) if graph_store.directory is not None else ":memory:"
        settings = Settings(**{"write_token": TOKEN, "store": workspace, **overrides})
        client = TestClient(create_app(settings, store=graph_store), raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture()
def client(make_client: ClientFactory) -> TestClient:
    return make_client()


@pytest.fixture(scope="session")
def live_server(api_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """uvicorn in a subprocess on a free port of 127.0.0.1, serving a copy of the store; stopped at teardown."""
    root = tmp_path_factory.mktemp("live")
    directory = copy_store(api_store_dir, root / "store")
    port = free_port()
    log = root / "uvicorn.log"
    process = start_uvicorn({**LIVE_ENV, "POLICYKG_STORE": str(directory)}, port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log)
        yield LiveServer(url, "127.0.0.1", port, process)
    finally:
        stop(process)

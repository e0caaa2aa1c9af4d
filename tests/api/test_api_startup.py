"""Starting the service in-process: what it refuses, and that it releases the store it opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.errors import ConfigurationError
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.settings import DEFAULT_TOKENS, Settings
from tests.api.api_support import TOKEN, copy_store


@pytest.mark.parametrize("token", sorted(DEFAULT_TOKENS) + ["CHANGEME", " secret "])
def test_refuses_a_default_write_token(tmp_path: Path, token: str) -> None:
    with pytest.raises(ConfigurationError, match="well-known default"):
        create_app(Settings(store=str(tmp_path / "store"), write_token=token))
    assert not (tmp_path / "store").exists()


def test_refuses_a_store_another_process_holds(local_store: OxigraphStore) -> None:
    assert local_store.directory is not None
    with pytest.raises(ConfigurationError, match="cannot serve"):
        create_app(Settings(store=str(local_store.directory.parent), write_token=TOKEN))


def test_an_empty_token_starts_with_writes_disabled(api_store_dir: Path, tmp_path: Path) -> None:
    directory = copy_store(api_store_dir, tmp_path / "s")
    with TestClient(create_app(Settings(store=str(directory), write_token=""))) as client:
        assert client.get("/api/health").json()["writes"] is False


def test_the_store_it_opened_is_closed_at_shutdown(api_store_dir: Path, tmp_path: Path) -> None:
    directory = copy_store(api_store_dir, tmp_path / "s")
    with TestClient(create_app(Settings(store=str(directory), write_token=TOKEN))) as client:
        assert len(client.get("/api/documents").json()["documents"]) == 2
    with OxigraphStore(directory / "rdf") as again:  # the lock was released
        assert len(again.graphs()) == 5  # two documents, the clause links of one, links, reference

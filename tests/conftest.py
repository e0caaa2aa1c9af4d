"""Shared fixtures: the default corpus built once per test session into a temporary store."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus" / "documents"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """(store directory, build summary) of the eleven bundled texts, built once for the whole session."""
    from policykg.ingest.manifest import bundled_texts
    from policykg.pipeline import build
    from policykg.settings import Settings

    store_dir = tmp_path_factory.mktemp("store")
    settings = Settings(store=str(store_dir))
    summary = build(bundled_texts(), settings)
    return store_dir, summary


@pytest.fixture(scope="session")
def built_settings(built_store):  # type: ignore[no-untyped-def]
    from policykg.settings import Settings

    return Settings(store=str(built_store[0]))

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


@pytest.fixture(scope="session")
def rdf_corpus():  # type: ignore[no-untyped-def]
    """Three documents built from real passages with their facts and links (`tests/rdf_facts.py`)."""
    from tests.rdf_facts import corpus_fixture

    return corpus_fixture()


@pytest.fixture(scope="session")
def real_sanming():  # type: ignore[no-untyped-def]
    """(document, extraction) of the Sanming plan through the real ingest and extract stages."""
    from tests.rdf_facts import real_sanming as read

    return read()


#: Fixtures that make a test slow (a corpus build), start a server, or drive a browser.
_SLOW = {"built_store", "built_settings", "api_store_dir"}
_SERVER = {"live_server", "oxigraph_server", "virtuoso_server", "falkordb_server", "corpus_server", "web_server"}
_BROWSER = {"browser", "browser_context"}
#: Modules that build stores or run the CLI in subprocesses of their own.
_SLOW_MODULES = {"test_build.py", "test_build_parallel.py", "test_bench_smoke.py", "test_crash_safety.py",
                 "test_cli.py", "test_link_bounds.py", "test_link_gold.py", "test_link_parallel.py",
                 # the measurements against the keys of the real corpus
                 "test_link_key.py", "test_link_tune_key.py", "test_link_scale_keys.py", "test_extraction_keys.py",
                 "test_metadata_key.py"}
_SLOW_FOLDERS = ("/tests/robustness/", "/tests/api/", "/tests/graph/")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Marks each test by what it needs, so that `make test-fast` can leave out the slow lanes."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        path = str(item.path)
        if used & _BROWSER or "/tests/web/" in path:
            item.add_marker(pytest.mark.browser)
        if used & _SERVER or "serve" in item.name:
            item.add_marker(pytest.mark.server)
        if used & _SLOW or item.path.name in _SLOW_MODULES or any(f in path for f in _SLOW_FOLDERS):
            item.add_marker(pytest.mark.slow)

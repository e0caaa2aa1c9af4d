"""Fixtures of the robustness tests: the service helpers of tests/api, and a uvicorn over the built corpus."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.api_support import LIVE_ENV, LiveServer, copy_store, free_port, start_uvicorn, stop, wait_ready  # noqa: E402


@pytest.fixture(scope="session")
def corpus_server(built_store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    """uvicorn on a free port of 127.0.0.1 serving a copy of the built corpus of the eleven bundled texts (limits as tests/api)."""
    root = tmp_path_factory.mktemp("robust-live")
    directory = copy_store(built_store[0], root / "store")
    port = free_port()
    log = root / "uvicorn.log"
    process = start_uvicorn({**LIVE_ENV, "POLICYKG_STORE": str(directory)}, port, log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log)
        yield LiveServer(url, "127.0.0.1", port, process)
    finally:
        stop(process)

"""`policykg build` while `policykg serve` holds the store: the files go through the service's upload route."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import httpx

from tests.api.api_support import LIVE_ENV, TOKEN, copy_store, free_port, start_serve, stop, wait_ready

JIANGSU_FILE = Path(__file__).resolve().parents[2] / "corpus" / "documents" / "jiangsu_opinions_carbon_2022_zh.txt"
SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"


def run_build(directory: Path, token: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "POLICYKG_WRITE_TOKEN": token, "POLICYKG_STORE": str(directory)}
    return subprocess.run([sys.executable, "-m", "policykg.cli", "build", str(JIANGSU_FILE), "--json"],
                          env=env, capture_output=True, timeout=600, check=False)


def test_a_build_beside_the_service_is_built_by_the_service(api_store_dir: Path, tmp_path: Path) -> None:
    directory = copy_store(api_store_dir, tmp_path / "store")
    port = free_port()
    log = tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}"
    process = start_serve({**LIVE_ENV, "POLICYKG_STORE": str(directory)}, port, log)
    try:
        wait_ready(url, process, log)
        assert json.loads((directory / "service.json").read_text(encoding="utf-8")) == {"url": url, "pid": process.pid}

        refused = run_build(directory, "")  # no write token: refused, nothing sent
        assert refused.returncode == 2
        assert b"unauthorized" in refused.stderr and b"POLICYKG_WRITE_TOKEN" in refused.stderr
        wrong = run_build(directory, "not-the-token")
        assert wrong.returncode == 2 and b"refused the write token" in wrong.stderr

        # Readers keep getting answers while the service builds the file.
        answers: list[tuple[int, frozenset[str]]] = []
        stop_reading = threading.Event()

        def read() -> None:
            with httpx.Client(base_url=url, timeout=30) as http:
                while not stop_reading.is_set():
                    r = http.get("/api/documents")
                    answers.append((r.status_code, frozenset(d["id"] for d in r.json()["documents"])))

        reader = threading.Thread(target=read)
        reader.start()
        try:
            done = run_build(directory, TOKEN)
        finally:
            stop_reading.set()
            reader.join(timeout=60)
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        assert b"sending the files to its upload route" in done.stderr
        summary = json.loads(done.stdout)
        assert (summary["ok"], summary["quarantined"], summary["skipped"], summary["total"]) == (1, 0, 0, 1)
        jiangsu_id = summary["outcomes"][0]["document"]  # the file's own id, whichever route brings it
        assert jiangsu_id == "jiangsu-carbon-opinions-2022"

        assert answers and {status for status, _ in answers} == {200}
        seen = {ids for _, ids in answers}
        assert all(SANMING in ids for ids in seen)
        assert all(ids in ({SANMING, MEE}, {SANMING, MEE, jiangsu_id}) for ids in seen), seen
        jiangsu = httpx.get(f"{url}/api/documents/{jiangsu_id}").json()
        assert jiangsu["id"] == jiangsu_id and jiangsu["region"] == "CN-JS"

        again = run_build(directory, TOKEN)  # the same bytes again: skipped by the service
        assert json.loads(again.stdout)["skipped"] == 1
    finally:
        stop(process)
    assert process.returncode is not None
    assert not (directory / "service.json").exists()  # removed when the service stopped


def test_a_held_store_without_a_service_is_a_typed_error(api_store_dir: Path, tmp_path: Path) -> None:
    from policykg.graph.oxigraph_store import OxigraphStore

    directory = copy_store(api_store_dir, tmp_path / "store")
    with OxigraphStore(directory / "rdf"):
        busy = run_build(directory, TOKEN)
    assert busy.returncode == 2
    assert b"store_busy" in busy.stderr and b"Traceback" not in busy.stderr

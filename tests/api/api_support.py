"""Helpers of the service tests: the test token, store set-up, a real uvicorn, and the problem check."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from policykg.api.app import server_options
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology.reference import reference_quads
from policykg.ontology.vocab import REFERENCE_GRAPH
from policykg.settings import Settings
from tests.graph.graph_facts import build as build_facts

#: The write token of every test service (not one of settings.DEFAULT_TOKENS).
TOKEN = "tok-3f9c1e7a-api-tests"
#: Settings the live server runs with: short timeout and small caps so the limits can be hit.
LIVE_ENV = {
    "POLICYKG_WRITE_TOKEN": TOKEN,
    "POLICYKG_SPARQL_TIMEOUT": "2",
    "POLICYKG_SPARQL_MAX_ROWS": "25",
    "POLICYKG_MAX_BODY_BYTES": "65536",
    "POLICYKG_QUERY_WORKERS": "2",
    "POLICYKG_RATE_LIMIT": "0",
    "POLICYKG_TRUSTED_PROXIES": "",
}


def seed_graphs() -> dict[str, list[Any]]:
    """Named graph → quads: the reference graph plus the real clauses of tests/graph/graph_facts.py."""
    return {**build_facts().graphs(), REFERENCE_GRAPH: reference_quads()}


def write_store(directory: Path, graphs: dict[str, list[Any]]) -> Path:
    with OxigraphStore(directory / "rdf") as store:
        for iri, quads in graphs.items():
            store.replace_graph(iri, quads, version="seed")
    return directory


def copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source / "rdf", target / "rdf")
    return target


@dataclass
class LiveServer:
    url: str
    host: str
    port: int
    process: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def proxy_flags(env: dict[str, str]) -> list[str]:
    """uvicorn's proxy-header flags for the `trusted_proxies` setting in `env` (else the environment),
    the values `policykg serve` passes to uvicorn."""
    options = server_options(Settings(trusted_proxies={**os.environ, **env}.get("POLICYKG_TRUSTED_PROXIES")))
    if not options["proxy_headers"]:
        return ["--no-proxy-headers"]
    return ["--proxy-headers", "--forwarded-allow-ips", options["forwarded_allow_ips"]]


def start_uvicorn(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """`uvicorn --factory policykg.api.app:create_app_from_environment` with POLICYKG_* settings in `env`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "policykg.api.app:create_app_from_environment",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", *proxy_flags(env)],
            env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
        )


def start_serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """`policykg serve` on 127.0.0.1:`port` with POLICYKG_* settings in `env`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "policykg.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
        )


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(url + "/api/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"uvicorn not ready after {timeout} s:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def raw_request(server: LiveServer, head: bytes, body_parts: tuple[bytes, ...] = (), wait: float = 5.0) -> bytes:
    """Sends `head` (and then each body part) over a plain socket; returns what the server answered."""
    with socket.create_connection((server.host, server.port), timeout=wait) as sock:
        sock.sendall(head)
        for part in body_parts:
            try:
                sock.sendall(part)
            except (BrokenPipeError, ConnectionResetError):
                break
        answer = b""
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
                if b"\r\n\r\n" in answer and _complete(answer):
                    break
        except (TimeoutError, ConnectionResetError):
            pass
    return answer


def _complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def status_and_json(answer: bytes) -> tuple[int, dict[str, str], dict]:  # type: ignore[type-arg]
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body)



PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code"}


def assert_problem(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is an RFC 9457 problem with that status (and code), leaking nothing internal."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body = response.json()
    assert set(body) >= PROBLEM_KEYS, body
    assert body["status"] == status
    assert body["type"] == f"https://policykg.org/problems/{body['code']}"
    assert isinstance(body["detail"], str) and body["detail"]
    if code is not None:
        assert body["code"] == code, body
    text = response.text
    for leak in ("Traceback", 'File "', ".py\"", "/tmp/", "/work/", "site-packages"):
        assert leak not in text, f"{leak!r} leaked in {text}"
    return body

"""Query workers: SPARQL queries with a deadline, each run in a process of its own over a read-only
snapshot of the embedded store, so that a query past its deadline can be stopped (the process is
killed) — pyoxigraph has no way to cancel a query in-process. See `policykg.graph.query_worker` for
the process's side of the conversation.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from socket import AF_UNIX, SOCK_STREAM, socketpair
from typing import TYPE_CHECKING

import pyoxigraph as ox

from policykg.errors import BadRequest, QueryTimeout, StoreError
from policykg.graph.results import QueryResult, parse_json_results, write_json

if TYPE_CHECKING:
    from policykg.graph.oxigraph_store import OxigraphStore

def run_query(store: ox.Store, sparql: str, max_rows: int | None = None) -> QueryResult:
    """Runs `sparql` on a pyoxigraph store, with the union of all graphs as default graph.

    The union default graph is what Virtuoso does by default and what the oxigraph server is started
    with (`--union-default-graph`), so a query means the same on every backend.
    """
    try:
        answer = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise BadRequest(f"invalid SPARQL: {exc}") from None
    except OSError as exc:
        raise StoreError(f"store read failed: {exc}") from None
    limit = None if max_rows is None else max_rows + 1
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        solutions = [tuple(sol) for sol in itertools.islice(answer, limit)]  # in `variables` order, None if unbound
        truncated = max_rows is not None and len(solutions) > max_rows
        return QueryResult("select", variables, solutions[:max_rows] if truncated else solutions, truncated=truncated)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    triples = list(itertools.islice(answer, limit))
    truncated = max_rows is not None and len(triples) > max_rows
    return QueryResult("graph", triples=triples[:max_rows] if truncated else triples, truncated=truncated)


def encode_result(result: QueryResult) -> tuple[str, bytes | bool, bool]:
    """A QueryResult as plain bytes for the pipe between a worker and the store."""
    if result.form == "select":
        return "select", write_json(result), result.truncated
    if result.form == "ask":
        return "ask", bool(result.boolean), False
    return "graph", ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES) or b"", result.truncated


def decode_result(form: str, payload: bytes | bool, truncated: bool) -> QueryResult:
    if form == "select":
        assert isinstance(payload, bytes)
        result = parse_json_results(payload)
        result.truncated = truncated
        return result
    if form == "ask":
        return QueryResult("ask", boolean=bool(payload))
    assert isinstance(payload, bytes)
    triples = [q.triple for q in ox.parse(payload, ox.RdfFormat.N_TRIPLES)]
    return QueryResult("graph", triples=triples, truncated=truncated)


@dataclass(eq=False)
class Snapshot:
    """One frozen state of the store that workers open: a checkpoint directory (or N-Quads, in memory)."""

    generation: int
    path: str | None
    data: bytes | None
    users: int = 0

    def discard(self) -> None:
        if self.path:
            shutil.rmtree(self.path, ignore_errors=True)


class _Worker:
    def __init__(self) -> None:
        parent, child = socketpair(AF_UNIX, SOCK_STREAM)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "policykg.graph.query_worker", str(child.fileno())],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
            close_fds=True,
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.snapshot: Snapshot | None = None

    def call(self, message: tuple[object, ...], deadline: float | None) -> tuple[object, ...]:
        """Sends a request and waits for the answer until `deadline` (monotonic); None if it passed."""
        try:
            self.conn.send(message)
        except OSError:
            raise StoreError("query worker died") from None
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        if not self.conn.poll(remaining):
            return ()
        try:
            reply = self.conn.recv()
        except (EOFError, OSError):
            raise StoreError("query worker died") from None
        assert isinstance(reply, tuple)
        return reply

    def kill(self) -> None:
        try:
            self.process.kill()
        finally:
            self.process.wait()
            self.conn.close()


class QueryWorkers:
    """A small pool of query processes over snapshots of one store."""

    def __init__(self, owner: OxigraphStore, size: int) -> None:
        self._owner = owner
        self._slots = threading.BoundedSemaphore(max(1, size))
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._latest: Snapshot | None = None
        self._snapdir: str | None = None
        self._counter = itertools.count()
        self._closed = False

    def run(self, sparql: str, timeout: float, max_rows: int | None) -> QueryResult:
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            raise QueryTimeout("query not started: every query worker stayed busy", timeout=timeout)
        worker: _Worker | None = None
        try:
            worker = self._take_worker()
            self._attach(worker, deadline)
            reply = worker.call(("query", sparql, max_rows), deadline)
            if not reply:
                self._retire(worker)
                worker = None
                raise QueryTimeout(f"query stopped after {timeout:g} s", timeout=timeout)
            status = reply[0]
            if status == "syntax":
                raise BadRequest(f"invalid SPARQL: {reply[1]}")
            if status != "ok":
                raise StoreError(f"query failed: {reply[1]}")
            form, payload, truncated = reply[1], reply[2], reply[3]
            assert isinstance(form, str) and isinstance(payload, bytes | bool) and isinstance(truncated, bool)
            return decode_result(form, payload, truncated)
        except StoreError:
            if worker is not None:
                self._retire(worker)
                worker = None
            raise
        finally:
            if worker is not None:
                with self._lock:
                    keep = not self._closed
                    if keep:
                        self._idle.append(worker)
                if not keep:
                    self._retire(worker)
            self._slots.release()

    def _take_worker(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise StoreError("store is closed")
            if self._idle:
                return self._idle.pop()
        return _Worker()

    def _attach(self, worker: _Worker, deadline: float) -> None:
        """Points the worker at the newest snapshot (making one if the store changed since the last)."""
        snapshot = self._current()
        if worker.snapshot is snapshot:
            self._release(snapshot)
            return
        message: tuple[object, ...] = ("open", snapshot.path) if snapshot.path else ("load", snapshot.data)
        # Opening is not the query's fault: give it a fixed allowance beyond the query deadline.
        reply = worker.call(message, max(deadline, time.monotonic() + 30.0))
        if not reply or reply[0] != "ok":
            self._release(snapshot)
            raise StoreError(f"query worker could not open the store snapshot: {reply[1] if reply else 'timeout'}")
        old, worker.snapshot = worker.snapshot, snapshot
        if old is not None:
            self._release(old)

    def _current(self) -> Snapshot:
        with self._lock:
            generation = self._owner.generation
            latest = self._latest
            if latest is None or latest.generation != generation:
                fresh = self._owner.make_snapshot(generation, self._snapshot_path())
                if latest is not None and latest.users == 0:
                    latest.discard()
                self._latest = latest = fresh
            latest.users += 1
            return latest

    def _snapshot_path(self) -> str | None:
        base = self._owner.snapshot_parent()
        if base is None:
            return None
        if self._snapdir is None:
            self._snapdir = tempfile.mkdtemp(prefix=self._owner.snapshot_prefix(), dir=base)
        return os.path.join(self._snapdir, f"s{next(self._counter)}")

    def _release(self, snapshot: Snapshot) -> None:
        with self._lock:
            snapshot.users -= 1
            if snapshot.users <= 0 and snapshot is not self._latest:
                snapshot.discard()

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        if worker.snapshot is not None:
            snapshot, worker.snapshot = worker.snapshot, None
            self._release(snapshot)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            self._retire(worker)
        if self._snapdir:
            shutil.rmtree(self._snapdir, ignore_errors=True)
            self._snapdir = None
        self._latest = None

"""The default backend: an embedded pyoxigraph (RocksDB) store on disk.

Every write is one Oxigraph transaction — an `extend` for a graph written the first time, otherwise
a single SPARQL Update request holding only the difference — so replacing a document's graph and its
version is atomic, also across a crash (RocksDB's write-ahead log), and readers (who get a snapshot
per query) see the old or the new graph, never a mix.

pyoxigraph cannot interrupt a running query, so a query given a timeout runs in a worker process
(see `policykg.graph.query_worker`) over a RocksDB checkpoint of the store — a hard-linked, read-only
copy of the current state, made in milliseconds and refreshed after each write. When the deadline
passes the worker is killed (SIGKILL): the CPU work truly stops, the caller gets QueryTimeout at once
and a fresh worker is started for the next query. Queries without a timeout (the store's own
bookkeeping, exports) run in-process.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from socket import AF_UNIX, SOCK_STREAM, socketpair

import pyoxigraph as ox

from policykg.errors import BadRequest, QueryTimeout, StoreBusy, StoreError
from policykg.graph.results import QueryResult, parse_json_results, write_json
from policykg.graph.store import (
    META_GRAPH,
    PENDING,
    GraphData,
    Output,
    Store,
    delete_data,
    insert_data,
    iri_ref,
    meta_triples,
    meta_update,
    rdf_format,
)
from policykg.settings import Settings

#: Triples per INSERT DATA operation of a replace (all in one request, hence one transaction).
_INSERT_CHUNK = 5000


def _has_bnode(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


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
class _Snapshot:
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
        self.snapshot: _Snapshot | None = None

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
        self._latest: _Snapshot | None = None
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

    def _current(self) -> _Snapshot:
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

    def _release(self, snapshot: _Snapshot) -> None:
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


class OxigraphStore(Store):
    """The embedded store in `directory` (None: in memory, gone when closed)."""

    backend = "oxigraph"

    def __init__(self, directory: str | os.PathLike[str] | None = None, query_workers: int = 2) -> None:
        super().__init__()
        self.directory = Path(directory) if directory is not None else None
        try:
            if self.directory is None:
                self._store = ox.Store()
            else:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.directory))
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreBusy("the store is open in another process (one writer at a time)") from None
            raise StoreError(f"cannot open the store: {exc.strerror or 'unreadable data'}") from None
        self._remove_stale_snapshots()
        self.generation = 0
        #: Graphs new to the store are written in batches without a transaction each (see write_graphs).
        #: Only for a writer no one reads from meanwhile: a build that opened the store itself.
        self.bulk_writes = False
        self._remove_unfinished_writes()
        self._workers = QueryWorkers(self, query_workers)
        self._finalizer = weakref.finalize(self, QueryWorkers.close, self._workers)

    @classmethod
    def from_settings(cls, settings: Settings) -> OxigraphStore:
        """The store lives in the `rdf` folder of the `store` directory (":memory:" keeps it in memory)."""
        if settings.store == ":memory:":
            return cls(None, settings.query_workers)
        return cls(Path(settings.store) / "rdf", settings.query_workers)

    # --- snapshots for the query workers -----------------------------------------------------------------
    def snapshot_prefix(self) -> str:
        assert self.directory is not None
        return f".{self.directory.name}-query-snapshots-"

    def _remove_stale_snapshots(self) -> None:
        """Snapshot folders left by a process that died; none can be in use, as we hold the store's lock."""
        if self.directory is None:
            return
        for stale in self.directory.parent.glob(self.snapshot_prefix() + "*"):
            shutil.rmtree(stale, ignore_errors=True)

    def snapshot_parent(self) -> str | None:
        """Checkpoints go beside the store so that RocksDB can hard-link its files instead of copying."""
        return None if self.directory is None else str(self.directory.parent)

    def make_snapshot(self, generation: int, path: str | None) -> _Snapshot:
        if path is None:
            return _Snapshot(generation, None, self._store.dump(format=ox.RdfFormat.N_QUADS))
        try:
            self._store.backup(path)
        except OSError as exc:
            raise StoreError(f"cannot snapshot the store for a query: {exc}") from None
        return _Snapshot(generation, path, None)

    # --- primitives -------------------------------------------------------------------------------------
    def _execute(self, sparql: str, form: str, timeout: float | None, max_rows: int | None) -> QueryResult:
        if timeout is None:
            return run_query(self._store, sparql, max_rows)
        if timeout <= 0:
            raise QueryTimeout("query timeout must be positive", timeout=timeout)
        return self._workers.run(sparql, timeout, max_rows)

    def _apply(self, operations: list[str]) -> None:
        """Runs update operations as ONE request, hence one Oxigraph transaction."""
        try:
            self._store.update(";\n".join(operations))
        except SyntaxError as exc:
            raise BadRequest(f"invalid SPARQL update: {exc}") from None
        except OSError as exc:
            raise StoreError(f"store write failed: {exc}") from None
        finally:
            self.generation += 1

    def _write_graph(self, graph_iri: str, triples: list[ox.Triple], meta: list[ox.Triple]) -> None:
        """Replaces a graph and its meta description in ONE transaction, choosing the cheapest form.

        * A graph the store has never held (no quads, no meta): one `extend` of data and meta —
          a single RocksDB transaction, about five times faster than parsing INSERT DATA text.
        * A graph already there: one update request holding only the difference (DELETE DATA of the
          triples that went away, INSERT DATA of the new ones) and the new meta description. A rebuild
          after a small change therefore writes a small transaction; a graph that changed entirely
          costs what a full rewrite costs.
        * Blank nodes cannot be named across requests, so a graph holding any falls back to
          DROP + INSERT DATA + meta, still one request.
        """
        node = ox.NamedNode(graph_iri)
        meta_node = ox.NamedNode(META_GRAPH)
        has_meta = next(iter(self._store.quads_for_pattern(node, None, None, meta_node)), None) is not None
        old = [q.triple for q in self._store.quads_for_pattern(None, None, None, node)]
        if not has_meta and not old:
            self._extend([ox.Quad(t.subject, t.predicate, t.object, node) for t in triples]
                         + [ox.Quad(t.subject, t.predicate, t.object, meta_node) for t in meta])
            return
        if any(_has_bnode(t) for t in old) or any(_has_bnode(t) for t in triples):
            ops = [f"DROP SILENT GRAPH {iri_ref(graph_iri)}"]
            ops += insert_data(graph_iri, triples, _INSERT_CHUNK)
            self._apply(ops + meta_update(graph_iri, meta))
            return
        new_set = set(triples)
        old_set = set(old)
        removed = [t for t in old if t not in new_set]
        added = [t for t in triples if t not in old_set]
        ops = delete_data(graph_iri, removed, _INSERT_CHUNK) + insert_data(graph_iri, added, _INSERT_CHUNK)
        self._apply(ops + meta_update(graph_iri, meta))

    def write_graphs(self, batch: Sequence[GraphData]) -> list[bool]:
        """As Store.write_graphs; with `bulk_writes` on, graphs new to the store go in one bulk load.

        A bulk load skips RocksDB transactions (about twice as fast, memory bounded by RocksDB, not by
        the batch), so it is made safe around it: the graphs are first marked pending in the meta
        graph (one transaction), then loaded, then recorded with their versions while the marks are
        removed (one transaction). A crash in between leaves marked graphs, which the next opening of
        the store removes: the store is back at its last recorded state, and the next build writes
        them again. Graphs the store already holds are replaced one by one, as always.
        """
        if not self.bulk_writes or len(batch) < 2:
            return super().write_graphs(batch)
        with self._write_lock:
            new = [g for g in batch if not self._holds(g.iri)]
            fresh = {g.iri for g in new}
            if new:
                marks = [ox.Quad(ox.NamedNode(g.iri), ox.NamedNode(PENDING), ox.Literal("true"),
                                 ox.NamedNode(META_GRAPH)) for g in new]
                self._extend(marks)
                try:
                    self._store.bulk_load(b"".join(g.nquads for g in new), format=ox.RdfFormat.N_QUADS)
                except (OSError, SyntaxError) as exc:
                    raise StoreError(f"store write failed: {exc}") from None
                finally:
                    self.generation += 1
                meta = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(META_GRAPH))
                        for g in new for t in meta_triples(g.iri, g.version, g.nquads.count(b"\n"))]
                self._apply([*delete_data(META_GRAPH, [m.triple for m in marks]),
                             *insert_data(META_GRAPH, [q.triple for q in meta])])
            return [True if g.iri in fresh else self.replace_graph(g.iri, g.quads(), g.version) for g in batch]

    def _holds(self, graph_iri: str) -> bool:
        """Whether the store has any quad of `graph_iri`, or a meta description of it."""
        node = ox.NamedNode(graph_iri)
        if next(iter(self._store.quads_for_pattern(node, None, None, ox.NamedNode(META_GRAPH))), None):
            return True
        return next(iter(self._store.quads_for_pattern(None, None, None, node)), None) is not None

    def _remove_unfinished_writes(self) -> None:
        """Drops the graphs of a batch write a crash interrupted (marked pending in the meta graph)."""
        pending = [q.subject for q in self._store.quads_for_pattern(
            None, ox.NamedNode(PENDING), None, ox.NamedNode(META_GRAPH)) if isinstance(q.subject, ox.NamedNode)]
        for node in pending:
            self._apply([f"DROP SILENT GRAPH {iri_ref(node.value)}", *meta_update(node.value, [])])

    def _extend(self, quads: list[ox.Quad]) -> None:
        """Adds quads in one transaction (all or nothing, also across a crash)."""
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"store write failed: {exc}") from None
        finally:
            self.generation += 1

    def _drop_graph(self, graph_iri: str) -> None:
        self._apply([f"DROP SILENT GRAPH {iri_ref(graph_iri)}", *meta_update(graph_iri, [])])

    def _insert(self, quads: list[ox.Quad]) -> None:
        self._extend(quads)

    def _graph_quads(self, graph_iri: str) -> Iterator[ox.Quad]:
        return iter(self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))

    def update(self, sparql: str) -> None:
        with self._write_lock:
            self._apply([sparql])

    def graphs(self) -> list[str]:
        """Graphs with a recorded version, plus any other named graph (written by a raw update)."""
        named = {g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)}
        return sorted((named | set(self.graph_versions())) - {META_GRAPH})

    def dump(self, fmt: str, out: Output, graph_iri: str | None = None) -> None:
        """As Store.dump; a whole-dataset dump is taken from one snapshot of the store."""
        rdf = rdf_format(fmt)
        if rdf.supports_datasets and graph_iri is None:
            self._store.dump(out, rdf, prefixes=self._prefixes_for(rdf))
            return
        super().dump(fmt, out, graph_iri)

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        self._finalizer()
        if hasattr(self, "_store"):
            with contextlib.suppress(OSError):
                self._store.flush()
            del self._store


__all__ = ["OxigraphStore", "QueryWorkers", "run_query", "iri_ref"]

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
import os
import shutil
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from policykg.errors import BadRequest, QueryTimeout, StoreBusy, StoreError
from policykg.graph.meta import META_GRAPH, PENDING
from policykg.graph.query_workers import QueryWorkers, Snapshot, run_query
from policykg.graph.results import QueryResult
from policykg.graph.sparql_update import delete_data, insert_data, iri_ref, meta_triples, meta_update
from policykg.graph.store import GraphData, Output, Store, rdf_format
from policykg.settings import Settings

#: Triples per INSERT DATA operation of a replace (all in one request, hence one transaction).
_INSERT_CHUNK = 5000


def _has_bnode(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


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

    def make_snapshot(self, generation: int, path: str | None) -> Snapshot:
        if path is None:
            return Snapshot(generation, None, self._store.dump(format=ox.RdfFormat.N_QUADS))
        try:
            self._store.backup(path)
        except OSError as exc:
            raise StoreError(f"cannot snapshot the store for a query: {exc}") from None
        return Snapshot(generation, path, None)

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
        if not self.bulk_writes or not batch:
            return super().write_graphs(batch)
        with self._write_lock:
            new = [g for g in batch if not self._holds(g.iri)]
            fresh = {g.iri for g in new}
            if new:
                marks = [ox.Quad(ox.NamedNode(g.iri), ox.NamedNode(PENDING), ox.Literal("true"),
                                 ox.NamedNode(META_GRAPH)) for g in new]
                self._extend(marks)
                try:
                    # the graphs' N-Quads are the mapping's own serialisation: the loader's IRI and
                    # language-tag checks (a tenth of its time) are skipped; syntax is still checked
                    self._store.bulk_load(b"".join(g.nquads for g in new), format=ox.RdfFormat.N_QUADS, lenient=True)
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

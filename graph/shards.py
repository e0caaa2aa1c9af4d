"""Shards: one document graph as N-Quads followed by its version record in the store's meta graph.

A shard is what a build writes beside the store and what another machine's build hands over: any
store loads it as one transaction (`store_shard`), or leaves it when it already holds that version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from policykg.settings import Settings


def version_record(graph: str, version: str) -> bytes:
    """The N-Quads line that ends a shard: the graph's version, in the meta graph."""
    import pyoxigraph as ox

    from policykg.graph.meta import META_GRAPH, VERSION

    record = ox.Quad(ox.NamedNode(graph), ox.NamedNode(VERSION), ox.Literal(version), ox.NamedNode(META_GRAPH))
    return ox.serialize([record], format=ox.RdfFormat.N_QUADS) or b""


def store_shard(store: Any, shard: bytes | Path) -> bool:
    """Writes one document shard (its quads and version record) into a store of any backend.

    The graph is replaced as one transaction, or left alone (False) when the store already holds it
    at the shard's version.
    """
    import pyoxigraph as ox

    from policykg.errors import BadRequest
    from policykg.graph.meta import META_GRAPH, VERSION

    if isinstance(shard, Path):
        quads = list(ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS))
    else:
        quads = list(ox.parse(shard, ox.RdfFormat.N_QUADS))
    records = [q for q in quads if q.graph_name == ox.NamedNode(META_GRAPH) and q.predicate.value == VERSION]
    if len(records) != 1 or not isinstance(records[0].subject, ox.NamedNode):
        raise BadRequest("a shard holds one graph and exactly one version record")
    graph, version = records[0].subject.value, records[0].object.value
    return bool(store.replace_graph(graph, (q for q in quads if q is not records[0]), version=version))


def load_shards(folder: str | Path, settings: Settings | None = None, store: Any = None) -> dict[str, int]:
    """Loads every `*.nq` shard of `folder` (e.g. written by a build on other machines) into a store.

    Each shard replaces its document's graph atomically; shards already in the store at their
    version write nothing. Returns counts of shards written and unchanged.
    """
    from policykg.graph.store import open_store

    counts = {"written": 0, "unchanged": 0}
    shards = sorted(Path(folder).glob("*.nq"))

    def run(target: Any) -> None:
        for shard in shards:
            counts["written" if store_shard(target, shard) else "unchanged"] += 1

    if store is not None:
        run(store)
    else:
        with open_store(settings or Settings()) as opened:
            run(opened)
    return counts


def write_in_batches(store: Any, graphs: Iterable[Any], limit: int,
                    then: Callable[[list[Any]], None] | None = None) -> list[bool]:
    """Writes graphs (GraphData) through `store.write_graphs`, in batches of about `limit` bytes of
    N-Quads (0: one graph at a time); True for each graph written. `then(batch)` runs after each batch is
    in the store (what is kept beside the store follows it)."""
    written: list[bool] = []
    batch: list[Any] = []
    size = 0
    for graph in graphs:
        batch.append(graph)
        size += len(graph.nquads)
        if size >= limit:
            written += store.write_graphs(batch)
            if then is not None:
                then(batch)
            batch, size = [], 0
    if batch:
        written += store.write_graphs(batch)
        if then is not None:
            then(batch)
    return written

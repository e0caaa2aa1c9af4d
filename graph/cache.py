"""What the query layer keeps between calls, valid for one state of the store.

A store that counts its writes (the embedded store does: every write bumps `generation`) lets query rows
and whole answers be kept until the next write; a store without a counter — a remote endpoint others
may write to — keeps nothing. Every cache of the query layer is a `GenerationCache`: the rows of each
filled query text (`runner.Runner.rows`), the answers of `queries.Queries`, and the phrase index
(`text_index`), which holds one entry.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

#: Entries kept per store generation (least recently used first out); a write to the store empties it.
CACHE_ENTRIES = 512

V = TypeVar("V")


def store_generation(store: Any) -> int | None:
    """The store's write counter, when it keeps one; None for stores that are not cached."""
    generation = getattr(store, "generation", None)
    return generation if isinstance(generation, int) else None


class GenerationCache(Generic[V]):
    """At most `entries` values by key, all of one store generation; thread-safe. A value computed while
    the store changed is not kept."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self.entries = entries
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._generation: int | None = None
        self._lock = threading.Lock()

    def lookup(self, generation: int, key: Hashable) -> tuple[bool, V | None]:
        """(found, value): whether a value is kept for `key` in this generation, and the value."""
        with self._lock:
            if generation != self._generation:
                self._values.clear()
                self._generation = generation
                return False, None
            if key not in self._values:
                return False, None
            self._values.move_to_end(key)
            return True, self._values[key]

    def put(self, generation: int, key: Hashable, value: V) -> None:
        with self._lock:
            if generation != self._generation:
                return
            self._values[key] = value
            while len(self._values) > self.entries:
                self._values.popitem(last=False)

    def get_or_compute(self, generation: int | None, key: Hashable, compute: Callable[[], V]) -> V:
        """The value kept for `key`, or `compute()` (kept when the store tells its generation)."""
        if generation is None:
            return compute()
        found, kept = self.lookup(generation, key)
        if found:
            return kept  # type: ignore[return-value]
        value = compute()
        self.put(generation, key, value)
        return value

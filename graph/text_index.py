"""The phrase index: every normalised text of the store, held in process for one store generation.

A phrase search over SPARQL scans every text with CONTAINS, once per phrase. On a store that tells its
generation (see `cache`), `search` instead reads every normalised text once per generation, finds the
items containing the phrase here, and asks the store only about those.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


class TextIndex:
    """item IRI → lower-cased normalised text, read by `load` (rows of `?item ?normalised`) when the
    store's generation changes."""

    def __init__(self, load: Callable[[], list[dict[str, Any]]]) -> None:
        self._load = load
        self._texts: tuple[int, list[tuple[str, str]]] | None = None
        self._lock = threading.Lock()

    def containing(self, generation: int, needle: str) -> list[str]:
        """The IRIs of the items whose text contains `needle` (already normalised), sorted."""
        with self._lock:
            texts = self._texts
            if texts is None or texts[0] != generation:
                texts = (generation, [(row["item"], str(row["normalised"]).lower()) for row in self._load()])
                self._texts = texts
        return sorted({item for item, text in texts[1] if needle in text})

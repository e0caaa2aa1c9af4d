"""What every route of one running service shares: its settings, its store and the query layer."""

from __future__ import annotations

import gzip
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from fastapi import Request

from policykg.api.problems import ApiError
from policykg.graph.cache import store_generation
from policykg.settings import Settings

if TYPE_CHECKING:
    from policykg.graph.queries import Queries
    from policykg.graph.store import Store


@dataclass
class ServiceState:
    settings: Settings
    store: Store
    owns_store: bool
    _queries: Queries | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _dataset: tuple[int | None, Path] | None = None  # (store generation, gzipped N-Quads of that state)
    _dataset_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def queries(self) -> Queries:
        """The researcher queries over this store, made on first use."""
        with self._lock:
            if self._queries is None:
                from policykg.graph.queries import Queries

                self._queries = Queries(self.store, self.settings)
            return self._queries

    def open_dataset(self) -> IO[bytes]:
        """The whole dataset as gzipped N-Quads, open for reading. Dumped to a temporary file once per
        state of the store (an embedded store counts its writes), so repeated downloads cost no dump."""
        generation = store_generation(self.store)
        cacheable = generation is not None
        with self._dataset_lock:
            if self._dataset is None or not cacheable or self._dataset[0] != generation:
                fd, name = tempfile.mkstemp(prefix="policykg-dataset-", suffix=".nq.gz")
                try:
                    with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as gz:
                        self.store.dump("nq", gz)
                except BaseException:
                    os.unlink(name)
                    raise
                self._forget_dataset()
                self._dataset = (generation, Path(name))
            handle = self._dataset[1].open("rb")  # stays readable when a newer dump replaces the file
            if not cacheable:
                self._forget_dataset()
            return handle

    def _forget_dataset(self) -> None:
        if self._dataset is not None:
            self._dataset[1].unlink(missing_ok=True)
            self._dataset = None

    def close(self) -> None:
        with self._dataset_lock:
            self._forget_dataset()
        if self.owns_store:
            self.store.close()


def state_of(request: Request) -> ServiceState:
    state = request.app.state.policykg
    assert isinstance(state, ServiceState)
    return state


def require_document(request: Request, doc_id: str | None) -> None:
    """A document named by a path or a `document` filter is one of the graph: an unknown id is a 404
    `document_not_found`, never an empty answer (None: no document named)."""
    if doc_id is not None and not state_of(request).queries.known_document(doc_id):
        raise ApiError(404, "document_not_found", f"no document {doc_id!r}", id=doc_id)

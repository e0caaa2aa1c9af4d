"""What every route of one running service shares: its settings, its store and the query layer."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import Request

from policykg.settings import Settings

if TYPE_CHECKING:
    from policykg.graph.store import Store


@dataclass
class ServiceState:
    settings: Settings
    store: Store
    owns_store: bool
    _queries: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def queries(self) -> Any:
        """The researcher queries over this store (`policykg.graph.queries.Queries`), made on first use."""
        with self._lock:
            if self._queries is None:
                from policykg.graph.queries import Queries

                self._queries = Queries(self.store, self.settings)
            return self._queries

    def close(self) -> None:
        if self.owns_store:
            self.store.close()


def state_of(request: Request) -> ServiceState:
    state = request.app.state.policykg
    assert isinstance(state, ServiceState)
    return state

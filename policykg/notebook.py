"""The graph from Python: `policykg.open(store)` and plain records a notebook can put in a DataFrame.

    import pandas as pd, policykg
    g = policykg.open("var/store")
    pd.DataFrame(g.units("CCUS"))
    pd.DataFrame(g.trace("sanming-pollution-carbon-synergy-plan-2022~s4.i5.m2").records())

The answers are those of the HTTP API (the same query layer), as lists of dicts of plain values and
small dataclasses — no RDF terms — so they go straight into pandas, JSON or CSV.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any

from policykg.settings import Settings

if TYPE_CHECKING:
    from policykg.graph.store import Store


@dataclass(slots=True)
class Trace:
    """A measure or clause and the chain of clauses above it that it implements."""

    source: dict[str, Any]
    parents: list[dict[str, Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """One row per link on the way up: depth 1 is what the source implements directly."""
        rows: list[dict[str, Any]] = []

        def walk(parents: list[dict[str, Any]], child: str, depth: int) -> None:
            for parent in parents:
                rows.append(
                    {
                        "depth": depth,
                        "from": child,
                        "to": parent.get("id"),
                        "document": parent.get("document"),
                        "clause": parent.get("clause"),
                        "relation": parent.get("relation"),
                        "score": parent.get("score"),
                        "evidence": ", ".join(f"{e.get('kind')}:{e.get('value')}" for e in parent.get("evidence", [])),
                        "text": parent.get("text"),
                    }
                )
                walk(parent.get("parents", []), str(parent.get("id")), depth + 1)

        walk(self.parents, str(self.source.get("id")), 1)
        return rows


@dataclass(slots=True)
class Units:
    """The units responsible for a concept's clauses; iterating gives the unit records."""

    concept: dict[str, Any]
    units: list[dict[str, Any]] = field(default_factory=list)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def records(self) -> list[dict[str, Any]]:
        """One row per unit and clause: unit, label, jurisdiction, document, clause (its number and path), role."""
        return [
            {
                "unit": u.get("id"),
                "label": u.get("label"),
                "jurisdiction": u.get("jurisdiction"),
                "document": c.get("document"),
                "clause_id": c.get("id"),
                "clause": c.get("clause"),
                "clause_path": "/".join(c.get("path") or []),
                "role": c.get("role"),
            }
            for u in self.units
            for c in u.get("clauses", [])
        ]


class Graph:
    """One open knowledge graph. Close it (or use `with`) to release the store."""

    def __init__(self, store: Store, settings: Settings, owns_store: bool = True) -> None:
        from policykg.graph.queries import Queries

        self.store = store
        self.settings = settings
        self._owns_store = owns_store
        self._queries = Queries(store, settings)

    def __enter__(self) -> Graph:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_store:
            self.store.close()

    # --- the researcher questions ----------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        return list(self._queries.documents())

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The document's metadata with its clauses; None when the graph has no such document."""
        found = self._queries.document(doc_id)
        return dict(found) if found else None

    def clauses(self, doc_id: str) -> list[dict[str, Any]]:
        """The document's clauses as flat records (units, targets, measures counted, not nested)."""
        found = self.document(doc_id) or {}
        return [
            {
                "id": c.get("id"),
                "number": c.get("number"),
                "path": "/".join(c.get("path") or []),
                "title": c.get("title"),
                "units": ", ".join(str(u.get("label") or u.get("id")) for u in c.get("units", [])),
                "targets": len(c.get("targets", [])),
                "measures": len(c.get("measures", [])),
                "text": c.get("text"),
            }
            for c in found.get("clauses", [])
        ]

    def units(self, concept: str, document: str | None = None, region: str | None = None) -> Units:
        """Units responsible for clauses about `concept` (an id or a label in any script).

        Raises KeyError when no concept has that name.
        """
        from policykg.api.answers import with_clause_paths

        found = self._queries.units(concept, document=document, region=region)
        if not found:
            raise KeyError(f"no concept {concept!r}")
        found = with_clause_paths(self._queries, dict(found))
        return Units(dict(found["concept"]), list(found["units"]))

    def trace(self, item_id: str) -> Trace:
        """Raises KeyError when the graph has no measure or clause with that id."""
        found = self._queries.trace(item_id)
        if not found:
            raise KeyError(f"no measure or clause {item_id!r}")
        return Trace(dict(found["source"]), list(found.get("parents", [])))

    def targets(
        self,
        document: str | None = None,
        year: int | None = None,
        concept: str | None = None,
        region: str | None = None,
        kind: str = "quantified",
        level: str | None = None,
    ) -> list[dict[str, Any]]:
        """Quantified targets (or, with kind="qualitative", the goals stated in words: never mixed). A
        relative change reads as its direction: comparator "decrease", value 18, unit "%", base_year 2020.
        `region` by id or name ("广东", "Guangdong"); `level` "municipal", "municipal,county", "national".

        Raises KeyError when no concept has the name `concept`, or there is no document `document`.
        """
        from policykg.api.answers import with_clause_paths

        if concept and concept.strip() and self._queries.resolve_concept(concept) is None:
            raise KeyError(f"no concept {concept!r}")
        if document and document.strip() and not self._queries.known_document(document):
            raise KeyError(f"no document {document!r}")
        found = self._queries.targets(document=document, year=year, concept=concept, region=region, kind=kind,
                                      level=level)
        return list(with_clause_paths(self._queries, {"targets": list(found)})["targets"])

    def goals(
        self, document: str | None = None, year: int | None = None, concept: str | None = None,
        region: str | None = None, level: str | None = None,
    ) -> list[dict[str, Any]]:
        """The qualitative goals ("城市生活垃圾分类实现全覆盖"): `targets(kind="qualitative")`."""
        return self.targets(document, year, concept, region, kind="qualitative", level=level)

    def search(self, q: str, document: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """The best `limit` hits, ranked as /api/search ranks them."""
        from policykg.api.answers import ranked_search

        return ranked_search(self._queries, q, document=document)[:limit]

    def concepts(self, q: str = "") -> list[dict[str, Any]]:
        return list(self._queries.concepts(q))

    def sparql(self, query: str, timeout: float | None = None) -> list[dict[str, Any]] | bool:
        """SELECT → rows of plain values; ASK → bool; CONSTRUCT/DESCRIBE → {subject, predicate, object} rows.

        Give `timeout` (seconds) to have a runaway query stopped; by default a notebook query may run
        as long as it needs.
        """
        result = self.store.query(query, timeout=timeout)
        if isinstance(result, bool):
            return result
        if result and not isinstance(result[0], dict):
            return [{"subject": str(t.subject), "predicate": str(t.predicate), "object": str(t.object)} for t in result]
        return [dict(row) for row in result]  # type: ignore[arg-type]

    def example(self, name: str) -> list[dict[str, Any]] | bool:
        """Runs one of the shipped example queries (see `policykg.api.examples`) by name."""
        from policykg.api.examples import example

        found = example(name)
        if found is None:
            raise KeyError(f"no example query {name!r}")
        return self.sparql(found.query)


def open(target: str | os.PathLike[str] | Settings | Store | None = None) -> Graph:  # noqa: A001
    """Opens the graph: a store directory (as `policykg build --store` made it), a Settings, or a Store.

    With nothing given, the store the settings name (POLICYKG_STORE, default var/store). While
    `policykg serve` holds the store, the graph is an in-memory copy of what the service serves,
    fetched once (`policykg.handoff`); when another process (a build) holds it, StoreBusy says so. A
    store directory that does not exist is PathNotFound (rather than a new, empty store).
    """
    from policykg.graph.store import Store as StoreBase
    from policykg.handoff import open_for_reading

    if isinstance(target, StoreBase):
        return Graph(target, Settings(), owns_store=False)
    settings = target if isinstance(target, Settings) else Settings(store=None if target is None else os.fspath(target))
    return Graph(open_for_reading(settings), settings)

"""The one owner of query execution: the service's named queries, run over a store, their rows cached.

Every answer module (`answer_*`) asks its questions through a `Runner`: `rows(name, **slots)` fills the
query `name` (`sparql_text`) and returns its rows as dicts of plain values, kept for the store's current
generation (`cache`); `look_up` and `per_item` ask a follow-up query for many items in VALUES chunks.
The runner also carries what answers share: the settings, the concept scheme and its names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from policykg.graph import sparql_text as sq
from policykg.graph.answer_index import AnswerIndex
from policykg.graph.cache import GenerationCache, store_generation
from policykg.graph.concept_names import ConceptNames
from policykg.graph.results import to_python
from policykg.graph.text_index import TextIndex
from policykg.ontology import vocab as v
from policykg.ontology.concepts import ConceptScheme
from policykg.settings import Settings

#: IRIs per VALUES block of the follow-up queries (spans, sentences, labels); past about a thousand
#: Oxigraph stops starting the join from the list.
VALUES_CHUNK = 400


def select(store: Any, sparql: str) -> list[dict[str, Any]]:
    """SELECT rows as dicts of plain values, from a policykg Store or a bare pyoxigraph Store."""
    if isinstance(store, ox.Store):
        result = store.query(sparql, use_default_graph_as_union=True)
    else:
        result = store.query(sparql)
    if isinstance(result, ox.QuerySolutions):
        names = [var.value for var in result.variables]
        return [
            {name: (None if sol[name] is None else to_python(sol[name])) for name in names} for sol in result
        ]
    if hasattr(result, "rows"):
        return list(result.rows())
    if isinstance(result, list):
        return [dict(row) for row in result]
    raise TypeError(f"not a SELECT result: {type(result).__name__}")


class Runner:
    """Runs the named queries over a store (anything with `query(sparql)` returning rows)."""

    def __init__(self, store: Any, settings: Settings, scheme: ConceptScheme) -> None:
        self.store = store
        self.settings = settings
        self.scheme = scheme
        self.names = ConceptNames(scheme)
        self._rows: GenerationCache[list[dict[str, Any]]] = GenerationCache()
        self.text_index = TextIndex(lambda: select(self.store, sq.fill(sq.text("normalised_texts"))))
        self._index = AnswerIndex.beside(store, settings) if settings.answer_index else None

    @property
    def generation(self) -> int | None:
        return store_generation(self.store)

    def index(self) -> AnswerIndex | None:
        """The answer index, when it is in step with the store (`answer_index`); else None (answers then
        come from SPARQL alone, the same answers more slowly)."""
        found = self._index
        return found if found is not None and found.in_step(self.store, self.generation) else None

    def rows(self, name: str, **slots: str) -> list[dict[str, Any]]:
        """The rows of the query `name` with its slots filled, kept for the store's current generation."""
        sparql = sq.fill(sq.text(name), **slots)
        found = self._rows.get_or_compute(self.generation, sparql, lambda: select(self.store, sparql))
        return list(found)

    def look_up(self, name: str, items: Iterable[str]) -> list[dict[str, Any]]:
        """The rows of a follow-up query (`${items}`: span_starts, …) for `items`, asked in VALUES chunks."""
        unique = sorted(set(items))
        out: list[dict[str, Any]] = []
        for i in range(0, len(unique), VALUES_CHUNK):
            out += self.rows(name, items=sq.iris(unique[i : i + VALUES_CHUNK]))
        return out

    def per_item(self, name: str, items: Iterable[str], column: str) -> dict[str, Any]:
        """item IRI → the first value of `column` a follow-up query finds for it."""
        out: dict[str, Any] = {}
        for row in self.look_up(name, items):
            if row[column] is not None:
                out.setdefault(row["item"], row[column])
        return out

    def total(self, count_name: str, page: list[Any], limit: int | None, offset: int, **slots: str) -> int:
        """How many rows the unpaged query has. A page shorter than its limit (and not past the end)
        tells it; else the query `count_name` (same slots) counts them."""
        if (page or not offset) and (limit is None or len(page) < limit):
            return offset + len(page)
        rows = self.rows(count_name, **slots)
        return int(rows[0]["total"]) if rows else 0

    def copies(self) -> frozenset[str]:
        """IRIs of the documents that are another expression of a work the corpus holds the original of (a
        translation, a second copy): lists over the whole corpus leave them out, so a work counts once."""
        rows = self.rows("expression_copies", links=sq.iri(v.LINKS_GRAPH))
        return frozenset(str(row["doc"]) for row in rows)

    def starts(self, items: Iterable[str]) -> dict[str, int]:
        """item IRI → the offset its span starts at in the original text."""
        return self.per_item("span_starts", items, "start")

    def clause_paths(self, clauses: Iterable[str]) -> dict[str, str]:
        """clause IRI → its path of numbers from the top of its document ("二/（五）/1")."""
        wanted = sorted(set(clauses))
        index = self.index()
        if index is not None:
            return index.clause_paths(wanted)
        return {row["item"]: str(row["path"]) for row in self.look_up("clause_paths", wanted) if row["path"]}

"""The store: one interface over every place the graph can live, and the registry that picks one.

Data lives in named graphs (one per document, plus links and reference data). Each write replaces a
whole named graph at once and records, in a separate meta graph, the version it was built from; a
rebuild of an unchanged document is then a no-op, and a reader never sees half a document. Backends
(the embedded on-disk store, a remote SPARQL 1.1 server) implement a few primitives; everything a
caller uses — versions, queries in every results format, dumps and loads — is written once here, so
all backends answer the same query with the same bytes.
"""

from __future__ import annotations

import importlib
import io
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import IO, Any, ClassVar

import pyoxigraph as ox

from policykg.errors import BadRequest, ConfigurationError
from policykg.graph.meta import META_GRAPH, TRIPLES, VERSION
from policykg.graph.results import QueryResult, RawResult, negotiate, query_form, serialize
from policykg.graph.sparql_update import (
    content_version,
    graph_triples,
    iri_ref,
    meta_triples,
    meta_update,
)
from policykg.ontology.vocab import PREFIXES
from policykg.settings import Settings

#: Serialisation names accepted by dump/load/export, with the oxigraph format each stands for.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
}

Output = str | os.PathLike[str] | IO[bytes]


def rdf_format(name: str) -> ox.RdfFormat:
    """'ttl', 'nq', 'jsonld'… or a media type ('text/turtle') → RdfFormat."""
    key = name.strip().lower()
    if key in RDF_FORMATS:
        return RDF_FORMATS[key]
    fmt = ox.RdfFormat.from_media_type(key)
    if fmt is None:
        raise BadRequest(f"unknown RDF format {name!r}; known: {', '.join(sorted(RDF_FORMATS))}")
    return fmt


@dataclass(slots=True)
class GraphData:
    """One named graph to write: its IRI, its version and its quads as N-Quads (that graph's only)."""

    iri: str
    version: str
    nquads: bytes

    def quads(self) -> Iterator[ox.Quad]:
        return iter(ox.parse(self.nquads, ox.RdfFormat.N_QUADS))


class Store(ABC):
    """A quad store holding the graph as named graphs, with a version recorded per graph.

    Subclasses implement the primitives (`_execute`, `_write_graph`, `_drop_graph`, `_insert`,
    `_graph_quads`, `update`, `close`); the public operations are built on them here.
    """

    backend: ClassVar[str] = ""
    #: Whether `write_graphs` may trade per-graph transactions for speed (a backend that can says how
    #: it stays safe); set by a build that holds the store alone.
    bulk_writes: bool = False

    def __init__(self) -> None:
        self._write_lock = threading.RLock()
        self.prefixes: dict[str, str] = dict(PREFIXES)

    # --- construction -----------------------------------------------------------------------------
    @classmethod
    @abstractmethod
    def from_settings(cls, settings: Settings) -> Store:
        """Builds the backend from the settings table."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- primitives ---------------------------------------------------------------------------------
    @abstractmethod
    def _execute(self, sparql: str, form: str, timeout: float | None, max_rows: int | None) -> QueryResult:
        """Runs a query; `form` is the query_form() of `sparql`."""

    @abstractmethod
    def _write_graph(self, graph_iri: str, triples: list[ox.Triple], meta: list[ox.Triple]) -> None:
        """Replaces the content of `graph_iri` by `triples` and its meta description by `meta`."""

    @abstractmethod
    def _drop_graph(self, graph_iri: str) -> None:
        """Removes `graph_iri` and its meta description."""

    @abstractmethod
    def _insert(self, quads: list[ox.Quad]) -> None:
        """Adds quads (to whatever graphs they name)."""

    @abstractmethod
    def _graph_quads(self, graph_iri: str) -> Iterator[ox.Quad]:
        """Every quad of one named graph."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Runs a SPARQL 1.1 Update request."""

    @abstractmethod
    def close(self) -> None:
        """Releases files, processes and connections; the store is unusable afterwards."""

    # --- named graphs and versions --------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad | ox.Triple], version: str) -> bool:
        """Makes `graph_iri` hold exactly `quads`, recorded as `version`.

        Returns False, writing nothing, when the stored version already equals `version`. Otherwise
        the graph and its version are replaced together, so readers see the old or the new graph,
        never a mix.
        """
        iri_ref(graph_iri)
        if graph_iri == META_GRAPH:
            raise BadRequest("the meta graph is maintained by the store itself")
        with self._write_lock:
            if self.graph_version(graph_iri) == version:
                return False
            triples = graph_triples(graph_iri, quads)
            self._write_graph(graph_iri, triples, meta_triples(graph_iri, version, len(triples)))
            return True

    def write_graphs(self, batch: Sequence[GraphData]) -> list[bool]:
        """Replaces several graphs, each as `replace_graph` would; True for each graph written.

        Backends may write a batch faster than graph by graph (the embedded store does, for graphs new
        to it, when `bulk_writes` is on); what readers see of each graph is the same.
        """
        return [self.replace_graph(g.iri, g.quads(), g.version) for g in batch]

    def remove_graph(self, graph_iri: str) -> None:
        """Deletes a named graph and its recorded version (nothing happens if it does not exist)."""
        iri_ref(graph_iri)
        with self._write_lock:
            self._drop_graph(graph_iri)

    def graph_version(self, graph_iri: str) -> str | None:
        rows = self.query(
            f"SELECT ?v WHERE {{ GRAPH {iri_ref(META_GRAPH)} {{ {iri_ref(graph_iri)} <{VERSION}> ?v }} }}"
        )
        assert isinstance(rows, list)
        return str(rows[0]["v"]) if rows else None

    def graph_versions(self) -> dict[str, str]:
        """Every managed graph with its version, in one query."""
        rows = self.query(f"SELECT ?g ?v WHERE {{ GRAPH {iri_ref(META_GRAPH)} {{ ?g <{VERSION}> ?v }} }}")
        assert isinstance(rows, list)
        return {str(r["g"]): str(r["v"]) for r in rows}

    def graphs(self) -> list[str]:
        """The data graphs, sorted: every graph written through this interface (the meta graph excluded)."""
        return sorted(self.graph_versions())

    def quad_count(self, graph_iri: str | None = None) -> int:
        """Quads in one graph, or in all graphs `graphs()` lists."""
        names = [graph_iri] if graph_iri else self.graphs()
        if not names:
            return 0
        values = " ".join(iri_ref(g) for g in names)
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        assert isinstance(rows, list)
        return int(rows[0]["n"]) if rows else 0

    def recorded_quad_count(self) -> int:
        """Quads in all graphs `graphs()` lists, as their meta descriptions record them: what `quad_count()`
        counts, read from one description per graph instead of from every quad (seconds on a large store)."""
        rows = self.query(
            f"SELECT (SUM(?n) AS ?total) WHERE {{ GRAPH {iri_ref(META_GRAPH)} {{ ?g <{VERSION}> ?v ; <{TRIPLES}> ?n }} }}"
        )
        assert isinstance(rows, list)
        total = rows[0]["total"] if rows else None
        return int(total) if total is not None else 0

    # --- queries ----------------------------------------------------------------------------------------
    def query_result(self, sparql: str, timeout: float | None = None, max_rows: int | None = None) -> QueryResult:
        """Runs a query and returns its terms (see `QueryResult`).

        `timeout` (seconds) stops the query and raises QueryTimeout when it runs longer; `max_rows`
        keeps the first rows (or triples) and marks the result truncated.
        """
        return self._execute(sparql, query_form(sparql), timeout, max_rows)

    def query(
        self, sparql: str, timeout: float | None = None, max_rows: int | None = None
    ) -> list[dict[str, Any]] | bool | list[ox.Triple]:
        """SELECT → rows as dicts of Python values (None when unbound); ASK → bool; CONSTRUCT/DESCRIBE → triples."""
        result = self.query_result(sparql, timeout, max_rows)
        if result.form == "select":
            return result.rows()
        if result.form == "ask":
            return bool(result.boolean)
        return result.triples

    def select(self, sparql: str, timeout: float | None = None, max_rows: int | None = None) -> list[dict[str, Any]]:
        """Like `query` for a SELECT, typed as rows."""
        result = self.query_result(sparql, timeout, max_rows)
        if result.form != "select":
            raise BadRequest("select() needs a SELECT query")
        return result.rows()

    def ask(self, sparql: str, timeout: float | None = None) -> bool:
        result = self.query_result(sparql, timeout)
        if result.form != "ask":
            raise BadRequest("ask() needs an ASK query")
        return bool(result.boolean)

    def query_raw(
        self, sparql: str, accept: str | None = None, timeout: float | None = None, max_rows: int | None = None
    ) -> RawResult:
        """The query's results serialised for an HTTP answer: `(body, media_type)`.

        `accept` is an Accept header; SELECT answers in SPARQL JSON/XML/CSV/TSV, ASK in JSON/XML,
        CONSTRUCT/DESCRIBE in Turtle/N-Triples/JSON-LD/RDF-XML. The format is chosen before the query
        runs, so an unservable Accept costs nothing. `.truncated` tells whether `max_rows` cut it.
        """
        form = query_form(sparql)
        media_type = negotiate(accept, form)
        result = self._execute(sparql, form, timeout, max_rows)
        if result.form != form:  # the keyword scan was fooled; answer in the real form's default
            media_type = negotiate(accept, result.form)
        return serialize(result, media_type, self.prefixes)

    # --- dump and load ----------------------------------------------------------------------------------
    def iter_quads(self, graph_iri: str | None = None, include_meta: bool = False) -> Iterator[ox.Quad]:
        """Quads of one graph, or of every data graph (and the meta graph if asked)."""
        names = [graph_iri] if graph_iri else self.graphs() + ([META_GRAPH] if include_meta else [])
        for name in names:
            yield from self._graph_quads(name)

    def dump(self, fmt: str, out: Output, graph_iri: str | None = None) -> None:
        """Writes the store to `out` (a path or a binary stream).

        Dataset formats (nq, trig, jsonld) keep graph names and include the meta graph, so a dump
        loaded into an empty store restores graphs and versions. Triple formats (ttl, nt, rdf) hold the
        union of the data graphs (or the one `graph_iri`), without meta.
        """
        rdf = rdf_format(fmt)
        if rdf.supports_datasets:
            quads: Iterable[ox.Quad] = self.iter_quads(graph_iri, include_meta=graph_iri is None)
            ox.serialize(quads, out, rdf, prefixes=self._prefixes_for(rdf))
        else:
            triples = dict.fromkeys(q.triple for q in self.iter_quads(graph_iri))
            ox.serialize(list(triples), out, rdf, prefixes=self._prefixes_for(rdf))

    def load(self, source: Output | bytes, fmt: str, graph_iri: str | None = None) -> int:
        """Adds the quads of a serialisation; returns how many were read.

        Triples of a triple format (or of a dataset's default graph) go into `graph_iri`, which is then
        required. Version records in the data (a dataset dump) replace the stored ones; a graph that
        arrives without one gets a version derived from the loaded content.
        """
        rdf = rdf_format(fmt)
        if isinstance(source, bytes):
            parsed = ox.parse(source, rdf)
        elif isinstance(source, str | os.PathLike):
            parsed = ox.parse(path=os.fspath(source), format=rdf)
        else:
            parsed = ox.parse(source, rdf)
        quads = list(parsed)
        if graph_iri:
            iri_ref(graph_iri)
        target = ox.NamedNode(graph_iri) if graph_iri else None
        placed: list[ox.Quad] = []
        for quad in quads:
            if isinstance(quad.graph_name, ox.DefaultGraph):
                if target is None:
                    raise BadRequest("triples without a graph: give the graph to load them into")
                quad = ox.Quad(quad.subject, quad.predicate, quad.object, target)
            placed.append(quad)
        described = {
            q.subject.value
            for q in placed
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == META_GRAPH
            and isinstance(q.subject, ox.NamedNode)
        }
        with self._write_lock:
            for iri in sorted(described):  # an incoming version record replaces the stored one
                self.update(";\n".join(meta_update(iri, [])))
            self._insert(placed)
            known = self.graph_versions()
            by_graph: dict[str, list[ox.Quad]] = {}
            for quad in placed:
                graph = quad.graph_name
                if isinstance(graph, ox.NamedNode) and graph.value != META_GRAPH and graph.value not in known:
                    by_graph.setdefault(graph.value, []).append(quad)
            for iri, members in by_graph.items():
                self.update(";\n".join(meta_update(iri, meta_triples(iri, content_version(members), len(members)))))
        return len(placed)

    def _prefixes_for(self, rdf: ox.RdfFormat) -> dict[str, str] | None:
        return self.prefixes if rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None

    def dump_bytes(self, fmt: str, graph_iri: str | None = None) -> bytes:
        buf = io.BytesIO()
        self.dump(fmt, buf, graph_iri)
        return buf.getvalue()


# --- registry -----------------------------------------------------------------------------------------
_BACKENDS: dict[str, type[Store] | str] = {
    "oxigraph": "policykg.graph.oxigraph_store:OxigraphStore",
    "sparql": "policykg.graph.sparql_store:SparqlStore",
}


def register_backend(name: str, cls: type[Store] | str) -> None:
    """Makes `backend = name` open `cls` (a Store subclass, or "module:Class" imported on first use)."""
    _BACKENDS[name] = cls


def backend_class(name: str) -> type[Store]:
    try:
        entry = _BACKENDS[name]
    except KeyError:
        raise ConfigurationError(
            f"unknown store backend {name!r}; known: {', '.join(sorted(_BACKENDS))}"
        ) from None
    if isinstance(entry, str):
        module, _, attr = entry.partition(":")
        entry = getattr(importlib.import_module(module), attr)
        _BACKENDS[name] = entry
    assert isinstance(entry, type) and issubclass(entry, Store)
    return entry


def open_store(settings_or_path: Settings | str | os.PathLike[str] | None = None) -> Store:
    """The store the settings describe; a path opens the embedded store there (":memory:" in memory)."""
    if settings_or_path is None:
        settings_or_path = Settings()
    if isinstance(settings_or_path, Settings):
        return backend_class(settings_or_path.backend).from_settings(settings_or_path)
    path = os.fspath(settings_or_path)
    settings = Settings(backend="oxigraph", store=path)
    return backend_class("oxigraph").from_settings(settings)


__all__ = [
    "GraphData",
    "META_GRAPH",
    "RDF_FORMATS",
    "Store",
    "backend_class",
    "content_version",
    "open_store",
    "rdf_format",
    "register_backend",
]

"""Exports of the store: RDF serialisations, CSV tables for spreadsheets, and Neo4j import files.

The tables are read from the store with SPARQL SELECTs (one per kind of node, pivoted here), so any
backend exports the same files. `GRAPH ?g` patterns are used rather than the default graph, which
servers define differently (union of graphs or not).
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.errors import BadRequest
from policykg.graph.answer_targets import year as year_of
from policykg.graph.rdf_links import read_evidence
from policykg.graph.results import Term, to_python
from policykg.graph.sparql_update import iri_ref
from policykg.graph.store import Output, Store
from policykg.ontology.vocab import ELI, OA, ORG, PKG, RDF, RDFS, SKOS, TIME, id_from_iri, kind_of_iri

RDF_EXPORTS = ("ttl", "nt", "nq", "trig", "jsonld")
TABLE_EXPORTS = ("csv", "neo4j")

#: Multi-valued cells are joined with this (a character no id or label contains).
LIST_SEPARATOR = "|"

Record = dict[str, list[Term]]


# --- reading the store ---------------------------------------------------------------------------------
def records(store: Store, class_iri: str) -> dict[str, Record]:
    """Every node of one class with all its properties: subject IRI → predicate IRI → values."""
    result = store.query_result(
        "SELECT ?s ?p ?o WHERE { "
        f"GRAPH ?g {{ ?s <{RDF}type> {iri_ref(class_iri)} }} GRAPH ?h {{ ?s ?p ?o }} }}"
    )
    out: dict[str, Record] = {}
    for s, p, o in result.solutions:
        if not isinstance(s, ox.NamedNode) or not isinstance(p, ox.NamedNode) or o is None:
            continue
        values = out.setdefault(s.value, {}).setdefault(p.value, [])
        if o not in values:
            values.append(o)
    return out


def spans(store: Store) -> dict[str, tuple[int, int]]:
    """Fact IRI → (start, end) of its passage in the original text."""
    result = store.query_result(
        "SELECT ?fact ?start ?end WHERE { GRAPH ?g { "
        f"?fact <{PKG}span> ?sr . ?sr <{OA}hasSelector> ?pos . ?pos <{OA}start> ?start ; <{OA}end> ?end }} }}"
    )
    out: dict[str, tuple[int, int]] = {}
    for fact, start, end in result.solutions:
        if isinstance(fact, ox.NamedNode) and start is not None and end is not None:
            out[fact.value] = (int(to_python(start)), int(to_python(end)))
    return out


def _id(term: Term | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return id_from_iri(term.value)
    return str(to_python(term))


def _tail(term: Term | None) -> str | None:
    """Last path segment of an IRI outside our namespace (…/language/ZHO → ZHO)."""
    if not isinstance(term, ox.NamedNode):
        return None if term is None else str(to_python(term))
    return term.value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class Node:
    """Read access to one record with the conversions the tables need."""

    def __init__(self, iri: str, record: Record) -> None:
        self.iri = iri
        self.record = record

    @property
    def id(self) -> str:
        return id_from_iri(self.iri)

    def terms(self, predicate: str) -> list[Term]:
        return self.record.get(predicate, [])

    def one(self, predicate: str) -> Any:
        values = self.terms(predicate)
        return to_python(min(values, key=str)) if values else None

    def ref(self, predicate: str) -> str | None:
        values = self.terms(predicate)
        return _id(min(values, key=str)) if values else None

    def refs(self, predicate: str) -> list[str]:
        return sorted({i for i in (_id(t) for t in self.terms(predicate)) if i})

    def text(self, predicate: str, lang: str | None = None) -> str | None:
        """A literal, preferring language `lang` (prefix match: "zh" matches zh-Hans and zh-Hant)."""
        values = [t for t in self.terms(predicate) if isinstance(t, ox.Literal)]
        if lang is not None:
            values = [t for t in values if (t.language or "").lower().startswith(lang.lower())]
        return min(values, key=lambda t: t.value).value if values else None


# --- tables --------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Table:
    name: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


class Graph:
    """The store read once, as nodes by kind — the common input of the tables and the Neo4j projection."""

    def __init__(self, store: Store) -> None:
        self.documents = self._nodes(store, ELI + "LegalExpression")
        self.clauses = self._nodes(store, ELI + "LegalResourceSubdivision")
        self.measures = self._nodes(store, PKG + "Measure")
        self.targets = self._nodes(store, PKG + "Target")
        self.deadlines = self._nodes(store, PKG + "Deadline")
        self.responsibilities = self._nodes(store, PKG + "Responsibility")
        self.units = self._nodes(store, ORG + "Organization")
        self.concepts = self._nodes(store, SKOS + "Concept")
        self.clause_links = self._nodes(store, PKG + "ClauseLink")
        self.document_links = self._nodes(store, PKG + "DocumentLink")
        self.spans = spans(store)
        self._depth = {c.iri: c.one(PKG + "depth") for c in self.clauses}

    @staticmethod
    def _nodes(store: Store, class_iri: str) -> list[Node]:
        return [Node(iri, rec) for iri, rec in sorted(records(store, class_iri).items())]

    def span(self, node: Node) -> tuple[int | None, int | None]:
        return self.spans.get(node.iri, (None, None))

    def parent(self, clause: Node) -> str | None:
        """The clause's direct parent clause id, or None for a top-level clause."""
        depth = self._depth.get(clause.iri)
        for term in clause.terms(ELI + "is_part_of"):
            if isinstance(term, ox.NamedNode) and depth is not None and self._depth.get(term.value) == depth - 1:
                return id_from_iri(term.value)
        return None


def tables(store: Store) -> list[Table]:
    """The graph as relational tables, one per kind of node or link, rows sorted by id."""
    return build_tables(Graph(store))


def build_tables(g: Graph) -> list[Table]:
    out: list[Table] = []

    def table(name: str, columns: list[str], nodes: Iterable[Node], row: Callable[[Node], list[Any]]) -> None:
        out.append(Table(name, columns, [[_cell(v) for v in row(n)] for n in nodes]))

    table(
        "documents",
        ["id", "work", "title", "title_zh_hans", "title_zh_hant", "title_en", "language", "script", "level",
         "region", "issued", "doc_number", "issuers", "source_path", "referenced_only"],
        g.documents,
        lambda d: [
            d.id, d.ref(ELI + "realizes"), _own_title(d), d.text(ELI + "title", "zh-hans"),
            d.text(ELI + "title", "zh-hant"), d.text(ELI + "title", "en"), _tail(_first(d, ELI + "language")),
            d.one(PKG + "script"), d.one(PKG + "level"), d.ref(PKG + "region"), d.one(ELI + "date_document"),
            d.one(ELI + "id_local"), d.one(PKG + "issuer"), d.one(PKG + "sourcePath"),
            bool(d.one(PKG + "referencedOnly")),
        ],
    )
    table(
        "clauses",
        ["id", "document", "parent", "number", "path", "marker", "kind", "depth", "title", "text",
         "normalised_text", "concepts", "start", "end"],
        g.clauses,
        lambda c: [
            c.id, c.ref(PKG + "document"), g.parent(c), c.one(ELI + "number"), c.one(PKG + "path"),
            c.one(PKG + "marker"), c.one(PKG + "kind"), c.one(PKG + "depth"), c.text(ELI + "title"),
            c.text(PKG + "text"), c.text(PKG + "normalisedText"), c.refs(PKG + "concept"), *g.span(c),
        ],
    )
    table(
        "measures",
        ["id", "clause", "document", "text", "normalised_text", "sectors", "concepts", "targets", "deadlines",
         "confidence", "extractor", "start", "end"],
        g.measures,
        lambda m: [
            m.id, m.ref(PKG + "clause"), m.ref(PKG + "document"), m.text(PKG + "text"),
            m.text(PKG + "normalisedText"), m.refs(PKG + "sector"), m.refs(PKG + "concept"),
            m.refs(PKG + "hasTarget"), m.refs(PKG + "deadline"), m.one(PKG + "confidence"),
            _extractor(m), *g.span(m),
        ],
    )
    table(
        "targets",
        # "比2020年下降18%": change "decrease", value 18, unit "%", base_year 2020; the comparator bounds the
        # value (or the change); converted_value is the value in converted_unit (kW, t, …), no baseline
        ["id", "clause", "document", "kind", "indicator", "comparator", "value", "value_min", "value_max", "unit",
         "change", "base_year", "start_year", "target_year", "converted_value", "converted_unit", "qualitative",
         "concepts", "confidence", "start", "end"],
        g.targets,
        lambda t: [
            t.id, t.ref(PKG + "clause"), t.ref(PKG + "document"),
            "qualitative" if t.one(PKG + "qualitative") else "quantified", t.one(PKG + "indicator"),
            t.one(PKG + "comparator"), t.one(PKG + "value"), t.one(PKG + "valueMin"), t.one(PKG + "valueMax"),
            t.one(PKG + "measureUnit"), t.one(PKG + "change"), year_of(t.one(PKG + "baseYear")),
            year_of(t.ref(TIME + "hasBeginning")), year_of(t.one(PKG + "targetYear")), t.one(PKG + "convertedValue"), t.one(PKG + "convertedUnit"),
            bool(t.one(PKG + "qualitative")), t.refs(PKG + "concept"), t.one(PKG + "confidence"), *g.span(t),
        ],
    )
    table(
        "deadlines",
        ["id", "clause", "document", "label", "kind", "begins", "ends", "ongoing", "start", "end"],
        g.deadlines,
        lambda d: [
            d.id, d.ref(PKG + "clause"), d.ref(PKG + "document"), d.text(RDFS + "label"),
            d.one(PKG + "deadlineKind"), d.ref(TIME + "hasBeginning"), d.ref(TIME + "hasEnd"),
            bool(d.one(PKG + "ongoing")), *g.span(d),
        ],
    )
    table(
        "units",
        ["id", "label", "label_en", "jurisdiction", "parent"],
        g.units,
        lambda u: [
            u.id, u.text(SKOS + "prefLabel", "zh") or u.text(SKOS + "prefLabel"), u.text(SKOS + "prefLabel", "en"),
            u.ref(PKG + "jurisdiction"), u.ref(ORG + "subOrganizationOf"),
        ],
    )
    labels = {u.iri: u.text(SKOS + "prefLabel", "zh") or u.text(SKOS + "prefLabel") for u in g.units}
    table(
        "responsibilities",
        ["id", "unit", "unit_label", "role", "surface", "clause", "document", "confidence", "start", "end"],
        g.responsibilities,
        lambda r: [
            r.id, r.ref(PKG + "unit"), labels.get(_iri(r, PKG + "unit") or ""), r.one(PKG + "role"),
            r.one(PKG + "surface"), r.ref(PKG + "clause"), r.ref(PKG + "document"), r.one(PKG + "confidence"),
            *g.span(r),
        ],
    )
    table(
        "concepts",
        ["id", "label_zh", "label_en", "broader", "notation"],
        g.concepts,
        lambda c: [
            c.id, c.text(SKOS + "prefLabel", "zh-hans") or c.text(SKOS + "prefLabel", "zh"),
            c.text(SKOS + "prefLabel", "en"), c.refs(SKOS + "broader"), c.one(SKOS + "notation"),
        ],
    )
    table(
        "links",
        ["id", "source", "source_kind", "target", "relation", "score", "rank", "method", "evidence"],
        g.clause_links,
        lambda link: [
            link.id, link.ref(PKG + "source"), kind_of_iri(_iri(link, PKG + "source") or ""), link.ref(PKG + "target"),
            link.one(PKG + "relation"), link.one(PKG + "score"), link.one(PKG + "rank"), link.one(PKG + "method"),
            _evidence(link),
        ],
    )
    table(
        "document_links",
        ["id", "source", "target", "relation", "score", "method"],
        g.document_links,
        lambda link: [
            link.id, link.ref(PKG + "source"), link.ref(PKG + "target"), link.one(PKG + "relation"),
            link.one(PKG + "score"), link.one(PKG + "method"),
        ],
    )
    return out


def _first(node: Node, predicate: str) -> Term | None:
    values = node.terms(predicate)
    return min(values, key=str) if values else None


def _iri(node: Node, predicate: str) -> str | None:
    term = _first(node, predicate)
    return term.value if isinstance(term, ox.NamedNode) else None


def _own_title(doc: Node) -> str | None:
    script = doc.one(PKG + "script")
    return (doc.text(ELI + "title", str(script)) if script else None) or doc.text(ELI + "title")


def _extractor(node: Node) -> str | None:
    """The software agent that produced a fact: "policykg.extract.measures@0.1"."""
    return node.ref("http://www.w3.org/ns/prov#wasAttributedTo")


def _evidence(link: Node) -> list[str]:
    """The link's evidence as "kind:value" cells, in the order the linker states it."""
    return [f"{e['kind']}:{e['value']}" for e in read_evidence(link.one(PKG + "evidenceData"))]


# --- writing -------------------------------------------------------------------------------------------
def table_csv(table: Table, bom: bool = True) -> bytes:
    """One table as CSV: a header row, UTF-8 with a BOM so that Excel reads Chinese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if v is None else _csv_value(v) for v in row])
    return ("\ufeff" if bom else "").encode() + buf.getvalue().encode("utf-8")


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_files(files: dict[str, bytes], out: str | os.PathLike[str]) -> Path:
    """Writes named files into a folder, or into a zip archive when `out` ends in .zip."""
    path = Path(out)
    if path.suffix.lower() == ".zip":
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in sorted(files.items()):
                zf.writestr(name, data)
        return path
    path.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path


def export_csv(store: Store, out: str | os.PathLike[str]) -> Path:
    return write_files({f"{t.name}.csv": table_csv(t) for t in tables(store)}, out)


def export(store: Store, fmt: str, out: Output) -> None:
    """Exports the store as `fmt` into `out`.

    ttl / nt: the union of the data graphs (a file path or binary stream); nq / trig / jsonld: every
    named graph including the version records, loadable back with `Store.load`; csv: one table per kind
    (documents, clauses, measures, targets, deadlines, units, responsibilities, concepts, links,
    document_links) into a folder, or a zip when `out` ends in .zip; neo4j: node and relationship files
    for `neo4j-admin database import full`, with the command in import.txt.
    """
    key = fmt.strip().lower()
    if key in RDF_EXPORTS or key in ("turtle", "nquads", "json-ld"):
        store.dump(key, out)
        return
    if not isinstance(out, str | os.PathLike):
        raise BadRequest(f"{fmt} exports go to a folder or .zip path")
    if key == "csv":
        export_csv(store, out)
        return
    if key == "neo4j":
        from policykg.graph.neo4j_sync import admin_import_files, projection

        write_files(admin_import_files(projection(store)), out)
        return
    raise BadRequest(f"unknown export format {fmt!r}; known: {', '.join(RDF_EXPORTS + TABLE_EXPORTS)}")


__all__ = ["Graph", "Table", "build_tables", "export", "export_csv", "records", "table_csv", "tables"]

"""The answer index's rows of one document graph, read from the graph's own quads by the same queries and
answer code the service runs (`index_*.rq`, `answer_targets.page_of`, `unit_labels.rq`), so that an
answer from the index is the answer SPARQL gives. Any process can read them: the build's workers do, as
they map each document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from policykg.graph import sparql_text as sq
from policykg.settings import Settings


@dataclass(slots=True)
class DocumentRows:
    """What the answer index holds of one graph of a document: its own graph (units, targets, hits, link
    ends, regions), or the graph of its clause links (`links`)."""

    graph: str
    version: str
    units: list[tuple[Any, ...]] = field(default_factory=list)
    unit_names: list[tuple[Any, ...]] = field(default_factory=list)
    targets: list[tuple[Any, ...]] = field(default_factory=list)
    target_answers: list[tuple[str, str, str]] = field(default_factory=list)
    hits: list[tuple[Any, ...]] = field(default_factory=list)
    concepts: list[tuple[str, str, str]] = field(default_factory=list)
    paths: list[tuple[str, str, str]] = field(default_factory=list)
    ends: list[tuple[Any, ...]] = field(default_factory=list)
    regions: list[tuple[str, str, str]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)


def _store_of(quads: Iterable[ox.Quad] | bytes) -> ox.Store:
    """An in-memory store of one graph's quads (or of their N-Quads)."""
    store = ox.Store()
    if isinstance(quads, bytes):
        store.load(quads, format=ox.RdfFormat.N_QUADS, lenient=True)  # made by the mapping: no IRI checks
    else:
        store.extend(quads)
    return store


def document_rows(graph: str, version: str, quads: Iterable[ox.Quad] | bytes) -> DocumentRows:
    """The rows of one document graph, from an in-memory store of its quads (or of their N-Quads)."""
    from policykg.graph.answer_targets import page_of
    from policykg.graph.runner import Runner, select
    from policykg.ontology.concepts import ConceptScheme

    store = _store_of(quads)
    run = Runner(store, Settings(answer_index=False), ConceptScheme.load())
    out = DocumentRows(graph, version)
    for r in select(store, sq.fill(sq.text("index_unit_rows"))):
        out.units.append((graph, r["concept"], r["unit"], r["role"], r["doc"], r["clause"], r["number"],
                          int(r["start"]), r["resp"], r["jurisdiction"]))
    units = sorted({row[2] for row in out.units})
    labels = run.per_item("unit_labels", units, "label")
    jurisdictions = run.per_item("unit_jurisdictions", units, "jurisdiction")
    out.unit_names = [(graph, u, labels.get(u), jurisdictions.get(u)) for u in units]
    order: dict[str, str] = {}
    for r in select(store, sq.fill(sq.text("index_target_rows"))):
        out.targets.append((graph, r["target"], r["doc"], r["docOrder"], int(r["at"]), 1 if r["qualitative"] else 0,
                            r["y"], r["docRegion"], r["c"]))
        order.setdefault(r["target"], r["doc"])
    answers = page_of(run, [{"target": t, "doc": d} for t, d in sorted(order.items())])
    by_id = {sq.short_id(t): t for t in order}
    out.target_answers = [(graph, by_id[a["id"]], json.dumps(a, ensure_ascii=False)) for a in answers]
    for r in select(store, sq.fill(sq.text("index_hits"))):
        normalised = None if r["normalised"] is None else str(r["normalised"]).lower()
        out.hits.append((graph, r["item"], r["kind"], r["doc"], r["clause"], r["number"], r["text"], normalised,
                         None if r["start"] is None else int(r["start"])))
    for r in select(store, sq.fill(sq.text("index_item_concepts"))):
        out.concepts.append((graph, r["item"], r["concept"]))
    for r in select(store, sq.fill(sq.text("index_clause_paths"))):
        out.paths.append((graph, r["item"], str(r["path"])))
    for r in select(store, sq.fill(sq.text("index_link_ends"))):
        out.ends.append((graph, r["item"], r["doc"], r["owner"], 1 if r["subdivision"] else 0))
    for r in select(store, sq.fill(sq.text("index_document_regions"))):
        out.regions.append((graph, r["doc"], r["region"]))
    return out


def links_rows(graph: str, version: str, quads: Iterable[ox.Quad] | bytes) -> DocumentRows:
    """The rows of one document's links graph: its clause links (`index_link_rows.rq`)."""
    from policykg.graph.runner import select

    out = DocumentRows(graph, version)
    for r in select(_store_of(quads), sq.fill(sq.text("index_link_rows"))):
        out.links.append((graph, r["target"], r["source"], int(r["rank"]), float(r["score"]), r["method"]))
    return out

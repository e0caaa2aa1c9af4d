"""Units (`/api/units`): the units responsible (lead or support) for clauses about a concept or a
narrower one, ranked — units with a lead role first, then by how many clauses they carry, then by first
mention — each with all its clauses in the order a reader meets them. A work counts once: the clauses of a
copy of a work (a translation, the PDF of a bundled text) only when that document is named.

"Unit" here is an organisation (a government body: `cn-fj-sanming.gxj`); the published field names say
"unit", the code says so too only for organisations.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from policykg.graph import sparql_text as sq
from policykg.graph.answer_model import Answer
from policykg.graph.runner import Runner
from policykg.graph.sparql_text import short_id
from policykg.ontology import vocab as v


class ConceptLabels(Answer):
    id: str
    labels: dict[str, str | None]  # script → preferred label
    #: How the name asked for met it: "exact" (its id or a whole label) or "partial" (part of a label, or a
    #: label inside the name: the concept the scheme ranks first, perhaps broader than the one meant).
    match: str | None = None


class UnitClause(Answer):
    id: str
    document: str
    clause: str  # the clause number
    role: str  # lead | support
    #: The clause's path of numbers from the top of the document, added by the HTTP API.
    path: list[str] | None = None


class ResponsibleUnit(Answer):
    id: str
    label: str | None
    jurisdiction: str | None
    clauses: list[UnitClause]


class UnitsPage(Answer):
    concept: ConceptLabels
    units: list[ResponsibleUnit]
    total: int


def _unit_clauses(entries: str) -> list[dict[str, Any]]:
    """A unit's clauses from units_for_concepts.rq's `?entries`, in the order a reader meets them: one
    per clause and role, placed at its first mention."""
    first: dict[tuple[str, str, str, str], str] = {}
    for line in entries.split("\n"):
        doc, start, clause, length, resp, role, number = line.split(" ")
        mention = " ".join((doc, start, clause, length, resp))
        key = (clause, doc, unquote(number), role)
        if key not in first or mention < first[key]:
            first[key] = mention
    return [
        {"id": short_id(clause), "document": short_id(doc), "clause": number, "role": role}
        for (clause, doc, number, role) in sorted(first, key=lambda k: first[k])
    ]


def units_page(
    run: Runner,
    concept: str,
    document: str | None = None,
    region: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> UnitsPage | None:
    """The `limit` units (all when None) after the first `offset`, each with all its clauses, and how
    many units there are in all; None when no concept has the name `concept` (an id or any label)."""
    named = run.names.resolve_how(concept)
    if named is None:
        return None
    cid, match = named
    family = [cid, *run.scheme.descendants(cid)]
    filters = []
    # a work counts once: the copies of a work (its translation, a second copy) only when named
    copies = sorted(run.copies()) if not document else []
    if document:
        filters.append(f"VALUES ?doc {{ {sq.iri(v.doc_iri(document))} }}")
    elif copies:
        filters.append(sq.not_in("?doc", copies))
    if region:
        # the units within the region, found once (a jurisdiction has a copy per document graph)
        filters.append(
            f"{{ SELECT DISTINCT ?unit WHERE {{ ?unit pkg:jurisdiction ?jurisdiction "
            f"{sq.within('?jurisdiction', region)} }} }}"
        )
    index = run.index()
    if index is not None:
        rows, total = index.units([v.concept_iri(c) for c in family], v.doc_iri(document) if document else None,
                                  v.region_iri(region) if region else None, limit, offset, exclude=copies)
    else:
        slots = {"concepts": sq.iris(v.concept_iri(c) for c in family), "filter": "\n  ".join(filters)}
        rows = run.rows("units_for_concepts", page=sq.page(limit, offset), **slots)
        total = run.total("units_count", rows, limit, offset, **slots)
    if index is not None:
        labels = {row["unit"]: row["label"] for row in rows if row["label"] is not None}
        jurisdictions = {row["unit"]: row["jurisdiction"] for row in rows if row["jurisdiction"] is not None}
    else:
        labels = run.per_item("unit_labels", (row["unit"] for row in rows), "label")
        jurisdictions = run.per_item("unit_jurisdictions", (row["unit"] for row in rows), "jurisdiction")
    units = [
        {
            "id": short_id(row["unit"]),
            "label": labels.get(row["unit"]),
            "jurisdiction": short_id(jurisdictions[row["unit"]]) if row["unit"] in jurisdictions else None,
            "clauses": _unit_clauses(row["entries"]),
        }
        for row in rows
    ]
    return UnitsPage.model_validate(
        {"concept": {"id": cid, "labels": run.names.labels(cid), "match": match}, "units": units, "total": total}
    )

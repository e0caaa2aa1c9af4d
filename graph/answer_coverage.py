"""Coverage (`/api/coverage/{id}`): for a national or provincial document, which of its clauses each
province and city carries out.

A clause is implemented by a region when a measure (or leaf clause) of a document of that region has the
clause among its best `rank` links into the document, scoring at least `min_score` (0.2 unless asked
otherwise). Regions are provinces and cities below the document's own jurisdiction (a county's documents
count for its city; a national document's columns are provinces and cities, a province's its cities).
Rows are the document's leaf clauses in reading order; `uncovered` lists those no region implements.
`implemented_by` counts the documents implementing it; when none does (a city's plan, usually), the
clause links are not looked through and `note` says why no region implements anything. The clause links
come from the answer index while it is in step with the store (`AnswerIndex.coverage_links`), else from
SPARQL (`coverage_links.rq`): the same rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from policykg.graph.answer_documents import of_documents, summaries
from policykg.graph.answer_model import Answer, Number
from policykg.graph.runner import Runner
from policykg.graph.sparql_text import iri, short_id
from policykg.ontology import vocab as v

#: Least score of a link counted as implementing a clause in the coverage matrix: every measure has a
#: best clause in each document above it, but below this score it is seldom the one a reader names.
COVERAGE_MIN_SCORE = 0.2


class CoveredDocument(Answer):
    id: str
    title: str | None
    level: str | None
    region: str | None
    issued: str | None


class CoverageRegion(Answer):
    id: str
    label: str
    level: str  # province | city
    documents: list[str]
    clauses: int  # how many of the document's clauses it implements


class CoverageCell(Answer):
    count: int  # how many clauses of the region's documents implement the clause
    best: Number
    documents: list[str]


class CoverageClause(Answer):
    id: str
    path: list[str]
    number: str
    title: str | None
    regions: dict[str, CoverageCell]


class Coverage(Answer):
    document: CoveredDocument
    scope: str
    rank: int
    min_score: Number
    regions: list[CoverageRegion]
    clauses: list[CoverageClause]
    uncovered: list[str]
    implemented_by: int  # how many documents implement it (have a document link into it)
    note: str | None = None  # why no region implements anything, when none can
    requested: str | None = None  # the document asked for, when the matrix is that of the work it is an expression of


def column_of(region: str, scope: str) -> str | None:
    """The province or city column a document's region counts in, below `scope` ("CN", "CN-FJ"); None
    for the scope itself (a national ministry's plan is no province's)."""
    parts, outer = region.split("-"), scope.split("-")
    if parts[: len(outer)] != outer or len(parts) <= len(outer):
        return None
    return "-".join(parts[: min(len(parts), 3)])


def coverage(run: Runner, doc_id: str, rank: int = 1, min_score: float = COVERAGE_MIN_SCORE) -> Coverage | None:
    """The clause × region matrix of a document (see the module's docstring): links of rank ≤ `rank`
    scoring at least `min_score` count; None when there is no such document. A translation or another edition of
    a work (the English opinions, a PDF of a plan the corpus also holds as text) that no document implements
    answers with its original's matrix, `requested` naming it: the documents below implement the original."""
    answer = _coverage(run, doc_id, rank, min_score)
    if answer is None or answer.implemented_by:
        return answer
    originals = run.rows("original_of", doc=iri(v.doc_iri(doc_id)), links=iri(v.LINKS_GRAPH))
    original = short_id(originals[0]["original"]) if originals else None
    found = _coverage(run, original, rank, min_score) if original and original != doc_id else None
    if found is None or not found.implemented_by:
        return answer
    return found.model_copy(update={"requested": doc_id})


def _coverage(run: Runner, doc_id: str, rank: int, min_score: float) -> Coverage | None:
    """The matrix of the document itself (`coverage` without looking through to an original)."""
    found = summaries(run, of_documents([doc_id]))
    if not found:
        return None
    head = found[0]
    scope = head["region"] or "CN"
    rows = run.rows("clauses", doc=iri(v.doc_iri(doc_id)))
    paths = {short_id(r["clause"]): tuple(r["path"].split("/")) if r["path"] else (r["number"],) for r in rows}
    inner = {p[:n] for p in paths.values() for n in range(1, len(p))}
    starts = run.starts(r["clause"] for r in rows)
    leaves = sorted((c for c, p in paths.items() if p not in inner),
                    key=lambda c: (starts.get(v.clause_iri(c), 0), c))
    info = {short_id(r["clause"]): r for r in rows}
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    regions: dict[str, set[str]] = {}
    below = run.rows("implementing_documents", doc=iri(v.doc_iri(doc_id)), links=iri(v.LINKS_GRAPH))
    # no document implements it (a city's plan, a translation): no clause link to look through
    for row in _links(run, doc_id, rank, min_score) if below else []:
        column = column_of(short_id(row["region"]), scope)
        target = short_id(row["target"])
        if column is None or target not in paths:
            continue
        cell = cells.setdefault((target, column), {"clauses": set(), "documents": set(), "best": 0.0})
        cell["clauses"].add(short_id(row["owner"]))
        cell["documents"].add(short_id(row["sdoc"]))
        cell["best"] = max(cell["best"], float(row["score"]))
        regions.setdefault(column, set()).add(short_id(row["sdoc"]))
    columns = sorted(regions)
    labels = _region_labels(columns)
    clauses = []
    for c in leaves:
        by_region = {col: {"count": len(found["clauses"]), "best": round(found["best"], 4),
                           "documents": sorted(found["documents"])}
                     for col in columns if (found := cells.get((c, col)))}
        clauses.append({"id": c, "path": list(paths[c]), "number": info[c]["number"], "title": info[c]["title"],
                        "regions": by_region})
    return Coverage.model_validate({
        "document": {k: head.get(k) for k in ("id", "title", "level", "region", "issued")},
        "scope": scope,
        "rank": int(rank),
        "min_score": min_score,
        "regions": [{"id": col, "label": labels.get(col, col), "level": "province" if col.count("-") == 1 else "city",
                     "documents": sorted(regions[col]),
                     "clauses": sum(1 for c in clauses if col in c["regions"])} for col in columns],
        "clauses": clauses,
        "uncovered": [c["id"] for c in clauses if not c["regions"]],
        "implemented_by": len(below),
        **({} if below else {"note": "no document of the graph implements this document, so no region "
                                     "carries out its clauses"}),
    })


def _links(run: Runner, doc_id: str, rank: int, min_score: float) -> list[dict[str, Any]]:
    """coverage_links.rq's rows: from the answer index while it is in step with the store (a national plan
    receives some 90,000 links, seconds of SPARQL), else from SPARQL."""
    index = run.index()
    if index is not None:
        return index.coverage_links(v.doc_iri(doc_id), rank, min_score)
    bounds = {"rank": str(int(rank)), "min_score": repr(float(min_score))}
    return run.rows("coverage_links", doc=iri(v.doc_iri(doc_id)), **bounds)


def _region_labels(columns: Iterable[str]) -> dict[str, str]:
    """Simplified-Chinese names of regions, from the gazetteer (the store's reference graph only
    holds the regions of units it knows)."""
    from policykg.ingest.regions import gazetteer

    names: dict[str, str] = {}
    for col in columns:
        region = gazetteer().by_id(col)
        names[col] = (region.full_name or region.name) if region else col
    return names


def coverage_csv(answer: dict[str, Any]) -> str:
    """The matrix as CSV (UTF-8 with a byte-order mark): one row per clause, one column per region
    holding how many of its clauses implement it, then how many regions implement the clause."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = [r["id"] for r in answer["regions"]]
    writer.writerow(["clause", "path", "title", *[r["label"] for r in answer["regions"]], "regions"])
    for c in answer["clauses"]:
        writer.writerow([c["id"], "/".join(c["path"]), c["title"] or "",
                         *[c["regions"].get(col, {}).get("count", 0) for col in columns], len(c["regions"])])
    return "\ufeff" + out.getvalue()

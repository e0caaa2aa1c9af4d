"""The researcher API: JSON answers to the questions the knowledge graph is for.

Paths and field names are a contract shared with the web page and the notebook API. Each route is a
thin shell over `policykg.graph.queries.Queries` (with the ranking and clause paths of
`policykg.api.answers`); it validates parameters against the settings' limits and turns "nothing
there" into a 404 problem. Each answers with the typed model of its answer module (`policykg.graph.
answer_*`) as its `response_model`. /api/search, /api/units and /api/targets answer one page at a time
(`limit`, `offset`), with the total and the link to the next page.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from policykg.api.answers import ranked_search, with_clause_paths
from policykg.api.problems import ApiError
from policykg.api.state import require_document, state_of
from policykg.graph.answer_concepts import ConceptList
from policykg.graph.answer_coverage import COVERAGE_MIN_SCORE, Coverage, coverage_csv
from policykg.graph.answer_document import Document
from policykg.graph.answer_documents import DocumentList
from policykg.graph.answer_search import SearchPage
from policykg.graph.answer_targets import TargetsPage
from policykg.graph.answer_trace import Trace
from policykg.graph.answer_units import UnitsPage

router = APIRouter(prefix="/api", tags=["Researcher API"])


# The answers given one page at a time, with their paging: `limit`, `offset`, and `next`, the path and
# query of the next page (null on the last one).
class SearchResponse(SearchPage):
    limit: int
    offset: int
    next: str | None


class UnitsResponse(UnitsPage):
    limit: int
    offset: int
    next: str | None


class TargetsResponse(TargetsPage):
    limit: int
    offset: int
    next: str | None


Id = Annotated[str, Path(min_length=1, max_length=300, description="A document, clause or measure id")]
OptionalFilter = Annotated[str | None, Query(max_length=300)]
RegionFilter = Annotated[str | None, Query(
    max_length=300, description="Region id or name in any script or English: CN-GD, 广东, 廣東省, Guangdong, 广东省广州市")]
PageLimit = Annotated[
    int | None,
    Query(ge=1, description="Items per page, at most the setting `api_max_limit`; default: the setting `page_size`"),
]
PageOffset = Annotated[
    int,
    Query(ge=0, le=1_000_000_000, description="Items to skip, in the answer's order; the `next` link of a page carries it"),
]


def _listed(key: str, value: Any) -> dict[str, Any]:
    """`{key: [...]}` whether the query layer returned the list or the wrapped object."""
    if isinstance(value, dict) and key in value:
        return value
    return {key: list(value or [])}


def _limit(request: Request, limit: int) -> int:
    ceiling = int(state_of(request).settings.api_max_limit)
    if limit > ceiling:
        raise ApiError(422, "validation_error", f"limit must be at most {ceiling}", errors=[
            {"location": "query.limit", "message": f"must be at most {ceiling}"}
        ])
    return limit


def _page_size(request: Request, limit: int | None) -> int:
    """The limit of a page: the request's (checked against `api_max_limit`) or the setting `page_size`."""
    if limit is not None:
        return _limit(request, limit)
    settings = state_of(request).settings
    return max(1, min(int(settings.page_size), int(settings.api_max_limit)))


def _paged(request: Request, answer: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    """The answer with its paging: `total`, `limit`, `offset` and `next`, the path and query of the
    next page (null on the last one)."""
    total = int(answer.get("total") or 0)
    following = None
    if offset + limit < total:
        url = request.url.include_query_params(limit=limit, offset=offset + limit)
        following = f"{url.path}?{url.query}"
    return {**answer, "total": total, "limit": limit, "offset": offset, "next": following}


@router.get("/documents", summary="Every document in the graph, with level, region, dates and titles",
            response_model=DocumentList, response_model_exclude_unset=True)
def documents(request: Request) -> dict[str, Any]:
    return _listed("documents", state_of(request).queries.documents())


@router.get(
    "/documents/{doc_id}",
    summary="One document with its clause tree, its parents and its children",
    description="`clauses` in reading order with their facts; `parents`: the documents it implements, `children`: "
    "those implementing it, best score first, each with `score`, `relation`, `method` and `evidence` (citation, "
    "family, topic, hierarchy); `expressions`: the same work in another language or copy; `cites`: what it cites, "
    "documents of the corpus or `referenced_only` ones known by title and number.",
    response_model=Document, response_model_exclude_unset=True,
)
def document(request: Request, doc_id: Id) -> dict[str, Any]:
    found = state_of(request).queries.document(doc_id)
    if not found:
        raise ApiError(404, "document_not_found", f"no document {doc_id!r}", id=doc_id)
    return dict(found)


@router.get(
    "/search",
    summary="Clauses and measures matching a phrase, in any script",
    description="One page of hits, ranked best first (see `score`); `total` counts the hits ranked, at most "
    "the setting `api_max_limit`.",
    response_model=SearchResponse, response_model_exclude_unset=True,
)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=300, description="Words or a phrase, any script")],
    document: OptionalFilter = None,
    limit: Annotated[int, Query(ge=1, description="Hits per page (≤ setting api_max_limit)")] = 20,
    offset: PageOffset = 0,
) -> dict[str, Any]:
    size = _limit(request, limit)
    require_document(request, document)
    hits = ranked_search(state_of(request).queries, q, document=document)
    return _paged(request, {"results": hits[offset : offset + size], "total": len(hits)}, size, offset)


@router.get(
    "/units",
    summary="Units responsible for measures about a concept",
    description="One page of units, ranked (most lead clauses first), each with all its clauses.",
    response_model=UnitsResponse, response_model_exclude_unset=True,
)
def units(
    request: Request,
    concept: Annotated[str, Query(min_length=1, max_length=300, description="Concept id or label, e.g. CCUS")],
    document: OptionalFilter = None,
    region: RegionFilter = None,
    limit: PageLimit = None,
    offset: PageOffset = 0,
) -> dict[str, Any]:
    size = _page_size(request, limit)
    require_document(request, document)
    answer = state_of(request).queries.units_page(concept, document=document, region=region, limit=size, offset=offset)
    if not answer:
        raise ApiError(404, "concept_not_found", f"no concept {concept!r}", concept=concept)
    return _paged(request, with_clause_paths(state_of(request).queries, dict(answer)), size, offset)


@router.get(
    "/trace/{item_id}",
    summary="The chain from a measure or clause up to the clauses it implements",
    description="`ancestors`: per document above, best chain first, the item's ranked clauses there, each with its "
    "`score`, its `chain` (score × the score of the document links up to that document), `relation`, `evidence` "
    "(whole words, terms, concepts, numbers) and `expressions` (the same clause in the work's other expressions); "
    "a document's `via` is the document just below it on its best chain (null: implemented directly). `parents`: "
    "the same links as a tree, hop by hop.",
    response_model=Trace, response_model_exclude_unset=True,
)
def trace(request: Request, item_id: Id) -> dict[str, Any]:
    found = state_of(request).queries.trace(item_id)
    if not found:
        raise ApiError(404, "item_not_found", f"no measure or clause {item_id!r}", id=item_id)
    return dict(found)


@router.get(
    "/coverage/{doc_id}",
    summary="Which clauses of a document each province and city implements, and which nobody does",
    description="A clause × region matrix: rows are the document's leaf clauses in reading order, columns the "
    "provinces and cities below its jurisdiction (a national document: provinces and cities; a province: its "
    "cities; a county counts for its city). A region implements a clause when a measure or clause of one of "
    "its documents has it among its best `rank` links into the document, scoring at least `min_score`; a "
    "cell counts those clauses of the region's documents. `uncovered`: the clauses no region implements. "
    "`format=csv` gives the matrix as CSV.",
    response_model=Coverage, response_model_exclude_unset=True,
)
def coverage(
    request: Request,
    doc_id: Id,
    rank: Annotated[int, Query(ge=1, le=10, description="Links of this rank or better count")] = 1,
    min_score: Annotated[float, Query(ge=0, le=1, description="Links scoring at least this count")] = COVERAGE_MIN_SCORE,
    format: Annotated[Literal["json", "csv"], Query(description="json, or csv for the matrix")] = "json",
) -> dict[str, Any] | Response:
    found = state_of(request).queries.coverage(doc_id, rank=rank, min_score=min_score)
    if not found:
        raise ApiError(404, "document_not_found", f"no document {doc_id!r}", id=doc_id)
    if format == "csv":
        return Response(coverage_csv(found), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="coverage-{_safe(doc_id)}.csv"'})
    return dict(found)


def _safe(name: str) -> str:
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in name)[:120]


@router.get(
    "/targets",
    summary="Quantified targets, filtered by document, target year, concept, region, level of government",
    description="One page of targets, in reading order: by document (central, ministry, provincial, municipal, "
    "county; earlier issued first), then place in its text.",
    response_model=TargetsResponse, response_model_exclude_unset=True,
)
def targets(
    request: Request,
    document: OptionalFilter = None,
    year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    concept: OptionalFilter = None,
    region: RegionFilter = None,
    limit: PageLimit = None,
    offset: PageOffset = 0,
    kind: Annotated[
        Literal["quantified", "qualitative"],
        Query(description="quantified: targets with a value; qualitative: goals without one"),
    ] = "quantified",
    level: Annotated[str | None, Query(
        max_length=100, description="central, ministry, provincial, municipal, county, or several joined by "
        "commas; national: central and ministry")] = None,
) -> dict[str, Any]:
    size = _page_size(request, limit)
    require_document(request, document)
    if concept is not None and state_of(request).queries.resolve_concept(concept) is None:
        raise ApiError(404, "concept_not_found", f"no concept {concept!r}", concept=concept)
    found = state_of(request).queries.targets_page(
        document=document, year=year, concept=concept, region=region, limit=size, offset=offset, kind=kind,
        level=level,
    )
    return _paged(request, with_clause_paths(state_of(request).queries, dict(found)), size, offset)


@router.get("/concepts", summary="Concepts of the scheme, optionally matching a label",
            response_model=ConceptList, response_model_exclude_unset=True)
def concepts(request: Request, q: OptionalFilter = None) -> dict[str, Any]:
    return _listed("concepts", state_of(request).queries.concepts(q or ""))

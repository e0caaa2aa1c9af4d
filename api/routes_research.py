"""The researcher API: JSON answers to the questions the knowledge graph is for.

Paths and field names are a contract shared with the web page and the notebook API. Each route is a
thin shell over `policykg.graph.queries.Queries`; it validates parameters against the settings'
limits and turns "nothing there" into a 404 problem. /api/units and /api/targets answer one page
at a time (`limit`, `offset`), with the total and the link to the next page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from policykg.api.problems import ApiError
from policykg.api.state import state_of

router = APIRouter(prefix="/api", tags=["Researcher API"])

Id = Annotated[str, Path(min_length=1, max_length=300, description="A document, clause or measure id")]
OptionalFilter = Annotated[str | None, Query(max_length=300)]
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


@router.get("/documents", summary="Every document in the graph, with level, region, dates and titles")
def documents(request: Request) -> dict[str, Any]:
    return _listed("documents", state_of(request).queries.documents())


@router.get("/documents/{doc_id}", summary="One document with its clause tree")
def document(request: Request, doc_id: Id) -> dict[str, Any]:
    found = state_of(request).queries.document(doc_id)
    if not found:
        raise ApiError(404, "document_not_found", f"no document {doc_id!r}", id=doc_id)
    return dict(found)


@router.get("/search", summary="Clauses and measures matching a phrase, in any script")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=300, description="Words or a phrase, any script")],
    document: OptionalFilter = None,
    limit: Annotated[int, Query(ge=1, description="At most this many results (≤ setting api_max_limit)")] = 20,
) -> dict[str, Any]:
    hits = state_of(request).queries.search(q, document=document, limit=_limit(request, limit))
    return _listed("results", hits)


@router.get(
    "/units",
    summary="Units responsible for measures about a concept",
    description="One page of units, ranked (most lead clauses first), each with all its clauses.",
)
def units(
    request: Request,
    concept: Annotated[str, Query(min_length=1, max_length=300, description="Concept id or label, e.g. CCUS")],
    document: OptionalFilter = None,
    region: OptionalFilter = None,
    limit: PageLimit = None,
    offset: PageOffset = 0,
) -> dict[str, Any]:
    size = _page_size(request, limit)
    answer = state_of(request).queries.units_page(concept, document=document, region=region, limit=size, offset=offset)
    if not answer:
        raise ApiError(404, "concept_not_found", f"no concept {concept!r}", concept=concept)
    return _paged(request, dict(answer), size, offset)


@router.get("/trace/{item_id}", summary="The chain from a measure or clause up to the clauses it implements")
def trace(request: Request, item_id: Id) -> dict[str, Any]:
    found = state_of(request).queries.trace(item_id)
    if not found:
        raise ApiError(404, "item_not_found", f"no measure or clause {item_id!r}", id=item_id)
    return dict(found)


@router.get(
    "/targets",
    summary="Quantified targets, filtered by document, target year, concept, region",
    description="One page of targets, in reading order: by document, then place in its text.",
)
def targets(
    request: Request,
    document: OptionalFilter = None,
    year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
    concept: OptionalFilter = None,
    region: OptionalFilter = None,
    limit: PageLimit = None,
    offset: PageOffset = 0,
) -> dict[str, Any]:
    size = _page_size(request, limit)
    found = state_of(request).queries.targets_page(
        document=document, year=year, concept=concept, region=region, limit=size, offset=offset
    )
    return _paged(request, dict(found), size, offset)


@router.get("/concepts", summary="Concepts of the scheme, optionally matching a label")
def concepts(request: Request, q: OptionalFilter = None) -> dict[str, Any]:
    return _listed("concepts", state_of(request).queries.concepts(q or ""))

"""What the web page reads beside the research answers, so that it never writes SPARQL of its own.

Where every fact sits in the original text (to mark it inside the clause), the clause spans of a
document or of search hits, region names, the links into one clause, national clauses no local document
implements, names of kinds of unit and the concepts of targets. Each is a thin shell over
`policykg.graph.answer_page` (through `Queries`), with that module's models as `response_model`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from policykg.api.problems import ApiError
from policykg.api.state import require_document, state_of
from policykg.graph.answer_page import (
    MAX_ITEMS,
    FactSpans,
    Implementers,
    ItemSpans,
    RegionList,
    TargetConcepts,
    UnimplementedList,
    UnitTypeNames,
)

router = APIRouter(prefix="/api", tags=["Researcher API"])

Id = Annotated[str, Path(min_length=1, max_length=300)]
Ids = Annotated[list[str], Query(max_length=MAX_ITEMS, description=f"Repeat the parameter; at most {MAX_ITEMS}")]


def _checked(ids: list[str], what: str) -> list[str]:
    if any(not i or len(i) > 300 for i in ids):
        raise ApiError(422, "validation_error", f"every {what} must have 1 to 300 characters",
                       errors=[{"location": f"query.{what}", "message": "1 to 300 characters"}])
    return ids


@router.get(
    "/documents/{doc_id}/facts", summary="Every fact of a document with its place in the original text",
    description="`facts` by start offset (the longer first at the same start): measures, targets, deadlines, "
    "responsibilities (`unit`, `unit_label`, `role`) and concept mentions (`concept`), each with its clause, "
    "`start`/`end` in the original text and the exact quote. An unknown document is a 404.",
    response_model=FactSpans, response_model_exclude_unset=True,
)
def document_facts(request: Request, doc_id: Id) -> dict[str, Any]:
    require_document(request, doc_id)
    return state_of(request).queries.document_facts(doc_id)


@router.get(
    "/documents/{doc_id}/spans", summary="Where each clause of a document sits in its original text",
    description="`spans`: each clause's `start`/`end` in the original text and its normalised text.",
    response_model=ItemSpans, response_model_exclude_unset=True,
)
def document_spans(request: Request, doc_id: Id) -> dict[str, Any]:
    require_document(request, doc_id)
    return state_of(request).queries.clause_spans(doc_id)


@router.get(
    "/facts", summary="The facts of some clauses with their place in the original text",
    description="As `/api/documents/{id}/facts`, for the clauses named by `clause` (repeated).",
    response_model=FactSpans, response_model_exclude_unset=True,
)
def clause_facts(request: Request, clause: Ids) -> dict[str, Any]:
    return state_of(request).queries.clause_facts(_checked(clause, "clause"))


@router.get(
    "/spans", summary="Where some clauses or measures sit in their original text",
    description="`spans` of the items named by `id` (repeated), clauses or measures as `kind` says.",
    response_model=ItemSpans, response_model_exclude_unset=True,
)
def spans(request: Request, kind: Literal["clause", "measure"], id: Ids) -> dict[str, Any]:
    return state_of(request).queries.item_spans(kind, _checked(id, "id"))


@router.get(
    "/regions", summary="Every region of the graph with its names and the region it is part of",
    response_model=RegionList, response_model_exclude_unset=True,
)
def regions(
    request: Request,
    name: Annotated[str | None, Query(
        max_length=300, description="Only the region this id or name names, in any script or English (广东, 廣東省, "
        "Guangdong, 广东省广州市); a name no region has is a 404, one several share a 400 with the candidates")] = None,
) -> dict[str, Any]:
    answer = state_of(request).queries.regions()
    if name is None:
        return answer
    from policykg.ingest.region_names import region_id
    from policykg.ingest.regions import gazetteer

    rid = region_id(name)
    known = [r for r in answer["regions"] if r["id"] == rid]
    if not known:  # a region no document of the graph is of: its names from the gazetteer
        region = gazetteer().by_id(rid)
        labels = {"en": region.english, "zh-hans": region.full_name or region.name} if region else {}
        known = [{"id": rid, "labels": labels, "parent": region.parent if region else None}]
    return {"regions": known}


@router.get(
    "/clauses/{clause_id}/implementers", summary="The measures and clauses linked to a clause, best first",
    description="One entry per source (its best link): `kind` measure or clause, `score`, `rank`, `relation`, "
    "its document, clause (a measure's own clause), clause number and text.",
    response_model=Implementers, response_model_exclude_unset=True,
)
def implementers(request: Request, clause_id: Id) -> dict[str, Any]:
    found = state_of(request).queries.implementers(clause_id)
    if found is None:
        raise ApiError(404, "item_not_found", f"no clause {clause_id!r}", id=clause_id)
    return found


@router.get(
    "/unimplemented", summary="National clauses no local document implements",
    description="National (central and ministry) leaf clauses that no measure or clause of a provincial, "
    "municipal or county document links to with a score of at least `min_score`; `best_local_score` is the "
    "best such score below it, or null when there is no link at all.",
    response_model=UnimplementedList, response_model_exclude_unset=True,
)
def unimplemented(
    request: Request, min_score: Annotated[float, Query(ge=0, le=1, description="Least score that counts")] = 0.3,
) -> dict[str, Any]:
    return state_of(request).queries.unimplemented(min_score)


@router.get(
    "/unit-types", summary="Readable names of kinds of unit named in link evidence",
    description="`names`: each kind (`type`, repeated: \"fgw\", \"gxj\"…) with the most common name of its units "
    "across regions, without the region's name (\"发展和改革委员会\").",
    response_model=UnitTypeNames, response_model_exclude_unset=True,
)
def unit_types(request: Request, type: Ids) -> dict[str, Any]:
    return state_of(request).queries.unit_type_names(_checked(type, "type"))


@router.get(
    "/target-concepts", summary="The concepts of every target",
    description="`concepts`: target id → the ids of the concepts it is tagged with.",
    response_model=TargetConcepts, response_model_exclude_unset=True,
)
def target_concepts(request: Request) -> dict[str, Any]:
    return state_of(request).queries.target_concepts()

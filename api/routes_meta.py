"""Service routes that are not research questions: health, the example queries, the index."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from policykg import __version__
from policykg.api.examples import example, examples
from policykg.api.problems import ApiError
from policykg.api.state import state_of

router = APIRouter(tags=["Service"])


@router.get("/api/health", summary="Liveness and what the service serves")
async def health(request: Request) -> dict[str, Any]:
    state = state_of(request)
    graphs = await run_in_threadpool(state.store.graphs)
    return {
        "status": "ok",
        "version": __version__,
        "backend": state.store.backend,
        "graphs": len(graphs),
        "writes": bool(state.settings.write_token),
    }


@router.get("/api/examples", summary="Example SPARQL queries, one per researcher question")
def list_examples() -> dict[str, Any]:
    return {"examples": [e.as_dict() for e in examples()]}


@router.get(
    "/api/examples/{name}", summary="One example query as a SPARQL text", response_class=Response,
    responses={200: {"content": {"application/sparql-query": {}}}},
)
def get_example(name: str) -> Response:
    found = example(name)
    if found is None:
        raise ApiError(404, "example_not_found", f"no example query {name!r}")
    return Response(found.query, media_type="application/sparql-query; charset=utf-8")


def index() -> dict[str, Any]:
    """The answer at "/" when no web page is installed: where things are."""
    return {
        "name": "policykg",
        "version": __version__,
        "api": "/api/documents",
        "sparql": "/sparql",
        "examples": "/api/examples",
        "docs": "/docs",
    }

"""Service routes that are not research questions: health, the example queries, the index."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
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
        "writes": bool(str(state.settings.write_token).strip()),
    }


@router.get(
    "/api/dataset", summary="The whole dataset as N-Quads (gzip-encoded)", response_class=Response,
    description="Every named graph with its quads and version records, as `application/n-quads` sent with "
    "`Content-Encoding: gzip` (`curl --compressed`). Loaded into an empty store it restores the graph "
    "this service serves; `policykg export` and `policykg.open` read it while the service holds the store.",
    responses={200: {"content": {"application/n-quads": {}}}},
)
async def dataset(request: Request) -> StreamingResponse:
    handle = await run_in_threadpool(state_of(request).open_dataset)
    size = os.fstat(handle.fileno()).st_size

    def chunks() -> Iterator[bytes]:
        with handle:
            yield from iter(lambda: handle.read(1 << 20), b"")

    return StreamingResponse(chunks(), media_type="application/n-quads",
                             headers={"Content-Encoding": "gzip", "Content-Length": str(size)})


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

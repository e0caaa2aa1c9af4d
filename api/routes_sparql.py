"""GET/POST /sparql: the SPARQL 1.1 Protocol endpoint over the store.

Queries run with the `sparql_timeout` deadline and the `sparql_max_rows` cap, in the store's query
workers (a query past its deadline has its worker killed, so the CPU is freed, and answers 503).
The results format follows the Accept header. Updates need the write token.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from policykg.api.auth import BEARER, require_write_token
from policykg.api.problems import ApiError
from policykg.api.sparql import UPDATE_MEDIA_TYPE, check_query, check_update, read_operation
from policykg.api.state import state_of
from policykg.errors import BadRequest
from policykg.graph.results import JSON_RESULTS, NotAcceptable

router = APIRouter(tags=["SPARQL"])

TRUNCATED_HEADER = "X-PolicyKG-Truncated"

_DESCRIPTION = """SPARQL 1.1 Protocol endpoint. The default graph is the union of all graphs.

* **Query**: `GET /sparql?query=…`, `POST` with `application/x-www-form-urlencoded` (`query=…`) or with an
  `application/sparql-query` body. Results by `Accept` (q-values honoured): SPARQL JSON (default), XML,
  CSV, TSV for SELECT; JSON (default), XML for ASK; Turtle (default), N-Triples, JSON-LD, RDF/XML for
  CONSTRUCT/DESCRIBE. An Accept naming none of them gets 406.
* **Update**: `POST` with `update=…` or an `application/sparql-update` body, and
  `Authorization: Bearer <write token>`.
* Limits: queries stop after `sparql_timeout` seconds (503, code `query_timeout`); at most
  `sparql_max_rows` rows are returned (`X-PolicyKG-Truncated: true`, and `"policykg": {"truncated": true}`
  in SPARQL JSON). `SERVICE`, `LOAD` and dataset clauses naming foreign graphs are refused.
"""

_QUERY_EXAMPLE = "PREFIX pkg: <https://policykg.org/ns#>\nSELECT ?document ?level WHERE { ?document pkg:level ?level }"

_RESULT_TYPES = (
    "application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values",
    "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
)
_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "Query results in the negotiated format", "content": {t: {} for t in _RESULT_TYPES}},
}
_GET_OPENAPI = {
    "parameters": [
        {"name": "query", "in": "query", "required": True, "schema": {"type": "string"}, "example": _QUERY_EXAMPLE},
    ],
}
_POST_OPENAPI = {
    "security": [{}],  # with the bearer scheme added by the dependency: the token is optional (updates only)
    "requestBody": {
        "required": True,
        "content": {
            "application/sparql-query": {"schema": {"type": "string"}, "example": _QUERY_EXAMPLE},
            "application/sparql-update": {"schema": {"type": "string"}},
            "application/x-www-form-urlencoded": {
                "schema": {"type": "object", "properties": {"query": {"type": "string"}, "update": {"type": "string"}}}
            },
        },
    },
}


@router.get(
    "/sparql", summary="SPARQL 1.1 query", description=_DESCRIPTION, openapi_extra=_GET_OPENAPI,
    response_class=Response, responses=_RESPONSES, operation_id="sparql_query_get",
)
@router.post(
    "/sparql", summary="SPARQL 1.1 query or update", description=_DESCRIPTION, openapi_extra=_POST_OPENAPI,
    response_class=Response, responses={**_RESPONSES, 204: {"description": "Update applied"}},
    operation_id="sparql_post", dependencies=[BEARER],
)
async def sparql(request: Request) -> Response:
    state = state_of(request)
    settings = state.settings
    content_type = request.headers.get("content-type", "")
    if request.method == "POST" and content_type.split(";")[0].strip().lower() == UPDATE_MEDIA_TYPE:
        require_write_token(request, settings)  # before reading a body only a token holder may send
    body = await request.body() if request.method == "POST" else b""
    operation = read_operation(
        request.method, request.scope.get("query_string", b""), content_type or None, body
    )
    if operation.kind == "update":
        require_write_token(request, settings)
        await run_in_threadpool(check_update, operation.text)
        try:
            await run_in_threadpool(state.store.update, operation.text)
        except BadRequest as exc:
            if exc.status != 400:
                raise
            raise ApiError(400, "malformed_update", exc.message) from None
        return Response(status_code=204)

    await run_in_threadpool(check_query, operation.text)  # seconds for a long query: off the event loop
    try:
        raw = await run_in_threadpool(
            state.store.query_raw, operation.text, request.headers.get("accept"),
            settings.sparql_timeout, settings.sparql_max_rows,
        )
    except NotAcceptable:
        raise
    except BadRequest as exc:
        if exc.status != 400:
            raise
        raise ApiError(400, "malformed_query", exc.message) from None
    truncated = bool(getattr(raw, "truncated", False))
    content = raw.body
    if truncated and raw.media_type.startswith(JSON_RESULTS):
        document = json.loads(content)
        document["policykg"] = {"truncated": True, "max_rows": settings.sparql_max_rows}
        content = json.dumps(document, ensure_ascii=False).encode()
    headers = {TRUNCATED_HEADER: "true" if truncated else "false", "Vary": "Accept", "Cache-Control": "no-store"}
    return Response(content, media_type=raw.media_type, headers=headers)

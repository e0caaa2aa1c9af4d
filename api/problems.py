"""One error shape for the whole service: RFC 9457 `application/problem+json`.

Whatever goes wrong — an unknown route, a wrong method, a failed validation, a body too large, too
many requests, a SPARQL syntax error, a query timeout or a bug — the client gets the same members
(`type`, `title`, `status`, `detail`, `instance`, plus our stable `code`), never a traceback or a
path of the machine serving it. Handlers here turn every exception into that shape; middleware that
answers before routing builds the same response with `problem_response`.
"""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from policykg.errors import PolicyKGError
from policykg.ontology.vocab import BASE

PROBLEM_MEDIA_TYPE = "application/problem+json"
#: Problem type IRIs are BASE + "problems/" + code; docs/api.md lists every code.
PROBLEM_TYPE_BASE = BASE + "problems/"

log = logging.getLogger("policykg.api")

#: Codes for errors that arrive as a bare HTTP status (router 404/405, framework errors).
_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}

# An absolute filesystem path not part of a URL ("/tmp/x/y", "C:\\x"), which a 5xx detail must not show.
_PATH = re.compile(r"(?<![\w:/.\-])(?:/[^\s/'\"<>]+){2,}/?|[A-Za-z]:\\[^\s'\"<>]+")


class ApiError(PolicyKGError):
    """A service error with its own status and code, for cases the shared error types do not name."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None, **detail: object):
        super().__init__(message, **detail)
        self.status = status
        self.code = code
        self.headers = headers or {}


class BodyTooLarge(StarletteHTTPException):
    """Raised while a body is streamed in and passes its limit.

    It is an HTTPException because the framework re-raises those untouched when reading a body,
    where any other exception would be rewritten as a generic 400.
    """

    code = "body_too_large"

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than the limit of {limit} bytes")
        self.limit = limit


def title_for(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def scrub(text: str) -> str:
    """Removes filesystem paths from a message meant for a client."""
    return _PATH.sub("…", text)


def _json_safe(value: object) -> bool:
    if isinstance(value, str | int | float | bool) or value is None:
        return True
    if isinstance(value, list | tuple):
        return all(_json_safe(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_safe(v) for k, v in value.items())
    return False


def problem_body(
    status: int, code: str, detail: str, instance: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    if status >= 500:
        detail = scrub(detail)
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": title_for(status),
        "status": status,
        "detail": detail,
        "instance": instance,
        "code": code,
    }
    for key, value in (extra or {}).items():
        if key not in body and _json_safe(value):
            body[key] = scrub(value) if status >= 500 and isinstance(value, str) else value
    return body


def problem_response(
    status: int,
    code: str,
    detail: str,
    instance: str,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    return JSONResponse(
        problem_body(status, code, detail, instance, extra),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _instance(request: Request) -> str:
    return request.url.path


async def _policykg_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PolicyKGError)
    headers = getattr(exc, "headers", None)
    if exc.status >= 500:
        log.warning("%s %s -> %s %s: %s", request.method, request.url.path, exc.status, exc.code, exc.message)
    return problem_response(exc.status, exc.code, exc.message, _instance(request), headers, dict(exc.detail))


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path.

    The router's own 405 names only the methods of the first route with that path, which is wrong
    when GET and POST are separate routes (as they are for /sparql and /api/documents).
    """
    allowed = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return allowed


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = getattr(exc, "code", None) or _STATUS_CODES.get(status, "error")
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail else title_for(status)
    headers = dict(exc.headers or {})
    if status == 404 and detail == title_for(404):
        detail = f"nothing is served at {request.url.path}"
    elif status == 405:
        allowed = ", ".join(allowed_methods(request)) or headers.get("Allow", "")
        headers["Allow"] = allowed
        detail = f"{request.method} is not allowed here" + (f"; allowed: {allowed}" if allowed else "")
    extra: dict[str, Any] = {}
    if isinstance(exc, BodyTooLarge):
        headers.setdefault("Connection", "close")
        extra["limit"] = exc.limit
    return problem_response(status, code, detail, _instance(request), headers, extra)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"location": ".".join(str(p) for p in err.get("loc", ())), "message": str(err.get("msg", ""))}
        for err in exc.errors()
    ]
    detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors) or "the request is not valid"
    return problem_response(422, "validation_error", detail, _instance(request), extra={"errors": errors})


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        500, "internal_error", "the server failed to answer this request; the failure has been logged",
        _instance(request),
    )


def install(app: FastAPI) -> None:
    """Registers the handlers that turn every exception into a problem response."""
    app.add_exception_handler(PolicyKGError, _policykg_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)


def known_parameters(request: Request) -> None:
    """An `/api/` route answers only the query parameters it declares (a dependency of the whole app): a
    misspelt filter (`indicator=` for `concept=`) would otherwise be ignored and the answer look filtered.
    Nor does it take a parameter with an empty or blank value (`concept=`, `q=%20`): that is a 422
    `validation_error` naming it, the same for every parameter of every route, where before some were
    ignored (every target came back) and some answered empty."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not request.url.path.startswith("/api/") or not request.query_params:
        return
    known = _query_names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise ApiError(400, "unknown_parameter", f"unknown query parameter {', '.join(map(repr, unknown))}",
                       parameters=unknown, known=sorted(known))
    blank = sorted({name for name, value in request.query_params.multi_items() if not value.strip()})
    if blank:
        errors = [{"location": f"query.{name}", "message": "must not be empty or only spaces"} for name in blank]
        raise ApiError(422, "validation_error", "; ".join(f"{e['location']}: {e['message']}" for e in errors),
                       errors=errors)


def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route and its dependencies declare."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names

"""ASGI middleware: request body limits, per-client rate limiting and security headers.

They are plain ASGI classes rather than framework middleware so that a refusal happens before the
body is read (a 413 must not cost the server the upload it refuses) and so that their answers are
the same problem+json every other error is.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policykg.api.problems import BodyTooLarge, problem_response

#: Paths whose responses are HTML pages of the interactive API docs, which load the Swagger UI assets.
DOCS_PATHS = ("/docs", "/redoc")

_API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
_PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
)
_DOCS_CSP = (
    "default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


class BodyLimitMiddleware:
    """Refuses bodies over a limit with 413 before reading them.

    With a Content-Length the check is made on the header alone; a chunked body (no Content-Length)
    is counted as it streams in and reading stops at the first byte over the limit. `limit_for`
    picks the limit per request (uploads get a larger one than everything else).
    """

    def __init__(self, app: ASGIApp, limit_for: Callable[[Scope], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size < 0:
                await _refuse(scope, receive, send, 400, "bad_request", "Content-Length is not a byte count")
                return
            if size > limit:
                await _refuse(
                    scope, receive, send, 413, "body_too_large",
                    f"the request body ({size} bytes) is larger than the limit of {limit} bytes",
                    {"Connection": "close"}, {"limit": limit},
                )
                return

        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge as exc:
            if started:
                raise
            await _refuse(
                scope, receive, send, 413, "body_too_large", str(exc.detail), {"Connection": "close"},
                {"limit": exc.limit},
            )


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimitMiddleware:
    """A token bucket per client address: `per_minute` requests a minute, refilled continuously.

    Only the paths `applies_to` accepts are counted (the API and the SPARQL endpoint, not the page's
    static files). Over the budget the answer is 429 with Retry-After, the seconds until the next
    request would be allowed.
    """

    _MAX_CLIENTS = 10_000

    def __init__(self, app: ASGIApp, per_minute: int, applies_to: Callable[[str], bool]) -> None:
        self.app = app
        self.per_minute = per_minute
        self.applies_to = applies_to
        self.rate = per_minute / 60.0
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def _take(self, client: str) -> float:
        """0 when the request may go ahead, else seconds to wait."""
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= self._MAX_CLIENTS:
                    self._forget_full(now)
                bucket = self._buckets[client] = _Bucket(float(self.per_minute), now)
            bucket.tokens = min(float(self.per_minute), bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        """Drops clients whose bucket has refilled: forgetting them changes nothing."""
        for key in [k for k, b in self._buckets.items() if b.tokens + (now - b.updated) * self.rate >= self.per_minute]:
            del self._buckets[key]
        if len(self._buckets) >= self._MAX_CLIENTS:  # all busy: forget the longest-idle half
            for key in sorted(self._buckets, key=lambda k: self._buckets[k].updated)[: self._MAX_CLIENTS // 2]:
                del self._buckets[key]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.per_minute <= 0 or not self.applies_to(scope["path"]):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self._take(client[0] if client else "unknown")
        if wait > 0:
            retry = max(1, math.ceil(wait))
            await _refuse(
                scope, receive, send, 429, "rate_limited",
                f"more than {self.per_minute} requests a minute from this client; retry in {retry} s",
                {"Retry-After": str(retry)}, {"limit_per_minute": self.per_minute},
            )
            return
        await self.app(scope, receive, send)


class SecurityHeadersMiddleware:
    """Headers every response carries: no sniffing, no framing, no referrer, a strict CSP.

    The CSP is strictest for API answers; the web page may load its own scripts and styles, and the
    interactive docs the Swagger UI assets they are built from.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith(DOCS_PATHS):
            csp = _DOCS_CSP
        elif path.startswith(("/api/", "/sparql", "/openapi.json")) or path == "/api":
            csp = _API_CSP
        else:
            csp = _PAGE_CSP
        extra = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
            (b"content-security-policy", csp.encode()),
        ]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in extra if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(
    scope: Scope,
    receive: Receive,
    send: Send,
    status: int,
    code: str,
    detail: str,
    headers: dict[str, str] | None = None,
    extra: dict[str, object] | None = None,
) -> None:
    response = problem_response(status, code, detail, scope.get("path", ""), headers, extra)
    await response(scope, receive, send)

"""Requests the HTTP parser refuses get the service's one error shape too.

Some requests never reach the application, so no middleware or handler sees them: a request line or
headers longer than the parser takes, bytes a URL may not hold (unencoded Chinese, as in
`?q=碳捕集` typed into curl), a malformed request. uvicorn answers those itself, in plain text
("Invalid HTTP request received."). `ProblemHTTPProtocol` — uvicorn's own protocol (httptools when
installed, else h11) with that one answer replaced, which `policykg serve` runs — answers them with
the same problem+json as every other error: 400, code `invalid_http_request`.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from uvicorn.protocols.http.auto import AutoHTTPProtocol

from policykg.api.problems import PROBLEM_MEDIA_TYPE, problem_body

CODE = "invalid_http_request"
DETAIL = (
    "the server could not read this request: its request line or headers are malformed or too long. "
    "A URL must be percent-encoded (curl -G --data-urlencode 'q=碳捕集' …) and its request line at most "
    "a few tens of KiB; send long SPARQL queries in a POST body"
)


class ProblemAnswer:
    """Mixin for a uvicorn HTTP protocol: the 400 it sends for a request it cannot parse is a problem."""

    transport: asyncio.Transport
    server_state: Any

    def send_400_response(self, msg: str) -> None:
        body = json.dumps(problem_body(400, CODE, DETAIL, ""), ensure_ascii=False).encode()
        head = [b"HTTP/1.1 400 Bad Request"]
        head += [name + b": " + value for name, value in self.server_state.default_headers]
        head += [
            b"content-type: " + PROBLEM_MEDIA_TYPE.encode(),
            b"content-length: " + str(len(body)).encode(),
            b"x-content-type-options: nosniff",
            b"connection: close",
        ]
        self.transport.write(b"\r\n".join(head) + b"\r\n\r\n" + body)
        self.transport.close()


#: uvicorn's HTTP protocol answering unparsable requests with a problem (`uvicorn.run(..., http=this)`).
ProblemHTTPProtocol: type[asyncio.Protocol] = type("ProblemHTTPProtocol", (ProblemAnswer, AutoHTTPProtocol), {})

__all__ = ["CODE", "ProblemAnswer", "ProblemHTTPProtocol"]

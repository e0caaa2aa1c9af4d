"""POST /api/documents: add one document to the running store (write token required).

The token is checked before the body is read, so an unauthorised upload costs nothing; the body's
size is bounded by the body-limit middleware, and the document's own size by `max_upload_bytes`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from policykg.api.auth import BEARER, require_write_token
from policykg.api.problems import ApiError
from policykg.api.state import state_of
from policykg.errors import TooLarge

router = APIRouter(prefix="/api", tags=["Researcher API"])

#: Room for the multipart envelope (boundaries, part headers) around the document itself.
MULTIPART_OVERHEAD = 64 * 1024

_OPENAPI = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary",
                                            "description": ".txt, .html, .docx, .pdf or .md"}},
                }
            }
        },
    },
}


def safe_filename(name: str) -> str:
    """The file's own name, without any directory part a client may have put in it."""
    base = PureWindowsPath(PurePosixPath(name).name).name.strip()
    return base or "upload"


def forget_upload(store_dir: str, data: bytes) -> None:
    """A refused upload is not kept: the copy saved under the store's uploads/ (named `<name>-<the first
    12 hex digits of its sha256><suffix>`) is removed."""
    digest = hashlib.sha256(data).hexdigest()[:12]
    for saved in (Path(store_dir) / "uploads").glob(f"*-{digest}*"):
        saved.unlink(missing_ok=True)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


@router.post(
    "/documents", status_code=201, summary="Ingest a document into the running store",
    description="Multipart upload (field `file`) with `Authorization: Bearer <write token>`; the document "
    "is ingested, extracted, linked and stored. 201 with `{status: ok|skipped, document, links}`; a document "
    "that cannot be read is a 422 problem naming why (`binary_content`, `unsupported_format`, …).",
    openapi_extra=_OPENAPI, dependencies=[BEARER],
)
async def upload(request: Request) -> JSONResponse:
    state = state_of(request)
    settings = state.settings
    require_write_token(request, settings)
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise ApiError(415, "unsupported_media_type", "send the document as multipart/form-data, field 'file'")
    limit = int(settings.max_upload_bytes)
    async with request.form(max_files=1, max_fields=8) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "validation_error", "the multipart body has no file in field 'file'",
                           errors=[{"location": "body.file", "message": "required"}])
        data = await upload.read(limit + 1)
        filename = safe_filename(upload.filename or "upload")
    if len(data) > limit:
        raise TooLarge(f"the document is larger than the limit of {limit} bytes", limit=limit)
    if not data:
        raise ApiError(422, "empty_document", "the uploaded file is empty")

    from policykg.pipeline import ingest_upload  # type: ignore[attr-defined]

    outcome = await run_in_threadpool(ingest_upload, state.store, filename, data, settings)
    body = _plain(outcome)
    if not isinstance(body, dict):
        body = {"outcome": body}
    if body.get("status") == "quarantined":  # the document could not be read: say why, as a problem
        await run_in_threadpool(forget_upload, settings.store, data)
        code = str(body.get("code") or "ingest_error")
        raise ApiError(413 if code == "too_large" else 422, code, str(body.get("message") or "the document was refused"),
                       filename=filename)
    return JSONResponse(body, status_code=201)

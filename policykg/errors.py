"""Typed errors. Every failure policykg reports has a stable `code`, a human `message` and an HTTP status.

Ingest errors quarantine a document (the batch goes on); service errors become one RFC 9457
problem+json shape. No error message carries a traceback or an internal path.
"""

from __future__ import annotations


class PolicyKGError(Exception):
    code = "error"
    status = 500

    def __init__(self, message: str, **detail: object) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, **self.detail}


# --- ingest: each of these quarantines the document it was raised for ----------------------------
class IngestError(PolicyKGError):
    code = "ingest_error"
    status = 422


class EmptyDocument(IngestError):
    code = "empty_document"


class BinaryContent(IngestError):
    code = "binary_content"


class UndecodableText(IngestError):
    code = "undecodable_text"


class UnsupportedFormat(IngestError):
    code = "unsupported_format"


class TooLarge(IngestError):
    code = "too_large"
    status = 413


class MalformedFile(IngestError):
    code = "malformed_file"


class UnsafeArchive(IngestError):
    code = "unsafe_archive"


class NoTextLayer(IngestError):
    code = "no_text_layer"


class FileVanished(IngestError):
    code = "file_vanished"


class NoStructure(IngestError):
    code = "no_structure"


class NotRegularFile(IngestError):
    """A named pipe, a device, a socket or a folder where a document was expected: never read."""

    code = "not_regular_file"


class SymlinkLoop(IngestError):
    """A path that leads into a loop of symbolic links."""

    code = "symlink_loop"


class PathNotFound(PolicyKGError):
    """A path the user named (on the command line) does not exist: nothing is built."""

    code = "path_not_found"
    status = 404


# --- store and service ----------------------------------------------------------------------------
class StoreError(PolicyKGError):
    code = "store_error"
    status = 503


class StoreBusy(StoreError):
    """Another process holds the embedded store (it admits one writer process)."""

    code = "store_busy"


class NotFound(PolicyKGError):
    code = "not_found"
    status = 404


class BadRequest(PolicyKGError):
    code = "bad_request"
    status = 400


class Forbidden(PolicyKGError):
    code = "forbidden"
    status = 403


class Unauthorized(PolicyKGError):
    code = "unauthorized"
    status = 401


class QueryTimeout(PolicyKGError):
    code = "query_timeout"
    status = 503


class ConfigurationError(PolicyKGError):
    code = "configuration_error"
    status = 500

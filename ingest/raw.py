"""Reading a file's bytes, within the size limit, and naming its media type.

The suffix names the type; a few unmistakable signatures (a PDF header, a Word archive, an HTML
document) override a wrong suffix, so a PDF saved as ".txt" is still read as a PDF.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from policykg.errors import FileVanished, TooLarge
from policykg.ingest.model import RawDocument
from policykg.settings import Settings

TEXT = "text/plain"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
UNKNOWN = "application/octet-stream"

MEDIA_TYPES = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".pdf": PDF,
    ".docx": DOCX,
}


def read_raw(path: str | Path, settings: Settings | None = None) -> RawDocument:
    """The file's bytes; TooLarge before reading a file over `max_file_bytes`, FileVanished if it is gone."""
    settings = settings or Settings()
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > settings.max_file_bytes:
            raise TooLarge(f"{p.name}: {size} bytes, more than max_file_bytes", limit=settings.max_file_bytes)
        with p.open("rb") as fh:
            data = fh.read(settings.max_file_bytes + 1)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise FileVanished(f"{p.name}: the file is no longer there") from exc
    if len(data) > settings.max_file_bytes:  # grew while being read
        raise TooLarge(f"{p.name}: more than max_file_bytes", limit=settings.max_file_bytes)
    return RawDocument(str(p), data, hashlib.sha256(data).hexdigest(), media_type(p.name, data))


def media_type(name: str, data: bytes) -> str:
    """Media type from a signature when it is unmistakable, else from the suffix."""
    head = data[:1024]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04") and (b"word/" in data[:65536] or name.lower().endswith(".docx")):
        return DOCX
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return HTML
    return MEDIA_TYPES.get(Path(name).suffix.lower(), UNKNOWN)

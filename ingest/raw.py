"""Reading a file's bytes, within the size limit, and naming its media type.

Only regular files are read. A named pipe, a device or a socket is refused (`not_regular_file`)
before anything could block on it, a loop of symbolic links is `symlink_loop`, and no read goes past
`max_file_bytes`, whatever size the file claims.

The suffix names the type; a few unmistakable signatures (a PDF header, a Word archive, an HTML
document) override a wrong suffix, so a PDF saved as ".txt" is still read as a PDF.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path

from policykg.errors import FileVanished, NotRegularFile, SymlinkLoop, TooLarge
from policykg.ingest.model import RawDocument
from policykg.settings import Settings

TEXT = "text/plain"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TEXT = "application/vnd.policykg.pdf-text+json"  # a PDF's text layer as a corpus pack holds it
UNKNOWN = "application/octet-stream"
#: A corpus pack's file: the text layer of one PDF (ingest/pack.py).
PACK_SUFFIX = ".pdftext.json"

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
    """The file's bytes; TooLarge before reading a file over `max_file_bytes`, FileVanished if it is gone,
    NotRegularFile or SymlinkLoop for what is not a file to read."""
    settings = settings or Settings()
    p = Path(path)
    limit = settings.max_file_bytes
    with os.fdopen(open_regular(p), "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise TooLarge(f"{p.name}: {size} bytes, more than max_file_bytes", limit=limit)
        data = fh.read(limit + 1)
    if len(data) > limit:  # grew while being read
        raise TooLarge(f"{p.name}: more than max_file_bytes", limit=limit)
    return RawDocument(str(p), data, hashlib.sha256(data).hexdigest(), media_type(p.name, data))


_KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def open_regular(path: Path) -> int:
    """A read-only descriptor of `path`, which must be (a link to) a regular file.

    The type is checked before opening, so nothing waits on a pipe or wakes a device, and again on the
    descriptor (opened non-blocking), in case the path was swapped in between.
    """
    try:
        _require_regular(path, os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(path):
            raise FileVanished(f"{path.name}: a symbolic link to nothing") from None
        raise FileVanished(f"{path.name}: the file is no longer there") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SymlinkLoop(f"{path.name}: a loop of symbolic links") from None
        raise
    try:
        _require_regular(path, os.fstat(fd).st_mode)
    except NotRegularFile:
        os.close(fd)
        raise
    return fd


def _require_regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a file")
        raise NotRegularFile(f"{path.name}: {kind}, not a regular file; only regular files are read")


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
    if name.lower().endswith(PACK_SUFFIX):
        return PDF_TEXT
    return MEDIA_TYPES.get(Path(name).suffix.lower(), UNKNOWN)


def is_supported(name: str) -> bool:
    """Whether a file name has a suffix the ingest stage reads (the one list: MEDIA_TYPES)."""
    lowered = name.lower()
    return lowered.endswith(PACK_SUFFIX) or Path(lowered).suffix in MEDIA_TYPES


SUPPORTED_SUFFIXES = (*MEDIA_TYPES, PACK_SUFFIX)


class LoopPath(type(Path())):  # type: ignore[misc]
    """A path that leads into a loop of symbolic links.

    `Path.resolve` raises on such a path; this one resolves to its absolute path, so that a build can
    key and count it like any other input, and reading it ends as the typed outcome `symlink_loop`.
    """

    def resolve(self, strict: bool = False) -> Path:
        return Path(os.path.abspath(self))


def loop_safe(path: Path) -> Path:
    """`path`, or the same path as a LoopPath when it leads into a loop of symbolic links."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LoopPath(path)
    return path


#: Characters a saved upload's name cannot keep: path separators, control characters and those other file
#: systems refuse. Every other character — Chinese punctuation, brackets, spaces — is kept, so that the
#: saved name still reads as the published one (its title, where the text prints none).
_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
#: An upload's saved name: "<stem>-<12 hex digits of its sha256><suffix>".
_UPLOAD_DIGEST = re.compile(r"-[0-9a-f]{12}$")
#: An upload's stem is cut to this many UTF-8 bytes, so that with its digest and suffix the name fits the
#: 255 bytes a file system allows.
UPLOAD_STEM_BYTES = 200


def _safe(name: str) -> Path:
    return Path(_UNSAFE_IN_NAME.sub("_", Path(name).name).strip(". ") or "upload")


def upload_name(filename: str, digest: str) -> str:
    """The name an upload of `filename` is saved under (its stem as published, cut to
    `UPLOAD_STEM_BYTES`, then its digest and suffix)."""
    safe = _safe(filename or "upload")
    stem = safe.stem.encode("utf-8")[:UPLOAD_STEM_BYTES].decode("utf-8", "ignore")
    return f"{stem}-{digest[:12]}{safe.suffix.lower()[:8]}"


def published_stem(name: str) -> tuple[str, bool]:
    """A file's stem as every route hands it over — the file's own name, its pack's record of it, its
    saved upload (whose digest is dropped) — and whether an upload would have cut it."""
    stem = _UPLOAD_DIGEST.sub("", _safe(name).stem)
    return stem, len(stem.encode("utf-8")) >= UPLOAD_STEM_BYTES

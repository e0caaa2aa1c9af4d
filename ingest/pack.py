"""Corpus packs: a PDF's text layer, read once by the product's own PDF reader, kept as a small file.

The default corpus carries its real PDFs as packs rather than as PDFs (docs/corpus.md says why): one
JSON file per PDF with the pages exactly as `ingest/pdf_text.py` reads them, the reader's version and
the source file's name, size and sha256. A pack is read by the same layout step as the PDF itself, so
a document has the same text, spans and id whether it arrives as its PDF or as its pack. Packs are
deterministic: the same PDF and reader always write the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from policykg.errors import MalformedFile
from policykg.ingest.load_pdf import loaded_pages
from policykg.ingest.loaders import LoadedText, Loader, register
from policykg.ingest.model import RawDocument
from policykg.ingest.pdf_text import PdfPages, read_pages
from policykg.ingest.raw import PACK_SUFFIX, PDF_TEXT
from policykg.settings import Settings

FORMAT = "policykg/pdf-text"
VERSION = 1


@dataclass(frozen=True, slots=True)
class Source:
    """Where a pack's text came from: the PDF as published."""

    file: str
    size: int
    sha256: str


def pack_bytes(pdf: Path, settings: Settings) -> tuple[Source, bytes]:
    """The pack of one PDF file."""
    data = pdf.read_bytes()
    source = Source(pdf.name, len(data), hashlib.sha256(data).hexdigest())
    pages = read_pages(data, settings)
    record = {
        "format": FORMAT,
        "version": VERSION,
        "source": {"file": source.file, "size": source.size, "sha256": source.sha256},
        "reader": pages.reader,
        "pages": pages.pages,
    }
    return source, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def pack_name(source: Source) -> str:
    """A pack's file name: stable for the same PDF bytes."""
    return source.sha256[:16] + PACK_SUFFIX


def read_pack(data: bytes) -> tuple[Source, PdfPages]:
    try:
        record = json.loads(data.decode("utf-8"))
        if record.get("format") != FORMAT or record.get("version") != VERSION:
            raise MalformedFile(f"not a {FORMAT} pack of version {VERSION}")
        src = record["source"]
        source = Source(str(src["file"]), int(src["size"]), str(src["sha256"]))
        pages = [str(p) for p in record["pages"]]
        reader = str(record["reader"])
    except MalformedFile:
        raise
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise MalformedFile(f"not a readable corpus pack: {type(exc).__name__}") from exc
    return source, PdfPages(pages, reader)


@register
class PackLoader(Loader):
    media_types = (PDF_TEXT,)

    def load(self, raw: RawDocument, settings: Settings) -> LoadedText:
        source, pages = read_pack(raw.data)
        loaded = loaded_pages(pages)
        loaded.source = (source.file, source.sha256)
        return loaded


#: The list of a folder's packs: pack file, source file, size, sha256 (written by `pack_folder`).
SOURCES = "SOURCES.tsv"


def sources(folder: str | Path) -> dict[str, Path]:
    """The packs of a folder by the name of the file they were read from ("100、…实施方案.pdf" → its pack)."""
    base = Path(folder)
    rows = (base / SOURCES).read_text(encoding="utf-8").splitlines()
    return {r.split("\t")[1]: base / r.split("\t")[0] for r in rows if r and not r.startswith("#")}


def pack_folder(pdfs: list[Path], out: Path, settings: Settings | None = None) -> dict[str, object]:
    """Packs of the given PDFs in `out` (written only where they change), plus their list (SOURCES)."""
    from policykg.errors import IngestError

    settings = settings or Settings()
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, int, str]] = []
    failed: dict[str, str] = {}
    for pdf in sorted(pdfs, key=lambda p: p.name):
        try:
            source, data = pack_bytes(pdf, settings)
        except IngestError as exc:
            failed[pdf.name] = f"{exc.code}: {exc.message}"
            continue
        target = out / pack_name(source)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        rows.append((target.name, source.file, source.size, source.sha256))
    lines = ["# pack\tsource file\tsize\tsha256"]
    lines += [f"{name}\t{file}\t{size}\t{sha}" for name, file, size, sha in sorted(rows, key=lambda r: r[1])]
    (out / SOURCES).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"packed": len(rows), "failed": failed}


if __name__ == "__main__":
    import sys

    src, dest = Path(sys.argv[1]), Path(sys.argv[2])
    report = pack_folder(sorted(src.glob("*.pdf")), dest)
    print(json.dumps(report, ensure_ascii=False, indent=1))

"""Word (.docx): paragraphs and table cells in reading order.

A .docx is a zip archive, so it is inspected as one before python-docx opens it: too many members,
too much uncompressed data, or a member path that climbs out of the archive ("../", absolute paths)
refuse the file as an unsafe archive. zipfile stops inflating a member at its declared size (and
fails its checksum if the declaration lied), so the declared sizes checked here bound what is read.
"""

from __future__ import annotations

import io
import zipfile

from policykg.errors import EmptyDocument, MalformedFile, UnsafeArchive
from policykg.ingest.loaders import LoadedText, Loader, register
from policykg.ingest.model import RawDocument
from policykg.ingest.raw import DOCX
from policykg.settings import Settings


@register
class DocxLoader(Loader):
    media_types = (DOCX,)

    def load(self, raw: RawDocument, settings: Settings) -> LoadedText:
        check_archive(raw.data, settings)
        import docx

        try:
            document = docx.Document(io.BytesIO(raw.data))
        except Exception as exc:  # python-docx raises many kinds of error on a broken package
            raise MalformedFile(f"not a readable Word document: {type(exc).__name__}") from exc
        lines: list[str] = []
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                for row in block.rows:
                    cells = [" ".join(p.text for p in cell.paragraphs).strip() for cell in row.cells]
                    line = "\t".join(c for c in cells if c)
                    if line:
                        lines.append(line)
            else:
                text = block.text.strip()
                if text:
                    lines.append(text)
        text = "\n".join(lines)
        if not text.strip():
            raise EmptyDocument("the Word document has no text")
        return LoadedText(text, "utf-8", 1.0)


def check_archive(data: bytes, settings: Settings) -> None:
    """Refuse zip bombs and path-traversal members before anything is inflated."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise MalformedFile("not a zip archive, so not a .docx") from exc
    with archive:
        members = archive.infolist()
        if len(members) > settings.max_zip_members:
            raise UnsafeArchive(f"the archive has {len(members)} members, more than max_zip_members")
        total = 0
        for info in members:
            name = info.filename.replace("\\", "/")
            if name.startswith("/") or ".." in name.split("/") or (len(name) > 1 and name[1] == ":"):
                raise UnsafeArchive(f"the archive member {info.filename!r} points outside the archive")
            total += info.file_size
            if total > settings.max_unzipped_bytes:
                raise UnsafeArchive("the archive inflates to more than max_unzipped_bytes")
        if "word/document.xml" not in archive.namelist():
            raise MalformedFile("the archive has no word/document.xml")

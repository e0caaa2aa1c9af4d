"""PDF: the text layer, page by page, with the layout's line wraps joined back into paragraphs.

A scanned PDF has no text layer; it is refused (NoTextLayer) rather than read as an empty document,
so the caller can tell "needs OCR" from "empty". Wrapped lines are joined only when a line runs to the
page's usual full width and does not end a sentence, so short headings ("一、总体要求") stay lines.
"""

from __future__ import annotations

import io
import re

from policykg.errors import MalformedFile, NoTextLayer, TooLarge
from policykg.ingest.loaders import LoadedText, Loader, register
from policykg.ingest.model import RawDocument
from policykg.ingest.raw import PDF
from policykg.settings import Settings

_SENTENCE_END = tuple('。！？；：!?;:）)」”"')
_CJK_EDGE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
_PAGE_NUMBER = re.compile(r"^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s*$")
_STARTS_CLAUSE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]|[①-⑳]|第[一二三四五六七八九十百]{1,4}[章节条])"
)


@register
class PdfLoader(Loader):
    media_types = (PDF,)

    def load(self, raw: RawDocument, settings: Settings) -> LoadedText:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(raw.data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise MalformedFile("the PDF is encrypted")
            n_pages = len(reader.pages)
        except MalformedFile:
            raise
        except (
            PdfReadError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            OSError,
            RecursionError,
        ) as exc:
            raise MalformedFile(f"not a readable PDF: {type(exc).__name__}") from exc
        if n_pages > settings.max_pdf_pages:
            raise TooLarge(
                f"the PDF has {n_pages} pages, more than max_pdf_pages", limit=settings.max_pdf_pages
            )
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            try:
                text = page.extract_text() or ""
            except Exception as exc:  # a broken content stream on one page spoils the file
                raise MalformedFile(f"a page of the PDF cannot be read: {type(exc).__name__}") from exc
            total += len(text)
            if total > settings.max_text_chars:
                raise TooLarge("the PDF's text is longer than max_text_chars", limit=settings.max_text_chars)
            pages.append(reflow(text))
        text = "\n".join(p for p in pages if p)
        if not text.strip():
            raise NoTextLayer(f"the PDF's {n_pages} page(s) carry no text layer (scanned?)")
        return LoadedText(text, "pdf-text-layer", 1.0)


def reflow(page: str) -> str:
    """Join a page's wrapped lines; drop bare page-number lines."""
    lines = [line.rstrip() for line in page.split("\n")]
    lines = [line for line in lines if line.strip() and not _PAGE_NUMBER.match(line)]
    if len(lines) < 5:
        return "\n".join(lines)
    lengths = sorted(len(line) for line in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))]
    if full < 20:
        return "\n".join(lines)
    out: list[str] = [lines[0]]
    last = lines[0]  # the previous physical line, not the paragraph built so far
    for line in lines[1:]:
        if len(last) >= 0.8 * full and not last.endswith(_SENTENCE_END) and not _STARTS_CLAUSE.match(line):
            glue = "" if _CJK_EDGE.match(last[-1]) or _CJK_EDGE.match(line.lstrip()[:1] or " ") else " "
            out[-1] = out[-1] + glue + line.lstrip()
        else:
            out.append(line)
        last = line
    return "\n".join(out)

"""A PDF's text layer, page by page, as pdfium reads it (docs/pdf.md says why pdfium).

The pages are kept apart: the layout step (`ingest/layout.py`) needs page edges to drop running heads
and page numbers and to join a sentence that a page break cut. A page with no text (a scanned cover, a
seal, an image) is a note; a file with no text on any page is refused (NoTextLayer), so "needs OCR"
is never read as "empty". Ruled tables come out as rows of "header:cell" pairs (`ingest/pdf_tables.py`).
The same pages are what a corpus pack stores (`ingest/pack.py`), so a
document read from its pack and from its PDF has the same text and the same spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.errors import MalformedFile, NoTextLayer, TooLarge
from policykg.ingest import pdf_tables
from policykg.settings import Settings

#: Joins pages in a document's original text; the layout step reads it as a page edge.
PAGE_BREAK = "\f"


@dataclass(frozen=True, slots=True)
class PdfPages:
    pages: list[str]  # the text of each page, line ends as the reader gives them (CRLF)
    reader: str  # the reader and its version, recorded in packs

    @property
    def empty_pages(self) -> list[int]:
        """1-based numbers of the pages without a text layer."""
        return [i for i, page in enumerate(self.pages, 1) if not page.strip()]

    def text(self) -> str:
        if not any(page.strip() for page in self.pages):
            raise NoTextLayer(f"none of the PDF's {len(self.pages)} page(s) carries a text layer (scanned?)")
        return PAGE_BREAK.join(self.pages)


def reader_name() -> str:
    import pypdfium2

    return f"pdfium {pypdfium2.version.PDFIUM_INFO.build} (pypdfium2 {pypdfium2.version.PYPDFIUM_INFO})"


def read_pages(data: bytes, settings: Settings) -> PdfPages:
    """Every page's text; typed errors for an unreadable, encrypted or oversized file."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise MalformedFile("the PDF is encrypted") from exc
        raise MalformedFile(f"not a readable PDF: {exc}") from exc
    try:
        n_pages = len(pdf)
        if n_pages > settings.max_pdf_pages:
            raise TooLarge(f"the PDF has {n_pages} pages, more than max_pdf_pages", limit=settings.max_pdf_pages)
        pages: list[str] = []
        total = 0
        header: list[str] | None = None  # a table's header, for its continuation on the next page
        for index in range(n_pages):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    with_tables, header = pdf_tables.page_text(page, textpage, header)
                    text = with_tables if with_tables is not None else textpage.get_text_range()
                finally:
                    textpage.close()
            except pypdfium2.PdfiumError as exc:
                raise MalformedFile(f"page {index + 1} of the PDF cannot be read: {exc}") from exc
            finally:
                page.close()
            text = text.replace(PAGE_BREAK, " ")
            total += len(text)
            if total > settings.max_text_chars:
                raise TooLarge("the PDF's text is longer than max_text_chars", limit=settings.max_text_chars)
            pages.append(text)
    finally:
        pdf.close()
    return PdfPages(pages, reader_name())

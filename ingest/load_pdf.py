"""PDF: the text layer of every page (`ingest/pdf_text.py`), kept as the document's original.

The loader does not reflow: the page layout is undone by tracked edits in the normaliser
(`ingest/layout.py`), so a span found in the reading text still points into the text layer. A page
without a text layer is a note; a file with none is refused (NoTextLayer).
"""

from __future__ import annotations

from policykg.ingest.loaders import LoadedText, Loader, register
from policykg.ingest.model import Note, RawDocument
from policykg.ingest.pdf_text import PdfPages, read_pages
from policykg.ingest.raw import PDF
from policykg.settings import Settings


@register
class PdfLoader(Loader):
    media_types = (PDF,)

    def load(self, raw: RawDocument, settings: Settings) -> LoadedText:
        return loaded_pages(read_pages(raw.data, settings))


def loaded_pages(pages: PdfPages) -> LoadedText:
    """The pages as one original text, with a note for each page that has no text layer."""
    text = pages.text()
    notes = [
        Note("no_text_layer", f"page {n} of {len(pages.pages)} has no text layer (an image or a scan)")
        for n in pages.empty_pages
    ]
    return LoadedText(text, "pdf-text-layer", 1.0, notes, layout="pdf")

"""Plain text: the decoded file is the document, verbatim."""

from __future__ import annotations

from policykg.ingest.encoding import decode_bytes
from policykg.ingest.loaders import LoadedText, Loader, register
from policykg.ingest.model import RawDocument
from policykg.ingest.raw import TEXT
from policykg.settings import Settings


@register
class TextLoader(Loader):
    media_types = (TEXT,)

    def load(self, raw: RawDocument, settings: Settings) -> LoadedText:
        decoded = decode_bytes(raw.data, settings)
        return LoadedText(decoded.text, decoded.encoding, decoded.confidence)

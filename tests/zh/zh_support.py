"""Corpus documents in normalised form for the zh tests, built without the ingest stage so that the
extractors are tested on their own: simplified-script text with full-width ASCII folded 1:1."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.model import Metadata, NormalisedDocument, OffsetMap, Script
from policykg.ontology.concepts import fold_width

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"


def normalised_zh(name: str, doc_id: str) -> NormalisedDocument:
    """A simplified-script corpus document in its normalised form (full-width ASCII folded 1:1)."""
    original = (DOCS / name).read_text("utf-8")
    text = fold_width(original)
    return NormalisedDocument(
        id=doc_id,
        slug=doc_id,
        source_path=str(DOCS / name),
        sha256="",
        content_hash="",
        encoding="utf-8",
        encoding_confidence=1.0,
        original=original,
        text=text,
        offsets=OffsetMap.identity(len(text)),
        metadata=Metadata(title=doc_id, titles={}, language="zh", script=Script.HANS),
        clauses=[],
    )

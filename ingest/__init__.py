"""policykg.ingest: raw policy files → `NormalisedDocument`s (text, offsets, clause tree, metadata)."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.manifest import ManifestEntry
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.raw import read_raw
from policykg.settings import Settings

__all__ = ["ingest_file", "normalise", "read_raw"]


def ingest_file(
    path: str | Path, entry: ManifestEntry | None = None, settings: Settings | None = None
) -> NormalisedDocument:
    """read_raw + normalise. Pass the file's manifest entry to have the manifest's metadata win."""
    settings = settings or Settings()
    return normalise(read_raw(path, settings), entry, settings)

"""The default corpus ingested once per session, with and without its manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest import ingest_file
from policykg.ingest.manifest import bundled_texts, load_manifest
from policykg.ingest.model import NormalisedDocument

DOCUMENTS = Path(__file__).resolve().parents[2] / "corpus" / "documents"


@pytest.fixture(scope="session")
def ingested() -> dict[str, NormalisedDocument]:
    """Manifest id → document."""
    manifest = load_manifest()
    docs = [ingest_file(f, manifest.get(str(f))) for f in bundled_texts()]
    return {d.id: d for d in docs}


@pytest.fixture(scope="session")
def ingested_without_manifest() -> dict[str, NormalisedDocument]:
    """File name → document read from its text alone."""
    return {f.name: ingest_file(f) for f in bundled_texts()}

"""The real PDFs of the default corpus (corpus/real) as the build reads them, by running number."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.model import NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"


def read_real(number: str) -> NormalisedDocument:
    """The document whose file name starts with "`number`、", normalised as the build does."""
    pack = next(pack for file, pack in sources(PACKS).items() if file.startswith(f"{number}、"))
    return normalise(read_raw(pack))

"""Real `tune` documents for the tests that read a clause in its place: the normalised document by its published
name, and a clause found by its title with its parents (what `clause_period_end` is given)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from policykg.ingest.model import Clause, NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"


@cache
def real(file: str) -> NormalisedDocument:
    return normalise(read_raw(sources(PACKS)[file]))


def titled(clauses: list[Clause], title: str, parents: tuple[Clause, ...] = ()) -> tuple[Clause, list[Clause]] | None:
    """The clause of `clauses` (at any depth) with `title`, and its parents nearest first."""
    for c in clauses:
        if c.title == title:
            return c, list(parents)
        found = titled(c.children, title, (c, *parents))
        if found:
            return found
    return None

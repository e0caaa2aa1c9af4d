"""What the units extractor reads from a sentence, as the unit tests compare it: each unit of a list (never a
unit only mentioned) with its role, or with its canonical label and whether the registry knows it."""

from __future__ import annotations

from policykg.extract.units import UnitHit, extract_units


def roles(text: str, region: str) -> list[tuple[str, str]]:
    found: list[UnitHit] = [h for h in extract_units(text, region, "zh") if h.role != "mentioned"]
    return [(h.surface, h.role) for h in found]


def labels(text: str, region: str) -> list[tuple[str, str, bool]]:
    return [(h.surface, h.label, h.resolved) for h in extract_units(text, region, "zh") if h.role != "mentioned"]

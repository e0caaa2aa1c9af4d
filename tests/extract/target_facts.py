"""What the target form tests compare: the quantified targets of a sentence and their facts."""

from __future__ import annotations

from policykg.extract.targets import TargetHit, extract_targets


def targets(text: str, period_end: int | None = None) -> list[TargetHit]:
    """The quantified targets of a Chinese text (qualitative goals left out)."""
    return [t for t in extract_targets(text, "zh", period_end=period_end) if not t.qualitative]


def facts(hits: list[TargetHit]) -> list[tuple[object, ...]]:
    """(indicator, comparator or direction, value, unit, year) per target."""
    return [(t.indicator, t.change or t.comparator, t.value, t.measure_unit, t.year) for t in hits]

"""The extract stage's boundary: a `NormalisedDocument` becomes a `DocumentExtraction`.

Every fact carries `Provenance`: the clause, the exact span in the ORIGINAL text, the extractor that
produced it with its version, and a confidence. Extractors work on the normalised text and convert
their normalised offsets with `NormalisedDocument.span`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policykg.ingest.model import Span
from policykg.pickling import fast_pickle


@fast_pickle
@dataclass(frozen=True, slots=True)
class Provenance:
    extractor: str  # e.g. "policykg.extract.targets"
    version: str
    span: Span  # in the original text
    confidence: float = 1.0


@fast_pickle
@dataclass(frozen=True, slots=True)
class Deadline:
    """A time interval a measure or target is governed by. Years are inclusive; None = open."""

    label: str  # the surface form, e.g. "到2025年", "十四五时期", "by 2060"
    start: str | None  # ISO date or year: "2021", "2021-10-01"
    end: str | None  # "2025", "2024-12-31"
    kind: str  # "by" | "before" | "period" | "quarter" | "ongoing" | "year"
    provenance: Provenance
    ongoing: bool = False


@fast_pickle
@dataclass(frozen=True, slots=True)
class Target:
    """A quantified target, or a qualitative goal (value None, `qualitative` True): two kinds kept apart.

    "单位国内生产总值二氧化碳排放比2020年下降18%" is a decrease (`change`) of 18 % (`value`, `measure_unit`) from 2020
    (`base_year`); "“十四五”期间累计新增…" an amount over `start_year`…`year`.
    """

    indicator: str  # the thing measured, normalised simplified (or English for English text)
    comparator: str | None  # ">=", "<=", "~", "=", ">", "<" (for a change: its bound); None for qualitative
    value: float | None
    measure_unit: str | None  # the unit of measure as written, normalised: "%", "万千瓦", "billion kW", "μg/m³"
    provenance: Provenance
    value_min: float | None = None
    value_max: float | None = None
    converted_value: float | None = None  # the value converted to a comparable unit (kW, m³, mu, t/d, ...)
    converted_unit: str | None = None
    change: str | None = None  # "decrease" | "increase" when the value is a relative change
    base_year: int | None = None  # the year a change is measured from: "比2020年降低20%" → 2020
    year: int | None = None  # target year (the last year of a period)
    qualitative: bool = False
    concepts: tuple[str, ...] = ()  # concept ids of the indicator
    start_year: int | None = None  # the first year of the period an amount is counted over

    @property
    def unit(self) -> str | None:
        """`measure_unit` by its published name (the "unit" of a target in JSON and `pkg:measureUnit` in RDF)."""
        return self.measure_unit

    @property
    def kind(self) -> str:
        return "qualitative" if self.qualitative else "quantified"


@fast_pickle
@dataclass(frozen=True, slots=True)
class UnitMention:
    """A unit named in a clause, resolved against the unit registry."""

    unit_id: str  # canonical unit id from the registry, e.g. "cn.ndrc", "cn-fj-sanming.fgw"; for an
    # unresolved unit "<region>.x-<digest>", for a generic participant "<region>.generic-<digest>"
    label: str  # canonical label (simplified Chinese full name)
    surface: str  # the name as written in the original
    jurisdiction: str  # region id: "CN", "CN-FJ", "CN-FJ-Sanming"
    role: str  # "lead" | "support" | "generic" (a participant naming no particular organ) | "mentioned"
    provenance: Provenance
    list_span: Span | None = None  # the responsibility list it belongs to (original text), when it does
    resolved: bool = True  # False: a unit the registry does not know, kept with its jurisdiction
    #: The measures of its clause its list is about, where the clause has several lists (extract/unit_scope.py);
    #: empty: the whole clause.
    covers: tuple[str, ...] = ()


@fast_pickle
@dataclass(frozen=True, slots=True)
class ConceptMention:
    concept_id: str  # e.g. "ccus"
    surface: str
    provenance: Provenance


@fast_pickle
@dataclass(slots=True)
class Measure:
    """An action ordered or encouraged by a leaf clause."""

    id: str  # f"{clause_id}.m{n}" — n (1-based) is the measure's position in its clause; no slashes
    clause_id: str
    text: str  # normalised text of the sentence
    provenance: Provenance
    sectors: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)  # concept ids
    target_indexes: list[int] = field(default_factory=list)  # indexes into the owning ClauseFacts.targets
    deadline_indexes: list[int] = field(default_factory=list)  # into ClauseFacts.deadlines


@fast_pickle
@dataclass(slots=True)
class ClauseFacts:
    """Everything extracted for one clause (leaf or not)."""

    clause_id: str
    units: list[UnitMention] = field(default_factory=list)
    concepts: list[ConceptMention] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    is_measure_container: bool = False


@fast_pickle
@dataclass(slots=True)
class DocumentExtraction:
    document_id: str
    clauses: dict[str, ClauseFacts] = field(default_factory=dict)  # clause id → facts, reading order

    def measures(self) -> list[Measure]:
        return [m for facts in self.clauses.values() for m in facts.measures]

    def targets(self) -> list[Target]:
        return [t for facts in self.clauses.values() for t in facts.targets]

    def units(self) -> list[UnitMention]:
        return [u for facts in self.clauses.values() for u in facts.units]

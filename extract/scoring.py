"""Scoring extraction against the keys written by reading real documents (tests/keys/units_measure.toml,
tests/keys/targets_measure.toml): responsible units and their roles, quantified targets field by field.

Used through `policykg.evaluate` (which also scores metadata); `python -m policykg.evaluate` prints the
figures on the measuring keys.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from policykg.extract.model import DocumentExtraction, Target
from policykg.ingest.model import NormalisedDocument

_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "（": "(", "）": ")", "“": '"', "”": '"',
                           "‘": "'", "’": "'", "—": "-", "–": "-", "－": "-", "«": "《", "»": "》"})


def fold(value: str) -> str:
    """What a reader treats as the same text: width, spaces, bracket and quote shapes."""
    return "".join(unicodedata.normalize("NFKC", value).translate(_BRACKETS).split())


@dataclass(slots=True)
class FieldScore:
    right: int = 0
    total: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (file, expected, got)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


# =================================================================================================
UNIT_ROLES = ("lead", "support", "generic")
#: The key's comparator words; the product's "~" (约, 左右) is read as "=" as the key reads 左右.
_KEY_COMPARATOR = {"~": "="}


@dataclass(slots=True)
class Ratio:
    """Precision and recall: `found` right answers among `extracted` answers given and `expected` ones."""

    found: int = 0
    extracted: int = 0
    expected: int = 0
    found_extracted: int | None = None  # right answers among those given, when it differs from `found`

    @property
    def precision(self) -> float:
        right = self.found if self.found_extracted is None else self.found_extracted
        return right / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "found": self.found, "extracted": self.extracted, "expected": self.expected}


class _Folded:
    """A document's original text folded as `fold` does, with a map back to original offsets."""

    def __init__(self, original: str) -> None:
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(original):
            for c in fold(ch):
                chars.append(c)
                where.append(i)
        self.text, self.where = "".join(chars), where

    def find(self, quote: str, after: int = 0) -> tuple[int, int] | None:
        """The original span of `quote`'s first occurrence (folded) at or after original offset `after`."""
        needle = fold(quote)
        start = next((k for k, w in enumerate(self.where) if w >= after), len(self.where)) if after else 0
        at = self.text.find(needle, start) if needle else -1
        if at < 0 and start:
            at = self.text.find(needle)
        return (self.where[at], self.where[at + len(needle) - 1] + 1) if at >= 0 else None

    def sentence(self, span: tuple[int, int], original: str) -> tuple[int, int]:
        """`span` widened to the sentence holding it (。 ! ? ; or a line break end a sentence)."""
        s, e = span
        while s > 0 and original[s - 1] not in "。!?！？;；\n":
            s -= 1
        while e < len(original) and original[e - 1] not in "。!?！？;；\n":
            e += 1
        return s, e


class _Locator:
    """Where a key's quote stands in a document's original text: found in the original as folded, else in
    the normalised text (which leaves out running headers and page numbers a quote does not print)."""

    def __init__(self, doc: NormalisedDocument) -> None:
        self.doc = doc
        self.original = _Folded(doc.original)
        self._normalised: _Folded | None = None

    def find(self, quote: str, after: int = 0) -> tuple[int, int] | None:
        span = self.original.find(quote, after)
        if span is not None:
            return span
        if self._normalised is None:
            self._normalised = _Folded(self.doc.text)
        needle, spans = fold(quote), []
        at = self._normalised.text.find(needle) if needle else -1
        while at >= 0:
            where = self._normalised.where
            spans.append(self.doc.span(where[at], where[at + len(needle) - 1] + 1))
            at = self._normalised.text.find(needle, at + 1)
        later = [sp for sp in spans if sp.start >= after]
        chosen = (later or spans or [None])[0]
        return (chosen.start, chosen.end) if chosen is not None else None


@dataclass(frozen=True, slots=True)
class ListedUnit:
    name: str  # folded, as written
    role: str  # "lead" | "support" | "generic"


@dataclass(slots=True)
class ExtractedList:
    start: int  # original offsets
    end: int
    units: list[ListedUnit]


def extracted_lists(extraction: DocumentExtraction) -> list[ExtractedList]:
    """The responsibility lists of an extraction: units grouped by the list they were read from."""
    lists: dict[tuple[int, int], ExtractedList] = {}
    for unit in extraction.units():
        if unit.list_span is None or unit.role not in UNIT_ROLES:
            continue
        key = (unit.list_span.start, unit.list_span.end)
        lists.setdefault(key, ExtractedList(*key, [])).units.append(ListedUnit(fold(unit.surface), unit.role))
    return sorted(lists.values(), key=lambda x: x.start)


def _pair_names(want: list[ListedUnit], got: list[ListedUnit]) -> list[tuple[ListedUnit, ListedUnit]]:
    """Key units paired with extracted ones by name: equal names first, then one name inside the other."""
    pairs: list[tuple[ListedUnit, ListedUnit]] = []
    free = list(got)
    rest: list[ListedUnit] = []
    for w in want:
        same = next((g for g in free if g.name == w.name), None)
        if same is None:
            rest.append(w)
            continue
        free.remove(same)
        pairs.append((w, same))
    for w in rest:
        near = next((g for g in free if min(len(g.name), len(w.name)) >= 3 and (g.name in w.name or w.name in g.name)),
                    None)
        if near is not None:
            free.remove(near)
            pairs.append((w, near))
    return pairs


@dataclass(slots=True)
class UnitScores:
    lists: Ratio = field(default_factory=Ratio)  # key lists found (extracted = lists of the keyed documents)
    units: Ratio = field(default_factory=Ratio)  # (document, list, unit name), within matched lists
    units_roles: Ratio = field(default_factory=Ratio)  # the same with the role right
    roles: FieldScore = field(default_factory=FieldScore)  # role right among the units found
    lead: FieldScore = field(default_factory=FieldScore)  # lists whose lead(s) are exactly right
    by_role: dict[str, Ratio] = field(default_factory=dict)  # recall / precision per role

    def as_dict(self) -> dict[str, object]:
        return {
            "lists": self.lists.as_dict(), "units": self.units.as_dict(), "units+role": self.units_roles.as_dict(),
            "role_accuracy": round(self.roles.accuracy, 3), "lead_accuracy": round(self.lead.accuracy, 3),
            "by_role": {r: v.as_dict() for r, v in self.by_role.items()},
        }


def _by_file(key: Iterable[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    """A key's entries grouped by the document they are read from, in the key's order."""
    by_file: dict[str, list[dict[str, object]]] = {}
    for entry in key:
        by_file.setdefault(str(entry["file"]), []).append(entry)
    return by_file


def score_units(key: Iterable[dict[str, object]],
                extracted: dict[str, tuple[NormalisedDocument, DocumentExtraction]]) -> UnitScores:
    """Key lists against extracted lists. A key list is matched to the extracted list its printed text
    overlaps, else to the one sharing the most unit names; units are then paired by name within it."""
    scores = UnitScores(by_role={r: Ratio() for r in UNIT_ROLES})
    for file, entries in _by_file(key).items():
        doc, extraction = extracted.get(file, (None, None))
        lists = extracted_lists(extraction) if extraction else []
        folded = _Locator(doc) if doc else None
        used: set[int] = set()
        scores.lists.extracted += len(lists)
        cursor = 0
        for entry in entries:
            want = [ListedUnit(fold(str(u["name"])), str(u["role"]))  # type: ignore[index]
                    for u in entry["units"]]  # type: ignore[attr-defined]
            scores.lists.expected += 1
            scores.units.expected += len(want)
            scores.units_roles.expected += len(want)
            for w in want:
                scores.by_role[w.role].expected += 1
            span = folded.find(str(entry["text"]), cursor) if folded else None
            cursor = span[1] if span else cursor
            best = _best_list(want, lists, used, span)
            scores.lead.total += 1
            if best is None:
                scores.lead.misses.append((file, str(entry["text"]), ""))
                continue
            used.add(best)
            got = lists[best].units
            scores.lists.found += 1
            scores.units.extracted += len(got)
            scores.units_roles.extracted += len(got)
            for g in got:
                scores.by_role[g.role].extracted += 1
            for w, g in _pair_names(want, got):
                scores.units.found += 1
                scores.roles.total += 1
                if w.role == g.role:
                    scores.units_roles.found += 1
                    scores.roles.right += 1
                    scores.by_role[w.role].found += 1
                else:
                    scores.roles.misses.append((file, f"{w.name}:{w.role}", g.role))
            leads_want = {w.name for w in want if w.role == "lead"}
            leads_got = {g.name for g in got if g.role == "lead"}
            if leads_want == leads_got:
                scores.lead.right += 1
            else:
                scores.lead.misses.append((file, "、".join(sorted(leads_want)), "、".join(sorted(leads_got))))
    return scores


def _best_list(want: list[ListedUnit], lists: list[ExtractedList], used: set[int],
               span: tuple[int, int] | None) -> int | None:
    names = {w.name for w in want}
    best, best_score = None, 0.0
    for i, got in enumerate(lists):
        if i in used:
            continue
        shared = len(_pair_names(want, got.units))
        overlap = span is not None and got.start < span[1] and span[0] < got.end
        share = shared / max(len(names), len(got.units), 1)
        score = (1.0 + share) if overlap else (share if share >= 0.5 else 0.0)
        if score > best_score:
            best, best_score = i, score
    return best


# --- targets ---------------------------------------------------------------------------------------
TARGET_FIELDS = ("indicator", "comparator", "value", "unit", "year", "base_year", "start_year")


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def indicator_similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two folded indicator labels."""
    x, y = _bigrams(fold(a)), _bigrams(fold(b))
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def target_values(target: Target) -> dict[str, object]:
    """A target in the key's terms: a relative change is its comparator, 左右 reads as "="."""
    comparator = target.change or _KEY_COMPARATOR.get(target.comparator or "", target.comparator)
    return {
        "indicator": target.indicator, "comparator": comparator, "value": target.value,
        "unit": fold(target.measure_unit or ""), "year": target.year, "base_year": target.base_year,
        "start_year": getattr(target, "start_year", None),
    }


def key_values(entry: dict[str, object]) -> dict[str, object]:
    return {
        "indicator": str(entry["indicator"]), "comparator": str(entry["comparator"]),
        "value": float(entry["value"]),  # type: ignore[arg-type]
        "unit": fold(str(entry.get("unit") or "")), "year": entry.get("year"),
        "base_year": entry.get("base_year"), "start_year": entry.get("start_year"),
    }


@dataclass(slots=True)
class TargetScores:
    found: Ratio = field(default_factory=Ratio)  # (document, indicator ~, value): the target is there
    exact: Ratio = field(default_factory=Ratio)  # (document, indicator ~, comparator, value, unit, year)
    fields: dict[str, FieldScore] = field(default_factory=dict)  # per field, among the targets found

    def as_dict(self) -> dict[str, object]:
        return {"found": self.found.as_dict(), "exact": self.exact.as_dict(),
                "fields": {k: round(v.accuracy, 3) for k, v in self.fields.items()},
                "fields_total": {k: v.total for k, v in self.fields.items()}}


def score_targets(key: Iterable[dict[str, object]],
                  extracted: dict[str, tuple[NormalisedDocument, DocumentExtraction]],
                  similarity: float = 0.6) -> TargetScores:
    """Key targets against the quantified targets extracted from the sentences the key covers.

    A key target is found when a target of the same document with the same value has an indicator of
    bigram similarity ≥ `similarity` (the one printed in the key's sentence preferred); it is exact
    when comparator, unit and year are right too. Precision counts the quantified targets extracted in
    the sentences that hold key targets (the key records every quantified target of those passages).
    """
    scores = TargetScores(fields={f: FieldScore() for f in TARGET_FIELDS})
    scores.found.found_extracted = scores.exact.found_extracted = 0
    for file, entries in _by_file(key).items():
        doc, extraction = extracted.get(file, (None, None))
        targets = [t for t in extraction.targets() if t.value is not None and not t.qualitative] if extraction else []
        folded = _Locator(doc) if doc else None
        sentences: list[tuple[int, int]] = []
        located: list[tuple[int, int] | None] = []
        for entry in entries:
            span = folded.find(str(entry["text"])) if folded and doc else None
            located.append(span)
            if span and doc:
                sentences.append(folded.original.sentence(span, doc.original))  # type: ignore[union-attr]
        covered = [i for i, t in enumerate(targets)
                   if any(s < t.provenance.span.end and t.provenance.span.start < e for s, e in sentences)]
        scores.found.extracted += len(covered)
        scores.exact.extracted += len(covered)
        used: set[int] = set()
        for entry, span in zip(entries, located, strict=True):
            want = key_values(entry)
            scores.found.expected += 1
            scores.exact.expected += 1
            best, best_score = None, 0.0
            for i, t in enumerate(targets):
                got = target_values(t)
                if i in used or got["value"] is None or abs(float(got["value"]) - float(want["value"])) > 1e-9:  # type: ignore[arg-type]
                    continue
                sim = indicator_similarity(str(want["indicator"]), t.indicator)
                inside = span is not None and t.provenance.span.start < span[1] and span[0] < t.provenance.span.end
                if sim >= similarity and sim + inside > best_score:
                    best, best_score = i, sim + inside
            if best is None:
                continue
            used.add(best)
            got = target_values(targets[best])
            scores.found.found += 1
            if best in covered:
                scores.found.found_extracted = (scores.found.found_extracted or 0) + 1
            right = True
            for name in TARGET_FIELDS:
                score = scores.fields[name]
                if name == "indicator":
                    ok = indicator_similarity(str(want[name]), str(got[name])) >= 0.8
                elif name in ("base_year", "start_year") and want[name] is None:
                    ok = got[name] is None or name == "base_year"  # a base year the key omits is not wrong
                else:
                    ok = got[name] == want[name]
                score.total += 1
                score.right += ok
                if not ok:
                    score.misses.append((file, str(want[name]), str(got[name])))
                if name in ("comparator", "unit", "year") and not ok:
                    right = False
            if right:
                scores.exact.found += 1
                if best in covered:
                    scores.exact.found_extracted = (scores.exact.found_extracted or 0) + 1
    return scores


def score_whole_documents(key: Iterable[dict[str, object]],
                          extracted: dict[str, tuple[NormalisedDocument, DocumentExtraction]],
                          similarity: float = 0.6) -> Ratio:
    """Every quantified target extracted from the documents a key holds whole, against the key: `score_targets`
    counts precision in the sentences holding key targets only, which a figure the document merely reports (a
    review of the past plan, a standard it quotes) never reaches. The caller passes only documents keyed whole."""
    ratio = Ratio()
    for file, entries in _by_file(key).items():
        _, extraction = extracted[file]
        targets = [target_values(t) for t in extraction.targets() if t.value is not None and not t.qualitative]
        ratio.extracted += len(targets)
        ratio.expected += len(entries)
        used: set[int] = set()
        for entry in entries:
            want = key_values(entry)
            for i, got in enumerate(targets):
                if i not in used and abs(float(got["value"]) - float(want["value"])) < 1e-9 and (  # type: ignore[arg-type]
                        indicator_similarity(str(want["indicator"]), str(got["indicator"])) >= similarity):
                    used.add(i)
                    ratio.found += 1
                    break
    return ratio

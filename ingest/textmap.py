"""Rewriting a text while keeping every output character tied to the original characters it came from.

Each cleaning step is a list of `Edit`s over the current text; `TrackedText` applies them and composes
the step's map with the maps of the steps before, so after the last step every normalised character
still points into the original. Maps are kept as runs ("these characters are the original shifted by
d", "these characters all come from original [s, e)"), so a step costs time in its number of edits,
not in the length of the text; the per-character `OffsetMap` is built once, at the end.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from policykg.ingest.model import OffsetMap


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace current text [start, end) by `text`.

    By default every output char maps to the whole replaced range (a variant word never splits).
    `pointwise=True` with an equal-length replacement keeps a char-by-char mapping instead. Pure
    insertions (an empty range with new text) are refused: new text must come from some original text.
    """

    start: int
    end: int
    text: str
    pointwise: bool = False


@dataclass(frozen=True, slots=True)
class Run:
    """Derived chars [a, b): shifted by `shift` (start = i + shift) or, if `block`, all from `block`."""

    a: int
    b: int
    shift: int = 0
    block: tuple[int, int] | None = None

    def start_of(self, i: int) -> int:
        return self.block[0] if self.block else i + self.shift

    def end_of(self, i: int) -> int:
        return self.block[1] if self.block else i + self.shift + 1


class RunMap:
    """A derived text → original map as a sorted list of runs covering [0, length)."""

    def __init__(self, runs: list[Run], length: int, original_length: int) -> None:
        self.runs = runs
        self.length = length
        self.original_length = original_length
        self._starts = [r.a for r in runs]

    @classmethod
    def identity(cls, length: int) -> RunMap:
        return cls([Run(0, length)] if length else [], length, length)

    def _run(self, i: int) -> Run:
        return self.runs[bisect_right(self._starts, i) - 1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self._run(start).start_of(start) if start < self.length else self.original_length
            return pos, pos
        return self._run(start).start_of(start), self._run(end - 1).end_of(end - 1)

    def after(self, step: RunMap) -> RunMap:
        """`step` maps a newer text onto this map's text; the result maps the newer text to the original."""
        runs: list[Run] = []
        for r in step.runs:
            if r.block is not None:
                s, e = r.block
                runs.append(Run(r.a, r.b, block=(self._run(s).start_of(s), self._run(e - 1).end_of(e - 1))))
                continue
            u = r.a + r.shift  # the run's first char in this map's text
            v = r.b + r.shift
            k = bisect_right(self._starts, u) - 1
            while u < v:
                inner = self.runs[k]
                w = min(v, inner.b)
                a, b = u - r.shift, w - r.shift
                if inner.block is not None:
                    runs.append(Run(a, b, block=inner.block))
                else:
                    runs.append(Run(a, b, shift=r.shift + inner.shift))
                u = w
                k += 1
        return RunMap(_merged(runs), step.length, self.original_length)

    def materialise(self) -> OffsetMap:
        starts: list[int] = []
        ends: list[int] = []
        for r in self.runs:
            if r.block is not None:
                n = r.b - r.a
                starts.extend([r.block[0]] * n)
                ends.extend([r.block[1]] * n)
            else:
                starts.extend(range(r.a + r.shift, r.b + r.shift))
                ends.extend(range(r.a + r.shift + 1, r.b + r.shift + 1))
        return OffsetMap(starts, ends, self.original_length)


def _merged(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for r in runs:
        if r.b <= r.a:
            continue
        if out and out[-1].block is None and r.block is None and out[-1].shift == r.shift and out[-1].b == r.a:
            out[-1] = Run(out[-1].a, r.b, shift=r.shift)
        else:
            out.append(r)
    return out


def edit_runs(text: str, edits: Iterable[Edit]) -> tuple[str, RunMap]:
    """Apply sorted, non-overlapping edits; return the new text and its run map back to `text`."""
    parts: list[str] = []
    runs: list[Run] = []
    pos = 0  # in text
    npos = 0  # in the new text
    for ed in edits:
        if ed.start < pos or ed.end < ed.start:
            raise ValueError(f"edits overlap or are unsorted at {ed.start}")
        if ed.start == ed.end and ed.text:
            raise ValueError("a pure insertion has no original characters to map to")
        if ed.start > pos:
            parts.append(text[pos : ed.start])
            runs.append(Run(npos, npos + ed.start - pos, shift=pos - npos))
            npos += ed.start - pos
        k = len(ed.text)
        if k:
            parts.append(ed.text)
            if ed.pointwise and k == ed.end - ed.start:
                runs.append(Run(npos, npos + k, shift=ed.start - npos))
            else:
                runs.append(Run(npos, npos + k, block=(ed.start, ed.end)))
            npos += k
        pos = ed.end
    if pos < len(text):
        parts.append(text[pos:])
        runs.append(Run(npos, npos + len(text) - pos, shift=pos - npos))
        npos += len(text) - pos
    return "".join(parts), RunMap(_merged(runs), npos, len(text))


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits; return the new text and its per-character map back to `text`."""
    new_text, runs = edit_runs(text, edits)
    return new_text, runs.materialise()


class TrackedText:
    """The text being normalised plus its map back to the original."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self._map = RunMap.identity(len(original))

    def apply(self, edits: list[Edit]) -> None:
        if not edits:
            return
        new_text, step = edit_runs(self.text, edits)
        self._map = self._map.after(step)
        self.text = new_text

    def replace_same_length(self, new_text: str) -> None:
        """A 1:1 rewrite (width folding, char-for-char script conversion) keeps the map."""
        if len(new_text) != len(self.text):
            raise ValueError("replacement must keep the length")
        self.text = new_text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._map.to_original(start, end)

    def offsets(self) -> OffsetMap:
        return self._map.materialise()

"""Rewriting a text while keeping every output character tied to the original characters it came from.

Each cleaning step is a list of `Edit`s over the current text; `TrackedText` applies them and composes
the step's map with the maps of the steps before, so after the last step every normalised character
still points into the original. Maps are kept as runs ("these characters are the original shifted by
d", "these characters all come from original [s, e)"), so a step costs time in its number of edits,
not in the length of the text; the per-character `OffsetMap` is built once, at the end.
"""

from __future__ import annotations

from array import array
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


#: A run of derived chars [a, b): (a, b, shift, block_start, block_end). With block_start < 0 char i
#: comes from original i + shift; otherwise every char of the run comes from [block_start, block_end).
Run = tuple[int, int, int, int, int]


def _start_of(run: Run, i: int) -> int:
    return run[3] if run[3] >= 0 else i + run[2]


def _end_of(run: Run, i: int) -> int:
    return run[4] if run[3] >= 0 else i + run[2] + 1


class RunMap:
    """A derived text → original map as a sorted list of runs covering [0, length)."""

    def __init__(self, runs: list[Run], length: int, original_length: int) -> None:
        self.runs = runs
        self.length = length
        self.original_length = original_length
        self._starts = [r[0] for r in runs]

    @classmethod
    def identity(cls, length: int) -> RunMap:
        return cls([(0, length, 0, -1, -1)] if length else [], length, length)

    def _run(self, i: int) -> Run:
        return self.runs[bisect_right(self._starts, i) - 1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = _start_of(self._run(start), start) if start < self.length else self.original_length
            return pos, pos
        return _start_of(self._run(start), start), _end_of(self._run(end - 1), end - 1)

    def after(self, step: RunMap) -> RunMap:
        """`step` maps a newer text onto this map's text; the result maps the newer text to the original."""
        runs = _Runs()
        mine = self.runs
        for a, b, shift, bs, be in step.runs:
            if bs >= 0:
                runs.add(a, b, 0, _start_of(self._run(bs), bs), _end_of(self._run(be - 1), be - 1))
                continue
            u, v = a + shift, b + shift  # the run in this map's text
            k = bisect_right(self._starts, u) - 1
            while u < v:
                ia, ib, ishift, ibs, ibe = mine[k]
                w = min(v, ib)
                runs.add(u - shift, w - shift, shift + ishift, ibs, ibe)
                u = w
                k += 1
        return RunMap(runs.runs, step.length, self.original_length)

    def materialise(self) -> OffsetMap:
        starts: array[int] = array("I")
        ends: array[int] = array("I")
        for a, b, shift, bs, be in self.runs:
            if bs >= 0:
                starts.extend([bs] * (b - a))
                ends.extend([be] * (b - a))
            else:
                starts.extend(range(a + shift, b + shift))
                ends.extend(range(a + shift + 1, b + shift + 1))
        return OffsetMap(starts, ends, self.original_length)


class _Runs:
    """Collects runs in order, joining a shifted run to the previous one when they line up."""

    def __init__(self) -> None:
        self.runs: list[Run] = []

    def add(self, a: int, b: int, shift: int, bs: int = -1, be: int = -1) -> None:
        if b <= a:
            return
        if bs < 0:
            shift_only = (a, b, shift, -1, -1)
            if self.runs:
                pa, pb, pshift, pbs, _ = self.runs[-1]
                if pbs < 0 and pshift == shift and pb == a:
                    self.runs[-1] = (pa, b, shift, -1, -1)
                    return
            self.runs.append(shift_only)
        else:
            self.runs.append((a, b, 0, bs, be))


def edit_runs(text: str, edits: Iterable[Edit]) -> tuple[str, RunMap]:
    """Apply sorted, non-overlapping edits; return the new text and its run map back to `text`."""
    parts: list[str] = []
    runs = _Runs()
    pos = 0  # in text
    npos = 0  # in the new text
    for ed in edits:
        start, end, new = ed.start, ed.end, ed.text
        if start < pos or end < start:
            raise ValueError(f"edits overlap or are unsorted at {start}")
        if start == end and new:
            raise ValueError("a pure insertion has no original characters to map to")
        if start > pos:
            parts.append(text[pos:start])
            runs.add(npos, npos + start - pos, pos - npos)
            npos += start - pos
        k = len(new)
        if k:
            parts.append(new)
            if ed.pointwise and k == end - start:
                runs.add(npos, npos + k, start - npos)
            else:
                runs.add(npos, npos + k, 0, start, end)
            npos += k
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        runs.add(npos, npos + len(text) - pos, pos - npos)
        npos += len(text) - pos
    return "".join(parts), RunMap(runs.runs, npos, len(text))


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

"""Where the last boundary before a position is, without reading the text from its start each time.

Clauses are read one target or one unit at a time, and each asks where its sentence or its clause begins: a scan from
the text's start makes a long clause (an appendix printed as one) quadratic. The scan here reads back from the
position in windows that grow, and takes a match only well inside its window, where a scan from the start would have
met the same one (the boundaries are short: punctuation, a few words).
"""

from __future__ import annotations

import re

#: The first window read back from a position, and how much a match must start inside it to be taken.
_FIRST_WINDOW = 512
_MARGIN = 64


def last_match_end(pattern: re.Pattern[str], text: str, pos: int, lo: int = 0) -> int | None:
    """The end of the last match of `pattern` in text[lo:pos] (its end bounded by `pos`, as `finditer(text, lo, pos)`
    reads it), or None when there is none."""
    width = _FIRST_WINDOW
    while True:
        start = max(lo, pos - width)
        last = None
        for last in pattern.finditer(text, start, pos):  # noqa: B007 (the last one is what is wanted)
            pass
        if start == lo:
            return last.end() if last is not None else None
        if last is not None and last.start() - start >= _MARGIN:
            return last.end()
        width *= 4


def merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges overlapping or touching one another as one: where a scan skipping each in turn lands."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out

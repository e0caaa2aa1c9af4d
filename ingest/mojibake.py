"""Finding garbled stretches: UTF-8 bytes once misread as GBK and pasted back into a Chinese text.

Such debris looks like "?qū)嵤┨歼_" — a "?" or replacement character, stray Latin letters and tone
vowels, ASCII punctuation, box-drawing characters, and a few rare CJK characters fused between them.
A stretch is grown from a strong anchor (?, U+FFFD, a box-drawing or private-use character) standing
in Chinese text, across debris characters and across runs of at most `_MAX_CJK_GAP` CJK characters
that more debris follows. It is flagged only if it mixes kinds of debris (or holds U+FFFD), so a lone
"?" between Chinese words is not called garbage. The text is never changed: the stretches become
"mojibake" notes, so later stages can skip them.
"""

from __future__ import annotations

import re

_ANCHOR = re.compile(r"[?\ufffd\u2500-\u257f\ue000-\uf8ff]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_PUNCT = frozenset("?;_{}[]|\\^~`@#$&*<>=()")
_MAX_CJK_GAP = 3
_CONTEXT = 3
_MAX_STRETCH = 200


def _kind(ch: str) -> str | None:
    if ch == "\ufffd":
        return "replacement"
    if ch == "?":
        return "question"
    if "\u2500" <= ch <= "\u257f" or "\ue000" <= ch <= "\uf8ff":
        return "box"
    if _LATIN.match(ch):
        return "latin"
    if ch in _PUNCT:
        return "punct"
    return None


def find_mojibake(text: str) -> list[tuple[int, int]]:
    """Half-open ranges of garbled stretches in `text`."""
    found: list[tuple[int, int]] = []
    scanned = 0  # anchors inside a stretch already grown are not grown again: linear time
    for m in _ANCHOR.finditer(text):
        a = m.start()
        if a < scanned or not _in_chinese(text, a):
            continue
        start = _grow(text, a, -1, scanned)
        end = _grow(text, a, +1, len(text))
        scanned = end
        kinds = {k for k in map(_kind, text[start:end]) if k}
        if "replacement" in kinds or len(kinds) >= 2:
            found.append((start, end))
    return found


def _in_chinese(text: str, i: int) -> bool:
    window = text[max(0, i - _CONTEXT) : i + _CONTEXT + 1]
    return bool(_CJK.search(window)) and not (i + 1 < len(text) and text[i + 1].isspace())


def _grow(text: str, anchor: int, step: int, limit: int) -> int:
    """The far edge of the debris stretch around `anchor` in direction `step` (exclusive for +1).

    Growth stops at `limit` (the end of the previous stretch when growing left) and after
    `_MAX_STRETCH` characters, so a page of debris costs linear time.
    """
    lo, hi = (
        (max(limit, anchor - _MAX_STRETCH), anchor)
        if step < 0
        else (anchor, min(limit, anchor + _MAX_STRETCH))
    )
    i = anchor + step
    edge = anchor if step < 0 else anchor + 1
    while lo <= i < hi:
        ch = text[i]
        if _kind(ch):
            edge = i if step < 0 else i + 1
            i += step
            continue
        if _CJK.match(ch):
            j = i
            run = 0
            while lo <= j < hi and _CJK.match(text[j]) and run < _MAX_CJK_GAP:
                j += step
                run += 1
            if lo <= j < hi and _kind(text[j]):
                i = j
                continue
        break
    return edge

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

_CJK_CLASS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_DEBRIS_CLASS = r"[?\ufffd\u2500-\u257f\ue000-\uf8ffA-Za-z\u00c0-\u024f\u1e00-\u1eff;_{}\[\]|\\^~`@#$&*<>=()]"
_MAX_CJK_GAP = 3
#: A stretch: debris, with runs of at most _MAX_CJK_GAP CJK characters between debris characters.
_STRETCH = re.compile(
    f"{_DEBRIS_CLASS}(?:{_DEBRIS_CLASS}|{_CJK_CLASS}{{1,{_MAX_CJK_GAP}}}(?={_DEBRIS_CLASS}))*"
)
_CJK = re.compile(_CJK_CLASS)
_KINDS = {
    "replacement": re.compile("\ufffd"),
    "question": re.compile(r"\?"),
    "box": re.compile(r"[\u2500-\u257f\ue000-\uf8ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "punct": re.compile(r"[;_{}\[\]|\\^~`@#$&*<>=()]"),
}
_CONTEXT = 3
_ANCHOR = re.compile(r"[?\ufffd\u2500-\u257f\ue000-\uf8ff]")
#: An anchor with a CJK character at most _CONTEXT characters before or after it, found in one pass.
_ANCHOR_NEAR_CJK = re.compile(
    f"{_CJK_CLASS}[^\\n]{{0,{_CONTEXT - 1}}}?(?P<a>[?\\ufffd\\u2500-\\u257f\\ue000-\\uf8ff])"
    f"|(?P<b>[?\\ufffd\\u2500-\\u257f\\ue000-\\uf8ff])(?=[^\\n]{{0,{_CONTEXT - 1}}}?{_CJK_CLASS})"
)
#: Stretches are looked for this far around an anchor, so a page of debris costs linear time.
_MAX_STRETCH = 200


def find_mojibake(text: str) -> list[tuple[int, int]]:
    """Half-open ranges of garbled stretches in `text`."""
    found: list[tuple[int, int]] = []
    if not _ANCHOR.search(text):  # the usual case: nothing to look at
        return found
    scanned = 0  # anchors inside a stretch already looked at are not looked at again
    for m in _ANCHOR_NEAR_CJK.finditer(text):
        a = m.start("a") if m.group("a") else m.start("b")
        if a < scanned or (a + 1 < len(text) and text[a + 1].isspace()):
            continue
        lo, hi = max(scanned, a - _MAX_STRETCH), min(len(text), a + _MAX_STRETCH)
        stretch = next((s for s in _STRETCH.finditer(text, lo, hi) if s.start() <= a < s.end()), None)
        if stretch is None:
            continue
        start, end = stretch.span()
        scanned = end
        garbled = text[start:end]
        kinds = {k for k, pattern in _KINDS.items() if pattern.search(garbled)}
        if "replacement" in kinds or len(kinds) >= 2:
            found.append((start, end))
    return found

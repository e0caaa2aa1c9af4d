"""Character-level tidying: line ends and invisible characters out, full-width ASCII folded 1:1, a Latin full stop
ending a Chinese sentence read as 。.

Folding makes every document look alike to the matchers — "（责任单位：…）" becomes "(责任单位:…)" —
while Chinese-only punctuation (、。《》“”〔〕【】——) stays. Folding and space unification are
one-to-one, so they do not touch the offset map; only the deletions (CR of CRLF, zero-width
characters, soft hyphens) are edits.
"""

from __future__ import annotations

import re

from policykg.ingest.textmap import Edit

_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x202F: 0x20, 0x205F: 0x20, 0x0B: 0x20})
_FOLD.update({cp: 0x20 for cp in range(0x2000, 0x200B)})
FOLD_TABLE = _FOLD
#: Line ends other than LF (a lone CR, form feed, Unicode separators): made LF before lines are read.
LINE_END_TABLE = {0x0D: 0x0A, 0x0C: 0x0A, 0x2028: 0x0A, 0x2029: 0x0A, 0x85: 0x0A}

_INVISIBLE = re.compile(r"\r(?=\n)|[\u200b-\u200d\u2060\ufeff\u00ad]")


def cleanup_edits(text: str) -> list[Edit]:
    """Deletions of CRs before LFs and of zero-width characters."""
    return [Edit(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]


_FOLDABLE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(FOLD_TABLE)) + "]+")
_LINE_ENDS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(LINE_END_TABLE)) + "]")


def unify_line_ends(text: str) -> str:
    """Every line end as LF; same length (the CR of a CRLF is deleted by `cleanup_edits` first)."""
    return text.translate(LINE_END_TABLE) if _LINE_ENDS.search(text) else text


def fold(text: str) -> str:
    """Full-width ASCII to half-width and odd spaces to a plain space; same length.

    Only the runs that need folding are translated: most characters of a Chinese text do not.
    """
    return _FOLDABLE.sub(lambda m: m.group(0).translate(FOLD_TABLE), text)


#: A full stop printed as a Latin one in Chinese prose ("压实工作责任.各地各有关部门要…"): after a Chinese character or
#: a closing mark, before a Chinese character, an opening mark or a line end; never between digits ("14.5") nor after
#: a numeral that numbers a heading ("专栏四.水污染防治").
_LATIN_STOP = re.compile(r"(?<=[\u3400-\u9fff”’)）》」])(?<![一二三四五六七八九十])\.(?=[\u3400-\u9fff“‘(（《「]|\n|$)")


def chinese_stops(text: str) -> str:
    """Latin full stops that end Chinese sentences as 。, so sentences end where a reader sees them end; same length."""
    return _LATIN_STOP.sub("。", text) if "." in text else text


def squash(text: str) -> str:
    """The text without white space: how two titles or lines are compared whatever their layout spaces."""
    return "".join(text.split())

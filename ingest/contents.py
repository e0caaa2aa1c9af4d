"""Tables of contents: the headings a long plan lists before its text.

A plan written in chapters (第一章 … 第一节 …), or in long numbered sections, often opens with its table of
contents (目录): every heading on a line of its own, nothing but dot leaders and page numbers between them,
then the text repeats the headings from the first on. Read as clauses, the listed headings take the numbers
the text's own headings need; those then no longer continue the numbering, and the whole text falls into
the body of the last listed heading. The markers of such a list are left out of the clause tree.
"""

from __future__ import annotations

import re

from policykg.ingest.markers import Marker

#: Marker styles a table of contents starts with that need no other sign of one: the parts, chapters and
#: sections of a plan (the headings it lists under them may be of any style: "一、" under "第三章").
_LISTED = ("PART", "CH", "SEC")
#: What may stand between two listed headings besides blank lines: a wrapped heading, a page number, a
#: leader of dots, "前言" or "附件" lines: short lines with no sentence in them.
_BETWEEN_LINE = re.compile(r"[^。；;!?！？\n]{0,40}")
_SENTENCE = re.compile(r"[。；;!?！？]")
#: A listed heading's line ends in a leader of dots and perhaps its page number: "二、总体要求 ........ 1".
_LEADER = re.compile(r"(?:[.·…．]{4,}|…{2,})\s*\d{0,3}\s*$")
#: A heading's first characters, spaces, dots and digits left out, tell it from another of its number.
_NOT_WORDS = re.compile(r"[\s.·…．\d]+")
_WORDS = 4
#: The heading of a table of contents, and the lines that may stand between it and the first listed heading.
_CONTENTS = re.compile(r"目\s*录")
_SHORT_LINE = re.compile(r"[^。；;!?！？\n]{0,12}")
_ABOVE = 3


def contents_markers(text: str, markers: list[Marker]) -> set[int]:
    """Indexes (into `markers`) of the headings of tables of contents.

    A table of contents is a run of headings with only short lines between them, holding at least two
    headings of the style it starts with, whose first heading the text repeats after it (the same style,
    number and first words; failing that, style and number). A run starting with a part, chapter or section is one as such; a run starting with another
    style ("一、", "（一）") only under a 目录 line or with dot leaders on most of its lines."""
    out: set[int] = set()
    i = 0
    while i < len(markers):
        if _SENTENCE.search(text[markers[i].body_start : markers[i].line_end]):
            i += 1
            continue
        # the text repeats the first heading with its words; failing that (a heading worded otherwise in
        # the list), with its number
        for words in (True, False):
            j = _run_end(text, markers, i, words)
            if _is_contents(text, markers, i, j, words):
                out.update(range(i, j))
                break
        i = j
    return out


def _run_end(text: str, markers: list[Marker], i: int, words: bool) -> int:
    """The end of the run of headings from `i`: before a line with a sentence, or before the text's own
    first heading (the first heading of the run again)."""
    j = i + 1
    while j < len(markers) and _only_headings(text, markers[j - 1], markers[j]) \
            and not _same(text, markers[j], markers[i], words):
        j += 1
    return j


def _is_contents(text: str, markers: list[Marker], i: int, j: int, words: bool) -> bool:
    run = markers[i:j]
    repeated = any(_same(text, m, markers[i], words) for m in markers[j:])
    return sum(m.style == run[0].style for m in run) >= 2 and repeated and _looks_listed(text, run)


def _looks_listed(text: str, run: list[Marker]) -> bool:
    """A run of chapters or sections, or one under a 目录 line or with dot leaders on most lines."""
    if run[0].style in _LISTED:
        return True
    leaders = sum(bool(_LEADER.search(text[m.start : m.line_end])) for m in run)
    return 2 * leaders > len(run) or _under_contents(text, run[0].start)


def _under_contents(text: str, start: int) -> bool:
    """True when a 目录 line stands right above `start`, or above a few short lines ("前言", "序言")."""
    for line in text[:start].rstrip().split("\n")[::-1][:_ABOVE]:
        if _CONTENTS.fullmatch(line.strip()):
            return True
        if not _SHORT_LINE.fullmatch(line.strip()):
            return False
    return False


def _same(text: str, a: Marker, b: Marker, words: bool = True) -> bool:
    """The same heading: style, number and (with `words`) the start of its words ("（一）发展成效……" and
    "（一）发展成效", not "（一）投资估算")."""
    return a.style == b.style and a.value == b.value and (not words or _words(text, a) == _words(text, b))


def _words(text: str, marker: Marker) -> str:
    return _NOT_WORDS.sub("", text[marker.body_start : marker.line_end])[:_WORDS]


def _only_headings(text: str, before: Marker, after: Marker) -> bool:
    """True when nothing but short lines without a sentence stand between two headings' lines, and the
    second heading's line holds no sentence either."""
    between = text[before.line_end : after.start]
    return all(_BETWEEN_LINE.fullmatch(line.strip()) for line in between.split("\n")) \
        and not _SENTENCE.search(text[after.body_start : after.line_end])

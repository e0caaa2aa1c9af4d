"""Line breaks a PDF's layout put inside sentences: read them away, keeping where each character stood.

Used by extract/targets.py, which reads a clause's targets on its text as one line and maps their offsets back.
"""

from __future__ import annotations

import re

#: A line that starts a clause or a list item: its line break is a real one.
_MARKER_LINE_ZH = re.compile(
    r"[ \t]*(?:[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]\d+[)）]|\d+[.、．)）]|[①-⑳]|第[一二三四五六七八九十百]+[章节条]"
    r"|[-—•·●]|附件|专栏|表\d"
    r"|○\s*\d{1,2}"  # "○11": a circled number past ⑳, as the text layer gives it
    r"|\d{1,2}[ \t]+(?=[\u4e00-\u9fff])(?![年月日万亿千百个项家座处]))"  # "17 建筑能耗中电力消费比例(%) ≥55 预期": a table line's number
)


_ENDS_SENTENCE_ZH = "。;；:：!?！？"


#: Characters a line opens with only when it goes on with the line before: a unit's tail, a comma, a closing bracket.
_CARRIED_ON_ZH = frozenset("/,，、)）%")


def unwrap(text: str) -> tuple[str, list[int]]:
    """The text without the line breaks a PDF's layout put inside sentences, and where each of its characters
    stands in `text`: "化肥施用\n量、农药使用量分别降低5%" is one clause, "达\n到" one verb. A break after a
    sentence's end, after a short line (a heading), or before a clause marker stays."""
    kept: list[str] = []
    where: list[int] = []
    line_start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            # a line that opens by going on with the one before ("m3\n/s,保障\n率达90%": a unit's wrapped tail) is no
            # short heading line, however short
            carried = text[line_start : line_start + 1] in _CARRIED_ON_ZH and line_start > 0
            soft = (before and after and before not in _ENDS_SENTENCE_ZH and not before.isspace()
                    and not after.isspace() and (i - line_start >= 12 or carried) and not _MARKER_LINE_ZH.match(text, i + 1))
            line_start = i + 1
            if soft:
                continue
        kept.append(ch)
        where.append(i)
    return "".join(kept), where

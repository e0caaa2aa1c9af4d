"""Clause markers at the start of a line, and the numbers they carry.

Works on normalised text, where "（一）" is already "(一)" and "1．" is "1.". A marker is only a
candidate here; whether it opens a clause is decided by the numbering sequence (see clauses.py).
Styles: S_CN "一、", S_AR "1、", I_CN "(一)", I_AR "(1)", P_AR "1.", C "①", R "01.北京市" (a province
heading, recognised by its name), the parts, chapters and sections of plans (PART "第一部分", CH "第一章",
SEC "第一节"), the articles of regulations (ART "第一条") and attachments (ATT: a line that is only
"附件", "附件2" or "附件 3："; its number, 1 when it has none, is its value). A heading numbered in Chinese (一、, (一),
parts, chapters, sections) is also a candidate after a sentence's end on the same line, where a PDF's
text layer often runs it on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.regions import gazetteer

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_MARKER = re.compile(
    r"(?m)^[ \t]*(?:"
    r"(?P<S_CN>[一二三四五六七八九十]{1,3})、"
    r"|(?P<S_AR>\d{1,2})、"
    r"|\((?P<I_CN>[一二三四五六七八九十]{1,4})\)"
    r"|\((?P<I_AR>\d{1,2})\)"
    r"|(?P<P_AR>\d{1,2})\.(?!\d)"
    r"|(?P<C>[\u2460-\u2473])"
    r"|第(?P<PART>[一二三四五六七八九十]{1,2})部分"
    r"|第(?P<CH>[一二三四五六七八九十]{1,3})章"
    r"|第(?P<SEC>[一二三四五六七八九十]{1,3})节"
    r"|第(?P<ART>[一二三四五六七八九十百零〇]{1,7})条"
    r"|附[ \t]*件[ \t]*(?P<ATT>\d{0,2}|[一二三四五六七八九十]{1,3})[ \t]*[:：]?[ \t]*$"
    r")[ \t]*"
)

#: A heading numbered in Chinese that a PDF's text layer runs on after the sentence before it, on the same
#: line ("…代表不降反升数值。第三章控制温室气体排放", "…推动实现近零排放。(三)大力发展绿色低碳产业。"): it
#: opens a clause too, when it continues the numbering (Arabic numbers after a sentence are too often text).
_INLINE_HEADING = re.compile(
    r"(?<=[。！？；])[ \t]*(?:"
    r"(?P<S_CN>[一二三四五六七八九十]{1,3})、"
    r"|\((?P<I_CN>[一二三四五六七八九十]{1,4})\)"
    r"|第(?P<PART>[一二三四五六七八九十]{1,2})部分"
    r"|第(?P<CH>[一二三四五六七八九十]{1,3})章"
    r"|第(?P<SEC>[一二三四五六七八九十]{1,3})节"
    r")[ \t]*(?=[^\n]{2})"
)


@dataclass(frozen=True, slots=True)
class Marker:
    style: str
    number: str  # as written, without brackets or dots: "五", "4", "01"
    value: int
    text: str  # the marker as written: "一、", "(五)", "1.", "①", "01."
    start: int  # of the marker in the text
    body_start: int  # first character after the marker and its spaces
    line_end: int


def cn_number(s: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十七 → 37, 一百零二 → 102; None if not a numeral below 1000."""
    if not s:
        return None
    hundreds = 0
    if "百" in s:
        head, _, s = s.partition("百")
        if len(head) != 1 or _CN_DIGITS.get(head, 0) == 0 or "百" in s:
            return None
        hundreds = _CN_DIGITS[head] * 100
        if not s:
            return hundreds
        if s[0] in "零〇":
            s = s[1:]
            if len(s) != 1:
                return None
        elif "十" not in s:
            return None
        if s == "十":
            return hundreds + 10
        if s.startswith("十"):
            return None  # "一百十二" is written 一百一十二
    if "十" not in s:
        value = _CN_DIGITS[s] if len(s) == 1 and s in _CN_DIGITS else None
        return None if value is None or (hundreds == 0 and value == 0) else hundreds + value
    tens, _, units = s.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    t = 1 if not tens else _CN_DIGITS.get(tens)
    u = 0 if not units else _CN_DIGITS.get(units)
    if t is None or u is None or t == 0:
        return None
    return hundreds + t * 10 + u


def find_markers(text: str) -> list[Marker]:
    """Every line-initial marker of the text, and the headings run on after a sentence, in order."""
    found: list[Marker] = []
    matches = sorted([*_MARKER.finditer(text), *_INLINE_HEADING.finditer(text)], key=lambda m: m.start())
    for m in matches:
        style = m.lastgroup
        if style is None:
            continue
        number = m.group(style)
        if style == "C":
            value = ord(number) - 0x2460 + 1
            number = str(value)
        elif style == "ATT":
            value = (int(number) if number.isdigit() else cn_number(number) or 0) if number else 1
            number = "附件" + number
        elif style in ("S_CN", "I_CN", "CH", "ART", "SEC", "PART"):
            parsed = cn_number(number)
            if parsed is None:
                continue
            value = parsed
        else:
            value = int(number)
        if value == 0:
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        start = m.start(style) - (1 if style in ("I_CN", "I_AR") else 0)
        if style == "ATT":
            start, written_end = m.start() + len(m.group()) - len(m.group().lstrip(" \t")), line_end
        elif style in ("CH", "ART", "SEC", "PART"):
            start, written_end = m.start(style) - 1, m.end(style) + (2 if style == "PART" else 1)
        else:
            written_end = m.end(style) + (0 if style == "C" else 1)
        if style == "P_AR" and gazetteer().province_heading(text[m.end() : line_end]):
            style = "R"
        found.append(Marker(style, number, value, text[start:written_end], start, m.end(), line_end))
    return found


def marker_at(text: str, line_start: int, line_end: int) -> Marker | None:
    """The marker opening the line [line_start, line_end), if any."""
    found = find_markers(text[line_start:line_end])
    if not found:
        return None
    m = found[0]
    shift = line_start
    return Marker(
        m.style, m.number, m.value, m.text, m.start + shift, m.body_start + shift, m.line_end + shift
    )

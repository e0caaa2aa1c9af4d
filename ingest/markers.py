"""Clause markers at the start of a line, and the numbers they carry.

Works on normalised text, where "（一）" is already "(一)" and "1．" is "1.". A marker is only a
candidate here; whether it opens a clause is decided by the numbering sequence (see clauses.py).
Styles: S_CN "一、", S_AR "1、", I_CN "(一)", I_AR "(1)", P_AR "1.", C "①", R "01.北京市" (a province
heading, recognised by its name).
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

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("S_CN", re.compile(r"([一二三四五六七八九十]{1,3})、")),
    ("S_AR", re.compile(r"(\d{1,2})、")),
    ("I_CN", re.compile(r"\(([一二三四五六七八九十]{1,4})\)")),
    ("I_AR", re.compile(r"\((\d{1,2})\)")),
    ("P_AR", re.compile(r"(\d{1,2})\.(?!\d)")),
    ("C", re.compile(r"([\u2460-\u2473])")),
)
_LEADING = " \t"


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
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十七 → 37; None if not a numeral up to 99."""
    if not s:
        return None
    if "十" not in s:
        return _CN_DIGITS[s] if len(s) == 1 and s in _CN_DIGITS else None
    tens, _, units = s.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    t = 1 if not tens else _CN_DIGITS.get(tens)
    u = 0 if not units else _CN_DIGITS.get(units)
    if t is None or u is None or t == 0:
        return None
    return t * 10 + u


def marker_at(text: str, line_start: int, line_end: int) -> Marker | None:
    """The marker opening the line [line_start, line_end), if any."""
    i = line_start
    while i < line_end and text[i] in _LEADING:
        i += 1
    for style, pattern in _PATTERNS:
        m = pattern.match(text, i, line_end)
        if not m:
            continue
        number = m.group(1)
        if style == "C":
            value = ord(number) - 0x2460 + 1
        elif style in ("S_CN", "I_CN"):
            parsed = cn_number(number)
            if parsed is None:
                continue
            value = parsed
        else:
            value = int(number)
        if value == 0:
            continue
        body = m.end()
        while body < line_end and text[body] in _LEADING:
            body += 1
        if style == "P_AR" and gazetteer().province_heading(text[body:line_end]):
            style = "R"
        if style == "C":
            number = str(value)
        return Marker(style, number, value, m.group(0), i, body, line_end)
    return None

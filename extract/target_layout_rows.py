"""Targets of indicator tables that the PDF's text layer gives as plain lines, not as cells: each row runs
from its serial number to its attribute, wrapped wherever the cell was narrow —

    "16森林覆盖率(%)47.23 47.3约束性", or "6\\n地级及以上城市细颗粒物\\n(PM2.5)浓度(微克/立方米)\\n28 27 约束性"

serial number, indicator, unit in brackets, the baseline's value, the due year's value, 约束性/预期性.
The due year is the last of the years the header above the first row names ("2020\\n年\\n2025年"); a row
whose value is words (基本消除, 完成国家下达目标) states no quantity. A value in brackets ("[7.14]") is an
amount over the plan's five years; a name ending in 降低/减少/提高 states a change.

A table may number no row: its rows stand line by line under the header, the name on the line of the values
("受污染耕地安全利用率92% 93%左右约束性", "化肥利用率 —— 43% 预期性") or, where the cell wrapped, on the lines
above them since the row before ("地下水国控区域点位\nV 类水比例\n58.97% 56.4% 预期性"); its values may carry their
unit and a footnote's mark ("95.02%*", "1400个 新增1600个").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.extract.target_scope import TargetHit
from policykg.extract.target_tables import _CHANGE_VERBS, _POST, _PRE, _RATE_ZH, _is_unit, direction

_ATTRIBUTE = re.compile(r"约束性|预期性")
_ROW = re.compile(
    r"(?<![\d.])(?P<no>\d{1,2})\s*(?P<name>[\u4e00-\u9fffA-Za-z][^\[\]<>≤≥]*?)\s*"
    r"(?:[(（](?P<unit>[^()（）]{1,10})[)）])?\s*(?P<base>[-—–/]|\d+(?:\.\d+)?%?)\s+"
    r"(?P<pre>[<>≤≥≦≧＜＞])?\s*(?P<open>\[)?(?P<num>\d+(?:\.\d+)?)\]?\s*(?P<post>左右|以上|以下)?\s*(?:约束性|预期性)$"
)
#: A row no number opens: the values and attribute closing it, on the row's last line (see `_unnumbered`).
_VALUES = re.compile(
    r"(?<![\d.])(?P<base>——|[-—–/]|\d+(?:\.\d+)?(?:%|个)?)(?:(?<=[%个—/\-–])\*?\s*|\*?\s+)(?P<added>新增)?(?P<pre>[<>≤≥≦≧＜＞])?\s*(?P<num>\d+(?:\.\d+)?)"
    r"(?P<unit>%|个)?\*?\s*(?P<post>左右|以上|以下)?\s*(?:约束性|预期性)$"
)
#: A name's line: words, no figure (a figure is a value, a year or a serial number: another layout).
_NAME_LINE = re.compile(r"^[\u4e00-\u9fffA-Za-z“”\"(（][^\d%]{0,30}$")
_HEADER_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CHANGE = re.compile(rf"({_CHANGE_VERBS})$")
#: How far a row may stand from the row before and still be the same table's.
_SAME_TABLE = 300
#: How far above the first row its header may name the years.
_HEADER_SPAN = 300
#: How far before its attribute a row may begin.
_ROW_SPAN = 160


def _joined(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """text[start:end] with the layout's line breaks taken out (a space kept between two numbers), and
    where each character stands in `text`."""
    chars: list[str] = []
    where: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if ch in "\r\n":
            if chars and chars[-1] != " " and (chars[-1].isdigit() or chars[-1] in "]%"):
                chars.append(" ")
                where.append(i)
            continue
        chars.append(ch)
        where.append(i)
    return "".join(chars), where


def _unit(bracket: str | None) -> str | None:
    return bracket if bracket and (bracket == "‰" or _is_unit(bracket)) else None


@dataclass(frozen=True, slots=True)
class _Row:
    """A row as read: its name, the unit its name or values give, its due value and where it begins."""

    name: str
    unit: str | None
    pre: str
    value: float
    post: str
    cumulative: bool
    start: int

    @staticmethod
    def numbered(m: re.Match[str], where: list[int]) -> _Row:
        return _Row(m.group("name"), m.group("unit"), m.group("pre") or "", float(m.group("num")),
                    m.group("post") or "", bool(m.group("open")), where[m.start("no")])


def _unnumbered(text: str, start: int, attr: re.Match[str]) -> _Row | None:
    """A row no number opens, ending at `attr` and beginning after `start` (the row before's end): its name,
    its values and where it begins. The name is the words before the values on their line, else the lines of
    words above it, two at most (a cell wrapped once; a line above those is the type column's); a line with a
    figure on it is none of the row's name."""
    values = None
    row_start = attr.start()
    for _ in range(2):  # the values on the row's last line, or on its last two ("95.02%*\n95%* 预期性")
        row_start = max(text.rfind("\n", start, max(start, row_start - 1)) + 1, start)
        last = re.sub(r"\s*\n\s*", " ", text[row_start : attr.end()])
        values = _VALUES.search(last)
        if values:
            break
    if not values:
        return None
    name = last[: values.start()].strip()
    if not name:
        lines: list[str] = []
        at = row_start
        while at > start:
            above = text.rfind("\n", start, at - 1) + 1 or start
            line = text[max(above, start) : at].strip()
            if not line or not _NAME_LINE.match(line) or len(lines) == 2:  # a name cell wraps once
                break
            lines.insert(0, line)
            at = max(above, start)
        name, row_start = "".join(lines), at
    name = re.sub(r"\s+", "", name)
    if not _NAME_LINE.match(name) or len(name) < 2:
        return None
    return _Row(name, values.group("unit"), values.group("pre") or "", float(values.group("num")),
                values.group("post") or "", False, row_start)


def layout_row_targets(text: str) -> list[TargetHit]:
    """Every target of the tables in `text` that its text layer gives as lines (offsets into `text`)."""
    hits: list[TargetHit] = []
    year: int | None = None
    last_end = -10**6
    previous = 0
    for attr in _ATTRIBUTE.finditer(text):
        start = max(previous, attr.start() - _ROW_SPAN)
        previous = attr.end()
        chunk, where = _joined(text, start, attr.end())
        m = _ROW.search(chunk)
        row = _Row.numbered(m, where) if m else _unnumbered(text, start, attr)
        if row is None:
            continue
        above = text[max(0, row.start - _HEADER_SPAN) : row.start] if year is None else text[start : row.start]
        above = re.split(r"[。;；]", above)[-1]  # the header, not the sentences above it ("展望2035年,…。")
        header = [int(y) for y in _HEADER_YEAR.findall(re.sub(r"\s+", "", above))]
        if len(set(header)) >= 2:
            year = max(header)
        elif row.start - last_end > _SAME_TABLE:
            year = None  # a row of no table whose header this reads
        last_end = attr.end()
        if year is None:
            continue
        name = row.name.strip().rstrip("*").strip()
        unit = _unit(row.unit)
        if row.unit and unit is None:
            name = f"{name}({row.unit})"  # "(PM2.5)" names, it does not measure
        change = _CHANGE.search(name)
        if change:
            name = name[: change.start()]
        if len(name) < 2:
            continue
        kind = direction(change.group(1)) if change else None
        cumulative = row.cumulative
        row_start, row_end = row.start, attr.end()
        hits.append(TargetHit(
            start=row_start, end=row_end, indicator=name,
            comparator=_PRE.get(row.pre) or _POST.get(row.post) or "=",
            value=row.value, value_min=None, value_max=None,
            measure_unit=unit or ("%" if _RATE_ZH.search(name) else None), converted_value=None, converted_unit=None,
            change=kind, base_year=(year - 5) if kind and not cumulative else None, year=year, qualitative=False,
            indicator_start=row_start, indicator_end=row_end, confidence=0.6,
            start_year=(year - 4) if cumulative else None,
        ))
    return hits

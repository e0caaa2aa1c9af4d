"""Targets of indicator tables that the PDF's text layer gives as plain lines, not as cells: each row runs
from its serial number to its attribute, wrapped wherever the cell was narrow —

    "16森林覆盖率(%)47.23 47.3约束性", or "6\\n地级及以上城市细颗粒物\\n(PM2.5)浓度(微克/立方米)\\n28 27 约束性"

serial number, indicator, unit in brackets, the baseline's value, the due year's value, 约束性/预期性.
The due year is the last of the years the header above the first row names ("2020\\n年\\n2025年"); a row
whose value is words (基本消除, 完成国家下达目标) states no quantity. A value in brackets ("[7.14]") is an
amount over the plan's five years; a name ending in 降低/减少/提高 states a change.
"""

from __future__ import annotations

import re

from policykg.extract.target_scope import TargetHit
from policykg.extract.target_tables import _CHANGE_VERBS, _POST, _PRE, _RATE_ZH, _is_unit, direction

_ATTRIBUTE = re.compile(r"约束性|预期性")
_ROW = re.compile(
    r"(?<![\d.])(?P<no>\d{1,2})\s*(?P<name>[\u4e00-\u9fffA-Za-z][^\[\]<>≤≥]*?)\s*"
    r"(?:[(（](?P<unit>[^()（）]{1,10})[)）])?\s*(?P<base>[-—–/]|\d+(?:\.\d+)?%?)\s+"
    r"(?P<pre>[<>≤≥≦≧＜＞])?\s*(?P<open>\[)?(?P<num>\d+(?:\.\d+)?)\]?\s*(?P<post>左右|以上|以下)?\s*(?:约束性|预期性)$"
)
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
        if not m:
            continue
        above = text[max(0, where[m.start()] - _HEADER_SPAN) : where[m.start()]] if year is None else chunk[: m.start()]
        above = re.split(r"[。;；]", above)[-1]  # the header, not the sentences above it ("展望2035年,…。")
        header = [int(y) for y in _HEADER_YEAR.findall(re.sub(r"\s+", "", above))]
        if len(set(header)) >= 2:
            year = max(header)
        elif where[m.start()] - last_end > _SAME_TABLE:
            year = None  # a row of no table whose header this reads
        last_end = attr.end()
        if year is None:
            continue
        name = m.group("name").strip().rstrip("*").strip()
        unit = _unit(m.group("unit"))
        if m.group("unit") and unit is None:
            name = f"{name}({m.group('unit')})"  # "(PM2.5)" names, it does not measure
        change = _CHANGE.search(name)
        if change:
            name = name[: change.start()]
        if len(name) < 2:
            continue
        kind = direction(change.group(1)) if change else None
        cumulative = bool(m.group("open"))
        row_start, row_end = where[m.start("no")], attr.end()
        hits.append(TargetHit(
            start=row_start, end=row_end, indicator=name,
            comparator=_PRE.get(m.group("pre") or "") or _POST.get(m.group("post") or "") or "=",
            value=float(m.group("num")), value_min=None, value_max=None,
            measure_unit=unit or ("%" if _RATE_ZH.search(name) else None), converted_value=None, converted_unit=None,
            change=kind, base_year=(year - 5) if kind and not cumulative else None, year=year, qualitative=False,
            indicator_start=row_start, indicator_end=row_end, confidence=0.6,
            start_year=(year - 4) if cumulative else None,
        ))
    return hits

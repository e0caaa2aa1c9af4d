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
from policykg.extract.target_tables import _CHANGE_VERBS, _POST, _PRE, _is_unit, direction
from policykg.extract.target_words import RATE_HEAD_ZH

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
            measure_unit=unit or ("%" if RATE_HEAD_ZH.search(name) else None), converted_value=None, converted_unit=None,
            change=kind, base_year=(year - 5) if kind and not cumulative else None, year=year, qualitative=False,
            indicator_start=row_start, indicator_end=row_end, confidence=0.6,
            start_year=(year - 4) if cumulative else None,
        ))
    return hits


#: A statement naming the targets a list of places gets: "科学设定各区(市)“十四五”期间单位地区生产总值二氧化碳排放
#: 降低目标。" (what is measured, the direction), closing its sentence before the list.
_PLACES_TARGET = re.compile(r"(?P<name>[^。;；:：\n]{2,60}?)(?P<verb>降低|下降|减少|削减|提高|提升|增长)目标\s*[。:：]?\s*$")
#: Where the words that set the targets end and what they measure begins: "…设定各区(市)“十四五”期间|单位…".
_SET_LEAD = re.compile(r"^.*(?:期间|时期|设定|确定|下达|分解|制定)[”\"]?")
#: A line of the list: a bullet, the places, a colon, the value ("\uf0b2 平度市、莱西市:21.5%。").
_PLACE_LINE = re.compile(
    r"(?m)^[^\S\n]*[^\u4e00-\u9fff\w\s]?[^\S\n]*(?P<places>[\u4e00-\u9fff][\u4e00-\u9fff、和及与]{1,60}?)[^\S\n]*[:：][^\S\n]*"
    r"(?P<num>\d+(?:\.\d+)?)[^\S\n]*%[^\S\n]*[。;；]?[^\S\n]*$")
#: How far above its first line the statement may end.
_PLACES_SPAN = 40


def place_list_targets(text: str, deadlines: list[tuple[int, int, int | None, int | None]] | None = None) -> list[TargetHit]:
    """The targets a list sets per place, line by line under the statement that names them: "…单位地区生产总值二氧化碳
    排放降低目标。\\n市南区、市北区、李沧区、崂山区:20.5%。\\n平度市、莱西市:21.5%。" → 平度市、莱西市单位地区生产总值二氧化碳
    排放, a decrease of 21.5 %. `deadlines` are (start, end, first year, last year) of the text's five-year periods:
    one inside the statement dates the targets (due at its end, against the year before it begins)."""
    from policykg.extract.target_shapes import _region_alone_zh, places_listed_zh

    hits: list[TargetHit] = []
    statement: tuple[str, str, int, int] | None = None  # (name, verb, start, end) of the statement in force
    last_end = -1
    for line in _PLACE_LINE.finditer(text):
        places = line.group("places")
        if not (places_listed_zh(places) == len(places) or _region_alone_zh(places)):
            continue
        if statement is None or line.start() - last_end > _PLACES_SPAN:
            before = "".join(text[max(0, line.start() - 200) : line.start()].split())
            m = _PLACES_TARGET.search(before)
            if m is None:
                statement = None
                continue
            name = _SET_LEAD.sub("", m.group("name"))
            start = line.start() - 200  # only to find the statement's period below
            statement = (name, m.group("verb"), max(0, start), line.start())
        last_end = line.end()
        name, verb, s_start, s_end = statement
        if len(name) < 2:
            continue
        period = next(((a, b) for ds, de, a, b in (deadlines or []) if s_start <= ds < s_end and b), None)
        change = "decrease" if verb in ("降低", "下降", "减少", "削减") else "increase"
        hits.append(TargetHit(
            start=line.start("places"), end=line.end("num") + 1, indicator=places + name, comparator="=",
            value=float(line.group("num")), value_min=None, value_max=None, measure_unit="%", converted_value=None,
            converted_unit=None, change=change, base_year=(period[0] - 1) if period and period[0] else None,
            year=period[1] if period else None, qualitative=False, indicator_start=line.start("places"),
            indicator_end=line.end("places"), confidence=0.6,
        ))
    return hits

"""Targets of indicator tables whose header row the text layer lost: rows of bare cells under the table's title,

    "专栏一“十四五”生态环境保护规划主要指标"
    "2;地级及以上城市细颗粒物(PM2.5)浓度(μg/m3);28.1;	<27.0"

the row's number, the indicator with its unit in brackets, the baseline's value, the due year's value. Without the
header a reader takes the last cell for the due year's and the one before it for the baseline's; a row whose last cell
is words (完成省考核目标, 面积不减少) states no quantity. The due year is the period the title names, else the plan's.
"""

from __future__ import annotations

import re

from policykg.extract.period import title_period_end
from policykg.extract.target_scope import TargetHit
from policykg.extract.target_tables import (
    _CHANGE_TAIL,
    _FOOTNOTE,
    _POST,
    _PRE,
    _VALUE,
    _unit_of,
    direction,
)
from policykg.extract.target_words import RATE_HEAD_ZH

#: A table's title naming indicators: "专栏一“十四五”生态环境保护规划主要指标", "表2 …发展指标".
_TITLE = re.compile(r"^\s*(?:附?表|专栏)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?P<title>\S{2,60}指标\S{0,6})$")
#: A row of bare cells: number; indicator; baseline; due year's value (a cell may open with a tab or close with a
#: footnote's mark).
_BARE_ROW = re.compile(r"^\s*(?P<no>\d{1,2})\s*;(?P<name>[^;:：]{2,60});(?P<base>\s*(?:[-—–/]|\d+(?:\.\d+)?%?)\*?\s*);"
                       r"(?P<value>[^;:：]{1,30})$")


def unkeyed_row_targets(text: str) -> list[TargetHit]:
    """Every target of the tables in `text` whose rows are bare cells under their title (offsets into `text`)."""
    hits: list[TargetHit] = []
    year: int | None = None
    in_table, pos = False, 0
    for line in text.split("\n"):
        title = _TITLE.match(line)
        row = _BARE_ROW.match(line) if in_table and not title else None
        if title:
            in_table, year = True, title_period_end(title.group("title"))
        elif row:
            hit = _row_target(row, pos, year)
            if hit:
                hits.append(hit)
        elif ";" not in line:
            in_table = False  # running text: the table is over
        pos += len(line) + 1
    return hits


def _row_target(row: re.Match[str], start: int, year: int | None) -> TargetHit | None:
    """The target a bare row states in its last cell, if that cell is a figure."""
    value = _VALUE.match(_FOOTNOTE.sub("", row.group("value").strip()))
    indicator, unit = _unit_of(_FOOTNOTE.sub("", row.group("name").strip()))
    if value is None or len(indicator) < 2 or value.group("open"):
        return None  # "[10]": a sum over the period, which this layout does not tell from a level
    change = _CHANGE_TAIL.search(indicator)
    if change:
        indicator = indicator[: change.start()]
    comparator = _PRE.get(value.group("pre") or "") or _POST.get(value.group("post") or "") or "="
    end = start + len(row.group())
    return TargetHit(
        start=start, end=end, indicator=indicator, comparator=comparator, value=float(value.group("num")),
        value_min=None, value_max=None, measure_unit=value.group("unit") or unit or ("%" if RATE_HEAD_ZH.search(indicator) else None),
        converted_value=None, converted_unit=None, change=direction(change.group(1)) if change else None, base_year=None,
        year=year, qualitative=False, indicator_start=start, indicator_end=end, confidence=0.6, start_year=None,
    )

"""Targets of a table of places whose merged header cell the text layer cut into the keys of its columns:

    "2021年各县(市)区工业技改投资预期目标"                                   (the table's title)
    "序号;县(市)区;2021年工业技:总量(亿元);改投资预期目标:比增(%)"          (the header row)
    "1;鼓楼区;2021年工业技:21;改投资预期目标:9"                             (a place's row)

The keys joined give the merged cell ("2021年工业技改投资预期目标": the year and what is measured); the header row's
values name the columns under it. A row gives its place the level its 总量 / 目标值 column states, in the column's unit
(鼓楼区工业技改投资 = 21 亿元 in 2021); a rate column beside the level (比增, 增速) is no target, as in other tables.
"""

from __future__ import annotations

import re

from policykg.extract.target_scope import TargetHit
from policykg.extract.target_tables import _ORDINAL, _PRE, _VALUE, _is_unit

#: The column of a level under the merged cell, with its unit: "总量(亿元)", "目标值(万吨)".
_LEVEL_COLUMN = re.compile(r"^(?:总量|目标值|目标|规模|总额)\s*[(（](?P<unit>[^()（）]{1,8})[)）]$")
#: The header's column of places.
_PLACE_COLUMN = re.compile(r"^(?:县|区|市|地区|城市|各市|设区市|县\(市\)区|县（市）区|县\(市、区\)|县（市、区）|区县|县区|市州|单位)$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: What the merged cell says besides the year and what is measured.
_CELL_WORDS = re.compile(r"(?:19|20)\d{2}\s*年|(?:预期|规划|计划)?目标(?:值)?$|各县\(市\)区|各县（市）区")


def place_row_targets(text: str) -> list[TargetHit]:
    """Every target of the tables of places in `text` whose header keys its columns by pieces of a merged cell."""
    hits: list[TargetHit] = []
    header: tuple[str, str, int, str] | None = None  # (level key, unit, year, subject)
    pos = 0
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split(";")]
        found = _header(cells)
        if found:
            header = found
        elif header and any(c.startswith(header[0] + ":") for c in cells):
            hit = _row(cells, header, pos, pos + len(line))
            if hit:
                hits.append(hit)
        elif ";" not in line:
            header = None
        pos += len(line) + 1
    return hits


def _header(cells: list[str]) -> tuple[str, str, int, str] | None:
    """(the level column's key, its unit, the year, what is measured) of a header row of such a table; None otherwise."""
    keyed = [c.partition(":") for c in cells if ":" in c]
    bare = [c for c in cells if ":" not in c]
    if len(keyed) < 2 or not any(_PLACE_COLUMN.match(b) for b in bare):
        return None
    merged = "".join(k.strip() for k, _, _ in keyed)
    year = _YEAR.search(merged)
    level = next(((k.strip(), m.group("unit")) for k, _, v in keyed if (m := _LEVEL_COLUMN.match(v.strip()))), None)
    subject = _CELL_WORDS.sub("", merged)
    if year is None or level is None or not _is_unit(level[1]) or len(subject) < 2 or "目标" not in merged:
        return None
    return level[0], level[1], int(year.group(1)), subject


def _row(cells: list[str], header: tuple[str, str, int, str], start: int, end: int) -> TargetHit | None:
    """The target a place's row states in the level column, if its cell is a figure."""
    key, unit, year, subject = header
    places = [re.sub(r"^其中\s*[:：]?", "", c) for c in cells if ":" not in c or c.startswith("其中")]
    places = [p for p in places if p and not _ORDINAL.match(p)]
    cell = next((c.partition(":")[2].strip() for c in cells if c.startswith(key + ":")), "")
    value = _VALUE.match(cell)
    if len(places) != 1 or value is None:
        return None
    return TargetHit(
        start=start, end=end, indicator=places[0] + subject, comparator=_PRE.get(value.group("pre") or "") or "=",
        value=float(value.group("num")), value_min=None, value_max=None, measure_unit=value.group("unit") or unit,
        converted_value=None, converted_unit=None, change=None, base_year=None, year=year, qualitative=False,
        indicator_start=start, indicator_end=end, confidence=0.6, start_year=None,
    )

"""Ruled tables of a PDF page read as rows whose cells keep their column's meaning.

A text layer gives a table's cells in drawing order, a wrapped cell as several lines between the
others' ("1 空气质量优良天数比率(%) 89.6 ≥91.1 约束性" then "2 细颗粒物(PM2.5)浓度(微克" "/立方米)" "34.3 …").
Where a page draws a grid (thin vertical and horizontal paths), the grid's cells are rebuilt from the
characters' boxes, and each row becomes one line of "header:cell" pairs:
"序号:1；指标(单位):空气质量优良天数比率(%)；2020年现状值:89.6；2025年目标值:≥91.1；指标属性:约束性".
A responsibility table's row then reads like the lists in running text ("…；牵头单位:市发改委；…").
A table continued on the next page without its header takes the header of the table before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.fold import squash

#: Between the cells of a row: a tab marks the line as a table row for the layout step, which then
#: leaves it unjoined; the tab itself goes with the spaces between Chinese characters.
ROW_SEPARATOR = "；\t"
#: Paths thinner than this (points) are rules; longer than the minimum lengths they are table lines.
_THIN = 2.5
_MIN_RULE = 8.0
_SNAP = 2.0  # rule positions closer than this are one line


@dataclass(slots=True)
class _Table:
    bottom: float
    top: float
    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _tables(page: object) -> list[_Table]:
    import pypdfium2.raw as pdfium_c

    verticals: list[tuple[float, float, float]] = []  # (x, bottom, top)
    horizontals: list[tuple[float, float, float]] = []  # (y, left, right)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):  # type: ignore[attr-defined]
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if width <= _THIN and height >= _MIN_RULE:
            verticals.append(((left + right) / 2, bottom, top))
        elif height <= _THIN and width >= _MIN_RULE:
            horizontals.append(((bottom + top) / 2, left, right))
        # larger shapes are not taken for cell borders: some files draw their letters as paths
    bands: list[list[float]] = []  # merged vertical extents: [bottom, top]
    for _, bottom, top in sorted(verticals, key=lambda v: v[1]):
        if bands and bottom <= bands[-1][1] + _SNAP:
            bands[-1][1] = max(bands[-1][1], top)
        else:
            bands.append([bottom, top])
    tables: list[_Table] = []
    for bottom, top in bands:
        xs = _snap([x for x, b, t in verticals if b >= bottom - _SNAP and t <= top + _SNAP])
        ys = _snap([y for y, _, _ in horizontals if bottom - _SNAP <= y <= top + _SNAP])
        if len(xs) >= 3 and len(ys) >= 3:
            tables.append(_Table(bottom, top, xs, sorted(ys, reverse=True)))
    return sorted(tables, key=lambda t: -t.top)


def _cell_text(chars: list[tuple[float, float, float, str]]) -> str:
    """Characters (x, y, size, char) of one cell in reading order; wrapped lines joined.

    A character belongs to a line when its box overlaps the line's vertical extent by half of the
    smaller height: a full stop or a comma sits low but on its line."""
    lines: list[list[tuple[float, float, float, str]]] = []
    extents: list[list[float]] = []  # [bottom, top] of each line
    for ch in sorted(chars, key=lambda c: (-(c[1] + c[2] / 2), c[0])):
        bottom, top = ch[1] - ch[2] / 2, ch[1] + ch[2] / 2
        for line, ext in zip(lines, extents, strict=True):
            overlap = min(top, ext[1]) - max(bottom, ext[0])
            if overlap >= 0.3 * min(ch[2], ext[1] - ext[0]) or (ch[2] < 0.5 and ext[0] <= ch[1] <= ext[1]):
                line.append(ch)
                ext[0], ext[1] = min(ext[0], bottom), max(ext[1], top)
                break
        else:
            lines.append([ch])
            extents.append([bottom, top])
    parts = ["".join(c[3] for c in sorted(line, key=lambda c: c[0])).strip() for line in lines]
    out = ""
    for part in parts:
        if out and out[-1].isascii() and out[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            out += " "
        out += part
    return squash(out) if not any(c.isascii() and c.isalpha() for c in out) else out


def _rows(table: _Table, chars: list[tuple[float, float, float, str]]) -> list[list[str]]:
    cells: dict[tuple[int, int], list[tuple[float, float, float, str]]] = {}
    for ch in chars:
        x, y = ch[0], ch[1]
        row = next((r for r in range(len(table.ys) - 1) if table.ys[r + 1] <= y <= table.ys[r]), None)
        col = next((c for c in range(len(table.xs) - 1) if table.xs[c] <= x <= table.xs[c + 1]), None)
        if row is not None and col is not None:
            cells.setdefault((row, col), []).append(ch)
    rows: list[list[str]] = []
    for r in range(len(table.ys) - 1):
        texts = [_cell_text(cells.get((r, c), [])) for c in range(len(table.xs) - 1)]
        if any(texts):
            rows.append(texts)
    return rows


_NUMBER_CELL = re.compile(r"^[\d.,，%％≥≤<>＜＞~～\-—]+$")


def _looks_like_header(row: list[str]) -> bool:
    filled = [c for c in row if c]
    return bool(filled) and not any(_NUMBER_CELL.match(c) for c in filled) and all(len(c) <= 20 for c in filled)


def render(rows: list[list[str]], header: list[str] | None) -> tuple[list[str], list[str] | None]:
    """Rows as "header:cell" lines; the header found (or carried over) for a following page."""
    if rows and _looks_like_header(rows[0]):
        header, rows = rows[0], rows[1:]
    if header is not None and rows and len(header) != len(rows[0]):
        header = None
    lines = []
    for row in rows:
        pairs = [
            f"{header[i]}:{cell}" if header and header[i] else cell for i, cell in enumerate(row) if cell
        ]
        lines.append(ROW_SEPARATOR.join(pairs))
    return lines, header


def page_text(page: object, textpage: object, header: list[str] | None) -> tuple[str | None, list[str] | None]:
    """The page's text with each ruled table as rows (None when the page has no table)."""
    tables = _tables(page)
    if not tables:
        return None, header
    width, height = page.get_size()  # type: ignore[attr-defined]
    chars: list[tuple[float, float, float, str]] = []
    for i in range(textpage.count_chars()):  # type: ignore[attr-defined]
        left, bottom, right, top = textpage.get_charbox(i)  # type: ignore[attr-defined]
        ch = textpage.get_text_range(i, 1)  # type: ignore[attr-defined]
        if ch.strip():
            chars.append(((left + right) / 2, (bottom + top) / 2, top - bottom, ch))
    out: list[str] = []
    above = height + 1
    for table in tables:
        out.append(textpage.get_text_bounded(0, table.top, width, above).strip("\r\n"))  # type: ignore[attr-defined]
        inside = [c for c in chars if table.bottom <= c[1] <= table.top and table.xs[0] <= c[0] <= table.xs[-1]]
        lines, header = render(_rows(table, inside), header)
        out.extend(lines)
        above = table.bottom
    out.append(textpage.get_text_bounded(0, 0, width, above).strip("\r\n"))  # type: ignore[attr-defined]
    return "\r\n".join(part for part in out if part), header

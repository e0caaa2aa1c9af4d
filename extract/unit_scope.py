"""Which measures of a clause a responsibility list is about, when the clause has several lists.

A task section often runs paragraph after paragraph, each closed by its own list ("…示范工程。（责任单位：市生态
环境局、市工业和信息化局）" then "控制交通领域二氧化碳排放。…（市交通运输局、…等按职责分工负责）"): the units of one
list answer for their paragraph, not for the whole clause. A list closing its paragraph (in brackets, or ending
its sentence) covers the measures since the list before it; a list opening its sentence ("市发展改革委负责…",
"由X牵头…") covers that sentence and the ones after it, up to the next list. A clause with one list keeps it
for the whole clause (its units' `covers` stays empty), and so does a list whose paragraph holds no sentence
read as a measure ("配合省财政厅研究出台…。（责任部门：财审处、气候处）"): better the whole clause than nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from policykg.extract.model import ClauseFacts, Measure, UnitMention
from policykg.ingest.model import Span

_ASSIGNED_ROLES = ("lead", "support", "generic")
#: What may follow a list that closes its paragraph: its bracket, a sentence's end, another clause's text.
_CLOSERS = frozenset("）)〕】]。；;，,、")


def _list_of(unit: UnitMention) -> tuple[int, int]:
    """The list a unit belongs to, by its span: the list's, or the unit's own where it stands alone."""
    span = unit.list_span if unit.list_span is not None else unit.provenance.span
    return span.start, span.end


def _closes(span: Span, original: str, clause_end: int) -> bool:
    """A list closes its paragraph: it is bracketed, or nothing of its sentence follows it."""
    if original[span.start : span.start + 1] in ("（", "(", "〔", "【", "["):
        return True
    at = span.end
    while at < clause_end and original[at] in " \t\r\n\u3000":
        at += 1
    return at >= clause_end or original[at] in _CLOSERS


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def assign_scopes(facts: ClauseFacts, original: str, clause_end: int) -> None:
    """Sets each unit's `covers` (the ids of the measures its list is about) where the clause's measures are
    answered for by two lists or more; `clause_end` is where the clause's own text ends (original offsets)."""
    units = [u for u in facts.units if u.role in _ASSIGNED_ROLES]
    lists = sorted(set(map(_list_of, units)))
    if len(lists) < 2 or not facts.measures:
        return
    spans = [Span(s, e) for s, e in lists]
    closing = [_closes(s, original, clause_end) for s in spans]
    covered: dict[tuple[int, int], list[str]] = {key: [] for key in lists}
    for measure in facts.measures:
        for key in _lists_for(measure, spans, closing):
            covered[key].append(measure.id)
    facts.units = [
        dataclasses.replace(u, covers=tuple(covered[_list_of(u)]))
        if u.role in _ASSIGNED_ROLES else u
        for u in facts.units
    ]


def _lists_for(measure: Measure, spans: Sequence[Span], closing: Sequence[bool]) -> list[tuple[int, int]]:
    """The lists answering for one measure: those inside its sentence; else the next list if it closes a
    paragraph; else the list before it if that one opens a paragraph; else none (text after the last list,
    such as a box of projects, is no list's)."""
    m = measure.provenance.span
    inside = [(s.start, s.end) for s in spans if _overlaps(s, m)]
    if inside:
        return inside
    after = next((i for i, s in enumerate(spans) if s.start >= m.end), None)
    if after is not None and closing[after]:
        return [(spans[after].start, spans[after].end)]
    before = max((i for i, s in enumerate(spans) if s.end <= m.start), default=None)
    if before is not None and not closing[before]:
        return [(spans[before].start, spans[before].end)]
    return []

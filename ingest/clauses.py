"""The clause tree: numbered sections, items and points, found by their markers and their numbering.

Levels are not fixed per marker style; a style takes the level at which it first appears under its
parent, so "1." can be a point under "(一)" in one document and under "一、" in another. A marker opens
a clause only if it continues its style's sequence: the next number (one missing number is tolerated
and noted), or 1 again under a new parent. Items keep counting across sections in most Chinese policy
documents ((五) in section 四 follows (四) in section 三) and restart in others; both pass. Anything
else that looks like a marker — "(2021年9月22日)", "(此件主动公开)", a bracketed abbreviation that
happens to start a wrapped line — stays body text, and so do the headings a table of contents lists
(`contents.py`).

An attachment ("附件2" on a line of its own) after the document's first clause opens a new top-level
clause, under which numbering starts again: a notice's attachments (a ministry's seventeen sector guides,
a plan's two implementation plans, a list of members) are each a part of their own, not the tail of the
notice's last clause. A line "附件：" listing the attachments, before them, is no attachment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from policykg.ingest.contents import contents_markers
from policykg.ingest.markers import Marker, find_markers
from policykg.ingest.model import Clause, Span
from policykg.ingest.regions import gazetteer

_SENTENCE_END = re.compile(r"[。！？!?]|\.(?=\s|$)")
_TITLE_MAX = 200
_TAIL_DATE = re.compile(
    r"^\(?(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})(?:印发|发布)?\)?$"
)
_TAIL_PAREN = re.compile(r"^\([^()\n]{1,40}\)$")
_TAIL_ORG = re.compile(
    r"^(?:中共中央|国务院|[\u4e00-\u9fff]{1,24}?(?:委员会|人民政府|政府|办公厅|办公室|省委|市委|县委|区委|党委|部|厅|局|委|院|中心))$"
)
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_SPEAKER = re.compile(
    r"(?:书记|组长|主任)([\u4e00-\u9fff]{2,3}?)(?:在|到|主持|赴|出席|会见|于|指出|强调|表示)"
)
#: At most this many lines after the last clause can be a signature block.
_TAIL_LINES = 12
_LETTERS = {"section": "s", "item": "i", "point": "p", "subitem": "q", "province": "r"}

ToOriginal = Callable[[int, int], tuple[int, int]]


@dataclass(slots=True)
class Structure:
    clauses: list[Clause]  # top level, each with its children
    body_end: int  # where the text proper ends (a signature block or news-agency line after it is cut)
    gaps: list[tuple[Clause, int]] = field(default_factory=list)  # a clause and the number missing before it
    #: Where the text's front matter ends: its first clause, or the table of contents listing the clauses
    #: before it (`contents.py`), which is no place to read a title or an issuer from.
    preamble_end: int = 0


def build_clauses(text: str, doc_id: str, to_original: ToOriginal, original: str) -> Structure:
    """Clause tree of a normalised text; `to_original(start, end)` maps its ranges into `original`."""
    markers = find_markers(text)
    headings = [m for m in markers if m.style != "ATT"]  # an attachment line is no heading a contents lists
    listed = {headings[n] for n in contents_markers(text, headings)}
    kept = [m for m in markers if m not in listed]
    accepted, gap_indexes = _sequence(kept)
    body_end = _body_end(text, accepted[-1][0].start if accepted else 0)
    uses_item_cn = any(m.style == "I_CN" for m, _ in accepted)
    created: list[Clause] = []
    top: list[Clause] = []
    for marker, parent_index in accepted:
        parent = created[parent_index] if parent_index is not None else None
        path = (*parent.path, marker.number) if parent else (marker.number,)
        kind = _kind(marker.style, parent, uses_item_cn)
        letter = "c" if marker.style == "C" else "a" if marker.style == "ATT" else _LETTERS[kind]
        clause = Clause(
            id=f"{parent.id}.{letter}{marker.value}" if parent else f"{doc_id}~{letter}{marker.value}",
            number=marker.number,
            path=path,
            marker=_as_written(marker, to_original, original),
            kind=kind,
            depth=len(path),
            title="",
            start=marker.start,
            end=marker.start,
            body_start=marker.body_start,
            span=Span(0, 0),
        )
        (parent.children if parent else top).append(clause)
        created.append(clause)
    _set_ends(created, text, body_end)
    seen: set[str] = set()
    for clause, (marker, _) in zip(created, accepted, strict=True):
        clause.title = _title(text, clause, marker)
        clause.span = Span(*to_original(clause.start, clause.end))
        if marker.style == "R":
            clause.attributes.update(_province_attributes(text, clause, marker))
        while clause.id in seen:  # never two clauses with one id, whatever the numbering did
            clause.id += "x"
        seen.add(clause.id)
    front = min([*(m.start for m in listed), *(c.start for c in top[:1])], default=0)
    return Structure(top, body_end, [(created[i], missing) for i, missing in gap_indexes], front)


def body_clauses(text: str, start: int, end: int, to_original: ToOriginal) -> list[Clause]:
    """The clauses of a text that numbers none (a short notice, a method, a news report of a plan): one
    per paragraph of its text proper from `start` (after its title) to `end`, so that what each says is
    read like any clause's, with its years and units its own. Kind "body", ids "~b1", "~b2" …"""
    clauses: list[Clause] = []
    for m in re.finditer(r"[^\n]+", text[:end]):
        if m.end() <= start or not m.group().strip():
            continue
        first = max(m.start(), start)
        while text[first].isspace():
            first += 1
        last = m.end()
        while text[last - 1].isspace():
            last -= 1
        n = len(clauses) + 1
        clauses.append(Clause(id=f"~b{n}", number=str(n), path=(str(n),), marker="", kind="body", depth=1,
                              title="", start=first, end=last, body_start=first, span=Span(*to_original(first, last))))
    return clauses


def name_clauses(clauses: list[Clause], doc_id: str) -> None:
    """Gives a tree built with the empty document id ("~s2.i5") its document's id ("plan~s2.i5")."""
    for top in clauses:
        for clause in top.walk():
            clause.id = doc_id + clause.id


def _as_written(marker: Marker, to_original: ToOriginal, original: str) -> str:
    """The marker as the original writes it ("（五）", "1．"), falling back to the normalised form."""
    start, end = to_original(marker.start, marker.start + len(marker.text))
    written = original[start:end]
    return written if len(written) == len(marker.text) else marker.text


def _sequence(markers: list[Marker]) -> tuple[list[tuple[Marker, int | None]], list[tuple[int, int]]]:
    """The markers that continue their style's numbering, each with its parent's index (None: top level)."""
    stack: list[tuple[str, int]] = []  # (style, index into accepted) from the top down
    last: dict[str, tuple[int, int | None]] = {}  # style → (value, parent index) of its latest clause
    accepted: list[tuple[Marker, int | None]] = []
    gaps: list[tuple[int, int]] = []
    for n, marker in enumerate(markers):
        if marker.style == "ATT":
            if _opens_attachment(marker, markers[n + 1 :], accepted, last.get("ATT")):
                del stack[:]
                accepted.append((marker, None))
                stack.append((marker.style, len(accepted) - 1))
                last[marker.style] = (marker.value, None)
            continue
        styles = [s for s, _ in stack]
        level = styles.index(marker.style) if marker.style in styles else len(stack)
        parent = stack[level - 1][1] if level > 0 else None
        prev = last.get(marker.style)
        gap = None
        if prev is None:
            ok = marker.value == 1
        else:
            value, prev_parent = prev
            restart = marker.value == 1 and prev_parent != parent
            ok = restart or marker.value in (value + 1, value + 2)
            if ok and not restart and marker.value == value + 2:
                gap = value + 1
        if not ok:
            continue
        del stack[level:]
        accepted.append((marker, parent))
        if gap is not None:
            gaps.append((len(accepted) - 1, gap))
        stack.append((marker.style, len(accepted) - 1))
        last[marker.style] = (marker.value, parent)
    return accepted, gaps


def _opens_attachment(marker: Marker, after: list[Marker], accepted: list[tuple[Marker, int | None]],
                      last: tuple[int, int | None] | None) -> bool:
    """An attachment line opens a part when it numbers on from the last attachment, no attachment numbered
    the same or lower follows (else this line lists the attachments to come), and the document has a clause
    before it or another attachment after it (a notice's only attachment, before any clause, is the
    document proper: its outline stays the top level)."""
    if last is not None and marker.value <= last[0]:
        return False
    attachments = [m.value for m in after if m.style == "ATT"]
    if any(value <= marker.value for value in attachments):
        return False
    return bool(accepted) or bool(attachments)


def _kind(style: str, parent: Clause | None, uses_item_cn: bool) -> str:
    if style == "R":
        return "province"
    if parent is None:
        return "section"
    if style in ("S_CN", "CH", "PART"):
        return "section"
    if style in ("I_CN", "ART", "SEC"):
        return "item"
    if style == "I_AR":
        # "(3)" in an English translation stands for "(三)": an item, unless the text also has (三) items.
        return "item" if parent.kind in ("section", "province") and not uses_item_cn else "subitem"
    if style == "C":
        return "subitem"
    return "point"


def _body_end(text: str, last_marker: int) -> int:
    """End of the text proper: trailing signature lines, dates and bracketed notes are cut off."""
    end = len(text)
    line_end = len(text)
    seen = 0
    while line_end > last_marker and seen < _TAIL_LINES:
        s = text.rfind("\n", 0, line_end) + 1
        if s <= last_marker:
            break
        line = text[s:line_end].strip()
        if line:
            if not (_TAIL_DATE.match(line) or _TAIL_PAREN.match(line) or _is_org_line(line)):
                break
            seen += 1
        end = s
        line_end = s - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _is_org_line(line: str) -> bool:
    tokens = [t for t in re.split(r"[ 、]+", line) if t]
    return bool(tokens) and len(line) <= 60 and all(_TAIL_ORG.match(t) for t in tokens)


def _set_ends(created: list[Clause], text: str, body_end: int) -> None:
    """A clause runs to the next clause at its level or above, or to the end of the text proper."""
    open_clauses: list[Clause] = []
    for clause in [*created, None]:
        depth = clause.depth if clause is not None else 0
        while open_clauses and open_clauses[-1].depth >= depth:
            closing = open_clauses.pop()
            end = max(clause.start if clause is not None else body_end, closing.body_start)
            while end > closing.start and text[end - 1].isspace():
                end -= 1
            closing.end = end
        if clause is not None:
            open_clauses.append(clause)


def _title(text: str, clause: Clause, marker: Marker) -> str:
    """The heading: the first sentence after the marker, or the next line when the marker stands alone."""
    heading = text[marker.body_start : marker.line_end].strip()
    if not heading:
        rest = text[marker.line_end : clause.end]
        heading = next((line.strip() for line in rest.split("\n") if line.strip()), "")
    m = _SENTENCE_END.search(heading)
    title = heading[: m.start()] if m else heading
    return title.strip().rstrip(":;,").strip()[:_TITLE_MAX]


def _province_attributes(text: str, clause: Clause, marker: Marker) -> dict[str, str]:
    """Seed-002 style sections: the province, its region id, and the speaker and date of the remarks."""
    heading = text[marker.body_start : marker.line_end].strip()
    region = gazetteer().province_heading(heading)
    attributes = {"province": heading}
    if region:
        attributes["region"] = region.id
    body = text[marker.line_end : clause.end].lstrip()
    first_line = body.split("\n", 1)[0]
    date = _DATE.search(first_line[:40])
    if date:
        y, mo, d = date.groups()
        attributes["date"] = f"{y}-{int(mo):02d}-{int(d):02d}"
    speaker = _SPEAKER.search(first_line)
    if speaker:
        attributes["speaker"] = speaker.group(1)
    return attributes

"""A PDF text layer back into the text a reader sees: edits, so spans still point into the layer.

What the layer does that a reader does not see, and what is edited here (docs/pdf.md):
- page numbers and running heads at a page's edges ("— 3 —", "－23－", "第3页 共12页"), which a page
  break leaves inside a sentence: dropped;
- lines wrapped by the layout inside sentences, list items, responsibility lists ("（责任单\\n位：…）")
  and titles ("…关于实施林业碳汇\\n“三建两创”行动…的通知"), also across a page break: joined;
- spaces between Chinese characters (letter-spaced names, "比 2020 年下降 18%"): removed, while the
  spaces between Latin words and numbers stay; table rows keep theirs (they separate cells);
- a figure of running text cut by a space or a line end ("达 14. 5 平方米", "达到 2" + "04 万千瓦"): read whole;
- Kangxi radicals and compatibility ideographs that some fonts map to ("⾏" for 行): one-to-one to the
  ideograph (`radical_fold`, a same-length rewrite).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from policykg.ingest.doctypes import TITLE_WORDS
from policykg.ingest.fold import squash
from policykg.ingest.pdf_tables import ROW_SEPARATOR
from policykg.ingest.pdf_text import PAGE_BREAK
from policykg.ingest.textmap import Edit

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·"
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—–－~·•]{0,3}\s*\d{1,4}\s*[-—–－~·•]{0,3}"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[-—–－]\s*[ivxlcIVXLC]{1,6}\s*[-—–－])\s*$"
)
_SENTENCE_END = tuple("。！？；!?;")
_LIST_OPEN = tuple("：:")
_STARTS_CLAUSE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]\D|[①-⑳]"
    r"|第[一二三四五六七八九十百零〇\d]{1,4}[章节条部分篇]|附件|附表|附\s*件|抄送|印发|[★●■◆•])"
)
_CONTINUES = tuple("）)、，,。；;：:%”》」")
#: A line of a table of contents ending in its leader of dots: "二、形势分析……………" + "9".
_LEADER_END = re.compile(r"(?:[.·…．]{4,}|…{2,})\s*$")
_ATTACHMENTS = re.compile(r"\s*附\s*件")
_CAPTION = re.compile(r"\s*(?:附\s*)?表\s*\d")
#: A table's unit on a line of its own ("单位：万千瓦"), not a list of units wrapped after "（责任" + "单位：…".
_UNIT_LINE = re.compile(r"\s*[(（]?\s*单\s*位\s*[:：]\s*[^\s、,，；;]{1,8}\s*[)）]?\s*$")
#: A title's last word: a genre word (ingest/doctypes.py), then perhaps a bracketed remark.
_DOC_WORD = re.compile("(?:" + "|".join(TITLE_WORDS) + r")(?:[（(][^（）()]{1,16}[)）])?$")
_PROSE_MARK = re.compile(r"[，。、；：“”]")
_REMARK = re.compile(r"[（(][^（）()]{0,12}(?:年|版|试行|暂行|草案|征求意见稿|修订|修订版)[)）]")
_TABLE_ROW = re.compile(re.escape(ROW_SEPARATOR))
#: The end of a covering notice's title wrapped after the plan it carries: "（2022—2025年）的通知".
_NOTICE_END = re.compile(r"(?:[（(][^（）()]{1,16}[)）])?》?的通知")
#: A wrapped notice title's line that starts with 印发 (not the 印发 line of a document's foot).
_NOTICE_PART = re.compile(r"印发[^:：\d\s]")
_TITLE_STOP = re.compile(r"[。，；;：:,]")
_DATE = re.compile(r"\d{4}年\d{1,2}月|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月")
#: A line that is a date and nothing else: "2020 年 10 月 23 日", "（二〇二二年五月七日）".
_DATE_ALONE = re.compile(r"[(（]?(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)[)）]?")
#: The rest of a date wrapped after its year: "年 10 月 23 日".
_DATE_TAIL = re.compile(r"年\d{1,2}月\d{1,2}日[)）]?")
_NUMBER = re.compile(r"[〔\[【(（]\d{4}[〕\]】)）]\d*号|\d+号$")
_NUMBER_LINE = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[【(（]\d{4}[〕\]】)）]\d{1,4}号")  # a 文号 on its own line
_ISSUER_LINE = re.compile(r"(?:人民政府|委员会|办公厅|办公室|[厅局部委院])$")
_SPACED_PAIR = re.compile(rf"(?<=[{_CJK}])[ \u3000](?=[{_CJK}])")  # an ideographic space too
_TIGHT_PAIR = re.compile(rf"[{_CJK}](?=[{_CJK}])")
_SPACE_BY_CJK = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \t]+(?=[{_CJK}{_CJK_PUNCT}\w%(（])|(?<=[\w%)）])[ \t]+(?=[{_CJK}{_CJK_PUNCT}])"
)
#: Spaces inside a date or a number with its measure word, in any line: "2021 年 10 月 24 日", "39 号".
_SPACE_IN_DATE = re.compile(r"(?<=\d)[ \t]+(?=[年月日号])|(?<=[年月])[ \t]+(?=\d)")
#: A figure of running text that the layer split with a space, between Chinese words: "达14. 5平方米",
#: "装机容量达到2 04万千瓦", "声明率达到8 5%以上" (a table's cells never sit between two Chinese words).
_SPLIT_FIGURE = re.compile(
    rf"(?<=[{_CJK}])[ \t]*\d{{1,3}}\.?([ \t])\d{{1,3}}(?:\.\d+)?[ \t]*(?=%|[{_CJK}])(?![年月日号])"
)
#: The same cut by a line's end (the two lines' text around the "\n" where they meet).
_FIGURE_WRAPPED = re.compile(
    rf"(?s).*[{_CJK}][ \t]*\d{{1,3}}\.?\n\d{{1,3}}(?:\.\d+)?[ \t]*(?:%|[{_CJK}])(?<![年月日号])"
)
_RADICALS = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")
#: Lines at each page edge where running heads and page numbers are looked for.
_EDGE_LINES = 2
#: A title wraps over at most this many lines.
_TITLE_LINES = 3
_TITLE_MAX_CHARS = 90


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # exclusive, before the line end
    text: str
    page: int
    rank: int  # position among the page's non-blank lines


@dataclass(slots=True)
class Layout:
    """The edits, plus what they did, for the document's notes."""

    edits: list[Edit] = field(default_factory=list)
    dropped: list[tuple[int, int, str]] = field(default_factory=list)  # page furniture removed
    joined: int = 0
    spaces: int = 0


def layout_edits(text: str) -> Layout:
    """Edits that turn a PDF's page texts (joined by PAGE_BREAK, LF line ends) into reading text."""
    lines = _lines(text)
    dropped = _furniture(lines)
    content = [line for line in lines if line.text.strip() and id(line) not in dropped]
    full = _full_width(content)
    out = Layout()
    for line in lines:
        if id(line) in dropped:
            out.dropped.append((line.start, line.end, line.text.strip()))

    gap_edits: list[Edit] = []
    i = 0
    while i < len(content) - 1:
        a = content[i]
        n = _title_join(content, i, full)
        if n and i + n + 1 < len(content) and _title_remark(content[i + n + 1].text):
            n += 1  # "…行动方案" + "（2022-2025年）"
        elif not n and _DOC_WORD.search(squash(a.text)) and _title_remark(content[i + 1].text):
            n = 1
        if n or _joins(a, content[i + 1], full):
            last = i + (n or 1)
            for k in range(i, last):
                gap_edits.append(_glue(text, content[k], content[k + 1]))
                out.joined += 1
            i = last
            continue
        i += 1
    joined_gaps = {(e.start, e.end) for e in gap_edits}
    # a line glued to a line of prose goes on its paragraph: prose too, however short the layout left it
    glued = {id(b) for a, b in zip(content, content[1:], strict=False)
             if (a.end, b.start) in joined_gaps and _prose(a.text, full)}
    dropped_starts = sorted(line.start for line in lines if id(line) in dropped)
    for a, b in zip(content, content[1:], strict=False):
        if (a.end, b.start) in joined_gaps:
            continue
        k = bisect_left(dropped_starts, a.end)
        if k < len(dropped_starts) and dropped_starts[k] < b.start:
            gap_edits.append(Edit(a.end, b.start, "\n"))  # furniture between two paragraphs goes, one line end stays
    # furniture before the first or after the last content line
    if content:
        for line in lines:
            if id(line) in dropped and (line.end <= content[0].start or line.start >= content[-1].end):
                end = min(line.end + 1, len(text))
                gap_edits.append(Edit(line.start, end, ""))

    line_edits: list[Edit] = []
    for line in content:
        for m in _space_edits(line.text, full, id(line) in glued):
            line_edits.append(Edit(line.start + m[0], line.start + m[1], ""))
            out.spaces += 1
    out.edits = _merged(gap_edits + line_edits)
    return out


def _merged(edits: list[Edit]) -> list[Edit]:
    """Sorted edits with overlapping ones made one (a join's gap can hold a dropped page number)."""
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if out and e.start < out[-1].end:
            last = out[-1]
            out[-1] = Edit(last.start, max(last.end, e.end), last.text or e.text)
        else:
            out.append(e)
    return out


def radical_fold(text: str) -> str:
    """Kangxi radicals and compatibility ideographs as their ideographs, one for one (same length)."""
    if not _RADICALS.search(text):
        return text

    def fold(m: re.Match[str]) -> str:
        folded = unicodedata.normalize("NFKC", m.group(0))
        return folded if len(folded) == 1 else m.group(0)

    return _RADICALS.sub(fold, text)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    page = 0
    rank = 0
    for chunk in re.split(r"(\n|" + re.escape(PAGE_BREAK) + ")", text):
        if chunk == "\n":
            pos += 1
            continue
        if chunk == PAGE_BREAK:
            pos += 1
            page += 1
            rank = 0
            continue
        out.append(_Line(pos, pos + len(chunk), chunk, page, rank))
        if chunk.strip():
            rank += 1
        pos += len(chunk)
    return out


def _furniture(lines: list[_Line]) -> set[int]:
    """ids of the lines that are page numbers or running heads at a page's edge."""
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        if line.text.strip():
            by_page.setdefault(line.page, []).append(line)
    if len(by_page) < 2:
        return set()
    edges = [page[:_EDGE_LINES] + page[-_EDGE_LINES:] for page in by_page.values()]
    dropped = {id(line) for edge in edges for line in edge if _PAGE_FURNITURE.match(line.text)}
    # running heads: the same short line (digits aside) at the edge of many pages
    seen: dict[str, int] = {}
    for edge in edges:
        for key in {_head_key(line.text) for line in edge}:
            seen[key] = seen.get(key, 0) + 1
    repeated = {k for k, n in seen.items() if n >= 3 and n >= 0.4 * len(by_page) and 0 < len(k) <= 40}
    for edge in edges:
        for line in edge:
            if _head_key(line.text) in repeated:
                dropped.add(id(line))
    # a page number under a running head ("重庆市人民政府行政规范性文件" / "- 2 -") is at the edge once the head is out
    for page in by_page.values():
        rest = [line for line in page if id(line) not in dropped]
        for line in rest[:_EDGE_LINES] + rest[-_EDGE_LINES:]:
            if _PAGE_FURNITURE.match(line.text):
                dropped.add(id(line))
    return dropped


def _head_key(line: str) -> str:
    return re.sub(r"\d+", "#", squash(line))


def _width(s: str) -> float:
    """Printed width in Chinese characters: a wide character counts 1, a narrow one 1/2."""
    t = s.strip()
    if _letter_spaced(t):
        t = _SPACED_PAIR.sub("", t)  # "关 于 印 发 …": as wide as its characters
    wide = (len(t.encode("utf-8")) - len(t)) // 2  # characters of three UTF-8 bytes (CJK)
    return wide + 0.5 * (len(t) - wide)


#: Least share of the long lines printed at the most common width for that width to be the text's line length.
_BODY_SHARE = 0.2


def _full_width(content: list[_Line]) -> float:
    """The width of a full line of the text proper: the width most long lines are printed at (a plan's
    body, 28 characters), else the 90th percentile. Wider lines elsewhere (a covering notice set wider, a
    table) must not raise it: a body line of 28 would then never read as wrapped, and its sentence would
    end at every line of the layout."""
    widths = sorted(_width(line.text) for line in content if _width(line.text) >= 10)
    if len(widths) < 5:
        return 0.0
    width, count = Counter(round(w) for w in widths).most_common(1)[0]
    if count >= _BODY_SHARE * len(widths):
        return float(width)
    return widths[int(0.9 * (len(widths) - 1))]


def _open_quotes(s: str) -> int:
    return s.count("《") - s.count("》")


def _open_brackets(s: str) -> int:
    return s.count("（") + s.count("(") - s.count("）") - s.count(")")


def _joins(a: _Line, b: _Line, full: float) -> bool:
    left, right = a.text.rstrip(), b.text.strip()
    if not left or not right:
        return False
    if left.endswith("关于") or (_open_quotes(left) > 0 and _open_quotes(right) <= 0):
        return True  # "…等部门关于" / "印发《…碳中和" + "目标要求…》的通知": one title
    if _STARTS_CLAUSE.match(right):
        return False
    if _TABLE_ROW.search(left) or _TABLE_ROW.search(right):
        return False  # a table's row is a line of its own (ingest/pdf_tables.py)
    if (left.endswith(_SENTENCE_END) or _LEADER_END.search(left) or _ATTACHMENTS.match(left)
            or _CAPTION.match(left) or _UNIT_LINE.match(right)):
        # a sentence's end; a contents line's leader of dots (its page number on the next line); the line
        # naming a notice's attachments, before its signature; a table's caption and its unit line
        return False
    if right.startswith(_CONTINUES):
        return True
    if left.endswith(_LIST_OPEN) or _NUMBER_LINE.fullmatch(squash(right)) or _DATE.match(squash(right)):
        return False
    if re.fullmatch(r"\d{4}", squash(left)) and _DATE_TAIL.fullmatch(squash(right)):
        return True  # "2020" + "年 10 月 23 日": a date wrapped after its year
    if _DATE_ALONE.fullmatch(squash(left)) or _DATE_TAIL.fullmatch(squash(left)):
        return False  # a signature's date ends its block, however wide the layer prints it
    if (_DOC_WORD.search(squash(left)) and len(squash(left)) <= _TITLE_MAX_CHARS
            and not re.search(r"[，。；,;]", left) and right.endswith((":", "：")) and len(right) <= 80):
        return False  # a title, then the salutation of a notice ("各有关单位:")
    if _open_brackets(left) > 0 and _open_brackets(right) < 0:
        return True
    if left.endswith(("，", "、", ",")):
        return True
    return full > 0 and _width(left) >= 0.85 * full


def _title_join(content: list[_Line], i: int, full: float) -> int:
    """How many following lines continue a title wrapped at line i (0 when it is not one).

    A title is a run of at most three short lines without sentence punctuation, dates, document
    numbers or bracketed remarks, whose joined text ends with a document word (…方案, …的通知).
    """
    first = content[i]
    if not _title_part(first.text) or _DOC_WORD.search(squash(first.text)):
        return 0
    if full > 0 and _width(first.text) >= 0.95 * full:
        return 0
    joined = squash(first.text)
    for n in range(1, _TITLE_LINES):
        if i + n >= len(content):
            return 0
        nxt = content[i + n]
        if nxt.page != first.page or not _title_part(nxt.text):
            return 0
        joined += squash(nxt.text)
        if len(joined) > _TITLE_MAX_CHARS:
            return 0
        if _DOC_WORD.search(joined):
            after = content[i + n + 1] if i + n + 1 < len(content) else None
            if after is not None and after.page == first.page and _NOTICE_END.fullmatch(squash(after.text)):
                return n + 1  # "…行动计划" + "（2022—2025 年）的通知": the plan is the notice's
            return n
    return 0


def _title_remark(line: str) -> bool:
    """A bracketed remark that belongs to the title above it: （试行）, （2021—2030年）."""
    bare = squash(line)
    return bool(_REMARK.fullmatch(bare)) and not _DATE.search(bare)



def _title_part(line: str) -> bool:
    """Whether a line can be part of a wrapped title."""
    bare = squash(line)
    return bool(bare) and not (
        _TITLE_STOP.search(bare)
        or (_STARTS_CLAUSE.match(bare) and not _NOTICE_PART.match(bare))
        or _DATE.search(bare)
        or _DATE_TAIL.match(bare)
        or _NUMBER.search(bare)
        or (bare[0] in "(（" and bare[-1] in ")）")
        or (_ISSUER_LINE.search(bare) and "关于" not in bare and "印发" not in bare)
    )


def _glue(text: str, a: _Line, b: _Line) -> Edit:
    """The gap between two lines of one paragraph: nothing, or one space between two Latin words."""
    left = text[a.end - 1 : a.end] if a.end > a.start else ""
    start = a.end
    while start > a.start and text[start - 1] in " \t":
        start -= 1
    right_start = b.start + (len(b.text) - len(b.text.lstrip()))
    right = text[right_start : right_start + 1]
    latin = left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
    if latin and _FIGURE_WRAPPED.match(text[a.start : start] + "\n" + text[right_start : b.end]):
        latin = False  # "装机容量达到 2" + "04 万千瓦": one figure of Chinese prose that the line cut
    return Edit(start, right_start, " " if latin and right_start > start else "")


def _letter_spaced(line: str) -> bool:
    """A line with a space between (most) Chinese characters."""
    spaced = len(_SPACED_PAIR.findall(line))
    return spaced >= 2 and spaced >= len(_TIGHT_PAIR.findall(line))


def _prose(line: str, full: float) -> bool:
    """A line of running text, not a table's or a title's: punctuated, or wide."""
    return bool(_PROSE_MARK.search(line)) or (full > 0 and _width(line) >= 0.6 * full)


def _space_edits(line: str, full: float, glued: bool = False) -> list[tuple[int, int]]:
    """Ranges of spaces to delete inside one line (`glued`: the line goes on the paragraph before it)."""
    if _letter_spaced(line):
        return [(m.start(), m.end()) for m in re.finditer(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \u3000]+(?=[{_CJK}{_CJK_PUNCT}])", line)]
    if not (glued or _prose(line, full)):
        return [(m.start(), m.end()) for m in _SPACE_IN_DATE.finditer(line)]
    found = [(m.start(), m.end()) for m in _SPACE_BY_CJK.finditer(line)]
    found += [(m.start(1), m.end(1)) for m in _SPLIT_FIGURE.finditer(line)]
    return sorted(found)

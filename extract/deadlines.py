"""Deadlines and time scopes: "到2025年", "2030年前", "“十四五”时期", "2021年四季度", "by 2060", "持续推进".

A deadline is a time interval with inclusive years (`start_date`..`end_date`, either open). Policy texts
also use year markers as headings for what follows ("到2025年,…;…" sets 2025 for every target of the
sentence, and a paragraph opening with "到2025年," for the whole paragraph); `year_scopes` says which
character ranges each marker governs, so targets and measures can take their year from it.

Offsets are into the text given (normalised simplified Chinese with half-width ASCII, or English).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from policykg.extract.model import Deadline, Provenance
from policykg.extract.scan import last_match_end

__all__ = ["EXTRACTOR", "DeadlineHit", "extract_deadlines", "five_year_plan", "year_scopes"]

EXTRACTOR = "policykg.extract.deadlines"


@dataclass(frozen=True, slots=True)
class DeadlineHit:
    """A time expression found at [start, end) of the text; dates are ISO years or days, inclusive."""

    start: int
    end: int
    label: str  # the surface form without quotation marks: "到2025年", "十四五时期", "by 2060"
    kind: str  # "by" | "before" | "period" | "quarter" | "ongoing" | "year"
    start_date: str | None  # "2021", "2021-10-01"; None = open
    end_date: str | None  # "2025", "2024-12-31"; None = open
    ongoing: bool = False
    confidence: float = 1.0

    @property
    def year(self) -> int | None:
        """The year this expression points at: its end, or its start when it is open-ended."""
        date = self.end_date or self.start_date
        return int(date[:4]) if date else None

    def to_deadline(self, provenance: Provenance) -> Deadline:
        return Deadline(self.label, self.start_date, self.end_date, self.kind, provenance, self.ongoing)


# --- five-year plans -------------------------------------------------------------------------------
_ORDINALS = {
    "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15,
    "十六": 16, "十七": 17,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
}


#: What compares a change with a base right before it: "较", "比", "相较于", "与…相比".
_COMPARED_WITH = re.compile(r"(?:较|比|相较于?|相比于?|与)\s*$")


def five_year_plan(ordinal: str | int) -> tuple[int, int] | None:
    """(first, last) year of the n-th five-year plan, from the 6th (1981-1985) on: 14 → (2021, 2025)."""
    if isinstance(ordinal, str):
        word = ordinal.strip().lower()
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word)
        n = int(m.group(1)) if m else _ORDINALS.get(word)
    else:
        n = ordinal
    if n is None or not 6 <= n <= 17:
        return None
    first = 1981 + 5 * (n - 6)
    return first, first + 4


# --- patterns --------------------------------------------------------------------------------------
_Y = r"(?<![\d.])((?:19|20)\d{2})"
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
             "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER_DATES = {1: ("01-01", "03-31"), 2: ("04-01", "06-30"), 3: ("07-01", "09-30"), 4: ("10-01", "12-31")}

#: Phrases that put a measure under no deadline but a standing order.
ONGOING_ZH = ("持续推进", "长期坚持", "持续开展", "持续实施", "长期推进", "常态化开展", "久久为功", "常抓不懈")
ONGOING_EN = (
    "continue to promote", "continuously promote", "continue to advance", "continuously advance",
    "on an ongoing basis", "persist in the long term", "adhere to it for a long time",
)

# A year followed by one of these is a date, an age, a base or a title, not a time scope; 年中 is mid-year
# ("2022年中", "年中期"), but not in 中心 ("到2025年中心城区…": the year, then the central district).
_NOT_A_SCOPE_AFTER_YEAR = r"(?![\d月日度内初份的前后来版号为以水相比]|中(?!心)|\s*\d|\s*月)"
_ZH_CLAUSE_EDGE = r"(?:^|(?<=[\n,;。:、“\"( \t]))"
#: What was built, put in service or bought before a year (or in years): the year dates the thing, it is no deadline
#: ("2005年前建成的城镇老旧小区", "2001-2005年建成小区", "1980年至2000年期间建成的老旧小区").
_MADE_BEFORE = (r"(?:建成|建设|建造|修建|竣工|投运|投产|投入使用|出厂|生产|购置|注册|登记)(?:并[\u4e00-\u9fff]{2,4})?"
                r"(?:的|(?=(?:城镇)?(?:老旧)?(?:小区|住宅|居住区)))")
_TITLE_AFTER = re.compile(r"[^,;。\n]{0,8}(?:行动方案|实施方案|工作方案|规划|纲要)")


def _iso(year: str, month_day: str | None = None) -> str:
    return f"{year}-{month_day}" if month_day else year


# start, end, kind, start_date, end_date, confidence, label (None: the surface form)
Hit = tuple[int, int, str, str | None, str | None, float, str | None]


def _zh_hits(text: str) -> Iterator[Hit]:
    for m in re.finditer(rf"(?:从|自)?{_Y}\s*年?\s*(?:-|—|–|~|～|至|到)\s*{_Y}\s*年(?!\s*(?:期间|间)?(?:底|末)?\s*(?:前|以前|之前)?\s*{_MADE_BEFORE})", text):
        if int(m.group(1)) < int(m.group(2)):
            yield m.start(), m.end(), "period", m.group(1), m.group(2), 1.0, None
    # "到2025年", "到2025年底", "到2025年和2030年", "于2030年前"; a plan's vision: "展望2035年,…基本实现"
    by = (rf"(?:到|至|截至|截止到|截止|于|展望)\s*{_Y}\s*年\s*(底|末)?\s*(前|以前|之前)?(?!后){_NOT_A_SCOPE_AFTER_YEAR}"
          rf"(?!\s*(?:期间|间)\s*{_MADE_BEFORE})")
    for m in re.finditer(by, text):
        kind = "before" if m.group(3) else "by"
        yield m.start(), m.end(), kind, None, _iso(m.group(1), "12-31" if m.group(2) else None), 1.0, None
        yield from _zh_more_years(text, m.end(), kind)
    # not a year that dates what a noun names: "基本完成2005年前建成的城镇老旧小区改造"
    for m in re.finditer(rf"{_Y}\s*年\s*(底|末)?\s*(?:前|以前|之前)(?!后)(?!{_MADE_BEFORE})", text):
        yield m.start(), m.end(), "before", None, _iso(m.group(1), "12-31" if m.group(2) else None), 1.0, None
    for m in re.finditer(rf"{_Y}\s*年\s*(?:底|末)(?!\s*(?:前|以前|之前))", text):
        yield m.start(), m.end(), "by", None, _iso(m.group(1), "12-31"), 1.0, None
    for m in re.finditer(rf"{_Y}\s*年\s*第?\s*([一二三四1-4])\s*季度", text):
        first, last = _QUARTER_DATES[_QUARTERS[m.group(2)]]
        yield m.start(), m.end(), "quarter", _iso(m.group(1), first), _iso(m.group(1), last), 1.0, None
    for m in re.finditer(rf"{_Y}\s*年\s*(上|下)半年", text):
        first, last = ("01-01", "06-30") if m.group(2) == "上" else ("07-01", "12-31")
        yield m.start(), m.end(), "period", _iso(m.group(1), first), _iso(m.group(1), last), 1.0, None
    for m in re.finditer(r"(?<![\d年])(?:上|下)半年", text):
        yield m.start(), m.end(), "period", None, None, 0.6, None
    for m in re.finditer(r"(?<![\d年])(?:年底|年末)\s*(?:前|以前|之前)", text):
        yield m.start(), m.end(), "before", None, None, 0.6, None
    for m in re.finditer(rf"(?:从|自)?\s*{_Y}\s*年\s*(?:起|开始)", text):
        yield m.start(), m.end(), "period", m.group(1), None, 0.9, None
    for m in re.finditer(r"(?:到|至)?本世纪中叶", text):
        yield m.start(), m.end(), "by", None, "2050", 0.9, None
    # "“十四五”时期", "“十四五”、“十五五”期间", "十四五末", "“十四五”期末"
    plan = r"[“\"]?(?:十[一二三四五六七]|[六七八九])五[”\"]?"
    for m in re.finditer(rf"(?:{plan}\s*(?:、|和|与|及)?\s*)+(时期|期间|期末|末期|末|内|规划期内|规划期间)", text):
        suffix = "末" if m.group(1) in ("期末", "末期") else m.group(1)  # "到“十四五”期末": its end
        if suffix == "末" and _COMPARED_WITH.search(text, max(0, m.start() - 4), m.start()):
            continue  # "相较于“十三五”末": a base the change is measured from, no deadline
        names = list(re.finditer(r"(十[一二三四五六七]|[六七八九])五", m.group()))
        for i, p in enumerate(names):
            years = five_year_plan(p.group(1))
            if years is None:
                continue
            start = m.start() + p.start()
            end = m.end() if i == len(names) - 1 else m.start() + p.end()
            label = f"{p.group()}{suffix}"
            if suffix == "末":
                yield start, end, "by", None, str(years[1]), 1.0, label
            else:
                yield start, end, "period", str(years[0]), str(years[1]), 1.0, label
    # a plan's name right before the amount it adds: "实现“十四五”新增创建省级及以上绿色工厂500家以上"
    # …or striving for it first: "“十四五”争取国家规划新增支撑保障型煤电900万千瓦"
    for m in re.finditer(rf"{plan}(?=\s*(?:(?:争取|力争)[\u4e00-\u9fff]{{0,4}}?)?(?:累计|新增|新建|建成|完成|淘汰|压减|削减|减少|节约|替代|推广|改造|培育|创建))", text):
        years = five_year_plan(re.search(r"(十[一二三四五六七]|[六七八九])五", m.group()).group(1))  # type: ignore[union-attr]
        if years is not None:
            yield m.start(), m.end(), "period", str(years[0]), str(years[1]), 0.9, m.group().strip("“”\"")
    # a bare year opening a clause: "2025年再生铝产量达到…", "2025年和2030年,…", "力争2021年全省绿色贷款新增…"
    # …and one opening a share of a population: "…,2022年60%以上城市社区达到绿色社区创建要求"
    for m in re.finditer(rf"{_ZH_CLAUSE_EDGE}(?:力争|确保|争取|在|于)?{_Y}\s*年(?=\s*\d+(?:\.\d+)?\s*%)", text):
        yield m.start(), m.end(), "year", m.group(1), m.group(1), 0.8, None
    for m in re.finditer(rf"{_ZH_CLAUSE_EDGE}(?:力争|确保|争取|在|于)?{_Y}\s*年(?!\s*(?:-|—|–|~|～|至|到(?!达)|底|末)){_NOT_A_SCOPE_AFTER_YEAR}", text):
        yield m.start(), m.end(), "year", m.group(1), m.group(1), 0.8, None
        yield from _zh_more_years(text, m.end(), "year")
    for phrase in ONGOING_ZH:
        for m in re.finditer(re.escape(phrase), text):
            yield m.start(), m.end(), "ongoing", None, None, 0.8, None


def _zh_more_years(text: str, pos: int, kind: str) -> Iterator[Hit]:
    """The further years of "到2025年和2030年": each its own hit, of the first one's kind."""
    more = re.compile(rf"\s*(?:和|、|与|及)\s*{_Y}\s*年\s*(底|末)?\s*(前|以前|之前)?{_NOT_A_SCOPE_AFTER_YEAR}")
    while m := more.match(text, pos):
        s = m.start(1)
        end_date = _iso(m.group(1), "12-31" if m.group(2) else None)
        start_date = m.group(1) if kind == "year" else None
        yield s, m.end(), kind, start_date, end_date, 1.0, None
        pos = m.end()


_EN_Y = rf"{_Y}(?![\d%]|\.\d|\s*(?:%|percent))"


def _en_hits(text: str) -> Iterator[Hit]:
    flags = re.IGNORECASE
    for m in re.finditer(rf"\b(?:from\s+{_EN_Y}\s+(?:to|until|through)|between\s+{_EN_Y}\s+and)\s+{_EN_Y}", text, flags):
        first, last = m.group(1) or m.group(2), m.group(3)
        if int(first) < int(last):
            yield m.start(), m.end(), "period", first, last, 1.0, None
    for m in re.finditer(rf"{_EN_Y}\s*[-–—]\s*{_EN_Y}", text):
        if int(m.group(1)) < int(m.group(2)):
            yield m.start(), m.end(), "period", m.group(1), m.group(2), 1.0, None
    for m in re.finditer(rf"\b(by|until|till|before)\s+(the\s+end\s+of\s+)?{_EN_Y}", text, flags):
        kind = "before" if m.group(1).lower() == "before" else "by"
        yield m.start(), m.end(), kind, None, _iso(m.group(3), "12-31" if m.group(2) else None), 1.0, None
        pos = m.end()
        while more := re.compile(rf"\s*(?:,|and|,\s*and)\s+{_EN_Y}").match(text, pos):
            yield more.start(1), more.end(), kind, None, more.group(1), 1.0, None
            pos = more.end()
    for m in re.finditer(rf"(?<!by )(?<!before )\b(?:at\s+)?the\s+end\s+of\s+{_EN_Y}", text, flags):
        yield m.start(), m.end(), "by", None, _iso(m.group(1), "12-31"), 1.0, None
    for m in re.finditer(rf"\b(?:in\s+)?the\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+{_EN_Y}", text, flags):
        first, last = _QUARTER_DATES[_QUARTERS[m.group(1).lower()]]
        yield m.start(), m.end(), "quarter", _iso(m.group(2), first), _iso(m.group(2), last), 1.0, None
    for m in re.finditer(rf"\b(?:in\s+)?the\s+(first|second)\s+half\s+of\s+{_EN_Y}", text, flags):
        first, last = ("01-01", "06-30") if m.group(1).lower() == "first" else ("07-01", "12-31")
        yield m.start(), m.end(), "period", _iso(m.group(2), first), _iso(m.group(2), last), 1.0, None
    for m in re.finditer(rf"\b(?:starting|beginning)\s+(?:from|in)\s+{_EN_Y}|\bfrom\s+{_EN_Y}\s+on(?:wards?)?\b", text, flags):
        yield m.start(), m.end(), "period", m.group(1) or m.group(2), None, 0.9, None
    for m in re.finditer(r"\bby\s+(?:the\s+middle\s+of\s+(?:this|the)\s+century|mid-century)\b", text, flags):
        yield m.start(), m.end(), "by", None, "2050", 0.9, None
    ordinal = r"(\d{1,2}(?:st|nd|rd|th)|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth)"
    plan = rf"(?:the\s+)?[\"“]?{ordinal}\s+five[- ]year\s+plan[\"”]?"
    for m in re.finditer(rf"\b(by\s+the\s+end\s+of\s+|during\s+|in\s+|within\s+|throughout\s+|over\s+)?{plan}(\s+period)?", text, flags):
        years = five_year_plan(m.group(2))
        lead = (m.group(1) or "").lower()
        if years is None or not (lead.startswith(("during", "within", "throughout", "over", "by")) or m.group(3)):
            continue
        if lead.startswith("by"):
            yield m.start(), m.end(), "by", None, str(years[1]), 1.0, None
        else:
            yield m.start(), m.end(), "period", str(years[0]), str(years[1]), 1.0, None
    for m in re.finditer(rf"(?:(?<=^)|(?<=\n)|(?<=[.;]\s))In\s+{_EN_Y}\s*,", text):
        yield m.start(), m.end() - 1, "year", m.group(1), m.group(1), 0.8, None
    for phrase in ONGOING_EN:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", text, flags):
            yield m.start(), m.end(), "ongoing", None, None, 0.8, None


def _title_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^》\n]{0,80}》", text)]


def _label(surface: str) -> str:
    return re.sub(r"[“”\"]", "", surface).strip()


def extract_deadlines(text: str, lang: str) -> list[DeadlineHit]:
    """Every deadline, period and standing order of `text`, in reading order, none overlapping."""
    hits_of: Callable[[str], Iterator[Hit]] = _en_hits if lang == "en" else _zh_hits
    titles = _title_ranges(text)
    # longest first at each start; of two readings of one span the surer one ("于2025年" is a deadline "by"
    # before it is a bare year), then a fixed order: never the order of a set, which varies between processes
    candidates = sorted(set(hits_of(text)), key=lambda h: (h[0], -(h[1] - h[0]), -h[5], h[2], str(h[3]), str(h[4]),
                                                           str(h[6])))
    result: list[DeadlineHit] = []
    taken_until = -1
    for start, end, kind, start_date, end_date, confidence, label in candidates:
        if start < taken_until or end <= start:
            continue
        if any(a <= start < b for a, b in titles):
            continue  # "《2030年前碳达峰行动方案》" names a document
        if kind in ("by", "before") and lang != "en" and _TITLE_AFTER.match(text, end) and "到" not in text[start:end]:
            continue  # "落实2030年前碳达峰行动方案" without 《》
        while start < end and text[start] in " \t":
            start += 1
        result.append(
            DeadlineHit(
                start, end, label or _label(text[start:end]), kind, start_date, end_date, kind == "ongoing", confidence
            )
        )
        taken_until = end
    return result


# --- scopes ----------------------------------------------------------------------------------------
_SENTENCE_END = {"zh": re.compile(r"[。!?！？]"), "en": re.compile(r"[.!?](?=\s|$)")}
_SEGMENT_EDGE = re.compile(r"[,;:，；：。!?！？\n]|\.(?=\s|$)")
_CLAUSE_MARKER = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.]|\d+[.．、]|[①-⑳])\s*"
)
_HEADING = re.compile(r"^[^,;。.\n]{0,16}[。:.：]?\s*$")
_SCOPE_LEAD_WORDS = re.compile(r"^(?:力争|确保|争取|在|于)?$")


#: A line that is only a year's heading over the lines below it: "2025年城镇环境基础设施建设主要目标:" (a box
#: of goals, one line per field, names its year once above them).
_YEAR_HEADING_ZH = re.compile(r"[^\n,;，；。!?！？]{0,30}(?:目标|指标)(?:表|任务)?\s*[:：]?\s*$")


def _heads_lines_below(text: str, anchor_end: int, p_end: int) -> bool:
    """Whether the rest of a marker's line after it is a heading of goals, so the marker governs the lines below."""
    return bool(_YEAR_HEADING_ZH.fullmatch(text, anchor_end, p_end))


def _detect_lang(text: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"


def _opens_paragraph(lead: str) -> bool:
    """True when only a clause marker or a short heading stands before a marker in its paragraph."""
    lead = _CLAUSE_MARKER.sub("", lead).strip()
    if not lead:
        return True
    return bool(_HEADING.match(lead)) and lead[-1:] in "。:.：" or bool(_SCOPE_LEAD_WORDS.match(lead))


def _groups(text: str, hits: list[DeadlineHit], lang: str) -> list[list[DeadlineHit]]:
    """Markers written together ("到2025年和2030年", "“十四五”、“十五五”期间") govern the same range."""
    joiner = re.compile(r"^\s*(?:and|,|,\s*and)?\s*$", re.IGNORECASE) if lang == "en" else re.compile(r"^[\s和、与及“”\"]*$")
    groups: list[list[DeadlineHit]] = []
    for hit in hits:
        if groups and joiner.match(text[groups[-1][-1].end:hit.start]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def year_scopes(text: str, lang: str | None = None, hits: list[DeadlineHit] | None = None) -> list[tuple[int, int, int]]:
    """(start, end, year) for every year marker: the range of `text` whose targets and measures it governs.

    A marker that opens its paragraph (after at most a clause number or a short heading) governs the
    paragraph; any other governs its sentence from the clause it stands in. Either way it stops where
    the next marker's range begins. Markers written together share one range, one tuple per year.
    `hits` are the text's deadlines when the caller already has them.
    """
    return [(start, end, hit.year) for start, end, hit in deadline_scopes(text, lang, hits) if hit.year is not None]


def _in_aside(text: str, start: int, pos: int) -> bool:
    """Whether `pos` stands inside brackets opened after `start` and not closed before it."""
    depth = 0
    for ch in text[start:pos]:
        depth += ch in "(（"
        depth -= ch in ")）" and depth > 0
    return depth > 0


def deadline_scopes(
    text: str, lang: str | None = None, hits: list[DeadlineHit] | None = None
) -> list[tuple[int, int, DeadlineHit]]:
    """`year_scopes` with the marker itself: (start, end, deadline), so that a period's first year is known
    ("“十四五”期间累计…" runs from 2021 to 2025)."""
    lang = lang or _detect_lang(text)
    markers = [h for h in (extract_deadlines(text, lang) if hits is None else hits)
               if h.year is not None and h.kind != "ongoing"]
    groups = _groups(text, markers, lang)
    sentence_end = _SENTENCE_END["en" if lang == "en" else "zh"]

    starts: list[int] = []
    previous_end = 0
    for group in groups:
        anchor = group[0].start
        seg = last_match_end(_SEGMENT_EDGE, text, anchor) or 0
        start = max(seg, previous_end, text.rfind("\n", 0, anchor) + 1)
        if anchor and text[anchor - 1] in "(（":  # "…占比达到20%以上(2021年达到10%)": an aside's year is the aside's
            start = max(start, anchor - 1)
        while start < anchor and text[start].isspace():
            start += 1
        starts.append(start)
        previous_end = group[-1].end

    # a year inside brackets governs its aside only ("…达到20%以上(2021年达到10%)"), and the year before the
    # aside goes on governing after it
    asides = [_in_aside(text, text.rfind("\n", 0, g[0].start) + 1, g[0].start) for g in groups]
    scopes: list[tuple[int, int, DeadlineHit]] = []
    for i, group in enumerate(groups):
        anchor = group[0].start
        p_start = text.rfind("\n", 0, anchor) + 1
        p_end = text.find("\n", anchor)
        p_end = len(text) if p_end < 0 else p_end
        opens = _opens_paragraph(text[p_start:anchor])
        if opens and lang != "en" and _heads_lines_below(text, group[-1].end, p_end):
            end = len(text)
        elif opens:
            end = p_end
        else:
            m = sentence_end.search(text, group[-1].end, p_end)
            end = m.end() if m else p_end
        following = next((starts[j] for j in range(i + 1, len(groups)) if not asides[j]), None)
        if following is not None and following < end:
            end = following
        if asides[i]:  # "(其中,2021年达到60%)": the year governs its aside only
            close = re.compile(r"[)）]").search(text, group[-1].end, end)
            end = close.end() if close else end
        for hit in group:
            if hit.year is not None:
                scopes.append((starts[i], end, hit))
    return scopes

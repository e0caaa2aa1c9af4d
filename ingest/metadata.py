"""What a document says about itself: title, issuers, date, 文号, and from those its level and region.

Read from the normalised text before the first clause (title lines, covering notice, signature block)
and after the last one (signature, date). A covering notice "关于印发《X》的通知" yields to the title
line of the plan it carries. Level and region are guessed from the issuers and the title when no
manifest gives them: 中共中央/国务院 → central, a national ministry → ministry, a province → provincial,
a city → municipal, a county or district → county.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.ingest.citations import DOC_NUMBER
from policykg.ingest.doctypes import DOC_TYPES, doc_type
from policykg.ingest.fold import squash
from policykg.ingest.issuers import (
    adopted_by,
    announcer,
    cover_organ,
    decree_organ,
    is_organ,
    letterhead,
    organ_line,
    signature,
    title_organs,
)
from policykg.ingest.model import Level, Script
from policykg.ingest.regions import Region, gazetteer
from policykg.ingest.titles import chinese_title, similar, tidy, title_from_name

__all__ = ["DOC_TYPES", "TextMetadata", "doc_type", "guess_level_region", "iso_date", "text_metadata"]

_EN_TITLE_WORDS = re.compile(
    r"\b(?:Opinions?|Plan|Notice|Measures|Guidelines|Regulations?|Law|Programme|Program|Scheme|Decision|Outline|Strategy|White Paper|Action)\b"
)
_EN_ISSUERS = (
    (
        re.compile(r"CPC Central Committee|Central Committee of the (?:Communist Party of China|CPC)"),
        "中共中央",
    ),
    (re.compile(r"State Council"), "国务院"),
    (re.compile(r"Ministry of Ecology and Environment"), "生态环境部"),
    (re.compile(r"National Development and Reform Commission"), "国家发展和改革委员会"),
    (re.compile(r"Ministry of Industry and Information Technology"), "工业和信息化部"),
)
_TITLE_PREFIX = re.compile(r"^(.{2,40}?)(?:关于|印发)")
_CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_CN_NUMERAL_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_DATE_ALONE = re.compile(r"^\(?(?P<d>[^()]{8,14}日)(?:印发|发布)?\)?$")
_DATE_ISSUED = re.compile(
    r"于(?P<d>\d{4}年\d{1,2}月\d{1,2}日)(?:印发|发布|颁布)|(?:颁布|发布|印发|成文)(?:时间|日期)\s*:\s*(?P<d2>\d{4}年\d{1,2}月\d{1,2}日)"
)
_EN_DATE = re.compile(r"^\(?([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\)?$")
_MONTH_NAMES = "January February March April May June July August September October November December"
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split(), 1)}  # "January" → 1
_ISSUER_FIELD = re.compile(r"(?:发布单位|发文机关|发文单位|颁布单位)\s*:\s*([\u4e00-\u9fff]{2,30})")
_ISSUED_BY = re.compile(r"^([\u4e00-\u9fff]{2,30}?)于\d{4}年\d{1,2}月\d{1,2}日(?:印发|发布)")
_CENTRAL = frozenset(
    {
        "中共中央",
        "国务院",
        "中共中央办公厅",
        "国务院办公厅",
        "全国人民代表大会",
        "全国人民代表大会常务委员会",
        "全国人大常委会",
    }
)
_COUNTY = re.compile(r"(?:县|(?<!自治)(?<!新)(?<!开发)区)(?:人民政府|政府|委员会|县委|区委|党委)?$|县委$")
_GENERIC_ORGAN = re.compile(r"^(省|自治区|市)(?:委|政府|人民政府|人大|生态环境厅|发展改革委|发展和改革委员会|[\u4e00-\u9fff]{1,12}?[厅局委办])")
_ZONE = re.compile(r"(?:经济技术开发区|高新技术产业开发区|开发区|高新区|新区|管委会)")
#: Metadata is read from at most this much text before the first clause and after the last.
_HEAD_MAX = 20_000
_TAIL_MAX = 5_000
_DECREE_NAME = re.compile(r"[\u4e00-\u9fff]{4,40}(?:令|公告)")
_DECREE_NUMBER = re.compile(r"\((?:\d{4}年)?第\s*[\d一二三四五六七八九十百零〇]+号\)")
_RELEASE = re.compile(r"(?:新华社|人民日报|中新社)[\u4e00-\u9fff]{0,6}\s*(\d{4}年\d{1,2}月\d{1,2}日)电")
_MONTH_ALONE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月$")
_GAP_BEFORE_BRACKET = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[〔\[【])")
_WEB_DATE = re.compile(r"(?:发布日期|成文日期|发文日期)\s*:\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})")
#: "（2021年12月28日中国共产党成都市第十三届委员会第十次全体会议通过）": the date a meeting adopted the text.
_ADOPTED_AT = re.compile(r"^[(（]\s*(\d{4}年\d{1,2}月\d{1,2}日)[\u4e00-\u9fff]{4,60}?会议(?:审议)?通过[)）]$")
_NUMBER_LEAD = re.compile(r"^.*(?:通知|意见|方案|印发|的|》)")


@dataclass(slots=True)
class TextMetadata:
    title: str | None = None
    issuers: list[str] = field(default_factory=list)
    issued: str | None = None
    doc_number: str | None = None
    level: Level | None = None
    region: str | None = None
    title_at: tuple[int, int] | None = None  # where the title stands in the normalised text
    notice_title: str | None = None
    doc_type: str | None = None

    def as_dict(self) -> dict[str, str]:
        out = {
            "title": self.title,
            "issuers": "、".join(self.issuers) or None,
            "issued": self.issued,
            "doc_number": self.doc_number,
            "level": str(self.level) if self.level else None,
            "region": self.region,
            "notice_title": self.notice_title,
            "doc_type": self.doc_type,
        }
        return {k: v for k, v in out.items() if v}


def text_metadata(text: str, preamble_end: int, body_end: int, script: Script, source_name: str = "") -> TextMetadata:
    """What the text says about itself; the source file's name (as published) gives the title only where
    no line of the text has a title's form (`titles.title_from_name`)."""
    head_limit = min(preamble_end if preamble_end > 0 else 3000, _HEAD_MAX, len(text))
    head = [line.strip() for line in text[:head_limit].split("\n") if line.strip()]
    tail = [line.strip() for line in text[body_end : body_end + _TAIL_MAX].split("\n") if line.strip()]
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    md = TextMetadata()
    if script == Script.EN:
        md.title = _english_title(head)
        md.issuers = [zh for pattern, zh in _EN_ISSUERS if md.title and pattern.search(md.title)]
    else:
        title, title_line = chinese_title(head, text)
        md.title = title
        if title_line and title and squash(title_line) != squash(title):
            md.notice_title = title_line
        md.issuers = _issuers(head, tail, lines, title_line, title)
    md.issued = _issued(head) or _issued(tail) or _issued(_date_lines(text)) or _issued_otherwise(head, lines)
    md.doc_number = _own_number(head)
    if md.title is None and script != Script.EN:
        md.title = title_from_name(source_name, text)
    if md.title is None and head:
        md.title = _fallback_title(head)
    if md.title:
        at = text.find(md.title, 0, head_limit + len(md.title))
        md.title_at = (at, at + len(md.title)) if at >= 0 else None
        md.title = tidy(md.title)
    md.level, md.region = guess_level_region(md.issuers, md.title or "", md.notice_title or "", text[:_HEAD_MAX])
    md.doc_type = doc_type(md.title or "") if script != Script.EN else None
    return md


def _english_title(head: list[str]) -> str | None:
    best: str | None = None
    for line in head:
        if not (20 <= len(line) <= 400) or line.endswith(".") or not _EN_TITLE_WORDS.search(line):
            continue
        if best is None:
            best = line
        elif line.startswith(best) and len(line) > len(best):
            best = line  # the first copy was cut short
    return best


def _issuers(head: list[str], tail: list[str], lines: list[str], title_line: str | None,
             title: str | None) -> list[str]:
    """The issuing organs from the first place that names them (ingest/issuers.py gives the order)."""
    adopted = adopted_by(head)
    sources = (
        lambda: letterhead(head),
        lambda: signature(lines),
        lambda: decree_organ(head),
        lambda: cover_organ(head),
        lambda: announcer(head, title, similar),
        lambda: [adopted[0]] if adopted else [],
        lambda: _named_in(head),
        lambda: title_organs(title_line),
        lambda: [t for line in head if line != title_line for t in organ_line(line)],
        lambda: [t for line in tail for t in organ_line(line)],
    )
    for source in sources:
        found = list(dict.fromkeys(source()))
        if found:
            return found
    return []


def _named_in(head: list[str]) -> list[str]:
    """An organ a web page's fields or a lead sentence name: "发文机关：…", "X于2022年5月1日印发"."""
    for line in head:
        for pattern in (_ISSUED_BY, _ISSUER_FIELD):
            m = pattern.search(line)
            if m and is_organ(m.group(1)):
                return [m.group(1)]
    return []


def _issued(lines: list[str]) -> str | None:
    for line in lines:
        m = _DATE_ALONE.match(line)
        if m:
            iso = iso_date(m.group("d"))
            if iso:
                return iso
        m2 = _DATE_ISSUED.search(line)
        if m2:
            return iso_date(m2.group("d") or m2.group("d2"))
        m3 = _EN_DATE.match(line)
        if m3 and m3.group(1).capitalize() in _MONTHS:
            return f"{m3.group(3)}-{_MONTHS[m3.group(1).capitalize()]:02d}-{int(m3.group(2)):02d}"
    return None


def _issued_otherwise(head: list[str], lines: list[str]) -> str | None:
    """A date where no signature or date line gives one: the session that adopted a regulation, a
    web page's date field, the meeting that adopted a decision, a news agency's release line
    ("（新华社北京 2021年9月12日电）"), a cover's month ("2022年1月")."""
    adopted = adopted_by(head)
    if adopted:
        return iso_date(adopted[1])
    for line in head[:12]:
        m4 = _WEB_DATE.search(line)  # a web page's field, where the text dates itself nowhere
        if m4:
            return f"{m4.group(1)}-{int(m4.group(2)):02d}-{int(m4.group(3)):02d}"
    for line in head[:12]:
        m0 = _ADOPTED_AT.match(squash(line))
        if m0:
            return iso_date(m0.group(1))
    for line in lines[-8:]:
        m = _RELEASE.search(line)
        if m:
            return iso_date(m.group(1))
    for line in head[:40]:
        m2 = _MONTH_ALONE.match(line)
        if m2 and 1 <= int(m2.group(2)) <= 12:
            return f"{m2.group(1)}-{int(m2.group(2)):02d}"
    return None


def iso_date(s: str) -> str | None:
    """ "2022年12月13日" or "二〇二二年十二月十三日" → "2022-12-13"."""
    from policykg.ingest.markers import cn_number

    m = _CN_DATE.fullmatch(s.strip())
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        n = _CN_NUMERAL_DATE.fullmatch(s.strip())
        if not n:
            return None
        digits = {
            "〇": "0",
            "零": "0",
            "一": "1",
            "二": "2",
            "三": "3",
            "四": "4",
            "五": "5",
            "六": "6",
            "七": "7",
            "八": "8",
            "九": "9",
        }
        y = int("".join(digits[c] for c in n.group(1)))
        mo_v, d_v = cn_number(n.group(2)), cn_number(n.group(3))
        if mo_v is None or d_v is None:
            return None
        mo, d = mo_v, d_v
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _own_number(head: list[str]) -> str | None:
    """The first 文号 in the head that is not a cited document's (those follow a 》), or a decree's
    or announcement's number under its organ ("中华人民共和国生态环境部令" / "（第 19号）")."""
    for line, nxt in zip(head, head[1:], strict=False):
        if _DECREE_NAME.fullmatch(squash(line)) and _DECREE_NUMBER.fullmatch(squash(nxt)):
            return squash(line) + squash(nxt).replace(" ", "")
    pattern = re.compile(DOC_NUMBER)
    for raw_line in head:
        line = _GAP_BEFORE_BRACKET.sub("", raw_line).replace("»", "》")  # "甘政发 〔2021〕62号", «…»
        for m in pattern.finditer(line):
            raw = m.group(0)
            bracket = min(i for i in (raw.find(c) for c in "〔[【(") if i >= 0)
            lead = _NUMBER_LEAD.match(raw[:bracket])  # "的通知环综合〔…" → "环综合〔…"
            start = m.start() + (lead.end() if lead else 0)
            if "》" in line[max(0, start - 2) : start]:
                continue
            return re.sub(r"\s", "", line[start : m.end()])
    return None


def guess_level_region(
    issuers: list[str], title: str, notice: str = "", body: str = ""
) -> tuple[Level | None, str | None]:
    """Level and region from who issued the document and what its titles name.

    Central organs make it central; otherwise the most specific administrative division named by
    the issuers and titles together (`ingest/regions.py`) gives the region, and its kind the level;
    a development zone or new area below a city (…开发区, …新区, …高新区) is county level. A
    document naming no division is national: a ministry's.
    """
    prefix_match = _TITLE_PREFIX.match(notice or title)
    title_issuer = prefix_match.group(1) if prefix_match else ""
    if any(i in _CENTRAL for i in issuers) or (
        not issuers and title_issuer.startswith(("中共中央", "国务院"))
    ):
        return Level.CENTRAL, "CN"
    gaz = gazetteer()
    named = (gaz.find("\n".join(issuers)) or _province_short(issuers)) if issuers else None
    titles = [n for n in (notice, title) if n]
    titled = gaz.find("\n".join(titles)) or _province_short(titles)
    generic = _GENERIC_ORGAN.match(" ".join(issuers)) if issuers and named is None else None
    if named is not None:
        region, zoned = named, any(_COUNTY.search(i) or _ZONE.search(i) for i in issuers)
    elif generic is None and titled is not None:
        region, zoned = titled, bool(_ZONE.search(title) or _ZONE.search(notice))
    else:
        generic = generic or _GENERIC_ORGAN.match(" ".join([notice, title]).strip())
        spoken = _spoken_from(body) if not issuers and generic is None else None
        if spoken is not None:
            return (Level.MUNICIPAL if spoken.kind == "city" else Level.PROVINCIAL), spoken.id
        if generic is None:
            return Level.MINISTRY, "CN"
        kind = "province" if generic.group(1) in ("省", "自治区") else "city"
        found = _generic_region(kind, titled, title, body)
        if found is None:
            return (Level.PROVINCIAL if kind == "province" else Level.MUNICIPAL), None
        region, zoned = found, False
    if region.kind == "county" or zoned:
        return Level.COUNTY, region.id
    return (Level.MUNICIPAL if region.kind == "city" else Level.PROVINCIAL), region.id


def _generic_region(kind: str, titled: Region | None, title: str, body: str) -> Region | None:
    """The division an organ named only by its level ("自治区人民政府办公厅", "市生态环境局") belongs to:
    the title's division (its province, for a provincial organ), else the one the text names most."""
    gaz = gazetteer()
    if titled is None:
        titled = _city_named(title)
    if titled is None:
        return gaz.most_named(body, kind) or (_most_named_short(body) if kind == "province" else None)
    if kind == "province" or titled.kind == "province":
        return gaz.by_id(titled.province)
    return titled if titled.kind == "city" else gaz.by_id(titled.parent or titled.province)


_SPEAKS_AS = (("city", re.compile(r"我市|本市")), ("province", re.compile(r"我省|本省")))


def _spoken_from(body: str) -> Region | None:
    """The division a text without issuers speaks for ("我市", "本省"): the one of that kind it names most."""
    for kind, words in _SPEAKS_AS:
        if words.search(body):
            return gazetteer().most_named(body, kind)
    return None


def _province_short(names: list[str]) -> Region | None:
    """A province named by its short name at the start of a name or in brackets: "广西生态文明强区…",
    "浙江银保监局", "中国（云南）自由贸易试验区…"."""
    provinces = gazetteer().provinces
    for name in names:
        for line in name.split("\n"):
            bare = squash(line)
            for short, region in provinces.items():
                if bare.startswith(short) or re.search(r"[(（]" + short + r"[)）]", bare):
                    return region
    return None


def _most_named_short(body: str) -> Region | None:
    """The province a text names most by its short name ("湖北"), when it names one at least twice."""
    counts = {short: body.count(short) for short in gazetteer().provinces}
    best = max(counts, key=lambda n: counts[n])
    return gazetteer().provinces[best] if counts[best] >= 2 else None


def _city_named(title: str) -> Region | None:
    """A prefecture-level city a title names without its suffix ("拉萨南北山绿化"), the longest name."""
    cities = gazetteer().cities
    names = [name for name in cities if len(name) >= 2 and name in title]
    return cities[max(names, key=len)] if names else None


_DATE_LINE = re.compile(r"^[(（]?\s*(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*[)）]?$", re.MULTILINE)


def _date_lines(text: str) -> list[str]:
    """Lines that are a date and nothing else (a signature's date), in document order."""
    return [m.group(0).strip() for m in _DATE_LINE.finditer(text)]


def _fallback_title(head: list[str]) -> str:
    """The first line that reads as words, when no line has a title's form: not a 文号, a date, a
    page number or a salutation."""
    number = re.compile(DOC_NUMBER)
    for line in head:
        first = re.split(r"[。.!?！？]", line, maxsplit=1)[0].strip()
        words = sum(1 for c in first if "\u4e00" <= c <= "\u9fff" or c.isalpha())
        if words < 6 or number.search(first) or _CN_DATE.search(first) or first.endswith((":", "：")):
            continue
        return first[:60]
    return re.split(r"[。.!?！？]", head[0], maxsplit=1)[0][:60]

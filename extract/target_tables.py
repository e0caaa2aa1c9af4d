"""Targets of indicator tables: a plan's 主要指标表 comes out of the PDF as rows of cells, "header:value"
joined by ";" ("指标名称:风电;单位:万千瓦;2025年:200;属性:预期性"). Each row gives its indicator one target
per target-year column (2025年, 2025年(目标), 五年累计目标); status columns (2020年(现状), 完成值) give none.

Tables printed with merged cells come out in pieces, which are put back as a reader does: a numbered
indicator split over two rows ("1.细颗粒物(PM2.5)浓度(微克" + "/立方米)"), a sub-row naming only its
qualifier ("中心城区", "化学需氧量") under the indicator the next numbered row names, a share row naming only
its denominator ("占电力总装机比重") after the row it is a share of. A header row the text layer keyed by pieces of
the table's title ("专栏1…林草保护发:指标;展主要指:2020年;标:2025年") names the columns of the rows keyed alike.

Length (about 560 lines, kept whole on purpose): a row is read against the rows around it (the title, the unit line,
the header row, the indicator a sub-row belongs to), one pass over a table; split over modules, each part would
need the whole table's state again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.extract.numbers import measure_unit_info
from policykg.extract.target_scope import TargetHit
from policykg.extract.target_words import _CATEGORY_ZH, RATE_HEAD_ZH

_INDICATOR_KEYS = frozenset({"指标", "指标名称", "名称", "内容", "主要指标", "指标内容", "指标体系", "指标(单位)"})
_UNIT_KEYS = frozenset({"单位", "计量单位"})
#: A row named by its kind ("可再生能源种类:风电", "种类:二、风电(万千瓦)") or by a place ("地区:嘉兴", a table of targets per city).
#: A grouping column ("指标类别:污染治理", "类别:水") names no row.
_KIND_KEY = re.compile(r"^(?!指标)(?:[\u4e00-\u9fff]{2,8}(?:种类|类别|类型|品种)|种类|品种|项目)$")
_PLACE_KEYS = frozenset({"地区", "地市", "城市", "市州", "区县", "县区", "设区市", "各市", "市(州)"})
#: A target-year column that names its quantity ("2025年装机", "2025年装机或开工"): the name completes the
#: row's; an outlook, a rate or an increment column is no level ("2026年展望", "年均增速", "增量").
_YEAR_WORD_KEY = re.compile(r"^((?:19|20)\d{2})\s*年(?!底|末)(?P<word>[\u4e00-\u9fff]{1,6})$")
_NOT_LEVEL = re.compile(r"展望|增速|增量|增长|增幅|年均|累计|预测|现状|基期|基准|基数|完成|实际|目标|规划|预期")
#: A table's title ("表3浙江省各地市“十四五”海上风电发展目标") and its unit line ("单位:万千瓦").
_TITLE = re.compile(r"^\s*(?:附?表|专栏)\s*\d{1,2}\s*(?P<title>\S{2,60})$")
_UNIT_LINE = re.compile(r"^\s*(?:单位|计量单位)\s*[:：]\s*(?P<unit>\S{1,12})\s*$")
_YEAR_KEY = re.compile(r"^((?:19|20)\d{2})\s*年?(?:底|末)?\s*[(（]?\s*(目标值?|规划值?|预期值?|预计值?|现状值?|基期值?|基准值?|基数|完成值?|实际值?)?\s*[)）]?$")
#: The same columns named the other way round: "目标值(2025年)", "现状值(2020年)".
_WORD_YEAR_KEY = re.compile(r"^(目标值?|规划值?|预期值?|现状值?|基期值?|基准值?|基数|完成值?|实际值?)\s*[(（]\s*((?:19|20)\d{2})\s*年?\s*[)）]$")
#: A footnote's mark after a header, a name or a value: "主要指标1", "2025年2", "65.3①", "比例②", "30*".
_FOOTNOTE = re.compile(r"(?:[\u2460-\u2473]|\*+)$")
_KEY_FOOTNOTE = re.compile(r"(?<=[年标])\d$")
_CUMULATIVE_KEY = re.compile(r"累计(?:目标)?值?$")
#: A target column naming no year ("发展目标:≥40", "目标值:100"): due when the plan ends.
_PLAN_END_KEY = re.compile(r"^(?:发展|规划|预期)?目标值?$|^规划值$")
_STATUS = ("现状", "基期", "基准", "基数", "完成", "实际")
#: A row's number in a column of its own: "3", "(三)", "三", "二、" (no name).
_ORDINAL = re.compile(r"^[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）、.．]?$")
#: A row's number before its name: "1.", "(1)", "一、", "1.1可再生能源…", "2可再生能源非电利用" (glued to it).
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:[.．]\d{1,2})+(?=[\u4e00-\u9fff])|\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}(?=[\u4e00-\u9fff])(?![年月日]))\s*")
#: A sub-row naming a whole indicator of its own ("县城污水处理率" under 生活污水收集、处理率).
_WHOLE_ZH = re.compile(r"(?:率|比例|比重|占比|强度)$")
#: A qualifier's note: "乡镇(含千吨万人)" qualifies as 乡镇.
_NOTE_ZH = re.compile(r"[(（](?:含|包括|不含|其中)[^()（）]*[)）]")
#: A row looking back: a past plan's figures and how they grew ("“十三五”预期目标", "增幅").
_RETROSPECTIVE = re.compile(r"增幅|增长率|完成情况|十[一二三]五")
_VALUE = re.compile(
    r"^(?P<pre>≥|≤|≧|≦|>=|<=|>|<|＞|＜|大于|小于|不低于|不高于|不超过|超过)?\s*(?P<open>\[)?\s*(?P<num>\d+(?:\.\d+)?)"
    r"\s*(?P<unit>%|(?:(?!以上|以下|以内|左右)[\u4e00-\u9fff]){1,4})?\s*\]?\s*(?P<post>以上|以下|以内|左右)?\s*[a-z]?$"
)
_PRE = {"≥": ">=", "≧": ">=", ">=": ">=", "不低于": ">=", "≤": "<=", "≦": "<=", "<=": "<=", "不高于": "<=", "不超过": "<=",
        ">": ">", "＞": ">",
        "大于": ">", "超过": ">", "<": "<", "＜": "<", "小于": "<"}
_POST = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}
#: A cell that words its value: "有效保障(≥95%)" (the value in brackets), "新增2000个" (an amount added),
#: "列入…平台的黑臭水体整治率达100%" (a sentence closed by its value).
_WORDED = (
    re.compile(r"^[\u4e00-\u9fff]{1,8}[(（](?P<v>[^()（）]+)[)）]$"),
    re.compile(r"^(?:累计)?(?:新增|新建|完成)(?P<v>.+)$"),
    re.compile(r"^[^:;]{2,60}?(?:达到|达|提高到|提升到|降至|降到)(?P<v>[^,;，；]+)$"),
)
#: The verbs of a change; those of `_RISES` are increases, the others decreases.
_RISES = ("提高", "增长", "提升")
_CHANGE_VERBS = "降低|下降|减少|削减|" + "|".join(_RISES)
_CHANGE_TAIL = re.compile(rf"({_CHANGE_VERBS})(?:率|幅度)?$")
#: …and a rate per a count ("起/每万枚", "千瓦时/人"): a unit whatever its words.
_UNIT_WORDS = re.compile(r"吨|米|亩|顷|瓦|标煤|元|个|家|座|辆|人|天|公里|g/|/m|m3|[\u4e00-\u9fff]/[\u4e00-\u9fff]")
#: A cell that words a change on a base year: "较2020年减少2.5%".
_CELL_CHANGE = re.compile(rf"^(?:较|比|相比)\s*((?:19|20)\d{{2}})\s*年?(?:相比)?\s*({_CHANGE_VERBS})\s*(?P<v>.+)$")
_BASE_TAIL = re.compile(r"(?:较|比|相比)((?:19|20)\d{2})年(?:相比)?$")
_UNIT_TAIL = re.compile(r"[(（]([^()（）]{1,12})[)）]$")
#: A cell giving a value per area: "30%(全省)35%(重点推进地区)20%(鼓励推进地区)"; an area's value may be worded
#: ("以国家下达指标为准(设区市)90(县级)": the 县级 figure is the one target).
_PER_AREA = re.compile(r"(?P<v>[≥≤>＜<]?\d+(?:\.\d+)?%?|[\u4e00-\u9fff]{2,16})\s*[(（](?P<area>[\u4e00-\u9fff]{2,16})[)）]")
_WHOLE_AREA = re.compile(r"^全(?:省|市|区|县|国)$")
#: A note after a cell's figure that it is subject to a higher level's: "325.46(以国家下达指标为准)" is 325.46.
_SUBJECT_NOTE = re.compile(r"(?<=[\d%])\s*[(（][\u4e00-\u9fff]{1,12}为准[)）]\s*$")


def _per_area(value: str) -> list[tuple[str, str | None]]:
    """A cell's values with the area each is for (None: the whole of it); the cell itself when it gives one."""
    value = _SUBJECT_NOTE.sub("", value)
    parts = list(_PER_AREA.finditer(value))
    if len(parts) < 2 or "".join(m.group() for m in parts) != re.sub(r"\s", "", value):
        return [(value, None)]
    figures = [m for m in parts if not re.match(r"[\u4e00-\u9fff]", m.group("v"))]
    if not figures:
        return [(value, None)]
    return [(m.group("v"), None if _WHOLE_AREA.match(m.group("area")) else m.group("area")) for m in figures]


@dataclass(slots=True)
class _Row:
    start: int
    end: int
    indicator: str | None = None
    unit: str | None = None
    bare: list[str] = field(default_factory=list)
    values: list[tuple[int | None, str, bool]] = field(default_factory=list)  # (year, value, cumulative); None: the plan's end
    status_year: int | None = None
    place: str | None = None  # the place a per-city row names
    column: str = ""  # the quantity the target-year column names ("装机")
    title: str | None = None  # the subject of the table's title
    table_unit: str | None = None  # the unit printed once above the table
    kind: bool = False  # named in a column of kinds or items ("可再生能源种类:水电", "项目:水电"), not of indicators
    marks: frozenset[str] = frozenset()  # the footnote marks its figures carry ("18②")


def _row(line: str, start: int) -> _Row | None:
    """A table row: cells with a target-year column; None for any other line."""
    cells: list[str] = []
    for cell in (c.strip() for c in line.split(";")):
        if cells and ":" not in cell and cells[-1].count("(") > cells[-1].count(")") and cell.count(")") > cell.count("("):
            cells[-1] += cell  # "…安全利用率(%" + ")": a name the layout cut at a ";"
        else:
            cells.append(_FOOTNOTE.sub("", cell))
    if len(cells) < 2 or not any(":" in c for c in cells):
        return None
    row = _Row(start, start + len(line), marks=frozenset(re.findall(r"(?<=[\d%])([\u2460-\u2473])", line)))
    status: set[int] = set()
    targets: list[tuple[int, str]] = []
    cumulative: list[str] = []
    at_end: list[str] = []  # values of a target column naming no year
    for cell in cells:
        key, sep, value = cell.partition(":")
        key, value = _KEY_FOOTNOTE.sub("", _FOOTNOTE.sub("", key.strip())), _FOOTNOTE.sub("", value.strip())
        year = _year_key(key) if sep else None
        worded_year = _YEAR_WORD_KEY.match(key) if sep and not year else None
        if worded_year and not _NOT_LEVEL.search(worded_year.group("word")):
            year, row.column = _YEAR_KEY.match(worded_year.group(1) + "年"), worded_year.group("word")
        if not sep:
            if cell and not row.values and not targets and not cumulative:
                row.bare.append(cell)
        elif key in _INDICATOR_KEYS:
            row.indicator = re.sub(r"(?<=[率例重量度数积])\d$", "", value)  # "农村生活污水治理率3": a note's number
        elif key in _UNIT_KEYS:
            row.unit = re.sub(r"^([23])\s*m$", r"m\1", value)  # "2 m": m² with its exponent printed first
        elif row.indicator is None and _KIND_KEY.match(key) and value:
            row.indicator, row.kind = re.sub(r"^其中[,，、]?", "", value), True  # "其中,常规水电": a part named on its own
            if value in ("合计", "总计"):  # "可再生能源种类:合计": the total of the kind
                row.indicator = re.sub(r"(?:种类|类别|类型|品种|项目)$", "", key) + value
        elif key in _PLACE_KEYS and value:
            row.place = "合计" if value in ("合计", "总计", "计", "合") else value  # "序号:合;地区:计": a split 合计
        elif year and _status(year):
            status.add(int(year.group(1)))
        elif year:
            targets.append((int(year.group(1)), value))
        elif _CUMULATIVE_KEY.search(key):
            cumulative.append(value)
        elif sep and _PLAN_END_KEY.match(key):
            at_end.append(value)
        if sep and _RETROSPECTIVE.search(key):
            return None
    targets = [(y, v) for y, v in targets if y not in status]
    if not status and len(targets) > 1:  # "2020年:32;2025年:30.4": a table states its baseline first
        status.add(targets[0][0])
        targets = targets[1:]
    if len(targets) > 1:  # "2015年:54.2;2020年:282": only the latest year is one a plan aims at
        status.update(y for y, _ in targets[:-1])
        targets = targets[-1:]  # "2020年目标" beside "2020年完成值": a past plan's
    if any(_VALUE.match(v) or _worded(v) for _, v in targets):
        cumulative = []  # "2025年:≧40;五年累计:[10]": the level is the target, the change only restates it
    if not targets and not cumulative and at_end:
        row.values = [(None, v, False) for v in at_end]  # the year the plan ends, given to the hit later
        return row
    if not targets and not cumulative:
        return None
    row.status_year = max(status) if status else None
    last = max([y for y, _ in targets], default=None) or ((row.status_year + 5) if row.status_year else None)
    row.values = [(y, v, False) for y, v in targets]
    row.values += [(last, v, True) for v in cumulative if last]
    return row


def _worded(value: str) -> re.Match[str] | None:
    """The value of a cell that words it (`_WORDED`)."""
    for form in _WORDED:
        m = form.match(value)
        found = _VALUE.match(m.group("v").strip()) if m else None
        if found:
            return found
    return None


def _word_year(key: str) -> re.Match[str] | None:
    """"目标值(2025年)" read as "2025年(目标值)"."""
    m = _WORD_YEAR_KEY.match(key)
    return _YEAR_KEY.match(f"{m.group(2)}年({m.group(1)})") if m else None


def _year_key(key: str) -> re.Match[str] | None:
    """A column keyed by a year, its word after it or before ("2020年(现状)", "现状值(2020年)")."""
    return _YEAR_KEY.match(key) or _word_year(key)


def _status(year: re.Match[str] | None) -> bool:
    """A year's column giving the state a plan starts from (现状, 基期, 完成 …), not a target."""
    return year is not None and (year.group(2) or "").startswith(_STATUS)


#: A table row's cell as the text layer gives it: its key before the colon, after the previous cell's ";".
_CELL_KEY = re.compile(r"(?:^|[;；\n])\s*(?P<key>[^;；:：\n]{1,16})\s*[:：][^;；:：\n]*$")


def in_status_cell(text: str, at: int) -> bool:
    """The figure at `at` stands in a row's status column ("现状值(2020年):较2015年下降20%左右", "2020年(现状):…"): the
    state the plan starts from, whatever the sentence grammar would read in it."""
    cell = _CELL_KEY.search(text, max(0, at - 40), at)
    if cell is None:
        return False
    return _status(_year_key(cell.group("key").strip()))


def direction(verb: str) -> str:
    """"increase" or "decrease": what a change verb of `_CHANGE_VERBS` says."""
    return "increase" if verb in _RISES else "decrease"


def _is_unit(s: str) -> bool:
    return s == "%" or measure_unit_info(s) is not None or bool(_UNIT_WORDS.search(s))


def _unit_of(indicator: str) -> tuple[str, str | None]:
    """"森林覆盖率(%)" → ("森林覆盖率", "%"): a unit written in brackets after the name."""
    m = _UNIT_TAIL.search(indicator)
    if m and _is_unit(m.group(1)):
        return indicator[: m.start()].strip(), m.group(1)
    return indicator, None


def _join(head: str, qualifier: str) -> str:
    """A sub-row's name under its group's indicator: a whole indicator stays; a pollutant takes the head
    after the category ("化学需氧量" + "主要污染物减排量" → 化学需氧量减排量); a place qualifies it."""
    if len(qualifier) >= 4 and _WHOLE_ZH.search(qualifier):
        return qualifier
    category = _CATEGORY_ZH.match(head)
    if category and len(head) - category.end() >= 2:
        return qualifier + head[category.end():]
    return qualifier + head


def _subject(title: str) -> str:
    """What a table of targets per place is about: "浙江省各地市“十四五”海上风电发展目标" → 海上风电."""
    title = re.sub(r"^.*(?:各地市|各市州?|各区县|各县(?:市、?区)?|各地区|[”\"]|20\d{2}年)", "", title)
    return re.sub(r"(?:发展|建设)?(?:目标|指标|任务)(?:分解)?表?$", "", title)


#: A header row the text layer keyed by pieces of the title printed above it ("专栏1…林草保护发:指标;展主要指:
#: 2020年;标:2025年"): its values name the columns, its keys stand for them in the rows under it.
_HEADER_VALUE = re.compile(r"^(?:(?:19|20)\d{2}\s*年.{0,8}|指标|指标名称|名称|主要指标|单位|属性|性质|序号|类别)$")
#: Where the header's columns past its title's pieces stand in `_header_keys`' answer: "…;预期性目标:2020年;2025年".
_TAIL = "\n"


def _header_keys(line: str) -> dict[str, str] | None:
    """The columns a header row names by its values, keyed as its rows key them; None for any other line.
    Where the title ran out of pieces before the columns did, the unkeyed year columns after the last keyed one
    are named in order (under `_TAIL` + their position); a header naming its rows by 类别 alone names them there."""
    pairs = [cell.partition(":") for cell in line.split(";")]
    for i in range(1, len(pairs)):  # "指;专栏1…生:标": a header's name the layout cut at a cell's end
        (bare, before, _), (key, sep, value) = pairs[i - 1], pairs[i]
        if sep and not before and not _HEADER_VALUE.match(value.strip()) and _HEADER_VALUE.match(bare.strip() + value.strip()):
            pairs[i] = (key, sep, bare.strip() + value.strip())
    bare_name = _bare_name(pairs)
    if bare_name is not None:  # "序:号;指标名称;2020年:现状值": a column's name cut at its key, as its rows key it
        pairs = [(key, sep, key.strip() + value.strip()) if sep and not _HEADER_VALUE.match(value.strip())
                 and _HEADER_VALUE.match(key.strip() + value.strip()) else (key, sep, value) for key, sep, value in pairs]
    named = {key.strip(): value.strip() for key, sep, value in pairs if sep and _HEADER_VALUE.match(value.strip())}
    if bare_name is not None and any(re.match(r"(?:19|20)\d{2}", v) for v in named.values()):
        return {**named, _BARE: bare_name}
    named.update(_heads_before(pairs, named))
    if "指标" not in named.values() and not any(v in _INDICATOR_KEYS for v in named.values()):
        named = {key: "指标" if value == "类别" else value for key, value in named.items()}
    years = [v for v in named.values() if re.match(r"(?:19|20)\d{2}", v)]
    if not years or not any(v in _INDICATOR_KEYS for v in named.values()):
        return None
    if any(key in _INDICATOR_KEYS or _YEAR_KEY.match(key) for key in named):
        return None  # a row keyed by its headers already
    last = max(i for i, (_, sep, value) in enumerate(pairs) if sep and value.strip() in named.values())
    tail = [key.strip() for key, sep, _ in pairs[last + 1:] if not sep]
    if all(_YEAR_KEY.match(name) for name in tail):
        named.update({f"{_TAIL}{i}": name for i, name in enumerate(tail)})
    return named


#: Where `_header_keys`' answer names the keyed column after which a header prints its indicator's column bare,
#: between keyed ones: "类别;序:号;指标名称;2020年:现状值;规划目:2025年目标值" (its rows: "序:1;环境空气质量优良天数比率(%);
#: 2020年:84.2;规划目:≥90").
_BARE = "\v"


def _bare_name(pairs: list[tuple[str, str, str]]) -> str | None:
    """The key of the cell before a header's indicator column printed bare between keyed cells; None if none is."""
    for i in range(1, len(pairs) - 1):
        if not pairs[i][1] and pairs[i][0].strip() in _INDICATOR_KEYS and pairs[i - 1][1] and pairs[i + 1][1]:
            return pairs[i - 1][0].strip()
    return None


def _bare_named(cells: list[str], columns: dict[str, str]) -> list[str]:
    """A row under a header naming its indicator bare (`_BARE`): the bare cells after the cell keyed as the header's
    before it, up to the next keyed one, are the indicator's name in pieces; a unit the layout printed inside the
    name ("公众对环(%);境质量改善满意度") closes it. The cells before the row's number (a category) are left out."""
    at = next((i for i, c in enumerate(cells) if c.partition(":")[0].strip() == columns[_BARE]), None)
    if at is None:
        return cells
    end = next((i for i in range(at + 1, len(cells)) if ":" in cells[i]), len(cells))
    pieces = [c.strip() for c in cells[at + 1:end]]
    if not pieces:
        return cells[at:]
    units = [u for p in pieces[:-1] for u in re.findall(r"[(（][^()（）]{1,12}[)）]$", p)]
    name = "".join(re.sub(r"[(（][^()（）]{1,12}[)）]$", "", p) for p in pieces[:-1]) + pieces[-1] + "".join(units)
    return [cells[at], f"指标名称:{name}", *cells[end:]]


#: Where the header's bare columns before its first keyed one stand in `_header_keys`' answer, nearest first:
#: "类别;序号;指;标名称;单位;2020年现状值;规划:2025年目标值" names 2020年现状值, 单位 and 指标名称 so.
_HEAD = "\r"


def _heads_before(pairs: list[tuple[str, str, str]], named: dict[str, str]) -> dict[str, str]:
    """The bare columns a header names before its first keyed year column (`_HEAD`), where they run from the
    indicator's name (cut in pieces by the layout: "指;标名称") to that column; none for any other header."""
    first = next((i for i, (_, sep, value) in enumerate(pairs) if sep and value.strip() in named.values()
                  and re.match(r"(?:19|20)\d{2}", value.strip())), None)
    if not first or any(v in _INDICATOR_KEYS for v in named.values()) or any(sep for _, sep, _ in pairs[:first]):
        return {}
    bare = [key.strip() for key, _, _ in pairs[:first]]
    for size in range(len(bare), 0, -1):  # the indicator's column, however many pieces the layout cut it in
        for at in range(len(bare) - size + 1):
            if "".join(bare[at:at + size]) in _INDICATOR_KEYS:
                after = bare[at + size:]
                if after and all(name in _UNIT_KEYS or _YEAR_KEY.match(name) for name in after):
                    heads = [*reversed(after), "".join(bare[at:at + size])]
                    return {f"{_HEAD}{i}": name for i, name in enumerate(heads)}
                return {}
    return {}


def _positional(cells: list[str], keyed: list[int], columns: dict[str, str]) -> list[str]:
    """A row's bare cells before its first keyed one under a header naming them (`_heads_before`): named from
    the nearest; the indicator's takes every cell back to the row's number ("4;空气质量良;好以上天数比率"), the
    pieces of a category column before that number left out ("水环境;8;其中:国考Ⅲ类;…")."""
    heads = [columns[f"{_HEAD}{i}"] for i in range(len(columns)) if f"{_HEAD}{i}" in columns]
    if not heads or not keyed:
        return cells
    out = [f"{columns[c.partition(':')[0].strip()]}:{c.partition(':')[2]}" if c.partition(":")[0].strip() in columns else c
           for c in cells[keyed[0]:]]
    at = keyed[0]
    for head in heads[:-1]:
        if at == 0:
            return cells
        at -= 1
        out.insert(0, f"{head}:{cells[at]}")
    number = max((i for i in range(at) if _ORDINAL.match(cells[i].strip())), default=-1)
    name = "".join(re.sub(r"^其中\s*[:：,，]?", "", c.strip()) for c in cells[number + 1:at])
    return [*cells[max(number, 0):number + 1], f"{heads[-1]}:{name}", *out] if name else cells


def _rekeyed(line: str, columns: dict[str, str]) -> str:
    """A row under a header keyed by title pieces, keyed by the header's names instead; its bare cells after
    its last keyed one take the header's unkeyed columns in order."""
    cells = line.split(";")
    if _BARE in columns:
        cells = _bare_named(cells, columns)
    keyed = [i for i, cell in enumerate(cells) if cell.partition(":")[0].strip() in columns]
    if f"{_HEAD}0" in columns:
        return ";".join(_positional(cells, keyed, columns))
    if keyed:  # "8;绿;变化;专栏1…生:非化石能源消费比重(%)": a category column printed down its merged cell
        cells = [c for i, c in enumerate(cells) if i >= keyed[0] or _ORDINAL.match(c.strip()) or ":" in c]
        keyed = [i for i, cell in enumerate(cells) if cell.partition(":")[0].strip() in columns]
    tail = [columns[f"{_TAIL}{i}"] for i in range(len(columns)) if f"{_TAIL}{i}" in columns]
    out = []
    for i, cell in enumerate(cells):
        key, sep, value = cell.partition(":")
        if sep and key.strip() in columns:
            cell = f"{columns[key.strip()]}:{value}"
        elif not sep and keyed and i > keyed[-1] and i - keyed[-1] <= len(tail):
            cell = f"{tail[i - keyed[-1] - 1]}:{cell}"
        out.append(cell)
    return ";".join(out)


def header_before(text: str, start: int) -> str | None:
    """The header row (`_header_keys`) of a table whose rows go on at `start`, where a line before `start` names
    them and only rows of the table stand between: a row the layout numbered ("(三);…") may open a clause of its
    own, away from its header. None when the lines before `start` are no such table."""
    lines = text[max(0, start - 3000):start].split("\n")[-40:]
    for line in reversed(lines[:-1] if lines and lines[-1] == "" else lines):
        if _header_keys(line) is not None:
            return line
        if ";" not in line or ":" not in line:
            return None
    return None


def _rows(text: str, header: str | None = None) -> list[_Row]:
    rows, pos = [], 0
    title: str | None = None
    unit: str | None = None
    columns: dict[str, str] | None = _header_keys(header) if header else None
    for printed in text.split("\n"):
        line, named = printed, _header_keys(printed)
        if named is not None:
            columns = named
        elif columns and any(f"{key}:" in line for key in columns):
            line = _rekeyed(line, columns)
        elif columns and f"{_HEAD}0" in columns and ";" in line:
            pass  # "1;单位地区生;…;目标:完成省下达指标": a row of the table that states no level
        else:
            columns = None
        row = _row(line, pos) if named is None else None
        if row:
            row.end = pos + len(printed)  # offsets into the text as printed
        if row:
            row.table_unit = unit  # "单位:万千瓦" printed once above the table
            row.title = title
            if row.place and row.indicator is None and title:
                row.indicator = title + row.place if row.place == "合计" else row.place + title
            if row.indicator in ("合计", "总计") and title:  # "项目:合计" under 表1…可再生能源发展目标
                row.indicator = title + row.indicator
            if row.indicator and row.kind and not row.column and _POWER_UNIT.match(row.unit or row.table_unit or ""):
                row.column = _power_head(row.indicator)  # "项目:水电;单位:万千瓦": 水电装机
            if row.indicator and row.column and row.column not in row.indicator:
                at = len(row.indicator) - 2 if row.indicator.endswith("合计") else len(row.indicator)
                row.indicator = row.indicator[:at] + row.column + row.indicator[at:]  # "2025年装机": 光伏装机
            rows.append(row)
        elif (heading := _TITLE.match(line)) is not None:
            title, unit = _subject(heading.group("title")) or None, None
        elif (unit_line := _UNIT_LINE.match(line)) is not None:
            unit = unit_line.group("unit") if _is_unit(unit_line.group("unit")) else None
        elif len(line.strip()) > 40:  # running text: the table is over
            title, unit = None, None
        pos += len(printed) + 1
    return rows


#: A generating capacity's unit, and the kinds of power a row in it names by their name alone ("水电", "光伏发电",
#: "可再生能源合计") in a column of kinds or items is that kind's 装机, as a column "2025年装机" says where a table
#: prints one; a column of indicators ("指标名称:风电") names the row as printed.
_POWER_UNIT = re.compile(r"^(?:万|亿)?千瓦$|^(?:GW|MW|kW)$")
_POWER_KIND = re.compile(r"(?:发电|[水风火核煤气]电|光伏|光热|生物质能?|地热能?|太阳能|储能|可再生能源|新能源|清洁能源|抽水蓄能)(?:合计|总计)?$")


def _power_head(name: str) -> str:
    """The head a row in units of power takes: 装机 for a kind of power named alone, nothing otherwise."""
    return "装机" if _POWER_KIND.search(name) and "装机" not in name else ""


def _continues(cell: str, short: bool = True) -> bool:
    """A cell that only finishes the indicator before it: "/立方米)", "(%)", "降低(%)"; a bare cell also
    when it is a word's end ("理率")."""
    bracket = re.match(r"^[\u4e00-\u9fff]{0,3}[(（]([^()（）]{1,12})[)）]$", cell)
    if bracket:  # "乡镇(含千吨万人)" is a qualifier with its note, not a unit
        return _is_unit(bracket.group(1)) and not bracket.group(1).startswith(("含", "包括", "不含", "其中"))
    return cell.startswith("/") or (short and len(cell) <= 3 and not re.search(r"[()（）\d]", cell))


def _name_rows(rows: list[_Row]) -> list[tuple[_Row, str]]:
    """Each row with its indicator as a reader names it (see the module's docstring)."""
    named: list[list] = []  # [row, qualifier, head]
    last: list | None = None  # the entry whose row named the last indicator
    for row in rows:
        name, bare = row.indicator, [b for b in row.bare if not _ORDINAL.match(b)]
        if name is not None:
            numbered = bool(_NUMBERED.match(name))
            name = _NUMBERED.sub("", name)
            if last and not numbered and (_continues(name, short=False) or last[2].count("(") > last[2].count(")")):
                name = last[2] + name  # "…浓度(微克" + "/立方米)": the row above is named in full too
                last[2] = name
            while bare and _continues(bare[0], short=_unit_of(name)[1] is None):
                name += bare.pop(0)  # "单位地区生产总值能源消耗降低" + "(%)"
            if name.startswith("占") and last:
                name = _unit_of(last[2])[0] + name  # "占电力总装机比重" after 可再生能源电力装机
        entry = [row, bare[0] if bare else None, name]
        if name is not None:
            last = entry
        named.append(entry)
    out: list[tuple[_Row, str]] = []
    group: str | None = None  # the indicator of the last row read with a qualifier: a group in progress
    for i, (row, qualifier, head) in enumerate(named):
        if head is None:  # a row naming only its qualifier: the indicator of the next row that names one
            ahead = [n for n in named[i + 1 : i + 4] if n[0].start <= row.end + 200]  # within its own table
            following = next((n for n in ahead if n[2] is not None), None)
            # …unless that row stands alone and a group is in progress: "挥发性有机物" named with the
            # indicator, then "化学需氧量", "氨氮" under it
            head = group if group and (following is None or following[1] is None) else following and following[2]
            if head is None:
                continue
        group = head if qualifier else None
        if qualifier:
            qualifier = _NOTE_ZH.sub("", qualifier) or qualifier
            head_name, _ = _unit_of(head)
            head = _join(head_name, qualifier) + head[len(head_name):]
        out.append((row, head))
    return out


def table_targets(text: str, header: str | None = None) -> list[TargetHit]:
    """Every target of the indicator tables in `text` (offsets into it); `header` is the header row of a table
    whose rows `text` opens with (`header_before`)."""
    hits: list[TargetHit] = []
    added = set(_ADDED_NOTE.findall(text))  # "②指“十四五”期间的新增量": the figures so marked are the period's additions
    for row, name in _name_rows(_rows(text, header)):
        if row.marks & added:
            row.values = [(y, v, True) for y, v, _ in row.values]
        indicator, unit = _unit_of(name)
        unit = row.unit or unit or ("%" if RATE_HEAD_ZH.search(indicator) else row.table_unit)  # "…处理率" without (%)
        change = _CHANGE_TAIL.search(indicator)
        base = None
        if change:
            indicator = indicator[: change.start()]
            written = _BASE_TAIL.search(indicator)  # "营运船舶单位周转量二氧化碳排放较2020年下降(%)"
            if written:
                indicator, base = indicator[: written.start()], int(written.group(1))
        for year, value, cumulative, area in [(y, v, c, a) for y, cell, c in row.values for v, a in _per_area(cell)]:
            for paired, paired_unit in _paired(value, unit):
                _add_cell(hits, row, indicator, unit if paired_unit is None else paired_unit, change, base,
                          (year, paired, cumulative, area))
    return hits


#: A table's note saying the figures its mark is on are what the period adds: "②指“十四五”期间的新增量".
_ADDED_NOTE = re.compile(r"(?:^|\n|\s)([\u2460-\u2473])\s*指?[^。\n]{0,16}(?:期间|时期)[^。\n]{0,6}(?:新增量|增量|累计(?:值|量)?)")


#: A cell of two values under a unit of two ("200/400" under "万千瓦/万千瓦时"): a storage's power and energy.
_PAIR = re.compile(r"^(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)$")


def _paired(value: str, unit: str | None) -> list[tuple[str, str | None]]:
    """Each value of a cell with the unit it is in; the cell itself (None: the row's unit) when it gives one."""
    m = _PAIR.match(value)
    units = unit.split("/") if unit and unit.count("/") == 1 else []
    if not m or len(units) != 2 or not all(_is_unit(u) for u in units):
        return [(value, None)]
    return [(m.group(1), units[0]), (m.group(2), units[1])]


def _for_area(indicator: str, area: str | None) -> str:
    """The row's name for one area of it: "县级" of "县级及以上城市…达标率" is "县级城市…达标率"."""
    if not area:
        return indicator
    return area + (indicator[len(area) + 3:] if indicator.startswith(area + "及以上") else indicator)


def _add_cell(hits: list[TargetHit], row: _Row, indicator: str, unit: str | None, change: re.Match[str] | None,
              base: int | None, cell: tuple[int | None, str, bool, str | None]) -> None:
    """The target one cell of a row gives, if its value reads as one."""
    year, value, cumulative, area = cell
    worded_change = _CELL_CHANGE.match(value)
    if worded_change:
        value = worded_change.group("v")
    m = _VALUE.match(value) or _worded(value)
    written_unit = m.group("unit") if m else None  # "≥98%", "3400个": the unit written with the value
    if not m or len(indicator) < 2 or (written_unit and not _is_unit(written_unit)):
        return
    comparator = _PRE.get(m.group("pre") or "") or _POST.get(m.group("post") or "") or "="
    verb = worded_change.group(2) if worded_change else change.group(1) if change else None
    kind = direction(verb) if verb else None
    start_year = (row.status_year + 1 if row.status_year else year - 4) if cumulative and not kind and year else None
    base_year = int(worded_change.group(1)) if worded_change else base or row.status_year
    hits.append(TargetHit(
        start=row.start, end=row.end, indicator=_for_area(indicator, area), comparator=comparator, value=float(m.group("num")),
        value_min=None, value_max=None, measure_unit=written_unit or unit or None, converted_value=None, converted_unit=None,
        change=kind, base_year=base_year if kind else None, year=year, qualitative=False,
        indicator_start=row.start, indicator_end=row.end, confidence=0.7, start_year=start_year,
    ))

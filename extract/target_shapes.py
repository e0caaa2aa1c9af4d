"""The shapes of targets: clause and sentence geometry, lists of indicators, the value's surroundings.

Used by extract/targets.py, which reads targets backwards from each value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from policykg.extract.numbers import Quantity
from policykg.extract.scan import last_match_end
from policykg.extract.target_words import (
    _ADVERBS_ZH,
    _AUX_EN,
    _BASE_EN,
    _CATEGORY_ZH,
    _CLAUSE_VERB_EN,
    _COMPARATORS_EN,
    _HARD_EDGE_EN,
    _INDICATOR_TAIL_ZH,
    _INTENSITY_HEAD_ZH,
    _MEASURE_NOUN_ZH,
    _POST_CHANGE_EN,
    _SEGMENT_EDGE_EN,
    _SEGMENT_EDGE_ZH,
    _SENTENCE_EDGE_EN,
    _SENTENCE_EDGE_ZH,
    _SUFFIX_ZH,
    _VERBS_EN,
    CLASS_OPENING_ZH,
    ITEM_JOINER_ZH,
    OWN_DENOMINATOR_ZH,
    _comparator_en_re,
    _verb_re,
)
from policykg.ingest.segmenter import stock_segmenter


# --- text geometry ---------------------------------------------------------------------------------
def _segment_bounds(text: str, pos: int, lang: str) -> tuple[int, int]:
    """The clause around `pos`: between commas, semicolons and sentence ends."""
    edge = _SEGMENT_EDGE_EN if lang == "en" else _SEGMENT_EDGE_ZH
    start = _clause_start_en(text, pos) if lang == "en" else (last_match_end(edge, text, pos) or 0)
    near = max(start, pos - _QUOTED_REACH)
    if lang != "en" and text.count("”", near, pos) > text.count("“", near, pos):
        # "以“率先实现碳达峰碳中和,推动区域…发展”为主题的…示范区": a comma inside a quotation ends no clause
        opening = text.rfind("“", max(0, start - _QUOTED_REACH), start)
        if opening >= 0:
            start = last_match_end(edge, text, opening) or 0
    m = edge.search(text, pos)
    return start, (m.start() if m else len(text))


#: How far back a quotation a clause closes may have opened, and how much of the clause is read for its closing mark.
_QUOTED_REACH = 60


def _clause_start_en(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts: English lists commas inside a subject ("rivers, lakes, and
    bays will reach 40%"), so a comma only ends a clause when what precedes it has a verb or a number."""
    hard = last_match_end(_HARD_EDGE_EN, text, pos) or 0
    bounds = [hard] + [hard + m.end() for m in re.finditer(",", text[hard:pos])]
    i = len(bounds) - 1
    while i > 0 and not _CLAUSE_VERB_EN.search(text, bounds[i - 1], bounds[i] - 1):
        i -= 1
    return bounds[i]


def _sentence_bounds(text: str, pos: int, lang: str) -> tuple[int, int]:
    edge = _SENTENCE_EDGE_EN if lang == "en" else _SENTENCE_EDGE_ZH
    start = last_match_end(edge, text, pos) or 0
    m = edge.search(text, pos)
    return start, (m.end() if m else len(text))


def _trim(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """Drop punctuation and particles at both ends; a quotation mark or a bracket stays when its pair is inside."""
    junk = " \t,;:、的" if lang != "en" else " \t,;:"
    quotes = "“”\"'"
    while start < end and (text[start] in junk or text[start] in quotes and text.count(text[start], start, end) % 2
                           or text[start] in "(（" and not re.search(r"[)）]", text[start:end])):
        start += 1  # an unclosed bracket opens the clause, not the indicator: "(较2016年分别上升22.2%、23.6%)"
    while end > start and (text[end - 1] in junk or text[end - 1] in quotes and _unpaired(text[start:end], text[end - 1])):
        end -= 1
    return start, end


def _unpaired(phrase: str, quote: str) -> bool:
    if quote in "“”":
        return phrase.count("“") != phrase.count("”")
    return phrase.count(quote) % 2 == 1


# --- list distribution -----------------------------------------------------------------------------
def _jieba_boundaries(s: str) -> list[int]:
    bounds, pos = [], 0
    # jieba's stock words only, so a split does not depend on the user words other components add to jieba's
    # shared segmenter (concept labels such as 单位地区生产总值能耗)
    for token in stock_segmenter().cut(s):
        pos += len(token)
        bounds.append(pos)
    return bounds


#: A grid and its voltage class opening a measure's name: "配网10千伏", "110千伏及以上".
_VOLTAGE_CLASS_ZH = re.compile(r"[\u4e00-\u9fff]{0,6}?\d+(?:\.\d+)?\s*(?:千伏|kV)(?:及以上|以上)?")


def _split_indicators_zh(indicator: str, n: int = 0) -> list[str]:
    """"乘用车和商用车新车二氧化碳排放强度" → ["乘用车新车二氧化碳排放强度", "商用车新车二氧化碳排放强度"].

    `n` is how many values the list pairs the indicators with (0: one value for each, "…均达到97%"). A list
    closed by 等 splits only when it names as many items as there are values: "化学需氧量、氨氮…等主要污染物
    重点工程减排量分别达到1.6万吨、0.04万吨…" → "化学需氧量重点工程减排量", "氨氮重点工程减排量", …
    """
    if "等" in indicator:
        return _split_listed_zh(indicator, n)
    if (size := CLASS_OPENING_ZH.match(indicator) or _VOLTAGE_CLASS_ZH.match(indicator)) and ITEM_JOINER_ZH.search(
            indicator, size.end()):
        # "60万千瓦级湿冷、空冷机组供电煤耗": the size class belongs to every item; so do a grid and its voltage class
        # ("配网10千伏线路联络率、标准接线率")
        return [size.group() + p for p in _split_indicators_zh(indicator[size.end() :], n)]
    parts = [p for p in ITEM_JOINER_ZH.split(indicator) if p]
    if n >= 2 and len(parts) != n:  # "清洁能源及新能源公交车、出租车占比": 及 inside an item, 、 between items
        by_comma = [p for p in indicator.split("、") if p]
        if len(by_comma) != n and len(parts) > n:
            return _split_last_items_zh(indicator, n) or [indicator]
        parts = by_comma if len(by_comma) == n else parts
    if len(parts) < 2:
        return [indicator]
    last = parts[-1]
    if all(_MEASURE_NOUN_ZH.search(p) for p in parts):
        first = parts[0]
        if "单位" in first:
            # "单位国内生产总值能耗和二氧化碳排放", "规模以上工业单位增加值能耗、用水量": the intensity's
            # denominator is written once (inside the first item only a bare head takes it: not "人均综合能耗")
            bounds = _jieba_boundaries(first)
            prefix = first[: bounds[-2] if len(bounds) >= 2 else 0]
            inside = not first.startswith("单位")
            # "公共机构单位建筑面积能耗、人均综合能耗": who the intensities are of, written before the first's 单位,
            # holds for the items that name a denominator of their own
            holder = first[: first.find("单位")] if first.find("单位") >= 2 else ""
            return [first] + [
                prefix + p if _INTENSITY_HEAD_ZH.search(p) and "单位" not in p and not (inside and len(p) > 4)
                and not p.startswith(OWN_DENOMINATOR_ZH)
                else holder + p if holder and p.startswith(("单位", *OWN_DENOMINATOR_ZH)) else p
                for p in parts[1:]
            ]
        # "非化石能源发电装机比重和发电量比重": a later item opening with a word of the first's takes what the first
        # has before that word (非化石能源发电量比重)
        head = re.search(r"(?:数量|面积|规模|总量|产值)$", first)
        if head and head.start() >= 2 and all(len(p) == 2 for p in parts[1:]):
            return [first] + [first[: head.start()] + p for p in parts[1:]]  # "自然保护地数量和面积": 自然保护地面积
        return [first] + [first[: first.find(p[:2])] + p if first.find(p[:2]) >= 2 else p for p in parts[1:]]
    paired = n == len(parts)  # as many values as items: the items must part, whatever their words
    if _MEASURE_NOUN_ZH.search(last) and (paired or not any(_MEASURE_NOUN_ZH.search(p) for p in parts[:-1])):
        # the shared head is at least two characters: "占比", not the "比" a segmenter may cut off
        bounds = [b for b in _jieba_boundaries(last) if b < len(last) - 1 and _MEASURE_NOUN_ZH.search(last[b:])]
        if not bounds:
            return [indicator]
        cut = min(bounds, key=lambda b: (abs(b - len(parts[0])), -b))
        ending = _common_ending(parts[:-1])
        if len(parts) >= 3 and (k := last.find(ending) if ending else -1) >= 1 and _MEASURE_NOUN_ZH.search(last[k + len(ending):]):
            cut = k + len(ending)  # "风电供暖、光伏供暖、…和电供暖供热面积": the items close alike, the measure after them
        while (act := _SHARED_ACTION_ZH.search(last, 0, cut)) and act.start() in bounds:
            cut = act.start()  # "挥发性有机物、氮氧化物排放总量": what is done to the items is shared (排放总量)
        suffix = last[cut:]
        items = [*parts[:-1], last[:cut]]
        first_bounds = _jieba_boundaries(items[0])
        own = len(items[0]) - first_bounds[-2] if len(first_bounds) >= 2 else len(items[0])
        prefix = items[0][:-own]
        if 2 <= own <= 3 and len(prefix) >= 2 and all(len(p) <= 3 and not p.startswith(prefix) for p in items[1:]) and (
            not _MEASURE_NOUN_ZH.search(items[0])
        ):  # (not "化学需氧量、氨氮…排放量", an item named whole; not "再生铜、再生铝产量", the modifier repeated)
            # "主要农作物化肥、农药利用率": the first item's modifier is every item's (主要农作物农药利用率)
            return [items[0] + suffix] + [prefix + p + suffix for p in items[1:]]
        return [p + suffix for p in parts[:-1]] + [last]
    if paired and len(parts) >= 3 and all(len(p) >= 4 for p in parts) and not _MEASURE_NOUN_ZH.search(parts[0]):
        # "岷江汉阳航电枢纽、球溪河北斗水文站、青衣江洪雅水文站生态基流枯水期分别不低于64m3/s、…": the places each
        # value is kept at, the last closing with what is kept there (cut where the first place's length ends)
        bounds = [b for b in _jieba_boundaries(last) if 3 <= b <= len(last) - 2]
        if bounds:
            cut = min(bounds, key=lambda b: (abs(b - len(parts[0])), -b))
            return [p + last[cut:] for p in parts[:-1]] + [last]
    return _paired_items_zh(parts) if paired and _MEASURE_NOUN_ZH.search(parts[0]) else [indicator]


def _common_ending(items: list[str]) -> str:
    """The word of two characters or more every item of a list closes with ("供暖" of 风电供暖、光伏供暖); "" if none."""
    end = 0
    while all(len(p) > end for p in items) and len({p[-1 - end] for p in items}) == 1:
        end += 1
    return items[0][len(items[0]) - end:] if end >= 2 and all(len(p) > end for p in items) else ""


#: What is done to each item of a list, written once before the shared measure: 排放总量, 综合利用率, 使用比例.
_SHARED_ACTION_ZH = re.compile(r"(?:排放|综合|利用|使用|消费|处理|处置)$")


def _paired_items_zh(parts: list[str]) -> list[str]:
    """Items paired one to one with values, the first a whole indicator, a later one naming no measure of its own:
    "年轨道交通客流量和平均运距较2020年分别提升30%和20%" → 年轨道交通客流量, 年轨道交通平均运距. A short later item (four
    characters at most) takes the first item's words before its last one, the subject they share."""
    tokens = list(stock_segmenter().cut(parts[0]))
    prefix = "".join(tokens[:-1]) if len(tokens) >= 2 else ""
    return [parts[0]] + [prefix + p if len(p) <= 4 and len(prefix) >= 2 and not p.startswith(prefix) else p
                         for p in parts[1:]]


def _split_last_items_zh(indicator: str, n: int) -> list[str] | None:
    """"新增和更新的新能源公交车辆和快递物流配送车辆" with two values → […新能源公交车辆, …新能源快递物流配送车辆]: a
    joiner inside the first item (新增和更新), the items the last n; each later item takes the first's words before
    its own noun (the head they share, 车辆, kept once). None when an item is too short to be one."""
    joiners = list(ITEM_JOINER_ZH.finditer(indicator))[-(n - 1):]
    cuts = [0, *[j.start() for j in joiners], len(indicator)]
    items = [indicator[(joiners[i - 1].end() if i else 0) : cuts[i + 1]] for i in range(n)]
    if any(len(p) < 2 or _MEASURE_NOUN_ZH.search(p) for p in items):
        return None
    tokens = [t for t in stock_segmenter().cut(items[0])]
    if len(tokens) < 3:
        return None
    own = len(tokens[-1])
    if all(p.endswith(tokens[-1]) for p in items[1:]) and len(tokens[-1]) >= 2:
        own += len(tokens[-2])  # "…公交车辆" and "…配送车辆": 公交 is the first item's own
    prefix = items[0][:-own]
    return [items[0], *[prefix + p for p in items[1:]]] if len(prefix) >= 2 else None


def _split_listed_zh(indicator: str, n: int) -> list[str]:
    at = indicator.rfind("等")
    items = [p for p in ITEM_JOINER_ZH.split(indicator[:at]) if p]
    head = indicator[at + 1 :]
    category = _CATEGORY_ZH.match(head)
    if category and len(head) - category.end() >= 2:
        head = head[category.end() :]
    if n >= 2 and len(items) == n and head and all(len(p) >= 2 for p in items):
        return [p + head for p in items]
    return [indicator]


def _clean_indicator_zh(phrase: str) -> str:
    """An indicator without what only qualifies its value: a yearly rate's "每年", "年均", a period's "累计",
    a base period ("比“十三五”")."""
    while True:
        m = _INDICATOR_TAIL_ZH.search(phrase)
        if not m or m.start() == 0:
            return phrase
        phrase = phrase[: m.start()]
        adverbs = _ADVERBS_ZH.search(phrase)  # "…减排量分别累计": the adverb before 累计 goes too
        if adverbs and adverbs.start() > 0:
            phrase = phrase[: adverbs.start()]


def _region_lead_zh(phrase: str) -> int:
    """The length of a region's name opening an indicator ("巴中市二氧化硫…" → 3), 0 when none does."""
    names = _region_names()
    for k in range(min(len(phrase) - 2, 9), 2, -1):  # three characters at least: 城区 and 郊区 are words too
        if phrase[:k] in names:
            return k
    return 0


#: A place a list names without the gazetteer's full name ("西海岸新区"), read only between joiners.
_PLACE_ITEM_ZH = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:新区|市|区|县|旗|州)(?=、|和|及|与|$)")


def places_listed_zh(phrase: str) -> int:
    """The length of a list of two places or more opening a phrase, with the joiners between them ("市南区、
    市北区、李沧区、崂山区单位…" → 15): the places a target is set for, one of several; 0 when none opens it.
    One of them at least is a region's full name."""
    at, count, named = 0, 0, False
    while True:
        k = _region_lead_zh(phrase[at:]) or _region_alone_zh(phrase[at:])
        named = named or bool(k)
        if not k and (item := _PLACE_ITEM_ZH.match(phrase, at)):
            k = item.end() - at
        if not k:
            break
        count += 1
        joiner = ITEM_JOINER_ZH.match(phrase, at + k)
        if not joiner:
            at += k
            break
        if not (_region_lead_zh(phrase[joiner.end():]) or _region_alone_zh(phrase[joiner.end():])
                or _PLACE_ITEM_ZH.match(phrase, joiner.end())):
            at += k
            break
        at = joiner.end()
    return at if count >= 2 and named else 0


def _region_alone_zh(phrase: str) -> int:
    """A region's full name that is the whole phrase ("莱西市"): `_region_lead_zh` leaves two characters after it."""
    return len(phrase) if 3 <= len(phrase) <= 11 and phrase in _region_names() else 0


@functools.cache
def _region_names() -> frozenset[str]:
    from policykg.ingest.regions import gazetteer

    return frozenset(r.full_name for r in gazetteer().regions if r.full_name)


def _split_indicators_en(indicator: str, n: int = 0) -> list[str]:
    """"proportion of A and B" → ["proportion of A", "proportion of B"]."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", indicator)
    if len(parts) < 2:
        return [indicator]
    m = re.match(r"^(.*\bof\s+)", parts[0])
    if m and not any(" of " in f" {p} " for p in parts[1:]):
        return [parts[0]] + [m.group(1) + p for p in parts[1:]]
    return parts


# --- value shapes shared by both languages ---------------------------------------------------------
@dataclass(slots=True)
class _Predicate:
    verb_start: int  # where the indicator ends
    comparator: str | None
    change: str | None
    base_year: int | None
    confidence: float
    level: bool = False  # the verb names a level reached ("达到"), not an amount ("新增")
    denominator: str | None = None  # "…总量占地产农产品产量的30%": what the share is of


def _predicate_en(text: str, seg_start: int, value_start: int) -> _Predicate | None:
    """Read [aux] verb [by|to] [comparator] backwards from the value."""
    pre = text[seg_start:value_start].rstrip()
    comparator = None
    m = _comparator_en_re().search(pre)
    if m:
        comparator = _COMPARATORS_EN[m.group(1).lower()]
        pre = pre[: m.start()].rstrip()
    prep = None
    m = re.search(r"\b(by|to|at|of)$", pre, re.IGNORECASE)
    if m:
        prep = m.group(1).lower()
        pre = pre[: m.start()].rstrip()
    m = _verb_re("en").search(pre)
    if not m:
        # "will not be less than 35%": the comparator carries the verb
        a = _AUX_EN.search(pre)
        if comparator is None or a is None:
            return None
        return _Predicate(seg_start + a.start(), comparator, None, None, 0.85)
    verb_comparator, change = _VERBS_EN[m.group(1).lower()]
    if prep in ("to", "at"):
        change = None  # "decrease to 28" names a level, "decrease by 18%" a change
    before = pre[: m.start()]
    a = _AUX_EN.search(before)
    if a:
        before = before[: a.start()]
    return _Predicate(seg_start + len(before), comparator or verb_comparator, change, None, 0.9)


def _suffix(text: str, pos: int, lang: str) -> tuple[int, str | None]:
    """(end, comparator) of a comparator written after the value: "以上", "左右", "or more"."""
    if lang == "en":
        m = re.match(r"\s*(or more|or above|and above|or less|or below)\b", text[pos:], re.IGNORECASE)
        if m:
            return pos + m.end(), (">=" if m.group(1).lower() in ("or more", "or above", "and above") else "<=")
        return pos, None
    for word in sorted(_SUFFIX_ZH, key=len, reverse=True):
        if text.startswith(word, pos):
            return pos + len(word), _SUFFIX_ZH[word]
    if _MORE_THAN_ZH.search(text, max(0, pos - 12), pos):
        return pos, ">"  # "50余万辆": more than 50万
    return pos, None


#: A value written with 余 before its magnitude or unit, closing at the value's end.
_MORE_THAN_ZH = re.compile(r"\d余[\u4e00-\u9fff/]{0,6}$")


def _group_lists(text: str, quantities: list[Quantity], lang: str) -> list[list[tuple[Quantity, int, str | None]]]:
    """Consecutive values joined only by 、/和/and form one list: "下降13.5%、18%", "90% and 83%"; a power and
    the energy after it joined by "/" too ("200万千瓦/400万千瓦时": one storage's two sizes)."""
    joiner = re.compile(r"^\s*(?:,\s*and|,|and)\s*$", re.IGNORECASE) if lang == "en" else re.compile(r"^\s*(?:、|和|及|与)\s*$")
    lists: list[list[tuple[Quantity, int, str | None]]] = []
    for q in quantities:
        end, comparator = _suffix(text, q.end, lang)
        item = (q, end, comparator)
        between = text[lists[-1][-1][1]:q.start] if lists else ""
        sizes = between.strip() == "/" and lists[-1][-1][0].dimension == "power" and q.dimension == "energy"
        # "自然保护地数量和面积调整到65处63.5万公顷": two measures' values side by side, each in its own dimension
        sizes = sizes or (lang != "en" and bool(lists) and between == "" and lists[-1][-1][0].dimension == "count"
                          and q.dimension in ("land", "area"))
        if lists and (joiner.match(between) or sizes):
            lists[-1].append(item)
        else:
            lists.append([item])
    return lists


def _english_base(text: str, seg_start: int, seg_end: int, value_start: int, list_end: int
                  ) -> tuple[str | None, int | None, int]:
    """(change, base year, new end) from "13.5% lower than that in 2020" or "compared with 2005"."""
    post = _POST_CHANGE_EN.match(text, list_end)
    if post:
        change = "decrease" if post.group(1).lower() in ("lower", "less") else "increase"
        return change, int(post.group(2)), post.end()
    after = _BASE_EN.search(text, list_end, seg_end)
    if after and not text[list_end:after.start()].strip(" ,"):
        return None, int(after.group(1)), after.end()
    before = after or _BASE_EN.search(text, seg_start, value_start)
    return None, (int(before.group(1)) if before else None), list_end

"""What an indicator names once the words that only point at it are read: the examples a category is
introduced by, a demonstrative that refers to a target just stated, a share that follows a target.

- "废钢铁、废铜、…、废玻璃等9种主要再生资源循环利用量达到4.5亿吨" → 9种主要再生资源循环利用量: one value for
  a list closed by 等 and a count of its kinds measures the category the list exemplifies (the list pairs
  with values only under 分别/均, `target_shapes._split_listed_zh`). Without the count ("港口电能、氢能、LNG
  等清洁能源机械设备") the examples stay: the measuring key's figures said so.
- "…绿色建筑占新建民用建筑比例达到35%；到2025年，该比例达到45%" → the earlier target's indicator.
- "可再生能源消费量折合标煤超过1000万吨，占能源消费总量的比重超过11%" → 可再生能源消费量占能源消费总量的
  比重: a share (占…) right after a target is a share of what that target measures.
- "秸秆综合利用率、农用残膜回收率达到90%": a list of whole indicators gives each the value (`measures_listed`).
- "市南区、市北区…排放相对2020年降低20.5%,平度市、莱西市降低21.5%" → 平度市、莱西市单位地区生产总值二氧化碳
  排放: places alone after a target of other places take what it measures (`completed_by_previous`).
- "可再生能源发电装机比重不断提升,由2020年的33.51%提升至2025年的37.55%" → 可再生能源发电装机比重: a level
  reached from a stated start ("由…的A提升至…的B") names its indicator before 由, in its clause or the one before.
- "力争我省光伏装机达到2750万千瓦以上,新增装机在1200万千瓦以上" → 光伏新增装机: a capacity named by its head alone is
  that of the kind of power its sentence or its item's heading names (`capacity_of_kind`).

Used by extract/targets.py (the grammar, `_predicated`).

Length (about 830 lines, kept whole on purpose): every rule here names an indicator from the targets stated just
before it (`earlier`), so they share that reach and run in one order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from policykg.extract.target_scope import TargetHit
from policykg.extract.target_shapes import _jieba_boundaries, places_listed_zh
from policykg.extract.target_words import (
    _INTENSITY_HEAD_ZH,
    _MEASURE_NOUN_ZH,
    ITEM_JOINER_ZH,
    RATE_HEAD_ZH,
    WHOLE_AREA,
)

#: Examples closed by 等 before a count of them ("9种", "4类") and the category measured, which keeps the count.
_EXAMPLES_ZH = re.compile(r"^[^,;，；]*?、[^,;，；]*?等(?=(?:\d+|[一二三四五六七八九十]+)(?:种|类|项|个|大))")

#: A demonstrative and the head of the indicator it refers to: "该比例", "这一指标".
_ANAPHOR_ZH = re.compile(r"^(?:该|此|这一|上述)(比例|比重|占比|指标|数量|规模|面积|总量|水平)$")

#: How far back a demonstrative may refer: the sentence before, at most.
_ANAPHOR_REACH = 200


class _Named(Protocol):
    @property
    def indicator(self) -> str: ...
    @property
    def end(self) -> int: ...
    @property
    def qualitative(self) -> bool: ...


def example_category(indicator: str) -> str:
    """"废钢铁、…、废玻璃等9种主要再生资源循环利用量" → 9种主要再生资源循环利用量; the indicator as it is when no
    list of examples and count opens it, or when the category left would be a bare word ("A、B等3项指标")."""
    m = _EXAMPLES_ZH.match(indicator)
    if not m:
        return indicator
    category = indicator[m.end() :]
    return category if len(category) >= 4 else indicator


def referent(indicator: str, earlier: Sequence[_Named], pos: int) -> str | None:
    """The indicator a demonstrative ("该比例") refers to: the latest quantified target ending at most
    `_ANAPHOR_REACH` characters before `pos` whose indicator has the same head; None when it is no
    demonstrative or nothing fits."""
    m = _ANAPHOR_ZH.match(indicator)
    if not m:
        return None
    for t in reversed(earlier):
        if t.qualitative or t.end > pos or pos - t.end > _ANAPHOR_REACH:
            continue
        if t.indicator.endswith(m.group(1)) and not _ANAPHOR_ZH.match(t.indicator):
            return t.indicator
    return None


#: What a target's indicator says beyond what it measures: the action that adds it, the unit it is counted in.
_ACTION_LEAD_ZH = re.compile(r"^(?:累计)?(?:投产|新增|新建|建成|开发|实现|形成)")
_COUNTED_IN_ZH = re.compile(r"折合[\u4e00-\u9fff]{1,4}$")

#: Only separators between a target and the share after it.
_SHARE_GAP_ZH = re.compile(r"[\s,，、]*")


def share_of_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """"…装机超过800万千瓦，占电力总装机的比重达到30%" → 可再生能源电力装机占电力总装机的比重: the subject of a
    share (占…) that follows a target in the same sentence, separated only by a comma; None otherwise."""
    if not indicator.startswith("占") or not earlier:
        return None
    last = earlier[-1]
    if last.qualitative or last.end > ind_start or not _SHARE_GAP_ZH.fullmatch(text, last.end, ind_start):
        return None
    subject = _COUNTED_IN_ZH.sub("", _ACTION_LEAD_ZH.sub("", last.indicator))
    return subject + indicator if len(subject) >= 2 and not subject.startswith("占") else None


def named_by_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """An indicator the target before completes (a share of it (占…), a place or a head of it), or the clause
    before names the works of (`works_of_clause_before`)."""
    return (share_of_previous(indicator, earlier, text, ind_start) or completed_by_previous(indicator, earlier, text, ind_start)
            or works_of_clause_before(indicator, text, ind_start) or object_of_clause_before(indicator, text, ind_start)
            or level_of_clause_before(indicator, text, ind_start)
            or scale_of_works_before(indicator, text, ind_start) or base_of_capacity(indicator, text, ind_start)
            or subject_named_before(indicator, earlier, text, ind_start) or subject_of_trend_before(indicator, text, ind_start)
            or named_again(indicator, earlier, text, ind_start)
            or capacity_of_kind(indicator, earlier, text, ind_start) or kind_in_capacity_list(indicator, earlier, text, ind_start)
            or subject_of_previous(indicator, earlier, text, ind_start) or zone_of_previous(indicator, earlier, text, ind_start)
            or holder_of_previous(indicator, earlier, text, ind_start)
            or part_of_previous_population(indicator, earlier, text, ind_start)
            or named_by_paragraph_heading(indicator, text, ind_start))


#: A share of a population's part, introduced by 其中 right after the share of the whole: "新建民用建筑中绿色建筑占比
#: 达到100%,其中星级以上绿色建筑面积比例达到40%以上" (the population before 中, the share after it).
_PART_GAP_ZH = re.compile(r"\s*[,，;；]?\s*其中\s*[,，:：]?\s*")
_POPULATION_ZH = re.compile(r"^(?P<population>[^,，;；。]{2,30}?中)(?=[\u4e00-\u9fff]{2})")
_SHARE_HEAD_ZH = re.compile(r"(?:比例|占比|比重)$")


def part_of_previous_population(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """The share of a part (after 其中) measured in the population the share before it names: 新建民用建筑中星级以上
    绿色建筑面积比例. None unless both are shares and the one before names its population with 中."""
    if not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start or not _PART_GAP_ZH.fullmatch(text, earlier[-1].end, ind_start):
        return None
    population = _POPULATION_ZH.match(earlier[-1].indicator)
    if not population or "中" in indicator or not _SHARE_HEAD_ZH.search(indicator) or not _SHARE_HEAD_ZH.search(earlier[-1].indicator):
        return None
    whole = earlier[-1].indicator[population.end() :]
    thing = whole[: _SHARE_HEAD_ZH.search(whole).start()]  # type: ignore[union-attr]
    rest = indicator.replace(thing, "") if thing else indicator
    if population.group("population")[-3:-1] in rest:
        return None  # "…其中新增及更新城市物流配送车辆新能源汽车应用比例": the part names a population of its own
    return population.group("population") + indicator


#: A zone a target's indicator opens with (after the verb of pushing it on): "推进泰州海陵工业园区再生水回用率".
_ZONE_LEAD_ZH = re.compile(r"^(?:推进|推动|在)?([\u4e00-\u9fff]{2,12}?(?:工业园区|产业园区|园区|开发区|高新区|新区|工业园|产业园))")
#: A name that opens with a zone or a place of its own.
_OWN_PLACE_ZH = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?:园区|开发区|高新区|新区|工业园|产业园|[省市县])")


def zone_of_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A measure right after a target of the same sentence whose name opens with a zone (an industrial park) is the
    zone's too: "推进泰州海陵工业园区再生水回用率达到80%,单位工业增加值新鲜水耗不超过8m3/万元" → 泰州海陵工业园区单位工业
    增加值新鲜水耗; None where the measure names a place of its own or the target before no zone."""
    if not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start or not _SHARE_GAP_ZH.fullmatch(text, earlier[-1].end, ind_start):
        return None
    zone = _ZONE_LEAD_ZH.match(earlier[-1].indicator)  # a measure of the zone, not the zones counted ("绿色园区")
    if zone is None or zone.end() + 2 > len(earlier[-1].indicator) or len(indicator) < 4 or _OWN_PLACE_ZH.match(indicator):
        return None
    if not (_MEASURE_NOUN_ZH.search(indicator) or _INTENSITY_HEAD_ZH.search(indicator)):
        return None
    return zone.group(1) + indicator


#: What is done to a subject, a rate is named by: "回收覆盖率", "无害化处理率", "资源化利用率".
#: How works are done, before what is done: "无害化处理", "综合利用".
_HOW_DONE = r"无害化|资源化|综合|规范化|集中"
_TREATMENT_ZH = rf"(?:{_HOW_DONE})?(?:回收|处理|处置|利用|收集|覆盖|达标)"
_TREATMENT_RATE_ZH = re.compile(rf"^{_TREATMENT_ZH}[\u4e00-\u9fff]{{0,3}}率$")


def subject_of_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A rate named by what is done alone, right after a target of its sentence naming a subject and what is done to
    it: "农药包装废弃物回收覆盖率达100%,无害化处理率100%" → 农药包装废弃物无害化处理率; None otherwise."""
    if not _TREATMENT_RATE_ZH.match(indicator):
        return None
    for t in _stated_just_before(earlier, text, ind_start):
        m = re.search(_TREATMENT_ZH, t.indicator)
        if m and m.start() >= 2 and t.indicator.endswith("率") and not t.indicator.endswith(indicator):
            return t.indicator[: m.start()] + indicator
        return None
    return None


#: A hedge a subject is followed by, before the action its value closes: "全省海上风电力争新增装机容量450万千瓦以上".
HEDGE_INSIDE_ZH = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:力争|确保|争取)(?=新增|新建|建成|累计)")

#: A generating capacity named by its head alone: "新增装机", "总装机", "累计装机容量", "总装机规模".
_CAPACITY_HEAD_ZH = re.compile(r"^(?:新增|总|累计)装机(?:容量|规模)?$|^开发建设规模$")  # "力争开发建设规模达到1000万千瓦"
#: The head a capacity of a named kind ends in ("光伏装机", "海上风电新增装机容量"): what is left names the kind.
_CAPACITY_TAIL_ZH = re.compile(r"(?:新增|累计|总)?装机(?:容量|规模)?$")
#: A kind of power ("风电", "海上风电", "光伏发电").
_KINDS_ZH = r"(?:分布式|集中式|海上|陆上|分散式)?(?:光伏|风电|生物质能?|水电|抽水蓄能|核电|地热能?|太阳能|光热|气电|煤电|新型储能|储能)(?:发电)?"
#: A kind of power a heading opens with ("2. 风电陆海统筹发展:", "3. 生物质能有序发展:"), after its item's marker.
_POWER_KIND_ZH = re.compile(
    rf"\s*(?:\d{{1,2}}\s*[.、．]|[(（][一二三四五六七八九十\d]{{1,3}}[)）]|[一二三四五六七八九十]{{1,3}}、)\s*({_KINDS_ZH})")


#: How far back in its sentence a shortened name looks for the target it names again.
_AGAIN_REACH = 40


def _stated_just_before(earlier: Sequence[_Named], text: str, ind_start: int) -> Iterator[_Named]:
    """The quantified targets before `ind_start` in its sentence and line, nearest first, within `_AGAIN_REACH`."""
    for t in reversed(earlier):
        if t.qualitative or t.end > ind_start or ind_start - t.end > _AGAIN_REACH or re.search(r"[。\n]", text[t.end:ind_start]):
            return
        yield t


def capacity_of_kind(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A capacity named by its head alone is that of the kind of power its sentence or heading names: "力争我省光伏装机
    达到2750万千瓦以上,新增装机在1200万千瓦以上" → 光伏新增装机 (the kind of a capacity stated before it in the same
    sentence); "2. 风电陆海统筹发展:…“十四五”期间新增装机40万千瓦" → 风电新增装机 (the kind the item's heading opens
    with, on the line or the heading line right before it); None otherwise."""
    if not _CAPACITY_HEAD_ZH.match(indicator):
        return None
    for t in _stated_just_before(earlier, text, ind_start):
        kind = _CAPACITY_TAIL_ZH.sub("", _ACTION_LEAD_ZH.sub("", t.indicator)) if _CAPACITY_TAIL_ZH.search(t.indicator) else ""
        if 2 <= len(kind) <= 8 and not re.search(r"[^\u4e00-\u9fff]", kind):
            return kind + indicator
    line = text.rfind("\n", 0, ind_start) + 1
    heading = _POWER_KIND_ZH.match(text, line)
    if heading is None and line > 0:  # the heading is a line of its own right before: "1.光伏\n到“十四五”末,…"
        before = text.rfind("\n", 0, line - 1) + 1
        heading = _POWER_KIND_ZH.match(text, before)
        if heading is not None and re.search(r"[,，;；。]", text[heading.end():line]):
            heading = None
    if heading is None or re.search(r"[。]", text[heading.end():ind_start]) and not re.search(r"[:：]", text[line:heading.end() + 12]):
        return None
    return heading.group(1) + indicator


#: A kind of power named alone ("风电", "光伏发电"), and a capacity naming its kind ("新增水电装机", "水电装机容量").
_KIND_ALONE_ZH = re.compile(rf"^{_KINDS_ZH}$")
_KIND_IN_CAPACITY_ZH = re.compile(rf"{_KINDS_ZH}(?=(?:新增|累计|总)?装机(?:容量|规模)?$)")


def kind_in_capacity_list(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A kind of power named alone after a capacity of another kind in its sentence is that kind's capacity, measured
    as the first one is: "“十四五”新增水电装机约2400万千瓦,风电约600万千瓦,光伏发电约1000万千瓦" → 新增风电装机,
    新增光伏发电装机; "水电装机约10500万千瓦,风电约1000万千瓦" → 风电装机; None otherwise."""
    if not _KIND_ALONE_ZH.match(indicator):
        return None
    for t in _stated_just_before(earlier, text, ind_start):
        m = _KIND_IN_CAPACITY_ZH.search(t.indicator)
        if m and m.group() != indicator:
            return t.indicator[: m.start()] + indicator + t.indicator[m.end() :]
    return None


#: An amount named by its head alone: an industry's income or output, a yearly use of a resource.
_BARE_AMOUNT_ZH = re.compile(r"^(?:产业)?(?:营业|主营业务)?(?:收入|产值)$|^年?(?:利用|抽采|处理|回收|处置)量$")
#: The firms a count of an industry's enterprises names after the industry ("生命健康产业集聚相关企业").
_FIRMS_ZH = re.compile(r"(?:集聚|聚集)?(?:各类|相关|重点|规上|规模以上)?企业$")
_GATHERING_ZH = re.compile(r"^(?:集聚|聚集|培育|引进|引育)")
#: The works done on a resource, after its name ("煤矿瓦斯治理示范井").
_WORKS_ON_ZH = re.compile(r"治理|利用|抽采|处理|回收|处置")


def subject_named_before(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """An amount named by its head alone takes the subject the target right before it in its sentence names: the
    industry of a count of its firms ("集聚集成电路各类企业超1000家,产业收入超过3000亿元" → 集成电路产业收入), the
    resource of the works on it ("建设煤矿瓦斯治理示范井5处,实现年利用量0.24亿立方米" → 煤矿瓦斯年利用量); None otherwise."""
    if not _BARE_AMOUNT_ZH.match(indicator):
        return None
    for t in _stated_just_before(earlier, text, ind_start):
        if indicator.endswith(("收入", "产值")):
            firms = _FIRMS_ZH.search(t.indicator)
            subject = _GATHERING_ZH.sub("", t.indicator[: firms.start()]) if firms else ""
            if subject.endswith("产业") and indicator.startswith("产业"):
                subject = subject[:-2]
        else:  # the works counted, not an amount of the resource ("大宗固废年利用量" said again is `named_again`'s)
            works = _WORKS_ON_ZH.search(t.indicator)
            subject = t.indicator[: works.start()] if works and not _MEASURE_NOUN_ZH.search(t.indicator) else ""
        return subject + indicator if len(subject) >= 2 else None
    return None


#: What holds a measure, closing the subject a target names before its measure: "新建大型及超大型数据中心绿色低碳等级" (新建
#: 大型及超大型数据中心), "全省数据中心总算力".
_HOLDER_WORD_ZH = re.compile(r"数据中心|基站|机组|电厂|工厂|企业|园区|建筑|厂房|设施|项目|车辆|船舶|港口|码头|机场|社区|学校|医院"
                             r"|机构|单位")
_HOLDER_THEN_MEASURE_ZH = re.compile(
    rf"(?P<holder>[\u4e00-\u9fff]{{0,16}}?(?:{_HOLDER_WORD_ZH.pattern}))(?P<measure>[\u4e00-\u9fff]{{2,10}})")
#: A measure named alone, with nothing that holds it: "电能利用效率", "单机架算效".
_HELD_MEASURE_ZH = re.compile(r"[\u4e00-\u9fff]{0,4}(?:效率|算效|能耗|强度|上架率)")


def holder_of_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A measure named alone takes what holds the measure of the target right before it in its sentence, a comma
    between them: "新建大型及超大型数据中心绿色低碳等级达到4A级以上,电能利用效率不高于1.3" → 新建大型及超大型数据中心电能
    利用效率; None otherwise."""
    if not _HELD_MEASURE_ZH.fullmatch(indicator) or _HOLDER_WORD_ZH.search(indicator):
        return None
    for t in _stated_just_before(earlier, text, ind_start):
        held = _HOLDER_THEN_MEASURE_ZH.fullmatch(t.indicator)
        if held is None or not re.fullmatch(r"[^。;；\n]*?[,，]\s*", text[t.end : ind_start]):
            return None
        return held.group("holder") + indicator
    return None


def named_again(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A name a target of the same sentence ends in, said again for a later year: "到2025年,大宗固废年利用量达到40亿吨左右;
    到2030年,年利用量达到45亿吨左右" → 大宗固废年利用量; None otherwise."""
    if not 2 <= len(indicator) <= 6:
        return None
    for t in _stated_just_before(earlier, text, ind_start):
        if len(t.indicator) > len(indicator) and t.indicator.endswith(indicator):
            return t.indicator
    return None


#: A rate named by its action alone ("利用率", "回收率", "处理率"), perhaps with how it is done ("综合利用率"): the works
#: are the clause before's.
_HOW_DONE_ZH = rf"(?:{_HOW_DONE}|安全)"
_ACTION_RATE_ZH = re.compile(rf"^(?P<how>{_HOW_DONE_ZH})?(?P<action>[\u4e00-\u9fff]{{2}})率$")
#: The verbs a clause opens with before the works it names ("加强畜禽养殖粪污资源化利用"), cut with what precedes them.
_CLAUSE_VERB_ZH = re.compile(r"^.*?(?:积极|进一步|持续|大力|全面)?(?:推进|推动|加强|完善|开展|提高|提升|促进|强化|深化|实施|加快|做好)")


def _clause_before(text: str, ind_start: int, gap: str | re.Pattern[str], reach: int = 60) -> str | None:
    """The clause right before an indicator, when `gap` (a comma and the words allowed after it) closes the `reach`
    characters before it; None otherwise."""
    before = text[max(0, ind_start - reach) : ind_start]
    found = re.search(gap, before)
    return None if found is None else re.split(r"[。;；,，:：\n]", before[: found.start()])[-1]


def _after_verbs(clause: str) -> str:
    """What a clause names after every verb it opens with ("加快提高城市污水处理率" → 城市污水处理率); "" without one."""
    named = ""
    while (verb := _CLAUSE_VERB_ZH.match(clause)) is not None:
        named = clause = clause[verb.end() :]
    return named


def works_of_clause_before(indicator: str, text: str, ind_start: int) -> str | None:
    """A rate named only by its action, right after a clause naming the works that action is done to: "加强畜禽养殖
    粪污资源化利用,利用率达到90%以上" → 畜禽养殖粪污资源化利用率; "完善农药包装废弃物回收处置体系,回收率保持在100%"
    → 农药包装废弃物回收率. None where the clause before does not name the action."""
    rate = _ACTION_RATE_ZH.match(indicator)
    if rate is None:
        return None
    clause = _clause_before(text, ind_start, r"[,，]\s*$")
    if clause is None:
        return None
    at = clause.rfind(rate.group("action"))
    if at < 0:
        return None
    if rate.group("how"):  # "推动畜禽粪污资源化利用,综合利用率达到95%": the works, and the rate as the clause after names it
        works = re.sub(rf"{_HOW_DONE_ZH}$", "", _CLAUSE_VERB_ZH.sub("", clause[:at]))
        return works + indicator if len(works) >= 2 and not re.search(r"\d", works) else None
    works = _CLAUSE_VERB_ZH.sub("", clause[: at + 2])
    return works + "率" if len(works) >= 4 and not re.search(r"\d", works) else None


#: A number and its time unit a clause names before the object of its action ("实现未来7天空气质量级别预报").
_COUNT_BEFORE_OBJECT_ZH = re.compile(r"[\dA-Za-z.%]+(?:天|日|小时|个月|年)?")


def object_of_clause_before(indicator: str, text: str, ind_start: int) -> str | None:
    """A measure opening with the word the clause right before it closes with, taking what that clause names before the
    word: "实现未来7天空气质量级别预报,预报准确率达到70%以上" → 空气质量级别预报准确率. None where the clause before
    ends otherwise or names too little."""
    if len(indicator) < 4 or not (_MEASURE_END_ZH.search(indicator) or indicator.endswith("面积")):
        return None  # "开展近零能耗建筑试点示范,示范面积各为5万平方米": an area too
    clause = _clause_before(text, ind_start, r"[,，]\s*$")
    if not clause or not clause.endswith(indicator[:2]) or clause.endswith(indicator) or indicator[2:4] == "后的":
        return None  # "…的数据中心进行改造,改造后的数据中心电能利用效率…": the state after the works, named whole
    named = _COUNT_BEFORE_OBJECT_ZH.split(_after_verbs(clause) or clause)[-1]
    named = re.sub(r"^(?:实现|开展|形成|建立)", "", named)
    return named[:-2] + indicator if len(named) >= 6 else None


#: A clause giving the trend of one measure of a subject, the value clause after it another measure of the same subject:
#: "大宗化工产品生产集中度进一步提高,产能利用率达到80%以上", "电化学储能技术性能进一步提升,系统成本降低30%以上".
_SUBJECT_TREND_ZH = re.compile(
    r"(?P<subject>[\u4e00-\u9fff]{2,10}?)(?:生产|技术|综合|整体|产业)?(?:集中度|性能|竞争力)"
    r"(?:进一步|持续|不断|明显|显著|大幅|稳步)?(?:提高|提升|增强|优化|改善)")
#: A bare measure of a subject not named in its own clause.
_BARE_MEASURE_ZH = re.compile(r"[\u4e00-\u9fff]{0,4}(?:率|成本|比重|占比|强度)")


def subject_of_trend_before(indicator: str, text: str, ind_start: int) -> str | None:
    """A bare measure ("产能利用率", "系统成本") right after a clause giving the trend of another measure of a subject: the
    subject is that clause's ("大宗化工产品生产集中度进一步提高,产能利用率达到80%以上" → 大宗化工产品产能利用率). None where the
    clause before is no such trend or the measure names its own subject."""
    if not _BARE_MEASURE_ZH.fullmatch(indicator):
        return None
    clause = _clause_before(text, ind_start, r"[,，]\s*$")
    trend = _SUBJECT_TREND_ZH.fullmatch(clause) if clause else None
    if trend is None or indicator[:2] in trend.group("subject"):
        return None  # the measure names the subject itself
    return trend.group("subject") + indicator


#: A clause naming a measure and its trend, right before a value clause naming neither: "石油产量稳中有升,力争2022年回升到
#: 2亿吨水平" (石油产量), "天然气产量快速增长,力争2025年达到2300亿立方米以上", "…秸秆综合利用率不断提升,预期值达到90%以上".
_TREND_CLAUSE_ZH = re.compile(
    r"(?P<measure>[\u4e00-\u9fff]{2,12}?(?:产量|总量|规模|比重|比例|占比|能力|水平|消费量|用量|装机|利用率))"
    r"(?:稳中有升|稳中有降|(?:稳步|持续|逐步|不断|快速|较快|大幅)(?:提升|提高|增长|下降|降低)|有所(?:提升|回升|下降))"
    r"\s*[,，]\s*(?:力争|并|要|确保)?\s*$")


_WHOLE_AREA_ZH = re.compile(rf"(?:{WHOLE_AREA})(?=[\u4e00-\u9fff]{{2}})")


def measure_of_trend_before(text: str, ind_start: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the measure a clause names with its trend, or of the works it says shall be done, right
    before a value clause that names none ("存量煤电机组灵活性改造应改尽改,“十四五”期间完成2亿千瓦")."""
    trend = _TREND_CLAUSE_ZH.search(text, max(0, ind_start - 40), ind_start)
    if trend is not None and not re.search(r"[,，。;；]", trend.group("measure")):
        whole = _WHOLE_AREA_ZH.match(trend.group("measure"))  # "全市农作物秸秆综合利用率": the plan's own area
        start = trend.start("measure") + (whole.end() if whole else 0)
        return start, trend.end("measure"), text[start : trend.end("measure")]
    works = _WORKS_DUE_ZH.search(text, max(0, ind_start - 40), ind_start)
    if works is not None and not re.search(r"[,，。;；]", works.group("works")):
        return works.start("works"), works.end("works"), works.group("works")
    return None


#: A paragraph led by its short heading ("节煤降耗改造。对…实施节能改造…。“十四五”期间改造规模不低于3.5亿千瓦。").
_PARAGRAPH_HEADING_ZH = re.compile(r"\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）.、．]\s*)?(?P<head>[\u4e00-\u9fff“”]{2,12})。")


def named_by_paragraph_heading(indicator: str, text: str, ind_start: int) -> str | None:
    """A short measure opening with the word its paragraph's heading closes with names the heading's works:
    "节煤降耗改造。…改造规模不低于3.5亿千瓦" → 节煤降耗改造规模. None in a paragraph with no such heading."""
    if not 3 <= len(indicator) <= 6 or not _MEASURE_NOUN_ZH.search(indicator):
        return None
    heading = _PARAGRAPH_HEADING_ZH.match(text, text.rfind("\n", 0, ind_start) + 1)
    head = heading.group("head") if heading and heading.end() <= ind_start else ""
    if len(head) < 4 or not indicator.startswith(head[-2:]) or head.endswith(indicator):
        return None
    return head + indicator[2:]


#: A clause naming works and saying they shall be done (应改尽改, 要…), right before the amount of them done: "存量煤电机组
#: 灵活性改造应改尽改,“十四五”期间完成2亿千瓦".
_WORKS_DUE_ZH = re.compile(r"(?P<works>[\u4e00-\u9fff]{4,16}?(?:改造|治理|建设|修复|整治|替代))(?:应改尽改|应治尽治|应建尽建|要|应|须)"
                           r"[^,，。;；]{0,10}[,，]\s*$")


#: Places listed after 其中 as the subject of a value, with no measure of their own: "济南、青岛、烟台3市", "A市和B县".
_PLACES_PART_ZH = re.compile(
    r"(?P<places>[\u4e00-\u9fff]{2,8}(?:[、和及][\u4e00-\u9fff]{2,8})+?)(?:等)?(?:\d{1,2}|[两二三四五六七八九十])?个?(?:市|县|区|地区|城市)?")


#: What stands between the target before and the places that each hold its measure: 其中, or only a comma
#: ("…比例达到40%以上,济南、青岛、烟台3市不低于50%").
_PLACES_GAP_ZH = re.compile(r"\s*[,，;；]?\s*(?:其中)?\s*[,，:：]?\s*")


def places_of_part(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> list[str] | None:
    """Each place a clause after 其中 lists, with the measure of the target before it: "新开工装配式建筑占…比例达到40%以上,
    其中济南、青岛、烟台3市达到50%以上" → 济南新开工装配式建筑占…比例, …. None where no 其中 opens the clause or an item
    is no place the region gazetteer knows."""
    from policykg.ingest.regions import gazetteer

    if not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start or not _PLACES_GAP_ZH.fullmatch(text, earlier[-1].end, ind_start):
        return None
    listed = _PLACES_PART_ZH.fullmatch(indicator)
    if listed is None:
        return None
    places = [p for p in ITEM_JOINER_ZH.split(listed.group("places")) if p]
    if len(places) < 2 or not all(gazetteer().find(p) is not None for p in places):
        return None
    return [p + earlier[-1].indicator for p in places]


#: A value clause naming only that a level is kept ("确保稳定在50%以上", "保持在"), and the measure a clause before it raises
#: or lowers names at its end ("持续提高大宗物料铁路运输比例").
_KEPT_ONLY_ZH = re.compile(r"^(?:确保|力争|并|要)?(?:稳定|保持|维持)(?:在)?$")
_MEASURE_END_ZH = re.compile(r"(?:比例|比重|占比|率|强度|指数)$")


def level_of_clause_before(indicator: str, text: str, ind_start: int) -> str | None:
    """A level a clause keeps, right after a clause raising or lowering the measure it keeps: "持续提高大宗物料铁路运输比例,
    确保稳定在50%以上" → 大宗物料铁路运输比例; None where the clause before names no measure at its end."""
    if not _KEPT_ONLY_ZH.match(indicator):
        return None
    clause = _clause_before(text, ind_start, r"[,，]\s*(?:确保|力争|并|要)?\s*$")
    if clause is None:
        return None
    measure = _after_verbs(clause)
    ok = len(measure) >= 4 and _MEASURE_END_ZH.search(measure) and not re.search(r"[\d%]", measure)
    if not ok:
        return None
    # "钢铁、电力、焦化等重点企业,充分利用…,持续提高…比例,确保稳定在50%以上": the firms its sentence opens with keep it
    sentence = max(text.rfind(c, 0, ind_start) for c in "。;；\n") + 1
    firms = _FIRMS_OPENING_ZH.match(text, sentence, ind_start)
    return firms.group(1) + measure if firms else measure


#: A sentence opening with the firms (or units) its clauses after speak of, in a clause of its own.
_FIRMS_OPENING_ZH = re.compile(r"\s*([\u4e00-\u9fff、]{0,16}(?:企业|单位|行业))[,，]")


#: A scale named by its head alone ("新建规模", "新增建设规模"), and the works a clause before it names at its end.
_SCALE_HEAD_ZH = re.compile(r"^(?:新建|新增|新增建设|建设)?规模$")
_WORKS_END_ZH = re.compile(r"(?:试点|项目|工程|基地|示范|设施)$")
_PERIOD_LEAD_ZH = re.compile(r"[,，]\s*(?:“?十[四五六]五”?(?:期间|时期)\s*)?(?:力争|累计)?\s*$")


def scale_of_works_before(indicator: str, text: str, ind_start: int) -> str | None:
    """A scale named by its head alone, right after a clause opening the works it measures: "积极开展整县(市、区)屋顶
    分布式光伏开发试点,新建规模37.5万千瓦" → 整县(市、区)屋顶分布式光伏开发试点新建规模; None otherwise."""
    if not _SCALE_HEAD_ZH.match(indicator):
        return None
    clause = _clause_before(text, ind_start, _PERIOD_LEAD_ZH, reach=80)
    if clause is None:
        return None
    works = _after_verbs(clause)
    ok = len(works) >= 4 and _WORKS_END_ZH.search(works) and not re.search(r"\d", works)
    return works + indicator if ok else None


#: A value clause naming only the action that does works ("完成建设15个以上", "完成改造200个"), and the clause before it
#: naming those works, perhaps with the year the value is due between them ("推进林业站标准化建设,到2025年…").
_ACTION_ONLY_ZH = re.compile(r"(?:完成|实施|开展)?(?P<act>建设|改造|治理|修复|创建|整治)?")
_YEAR_BETWEEN_ZH = re.compile(r"[,，]\s*(?:(?:力争|争取)?(?:到|至)\s*(?:19|20)\d{2}\s*年(?:底|末)?(?:前)?\s*[,，]?)?\s*$")
_WORKS_DONE_ZH = re.compile(r"[\u4e00-\u9fff“”]{2,14}(?:建设|改造|治理|修复|创建|整治)")


def works_of_action_before(indicator: str, text: str, ind_start: int) -> str | None:
    """A count named only by the action that does it, right after a clause naming the works: "推进林业站标准化建设,到2025年
    完成建设15个以上" → 林业站标准化建设. None where the action is another or the clause before names no works."""
    action = _ACTION_ONLY_ZH.fullmatch(indicator)
    if not indicator or action is None:
        return None
    clause = _clause_before(text, ind_start, _YEAR_BETWEEN_ZH)
    works = _after_verbs(clause or "")
    if not _WORKS_DONE_ZH.fullmatch(works) or (action.group("act") and not works.endswith(action.group("act"))):
        return None
    return works


#: A capacity of works named by its head alone ("新增投产装机", "核准建设规模"), the base a sentence pushes ("重点推进
#: “三江”水电基地建设"), and a sentence naming nothing before its value but its period ("“十四五”期间新增投产装机…").
_WORKS_CAPACITY_ZH = re.compile(r"^(?:新增投产|新增|投产|核准建设|核准)(?:装机(?:容量)?|规模)$")
_BASE_PUSHED_ZH = re.compile(r"(?:推进|推动|建设)(?P<base>[\u4e00-\u9fff“”]{2,14}?基地)建设")
_PERIOD_ONLY_ZH = re.compile(
    r"\s*(?:“?十[四五六]五”?(?:期间|时期))?\s*"
    # …and the capacities of works stated before it in the same way: "…新增投产装机约2200万千瓦,核准建设规模约1200万千瓦"
    r"(?:(?:新增投产|新增|投产|核准建设|核准)(?:装机(?:容量)?|规模)约?\d+(?:\.\d+)?(?:万|亿)?千瓦(?:左右|以上)?\s*[,，]\s*)*")


def base_of_capacity(indicator: str, text: str, ind_start: int) -> str | None:
    """A capacity of works named by its head alone is that of the base its sentence pushes ("加快推进凉山州风电基地建设,
    …,“十四五”期间新增投产装机约510万千瓦" → 凉山州风电基地新增投产装机), or the sentence before where its own names
    nothing but its period ("重点推进“三江”水电基地建设。“十四五”期间新增投产装机约2200万千瓦"); None otherwise."""
    if not _WORKS_CAPACITY_ZH.match(indicator):
        return None
    sentence = max(text.rfind("\n", 0, ind_start), text.rfind("。", 0, ind_start)) + 1
    pushed = list(_BASE_PUSHED_ZH.finditer(text, sentence, ind_start))
    if not pushed and sentence > 0 and _PERIOD_ONLY_ZH.fullmatch(text, sentence, ind_start):
        before = max(text.rfind("\n", 0, sentence - 1), text.rfind("。", 0, sentence - 1)) + 1
        pushed = list(_BASE_PUSHED_ZH.finditer(text, before, sentence))
    return pushed[-1].group("base") + indicator if pushed else None


#: A manner only one action is done in, right before it: "无公害防治率", "无害化处理率" (集中 is every action's: "集中收集率、处理率").
_MANNER_END_ZH = re.compile(r"(?:无公害|无害化|资源化)$")
#: A clause naming only a place ("其中粤港澳大湾区珠三角九市超过45%"): the same indicator, for that place.
_PLACE_ONLY_ZH = re.compile(r"^[\u4e00-\u9fff]{2,14}?(?:市|省|区|县|州|地区|城市|九市)$")
_OF_WHICH_ZH = re.compile(r"[\s,，;；]*其中[\s,，]*")
_SHARE_HEAD_ZH = re.compile(r"(?:占比|比重|比例)$")
#: …after 其中 also the name of the city or county the part lies in, where the label leaves it out ("其中齐齐哈尔市中心城区").
_SUBSET_GAP_ZH = re.compile(r"[\s,，、;；]*(?:其中[\s,，、]*(?:[\u4e00-\u9fff]{2,6}[市县州])?)?[\s,，、]*")


def share_of_which(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """"接纳外电量400亿千瓦时左右,其中绿电占比35%" → 接纳外电量中绿电占比: a share after 其中 is one of the amount the
    target right before measures; None otherwise."""
    if not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start:
        return None
    subject = _ACTION_LEAD_ZH.sub("", earlier[-1].indicator)
    if not (_OF_WHICH_ZH.fullmatch(text, earlier[-1].end, ind_start) and _SHARE_HEAD_ZH.search(indicator)):
        return None
    return subject + "中" + indicator if len(subject) >= 2 and not _SHARE_HEAD_ZH.search(subject) else None


#: A part of what the target before covers, holding its measure further: "…,国家枢纽节点进一步降到1.25以下".
_FURTHER_ZH = re.compile(r"\s*进一步(?:降到|降至|降低到|降低至|提高到|提高至|提升到|提升至|达到)")


def completed_by_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A clause that names its indicator only in part, right after a target of the same sentence: a place
    ("…占比超过30%,其中粤港澳大湾区珠三角九市超过45%" → that place's 占比), or a head the target before
    ends in ("可再生能源装机超过5000万千瓦,装机占比达到36%以上" → 可再生能源装机占比); None otherwise."""
    if not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start:
        return None
    last = earlier[-1]
    if not _SUBSET_GAP_ZH.fullmatch(text, last.end, ind_start):
        return None
    places = places_listed_zh(indicator) == len(indicator)  # "…降低20.5%,平度市、莱西市降低21.5%"
    if (_PLACE_ONLY_ZH.match(indicator) or places) and not _PLACE_ONLY_ZH.match(last.indicator):
        measured = last.indicator[places_listed_zh(last.indicator):]  # not the places of the target before
        return indicator + measured if len(measured) >= 2 and not places_listed_zh(measured) else None
    if (len(indicator) <= 8 and not _MEASURE_NOUN_ZH.search(indicator) and text.startswith(indicator, ind_start)
            and _FURTHER_ZH.match(text, ind_start + len(indicator)) and _MEASURE_NOUN_ZH.search(last.indicator)):
        # "…数据中心平均电能利用效率降到1.3以下,国家枢纽节点进一步降到1.25以下": a part that holds the measure further
        return indicator + last.indicator
    subject = _ACTION_LEAD_ZH.sub("", last.indicator)
    of_which = share_of_which(indicator, earlier, text, ind_start)
    if of_which:
        return of_which
    if len(indicator) <= 6 and len(subject) > 2 and indicator[:2] == subject[-2:] and indicator != subject:
        return subject[:-2] + indicator
    at = subject.find(indicator[:2], 2)
    if at >= 2 and len(indicator) > 4 and _BARE_HEAD_ZH.match(subject[at + 2 :]) and not indicator.startswith(subject[:at]):
        # "完成公共建筑能效提升改造面积150万平方米以上,改造项目平均节能率不低于15%": the works the amount before
        # measures, opening the name with their action → 公共建筑能效提升改造项目平均节能率
        return subject[:at] + indicator
    if _ACTION_RATE_ZH.match(indicator) and _ACTION_RATE_ZH.match(subject[-3:]) and len(subject) >= 5:
        # "城市生活污水收集率达到70%、处理率达到95%以上" → 城市生活污水处理率; the manner of the action before is its
        # own: "林业有害生物无公害防治率达90%以上,成灾率控制在8‰以下" → 林业有害生物成灾率
        works = _MANNER_END_ZH.sub("", subject[:-3])
        return (works if len(works) >= 2 else subject[:-3]) + indicator
    return None


#: What a phrase closed by its value says besides what it measures: the 完成 that opens it ("完成造林56.67万公顷"),
#: qualities listed before 的 ("…管理精细化、人员专业化的保障性苗圃10处"), examples listed before 等 and the
#: category ("新发展森林中药材、山野菜等林下经济开发面积0.67万公顷").
#: The keys name the works, not the action adding them, for the other actions too
#: ("累计创建国家级绿色工厂150家", "实施退牧还草3万公顷", "建设超低能耗建筑试点示范100万平方米").
_DONE_LEAD_ZH = re.compile(
    r"^(?:完成|累计(?:创建|建成|完成)|实施|建立|建设(?!用地|规模|项目|工程))(?=[\u4e00-\u9fff]{2})")
#: The period word of an amount between the subject and its action: "各级公共机构累计培训500万人次以上" (公共机构培训).
_AMOUNT_INSIDE_ZH = re.compile(r"(?<=[\u4e00-\u9fff]{2})累计(?=培训|完成|建成|新增|新建|创建|实施|推广|改造|建设)")
_LISTED_BEFORE_ZH = re.compile(r"^.*、[^,;，；]*?(?:的|等)(?=[\u4e00-\u9fff]{2})")
#: What works cost, summed in a costing ("单位千瓦投资按…计,总投资约645亿元"): a cost, no target.
_COSTING_ZH = frozenset({"总投资", "总投资额", "投资总额"})
#: A measure a clause names alone right after a target: "建设林木种质资源库5个,面积100公顷" (the 库's area).
_BARE_HEAD_ZH = re.compile(r"^(?:面积|规模|长度|里程|容量|产能)$")


def closing_name(phrase: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str:
    """The indicator a phrase closed by its value names ("" for a costing's sum): see `_LISTED_BEFORE_ZH`,
    and `measured_of_previous` for a bare measure."""
    if phrase in _COSTING_ZH:
        return ""
    phrase = HEDGE_INSIDE_ZH.sub("", phrase)
    measured = (total_of_previous(phrase, earlier, text, ind_start)
                or measured_of_previous(phrase, earlier, text, ind_start) or share_of_which(phrase, earlier, text, ind_start)
                or capacity_of_kind(phrase, earlier, text, ind_start) or kind_in_capacity_list(phrase, earlier, text, ind_start)
                or subject_of_previous(phrase, earlier, text, ind_start)
                or subject_named_before(phrase, earlier, text, ind_start) or level_of_clause_before(phrase, text, ind_start)
                or scale_of_works_before(phrase, text, ind_start) or base_of_capacity(phrase, text, ind_start)
                or works_of_action_before(phrase, text, ind_start))
    if measured:
        return measured
    listed = _LISTED_BEFORE_ZH.match(phrase)
    if listed and len(phrase) - listed.end() >= 4:
        phrase = phrase[listed.end() :]
    return _DONE_LEAD_ZH.sub("", _AMOUNT_INSIDE_ZH.sub("", phrase))


def total_of_previous(phrase: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A total named by its word alone right after a target of its clause chain: that target's measure ("示范面积各为5万
    平方米,共计20万平方米" → 示范面积)."""
    if phrase not in ("共计", "合计", "总计") or not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start:
        return None
    return earlier[-1].indicator if re.fullmatch(r"\s*[,，]\s*", text[earlier[-1].end:ind_start]) else None


def measured_of_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """A bare measure ("面积") right after a count of works in the same clause chain: that of the works."""
    if not _BARE_HEAD_ZH.match(indicator) or not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start:
        return None
    if not _SHARE_GAP_ZH.fullmatch(text, earlier[-1].end, ind_start):
        return None
    subject = _ACTION_LEAD_ZH.sub("", earlier[-1].indicator)
    return subject + indicator if len(subject) >= 2 and not _BARE_HEAD_ZH.search(subject) else None


#: "由2020年的33.51%提升至2025年的": where a level starts and what it rises to, no indicator.
_FROM_LEVEL_ZH = re.compile(
    r"由(?:(?:19|20)\d{2}\s*年(?:底|末)?的?)?\s*\d[^由,，;；。]*?(?:至|到)\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?的?)?$")
#: How the subject clause says it moves: "不断提升", "持续下降".
_MOVING_ZH = re.compile(r"(?:不断|持续|逐步|进一步|稳步|大幅|显著)*(?:提升|提高|增加|增长|上升|下降|降低|减少)?$")
_CLAUSE_EDGE_ZH = ",，;；。:：\n"


def level_subject(text: str, ind_start: int, ind_end: int) -> tuple[int, int] | None:
    """Where the indicator of a level reached from a stated start is named: before 由 in the phrase
    ("…比重由2020年的…提升至2025年的"), else the clause before when the phrase opens with 由; None when the
    phrase is no such level."""
    m = _FROM_LEVEL_ZH.search(text, ind_start, ind_end)
    if not m:
        return None
    start, end = ind_start, m.start()
    if end == ind_start:  # "…比重不断提升,由2020年的…": the clause before names it
        comma = len(text[:ind_start].rstrip()) - 1
        if comma < 0 or text[comma] not in ",，":
            return None
        start = max(text.rfind(c, 0, comma) for c in _CLAUSE_EDGE_ZH) + 1
        end = comma
    subject = text[start:end].strip()
    subject = subject[: _MOVING_ZH.search(subject).start()]  # type: ignore[union-attr]
    return (start + len(text[start:end]) - len(text[start:end].lstrip()), start + len(subject)) if len(subject) >= 2 else None


def measures_listed(indicator: str) -> bool:
    """"秸秆综合利用率、农用残膜回收率达到90%": every item a whole indicator, so the value is each one's."""
    parts = [p for p in ITEM_JOINER_ZH.split(indicator) if p]
    if len(parts) < 2 or not all(len(p) >= 3 and _MEASURE_NOUN_ZH.search(p) for p in parts):
        return False
    # "超低能耗和近零能耗建筑推广面积": 能耗 qualifies a noun in the last item, the first item is a modifier too
    head = _MEASURE_NOUN_ZH.search(parts[0]).group()  # type: ignore[union-attr]
    return head not in parts[-1][: -len(head)]


#: What holds a rate a list shares: places, works and buildings, stuff collected ("城市建成区、工业园区和主要交通干线
#: 机械化清扫率", "新建公共机构建筑、新建厂房屋顶光伏覆盖率", "农药包装废弃物和农膜回收率"); not 污水 and 垃圾, whose
#: 收集处置率 is read as one service's.
_HOLDER_END_ZH = re.compile(
    r"(?:[区县镇村港市州旗盟]|城市|城镇|县城|农村|乡村|园区|干线|道路|建筑|厂房|工程|设施|企业|单位|机构|学校|医院|码头|车辆|船舶"
    r"|废弃物|废物|农膜|秸秆)$")


def holders_sharing_rate(indicator: str) -> list[str] | None:
    """Each holder of a rate a list names before it shares one value (the key's reading: "A和B提高到40%以上" gives each
    item the value): "城市建成区、工业园区和主要交通干线机械化清扫率达到86%" → 城市建成区机械化清扫率, 工业园区机械化
    清扫率, 主要交通干线机械化清扫率. None unless every item before the last is a holder (`_HOLDER_END_ZH`) and the
    last names one before the rate; a list closed by 等 is one category, a total (总, 合计) one sum."""
    from policykg.ingest.segmenter import stock_segmenter

    if "等" in indicator or re.search(r"[(（)）总]|合计", indicator) or not RATE_HEAD_ZH.search(indicator):
        return None
    words = list(stock_segmenter().cut(indicator))  # 及 of 及时 is no joiner
    parts, part = [], ""
    for word in words:
        if word in ("、", "和", "及", "与", "以及"):
            parts.append(part)
            part = ""
        else:
            part += word
    parts.append(part)
    sector = parts[-1].find("行业")
    if len(parts) >= 3 and 2 <= sector <= 6 and "占" not in indicator and all(
            2 <= len(p) <= 6 and not _MEASURE_NOUN_ZH.search(p) for p in parts[:-1]):
        # "钢铁、电解铝、水泥、平板玻璃行业能效达到标杆水平的产能比例": sectors, each holding the rate (钢铁行业能效…); not
        # two ("建筑、卫生陶瓷行业": 陶瓷 shared) nor a share of a whole ("发电和供热行业…排放量占全国排放量的比重": their sum)
        return [p + parts[-1][sector:] for p in parts[:-1]] + [parts[-1]]
    if len(parts) < 2 or any(len(p) < 2 or not _HOLDER_END_ZH.search(p) or _MEASURE_NOUN_ZH.search(p) for p in parts[:-1]):
        return None
    last = parts[-1]
    cuts = [b for b in _jieba_boundaries(last) if 2 <= b <= len(last) - 2 and _HOLDER_END_ZH.search(last[:b])]
    if not cuts:
        return None
    # where the last holder ends: nearest the first one's length ("城市、县城生活污水集中处理率": 县城, not 县城生活污水)
    rate = last[min(cuts, key=lambda b: (abs(b - len(parts[0])), -b)):]
    # "大宗货物运量150万吨以上的重点工业园区、物流园区、工矿企业…": what qualifies the first holder before 的 qualifies all
    shared = parts[0][: parts[0].rfind("的") + 1]
    return [parts[0] + rate] + [shared + p + rate for p in parts[1:-1]] + [shared + last]


#: A place opening a measure ("阆中市农村黑臭水体消除比例"): one name ending in a level's word.
_PLACE_LEAD_ZH = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:市|县|区|州|旗|盟)(?=[\u4e00-\u9fff]{4})")


#: Between the target before and the holders: a comma, perhaps 其中, perhaps the city the holders lie in ("…,巴中市").
_HOLDERS_GAP_ZH = re.compile(r"[\s,，、;；]*(?:其中)?[\s,，、]*(?:[\u4e00-\u9fff]{2,6}[市县州])?")


def fuller_measure(names: list[str], earlier: Sequence[_Named], text: str, ind_start: int) -> list[str]:
    """Holders sharing a rate right after a target of the same sentence whose measure ends in that rate take that
    measure: "阆中市和苍溪县农村黑臭水体消除比例达到90%以上,巴中市巴州区、南江县、仪陇县消除比例达到70%以上" →
    南江县农村黑臭水体消除比例; the names as they are otherwise."""
    if len(names) < 2 or not earlier or earlier[-1].qualitative or earlier[-1].end > ind_start:
        return names
    if not _HOLDERS_GAP_ZH.fullmatch(text, earlier[-1].end, ind_start):
        return names
    rate = names[0]
    for name in names[1:]:
        while rate and not name.endswith(rate):
            rate = rate[1:]
    before = earlier[-1].indicator
    lead = _PLACE_LEAD_ZH.match(before)
    measure = before[lead.end() :] if lead else before
    if len(rate) < 2 or len(measure) <= len(rate) or not measure.endswith(rate):
        return names
    return [name[: -len(rate)] + measure for name in names]


#: A share of use named by the sectors using it ("汽车零部件、工程机械制造使用比例"), and the clause of its sentence before
#: it that names what is used after the verb promoting it ("大力推动低(无)VOCs含量涂料"), then only such shares.
_USE_SHARE_ZH = re.compile(r"(?:使用|应用)(?:比例|率)$")
_PROMOTED_ZH = re.compile(r"(?:推动|推广|推进|鼓励|扩大)(?:使用|应用)?(?P<what>[^,，;；。、\d]{2,16})[,，]")
_USE_CLAUSE_ZH = re.compile(r"[^,，;；。]*?(?:使用|应用)(?:比例|率)[^,，;；。]*?[,，]")


def sectors_using(indicator: str, text: str, ind_start: int) -> list[str] | None:
    """Each sector a share of use lists, with what its sentence promotes the use of before it: "大力推动低(无)VOCs含量
    涂料,汽车零部件、工程机械制造使用比例达到50%以上,木质家具制造、钢结构制造使用比例达到30%以上" → 汽车零部件低(无)
    VOCs含量涂料使用比例, 工程机械制造低(无)VOCs含量涂料使用比例 (and for the second list the same). None otherwise."""
    share = _USE_SHARE_ZH.search(indicator)
    sectors = [p for p in ITEM_JOINER_ZH.split(indicator[: share.start()]) if p] if share else []
    if len(sectors) < 2 or any(len(p) < 2 or _MEASURE_NOUN_ZH.search(p) for p in sectors):
        return None
    sentence = re.split(r"[。;；\n]", text[max(0, ind_start - 120) : ind_start])[-1]
    for promoted in reversed(list(_PROMOTED_ZH.finditer(sentence))):
        if re.fullmatch(rf"(?:{_USE_CLAUSE_ZH.pattern})*", sentence[promoted.end() :]):
            what = promoted.group("what")
            return [p + what + share.group() for p in sectors]  # type: ignore[union-attr]
    return None


#: A level of government alone, as a list item names it ("市级4家", "10个国家级、100个省级…示范园").
_LEVEL_ONLY_ZH = re.compile(r"^(?:国家|国家级|省|省级|自治区级|市|市级|县|县级|区级|区县级|县区级)$")
#: The level a sibling item's name opens with, after the action that adds the works.
_LEVEL_LEAD_ZH = re.compile(r"^(?:创建|建成|建设|培育|打造|新增|新建|认定|争创)?(?:国家|省|自治区|市|县|区县|县区|区)级?")
#: Only a list's separator between two items of it.
_ITEM_GAP_ZH = re.compile(r"[\s、,，和及与]*")


def level_items(hits: list[TargetHit], text: str) -> list[TargetHit]:
    """A list item named by a level alone takes the works its sibling names, under its own level:
    "创建国家装配式建筑产业基地2家、市级4家" → 市级装配式建筑产业基地; "建成10个国家级、100个省级农村产业融合
    示范园" → 国家级农村产业融合示范园. The sibling is the quantified target right before or after it, only a
    list's separator between them."""
    out = list(hits)
    for i, hit in enumerate(out):
        if hit.qualitative or not _LEVEL_ONLY_ZH.match(hit.indicator):
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(out) or out[j].qualitative or _LEVEL_ONLY_ZH.match(out[j].indicator):
                continue
            left, right = (out[j], hit) if j < i else (hit, out[j])
            right_start = min(right.start, right.indicator_start)
            if left.end > right_start or not _ITEM_GAP_ZH.fullmatch(text, left.end, right_start):
                continue
            lead = _LEVEL_LEAD_ZH.match(out[j].indicator)
            works = out[j].indicator[lead.end() :] if lead and lead.end() else ""
            if len(works) >= 2:
                out[i] = replace(hit, indicator=hit.indicator + works)
                break
    return out


#: The action and level an enumeration's first item opens with: "新增创建省级及以上绿色工厂500家以上、绿色园区50家…".
_LIST_LEAD_ZH = re.compile(
    r"^(?:累计)?(?:新增)?(?:创建|建成|建设|培育|打造|认定|争创|新建)(?:国家|省|自治区|市|县|区)级(?:及以上|以上)?(?=[\u4e00-\u9fff]{2})")
#: An item that names its own action or level: it takes none from the first.
_OWN_LEAD_ZH = re.compile(r"^(?:累计|新增|新建|创建|建成|建设|培育|打造|认定|争创|国家|省|自治区|市级|县级|区级)")
_ENUM_ITEM_GAP_ZH = re.compile(r"\s*、\s*")  # not a comma: "培育省级无废工厂200家,节水型企业2000家" names another kind


def enumeration_lead(hits: list[TargetHit], text: str) -> list[TargetHit]:
    """The items of a verbless enumeration after its first take the action and level the first opens with:
    "新增创建省级及以上绿色工厂500家以上、绿色园区50家、绿色设计产品500个" → 新增创建省级及以上绿色园区, …. The
    items follow each other with only 、 between them, each a phrase its value closes. Labels are made plain after
    it (`target_labels.plain_labels`), once the items have taken what they share."""
    out = list(hits)
    lead: str | None = None
    for i, hit in enumerate(out):
        prev = out[i - 1] if i else None
        follows = (prev is not None and lead is not None and not hit.qualitative and hit.indicator_start == hit.start
                   and prev.end <= hit.start and bool(_ENUM_ITEM_GAP_ZH.fullmatch(text, prev.end, hit.start)))
        if follows and lead is not None and not _OWN_LEAD_ZH.match(hit.indicator):
            out[i] = replace(hit, indicator=lead + hit.indicator)
            continue
        m = _LIST_LEAD_ZH.match(hit.indicator) if not hit.qualitative else None
        lead = m.group() if m else None
    return out

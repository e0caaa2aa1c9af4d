"""Target forms read around a value that neither a verb before it nor the phrase it closes governs.

- A share of a population that reaches a state: "到2025年,力争80%以上的县级及以上党政机关达到节约型机关
  创建要求", "80%以上党政机关建成节约型机关". The value opens its clause; what follows (its subject and
  predicate) is the indicator, a deadline inside it left out ("…机关2025年底前达到创建要求"). Or the
  population comes first and the state right after the share: "城镇新建建筑100%执行绿色建筑标准"; or a bound
  before the share: "炼油、乙烯、合成氨等行业超过30%的产能达到能效标杆水平"; or what covers, then the share of
  the population it covers: "管道天然气覆盖66%以上旗县(市、区)".
- An enumeration that goes on after a comma: "建成垃圾环保发电厂2座,浅层地温能利用项目10个"; and a clause
  that opens right after the year it is due: "到2025年,全市充(换)电站3000座、充电桩16万个以上". There a count
  closes its phrase without an action before it.

- An amount of works written before what it measures, right after the action: "每年推动200万平方米以上的既有
  居住建筑节能改造", "新开工建设0.5万平方米以上被动式超低能耗建筑示范项目" (an area, a land area, a length, a
  count: "推进60个以上的合同能源管理项目"), or a mass, a capacity or a share worked on ("完成5.3亿吨钢铁产能超低
  排放改造", "完成10%历史遗留矿山生态修复任务").

- A count before what it counts, after the action that adds it (`counted`): "创建5个低碳示范园区", "各区县至少举办
  5期…培训" (a least bound before the action), "1轮土壤和地下水污染隐患排查", "1次以“…”为主题的…演练".

Used by extract/targets.py, whose targets are made here too (`_emit`); offsets are into the (unwrapped)
normalised text.

Length (about 570 lines, kept whole on purpose): the forms share one reading of where a value's clause opens and
what stands before it, and each form's test is a neighbour of the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policykg.extract.numbers import (
    Quantity,
    measure_unit_info,
    per_written_before,
    quantity_at,
    unit_dimension,
)
from policykg.extract.target_scope import TargetHit, _Context, ascii_text
from policykg.extract.target_shapes import _sentence_bounds, _suffix
from policykg.extract.target_share_actions import action_rate
from policykg.extract.target_words import (
    _ADVERBS_ZH,
    _AT_LEAST_ZH,
    _COUNT_ACTIONS_ZH,
    _COUNTED_NOUN_ZH,
    _ENUM_NEXT_ZH,
    _LEADERS_RE,
    _NOUN_GOES_ON_ZH,
    _PERIOD_AMOUNT_ZH,
    _THEMED_ZH,
    CLASS_OPENING_ZH,
    GRADE_RE,
    closing_verb_zh,
)

#: What the population reaches: the predicate a share of it needs to be a target.
_STATE_VERB_ZH = re.compile(
    r"达到|建成|执行|实现|满足|完成|开展|进行|参与|采用|使用|应用|纳入|具备|通过|覆盖|接入|配备|安装|实施|落实"
    r"|改造|建立|设立|推行|取得|获得|创建|符合|达标|得到|更换|替换|建设(?=完成|达到)"
)

#: A bound written before a share of a population ("超过30%的产能…"), and its comparator.
_SHARE_BOUNDS = {"超过": ">", "高于": ">", "不低于": ">=", "不少于": ">=", "至少": ">="}
_SHARE_BOUND_ZH = re.compile("(?:" + "|".join(_SHARE_BOUNDS) + ")$")

#: A verb of covering right before a share, the population covered after it: "管道天然气覆盖66%以上旗县".
_COVERS_ZH = re.compile(r"(?:覆盖|惠及|涵盖)$")

#: An aside in brackets inside the population: no part of the indicator.
_ASIDE_ZH = re.compile(r"[(（][^()（）]*[)）]")

#: A deadline written inside the indicator: "2025年底前", "到2025年".
_INNER_DEADLINE_ZH = re.compile(r"(?:到|在)?(?:19|20)\d{2}\s*年(?:年?底|末)?(?:前|以前)?")

#: A whole place named before a share and 的, the population after it: "全市各区60%以上的城市社区…", "各区25%以上的…".
_WHOLE_PLACE_ZH = re.compile(r"(?:全|本|各)(?:省|市|区|县|旗|州|盟)(?:各(?:区|县|区县|县区|市|乡镇|街道))?|各(?:区县|县区|乡镇|街道|地)")

#: A clause that opens right after its year: "到2025年,", "力争到2025年底,".
_OPENS_AFTER_YEAR_ZH = re.compile(r"(?:^|[。;；\n:：])\s*(?:力争|争取|确保)?(?:到|至)\s*(?:19|20)\d{2}\s*年(?:底|末)?\s*[,，]\s*$")

#: Only separators between two phrases of one enumeration.
_ENUM_GAP_ZH = re.compile(r"[\s,，、;；]*")


@dataclass(frozen=True, slots=True)
class ShareOfSubject:
    ind_start: int
    ind_end: int
    indicator: str
    comparator: str
    end: int


#: Places a count of them reaching a state counts: "4个以上的县(区、管委会)全面完成治理".
_PLACE_COUNTED_ZH = re.compile(r"的(?:县|区|市|乡镇|乡|镇|村|街道|社区|园区|盟市|旗县|地市)")


def _counts_places(text: str, q: Quantity) -> bool:
    """A count of places opening its clause, read as a share of them is: "力争到2025年,4个以上的县(区、管委会)全面
    完成治理" (how many of the places reach the state)."""
    end, _ = _suffix(text, q.end, "zh")
    return bool(_PLACE_COUNTED_ZH.match(text, end))


def share_of_subject(text: str, q: Quantity, cmp: str | None, opening: int, seg_end: int) -> ShareOfSubject | None:
    """"80%以上的县级及以上党政机关达到创建要求": a share opening its clause (`opening` is where the clause
    starts once its lead words are passed), then the population and what it reaches."""
    subject = "".join(_ADVERBS_ZH.sub("", text[opening : q.start]).split())
    if q.dimension != "share" and not (q.dimension == "count" and not subject and _counts_places(text, q)):
        return None
    subject = _INNER_DEADLINE_ZH.sub("", _ASIDE_ZH.sub("", subject))  # "2022年60%以上…", "各县区(开发区、新区)建成区"
    end, suffix = _suffix(text, q.end, "zh")
    start = end + 1 if text.startswith("的", end) else end
    if start != end and (_WHOLE_PLACE_ZH.fullmatch(subject) or subject.endswith(("及", "和", "与"))):
        subject = ""  # "全市各区60%以上的城市社区…", "…省直机关及60%以上的省属事业单位…": the share's population follows
    phrase = text[start:seg_end]
    cut = len(phrase) - len(phrase.rstrip(" "))
    name = _INNER_DEADLINE_ZH.sub("", _ASIDE_ZH.sub("", "".join(phrase.split())))  # "大型商场(建筑面积…)满足…"
    shared = _shares_listed(name) if not subject and start != end else None
    if shared is not None:  # "73%的乡镇镇区和50%的村庄生活垃圾得到有效处理": this share's population, the rest shared
        population, rest = shared
        at = phrase.find(population)
        pop_end = start + at + len(population) if at >= 0 else seg_end
        return ShareOfSubject(start, pop_end, population + rest, cmp or suffix or "=", pop_end)
    covers = _COVERS_ZH.search(subject)
    if (covers or q.dimension == "count") and not re.search(r"\d", name):
        name = "".join(phrase.split())  # the population covered or counted keeps its aside: "旗县(市、区)"
    elif subject and start == end and (rate := action_rate(name)) and not re.search(r"[\d,，]", subject) and len(subject) <= 15:
        # "放射性废源100%安全处置": the population, then the action its share has done to it, no verb
        return ShareOfSubject(opening, seg_end - cut, subject + rate, cmp or suffix or "=", seg_end - cut)
    elif not (4 <= len(name) <= 40) or not _STATE_VERB_ZH.search(name) or re.search(r"\d", name):
        return None
    if covers and covers.start() >= 2 and 2 <= len(name) <= 16 and not re.search(r"[\d,，]", subject):
        # "管道天然气覆盖66%以上旗县(市、区)": what covers, the share, then the population it covers
        return ShareOfSubject(opening, seg_end - cut, subject + name, cmp or suffix or "=", seg_end - cut)
    bound = _SHARE_BOUND_ZH.search(subject)
    if bound and start != end:  # "炼油、乙烯、合成氨等行业超过30%的产能达到能效标杆水平": a bound before the share
        head = subject[: bound.start()]
        if len(head) > 25 or re.search(r"[\d的,，]", head):
            return None
        return ShareOfSubject(opening, seg_end - cut, head + name, _SHARE_BOUNDS[bound.group()], seg_end - cut)
    if subject:  # "城镇新建建筑100%执行绿色建筑标准": the population named first, the verb right after the share
        area = re.match(r"的?(?:面积|单位)", name)  # "城市建成区60%以上面积建成…", "…级党政机关80%以上单位达到…"
        verb = _STATE_VERB_ZH.match(name, area.end() if area else 0)
        listed = r"[\d的,，]" if area else r"[\d的,，、]"  # the levels of a population: "省级、市级、县级党政机关"
        if start != end and not area and _PLACE_OF_POPULATION_ZH.search(subject) and not re.search(r"未$|不$|没有$", subject):
            # "…等3市主要规模以上港口90%的港作船舶、公务船舶靠泊使用岸电": where the population is, then its share
            return ShareOfSubject(start, seg_end - cut, name, cmp or suffix or "=", seg_end - cut)
        bare = _CONDITIONED_ZH.sub("", subject)  # "符合条件的改厕村庄50%完成规范升级": the condition is no level
        if (start != end and not area) or len(subject) > 15 or not verb or re.search(listed + r"|未$|不$|没有$", bare):
            return None
        done = _ACTION_THEN_WORKS_ZH.fullmatch(name)  # "近机位100%建设完成APU替代设施": the works, then their action
        name = done.group("works") + done.group("act") if done else name
        return ShareOfSubject(opening, seg_end - cut, subject + name, cmp or suffix or "=", seg_end - cut)
    return ShareOfSubject(start, seg_end - cut, name, cmp or suffix or "=", seg_end - cut)


#: Works a share of a population has done, written action first: "建设完成APU替代设施".
_ACTION_THEN_WORKS_ZH = re.compile(r"(?P<act>建设|改造|安装)完成(?P<works>[^,，;；。]{2,20})")


#: The condition a population is picked by, written before it with 的: "符合条件的改厕村庄", "具备条件的县城".
_CONDITIONED_ZH = re.compile(r"^(?:符合条件|具备条件|有条件|条件成熟)的")


#: A place a share's population is in, named before the share and its 的: "…主要规模以上港口", "全市重点园区".
_PLACE_OF_POPULATION_ZH = re.compile(r"(?:港口|园区|城区|城市|地区|区域|流域|景区|口岸|机场)$")


#: Shares of several populations under one predicate, after the first's population: "…乡镇镇区和50%的村庄生活垃圾…".
_MORE_SHARES_ZH = re.compile(
    r"^(?P<pop>[\u4e00-\u9fff]{2,8}?)(?:、|和|及|与)(?:\d+(?:\.\d+)?%(?:以上|以下|左右)?的?[\u4e00-\u9fff]{2,8}?(?:、|和|及|与))*"
    r"\d+(?:\.\d+)?%(?:以上|以下|左右)?的?(?P<last>[\u4e00-\u9fff“”]{3,30})$")


def _shares_listed(name: str) -> tuple[str, str] | None:
    """"乡镇镇区和50%的村庄生活垃圾得到有效处理" → ("乡镇镇区", "生活垃圾得到有效处理"): the first population, and what the
    last item says after its own population (its first word) — the head and predicate every population shares;
    None when the phrase lists no further share."""
    from policykg.ingest.segmenter import stock_segmenter

    m = _MORE_SHARES_ZH.match(name)
    if m is None:
        return None
    last = m.group("last")
    verb = _STATE_VERB_ZH.search(last)
    if verb is None or verb.start() == 0:
        return None
    words = list(stock_segmenter().cut(last[: verb.start()]))
    own = len(words[0]) if len(words) >= 2 else 0
    return m.group("pop"), last[own:]


def continues_enumeration(text: str, previous_end: int | None, clause_start: int) -> bool:
    """The clause goes on with the enumeration a target just before it began (only separators between),
    or opens right after the year it is due."""
    if previous_end is not None and previous_end <= clause_start and _ENUM_GAP_ZH.fullmatch(text, previous_end, clause_start):
        return True
    return bool(_OPENS_AFTER_YEAR_ZH.search(text, max(0, clause_start - 30), clause_start))


#: "开展18处国家级自然保护区和31处省级自然保护区…建设": a count joined to the counted target before it.
_COUNT_JOINER_ZH = re.compile(r"\s*[和及与、]\s*")
_COUNT_COMMA_ZH = re.compile(r"\s*[,，]\s*")
#: "在2处国家级湿地自然保护区开展国家湿地生态效益补偿项目": the places counted, then the works done there.
_WORKS_IN_PLACES_ZH = re.compile(r"(?:开展|实施|建设|推进|推广)(?=[\u4e00-\u9fff]{4})")


def counted_works(text: str, out: Sequence[TargetHit], seg_start: int, value_start: int,
                  noun: tuple[int, int]) -> tuple[bool, str, int]:
    """Whether an action governs a count written before its noun, the name of what it counts and where that
    ends (`shared_head_end`): an action before the count, or the one of the count it is joined to; after "在"
    a count of places, the works done in them named after their verb."""
    end = shared_head_end(text, *noun)
    name = quality_head(text[noun[0] : end])
    if _COUNT_ACTIONS_ZH.search(text, seg_start, value_start):
        return True, name, end
    if text.startswith("在", value_start - 1) and (works := _WORKS_IN_PLACES_ZH.search(name)):
        return True, name[works.end() :], end
    last = out[-1] if out else None
    joined = last is not None and not last.qualitative and last.start < value_start and last.indicator_end <= value_start
    if joined and last is not None and _COUNT_COMMA_ZH.fullmatch(text, last.end, value_start) and _counts(last):
        chain = _chain_start(text, out)
        if _COUNT_ACTIONS_ZH.search(text, max(0, chain - 6), chain):
            return True, name, end  # "建设12个以上…试点,200个以上城镇社区和农村社区试点": the action goes on after a comma
    return joined and bool(_COUNT_JOINER_ZH.fullmatch(text, last.end, value_start)), name, end  # type: ignore[union-attr]


def _chain_start(text: str, out: Sequence[TargetHit]) -> int:
    """Where the counts the last target closes a chain of begin: back over counts joined by commas ("培育10家…,5家…,
    5家…": the action before the first governs them all)."""
    at = len(out) - 1
    while at > 0 and _counts(out[at - 1]) and _COUNT_COMMA_ZH.fullmatch(text, out[at - 1].end, out[at].start):
        at -= 1
    return out[at].start


def _counts(hit: TargetHit) -> bool:
    """A count written before what it counts ("12个以上…试点")."""
    info = measure_unit_info(hit.measure_unit) if hit.measure_unit else None
    return info is not None and info.dimension == "count" and hit.start < hit.indicator_start


#: Short modifiers listed before one head: "专业、半专业森林草原防扑火队伍" (no count among them).
_SHARED_HEAD_ZH = re.compile(r"(?:、[\u4e00-\u9fff][^,;。、\n\d]{0,23})+")


def shared_head_end(text: str, start: int, end: int) -> int:
    """Where the noun a count names ends: at `end`, unless the noun is a modifier of one to three characters
    that 、 lists with others before their shared head ("新组建20支专业、半专业森林草原防扑火队伍": the teams,
    not 专业); a list of nouns each counted ("5个公园、3个广场") or longer items ("A企业、B企业") stays apart."""
    if not text.startswith("、", end):
        return end
    listed = _SHARED_HEAD_ZH.match(text, end)
    if end - start > 3:  # "20个左右全流程清洁化、低碳化、循环化改造项目": qualities (…化) listed before their head
        items = text[start:listed.end()].split("、") if listed else []
        if listed and _QUALITY_ZH.fullmatch(items[-1].split("的")[0]) and all(_QUALITY_ZH.fullmatch(p) for p in items[:-1]):
            return listed.end()  # "30个左右生态环境优美、…、管理机制健全的“三绿”宜居低碳示范县城": qualities, then 的 and the head
        return listed.end() if listed and all(p.endswith("化") for p in items[:-1]) and not items[-1].endswith("化") else end  # type: ignore[union-attr]
    return listed.end() if listed else end


#: A quality a thing counted has, listed with others before 的 and the thing: "设施完善", "示范带动作用强".
_QUALITY_ZH = re.compile(r"[\u4e00-\u9fff]{1,8}(?:优美|舒适|节约|完善|突出|彰显|健全|先进|规范|领先|显著|合理|齐全|便捷|良好|有序|整洁|鲜明|"
                         r"明显|雄厚|扎实|成熟|完备|广泛|优良|优秀|强|高|好|优|低|少|多|大)")


def quality_head(name: str) -> str:
    """What a count names after the qualities listed before it with 的: "设施完善、管理规范的绿色社区" → 绿色社区."""
    items = name.split("、")
    if len(items) > 1 and "的" in items[-1] and all(_QUALITY_ZH.fullmatch(p) for p in [*items[:-1], items[-1].split("的")[0]]):
        return items[-1].split("的", 1)[1]
    return name


#: The rest of an aside a counted noun opens, and the noun going on after it: "旗县(市、区)试点".
_ASIDE_RUNS_ON_ZH = re.compile(r"[^()（）,，;；。\n]{1,10}[)）][^,，;；。、\n\d]{0,12}")


#: A pollutant's or a substance's name written with its digits: "PM2.5", "PM10", "SO2", "CO2".
_CHEMICAL_NAME_ZH = re.compile(r"[A-Za-z]{1,4}\d+(?:\.\d+)?")


#: A short name the text gives in brackets ("(以下简称碳排放)"): a note on the indicator, not part of it.
_ALIAS_RE = re.compile(r"[(（](?:以下简称|以下称|下称|简称)[^()（）]{1,20}[)）]")


#: A list item's number opening its indicator: "1.", "2、", "(3)", "④"; not a decimal ("1.5").
_LIST_MARKER_RE = re.compile(
    r"^\s*(?:\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[\u2460-\u2473]|○\s*\d{1,2}|[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,2}是)\s*"
)  # "(三)完成退牧还草3万公顷", "三是建设15个省级监测站", "○11绿盈乡村比例≥80%": a 专栏's or a list's item marker


def _emit(out: list[TargetHit], *, start: int, end: int, ind: tuple[int, int, str], q: Quantity | None,
          comparator: str | None, change: str | None, base_year: int | None,
          years: Sequence[tuple[int | None, int | None]], confidence: float, requirement: str | None = None) -> None:
    """Append one hit per governing (start year, year) (one hit with year None when no marker governs it)."""
    ind_start, ind_end, indicator = ind
    if not indicator.strip():
        return
    if not ascii_text(indicator):  # a Chinese label read across a line break: "化肥施用 量" → 化肥施用量
        indicator = re.sub(r"^\s*\d{1,2}\s+(?=[\u4e00-\u9fff])", "", indicator)  # "17 建筑能耗中…": a table line's number
        indicator = re.sub(r"\s+", "", indicator)
    indicator = _ALIAS_RE.sub("", indicator)  # "二氧化碳排放(以下简称碳排放)总量": the note names no indicator
    indicator = _LIST_MARKER_RE.sub("", indicator)  # "6.林业产业总产值达到5500亿元": the item's number names nothing
    if q and q.measure_unit and re.search(rf"[(（]{re.escape(q.measure_unit)}[)）]$", indicator):
        indicator = indicator[: -len(q.measure_unit) - 2]  # "…比例(%)为0": the unit the name gives its value
    per = per_written_before(indicator, q) if q else None
    if per:  # "排放量每万平方米不高于300吨": the denominator written before the value is the unit's
        indicator, q = per
        indicator, verb_comparator, verb_change = closing_verb_zh(indicator)  # "人口密度控制在每平方公里1万人以内"
        comparator, change = comparator or verb_comparator, change or verb_change
    close = indicator.find("”")
    if close > 0 and "“" not in indicator[:close]:  # "“两品一标”认证产品": the quote a name opens with is part of it
        indicator = "“" + indicator
    if not indicator.strip():
        return
    if _LEADERS_RE.search(indicator) or (q is None and len(indicator) > 40 and not ascii_text(indicator)):
        return  # a table of contents' line, a whole sentence: no indicator
    if GRADE_RE.search(indicator):
        return  # "评价结果分为“优秀”“良好”两个等次,其中“优秀”等次不超过40%": an evaluation's quota, no target
    for start_year, year in years or [(None, None)]:
        out.append(TargetHit(
            start=start, end=end, indicator=indicator.strip(),
            comparator=(">=" if q.is_range else comparator) if q else None,
            value=q.value if q else None, value_min=q.value if q and q.is_range else None,
            value_max=q.value_max if q else None, measure_unit=q.measure_unit if q else None,
            converted_value=q.converted_value if q else None, converted_unit=q.converted_unit if q else None,
            change=change, base_year=base_year, year=year, qualitative=q is None,
            indicator_start=ind_start, indicator_end=ind_end,
            confidence=round(confidence if year is not None else confidence - 0.15, 2),
            requirement=requirement, start_year=start_year,
        ))


def _share(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg: tuple[int, int]) -> int:
    """"力争80%以上的县级及以上党政机关达到创建要求": a share of a population (`target_forms`)."""
    if not ctx.in_target_context(q.start):
        return -1
    hit = share_of_subject(ctx.text, q, cmp, ctx.strip_lead(seg[0], q.start), seg[1])
    if hit is None:
        return -1
    _emit(out, start=q.start, end=hit.end, ind=(hit.ind_start, hit.ind_end, hit.indicator), q=q,
          comparator=hit.comparator, change=None, base_year=None, years=ctx.periods_at(q.start, False), confidence=0.65)
    return hit.end


#: The action an amount of works follows directly: "推动200万平方米…", "新开工建设0.5万平方米…".
_WORKS_ACTION_ZH = re.compile(r"(?:推动|推进|实施|完成|新建|新增|建设|建成|改造|推广|治理|修复|营造|种植|新植|造林)(?:了)?$")

#: The action of an amount of works with what may stand between it and the amount: a bound ("建成不少于500亩的碳汇
#: 示范林") and the levels of the bodies the works are done at ("完成市区两级公共机构60万平方米既有建筑…改造").
_WORKS_LED_ZH = re.compile(_WORKS_ACTION_ZH.pattern[:-1] + r"\s*(?P<bound>不少于|不低于|至少|超过)?\s*"
                           r"(?:[\u4e00-\u9fff]{1,3}两级[\u4e00-\u9fff]{0,6})?\s*$")

#: What an amount of works measures: the rest of its clause, a phrase without a figure.
_WORKS_NOUN_ZH = re.compile(r"的?\s*([\u4e00-\u9fff“][^,;。，；:\d]{3,24})$")


#: A joiner and the next amount of works: "…节水增粮增效项目和5.9万亩…".
_MORE_WORKS_ZH = re.compile(r"\s*(?:和|及|与|、|以及)\s*(?=\d)")


#: Works measured by what they act on (a capacity, a mass, a share of them): "完成5.3亿吨钢铁产能超低排放改造",
#: "完成10%历史遗留矿山生态修复任务".
_WORKS_END_ZH = re.compile(r"(?:改造|改造升级|治理|整治|修复|替代|置换|工程|项目|任务)(?:计划)?$")


def _works(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg: tuple[int, int]) -> int:
    """"每年推动200万平方米以上的既有居住建筑节能改造": an amount of works before what it measures."""
    text = ctx.text
    if q.dimension not in ("area", "land", "length", "count", "mass", "power", "energy", "volume", "share"):
        return -1
    # "完成20万亩节水增粮增效项目和5.9万亩…节水技术试点": works joined to the works before share its action
    last = out[-1] if out else None
    joined = last is not None and not last.qualitative and last.value is not None and last.end <= q.start and bool(
        _COUNT_JOINER_ZH.fullmatch(text, last.end, q.start)) and bool(_WORKS_ACTION_ZH.search(text, max(0, last.start - 8), last.start))
    led = _WORKS_LED_ZH.search(text, seg[0], q.start)
    if not joined and not led:
        return -1
    cmp = cmp or (_SHARE_BOUNDS[led.group("bound")] if led and led.group("bound") else None)
    end, suffix = _suffix(text, q.end, "zh")
    more = _MORE_WORKS_ZH.search(text, end, seg[1])  # the works end where the next amount is joined on
    noun = _WORKS_NOUN_ZH.match(text, end, more.start() if more else seg[1])
    if not noun or not ctx.in_target_context(q.start):
        return -1
    if q.dimension not in ("area", "land", "length", "count") and not _WORKS_END_ZH.search(noun.group(1)):
        return -1
    _emit(out, start=q.start, end=noun.end(), ind=(noun.start(1), noun.end(1), noun.group(1)), q=q,
          comparator=cmp or suffix or "=", change=None, base_year=None, years=ctx.periods_at(q.start, True),
          confidence=0.65)
    return noun.end()


#: The total size of a set of works right before it, and the count and name of the set after 的: "建设总面积309万亩的12个
#: 森林碳汇发展片区".
_TOTAL_BEFORE_ZH = re.compile(r"(?P<total>总面积|总规模|总装机容量|总装机|总长度|总容量)\s*(?:约|达|为)?\s*$")
_SET_JOINER_ZH = re.compile(r"\s*[、,，]?\s*(?:和|及|以及)?\s*")
_SET_AFTER_ZH = re.compile(r"的\s*(?P<count>\d+\s*(?:个|处|座|片|条|家|项|块))(?P<works>[\u4e00-\u9fff][^,，;；。、\n\d]{1,20})")


def sized_set(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg: tuple[int, int]) -> int:
    """"总面积309万亩的12个森林碳汇发展片区": how many works (森林碳汇发展片区, 12 个) and the total size they come to
    (森林碳汇发展片区总面积, 309 万亩); the end or -1."""
    text = ctx.text
    total = _TOTAL_BEFORE_ZH.search(text, seg[0], q.start)
    end, suffix = _suffix(text, q.end, "zh")
    works = _SET_AFTER_ZH.match(text, end) if total else None
    count = quantity_at(works.group("count"), works.start("count")) if works else None
    if not works or not count or not ctx.in_target_context(q.start):
        return -1
    listed = bool(out) and out[-1].end == out[-1].indicator_end and _SET_JOINER_ZH.fullmatch(
        text, out[-1].end, total.start()) is not None  # type: ignore[union-attr]  # "…片区、总面积1220万亩的5个…"
    if not listed and not _COUNT_ACTIONS_ZH.search(text, seg[0], total.start()):  # type: ignore[union-attr]
        return -1
    years = ctx.periods_at(q.start, False)
    name = works.group("works")
    _emit(out, start=q.start, end=works.end(), ind=(works.start("works"), works.end(), name + total.group("total")),  # type: ignore[union-attr]
          q=q, comparator=cmp or suffix or "=", change=None, base_year=None, years=years, confidence=0.7)
    _emit(out, start=q.start, end=works.end(), ind=(works.start("works"), works.end(), name),
          q=count, comparator="=", change=None, base_year=None, years=years, confidence=0.7)
    return works.end()


#: Works an amount sizes, led to by 对 or a verb of pushing works on, the action done on them closing the clause:
#: "力争对3000万千瓦左右煤电机组开展灵活性改造", "加快推进7座共计840万千瓦抽水蓄能电站开工建设" (the count and the total).
_ACTED_LEAD_ZH = re.compile(r"(?:对|推进|推动|争取|共计|总计|合计)\s*$")
_ACTED_TOTAL_ZH = re.compile(r"(?:共计|总计|合计)\s*\d+(?:\.\d+)?\s*(?:万|亿)?(?:千瓦|吨|亩|平方米|公里)")
_ACTED_ON_ZH = re.compile(r"(?P<works>[\u4e00-\u9fff]{2,12}?)"
                          r"(?:(?:开展|实施|进行)(?P<done>[\u4e00-\u9fff]{0,6}(?:改造|治理))|(?P<started>开工建设|建成投产|投产))")


def acted_on(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg: tuple[int, int]) -> int:
    """Works sized by an amount, then the action done on them (`_ACTED_ON_ZH`): the works and the action name the
    target ("煤电机组灵活性改造", "抽水蓄能电站开工建设"); a count beside its total ("7座共计840万千瓦") gives both."""
    text = ctx.text
    if q.dimension not in ("count", "power", "area", "land", "length") or not _ACTED_LEAD_ZH.search(text, seg[0], q.start):
        return -1
    end, suffix = _suffix(text, q.end, "zh")
    total = _ACTED_TOTAL_ZH.match(text, end) if q.dimension == "count" else None
    acted = _ACTED_ON_ZH.fullmatch(text, total.end() if total else end, seg[1])
    if not acted or not ctx.in_target_context(q.start):
        return -1
    name = acted.group("works") + (acted.group("done") or acted.group("started"))
    _emit(out, start=q.start, end=acted.end(), ind=(acted.start("works"), acted.end(), name), q=q,
          comparator=cmp or suffix or "=", change=None, base_year=None, years=ctx.periods_at(q.start, True),
          confidence=0.65)
    return acted.end() if not total else end


def counted(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg_start: int, acted: bool = False) -> int:
    """"创建5个低碳示范园区", "建设600公里绿道": a count (a length, an area) before what it counts; the end or -1.
    `acted`: the caller read the action that governs the count (a verb of `_VERBS_ZH` such as 完成)."""
    text = ctx.text
    end, _ = _suffix(text, q.end, "zh")
    totalled = _COUNT_AND_TOTAL_ZH.match(text, end) if q.dimension == "count" else None
    if totalled and (acted or _COUNT_ACTIONS_ZH.search(text, seg_start, q.start) or _RETIRING_ZH.search(text, seg_start, q.start)) and (
            total := quantity_at(totalled.group("amount"), totalled.start("amount"))):
        # "淘汰97台总装机容量209.05万千瓦火电机组": how many of the works, and the total size they come to
        works = totalled.group("works")
        years = ctx.periods_at(q.start, False)
        _emit(out, start=q.start, end=totalled.end(), ind=(totalled.start("works"), totalled.end(), works), q=q,
              comparator=cmp or "=", change=None, base_year=None, years=years, confidence=0.7)
        _emit(out, start=q.start, end=totalled.end(), ind=(totalled.start("total"), totalled.end(), works + totalled.group("total")),
              q=total, comparator="=", change=None, base_year=None, years=years, confidence=0.7)
        return totalled.end()
    themed = _THEMED_ZH.match(text, end)  # "1次以“…”为主题的…演练": what the count counts comes after the theme
    noun = _COUNTED_NOUN_ZH.match(text, themed.end() if themed else end)
    # "开展5万亩养殖尾水处理设施建设": a length or an area before the works it measures, after an action only
    sized = q.dimension in ("length", "land") and _COUNT_ACTIONS_ZH.search(text, seg_start, q.start) is not None
    if (q.dimension != "count" and not sized) or not noun or text.startswith(("以上的", "的"), end) or _ENUM_NEXT_ZH.match(text, end):
        return -1  # "…乡镇7个和森林村庄70个": 7 closes its own phrase, it counts nothing after it
    if re.search(r"\d", _CHEMICAL_NAME_ZH.sub("", CLASS_OPENING_ZH.sub("", noun.group()))):
        # "全区12个盟市主城区公共交通出行分担率达20%": the count is where the value after it holds; a pollutant's
        # name is no value ("120个PM2.5网格化自动监测设备")
        return -1
    noun_start, noun_end = noun.span()
    aside = _ASIDE_RUNS_ON_ZH.match(text, noun_end) if text.startswith("、", noun_end) and re.search(
        r"[(（][^)）]*$", noun.group()) else None
    if aside:  # "12个以上自治区级低碳旗县(市、区)试点": the aside's 、 is no end of the noun
        noun_end = aside.end()
    # "1轮土壤和地下水污染隐患排查": a short modifier joined by 和 to the noun it shares its head with is one noun
    goes_on = _NOUN_GOES_ON_ZH.match(text, noun_end)
    if goes_on and noun_end - noun_start > 4 and not (q.dimension == "count" and _BODY_END_ZH.search(goes_on.group())
                                                      and "分别" not in text[seg_start:q.start]):
        goes_on = None  # "10家市级以上制造业创新中心和企业技术中心": two kinds of body counted together, not works and an action
        # (nor "分别遴选8家左右优势标杆电炉炼钢和废钢加工配送企业": each kind its own count)
    noun_end = goes_on.end() if goes_on else noun_end
    aside_end = _unbalanced_close(text, noun_start, noun_end)  # "…综合演练)": the aside the count stands in ends
    governed, name, noun_end = counted_works(text, out, seg_start, q.start, (noun_start, aside_end))
    chosen = _CHOSEN_AS_ZH.fullmatch(name) if _CHOOSING_ZH.search(text, seg_start, q.start) else None
    if chosen and _CLAUSE_ENDS_ZH.match(text, noun_end):  # "每个市确定2个区域作为重点监测区": the count is of what the things chosen become
        governed, name = True, chosen.group(1)
    if _REACHED_ZH.search(text, seg_start, q.start) and _IN_SERVICE_ZH.search(name):
        governed = True  # "实现8000部…巡护终端入网运行": how many of the things are brought into service
    if not governed and q.dimension == "count" and _RETIRING_ZH.search(text, seg_start, q.start):
        governed = True  # "淘汰50余万辆国三及以下柴油货车": how many things are retired (not the size of a class)
    if not (governed or acted or ctx.years_at(q.start)):
        return -1
    if cmp is None and _AT_LEAST_ZH.search(text, seg_start, q.start):
        cmp = ">="  # "各区县至少举办5期…培训"
    ind_end = noun_end
    amount = bool(_PERIOD_AMOUNT_ZH.search(text, seg_start, q.start))
    if name.startswith(("“", '"')):  # "30家“绿色工厂”": the quoted name, or nothing when the quote runs on
        close = re.search(r"[”\"]", name[1:])
        if close is None:
            return -1
        name = name[1 : close.start() + 1] if close.end() + 1 == len(name) else name
    if q.dimension == "count" and _SHARE_NAMED_ZH.search(name):
        return -1  # "三年内至少实施一次全面工业节能诊断的企业比例": the count qualifies a population whose share is meant
    if (bare := _BARE_DEMONSTRATION_ZH.fullmatch(name)) and (topic := _demonstration_before(text, q.start)):
        name = topic + bare.group(1)  # "打造矿区整合生态修复治理示范区,…各区至少完成一个示范项目建设"
    target = works_on(text[ctx.strip_lead(seg_start, q.start) : q.start])
    if target and q.measure_unit in _ROUNDS:
        name = target + name  # "对重点排污单位至少开展1轮检查": the rounds of works on what 对 names
    _emit(out, start=q.start, end=ind_end, ind=(noun_start, ind_end, name), q=q, comparator=cmp or "=",
          change=None, base_year=None, years=ctx.periods_at(q.start, amount), confidence=0.75)
    return ind_end


#: A demonstration named by its kind alone after its count ("一个示范项目建设"), and the kind.
_BARE_DEMONSTRATION_ZH = re.compile(r"(示范(?:项目|点|工程))(?:建设)?")
#: A demonstration set up earlier in the sentence, its topic before 示范: "打造矿区整合生态修复治理示范区".
_DEMONSTRATION_ZH = re.compile(r"(?:打造|建设|创建|建成|培育|推进|开展)?([\u4e00-\u9fff]{2,16}?)示范(?:区|基地|园区|片区)")


def _demonstration_before(text: str, at: int) -> str | None:
    """The topic of the last demonstration zone the sentence names before `at`, which a bare 示范项目 belongs to."""
    start = _sentence_bounds(text, at, "zh")[0]
    found = list(_DEMONSTRATION_ZH.finditer(text, start, at))
    return found[-1].group(1) if found else None


#: A share's name closing what a count seems to count.
_SHARE_NAMED_ZH = re.compile(r"(?:比例|比重|占比|率)$")


#: Counting words of rounds and times of works done on something: "1轮监测", "1次检查".
_ROUNDS = frozenset({"轮", "次", "遍"})


#: What rounds of works are done on, fronted by 对 before the action and its count: "对土壤污染重点监管单位周边土壤环境
#: 至少完成一轮监测" → 土壤污染重点监管单位周边土壤环境监测 (the works on it, not the thing itself).
_WORKS_ON_ZH = re.compile(r"对([\u4e00-\u9fff]{2,24}?)(?:至少|每年|累计)?(?:开展|实施|进行|组织|完成)?\s*$")


def works_on(phrase: str) -> str | None:
    """The object a phrase fronts with 对 before the action that counts works on it ("对重点排污单位至少开展"), else None."""
    m = _WORKS_ON_ZH.fullmatch(phrase)
    return m.group(1) if m else None


#: Works retired or rebuilt right before their count: "淘汰97台…火电机组".
_RETIRING_ZH = re.compile(r"(?:淘汰|关停|拆除)\s*$")
#: Bodies a count may name two kinds of, joined by 和 ("…创新中心和企业技术中心", "…研究院和新型研发机构").
_BODY_END_ZH = re.compile(r"(?:中心|平台|机构|基地|园区|企业|单位|研究院|实验室|站)$")


#: A count's works named after the total size they come to: "97台总装机容量209.05万千瓦火电机组".
_COUNT_AND_TOTAL_ZH = re.compile(
    r"\s*(?P<total>总装机容量|总装机|总容量|总规模|总面积|总长度)\s*"
    r"(?P<amount>\d+(?:\.\d+)?\s*(?:万|亿)?(?:千瓦|兆瓦|吨|平方米|亩|公顷|公里))的?(?P<works>[\u4e00-\u9fff][^,;。、\n\d]{1,20})")


#: Things chosen, right before their count, to become what 作为 names: "确定2个区域作为重点监测区".
_CHOOSING_ZH = re.compile(r"(?:确定|选择|选取|选定|遴选)\s*$")
_CHOSEN_AS_ZH = re.compile(r"[\u4e00-\u9fff]{1,8}?作为([\u4e00-\u9fff“”]{2,30})")
_CLAUSE_ENDS_ZH = re.compile(r"\s*(?:[,，;；。\n]|$)")
#: 实现 right before a count of things, and the state in service they reach, closing the noun.
_REACHED_ZH = re.compile(r"实现\s*$")
_IN_SERVICE_ZH = re.compile(r"(?:运行|投运|投产|入网|联网|并网|上线|接入)$")


def _unbalanced_close(text: str, start: int, end: int) -> int:
    """Where text[start:end] meets a closing bracket it did not open, or opens one it does not close (an
    aside beginning: "…演练(其中,…"), else `end`."""
    opened: list[int] = []
    for i in range(start, end):
        if text[i] in "(（":
            opened.append(i)
        elif text[i] in ")）":
            if not opened:
                return i
            opened.pop()
    return opened[0] if opened else end


#: A part of the amount before it: "…装机规模不低于750万千瓦,其中并网装机规模不低于300万千瓦", also in a sentence
#: of its own that opens with 其中 ("…新增支撑保障型煤电900万千瓦。其中,自用煤电500万千瓦").
_PART_ZH = re.compile(r"\s*[,，;；。]?\s*其中[,，]?")


def amount_parts(hits: list[TargetHit], text: str) -> list[TargetHit]:
    """An amount counted over a period ("“十四五”期间,新增水电并网装机规模110万千瓦以上") passes its first year on to
    the target after it in its sentence that restates it under its name ("力争达到200万千瓦": the same quantity
    stretched) or is a part of it ("其中并网装机规模…"): both count over the same years."""
    out = list(hits)
    parts: set[int] = set()  # the parts found, whose list goes on with more ("其中,自用煤电500万千瓦,外送煤电400万千瓦")
    for i in range(1, len(out)):
        before, hit = out[i - 1], out[i]
        if (hit.start_year is not None or before.start_year is None or hit.qualitative or hit.change or before.change
                or not _same_dimension(before, hit)):
            continue
        part = _PART_ZH.fullmatch(text, before.end, hit.indicator_start) or (
            i - 1 in parts and _NEXT_PART_ZH.fullmatch(text, before.end, hit.indicator_start))
        if hit.year != before.year and not (part and hit.year is None):  # a part in a sentence of its own: no year yet
            continue
        if part:
            parts.add(i)
        if not part and _sentence_bounds(text, hit.start, "zh") != _sentence_bounds(text, before.start, "zh"):
            continue
        if hit.indicator == before.indicator or part:
            out[i] = replace(hit, start_year=before.start_year, year=before.year)
    return out


#: The next part of a list of parts: "其中,自用煤电500万千瓦,外送煤电400万千瓦".
_NEXT_PART_ZH = re.compile(r"\s*[,，、]\s*")


def _same_dimension(a: TargetHit, b: TargetHit) -> bool:
    kind = unit_dimension(a.measure_unit) if a.measure_unit else None
    return kind is not None and b.measure_unit is not None and unit_dimension(b.measure_unit) == kind

"""Quantified targets and qualitative goals: "到2025年,非化石能源消费比重达到32%以上" → 非化石能源消费比重
≥ 32 % by 2025; "单位国内生产总值二氧化碳排放比2020年下降18%" → a decrease of 18 % from 2020.

Policy texts state targets in a few fixed shapes, so the extractor is a small grammar read backwards
from each value: [indicator] [比2020年] [verb] [value][unit][以上/左右/以内], plus its variants —
"分别"/"均" lists that pair indicators (or years) with values, each indicator its own target; counts that
precede their noun ("创建5个低碳示范园区"); forms without a verb: a phrase closed by its value ("装机容量
580万千瓦", "“十四五”期间新建充电桩5000个", "…绿色工厂102家、绿色产品31个"), a capacity ("形成2.9万吨/日的
处理能力"); ratios without a unit ("电能利用效率(PUE)不高于1.3"). Comparators: 超过/突破 (>), 不低于/以上
(>=), 控制在/不高于/以内 (<=), 优于 (< for PUE); 比/较 a year + 下降/提高 a change from that base year. An
amount over a period ("“十四五”期间累计新增…") runs from the period's first year; periods summed
("“十四五”、“十五五”期间累计…") are one interval. Qualitative goals ("完成省下达的目标", "全覆盖") are a kind
of their own, found only in a target context: under a year marker, or where the text says 目标. Years
come from `deadlines.deadline_scopes`, or from the document's period where the text names none
(`period.py`). English follows the same plan with its own word lists. Input is normalised text (simplified
Chinese, half-width ASCII) or English; offsets are into it. The line breaks a PDF's layout put inside
sentences are read through ("化肥施用\n量" is 化肥施用量).

Length (about 690 lines, kept whole on purpose): the forms of the grammar share one reading context
(`_Context`) and the spans already taken, and run in an order that decides which form a value belongs to;
split over modules, that order would be too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from policykg.extract.deadlines import DeadlineHit, deadline_scopes, extract_deadlines, five_year_plan
from policykg.extract.line_wraps import unwrap
from policykg.extract.numbers import Quantity, parse_number, quantity_at, scan_quantities
from policykg.extract.period import due_at_period_end, first_other_year
from policykg.extract.target_forms import (
    _LIST_MARKER_RE,
    _emit,
    _share,
    _works,
    acted_on,
    amount_parts,
    continues_enumeration,
    counted,
    sized_set,
    works_on,
)
from policykg.extract.target_labels import plain_labels
from policykg.extract.target_layout_rows import layout_row_targets, place_list_targets
from policykg.extract.target_names import (
    HEDGE_INSIDE_ZH,
    closing_name,
    enumeration_lead,
    example_category,
    fuller_measure,
    holders_sharing_rate,
    level_items,
    level_subject,
    measure_of_trend_before,
    measures_listed,
    named_by_previous,
    places_of_part,
    referent,
    sectors_using,
)
from policykg.extract.target_place_rows import place_row_targets
from policykg.extract.target_scope import (
    ASIDE_OPEN_ZH,
    TargetHit,
    _bracket_unit_quantities,
    _Context,
    _mapped,
    _ratio_quantities,
    not_the_texts_target,
)
from policykg.extract.target_shapes import (
    _clean_indicator_zh,
    _english_base,
    _group_lists,
    _Predicate,
    _predicate_en,
    _segment_bounds,
    _sentence_bounds,
    _split_indicators_en,
    _split_indicators_zh,
    _suffix,
    _trim,
    places_listed_zh,
)
from policykg.extract.target_share_actions import rate_of_action_after
from policykg.extract.target_tables import in_status_cell, table_targets
from policykg.extract.target_unkeyed_rows import unkeyed_row_targets
from policykg.extract.target_words import (
    _ACTION_END_ZH,
    _ADVERBS_ZH,
    _APPROX_TAIL_ZH,
    _APPROX_ZH,
    _AT_LEAST_END_ZH,
    _AUX_EN,
    _BASE_DECLARED_ZH,
    _BASE_ZH,
    _CAPACITY_NOUN_ZH,
    _CAPACITY_VERB_ZH,
    _CHANGE_BEFORE_BOUND_ZH,
    _COUNTED_NOUN_ZH,
    _CUT_LEAD_ZH,
    _EACH_ZH,
    _ENUM_NEXT_ZH,
    _FROM_VALUE_ZH,
    _INDICATOR_TAIL_ZH,
    _LEVEL_VERBS_ZH,
    _LOWER_IS_BETTER_ZH,
    _NEGATED_EN,
    _ONLY_ACTIONS_ZH,
    _PERIOD_AMOUNT_ZH,
    _QUALITATIVE_EN,
    _QUALITATIVE_ZH,
    _SEGMENT_EDGE_ZH,
    _VERBLESS_ACTION_ZH,
    _VERBS_ZH,
    COMPARATOR_SYMBOLS,
    ESTABLISHING_GOAL,
    ITEM_JOINER_ZH,
    _alternation,
    _verb_re,
)

__all__ = ["EXTRACTOR", "TargetHit", "extract_targets"]


EXTRACTOR = "policykg.extract.targets"


# --- the grammar -----------------------------------------------------------------------------------
#: The comparators an indicator list prints as symbols ("城市空气质量优良天数比例≥98%").
_SYMBOLS = frozenset(v for symbols in COMPARATOR_SYMBOLS.values() for v in symbols)
#: What a name a symbol follows does not hold, its asides, years and item number aside: a formula's signs, a figure, a bound.
_FORMULA_ZH = re.compile(r"[×÷=α-ω≤≥<>＜＞\d]")
_ASIDES_AND_YEARS_ZH = re.compile(r"[(（][^()（）]*[)）]|(?:19|20)\d{2}\s*年|^\s*(?:○\s*\d{1,2}|\d{1,2}\s*[.、．](?!\d)|\d{1,2}\s+)")


#: A name opening with what a period adds: "新增风电装机" (completed from "新增水电装机" before it).
_ADDED_NAME_ZH = re.compile(r"^(?:新增|新建|累计新增)")
#: The places a quota is set for, each of them, before the verb: "各区分别建成1个…", "每个县(市、区)建设…".
_EACH_PLACE_ZH = re.compile(r"(?:各|每个)(?:区|县|市|乡镇|街道|区县|县区|县\(市、区\)|县（市、区）)(?:分别|均|都)?")
#: Where the works stand, named before their count ("实施来宾、崇左、防城港等地不少于56个农村饮用水水源保护示范项目"):
#: places listed and closed by 等地, after an action; the count's noun names the target.
#: …or the fields the works are done in ("在电气电子、机械装备、再制造等行业形成10家绿色设计示范企业"); "在淄博、济宁、德州等市".
_PLACES_AT_ZH = re.compile(r"(?:在|于|实施|建设|推进|开展)?(?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8}等(?:地|地区|[省市县区])"
                           r"|在(?:[\u4e00-\u9fff]{2,8}、)*[\u4e00-\u9fff]{2,8}等?(?:行业|领域|产业)")


def _names_before_symbol(before: str) -> bool:
    """A symbol is a comparator right after a name it closes: a Chinese word or a closed bracket, outside any
    bracket, in no formula and no line of figures ("≤1700千克标准煤/吨0.94合成氨单位产品能耗>1700")."""
    name = before.rstrip()
    return (bool(re.search(r"[\u4e00-\u9fff)）]$", name)) and name.count("(") + name.count("（") == name.count(")") + name.count("）")
            and not _FORMULA_ZH.search(_ASIDES_AND_YEARS_ZH.sub("", name)))


#: Works an area is done over whose name closes with 提升 or 提高, after the action completing them: "完成森林质量精准提升
#: 45万亩", "完成松林改造提升120万亩" (not 提升 an amount: "森林面积提高…万亩" has no such action before it).
_UPGRADE_WORKS_ZH = re.compile(r"(完成|实施)(?=[\u4e00-\u9fff]{2,16}?(?:提升|提高)$)")


def _sized_by_area(text: str, value_start: int) -> bool:
    """The value at `value_start` is an area (亩, 公顷, 平方米 …, by the units table)."""
    q = quantity_at(text[value_start : value_start + 16], value_start)
    return q is not None and q.start == value_start and q.dimension in ("area", "land")

#: Words 在 closes that are no level a value is at: 存在 (there is), 正在, 所在, 现在.
_IN_WORDS_ZH = ("存", "正", "所", "现")


def _predicate_zh(text: str, seg_start: int, value_start: int) -> _Predicate | None:
    """Read [比2020年][由N][adverbs][verb][约] backwards from the value; None if no verb governs it."""
    pre = text[seg_start:value_start].rstrip()  # "不低于 64m3/s": a space the text layer left before the value
    if pre.endswith("了"):  # "分别下降了10.07%"
        pre = pre[:-1]
    approx: str | None = None
    hedged = _APPROX_TAIL_ZH.search(pre)  # "约25%", "逾3000家", "接近30%"; not 公约
    if hedged:
        approx, pre = _APPROX_ZH[hedged.group()], pre[: hedged.start()]
    # the verb stands right before the value, or before a denominator: "达到汽车新车销售总量的20%"
    m = _verb_re("zh").search(pre) or re.search(rf"({_alternation(_VERBS_ZH)})[^,;。]{{1,20}}的$", pre)
    if m and m.group(1) in ("提升", "提高") and _UPGRADE_WORKS_ZH.search(pre) and _sized_by_area(text, value_start):
        return None  # "完成森林质量精准提升45万亩": the works done over an area, 提升 a word of their name
    # "风电供暖、…和电供暖供热面积各100万平方米": 各 before the value sets it for each item, as 均 does
    m = m or re.search(r"(?<=[\u4e00-\u9fff])(各)$", pre)
    if not m or (m.group(1) == "在" and pre[: m.start()].endswith(_IN_WORDS_ZH)):
        return None  # "预计到2025年存在800万千瓦左右电力硬缺口": 存在 (there is), no level 在
    comparator, change = _VERBS_ZH.get(m.group(1), (None, None))
    before = pre[: m.start()]
    if m.group(1) in _SYMBOLS and not _names_before_symbol(before):
        return None  # "(公称容量≥50吨)", "目标值:≥72%", "0.99高炉有效容积≥1200m3": a class's bound, a cell, a formula
    moved = _CHANGE_BEFORE_BOUND_ZH.search(before) if comparator in (">", ">=", "<", "<=") else None
    if moved:  # "较2020年下降不低于7%": a change, bounded by the word after its verb
        change, before = _VERBS_ZH[moved.group(1)][1], before[: moved.start()]
    least = _AT_LEAST_END_ZH.search(before)  # "至少完成1轮…排查": a least bound, no indicator
    if least:
        before, comparator = before[: least.start()], comparator or ">="
    hedge = _APPROX_TAIL_ZH.search(before)  # "…的产能约占25%"
    if hedge:
        before, approx = before[: hedge.start()], approx or _APPROX_ZH[hedge.group()]
    before = _FROM_VALUE_ZH.sub("", _ADVERBS_ZH.sub("", before))  # "利用率由30%提高到50%": 30% is where it starts
    base_year = None
    b = _BASE_ZH.search(before)
    if b:
        plan = five_year_plan(b.group(3)) if b.group(3) else None
        base_year = int(b.group(1) or b.group(2)) if not plan else plan[1]
        before = before[: b.start()]
        before = _ADVERBS_ZH.sub("", before)
    if approx and comparator is None:
        comparator = approx
    if m.group(1) == "优于" and not _LOWER_IS_BETTER_ZH.search(before):
        comparator = ">"  # better than: lower only for PUE, intensities and concentrations
    predicate = _Predicate(seg_start + len(before), comparator, change, base_year, 0.9)
    predicate.level = m.group(1) in _LEVEL_VERBS_ZH
    # "占地产农产品产量的30%", "灌溉面积达到总耕地面积的93%": what the share is of
    predicate.denominator = (s.group(1) if (s := re.fullmatch(r"(?:占|达到)([\u4e00-\u9fff]{2,16})的", pre[m.start():])) else None)
    return predicate


def _predicated(ctx: _Context, out: list[TargetHit], items: list[tuple[Quantity, str | None]],
                predicate: _Predicate, seg: tuple[int, int], list_end: int) -> int:
    """Targets of a value list governed by a verb; returns where they end."""
    text, lang = ctx.text, ctx.lang
    first = items[0][0]
    seg_start, seg_end = seg
    change, base_year = predicate.change, predicate.base_year
    if lang == "en":
        post_change, en_base, list_end = _english_base(text, seg_start, seg_end, first.start, list_end)
        change, base_year = post_change or change, en_base or base_year
        m = re.match(r"\s*respectively\b", text[list_end:], re.IGNORECASE)
        list_end += m.end() if m else 0
    ind_start = ctx.strip_lead(seg_start, predicate.verb_start)
    ind_start, ind_end = _trim(text, ind_start, predicate.verb_start, lang)
    if lang == "en":
        ind_start = ctx.strip_lead(ind_start, ind_end)
    else:
        ind_end = ind_start + len(_clean_indicator_zh(text[ind_start:ind_end]))
    indicator, start, confidence = HEDGE_INSIDE_ZH.sub("", text[ind_start:ind_end]), ind_start, predicate.confidence
    count_first = lang != "en" and first.dimension == "count" and _COUNTED_NOUN_ZH.match(text, items[0][0].end)
    only_actions = not indicator or _ONLY_ACTIONS_ZH.match(indicator) or _ACTION_END_ZH.search(indicator)
    if count_first and (only_actions or _EACH_PLACE_ZH.fullmatch(indicator) or _PLACES_AT_ZH.fullmatch(indicator)) and not text.startswith(("以上的", "的"), first.end):
        # "突破20项关键技术": the count comes before what it counts; "各区分别建成1个近零碳试点园区": a quota per place
        return -1
    holder = works_on(indicator) or (indicator if _HOLDER_OF_COUNT_ZH.fullmatch(indicator) else None)
    if count_first and holder and _COUNT_VERB_ZH.search(text, predicate.verb_start, first.start):
        # "粤东西北每年完成1个以上节能绿色化改造项目": the place that does the works, then the count of what it does;
        # "对…周边土壤环境至少完成一轮监测": what the works are done on
        before = len(out)
        end = counted(ctx, out, first, items[0][1] or predicate.comparator, predicate.verb_start, True)
        out[before:] = [replace(h, indicator=holder + h.indicator) for h in out[before:]]
        return end if len(out) > before else -1
    listed: list[str] = []
    growth_only = lang != "en" and bool(_GROWTH_ONLY_ZH.fullmatch(indicator))
    if lang != "en" and (_INDICATOR_TAIL_ZH.fullmatch(indicator) or growth_only or _VALUE_ALONE_ZH.fullmatch(indicator)):
        indicator = ""  # "…下降12.5%,“十四五”期间年均下降2.6%": a yearly rate of the indicator before, no name of its own
    if lang != "en" and not indicator and len(items) == 1 and first.dimension in ("area", "land", "length"):
        # "…实施150个左右水生态保护修复项目,完成600公里河湖缓冲带建设或修复": the works the amount measures follow it
        end = _works(ctx, out, first, items[0][1] or predicate.comparator, seg)
        if end >= 0:
            return end
    if not indicator:
        # "…利用率达到57%,2030年进一步提升至62%": the indicator of the sentence's previous target
        sentence_end = _sentence_bounds(text, first.start, lang)[1]
        earlier = [t for t in out if not t.qualitative and t.end <= first.start
                   and _sentence_bounds(text, t.start, lang)[1] == sentence_end]
        trend = measure_of_trend_before(text, seg_start) if not earlier else None
        if trend:  # "石油产量稳中有升,力争2022年回升到2亿吨水平": the measure the clause before says the trend of
            indicator, ind_start, ind_end = trend[2], trend[0], trend[1]
        elif not earlier:
            return -1
        else:
            ind_start, ind_end, indicator = earlier[-1].indicator_start, earlier[-1].indicator_end, earlier[-1].indicator
            if growth_only:  # "绿色融资增量40亿元以上,增速不低于20%": the growth of what the amount before adds to
                indicator, change = _ADDED_TAIL_ZH.sub("", indicator) or indicator, change or "increase"
            base_year = base_year or (earlier[-1].base_year if change and change == earlier[-1].change else None)  # "力争下降14.5%"
            if len(items) > 1 and len({t.indicator for t in earlier[-len(items):]}) == len(items):
                listed = [t.indicator for t in earlier[-len(items):]]  # "…分别为100%、97.1%(较2016年分别上升22.2%、23.6%)"
        confidence = 0.7
    rate_of = _RATE_OF_CHANGE_ZH.search(indicator) if lang != "en" and change is None else None
    if rate_of and len(items) == 1 and rate_of.start() >= 2:
        # "单位GDP建设用地使用面积下降率达到15%": a rate of decrease reached is the decrease (a table's 降低率 row too)
        indicator, change = indicator[: rate_of.start()], "increase" if rate_of.group().startswith("增") else "decrease"
    if predicate.denominator and indicator and not indicator.endswith(("比重", "比例", "占比")):
        indicator += "占" + predicate.denominator  # "绿色食品生产总量占地产农产品产量的30%以上"
    if lang != "en":  # "该比例达到45%": the target just stated; "A、B等9种主要再生资源…" the category
        named = referent(indicator, out, first.start) or named_by_previous(indicator, out, text, ind_start)
        if named and change and base_year is None and out and out[-1].change == change:
            base_year = out[-1].base_year  # "…相对2020年降低20.5%,平度市、莱西市降低21.5%": the same base
        indicator = named or indicator
        if first.dimension == "power" and _POWER_KIND_ALONE_ZH.fullmatch(indicator):
            # "全区陆上风电达到1800万千瓦", "风电新增约1250万千瓦": a kind of power sized in kW is its installed capacity
            indicator += "新增装机" if text.startswith("新增", predicate.verb_start) else "装机"
        elif first.dimension == "land" and (land := _LAND_KIND_ALONE_ZH.fullmatch(indicator)):
            # "包头境内湿地稳定在140万亩": a kind of land sized in mu or hectares is its area
            indicator = land.group("kind") + "面积"
    if lang != "en" and change and base_year is None:
        # "以2020年能源、水资源消费以及碳排放为基数,2025年…能耗下降5%、人均综合能耗下降6%": the base the sentence declares
        declared = list(_BASE_DECLARED_ZH.finditer(text, _sentence_bounds(text, first.start, lang)[0], first.start))
        base_year = declared_base_year(declared[-1]) if declared else None
    amount = lang != "en" and change is None and not predicate.level and first.dimension != "share" and (bool(
        _PERIOD_AMOUNT_ZH.search(text, seg_start, first.start)) or ctx.counted_over_period(first.start, first))
    years = ctx.periods_at(first.start, amount)
    n = len(items)
    split = _split_indicators_en if lang == "en" else _split_indicators_zh
    names = listed or (split(indicator, n) if n > 1 else [indicator])
    if lang != "en" and n > 1 and len(set(names)) == 1 and (k := places_listed_zh(indicator)):
        # "建成阿坝州、甘孜州、凉山州、攀枝花市光伏发电项目各约220万千瓦、440万千瓦…": one place per value, in order
        places = [p for p in ITEM_JOINER_ZH.split(indicator[:k]) if p]
        names = [p + indicator[k:] for p in places] if len(places) == n else names
    each = lang != "en" and n == 1 and (
        bool(_EACH_ZH.search(text, predicate.verb_start, first.start)) or measures_listed(indicator))
    if each:  # "城镇污水集中处理率、污泥无害化处置率均达到97%以上": one value for each indicator
        names = split(indicator, 0)
    elif lang != "en" and n == 1 and (used := sectors_using(indicator, text, ind_start)):
        names, each = used, True  # "大力推动低(无)VOCs含量涂料,汽车零部件、工程机械制造使用比例达到50%以上"
    elif lang != "en" and n == 1 and (placed := places_of_part(indicator, out, text, ind_start)):
        names, each = placed, True  # "…比例达到40%以上,其中济南、青岛、烟台3市达到50%以上": each place's own
    elif lang != "en" and n == 1 and (held := holders_sharing_rate(indicator)):
        names, each = fuller_measure(held, out, text, ind_start), True  # "城市建成区、工业园区和主要交通干线机械化清扫率达到86%以上"
    elif lang != "en" and n == 1 and first.dimension == "share" and (rate := rate_of_action_after(
            text, predicate.verb_start, first.start, _suffix(text, first.end, lang)[0], seg_end)):
        indicator += rate  # "废旧放射源做到100%安全收贮": the rate of the action after the share
        names = [indicator]
    elif lang != "en" and text.startswith("做到", predicate.verb_start):
        return -1  # "做到100%应收尽收": what is reached is no action a rate is named by
    elif lang != "en" and n == 1:
        indicator = example_category(indicator)
        names = [indicator]
    if n > 1 or len(names) > 1:
        confidence = min(confidence, 0.8)
    per_year = ctx.yearly(first.start, n) if lang != "en" and len(years) == 1 else []
    for i, (q, cmp) in enumerate(items):
        pairs = list(years)
        if n > 1 and len(names) == n:
            chosen = [names[i]]  # "能耗和二氧化碳排放分别比2020年下降13.5%、18%"
        elif n > 1 and len(years) == n:
            chosen, pairs = [indicator], [years[i]]  # "到2025年和2030年,…分别提升至15%、20%以上"
        elif n > 1 and len(names) != n and len(per_year) == n:
            chosen, pairs = [indicator], [per_year[i]]  # "2022至2025年…占比分别达到80%、90%、95%、100%"
        else:
            chosen = names if each else [indicator]
        # "焦炭产能控制在6000万吨左右": a bound the verb sets is not loosened by the hedge after the value
        bound = predicate.comparator if cmp == "~" and predicate.comparator in ("<=", ">=", "<", ">") else None
        for name in chosen:
            _emit(out, start=start, end=list_end, ind=(ind_start, ind_end, name), q=q,
                  comparator=bound or cmp or predicate.comparator or "=", change=change, base_year=base_year,
                  years=pairs, confidence=confidence)
    return list_end


#: A place or a body named alone before the action a count follows ("粤东西北", "中心城区"), not each place of a kind
#: (a quota: `_EACH_PLACE_ZH`), and the actions that count works done.
_HOLDER_OF_COUNT_ZH = re.compile(
    r"(?![各每])[\u4e00-\u9fff]{1,6}(?:[省市区县州盟旗镇乡村城东西南北]|地区|园区|企业|单位|机构|部门|学校|医院)")
_COUNT_VERB_ZH = re.compile(r"(?:累计)?(?:完成|建成|新建|创建)\s*$")


#: A rate of change named as the indicator: "…下降率", "…降低率", "…降低幅度"; "废钢利用量增幅超过20%" an increase.
_RATE_OF_CHANGE_ZH = re.compile(r"(?:下降|降低)(?:率|幅度)$|增幅$|增长幅度$")


#: A value kept, written after it: "湿地保有量4.04万亩不减少" (with the note on it that may close the clause).
_KEPT_ZH = re.compile(r"(不减少|不降低|不下降|不增加)(?:\s*[(（][^()（）]*[)）])?")
_KEPT_ZH_COMPARATOR = {"不减少": ">=", "不降低": ">=", "不下降": ">=", "不增加": "<="}


#: A bracket right after a figure, closing its clause: a note on the figure (its parts, what of it is done already).
_NOTE_AFTER_ZH = re.compile(r"[(（][^()（）]*\d[^()（）]*[)）]")


def _closing(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg: tuple[int, int],
             item_start: int | None = None, clause_start: int | None = None, continued: bool = False) -> int:
    """"装机容量580万千瓦", "精准提升森林质量45万亩", "“十四五”期间新建充电桩5000个": a phrase and the value
    that closes its clause, without a verb before the value. In an enumeration ("创建绿色工厂102家、绿色产品
    31个…") each item is such a phrase: `item_start` is where the current one starts."""
    text = ctx.text
    end, _ = _suffix(text, q.end, "zh")
    kept = _KEPT_ZH.match(text, end, seg[1])  # "湿地保有量4.04万亩不减少(以…数据为准)": at least that much
    if kept:
        end, cmp = kept.end(), cmp or _KEPT_ZH_COMPARATOR[kept.group(1)]
    enumerated = bool(_ENUM_NEXT_ZH.match(text, end, seg[1]))
    rest = text[end:seg[1]].strip()
    if rest in (")", "）") and ASIDE_OPEN_ZH.search(text, max(0, q.start - 80), q.start):
        rest = ""  # the bracket of an aside opening with its year or 其中: "…(2021年完成营造林30万亩以上,完成森林抚育50万亩以上)"
    if _NOTE_AFTER_ZH.fullmatch(rest):
        rest = ""  # "其中油茶示范林15.33万公顷(新造2万公顷、低产低效林改造13.33万公顷)": a note on the figure, its parts
    if (rest and not enumerated) or q.measure_unit in ("万", "亿"):
        return -1
    opening = ctx.strip_lead(seg[0] if clause_start is None else clause_start, q.start)
    marker = _LIST_MARKER_RE.match(text[opening:q.start])  # "(2)打造全国农业绿色发展先行区2个": a 专栏's item
    opening += marker.end() if marker else 0
    action = _VERBLESS_ACTION_ZH.match(text[opening:q.start]) or ctx.action_ahead(text[opening:q.start], q.start)
    if item_start is not None:
        seg = (item_start, seg[1])
    if not (ctx.in_target_context(q.start) or ctx.goal_clause_at(q.start)):
        return -1
    ind_start = ctx.strip_lead(seg[0], q.start)
    ind_start, ind_end = _trim(text, ind_start, q.start, "zh")
    phrase = _clean_indicator_zh(_ADVERBS_ZH.sub("", text[ind_start:ind_end]))
    approx = _APPROX_TAIL_ZH.search(phrase)  # "…的产能约25%"
    if approx:
        phrase = phrase[: approx.start()]
        cmp = cmp or _APPROX_ZH[approx.group()]
    ind_end = ind_start + len(phrase)
    ind_start, ind_end = level_subject(text, ind_start, ind_end) or (ind_start, ind_end)  # "…由2020年的A提升至2025年的B"
    name = closing_name(text[ind_start:ind_end], out, text, ind_start)  # "" for a costing's sum
    if ind_end - ind_start < 2 or not name or (
            q.dimension == "count" and not action and not continued and not _STOCK_NAME_ZH.search(name)):
        return -1  # a count closes a target only after an action ("新建充电桩5000个", not "涉及企业12家"), or
        # in an enumeration of targets going on ("…发电厂2座,浅层地温能利用项目10个") or opened by its year
    if q.dimension == "count" and _HOW_OFTEN_ZH.search(name):
        return -1  # "…开展节能诊断…,原则上五年内至少开展一次": how often an action named before is done, no thing counted
    amount = bool(_PERIOD_AMOUNT_ZH.search(text, opening, q.start)) or ctx.counted_over_period(q.start, q)
    cut = _CUT_LEAD_ZH.match(name)  # "压减地下水超采量1亿立方米以上": a decrease by that much
    years = ctx.periods_at(q.start, amount)
    before = out[-1] if out and not out[-1].qualitative else None
    if (before and before.start_year and name != text[ind_start:ind_end] and _ADDED_NAME_ZH.match(name)
            and _ADDED_NAME_ZH.match(before.indicator) and [y for _, y in years] == [before.year]):
        # "“十四五”新增水电装机约2400万千瓦,风电约600万千瓦": a name completed from the amount before is counted as it is
        years = [(before.start_year, before.year)]
    counted_size = _COUNT_THEN_SIZE_ZH.search(name) if q.dimension in _SIZED and not cut else None
    at = ind_start + name.rfind(counted_size.group()) if counted_size else -1
    if counted_size and (count := quantity_at(counted_size.group(), at)):
        # "新建天然气长输管线7条300公里": how many of the works, and their length
        name = name[: counted_size.start()]
        _emit(out, start=ind_start, end=end, ind=(ind_start, at, name), q=count, comparator="=", change=None,
              base_year=None, years=years, confidence=0.65)
        name += _SIZED[q.dimension]  # type: ignore[index]
    if q.dimension == "share" and not cut and measures_listed(name):
        # "实现配网10千伏线路联络率、标准接线率、线路转供率100%": the value is each rate's
        for each in _split_indicators_zh(name, 0):
            _emit(out, start=ind_start, end=end, ind=(ind_start, ind_end, each), q=q, comparator=cmp or "=", change=None,
                  base_year=None, years=years, confidence=0.65)
        return end
    _emit(out, start=ind_start, end=end, ind=(ind_start + (cut.end() if cut else 0), ind_end, name[cut.end():] if cut else name),
          q=q, comparator=cmp or "=", change="decrease" if cut else None, base_year=None, years=years, confidence=0.65)
    return end


#: A rate of growth named alone, of the amount the target before it states ("…增量40亿元以上,增速不低于20%").
_GROWTH_ONLY_ZH = re.compile(r"(?:年均)?(?:增速|增幅|增长率|增长速度)")
_ADDED_TAIL_ZH = re.compile(r"(?:新增量|增量|新增规模)$")


#: What there is already, right before its figure.
_EXISTING_ZH = re.compile(r"(?:既有|现有|已有|原有)$")

#: What a task centres on, a figure inside it describing it: "以60个内涝灾害较为严重的城市为重点", "以面积大于100平方千米、
#: 水质污染较重的海湾为重点", "以6层为主" (not 为目标: "以…达到20%为目标" names a goal).
_FOCUS_OPEN_ZH = re.compile(r"以[^,，;；。:：以]{0,40}$")
_FOCUS_CLOSE_ZH = re.compile(r"[^,，;；。:：]{0,40}?为(?:重点|主|主体|依托|基础|抓手|突破口|载体)")


def _in_focus(text: str, q: Quantity) -> bool:
    """The figure stands inside "以…为重点" (`_FOCUS_OPEN_ZH`, `_FOCUS_CLOSE_ZH`)."""
    return bool(_FOCUS_OPEN_ZH.search(text, max(0, q.start - 40), q.start) and _FOCUS_CLOSE_ZH.match(text, q.end))


#: Only so much, right before a figure (not 不仅, "not only"): "仅为1.82%", "仅占水电装机的38.6%", "仅有208个".
_ONLY_ZH = re.compile(r"(?<!不)仅(?:占|为|有|达到?|剩)?[^,，。;；:：\d]{0,12}$")


#: How often an action is done, closing a phrase before its count: "原则上五年内至少开展(一次)".
_HOW_OFTEN_ZH = re.compile(r"(?:至少|每年|定期)(?:开展|实施|完成|组织|进行)$")


#: A count a stock measure names, no action needed before it: "燃料电池车辆保有量约5万辆".
_STOCK_NAME_ZH = re.compile(r"(?:保有量|拥有量|总数|数量)$")


#: A kind of power named alone (a few characters of where or how before it): "陆上风电", "分布式光伏", "抽水蓄能".
_POWER_KIND_ALONE_ZH = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:[水风火核煤气]电|光伏发电|光伏|光热发电|生物质发电|生物质能|地热能|太阳能|抽水蓄能|可再生能源|新能源)")
#: A kind of land named alone (after where it lies), sized by an area: "包头境内湿地", "林地".
_LAND_KIND_ALONE_ZH = re.compile(r"(?:[\u4e00-\u9fff]{2,6}境内)?(?P<kind>湿地|林地|草原|草地|耕地|森林|水域)")


#: A count right before the size of what it counts, closing a phrase: "…长输管线7条300公里", "…绿道5条120公里";
#: the size is named by its dimension.
_COUNT_THEN_SIZE_ZH = re.compile(r"(?<![\d.])\d+\s*(?:条|座|处|段|个)$")
_SIZED = {"length": "长度", "area": "面积", "land": "面积"}


#: Who has a capacity a share sizes, named alone before the verb: "省级电网", "各盟市电网".
_CAPACITY_HOLDER_ZH = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _capacity(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg: tuple[int, int]) -> int:
    """"形成2.9万吨/日的处理能力": a value before 的 and the capacity it measures, closing its clause."""
    text = ctx.text
    end, suffix = _suffix(text, q.end, "zh")
    noun = _CAPACITY_NOUN_ZH.match(text, end, seg[1])
    if not noun or text[noun.end() : seg[1]].strip() or not ctx.in_target_context(q.start):
        return -1
    share = q.dimension == "share"
    if q.dimension is None or (share and not noun.group(1).endswith("能力")):
        return -1  # a share sizes a capacity only as a part of a whole load: "具备5%以上的尖峰负荷响应能力"
    verb = _CAPACITY_VERB_ZH.search(text, seg[0], q.start)
    if not verb:
        return -1
    ind_start, ind_end = noun.start(1), noun.end(1)
    name = text[ind_start:ind_end]
    holder = _ADVERBS_ZH.sub("", text[ctx.strip_lead(seg[0], verb.start()) : verb.start()]) if share else ""
    if _CAPACITY_HOLDER_ZH.fullmatch(holder):  # "省级电网基本具备5%以上的…能力": who has it
        name = holder + name
    amount = bool(_PERIOD_AMOUNT_ZH.search(text, seg[0], q.start))
    _emit(out, start=verb.start(), end=noun.end(), ind=(ind_start, ind_end, name), q=q,
          comparator=cmp or suffix or "=", change=None, base_year=None, years=ctx.periods_at(q.start, amount),
          confidence=0.7)
    return noun.end()


#: What closes the condition of a rule after its figure: "…超过5000吨标准煤的,", "…(含)以上的,"; or another bound joined
#: by 或 that closes a class with 的: "对年均电能利用效率高于2.0或平均单机架功率低于2.5千瓦或平均利用率低于30%的…数据中心
#: 逐步关闭" (the data centres a task is about, by any of three bounds).
_CONDITION_AFTER_ZH = re.compile(r"\s*(?:[(（]含[)）])?\s*(?:及)?(?:以上|以下|以内)?\s*"
                                 r"(?:的\s*[,，]|或[^,，;；。或]{0,20}?\d[^,，;；。]{0,12}?的)")


#: A figure stated as what another comes to ("相当于减少二氧化碳年排放量约8700余万吨"): an equivalence, no target.
_EQUIVALENT_ZH = re.compile(r"相当于")


def _phrase_start(text: str, start: int, end: int) -> int:
    """Where the phrase before `end` opens: after the last comma or semicolon since `start`."""
    return max(start, *(text.rfind(c, start, end) + 1 for c in ",，;；"))


#: What follows a size that bounds a class of things rather than sets a target: a class (级) or the places and
#: firms the size picks out, written with no 的 ("日清运量超过300吨地区", "产危废量超过100吨企业"), or a bounded scale
#: ("2500吨/日及以下规模的水泥熟料生产线").
_CLASS_BOUND_ZH = re.compile(r"(?:及以上|以上|及以下|以下)?(?:级(?!别)|地区|企业|城市|用户)|(?:及以上|以上|及以下|以下|(?<=以上|以下))规模的")


def _numeric_targets(ctx: _Context, out: list[TargetHit]) -> list[tuple[int, int]]:
    """Every value with a unit, read as a target when the grammar around it says so; returns the spans used."""
    text, lang = ctx.text, ctx.lang
    taken: list[tuple[int, int]] = []
    previous_end = 0
    item_start: int | None = None  # where the next item of a verbless enumeration starts
    quantities = scan_quantities(text, lang)
    if lang != "en":  # "…等4项主要污染物": the count of a list just named is no target
        quantities = [q for q in quantities if not text.startswith("等", q.start - 1) or q.dimension != "count"]
        # "应在驳回后的3个工作日内完成修改": a time an action must be done in (内, not 以内), no level to reach
        quantities = [q for q in quantities if q.dimension != "time" or not text.startswith("内", q.end)]
        # "在…既有4座门站的基础上", "以现有400个废旧农膜回收网点为基础": what there is already, no goal; "煤炭消费占比
        # 仅为13.42%", "…装机容量仅占水电装机的38.6%": how little there is, a state the text deplores
        quantities = [q for q in quantities if not _EXISTING_ZH.search(text, max(0, q.start - 3), q.start)
                      and not _ONLY_ZH.search(text, max(0, q.start - 16), q.start) and not _in_focus(text, q)
                      and not in_status_cell(text, q.start)]  # "现状值(2020年):较2015年下降20%": the state a row starts from
        quantities = sorted([*quantities, *_ratio_quantities(text), *_bracket_unit_quantities(text)], key=lambda q: q.start)
    for items in _group_lists(text, quantities, lang):
        first, list_end, shared = items[0][0], items[-1][1], items[-1][2]
        clause_start, seg_end = _segment_bounds(text, first.start, lang)
        seg_start = max(clause_start, previous_end)
        # "确保…使用率达到76%的目标": the target is what 实现/完成 takes, its clause ends at the value
        if lang != "en" and len(items) == 1 and first.dimension not in ("count", "share", None) and _CLASS_BOUND_ZH.match(text, list_end):
            continue  # "30万千瓦级煤电机组", "超过300吨地区加快建设": the size of a class of things, not a target
        if lang != "en" and _CONDITION_AFTER_ZH.match(text, _suffix(text, list_end, lang)[0]):
            continue  # "新建项目总建筑面积在20万平方米(含)以上的,需…": the condition of a rule, not a target
        goal = lang != "en" and text.startswith("的", list_end) and _goal_object(text, list_end, seg_end)
        seg_end = list_end if goal else seg_end
        if lang != "en" and first.start < previous_end:
            continue  # read with the value before it: "总面积309万亩的12个森林碳汇发展片区" (the count of what it sizes)
        if lang != "en" and _EQUIVALENT_ZH.search(text, _phrase_start(text, seg_start, first.start), first.start):
            continue  # "可再生能源发电量相当于每年替代3300余万吨标准煤": what a figure comes to, no target of its own
        if lang != "en" and text.startswith("的", list_end) and not goal:
            # "形成2.9万吨/日的处理能力" measures a capacity; "100万以上的城市" is a value inside a noun phrase
            before = len(out)
            end = sized_set(ctx, out, first, items[0][2], (seg_start, seg_end)) if len(items) == 1 else -1
            if end < 0 and len(items) == 1:
                end = _capacity(ctx, out, first, items[0][2], (seg_start, seg_end))
            if end < 0 and len(items) == 1:
                end = _share(ctx, out, first, items[0][2], (seg_start, seg_end))
            if end < 0 and len(items) == 1:
                end = _works(ctx, out, first, items[0][2], (seg_start, seg_end))
            if end >= 0 and len(out) > before:
                taken.append((out[-1].start, end))
                previous_end = end
            continue
        # a comparator after the last value applies to the whole list ("分别提升至15%、20%以上")
        values = [(q, cmp or shared) for q, _, cmp in items]
        predicate = (_predicate_en if lang == "en" else _predicate_zh)(text, seg_start, first.start)
        if predicate is not None:
            before = len(out)
            end = _predicated(ctx, out, values, predicate, (seg_start, seg_end), list_end)
            if end >= 0 and len(out) > before:
                taken.append((out[-1].start, end))
                previous_end = end
                continue
        if lang == "en":
            continue
        previous = out[-1].end if out and not out[-1].qualitative else None
        continued = continues_enumeration(text, previous, clause_start)
        for q, cmp in values:
            before = len(out)
            verb = predicate.comparator if predicate and predicate.change is None else None
            end = counted(ctx, out, q, cmp or verb, seg_start)  # "实施超过150个…项目": the verb's comparator
            if end < 0:
                item = item_start if item_start is not None and seg_start <= item_start <= q.start else None
                end = _closing(ctx, out, q, cmp, (seg_start, seg_end), item, clause_start, continued or item is not None)
                if end < 0:
                    end = _share(ctx, out, q, cmp, (seg_start, seg_end))
                if end < 0:
                    end = _works(ctx, out, q, cmp, (seg_start, seg_end))
                if end < 0:
                    end = acted_on(ctx, out, q, cmp, (seg_start, seg_end))
                nxt = _ENUM_NEXT_ZH.match(text, end, seg_end) if end >= 0 else None
                item_start = nxt.start(1) if nxt else None
            if end >= 0 and len(out) > before:
                taken.append((out[-1].start, end))
                previous_end = end
    return taken


#: A target stated as the object of 实现/完成/确保 ("实现到2030年新增森林面积100万亩的目标", "确保…下降14%的目标任务"):
#: 的 and the goal's noun close its clause.
_GOAL_TAIL_ZH = re.compile(r"的(?:[\u4e00-\u9fff]{0,4}?)(?:目标任务|目标|任务)(?:要求)?\s*$")
#: A goal already met or set by others: "超额完成“十三五”规划2400万吨标煤的目标任务", "优于国家下达的21.3%的考核目标",
#: "承诺的到2020年下降40%-45%的目标".
_GOAL_NOT_OURS_ZH = re.compile(r"超额|完成了|已完成|已经|实现了|下达的|承诺|提出|十[一二三]五|(?:19|20)[01]\d年|2020年")
#: The year the goal is due, which its sentence names: "到2030年", "“十四五”末期".
_GOAL_DUE_ZH = re.compile(r"20[2-6]\d年|十[四五六]五")


def _goal_object(text: str, value_end: int, seg_end: int) -> bool:
    """Whether the value before `value_end` is a goal's, stated as what the sentence sets out to reach by a year
    it names (a goal of no year is a review's: "…优于“水十条”17.8%的总体考核目标要求")."""
    if not _GOAL_TAIL_ZH.match(text, value_end, seg_end):
        return False
    sentence_start = max(text.rfind(c, 0, value_end) for c in "。；;!?\n") + 1
    return bool(_GOAL_DUE_ZH.search(text, sentence_start, value_end)) and not _GOAL_NOT_OURS_ZH.search(
        text, sentence_start, value_end)


#: Who fails a goal or outdoes it, right before the goal a rule names them by: "对未能按期完成目标任务的", "改造后仍不能
#: 达到要求的", "对超额完成、提前完成目标任务的".
_NEGATED_ZH = re.compile(r"(?:未能|未按期?|不能|无法|没有|超额|提前)[^,，。;；]{0,4}$")


#: What a qualitative goal cannot be named by: a copula opening what a period is ("“十四五”时期是我国全面建成小康社会…"
#: → 是我国), the manner alone a goal is to be met in ("确保如期高质量完成目标任务" → 如期高质量), a verb alone ("建立全覆盖
#: 网格化监管体系", "做到“全覆盖”": the coverage qualifies what follows or a subject named before).
_NO_GOAL_NAME_ZH = re.compile(r"^是|^(?:如期|按期|按时|高质量|圆满|保质保量|全面)+$"
                              r"|^(?:推动|加快)?(?:建立|构建|建设|形成|坚持|做到|实现)$")
#: A goal of establishing something, and what is established written after it, up to its clause's end: "基本建成生活垃圾
#: 分类处理系统", "基本建立完善的生态产品价值实现机制" (not "体系基本建成。", whose name stands before).
_ESTABLISHING_GOAL_ZH = re.compile(ESTABLISHING_GOAL)
_ESTABLISHED_ZH = re.compile(
    r"(?:起|了)?([\u4e00-\u9fff“](?:[^,，。;；:：\n()（）]|[(（][^()（）]{0,12}[)）]){1,40}?)(?=[,，。;；:：\n)）]|$)")
#: A copula right before a goal's verb: "“十四五”时期是我国(在)全面建成小康社会…" says what a period is.
_COPULA_BEFORE_ZH = re.compile(r"(?:^|(?<=[\u4e00-\u9fff”]))是[\u4e00-\u9fff]{0,3}$")
#: A name cut inside a list of a slogan's words ("将“双随机、一公开”和全覆盖监管相结合") or naming the plan itself
#: ("本规划紧扣美丽宁德全面建成总目标").
_IN_A_SLOGAN_ZH = re.compile(r"[和及与、]$|^本(?:规划|方案|计划|意见)")
#: The verb a goal's name opens with, and its adverb: "推进城镇污水管网全覆盖" → 城镇污水管网, "坚持溯源全覆盖" → 溯源,
#: "逐步实现天然气管网全覆盖" → 天然气管网.
_GOAL_VERB_ZH = re.compile(r"^(?:进一步|持续|加快|逐步|尽快|高标准|积极|大力)?(?:推进|推动)?"
                           r"(?:建立|构建|建设|形成|坚持|做到|推进|推动|完善|开展|实现)(?!的)(?=[\u4e00-\u9fff“]{2})")


#: A name that only says a value is meant ("预期值达到90%以上"): the measure is the one named before.
_VALUE_ALONE_ZH = re.compile(r"(?:预期|目标|期望|规划)值")


def _qualitative_targets(ctx: _Context, out: list[TargetHit], taken: list[tuple[int, int]]) -> None:
    text, lang = ctx.text, ctx.lang
    pattern = _QUALITATIVE_EN if lang == "en" else _QUALITATIVE_ZH
    for m in pattern.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if not ctx.in_target_context(m.start()):
            continue
        if lang == "en" and _NEGATED_EN.search(text, max(0, m.start() - 20), m.start()):
            continue  # "regions that fail to complete the goals"
        if lang != "en" and _NEGATED_ZH.search(text, max(0, m.start() - 10), m.start()):
            continue  # "对未能按期完成目标任务的…", "对超额完成、提前完成目标任务的…给予奖励": who fails or outdoes it
        seg_start, _ = _segment_bounds(text, m.start(), lang)
        ind_start = ctx.strip_lead(seg_start, m.start())
        ind_end = m.start()
        if lang == "en":
            a = _AUX_EN.search(text[ind_start:ind_end])
            if a:
                ind_end = ind_start + a.start()
        else:
            ind_end = ind_start + len(_ADVERBS_ZH.sub("", text[ind_start:ind_end]))
            if text.startswith("实现", ind_end - 2) and ind_end - 2 >= ind_start:
                ind_end -= 2
        ind_start, ind_end = _trim(text, ind_start, ind_end, lang)
        if lang == "en":
            ind_start = ctx.strip_lead(ind_start, ind_end)
        indicator = text[ind_start:ind_end]
        establishing, shared = lang != "en" and bool(_ESTABLISHING_GOAL_ZH.fullmatch(m.group())), False
        established = _ESTABLISHED_ZH.match(text, m.end()) if establishing else None
        if establishing and established is None and text.startswith("、", m.end()):
            # "银川市全面建成、其他地级市基本建成生活垃圾全程分类和处理系统": what the next place establishes, the same
            clause_end = _SEGMENT_EDGE_ZH.search(text, m.end())
            nxt = _ESTABLISHING_GOAL_ZH.search(text, m.end(), clause_end.start() if clause_end else len(text))
            established = _ESTABLISHED_ZH.match(text, nxt.end()) if nxt else None
            shared = established is not None
        end = m.end()
        if lang != "en" and (_COPULA_BEFORE_ZH.search(indicator) or _IN_A_SLOGAN_ZH.search(indicator)):
            continue  # "“十四五”时期是我国全面建成小康社会…": what a period is; "本规划紧扣…全面建成总目标": the plan
        if established:  # "基本形成绿色低碳循环发展的生产体系": what is established follows; before it, where
            ind_start, ind_end = established.span(1)
            indicator, end = established.group(1), established.end(1)
        elif lang != "en" and (verb := _GOAL_VERB_ZH.match(indicator)):
            ind_start += verb.end()
            indicator = text[ind_start:ind_end]
        if len(indicator) < 2 or lang != "en" and (_NO_GOAL_NAME_ZH.search(indicator) or _IN_A_SLOGAN_ZH.search(indicator)
                                                   or indicator.count("“") > indicator.count("”")):
            continue  # "深入实施“十个全覆盖”", "开展“有计划、全覆盖、规范化”执法": a slogan's word, no goal of its own
        names = [indicator]
        if lang != "en" and m.group().startswith("完成"):
            names = _split_indicators_zh(indicator)
        for name in names:
            _emit(out, start=min(ind_start, m.start()), end=end, ind=(ind_start, ind_end, name), q=None, comparator=None,
                  change=None, base_year=None, years=ctx.periods_at(m.start(), False), confidence=0.6,
                  requirement=m.group())
        taken.append((min(ind_start, m.start()), m.end() if shared else end))  # the next place's goal stays to read


def extract_targets(text: str, lang: str, deadlines: Sequence[DeadlineHit] | None = None,
                    period_end: int | None = None, table_header: str | None = None) -> list[TargetHit]:
    """Every target stated in `text` (normalised Chinese or English), in reading order.

    `deadlines` are the text's deadlines where already found (the pipeline's deadlines component); they
    are found again only where the layout wrapped a line, on the text read as one line. `period_end` is
    the year the document plans for (`period.document_period_end`): the year of a quantified target in
    a text that names no year of its own; `table_header` the header row of a table whose rows the text opens
    with (`target_tables.header_before`)."""
    lang = "en" if lang == "en" else "zh"
    where: list[int] | None = None
    length, source = len(text), text
    tables: list[TargetHit] = []
    if lang == "zh":  # rows of an indicator table, a list of places' targets: read before unwrapping
        periods = [(d.start, d.end, int(d.start_date[:4]) if d.start_date else None, int(d.end_date[:4]))
                   for d in (deadlines if deadlines is not None else extract_deadlines(text, lang))
                   if d.kind == "period" and d.end_date]
        tables = (table_targets(text, table_header) + layout_row_targets(text) + unkeyed_row_targets(text)
                  + place_row_targets(text) + place_list_targets(text, periods))
    if lang == "zh":
        text, where = unwrap(text)  # read as one line what the layout wrapped; offsets mapped back below
    if deadlines is None or len(text) != length:
        deadlines = extract_deadlines(text, lang)
    deadlines = list(deadlines)
    # a clause naming another year ("到2023年…", "“十五五”时期…") is a task clause of the plan before that year only
    ctx = _Context(text, lang, deadline_scopes(text, lang, deadlines), deadlines, period_end,
                   first_other_year(text, deadlines, period_end))
    out: list[TargetHit] = []
    taken = _numeric_targets(ctx, out)
    _qualitative_targets(ctx, out, taken)
    # "据测算,…", "我国承诺…,明确2030年…"; "每家奖励50万元", "严禁新建1000万吨/年以下…"
    out = [t for t in out if lang == "en" or not not_the_texts_target(text, t)]
    if where is not None:
        out = [_mapped(t, where) for t in out]
    if tables:  # a table's row is read by its columns, not by the grammar of sentences
        out = [t for t in out if not any(r.start < t.end and t.start < r.end for r in tables)] + tables
    out.sort(key=lambda t: (t.start, t.indicator_start, t.end))
    if lang == "zh":
        out = level_items(out, source)  # "…产业基地2家、市级4家": the level's own 产业基地
        out = enumeration_lead(out, source)  # "新增创建省级及以上绿色工厂500家以上、绿色园区50家": 新增创建省级及以上绿色园区
        out = plain_labels(out, source)  # "全区建成绿色园区12个以上": 绿色园区, once the items took what they share
        out = amount_parts(out, source)  # "…新增…110万千瓦以上,力争达到200万千瓦": over the same years
    if where is not None and len(text) != length:  # deadlines found on the unwrapped text: placed in `source`
        deadlines = [replace(d, start=where[d.start], end=where[d.end - 1] + 1) for d in deadlines]
    due = due_at_period_end([t for t in out if not _reported_change(source, t)], deadlines, period_end, source)
    return [_cumulative_base(source, t) for t in due] if lang == "zh" else due


def declared_base_year(declared: re.Match[str]) -> int | None:
    """The year a base declared once names (`_BASE_DECLARED_ZH`): written, or the last of the five-year plan named."""
    written = declared.group(1) or declared.group(2)
    plan = five_year_plan(declared.group(3)) if declared.group(3) else None
    return int(written) if written else (plan[1] if plan else None)


#: A change summed over a number of years, before its verb: "单位GDP能耗五年累计下降13.5%".
_YEARS_SUMMED_ZH = re.compile(r"([二三四五六七八九十]|\d{1,2})\s*年\s*(?:累计|累积)")


def _cumulative_base(text: str, hit: TargetHit) -> TargetHit:
    """A change summed over N years ("五年累计下降13.5%") and due in a year is measured from N years before it."""
    if not hit.change or hit.base_year is not None or hit.year is None:
        return hit
    summed = _YEARS_SUMMED_ZH.search(text, hit.indicator_end, hit.end)
    if summed is None:
        return hit
    years = parse_number(summed.group(1))
    return replace(hit, base_year=hit.year - int(years)) if years else hit


def _reported_change(text: str, hit: TargetHit) -> bool:
    """A change on the year before under no year ("全省绿色贷款余额同比增长34.22%") reports a statistic;
    a target states when it is due ("力争2021年…同比增长50%以上")."""
    return hit.year is None and "同比" in text[hit.start:hit.end]

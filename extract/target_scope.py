"""Where a target stands: the hit it becomes, the deadlines governing a place in the text, the text
read without the layout's line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policykg.extract.deadlines import DeadlineHit
from policykg.extract.model import Provenance, Target
from policykg.extract.numbers import Quantity, unit_dimension
from policykg.extract.scan import last_match_end
from policykg.extract.target_shapes import (
    _region_lead_zh,
    _segment_bounds,
    _sentence_bounds,
    places_listed_zh,
)
from policykg.extract.target_words import (
    _LEAD_EN,
    _LEAD_ZH,
    _RATIO_NAME_ZH,
    _RATIO_VALUE_ZH,
    action_after_lead,
)

#: A clause opening with the goal it sets (实现, 确保, 力争, 争取), not with one met already (已实现, 已经实现).
_GOAL_OPENS_ZH = re.compile(r"\s*(?:要|并|将)?(?:实现|确保|力争|争取)(?=[\u4e00-\u9fff\d])")


@dataclass(frozen=True, slots=True)
class TargetHit:
    """One target found at [start, end) of the text; the indicator phrase is at [indicator_start, indicator_end).

    For a range ("30-50家") `value` and `value_min` hold the lower bound, `value_max` the upper one, and
    the comparator is ">=". A relative change ("比2020年下降18%") has `change` "decrease" and `base_year`
    2020: the value is the size of the change, the comparator its bound ("下降18%以上": ">="). An amount
    over a period ("“十四五”期间累计…") runs from `start_year` to `year`. Qualitative targets (goals) have
    no value and name their requirement instead.
    """

    start: int
    end: int
    indicator: str
    comparator: str | None  # ">=", "<=", "~", "=", ">", "<"; None when qualitative
    value: float | None
    value_min: float | None
    value_max: float | None
    measure_unit: str | None  # the unit of measure as written: "%", "万千瓦", "billion kW"
    converted_value: float | None  # the value in `converted_unit` (万千瓦 → kW): comparable across documents
    converted_unit: str | None
    change: str | None  # "decrease" | "increase" for relative changes ("比2020年下降13.5%")
    base_year: int | None
    year: int | None
    qualitative: bool
    indicator_start: int
    indicator_end: int
    confidence: float
    requirement: str | None = None  # the qualitative wording: "完成省下达的目标", "全覆盖"
    start_year: int | None = None  # the first year of the period an amount is counted over

    @property
    def kind(self) -> str:
        """"quantified" (a value) or "qualitative" (a goal stated in words): two kinds kept apart."""
        return "qualitative" if self.qualitative else "quantified"

    def to_target(self, provenance: Provenance, concepts: tuple[str, ...] = ()) -> Target:
        return Target(
            indicator=self.indicator, comparator=self.comparator, value=self.value, measure_unit=self.measure_unit,
            provenance=provenance, value_min=self.value_min, value_max=self.value_max,
            converted_value=self.converted_value, converted_unit=self.converted_unit, change=self.change,
            base_year=self.base_year, year=self.year, qualitative=self.qualitative, concepts=concepts,
            start_year=self.start_year,
        )


#: An item of a clause opening a line of its own: "二是", "2.", "(3)".
_ITEM_LINE = re.compile(r"\n\s*(?:[一二三四五六七八九十]{1,2}是|\d{1,2}[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                        r"|[^\n。,，;；:：\d]{2,16}。)")  # "\n持续推进“公转铁”。…": a paragraph led by its short heading


def plan_resumes(text: str, deadlines: Sequence[DeadlineHit], period_end: int | None, other: int, pos: int) -> bool:
    """After a clause of a plan has named another year (at `other`), a later item of it on a line of its own is a
    task of the plan again, until it names another year itself: "一是…到2022年,全市60%以上的社区…。\n二是…完成公共
    建筑能效提升改造面积150万平方米以上" (due at the plan's end)."""
    item = last_match_end(_ITEM_LINE, text, pos, other)
    return item is not None and not any(item <= d.start < pos and d.kind != "ongoing" and d.year not in (None, period_end)
                                        for d in deadlines)


@dataclass(slots=True)
class _Context:
    text: str
    lang: str
    scopes: list[tuple[int, int, DeadlineHit]]
    deadlines: list[DeadlineHit]
    period_end: int | None = None  # the plan's end, when the text is a task clause of a plan
    planned_until: int | None = None  # where the clause names another year: the plan's end holds before it only

    def markers_at(self, pos: int) -> list[DeadlineHit]:
        """The deadline markers governing `pos`: those of the innermost scope range containing it."""
        inside = [(s, hit) for s, e, hit in self.scopes if s <= pos < e]
        if not inside:
            return []
        best = max(s for s, _ in inside)
        markers: list[DeadlineHit] = []
        for s, hit in inside:
            if s == best and hit.year not in [m.year for m in markers]:
                markers.append(hit)
        return markers

    def years_at(self, pos: int) -> list[int]:
        """The years governing `pos`."""
        return [m.year for m in self.markers_at(pos) if m.year is not None]

    def periods_at(self, pos: int, amount: bool) -> list[tuple[int | None, int | None]]:
        """(start year, year) of each marker governing `pos`. An `amount` counted over a period ("“十四五”
        期间新增…") starts with the period's first year; periods written together and summed ("“十四五”、
        “十五五”期间累计…") are one interval, not one copy per period."""
        markers = self.markers_at(pos)
        if not markers:
            return []
        s, e = _sentence_bounds(self.text, pos, self.lang)
        sentence = self.text[s:e]
        periods = [m for m in markers if m.kind == "period" and m.start_date]
        if len(periods) > 1 and len(periods) == len(markers) and "累计" in sentence and "分别" not in sentence:
            first, last = periods[0], periods[-1]
            return [(int(str(first.start_date)[:4]), last.year)]
        return [
            (int(str(m.start_date)[:4]) if amount and m.kind == "period" and m.start_date else None, m.year)
            for m in markers
        ]

    def counted_over_period(self, pos: int, q: Quantity) -> bool:
        """A count of things done under a period its sentence names first ("“十四五”期间,开展市级综合环境应急演练5次",
        "“十四五”期间力争建成10个国家级、100个省级…"): an amount over the period, whichever clause the value is in."""
        if q.dimension != "count" or self.lang == "en":
            return False
        s, _ = _sentence_bounds(self.text, pos, self.lang)
        if re.search(r"每年|每季度|每月|年均", self.text[s:pos]):
            return False  # "各区县每年至少开展1次…演练": a yearly quota
        return any(m.kind == "period" and m.start_date and s <= m.start < pos and re.search(r"期间|时期", m.label)
                   for m in self.markers_at(pos))

    def yearly(self, pos: int, n: int) -> list[tuple[int | None, int | None]]:
        """Each year of the one range of years governing `pos` when it has `n` years ("2022至2025年…分别达到
        80%、90%、95%、100%": a value per year, in order); [] otherwise."""
        markers = self.markers_at(pos)
        if len(markers) != 1 or markers[0].kind != "period" or not markers[0].start_date or markers[0].year is None:
            return []
        first = int(str(markers[0].start_date)[:4])
        last = markers[0].year
        return [(None, y) for y in range(first, last + 1)] if last - first + 1 == n and n > 1 else []

    def in_target_context(self, pos: int) -> bool:
        if self.years_at(pos) or self.planned_at(pos):
            return True  # a task clause of a plan ("新增高效节水灌溉面积440万亩") is due at the plan's end
        s, e = _sentence_bounds(self.text, pos, self.lang)
        sentence = self.text[s:e]
        return "目标" in sentence or bool(re.search(r"\b(?:targets?|goals?)\b", sentence, re.IGNORECASE))

    def goal_clause_at(self, pos: int) -> bool:
        """`pos` is in a clause opening with the goal it sets (`_GOAL_OPENS_ZH`): "…,实现配网10千伏线路联络率、标准接线率、
        线路转供率100%" is a target with no year ahead of it."""
        return self.lang != "en" and bool(_GOAL_OPENS_ZH.match(self.text, _segment_bounds(self.text, pos, "zh")[0], pos))

    def planned_at(self, pos: int) -> bool:
        """`pos` is in a task clause of a plan, before any other year the clause names or in a later item of the
        clause that names none (`plan_resumes`)."""
        return self.period_end is not None and (self.planned_until is None or pos < self.planned_until or plan_resumes(
            self.text, self.deadlines, self.period_end, self.planned_until, pos))

    def ahead_at(self, pos: int) -> bool:
        """`pos` is in a task clause of a plan (`planned_at`), or a deadline ahead governs it ("到2025年", "2025年前",
        "“十四五”期间"): not a year that dates a report ("截至2020年底", "2016年")."""
        if self.planned_at(pos):
            return True
        return any(m.kind in ("by", "before", "period") and not m.label.startswith(("截至", "截止"))
                   for m in self.markers_at(pos))

    def action_ahead(self, phrase: str, pos: int) -> re.Match[str] | None:
        """The action a few words open `phrase` with (`action_after_lead`), where a deadline ahead governs `pos`."""
        return action_after_lead(phrase) if self.ahead_at(pos) else None

    def strip_lead(self, start: int, end: int) -> int:
        """Move `start` past joiners, scope words, locations and deadline markers that open a phrase.

        The word lists are matched with `Pattern.match(text, pos)`, which anchors at `pos` by itself.
        """
        lead = _LEAD_EN if self.lang == "en" else _LEAD_ZH
        aside = ASIDE_OPEN_ZH.search(self.text, start, end) if self.lang != "en" else None
        if aside:  # "…森林经营进程(2021年完成营造林30万亩以上": an aside opening with its year states a target of its own
            start = aside.start() + 1
        while start < end:
            m = lead.match(self.text, start, end)
            if m and m.end() > start:
                start = m.end()
                continue
            hit = next((d for d in self.deadlines if d.start <= start < d.end <= end), None)  # or inside it: “十四五”
            if hit:
                start = hit.end
                continue
            region = _region_lead_zh(self.text[start:end]) if self.lang != "en" else 0
            if region and places_listed_zh(self.text[start:end]):
                break  # "市南区、市北区、…单位地区生产总值二氧化碳排放…降低20.5%": the places the target is set for
            if region:  # "巴中市二氧化硫削减…": the place is the plan's, not part of the indicator
                start += region
                continue
            break
        return start


#: A bracket or a quote left open before a value, opening with a year or with the parts of a whole: "(2021年完成营造林",
#: "纲要将“2025年单位GDP…", "…总规模达到1340万亩(其中森林碳汇项目".
ASIDE_OPEN_ZH = re.compile(r"[(（“](?=(?:19|20)\d{2}\s*年|其中)[^()（）“”]*$")


def ascii_text(text: str) -> bool:
    return all(ord(ch) < 0x2E80 for ch in text)


def _ratio_quantities(text: str) -> list[Quantity]:
    """Values without a unit that a ratio indicator takes: "电能利用效率(PUE)不高于1.3"."""
    found: dict[int, Quantity] = {}
    for name in _RATIO_NAME_ZH.finditer(text):
        end = _sentence_bounds(text, name.start(), "zh")[1]
        for m in _RATIO_VALUE_ZH.finditer(text, name.end(), end):
            value = float(m.group("value"))
            found[m.start("value")] = Quantity(value, None, value, None, "ratio", None, m.start("value"), m.end("value"))
    return list(found.values())


#: A bare value after a name whose bracket gives its unit, as indicator lists print them: "地表水质量劣Ⅴ类水体比例(%)
#: 为0", "放射源辐射事故年发生率(起/每万枚)<1.0".
_BRACKET_UNIT_VALUE_ZH = re.compile(
    r"[(（](?P<unit>%|[^()（）\d\s]{1,10})[)）]\s*(?:≥|≤|≧|≦|>=|<=|>|<|＞|＜|为|达到|不低于|不高于|不超过|低于|小于|高于|控制在)"
    r"\s*(?P<value>\d+(?:\.\d+)?)(?![\d.%‰A-Za-z/\u4e00-\u9fff])"
)


def _bracket_unit_quantities(text: str) -> list[Quantity]:
    """Values whose unit the name before them gives in brackets (`_BRACKET_UNIT_VALUE_ZH`)."""
    found: list[Quantity] = []
    for m in _BRACKET_UNIT_VALUE_ZH.finditer(text):
        unit = m.group("unit")
        dimension = "share" if unit == "%" else unit_dimension(unit)
        if dimension is None and "/" not in unit:
            continue  # "(PM2.5)", "(新EI)": a name's aside, no unit
        value = float(m.group("value"))
        found.append(Quantity(value, unit, value, unit if unit == "%" else None, dimension, None, m.start("value"), m.end("value")))
    return found


def _mapped(hit: TargetHit, where: list[int]) -> TargetHit:
    """A hit found in the unwrapped text, with its offsets in the text as given."""
    def start(i: int) -> int:
        return where[i] if i < len(where) else (where[-1] + 1 if where else 0)

    def end(s: int, e: int) -> int:
        return where[e - 1] + 1 if e > s else start(s)

    return replace(hit, start=start(hit.start), end=end(hit.start, hit.end), indicator_start=start(hit.indicator_start),
                   indicator_end=end(hit.indicator_start, hit.indicator_end))


#: A figure estimated, not set: "据测算,…", "按照…年均增速6%测算,预计到2025年…约4750万千瓦".
_ESTIMATED_ZH = re.compile(r"(?:据|经|初步)测算|测算[,，]|按照?[^。；;!?]{1,40}?测算"
                           r"|相当于(?:每年|年)?(?:减少|节约|节省|替代|降低|削减)")  # "…电量相当于减少二氧化碳年排放量约…"
#: What works could bring about, in a clause of its own: "…共计20万平方米,可减少碳排放量81万吨二氧化碳" (an estimate).
_EFFECT_ZH = re.compile(r"^\s*(?:每年|年)?可(?:减少|节约|节省|降低|削减|替代|带动|增加|新增|产生)")
#: The nation stating its targets, quoted in a sentence it opens: "我国承诺…,明确2030年…达到12亿千瓦以上",
#: "国家坚决落实…,提出到2030年…达到25%左右".
_NATION_STATES_ZH = re.compile(r"^\s*(?:国家|我国|党中央|中央|国务院)[^。；;!?]*?(?:明确|提出|承诺|宣布)")


#: Where a sentence ends, and where a comma clause does, as a hit's sentence and clause are read back to.
_SAID_EDGE_ZH = re.compile(r"[。；;!?\n]")
_COMMA_ZH = re.compile(r"[,，]")


def not_the_texts_target(text: str, hit: TargetHit) -> bool:
    """A figure the text does not set as its target: one others state (`said_by_others`) or one of a rule
    (`rule_figure`). Its sentence and comma clause are read back once, from the hit (`text` is where `hit`'s
    offsets point)."""
    if hit.qualitative:
        return False
    start = last_match_end(_SAID_EDGE_ZH, text, hit.start) or 0
    said = text[start : hit.end + 2]  # "按照…年均增速6%测算": the figure an estimate is based on, too
    clause = text[(last_match_end(_COMMA_ZH, text, hit.start, start) or start) : hit.end]
    return said_by_others(said, clause) or rule_figure(said, clause, hit) or class_bound(text, hit) or scoring_line(text, hit)


#: A line of a scoring rubric: "评价方法:现场检查社区内分类回收垃圾箱普及率达到100%的得1分;…".
_SCORING_ZH = re.compile(r"评价方法|评分标准|评分细则|得\d+(?:\.\d+)?分")


def scoring_line(text: str, hit: TargetHit) -> bool:
    """A figure on a line of a scoring rubric (a row of its table, read at most `_SCORING_REACH` characters either side):
    what an evaluation gives points for, not a goal the text sets."""
    lo, hi = max(0, hit.start - _SCORING_REACH), min(len(text), hit.end + _SCORING_REACH)
    start = max(text.rfind("\n", lo, hit.start) + 1, lo)
    end = text.find("\n", hit.end, hi)
    return bool(_SCORING_ZH.search(text, start, end if end >= 0 else hi))


_SCORING_REACH = 200


#: A figure bounding a class its noun names, after 在 and before 的, perhaps with another bound joined by 或: "以供水人口在
#: 1万人或日供水1千吨以上的饮用水水源为重点", "年综合能源消费量在1000吨标准煤或年电力消费量500万千瓦时以上的新建…项目".
#: 控制在/保持在/稳定在 N set a level instead, and 在 a year is a time.
_CLASS_BOUND_ZH = re.compile(
    r"(?<![制持定维降提])在\s*(?!(?:19|20)\d{2}\s*年)\d+(?:\.\d+)?[^,，。;；()（）]{0,24}?(?:(?:及|或)?以[上下内])?\s*"
    r"(?:[(（][^()（）]{0,4}[)）])?\s*的"
)
#: A condition in brackets: "开展种植(粮油生产大于100亩、经作生产大于50亩)、畜禽养殖(存栏生猪当量大于50头)…调查".
_BRACKETED_CONDITION_ZH = re.compile(r"^[(（][^()（）]*(?:大于|小于)\s*\d")


def class_bound(text: str, hit: TargetHit) -> bool:
    """A figure that says which things a rule or a survey is about, not what is to be reached: a class bound after 在
    and before 的 (`_CLASS_BOUND_ZH`), a condition in brackets (`_BRACKETED_CONDITION_ZH`)."""
    window = text[hit.start : hit.end + 30]
    bound = _CLASS_BOUND_ZH.search(window)
    if bound and bound.start() < hit.end - hit.start:
        return True
    opening = max(text.rfind("(", max(0, hit.start - 24), hit.end), text.rfind("（", max(0, hit.start - 24), hit.end))
    return opening >= 0 and bool(_BRACKETED_CONDITION_ZH.search(text[opening : hit.end]))


def said_by_others(said: str, clause: str) -> bool:
    """A figure its sentence (`said`) gives as an estimate or as the nation's own target, or its clause as what works
    could bring about."""
    return bool(_ESTIMATED_ZH.search(said) or _NATION_STATES_ZH.search(said) or _EFFECT_ZH.match(clause))


def rule_figure(said: str, clause: str, hit: TargetHit) -> bool:
    """A figure of a rule, not a goal, by its clause (or its sentence, `said`): what a funding scheme pays, and the
    ceilings its sentence lists after the first ("单个国家级产品奖励金额不超过20万元,省级不超过10万元"), the time a step of
    a procedure takes, what works cost, the class of works a ban or a condition bounds, a bound set with 须/不宜/不应, a
    rate things are done by."""
    dimension = unit_dimension(hit.measure_unit) if hit.measure_unit else None
    if dimension == "money" and (_GRANT_ZH.search(clause) or _COSTING_NAME_ZH.fullmatch(hit.indicator)
                                 or hit.comparator in ("<=", "<") and _GRANT_ZH.search(said)):
        return True
    return bool(dimension == "time" and _PROCEDURE_ZH.search(clause) or _RULE_CLASS_ZH.match(clause)
                or _MUST_ZH.search(clause) or hit.indicator.endswith(_RATE_BY))


#: A rate things are done by, its name closing with 按 or 按照: "既有机关及企事业单位按不低于20%配建", "新建新能源电站按照不低于
#: 15%(2小时)配置储能装置", "属于省内首台(套)的节能重大技术设备按不超过市场销售单价的30%予以补助".
_RATE_BY = ("按", "按照")


#: What a plan's works cost, summed: "谋划175项重点工程,…共计投资额390.21亿元", "计划投资135.83亿元", "投资额分别为…".
_COSTING_NAME_ZH = re.compile(r"(?:共计|合计|总计|计划|估算|预计)?(?:总)?投资(?:额|总额)?")


#: The time a step of a procedure takes: "官网公示5个工作日", "公示期不少于7个工作日", "整改期一般不超过3个月".
_PROCEDURE_ZH = re.compile(r"公示|公告|异议|整改期|受理|办结|答复")


#: A clause that bans or conditions by a class its figure bounds: "严禁新建1000万吨/年以下常减压", "禁止新建35蒸吨/小时
#:及以下燃煤锅炉", "对于规模超过100个标准机架…的数据中心": the figure says which works, not what is to be reached.
_RULE_CLASS_ZH = re.compile(r"\s*(?:严禁|禁止|不得|对于)")


#: A bound a rule or a standard sets with 须, 不宜 or 不应 ("县城广场的集中硬地面积不应超过2公顷", "场地内的行车速度不宜超过
#: 15公里/小时", "社区内的住户须达到2000户"): a requirement on each case, not a goal the text sets.
_MUST_ZH = re.compile(r"(?:不宜|不应|应不|(?<!必)须|必须)\s*(?:达到|低于|高于|不低于|不高于|不少于|不超过|超过|较|在|控制|大于|小于|下降|降低)")


#: A sum a funding rule grants, or its ceiling: "每家奖励20万元", "给予30%的补助,最高不超过500万元", "单个企业最高
#: 补助500万元", "按系统建设级别分别给予不超过10万元、15万元一次性补助". What a policy pays out per case is a rule of the
#: scheme, not a goal the text sets.
_GRANT_ZH = re.compile(r"奖励|奖补|补助|补贴|资助|扶持资金|配套资金|最高|给予")

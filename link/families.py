"""The 1+N system of the carbon peak: which titles carry out its heads, and how strongly.

The central opinions (the "1") and the 2030 Action Plan (the first of the "N") head all the carbon work
below them. A local plan, opinion or programme naming the carbon peak or neutrality carries them out
strongly; one naming low carbon, carbon reduction, carbon sinks, climate change or energy saving less (the
heads cover that work too: the opinions' (十) and the plan's 节能降碳增效行动, their carbon-sink clauses).
Documents of other genres naming that work (a notice setting up a carbon-peak leading group, the rules of a
carbon-neutrality fund, a carbon-trading notice) belong to it more loosely: they carry out the heads'
arrangements, not their measures, and get the weakest evidence. A document whose title names none of that work
but whose own text names the carbon peak or neutrality (a city's green-building opinions, a ministry's motor-efficiency
plan, a province's rules against 两高 projects, a title the metadata stage misread) places itself under the heads
("…进一步提升全省城乡建设绿色发展水平，助力实现碳达峰、碳中和", "制定化纤行业碳达峰路线图") and gets that weakest
evidence from its text, for the national heads and its province's; documents on coal prices, tariffs or soil name
neither.
"""

from __future__ import annotations

import re

#: The heads of the 1+N system of the carbon peak, by words of their titles: the central opinions (the
#: "1") and the 2030 Action Plan (the first of the "N").
HEADS = ("碳达峰碳中和工作的意见", "碳达峰行动方案")
#: The heads of the 1+N system in a province, by the forms of their titles (normalised, issuers removed):
#: its implementing opinions ("关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施意见", "关于推动高质量发展
#: 做好碳达峰碳中和工作的实施意见"), which carry out the central opinions, and its carbon-peak plan ("河北省碳达峰
#: 实施方案"), which carries out the 2030 Action Plan; each is paired with the national head it carries out. A
#: department's opinions "支持碳达峰碳中和工作" (a finance bureau's) or a sector's plan ("工业领域碳达峰实施方案")
#: are of the family, not its heads.
LOCAL_HEADS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:做好|推进|推动)碳达峰碳中和工作的?实施意见$"), "碳达峰碳中和工作的意见"),
    (re.compile(r"^(?:[\u4e00-\u9fff]{1,7}(?:省|市|自治区))?碳达峰(?:实施|行动)方案$"), "碳达峰行动方案"),
)
#: A title's genre at its end, before a bracketed qualifier ("（试行）", "（2021—2025年）", normalised away):
#: plans, opinions, programmes, measures (措施, 举措), decisions, outlines and a year's work points (要点).
_PLAN = r"(?:方案|意见|规划|计划|措施|举措|决定|纲要|要点)(?:试行|暂行|\d{4}\d{4}年|\d{4}年)?$"
#: Words naming the carbon peak or neutrality themselves.
_CARBON = r"(?:碳达峰|碳中和|双碳)"
#: Words naming the broader work the heads lead: low carbon, carbon reduction, carbon sinks, the carbon
#: market, greenhouse gases, climate change, energy saving ("节能减排", "节能降碳", "建筑节能").
_BROAD = r"(?:低碳|降碳|减碳|零碳|碳排放|碳减排|碳汇|固碳|碳市场|碳交易|碳普惠|温室气体|气候变化|节能)"
#: Titles of the family (left) implement the heads (right) with the weight given.
FAMILIES: tuple[tuple[re.Pattern[str], tuple[str, ...], float], ...] = (
    (re.compile(_CARBON + ".*" + _PLAN), HEADS, 0.8),
    (re.compile(_BROAD + ".*" + _PLAN), HEADS, 0.5),
)
#: Titles of any other genre naming the same work (notices, rules, guides, lists) implement the heads weakly:
#: enough, beside a city's far hierarchy (0.05), to pass `link_parent_min_score` (0.3).
NAMING: tuple[tuple[re.Pattern[str], tuple[str, ...], float], ...] = ((re.compile(_CARBON + "|" + _BROAD), HEADS, 0.3),)


#: Sentences of a document's own text naming the carbon peak or neutrality for it to belong to the family by its
#: text (`text_weight`). One is enough: a document naming the goal at all names it as what it serves; two left out
#: the green-freight, chemical-fibre and 两高 documents of the tune side, each naming it once (in its preamble, or
#: as a task: "制定化纤行业碳达峰路线图").
TEXT_SENTENCES = 1
#: The weight of family evidence from a document's text: that of a title naming the work in another genre.
_W_TEXT = 0.3
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_SPACES = re.compile(r"\s+")


def text_weight(text: str) -> float:
    """The weight with which a document whose text is `text` carries out the heads when its title says nothing:
    `_W_TEXT` when at least `TEXT_SENTENCES` of its sentences name the carbon peak or neutrality (spaces and line
    breaks of a PDF's text layer removed first), else 0."""
    carbon = re.compile(_CARBON)
    sentences = sum(1 for s in _SENTENCE_END.split(_SPACES.sub("", text)) if carbon.search(s))
    return _W_TEXT if sentences >= TEXT_SENTENCES else 0.0


def family_weight(title: str, head: str) -> float:
    """The weight with which a document of normalised `title` carries out the head named by `head`
    (one of `HEADS`): the first of `FAMILIES`, then of `NAMING`, that the title matches; 0 when none."""
    for family, heads, weight in (*FAMILIES, *NAMING):
        if family.search(title) and head in heads:
            return weight
    return 0.0


def local_head(title: str) -> str | None:
    """The national head (one of `HEADS`) that a province's document of normalised `title` carries out as a
    head of the 1+N system in its province (`LOCAL_HEADS`); None when it is none."""
    for form, head in LOCAL_HEADS:
        if form.search(title):
            return head
    return None

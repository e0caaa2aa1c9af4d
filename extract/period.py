"""The period a whole document plans for, read once per document: the year its targets are due when a
sentence states none.

A plan states its period once: in its title ("天津市“十四五”节能减排工作实施方案" → 2025,
"…行动计划(2022—2025年)" → 2025, "2022年林业工作要点" → 2022) or in its opening goal section
("(二)主要目标。到2025年,…"). A target of its task sections that names no year of its own is due at the
period's end; the targets extractor reads this year only for such targets (`extract_targets(…, period_end=…)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from policykg.extract.deadlines import DeadlineHit, extract_deadlines, five_year_plan
from policykg.extract.target_scope import TargetHit, plan_resumes
from policykg.ingest.model import Clause, NormalisedDocument

__all__ = [
    "clause_period_end", "document_period_end", "due_at_period_end", "first_other_year", "goal_section_year",
    "title_period_end",
]

_Y = r"(?<![\d.])((?:19|20)\d{2})"
# "(2021—2025年)", "2021-2023年", "(2022-2025)": a range of years
_RANGE = re.compile(rf"{_Y}\s*年?\s*(?:-|—|–|―|－|−|~|～|至|到)\s*{_Y}(?!\d)")
# "“十四五”", "十五五": the n-th five-year plan
_PLAN_ZH = re.compile(r"(?<![一二三四五六七八九十])(十[一二三四五六七]|[六七八九])五(?![一二三四五六七八九十])")
_PLAN_EN = re.compile(r"\b(\d{1,2}(?:st|nd|rd|th)|[a-z]+th)\s+five[- ]year\s+plan", re.IGNORECASE)
# "2022年工作要点", "2021年度…工作计划": a year's document; not an edition (2022年版), a deadline (2030年前)
# nor a date inside a longer one (2022年12月)
_YEAR_DOC = re.compile(rf"(?<![到至])(?<![^关]于){_Y}\s*年度?(?!\s*(?:版|修订|修正|前|以前|之前|底|末|起|以来|\d|[上下]半年))")
# …of a plan for the year ("…工作要点", "…行动计划", "…工作安排的通知"), not a call for projects or a list
_YEAR_PLAN = re.compile(r"(?:要点|计划|方案|安排|意见|清单|措施)(?:\([^()]*\))?(?:的通知)?$")
#: A notice that calls for projects or nominations, or hands out a list, a quota or funds: no plan ("组织申报…项目的通知",
#: "…碳排放配额安排的通知", "…揭榜挂帅”榜单的通知").
CALL_TITLE = re.compile(r"申报|征集|推荐|名单|配额|项目|资金|榜单|揭榜|指南|申请")
# the heading of a section that reviews the past plan or describes the situation, not a task
_REVIEW = re.compile(r"回顾|现状|形势|(?:发展|工作|现实)基础|基础(?:与|和)|(?<![^初]见)成效|成就|进展|存在的(?:主要)?问题|主要问题|"
                     r"挑战|机遇|资源条件|资源禀赋|(?:发展|开发|资源)潜力|基本情况|概况")
#: The heading of what a plan estimates it brings ("环境效益", "(四)预期效果分析"): its figures are estimates, no targets,
#: whatever year they name. Not costings (投资估算) nor a plan's environmental assessment (环境合理性): plans restate
#: their goals there.
_ESTIMATES = re.compile(r"环境效益|预期效果|实施效果分析|经济社会影响")
# a plan's costing ("五、投资估算和效益分析 (一)投资估算"): the additions it counts are the plan's, their cost no target
_COSTING = re.compile(r"投资估算|投资测算|投资匡算|资金估算|资金测算")
# (the results a task heading says will be seen are no review: "保好水治差水,“一河一策”见成效"; "初见成效" is one)
# a heading whose review word is the object of a task ("夯实新型电力系统发展基础", "巩固污染防治成效"): tasks follow
_TASK_HEADING = re.compile(r"^\s*(?:夯实|筑牢|打牢|厚植|巩固|强化|加强|提升|提高|加快|推进|推动|深化|健全|完善)")
# a review word that a task acts on or a rule asks about: "开展生态状况调查与成效评估", "持续挖掘水电开发潜力积极推进…",
# "系统介绍区域低碳建设的现状", "具有较好研究工作基础的项目", "鼓励…取得碳减排成效的企业"
_TASK_ON_REVIEW = re.compile(r"(?:开展|挖掘|鼓励|报送|掌握|介绍|成立|组织|结合|根据|具有|请|抢抓|抓住|把握|用好)[^,，;；。]*?(?:"
                             + _REVIEW.pattern + r")|(?:" + _REVIEW.pattern + r")(?:评估|验收|监测|考核|评价|的(?!形势|挑战|机遇))")
# the heading of a plan's goal section: (二)主要目标, 总体目标, 工作目标, 发展目标 …
_GOAL_HEADING = re.compile(r"(?:主要|总体|工作|发展|行动|具体)目标")
_LEADERS = re.compile(r"\.{3,}|…{2,}|·{3,}")  # a table of contents' line, not the section itself


def _title_spans(title: str) -> Iterator[tuple[int, int]]:
    """(first, last) year of each period a title names, in this order: its ranges of years, then its five-year plans."""
    for m in _RANGE.finditer(title):
        first, last = int(m.group(1)), int(m.group(2))
        if first < last:
            yield first, last
    for pattern in (_PLAN_ZH, _PLAN_EN):
        plan = pattern.search(title)
        years = five_year_plan(plan.group(1)) if plan else None
        if years:
            yield years


def title_period_end(title: str) -> int | None:
    """The last year of the period a title names: a range of years, a five-year plan, or one year."""
    span = next(_title_spans(title), None)
    if span:
        return span[1]
    if not _YEAR_PLAN.search(title) or CALL_TITLE.search(title):
        return None
    years = {int(m.group(1)) for m in _YEAR_DOC.finditer(title)}
    return years.pop() if len(years) == 1 else None


def _goal_sections(clauses: Iterable[Clause]) -> Iterable[Clause]:
    for top in clauses:
        for clause in top.walk():
            if _GOAL_HEADING.search(clause.title) and not _LEADERS.search(clause.title):
                yield clause


def goal_section_year(doc: NormalisedDocument) -> int | None:
    """The first year the document's first goal section sets ("到2025年,…"; "“十四五”期间…"); None
    when it sets none. Later years there (2035's long-range goals) are visions, not the plan's period."""
    section = next(iter(_goal_sections(doc.clauses)), None)
    if section is None:
        return None
    lang = "en" if doc.metadata.language == "en" else "zh"
    m = re.match(r"\d{4}", doc.metadata.issued or "")
    issued = int(m.group()) if m else 0
    for hit in extract_deadlines(doc.text[section.start : section.end], lang):
        if hit.kind in ("by", "before", "period") and hit.year is not None and hit.year >= issued:
            return hit.year  # a year before the document was issued is a review of the past plan
    return None


def document_period_end(doc: NormalisedDocument) -> int | None:
    """The year a document's targets are due when they state none: its title's period (the document's,
    else its covering notice's), else its goal section's first year."""
    md = doc.metadata
    for title in (md.title, md.titles.get("zh-Hans"), md.notice_title):
        year = title_period_end(title) if title else None
        if year:
            return year
    return goal_section_year(doc)


def document_first_year(doc: NormalisedDocument) -> int | None:
    """The first year a document can set a target for: the year it was issued, or its title's period's first year
    when that is earlier (a 十四五 plan issued in 2022 still sets 2021's); with neither, the latest month the text
    reports a state as of (a white paper printed without a date: "截至2021年9月30日"). A figure due before it is a
    result the document reports ("到2020年,…达到15.9%" in a 十四五 plan), not a target; None when nothing tells."""
    md = doc.metadata
    years: list[int] = []
    if m := re.match(r"\d{4}", md.issued or ""):
        years.append(int(m.group()))
    for title in (md.title, md.titles.get("zh-Hans"), md.notice_title):
        years += [first for first, _ in _title_spans(title or "")]
        if title and not years and (own := title_period_end(title)):
            years.append(own)  # a year's document: "2021年推动碳达峰、碳中和工作计划"
    if not years:  # no date printed, no period named: a text reporting the state "as of" a month was written after it
        years = [max(int(m.group(1)) for m in found)] if (found := list(_AS_OF_MONTH.finditer(doc.text))) else []
    return min(years) if years else None


#: "截至2021年9月30日,全国碳市场…": the state a text reports as of a month it names (a month: a plan's 截至2025年 is a
#: deadline).
_AS_OF_MONTH = re.compile(r"截[至止]\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")


def _names_an_earlier_plan(heading: str, period_end: int) -> bool:
    """"“十三五”时期主要成就" in a plan due in 2025: a heading about a plan already over."""
    return any((years := five_year_plan(m.group(1))) is not None and years[1] < period_end
               for m in _PLAN_ZH.finditer(heading))


def clause_period_end(period_end: int | None, clause: Clause, parents: Sequence[Clause]) -> int | None:
    """The document's period end for a clause's targets; None under a heading that reviews the past plan
    or describes the situation ("发展基础与面临形势", "“十三五”取得的成效"): its figures are not due; None in a
    paragraph of a text that numbers none (kind "body"), which has no heading to tell."""
    if period_end is None or clause.kind == "body" or under_review(period_end, clause, parents):
        return None
    return period_end


def _under(heading: re.Pattern[str], clause: Clause, parents: Sequence[Clause]) -> bool:
    """The clause or one above it has a heading (its first phrase) that `heading` finds."""
    return any(heading.search(_HEADING_STOP.split(c.title, 1)[0]) for c in (clause, *parents))


def under_costing(clause: Clause, parents: Sequence[Clause]) -> bool:
    """The clause is under a heading of the plan's costing (`_COSTING`): a sum of money in it is what works cost."""
    return _under(_COSTING, clause, parents)


def under_estimates(clause: Clause, parents: Sequence[Clause]) -> bool:
    """The clause is under a heading of the plan's estimates (`_ESTIMATES`): every figure in it is one."""
    return _under(_ESTIMATES, clause, parents)


def under_review(period_end: int, clause: Clause, parents: Sequence[Clause]) -> bool:
    """The clause is under a heading that reviews the past plan or describes the situation: a figure it states with
    no year of its own is the state reached, not a target ("…空气优良天数比例为73.2%")."""
    return any(review_heading(c.title) or _names_an_earlier_plan(_HEADING_STOP.split(c.title, 1)[0], period_end)
               for c in (clause, *parents))


def review_heading(title: str | None) -> bool:
    """A heading that reviews the past or describes the situation ("工作成效", "现状与形势", "发展基础"), not a task
    whose object is a review word ("巩固污染防治成效"). What stands under it reports; it sets and carries out nothing."""
    # a heading the layout ran into its first sentence ("重点领域和主要任务全面实施…战略,抓住新机遇、应对…挑战"):
    # only the words before its first stop are the heading's
    heading = _HEADING_STOP.split(title or "", 1)[0]
    return bool(_REVIEW.search(heading)) and not _TASK_HEADING.match(heading) and not _TASK_ON_REVIEW.search(heading)


_HEADING_STOP = re.compile(r"[,，;；。]")


#: The carbon goals named by their year: "锚定2030年前全市碳达峰目标", "为2060年前实现碳中和奠定基础".
_CARBON_GOAL = re.compile(r"(?:全国|全省|全市|全区|全县|我国|我省|我市|本市)?(?:如期)?(?:实现)?(?:碳达峰|碳中和|达峰)")


def _names_a_carbon_goal(text: str, deadline: DeadlineHit) -> bool:
    """A year that names the carbon peak or neutrality goal ("2030年前碳达峰") sets no time of its own for
    what follows: the plan's other targets are still due at its end."""
    return bool(_CARBON_GOAL.match("".join(text[deadline.end : deadline.end + 24].split())))  # read across a line break


def first_other_year(text: str, deadlines: Sequence[DeadlineHit], period_end: int | None) -> int | None:
    """Where the first of `deadlines` (found in `text`) that sets a time other than the plan's end starts: not an
    ongoing duty, a year other than `period_end`, and not a year that only names a carbon goal; None when none
    does (or there is no plan's end)."""
    if not period_end:
        return None
    return min((d.start for d in deadlines if d.kind != "ongoing" and d.year not in (None, period_end)
                and not _names_a_carbon_goal(text, d)), default=None)


def due_at_period_end(hits: list[TargetHit], deadlines: Sequence[DeadlineHit], period_end: int | None,
                      text: str) -> list[TargetHit]:
    """The quantified targets without a year, before any other year their clause names, due at the plan's end.

    Once a clause has named another year ("到2023年…", "“十五五”时期…", "展望2035年…") a target after it
    that the year does not govern is not known to be due when the plan ends; one before it is (a goal
    section's paragraphs under its first 到2025年, then its 2035 vision). A year that only names a carbon
    goal ("锚定2030年前全市碳达峰目标") is no such year. Offsets of `deadlines` are the hits' own, in `text`."""
    if period_end is None:
        return hits
    other = first_other_year(text, deadlines, period_end)

    def due(hit: TargetHit) -> bool:
        return other is None or hit.start < other or plan_resumes(text, deadlines, period_end, other, hit.start)

    return [replace(h, year=period_end) if h.year is None and not h.qualitative and due(h) else h for h in hits]

"""The period a document plans for (`extract/period.py`): read from titles and opening goal sections of
`tune` documents of the real corpus (tests/keys/split.toml), and given to the targets that state no year.
"""

from __future__ import annotations

from functools import cache

import pytest

from policykg.extract.document import extract_document
from policykg.extract.model import DocumentExtraction
from policykg.extract.period import (
    clause_period_end,
    document_period_end,
    goal_section_year,
    review_heading,
    title_period_end,
    under_review,
)
from policykg.extract.targets import extract_targets
from policykg.ingest.model import Clause, NormalisedDocument
from tests.extract.real_documents import real


@cache
def extracted(file: str) -> DocumentExtraction:
    return extract_document(real(file))


def clause(doc: NormalisedDocument, path: str) -> tuple[Clause, list[Clause]]:
    """The clause whose id ends in `path` ("s1.i4") and its parents."""
    def find(clauses: list[Clause], parents: list[Clause]) -> tuple[Clause, list[Clause]] | None:
        for c in clauses:
            if c.id.endswith(f"~{path}"):
                return c, parents
            found = find(c.children, [*parents, c])
            if found:
                return found
        return None

    found = find(doc.clauses, [])
    assert found is not None
    return found


def years(file: str, path: str) -> list[tuple[str, int | None]]:
    """(indicator, year) of the quantified targets of a clause."""
    doc = real(file)
    c, _ = clause(doc, path)
    return [(t.indicator, t.year) for t in extracted(file).clauses[c.id].targets if not t.qualitative]


@pytest.mark.parametrize(("title", "year"), [
    ("天津市“十四五”节能减排工作实施方案", 2025),  # 214
    ("关于“十四五”推动石化化工行业高质量发展的指导意见", 2025),  # 19
    ("以实现碳达峰碳中和目标为引领深入推进制造业高质量绿色发展行动计划(2022—2025年)", 2025),  # 482
    ("环保装备制造业高质量发展行动计划(2022−2025年)", 2025),  # 28
    ("佛山市绿色建筑创建行动实施方案(2022-2025)", 2025),  # 518: a range without 年
    ("上海市2021-2023年生态环境保护和建设三年行动计划", 2023),  # 64
    ("氢能产业发展中长期规划(2021-2035年)", 2035),  # 31
    ("2022年林业工作要点", 2022),  # 152
    ("省生态环境厅2021年度推动碳达峰、碳中和工作计划", 2021),  # 244
    ("国管局关于2022年公共机构能源资源节约和生态环境保护工作安排的通知", 2022),  # 196
    # no period: an edition, a deadline, a call for projects, a title without a year
    ("高耗能行业重点领域节能降碳改造升级实施指南(2022年版)", None),  # 26
    ("2030年前碳达峰行动方案", None),  # 2
    ("南京市科学技术局关于组织申报2022年度南京市碳达峰碳中和科技创新专项项目的通知", None),  # 184
    ("2021年碳达峰碳中和专项行业标准制修订项目计划", None),  # 248
    ("关于推动城乡建设绿色发展的意见", None),  # 7
])
def test_the_period_a_title_names(title: str, year: int | None) -> None:
    assert title_period_end(title) == year


def test_the_goal_section_sets_the_period_when_the_title_names_none() -> None:
    # 358: "(二)主要目标。到2025年,产业结构、能源结构、运输结构明显优化,…"
    beihai = real("358、北海市关于加快建立健全绿色低碳循环发展经济体系的实施方案.pdf")
    assert title_period_end(beihai.metadata.title) is None
    assert goal_section_year(beihai) == document_period_end(beihai) == 2025
    # 2: "(三)主要目标 … 到2025年,… 到2030年,…": the first year is the plan's, later ones its horizon
    assert document_period_end(real("2、2030年前碳达峰行动方案.pdf")) == 2025
    # 14: "一、总体目标" sets no year: no period
    assert document_period_end(real("14、高等学校碳中和科技创新行动计划.pdf")) is None


def test_a_title_period_comes_before_the_goal_section() -> None:
    # 52: the goal section ("(四)主要目标") states no year; the title's 十四五 does
    plan = real("52、“十四五”公共机构节约能源资源工作规划.pdf")
    assert goal_section_year(plan) is None
    assert document_period_end(plan) == 2025


def test_targets_without_a_year_are_due_at_the_period_end() -> None:
    # 52 (四)主要目标: no 到2025年 before the totals; "2025年…" later in the clause names the same year
    plan = "52、“十四五”公共机构节约能源资源工作规划.pdf"
    assert years(plan, "s1.i4")[:3] == [
        ("公共机构能源消费总量", 2025), ("用水总量", 2025), ("二氧化碳排放总量", 2025)]  # "(以下简称碳排放)" names it, it is not part of it
    # (四)节水护水行动: "新建建筑节水器具使用率实现100%", a task section without a year
    assert ("新建建筑节水器具使用率", 2025) in years(plan, "s2.i4")
    # (一)发展基础: "“十三五”期间,…2020年,…": the past plan's figures are not due
    assert 2025 not in {year for _, year in years(plan, "s1.i1")}


def test_a_review_of_the_past_plan_is_not_due() -> None:
    # 157 一、“十三五”时期主要成就 / (四)林业产业蓬勃发展: "全省特色经济林达40万公顷以上" names no year: the state the
    # plan starts from, no target at all (`period.under_review`)
    file = "157、辽宁省“十四五”林业草原发展规划.pdf"
    doc = real(file)
    review, parents = clause(doc, "s1.i4")
    assert clause_period_end(2025, review, parents) is None and under_review(2025, review, parents)
    assert "特色经济林达40万公顷以上" in doc.text[review.start : review.end]
    assert years(file, "s1.i4") == []
    task, parents = clause(doc, "s4.i7.p7")  # 7.林业草原有害生物防治
    assert clause_period_end(2025, task, parents) == 2025
    assert ("林业有害生物无公害防治率", 2025) in years(file, "s4.i7.p7")


def test_only_targets_without_a_year_of_their_own_take_the_period_end() -> None:
    # 358 (二)主要目标 without its 到2025年: the base year stays, the year is the period end
    text = "全市万元地区生产总值能耗比2020年降低13.5%"
    found = [(t.indicator, t.change or t.comparator, t.base_year, t.year) for t in extract_targets(text, "zh", None, 2025)]
    assert found == [("万元地区生产总值能耗", "decrease", 2020, 2025)]
    assert [t.year for t in extract_targets(text, "zh")] == [None]  # no period given: no year
    # a year of the clause's own is never replaced
    assert [t.year for t in extract_targets("到2023年," + text, "zh", None, 2025)] == [2023]
    # 2 (一)1.: a clause naming two periods (“十四五”时期 … “十五五”时期): a target neither governs has no year
    text = ("加快煤炭减量步伐,“十四五”时期严格合理控制煤炭消费增长,“十五五”时期逐步减少。"
            "严控跨区外送可再生能源电力配套煤电规模,新建通道可再生能源电量比例原则上不低于50%。")
    assert [(t.indicator, t.year) for t in extract_targets(text, "zh", None, 2025) if not t.qualitative] == [
        ("新建通道可再生能源电量比例", None)]
    # a qualitative goal takes no year from the period
    text = "推动公共机构带头使用新能源汽车,实现全覆盖。"
    assert all(t.year is None for t in extract_targets(text, "zh", None, 2025) if t.qualitative)


def test_a_sectors_basic_situation_states_no_target_due_at_the_plans_end() -> None:
    # 26、关于发布高耗能行业重点领域节能降碳改造升级实施指南（2022年版）的通知, 附件4 一、基本情况: "…以褐煤为原料的
    # 煤制甲醇能效标杆水平为 1550 千克标准煤/吨，基准水平为 2000 千克标准煤/吨；…" quotes the standards, due at no time:
    # the situation a section describes states no target at all (`period.under_review`)
    from policykg.extract.document import extract_document
    from tests.ingest.real_packs import read_real

    doc = read_real("26")
    facts = extract_document(doc).clauses[f"{doc.id}~a4.s1"]
    assert "以褐煤为原料的煤制甲醇能效标杆水平为" in doc.text
    standards = [t for t in facts.targets if t.measure_unit in ("千克标准煤/吨", "千克标煤/吨")]
    assert standards == [] and not [t for t in facts.targets if not t.qualitative]
    # "截至 2020 年底，…能效优于标杆水平的产能约占 15%": as of 2020, not due in 2025
    assert not any(t.year == 2025 for t in facts.targets)


@pytest.mark.parametrize(("heading", "reviews"), [
    ("“十三五”工作成效", True),  # 419, 430, 539
    ("现状与形势", True),  # 68
    ("发展基础与面临形势", True),  # 452
    ("“十三五”环保规划实施情况回顾", True),  # 446
    ("“十三五”生态规划实施存在的问题", True),  # 446
    ("巩固污染防治成效", False),  # a task whose object is a review word
    # a task acting on a review word or evaluating results (388, 419, 451, 565), what an application describes (548),
    # a condition of a call (277)
    ("开展生态状况调查与成效评估", False),
    ("实施成效评估", False),
    ("实施生态保护成效监测评估", False),
    ("持续挖掘水电开发潜力积极推进大中型水电站建设", False),
    ("系统介绍区域低碳建设的现状", False),
    ("前期科研成果已获得中央财政科技计划立项支持、目前具有较好研究工作基础的项目", False),
    ("抢抓发展机遇", False),  # a task seizing the opportunities a review names
])
def test_a_heading_reviews_the_past_unless_a_task_acts_on_it(heading: str, reviews: bool) -> None:
    assert review_heading(heading) is reviews


def test_a_task_that_evaluates_results_still_sets_its_targets() -> None:
    # 388 三、(七)4.开展生态状况调查与成效评估, then 专栏7 生态保护修复重大工程: its works are the plan's, due in 2025
    file = "388、黑龙江省“十四五”生态环境保护规划.pdf"
    task, parents = clause(real(file), "s3.i7.p4")
    assert task.title == "开展生态状况调查与成效评估" and not under_review(2025, task, parents)
    assert {("治理草原面积", 2025), ("新增水土流失治理面积", 2025)} <= set(years(file, "s3.i7.p4"))

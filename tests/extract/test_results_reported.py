"""A figure due before the document could set it is a result it reports, not a target (`period.document_first_year`):
a 十四五 plan's review of the 十三五 ("“十三五”时期,…非化石能源消费比重达到15.9%") keeps its 2025 targets only. Every
document here is from the `tune` part of tests/keys/split.toml.
"""

from __future__ import annotations

from policykg.extract.period import document_first_year
from tests.extract.target_facts import facts, targets
from tests.extract.target_facts import targets as targets_of
from tests.extract.test_extraction_keys import _extracted


def _quantified(file: str) -> tuple[int | None, list[tuple[str, float | None, int | None]]]:
    doc, extraction = _extracted(file)
    return document_first_year(doc), [(t.indicator, t.value, t.year) for t in extraction.targets() if not t.qualitative]


def test_a_plans_review_of_the_plan_before_states_no_target() -> None:
    first, targets = _quantified("16、“十四五”现代能源体系规划.pdf")
    assert first == 2021  # the 十四五's first year (the plan was issued in 2022)
    assert ("非化石能源消费比重", 20.0, 2025) in targets  # "到2025年,非化石能源消费比重提高到20%左右"
    assert not [t for t in targets if t[1] == 15.9]  # "“十三五”时期,…非化石能源消费比重达到15.9%"
    assert all(year is None or year >= 2021 for _, _, year in targets)


def test_a_three_year_plan_keeps_the_targets_of_its_own_years() -> None:
    first, targets = _quantified("140、包头市深入推进林业草原碳汇三年行动计划（2021—2023年）.pdf")
    assert first == 2021
    assert ("湿地面积", 140.0, 2030) in targets  # "到2030年包头境内湿地稳定在140万亩": a kind of land sized is its area
    assert ("恢复黄河湿地", 2000.0, 2021) in targets  # "2021年启动实施…,恢复黄河湿地 2000 亩"
    assert not [t for t in targets if t[1] == 1367.0]  # "林地面积 1367 万亩": the state in 2020


def test_the_expected_effects_of_a_plan_are_estimates() -> None:
    # 574、内蒙古自治区“十四五”电力发展规划 (四)预期效果分析: "…可再生能源发电替代化石能源约9000万吨标煤,减少二氧化碳排放2.4亿吨"
    _, targets = _quantified("574、内蒙古自治区“十四五”电力发展规划.pdf")
    assert not [t for t in targets if t[1] in (9000.0, 2.4)]


def test_a_report_with_no_period_states_no_yearless_target_under_its_review_headings() -> None:
    # 38、中国应对气候变化的政策与行动白皮书 (no title period, no issue date printed): "能源生产和消费革命取得显著成效" reviews;
    # its figures with no year of their own are the state reached, and those naming 2020 are due before the year it
    # reports as of (2021, below): the review states no target at all
    doc, extraction = _extracted("38、中国应对气候变化的政策与行动白皮书.pdf")
    reviewed = [c for top in doc.clauses for c in top.walk() if c.title.startswith("能源生产和消费革命取得显著成效")]
    assert reviewed and not [t for c in reviewed for t in extraction.clauses[c.id].targets if not t.qualitative]
    assert "非化石能源发电量达到2.6万亿千瓦时" in doc.text


def test_a_plans_resources_are_no_targets() -> None:
    # 562、四川省“十四五”可再生能源发展规划, 发展潜力: "太阳能资源技术可开发量8500万千瓦以上" sizes a resource
    _, targets = _quantified("562、四川省“十四五”可再生能源发展规划.pdf")
    assert not [t for t in targets if "可开发量" in t[0] or "蕴藏" in t[0]]


def test_a_years_document_starts_in_its_year() -> None:
    # 244、2021年推动碳达峰、碳中和工作计划: no issue date read, the title's year is the document's
    doc, _ = _extracted("244、2021年推动碳达峰、碳中和工作计划.pdf")
    assert doc.metadata.issued is None and document_first_year(doc) == 2021


def test_the_quota_of_an_evaluations_grade_is_no_target() -> None:
    # 487、浙江省林业固碳增汇试点建设管理办法 第二十三条: how many pilots the top grade may take is a rule of the evaluation
    sentence = ("第二十三条省林业局根据试点建设资料与建设成效现场验收结果,组织专家开展评审,形成评价结果。"
                "评价结果分为“优秀”“良好”两个等次,其中“优秀”等次不超过40%。")
    assert facts(targets(sentence, 2025)) == []


def test_a_white_paper_without_a_date_reports_the_years_before_its_state_as_of() -> None:
    # 38、中国应对气候变化的政策与行动白皮书: no date printed, no period in its title; it reports "截至2021年9月30日,全国
    # 碳市场…", so it was written in 2021, and what it says China reached by 2020 is a result, its 2030 pledges targets
    first, targets = _quantified("38、中国应对气候变化的政策与行动白皮书.pdf")
    assert first == 2021
    assert ("非化石能源占一次能源消费比重", 25.0, 2030) in targets  # "非化石能源占一次能源消费比重将达到25%左右"
    assert not [t for t in targets if t[2] is not None and t[2] < 2021]
    # a white paper reports what was done: a figure with no year ahead of it is a result ("全国地级及以上城市优良天数
    # 比率为87%", "新能源汽车保有量已达603万辆"), and so is how far the new pledges go beyond the old ("…森林蓄积量再
    # 增加15亿立方米", the 2030 pledge itself a target)
    assert not [t for t in targets if t[2] is None]
    assert ("森林蓄积量", 60.0, 2030) in targets
    # read alone, the sentence's 再 is no part of the name
    line = "非化石能源占一次能源消费比重再增加五个百分点,增加非化石能源装机容量目标,森林蓄积量再增加15亿立方米。"
    assert ("森林蓄积量", 15.0) in [(t.indicator, t.value) for t in targets_of(line)]


def test_a_plans_deadline_as_of_a_year_tells_no_date() -> None:
    # a plan's 截至2025年 is a deadline, not the date it reports as of: only a month does (`period._AS_OF_MONTH`)
    from policykg.extract.period import _AS_OF_MONTH

    assert [m.group(1) for m in _AS_OF_MONTH.finditer("截至2021年9月30日,7个试点碳市场…;截至2025年,累计建成…")] == ["2021"]

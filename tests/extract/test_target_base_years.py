"""The base year of a change the sentence does not write before its verb: declared once for the changes after it
(以2020年…为基数), or implied by the years the change is summed over (五年累计). Every sentence is copied from a `tune`
document's normalised text.
"""

from __future__ import annotations

from tests.extract.target_facts import targets


def _changes(text: str, period_end: int | None = None) -> list[tuple[str, str | None, float | None, int | None, int | None]]:
    return [(t.indicator, t.change, t.value, t.base_year, t.year) for t in targets(text, period_end)]


def test_a_base_the_sentence_declares_for_the_changes_after_it() -> None:
    # 52、“十四五”公共机构节约能源资源工作规划, (四)主要目标 (the targets key keys base 2020 for all four)
    text = ("实施公共机构能源和水资源消费总量与强度双控,公共机构能源消费总量控制在1.89亿吨标准煤以内,用水总量控制在124亿"
            "立方米以内,二氧化碳排放(以下简称碳排放)总量控制在4亿吨以内;以2020年能源、水资源消费以及碳排放为基数,2025年"
            "公共机构单位建筑面积能耗下降5%、人均综合能耗下降6%,人均用水量下降6%,单位建筑面积碳排放下降7%。")
    assert _changes(text)[-4:] == [
        ("公共机构单位建筑面积能耗", "decrease", 5.0, 2020, 2025),
        ("人均综合能耗", "decrease", 6.0, 2020, 2025),
        ("人均用水量", "decrease", 6.0, 2020, 2025),
        ("单位建筑面积碳排放", "decrease", 7.0, 2020, 2025),
    ]


def test_a_change_summed_over_five_years_is_measured_from_five_years_before_its_year() -> None:
    # 16、“十四五”现代能源体系规划, 五、发展目标 (a 十四五 plan: due in 2025)
    text = "——能源系统效率大幅提高。节能降耗成效显著,单位GDP能耗五年累计下降13.5%。"
    assert _changes(text, 2025) == [("单位GDP能耗", "decrease", 13.5, 2020, 2025)]


def test_the_year_a_change_builds_on() -> None:
    # 433、眉山市“十四五”生态环境保护规划, its review of the previous plan: 在2015年基础上 is the base, no part of the name
    text = "全市单位GDP能耗在2015年基础上累计下降20.3%,规上工业单位增加值能耗累计下降38.04%,分别超省下达任务"
    assert _changes(text)[0] == ("单位GDP能耗", "decrease", 20.3, 2015, None)

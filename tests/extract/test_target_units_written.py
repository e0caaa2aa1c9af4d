"""Units of measure real `tune` documents write that the table of units lacked: counting words (万尾: fish released)
and units per person or per tonne (千克/人, 万元/吨标准煤). Every sentence is copied from a `tune` document's
normalised text (extract/data/measure_units.toml).
"""

from __future__ import annotations

from policykg.extract.numbers import scan_quantities
from tests.extract.target_facts import facts, targets


def test_fish_released_are_counted_in_tails() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划 (the targets key's round 4 keys 万尾), due at the plan's end
    text = "持续开展水生生物增殖放流活动,每年放流水生生物总量不少于5000万尾。"
    assert facts(targets(text, period_end=2023)) == [("放流水生生物总量", ">=", 5000.0, "万尾", 2023)]


def test_an_amount_per_person() -> None:
    # 202、上海市公共机构绿色低碳循环发展行动方案
    text = "到2023年,推动60个餐厨垃圾资源化、无害化利用项目,全市公共机构日人均生活垃圾排放量降低至0.7千克/人。"
    assert facts(targets(text)) == [("餐厨垃圾资源化、无害化利用项目", "=", 60.0, "个", 2023),
                                    ("公共机构日人均生活垃圾排放量", "=", 0.7, "千克/人", 2023)]


def test_an_output_per_tonne_of_standard_coal_is_read_whole() -> None:
    # 149、山东省“十四五”应对气候变化规划: per tonne of coal, not per tonne with 标准煤 left over
    text = "化工行业单位能耗销售收入提高到3万元/吨标准煤"
    [q] = scan_quantities(text, "zh")
    assert (q.value, q.measure_unit) == (3.0, "万元/吨标准煤")


def test_wells_are_counted_in_eyes() -> None:
    # 566、天津市可再生能源发展“十四五”规划 (a past figure: the count word is read, no target is made of it)
    text = "全市登记在册的地热开采井343眼"
    [q] = scan_quantities(text, "zh")
    assert (q.value, q.measure_unit, q.dimension) == (343.0, "眼", "count")

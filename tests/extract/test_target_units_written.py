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


def test_units_of_environmental_plans_are_read() -> None:
    # 533 (㎡), 418 (毫克/升), 425 (分贝), 149 (蒸吨/小时), 427 (标台): each plan's review of the years before
    written = {
        "“十三五”期间,新增应用太阳能热水系统总建筑面积约3965.19万㎡": (3965.19, "万㎡", "area"),
        "是鄱阳湖唯一达到Ⅲ类的湖区,总磷平均浓度为0.050毫克/升": (0.05, "毫克/升", "concentration"),
        "2020年,内江城区城市区域噪声昼间平均等效声级值为55.1分贝": (55.1, "分贝", "level"),
        "关停淘汰落后煤电机组918万千瓦,淘汰燃煤锅炉6818蒸吨/小时": (6818.0, "蒸吨/小时", "steam-rate"),
        "深入实施公交优先战略,万人拥有公交车9.3标台,公交出行分担率33.87%": (9.3, "标台", "count"),
    }
    for text, want in written.items():
        q = next(q for q in scan_quantities(text, "zh") if q.value == want[0])
        assert (q.value, q.measure_unit, q.dimension) == want, text


def test_ratings_that_bound_a_class_of_plant_make_no_target() -> None:
    # 431、乌海市“十四五”生态环境保护规划, its review: furnaces and boilers retired by the class their rating bounds
    text = ("12500千伏安及以下规模电石炉、6300千伏安及以下规模铁合金矿热炉全部淘汰,淘汰燃煤锅炉792台2790蒸吨,乌海市成为市域"
            "范围内无20蒸吨及以下燃煤锅炉的地级城市。")
    assert [q.measure_unit for q in scan_quantities(text, "zh")] == ["千伏安", "千伏安", "台", "蒸吨", "蒸吨"]
    assert facts(targets(text)) == []

"""Target forms read in the documents of the tuning key's fourth round (tests/keys/targets_tune.toml,
`round = 4`): whole documents keyed, running text of the task sections included. Every sentence and row is
copied from the normalised text of a `tune` document (tests/keys/split.toml).
"""

from __future__ import annotations

from policykg.extract.target_tables import table_targets
from tests.extract.target_facts import facts, targets

# --- tables ---------------------------------------------------------------------------------------------
#: 133、浙江省可再生能源发展“十四五”规划: a table of targets per city, its unit on a line of its own.
PER_CITY = (
    "表3浙江省各地市“十四五”海上风电发展目标\n 单位:万千瓦\n"
    "序号:1;地区:嘉兴;2020年装机:0;2025年装机或开工:60;“十四五”新增装机或开工:60\n"
    "序号:2;地区:舟山;2020年装机:45;2025年装机或开工:256;“十四五”新增装机或开工:211\n"
    "序号:合;地区:计;2020年装机:45;2025年装机或开工:1041;“十四五”新增装机或开工:996"
)


def test_a_row_per_city_is_that_citys_target_of_the_tables_subject() -> None:
    assert facts(table_targets(PER_CITY)) == [
        ("嘉兴海上风电装机或开工", "=", 60, "万千瓦", 2025),
        ("舟山海上风电装机或开工", "=", 256, "万千瓦", 2025),
        ("海上风电装机或开工合计", "=", 1041, "万千瓦", 2025),
    ]


def test_a_unit_line_above_a_table_and_a_row_named_by_its_kind() -> None:
    table = ("表2浙江省“十四五”主要可再生能源品种发展目标\n 单位:万千瓦\n"
             "可再生能源种类:风电;2020年:186;2025年:641;“十四五”增量:455\n"
             "可再生能源种类:合计;2020年:3114;2025年:5217;“十四五”增量:2103")
    # a kind of power in units of power is its capacity, as the key reads the rows (风电装机, 可再生能源装机合计)
    assert facts(table_targets(table)) == [("风电装机", "=", 641, "万千瓦", 2025), ("可再生能源装机合计", "=", 5217, "万千瓦", 2025)]


def test_running_text_ends_a_tables_unit() -> None:
    text = (" 单位:万千瓦\n" + "结合我省可再生能源资源禀赋和发展实际情况,根据我省发展目标并考虑一定预留,现将各地市目标进行明确。\n"
            "可再生能源种类:风电;2020年:186;2025年:641")
    assert facts(table_targets(text)) == [("风电", "=", 641, None, 2025)]


def test_a_cell_with_a_value_per_area() -> None:
    # 530、广东省建筑节能与绿色建筑发展“十四五”规划, 专栏2
    row = "主要指标1:城镇新建建筑中装配式建筑比例;2025年2:30%(全省)35%(重点推进地区)30%(积极推进地区)20%(鼓励推进地区)"
    assert facts(table_targets(row)) == [
        ("城镇新建建筑中装配式建筑比例", "=", 30, "%", 2025),
        ("重点推进地区城镇新建建筑中装配式建筑比例", "=", 35, "%", 2025),
        ("积极推进地区城镇新建建筑中装配式建筑比例", "=", 30, "%", 2025),
        ("鼓励推进地区城镇新建建筑中装配式建筑比例", "=", 20, "%", 2025),
    ]


# --- running text -----------------------------------------------------------------------------------------
def test_a_length_or_an_area_before_the_works_it_measures() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划
    got = facts(targets("到2023年,强化实施骨干绿道网络和特色道路建设,累计建设600公里绿道,其中骨干绿道300公里。"))
    assert ("绿道", "=", 600, "公里", 2023) in got
    got = facts(targets("到2023年,开展5万亩养殖尾水处理设施建设和改造。"))
    assert got == [("养殖尾水处理设施建设", "=", 5, "万亩", 2023)]
    assert targets("该区域距离海岸线约40公里。") == []  # no action: a distance, no target


def test_a_clause_naming_only_a_place_takes_the_target_before() -> None:
    # 530: "其中" a part of the whole the clause before measures
    got = facts(targets("到2025年,全省城镇新增绿色建筑中星级绿色建筑占比超过30%,其中粤港澳大湾区珠三角九市超过45%。"))
    assert got == [
        ("城镇新增绿色建筑中星级绿色建筑占比", ">", 30, "%", 2025),
        ("粤港澳大湾区珠三角九市城镇新增绿色建筑中星级绿色建筑占比", ">", 45, "%", 2025),
    ]


def test_a_head_the_target_before_ends_in() -> None:
    # 133、浙江省可再生能源发展“十四五”规划, 发展目标
    got = facts(targets("到2025年底,可再生能源装机超过5000万千瓦,装机占比达到36%以上。"))
    assert got == [("可再生能源装机", ">", 5000, "万千瓦", 2025), ("可再生能源装机占比", ">=", 36, "%", 2025)]


def test_a_share_of_a_whole_named_after_zhan() -> None:
    # 64: "占…的N%" without 比重
    got = facts(targets("到2023年,绿色食品生产总量占地产农产品产量的30%以上。"))
    assert got == [("绿色食品生产总量占地产农产品产量", ">=", 30, "%", 2023)]

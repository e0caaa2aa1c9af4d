"""Target forms read in the documents of the tuning key's sixth round (tests/keys/targets_tune.toml,
`round = 6`): 316 (北京), 389 (黑龙江), 106 (陕西), 517 (长沙), 370 (云南), 221 (重庆) and 89 (江西), whole
documents keyed. Every sentence and row is copied from the normalised text of a `tune` document
(tests/keys/split.toml).
"""

from __future__ import annotations

from policykg.extract.numbers import scan_quantities
from policykg.extract.target_layout_rows import layout_row_targets
from tests.extract.target_facts import facts, targets

# --- a table no number opens ------------------------------------------------------------------------------
#: 389、黑龙江省“十四五”土壤地下水和农村生态环境保护规划: the indicator table as the text layer gives it, a row a
#: line (its type column's label on lines of its own), no serial number, a name cell wrapped once, the values
#: with their unit and a footnote's mark.
UNNUMBERED = (
    "“十四五”黑龙江省土壤、地下水和农村生态环境保护主要指标类型 指标名称\n2020年\n(现状值)\n2025年 指标属性\n"
    "土壤生态\n环境\n受污染耕地安全利用率92% 93%左右约束性\n重点建设用地安全利用——有效保障约束性\n地下水环境\n"
    "地下水国控区域点位\nV 类水比例\n58.97% 56.4% 预期性\n“双源”周边地下水监测\n评价点位水质\n——\n总体保持\n稳定\n"
    "预期性\n农村生态\n环境\n农村生活污水治理率12.5% 40%预期性\n农村环境综合整治村庄数量1400个新增1600个预期性耕地保护\n"
    "化肥利用率 —— 43% 预期性\n农药利用率 45% 50% 预期性\n秸秆综合利用率 95.02%*\n95%* 预期性\n"
    "废旧农膜回收率 85% 88% 预期性\n农药包装废弃物回收率70.9% 90%预期性\n"
)


def test_rows_no_number_opens_read_line_by_line() -> None:
    assert facts(layout_row_targets(UNNUMBERED)) == [
        ("受污染耕地安全利用率", "~", 93, "%", 2025),
        ("地下水国控区域点位V类水比例", "=", 56.4, "%", 2025),  # the name wrapped over two lines
        ("农村生活污水治理率", "=", 40, "%", 2025),
        ("农村环境综合整治村庄数量", "=", 1600, "个", 2025),  # "1400个 新增1600个"
        ("化肥利用率", "=", 43, "%", 2025),  # no baseline ("——")
        ("农药利用率", "=", 50, "%", 2025),
        ("秸秆综合利用率", "=", 95, "%", 2025),  # the values over two lines, with footnote marks
        ("废旧农膜回收率", "=", 88, "%", 2025),
        ("农药包装废弃物回收率", "=", 90, "%", 2025),
    ]
    # a row whose value is words states no quantity; without a header naming the years, no table
    assert layout_row_targets("指标\n受污染耕地安全利用率92% 93%左右约束性\n") == []


# --- a least bound before the action a count follows ------------------------------------------------------
def test_a_least_bound_before_the_action() -> None:
    # 221、重庆市环境应急能力建设“十四五”规划(2021—2025年)
    got = facts(targets("“十四五”期间,市级生态环境部门至少举办5期全市环境应急管理培训,各区县至少举办5期针对重点环境风险企业的"
                        "环境应急管理培训。", 2025))
    assert got == [("全市环境应急管理培训", ">=", 5, "期", 2025), ("针对重点环境风险企业的环境应急管理培训", ">=", 5, "期", 2025)]
    got = facts(targets("“十四五”期间,各区县至少建立1支区(县)级环境应急救援队伍。", 2025))
    assert got == [("区(县)级环境应急救援队伍", ">=", 1, "支", 2025)]
    # 389: 至少 before a verb that governs a count: no indicator of its own; a short modifier joined by 和
    got = facts(targets("到2025年底,至少完成1轮土壤和地下水污染隐患排查,制定整改方案和台账并落实。", 2025))
    assert got == [("土壤和地下水污染隐患排查", ">=", 1, "轮", 2025)]


def test_drills_held_so_many_times_and_what_a_theme_qualifies() -> None:
    # 221: 次 counts what is held; "以…为主题的" qualifies the drills counted; the aside the last count stands in
    got = facts(targets("“十四五”期间,开展市级综合环境应急演练5次,各区县每年至少开展1次以“企业主体、政府主导、部门联动、专家支撑、"
                        "社会救援”为主题的环境应急综合演练(其中,市级及与外省接壤的涉及跨省界河流的区县政府“十四五”期间至少开展1次"
                        "跨省环境应急综合演练)。", 2025))
    assert got == [("开展市级综合环境应急演练", "=", 5, "次", 2025), ("环境应急综合演练", ">=", 1, "次", 2025),
                   ("跨省环境应急综合演练", ">=", 1, "次", 2025)]
    assert [(q.value, q.measure_unit) for q in scan_quantities("完成1轮土壤和地下水污染隐患排查", "zh")] == [(1, "轮")]
    assert scan_quantities("第1次", "zh") == []


# --- a list item named by its level alone ---------------------------------------------------------------------
def test_a_level_alone_takes_the_works_its_sibling_names() -> None:
    # 517、长沙市绿色建筑创建行动实施方案: the level after the item it follows
    got = facts(targets("培育一批装配式建筑开发、设计、施工、生产龙头企业,到2022年,力争创建国家装配式建筑产业基地2家、市级4家。"))
    assert got == [("国家装配式建筑产业基地", "=", 2, "家", 2022), ("市级装配式建筑产业基地", "=", 4, "家", 2022)]
    # 106、陕西省加快建立健全绿色低碳循环发展经济体系若干措施: the level before the item it shares the works with
    got = facts(targets("推进农业与旅游、教育、文化、健康等产业深度融合,“十四五”期间力争建成10个国家级、100个省级农村产业融合示范园。"))
    assert got == [("国家级农村产业融合示范园", "=", 10, "个", 2025), ("省级农村产业融合示范园", "=", 100, "个", 2025)]


# --- an aside's year ------------------------------------------------------------------------------------------
def test_a_year_in_brackets_governs_its_aside_only() -> None:
    # 517: "到达" reads as 达到; the year in brackets is the aside's, the year before goes on governing after it
    got = facts(targets("到2022年,当年城镇新增绿色建筑竣工面积占新增民用建筑竣工面积比例达到70%以上(其中,2021年达到60%),"
                        "星级绿色建筑面积占比达到20%以上(2021年到达10%)。"))
    assert got == [
        ("当年城镇新增绿色建筑竣工面积占新增民用建筑竣工面积比例", ">=", 70, "%", 2022),
        ("当年城镇新增绿色建筑竣工面积占新增民用建筑竣工面积比例", "=", 60, "%", 2021),
        ("星级绿色建筑面积占比", ">=", 20, "%", 2022),
        ("星级绿色建筑面积占比", "=", 10, "%", 2021),
    ]


# --- a capacity installed ------------------------------------------------------------------------------------
def test_a_magnitude_before_installed_capacity_counts_kilowatts() -> None:
    # 370、云南省推动成为生态文明建设排头兵2022年措施任务清单
    hits = targets("加快“风光水火储”多能互补基地建设,力争开工建设2000万装机新能源项目,加快构建清洁低碳安全高效的能源体系。", 2022)
    assert facts(hits) == [("装机新能源项目", "=", 2000, "万千瓦", 2022)]
    assert hits[0].converted_value == 2e7

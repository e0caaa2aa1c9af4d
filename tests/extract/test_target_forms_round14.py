"""Target forms of the fourteenth round of the tuning key (452, 235, 172, 464 and 416, read whole). Every sentence and
row is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 464、通辽市“十四五”生态环境保护规划: 专栏1's header keys its columns by pieces of the box's title, its 指标 cut at a
# cell's end ("指;专栏1“十四五”生:标"); its rows open with the pieces of a category column printed down its merged cells
TABLE_464 = """指;专栏1“十四五”生:标;态环境保护规划:2020年现状值;主要指标目标:2025年目标值;属性
8;绿;变化;专栏1“十四五”生:非化石能源消费比重(%);态环境保护规划:——;主要指标目标:≥14%;预期性
9;色化;主;专栏1“十四五”生:氮氧化物排放减少比例(%);态环境保护规划:(18.6);主要指标目标:达到自治区考核目标;约束性
15;质量;专栏1“十四五”生:森林覆盖率(%);态环境保护规划:23.78;主要指标目标:≥25;约束性
16;专栏1“十四五”生:草原综合植被盖度(%);态环境保护规划:62.1;主要指标目标:≥63;约束性
18;环境风险;生态环境质量;专栏1“十四五”生:污染地块安全利用率(%);态环境保护规划:100;主要指标目标:≥92;预期性"""


def test_a_header_keyed_by_title_pieces_with_its_name_cut_at_a_cell_end() -> None:
    got = facts(targets(TABLE_464, 2025))
    assert got == [("非化石能源消费比重", ">=", 14, "%", 2025), ("森林覆盖率", ">=", 25, "%", 2025),
                   ("草原综合植被盖度", ">=", 63, "%", 2025), ("污染地块安全利用率", ">=", 92, "%", 2025)]


# 452、宿迁市“十四五”生态环境保护规划: 表2-1's header keys only its 规划 column (by a piece of the title 规划目标) and
# names the columns before it bare, 指标名称 cut in two ("指;标名称"); its rows give the name in as many pieces, their
# unit and status bare, pieces of a category column before the row's number, a note on how the status was counted
# ("48(以50个省考断面计)"), m² printed with its exponent first ("2 m")
TABLE_452 = """类别;序号;指;标名称;单位;2020年现状值;规划:2025年目标值;目标:五年累计;属性
1;单位地区生;产总值能源消耗降低;%;16.66(较2015年);目标:完成省下达指标;约束性
绿色低;2;非化石能源占;一次能源消费比重;%;1105;规划:18;约束性
4;空气质量良;好以上天数比率;%;73.2;规划:75;约束性
地表水省考优于Ⅲ;以上断面达到或类水质比例;%;48(以50个省考断面计);规划:90
水环境;8;其中:国考Ⅲ类;断面达到或优于水质比例;%;86.7(以15个国考断面计);规划:86.7;约束性
12;地下水质;量Ⅴ类水比例;%;28.57(以7个国考点位计);规划:≤28.57;预期性
14;林木;覆盖率;%;29.42;规划:保持稳定;预期性
18;城市人均;公园绿地面积;2 m;14.15;规划:14.5;预期性"""


def test_a_header_naming_bare_columns_before_its_keyed_one() -> None:
    got = facts(targets(TABLE_452, 2025))
    assert got == [("非化石能源占一次能源消费比重", "=", 18, "%", 2025), ("空气质量良好以上天数比率", "=", 75, "%", 2025),
                   ("地表水省考优于Ⅲ以上断面达到或类水质比例", "=", 90, "%", 2025),
                   ("国考Ⅲ类断面达到或优于水质比例", "=", 86.7, "%", 2025), ("地下水质量Ⅴ类水比例", "<=", 28.57, "%", 2025),
                   ("城市人均公园绿地面积", "=", 14.5, "m2", 2025)]


def test_each_before_a_value_sets_it_for_every_item_of_the_list() -> None:
    # 464: 各 before the value, as 均 is before the verb; the items close alike (…供暖), the measure after them
    got = facts(targets("到2025年,全市实现风电供暖、光伏供暖、生物质供暖、燃气供暖和电供暖供热面积各100万平方米。城镇清洁取暖率"
                        "达到98%以上。"))
    assert got == [("风电供暖供热面积", "=", 100, "万平方米", 2025), ("光伏供暖供热面积", "=", 100, "万平方米", 2025),
                   ("生物质供暖供热面积", "=", 100, "万平方米", 2025), ("燃气供暖供热面积", "=", 100, "万平方米", 2025),
                   ("电供暖供热面积", "=", 100, "万平方米", 2025), ("城镇清洁取暖率", ">=", 98, "%", 2025)]
    # 172、青岛市“十四五”建筑节能与绿色建筑发展规划: 各为 sets each district's quota; 各 is no part of the name
    got = facts(targets("并在上述四区内开展近零能耗建筑试点示范,示范面积各为5万平方米,共计20万平方米。", 2025))
    assert got[0] == ("近零能耗建筑试点示范面积", "=", 5, "万平方米", 2025)


def test_what_works_could_bring_about_is_no_target() -> None:
    # 172: the reduction the districts' works could bring is an estimate; an area opening with the word the clause before
    # closes with (…试点示范,示范面积) takes that clause's object, as a rate does
    got = facts(targets("将崂山区、青岛西海岸新区、城阳区和即墨区四区作为超低能耗建筑重点发展区(市),累计实施100万平方米,并在上述"
                        "四区内开展近零能耗建筑试点示范,示范面积各为5万平方米,共计20万平方米,可减少碳排放量81万吨二氧化碳。", 2025))
    assert ("近零能耗建筑试点示范面积", "=", 5, "万平方米", 2025) in got
    assert not any(g[0].startswith("可减少") or g[2] == 81 for g in got)


def test_the_plans_end_and_that_a_level_is_reached_are_no_part_of_a_name() -> None:
    # 464: 力争“十四五”期末达到 says when the saving is due; 172: 基本实现 that the rate is reached
    got = facts(targets("力争“十四五”期末达到年节约农业用水10亿立方米以上,万元工业增加值用水量比2020年下降10%。", 2025))
    assert got == [("年节约农业用水", ">=", 10, "亿立方米", 2025), ("万元工业增加值用水量", "decrease", 10, "%", 2025)]
    got = facts(targets("全市平原地区农村散煤燃烧彻底清零,基本实现清洁取暖率达到100%。", 2025))
    assert got == [("清洁取暖率", "=", 100, "%", 2025)]


# 416、天津市“十四五”海洋生态环境保护规划: the table's note ② says the figures it marks are the period's additions
TABLE_416 = """序号:4;分类:海洋生态;指标:自然岸线保有量(公里);现状值(2020年):18;2025年:18;指标类别:约束性
序号:5;分类:保护;指标:岸线整治修复长度(公里);现状值(2020年):——;2025年:18②;指标类别:预期性
序号:6;指标:滨海湿地整治修复面积(公顷);现状值(2020年):——;2025年:180②;指标类别:预期性
13
注:①入海排污口整治完成率:指对《天津市滨海新区入海排污(水)口整治方案》中的问题排口,完成整治的百分数。
②指“十四五”期间的新增量。"""


def test_figures_a_note_marks_as_the_periods_additions_run_from_its_start() -> None:
    got = [(t.indicator, t.value, t.year, t.start_year) for t in targets(TABLE_416, 2025)]
    assert got == [("自然岸线保有量", 18, 2025, None), ("岸线整治修复长度", 18, 2025, 2021),
                   ("滨海湿地整治修复面积", 180, 2025, 2021)]


def test_a_total_named_by_its_word_alone_takes_the_measure_before_it() -> None:
    # 172: 共计 after the districts' quota is their total of the same measure
    got = facts(targets("并在上述四区内开展近零能耗建筑试点示范,示范面积各为5万平方米,共计20万平方米,可减少碳排放量81万吨二氧化碳。",
                        2025))
    assert got == [("近零能耗建筑试点示范面积", "=", 5, "万平方米", 2025), ("近零能耗建筑试点示范面积", "=", 20, "万平方米", 2025)]


def test_a_class_of_size_may_open_what_a_count_counts() -> None:
    # 416: the vessel's class (400吨级) opens the name of what the count counts, no value of its own
    got = facts(targets("加强船舶装备、物资保障、监测预警预报等能力建设,提高沿岸突发环境事件的应对能力。到2025年,配备1艘400吨级海洋"
                        "环境调查监测船舶。"))
    assert got == [("400吨级海洋环境调查监测船舶", "=", 1, "艘", 2025)]


def test_fry_released_are_counted_in_units_after_a_magnitude() -> None:
    # 416: 亿单位 is the unit of the fry released
    got = facts(targets("持续开展我市近岸海域增殖放流,推动海洋牧场建设,逐步恢复经济贝类、对虾等主要海洋生物资源,2025年底前,增殖放流"
                        "各类苗种不少于20亿单位。"))
    assert got == [("增殖放流各类苗种", ">=", 20, "亿单位", 2025)]


def test_two_measures_joined_with_their_values_side_by_side() -> None:
    # 464: 数量和面积 of the protected areas, 65处 and 63.5万公顷 written together after the verb
    got = facts(targets("到2025年,力争使全市的自然保护地数量和面积调整到65处63.5万公顷。"))
    assert got == [("自然保护地数量", "=", 65, "处", 2025), ("自然保护地面积", "=", 63.5, "万公顷", 2025)]

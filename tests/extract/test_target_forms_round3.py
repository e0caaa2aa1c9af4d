"""Target forms read in the documents of the tuning key's third round (tests/keys/targets_tune.toml,
`round = 3`): forms of provinces the first rounds did not cover. Every sentence and row is copied from the
normalised text of a `tune` document (tests/keys/split.toml).
"""

from __future__ import annotations

from policykg.extract.numbers import scan_quantities
from policykg.extract.target_layout_rows import layout_row_targets
from policykg.extract.target_tables import table_targets
from tests.extract.target_facts import facts, targets

# --- tables the text layer gives as lines (extract/target_layout_rows.py) ------------------------------
#: 388、黑龙江省“十四五”生态环境保护规划: the table of main indicators, as the text layer gives it.
HEILONGJIANG = (
    "黑龙江省“十四五”生态环境保护规划主要指标\n类别序号指标\n2020\n年\n2025年\n指标属\n性\n水\n1\n"
    "地表水达到或好于Ⅲ类水体比例*\n(%)\n64.4 72.6 约束性\n2地表水劣V类水体比例*(%)4.4 0.7约束性\n"
    "3城市建成区黑臭水体比例*(%) -\n基本消\n除\n预期性\n4城市生活污水集中收集率(%)62 70约束性\n大气\n5\n"
    "地级及以上城市空气质量优良天数\n比率(%)\n92.9 94 约束性\n6\n地级及以上城市细颗粒物\n"
    "(PM2.5)浓度(微克/立方米)\n28 27 约束性\n"
    "8受污染耕地安全利用率(%)92 93左右约束性9 重点建设用地安全利用 -\n有效保\n障\n约束性\n"
    "12\n单位 GDP 二氧化碳排放降低\n(%)\n-\n完成国\n家下达\n目标\n约束性\n"
    "14\n非化石能源占能源消费总量比例\n(%)\n- 15 预期性\n"
    "20\n放射源辐射事故年发生率(起/每万枚)\n1.5 <1.3 预期性\n主要污\n染物排\n放总量\n"
    "21化学需氧量排放总量减少(万吨) - [7.14] 约束性22氨氮排放总量减少(万吨) - [0.2] 约束性\n"
)


def test_rows_the_text_layer_gives_as_lines() -> None:
    hits = layout_row_targets(HEILONGJIANG)
    assert facts(hits) == [
        ("地表水达到或好于Ⅲ类水体比例", "=", 72.6, "%", 2025),  # wrapped over four lines, a category before it
        ("地表水劣V类水体比例", "=", 0.7, "%", 2025),
        ("城市生活污水集中收集率", "=", 70, "%", 2025),
        ("地级及以上城市空气质量优良天数比率", "=", 94, "%", 2025),
        ("地级及以上城市细颗粒物(PM2.5)浓度", "=", 27, "微克/立方米", 2025),  # a bracket that names, one that measures
        ("受污染耕地安全利用率", "~", 93, "%", 2025),
        ("非化石能源占能源消费总量比例", "=", 15, "%", 2025),  # no baseline ("-")
        ("放射源辐射事故年发生率", "<", 1.3, "起/每万枚", 2025),
        ("化学需氧量排放总量", "decrease", 7.14, "万吨", 2025),  # "[7.14]": over the five years
        ("氨氮排放总量", "decrease", 0.2, "万吨", 2025),
    ]  # worded values (基本消除, 有效保障, 完成国家下达目标) state no quantity
    assert [t.start_year for t in hits[-2:]] == [2021, 2021]
    assert HEILONGJIANG[hits[1].start : hits[1].end] == "2地表水劣V类水体比例*(%)4.4 0.7约束性"
    # read with the sentences, the rows are not read twice
    assert len(targets(HEILONGJIANG)) == len(hits)


def test_the_years_of_a_vision_above_the_header_are_not_the_tables() -> None:
    vision = "展望2035年,广泛形成绿色生产生活方式,碳排放达峰后稳中有降,生态环境根本好转,美丽龙江建设目标基本实现。\n"
    assert {t.year for t in layout_row_targets(vision + HEILONGJIANG)} == {2025}


def test_a_row_without_a_table_header_above_is_no_row() -> None:
    text = "2地表水劣V类水体比例*(%)4.4 0.7约束性"  # 388's row alone: no header names the years
    assert layout_row_targets(text) == []


# --- indicator tables read as cells (extract/target_tables.py) -------------------------------------
def test_a_unit_per_count_in_brackets() -> None:
    # 76、福建省“十四五”生态环境保护专项规划, 表2
    row = ("领域:控;序号:30;指标名称:放射源辐射事故年发生率(起/每万枚);现状值(2020年):0;目标值(2025年):<1.0;"
           "指标属性:预期性")
    assert facts(table_targets(row)) == [("放射源辐射事故年发生率", "<", 1.0, "起/每万枚", 2025)]


def test_a_five_year_change_beside_the_level_restates_it() -> None:
    # 454、商洛市“十四五”生态环境保护规划, 表1: "[ ]为五年累计变化值"
    row = "指标:(8)农村生活污水治理率(%);\t2020年(基准值):30;\t2025年:≧40;\t五年累计:[10];\t属性:预期性"
    assert facts(table_targets(row)) == [("农村生活污水治理率", ">=", 40, "%", 2025)]
    # …and is the target where the due year's column states none
    row = "指标:(13)单位地区生产总值用水量降低(%);\t2020年(基准值):—;\t2025年:—;\t五年累计:[10];\t属性:约束性"
    hits = table_targets(row)
    assert facts(hits) == [("单位地区生产总值用水量", "decrease", 10, "%", 2025)]
    assert hits[0].base_year == 2020  # "2020年(基准值)": the baseline's column names the base year


def test_a_cell_that_words_a_change_on_a_base_year() -> None:
    # 559、江苏省“十四五”土壤、地下水和农村生态环境保护规划
    row = "序号:6;指标名称:主要农作物农药使用量;2020年(现状值):6.57万吨;2025年:较2020年减少2.5%"
    hits = table_targets(row)
    assert facts(hits) == [("主要农作物农药使用量", "decrease", 2.5, "%", 2025)]
    assert hits[0].base_year == 2020


# --- units written as symbols (extract/data/measure_units.toml) -----------------------------------
def test_per_mille_and_a_list_items_number() -> None:
    # 151、湖北省林业发展“十四五”规划, (二)具体目标
    text = "6.林业产业总产值达到5500亿元;\n7.森林火灾受害率控制在0.9‰以下;\n8.林业有害生物成灾率控制在15‰以下。"
    assert facts(targets(text, 2025)) == [
        ("林业产业总产值", "=", 5500, "亿元", 2025),
        ("森林火灾受害率", "<=", 0.9, "‰", 2025),
        ("林业有害生物成灾率", "<=", 15, "‰", 2025),
    ]
    assert [q.converted_value for q in scan_quantities("0.9‰", "zh")] == [0.09]  # in %


def test_a_concentration_in_symbols_wrapped_by_the_layout() -> None:
    # 454、商洛市“十四五”生态环境保护规划, 第三节 主要目标
    text = "基本消除重污染天气,中心城区PM2.5年均浓度不超过30.71μg/m\n3,优良天数比例稳定保持在91.4%以上,持续保持在"
    assert facts(targets(text, 2025))[0] == ("中心城区PM2.5年均浓度", "<=", 30.71, "μg/m3", 2025)


def test_grams_of_standard_coal_per_kwh_abbreviated() -> None:
    # 572、合肥市“十四五”电力发展规划, 4.节能减排
    text = "到2025年,全市煤电平均供电煤耗下降到295克标煤/\n千瓦时,电网线损率下降到3.02%。"
    assert facts(targets(text)) == [
        ("煤电平均供电煤耗", "=", 295, "克标煤/千瓦时", 2025), ("电网线损率", "=", 3.02, "%", 2025)]


# --- what an indicator names (extract/target_names.py) ----------------------------------------------
def test_a_level_reached_from_a_stated_start_names_its_indicator_before() -> None:
    # 572、合肥市“十四五”电力发展规划, 2.电源结构
    text = "新能源为主体的新型电力系统,可再生能源发电装机比重不\n断提升,由2020年的33.51%提升至2025年的37.55%。"
    assert facts(targets(text, 2025)) == [("可再生能源发电装机比重", "=", 37.55, "%", 2025)]


# --- the year of a plan's targets (extract/period.py) ----------------------------------------------
def test_a_goal_paragraph_before_the_vision_is_due_at_the_period_end() -> None:
    # 454、商洛市“十四五”生态环境保护规划, 第三节 主要目标: the paragraphs after 到2025年's, then 展望2035年
    text = ("到2025年,全市生态环境质量持续改善。水环境质量稳步提升,考核断面水质达标率100%。\n"
            "土壤安全利用水平持续提升,受污染耕地安全利用率达到93%以上,污染地块安全利用率达到95%以上。\n"
            "展望2035年,全市碳排放达峰后稳中有降,生态环境质量根本好转,绿色生产生活方式广泛形成。")
    assert [(t.indicator, t.year) for t in targets(text, 2025)] == [
        ("考核断面水质达标率", 2025), ("受污染耕地安全利用率", 2025), ("污染地块安全利用率", 2025)]
    # a vision's year governs its paragraph as 到2035年 does (extract/deadlines.py)
    text = "展望2035年,美丽商洛建设目标基本实现。受污染耕地安全利用率达到93%以上。"
    assert [(t.indicator, t.year) for t in targets(text, 2025)] == [("受污染耕地安全利用率", 2035)]
    # a target after a year the plan does not end in stays without one
    text = ("加快煤炭减量步伐,“十四五”时期严格合理控制煤炭消费增长,“十五五”时期逐步减少。"
            "严控跨区外送可再生能源电力配套煤电规模,新建通道可再生能源电量比例原则上不低于50%。")
    assert [(t.indicator, t.year) for t in targets(text, 2025)] == [("新建通道可再生能源电量比例", None)]


def test_a_stretch_target_keeps_the_base_year_of_the_target_it_raises() -> None:
    # 485、安徽省“十四五”节能减排实施方案, 二、主要目标
    text = "到2025年,全省单位生产总值能耗比2020年下降14%,力争下降14.5%。"
    assert [(t.indicator, t.change, t.base_year, t.value) for t in targets(text)] == [
        ("单位生产总值能耗", "decrease", 2020, 14), ("单位生产总值能耗", "decrease", 2020, 14.5)]

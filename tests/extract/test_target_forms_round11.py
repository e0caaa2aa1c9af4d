"""Target forms of the eleventh round of the tuning key (562, 521, 146 and 116, read whole). Every sentence is copied
from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 562、四川省“十四五”可再生能源发展规划: its goal section and its table 表1, whose name column is headed 项目
GOALS_562 = (
    "2025年,可再生能源高质量发展取得新进展。“十四五”新增水电装机约2400万千瓦,风电约600万千瓦,光伏发电约1000万千瓦,"
    "生物质发电约74万千瓦;至2025年底,水电装机约10500万千瓦,风电约1000万千瓦,光伏发电约1200万千瓦,生物质发电约175万千瓦,"
    "地热能发电3万千瓦。"
)
TABLE_562 = """表1四川省“十四五”可再生能源发展目标
项目:合计;单位:万千瓦;2020年:8800;2025年:12946;新增或累计增长:4146
项目:水电;单位:万千瓦;2020年:8082;2025年:10555;新增或累计增长:2473;属性:预期性
项目:风电;单位:万千瓦;2020年:426;2025年:1003;新增或累计增长:577;属性:预期性
项目:光伏发电;单位:万千瓦;2020年:191;2025年:1210;新增或累计增长:1019;属性:预期性
项目:地热发电;单位:万千瓦;2025年:3;新增或累计增长:3;属性:预期性"""


# --- a kind of power named alone after a capacity of another kind ----------------------------------------------
def test_a_kind_named_alone_in_a_list_of_capacities_is_measured_as_the_first() -> None:
    got = facts(targets(GOALS_562, 2025))  # 约 N: about N (the key's "=")
    assert ("新增水电装机", "~", 2400, "万千瓦", 2025) in got
    assert ("新增风电装机", "~", 600, "万千瓦", 2025) in got
    assert ("新增光伏发电装机", "~", 1000, "万千瓦", 2025) in got
    assert ("新增生物质发电装机", "~", 74, "万千瓦", 2025) in got
    assert ("水电装机", "~", 10500, "万千瓦", 2025) in got
    assert ("风电装机", "~", 1000, "万千瓦", 2025) in got
    assert ("光伏发电装机", "~", 1200, "万千瓦", 2025) in got
    assert ("地热能发电装机", "=", 3, "万千瓦", 2025) in got


def test_a_kind_alone_with_no_capacity_before_it_stays_as_printed() -> None:
    # no capacity of another kind before it in its sentence: nothing to measure it as
    got = facts(targets("到2025年,风电约1000万千瓦。", 2025))
    assert [f[0] for f in got] == ["风电"]


# --- a table whose name column is headed 项目 -------------------------------------------------------------------
def test_a_row_of_items_in_units_of_power_is_that_kinds_capacity() -> None:
    got = facts(targets(TABLE_562, 2025))
    assert ("水电装机", "=", 10555, "万千瓦", 2025) in got
    assert ("风电装机", "=", 1003, "万千瓦", 2025) in got
    assert ("光伏发电装机", "=", 1210, "万千瓦", 2025) in got
    assert ("地热发电装机", "=", 3, "万千瓦", 2025) in got
    # the total row is the total of what the table's title names
    assert ("可再生能源装机合计", "=", 12946, "万千瓦", 2025) in got
    # the status column and the increment column give no target
    assert not any(v in (8082, 2473, 4146) for _, _, v, _, _ in got)


def test_a_row_of_an_indicator_column_is_named_as_printed() -> None:
    # "指标名称:风电" names an indicator: the row keeps its name (the rounds 1–3 key reads it so)
    got = facts(targets("指标名称:风电;单位:万千瓦;2025年:200", 2025))
    assert ("风电", "=", 200, "万千瓦", 2025) in got


def test_an_amount_completed_from_the_one_before_is_counted_over_its_period() -> None:
    # the later items of "“十四五”新增…" are added over the plan's period too
    got = [(t.indicator, t.value, t.year, t.start_year) for t in targets(GOALS_562, 2025)]
    assert ("新增水电装机", 2400, 2025, 2021) in got
    assert ("新增风电装机", 600, 2025, 2021) in got
    assert ("新增生物质发电装机", 74, 2025, 2021) in got
    # the levels of the same sentence are no amounts
    assert ("水电装机", 10500, 2025, None) in got


# --- 146、天津市生态环境保护“十四五”规划 ------------------------------------------------------------------------
def test_a_level_kept_after_the_clause_raising_the_measure() -> None:
    sentence = "钢铁、电力、焦化等重点企业,充分利用已有铁路专运线能力,持续提高大宗物料铁路运输比例,确保稳定在50%以上。"
    # the firms the sentence opens with keep it, as the key names it (tests/extract/test_target_forms_misses.py)
    assert facts(targets(sentence, 2025)) == [("钢铁、电力、焦化等重点企业大宗物料铁路运输比例", ">=", 50, "%", 2025)]


def test_a_clause_naming_no_measure_before_a_kept_level_lends_none() -> None:
    got = facts(targets("完善垃圾收运体系,保持在95%以上。", 2025))
    assert [f[0] for f in got] != ["垃圾收运体系"]


def test_a_rate_per_period_and_per_area() -> None:
    sentence = "到2025年,各区年均降尘量力争控制在6吨/月·平方公里以下。"
    assert facts(targets(sentence, 2025)) == [("各区年均降尘量", "<=", 6, "吨/月·平方公里", 2025)]


# --- 521、齐齐哈尔市绿色建筑创建行动实施方案 ----------------------------------------------------------------------
def test_a_part_of_the_city_after_its_name_takes_the_share_before() -> None:
    sentence = "到2022年,当年城镇新建建筑中绿色建筑设计面积占比力争达到70%以上,其中齐齐哈尔市中心城区力争达到90%以上。"
    got = facts(targets(sentence, 2025))
    assert ("当年城镇新建建筑中绿色建筑设计面积占比", ">=", 70, "%", 2022) in got
    assert ("中心城区当年城镇新建建筑中绿色建筑设计面积占比", ">=", 90, "%", 2022) in got


# --- 113、武汉市推动降碳及发展低碳产业工作方案 --------------------------------------------------------------------
def test_a_quota_set_for_each_district_names_what_it_counts() -> None:
    sentence = ("到2025年,各区分别建成1个近零碳试点园区、3个近零碳试点机关、5个近零碳试点社区、5家近零碳试点学校以及10家"
                "近零碳试点企业。")
    assert facts(targets(sentence, 2025)) == [
        ("近零碳试点园区", "=", 1, "个", 2025), ("近零碳试点机关", "=", 3, "个", 2025), ("近零碳试点社区", "=", 5, "个", 2025),
        ("近零碳试点学校", "=", 5, "家", 2025), ("近零碳试点企业", "=", 10, "家", 2025)]


def test_a_ratio_of_two_things_takes_a_value_without_a_unit() -> None:
    assert facts(targets("到2025年,铁钢比下降至0.75以下。", 2025)) == [("铁钢比", "<=", 0.75, None, 2025)]
    # a change on the year before is no ratio
    assert facts(targets("产量同比增长5%。", 2025)) == []


# --- 455、泰州市“十四五”生态环境保护规划 ---------------------------------------------------------------------------
def test_a_counted_noun_may_open_with_a_pollutants_name() -> None:
    sentence = "到2025年,新增48个水质自动站,120个PM2.5网格化自动监测设备。"
    got = facts(targets(sentence, 2025))
    assert ("水质自动站", "=", 48, "个", 2025) in got
    assert ("PM2.5网格化自动监测设备", "=", 120, "个", 2025) in got


def test_a_scale_named_by_its_head_takes_the_works_the_clause_before_opens() -> None:
    got = facts(targets("积极开展整县(市、区)屋顶分布式光伏开发试点,新建规模37.5万千瓦,重点推进成都市金堂县。", 2025))
    assert ("整县(市、区)屋顶分布式光伏开发试点新建规模", "=", 37.5, "万千瓦", 2025) in got
    got = facts(targets("积极开展川西高温地热资源丰富地区分布式地热电站试点,“十四五”期间新建规模3万千瓦。", 2025))
    assert ("川西高温地热资源丰富地区分布式地热电站试点新建规模", "=", 3, "万千瓦", 2025) in got
    # a clause naming no works before the scale lends nothing
    got = facts(targets("加强组织领导,新建规模3万千瓦。", 2025))
    assert not any(f[0].startswith("组织领导") for f in got)


def test_places_listed_before_values_given_each_are_paired_in_order() -> None:
    sentence = ("重点推进“三州一市”光伏发电基地建设,“十四五”期间新增投产装机约1000万千瓦,建成阿坝州、甘孜州、凉山州、攀枝花市"
                "光伏发电项目各约220万千瓦、440万千瓦、220万千瓦、100万千瓦,其他地区光伏发电项目45万千瓦。")
    got = facts(targets(sentence, 2025))
    assert ("阿坝州光伏发电项目", "~", 220, "万千瓦", 2025) in got
    assert ("甘孜州光伏发电项目", "~", 440, "万千瓦", 2025) in got
    assert ("凉山州光伏发电项目", "~", 220, "万千瓦", 2025) in got
    assert ("攀枝花市光伏发电项目", "~", 100, "万千瓦", 2025) in got
    assert ("其他地区光伏发电项目", "=", 45, "万千瓦", 2025) in got


def test_a_capacity_named_by_its_head_takes_the_base_its_sentence_or_the_one_before_pushes() -> None:
    sentence = ("加快推进凉山州风电基地建设,建成投产西昌牦牛山、盐源大坝等风电项目,“十四五”期间新增投产装机约510万千瓦。"
                "鼓励攀枝花、泸州等具备资源开发条件的盆周山区和川西地区有序开发建设风电,建成投产广元剑阁、昭化白果等风电项目,"
                "“十四五”期间新增投产装机约90万千瓦。")
    got = facts(targets(sentence, 2025))
    assert ("凉山州风电基地新增投产装机", "~", 510, "万千瓦", 2025) in got
    # a sentence naming works of its own before its capacity does not borrow the base of the one before
    assert ("新增投产装机", "~", 90, "万千瓦", 2025) in got
    item = ("(一)重点推进“三江”水电基地建设\n重点推进金沙江、雅砻江、大渡河“三江”水电基地建设。“十四五”期间新增投产装机约"
            "2200万千瓦,核准建设规模约1200万千瓦。")
    got = facts(targets(item, 2025))
    assert ("“三江”水电基地新增投产装机", "~", 2200, "万千瓦", 2025) in got

"""Target forms of the tenth round of the tuning key (565, 355, 107, 473 and 319, read whole) and of the earlier
rounds' misses they also explain. Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.numbers import scan_quantities
from policykg.extract.target_tables import header_before, table_targets
from tests.extract.target_facts import facts, targets

# 473、宁德市“十四五”生态环境保护规划: its list of twenty indicators, printed with ≥ / ≤ / < and circled numbers
INDICATORS_473 = """(2)环境质量指标
④小流域水质好于Ⅲ类比例≥89.1%;
⑤地表水达到或好于III类水体比例完成省下达目标;
⑥地表水质量劣Ⅴ类水体比例(%)为0;
⑨城市空气质量优良天数比例≥98%;
⑩城市细颗粒物(PM2.5)浓度≤22μg/m
3;
○11 绿盈乡村比例≥80%
(3)污染防治指标
○13农村生活污水治理率完成省下达目标;
(4)环境风险管控指标
○14放射源辐射事故年发生率(起/每万枚)<1.0
○15受污染耕地安全利用率达到省下达目标;
(5)生态安全指标
○17森林覆盖率≥65.71%;"""


# --- an indicator list's symbols, markers and units -------------------------------------------------------------
def test_a_symbol_between_a_name_and_its_value_is_its_comparator() -> None:
    got = facts(targets(INDICATORS_473, 2025))
    assert ("小流域水质好于Ⅲ类比例", ">=", 89.1, "%", 2025) in got
    assert ("城市空气质量优良天数比例", ">=", 98, "%", 2025) in got
    assert ("城市细颗粒物(PM2.5)浓度", "<=", 22, "μg/m3", 2025) in got


def test_a_circled_number_past_twenty_is_an_items_marker() -> None:
    # "○11", "○17": the text layer's ⑪ and ⑰; the item is a line of its own and its number names nothing
    got = facts(targets(INDICATORS_473, 2025))
    assert ("绿盈乡村比例", ">=", 80, "%", 2025) in got
    assert ("森林覆盖率", ">=", 65.71, "%", 2025) in got


def test_a_bare_value_takes_the_unit_its_name_gives_in_brackets() -> None:
    got = facts(targets(INDICATORS_473, 2025))
    assert ("地表水质量劣Ⅴ类水体比例", "=", 0, "%", 2025) in got
    assert ("放射源辐射事故年发生率", "<", 1.0, "起/每万枚", 2025) in got
    assert len(got) == 7  # ④⑥⑨⑩⑪⑭⑰; the word targets (完成省下达目标) give none; "(PM2.5)" is no unit


def test_a_symbol_bounding_a_class_or_in_a_line_of_figures_is_no_comparator() -> None:
    # 26、关于发布高耗能行业重点领域节能降碳改造升级实施指南（2022年版）的通知: the bracket bounds a class of furnaces
    text = ("根据《高耗能行业重点领域能效标杆水平和基准水平(2021年版)》,电弧炉冶炼(30吨<公称容量<50吨)能效标杆水平为67千克标准煤/吨、"
            "基准水平为86千克标准煤/吨。")
    assert [(t.comparator, t.value) for t in targets(text)] == [("=", 67), ("=", 86)]
    # 407、福建省2020年度用能权指标分配方案: a coefficient table's line, its classes bounded one after the other
    text = "合成氨单位产品能耗>1550;≤1700千克标准煤/吨0.94\n合成氨单位产品能耗>1700千克标准煤/吨0.60"
    assert targets(text, 2020) == []


def test_a_table_lines_number_before_a_space_is_no_part_of_the_name() -> None:
    # 338、山东省“十四五”绿色建筑与建筑节能发展规划: its indicator table as text lines
    text = "性\n2 新增绿色建筑面积(亿平方米) ≥5 约束\n性"
    assert facts(targets(text, 2025)) == [("新增绿色建筑面积", ">=", 5, "亿平方米", 2025)]


# --- tables --------------------------------------------------------------------------------------------------
# 565、广西可再生能源发展“十四五”规划: 专栏2, its header keyed by pieces of the box's title, the 2025 column keyed by none
HEADER_565 = "序号;专栏2广西“十四五”可:类别;再生能源发展:单位;预期性目标:2020年;2025年"
ROWS_565 = """(三);专栏2广西“十四五”可:可再生能源发电装机;再生能源发展:万千瓦;预期性目标:2824;6100
其中:1;专栏2广西“十四五”可:水电;再生能源发展:万千瓦;预期性目标:1759;1866
2;专栏2广西“十四五”可:陆上风电;再生能源发展:万千瓦;预期性目标:653;2150
(五);专栏2广西“十四五”可:集中式新型储能规模;再生能源发展:万千瓦/万千瓦时;预期性目标:0;200/400
专栏2广西“十四五”可:生物液体燃料(燃料乙醇);再生能源发展:万吨;预期性目标:6.6;7.5
四;专栏2广西“十四五”可:新能源先进装备制造业产值;再生能源发展:亿元;预期性目标:——;500"""


def _rows(hits: list) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [(h.indicator, h.comparator, h.value, h.measure_unit, h.year) for h in hits]


def test_a_header_keyed_by_title_pieces_names_its_unkeyed_year_columns_in_order() -> None:
    got = _rows(table_targets(HEADER_565 + "\n" + ROWS_565))
    assert got[:3] == [("可再生能源发电装机", "=", 6100, "万千瓦", 2025), ("水电", "=", 1866, "万千瓦", 2025),
                       ("陆上风电", "=", 2150, "万千瓦", 2025)]  # 类别 names the rows; a row's number names nothing
    assert ("生物液体燃料(燃料乙醇)", "=", 7.5, "万吨", 2025) in got
    assert ("新能源先进装备制造业产值", "=", 500, "亿元", 2025) in got  # "四" is the row's number


def test_a_rows_number_glued_to_its_name() -> None:
    # 332、“十四五”可再生能源发展规划: 专栏1, rows numbered 1.1, 1.2 … and 2, 3 before their names
    text = ("专栏12025:类别;年可再生能:单位;源开发利用主:2020年;要目标:2025年;属性\n"
            "专栏12025:1.1可再生能源电力总量消纳责任权重;年可再生能:%;源开发利用主:28.8;要目标:33;预期性\n"
            "专栏12025:2可再生能源非电利用;年可再生能:万吨;源开发利用主:—;要目标:6000;预期性")
    assert _rows(table_targets(text)) == [("可再生能源电力总量消纳责任权重", "=", 33, "%", 2025),
                                          ("可再生能源非电利用", "=", 6000, "万吨", 2025)]


def test_a_cell_of_two_values_under_a_unit_of_two() -> None:
    got = _rows(table_targets(HEADER_565 + "\n" + ROWS_565))
    assert ("集中式新型储能规模", "=", 200, "万千瓦", 2025) in got
    assert ("集中式新型储能规模", "=", 400, "万千瓦时", 2025) in got


def test_rows_a_clause_of_their_own_opens_with_take_the_header_before_them() -> None:
    # ingest opens a clause at "(三);…": the header stays in the clause before, and is read from there
    text = "“十五五”期间全区力争新增可再生能源装机不低于3000万千瓦。\n" + HEADER_565 + "\n"
    assert header_before(text + ROWS_565, len(text)) == HEADER_565
    assert _rows(table_targets(ROWS_565, header_before(text + ROWS_565, len(text))))[0] == (
        "可再生能源发电装机", "=", 6100, "万千瓦", 2025)
    assert table_targets(ROWS_565) == []  # without it the columns are unknown
    assert header_before("到2025年,森林覆盖率达到60%。\n", 18) is None


# --- a storage's power and energy ----------------------------------------------------------------------------
def test_a_power_and_the_energy_after_it_are_two_targets() -> None:
    text = "储能目标。至2025年,建设一批抽水蓄能电站和新型储能项目,集中式新型储能并网装机规模达到200万千瓦/400万千瓦时。"
    assert facts(targets(text)) == [("集中式新型储能并网装机规模", "=", 200, "万千瓦", 2025),
                                    ("集中式新型储能并网装机规模", "=", 400, "万千瓦时", 2025)]
    # 572、合肥市“十四五”…: energy in symbols is energy, not power
    assert [q.dimension for q in scan_quantities("阳光三星年产5GWh储能电池包生产线扩建项目。", "zh")] == ["energy"]


# --- amounts over a period ------------------------------------------------------------------------------------
def test_works_started_over_a_period_count_from_its_first_year() -> None:
    # 565: 开工 adds works as 新增 does; "其中…" is a part of that amount, over the same years
    text = "“十四五”期间,力争核准开工海上风电装机规模不低于750万千瓦,其中并网装机规模不低于300万千瓦。"
    got = targets(text, 2025)
    assert facts(got) == [("核准开工海上风电装机规模", ">=", 750, "万千瓦", 2025), ("并网装机规模", ">=", 300, "万千瓦", 2025)]
    assert [t.start_year for t in got] == [2021, 2021]


def test_a_restated_amount_keeps_its_period() -> None:
    # 565: "力争达到200万千瓦" names no quantity of its own: the addition before it, stretched
    got = targets("“十四五”期间,新增水电并网装机规模110万千瓦以上,力争达到200万千瓦。", 2025)
    assert facts(got) == [("新增水电并网装机规模", ">=", 110, "万千瓦", 2025), ("新增水电并网装机规模", "=", 200, "万千瓦", 2025)]
    assert [t.start_year for t in got] == [2021, 2021]


def test_a_count_of_things_done_under_a_period_its_sentence_opens_with() -> None:
    # 221、重庆市环境应急管理“十四五”规划: the period is named in the clause before the count
    text = ("“十四五”期间,开展市级综合环境应急演练5次,各区县每年至少开展1次以“企业主体、政府主导、部门联动、专家支撑、"
            "社会救援”为主题的环境应急综合演练。")
    got = targets(text, 2025)
    assert (got[0].indicator, got[0].value, got[0].measure_unit, got[0].start_year) == ("开展市级综合环境应急演练", 5, "次", 2021)
    assert got[1].start_year is None  # 每年: a yearly quota, not an amount over the period
    # 68、内蒙古自治区“十四五”应对气候变化规划
    text = "继续推进煤矿瓦斯先抽后采、抽采达标工作,“十四五”期间,建设煤矿瓦斯治理示范井5处,实现年利用量0.24亿立方米。"
    assert [(t.indicator, t.start_year) for t in targets(text, 2025)][0] == ("煤矿瓦斯治理示范井", 2021)


# --- works an amount sizes, the action after them -----------------------------------------------------------------
def test_works_sized_before_the_action_done_on_them() -> None:
    # 565: a count beside its total, both of the works started
    text = ("支持多元化社会资本投资抽水蓄能电站建设。“十四五”期间,加快推进7座共计840万千瓦抽水蓄能电站开工建设,力争实现南宁"
            "抽水蓄能电站首台机组投产。")
    got = targets(text, 2025)
    assert facts(got) == [("抽水蓄能电站开工建设", "=", 7, "座", 2025), ("抽水蓄能电站开工建设", "=", 840, "万千瓦", 2025)]
    assert [t.start_year for t in got] == [2021, 2021]
    # 574、内蒙古自治区“十四五”电力发展规划: 对 the works, the action after them
    text = "“十四五”期间,力争对3000万千瓦左右煤电机组开展灵活性改造。"
    assert facts(targets(text, 2025)) == [("煤电机组灵活性改造", "~", 3000, "万千瓦", 2025)]


# --- counts and units -------------------------------------------------------------------------------------------
def test_a_count_of_places_reaching_a_state() -> None:
    # 446、莆田市“十四五”生态环境保护规划: read as a share of a population is (round 2's convention)
    text = "力争到2025年,4个以上的县(区、管委会)全面完成治理,全市农村生活污水治理率达到75%以上,全面消除农村黑臭水体。"
    assert facts(targets(text))[0] == ("县(区、管委会)全面完成治理", ">=", 4, "个", 2025)


def test_sludge_counted_dry() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划
    assert facts(targets("推进嘉定污泥独立焚烧处置设施建设,新增污泥处理规模140吨干物质/日。", 2023)) == [
        ("新增污泥处理规模", "=", 140, "吨干物质/日", 2023)]
    # 65、上海市生态环境保护“十四五”规划 (a review of the plan before: the unit is read, the figure no target)
    assert [q.measure_unit for q in scan_quantities("污泥设施规模突破1000吨干基/日。", "zh")] == ["吨干基/日"]

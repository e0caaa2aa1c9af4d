"""Target forms read in the documents of the tuning key's second round (tests/keys/targets_tune.toml,
`round = 2`) and in the misses left on its first part. Every sentence and row is copied from the normalised
text of a `tune` document (tests/keys/split.toml).
"""

from __future__ import annotations

from policykg.extract.numbers import scan_quantities
from policykg.extract.target_tables import table_targets
from tests.extract.target_facts import facts, targets


# --- what an indicator names (extract/target_names.py) ----------------------------------------------
def test_examples_closed_by_a_count_of_kinds_measure_their_category() -> None:
    # 2、2030年前碳达峰行动方案
    text = ("到2025年,废钢铁、废铜、废铝、废铅、废锌、废纸、废塑料、废橡胶、废玻璃等9种主要再生资源循环利用量达到"
            "4.5亿吨,到2030年达到5.1亿吨。")
    assert facts(targets(text)) == [
        ("9种主要再生资源循环利用量", "=", 4.5, "亿吨", 2025), ("9种主要再生资源循环利用量", "=", 5.1, "亿吨", 2030)]
    # 500、青岛市温室气体减排和大气污染治理协同控制三年行动计划: without a count the examples stay
    text = "到2023年,…新增及更新公交车全部采用新能源汽车;港口电能、氢能、LNG等清洁能源机械设备达到25%。"
    assert [t.indicator for t in targets(text)] == ["港口电能、氢能、LNG等清洁能源机械设备"]


def test_a_demonstrative_refers_to_the_target_just_stated() -> None:
    # 518、佛山市绿色建筑创建行动实施方案（2022―2025）
    text = ("星级绿色建筑面积持续增加,到2023年,全市按一星级及以上标准建设的绿色建筑占新建民用建筑比例达到35%;"
            "到2025年,该比例达到45%。")
    assert facts(targets(text)) == [
        ("按一星级及以上标准建设的绿色建筑占新建民用建筑比例", "=", 35, "%", 2023),
        ("按一星级及以上标准建设的绿色建筑占新建民用建筑比例", "=", 45, "%", 2025),
    ]


def test_a_share_right_after_a_target_is_a_share_of_what_it_measures() -> None:
    # 566、天津市可再生能源发展“十四五”规划
    text = "到2025年,全市投产可再生能源电力装机超过800万千瓦,占电力总装机的比重达到30%左右,力争开发建设规模达到1000万千瓦;"
    assert ("可再生能源电力装机占电力总装机的比重", "~", 30, "%", 2025) in facts(targets(text))
    text = "可再生能源消费量折合标煤超过1000万吨,占能源消费总量的比重超过11%,力争提高4个百分点以上"
    assert [t.indicator for t in targets(text)][1:] == ["可再生能源消费量占能源消费总量的比重"] * 2


# --- words and forms ----------------------------------------------------------------------------------
def test_a_coefficient_raised_to_a_level() -> None:
    # 559、江苏省“十四五”土壤、地下水和农村生态环境保护规划; 469、呼和浩特市“十四五”生态环境保护规划
    assert facts(targets("到2025年,全省农田灌溉水有效利用系数提高到0.625。")) == [
        ("农田灌溉水有效利用系数", "=", 0.625, None, 2025)]
    assert facts(targets("到2025年,减少化肥农药使用量,提高化肥农药利用率,农业灌溉水有效利用系数提高到0.65")) == [
        ("农业灌溉水有效利用系数", "=", 0.65, None, 2025)]


def test_an_enumeration_of_targets_goes_on_after_a_semicolon() -> None:
    # 112、南京江北新区碳达峰、碳中和行动计划（试行）
    text = ("争取到2025年,集聚集成电路各类企业超1000家,产业收入超过3000亿元;生命健康产业集聚相关企业超2000家,"
            "收入突破5000亿元;金融业占新区地区生产总值比重增长至15%")
    assert ("生命健康产业集聚相关企业", ">", 2000, "家", 2025) in facts(targets(text))


def test_a_task_clause_of_a_plan_is_a_target_context() -> None:
    # 386、云南省加快建立健全绿色低碳循环发展经济体系行动计划 (a clause that names no year; the plan's end 2025)
    text = "推广农业节水灌溉,加强田间灌溉设施建设,农田灌溉水有效利用系数达到0.52,新增高效节水灌溉面积440万亩;持续做好长江"
    assert ("新增高效节水灌溉面积", "=", 440, "万亩", 2025) in facts(targets(text, period_end=2025))
    assert 440 not in [t.value for t in targets(text)]  # outside a plan, a phrase and a value are no target


def test_an_amount_of_works_before_what_it_measures() -> None:
    # 500、青岛市温室气体减排和大气污染治理协同控制三年行动计划（2021-2023年）
    text = "到2023年,实施公共建筑节能改造200万平方米,改造后建筑能效提升20%以上,每年推动200万平方米以上的既有居住建筑节能改造。"
    assert ("既有居住建筑节能改造", ">=", 200, "万平方米", 2023) in facts(targets(text))
    # 524、邯郸市绿色建筑创建行动实施方案
    text = ("2021年,全市新开工建设被动式超低能耗建筑12万平方米,其中各县(市、区)分别新开工建设0.5万平方米以上被动式"
            "超低能耗建筑示范项目。")
    assert ("被动式超低能耗建筑示范项目", ">=", 0.5, "万平方米", 2021) in facts(targets(text))


def test_where_works_are_done_is_no_part_of_the_indicator() -> None:
    # 446、莆田市“十四五”生态环境保护规划
    assert facts(targets("扩大红树林湿地面积,到2025年,规划在沿海滩涂湿地新植红树林25公顷。")) == [
        ("新植红树林", "=", 25, "公顷", 2025)]


def test_a_modifier_listed_before_a_noun_is_no_indicator_of_its_own() -> None:
    # 500: 超低能耗 qualifies 建筑 like 近零能耗 does
    text = "到2023年,新建建筑中星级以上绿色建筑占比超过40%,超低能耗和近零能耗建筑推广面积达250万平方米。"
    assert facts(targets(text))[1:] == [("超低能耗和近零能耗建筑推广面积", "=", 250, "万平方米", 2023)]


def test_a_range_of_years_paired_with_values() -> None:
    # 518: one value per year of the range, in order
    text = ("全面落实城镇新建民用建筑按照绿色建筑标准进行建设要求,2022至2025年我市城镇新建民用建筑中绿色建筑占比分别"
            "达到80%、90%、95%、100%;")
    assert [(t.value, t.year) for t in targets(text)] == [(80, 2022), (90, 2023), (95, 2024), (100, 2025)]


def test_a_consumption_per_kilowatt_hour_is_a_unit() -> None:
    # 191、山东省能源科技创新“十四五”规划
    text = "到2025年,电网综合线损率下降到3.5%,煤电机组平均供电煤耗下降到300克/千瓦时。"
    assert ("煤电机组平均供电煤耗", "=", 300, "克/千瓦时", 2025) in facts(targets(text))
    assert [q.converted_unit for q in scan_quantities("300克标准煤/千瓦时", "zh")] == ["gce/kWh"]


# --- indicator tables ---------------------------------------------------------------------------------
def test_a_table_cell_that_words_its_value() -> None:
    # 430、内蒙古自治区“十四五”土壤、地下水和农村牧区生态环境保护规划; 559 (江苏)
    rows = ("类型:土壤生态环境;指标名称:重点建设用地安全利用①;2020年:—;2025年:有效保障(≥95%);指标属性:约束性\n"
            "指标类别:农业农村生;序号:7;指标名称:农村环境整治村庄数量;2020年(现状值):7876个;2025年:新增2000个\n"
            "序号:9;指标名称:农村黑臭水体整治率;2020年(现状值):—;2025年:列入全国农村黑臭水体采集与监管平台的黑臭水体"
            "整治率达100%")
    assert facts(table_targets(rows)) == [
        ("重点建设用地安全利用", ">=", 95, "%", 2025),
        ("农村环境整治村庄数量", "=", 2000, "个", 2025),
        ("农村黑臭水体整治率", "=", 100, "%", 2025),
    ]
    # a cell that states no value still gives none
    assert table_targets("类型:生态环境;指标名称:“双源”点位水质;2020年:—;2025年:总体保持稳定;指标属性:预期性") == []


def test_putting_into_operation_is_an_action_a_count_closes() -> None:
    # 185、《成都市能源结构调整十条政策措施》《成都市能源结构调整行动方案（2021-2025年）》 (the plan's end 2025)
    text = "提高建筑能源利用效率。2025年,全市投运分布式综合能源服务项目10个以上。(牵头单位:市经信局;责任单位:市发改委"
    assert facts(targets(text, period_end=2025)) == [("投运分布式综合能源服务项目", ">=", 10, "个", 2025)]


def test_counts_and_capacities_of_works_before_what_they_measure() -> None:
    # 202、上海市公共机构绿色低碳循环发展行动方案
    text = "到2023年,推进60个以上的合同能源管理和合同节水管理项目,推进90个以上既有建筑的绿色化改造项目"
    assert facts(targets(text)) == [("合同能源管理和合同节水管理项目", ">=", 60, "个", 2023),
                                    ("既有建筑的绿色化改造项目", ">=", 90, "个", 2023)]
    # 5、“十四五”节能减排综合工作方案: a mass worked on, the works named at the end
    text = "推进钢铁、水泥、焦化行业及燃煤锅炉超低排放改造,到2025年,完成5.3亿吨钢铁产能超低排放改造,大气污染防治重点区域"
    assert ("钢铁产能超低排放改造", "=", 5.3, "亿吨", 2025) in facts(targets(text))
    # 388、黑龙江省“十四五”生态环境保护规划: a share of the works
    assert facts(targets("到2025年,全省完成10%历史遗留矿山生态修复任务")) == [
        ("历史遗留矿山生态修复任务", "=", 10, "%", 2025)]


def test_a_bracket_opening_an_indicator_is_no_part_of_it() -> None:
    # 124、碳达峰碳中和林草碳汇（包头）试验区实施方案: "(其中" opens the parts of a total
    text = ("到2025年,全市森林覆盖率达到19.3%,林草碳汇项目总规模达到1340万亩(其中森林碳汇项目330万亩、草原碳汇项目"
            "1000万亩、湿地碳汇项目10万亩)")
    assert ("森林碳汇项目", "=", 330, "万亩", 2025) in facts(targets(text))
    # 388、黑龙江省“十四五”生态环境保护规划: a place's note in brackets
    text = ("到2025年,城镇绿色建筑占新建民用建筑比例达到70%以上,哈尔滨市(含哈尔滨新区)城镇绿色建筑占新建民用建筑比例"
            "达到90%以上")
    assert [t.indicator for t in targets(text)] == ["城镇绿色建筑占新建民用建筑比例"] * 2


def test_a_count_of_places_before_an_indicator_is_no_target() -> None:
    # 68、内蒙古自治区“十四五”应对气候变化规划: 12个 counts where the share after it holds
    text = "到2025年,全区12个盟市主城区公共交通出行分担率达20%,城市主城区交通绿色出行分担率达65%"
    assert facts(targets(text)) == [("12个盟市主城区公共交通出行分担率", "=", 20, "%", 2025),
                                    ("城市主城区交通绿色出行分担率", "=", 65, "%", 2025)]


def test_a_value_kept_from_decreasing() -> None:
    # 427、广元市“十四五”生态环境保护规划
    text = "到2025年,全市森林覆盖率达58%,湿地保有量4.04万亩不减少(以最终国土三调公布数据为准)"
    assert facts(targets(text)) == [("森林覆盖率", "=", 58, "%", 2025), ("湿地保有量", ">=", 4.04, "万亩", 2025)]


def test_changes_in_brackets_after_a_list_take_its_indicators_in_order() -> None:
    # 467、盐城市“十四五”生态环境保护规划 (a review of the past plan): an unclosed bracket opens no indicator
    text = ("水环境方面,2020年,全市地表水环境状况总体为优,国考断面、省考及以上断面达到或优于Ⅲ类水质的比例分别为100%、97.1%"
            "(较2016年分别上升22.2%、23.6%),迈入全省第一方阵")
    hits = targets(text)
    assert [(t.value, t.change, t.base_year) for t in hits[2:]] == [(22.2, "increase", 2016), (23.6, "increase", 2016)]
    assert [t.indicator for t in hits[2:]] == [t.indicator for t in hits[:2]]
    assert not any(t.indicator.startswith("(") for t in hits)

"""Target forms found by reading the `tune` documents that the tuning key does not cover: indicator tables
whose values carry their unit, sentences that name a share of a population, enumerations that go on after a
comma. Every sentence and row is copied from the normalised text of a `tune` document (tests/keys/split.toml).
"""

from __future__ import annotations

from policykg.extract.deadlines import extract_deadlines
from policykg.extract.target_tables import table_targets
from tests.extract.target_facts import facts, targets


# --- indicator tables --------------------------------------------------------------------------------
def test_a_table_value_written_with_its_unit() -> None:
    # 430、内蒙古自治区“十四五”土壤、地下水和农村牧区生态环境保护规划: no 单位 column, the unit is in the cell
    rows = ("指标名称:受污染耕地安全利用率;2020年:98%;2025年:≥98%;指标属性:约束性\n"
            "类型:地下水;指标名称:地下水国控区域点位V类水比例②;2020年:—;2025年:≤28.9%;指标属性:约束性\n"
            "类型:农村牧区;指标名称:农村环境整治村庄数量;2020年:1800个;2025年:3400个;指标属性:预期性\n"
            "类型:生态环境;指标名称:农村生活污水治理率③;2020年:15%;2025年:32%;指标属性:预期性\n"
            "指标名称:主要农作物化肥使用强度;2020年:—;2025年:降低;指标属性:预期性")
    assert facts(table_targets(rows)) == [
        ("受污染耕地安全利用率", ">=", 98, "%", 2025),
        ("地下水国控区域点位V类水比例", "<=", 28.9, "%", 2025),
        ("农村环境整治村庄数量", "=", 3400, "个", 2025),
        ("农村生活污水治理率", "=", 32, "%", 2025),
    ]
    # 316、北京市“十四五”时期制造业绿色低碳发展行动方案: a value and 左右; a name ending in 降低率 is a change
    rows = ("指标:万元工业增加值能耗降低率;2025年:≥12%;指标性质:约束性\n"
            "指标:万元工业增加值碳排放降低率;2025年:20%左右;指标性质:预期性")
    assert [(t.comparator, t.value, t.measure_unit, t.year) for t in table_targets(rows)] == [
        (">=", 12, "%", 2025), ("~", 20, "%", 2025)]


def test_a_table_named_by_its_indicator_system_with_notes() -> None:
    # 146、天津市生态环境保护“十四五”规划: 指标体系 names the indicator; ①…⑦ mark notes; a name the
    # layout cut at a ";" is put back; rows of one group under the row naming it, before and after it
    rows = ("序号:1;指标体系:城市空气质量优良天数比率(%);2020年:65.3①;2025年:72.6;指标属性:约束性\n"
            "序号:10;指标体系:非化石能源占能源消费总量比例(%)⑤;2020年:7.7;2025年:≥10;指标属性:导向性\n"
            "序号:12;指标体系:单位GDP水污染物排放强度;降低(%)⑦;2020年:—;2025年:≥30;指标属性:导向性\n"
            "氮氧化物;2020年:—;2025年:2.08\n"
            "序号:13;指标体系:重点工程减排量(万吨);挥发性有机物;2020年:—;2025年:0.99;指标属性:约束性\n"
            "化学需氧量;2020年:—;2025年:1.60\n"
            "指标类别:污染治理;氨氮;2020年:—;2025年:0.04\n"
            "序号:14;指标体系:城镇污水集中处理率(%);2020年:96;2025年:≥97;指标属性:导向性\n"
            "序号:17;指标体系:受污染耕地安全利用率(%;);2020年:91;2025年:93左右;指标属性:导向性\n"
            "指标类别:风险防控;序号:18;指标体系:重点建设用地安全利用率(;%);2020年:92;2025年:100;指标属性:导向性")
    assert facts(table_targets(rows)) == [
        ("城市空气质量优良天数比率", "=", 72.6, "%", 2025),
        ("非化石能源占能源消费总量比例", ">=", 10, "%", 2025),
        ("单位GDP水污染物排放强度", "decrease", 30, "%", 2025),
        ("氮氧化物重点工程减排量", "=", 2.08, "万吨", 2025),
        ("挥发性有机物重点工程减排量", "=", 0.99, "万吨", 2025),
        ("化学需氧量重点工程减排量", "=", 1.60, "万吨", 2025),
        ("氨氮重点工程减排量", "=", 0.04, "万吨", 2025),
        ("城镇污水集中处理率", ">=", 97, "%", 2025),
        ("受污染耕地安全利用率", "~", 93, "%", 2025),
        ("重点建设用地安全利用率", "=", 100, "%", 2025),
    ]


def test_a_column_named_value_then_year_and_a_header_with_a_note() -> None:
    # 76、福建省“十四五”生态环境保护专项规划: 现状值(2020年) is the baseline, 目标值(2025年) the target
    row = ("领域:低碳;序号:3;指标名称:非化石能源占一次能源消费比例(%);现状值(2020年):23.4;目标值(2025年):26.1;"
           "指标属性:预期性")
    assert facts(table_targets(row)) == [("非化石能源占一次能源消费比例", "=", 26.1, "%", 2025)]
    # 530、广东省建筑节能与绿色建筑发展“十四五”规划: "主要指标1", "2025年2" carry a note's number
    row = "主要指标1:既有建筑节能绿色化改造面积(万平方米);2025年2:3000"
    assert facts(table_targets(row)) == [("既有建筑节能绿色化改造面积", "=", 3000, "万平方米", 2025)]


def test_a_qualifier_with_its_note_and_a_rate_without_its_unit() -> None:
    # 418、九江市“十四五”生态环境保护规划: "乡镇(含千吨万人)" qualifies as 乡镇, its note is no unit; a rate whose
    # table gives no unit is a percentage
    rows = ("县级及以上;2020年(现状):100;2025年(目标):100;五年累计目标:/;指标属性:预期性\n"
            "指标:17.集中式饮用水水源达标率(%);乡镇(含千吨万人);2020年(现状):100;2025年(目标):100;五年累计目标:/;"
            "指标属性:预期性\n"
            "指标:19.县级及以上城市生活垃圾焚烧处;理率;2020年(现状):0;2025年(目标):100;五年累计目标:/;指标属性:约束性")
    assert facts(table_targets(rows)) == [
        ("县级及以上集中式饮用水水源达标率", "=", 100, "%", 2025),
        ("乡镇集中式饮用水水源达标率", "=", 100, "%", 2025),
        ("县级及以上城市生活垃圾焚烧处理率", "=", 100, "%", 2025),
    ]


# --- a share of a population -------------------------------------------------------------------------
def test_a_share_of_a_population_that_reaches_a_state() -> None:
    # 386、云南省加快建立健全绿色低碳循环发展经济体系行动计划
    assert facts(targets("建设公共机构节约能源资源标准体系。到2025年,力争80%以上的县级及以上党政机关达到节约型机关"
                         "创建要求。")) == [("县级及以上党政机关达到节约型机关创建要求", ">=", 80, "%", 2025)]
    # 214、天津市“十四五”节能减排工作实施方案: without 的
    assert facts(targets("持续开展示范创建活动,充分发挥公共机构示范引领作用。到2025年,力争80%以上党政机关建成节约型机关。"
                         )) == [("党政机关建成节约型机关", ">=", 80, "%", 2025)]
    # 52、“十四五”公共机构节约能源资源工作规划: the deadline inside is no part of the indicator
    hits = targets("推动中央国家机关本级2021年6月底前全部建成节约型机关,力争80%以上的县级及以上机关2025年底前达到创建要求。")
    assert [(t.indicator, t.comparator, t.value, t.year) for t in hits if t.value == 80] == [
        ("县级及以上机关达到创建要求", ">=", 80, 2025)]
    # 319、宁夏回族自治区关于推动城乡建设绿色发展的实施意见: the population first, the state after the share
    hits = targets("到2025年底,全区城市建成区绿化覆盖率达到40%,绿色出行比例达到65%,城镇新建建筑100%执行绿色建筑标准,"
                   "装配式建筑占新建建筑比例达到25%。")
    assert ("城镇新建建筑执行绿色建筑标准", "=", 100, "%", 2025) in facts(hits)
    assert len(hits) == 4


def test_a_share_bounded_before_it_or_of_an_area() -> None:
    # 499、青岛市“十四五”应对气候变化规划: the bound before the share, the population after 的
    assert facts(targets("加快推动重要化工园区循环化、低碳化改造,提升能源资源综合利用效率。到2025年,炼\n油、乙烯、合成氨等"
                         "行业超过30%的产能达到能效标杆水平。")) == [
        ("炼油、乙烯、合成氨等行业产能达到能效标杆水平", ">", 30, "%", 2025)]
    # 302、国家适应气候变化战略2035: 得到 is a state reached
    assert facts(targets("到2035年,森林覆盖率达到26%,草原综合植被盖度达到60%,湿地保护率提高到60%,75%以上的可治理沙化"
                         "土地得到治理。"))[-1] == ("可治理沙化土地得到治理", ">=", 75, "%", 2035)
    # 452、宿迁市“十四五”生态环境保护规划: a share of an area
    hits = targets("到2025年底,全市各县区城市建成区60%以上面积建成“污水处理提质增效达标区”,基本实现污水管网全覆盖。")
    assert facts(hits) == [("各县区城市建成区面积建成“污水处理提质增效达标区”", ">=", 60, "%", 2025)]
    # 68、内蒙古自治区“十四五”应对气候变化规划: 的 before the area
    assert facts(targets("争取到2025年,城镇建成区35%以上的面积达到各自编制海绵城市专项规划中的目标要求。")) == [
        ("城镇建成区面积达到各自编制海绵城市专项规划中的目标要求", ">=", 35, "%", 2025)]
    # 454、商洛市“十四五”生态环境保护规划: 更换 is a state reached
    assert facts(targets("到2025年,全市公交车100%更换为新能源汽车,30%出租汽车更换为新能源车辆,")) == [
        ("公交车更换为新能源汽车", "=", 100, "%", 2025), ("出租汽车更换为新能源车辆", "=", 30, "%", 2025)]
    # 511、关于江苏省“十四五”全社会节能的实施意见: an aside in brackets is no part of the indicator, nor its figure a target
    assert facts(targets("到2025年,全省40%以上大型商场(建筑面积达到10万平方米及以上)基本满足国家绿色商场创建要求。")) == [
        ("大型商场基本满足国家绿色商场创建要求", ">=", 40, "%", 2025)]
    # 467、盐城市“十四五”生态环境保护规划: a share not yet reached is no target
    assert not targets("2020年,省考断面尚未100%达到III类水质的要求,近岸海域水质有待提升。")


# --- enumerations, counts ----------------------------------------------------------------------------
def test_an_enumeration_goes_on_after_a_comma() -> None:
    # 185、《成都市能源结构调整十条政策措施》: the clause after the year; the next phrase after a target
    assert facts(targets("到2025年,全市充(换)电站3000座、充电桩16万个以上,车桩比例达到4:1。")) == [
        ("充(换)电站", "=", 3000, "座", 2025), ("充电桩", ">=", 16, "万个", 2025)]
    assert facts(targets("到2025年,实现光伏发电装机量1GW以上,建成垃圾环保发电厂2座,浅层地温能利用项目10个。"))[-2:] == [
        ("垃圾环保发电厂", "=", 2, "座", 2025), ("浅层地温能利用项目", "=", 10, "个", 2025)]
    # 484、浙江省工业节能降碳技术改造行动计划
    assert facts(targets("力争到2024年,培育省级无废工厂200家,节水型企业2000家、标杆型节水企业300家、水效“领跑者”9家、"
                         "节水标杆园区10个;")) == [
        ("培育省级无废工厂", "=", 200, "家", 2024), ("节水型企业", "=", 2000, "家", 2024),
        ("标杆型节水企业", "=", 300, "家", 2024), ("水效“领跑者”", "=", 9, "家", 2024), ("节水标杆园区", "=", 10, "个", 2024)]


def test_counts_joined_by_and_quoted_and_reached() -> None:
    # 166、龙岩市全国林业改革发展综合试点实施方案: 7 closes its own phrase, 70 counts 森林村庄
    assert facts(targets("到2025年,全市完成国家储备林建设\n50万亩,新增省级森林乡镇7个和森林村庄70个。"))[1:] == [
        ("新增省级森林乡镇", "=", 7, "个", 2025), ("森林村庄", "=", 70, "个", 2025)]
    # 356、武汉市加快建立健全绿色低碳循环发展经济体系实施方案: a quoted name; 增至 reaches a level
    assert facts(targets("推进绿色制造体系建设,到2025年,累计创建30家“绿色工厂”。")) == [("绿色工厂", "=", 30, "家", 2025)]
    assert facts(targets("支持开展统一配送、集中配送、共同配送、夜间配送等集约运输模式,力争到2025年,5A级物流企业增至20家。")) == [
        ("5A级物流企业", "=", 20, "家", 2025)]


def test_a_plan_named_before_the_amount_it_adds() -> None:
    # 326、湖南省制造业绿色低碳转型行动方案: "“十四五”新增…" is an amount over the plan's five years; the items after the
    # first are created at the same levels (the action and level the first opens with, tuning round 7)
    hits = targets("大力推行绿色制造,实现“十四五”新增创建省级及以上绿色工厂500家以上、绿色园区50家、绿色设计产品500个、"
                   "绿色供应链管理企业50家。")
    assert [(t.indicator, t.comparator, t.value, t.measure_unit, t.start_year, t.year) for t in hits] == [
        ("新增创建省级及以上绿色工厂", ">=", 500, "家", 2021, 2025), ("新增创建省级及以上绿色园区", "=", 50, "家", 2021, 2025),
        ("新增创建省级及以上绿色设计产品", "=", 500, "个", 2021, 2025),
        ("新增创建省级及以上绿色供应链管理企业", "=", 50, "家", 2021, 2025)]
    [scope] = [(d.label, d.kind, d.start_date, d.end_date) for d in extract_deadlines("实现“十四五”新增创建省级绿色工厂500家", "zh")]
    assert scope == ("十四五", "period", "2021", "2025")
    # 382、山东省关于坚决遏制“两高”项目盲目发展…的通知: 不能突破 is at most
    assert [(t.indicator, t.comparator, t.value, t.measure_unit, t.year) for t in targets(
        "除国家政策规定调整外,全省“十四五”新增能耗总量不能突破3550万吨标煤。")] == [
        ("新增能耗总量", "<=", 3550, "万吨标煤", 2025)]


def test_a_modifier_written_once_for_a_list() -> None:
    # 247、减污降碳协同增效实施方案: the first item's modifier is every item's
    assert [t.indicator for t in targets("到2025年,三大粮食作物化肥、农药利用率均提高到43%。")] == [
        "三大粮食作物化肥利用率", "三大粮食作物农药利用率"]
    # 65、上海市生态环境保护“十四五”规划: 和 joins the items as 、 does
    assert [t.indicator for t in targets("到2025年,农田化肥和农药总施用量分别下降9%和10%。")][-1] == "农田农药总施用量"
    # 455、泰州市“十四五”生态环境保护规划: an item named whole (化学需氧量) lends no modifier
    hits = targets("到2025年,化学需氧量、氨氮、总氮、总磷排放量分别为7.6万吨、0.95万吨、1.9万吨、0.17万吨。")
    assert [t.indicator for t in hits] == ["化学需氧量排放量", "氨氮排放量", "总氮排放量", "总磷排放量"]

"""Targets as real plans state them: each rule checked on a sentence of a `tune` document of the real
corpus (tests/keys/split.toml) or of the bundled seed documents, copied from the normalised text.
"""

from __future__ import annotations

from policykg.extract.targets import TargetHit, extract_targets


def targets(text: str) -> list[TargetHit]:
    return [t for t in extract_targets(text, "zh") if not t.qualitative]


def facts(text: str) -> list[tuple[object, ...]]:
    """(indicator, comparator or direction, value, unit, base year, start year, year) per target."""
    return [(t.indicator, t.change or t.comparator, t.value, t.measure_unit, t.base_year, t.start_year, t.year)
            for t in targets(text)]


# --- direction and base ------------------------------------------------------------------------------
def test_a_relative_change_has_its_direction_and_base_year() -> None:
    # seed: the central opinions (2021)
    [t] = targets("到2025年,单位国内生产总值二氧化碳排放比2020年下降18%")
    assert (t.indicator, t.change, t.value, t.measure_unit, t.base_year, t.year) == (
        "单位国内生产总值二氧化碳排放", "decrease", 18, "%", 2020, 2025)
    assert t.comparator == "="  # the change is of exactly 18 %; "下降18%以上" would be ">="
    assert (t.converted_value, t.converted_unit) == (18, "%")  # the value in a comparable unit, no baseline


def test_each_indicator_of_a_list_paired_with_its_change() -> None:
    # 5、“十四五”节能减排综合工作方案
    text = "到2025年,化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比2020年分别下降8%、8%、10%以上、10%以上。"
    assert facts(text) == [
        ("化学需氧量排放总量", "decrease", 8, "%", 2020, None, 2025),
        ("氨氮排放总量", "decrease", 8, "%", 2020, None, 2025),
        ("氮氧化物排放总量", "decrease", 10, "%", 2020, None, 2025),
        ("挥发性有机物排放总量", "decrease", 10, "%", 2020, None, 2025),
    ]


# --- rate units, comparators, ratios -------------------------------------------------------------------
def test_rate_units() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划; 5、“十四五”节能减排综合工作方案
    text = "到2023年,全市生活垃圾焚烧能力达到2.9万吨/日、湿垃圾处理能力达到9000吨/日、生活垃圾应急填埋能力达到5000吨/日。"
    assert [(t.indicator, t.value, t.measure_unit, t.converted_value, t.converted_unit) for t in targets(text)] == [
        ("生活垃圾焚烧能力", 2.9, "万吨/日", 29000, "t/d"),
        ("湿垃圾处理能力", 9000, "吨/日", 9000, "t/d"),
        ("生活垃圾应急填埋能力", 5000, "吨/日", 5000, "t/d"),
    ]
    text = ("到2025年,新增和改造污水收集管网8万公里,新增污水处理能力2000万立方米/日,城市污泥无害化处置率达到90%,"
            "城镇生活垃圾焚烧处理能力达到80万吨/日左右,城市生活垃圾焚烧处理能力占比65%左右。")
    found = {t.indicator: (t.comparator, t.value, t.measure_unit) for t in targets(text)}
    assert found["新增污水处理能力"] == ("=", 2000, "万立方米/日")
    assert found["城镇生活垃圾焚烧处理能力"] == ("~", 80, "万吨/日")


def test_at_most_and_more_than() -> None:
    # 64: 控制在 … 左右 is at most, the bound 控制在 sets kept under the hedge (as the tuning key reads it; 保持在 … 左右
    # stays about); 13、…数据中心和5G…实施方案: 不高于 is at most, a PUE has no unit
    assert facts("到2023年,全市煤炭消费总量控制在4300万吨左右,占一次能源消费比重保持在31%左右。")[:2] == [
        ("煤炭消费总量", "<=", 4300, "万吨", None, None, 2023), ("煤炭消费总量占一次能源消费比重", "~", 31, "%", None, None, 2023)]
    [pue] = targets("新建大型、超大型数据中心电能利用效率不高于1.3,逐步对电能利用效率超过1.5的数据中心进行节能降碳改造。")
    assert (pue.indicator, pue.comparator, pue.value, pue.measure_unit) == ("新建大型、超大型数据中心电能利用效率", "<=", 1.3, None)
    text = ("数据中心运行电能利用效率和可再生能源利用率明显提升,全国新建大型、超大型数据中心平均电能利用效率降到1.3以下,"
            "国家枢纽节点进一步降到1.25以下,绿色低碳等级达到4A级以上。")
    assert [(t.comparator, t.value) for t in targets(text)] == [("<=", 1.3), ("<=", 1.25)]  # "4A级" is no value


def test_a_starting_value_is_no_part_of_the_indicator() -> None:
    # 13、…数据中心和5G…实施方案
    [t] = targets("到2025年,全国数据中心整体利用率明显提升,西部数据中心利用率由30%提高到50%以上,东西部算力供需更为均衡。")
    assert (t.indicator, t.comparator, t.value) == ("西部数据中心利用率", ">=", 50)


# --- numbers before the noun, forms without a verb -----------------------------------------------------------
def test_counts_before_what_they_count() -> None:
    # 19、关于“十四五”推动石化化工行业高质量发展的指导意见: 突破 N 项 … is a count, not the previous indicator
    text = ("原始创新和集成创新能力持续增强,到2025年,规上企业研发投入占主营业务收入比重达到1.5%以上;"
            "突破20项以上关键共性技术和40项以上关键新产品。")
    assert facts(text) == [
        ("规上企业研发投入占主营业务收入比重", ">=", 1.5, "%", None, None, 2025),
        ("关键共性技术", ">=", 20, "项", None, None, 2025),
        ("关键新产品", ">=", 40, "项", None, None, 2025),
    ]


def test_a_period_and_an_action_without_a_verb_before_the_value() -> None:
    # 430、内蒙古自治区“十四五”土壤、地下水和农村生态环境保护规划
    text = ("“十四五”期间,新增完成1600个行政村生活污水治理任务,沿黄流域及“一湖两海”、察汗淖尔周边农村牧区生活污水治理率"
            "达到60%,全区农村牧区生活污水治理率达到32%。")
    assert facts(text)[0] == ("行政村生活污水治理任务", "=", 1600, "个", None, 2021, 2025)
    # 68、内蒙古自治区“十四五”应对气候变化规划: an enumeration of nouns and counts after one action
    text = "“十三五”期间,制定绿色制造标准48项,创建绿色工厂102家、绿色产品31个、绿色供应链4条、绿色园区15个。"
    assert [(t.indicator, t.value, t.measure_unit) for t in targets(text)][-4:] == [
        ("绿色工厂", 102, "家"), ("绿色产品", 31, "个"), ("绿色供应链", 4, "条"), ("绿色园区", 15, "个")]


def test_a_capacity_a_value_measures_and_days_as_a_unit() -> None:
    # 400、关于开展全国煤电机组改造升级的通知: "形成 N 的…能力" without a verb before the noun
    assert facts("“十四五”期间,形成并保持1500万千瓦的应急备用能力。") == [
        ("应急备用能力", "=", 1500, "万千瓦", None, None, 2025)]
    # 469、呼和浩特市“十四五”生态环境保护规划: days are a unit, "较2015年增加" a change
    text = "空气质量总体改善,2020年,全市空气优良天数达到294天,优良比例为80.3%,较2015年增加4.7个百分点。"
    assert facts(text)[0] == ("空气优良天数", "=", 294, "天", None, None, 2020)


def test_about_written_after_the_indicator() -> None:
    # 26、关于发布高耗能行业重点领域能效标杆水平和基准水平的通知
    text = "截至2020年底,我国炼油行业能效优于标杆水平的产能约占25%,能效低于基准水平的产能约占20%。"
    assert [(t.indicator, t.comparator, t.value) for t in targets(text)] == [
        ("炼油行业能效优于标杆水平的产能", "~", 25), ("能效低于基准水平的产能", "~", 20)]


# --- periods ---------------------------------------------------------------------------------------------------
def test_two_periods_each_with_its_amount() -> None:
    # 2、2030年前碳达峰行动方案: 分别 — one amount per period, each over its own five years
    text = "“十四五”、“十五五”期间分别新增水电装机容量4000万千瓦左右,西南地区以水电为主的可再生能源体系基本建立。"
    assert facts(text) == [("新增水电装机容量", "~", 4000, "万千瓦", None, 2021, 2025),
                           ("新增水电装机容量", "~", 4000, "万千瓦", None, 2026, 2030)]


def test_a_cumulative_amount_over_two_periods_is_one_target() -> None:
    # the same sentence with 累计 instead of 分别: one target over 2021–2030
    text = "“十四五”、“十五五”期间累计新增水电装机容量8000万千瓦左右。"
    assert facts(text) == [("累计新增水电装机容量", "~", 8000, "万千瓦", None, 2021, 2030)]


# --- one indicator per target, whole labels -----------------------------------------------------------------
def test_two_vehicle_types_are_two_indicators() -> None:
    # 242、邯郸市…实施意见; 68、内蒙古自治区“十四五”应对气候变化规划
    text = ("示范推广氢能货车,到2025年,全市清洁能源及新能源公交车、出租车占比分别达到90%、85%以上。")
    assert [(t.indicator, t.comparator, t.value) for t in targets(text)] == [
        ("清洁能源及新能源公交车占比", ">=", 90), ("清洁能源及新能源出租车占比", ">=", 85)]  # the modifier is both's
    text = "铁路货运量占全社会比重达到44%,城市新能源公交车、清洁能源出租车占比分别达到63.3%和51.5%。"
    assert [t.indicator for t in targets(text)][-2:] == ["城市新能源公交车占比", "清洁能源出租车占比"]


def test_one_value_for_each_of_two_indicators() -> None:
    # 5、“十四五”节能减排综合工作方案: 均
    text = "到2025年,农村生活污水治理率达到40%,秸秆综合利用率稳定在86%以上,主要农作物化肥、农药利用率均达到43%以上。"
    assert [(t.indicator, t.comparator, t.value) for t in targets(text)][-2:] == [
        ("主要农作物化肥利用率", ">=", 43), ("主要农作物农药利用率", ">=", 43)]  # as the tuning key reads it


def test_a_list_closed_by_deng_pairs_with_its_values() -> None:
    # 214、天津市“十四五”节能减排工作实施方案
    text = ("到2025年,全市单位地区生产总值能源消耗比2020年下降14.5%,能源消费总量得到合理控制,化学需氧量、氨氮、氮氧化物、"
            "挥发性有机物等主要污染物重点工程减排量分别达到1.6万吨、0.04万吨、2.08万吨、0.99万吨。")
    assert [(t.indicator, t.value) for t in targets(text)][1:] == [
        ("化学需氧量重点工程减排量", 1.6), ("氨氮重点工程减排量", 0.04), ("氮氧化物重点工程减排量", 2.08),
        ("挥发性有机物重点工程减排量", 0.99)]


def test_a_label_broken_by_the_layout_is_read_whole() -> None:
    # 64: "化肥施用\n量" — the PDF's line break inside the word; offsets still point into the text as given
    text = "全市畜禽粪污综合利用率达到98%,主要农作物秸秆综合利用率达到98%,化肥施用\n量、农药使用量分别降低5%;"
    found = targets(text)
    assert [(t.indicator, t.change, t.value) for t in found][-2:] == [
        ("化肥施用量", "decrease", 5), ("农药使用量", "decrease", 5)]
    assert text[found[-1].start : found[-1].end].startswith("化肥施用\n量")


def test_the_place_is_no_part_of_the_indicator() -> None:
    # 125、巴中市“十四五”生态环境保护规划
    text = "截至2020年,巴中市二氧化硫削减75.78%、氮氧化物削减27.4%、化学需氧量削减15.9%、氨氮削减20.3%。"
    assert [(t.indicator, t.change, t.value) for t in targets(text)][0] == ("二氧化硫", "decrease", 75.78)


# --- qualitative goals are a kind of their own -----------------------------------------------------------------
def test_qualitative_goals_are_kept_apart() -> None:
    # 2、2030年前碳达峰行动方案
    text = "“十四五”、“十五五”期间分别新增水电装机容量4000万千瓦左右,西南地区以水电为主的可再生能源体系基本建立。"
    kinds = [(t.kind, t.indicator) for t in extract_targets(text, "zh")]
    assert ("qualitative", "西南地区以水电为主的可再生能源体系") in kinds
    assert {k for k, _ in kinds} == {"quantified", "qualitative"}
    assert all(t.value is None and t.comparator is None for t in extract_targets(text, "zh") if t.kind == "qualitative")


# --- forms of the tune key (tests/keys/targets_tune.toml) ----------------------------------------------
def test_a_change_counted_since_the_base_year() -> None:
    # 311、甘肃省“十四五”节能减排综合工作方案: 累积 after the base year is no part of the indicator
    assert facts("到2025年,全省单位地区生产总值能源消耗比2020年累积下降12.5%") == [
        ("单位地区生产总值能源消耗", "decrease", 12.5, "%", 2020, None, 2025)]


def test_the_count_of_a_list_is_no_target() -> None:
    # 485、安徽省“十四五”节能减排实施方案: "等4项" counts the pollutants just named
    text = ("到2025年,化学需氧量、氨氮、氮氧化物、挥发性有机物等4项主要污染物重点工程减排量分别累计达到13.67万吨、"
            "0.69万吨、8.3万吨、3.07万吨。")
    assert [(t.indicator, t.value, t.measure_unit) for t in targets(text)] == [
        ("化学需氧量重点工程减排量", 13.67, "万吨"), ("氨氮重点工程减排量", 0.69, "万吨"),
        ("氮氧化物重点工程减排量", 8.3, "万吨"), ("挥发性有机物重点工程减排量", 3.07, "万吨")]


def test_whole_indicators_listed_share_one_value() -> None:
    # 85、宁夏回族自治区关于加快建立健全绿色低碳循环发展经济体系的实施意见: no 均, each item a whole indicator
    text = "到2025年,秸秆综合利用率、农用残膜回收率达到90%,畜禽粪污综合利用率达到90%以上。"
    assert [(t.indicator, t.comparator, t.value) for t in targets(text)] == [
        ("秸秆综合利用率", "=", 90.0), ("农用残膜回收率", "=", 90.0), ("畜禽粪污综合利用率", ">=", 90.0)]


def test_a_count_after_its_verb_counts_the_noun_after_it() -> None:
    # 485: the action closes the subject, the count comes before what it counts, the verb gives its comparator
    assert facts("到2025年,全省公共机构实施超过150个合同能源管理项目。") == [
        ("合同能源管理项目", ">", 150.0, "个", None, None, 2025)]


def test_a_unit_per_area() -> None:
    # 482、重庆市…推进制造业高质量绿色发展行动计划
    (target,) = targets("到2025年,全市产业园区投产工业用地产出强度提升至85亿元/平方公里。")
    assert (target.indicator, target.value, target.measure_unit, target.converted_unit) == (
        "产业园区投产工业用地产出强度", 85.0, "亿元/平方公里", "CNY/km2")


# --- indicator tables, coefficients, shared denominators ---------------------------------------------
def test_an_indicator_table_row_per_target_year_column() -> None:
    # 566、天津市可再生能源发展“十四五”规划: 表2 as the PDF's table comes out of ingest
    text = ("表2“十四五”可再生能源发展目标\n"
            "类别:电力装机;指标名称:风电;单位:万千瓦;2025年:200;属性:预期性\n"
            "指标名称:可再生能源电力装机;单位:万千瓦;2025年:805.5;属性:预期性\n"
            "指标名称:占电力总装机比重;单位:%;2025年:30左右;属性:预期性\n"
            "类别:消费量;指标名称:可再生能源消费量;单位:万吨标煤;2025年:>1000;属性:预期性\n")
    assert facts(text) == [
        ("风电", "=", 200, "万千瓦", None, None, 2025),
        ("可再生能源电力装机", "=", 805.5, "万千瓦", None, None, 2025),
        ("可再生能源电力装机占电力总装机比重", "~", 30, "%", None, None, 2025),
        ("可再生能源消费量", ">", 1000, "万吨标煤", None, None, 2025),
    ]


def test_a_table_of_a_past_plan_gives_no_target() -> None:
    # 566: 表1“十三五”可再生能源发展成效
    text = "内容:1、风电(万千瓦);2015年:32.3;“十三五”预期目标:116;2020年:84.5;增幅:162%\n"
    assert facts(text) == []


def test_merged_cells_of_an_indicator_table_put_back() -> None:
    # 418、九江市“十四五”生态环境保护规划: 表2, a split name, qualifier rows, a cumulative column, a change
    text = ("指标:1.细颗粒物(PM2.5)浓度(微克;中心城区;2020年(现状):38;2025年(目标):33.4;五年累计目标:/;指标属性:约束性\n"
            "指标:/立方米);县级城市;2020年(现状):30.7;2025年(目标):28.5;五年累计目标:/;指标属性:预期性\n"
            "化学需氧量;2020年(现状):—;2025年(目标):/;五年累计目标:[10031];指标属性:约束性\n"
            "指标:7.主要污染物减排量(吨);挥发性有机物;2020年(现状):—;2025年(目标):/;五年累计目标:[2035];指标属性:约束性\n"
            "指标:9.单位地区生产总值能源消耗降低;(%);2020年(现状):[14.9];2025年(目标):/;五年累计目标:[16.0];指标属性:约束性\n"
            "指标:11.受污染耕地安全利用率(%);2020年(现状):93;2025年(目标):93.0以上;五年累计目标:/;指标属性:约束性\n")
    assert facts(text) == [
        ("中心城区细颗粒物(PM2.5)浓度", "=", 33.4, "微克/立方米", None, None, 2025),
        ("县级城市细颗粒物(PM2.5)浓度", "=", 28.5, "微克/立方米", None, None, 2025),
        ("化学需氧量减排量", "=", 10031, "吨", None, 2021, 2025),
        ("挥发性有机物减排量", "=", 2035, "吨", None, 2021, 2025),
        ("单位地区生产总值能源消耗", "decrease", 16, "%", 2020, None, 2025),
        ("受污染耕地安全利用率", ">=", 93, "%", None, None, 2025),
    ]


def test_a_baseline_column_unlabelled_is_no_target() -> None:
    # 433、眉山市“十四五”生态环境保护规划: 表2-1, "2020年" states where the plan starts
    text = "指标:(2)空气质量优良天数比率(%);2020年:87.4;2025年:89.1;五年累计:-;指标属性:约束性\n"
    assert facts(text) == [("空气质量优良天数比率", "=", 89.1, "%", None, None, 2025)]


def test_a_coefficient_without_a_unit() -> None:
    # 386、云南省加快建立健全绿色低碳循环发展经济体系行动计划
    text = "推广农业节水灌溉,加强田间灌溉设施建设,农田灌溉水有效利用系数达到0.52,新增高效节水灌溉面积440万亩;"
    found = facts(text)
    assert ("农田灌溉水有效利用系数", "=", 0.52, None, None, None, None) in found


def test_an_intensity_denominator_shared_by_a_list() -> None:
    # 482、重庆市…制造业高质量绿色发展行动计划（2022—2025年）
    text = "到2025年,产业结构、生产方式绿色转型取得显著成效,力争规模以上工业单位增加值能耗、用水量较2020年分别下降14.5%和15%。"
    assert facts(text) == [
        ("规模以上工业单位增加值能耗", "decrease", 14.5, "%", 2020, None, 2025),
        ("规模以上工业单位增加值用水量", "decrease", 15, "%", 2020, None, 2025),
    ]

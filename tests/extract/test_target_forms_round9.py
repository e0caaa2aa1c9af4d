"""Target forms of the ninth round, found by sweeping every `tune` document (tests/keys/split.toml) for the
labels the tune key names otherwise and for sentences with a due year and an amount from which no target comes
out, counted over the tune corpus. Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.numbers import scan_quantities
from tests.extract.target_facts import facts, targets


# --- what a label leaves out -------------------------------------------------------------------------------------
def test_the_action_adding_the_works_is_no_part_of_their_name() -> None:
    # 316、北京市“十四五”时期制造业绿色低碳发展行动方案: 累计创建 adds the works the key names
    text = "持续推进绿色产品、绿色工厂、绿色工业园区和绿色供应链管理企业创建,到2025年累计创建国家级绿色工厂150家,绿色供应链管理企业30家。"
    assert facts(targets(text))[0] == ("国家级绿色工厂", "=", 150, "家", 2025)
    # 157、辽宁省“十四五”林业草原发展规划: 实施 as 完成 ("完成退牧还草3万公顷" in its 专栏)
    text = ("在重点草原区实施禁牧轮牧休牧和草畜平衡,对受损严重地块进行退牧还草和草种补播,促进退化草原生态修复和农牧交错带"
            "已垦草原资源植被恢复,实施退牧还草3万公顷。")
    assert facts(targets(text, 2025)) == [("退牧还草", "=", 3, "万公顷", 2025)]
    # a noun that opens with the word stays whole
    assert facts(targets("到2025年,建设用地面积控制在100平方公里以内。"))[0][0] == "建设用地面积"


def test_a_yearly_amounts_every_year_is_no_part_of_its_name() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划: 每年 (and the plan's 计划每年) qualify the value
    assert facts(targets("2021年至2023年,每年新建\n绿地1000公顷,其中公园绿地500公顷以上。", 2023))[0] == (
        "新建绿地", "=", 1000, "公顷", 2023)
    text = ("转变施肥方式,调优肥料结构,鼓励应用配方肥、缓释肥、水肥一体化、长效氮肥、生物肥料等新型肥料品种,缓释肥\n"
            "应用面积达到50万亩次,计划每年巩固蔬菜水肥一体化应用面积2万亩次。")
    assert facts(targets(text, 2023))[-1] == ("巩固蔬菜水肥一体化应用面积", "=", 2, "万亩次", 2023)


# --- a base year and the words after it --------------------------------------------------------------------------
def test_each_and_expected_after_the_base_year() -> None:
    # 76、福建省“十四五”生态环境保护专项规划: 各 gives each item the value, as 均 does
    assert facts(targets("深入实施化肥农药减量行动,到2025年,化肥、农药使用量比2020年各减少10%。")) == [
        ("化肥使用量", "decrease", 10, "%", 2025), ("农药使用量", "decrease", 10, "%", 2025)]
    # 511、关于江苏省“十四五”全社会节能的实施意见: 预期 between the base year and 分别
    text = "营运货车、营运货船、港口生产、社会车辆等能耗强度比2020年预期分别下降2.8%、2.7%、3%、3.2%;"
    got = targets(text, 2025)
    assert facts(got)[0] == ("营运货车能耗强度", "decrease", 2.8, "%", 2025)
    assert [t.base_year for t in got] == [2020] * 4


# --- a target as the object of 实现 / 确保 ------------------------------------------------------------------------
def test_a_target_stated_as_the_goal_a_sentence_sets_out_to_reach() -> None:
    # 140、包头市深入推进林业草原碳汇三年行动计划（2021—2023年）: the goal's own year, after the plan's end
    text = ("通过争取实施国家林业重点工程和推进生态产业化,加快国有林场造林、封山育林、森林抚育、低效林改造、退化林修复,"
            "实现到2030年新增森林面积100万亩的目标。")
    assert facts(targets(text, 2023)) == [("新增森林面积", "=", 100, "万亩", 2030)]
    # 151、湖北省林业发展“十四五”规划: 确保 …达到N%的目标; the marker's 期 opens no indicator
    text = ("科学选育一批高产、优质、抗逆的用材林、经济林和景观林良种,力争完成25个品种通过省级审(认)定,确保“十四五”末期"
            "我省林木良种使用率达到76%的目标。")
    assert facts(targets(text, 2025))[-1] == ("林木良种使用率", "=", 76, "%", 2025)


def test_a_goal_met_or_set_by_others_is_no_target() -> None:
    # 563、贵州省新能源和可再生能源发展“十四五”规划: the previous plan's goal, met
    text = ("(一)新能源与可再生能源总量\n到2020年底,全省新能源和可再生能源开发利用总量2904万吨标煤,超额完成“十三五”规划"
            "2400万吨标煤的目标任务。")
    assert 2400 not in [t.value for t in targets(text, 2025)]
    # 389、黑龙江省“十四五”生态环境保护规划, 十三五 review: a goal of no year is the review's
    assert targets("地下水环境质量优于“水十条”17.8%的总体考核目标要求。", 2025) == []


# --- units in symbols, per 万元 and per second; time in minutes ----------------------------------------------------
def test_units_written_in_symbols_after_the_number() -> None:
    # 467、盐城市“十四五”生态环境保护规划
    assert facts(targets("到“十四五”末,力争光伏全产业链产能达到50GW。")) == [("光伏全产业链产能", "=", 50, "GW", 2025)]
    # 452、宿迁市“十四五”生态环境保护规划
    text = ("到2025年,中心城区新改建公园40个,城区绿化覆盖率达到40%以上,中心城市建成区人均公园绿地面积不低于15m2,"
            "500米公园覆盖率不低于90%。")
    assert facts(targets(text))[2] == ("中心城市建成区人均公园绿地面积", ">=", 15, "m2", 2025)
    # 433、眉山市“十四五”生态环境保护规划: a flow per second, the text layer's space after the verb read through
    text = ("确保岷江汉阳航电枢纽、球溪河北斗水文站、青衣江洪雅水文站生态基流枯水期分别不低于 64m3\n/s、1.31m3\n/s、"
            "46.1m3\n/s。")
    assert [(t.value, t.measure_unit, t.comparator) for t in targets(text, 2025)] == [
        (64, "m3/s", ">="), (1.31, "m3/s", ">="), (46.1, "m3/s", ">=")]


def test_an_intensity_per_ten_thousand_yuan_and_a_time_in_minutes() -> None:
    # 544、广西生态文明强区建设“十四五”规划: the unit as printed, per 万元
    got = [(q.value, q.measure_unit) for q in scan_quantities(
        "“十三五”期间,单位地区生产总值能耗降到0.53吨标准煤/万元,用水量降到133立方米/万元。", "zh")]
    assert got == [(0.53, "吨标准煤/万元"), (133, "立方米/万元")]
    # 188、成都市关于以实现碳达峰碳中和目标为引领优化空间产业交通能源结构促进城市绿色低碳发展的决定
    text = "以轨道交通为中心统筹强化“轨道+公交+慢行”融合发展与高效衔接,到2025年中心城区建成区平均通勤时间下降到35分钟左右。"
    assert facts(targets(text))[0][2:] == (35, "分钟", 2025)
    # 454、商洛市“十四五”生态环境保护规划
    text = ("到2025年,主要灾害天气预警准确率达90%以上,强对流天气预警信号提前量达40分钟以上,气象灾害预警信息覆盖率提高到95%"
            "以上,人工增雨作业影响面积达到90%。")
    assert facts(targets(text))[1] == ("强对流天气预警信号提前量", ">=", 40, "分钟", 2025)


# --- a label's subject: named before, or a public institution's ---------------------------------------------------
def test_a_rate_named_by_what_is_done_takes_the_subject_of_the_target_before() -> None:
    # 559、江苏省“十四五”土壤、地下水和农村生态环境保护规划
    text = ("到2025年,全省农药包装废弃物回收覆盖率达100%,无害化处理率100%,农药包装废弃物回收监测评价良好以上等级率达90%"
            "以上。")
    assert facts(targets(text))[1] == ("农药包装废弃物无害化处理率", "=", 100, "%", 2025)
    # a rate naming its own subject keeps it
    assert facts(targets("到2025年,城市生活污水集中收集率达到70%,污泥无害化处置率达到90%。"))[1][0] == "污泥无害化处置率"


def test_a_count_after_public_institutions_and_the_amount_word_inside_its_name() -> None:
    # 52、“十四五”公共机构节约能源资源工作规划: 公共 is no 共 (in total), 累计 before the action qualifies the value
    text = ("积极开展重点业务培训,扩大远程培训规模,持续开展\n面授培训,做到分级分类,增强培训的针对性和实效性,进一步壮大"
            "高素质、专业化管理人才队伍,各级公共机构累计培训\n500万人次以上。")
    assert facts(targets(text, 2025)) == [("各级公共机构培训", ">=", 500, "万人次", 2025)]


def test_a_yearly_rate_after_a_target_is_that_indicators() -> None:
    # 311、甘肃省“十四五”节能减排综合工作方案: 年均 is one word (no 均 of a list), the rate's name the target's before
    text = ("到2025年,全省单位地区生产总值能源消耗比2020年累积下降12.5%,“十四五”期间年均下降2.6%,能源消费总量得到合理控制,"
            "化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别达到2.27万吨、0.03万吨、1.84万吨、0.70万吨。")
    assert facts(targets(text))[1] == ("单位地区生产总值能源消耗", "decrease", 2.6, "%", 2025)
    # 574、内蒙古自治区“十四五”电力发展规划
    text = ("“十四五”时期将积极推进配电网改造,巩固提升农村电网,深入推进居民生活消费电气化,因地制宜推进清洁取暖,城乡居民生活"
            "人均用电量提升至900千瓦时,年均增加70千瓦时。")
    assert facts(targets(text, 2025))[1] == ("城乡居民生活人均用电量", "increase", 70, "千瓦时", 2025)

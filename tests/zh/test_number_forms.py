"""How Chinese texts write figures: full-width digits (folded by ingest), numerals with a measure, 成, and figures
with thousands separators, which were read as their last group (1,200万千瓦 as 200万千瓦)."""

from __future__ import annotations

import pytest

from policykg.extract.numbers import scan_quantities


@pytest.mark.parametrize(("written", "value", "unit"), [
    ("达到1,200万千瓦", 1200, "万千瓦"),
    ("达到12,000个", 12000, "个"),
    ("绿色贷款余额3,204.75亿元", 3204.75, "亿元"),
    ("达到1,200,000吨", 1200000, "吨"),
    ("达到七成以上", 7, "成"),
])
def test_figures_as_written(written: str, value: float, unit: str) -> None:
    assert [(q.value, q.measure_unit) for q in scan_quantities(written, "zh")] == [(value, unit)]


def test_a_comma_between_years_or_short_figures_separates_no_thousands() -> None:
    assert scan_quantities("2020,2025年", "zh") == []
    assert [q.value for q in scan_quantities("长度1,2000米", "zh")] == [2000]


def test_a_cut_to_a_level_names_the_level_not_the_cut() -> None:
    # 削减至 / 压降至 read as 减至 is: the level reached, the verb no part of the name
    from tests.extract.target_facts import facts, targets

    assert facts(targets("到2025年,煤炭消费量削减至1000万吨。")) == [("煤炭消费量", "=", 1000, "万吨", 2025)]
    assert facts(targets("到2025年,煤炭消费量压降至1000万吨。")) == [("煤炭消费量", "=", 1000, "万吨", 2025)]


def test_a_flow_per_second_or_per_minute_is_a_rate() -> None:
    # a river's ecological base flow, written in Chinese as the real plans write m3/s ("生态基流124m3/s")
    assert [(q.value, q.measure_unit, q.converted_unit) for q in scan_quantities("生态基流不低于5立方米/秒", "zh")] == [
        (5, "立方米/秒", "m³/s")]


# --- a count in Chinese numerals after a least bound ----------------------------------------------------------------------
def test_a_count_in_chinese_numerals_after_at_least_is_a_value() -> None:
    # "至少完成一轮": how many at least, which a word ("一批", "三线一单") never is
    from tests.extract.target_facts import facts, targets

    # 422、攀枝花市…, the soil plan's 2025 round of checks (targets_tune.toml round 18: 1 轮)
    assert facts(targets("2025年底前,至少完成一轮土壤和地下水污染隐患排查整改。")) == [
        ("土壤和地下水污染隐患排查整改", ">=", 1, "轮", 2025)]
    # 509、“十四五”生态环境监测规划: the works on what 对 names (round 22)
    assert facts(targets("对土壤污染重点监管单位周边土壤环境至少完成一轮监测。")) == [
        ("土壤污染重点监管单位周边土壤环境监测", ">=", 1, "轮", None)]
    # 431、乌海市“十四五”生态环境保护规划: a bare 示范项目 is a project of the demonstration zone set up before it (round 16)
    line = "打造矿区整合生态修复治理示范区,实现联排联治,到2023年底,各区至少完成一个示范项目建设。"
    assert facts(targets(line)) == [("矿区整合生态修复治理示范项目", ">=", 1, "个", 2023)]
    # 559、江苏省“十四五”生态环境保护规划: 至少 after the verb
    line = "到2025年,设区市生态环境部门应当对土壤污染重点监管单位周边开展至少一轮土壤和地下水监测。"
    assert [(t.value, t.measure_unit, t.comparator) for t in targets(line)] == [(1, "轮", ">=")]


def test_a_chinese_numeral_without_a_least_bound_or_counting_how_often_is_no_value() -> None:
    from tests.extract.target_facts import facts, targets

    assert targets("到2025年,建成一批示范项目。") == []
    assert targets("到2025年,建设一个统一的监测平台。") == []
    # 527、河南省…: how often an action named before is done, nothing counted
    assert targets("鼓励引导投运的存量“两高”项目开展节能诊断和清洁生产评价认证,原则上五年内至少开展一次。") == []
    # 505: the count qualifies the firms whose share the indicator is ("指标解释")
    assert facts(targets("指标解释:重点用能企业中三年内至少实施一次全面工业节能诊断的企业比例。")) == []


def test_a_level_set_for_an_indicator_names_the_indicator_alone() -> None:
    # 将 brings the object before its verb; 分为/调整为/确定为 set the level, not 为 after a word's first character
    from tests.extract.target_facts import facts, targets

    # 217、天津市…: four grades for the districts
    line = ("以能源产出率为重要依据,综合考虑经济发展、产业结构等因素,将“十四五”各区能源消费强度降低目标分为14%、14.5%、15%、"
            "15.5%四档。")
    assert {t.indicator for t in targets(line)} == {"“十四五”各区能源消费强度降低目标"}
    # 347、山东省…: the standard's saving rate
    assert facts(targets("修订发布《山东省居住建筑节能设计标准》,将节能率提升至80%以上。", period_end=2022)) == [
        ("节能率", ">=", 80, "%", 2022)]
    # 451、德州市…: the red line's area as adjusted
    line = "6.根据生态保护红线评估调整工作,我市生态红线划定方案调整为12374.6公顷,占市域面积的1.19%。"
    assert [t.indicator for t in targets(line, period_end=2025)][0] == "生态红线划定方案"
    # 划分为 is one verb: the partition's part is named whole (427、广元市…: "生态保护红线划分", before, kept 划分)
    line = ("全市生态空间为生态优先保护区,共划分为23个管控单元,其中生态保护红线划分为16个管控单元,对生态保护红线内,"
            "自然保护地核心保护区原则上禁止人为活动。")
    assert ("生态保护红线", 16) in [(t.indicator, t.value) for t in targets(line, period_end=2025)]


def test_figures_listed_before_the_unit_they_share() -> None:
    # "306、325克标准煤/千瓦时", "95、90%": the unit written once, after the last figure of the list
    assert [(q.value, q.measure_unit) for q in scan_quantities("分别不高于306、325克标准煤/千瓦时", "zh")] == [
        (306, "克标准煤/千瓦时"), (325, "克标准煤/千瓦时")]
    assert [(q.value, q.measure_unit) for q in scan_quantities("分别达到95、90%", "zh")] == [(95, "%"), (90, "%")]
    # a list of years is no list of figures
    assert scan_quantities("2020、2025年", "zh") == []
    # 68、内蒙古自治区…: each class of coal unit its own ceiling, the size class read into both
    from tests.extract.target_facts import facts, targets

    line = "到2025年,60万千瓦级湿冷、空冷机组供电煤耗分别不高于306、325克标准煤/千瓦时;"
    assert facts(targets(line)) == [("60万千瓦级湿冷机组供电煤耗", "<=", 306, "克标准煤/千瓦时", 2025),
                                    ("60万千瓦级空冷机组供电煤耗", "<=", 325, "克标准煤/千瓦时", 2025)]


@pytest.mark.parametrize(("sentence", "fact"), [
    # 451 (德州): the denominator written before the value, as the national wording of the rule has it
    ("到2025年,实现新建建筑施工现场建筑垃圾排放量每万平方米不高于300吨。",
     ("新建建筑施工现场建筑垃圾排放量", "<=", 300, "吨/万平方米", 2025)),
    # 575 (山东): the same written after it
    ("2025年,建筑施工现场建筑垃圾排放不高于300吨/万平方米。", ("建筑施工现场建筑垃圾排放", "<=", 300, "吨/万平方米", 2025)),
    # 575: cubic metres written 立方 with their magnitude
    ("2025年城市再生水利用率达到55%,非常规水利用量达到15亿立方。", ("非常规水利用量", "=", 15, "亿立方", 2025)),
])
def test_a_rate_per_area_and_cubic_metres_as_plans_write_them(sentence: str, fact: tuple[object, ...]) -> None:
    from tests.extract.target_facts import facts, targets

    assert fact in facts(targets(sentence))


def test_gas_in_wan_fang_and_a_grade_raised() -> None:
    # 181 (江苏), a project's indicators: 万方 is 10⁴ m³; 1个等级 is a grade, not one of something
    found = {(q.value, q.measure_unit, q.converted_value, q.converted_unit)
             for q in scan_quantities("制备生物燃气≥300万方,纯度≥95%", "zh")}
    assert (300, "万方", 3_000_000, "m³") in found
    from tests.extract.target_facts import facts, targets

    assert facts(targets("到2025年,实现耕地质量提升1个等级以上。")) == [("耕地质量", "increase", 1, "个等级", 2025)]


def test_grades_named_in_words_and_a_bare_fang_are_no_values() -> None:
    # 217 (天津): an evaluation's four grades; "6方面" is a count of aspects, 方 alone no unit
    assert scan_quantities("五年考核结果划分为超额完成、完成、基本完成、未完成四个等级", "zh") == []
    assert scan_quantities("从6方面谋划", "zh") == []


def test_a_forum_named_by_a_count_of_people_is_no_value() -> None:
    # 62 (上海): a think tank's name
    assert scan_quantities("支持绿色金融60人论坛等绿色金融智库在沪发展", "zh") == []
    assert [q.value for q in scan_quantities("培训基层干部1000人", "zh")] == [1000]


def test_a_range_with_its_magnitude_on_both_ends() -> None:
    # 16 (“十四五”现代能源体系规划): the unit after the last figure only, the magnitude after each
    (q,) = scan_quantities("储气能力达到550亿~600亿立方米", "zh")
    assert (q.value, q.value_max, q.measure_unit) == (550, 600, "亿立方米")
    from tests.extract.target_facts import facts, targets

    hits = targets("到2025年,全国集约布局的储气能力达到550亿~600亿立方米,占天然气消费量的比重约13%。")
    assert facts(hits)[0] == ("集约布局的储气能力", ">=", 550, "亿立方米", 2025)
    assert (hits[0].value_min, hits[0].value_max) == (550, 600)


@pytest.mark.parametrize(("sentence", "fact"), [
    # 197 (临沂): a density per km², its denominator between the verb and the range
    ("到2025年,县城建成区人口密度宜控制每平方公里0.6万至1万人,县城建成区的建筑总面积与建设用地面积的比值宜控制在0.6至0.8。",
     ("县城建成区人口密度", ">=", 0.6, "万人/平方公里", 2025)),
    # 170 (住房和城乡建设部等15部门): the same rule with 应控制在 (its sentence, a due year put before it)
    ("到2025年,县城建成区人口密度应控制在每平方公里0.6万至1万人。", ("县城建成区人口密度", ">=", 0.6, "万人/平方公里", 2025)),
])
def test_a_count_per_area_written_before_the_value(sentence: str, fact: tuple[object, ...]) -> None:
    from tests.extract.target_facts import facts, targets

    assert facts(targets(sentence))[0] == fact

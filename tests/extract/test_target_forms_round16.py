"""Target forms of the sixteenth round of the tuning key (533, 431, 560 and 125, read whole). Every sentence and row is
copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 125、巴中市“十四五”生态环境保护规划: 专栏一's header row is lost; its rows are bare cells under the title (number,
# indicator with its unit, the 2020 value, the 2025 value), a word in the last cell states no quantity
TABLE_125 = """专栏一“十四五”生态环境保护规划主要指标
1;地级及以上城市空气质量优良天数比率(%);96.7;完成省考核目标
2;地级及以上城市细颗粒物(PM2.5)浓度(μg/m3);28.1;	<27.0
4;地表水质量劣V类水体比例(%);0;0
11;生态保护红线、自然保护地;	-;未经依法审批,面积不减少,性质不改变,功能不降低
12;生态质量指数(新EI)(%);73.5*;	≥73.5
14;森林覆盖率(%);63;	>63
23;城镇污水处理率(%);95.92;	≥96"""

# 533、济南市“十四五”绿色建筑高质量发展规划: 专栏2 keys its target column 发展目标, naming no year
TABLE_533 = """专栏2济南市“十四五”时期绿色建筑高质量发展主要指标
序号:1;指标:城镇新建民用建筑绿色建筑占比;计量单位:%;发展目标:100;指标类型:约束
序号:2;指标:一星级及以上绿色建筑占比;计量单位:%;发展目标:≥40;指标类型:约束
序号:7;指标:新增可再生能源建筑应用面积;计量单位:万平方米;发展目标:≥4000;指标类型:预期"""


def test_a_tables_bare_rows_under_its_title_give_the_last_cell_due_in_the_titles_period() -> None:
    got = facts(targets(TABLE_125))
    assert got == [("地级及以上城市细颗粒物(PM2.5)浓度", "<", 27, "μg/m3", 2025), ("地表水质量劣V类水体比例", "=", 0, "%", 2025),
                   ("生态质量指数(新EI)", ">=", 73.5, "%", 2025), ("森林覆盖率", ">", 63, "%", 2025),
                   ("城镇污水处理率", ">=", 96, "%", 2025)]


def test_a_target_column_naming_no_year_is_due_when_the_plan_ends() -> None:
    got = facts(targets(TABLE_533, 2025))
    assert got == [("城镇新建民用建筑绿色建筑占比", "=", 100, "%", 2025), ("一星级及以上绿色建筑占比", ">=", 40, "%", 2025),
                   ("新增可再生能源建筑应用面积", ">=", 4000, "万平方米", 2025)]


def test_holders_listed_before_one_rate_each_hold_it() -> None:
    # 431、乌海市“十四五”生态环境保护规划; 533 (the last holder closing with its works); 485 (the holders' lengths differ)
    got = facts(targets("到2025年底前,城市建成区、工业园区和主要交通干线机械化清扫率达到86%以上"))
    assert got == [("城市建成区机械化清扫率", ">=", 86, "%", 2025), ("工业园区机械化清扫率", ">=", 86, "%", 2025),
                   ("主要交通干线机械化清扫率", ">=", 86, "%", 2025)]
    got = facts(targets("到规划期末,全市街道(镇)以上规划区内绿色建材应用比例不低于40%,城镇新建建筑和市政设施建设工程实施绿色施工比例达到60%"))
    assert got[1:] == [("城镇新建建筑实施绿色施工比例", "=", 60, "%", None), ("市政设施建设工程实施绿色施工比例", "=", 60, "%", None)]
    got = facts(targets("到2025年，城市、县城生活污水集中处理率达到97%以上"))
    assert got == [("城市生活污水集中处理率", ">=", 97, "%", 2025), ("县城生活污水集中处理率", ">=", 97, "%", 2025)]


def test_what_qualifies_the_first_holder_before_de_qualifies_them_all() -> None:
    # 85、宁夏回族自治区关于加快建立健全绿色低碳循环发展经济体系的实施意见
    got = facts(targets("到2025年，全区大宗货物运量150万吨以上的重点工业园区、物流园区、工矿企业铁路专用线接入率达到60%"))
    assert [g[0] for g in got] == ["大宗货物运量150万吨以上的重点工业园区铁路专用线接入率", "大宗货物运量150万吨以上的物流园区铁路专用线接入率",
                                   "大宗货物运量150万吨以上的工矿企业铁路专用线接入率"]


def test_a_list_of_things_that_are_no_holders_or_closed_by_deng_keeps_one_rate() -> None:
    # 146、天津市生态环境保护“十四五”规划 (one service's rate); 533 (等: one category)
    assert facts(targets("到2025年,天津港各港区以及主要渔港全部落实污染防治措施,污水和垃圾收集处置率达到100%")) == [
        ("污水和垃圾收集处置率", "=", 100, "%", 2025)]
    assert [g[0] for g in facts(targets("党政机关、学校、医院等既有公共建筑屋顶光伏覆盖率力争达到15%"))] == [
        "党政机关、学校、医院等既有公共建筑屋顶光伏覆盖率"]


def test_a_part_after_qizhong_is_measured_in_the_population_of_the_share_before_it() -> None:
    # 533; 76、福建 (the part naming a population of its own keeps its name)
    got = facts(targets("到规划期末,城镇建设用地范围内新建民用建筑中绿色建筑占比达到100%,其中星级以上绿色建筑面积比例达到40%以上"))
    assert got[1][:3] == ("城镇建设用地范围内新建民用建筑中星级以上绿色建筑面积比例", ">=", 40)
    got = facts(targets("公共领域新增或更新车辆中新能源汽车比例不低于80%,其中新增及更新城市物流配送车辆新能源汽车应用比例力争达到20%"))
    assert got[1][:3] == ("新增及更新城市物流配送车辆新能源汽车应用比例", "=", 20)


def test_a_count_of_works_before_their_length_gives_both() -> None:
    # 125
    got = facts(targets("到2025年,新建天然气长输管线7条300公里"))
    assert got == [("新建天然气长输管线", "=", 7, "条", 2025), ("新建天然气长输管线长度", "=", 300, "公里", 2025)]


def test_a_kind_of_power_sized_in_kilowatts_is_its_installed_capacity() -> None:
    # 560、江苏省“十四五”可再生能源发展专项规划: additions over the period, each kind named alone
    got = facts(targets("“十四五”期间,我省风电新增约1250万千瓦,光伏发电新增约1800万千瓦"))
    assert [g[0] for g in got] == ["风电新增装机", "光伏发电新增装机"]
    assert facts(targets("力争我省风电装机达到640万千瓦以上"))[0][0] == "风电装机"

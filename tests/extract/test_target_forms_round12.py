"""Target forms of the twelfth round of the tuning key (71, 212, 544, 451 and 574, read whole). Every sentence is
copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.period import clause_period_end
from tests.extract.real_documents import real, titled
from tests.extract.target_facts import facts, targets


# --- the year a clause's targets are due ------------------------------------------------------------------------
def test_a_heading_whose_review_word_a_task_takes_holds_tasks() -> None:
    # 574、内蒙古自治区“十四五”电力发展规划: 第四章 夯实新型电力系统发展基础 sets tasks, it reviews nothing; its
    # sentences without a year ("城乡居民供电可靠率达到99.91%") are due when the plan ends
    doc = real("574、内蒙古自治区“十四五”电力发展规划.pdf")
    found = titled(doc.clauses, "提升电力系统灵活性")
    assert found is not None
    clause, parents = found
    assert any(p.title == "夯实新型电力系统发展基础" for p in parents)
    assert clause_period_end(2025, clause, parents) == 2025
    # a review's heading stays one: 第一章 发展基础与面临的形势, under no task verb
    review = titled(doc.clauses, "发展现状")
    assert review is not None
    assert clause_period_end(2025, *review) is None


# --- tables -----------------------------------------------------------------------------------------------------
TABLE_544 = """表1广西壮族自治区生态文明强区建设指标体系
类别:生态空间;指标名称:2.耕地保有量(万公顷);2020年:340.05;2025年目标:325.46(以国家下达指标为准);属性:约束性
指标名称:11.单位地区生产总值能耗降低(%);2020年:15(新增可再生能源抵扣后);2025年目标:13(以国家下达指标为准);属性:约束性
指标名称:15.县级及以上城市集中式饮用水源地水源达标率(%);2020年:97.3(设区市);2025年目标:以国家下达指标为准(设区市)90(县级);属性:预期性
指标名称:19.农村生活污水治理率(%);2020年:9.2;2025年目标:20(以国家下达指标为准);属性:预期性"""


def test_a_cell_figure_beside_a_note_that_it_is_subject_to_a_higher_level() -> None:
    # 544、广西生态文明强区建设“十四五”规划, 表1: "325.46(以国家下达指标为准)" is 325.46; a cell worded for one level
    # and figured for another ("以国家下达指标为准(设区市)90(县级)") is that level's target
    got = facts(targets(TABLE_544))
    assert ("耕地保有量", "=", 325.46, "万公顷", 2025) in got
    assert ("单位地区生产总值能耗", "decrease", 13, "%", 2025) in got
    assert ("县级城市集中式饮用水源地水源达标率", "=", 90, "%", 2025) in got
    assert ("农村生活污水治理率", "=", 20, "%", 2025) in got
    assert not any(f[2] in (340.05, 15, 97.3, 9.2) for f in got)  # the 2020 column is no target


# --- names and their changes ------------------------------------------------------------------------------------
def test_a_rate_of_decrease_reached_is_the_decrease() -> None:
    # 544's goal section, as the tables' 降低率 rows are read (round 6)
    got = facts(targets("到2025年,单位GDP建设用地使用面积下降率达到15%,国土开发强度达到5.16%,常住人口城镇化率达到57%。"))
    assert got == [("单位GDP建设用地使用面积", "decrease", 15, "%", 2025), ("国土开发强度", "=", 5.16, "%", 2025),
                   ("常住人口城镇化率", "=", 57, "%", 2025)]


def test_a_share_reached_of_a_whole_names_the_whole() -> None:
    # 451、德州市“十四五”生态环境保护规划: "灌溉面积达到总耕地面积的93%左右" is the share of 总耕地面积
    got = facts(targets("到2025年全市农业灌溉水利用系数提高到0.6395,灌溉面积达到总耕地面积的93%左右。"))
    assert ("灌溉面积占总耕地面积", "~", 93, "%", 2025) in got


def test_a_later_item_opening_with_a_word_of_the_first_takes_what_the_first_has_before_it() -> None:
    # 451: "非化石能源发电装机比重和发电量比重分别达到60%、35%左右" → 非化石能源发电量比重
    got = facts(targets("到2025年,力争新能源发电装机突破800万千瓦,非化石能源发电装机比重和发电量比重分别达到60%、35%左右。"))
    assert ("非化石能源发电装机比重", "~", 60, "%", 2025) in got
    assert ("非化石能源发电量比重", "~", 35, "%", 2025) in got
    # an item opening with the first's own opening takes nothing (森林蓄积量 stays as printed)
    got = facts(targets("到2025年,森林覆盖率和森林蓄积量分别达到36.5%、1.95亿立方米。"))
    assert [f[0] for f in got] == ["森林覆盖率", "森林蓄积量"]


def test_a_count_after_the_places_its_works_stand_in_names_the_works() -> None:
    # 544's 专栏 5-1: the places closed by 等地 say where; the count's noun is the target
    got = facts(targets("实施来宾、崇左、防城港等地不少于56个农村饮用水水源保护示范项目。"))
    assert got == [("农村饮用水水源保护示范项目", ">=", 56, "个", None)]


def test_a_share_of_a_population_after_the_place_it_is_in() -> None:
    # 544's 专栏 5-2: the ports are where the vessels are; the share is of the vessels docking on shore power
    got = facts(targets("推进岸电设施建设,钦州、防城港、北海等3市主要规模以上港口90%的港作船舶、公务船舶靠泊使用岸电。", 2025))
    assert got == [("港作船舶、公务船舶靠泊使用岸电", "=", 90, "%", 2025)]


def test_a_column_item_numbered_before_its_count() -> None:
    # 451's 专栏1: "(2)打造全国农业绿色发展先行区2个" as its running text states it
    got = facts(targets("专栏1:结构调整与生态环保产业重点工程\n(1)实施乐陵市、禹城市国家绿色种养循环农业试点项目;\n"
                        "(2)打造全国农业绿色发展先行区2个。", 2025))
    assert got == [("打造全国农业绿色发展先行区", "=", 2, "个", 2025)]


# --- units and periods ------------------------------------------------------------------------------------------
def test_an_energy_use_in_kilograms_of_standard_coal() -> None:
    # 451: a use per tonne its name counts by (吨碱), printed in 千克标准煤
    got = facts(targets("到2022年,氯碱行业电解单元吨碱能耗强度下降到325千克标准煤。"))
    assert got == [("氯碱行业电解单元吨碱能耗强度", "=", 325, "千克标准煤", 2022)]


def test_a_period_striving_for_an_addition_and_its_parts_in_a_sentence_of_their_own() -> None:
    # 574's goal section: "“十四五”争取…新增…900万千瓦" is added from 2021; the parts after 其中 count over the same years
    text = "煤电装机在1.33亿千瓦左右。“十四五”争取国家规划新增支撑保障型煤电900万千瓦。其中,自用煤电500万千瓦,外送煤电400万千瓦。"
    got = [(t.indicator, t.value, t.year, t.start_year) for t in targets(text, 2025)]
    assert got == [("煤电装机", 1.33, 2025, None), ("国家规划新增支撑保障型煤电", 900, 2025, 2021),
                   ("自用煤电", 500, 2025, 2021), ("外送煤电", 400, 2025, 2021)]


# --- works and populations, continued ---------------------------------------------------------------------------
def test_an_amount_of_a_capacity_replacement_plan_done() -> None:
    # 451: "完成436万吨炼铁产能置换计划": the works a mass measures, ended by 置换 (and the plan's word)
    got = facts(targets("明确钢铁行业限制类装备分年度退出时间表,2022年底前完成436万吨炼铁产能置换计划,"
                        "2025年年底前钢铁行业限制类装备全部退出。"))
    assert got == [("炼铁产能置换计划", "=", 436, "万吨", 2022)]


def test_a_share_of_a_population_picked_by_a_condition() -> None:
    # 451: "符合条件的" picks the villages; the 的 of a condition is no level of a population
    got = facts(targets("2021年年底前,符合条件的改厕村庄50%完成规范升级。"))
    assert got == [("符合条件的改厕村庄完成规范升级", "=", 50, "%", 2021)]


def test_the_years_a_change_is_summed_over_are_no_part_of_its_indicator() -> None:
    # 16、“十四五”现代能源体系规划, 五、发展目标: "五年累计" is the plan's period, as 累计 alone is
    text = "——能源低碳转型成效显著。单位GDP二氧化碳排放五年累计下降18%。"
    assert facts(targets(text, 2025)) == [("单位GDP二氧化碳排放", "decrease", 18.0, "%", 2025)]
    text = "——能源系统效率大幅提高。节能降耗成效显著,单位GDP能耗五年累计下降13.5%。"
    assert facts(targets(text, 2025)) == [("单位GDP能耗", "decrease", 13.5, "%", 2025)]

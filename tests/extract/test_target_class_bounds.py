"""A year heading over a box of goals, and a size bounding a class of things. Every sentence is copied from the
normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 380、关于加快推进城镇环境基础设施建设指导意见的通知 (国办函〔2022〕7号): the goal section names 2025 and 2030, then a
# box of the 2025 goals names its year once, in a line of its own, over one line per field
GOALS_380 = """(三)总体目标。到2025年,城镇环境基础设施供给能力和水平显著提升,加快补齐重点地区、重点领域短板弱项,构建集污水、垃圾、固体废物、危险废物、医疗废物处理处置设施和监测监管能力于一体的环境基础设施体系。到2030年,基本建立系统完备、高效实用、智能绿色、安全可靠的现代化环境基础设施体系。
2025年城镇环境基础设施建设主要目标:
污水处理及资源化利用。新增污水处理能力2000万立方米/日,新增和改造污水收集管网8万公里,新建、改建和扩建再生水生产能力不少于1500万立方米/日,县城污水处理率达到95%以上,地级及以上缺水城市污水资源化利用率超过25%,城市污泥无害化处置率达到90%。
生活垃圾处理。生活垃圾分类收运能力达到70万吨/日左右,城镇生活垃圾焚烧处理能力达到80万吨/日左右。"""


def test_a_year_heading_a_box_of_goals_governs_the_lines_below() -> None:
    got = facts(targets(GOALS_380))
    assert ("新增污水处理能力", "=", 2000, "万立方米/日", 2025) in got
    assert ("新增和改造污水收集管网", "=", 8, "万公里", 2025) in got
    assert ("县城污水处理率", ">=", 95, "%", 2025) in got
    assert ("地级及以上缺水城市污水资源化利用率", ">", 25, "%", 2025) in got
    assert ("城镇生活垃圾焚烧处理能力", "~", 80, "万吨/日", 2025) in got
    assert all(year == 2025 for *_, year in got)


def test_a_size_before_the_places_or_firms_it_picks_out_is_no_target() -> None:
    # 380: the places where collection exceeds 300 t a day build incinerators; 242 and 316: the firms above a size
    assert targets("城市建成区生活垃圾日清运量超过300吨地区加快建设垃圾焚烧处理设施。", 2025) == []
    assert targets("全面推行清洁生产,对“双超双有高耗能”和产废量超100吨企业实施强制性清洁生产审核。", 2025) == []
    assert targets("推动年用水量20万立方米以上企业自愿开展管网漏损自查和升级改造。", 2025) == []


def test_a_class_named_by_its_size_is_no_target() -> None:
    # 16、“十四五”现代能源体系规划: 30万千瓦级 names the class of units whose flexibility is raised
    assert targets("全面实施煤电机组灵活性改造,优先提升30万千瓦级煤电机组深度调峰能力,推进企业燃煤自备电厂参与系统调峰。",
                   2025) == []


def test_a_share_before_a_population_stays_a_target() -> None:
    # 山东's green transition plan (a `tune` document): a share of plants, written with no 的
    got = facts(targets("完成30个县(市、区)建成区雨污河流管网改造清零,30%城市污水处理厂完成提标改造,再生水利用率提高2个百分点。",
                        2025))
    assert ("城市污水处理厂完成提标改造", "=", 30, "%", 2025) in got

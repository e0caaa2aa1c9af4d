"""Target forms read in the documents of the tuning key's seventh round (tests/keys/targets_tune.toml,
`round = 7`): 242 (邯郸), 100 (重庆), 68 (内蒙古), 328 (湖南), 499 (青岛) and 80 (湖北), whole documents keyed.
Every sentence is copied from the normalised text of a `tune` document (tests/keys/split.toml).
"""

from __future__ import annotations

from policykg.extract.components import TARGETS, extraction_nlp
from policykg.extract.deadlines import extract_deadlines
from policykg.extract.numbers import scan_quantities
from policykg.extract.target_layout_rows import place_list_targets
from tests.extract.target_facts import facts, targets


def _with_base(hits: list) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [(*f, t.base_year) for f, t in zip(facts(hits), hits, strict=True)]


# --- a bound the verb sets, a hedge after the value --------------------------------------------------------
def test_a_bound_is_kept_under_a_hedge() -> None:
    # 68、内蒙古自治区“十四五”应对气候变化规划: 控制在 … 左右 is an upper bound
    got = facts(targets("“十四五”期间,全区焦炭产能控制在6000万吨左右,电石产能控制在1400万吨左右,PVC产能控制在500万吨左右。"))
    assert got == [("焦炭产能", "<=", 6000, "万吨", 2025), ("电石产能", "<=", 1400, "万吨", 2025),
                   ("PVC产能", "<=", 500, "万吨", 2025)]


# --- units that open with a magnitude's word ---------------------------------------------------------------
def test_a_unit_that_opens_with_a_magnitude_word() -> None:
    # 499、青岛市“十四五”应对气候变化规划: 千克标准煤/吨 is a unit, not 千 × an unknown 克…
    got = facts(targets("到2025年,钢铁行业吨钢综合能耗降至535千克标准煤/吨以下,以废钢为原料的短流程炼钢在粗钢产量中占比达到30%左右。"))
    assert got == [("钢铁行业吨钢综合能耗", "<=", 535, "千克标准煤/吨", 2025),
                   ("以废钢为原料的短流程炼钢在粗钢产量中占比", "~", 30, "%", 2025)]
    assert [(q.value, q.measure_unit, q.converted_unit) for q in scan_quantities("建设500千瓦光伏", "zh")] == [
        (500, "千瓦", "kW")]
    assert [(q.value, q.measure_unit) for q in scan_quantities("长度1.35千米", "zh")] == [(1.35, "千米")]


# --- a year that dates a thing, a year that names a goal ---------------------------------------------------
def test_a_year_before_which_a_thing_was_built_is_no_deadline() -> None:
    # 68: "2005年前建成的" dates the old housing estates; the sentence's year is 2025
    text = "到2025年,全区城镇新建建筑全面执行绿色建筑标准,基本完成全区2005年前建成的城镇老旧小区改造,既有居住建筑节能改造完成1000万平方米。"
    assert facts(targets(text)) == [("既有居住建筑节能改造", "=", 1000, "万平方米", 2025)]
    assert [d.year for d in extract_deadlines(text, "zh")] == [2025]


def test_a_year_naming_the_carbon_peak_sets_no_time_for_what_follows() -> None:
    # 499: "锚定2030年前全市碳达峰目标" opens the section; the districts' targets after it are due at the plan's end
    text = ("锚定2030年前全市碳达峰目标,立足实际、科学研判经济社会发展形势,加强碳达峰、碳中和顶层设计,科学编制全市碳达峰行动方案,"
            "鼓励能源、工业、城乡建设、交通等重点领域制定碳达峰专项行动方案。\n"
            "市南区、市北区、李沧区、崂山区单位地区生产总值二氧化碳排放相对2020年降低20.5%,平度市、莱西市降低21.5%,"
            "西海岸新区、城阳区、即墨区、胶州市降低22.5%。")
    assert [t.year for t in targets(text, 2025)] == [2025, 2025, 2025]


# --- places a target is set for ----------------------------------------------------------------------------
def test_targets_per_group_of_districts() -> None:
    # 499: the places listed first are the target's; places alone after it take what it measures and its base
    got = _with_base(targets("市南区、市北区、李沧区、崂山区单位地区生产总值二氧化碳排放相对2020年降低20.5%,平度市、莱西市降低21.5%,"
                             "西海岸新区、城阳区、即墨区、胶州市降低22.5%。", 2025))
    assert got == [
        ("市南区、市北区、李沧区、崂山区单位地区生产总值二氧化碳排放", "decrease", 20.5, "%", 2025, 2020),
        ("平度市、莱西市单位地区生产总值二氧化碳排放", "decrease", 21.5, "%", 2025, 2020),
        ("西海岸新区、城阳区、即墨区、胶州市单位地区生产总值二氧化碳排放", "decrease", 22.5, "%", 2025, 2020),
    ]
    # one place is still the plan's own (not part of the indicator)
    assert facts(targets("到2025年,青岛市单位地区生产总值二氧化碳排放比2020年降低20%。")) == [
        ("单位地区生产总值二氧化碳排放", "decrease", 20, "%", 2025)]


#: 499, 专栏1: the statement naming the targets, then a line per group of districts.
PLACE_LIST = (
    "一、区(市)碳排放强度约束差异化目标行动\n综合考虑区(市)功能定位、发展阶段、资源禀赋、能源利用效率、能源结构、碳排放水平现状以及"
    "“十四五”期间经济社会发展用能和碳排放增量需求等因素,科学设定各区(市)“十四五”期间单位地区生产总值二氧化碳排放降低目标。\n"
    "\uf0b2 市南区、市北区、李沧区、崂山区:20.5%。\n\uf0b2 平度市、莱西市:21.5%。\n\uf0b2 西海岸新区、城阳区、即墨区、胶州市:22.5%。\n"
    "二、重点区域碳排放总量控制探索行动\n1. 战略性新兴产业聚集区:重点鼓励市南区、市北区、李沧区、崂山区、即墨区等区(市)探索以高质量发展推进"
    "经济社会全面绿色低碳转型。\n"
)


def test_a_list_of_places_under_the_statement_of_their_targets() -> None:
    periods = [(d.start, d.end, int(str(d.start_date)[:4]), int(str(d.end_date)[:4]))
               for d in extract_deadlines(PLACE_LIST, "zh") if d.kind == "period" and d.start_date and d.end_date]
    assert _with_base(place_list_targets(PLACE_LIST, periods)) == [
        ("市南区、市北区、李沧区、崂山区单位地区生产总值二氧化碳排放", "decrease", 20.5, "%", 2025, 2020),
        ("平度市、莱西市单位地区生产总值二氧化碳排放", "decrease", 21.5, "%", 2025, 2020),
        ("西海岸新区、城阳区、即墨区、胶州市单位地区生产总值二氧化碳排放", "decrease", 22.5, "%", 2025, 2020),
    ]
    # through the grammar too: the rows replace what the sentences would read
    assert len([t for t in targets(PLACE_LIST, 2025) if t.value in (20.5, 21.5, 22.5)]) == 3
    # lines of places under no statement of targets are no targets
    assert place_list_targets("\uf0b2 平度市、莱西市:21.5%。\n") == []


def test_the_place_list_and_the_carbon_goal_through_the_pipeline() -> None:
    # the registered components, the deadlines component's hits and the document's period passed in
    text = "锚定2030年前全市碳达峰目标,科学编制全市碳达峰行动方案。\n" + PLACE_LIST
    doc = extraction_nlp("zh")(text, component_cfg={TARGETS: {"period_end": 2025}})
    got = [(t.indicator[:7], t.change, t.value, t.year, t.base_year) for t in doc._.target_hits if not t.qualitative]
    assert got == [("市南区、市北区", "decrease", 20.5, 2025, 2020), ("平度市、莱西市", "decrease", 21.5, 2025, 2020),
                   ("西海岸新区、城", "decrease", 22.5, 2025, 2020)]


# --- a cut written before what it cuts ---------------------------------------------------------------------
def test_a_cut_before_what_it_cuts() -> None:
    # 242、邯郸市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见
    got = facts(targets("深化地下水超采治理,加快南水北调水源置换,2021年,压减地下水超采量1亿立方米以上,南水北调引江水2.46亿立方米,"
                        "河湖生态补水1亿立方米;到2022年,基本实现采补平衡。", 2025))
    assert got == [("地下水超采量", "decrease", 1, "亿立方米", 2021), ("南水北调引江水", "=", 2.46, "亿立方米", 2021),
                   ("河湖生态补水", "=", 1, "亿立方米", 2021)]


# --- amounts of works joined ---------------------------------------------------------------------------------
def test_amounts_of_works_joined_share_their_action() -> None:
    # 242: the second amount after 和 is done by the 完成 before the first
    got = facts(targets("大力推进农业节水,到2022年,力争完成20万亩节水增粮增效项目和5.9万亩一年两熟农田浅埋滴灌节水技术试点;"
                        "到2025年,农业灌溉用水量下降到13亿立方米。"))
    assert got == [("节水增粮增效项目", "=", 20, "万亩", 2022), ("一年两熟农田浅埋滴灌节水技术试点", "=", 5.9, "万亩", 2022),
                   ("农业灌溉用水量", "=", 13, "亿立方米", 2025)]


# --- a share of a population covered ---------------------------------------------------------------------
def test_what_covers_a_share_of_a_population() -> None:
    # 68: 覆盖 before the share, the population covered after it, its aside kept
    got = facts(targets("力争到2025年,全区天然气产量达到333亿立方米,管道天然气覆盖66%以上旗县(市、区)。"))
    assert got == [("天然气产量", "=", 333, "亿立方米", 2025), ("管道天然气覆盖旗县(市、区)", ">=", 66, "%", 2025)]


# --- items of a list paired with values ---------------------------------------------------------------------
def test_a_joiner_inside_the_first_item() -> None:
    # 68: 新增和更新 is one item's words; the list's items are the last two, sharing 新能源 and the head 车辆 (each
    # place the targets are set for, 各…所在地, is no part of them)
    got = facts(targets("各盟市政府(行政公署)所在地新增和更新的新能源公交车辆和快递物流配送车辆分别达到50%和20%;"
                        "各级党政机关及公务机构车辆新增或更新的车辆中新能源汽车占比不低于30%。", 2025))
    assert got == [
        ("新增和更新的新能源公交车辆", "=", 50, "%", 2025),
        ("新增和更新的新能源快递物流配送车辆", "=", 20, "%", 2025),
        ("各级党政机关及公务机构车辆新增或更新的车辆中新能源汽车占比", ">=", 30, "%", 2025),
    ]


# --- counts ------------------------------------------------------------------------------------------------------
def test_counts_after_a_comma_and_an_aside_with_its_own_list() -> None:
    # 68, 专栏6: the action goes on after the comma; the aside's 、 does not end the noun
    got = facts(targets("建设12个以上自治区级低碳旗县(市、区)试点,200个以上城镇社区和农村社区试点。", 2025))
    assert got == [("自治区级低碳旗县(市、区)试点", ">=", 12, "个", 2025), ("城镇社区和农村社区试点", ">=", 200, "个", 2025)]
    # an aside that closes the noun is left out, as before
    got = facts(targets("力争到2025年,各旗县(市、区)均建有2个以上低碳社区试点(城镇社区和农村社区)。"))
    assert got == [("低碳社区试点", ">=", 2, "个", 2025)]


def test_qualities_listed_before_their_head() -> None:
    # 499, 专栏4: 清洁化、低碳化、循环化 qualify one head
    got = facts(targets("以钢铁、建材、石化化工等行业为重点,实施20个左右全流程清洁化、低碳化、循环化改造项目。", 2025))
    assert got == [("全流程清洁化、低碳化、循环化改造项目", "~", 20, "个", 2025)]


def test_units_that_pass_a_review() -> None:
    # 328、湖南省工业绿色“十四五”发展规划: a count after the review the units pass
    got = facts(targets("有害物质源头管控能力持续加强,清洁生产水平显著提高,自愿性清洁生产企业通过审核1500家以上,"
                        "重点行业主要污染物排放强度降低10%。", 2025))
    assert got == [("自愿性清洁生产企业通过审核", ">=", 1500, "家", 2025), ("重点行业主要污染物排放强度", "decrease", 10, "%", 2025)]


def test_an_enumeration_shares_the_action_and_level_of_its_first_item() -> None:
    # 328: 新增创建省级及以上 opens the first item and is every item's
    got = facts(targets("重点行业和重点区域绿色制造体系基本建成,推广一批绿色产品,建成一批绿色公共服务平台,新增创建省级及以上"
                        "绿色工厂500家以上、绿色园区50家、绿色设计产品500个、绿色供应链管理企业50家。", 2025))
    assert got == [("新增创建省级及以上绿色工厂", ">=", 500, "家", 2025), ("新增创建省级及以上绿色园区", "=", 50, "家", 2025),
                   ("新增创建省级及以上绿色设计产品", "=", 500, "个", 2025),
                   ("新增创建省级及以上绿色供应链管理企业", "=", 50, "家", 2025)]


# --- of which -----------------------------------------------------------------------------------------------------
def test_a_share_of_which() -> None:
    # 499: 其中 … 占比 is a share of the amount before
    got = facts(targets("实施“外电入青”提质增效行动,到2025年,接纳外电量400亿千瓦时左右,其中绿电占比35%。"))
    assert got == [("接纳外电量", "~", 400, "亿千瓦时", 2025), ("接纳外电量中绿电占比", "=", 35, "%", 2025)]


# --- shares of several populations under one predicate --------------------------------------------------------
def test_shares_of_several_populations_share_the_predicate() -> None:
    # 370、云南省推动成为生态文明建设排头兵2022年措施任务清单 (round 6's key): the last population is its first word, the
    # rest (生活垃圾得到有效处理) every population's
    got = facts(targets("实施“湖泊革命”污水垃圾治理工程“补短板”三年行动,确保到2022年底全省73%的乡镇镇区和50%的村庄生活垃圾得到有效"
                        "处理,乡镇镇区生活污水处理设施覆盖率达53%以上。"))
    assert got == [("乡镇镇区生活垃圾得到有效处理", "=", 73, "%", 2022), ("村庄生活垃圾得到有效处理", "=", 50, "%", 2022),
                   ("乡镇镇区生活污水处理设施覆盖率", ">=", 53, "%", 2022)]
    # 485 (a `tune` document not keyed): three levels, one head and predicate
    got = facts(targets("全面开展节约型机关创建行动,到2022年,95%的省级、90%的市级和70%的县级党政机关达到创建标准。"))
    assert got == [("省级党政机关达到创建标准", "=", 95, "%", 2022), ("市级党政机关达到创建标准", "=", 90, "%", 2022),
                   ("县级党政机关达到创建标准", "=", 70, "%", 2022)]

"""Forms of responsibility lists found by a sweep over every `tune` document (tests/keys/split.toml): each case
is a sentence of a `tune` document copied from its normalised text. A duty sentence whose units stand before a
modal or a pace ("要会同", "将会同", "要发挥牵头抓总作用", "每年牵头", "具体负责") or that opens after a sentence's end
inside a line (extract/unit_duties.py); generic governments of levels and of an area's cities, a note running to
its segment's end, a bare kind after a trailing 等, a 牵头 that marks the units before it and a generic lead that
promotes no one (extract/unit_forms.py, extract/unit_lists.py); a bracket that only qualifies the word before it and
an article's title, which assign nothing; the CSRC's offices of the municipalities and of the cities with a plan of
their own, the 机关事务管理局 under its other names (ontology/units.toml).
"""

from __future__ import annotations

from policykg.extract.units import extract_units
from policykg.ontology.units import UnitRegistry
from tests.extract.unit_facts import roles


# --- duty sentences: a modal or a pace before the verb, a sentence opening inside a line --------------------
def test_a_unit_then_a_modal_then_huitong() -> None:
    # 79、河南省人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见, 组织实施 (the form of every province's plan)
    line = (" 各地要根据实际研究提出具体措施,确保各项任务落地见效。省发展改革委要会同有关部门加强统筹协调和督促指导,总\n"
            "结好经验好模式,重大事项及时向省委、省政府报告。")
    assert roles(line, "CN-HA") == [("省发展改革委", "lead"), ("有关部门", "generic")]
    # 373、城市绿色货运配送示范工程管理办法, 第九条
    line = "第九条交通运输部应会同公安部、商务部,组织专家对审核报告和城市申报材料进行综合评价,经公示后,按程序公布示范工程创建城市名单。"
    assert roles(line, "CN") == [("交通运输部", "lead"), ("公安部", "support"), ("商务部", "support")]


def test_a_unit_that_plays_the_leading_part() -> None:
    # 353、天水市关于加快建立健全绿色低碳循环发展经济体系实施方案: the counties' line names no particular organ, its
    # generic participant is a list of its own (since the third round of the units' tuning key: test_unit_round6_forms.py)
    line = ("各县区政府负责具体实施落实,确保各项政策措施落地见效。市发展改革委要发挥牵头抓总作用,做好年度重点工作安排部署,"
            "加快推进绿色低碳循环发展经济体系建设。")
    assert roles(line, "CN-GS-Tianshui") == [("各县区政府", "generic"), ("市发展改革委", "lead")]


def test_a_pace_or_a_manner_before_the_verb() -> None:
    # 352、四川省关于加强县城绿色低碳建设的实施意见, (三)
    line = "(三)开展评估评价。住房城乡建设厅每年牵头开展全省县城绿色低碳建设年度评估评价,总结工作进展成效,及时推广好的经验模式。"
    assert roles(line, "CN-SC") == [("住房城乡建设厅", "lead")]
    # 488、农业农村减排固碳实施方案: the sentence after the leading pair's
    line = ("农业农村部、国家发展改革委加强统筹协调,审议农业农村减排固碳的总体部署、重要规划,统筹研究重大政策和重要工作安排,"
            "协调解决重点难点问题,指导督促扎实开展工作。农业农村部具体负责组织实施农业农村减排固碳工作,开展跟踪评价,加强督促指导。")
    assert roles(line, "CN") == [("农业农村部", "lead")]


def test_a_duty_sentence_after_an_unnumbered_heading() -> None:
    # 302、国家适应气候变化战略2035, 第一节 加强组织实施
    line = ("强化组织领导。生态环境部负责牵头协调本战略实施工作,研究制定地方适应气候变化行动方案编制指南,协调推动各有关部门、"
            "地方强化适应气候变化行动。")
    assert roles(line, "CN") == [("生态环境部", "lead")]


def test_huitong_the_units_of_the_province_directly_under_it() -> None:
    # 317、云南省关于推动城乡建设绿色发展的实施意见: "省直有关部门" whole, not cut at 部
    line = ("实施城市生态修复工程,保护城市山水自然风貌和历史文化风貌。省住房城乡建设厅要会同省直有关部门,落实《云南省人民政府关于"
            "统筹推进城市更新的指导意见》(云政发〔2020〕33号)要求,制定具体工作细则。")
    assert roles(line, "CN-YN") == [("省住房城乡建设厅", "lead"), ("省直有关部门", "generic")]


def test_a_unit_taking_part_in_a_project_is_no_duty() -> None:
    # 571、内蒙古自治区“十四五”能源技术创新发展规划: "参与的" qualifies the project
    line = ("鄂尔多斯、锡林郭勒等地区5G+智慧煤矿建设取得积极进展。内蒙古电力公司参与的“复杂电网自律-协同自动电压控制关键技术、"
            "系统研制与工程应用”项目获得2018年度国家科技进步一等奖。")
    assert roles(line, "CN-NM") == []


# --- generic participants, notes and leads inside lists ------------------------------------------------------
def test_the_governments_of_two_levels_are_one_generic_participant() -> None:
    # 484、浙江省工业节能降碳技术改造行动计划（2022-2024年）: 〔〕 inside, and the note after ";" names nobody
    line = ("到2024年,完成“一对一”入户诊断服务15000家以上。(省经信厅、省发展改革委、省能源局、省电力公司按职责分工负责,"
            "各市、县〔市、区〕人民政府落实;以下均需各市、县〔市、区〕政府落实,不再列出,下同)")
    assert roles(line, "CN-ZJ") == [("省经信厅", "lead"), ("省发展改革委", "support"), ("省能源局", "support"),
                                     ("省电力公司", "support"), ("各市、县〔市、区〕人民政府", "generic")]
    # 164、四川省关于科学绿化的实施意见: "市县人民政府" without 各
    line = ("(省林草局、省发展改革委、自然资源厅、住房城乡建设厅、交通运输厅、水利厅、文化和旅游厅等按职责分工负责,"
            "市县人民政府负责落实。以下均需市县人民政府落实,不再列出)")
    assert roles(line, "CN-SC")[-1] == ("市县人民政府", "generic")


def test_an_areas_cities_lead_and_no_department_is_promoted() -> None:
    # 475、广东省发展绿色金融支持碳达峰行动的实施方案, 一/(一)
    line = ("支持珠三角各地级以上市因地制宜完善绿色金融发展扶持政策。(珠三角各地级以上市政府牵头,省发展改革委、生态环境厅、"
            "地方金融监管局,人民银行广州分行、广东银保监局、人民银行深圳市中心支行、深圳银保监局,深圳证券交易所、"
            "广州期货交易所配合)")
    found = roles(line, "CN-GD")
    assert found[0] == ("珠三角各地级以上市政府", "generic")
    assert [r for _, r in found[1:]] == ["support"] * 9


def test_qiantou_after_a_comma_marks_the_units_before_it() -> None:
    # 475, 一/(二): the province's offices, a comma, Shenzhen's offices, then 牵头
    line = ("(广东银保监局、广东证监局,深圳银保监局、深圳证监局牵头,省地方金融监管局,人民银行广州分行、人民银行深圳市中心支行配合)")
    assert roles(line, "CN-GD") == [
        ("广东银保监局", "lead"), ("广东证监局", "lead"), ("深圳银保监局", "lead"), ("深圳证监局", "lead"),
        ("省地方金融监管局", "support"), ("人民银行广州分行", "support"), ("人民银行深圳市中心支行", "support")]


def test_a_bare_kind_after_a_trailing_deng_is_no_unit() -> None:
    # 347、山东省绿色低碳转型2022年行动计划
    line = "指导各市加快制定碳达峰工作方案。(牵头单位:省发展改革委,配合单位:省科技厅、省工业和信息化厅等省有关部门、单位)"
    assert roles(line, "CN-SD") == [("省发展改革委", "lead"), ("省科技厅", "support"), ("省工业和信息化厅", "support")]


# --- brackets that assign nothing -----------------------------------------------------------------------------
def test_a_bracket_that_qualifies_the_word_before_it() -> None:
    # 329、支持绿色发展税费优惠政策指引; 544、广西生态文明强区建设“十四五”规划; 335、关于开展2022年全国节能宣传周…的通知
    assert roles("对各级政府及主管部门委托自来水厂(公司)随水费收\n取的污水处理费,免征增值税。", "CN") == []
    assert roles("实施桂林漓江生态保护和修复提升工程,推动西江流域(广西段)\n生态保护修复。", "CN-GX") == []
    line = "并于6月27日前将书面总结材料报送国家发展改革委(环资司)、生态环境部(气候司)。"
    assert roles(line, "CN") == []
    # 517、长沙市绿色建筑创建行动实施方案: a bracket after a sentence's end is still a list
    line = "建立标识撤销机制,对不符标准、弄虚作假等行为给予限期整改或直接撤销标识处理。(市住房城乡建设局)"
    assert roles(line, "CN-HN-Changsha") == [("市住房城乡建设局", "lead")]


def test_an_articles_title_is_no_list() -> None:
    # 88、中国（云南）自由贸易试验区碳排放权交易资源储备管理办法（试行）, 第十六条
    line = "第十六条【社会参与】鼓励各类机构、组织、企业和个人购买碳交易产品,抵消因生产、生活消费产生的碳排放量。"
    assert roles(line, "CN-YN") == []


# --- the registry -------------------------------------------------------------------------------------------
def test_the_csrc_offices_of_municipalities_and_cities_with_a_plan_of_their_own() -> None:
    # 100、重庆市严格能效约束推动重点领域节能降碳实施方案; 475 (深圳证监局)
    hits = extract_units("(市发展改革委、市经济信息委、市财政局、人行重庆营管部、重庆证监局)", "CN-CQ", "zh")
    assert hits[-1].surface == "重庆证监局" and hits[-1].label == "中国证券监督管理委员会重庆监管局" and hits[-1].resolved
    registry = UnitRegistry.load()
    found = registry.resolve_detail("深圳证监局", "CN-GD")
    assert found is not None and found.unit.label == "中国证券监督管理委员会深圳监管局"
    assert registry.resolve_detail("证监局", "CN-HB-Wuhan") is None  # a city without one reads no bare name


def test_a_municipalitys_cbirc_office_is_a_bureau_not_a_sub_bureau() -> None:
    registry = UnitRegistry.load()
    found = registry.resolve_detail("重庆银保监局", "CN-CQ")
    assert found is not None and found.unit.label == "中国银行保险监督管理委员会重庆监管局"
    assert found.unit.successor == "cn-cq.nfra"
    assert registry.by_id("cn-cq.nfra").label == "国家金融监督管理总局重庆监管局"  # type: ignore[union-attr]
    sanming = registry.resolve_detail("三明银保监分局", "CN-FJ")
    assert sanming is not None and sanming.unit.label == "中国银行保险监督管理委员会三明监管分局"


def test_the_government_offices_administration_under_its_other_names() -> None:
    # 511、关于江苏省“十四五”全社会节能的实施意见
    line = "(省机关管理局牵头,省发展改革委、省教育厅、省工业和信息化厅、省住房城乡建设厅、省水利厅、省卫生健康委等按职责分工负责)"
    hits = [h for h in extract_units(line, "CN-JS", "zh") if h.role == "lead"]
    assert [(h.surface, h.label) for h in hits] == [("省机关管理局", "江苏省机关事务管理局")]
    found = UnitRegistry.load().resolve_detail("市机关事务保障中心", "CN-SD-Dezhou")  # 451、德州市“十四五”生态环境保护规划
    assert found is not None and found.unit.label == "德州市机关事务管理局"

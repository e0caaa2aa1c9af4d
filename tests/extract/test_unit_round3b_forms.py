"""Forms of responsibility statements a second sweep over every `tune` document (tests/keys/split.toml) found no list
in, and the unit names the registry left unresolved; each case is a sentence of a `tune` document copied from its
normalised text. A unit's name the layout cut at a line break inside a duty sentence ("…。省生态\\n环境厅牵头…"); a
duty sentence after a comma whose units the registry knows ("…,交通运输部会同公安部、商务部,将…"); "由X负责…",
"由X和Y共同组织实施", "由X会同Y…" (an interpretation clause and who wrote the text assign nothing); a heading
numbered "—、" (extract/unit_duties.py, extract/unit_sentences.py); the People's Bank's branches by their short
names (市人行, 营管部, 上海总部), the CBIRC's offices of the cities with a plan of their own and the railway bureaus
(ontology/units.toml).
No `tune` document is a joint plan of two jurisdictions (no title names 川渝, 成渝, 京津冀, 长三角, 粤港澳, 两省 or
两市, and no list names units of two provinces), so the rule for a bare 省/市 in such a list has no sentence here.
"""

from __future__ import annotations

from policykg.extract.units import extract_units
from policykg.ontology.units import UnitRegistry
from tests.extract.unit_facts import labels, roles


# --- a unit's name cut by a line break ------------------------------------------------------------------------
def test_a_name_the_layout_cut_inside_a_duty_sentence() -> None:
    # 70、河北省关于建立降碳产品价值实现机制的实施方案, 三/(二): the only such cut in a duty sentence (two more, in a
    # bracket of the same plan, were read already)
    line = ("(二)加强顶层设计,完善政策体系。各部门根据职责和降碳产品类型,逐步健全完善降碳产品核算方法学体系。省生态\n"
            "环境厅牵头研究制定降碳产品生态价值实现管理办法,搭建降碳产品价值实现管理平台、价值实现服务平台。")
    assert roles(line, "CN-HE") == [("省生态\n环境厅", "lead")]
    assert labels(line, "CN-HE")[0][1:] == ("河北省生态环境厅", True)


# --- a duty sentence after a comma ----------------------------------------------------------------------------
def test_a_duty_sentence_after_a_comma() -> None:
    # 373、城市绿色货运配送示范工程管理办法, 附件 (三)部级评估
    line = ("对于动态评估期评估合格的示范城市,交通运输部、公安部、商务部公告保留其称号;对于动态评估不合格的示范城市,"
            "交通运输部会同公安部、商务部,将整改要求通报")
    assert roles(line, "CN")[-3:] == [("交通运输部", "lead"), ("公安部", "support"), ("商务部", "support")]
    # 335、关于开展2022年全国节能宣传周和全国低碳日活动的通知, 二: 有关部门和单位 one participant as printed (as the units
    # key's 各有关部门和单位)
    line = "二、全国节能宣传周期间,国家发展改革委将会同有关部门和单位围绕宣传主题,深入开展相关宣传活动。"
    assert roles(line, "CN") == [("国家发展改革委", "lead"), ("有关部门和单位", "generic")]
    # 68、内蒙古自治区“十四五”应对气候变化规划, 第六节
    line = ("建立健全规划实施评估机制,严格规划实施评估,开展规划年度监测,自治区生态环境厅会同有关部门对规划目标指标、"
            "重点任务落实情况开展调度。")
    assert roles(line, "CN-NM") == [("自治区生态环境厅", "lead"), ("有关部门", "generic")]


# --- 由X负责 ------------------------------------------------------------------------------------------------------
def test_a_unit_charged_with_a_task() -> None:
    # 475、广东省发展绿色金融支持碳达峰行动的实施方案, 三/(一)
    line = "协调解决工作中的重点难点问题。领导小组日常工作由省地方金融监管局负责。各成员单位要加强联动配合,形成有效工作合力。"
    assert roles(line, "CN-GD") == [("省地方金融监管局", "lead")]
    # 91、江苏省关于实施与减污降碳成效挂钩财政政策的通知, 六: 共同 — both lead; then each one's own duty
    line = ("六、组织实施\n本政策由省财政厅和省生态环境厅共同组织实施,省生态环境厅负责提供指标考核结果,省财政厅负责统筹资金的"
            "收取、返还及奖励。")
    assert roles(line, "CN-JS") == [("省财政厅", "lead"), ("省生态环境厅", "lead"), ("省生态环境厅", "lead"),
                                     ("省财政厅", "lead")]
    # 512、关于开展气候投融资试点工作的通知: "上述部门" is no unit (it was read as 上述部)
    line = "试点建设期满后开展验收考核,验收考核不合格的,取消其试点资格。验收考核办法由生态环境部会同上述部门另行制定。"
    assert roles(line, "CN") == [("生态环境部", "lead")]


def test_an_interpretation_clause_or_the_texts_author_is_no_list() -> None:
    # 502、…管理办法 (第三十条); 505、绿色低碳工业园区、工厂建设评价导则（2022版）, 二、编制过程
    assert roles("第三十条本办法由国家发展改革委负责解释。", "CN") == []
    assert roles("二、编制过程\n本导则由浙江省经济和信息化厅组织编制。编制过程中,吸取了国家级绿色工厂的意见。", "CN-ZJ") == []


def test_a_heading_numbered_with_a_dash() -> None:
    # 191、山东省能源科技创新“十四五”规划, 第五章: the text layer reads 一、 as —、
    line = ("第五章组织实施\n—、加强组织领导\n省发展改革委、省能源局会同省科学技术厅等相关部门,组织相关企业、科研机构、高校等"
            "能源科技创新优势力量,积极推动规划落地。")
    found = roles(line, "CN-SD")
    assert [s for s, _ in found] == ["省发展改革委", "省能源局", "省科学技术厅"] and found[-1][1] == "support"


# --- the registry: branches of central agencies by their short names ------------------------------------------
def test_a_citys_peoples_bank_branch_by_its_short_name() -> None:
    # 490、三明市关于实施林业碳汇“三建两创”行动助力实现“双碳”目标的通知
    line = "牵头单位:市金融监管局\n责任单位:市人行、银保监局,各县(市、区)人民政府"
    found = {s: (label, ok) for s, label, ok in labels(line, "CN-FJ-Sanming")}
    assert found["市人行"] == ("中国人民银行三明市中心支行", True)


def test_the_peoples_banks_business_departments_and_shanghai_head_office() -> None:
    # 100、重庆市严格能效约束推动重点领域节能降碳实施方案
    line = "(市发展改革委、市经济信息委、市财政局、人行重庆营管部、重庆证监局)"
    assert ("人行重庆营管部", "中国人民银行重庆营业管理部", True) in labels(line, "CN-CQ")
    # 113、武汉市推动降碳及发展低碳产业工作方案: the Wuhan branch's business department acted for the city
    line = "(责任单位:市地方金融局,人民银行武汉分行营管部)"
    assert labels(line, "CN-HB-Wuhan")[-1] == ("人民银行武汉分行营管部", "中国人民银行武汉分行营业管理部", True)
    # 361、上海市关于加快建立健全绿色低碳循环发展经济体系的实施方案
    line = "打造国际绿色金融枢纽。(责任单位:市地方金融监管局、人民银行上海总部、上海银保监局、上海证监局)"
    assert ("人民银行上海总部", "中国人民银行上海总部", True) in labels(line, "CN-SH")


def test_the_cbirc_offices_of_cities_with_a_plan_of_their_own_are_bureaus() -> None:
    # 475, 一/(二)
    line = "(广东银保监局、广东证监局,深圳银保监局、深圳证监局牵头,省地方金融监管局,人民银行广州分行、人民银行深圳市中心支行配合)"
    found = {s: label for s, label, _ in labels(line, "CN-GD")}
    assert found["深圳银保监局"] == "中国银行保险监督管理委员会深圳监管局"
    hits = [h for h in extract_units(line, "CN-GD", "zh") if h.surface == "深圳银保监局"]
    assert hits[0].unit_id == "cn-gd-shenzhen.cbirc"


def test_the_railway_bureaus_by_their_names_old_and_new() -> None:
    # 164、四川省关于科学绿化的实施意见; 89 (江西): the bureau by its name before 2017
    line = "(自然资源厅、省林草局、住房城乡建设厅、交通运输厅、水利厅、中国铁路成都局集团有限公司等按职责分工负责)"
    assert labels(line, "CN-SC")[-1] == ("中国铁路成都局集团有限公司", "中国铁路成都局集团有限公司", True)
    registry = UnitRegistry.load()
    old = registry.resolve_detail("南昌铁路局", "CN-JX")
    assert old is not None and old.unit.label == "中国铁路南昌局集团有限公司"

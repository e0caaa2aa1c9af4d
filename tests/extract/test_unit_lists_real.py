"""Responsibility lists as real plans print them: each rule checked on a sentence of a `tune` document of
the real corpus (tests/keys/split.toml), copied from its normalised text, read in that document's region.
"""

from __future__ import annotations

import pytest

from policykg.extract.units import Convention, UnitHit, declared_convention, extract_units, find_unit_lists
from policykg.ontology.units import UnitRegistry


def hits(text: str, region: str, convention: Convention = Convention.FIRST) -> list[UnitHit]:
    return [h for h in extract_units(text, region, "zh", convention) if h.role != "mentioned"]


def roles(found: list[UnitHit]) -> list[tuple[str, str]]:
    return [(h.surface, h.role) for h in found]


@pytest.fixture(scope="module")
def registry() -> UnitRegistry:
    return UnitRegistry.load()


# --- every item kept, known to the registry or not ----------------------------------------------------
def test_a_city_the_registry_does_not_list_resolves_its_bureaus() -> None:
    # 113、武汉市推动降碳及发展低碳产业工作方案: Wuhan is read from the national gazetteer
    found = hits("(责任单位:市交通运输局、市经信局、市公安局交通管理局,市公交集团)", "CN-HB-Wuhan")
    assert roles(found) == [("市交通运输局", "lead"), ("市经信局", "support"), ("市公安局交通管理局", "support"),
                            ("市公交集团", "support")]
    assert [h.unit_id for h in found[:2]] == ["cn-hb-wuhan.jtj", "cn-hb-wuhan.gxj"]
    assert found[0].label == "武汉市交通运输局"
    company = found[3]  # a company the registry does not know: kept, unresolved, with its jurisdiction
    assert (company.resolved, company.jurisdiction, company.label) == (False, "CN-HB-Wuhan", "武汉市公交集团")
    assert company.unit_id.startswith("cn-hb-wuhan.x-")


def test_divisions_and_centres_of_a_department() -> None:
    # 244、2021年推动碳达峰、碳中和工作计划 (江苏省生态环境厅): 处 and 中心 are units too
    found = hits("(责任部门:气候处、综合处,完成期限:5月底)", "CN-JS")
    assert roles(found) == [("气候处", "lead"), ("综合处", "support")]
    assert found[0].unit_id == "cn-js.qhc" and (found[1].resolved, found[1].jurisdiction) == (False, "CN-JS")
    assert found[1].label == "江苏省综合处"


def test_a_monitoring_division_named_bare_keeps_its_department() -> None:
    # 244、2021年推动碳达峰、碳中和工作计划 (江苏省生态环境厅), 三/(十一): the department's own plan names its
    # monitoring division bare; its label names the department (it read 江苏省监测处)
    found = hits("(责任部门:监测处、省环境监测中心,完成期限:3月底)", "CN-JS")
    assert roles(found) == [("监测处", "lead"), ("省环境监测中心", "support")]
    assert (found[0].unit_id, found[0].resolved) == ("cn-js.jcc", True)
    assert found[0].label == "江苏省生态环境厅生态环境监测处"
    assert hits("(责任单位:省生态环境厅监测处)", "CN-JS")[0].label == "江苏省生态环境厅生态环境监测处"


def test_party_and_mass_organs() -> None:
    # 451、德州市“十四五”生态环境保护规划
    found = hits("(市工会、团市委、市妇联等按职责分工负责)", "CN-SD-Dezhou")
    assert roles(found) == [("市工会", "lead"), ("团市委", "support"), ("市妇联", "support")]
    assert found[0].unit_id == "cn-sd-dezhou.gh" and found[2].unit_id == "cn-sd-dezhou.fl"
    assert (found[1].resolved, found[1].label) == (False, "共青团德州市委员会")
    organ = hits("(牵头单位:市审计局;配合单位:市生态环境局、市自然资源局、市委组织部)", "CN-SD-Dezhou")
    assert organ[-1].unit_id == "cn-sd-dezhou.zzb" and organ[-1].label == "中共德州市委组织部"


def test_state_owned_companies_and_regional_agencies_of_central_bodies() -> None:
    # 451 德州: 国网…供电公司; 89 江西: 南昌铁路局; 164 四川: 中国铁路成都局集团有限公司; 358 北海: 北海海事局
    dezhou = hits("(牵头单位:市发展改革委、市住房城乡建设局、市城管局;配合单位:市生态环境局、国网德州供电公司、"
                  "市自然资源局、市审批服务局)", "CN-SD-Dezhou")
    assert [h.role for h in dezhou] == ["lead", "lead", "lead", "support", "support", "support", "support"]
    assert dezhou[4].unit_id == "cn-sd-dezhou.sgcc" and dezhou[6].unit_id == "cn-sd-dezhou.spj"
    jiangxi = hits("(省交通运输厅、省发展改革委、省工业和信息化厅、省机场集团公司、南昌铁路局、省邮政管理局、"
                   "省供销合作社联合社、省商务厅等按职责分工负责)", "CN-JX")
    assert len(jiangxi) == 8 and jiangxi[0].role == "lead"
    railway = next(h for h in jiangxi if h.surface == "南昌铁路局")
    assert (railway.resolved, railway.label, railway.role) == (True, "中国铁路南昌局集团有限公司", "support")  # its name before 2017
    sichuan = hits("(自然资源厅、省林草局、住房城乡建设厅、交通运输厅、水利厅、中国铁路成都局集团有限公司等按职责分工负责)",
                   "CN-SC")
    assert sichuan[-1].surface == "中国铁路成都局集团有限公司" and sichuan[-1].label == "中国铁路成都局集团有限公司"
    beihai = hits("(市财政局、发展改革委、科技局、金融办、公安局、自然资源局、市场监管局、住房城乡建设局、交通运输局、水利局、"
                  "税务局,北海海事局按职责分工负责)", "CN-GX-Beihai")
    assert len(beihai) == 12 and beihai[-1].surface == "北海海事局" and beihai[-1].jurisdiction == "CN-GX-Beihai"


def test_development_zone_committees_and_district_governments() -> None:
    # 356、武汉市加快建立健全绿色低碳循环发展经济体系实施方案
    found = hits("(责任单位:市经信局、市发改委、市水务局、市生态环境局,武昌区、青山区人民政府,武汉经开区管委会)",
                 "CN-HB-Wuhan")
    assert [h.surface for h in found] == ["市经信局", "市发改委", "市水务局", "市生态环境局", "武昌区", "青山区人民政府",
                                          "武汉经开区管委会"]
    assert found[4].unit_id == "cn-hb-wuhan-wuchang.gov"  # a district named bare stands for its government
    assert found[5].label == "青山区人民政府" and found[5].jurisdiction == "CN-HB-Wuhan-Qingshan"
    assert (found[6].resolved, found[6].jurisdiction) == (False, "CN-HB-Wuhan")


def test_renamed_institutions_keep_their_name_and_link_to_their_successor(registry: UnitRegistry) -> None:
    # 355、上饶市…实施方案 (2021): the branches before the 2023 reforms
    found = hits("(市政府金融办、市发改委、市生态环境局、人行上饶市中心支行、上饶银保监分局等按职责分工负责)", "CN-JX-Shangrao")
    assert [h.surface for h in found] == ["市政府金融办", "市发改委", "市生态环境局", "人行上饶市中心支行", "上饶银保监分局"]
    pbc, cbirc = registry.by_id(found[3].unit_id), registry.by_id(found[4].unit_id)
    assert pbc is not None and cbirc is not None
    assert (pbc.label, pbc.successor, pbc.renamed) == (
        "中国人民银行上饶市中心支行", "cn-jx-shangrao.pbc", "2023-08-18")
    assert (cbirc.label, cbirc.successor, cbirc.renamed) == (
        "中国银行保险监督管理委员会上饶监管分局", "cn-jx-shangrao.nfra", "2023-07-20")
    assert registry.by_id("cn-jx-shangrao.nfra").label == "国家金融监督管理总局上饶监管分局"  # type: ignore[union-attr]


# --- lead and support -----------------------------------------------------------------------------------
def test_marked_leads_and_supports_in_separate_fields() -> None:
    # 347、山东省绿色低碳转型2022年行动计划
    found = hits("(牵头单位:省发展改革委、省生态环境厅,配合单位:省工业和信息化厅、省市场监管局)", "CN-SD")
    assert roles(found) == [("省发展改革委", "lead"), ("省生态环境厅", "lead"), ("省工业和信息化厅", "support"),
                            ("省市场监管局", "support")]
    # 485、安徽省“十四五”节能减排实施方案: the named field before 配合单位 leads; member units are generic
    anhui = extract_units("(责任单位:省节能办,配合单位:省节能减排及应对气候变化工作领导小组成员单位)", "CN-AH", "zh")
    assert roles(anhui) == [("省节能办", "lead"), ("省节能减排及应对气候变化工作领导小组成员单位", "generic")]


def test_an_unknown_first_unit_still_leads() -> None:
    # 244、2021年推动碳达峰、碳中和工作计划
    found = hits("(责任部门:国合中心、省环科院,完成期限:5月底)", "CN-JS")
    assert roles(found) == [("国合中心", "lead"), ("省环科院", "support")]
    assert not found[0].resolved and found[1].label == "江苏省环科院"


def test_lead_marked_in_a_bracket_of_other_shape() -> None:
    # 511、关于江苏省“十四五”全社会节能的实施意见: 〔〕 brackets, 牵头, an office housed in a commission
    found = hits("〔省农业农村厅牵头,省发展改革委(能源局)、省科技厅、省工业和信息化厅、省水利厅等按职责分工负责〕", "CN-JS")
    assert roles(found)[:2] == [("省农业农村厅", "lead"), ("省发展改革委(能源局)", "support")]
    assert found[1].unit_id == "cn-js.fgw" and len(found) == 5


# --- generic participants and notes -------------------------------------------------------------------
def test_generic_participants_are_kept_whole() -> None:
    # 80、湖北省关于加快建立健全绿色低碳循环发展经济体系的实施意见 (the region read from the file's name)
    found = hits("(责任单位:省经信厅、省发改委、省生态环境厅、省市场监管局,各市、州、县人民政府)", "CN-HB")
    assert roles(found)[-1] == ("各市、州、县人民政府", "generic")
    assert [h.unit_id for h in found[:2]] == ["cn-hb.gxj", "cn-hb.fgw"]


def test_a_note_inside_a_list_is_no_unit() -> None:
    # 113、武汉市推动降碳及发展低碳产业工作方案
    found = hits("(责任单位:市发改委、市经信局、市生态环境局,各区人民政府〈含开发区、风景区管委会,以下工作任务均需各区人民政府落实,"
                 "不再列出〉)", "CN-HB-Wuhan")
    assert roles(found) == [("市发改委", "lead"), ("市经信局", "support"), ("市生态环境局", "support"),
                            ("各区人民政府", "generic")]


def test_closing_formulas_of_other_words() -> None:
    # 514、北京市绿色社区创建行动实施方案
    found = hits("(市民政局、市规划自然资源委、市住房城乡建设委、市发展改革委按照职责分工指导推动,各区人民政府组织实施)", "CN-BJ")
    assert roles(found) == [("市民政局", "lead"), ("市规划自然资源委", "support"), ("市住房城乡建设委", "support"),
                            ("市发展改革委", "support"), ("各区人民政府", "generic")]
    assert found[2].unit_id == "cn-bj.zjj"


def test_one_kind_of_unit_at_two_levels() -> None:
    # 202、上海市公共机构绿色低碳循环发展行动方案
    [found] = find_unit_lists("(责任单位:市、区机管局)", "CN-SH")
    assert [(h.surface, h.unit_id, h.role) for h in found.hits] == [("市、区机管局", "cn-sh.jgj", "lead")]


def test_a_list_closing_a_sentence_without_a_key() -> None:
    # 205、浙江省关于严格能效约束推动重点领域节能降碳的实施方案
    text = "引导企业有序开展节能降碳技术改造,提高生产运行能效。(省发展改革委、省经信厅、省能源局)\n2.制定技术改造实施方案。"
    [found] = find_unit_lists(text, "CN-ZJ")
    assert [(h.unit_id, h.role) for h in found.hits] == [("cn-zj.fgw", "lead"), ("cn-zj.gxj", "support"),
                                                         ("cn-zj.nyj", "support")]
    assert find_unit_lists("管理办法(试行)》,完善市级行政事业单位", "CN-SH") == []  # (试行) is no list


# --- leading groups, joint plans, declared conventions ---------------------------------------------------
def test_leading_group_named_outside_a_list_is_a_mention() -> None:
    # 2、2030年前碳达峰行动方案: the group's office coordinates, it is assigned nothing
    text = ("碳达峰碳中和工作领导小组办公室要加强统筹协调,定期对各地区和重点领域、重点行业工作进展情况进行调度,"
            "科学提出碳达峰分步骤的时间表、路线图,督促将各项目标任务落实落细。")
    assert [(h.unit_id, h.role) for h in extract_units(text, "CN", "zh")] == [("cn.tdfz-office", "mentioned")]


def test_a_joint_plan_reads_each_bare_prefix_in_its_own_jurisdiction() -> None:
    # a 川渝 list naming both sides (no joint plan is among the tune documents: the list is written in the
    # corpus's form, its units those of the two provinces)
    text = "(重庆市发展改革委、四川省发展改革委、市经济信息委、省经济和信息化厅按职责分工负责)"
    found = hits(text, "CN")
    assert [h.unit_id for h in found] == ["cn-cq.fgw", "cn-sc.fgw", "cn-cq.gxj", "cn-sc.gxj"]
    assert [h.role for h in found] == ["lead", "support", "support", "support"]
    each = hits(text, "CN", Convention.PER_JURISDICTION)  # the first unit named for each jurisdiction leads
    assert [h.role for h in each] == ["lead", "lead", "support", "support"]


def test_a_declared_convention() -> None:
    assert declared_convention("各项任务排在第一位的为牵头单位,其他为配合单位。") == Convention.FIRST
    assert declared_convention("排在第一位的四川省、重庆市单位分别为牵头单位。") == Convention.PER_JURISDICTION
    assert declared_convention("责任单位中逗号前的为牵头单位。") == Convention.BEFORE_COMMA
    assert declared_convention("到2025年,单位地区生产总值能耗下降13.5%。") == Convention.FIRST
    text = "(市交通运输局、市发改委,市公安局、市财政局)"
    assert [h.role for h in hits(text, "CN-SC-Chengdu", Convention.BEFORE_COMMA)] == [
        "lead", "lead", "support", "support"]

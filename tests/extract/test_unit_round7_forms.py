"""Generic participants of the levels below a province, read in the fourth round of the units' tuning key
(tests/keys/units_tune.toml, `round = 4`): each case is a line of a `tune` document copied from its normalised text (the
file's running number and the clause are given with it). The governments of several levels charged alone, a bracket of
the levels they cover holding 、 ("各市(州)、县(市、区)人民政府负责…"); a county's competent department charged with 牵头
("县( 市、区)林草主管部门牵头安排…", the text layer's space in the bracket); "由X、Y…等项目主管部门负责…" naming the
bodies of every city and zone of a kind, a level's departments and a kind of university; the duty formula 各负其责
charging a government's departments ("省政府有关部门要各负其责,…") (extract/unit_duties.py, extract/unit_sentences.py,
extract/unit_forms.py).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles

SICHUAN = "CN-SC"
JIANGSU = "CN-JS"


# --- the governments and departments of lower levels charged alone ---------------------------------------------------
def test_the_governments_of_two_levels_charged_alone() -> None:
    # 164、四川省关于科学绿化的实施意见, 二/四: "县(市、区)" holds 、 inside its bracket
    line = ("落实最严格的耕地保护制度,结合城镇开发和乡村振兴合理确定规划范围、绿化目标任务。各市(州)、县(市、区)人民政府负责本辖区"
            "绿化相关规划的实施和督促检查,任何部门、单位或个人不得随意变更规划,不得擅自改变绿化用地面积、性质和用途。")
    assert roles(line, SICHUAN) == [("各市(州)、县(市、区)人民政府", "generic")]


def test_a_county_s_competent_department_charged_with_leading() -> None:
    # 164, 二/五: 牵头 charges the county's forestry department; the sentence before it names no duty verb
    line = ("(五)合理安排绿化用地。围绕绿化目标任务,综合考虑土地利用性质、土地适宜性等因素,科学划定绿化用地。县(市、区)自然资源"
            "主管部门依据国土绿化规划及年度国土变更调查情况等提出本辖区城乡可利用绿化空间,县( 市、区)林草主管部门牵头安排第二年"
            "绿化目标任务,推进落地上图精细化管理,年度工作计划报县(市、区)人民政府批准后执行。")
    assert roles(line, SICHUAN) == [("县( 市、区)林草主管部门", "generic")]


def test_a_kind_charged_with_leading_is_still_no_list() -> None:
    # a kind of firm or a department by its field alone names no participant, with 牵头 as with 负责
    assert roles("鼓励龙头企业牵头组建创新联合体。", SICHUAN) == []
    assert roles("造林任务由林业部门牵头组织实施。", SICHUAN) == []


# --- the bodies of every city and zone of a kind, named before the kind ----------------------------------------------
def test_the_competent_departments_of_a_call_named_before_their_kind() -> None:
    # 181、江苏省关于印发2022年度省碳达峰碳中和科技创新专项资金项目指南及组织申报项目的通知, 二/1 and the guide's 二/二
    line = ("1.本专项项目申报按照属地化原则,由设区市科技局、县(市)科技局、国家和省级高新区管委会、省有关单位、在宁部省属本科高校"
            "等项目主管部门负责组织推荐。")
    assert roles(line, JIANGSU) == [("设区市科技局", "generic"), ("县(市)科技局", "generic"),
                                    ("国家和省级高新区管委会", "generic"), ("省有关单位", "generic"),
                                    ("在宁部省属本科高校", "generic")]
    line = ("本年度指南分为揭榜挂帅任务专题和重点领域攻关专题,采取重点项目、竞争项目两类组织,具体由设区市科技局、县(市)科技局、"
            "国家和省级高新区管委会、省有关单位等项目主管部门负责组织申报。")
    assert roles(line, JIANGSU) == [("设区市科技局", "generic"), ("县(市)科技局", "generic"),
                                    ("国家和省级高新区管委会", "generic"), ("省有关单位", "generic")]


def test_zone_committees_of_a_level_and_a_kind_of_university_are_generic_in_a_bracket() -> None:
    # the forms of the call above in a bracket list; a particular zone's committee stays a unit that supports
    assert roles("(责任单位:省科技厅、省级以上园区管委会、省属高校)", JIANGSU) == [
        ("省科技厅", "lead"), ("省级以上园区管委会", "generic"), ("省属高校", "generic")]
    assert roles("(责任单位:省生态环境厅,各市政府、雄安新区管委会)", "CN-HE") == [
        ("省生态环境厅", "lead"), ("各市政府", "generic"), ("雄安新区管委会", "support")]


# --- the duty formula in a plan's closing paragraph ------------------------------------------------------------------
def test_a_government_s_departments_charged_by_each_bearing_its_own_duty() -> None:
    # 106、陕西省加快建立健全绿色低碳循环发展经济体系若干措施, 七/二十二: 各负其责 is the duty formula; "要结合实际,认真
    # 抓好落实" alone and a coordinating department with no duty verb name no list
    text = ("(二十二)抓好贯彻落实。各市(区)政府要结合实际,认真抓好落实。\n省发展改革委要加强统筹协调,及时梳理总结各市(区)、"
            "各有关部门绿色低碳循环发展的成效、经验、做法。省政府有关部门要各负其责,制定年度工作计划和措施并抓好落实,加强协调"
            "联动、密切配合,形成工作合力,重大事项及时向省委、省政府报告。")
    assert roles(text, "CN-SN") == [("省政府有关部门", "generic")]


def test_the_duty_formula_charges_no_particular_organ_alone() -> None:
    # as 按照职责分工 does not, 各负其责 after a named organ reads nothing
    assert roles("省发展改革委要各负其责,制定年度工作计划。", "CN-SN") == []


# --- 会同 says who joins, not who leads -----------------------------------------------------------------------------------
def test_before_joining_others_the_first_unit_named_leads() -> None:
    # 317 (云南), 四/四: two units before 要会同; the first leads by the list's convention, the second and those joined support
    line = ("省委组织部、省住房城乡建设厅要会同省发展改革委、省自然资源厅、省生态环境厅加强培训,不断提高党政主要负责同志推动城乡"
            "建设绿色发展的能力和水平。")
    assert roles(line, "CN-YN") == [("省委组织部", "lead"), ("省住房城乡建设厅", "support"), ("省发展改革委", "support"),
                                    ("省自然资源厅", "support"), ("省生态环境厅", "support")]
    # one unit before 会同 leads as before
    assert roles("(一)省发展改革委会同省财政厅制定方案。", "CN-YN") == [("省发展改革委", "lead"), ("省财政厅", "support")]

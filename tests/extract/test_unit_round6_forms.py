"""Generic participants charged with a task outside brackets, read in the third round of the units' tuning key
(tests/keys/units_tune.toml, `round = 3`): each case is a line of a `tune` document copied from its normalised text (the
file's running number and the clause are given with it). A duty statement whose units are all generic (各区政府负责…,
各领域主管部门负责…, 市级部门负责…, 由主管部门负责…) is a list of generic participants, and so is one charging them
by the duty formula alone (各有关部门要按照职责分工,…: the sentence form of "(各有关单位按职责分工负责)", read in a sweep
of the tune documents); the formula may also stand between the units and 负责 (",按照各自职责,"). Units joined after
the duty's first clause (负责编制…,会同Y) and a generic participant led by the field it covers (会同节能减排降碳各领域
主管部门) join the named unit's list (extract/unit_duties.py, extract/unit_sentences.py, extract/unit_forms.py).
"""

from __future__ import annotations

import pytest

from tests.extract.unit_facts import roles

XUHUI = "CN-SH-Xuhui"


# --- generic participants charged alone ------------------------------------------------------------------------------
def test_the_competent_departments_of_every_field_charged_after_a_heading() -> None:
    # 115、徐汇区节能减排降碳专项资金管理办法, 五/四
    line = ("(四)审核审定。各领域主管部门负责扶持项目申请材料的形式审查,提出预审意见。区发展改革委对项目和扶持金额进行审核,"
            "其中申报扶持金额较大或项目内容较为复杂的,由区发展改革委安排第三方专业机构委托评审。")
    assert roles(line, XUHUI) == [("各领域主管部门", "generic")]


def test_the_duty_formula_between_the_participants_and_their_verb() -> None:
    # 115, 三/三: "各项目主管部门,按照各自职责,负责…"
    line = ("(三)各项目主管部门,按照各自职责,负责本领域申报的节能减排降碳项目进行形式审查、提出预审意见、开展后期跟踪管理;"
            "向区发展改革委报送年度节能减排降碳支持项目和资金使用计划,落实相应日常监管措施。")
    assert roles(line, XUHUI) == [("各项目主管部门", "generic")]


def test_the_districts_and_the_departments_of_a_level_charged_in_a_principle() -> None:
    # 515、北京市绿色建筑创建行动实施方案（2020年-2022年）, 二/三: 市级部门 names the city's departments, none in particular
    text = ("(三)部门联动,属地负责。强化北京市建筑节能和装配式建筑联席会议制度,发挥联动机制,市级部门负责制定建筑绿色发展规划、"
            "政策措施、技术标准,并监督实施。\n各区政府负责既有建筑节能绿色化改造,发展绿色建筑、装配式建筑、超低能耗建筑等工作的"
            "组织实施。")
    assert roles(text, "CN-BJ") == [("市级部门", "generic"), ("各区政府", "generic")]


def test_the_district_departments_charged_after_a_comma() -> None:
    # 515, 四/二: the districts' departments are generic (the city's, named by its field, is a particular organ: below)
    line = ("(二)完善星级绿色建筑标识制度。修订绿色建筑标识管理办法,建立标识撤销机制,市住房城乡建设部门负责开展二星级绿色建筑"
            "标识工作,各区住房城乡(市)建设部门负责开展一星级绿色建筑标识工作。")
    assert ("各区住房城乡(市)建设部门", "generic") in roles(line, "CN-BJ")


def test_the_competent_department_charged_in_a_passive_sentence() -> None:
    # 115, 二/四/1 and 五/五: "由主管部门负责…", "由各主管部门负责…"
    line = ("对于新建载体可在项目正式开工后和完成并网验收两阶段,按照3:7比例给予扶持。如项目停止建设,根据具体情况,"
            "由主管部门负责收回已拨付的资金。")
    assert roles(line, XUHUI) == [("主管部门", "generic")]
    assert roles("(五)结果反馈。项目审定结果由各主管部门负责向申报企业答复。", XUHUI) == [("各主管部门", "generic")]


def test_a_kind_charged_alone_is_no_list() -> None:
    # a kind of firm or a department by its field alone names no participant charged ("由林业部门负责" as before)
    assert roles("(二)重点企业负责建立能源管理体系。", XUHUI) == []
    assert roles("造林任务由林业部门负责组织实施。", XUHUI) == []


# --- generic participants joined to a named unit ---------------------------------------------------------------------
def test_units_joined_after_the_duty_s_first_clause() -> None:
    # 115, 三/一: "区发展改革委负责编制…,会同相关主管部门,…"
    line = ("(一)区发展改革委负责编制专项资金年度预算,会同相关主管部门,根据本管理办法制定申报流程,落实项目审核、跟踪、评估等工作。"
            "本办法条款若与上海市、徐汇区制定的其他政策有重复交叉的,按照“从高不重复”原则予以支持。")
    assert roles(line, XUHUI) == [("区发展改革委", "lead"), ("相关主管部门", "generic")]


def test_a_generic_participant_led_by_the_field_it_covers() -> None:
    # 115, 五/一: "会同节能减排降碳各领域主管部门负责…"
    line = ("(一)申报通知。区发展改革委会同节能减排降碳各领域主管部门负责编制年度项目申报指南,申报企业按照当年度项目申报指南的"
            "要求进行申报。")
    assert roles(line, XUHUI) == [("区发展改革委", "lead"), ("节能减排降碳各领域主管部门", "generic")]


# --- generic participants charged by the duty formula ----------------------------------------------------------------
def test_generic_participants_charged_by_the_duty_formula() -> None:
    # the sentence form of a bracket the key holds as a list ("(各有关单位按职责分工负责)"): 353、天水市…实施方案,
    # (二十五); 302、国家适应气候变化战略2035; 49、关于政府采购支持绿色建材促进建筑品质提升试点工作的通知, (一) (after a
    # comma); 440、宁夏回族自治区“十四五”土壤、地下水和农村生态环境保护规划; 113、武汉市推动降碳及发展低碳产业工作方案
    line = ("(二十五)抓好贯彻落实。各县区、各有关部门和单位要按照职责分工,对标对表重点任务清单,加强日常督促落实,统筹做好"
            "政策指导和解读,确保按期高质量完成各项任务。")
    assert roles(line, "CN-GS-Tianshui") == [("各县区", "generic"), ("各有关部门和单位", "generic")]
    line = ("强化组织领导。生态环境部负责牵头协调本战略实施工作,研究制定地方适应气候变化行动方案编制指南,协调推动各有关部门、"
            "地方强化适应气候变化行动。各有关部门要按照职责分工,进一步细化落实举措,编制本领域适应气候变化行动方案,认真贯彻执行。")
    assert ("各有关部门", "generic") in roles(line, "CN")
    line = "试点实施方案印发后,有关部门要按照职责分工加强协调配合,确保试点工作顺利推进。"
    assert roles(line, "CN") == [("有关部门", "generic")]
    line = ("自治区相关部门要按照职责分工,建立部门联动机制,加强协调配合,共享数据信息,制定配套政策措施,督促和指导相关工作的"
            "实施。")
    assert roles(line, "CN-NX") == [("自治区相关部门", "generic")]
    line = "市直各相关部门要按照职责分工,建立常态化长效化工作机制,扎实做好本领域、本行业的低碳转型发展工作。"
    assert roles(line, "CN-HB-Wuhan") == [("市直各相关部门", "generic")]


def test_the_duty_formula_charges_no_particular_organ_alone() -> None:
    # the formula after a named organ stays read only as before (with 负责 as a duty line's verb, never the formula alone)
    assert roles("省发展改革委按照职责分工推进各项工作。", "CN-JS") == []


# --- the departments of one level, the level written before 各 ---------------------------------------------------------
def test_the_departments_of_a_level_written_before_each_are_generic() -> None:
    # 56、江苏省 关于推动高质量发展做好碳达峰碳中和工作的实施意见, 十/(三十二): the province's departments and units
    line = ("(三十二)注重总体设计。加快制定全省碳达峰实施方案,按照分类、分层、分区的要求综合统筹做好各地区各重点领域碳达峰实施方案。"
            "省各有关部门和单位按照职责分工制定能源、工业等重点领域专项实施方案及科技创新、全社会节约用能等专项保障方案,"
            "尽快形成目标明确、任务清晰、保障有力的碳达峰、碳中和“1+1+N”政策体系。")
    assert roles(line, "CN-JS") == [("省各有关部门和单位", "generic")]
    # 467、盐城市“十四五”生态环境保护规划, 第二节 强化规划评估督导: the city's departments, charged by the duty formula
    line = "市各部门按照职责分工,细化分解规划目标与任务,制定部门年度行动计划,各县(市、区)具体落实各项重点任务与工程。"
    assert roles(line, "CN-JS") == [("市各部门", "generic")]
    # in a bracketed list, after a named unit
    assert roles("(责任单位:市发改委、市各有关部门)", "CN-JS") == [("市发改委", "lead"), ("市各有关部门", "generic")]


# --- a government's department named by its field, the level before it -------------------------------------------------
def test_a_department_named_by_its_field_with_its_level_is_a_particular_organ() -> None:
    # 58、天津市碳达峰碳中和促进条例, 第五条: the city's department of development and reform, charged
    line = "第五条市发展改革部门负责碳达峰、碳中和工作领导机制的日常工作,组织落实碳达峰、碳中和。"
    assert roles(line, "CN-TJ") == [("市发展改革部门", "lead")]
    # 515, 四/二: after a comma, beside the districts' departments (generic, as before)
    line = ("(二)完善星级绿色建筑标识制度。修订绿色建筑标识管理办法,建立标识撤销机制,市住房城乡建设部门负责开展二星级绿色建筑"
            "标识工作,各区住房城乡(市)建设部门负责开展一星级绿色建筑标识工作。")
    assert roles(line, "CN-BJ") == [("市住房城乡建设部门", "lead"), ("各区住房城乡(市)建设部门", "generic")]
    # 122、广州市黄埔区…促进绿色低碳发展办法, 第十一条: each district department charged after a semicolon
    line = ("区发展改革部门负责兑现第三条,第四条第(二)项(非工业企业),第五条第(一)至(四)项(按对应的分工),第六条第(一)及(二)项,"
            "第七条,第八条,第九条(按对应的分工);区工业和信息化部门负责兑现第四条第(一)及(三)项、第四条第(二)项(工业企业),"
            "第五条第(一)至(三)项(按对应的分工),第六条第(三)项,第九条(按对应的分工);区生态环境部门负责兑现第四条第(四)至(六)项;"
            "区水务部门负责兑现第四条第(七)项。")
    assert roles(line, "CN-GD-Guangzhou") == [("区发展改革部门", "lead"), ("区工业和信息化部门", "lead"),
                                              ("区生态环境部门", "lead"), ("区水务部门", "lead")]


def test_a_competent_department_named_by_its_level_and_field_is_a_particular_organ() -> None:
    # 110、深圳市支持绿色发展促进工业“碳达峰”扶持计划操作规程, 第四条 (units_tune.toml round 7: the lead)
    line = ("第四条市工业和信息化主管部门负责编制并发布资金申报指南,组织项目申报和材料初审,开展项目跟踪管理、监督检查,"
            "下达资金扶持计划,批准项目变更、撤销或中止。")
    assert roles(line, "CN-GD-Shenzhen") == [("市工业和信息化主管部门", "lead")]
    # in a bracketed list it leads, as the first unit does
    assert roles("(责任单位:市工业和信息化主管部门、市财政局)", "CN-GD-Shenzhen") == [
        ("市工业和信息化主管部门", "lead"), ("市财政局", "support")]
    # two levels, a level's set, a department with no level, and 各/有关/相关 stay generic
    for name in ("市县林业主管部门", "市有关行业主管部门", "公共机构节能主管部门", "同级人民政府水行政主管部门", "各市相关主管部门"):
        assert roles(f"{name}负责组织实施。", "CN-FJ") == [(name, "generic")], name


def test_a_field_alone_two_levels_or_a_set_of_departments_is_no_particular_organ() -> None:
    from policykg.extract.unit_duties import _FIELD_DEPARTMENT_RE

    for name in ("市场监管部门", "市县财政部门", "市有关部门", "市级部门", "市政府部门", "县住房城乡建设等部门"):
        assert not _FIELD_DEPARTMENT_RE.fullmatch(name), name
    assert roles("造林任务由林业部门负责组织实施。", XUHUI) == []


# --- the parties of a scheme charged by their part in it -------------------------------------------------------------
@pytest.mark.parametrize(("line", "region", "party"), [
    # 110、深圳市支持绿色发展促进工业“碳达峰”扶持计划操作规程, 第六条 and 第二十一条 (units_tune.toml round 7)
    ("第六条项目申报单位按照申报指南要求进行项目申报,并提交项目资金申请书等资料;按照要求开展绩效自评工作,配合开展监督、"
     "检查工作;及时报送项目有关材料,并对材料的真实性、准确性和完整性负责。", "CN-GD-Shenzhen", "项目申报单位"),
    ("第二十一条项目单位应按项目实施方案完成项目建设,不得随意更改项目建设内容。", "CN-GD-Shenzhen", "项目单位"),
    # 277、关于发布2021年天津市碳达峰碳中和科技重大专项“揭榜挂帅”榜单的通知 (round 7)
    ("牵头揭榜单位须加强对申报材料的审核把关,并对申报材料的合法性、真实性、准确性和完整性负责,不得购买、委托代写申报书或"
     "提供虚假材料。", "CN-TJ", "牵头揭榜单位"),
    # 433、眉山市“十四五”生态环境保护规划 (round 7)
    ("生产经营者应自觉遵守环境保护法律法规,履行环境保护义务,承担污染治理、损害赔偿和生态修复责任。", "CN-SC-Meishan",
     "生产经营者"),
    # 548、上海市低碳示范创建工作方案 (round 7)
    ("各类低碳示范创建的申报主体作为责任主体,负责组织实施具体创建工作。", "CN-SH", "各类低碳示范创建的申报主体"),
    # 518、佛山市绿色建筑创建行动实施方案: the developer of every building
    ("建设单位应强化首要责任,在组织编制可行性研究报告或项目申请报告时应明确绿色建筑等级。", "CN-GD-Foshan", "建设单位"),
])
def test_the_party_of_a_scheme_charged_by_its_part_is_a_generic_participant(line: str, region: str, party: str) -> None:
    assert roles(line, region) == [(party, "generic")]


def test_a_kind_answering_for_its_own_data_or_a_firm_is_still_no_participant() -> None:
    assert roles("重点排放单位应当对报告数据的真实性、完整性和准确性负责。", "CN-JS") == []
    assert roles("企业负责落实节能降碳主体责任。", "CN-JS") == []
    # a field line naming the implementing unit stays the unit it names
    assert roles("(实施单位:市发展改革委)", "CN-GD-Shenzhen") == [("市发展改革委", "lead")]

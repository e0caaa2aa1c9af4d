"""Generic participants charged outside brackets, read in the fifth round of the units' tuning key
(tests/keys/units_tune.toml, `round = 5`): each case is a line of a `tune` document copied from its normalised text (the
file's running number and the clause are given with it). Generic participants charged with answering for a task as a
whole (负总责, 对…负责, 是/作为…责任主体, 各司其职, 分工负责, 守土有责), "各级党委、政府" one participant; departments a
sentence names by their field, closed by 等部门 and charged by the duty formula; generic participants charged with 配合
(extract/unit_sentences.py, extract/unit_duties.py, extract/unit_forms.py).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles

FUJIAN = "CN-FJ"


# --- generic participants answering for a task as a whole ------------------------------------------------------------
def test_governments_of_every_level_answer_for_the_environment() -> None:
    # 446、莆田市“十四五”生态环境保护规划, 十二/三: 负总责; 相关部门要各司其职 in the sentence before
    line = ("做好规划重大任务的分解和落实,强化政策统筹协调,提高对规划实施的宏观调控与政策引导。相关部门要各司其职、密切配合,严格落实"
            "“一岗双责”,建立相应工作机制,形成合力推进规划各项任务落实。各级政府要对本辖区的环境质量负总责,结合当地实际,建立和完善"
            "环境保护工作推进机制,深化基层环保工作,完善乡镇、街道环境管理责任体系。")
    assert roles(line, FUJIAN) == [("相关部门", "generic"), ("各级政府", "generic")]


def test_the_responsible_subject_of_a_plan() -> None:
    # 446, 十二/二: 是…责任主体 after a comma; the clause after it says 守土有责 of the same participants
    line = ("全面加强党对生态环境保护的领导,加快实现“党政同责”,各级党委政府是规划实施的责任主体,将规划各项目标分解落实到位,各级党委、"
            "政府对保持并改善本行政辖区内环境质量要做到“守土有责、守土负责、守土尽责”。")
    assert roles(line, FUJIAN) == [("各级党委政府", "generic"), ("各级党委、政府", "generic")]
    # 388、黑龙江省“十四五”生态环境保护规划, 四/一: the governments of two levels, a bracket of levels holding 、
    line = ("各市(地)、县(市、区)政府是规划实施的责任主体,各地各部门编制的相关规划要与本规划相衔接。明确任务分工,有关部门要各司其职、"
            "密切配合、齐抓共管,严格落实一岗双责、失职追责、尽职免责。")
    assert roles(line, "CN-HL") == [("各市(地)、县(市、区)政府", "generic"), ("有关部门", "generic")]


def test_a_county_s_government_and_a_regulation_s_governments_answer() -> None:
    # 452、宿迁市“十四五”生态环境保护规划, 五/一
    line = "各县(区)人民政府要对本行政区域内生态环境保护负总责,制定本地区的“十四五”生态环境保护规划,分解落实规划目标和任务。"
    assert roles(line, "CN-JS") == [("各县(区)人民政府", "generic")]
    # 101、福建省生态环境保护条例, 第四条: the article's number before the participants
    line = "第四条地方各级人民政府应当对本行政区域的生态环境质量负责,采取有效措施,建立健全绿色低碳循环发展经济体系。"
    assert roles(line, FUJIAN) == [("地方各级人民政府", "generic")]


def test_party_committees_and_departments_answer() -> None:
    # 473、宁德市“十四五”生态环境保护规划, 四/十二/2 and 六/一
    line = "各级党委和政府要对本地区环境保护工作负总责,各部门和生产经营单位承担抓好业务工作和环境保护工作的双重责任。"
    assert roles(line, FUJIAN)[0] == ("各级党委和政府", "generic")
    line = ("各级党委、政府对保持并改善本行政辖区内环境质量要做到“守土有责”,对生态环境工作负全面领导责任。生态环境部门统一监督落实"
            "环境保护工作、统一评估环境质量状况。各相关部门要对各自职能范围内的污染防治工作负责。")
    assert roles(line, FUJIAN) == [("各级党委、政府", "generic"), ("各相关部门", "generic")]
    # 469、呼和浩特市“十四五”生态环境保护规划, 七/一: 分工负责
    line = "健全部门协作机制,有关部门对生态环境保护分工负责,构建各负其责、齐抓共管的生态环境保护新格局。"
    assert roles(line, "CN-NM") == [("有关部门", "generic")]


def test_a_kind_or_an_organ_answering_is_no_list_of_generic_participants() -> None:
    # a kind answers for its own data (58、天津市碳达峰碳中和促进条例, 第十六条): no participant of a task
    assert roles("重点排放单位应当对报告数据和信息的真实性、完整性和准确性负责。", "CN-TJ") == []
    assert roles("企业对监测数据的真实性负责。", FUJIAN) == []


# --- departments named by their field, charged by the duty formula ---------------------------------------------------
def test_departments_by_their_field_charged_by_the_duty_formula() -> None:
    # 58, 第五条 and 第十三条: the first leads by the list's convention; 等部门 closes the list
    line = ("发展改革、生态环境、工业和信息化、交通运输、住房城乡建设、城市管理、农业农村、规划资源等部门按照职责分工,做好本行业、本领域"
            "碳达峰、碳中和相关工作,保证本行业、本领域碳达峰、碳中和工作目标实现。")
    assert roles(line, "CN-TJ") == [("发展改革", "lead"), ("生态环境", "support"), ("工业和信息化", "support"),
                                    ("交通运输", "support"), ("住房城乡建设", "support"), ("城市管理", "support"),
                                    ("农业农村", "support"), ("规划资源", "support")]
    line = "市统计、发展改革、生态环境等部门应当按照各自职责,加强碳排放数据收集、评估核算及清单编制等工作。"
    assert roles(line, "CN-TJ") == [("市统计", "lead"), ("发展改革", "support"), ("生态环境", "support")]
    # 7、关于推动城乡建设绿色发展的意见, 五/二: after a comma
    line = ("加强部门统筹协调,住房城乡建设、发展改革、工业和信息化、民政、财政、自然资源、生态环境、交通运输、水利、农业农村、文化和旅游、"
            "金融、市场监管等部门要按照各自职责完善有关支持政策,推动落实重点任务。")
    found = roles(line, "CN")
    assert found[0] == ("住房城乡建设", "lead") and len(found) == 13 and found[-1] == ("市场监管", "support")


def test_two_fields_or_a_sentence_s_words_are_no_list() -> None:
    # two items are no list of fields; words of a sentence are no field
    assert roles("发展改革、生态环境等部门按照职责分工,做好相关工作。", "CN-TJ") == []
    assert roles("对标准较低的、不能稳定达标的、在建的等部门按照职责分工,做好相关工作。", "CN-TJ") == []


# --- generic participants charged with 配合 ---------------------------------------------------------------------------
def test_generic_departments_of_every_city_charged_with_supporting() -> None:
    # 233、广东省碳普惠交易管理办法, 第五条
    line = "第五条各地级以上市生态环境部门配合做好碳普惠管理相关工作,可根据实际情况组织开展本市碳普惠创新发展工作。"
    assert roles(line, "CN-GD") == [("各地级以上市生态环境部门", "generic")]
    assert roles("企业配合做好相关工作。", "CN-GD") == []
    # a call to work together names no body before 配合 (475、广东省发展绿色金融支持碳达峰行动的实施方案, 三/(一))
    assert roles("各成员单位要加强联动配合,形成有效工作合力。", "CN-GD") == []


# --- a particular organ named the lead of a task or the seat of a leading group's office -----------------------------
def test_an_organ_named_as_the_lead_unit_of_a_task() -> None:
    # 124、碳达峰碳中和林草碳汇(包头)试验区实施方案, 五/三
    line = ("健全激励机制,营造谋改革、善创新的良好氛围。市林草局作为试验区建设牵头单位,要不断创新工作方法,完善工作思路,细化工作措施,"
            "加强对建设任务落实情况的督导检查,适时开展成效评估。")
    assert roles(line, "CN-NM") == [("市林草局", "lead")]
    assert roles("企业作为项目牵头单位,负责项目实施。", "CN") == []


def test_the_seat_of_a_leading_group_s_office_charged_with_its_work() -> None:
    # 284、山西省关于成立碳达峰碳中和工作领导组的通知, 二/(一): the text layer's space before the line
    line = (" 领导组下设办公室,办公室设在厅科技教育处,负责碳达峰碳中和日常工作,办公室主任由科技教育处处长兼任,副主任由生态环境建设"
            "总站站长、科技教育处分管处长兼任。")
    assert roles(line, "CN-SX") == [("厅科技教育处", "lead")]


# --- 由…负责 charging generic participants -----------------------------------------------------------------------------
def test_the_body_of_the_city_a_case_is_in_charged() -> None:
    # 280、2021年度省碳达峰碳中和科技创新专项资金项目指南及组织申报项目的通知, 附2/二/7
    line = "其他申报单位按照属地化原则,由所在地设区市科技局负责项目审核推荐及立项后管理等事宜。"
    assert roles(line, "CN-JS") == [("所在地设区市科技局", "generic")]


def test_either_of_two_generic_participants_charged() -> None:
    # 280, 二/4: 或 joins two generic participants
    line = ("4. 关于定向委托项目。重大科技示范项目中涉及行业或区域示范的部分指南方向,采取定向委托形式,直接由省有关行业主管部门或地方"
            "政府具体负责组织实施,相关要求见对应指南。")
    assert roles(line, "CN-JS") == [("省有关行业主管部门", "generic"), ("地方政府", "generic")]


# --- a regulation's competent departments of the province and of every city -----------------------------------------
def test_the_department_of_the_province_and_of_every_city_is_one_participant() -> None:
    # 101、福建省生态环境保护条例, 第九条 and 第十条: "省、设区的市人民政府…主管部门" one generic participant, with 会同;
    # a generic participant joined by 和 after the first one 会同 names
    line = ("省、设区的市人民政府生态环境主管部门应当会同有关部门对本行政区域的生态环境状况进行综合调查和评价,编制生态环境保护规划,"
            "报同级人民政府批准并公布实施。")
    assert roles(line, FUJIAN) == [("省、设区的市人民政府生态环境主管部门", "generic"), ("有关部门", "generic")]
    line = ("第十条水功能区由省、设区的市人民政府生态环境主管部门会同同级人民政府水行政主管部门和有关部门划定,报同级人民政府或者其"
            "授权的部门批准。")
    assert roles(line, FUJIAN)[:3] == [("省、设区的市人民政府生态环境主管部门", "generic"),
                                       ("同级人民政府水行政主管部门", "generic"), ("有关部门", "generic")]
    line = "近岸海域环境功能区由沿海设区的市人民政府生态环境主管部门会同海洋渔业、自然资源和有关部门划定,经同级人民政府审查同意后。"
    assert roles(line, FUJIAN)[0] == ("沿海设区的市人民政府生态环境主管部门", "generic")


def test_a_regulation_s_unified_supervision() -> None:
    # 101, 第五条: "X对本行政区域…工作实施统一监督管理"
    line = ("第五条省、设区的市人民政府生态环境主管部门对本行政区域生态环境保护工作实施统一监督管理,县级以上地方人民政府其他有关部门"
            "在其职责范围内对资源保护和污染防治等生态环境保护工作实施监督管理。")
    assert roles(line, FUJIAN)[0] == ("省、设区的市人民政府生态环境主管部门", "generic")


def test_the_departments_and_units_joined_are_one_participant() -> None:
    # 335、关于开展2022年全国节能宣传周和全国低碳日活动的通知, 三: 有关部门和单位 after 会同, as printed
    line = "三、全国低碳日当天,生态环境部将会同有关部门和单位围绕宣传主题,开展“线上+线下”宣传活动。"
    assert roles(line, "CN") == [("生态环境部", "lead"), ("有关部门和单位", "generic")]


# --- a duty sentence after a paragraph's short heading without a number ---------------------------------------------
def test_units_after_an_unnumbered_heading_charged_by_their_duties() -> None:
    # 446、莆田市“十四五”生态环境保护规划, 七/四: the duty formula between the units and 负责 without commas
    line = ("加强海洋环保执法力度。市海洋与渔业局、生态环境局根据各自职责负责与省、县(区)执法队伍开展经常性纵向联合行动,重点打击非法采砂、"
            "违法倾废、海洋工程污染。")
    assert roles(line, "CN-FJ-Putian") == [("市海洋与渔业局", "lead"), ("生态环境局", "support")]
    # a heading's sentence before a kind is still none
    assert roles("加强海洋环保执法力度。企业负责落实主体责任。", "CN-FJ-Putian") == []


# --- a level's departments of several fields sharing 部门 ------------------------------------------------------------
def test_a_level_s_departments_of_two_fields_sharing_one_head() -> None:
    # 58、天津市碳达峰碳中和促进条例, 第十一条: 市发展改革、生态环境部门 — the level before the first, 部门 after the last
    line = ("第十一条市和区人民政府应当将碳达峰、碳中和工作纳入国民经济和社会发展规划、计划。市发展改革、生态环境部门应当会同有关部门,"
            "根据国家碳达峰、碳中和工作要求,组织编制和实施碳达峰、碳中和工作年度计划。")
    assert roles(line, "CN-TJ") == [("市发展改革", "lead"), ("生态环境部门", "support"), ("有关部门", "generic")]
    # two levels are no shared head
    assert roles("市发展改革、区生态环境部门应当会同有关部门编制计划。", "CN-TJ") == []

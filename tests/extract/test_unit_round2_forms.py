"""Forms of responsibility lists found by the second round of the unit tuning key (tests/keys/units_tune.toml,
entries `round = 2`). Each case is a sentence of a `tune` document (tests/keys/split.toml) copied from its
normalised text: a list a sentence names before its task (extract/unit_sentences.py), a duty sentence after a
paragraph's heading or a list's closing bracket (extract/unit_duties.py), generic kinds of authority, firm and zone
and a note inside an item (extract/unit_forms.py, extract/unit_lists.py).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles


# --- "由X牵头,Y…参与" -----------------------------------------------------------------------------------
def test_a_sentence_led_by_a_unit_with_participants() -> None:
    # 419、四川省“十四五”农业农村生态环境保护规划, 四/三
    line = ("完善农业农村生态环境保护工作评估机制。由生态环境厅牵头,住房和城乡建设厅、水利厅、农业农村厅等相关部门参与,"
            "分别围绕规划目标、重点任务完成情况进行调度,制定评估办法对规划实施情况开展中期评估和总结评估。")
    assert roles(line, "CN-SC") == [("生态环境厅", "lead"), ("住房和城乡建设厅", "support"), ("水利厅", "support"),
                                     ("农业农村厅", "support")]


def test_departments_named_by_their_field() -> None:
    # 514、北京市绿色社区创建行动实施方案, 四/一: "…等部门参与" says the items are departments
    line = ("建立全市绿色社区创建行动部门协作机制。由市住房城乡建设委牵头,发改、民政、城市管理、规自、公安、生态环境、水务、"
            "市场监管等部门参与,加强协调配合,及时沟通相关工作情况。")
    assert roles(line, "CN-BJ") == [("市住房城乡建设委", "lead")] + [
        (name, "support") for name in ("发改", "民政", "城市管理", "规自", "公安", "生态环境", "水务", "市场监管")]


def test_a_task_force_led_by_a_unit_with_firms_taking_part() -> None:
    # 496、河北省关于进一步完善煤炭市场价格形成机制的实施意见, 三/一
    line = ("(一)加强组织领导。成立由省发展改革委牵头,省国资委、省市场监管局、河北证监局、国家矿山安全监察局河北局、重点煤炭"
            "企业、重点发电企业等参加的“河北省煤炭价格形成机制改革工作专班”(见附件),协商解决具体问题。")
    assert roles(line, "CN-HE") == [
        ("省发展改革委", "lead"), ("省国资委", "support"), ("省市场监管局", "support"), ("河北证监局", "support"),
        ("国家矿山安全监察局河北局", "support"), ("重点煤炭企业", "generic"), ("重点发电企业", "generic")]


def test_a_lead_alone_and_leads_that_are_no_organ() -> None:
    # 182、关于碳达峰碳中和科技创新专项的实施细则 (南京)
    assert roles("第五条专项项目由市科技局牵头组织,采取联合攻关、竞争择优等方式组织。", "CN-JS-Nanjing") == [
        ("市科技局", "lead")]
    line = "鼓励承担单位加大自筹经费投入力度。由企业牵头申报的,自筹经费不低于市级资助经费。"
    assert roles(line, "CN-JS-Nanjing") == []
    # 166、龙岩市全国林业改革发展综合试点实施方案: kinds of department, no organ
    assert roles("需更正登记的林权证,由林业部门牵头、自然资源部门配合开展“回头看”;", "CN-FJ") == []


# --- duty sentences inside a line ------------------------------------------------------------------------
def test_a_duty_sentence_after_a_paragraphs_heading() -> None:
    # 206、浙江省关于加快推进绿色低碳工业园区建设工作的通知, 三/一/1
    line = "1.健全领导机制。省经信厅会同有关部门负责全省绿色低碳工业园区建设统筹部署和组织协调,推动创建国家级、省级绿色低碳工业园区。"
    assert roles(line, "CN-ZJ") == [("省经信厅", "lead"), ("有关部门", "generic")]


def test_a_duty_line_joined_to_the_annexs_title_and_the_next_line() -> None:
    # 293、关于成立安徽省生态环境厅…领导小组的通知: the annex's title, its first line and the second joined
    line = ("安徽省生态环境厅碳达峰行动方案编制与碳中和愿景研究工作领导小组成员单位职责分工省生态环境保护督察办公室负责将"
            "各市县应对气候变化工作情况纳入省级督察范畴(配合单位:第一专员办公室、第二专员办公室、第三专员办公室、第四专员"
            "办公室)综合处负责统筹衔接生态环境总体规划与应对气候变化类规划及行动方案,在环境统计工作中协同碳排放调查。")
    assert roles(line, "CN-AH") == [("省生态环境保护督察办公室", "lead")] + [
        (f"第{n}专员办公室", "support") for n in "一二三四"] + [("综合处", "lead")]


def test_others_joined_by_huitong_include_a_generic_side() -> None:
    # 496, 二/一: "会同有关方面"
    line = "省发展改革委会同有关方面综合采取供需衔接、储备吞吐、进出口调节、运输协调等措施,促进煤炭价格在合理区间运行。"
    assert roles(line, "CN-HE") == [("省发展改革委", "lead"), ("有关方面", "generic")]


# --- generic participants and notes ----------------------------------------------------------------------
def test_a_kind_of_authority_is_generic_and_never_leads() -> None:
    # 202、上海市公共机构绿色低碳循环发展行动方案, 二/二
    line = "完成全市公共机构能源资源利用和碳排放情况调查报告。\n(责任单位:公共机构节能主管部门,市、区机管局)"
    assert roles(line, "CN-SH") == [("公共机构节能主管部门", "generic"), ("市、区机管局", "lead")]


def test_kinds_of_firm_and_a_bare_zone_are_generic() -> None:
    # 496, 二/二
    line = "有效实现煤电价格传导。(责任单位:省发展改革委、省国资委、煤炭企业、发电企业)"
    assert roles(line, "CN-HE") == [("省发展改革委", "lead"), ("省国资委", "support"), ("煤炭企业", "generic"),
                                     ("发电企业", "generic")]
    # 116、合肥市重点领域节能降碳技术改造实施方案, 二/一
    line = "按程序申请更新企业能效清单目录。(责任单位:市发改委、市经信局、各县(市)区、开发区)"
    assert roles(line, "CN-AH-Hefei") == [("市发改委", "lead"), ("市经信局", "support"), ("各县(市)区", "generic"),
                                           ("开发区", "generic")]


def test_a_note_inside_an_item_keeps_the_item() -> None:
    # 134、河北省重点领域严格能效约束推进节能降碳实施方案, 二/一
    line = ("向社会进行公示、接受监督。〔责任单位:省发展改革委、省工业和信息化厅、省统计局,各市(含定州、辛集市,下同)"
            "相关主管部门〕")
    assert roles(line, "CN-HE") == [("省发展改革委", "lead"), ("省工业和信息化厅", "support"), ("省统计局", "support"),
                                     ("各市(含定州、辛集市,下同)相关主管部门", "generic")]


def test_a_lead_then_others_joined_by_huitong() -> None:
    # 317、云南省关于推动城乡建设绿色发展的实施意见: "X牵头,会同Y…等部门,建立…"
    line = ("(二)建立完善工作机制。省住房城乡建设厅牵头,会同省发展改革委、省工业和信息化厅、省民政厅、省财政厅、省自然资源厅、"
            "省生态环境厅、省交通运输厅、省农业农村厅、省水利厅、省文化和旅游厅、省应急厅、省市场监管局、省地方金融监管局等部门,"
            "建立省级城乡建设绿色发展联席会议制度,加强业务指导、组织协调、监督检查和考核评价。")
    found = roles(line, "CN-YN")
    assert found[0] == ("省住房城乡建设厅", "lead") and len(found) == 14
    assert found[1:4] == [("省发展改革委", "support"), ("省工业和信息化厅", "support"), ("省民政厅", "support")]
    assert found[-1] == ("省地方金融监管局", "support")


def test_the_citys_departments_joined_by_huitong_are_generic() -> None:
    # 514、北京市绿色社区创建行动实施方案, 三/一/1
    line = "1.动员部署。市住房城乡建设委会同市有关部门对全市开展绿色社区创建行动进行动员部署,明确相关工作要求。"
    assert roles(line, "CN-BJ") == [("市住房城乡建设委", "lead"), ("市有关部门", "generic")]

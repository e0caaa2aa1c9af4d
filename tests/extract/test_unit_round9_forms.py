"""Forms the fifth round of the units' tuning key (tests/keys/units_tune.toml, `round = 5`) left after its first rules
(test_unit_round8_forms.py): each case is a line of a `tune` document copied from its normalised text (the file's
running number and the clause are given with it). Departments named by their field after 会同, closed by 和有关部门; a
department named by its field alone leading with 会同; generic participants charged with 承担…责任, a kind joined to
them by 和; levels written alone as the responsible subjects (市、县作为工作责任主体) and the governments of several levels
a bare level opens (市、旗县区党委和政府具体抓落实); the other departments acting within their duties beside the participants
a regulation charges; generic participants opening a sentence, the duty formula in a later clause; 由本单位负责 and 由高校负责
naming again the participants a sentence opens with; a particular organ named with what it is before its duty
(extract/unit_duties.py, extract/unit_sentences.py, extract/unit_lists.py, extract/unit_forms.py).
"""

from __future__ import annotations

from policykg.extract.units import extract_units
from tests.extract.unit_facts import roles

FUJIAN = "CN-FJ"


# --- departments named by their field after 会同, closed by 和有关部门 -------------------------------------------------
def test_fields_after_with_closed_by_the_departments_concerned() -> None:
    # 101、福建省生态环境保护条例, 第十条: after generic participants the fields' departments are generic too
    line = ("近岸海域环境功能区由沿海设区的市人民政府生态环境主管部门会同海洋渔业、自然资源和有关部门划定,经同级人民政府审查"
            "同意后,报省人民政府批准。")
    assert roles(line, FUJIAN) == [("沿海设区的市人民政府生态环境主管部门", "generic"), ("海洋渔业", "generic"),
                                   ("自然资源", "generic"), ("有关部门", "generic")]
    # after a particular organ they support it
    assert roles("市生态环境局会同发展改革、财政和有关部门制定实施方案。", FUJIAN) == [
        ("市生态环境局", "lead"), ("发展改革", "support"), ("财政", "support"), ("有关部门", "generic")]
    # a sentence's words before 和有关部门 are no fields
    assert roles("由沿海设区的市人民政府生态环境主管部门会同本级的、其他和有关部门划定。", FUJIAN) == [
        ("沿海设区的市人民政府生态环境主管部门", "generic")]


# --- a department named by its field alone leading with 会同 ----------------------------------------------------------
def test_a_department_by_its_field_alone_working_with_others() -> None:
    # 388、黑龙江省“十四五”生态环境保护规划, 四/四: after a comma
    line = ("(四)开展评估考核,促进规划实施。建立规划实施情况年度调度机制,生态环境部门会同相关部门围绕本规划目标指标、重点任务、"
            "环境质量改善、重点污染物排放、生态环境保护重大工程进展情况进行调度。")
    assert roles(line, "CN-HL") == [("生态环境部门", "lead"), ("相关部门", "generic")]
    # no unit after 会同, or a kind of department (行业主管部门 is generic), is no such lead
    assert roles("生态环境部门会同开展调度。", "CN-HL") == []
    assert roles("行业主管部门会同有关部门制定方案。", "CN-HL") == [("行业主管部门", "generic"), ("有关部门", "generic")]


# --- generic participants charged with 承担…责任, a kind joined to them by 和 ----------------------------------------------
def test_departments_and_a_kind_bearing_a_duty() -> None:
    # 473、宁德市“十四五”生态环境保护规划, 四/十二/2: the clause after 负总责's, two participants
    line = ("各级党委和政府要对本地区环境保护工作负总责,各部门和生产经营单位承担抓好业务工作和环境保护工作的双重责任,其主要负责人为"
            "环境保护第一责任人,全面落实政府、部门、企业的环境保护责任与义务。")
    assert roles(line, FUJIAN) == [("各级党委和政府", "generic"), ("各部门", "generic"), ("生产经营单位", "generic")]
    # a kind alone, a legal liability: none; 有关部门和单位 one participant as printed
    assert roles("企业承担污染治理主体责任。", FUJIAN) == []
    assert roles("违反本条例规定的,依法承担法律责任。", FUJIAN) == []
    assert roles("各类市场主体要积极承担社会责任,主动实施节能降碳措施。", FUJIAN) == []
    assert roles("各有关部门和单位承担相应责任。", FUJIAN) == [("各有关部门和单位", "generic")]


# --- levels written alone, and the governments of several levels, charged with a task as a whole -------------------
def test_bare_levels_as_the_responsible_subjects() -> None:
    # 7、关于推动城乡建设绿色发展的意见, 五/一: the cities and the counties, each a generic participant
    line = ("各省(自治区、直辖市)要根据本意见确定本地区推动城乡建设绿色发展的工作目标和重点任务,加强统筹协调,推进解决重点难点问题。"
            "市、县作为工作责任主体,要制定具体措施,切实抓好组织落实。")
    assert roles(line, "CN") == [("市", "generic"), ("县", "generic")]
    # one level alone is no list of them
    assert roles("市作为工作责任主体,要制定具体措施。", "CN") == []


def test_party_committees_and_governments_of_two_levels_carry_out_the_work() -> None:
    # 469、呼和浩特市“十四五”生态环境保护规划, 七/一: 具体抓落实; one participant as written
    line = ("持续深化生态环境领域改革,落实《呼和浩特市各级党委、政府及其有关部门生态环境保护责任清单》。市、旗县区党委和政府具体抓"
            "落实,承担污染防治、生态保护、监管执法、市场规范、资金安排、宣传教育等工作。健全部门协作机制,有关部门对生态环境保护分工"
            "负责,构建各负其责、齐抓共管的生态环境保护新格局。")
    assert roles(line, "CN-NM") == [("市、旗县区党委和政府", "generic"), ("有关部门", "generic")]
    # the governments of two levels, a bare level first, are one participant in a duty line too
    assert roles("市、县人民政府负责组织实施本方案。", "CN-NM") == [("市、县人民政府", "generic")]
    assert roles("要结合实际,认真抓好落实。", "CN") == []


# --- the other departments acting within their duties beside the participants a regulation charges -------------------
def test_other_departments_within_their_duties_join_the_list() -> None:
    # 101, 第五条: one list of the two clauses
    line = ("第五条省、设区的市人民政府生态环境主管部门对本行政区域生态环境保护工作实施统一监督管理,县级以上地方人民政府其他有关部门"
            "在其职责范围内对资源保护和污染防治等生态环境保护工作实施监督管理。")
    hits = [h for h in extract_units(line, FUJIAN, "zh") if h.role != "mentioned"]
    assert [(h.surface, h.role) for h in hits] == [("省、设区的市人民政府生态环境主管部门", "generic"),
                                                  ("县级以上地方人民政府其他有关部门", "generic")]
    assert len({(h.list_start, h.list_end) for h in hits}) == 1
    # clauses charging participants each with their own task stay two lists (473, 四/十二/2)
    line = "各级党委和政府要对本地区环境保护工作负总责,各部门和生产经营单位承担抓好业务工作和环境保护工作的双重责任。"
    assert len({(h.list_start, h.list_end) for h in extract_units(line, FUJIAN, "zh") if h.role != "mentioned"}) == 2


# --- generic participants opening a sentence, the duty formula in a later clause ---------------------------------------
def test_townships_and_streets_charged_by_the_duty_formula_after_other_words() -> None:
    # 101, 第五条: the kinds of organ of every township and street
    line = "乡(镇)人民政府、街道办事处应当明确承担生态环境保护责任的人员,按照职责依法做好生态环境保护工作。"
    assert roles(line, FUJIAN) == [("乡(镇)人民政府", "generic"), ("街道办事处", "generic")]
    # a kind is none
    assert roles("企业应当建立环境管理制度,按照职责做好工作。", FUJIAN) == []


# --- 由…负责 naming again the generic participants a sentence opens with ---------------------------------------------
def test_the_participants_a_sentence_opens_with_named_again() -> None:
    # 280、2021年度省碳达峰碳中和科技创新专项资金项目指南及组织申报项目的通知, 附2/二/7: 由本单位负责
    line = "7.省有关单位及在宁部省属本科院校的项目申报由本单位负责审核并自主推荐,项目立项后,直接与我厅签订项目合同。"
    assert roles(line, "CN-JS") == [("省有关单位", "generic"), ("在宁部省属本科院校", "generic")]
    # 280, 附3/二/4: the kind of university the subject ends with, as written
    line = "在宁部省属高校项目由高校负责审查推荐,非在宁部省属高校项目由所在地科技行政管理部门负责审核推荐。"
    assert roles(line, "CN-JS")[0] == ("高校", "generic")
    # a particular project's or a kind's own: none
    assert roles("本项目由本单位负责实施。", "CN-JS") == []
    assert roles("重点企业项目由企业负责实施。", "CN-JS") == []


# --- a particular organ named with what it is before its duty ---------------------------------------------------------
def test_an_organ_named_with_what_it_is_before_its_duty() -> None:
    # 233、广东省碳普惠交易管理办法, 第七条: the article's number before the organ
    line = ("第七条广州碳排放权交易中心是碳普惠核证减排量交易平台,负责碳普惠交易系统的运行和维护,制定碳普惠交易规则,组织碳普惠"
            "核证减排量交易。")
    assert roles(line, "CN-GD") == [("广州碳排放权交易中心", "lead")]
    # a kind, a generic participant or a thing is none
    assert roles("企业是节能减排的责任单位,负责落实各项措施。", "CN-GD") == []
    assert roles("该平台是全省统一的交易平台,负责交易。", "CN-GD") == []

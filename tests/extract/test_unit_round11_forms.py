"""Forms of the seventh round of the units' tuning key (tests/keys/units_tune.toml, `round = 7`): each case is a line of a
`tune` document copied from its normalised text (the file's running number is given with it). The government of
wherever a case lies (属地人民政府) as a generic participant; generic participants answering for a task in more words
(扛起…责任, 履行…职责, 对照…分工); a notice's request (请各单位配合…) (extract/unit_forms.py, extract/unit_sentences.py,
extract/unit_duties.py).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles

WUHAI = "CN-NM-Wuhai"


def test_the_government_where_a_case_lies_is_generic() -> None:
    # 431、乌海市“十四五”生态环境保护规划
    line = "矿山企业矿业权人负责矿权范围内着火点灭火工作,属地人民政府负责无主矿山着火点灭火工作。"
    assert ("属地人民政府", "generic") in roles(line, WUHAI)
    assert roles("属地人民政府负责无主矿山着火点灭火工作。", WUHAI) == [("属地人民政府", "generic")]


def test_generic_participants_answering_for_a_task_in_more_words() -> None:
    # 431: 扛起…责任 is 承担…责任
    assert roles("强化责任落实。各区党委和政府要坚决扛起生态文明建设政治责任,深入打好污染防治攻坚战。", WUHAI) == [
        ("各区党委和政府", "generic")]
    # 239、江苏省关于加快建立健全绿色低碳循环发展经济体系的实施意见: 切实履行部门职责 is the duty formula
    assert roles("省各有关部门要切实履行部门职责,加强督促指导,强化协调配合,形成工作合力。", "CN-JS") == [("省各有关部门", "generic")]
    # a firm's duties toward society charge no participant
    assert roles("企业要履行社会责任。", "CN-JS") == []


def test_the_division_of_the_tasks_charges_generic_participants() -> None:
    # 107、甘肃省关于加快建立健全绿色低碳循环发展经济体系实施方案 (二十四)压实工作责任
    line = "各地各有关部门要对照重点任务分工,加强日常督促落实,统筹做好政策指导和解读,确保按期高质量完成各项任务。"
    assert roles(line, "CN-GS") == [("各地各有关部门", "generic")]


def test_a_notices_request_charges_the_participants_it_names() -> None:
    # 398、上海市关于做好本市全国碳排放权交易市场第一个履约周期碳排放配额清缴相关工作的通知
    assert roles("请各单位配合做好相关工作准备。", "CN-SH") == [("各单位", "generic")]
    # 259: a person the participants name is charged, not they ("请各单位推荐一名联系人负责本单位的资源申报工作")
    assert roles("(一)确定联系人。请各单位推荐一名联系人负责本单位的资源申报工作。", "CN-SN") == []

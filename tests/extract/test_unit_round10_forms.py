"""Forms of the sixth round of the units' tuning key (tests/keys/units_tune.toml, `round = 6`): each case is a line of a
`tune` document copied from its normalised text (the file's running number is given with it). Departments named by
their field after 会同, closed by 等部门; a department named by its field whose name begins with a ministry's the registry
knows (自然资源部门, not 自然资源部); generic participants that are a plan's 实施主体, or act 在职责范围内
(extract/unit_duties.py, extract/unit_sentences.py).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles

NINGXIA = "CN-NX"


def test_fields_after_with_closed_by_deng_bumen() -> None:
    # 440、宁夏回族自治区“十四五”土壤、地下水和农村生态环境保护规划: after a department by its field they support it
    assert roles("生态环境部门会同自然资源、住房城乡建设等部门,建立污染地块数据库及信息平台,共享疑似污染地块及污染地块空间信息。", NINGXIA) == [
        ("生态环境部门", "lead"), ("自然资源", "support"), ("住房城乡建设", "support")]
    # 430、内蒙古…规划: after the departments of every level they are every level's (和 inside a field's name)
    assert roles("各级生态环境部门会同自然资源、住房和城乡建设等部门,建立污染地块数据库及信息平台。", "CN-NM") == [
        ("各级生态环境部门", "generic"), ("自然资源", "generic"), ("住房和城乡建设", "generic")]


def test_a_department_by_its_field_is_no_ministry() -> None:
    # 440
    assert roles("生态环境部门会同自然资源部门依法督促相关单位开展调查并组织评审土壤污染状况调查报告。", NINGXIA) == [
        ("生态环境部门", "lead"), ("自然资源部门", "support")]


def test_generic_participants_that_carry_a_plan_out_or_act_within_their_duties() -> None:
    # 440; 382、山东省关于坚决遏制“两高”项目盲目发展…的通知
    assert roles("各市、县(区、市)人民政府是本规划的实施主体,要根据规划确定的目标任务,组织有关部门制定实施本地区土壤、地下水和农业农村生态环境保护相关规划。", NINGXIA) == [
        ("各市、县(区、市)人民政府", "generic")]
    assert roles("各行业主管部门要在职责范围内抓好行业节能减煤工作落实。", "CN-SD") == [("各行业主管部门", "generic")]
    # 11、关于推进中央企业…: officials acting within their duties are people, no participant
    assert roles("企业主要负责同志是本企业碳达峰、碳中和工作第一责任人,其他有关负责同志在职责范围内承担相应责任。", "CN") == []

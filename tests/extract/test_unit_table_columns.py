"""Responsibility lists in a table's columns, and keys read by their form (a role word and the kind of body it
names). A ruled table's row is one line of "header:cell" pairs (ingest/pdf_tables.py); a column whose header names
who acts and whose cells are units is a responsibility list, a column of figures or applicants is not. Each case is
a line of a `tune` document (tests/keys/split.toml) copied from its normalised text; where the form does not occur
among the tune documents, the list is the tune document's own with only its header or key put in the form other
plans print (each such test says so).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles

# 451、德州市“十四五”生态环境保护规划: "(牵头单位:市生态环境局;配合单位:市应急局、市交通运输局)"
DZ_ROLES = [("市生态环境局", "lead"), ("市应急局", "support"), ("市交通运输局", "support")]


def test_a_table_column_of_offices_is_a_list() -> None:
    # 283、福建省关于组织申报科技支撑碳达峰碳中和等创新战略定向项目的通知: the code table's row
    row = ("业务处室:规划与政策处;计划类别:基础研究与高校产学合作计划;项目类型:创新战略研究项目;"
           "优先主题:科技支撑碳达峰碳中和战略和等创新战略研究定向项目;代码:2021R0108")
    assert roles(row, "CN-FJ") == [("规划与政策处", "lead")]


def test_columns_whose_header_is_no_key_give_their_roles() -> None:
    # 451's list as a task table's row, its columns headed as other plans head them (负责部门, 协作配合)
    row = ("重点任务:加强危险废物相关从业人员培训;负责部门:市生态环境局;协作配合:市应急局、市交通运输局;"
           "完成时限:2025年")
    assert roles(row, "CN-SD-Dezhou") == DZ_ROLES
    # the same without a support column: the first unit leads
    row = "重点任务:加强危险废物相关从业人员培训;落实主体:市生态环境局、市应急局、市交通运输局;完成时限:2025年"
    assert [r for _, r in roles(row, "CN-SD-Dezhou")] == ["lead", "support", "support"]
    # the keyed columns of the row, and a remark after them that is no unit
    row = "牵头单位:市生态环境局;配合单位:市应急局、市交通运输局;备注:长期坚持"
    assert roles(row, "CN-SD-Dezhou") == DZ_ROLES


def test_columns_of_figures_applicants_and_duties_are_no_list() -> None:
    # 419、四川省“十四五”农业农村生态环境保护规划: "单位" is the figure's unit, "个" or "处" alike
    row = "序号:2;指标名称:纳入国家监管农村黑臭水体整治数量;单位:个;2020年:5;2025年:159;指标属性:约束性"
    assert roles(row, "CN-SC") == []
    assert roles(row.replace("单位:个", "单位:处"), "CN-SC") == []
    # 533、济南市“十四五”绿色建筑高质量发展规划
    assert roles("序号:1;指标:城镇新建民用建筑绿色建筑占比;计量单位:%;发展目标:100;指标类型:约束", "CN-SD-Jinan") == []
    # 283: the project's applicant is not assigned a measure
    row = "序号:1;项目名称:科技支撑碳达峰碳中和战略和路径选择;推荐(申报)单位:厦门大学;资助经费(万元):10"
    assert roles(row, "CN-FJ") == []
    # a duty column that names no unit (451's regions, as other plans word the column)
    assert roles("重点任务:加强机动车全流程污染管控;责任分工:各县(市、区)按要求推进;完成时限:长期", "CN-SD-Dezhou") == []


def test_keys_are_a_role_word_and_a_body() -> None:
    # 581、关于开展2022年珠海市建筑领域碳达峰碳中和宣传讲座的通知, 278、关于组织2021年度江苏省碳达峰碳中和科技
    # 创新专项资金入库项目上报申报材料的通知: keys of one unit on their own line
    assert roles(" 承办单位:珠海市绿色建筑协会", "CN-GD-Zhuhai") == [("珠海市绿色建筑协会", "lead")]
    assert roles("承担单位:河海大学", "CN-JS") == [("河海大学", "lead")]
    # 244、2021年推动碳达峰、碳中和工作计划: "(责任处室:气候处、海洋处,完成期限:7月底)", and its key as other plans write it
    text = "(责任处室:气候处、海洋处,完成期限:7月底)"
    want = [("气候处", "lead"), ("海洋处", "support")]
    assert roles(text, "CN-JS") == want
    for key in ("责任科室", "承办处室", "实施主体", "落实部门"):
        assert roles(text.replace("责任处室", key), "CN-JS") == want, key
    # 451's list with its keys qualified as a table's header qualifies them
    text = "(牵头部门(单位):市生态环境局;配合部门(单位):市应急局、市交通运输局)"
    assert roles(text, "CN-SD-Dezhou") == DZ_ROLES
    assert roles(text.replace("牵头部门(单位)", "主办处室").replace("配合部门(单位)", "协办处室"), "CN-SD-Dezhou") == DZ_ROLES


def test_short_keys_starting_lines() -> None:
    # 451's list written as lines with short keys, as other plans close a measure
    assert roles("加强危险废物相关从业人员培训。\n牵头:市生态环境局\n配合:市应急局、市交通运输局\n", "CN-SD-Dezhou") == DZ_ROLES
    # a short key inside a sentence is no key
    assert roles("加强危险废物相关从业人员培训,市生态环境局牵头:市应急局", "CN-SD-Dezhou") == []

"""The nation's provinces as national texts name them, with the organ after them, are one generic participant:
"各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)", "各省、自治区、直辖市人民政府" (extract/unit_forms.py
`provinces_go_on`, extract/unit_duties.py `_GENERIC_SUBJECT_RE`), and a generic subject that shall do something leads
a task in a later clause (extract/unit_sentences.py `_DUTIES_LATER_RE`). Each sentence is copied from a `tune`
document's normalised text, but for the list, whose name is copied from one."""

from __future__ import annotations

from tests.extract.unit_facts import roles


def test_the_provinces_departments_leading_a_task_in_a_later_clause() -> None:
    # 302、国家适应气候变化战略2035 (units tuning key, round 5)
    line = ("各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)要结合本地实际,牵头研究编制省级适应气候变化行动方案,"
            "并会同有关部门做好组织实施。")
    assert ("各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)", "generic") in roles(line, "CN")


def test_every_citys_bureau_leading_a_task_in_a_later_clause() -> None:
    # 478 (广东)
    line = "各地级以上市生态环境局要在党委和政府的领导下,牵头做好生态环境分区管控落地应用相关工作,及时向社会公开成果文件。"
    assert roles(line, "CN-GD") == [("各地级以上市生态环境局", "generic")]


def test_the_provinces_departments_in_a_list_are_one_item() -> None:
    # composed: a ministry leading, the provinces' departments (as 302 names them) after it
    got = roles("开展适应气候变化试点。(生态环境部牵头,各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)按职责分工负责)", "CN")
    assert got == [("生态环境部", "lead"), ("各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)", "generic")]

"""Forms the fifth round of the units' tuning key (tests/keys/units_tune.toml, `round = 5`) left after its first rules
(test_unit_round8_forms.py): each case is a line of a `tune` document copied from its normalised text (the file's
running number and the clause are given with it). Departments named by their field after 会同, closed by 和有关部门
(extract/unit_duties.py, extract/unit_sentences.py, extract/unit_lists.py).
"""

from __future__ import annotations

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

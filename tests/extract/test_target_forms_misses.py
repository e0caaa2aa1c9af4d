"""Target forms the tuning key (rounds 1–12) still missed after the twelfth round's rules, where the form recurs
beyond one document. Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


# --- a capacity sized as a share of a whole -----------------------------------------------------------------------
def test_a_share_before_the_capacity_it_sizes() -> None:
    # 2、2030年前碳达峰行动方案: who has the capacity is named before the verb
    got = facts(targets("到2030年,省级电网基本具备5%以上的尖峰负荷响应能力。"))
    assert got == [("省级电网尖峰负荷响应能力", ">=", 5, "%", 2030)]
    # 574、内蒙古自治区“十四五”电力发展规划: the whole the share is of (占…) is no part of the name
    got = facts(targets("力争2025年形成占全社会最大负荷3%的需求侧响应能力。"))
    assert got == [("需求侧响应能力", "=", 3, "%", 2025)]


def test_a_share_before_what_is_no_capacity_stays_no_target() -> None:
    assert not targets("到2025年,形成30%以上的产业规模。")

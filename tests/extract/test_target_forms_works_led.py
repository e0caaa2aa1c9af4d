"""Works sized by an amount that does not follow its action directly: a bound or the levels the works are done at
stand between them. Found by listing, over the `tune` documents outside the targets key, the sentences stating a due
year and an amount where no target was read; every sentence is copied from a `tune` document's normalised text.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def test_a_bound_between_the_action_and_the_amount_is_the_comparator() -> None:
    # 124、碳达峰碳中和林草碳汇（包头）试验区实施方案
    text = "积极建设碳汇示范林,“十四五”期间各旗县区每年建成不少于500亩的碳汇示范林。"
    assert facts(targets(text)) == [("碳汇示范林", ">=", 500.0, "亩", 2025)]


def test_the_levels_the_works_are_done_at_stand_before_the_amount() -> None:
    # 202、上海市公共机构绿色低碳循环发展行动方案
    text = "到2023年,力争完成市区两级公共机构60万平方米既有建筑调适、节能和绿色化改造。"
    assert facts(targets(text)) == [("既有建筑调适、节能和绿色化改造", "=", 60.0, "万平方米", 2023)]


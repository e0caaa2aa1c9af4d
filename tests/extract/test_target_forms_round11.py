"""Target forms of the eleventh round of the tuning key (562, 521, 146 and 116, read whole). Every sentence is copied
from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 562、四川省“十四五”可再生能源发展规划: its goal section and its table 表1, whose name column is headed 项目
GOALS_562 = (
    "2025年,可再生能源高质量发展取得新进展。“十四五”新增水电装机约2400万千瓦,风电约600万千瓦,光伏发电约1000万千瓦,"
    "生物质发电约74万千瓦;至2025年底,水电装机约10500万千瓦,风电约1000万千瓦,光伏发电约1200万千瓦,生物质发电约175万千瓦,"
    "地热能发电3万千瓦。"
)
TABLE_562 = """表1四川省“十四五”可再生能源发展目标
项目:合计;单位:万千瓦;2020年:8800;2025年:12946;新增或累计增长:4146
项目:水电;单位:万千瓦;2020年:8082;2025年:10555;新增或累计增长:2473;属性:预期性
项目:风电;单位:万千瓦;2020年:426;2025年:1003;新增或累计增长:577;属性:预期性
项目:光伏发电;单位:万千瓦;2020年:191;2025年:1210;新增或累计增长:1019;属性:预期性
项目:地热发电;单位:万千瓦;2025年:3;新增或累计增长:3;属性:预期性"""


# --- a kind of power named alone after a capacity of another kind ----------------------------------------------
def test_a_kind_named_alone_in_a_list_of_capacities_is_measured_as_the_first() -> None:
    got = facts(targets(GOALS_562, 2025))  # 约 N: about N (the key's "=")
    assert ("新增水电装机", "~", 2400, "万千瓦", 2025) in got
    assert ("新增风电装机", "~", 600, "万千瓦", 2025) in got
    assert ("新增光伏发电装机", "~", 1000, "万千瓦", 2025) in got
    assert ("新增生物质发电装机", "~", 74, "万千瓦", 2025) in got
    assert ("水电装机", "~", 10500, "万千瓦", 2025) in got
    assert ("风电装机", "~", 1000, "万千瓦", 2025) in got
    assert ("光伏发电装机", "~", 1200, "万千瓦", 2025) in got
    assert ("地热能发电装机", "=", 3, "万千瓦", 2025) in got


def test_a_kind_alone_with_no_capacity_before_it_stays_as_printed() -> None:
    # no capacity of another kind before it in its sentence: nothing to measure it as
    got = facts(targets("到2025年,风电约1000万千瓦。", 2025))
    assert [f[0] for f in got] == ["风电"]


# --- a table whose name column is headed 项目 -------------------------------------------------------------------
def test_a_row_of_items_in_units_of_power_is_that_kinds_capacity() -> None:
    got = facts(targets(TABLE_562, 2025))
    assert ("水电装机", "=", 10555, "万千瓦", 2025) in got
    assert ("风电装机", "=", 1003, "万千瓦", 2025) in got
    assert ("光伏发电装机", "=", 1210, "万千瓦", 2025) in got
    assert ("地热发电装机", "=", 3, "万千瓦", 2025) in got
    # the total row is the total of what the table's title names
    assert ("可再生能源装机合计", "=", 12946, "万千瓦", 2025) in got
    # the status column and the increment column give no target
    assert not any(v in (8082, 2473, 4146) for _, _, v, _, _ in got)


def test_a_row_of_an_indicator_column_is_named_as_printed() -> None:
    # "指标名称:风电" names an indicator: the row keeps its name (the rounds 1–3 key reads it so)
    got = facts(targets("指标名称:风电;单位:万千瓦;2025年:200", 2025))
    assert ("风电", "=", 200, "万千瓦", 2025) in got

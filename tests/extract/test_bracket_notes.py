"""A bracket after a figure is a note on it (extract/targets.py `_NOTE_AFTER_ZH`, extract/target_labels.py
`_OPEN_NOTE_ZH`): the figure before it closes its clause, a figure inside it is named by the note's own words, and a
work's size noted after its name, or a label read from inside a note, names no target. Every sentence is copied from
the normalised text of a `tune` document."""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def test_a_figure_before_a_note_of_its_parts_and_the_parts() -> None:
    # 151、湖北省林业发展“十四五”规划: the model forests' area, then how much of it is new planting
    got = facts(targets("建设木本油料示范基地18.33万公顷,其中油茶示范林15.33万公顷(新造2万公顷、低产低效林改造13.33万公顷)。", 2025))
    assert got[:3] == [("木本油料示范基地", "=", 18.33, "万公顷", 2025), ("油茶示范林", "=", 15.33, "万公顷", 2025),
                       ("新造", "=", 2, "万公顷", 2025)]


def test_a_power_stations_size_noted_after_its_name_is_no_target() -> None:
    # 562、四川省“十四五”能源发展规划: the stations to complete, each with its capacity (and the province's half) noted
    assert targets("建成投产金沙江乌东德(1020/2万千瓦,已投产680/2万千瓦)、白鹤滩(1600/2万千瓦)、苏洼龙(120/2万千瓦)、"
                   "巴塘(75/2万千瓦)、金沙(56万千瓦,已投产14万千瓦)、银江(39万千瓦),雅砻江两河口(300万千瓦)", 2025) == []
    assert targets("建成投产岷江犍为(50万千瓦,已投产38.92万千瓦)、龙溪口(48万千瓦)", 2025) == []

"""A quotation's commas and the counts of things developed: a comma inside “…” ends no clause (extract/target_shapes.py
`_segment_bounds`), nor a theme a count names its things by (extract/target_words.py `_THEMED_ZH`), and 发展 is an
action a count closes (`_COUNT_ACTIONS_ZH`). Every sentence is copied from the normalised text of a `tune` document."""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def test_a_comma_inside_a_quotation_ends_no_clause() -> None:
    # 121、杭州市科创领域碳达峰行动方案: the theme of the zones is quoted, a comma inside it
    got = facts(targets("建设以“率先实现碳达峰碳中和,推动区域绿色低碳循环发展”为主题的省级可持续发展创新示范区1-2家", 2025))
    assert got == [("建设以“率先实现碳达峰碳中和,推动区域绿色低碳循环发展”为主题的省级可持续发展创新示范区", ">=", 1, "家", 2025)]


def test_a_count_before_a_quoted_theme_with_a_comma_counts_what_follows_it() -> None:
    # 121: the goals' bullet writes the count first, then the theme (`_THEMED_ZH`), a comma inside its quotation
    got = facts(targets("建设1家以上以“率先实现碳达峰碳中和,推动区域绿色低碳循环发展”为主题的省级可持续发展创新示范区,"
                        "培育250家高新技术企业,研发推广1000项绿色技术和产品。", 2025))
    assert got[:2] == [("省级可持续发展创新示范区", ">=", 1, "家", 2025), ("高新技术企业", "=", 250, "家", 2025)]


def test_things_developed_and_counted() -> None:
    # 199、山东省“十四五”…: certified products developed, counted after the list of their kinds
    got = facts(targets("强化农产品认证和质量安全监管,发展绿色食品、有机农产品、地理标志农产品5600个。", 2025))
    assert got == [("发展绿色食品、有机农产品、地理标志农产品", "=", 5600, "个", 2025)]

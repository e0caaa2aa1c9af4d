"""How Chinese texts write figures: full-width digits (folded by ingest), numerals with a measure, 成, and figures
with thousands separators, which were read as their last group (1,200万千瓦 as 200万千瓦)."""

from __future__ import annotations

import pytest

from policykg.extract.numbers import scan_quantities


@pytest.mark.parametrize(("written", "value", "unit"), [
    ("达到1,200万千瓦", 1200, "万千瓦"),
    ("达到12,000个", 12000, "个"),
    ("绿色贷款余额3,204.75亿元", 3204.75, "亿元"),
    ("达到1,200,000吨", 1200000, "吨"),
    ("达到七成以上", 7, "成"),
])
def test_figures_as_written(written: str, value: float, unit: str) -> None:
    assert [(q.value, q.measure_unit) for q in scan_quantities(written, "zh")] == [(value, unit)]


def test_a_comma_between_years_or_short_figures_separates_no_thousands() -> None:
    assert scan_quantities("2020,2025年", "zh") == []
    assert [q.value for q in scan_quantities("长度1,2000米", "zh")] == [2000]


def test_a_cut_to_a_level_names_the_level_not_the_cut() -> None:
    # 削减至 / 压降至 read as 减至 is: the level reached, the verb no part of the name
    from tests.extract.target_facts import facts, targets

    assert facts(targets("到2025年,煤炭消费量削减至1000万吨。")) == [("煤炭消费量", "=", 1000, "万吨", 2025)]
    assert facts(targets("到2025年,煤炭消费量压降至1000万吨。")) == [("煤炭消费量", "=", 1000, "万吨", 2025)]


def test_a_flow_per_second_or_per_minute_is_a_rate() -> None:
    # a river's ecological base flow, written in Chinese as the real plans write m3/s ("生态基流124m3/s")
    assert [(q.value, q.measure_unit, q.converted_unit) for q in scan_quantities("生态基流不低于5立方米/秒", "zh")] == [
        (5, "立方米/秒", "m³/s")]

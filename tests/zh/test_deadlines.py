"""Deadlines and year scopes read from the real Chinese documents of the default corpus.

The documents are normalised the way the ingest stage does for these texts (OpenCC t2s, full-width
ASCII folded to half-width).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.extract.components import extraction_nlp
from policykg.extract.deadlines import DeadlineHit, extract_deadlines, five_year_plan, year_scopes
from policykg.extract.model import Provenance
from policykg.ingest.model import Span

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
SANMING = "003_e073a84fa08b70e4.txt"
SHANWEI = "004_a38210081867983d.txt"
CENTRAL = "cn_central_opinions_carbon_peak_neutrality_2021_zh.txt"
ACTION_PLAN = "cn_state_council_2030_carbon_peak_action_plan_2021_zh.txt"
MEE = "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt"


def _fold(text: str) -> str:
    return "".join(
        " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in text
    )


@cache
def normalised(name: str) -> str:
    return _fold(opencc.OpenCC("t2s").convert((DOCS / name).read_text("utf-8")))


def paragraph_with(name: str, needle: str) -> str:
    return next(line for line in normalised(name).splitlines() if needle in line)


def sentence_with(name: str, needle: str) -> str:
    paragraph = paragraph_with(name, needle)
    return next(s + "。" for s in paragraph.split("。") if needle in s)


def deadlines(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(d.label, d.kind, d.start_date, d.end_date) for d in extract_deadlines(text, "zh")]


def test_five_year_plans() -> None:
    assert five_year_plan("十四") == (2021, 2025)
    assert five_year_plan(15) == (2026, 2030)
    assert five_year_plan("fourteenth") == (2021, 2025)
    assert five_year_plan("3") is None


def test_sanming_plan_periods() -> None:
    text = sentence_with(SANMING, "“十四五”时期严格合理控制煤炭消费增长")
    assert deadlines(text) == [("十四五时期", "period", "2021", "2025"), ("十五五时期", "period", "2026", "2030")]


def test_sanming_end_of_year_before() -> None:
    text = sentence_with(SANMING, "力争2024年底前")
    assert deadlines(text) == [("2024年底前", "before", None, "2024-12-31")]
    hit = extract_deadlines(text, "zh")[0]
    deadline = hit.to_deadline(Provenance("policykg.extract.deadlines", "test", Span(hit.start, hit.end)))
    assert (deadline.label, deadline.kind, deadline.start, deadline.end, deadline.ongoing) == (
        "2024年底前", "before", None, "2024-12-31", False)


def test_sanming_two_years_one_marker() -> None:
    text = sentence_with(SANMING, "到2025年和2030年")
    assert deadlines(text) == [("到2025年", "by", None, "2025"), ("2030年", "by", None, "2030")]
    scopes = year_scopes(text)
    assert {y for _, _, y in scopes} == {2025, 2030}
    assert len({(s, e) for s, e, _ in scopes}) == 1  # both years govern the same range
    s, e, _ = scopes[0]
    assert text[s:e] == text  # the whole sentence "到2025年和2030年,短流程炼钢占比达到省上要求。"


def test_sanming_ongoing_and_no_false_dates() -> None:
    found = extract_deadlines(normalised(SANMING), "zh")
    assert any(d.kind == "ongoing" and d.ongoing and d.label == "持续推进" for d in found)
    labels = [d.label for d in found]
    assert not [label for label in labels if "12月" in label or "2022" in label]  # the notice's date "2022年12月13日"
    text = sentence_with(SANMING, "比2020年减少10%以上")
    assert deadlines(text) == [("到2025年", "by", None, "2025")]  # "比2020年" is a base year, not a deadline


def test_shanwei_paragraph_markers() -> None:
    paragraph = paragraph_with(SHANWEI, "为全市碳达峰奠定坚实基础")
    assert deadlines(paragraph) == [("到2025年", "by", None, "2025")]
    second = paragraph_with(SHANWEI, "确保2030年前实现碳达峰")
    assert ("2030年前", "before", None, "2030") in deadlines(second)
    both = sentence_with(SHANWEI, "煤炭消费增长完成省下达控制目标")
    assert deadlines(both) == [("十四五期间", "period", "2021", "2025"), ("十五五期间", "period", "2026", "2030")]
    assert ("到2025年前", "before", None, "2025") in deadlines(sentence_with(SHANWEI, "快充站全覆盖"))


def test_titles_and_dates_are_no_deadlines() -> None:
    head = "\n".join(normalised(ACTION_PLAN).splitlines()[:9])
    assert "2030年前碳达峰行动方案" in head and "2021年10月24日" in head
    assert deadlines(head) == []


def test_bare_year_opening_a_clause() -> None:
    text = sentence_with(MEE, "全国短流程炼钢占比分别提升至15%、20%以上")
    assert deadlines(text)[:2] == [("2025年", "year", "2025", "2025"), ("2030年", "year", "2030", "2030")]


def test_quarters_and_half_years() -> None:
    # No corpus document schedules by quarter; the wording is the one implementation notices use.
    text = "2021年四季度完成摸底调查,2022年上半年出台实施方案,年底前全面完成。"
    assert deadlines(text) == [
        ("2021年四季度", "quarter", "2021-10-01", "2021-12-31"),
        ("2022年上半年", "period", "2022-01-01", "2022-06-30"),
        ("年底前", "before", None, None),
    ]


# --- scopes ----------------------------------------------------------------------------------------
def governed(text: str, needle: str) -> list[int]:
    pos = text.index(needle)
    return sorted({y for s, e, y in year_scopes(text) if s <= pos < e})


def test_paragraph_opening_marker_governs_the_paragraph() -> None:
    paragraph = paragraph_with(SHANWEI, "为全市碳达峰奠定坚实基础")
    assert governed(paragraph, "非化石能源消费比重达到32%以上") == [2025]  # second sentence of the paragraph
    central = paragraph_with(CENTRAL, "单位国内生产总值能耗比2020年下降13.5%")
    assert governed(central, "森林蓄积量达到180亿立方米") == [2025]


def test_mid_paragraph_marker_governs_its_sentence_from_its_clause() -> None:
    item = paragraph_with(SANMING, "能效标杆水平的比例超过30%")
    assert governed(item, "能效标杆水平的比例超过30%") == [2025]
    assert governed(item, "推进工业节能和能效水平提升") == []  # before the marker's clause
    assert governed(item, "依法实施") == []  # the next sentence
    assert governed(item, "短流程炼钢占比达到省上要求") == [2025, 2030]


def test_next_marker_ends_a_scope() -> None:
    item = paragraph_with(CENTRAL, "“十四五”时期严控煤炭消费增长")
    assert governed(item, "严控煤炭消费增长") == [2025]
    assert governed(item, "逐步减少。") == [2030]
    plan = paragraph_with(ACTION_PLAN, "年利用量达到45亿吨左右")
    assert governed(plan, "40亿吨") == [2025]
    assert governed(plan, "45亿吨") == [2030]


def test_spacy_component_sets_deadline_spans() -> None:
    doc = extraction_nlp("zh")(paragraph_with(SANMING, "“十四五”时期严格合理控制煤炭消费增长"))
    spans = [(span.text, span.label_) for span in doc.spans["deadlines"]]
    assert ("十四五”时期", "period") in spans
    assert ("到2025年", "by") in spans


@pytest.mark.parametrize("name", [SANMING, SHANWEI, CENTRAL, ACTION_PLAN, MEE])
def test_hits_are_ordered_disjoint_and_dated_consistently(name: str) -> None:
    text = normalised(name)
    found: list[DeadlineHit] = extract_deadlines(text, "zh")
    assert found
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for d in found:
        assert d.label[:3] in text[d.start:d.end]  # "十四五期间" names the span "十四五”、“十五五”期间" starts with
        if d.start_date and d.end_date:
            assert d.start_date <= d.end_date
        assert d.ongoing == (d.kind == "ongoing")


_POLICY_PIECES = st.sampled_from([
    "到2025年", "和", "、", "2030年", "前", "底", "“十四五”", "“十五五”", "时期", "期间", "末", ",", "。", "\n",
    "四季度", "上半年", "年底前", "持续推进", "比2020年", "2021年10月24日", "《", "》", "方案", "自", "起", "至",
    "2021-2025年", "本世纪中叶", "(二)主要目标", "下降18%",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_POLICY_PIECES, max_size=40).map("".join)))
def test_extract_deadlines_and_scopes_never_raise(text: str) -> None:
    for d in extract_deadlines(text, "zh"):
        assert 0 <= d.start < d.end <= len(text)
    for s, e, year in year_scopes(text, "zh"):
        assert 0 <= s <= e <= len(text) and 1900 <= year <= 2100


def test_the_end_of_a_plan_written_qimo_or_moqi() -> None:
    # 151、湖北省林业发展“十四五”规划: "至“十三五”期末,全省发展林下经济面积192万亩", "确保“十四五”末期我省林木良种使用率达到76%"
    assert [(d.label, d.kind, d.end_date) for d in extract_deadlines("至“十三五”期末,全省发展林下经济面积192万亩", "zh")] == [
        ("十三五末", "by", "2020")]
    assert [(d.label, d.kind, d.end_date) for d in extract_deadlines("确保“十四五”末期我省林木良种使用率达到76%", "zh")] == [
        ("十四五末", "by", "2025")]

"""Deadlines and year scopes read from the English translations in the default corpus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.extract.components import extraction_nlp
from policykg.extract.deadlines import extract_deadlines, year_scopes

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
OPINIONS = "000_57f19195af4d3e85.txt"
BEAUTIFUL_CHINA = "001_e65841712e543070.txt"


@cache
def text_of(name: str) -> str:
    return (DOCS / name).read_text("utf-8")


def paragraph_with(name: str, needle: str) -> str:
    return next(p for p in text_of(name).split("\n") if needle in p)


def deadlines(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(d.label, d.kind, d.start_date, d.end_date) for d in extract_deadlines(text, "en")]


def test_opinions_by_years() -> None:
    labels = [d for d in deadlines(text_of(OPINIONS)) if d[1] == "by"]
    assert labels[:3] == [("By 2025", "by", None, "2025"), ("By 2030", "by", None, "2030"), ("By 2060", "by", None, "2060")]


def test_opinions_five_year_plan_periods() -> None:
    item = paragraph_with(OPINIONS, "during the 14th Five Year Plan period")
    assert deadlines(item) == [
        ("during the 14th Five Year Plan period", "period", "2021", "2025"),
        ("during the 15th Five Year Plan period", "period", "2026", "2030"),
        ("during the Tenth Five Year Plan period", "period", "2001", "2005"),  # the translation's own slip for 十五五
    ]


def test_beautiful_china_before_and_plan_names() -> None:
    peak = paragraph_with(BEAUTIFUL_CHINA, "carbon peak before 2030")
    assert ("before 2030", "before", None, "2030") in deadlines(peak)
    assert ("before 2060", "before", None, "2060") in deadlines(peak)
    staged = paragraph_with(BEAUTIFUL_CHINA, 'Deepening the "14th Five Year Plan"')
    kinds = deadlines(staged)
    assert ("during the 15th Five Year Plan period", "period", "2026", "2030") in kinds
    assert not [d for d in kinds if "14th" in d[0]]  # the plan named without "during"/"period" is not a span of time


def test_opinions_paragraph_scope() -> None:
    paragraph = paragraph_with(OPINIONS, "18% lower than that in 2020")
    pos = paragraph.index("The carbon dioxide emission per unit of GDP")
    assert [y for s, e, y in year_scopes(paragraph, "en") if s <= pos < e] == [2025]


def test_beautiful_china_scope_ends_at_next_marker() -> None:
    paragraph = paragraph_with(BEAUTIFUL_CHINA, "will reach about 90% and 83% respectively")
    scopes = year_scopes(paragraph, "en")
    at = {needle: [y for s, e, y in scopes if s <= paragraph.index(needle) < e] for needle in ("90%", "By 2035,")}
    assert at == {"90%": [2027], "By 2035,": [2035]}


def test_spacy_component_english() -> None:
    doc = extraction_nlp("en")(paragraph_with(BEAUTIFUL_CHINA, "carbon peak before 2030"))
    assert ("before 2030", "before") in [(s.text, s.label_) for s in doc.spans["deadlines"]]


_PIECES = st.sampled_from([
    "By 2025", "by the end of 2030", "before 2060", ", ", ". ", "during the ", "14th", "Tenth", " Five Year Plan",
    " period", "in the fourth quarter of 2021", "from 2021 to 2025", "continue to promote", "\n", "In 2025,",
    "compared with 2005", "18%",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=40).map("".join)))
def test_extract_deadlines_never_raises_english(text: str) -> None:
    for d in extract_deadlines(text, "en"):
        assert 0 <= d.start < d.end <= len(text)
    for s, e, _ in year_scopes(text, "en"):
        assert 0 <= s <= e <= len(text)

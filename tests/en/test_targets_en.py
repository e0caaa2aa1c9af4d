"""Targets read from the English translations in the default corpus (seeds 000 and 001)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.extract.components import extraction_nlp
from policykg.extract.numbers import parse_number, parse_quantity
from policykg.extract.targets import TargetHit, extract_targets

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
OPINIONS = "000_57f19195af4d3e85.txt"  # Opinions on carbon peak and neutrality (2021)
BEAUTIFUL_CHINA = "001_e65841712e543070.txt"  # Opinions on a Beautiful China (2023)


@cache
def text_of(name: str) -> str:
    return (DOCS / name).read_text("utf-8")


@cache
def targets_of(name: str) -> tuple[TargetHit, ...]:
    return tuple(extract_targets(text_of(name), "en"))


def find(name: str, indicator: str, year: int) -> TargetHit:
    found = [t for t in targets_of(name) if t.indicator == indicator and t.year == year]
    assert len(found) == 1, f"{indicator} {year}: {found}"
    return found[0]


@pytest.mark.parametrize(
    ("written", "value"),
    [("18 billion", 1.8e10), ("1.2 billion", 1.2e9), ("3.15 million", 3.15e6), ("1,200", 1200.0), ("45", 45.0),
     ("20%", 20.0)],
)
def test_parse_number_english(written: str, value: float) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("written", "value", "unit", "converted_value", "converted_unit"),
    [("1.2 billion kw", 1.2, "billion kW", 1.2e9, "kW"), ("19 billion cubic meters", 19, "billion m³", 1.9e10, "m³"),
     ("28 micrograms per cubic meter", 28, "μg/m³", 28, "μg/m³"), ("1.8 billion mu", 1.8, "billion mu", 1.8e9, "mu")],
)
def test_parse_quantity_english(written: str, value: float, unit: str, converted_value: float, converted_unit: str) -> None:
    q = parse_quantity(written, "en")
    assert q is not None
    assert (q.value, q.measure_unit, q.converted_value, q.converted_unit) == (value, unit, converted_value, converted_unit)


def test_opinions_2025_targets() -> None:
    co2 = find(OPINIONS, "carbon dioxide emission per unit of GDP", 2025)  # "is 18% lower than that in 2020"
    assert (co2.comparator, co2.value, co2.measure_unit, co2.change, co2.base_year) == ("=", 18, "%", "decrease", 2020)
    energy = find(OPINIONS, "energy consumption per unit of GDP", 2025)
    assert (energy.value, energy.change, energy.base_year) == (13.5, "decrease", 2020)
    share = find(OPINIONS, "proportion of non fossil energy consumption", 2025)
    assert (share.comparator, share.value) == ("~", 20)
    volume = find(OPINIONS, "forest volume", 2025)
    assert (volume.value, volume.measure_unit, volume.converted_value, volume.converted_unit) == (18, "billion m³", 1.8e10, "m³")


def test_opinions_2030_targets() -> None:
    capacity = find(OPINIONS, "total installed capacity of wind power and solar power generation", 2030)
    assert (capacity.comparator, capacity.value, capacity.measure_unit) == (">=", 1.2, "billion kW")
    assert (capacity.converted_value, capacity.converted_unit) == (1.2e9, "kW")
    co2 = find(OPINIONS, "Carbon dioxide emissions per unit of GDP", 2030)  # "decreased by more than 65% compared with 2005"
    assert (co2.comparator, co2.value, co2.change, co2.base_year) == (">=", 65, "decrease", 2005)
    assert (find(OPINIONS, "forest coverage rate", 2030).comparator, find(OPINIONS, "forest coverage rate", 2030).value) == ("~", 25)
    assert find(OPINIONS, "forest volume", 2030).converted_value == 1.9e10
    assert find(OPINIONS, "proportion of non fossil energy consumption", 2060).comparator == ">="


def test_opinions_qualitative_and_negated() -> None:
    shape = find(OPINIONS, "economic system of green and low-carbon circular development", 2025)
    assert shape.qualitative and shape.requirement == "will initially take shape"
    assert not [t for t in targets_of(OPINIONS) if "fail" in t.indicator]  # "regions … that fail to complete the goals"


def test_beautiful_china_targets() -> None:
    pm = find(BEAUTIFUL_CHINA, "average concentration of fine particulate matter in China", 2027)
    assert (pm.comparator, pm.value, pm.measure_unit, pm.change) == ("<=", 28, "μg/m³", None)  # "decrease to below 28 …"
    surface = find(BEAUTIFUL_CHINA, "proportion of excellent surface water quality", 2027)
    sea = find(BEAUTIFUL_CHINA, "proportion of nearshore sea water quality in China", 2027)
    assert (surface.value, sea.value, sea.comparator) == (90, 83, "~")  # "about 90% and 83% respectively"
    bays = find(BEAUTIFUL_CHINA, "construction rate of beautiful rivers, lakes, and bays", 2027)
    assert bays.value == 40
    reserves = find(BEAUTIFUL_CHINA, "land area of nature reserves in China", 2035)
    assert (reserves.comparator, reserves.value) == (">=", 18)  # "account for no less than 18%"
    coast = find(BEAUTIFUL_CHINA, "natural coastline retention rate on the mainland", 2035)
    assert (coast.comparator, coast.value) == (">=", 35)  # "will not be less than 35%"
    cars = find(BEAUTIFUL_CHINA, "proportion of new energy vehicles in the newly added vehicles", 2027)
    assert cars.value == 45


@pytest.mark.parametrize("name", [OPINIONS, BEAUTIFUL_CHINA])
def test_every_hit_quotes_its_value(name: str) -> None:
    text = text_of(name)
    hits = targets_of(name)
    assert hits
    for t in hits:
        quoted = text[t.start:t.end]
        if t.qualitative:
            assert t.requirement and t.requirement in quoted
        else:
            assert t.value is not None and f"{t.value:g}" in quoted, (t, quoted)
        assert text[t.indicator_start:t.indicator_end]


def test_spacy_component_english() -> None:
    paragraph = next(p for p in text_of(OPINIONS).split("\n") if "1.2 billion kw" in p)
    doc = extraction_nlp("en")(paragraph)
    assert any("1.2 billion kw" in span.text for span in doc.spans["targets"])


_PIECES = st.sampled_from([
    "By 2025, ", "the ", "proportion of ", "forest coverage ", "will ", "reach ", "more than ", "about ", "18", "%",
    " billion ", "kilowatts", " and ", ", ", "; ", ". ", "lower than that in 2020", "compared with 2005",
    "decreased by ", "respectively", "will be basically established", "not be less than ", "\n",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=40).map("".join)))
def test_extract_targets_never_raises_english(text: str) -> None:
    for t in extract_targets(text, "en"):
        assert 0 <= t.start <= t.end <= len(text)

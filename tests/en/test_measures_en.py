"""Measures of real English clauses (seed 000, the translated central opinions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.measures import (
    extract_measures,
    is_measure,
    is_measure_container,
    measure_sentences,
    split_sentences,
)
from policykg.ingest import ingest_file
from policykg.ingest.manifest import load_manifest
from policykg.ingest.model import Clause, Metadata, NormalisedDocument, OffsetMap, Script

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
DOC_ID = "central-opinions-carbon-peak-2021-en"


def clause(
    doc: NormalisedDocument,
    seg: str,
    marker: str,
    title: str,
    end_marker: str,
    kind: str,
    children: list[Clause] | None = None,
) -> Clause:
    start = doc.text.index(marker)
    if title:
        start = doc.text.index(marker + title)
    end = doc.text.index(end_marker, start + 1)
    return Clause(
        id=f"{doc.id}~{seg}",
        number=marker.strip("()、"),
        path=tuple(seg.split(".")),
        marker=marker,
        kind=kind,
        depth=seg.count("."),
        title=title,
        start=start,
        end=end,
        body_start=start + len(marker),
        span=doc.span(start, end),
        children=children or [],
    )


@pytest.fixture(scope="module")
def seed000() -> NormalisedDocument:
    original = (DOCS / "000_57f19195af4d3e85.txt").read_text("utf-8")
    doc = NormalisedDocument(
        id=DOC_ID,
        slug=DOC_ID,
        source_path="000_57f19195af4d3e85.txt",
        sha256="",
        content_hash="",
        encoding="utf-8",
        encoding_confidence=1.0,
        original=original,
        text=original,  # plain ASCII punctuation: normalisation leaves it as it is
        offsets=OffsetMap.identity(len(original)),
        metadata=Metadata(title=DOC_ID, titles={}, language="en", script=Script.EN),
        clauses=[],
    )
    i1 = clause(doc, "s1.i1", "(一)", "Guiding ideology", "(二)Working", "item")
    i2 = clause(doc, "s1.i2", "(二)", "Working principle", "二、primary", "item")
    s1 = clause(doc, "s1", "一、", "General requirements", "二、primary", "section", [i1, i2])
    s2 = clause(doc, "s2", "二、", "primary objective", "三、Promote", "section")
    i7 = clause(
        doc,
        "s4.i7",
        "(七)",
        "We will resolutely curb the blind development of high energy consumption and high emission projects",
        "(八)",
        "item",
    )
    s4 = clause(
        doc, "s4", "四、", "Deep adjustment of industrial structure", "五、Accelerate", "section", [i7]
    )
    i11 = clause(doc, "s5.i11", "(十一)", "Strictly control fossil energy consumption", "(十二)", "item")
    i12 = clause(doc, "s5.i12", "(十二)", "", "(十三)", "item")
    i12.title = "Actively develop non fossil energy"  # the heading is on the line after the marker
    s5 = clause(
        doc, "s5", "五、", "Accelerate the construction of a clean", "六、Accelerate", "section", [i11, i12]
    )
    i34 = clause(doc, "s13.i34", "(三十四)", "", "(三十五)", "item")
    i34.title = "Strengthen organizational leadership"
    s13 = clause(
        doc,
        "s13",
        "十三、",
        "Effectively strengthen the organization and Implementation",
        "CONTACT",
        "section",
        [i34],
    )
    doc.clauses = [s1, s2, s4, s5, s13]
    return doc


def by_id(doc: NormalisedDocument, seg: str) -> Clause:
    return next(c for c in doc.walk() if c.id == f"{doc.id}~{seg}")


def test_split_sentences_en_on_ends_semicolons_and_lines():
    text = (
        "(十二)\n\nActively develop non fossil energy. The energy consumption per unit of GDP is 13.5% lower "
        "than that in 2020; The proportion of non fossil energy consumption reaches about 20%"
    )
    assert [text[s:e] for s, e in split_sentences(text, "en")] == [
        "(十二)",
        "Actively develop non fossil energy.",
        "The energy consumption per unit of GDP is 13.5% lower than that in 2020;",
        "The proportion of non fossil energy consumption reaches about 20%",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We will resolutely curb the blind development of high energy consumption and high emission projects.",
            True,
        ),
        ("Reasonably control the capacity scale of coal to oil and gas.", True),
        (
            "Development policy financial institutions are encouraged to provide long-term and stable financing",
            True,
        ),
        ("It is strictly prohibited to implement tariff concessions for high energy consumption", True),
        (
            "Relying on the public resource trading platform, accelerate the construction and improvement",
            True,
        ),
        ("Oil consumption entered the peak platform period during the Tenth Five Year Plan period.", False),
        (
            "By 2025, an economic system of green and low-carbon circular development will initially take shape",
            False,
        ),
        (
            "The forest coverage rate reached 24.1% and the forest volume reached 18 billion cubic meters",
            False,
        ),
    ],
)
def test_is_measure_en(sentence: str, expected: bool):
    assert sentence in (DOCS / "000_57f19195af4d3e85.txt").read_text("utf-8")
    assert is_measure(sentence, "en") is expected


def test_guiding_ideology_principles_objectives_and_organisation_are_not_containers(
    seed000: NormalisedDocument,
):
    assert not is_measure_container(by_id(seed000, "s1.i1"), seed000)
    assert not is_measure_container(by_id(seed000, "s1.i2"), seed000)
    assert not is_measure_container(by_id(seed000, "s2"), seed000)
    assert not is_measure_container(by_id(seed000, "s13.i34"), seed000)
    assert is_measure_container(by_id(seed000, "s4.i7"), seed000)


def test_clause_7_measures(seed000: NormalisedDocument):
    measures = extract_measures(by_id(seed000, "s4.i7"), seed000)
    assert [m.text for m in measures] == [
        "Build and expand high energy consumption and high emission projects such as steel, cement, flat glass and "
        "electrolytic aluminum, strictly implement the replacement of equal or reduced capacity, and introduce "
        "capacity control policies for coal power, petrochemical and coal chemical industry.",
        "If it is not included in the industrial planning of relevant fields of the state, it shall not build, "
        "reconstruct and expand oil refining and new ethylene, p-xylene and coal to olefin projects.",
        "Reasonably control the capacity scale of coal to oil and gas.",
        "Improve the energy consumption access standards for high energy consumption and high emission projects.",
        "Strengthen the analysis, early warning and window guidance of overcapacity.",
    ]
    assert measures[0].concepts == [
        "two_high_projects",
        "steel",
        "cement",
        "flat_glass",
        "electrolytic_aluminium",
        "capacity_replacement",
        "coal_power",
        "petrochemical",
        "coal_chemical",
    ]
    assert measures[0].sectors == ["industry", "energy"]
    assert measures[4].id == f"{DOC_ID}~s4.i7.m5"
    assert all(seed000.quote(m.provenance.span) == m.text for m in measures)


def test_clause_11_skips_the_description_of_oil_consumption(seed000: NormalisedDocument):
    clause11 = by_id(seed000, "s5.i11")
    texts = [seed000.text[s:e] for s, e, _ in measure_sentences(clause11, seed000)]
    assert len(texts) == 5
    assert texts[0].startswith("Accelerate the pace of coal reduction")
    assert (
        texts[-1]
        == "Strengthen risk management and control to ensure energy security, stable supply and smooth transition."
    )
    assert all(not t.startswith("Oil consumption") for t in texts)


def test_clause_12_heading_on_its_own_line_is_skipped(seed000: NormalisedDocument):
    clause12 = by_id(seed000, "s5.i12")
    texts = [seed000.text[s:e] for s, e, _ in measure_sentences(clause12, seed000)]
    assert texts[0].startswith("We will implement renewable energy substitution")
    assert "Rational use of biomass energy." in texts
    assert len(texts) == 8


def test_ingested_seed_000_clause_7_gives_the_same_measures(seed000: NormalisedDocument):
    path = (DOCS / "000_57f19195af4d3e85.txt").resolve()
    doc = ingest_file(path, load_manifest()[str(path)])
    title = (
        "We will resolutely curb the blind development of high energy consumption and high emission projects"
    )
    clause7 = next(c for c in doc.walk() if c.title == title)
    got = extract_measures(clause7, doc)
    assert [m.text for m in got] == [m.text for m in extract_measures(by_id(seed000, "s4.i7"), seed000)]
    assert len(got) == 5
    guiding = next(c for c in doc.walk() if c.title == "Guiding ideology")
    assert not is_measure_container(guiding, doc)

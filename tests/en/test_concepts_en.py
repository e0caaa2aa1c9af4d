"""Concept finding in the English translations (seeds 000 and 001) and the English pipeline frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.nlp import COMPONENT, SPANS_KEY, en_nlp, english_variants, find_concepts
from policykg.ontology.concepts import ConceptScheme

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
SEED_000 = (DOCS / "000_57f19195af4d3e85.txt").read_text("utf-8")
SEED_001 = (DOCS / "001_e65841712e543070.txt").read_text("utf-8")


def concepts_in(sentence: str, source: str) -> list[tuple[str, str]]:
    assert sentence in source, "the sentence must be copied from the document"
    return [(sentence[s:e], cid) for s, e, cid in find_concepts(sentence, "en")]


def test_ccus_in_seed_000():
    sentence = (
        "Promote the R & D, demonstration and industrial application of large-scale carbon capture, "
        "utilization and storage technology."
    )
    assert concepts_in(sentence, SEED_000) == [("carbon capture, utilization and storage", "ccus")]
    start = sentence.index("carbon capture")
    assert find_concepts(sentence, "en") == [
        (start, start + len("carbon capture, utilization and storage"), "ccus")
    ]


def test_seed_000_target_sentences_name_their_indicators():
    assert concepts_in("The proportion of non fossil energy consumption reaches about 20%", SEED_000) == [
        ("proportion of non fossil energy consumption", "non_fossil_share"),
    ]
    assert concepts_in(
        "The forest coverage rate reached 24.1% and the forest volume reached 18 billion cubic meters, "
        "laying a solid foundation for achieving carbon peak and carbon neutralization",
        SEED_000,
    ) == [
        ("forest coverage rate", "forest_coverage"),
        ("forest volume", "forest_stock"),
        ("carbon peak", "carbon_peak"),
        ("carbon neutralization", "carbon_neutrality"),
    ]
    assert concepts_in(
        "The carbon dioxide emission per unit of GDP is 18% lower than that in 2020", SEED_000
    ) == [
        ("carbon dioxide emission per unit of GDP", "carbon_intensity"),
    ]


def test_machine_translation_wordings_of_seed_000():
    assert concepts_in(
        "Achieving carbon summit and carbon neutralization is a major strategic decision", SEED_000
    ) == [("carbon summit", "carbon_peak"), ("carbon neutralization", "carbon_neutrality")]
    assert concepts_in(
        "Strengthen the dual control of energy consumption intensity and total amount.", SEED_000
    ) == [
        ("dual control of energy consumption intensity and total amount", "energy_dual_control"),
    ]
    assert concepts_in(
        "Accelerate the development of new generation information technology, biotechnology, new energy, new "
        "materials, high-end equipment, new energy vehicles, green environmental protection, aerospace, marine "
        "equipment and other strategic emerging industries.",
        SEED_000,
    ) == [
        ("new generation information technology", "next_gen_it"),
        ("new energy", "new_energy"),
        ("new materials", "advanced_materials"),
        ("new energy vehicles", "nev"),
        ("strategic emerging industries", "strategic_emerging_industries"),
    ]


def test_seed_001_wordings():
    assert concepts_in(
        'Accelerate the construction of "waste free cities", continue to promote the action of treating new '
        "pollutants",
        SEED_001,
    ) == [("waste free cities", "waste_free_city"), ("new pollutants", "new_pollutants")]
    assert concepts_in(
        "Strengthen environmental management of ozone depleting substances and hydrofluorocarbons.", SEED_001
    ) == [("ozone depleting substances", "ods"), ("hydrofluorocarbons", "hfcs")]
    assert concepts_in(
        'explore the establishment of public participation mechanisms such as "carbon inclusive"', SEED_001
    ) == [("carbon inclusive", "carbon_inclusion")]
    assert concepts_in("steadily promote climate investment and financing innovation", SEED_001) == [
        ("climate investment and financing", "climate_finance")
    ]
    assert concepts_in(
        "By 2027, the proportion of new energy vehicles in the newly added vehicles is expected to reach 45%",
        SEED_001,
    ) == [("proportion of new energy vehicles in the newly added vehicles", "nev_sales_share")]


def test_matching_ignores_case_and_number():
    # "Green buildings" is the label; singular and capitalised forms match too
    assert find_concepts("Develop Green Building and a Carbon Market", "en") == [
        (8, 22, "green_buildings"),
        (29, 42, "carbon_market"),
    ]


def test_english_variants():
    assert english_variants("non-fossil energy") == [
        "non fossil energies",
        "non fossil energy",
        "non-fossil energies",
        "non-fossil energy",
    ]
    assert "green building" in english_variants("green buildings")
    assert "charging piles" in english_variants("charging piles")


def test_en_pipeline_frame():
    nlp = en_nlp()
    assert nlp is en_nlp()
    assert nlp.pipe_names == ["sentencizer", COMPONENT]
    doc = nlp(
        "The energy consumption per unit of GDP is 13.5% lower than that in 2020; "
        "The carbon dioxide emission per unit of GDP is 18% lower than that in 2020; "
        "The proportion of non fossil energy consumption reaches about 20%;"
    )
    assert len(list(doc.sents)) == 3  # the translation chains its targets with ";"
    assert [s.label_ for s in doc.spans[SPANS_KEY]] == [
        "energy_intensity",
        "carbon_intensity",
        "non_fossil_share",
    ]
    assert [doc.text[s:e] for s, e, _ in doc._.concept_offsets] == [
        "energy consumption per unit of GDP",
        "carbon dioxide emission per unit of GDP",
        "proportion of non fossil energy consumption",
    ]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        find_concepts("texte", "fr")


def test_every_english_preflabel_is_found_by_the_matcher():
    scheme = ConceptScheme.load()
    for cid, concept in scheme.concepts.items():
        label = concept.labels["en"]
        found = find_concepts(label, "en")
        assert found == [(0, len(label), cid)], (cid, label, found)

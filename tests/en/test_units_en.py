"""English unit names resolve to the same central ids as the Chinese ones (seeds 000 and 001)."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.components import extraction_nlp
from policykg.extract.units import extract_units
from policykg.ontology.units import UnitRegistry

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
SEED_000 = DOCS / "000_57f19195af4d3e85.txt"
SEED_001 = DOCS / "001_e65841712e543070.txt"


def sentence(path: Path, start: str) -> str:
    """The sentence of a seed that begins with `start`, as it stands in the file."""
    text = path.read_text(encoding="utf-8")
    at = text.index(start)
    return text[at : text.index(".", at) + 1]


def test_in_conjunction_with_gives_lead_and_support() -> None:
    text = sentence(SEED_001, "The Ministry of Ecology and Environment, in conjunction with")
    hits = extract_units(text, "CN", "en")
    assert [(h.unit_id, h.role, h.surface) for h in hits] == [
        ("cn.mee", "lead", "Ministry of Ecology and Environment"),
        ("cn.ndrc", "support", "National Development and Reform Commission"),
    ]
    assert all(text[h.start : h.end] == h.surface for h in hits)
    assert hits[0].label == "生态环境部" and hits[0].jurisdiction == "CN"


def test_english_ids_equal_chinese_ids() -> None:
    registry = UnitRegistry.load()
    text = sentence(SEED_001, "The Ministry of Ecology and Environment, in conjunction with")
    english = [h.unit_id for h in extract_units(text, "CN", "en")]
    chinese = [registry.resolve(name, "CN").id for name in ("生态环境部", "国家发展改革委")]  # type: ignore[union-attr]
    assert english == chinese == ["cn.mee", "cn.ndrc"]


def test_lower_case_commission_subject_leads() -> None:
    text = sentence(SEED_000, "The national development and Reform Commission should")
    hits = extract_units(text, "CN", "en")
    assert [(h.unit_id, h.role, h.surface) for h in hits] == [
        ("cn.ndrc", "lead", "national development and Reform Commission")
    ]


def test_led_by_and_name_variants() -> None:
    led = extract_units(sentence(SEED_001, "The evaluation work is led and organized by"), "CN", "en")
    assert [(h.unit_id, h.role) for h in led] == [("cn.eco-inspection-group", "lead")]
    play = extract_units(sentence(SEED_001, "Give full play to the coordinating and guiding role"), "CN", "en")
    assert [(h.unit_id, h.role) for h in play] == [("cn.eco-inspection-group", "mentioned")]


def test_leading_group_and_central_committee_are_mentioned() -> None:
    text = sentence(SEED_000, "Strengthen the centralized and unified leadership")
    hits = extract_units(text, "CN", "en")
    assert [(h.unit_id, h.role) for h in hits] == [("cn.cpc-central", "mentioned"), ("cn.tdfz-group", "mentioned")]


def test_which_shall_report_to() -> None:
    text = sentence(SEED_001, "The annual work progress of various regions")
    hits = extract_units(text, "CN", "en")
    assert [(h.unit_id, h.role) for h in hits] == [
        ("cn.mee", "lead"), ("cn.cpc-central", "mentioned"), ("cn.state-council", "mentioned"),
    ]


def test_whole_seeds() -> None:
    seed0 = extract_units(SEED_000.read_text(encoding="utf-8"), "CN", None)
    assert {h.unit_id for h in seed0} == {"cn.cpc-central", "cn.state-council", "cn.tdfz-group", "cn.ndrc"}
    seed1 = extract_units(SEED_001.read_text(encoding="utf-8"), "CN", None)
    assert {(h.unit_id, h.role) for h in seed1 if h.role != "mentioned"} == {
        ("cn.mee", "lead"), ("cn.ndrc", "support"), ("cn.eco-inspection-group", "lead"),
    }


def test_spacy_component_english() -> None:
    doc = extraction_nlp("en")(sentence(SEED_001, "The Ministry of Ecology and Environment, in conjunction with"))
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["units"]] == [
        ("Ministry of Ecology and Environment", "lead", "cn.mee"),
        ("National Development and Reform Commission", "support", "cn.ndrc"),
    ]

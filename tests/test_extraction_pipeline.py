"""The extraction pipeline: registered components that declare what they need, run alike by the build
and by anyone assembling a spaCy pipeline by name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import spacy

from policykg.extract.components import DEADLINES, TARGETS, UNITS, extraction_nlp
from policykg.extract.document import extract_document
from policykg.extract.nlp import COMPONENT as CONCEPTS
from policykg.extract.targets import extract_targets
from policykg.ingest.manifest import bundled_texts, load_manifest
from policykg.ingest.normalise import normalise
from policykg.ingest.raw import read_raw

SENTENCE = "到2025年,非化石能源消费比重达到20%左右,单位国内生产总值能源消耗比2020年下降13.5%"


def test_the_pipeline_order_satisfies_every_declared_need() -> None:
    for lang in ("zh", "en"):
        nlp = extraction_nlp(lang)
        assert [n for n in nlp.pipe_names if n != "sentencizer"] == [DEADLINES, TARGETS, UNITS, CONCEPTS]
        assert not any(nlp.analyze_pipes()["problems"].values())


def test_targets_declare_that_they_need_the_deadlines() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe(TARGETS)
    assert nlp.analyze_pipes()["problems"][TARGETS] == ["doc._.deadline_hits"]


def test_targets_take_their_years_from_the_deadlines_component() -> None:
    doc = extraction_nlp("zh")(SENTENCE)
    assert [(d.label, d.kind) for d in doc._.deadline_hits] == [("到2025年", "by")]
    assert [(t.indicator, t.value, t.measure_unit, t.year) for t in doc._.target_hits] == [
        ("非化石能源消费比重", 20.0, "%", 2025), ("单位国内生产总值能源消耗", 13.5, "%", 2025),
    ]
    assert [s.text for s in doc.spans["deadlines"]] == ["到2025年"]


def test_units_take_the_clause_jurisdiction_from_the_call() -> None:
    nlp = extraction_nlp("zh")
    text = "(责任单位:市工信局、发改委、生态环境局等按职责分工负责)"
    doc = nlp(text, component_cfg={UNITS: {"jurisdiction": "CN-FJ-Sanming"}})
    assert [(h.unit_id, h.role) for h in doc._.unit_hits] == [
        ("cn-fj-sanming.gxj", "lead"), ("cn-fj-sanming.fgw", "support"), ("cn-fj-sanming.sthj", "support"),
    ]
    assert [s.text for s in doc.spans["units"]] == ["市工信局", "发改委", "生态环境局"]


def test_targets_take_the_document_period_end_from_the_call() -> None:
    # 52、“十四五”公共机构节约能源资源工作规划, (四)节水护水行动: a task that names no year
    nlp = extraction_nlp("zh")
    text = "提高节水器具使用率,新建建筑节水器具使用率实现100%。"
    assert [(t.indicator, t.year) for t in nlp(text)._.target_hits] == [("新建建筑节水器具使用率", None)]
    doc = nlp(text, component_cfg={TARGETS: {"period_end": 2025}})
    assert [(t.indicator, t.year) for t in doc._.target_hits] == [("新建建筑节水器具使用率", 2025)]
    # a year of the text's own stays its own
    doc = nlp(SENTENCE, component_cfg={TARGETS: {"period_end": 2030}})
    assert [t.year for t in doc._.target_hits] == [2025, 2025]


def test_components_are_found_by_name_in_a_fresh_process() -> None:
    """The factories are entry points of the distribution: spaCy finds them without an import of ours."""
    code = (
        "import spacy; nlp = spacy.blank('zh'); [nlp.add_pipe(n) for n in "
        f"({DEADLINES!r}, {TARGETS!r}, {UNITS!r}, {CONCEPTS!r})]; "
        f"print(len(nlp({SENTENCE!r})._.target_hits))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path("/"))
    assert out.stdout.strip() == "2"


def test_the_build_extracts_through_the_pipeline() -> None:
    """A document's extraction holds exactly what the pipeline finds in each clause's own text."""
    path = next(p for p in bundled_texts() if p.name.startswith("003_"))  # the Sanming city plan
    doc = normalise(read_raw(path), load_manifest().get(str(path.resolve())))
    extraction = extract_document(doc)
    nlp = extraction_nlp("zh")
    for clause in (c for top in doc.clauses for c in top.walk()):
        start, end = clause.own_range()
        found = nlp(doc.text[start:end])
        facts = extraction.clauses[clause.id]
        assert len(facts.deadlines) == len(found._.deadline_hits)
        assert [t.indicator for t in facts.targets] == [t.indicator for t in found._.target_hits]
        # the deadlines handed over give the targets the targets' own reading would give
        assert found._.target_hits == extract_targets(doc.text[start:end], "zh")
    assert doc.id == "sanming-pollution-carbon-synergy-plan-2022"
    assert sum(len(f.targets) for f in extraction.clauses.values()) == 17

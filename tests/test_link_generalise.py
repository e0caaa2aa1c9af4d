"""Scoring rules of the clause linker that any province's wording triggers, each on real text of the tuning key.

Each rule fixes a kind of miss rather than one measure (docs/linking.md, §3): the rules are kept only where
they lower no figure of the measuring key (tests/keys/links_measure.toml) on the whole corpus, where the product
links (tests/test_link_scale_keys.py), and keep the gold set as it is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.evaluate import links_key_corpus, load_key
from policykg.link import link_corpus
from policykg.link.clauses import _BROADER_CREDIT, _BROADER_SPECIFIC, ClauseLinker
from policykg.link.comparands import Vocabulary, corpus_frequencies, pieces, source_comparands
from policykg.link.key import find_quote

KEY = Path(__file__).parent / "keys" / "links_tune.toml"
CENTRAL = "central-opinions-carbon-peak-2021-zh"
PLAN = "state-council-2030-carbon-peak-action-plan-2021"
HANGZHOU = "121、杭州市科创领域碳达峰行动方案.pdf"
SHANGRAO = "355、上饶市关于加快建立健全绿色低碳循环发展经济体系的实施方案.pdf"
NINGXIA = "85、宁夏回族自治区关于加快建立健全绿色低碳循环发展经济体系的实施意见.pdf"
GUANGDONG = "241、广东省关于加快建立健全绿色低碳循环发展经济体系的实施意见.pdf"


@pytest.fixture(scope="module")
def linked():  # type: ignore[no-untyped-def]
    docs, extractions = links_key_corpus(load_key(KEY, "measure"))
    return docs, extractions, link_corpus(docs, extractions)


def _links(linked, file: str, quote: str, parent: str) -> dict[str, tuple[int, object]]:  # type: ignore[no-untyped-def]
    """Path of each linked clause of `parent` → (rank, link), for the measure quoted."""
    docs, extractions, links = linked
    doc = next(d for d in docs if d.source_name == file)
    source = find_quote(doc, extractions[doc.id], quote)
    path_of = {c.id: "/".join(c.path) for d in docs for c in d.walk()}
    return {path_of[lk.target]: (lk.rank, lk) for lk in links.clauses
            if lk.source == source and lk.method != "alignment" and lk.target.startswith(parent + "~")}


def test_a_runner_up_clause_of_the_plan_relays_too(linked) -> None:  # type: ignore[no-untyped-def]
    # Kind: the plan relays to the opinions from the measure's best plan clause only, and two plan clauses
    # the measure meets alike map to different clauses above. Ningxia's "坚持节能优先，完善“十四五”能耗双控
    # 政策体系，…加强固定资产投资项目节能审查，坚决遏制“两高”项目盲目发展" meets the plan's 两高 clause
    # (三/三/6) first and its energy-management clause (三/二/1, 用能预算, 节能审查) a close second; the first
    # relays to the opinions' (七) on 两高 projects, the second to (九), 强化能源消费强度和总量双控, which is
    # the dual-control policy the measure opens with. Relaying from both puts (九) first.
    quote = "坚持节能优先，完善“十四五”能耗双控政策体系"
    plan = _links(linked, NINGXIA, quote, PLAN)
    assert plan["三/三/6"][0] == 1 and plan["三/二/1"][0] == 2
    central = _links(linked, NINGXIA, quote, CENTRAL)
    rank, link = central["五/九"]
    assert rank == 1 and central["四/七"][0] == 2, central
    docs = linked[0]
    path_of = {c.id: "/".join(c.path) for d in docs for c in d.walk()}
    assert [path_of[str(e.value)] for e in link.evidence if e.kind == "via"] == ["三/二/1"]  # type: ignore[attr-defined]


def test_the_concepts_of_the_headings_above_a_measure_count_for_it(linked) -> None:  # type: ignore[no-untyped-def]
    # Kind: a measure's own sentence need not name its topic; the headings above it do. Shangrao's
    # "完善绿色项目库，加强绿色项目融资对接，推动金融机构加强对清洁能源、工业环保领域的支持" stands under
    # "大力发展绿色金融": its text names clean energy only, which every energy clause of the plan names too;
    # the heading's green finance is what the plan's (五/三) 完善经济政策 (绿色金融…) is about.
    docs, extractions, _ = linked
    doc = next(d for d in docs if d.source_name == SHANGRAO)
    quote = "完善绿色项目库，加强绿色项目融资对接"
    source = find_quote(doc, extractions[doc.id], quote)
    comparand = next(c for c in source_comparands(doc, extractions[doc.id], Vocabulary()) if c.id == source)
    assert "green_finance" in comparand.heading_concepts and "green_finance" not in comparand.concepts
    plan = _links(linked, SHANGRAO, quote, PLAN)
    rank, link = plan["五/三"]
    assert rank == 1, plan
    assert ("concept", "green_finance") in [(e.kind, e.value) for e in link.evidence]  # type: ignore[attr-defined]


def test_a_specific_broader_concept_covers_more_than_a_generic_one(linked) -> None:  # type: ignore[no-untyped-def]
    # Kind: a national clause names the category of what a measure names (风能 for 海上风电, 非化石能源 for
    # 地热能). A category few documents name (non-fossil energy, 8 of the 22) is closer to the measure's own
    # term than one nearly every document names (renewable energy, 20 of 22).
    docs, extractions, _ = linked
    linker = ClauseLinker({d.id: d for d in docs}, extractions, 3, 0.05, 0.5, corpus_frequencies(docs, extractions))
    index = linker.index(CENTRAL)
    specific, generic = index.broader_credit("non_fossil_energy"), index.broader_credit("renewable_energy")
    assert _BROADER_CREDIT <= generic < specific <= _BROADER_CREDIT + _BROADER_SPECIFIC
    # Guangdong's energy clause names offshore wind, geothermal, solar power; the opinions' (十二) names their
    # categories, and its evidence weighs the specific category more.
    central = _links(linked, GUANGDONG, "规模化开发利用海上风电，打造粤东粤西千万千瓦级海上风电基地", CENTRAL)
    rank, link = central["五/十二"]
    assert rank == 1
    weight = {e.value: e.weight for e in link.evidence if e.kind == "concept"}  # type: ignore[attr-defined]
    assert weight["non_fossil_energy"] > weight["renewable_energy"]


def test_a_short_qualifier_is_no_action_of_its_own(linked) -> None:  # type: ignore[no-untyped-def]
    # Kind: a generic comma-piece ("符合条件的", "给予支持") matched whole by a clause that happens to use it
    # counted as a fully matched action. Hangzhou's laboratory measure met the opinions' green finance clause
    # (三十一, "支持符合条件的企业上市融资") first through its piece "符合条件的"; joined to the piece after it,
    # the research clauses come first, the basic-research clause (二十) of the key among them.
    quote = "支持西湖大学牵头建设能源与碳中和省实验室"
    docs, extractions, _ = linked
    doc = next(d for d in docs if d.source_name == HANGZHOU)
    measure = next(m for m in extractions[doc.id].measures() if quote in m.text)
    assert "符合条件的" in measure.text
    assert "符合条件的" not in [p.strip() for p in pieces(measure.text)]
    # a short action of its own still stands alone
    assert pieces("推广装配式建筑，大力发展海上风电，符合条件的，给予支持")[:2] == ["推广装配式建筑", "大力发展海上风电"]
    central = _links(linked, HANGZHOU, quote, CENTRAL)
    assert central["八/二十"][0] <= 2, central
    assert "十二/三十一" not in central, central

"""Clause links on the default corpus: scores, ranks, relations and the evidence behind them."""

from __future__ import annotations

from collections import defaultdict

import pytest

from policykg.evaluate import bundled_corpus
from policykg.link import link_corpus
from policykg.link.clauses import ClauseLinker, concept_ancestors, longest_common_substring, shared_words
from policykg.link.features import (
    quantity_contexts,
    quoted_terms,
    scope_only,
    scope_spans,
    segments,
    wording_features,
    words,
)
from policykg.settings import Settings

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"
CENTRAL = "central-opinions-carbon-peak-2021-zh"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    docs, extractions = bundled_corpus()
    return {d.id: d for d in docs}, extractions, link_corpus(list(docs), extractions, Settings())


def _measure(extractions, doc_id: str, quote: str):  # type: ignore[no-untyped-def]
    return next(m for m in extractions[doc_id].measures() if quote in m.text)


def _links(links, source: str, target_doc: str):  # type: ignore[no-untyped-def]
    return sorted((lk for lk in links.clauses if lk.source == source and lk.target.startswith(target_doc + "~")),
                  key=lambda lk: lk.rank)


def _path(docs, clause_id: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return next(c.path for c in docs[clause_id.split("~")[0]].walk() if c.id == clause_id)


def test_ranks_run_from_one_with_falling_scores_within_zero_and_one(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, _, links = corpus
    groups = defaultdict(list)
    for lk in links.clauses:
        assert 0.0 <= lk.score <= 1.0
        assert "/" not in lk.source and "/" not in lk.target
        groups[(lk.source, lk.target.split("~")[0])].append(lk)
    for group in groups.values():
        group.sort(key=lambda lk: lk.rank)
        assert [lk.rank for lk in group] == list(range(1, len(group) + 1))
        assert len(group) <= Settings().link_top_k
        assert all(a.score >= b.score for a, b in zip(group, group[1:], strict=False))
    leaves = {c.id for d in docs.values() for c in d.walk() if c.is_leaf}
    assert all(lk.target in leaves for lk in links.clauses if lk.method != "alignment")


def test_a_copied_sentence_restates_its_parent_clause_with_the_shared_number(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    m = _measure(extractions, SANMING, "达到能效标杆水平的比例超过30%")
    best = _links(links, m.id, "fujian-pollution-carbon-synergy-plan-2022")[0]
    assert _path(docs, best.target) == ("三", "五")
    assert best.relation == "restates"
    evidence = {(e.kind, e.value) for e in best.evidence}
    assert ("number", "30%") in evidence and ("year", "2025") in evidence
    assert ("wording", "等重点行业产能和数据中心达到能效标杆水平的比例超过30%") in evidence
    assert ("concept", "energy_efficiency_benchmark") in evidence


def test_evidence_comes_through_the_provincial_plan_on_the_way_up(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    m = _measure(extractions, SANMING, "达到能效标杆水平的比例超过30%")
    best = _links(links, m.id, "mee-pollution-carbon-synergy-plan-2022")[0]
    assert _path(docs, best.target) == ("四", "八")  # 推进工业领域协同增效
    via = [e for e in best.evidence if e.kind == "via"]
    assert len(via) == 1 and _path(docs, via[0].value) == ("三", "五")
    assert via[0].value.startswith("fujian-pollution-carbon-synergy-plan-2022~")
    assert best.method.endswith("+via")


def test_a_local_figure_for_a_national_indicator_quantifies_it(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    m = _measure(extractions, SHANWEI, "清洁能源动力的交通工具比例达到40%左右")
    best = _links(links, m.id, "state-council-2030-carbon-peak-action-plan-2021")[0]
    assert _path(docs, best.target) == ("三", "五", "1")  # 推动运输工具装备低碳转型
    assert best.relation == "quantifies"
    assert ("number", "40%", 1.0) in {(e.kind, e.value, e.weight) for e in best.evidence}


def test_a_work_is_one_parent_and_its_english_expression_rides_along(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    m = _measure(extractions, SHANWEI, "积极有序发展核电")
    zh = _links(links, m.id, "central-opinions-carbon-peak-2021-zh")
    assert _path(docs, zh[0].target) == ("五", "十二")
    assert not _links(links, m.id, "central-opinions-carbon-peak-2021-en")  # links point at the Chinese clause
    # the English clause of the same path is aligned to it
    aligned = {(lk.source, lk.target) for lk in links.clauses if lk.method == "alignment"}
    assert ("central-opinions-carbon-peak-2021-en" + zh[0].target[len("central-opinions-carbon-peak-2021-zh"):],
            zh[0].target) in aligned


def test_evidence_is_whole_words_and_concepts_never_fragments(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    m = _measure(extractions, SANMING, "开展二氧化碳捕集与利用封存示范")
    for lk in (lk for lk in links.clauses if lk.source == m.id):
        for e in lk.evidence:
            if e.kind == "wording":
                target = docs[lk.target.split("~")[0]]
                clause = next(c for c in target.walk() if c.id == lk.target)
                assert e.value in target.text[clause.start : clause.end]
                assert e.value in m.text
                assert e.value not in ("化碳捕集", "提高设", "动化智能化")
                # the run starts and ends at word boundaries of the measure
                bounds = {a for a, _, _ in words(m.text)} | {b for _, b, _ in words(m.text)}
                at = m.text.find(e.value)
                assert at in bounds and at + len(e.value) in bounds, e.value
    assert shared_words("推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。",
                        "在煤电、化工、水泥、钢铁等行业,实施碳捕集、利用与封存(CCUS)示范工程。") == "煤电、化工"
    assert shared_words("积极有序发展核电", "加快推进水电建设") == ""  # no whole word in common


def test_framing_clauses_count_for_less_than_specific_ones(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    # "要深入学习贯彻习近平生态文明思想…把全国碳交易市场建设好": the carbon market clause (三十三), not
    # the guiding thought (一), which every plan opens with
    m = _measure(extractions, "provincial-secretaries-remarks-2021", "把全国碳交易市场建设好")
    ranked = [_path(docs, lk.target) for lk in _links(links, m.id, CENTRAL)]
    assert ("十二", "三十三") in ranked


def test_top_k_min_score_and_min_share_settings_bound_the_candidates() -> None:
    docs, extractions = bundled_corpus()
    one = link_corpus(list(docs), extractions, Settings(link_top_k=1))
    assert {lk.rank for lk in one.clauses} == {1}
    strict = link_corpus(list(docs), extractions, Settings(link_min_score=0.3))
    scored = [lk for lk in strict.clauses if lk.method != "alignment"]
    assert scored and min(lk.score for lk in scored) >= 0.3
    close = link_corpus(list(docs), extractions, Settings(link_min_share=0.9))
    best: dict[tuple[str, str], float] = {}
    for lk in close.clauses:
        key = (lk.source, lk.target.split("~")[0])
        best[key] = max(best.get(key, 0.0), lk.score)
    assert all(lk.score >= 0.9 * best[(lk.source, lk.target.split("~")[0])] - 1e-4 for lk in close.clauses)


def test_quantities_carry_the_words_that_name_what_is_counted() -> None:
    found = quantity_contexts("到2025年,新能源汽车新车销售量达到汽车新车销售总量的20%以上。")
    assert set(found) == {"20%"}
    assert {"总量", "量的"} <= found["20%"]
    assert set(quantity_contexts("精准提升森林质量6.67万公顷,赎买重点生态区位商品林1.67万公顷")) == {"6.67万公顷", "1.67万公顷"}


def test_an_industry_list_closed_by_deng_only_names_the_scope() -> None:
    sentence = "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
    scoped = scope_only(sentence)
    assert {"钢铁", "水泥", "煤电"} <= scoped
    assert not {"捕集", "封存", "示范"} & scoped
    assert {"捕集", "封存"} <= wording_features(sentence)


def test_an_exception_names_only_the_scope() -> None:
    # 武汉市推动降碳及发展低碳产业工作方案: the industries left out of the coal phase-out are not its topic.
    sentence = "到2025年,除钢铁、电力、石化行业以及水泥熟料企业外,其他行业用煤单位全部清零。"
    assert [sentence[a:b] for a, b in scope_spans(sentence)] == ["除钢铁、电力、石化行业以及水泥熟料企业外"]
    assert {"钢铁", "石化", "水泥"} <= scope_only(sentence)
    assert not {"用煤", "清零"} & scope_only(sentence)
    # 省级机关公务用车除特殊工作要求外一律配备新能源汽车: the exception is a scope, the purchase is not.
    cars = "省级机关公务用车除特殊工作要求外一律配备新能源汽车"
    assert [cars[a:b] for a, b in scope_spans(cars)] == ["除特殊工作要求外"]


def test_sentences_split_into_comma_pieces_and_share_their_longest_run() -> None:
    assert segments("推动船舶岸电受电设施改造,“十四五”期间,有序推进码头岸电设施建设") == [
        "推动船舶岸电受电设施改造",
        "“十四五”期间",
        "有序推进码头岸电设施建设",
    ]
    assert longest_common_substring(
        "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。",
        "在煤电、化工、水泥、钢铁等行业,实施碳捕集、利用与封存(CCUS)示范工程。",
    ) == "煤电、化工"


def _clause_text(docs, doc_id: str, path: tuple[str, ...]) -> str:  # type: ignore[no-untyped-def]
    doc = docs[doc_id]
    clause = next(c for c in doc.walk() if c.path == path)
    return doc.text[clause.start : clause.end]


def test_an_enumeration_is_scope_when_followed_by_what_it_enumerates(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, _, _ = corpus
    investment = _clause_text(docs, CENTRAL, ("十二", "三十"))  # 严控煤电、钢铁、电解铝、水泥、石化等高碳项目投资
    listed = [investment[a:b] for a, b in scope_spans(investment)]
    assert any(s.endswith("煤电、钢铁、电解铝、水泥、石化等") for s in listed)  # …高碳项目投资
    assert any(s.endswith("碳捕集利用与封存等") for s in listed)  # …等项目的支持力度
    # 大力发展风能、太阳能、生物质能、海洋能、地热能等, : what the action develops, not its scope
    non_fossil = _clause_text(docs, CENTRAL, ("五", "十二"))
    assert "风能、太阳能、生物质能、海洋能、地热能等" in non_fossil
    assert not any("风能" in non_fossil[a:b] for a, b in scope_spans(non_fossil))
    assert not {"风能", "太阳", "地热"} & scope_only(non_fossil)


def test_concepts_named_only_in_the_scope_count_for_less(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    linker = ClauseLinker(docs, extractions, 3, 0.05)
    m = _measure(extractions, SANMING, "开展二氧化碳捕集与利用封存示范")
    unit = next(u for u in linker.comparands(SANMING) if u.id == m.id)
    assert unit.concepts >= {"ccus", "steel", "cement", "coal_power"}
    assert unit.scope_concepts >= {"steel", "cement", "coal_power"} and "ccus" not in unit.scope_concepts
    ranked = [_path(docs, lk.target) for lk in _links(links, m.id, CENTRAL)]
    assert ranked[0] == ("八", "二十一")  # 推进规模化碳捕集利用与封存技术研发、示范和产业化应用
    assert ("十二", "三十") not in ranked[:1]  # investment in the same industries comes after
    best = _links(links, m.id, CENTRAL)[0]
    assert ("concept", "ccus") in {(e.kind, e.value) for e in best.evidence}


def test_a_quoted_slogan_named_verbatim_points_at_the_clause_that_coined_it(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    principles = _clause_text(docs, CENTRAL, ("一", "二"))
    assert "全国统筹节约优先双轮驱动内外畅通防范风险" in quoted_terms(principles)
    assert quoted_terms("“十四五”时期,实施“揭榜挂帅”机制") == {"揭榜挂帅"}  # a period is a date, not a term
    m = _measure(extractions, "provincial-secretaries-remarks-2021", "节约优先、双轮驱动、内外畅通")
    best = _links(links, m.id, CENTRAL)[0]
    assert _path(docs, best.target) == ("一", "二")
    assert ("wording", "全国统筹、节约优先、双轮驱动、内外畅通、防范风险") in {(e.kind, e.value) for e in best.evidence}


def test_a_clause_naming_a_broader_concept_covers_the_measure_in_part(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    assert concept_ancestors("offshore_wind")[0] == "wind_power"
    assert concept_ancestors("no_such_concept") == ()
    m = _measure(extractions, SANMING, "研发末端碳捕集")
    best = _links(links, m.id, CENTRAL)[0]
    assert _path(docs, best.target) == ("八", "二十一")
    named = {e.value for e in best.evidence if e.kind == "concept"}
    assert "low_carbon_technology" in named and "low_carbon_technology" not in m.concepts
    assert any("low_carbon_technology" in concept_ancestors(c) for c in m.concepts)


def test_the_action_plan_relays_to_the_central_opinions_it_spells_out(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, _ = corpus
    linker = ClauseLinker(docs, extractions, 3, 0.05)
    plan = "state-council-2030-carbon-peak-action-plan-2021"
    # Both head the 1+N system; the plan (2021-10-24) came after the opinions (2021-09-22) and relays to them.
    assert linker._carries_out(plan, CENTRAL)
    assert not linker._carries_out(CENTRAL, plan)
    assert not linker._carries_out("mee-pollution-carbon-synergy-plan-2022", CENTRAL)  # a ministry's plan is no head

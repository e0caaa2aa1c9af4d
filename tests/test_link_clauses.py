"""Clause links on the default corpus: scores, ranks, relations and the evidence behind them."""

from __future__ import annotations

from collections import defaultdict

import pytest

from policykg.link import link_corpus
from policykg.link.clauses import longest_common_substring
from policykg.link.features import quantity_contexts, scope_only, segments, wording_features
from policykg.link.gold import default_corpus
from policykg.settings import Settings

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    docs, extractions = default_corpus()
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


def test_the_english_expression_gets_the_chinese_links_clause_for_clause(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    m = _measure(extractions, SHANWEI, "积极有序发展核电")
    zh = _links(links, m.id, "central-opinions-carbon-peak-2021-zh")
    en = _links(links, m.id, "central-opinions-carbon-peak-2021-en")
    assert [(_path(docs, lk.target), lk.score, lk.rank, lk.relation) for lk in en] == [
        (_path(docs, lk.target), lk.score, lk.rank, lk.relation) for lk in zh
    ]
    assert _path(docs, en[0].target) == ("五", "十二")
    assert ("alignment", zh[0].target) in {(e.kind, e.value) for e in en[0].evidence}
    assert en[0].target.startswith("central-opinions-carbon-peak-2021-en~")


def test_top_k_and_min_score_settings_bound_the_candidates() -> None:
    docs, extractions = default_corpus()
    one = link_corpus(list(docs), extractions, Settings(link_top_k=1))
    assert {lk.rank for lk in one.clauses} == {1}
    strict = link_corpus(list(docs), extractions, Settings(link_min_score=0.5))
    scored = [lk for lk in strict.clauses if lk.method != "alignment"]
    assert scored and min(lk.score for lk in scored) >= 0.5


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

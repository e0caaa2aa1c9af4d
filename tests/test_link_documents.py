"""Document links of the default corpus: works and expressions, citations, implementation."""

from __future__ import annotations

import pytest

from policykg.link import link_corpus
from policykg.link.documents import not_later, region_contains
from policykg.link.gold import default_corpus
from policykg.settings import Settings

CENTRAL_ZH = "central-opinions-carbon-peak-2021-zh"
CENTRAL_EN = "central-opinions-carbon-peak-2021-en"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    docs, extractions = default_corpus()
    return {d.id: d for d in docs}, link_corpus(list(docs), extractions, Settings())


def _targets(links, source: str, relation: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {d.target: d.method for d in links.documents if d.source == source and d.relation == relation}


def test_the_english_central_opinions_translate_the_chinese_and_align_clause_by_clause(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, links = corpus
    assert _targets(links, CENTRAL_EN, "translation_of") == {CENTRAL_ZH: "manifest-work"}
    aligned = {(c.source, c.target) for c in links.clauses if c.method == "alignment"}
    en_paths = {c.path for c in docs[CENTRAL_EN].walk()}
    zh_paths = {c.path for c in docs[CENTRAL_ZH].walk()}
    assert len(aligned) == len(en_paths & zh_paths)
    en21 = next(c for c in docs[CENTRAL_EN].walk() if c.path == ("八", "二十一"))
    zh21 = next(c for c in docs[CENTRAL_ZH].walk() if c.path == ("八", "二十一"))
    assert (en21.id, zh21.id) in aligned
    link = next(c for c in links.clauses if c.source == en21.id and c.method == "alignment")
    assert (link.relation, link.score, link.rank) == ("restates", 1.0, 1)


def test_sanming_implements_what_it_cites_and_the_translation_of_it(corpus) -> None:  # type: ignore[no-untyped-def]
    _, links = corpus
    assert _targets(links, "sanming-pollution-carbon-synergy-plan-2022", "implements") == {
        CENTRAL_ZH: "citation",
        CENTRAL_EN: "citation+work",
        "mee-pollution-carbon-synergy-plan-2022": "citation",
        "fujian-pollution-carbon-synergy-plan-2022": "citation",
    }
    assert _targets(links, "fujian-pollution-carbon-synergy-plan-2022", "implements") == {
        "mee-pollution-carbon-synergy-plan-2022": "citation"
    }


def test_shanwei_cites_guangdong_outside_the_corpus_and_implements_the_best_matching_national_plans(corpus) -> None:  # type: ignore[no-untyped-def]
    _, links = corpus
    cited = _targets(links, "shanwei-carbon-peak-plan-2023", "cites")
    assert len(cited) == 2 and all(t.startswith("ref-") for t in cited)
    implemented = _targets(links, "shanwei-carbon-peak-plan-2023", "implements")
    assert {"state-council-2030-carbon-peak-action-plan-2021", CENTRAL_ZH, CENTRAL_EN} <= set(implemented)
    assert set(implemented.values()) <= {"similarity", "similarity+work"}
    # Another province's plan is above a city by level but not over Shanwei.
    assert not {"fujian-pollution-carbon-synergy-plan-2022", "jiangsu-carbon-opinions-2022"} & set(implemented)
    best = max((d for d in links.documents if d.source == "shanwei-carbon-peak-plan-2023" and d.relation == "implements"),
               key=lambda d: d.score)
    assert best.target == "state-council-2030-carbon-peak-action-plan-2021"  # the plan Shanwei's text follows


def test_the_mee_plan_cites_no_higher_document_and_implements_earlier_national_ones(corpus) -> None:  # type: ignore[no-untyped-def]
    _, links = corpus
    implemented = _targets(links, "mee-pollution-carbon-synergy-plan-2022", "implements")
    assert {CENTRAL_ZH, "state-council-2030-carbon-peak-action-plan-2021"} <= set(implemented)
    # The Beautiful China opinions (2023-12-27) came after the MEE plan (2022-06-10).
    assert "central-opinions-beautiful-china-2023-en" not in implemented


def test_central_documents_implement_nothing(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, links = corpus
    central = {d for d, doc in docs.items() if doc.metadata.level == "central"}
    assert not [d for d in links.documents if d.relation == "implements" and d.source in central]


def test_issue_dates_and_regions_compare_at_their_common_precision() -> None:
    assert not_later("2022-06-10", "2022-12-13")
    assert not not_later("2023-12-27", "2022-06-10")
    assert not_later("2022", "2022-06-10") and not_later("2022-06-10", "2022")  # same year: unknown order
    assert not_later(None, "2022")
    assert region_contains("CN", "CN-FJ-Sanming") and region_contains("CN-FJ", "CN-FJ-Sanming")
    assert not region_contains("CN-FJ", "CN-GD-Shanwei")
    assert not region_contains("CN-FJ-Sanming", "CN-FJ")


def test_a_corpus_without_the_cited_parents_links_through_referenced_only_nodes() -> None:
    docs, extractions = default_corpus()
    keep = {"sanming-pollution-carbon-synergy-plan-2022", CENTRAL_ZH, CENTRAL_EN}
    subset = [d for d in docs if d.id in keep]
    links = link_corpus(subset, {k: v for k, v in extractions.items() if k in keep}, Settings())
    cited = _targets(links, "sanming-pollution-carbon-synergy-plan-2022", "cites")
    assert cited[CENTRAL_ZH] == "doc-number"
    assert sum(1 for t, how in cited.items() if t.startswith("ref-") and how == "referenced-only") == 2
    assert set(_targets(links, "sanming-pollution-carbon-synergy-plan-2022", "implements")) == {CENTRAL_ZH, CENTRAL_EN}
    assert {lk.target.split("~")[0] for lk in links.clauses if lk.method != "alignment"} == {CENTRAL_ZH, CENTRAL_EN}
    assert link_corpus([], {}, Settings()).clauses == []

"""The document graph of the default corpus: works and expressions, citations, and which documents
implement which, with evidence and a score."""

from __future__ import annotations

import dataclasses

import pytest

from policykg.evaluate import bundled_corpus
from policykg.link import link_corpus
from policykg.link.documents import beside_bound, issued, not_later, region_contains, title_subject
from policykg.settings import Settings

CENTRAL_ZH = "central-opinions-carbon-peak-2021-zh"
CENTRAL_EN = "central-opinions-carbon-peak-2021-en"
PLAN_2030 = "state-council-2030-carbon-peak-action-plan-2021"
MEE = "mee-pollution-carbon-synergy-plan-2022"
FUJIAN = "fujian-pollution-carbon-synergy-plan-2022"
SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    docs, extractions = bundled_corpus()
    return {d.id: d for d in docs}, link_corpus(list(docs), extractions, Settings())


def _targets(links, source: str, relation: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {d.target: d.method for d in links.documents if d.source == source and d.relation == relation}


def _implements(links, source: str):  # type: ignore[no-untyped-def]
    return {d.target: d for d in links.documents if d.source == source and d.relation == "implements"}


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


def test_sanming_implements_what_it_cites_with_the_citation_as_evidence(corpus) -> None:  # type: ignore[no-untyped-def]
    _, links = corpus
    parents = _implements(links, SANMING)
    # A work is one parent: the Chinese central opinions, not their English expression besides.
    assert set(parents) == {CENTRAL_ZH, MEE, FUJIAN, PLAN_2030}
    for target in (CENTRAL_ZH, MEE, FUJIAN):
        link = parents[target]
        assert link.score == 1.0 and "citation" in link.method.split("+")
        assert ("citation", link.target) in {(e.kind, e.value) for e in link.evidence}
    # the provincial and ministry plans are of its family (减污降碳协同增效), the opinions are not
    assert ("family", "减污降碳协同增效") in {(e.kind, e.value) for e in parents[FUJIAN].evidence}
    # a 减污降碳 plan belongs to the 1+N system: the 2030 Action Plan is one of its heads, weakly
    assert ("family", "碳达峰行动方案", 0.5) in {(e.kind, e.value, e.weight) for e in parents[PLAN_2030].evidence}
    assert set(_implements(links, FUJIAN)) == {MEE, CENTRAL_ZH, PLAN_2030}


def test_shanwei_implements_the_heads_of_the_carbon_peak_family_not_another_province(corpus) -> None:  # type: ignore[no-untyped-def]
    _, links = corpus
    cited = _targets(links, SHANWEI, "cites")
    assert len(cited) == 2 and all(t.startswith("ref-") for t in cited)  # two Guangdong documents outside the corpus
    parents = _implements(links, SHANWEI)
    assert {PLAN_2030, CENTRAL_ZH} <= set(parents)
    for head in (PLAN_2030, CENTRAL_ZH):
        assert "family" in {e.kind for e in parents[head].evidence}  # 碳达峰实施方案 → 1+N heads
    assert not {FUJIAN, "jiangsu-carbon-opinions-2022", CENTRAL_EN} & set(parents)
    best = max(parents.values(), key=lambda d: d.score)
    assert best.target == PLAN_2030  # the plan Shanwei's text follows most closely


def test_the_mee_plan_cites_no_higher_document_and_implements_earlier_national_ones(corpus) -> None:  # type: ignore[no-untyped-def]
    _, links = corpus
    parents = _implements(links, MEE)
    assert set(parents) == {CENTRAL_ZH, PLAN_2030}  # a ministry's plan implements the State Council's
    for link in parents.values():
        assert {e.kind for e in link.evidence} >= {"topic", "hierarchy"}
    # The Beautiful China opinions (2023-12-27) came after the MEE plan (2022-06-10).
    assert "central-opinions-beautiful-china-2023-en" not in parents


def test_central_documents_implement_nothing(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, links = corpus
    central = {d for d, doc in docs.items() if doc.metadata.level == "central"}
    assert not [d for d in links.documents if d.relation == "implements" and d.source in central]


def test_parents_are_bounded_per_level_and_never_issued_later(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, links = corpus
    settings = Settings()
    for doc_id in docs:
        parents = _implements(links, doc_id)
        # the heads of the 1+N system a document belongs to (national and its province's) come besides the bound
        levels = [docs[t].metadata.level for t, lk in parents.items() if not beside_bound(docs[t])]
        assert all(levels.count(level) <= settings.link_parents_per_level for level in levels)
        for target, link in parents.items():
            assert not_later(issued(docs[target]), issued(docs[doc_id])), (doc_id, target)
            assert settings.link_parent_min_score <= link.score <= 1.0 and link.evidence
    narrow = link_corpus(list(bundled_corpus()[0]), bundled_corpus()[1], Settings(link_parents_per_level=1))
    for doc_id in docs:
        levels = [docs[d.target].metadata.level for d in narrow.documents
                  if d.source == doc_id and d.relation == "implements" and not beside_bound(docs[d.target])]
        assert len(levels) == len(set(levels))


def test_titles_reduce_to_their_subject_and_dates_fall_back_to_the_number() -> None:
    assert title_subject("福建省减污降碳协同增效实施方案") == title_subject("减污降碳协同增效实施方案") == "减污降碳协同增效"
    assert title_subject("关于推动城乡建设绿色发展的实施意见") == title_subject("关于推动城乡建设绿色发展的意见")
    docs, _ = bundled_corpus()
    mee = next(d for d in docs if d.id == MEE)
    undated = dataclasses.replace(mee, metadata=dataclasses.replace(mee.metadata, issued=None))
    assert issued(undated) == "2022"  # 环综合〔2022〕42号


def test_titles_of_the_carbon_family_name_the_heads_of_the_1_n_system() -> None:
    from policykg.link.families import FAMILIES
    from policykg.link.features import normalise_title

    def weight(title: str) -> float:
        t = normalise_title(title)
        return max((w for pattern, _, w in FAMILIES if pattern.search(t)), default=0.0)

    # titles of tune documents of the real corpus
    assert weight("南京江北新区碳达峰、碳中和行动计划（试行）") == 0.8  # a bracketed qualifier after the genre
    assert weight("汕尾市碳达峰实施方案") == 0.8
    assert weight("武汉市推动降碳及发展低碳产业工作方案") == 0.5
    assert weight("上海市瞄准新赛道促进绿色低碳产业发展行动方案（2022—2025年）") == 0.5
    assert weight("国家适应气候变化战略2035") == 0.0  # a strategy is no plan carrying the heads out
    assert weight("江苏省碳达峰碳中和科技创新专项资金管理办法（暂行）") == 0.0  # nor a fund's rules
    assert weight("湖北省林业发展“十四五”规划") == 0.0


def test_issue_dates_and_regions_compare_at_their_common_precision() -> None:
    assert not_later("2022-06-10", "2022-12-13")
    assert not not_later("2023-12-27", "2022-06-10")
    assert not_later("2022", "2022-06-10") and not_later("2022-06-10", "2022")  # same year: unknown order
    assert not_later(None, "2022")
    assert region_contains("CN", "CN-FJ-Sanming") and region_contains("CN-FJ", "CN-FJ-Sanming")
    assert not region_contains("CN-FJ", "CN-GD-Shanwei")
    assert not region_contains("CN-FJ-Sanming", "CN-FJ")


def test_a_copy_of_a_document_is_another_expression_of_its_work_not_a_parent() -> None:
    """The PDF and the text file of one document (same 文号, same text) are one work."""
    docs, extractions = bundled_corpus()
    mee = next(d for d in docs if d.id == MEE)
    copy = dataclasses.replace(mee, id="mee-copy", metadata=dataclasses.replace(mee.metadata, work=None))
    links = link_corpus([*docs, copy], {**extractions, "mee-copy": extractions[MEE]}, Settings())
    assert _targets(links, "mee-copy", "same_work") == {MEE: "copy"}
    assert not _implements(links, "mee-copy")  # only the original is linked; the copy rides along
    assert set(_implements(links, FUJIAN)) == {MEE, CENTRAL_ZH, PLAN_2030}


def test_a_corpus_without_the_cited_parents_links_through_referenced_only_nodes() -> None:
    docs, extractions = bundled_corpus()
    keep = {SANMING, CENTRAL_ZH, CENTRAL_EN}
    subset = [d for d in docs if d.id in keep]
    links = link_corpus(subset, {k: v for k, v in extractions.items() if k in keep}, Settings())
    cited = _targets(links, SANMING, "cites")
    assert cited[CENTRAL_ZH] == "doc-number"
    assert sum(1 for t, how in cited.items() if t.startswith("ref-") and how == "referenced-only") == 2
    assert set(_implements(links, SANMING)) == {CENTRAL_ZH}
    assert {lk.target.split("~")[0] for lk in links.clauses if lk.method != "alignment"} == {CENTRAL_ZH}
    assert link_corpus([], {}, Settings()).clauses == []

"""Citation resolution on the real citations the ingest stage finds in the default corpus."""

from __future__ import annotations

import pytest

from policykg.evaluate import bundled_corpus
from policykg.ingest.model import Citation, Span
from policykg.link.citations import CitationIndex, resolve_citations
from policykg.link.features import bigrams, dice, normalise_doc_number, normalise_title, referenced_id

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"


@pytest.fixture(scope="module")
def docs():  # type: ignore[no-untyped-def]
    return list(bundled_corpus()[0])


@pytest.fixture(scope="module")
def resolved(docs):  # type: ignore[no-untyped-def]
    return resolve_citations(docs)


def _from(resolved, source: str) -> dict[str, tuple[str | None, str, str]]:  # type: ignore[no-untyped-def]
    return {
        (c.doc_number or c.title): (c.target_document, c.referenced_id, c.method)
        for c in resolved
        if c.source_document == source
    }


def test_sanming_cites_the_central_opinions_the_mee_plan_and_the_fujian_plan_by_number(resolved) -> None:  # type: ignore[no-untyped-def]
    cited = _from(resolved, SANMING)
    assert cited["中发〔2021〕36号"][::2] == ("central-opinions-carbon-peak-2021-zh", "doc-number")
    assert cited["环综合〔2022〕42号"][::2] == ("mee-pollution-carbon-synergy-plan-2022", "doc-number")
    assert cited["闽环保综合〔2022〕12号"][::2] == ("fujian-pollution-carbon-synergy-plan-2022", "doc-number")


def test_a_chinese_text_citing_a_number_gets_the_chinese_expression_not_the_translation(resolved) -> None:  # type: ignore[no-untyped-def]
    # The English central opinions carry the same 中发〔2021〕36号 in the manifest.
    assert _from(resolved, SANMING)["中发〔2021〕36号"][0].endswith("-zh")  # type: ignore[union-attr]


def test_shanwei_cites_two_guangdong_documents_outside_the_corpus(resolved) -> None:  # type: ignore[no-untyped-def]
    cited = [c for c in resolved if c.source_document == SHANWEI]
    assert len(cited) == 2
    assert all(c.target_document is None and c.method == "referenced-only" for c in cited)
    ids = {c.referenced_id for c in cited}
    assert len(ids) == 2 and all(i.startswith("ref-") and "/" not in i for i in ids)
    titles = sorted(c.title for c in cited)
    assert titles[0] == "中共广东省委 广东省人民政府关于完整准确全面贯彻新发展理念推进碳达峰碳中和工作的实施意见"
    assert titles[1] == "广东省碳达峰实施方案"
    assert {referenced_id(t) for t in titles} == ids  # the same title always gets the same node


def test_the_guangdong_opinions_are_not_taken_for_the_central_opinions_they_mirror() -> None:
    guangdong = normalise_title("中共广东省委 广东省人民政府关于完整准确全面贯彻新发展理念推进碳达峰碳中和工作的实施意见")
    central = normalise_title("中共中央、国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见")
    # Above the title threshold on wording alone: only the jurisdiction named tells them apart.
    assert dice(bigrams(guangdong), bigrams(central)) > 0.8


def test_titles_without_numbers_resolve_by_their_subject(resolved) -> None:  # type: ignore[no-untyped-def]
    fujian = _from(resolved, "fujian-pollution-carbon-synergy-plan-2022")
    assert fujian["关于印发减污降碳协同增效实施方案的通知"][::2] == ("mee-pollution-carbon-synergy-plan-2022", "title")
    remarks = _from(resolved, "provincial-secretaries-remarks-2021")
    assert remarks["关于完整准确全面贯彻新发展理念、做好碳达峰碳中和工作的意见"][0] == "central-opinions-carbon-peak-2021-zh"
    miit = _from(resolved, "miit-industry-carbon-peak-plan-2022")
    assert miit["2030年前碳达峰行动方案"][0] == "state-council-2030-carbon-peak-action-plan-2021"


def test_number_brackets_and_title_wrappers_are_normalised() -> None:
    assert normalise_doc_number("中发[2021]36号") == normalise_doc_number("中发〔2021〕36号") == "中发202136号"
    assert normalise_doc_number("中发（2021）36号") == "中发202136号"
    assert normalise_title("关于印发《减污降碳协同增效实施方案》的通知") == "减污降碳协同增效实施方案"
    assert normalise_title("国务院关于印发2030年前碳达峰行动方案的通知") == "2030年前碳达峰行动方案"


def test_a_near_title_resolves_by_similarity_and_a_bracket_variant_by_number(docs) -> None:  # type: ignore[no-untyped-def]
    index = CitationIndex(docs, threshold=0.8)
    sanming = next(d for d in docs if d.id == SANMING)
    near = index.resolve(Citation("减污降碳协同增效工作实施方案", None, Span(0, 0)), sanming)
    assert near.target_document == "mee-pollution-carbon-synergy-plan-2022"
    assert near.method == "title-similarity:0.83"
    bracket = index.resolve(Citation("关于印发减污降碳协同增效实施方案的通知", "环综合[2022]42号", Span(0, 0)), sanming)
    assert (bracket.target_document, bracket.method) == ("mee-pollution-carbon-synergy-plan-2022", "doc-number")
    unknown = index.resolve(Citation("碳排放权交易管理暂行条例", None, Span(0, 0)), sanming)
    assert unknown.target_document is None and unknown.referenced_id == referenced_id("碳排放权交易管理暂行条例")

"""What a plan reports of the past or of its situation is no clause a measure carries out, and carries out nothing.

Inner Mongolia's 十四五 climate plan (68) opens with 一、现状与形势: (一)工作成效, (二)面临形势. Linked with the
plans of two of its cities (Hohhot 469, Tongliao 464, each opening with its own review of the 十三五), 41 of the
1,057 best links into 68 went to those two clauses, most from the cities' own reviews (Hohhot's 工作成效 to 68's):
a researcher tracing a city's measure upward met the province's account of its past, and a city's review counted
as carrying the province's plan out. A clause under a
review heading (`extract.period.review_heading`, the same headings whose figures are no targets) now counts a
fifth as a parent and is no source of links at all. Real `tune` documents.
"""

from __future__ import annotations

import pytest

from policykg.evaluate import bundled_corpus, extract_key_documents
from policykg.link import link_corpus
from policykg.link.headings import stands_under_review, titles_by_path

INNER_MONGOLIA = "68、内蒙古自治区“十四五”应对气候变化规划.pdf"
HOHHOT = "469、呼和浩特市“十四五”生态环境保护规划.pdf"
TONGLIAO = "464、通辽市“十四五”生态环境保护规划.pdf"


@pytest.fixture(scope="module")
def linked():  # type: ignore[no-untyped-def]
    read = extract_key_documents([INNER_MONGOLIA, HOHHOT, TONGLIAO])
    docs, extractions = bundled_corpus()
    docs, extractions = list(docs), dict(extractions)
    for doc, extraction in read.values():
        docs.append(doc)
        extractions[doc.id] = extraction
    return {name: doc for name, (doc, _) in read.items()}, link_corpus(docs, extractions)


def _reviews(doc) -> set[str]:  # type: ignore[no-untyped-def]
    title_at = titles_by_path(doc)
    return {c.id for c in doc.walk() if stands_under_review(title_at, c.path)}


def test_the_review_sections_of_the_plans(linked) -> None:  # type: ignore[no-untyped-def]
    docs, _ = linked
    province = docs[INNER_MONGOLIA]
    titles = {c.id.split("~")[1]: c.title for c in province.walk()}
    assert (titles["s1"], titles["s1.i1"], titles["s1.i2"]) == ("现状与形势", "工作成效", "面临形势")
    assert _reviews(province) == {f"{province.id}~s1", f"{province.id}~s1.i1", f"{province.id}~s1.i2"}
    # 二、指导思想和主要目标 and the tasks after it are no review
    assert f"{province.id}~s2.i3" not in _reviews(province) and f"{province.id}~s3.i3" not in _reviews(province)
    assert _reviews(docs[HOHHOT]) and _reviews(docs[TONGLIAO])


def test_no_link_leads_into_or_out_of_a_review(linked) -> None:  # type: ignore[no-untyped-def]
    docs, links = linked
    province = docs[INNER_MONGOLIA]
    into_province = [lk for lk in links.clauses if lk.target.startswith(province.id + "~") and lk.method != "alignment"]
    assert len({lk.source for lk in into_province if lk.rank == 1}) > 950  # the cities still carry the plan out
    assert not [lk for lk in into_province if lk.rank == 1 and lk.target in _reviews(province)]
    reviewing = _reviews(docs[HOHHOT]) | _reviews(docs[TONGLIAO])
    assert not [lk for lk in links.clauses if lk.source.split(".m")[0] in reviewing or lk.source in reviewing]

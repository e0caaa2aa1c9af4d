"""The default corpus through ingest → extract → link, scored against the gold set of links.

tests/gold/links.toml was written by reading the documents side by side; this test reports how
well the linker finds those clauses (recall@1, recall@3, MRR), next to the figures of the linker
before scope, quoted-term, heading and broader-concept evidence (docs/linking.md), and holds it to
recall@1 ≥ 0.85, recall@3 ≥ 0.95 and MRR ≥ 0.9.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.evaluate import bundled_corpus
from policykg.link import link_corpus
from policykg.link.gold import clause_of, evaluate, load_gold, resolve_source
from policykg.settings import Settings

GOLD = Path(__file__).parent / "gold" / "links.toml"
#: recall@1, recall@3 and MRR of the linker with wording, concepts, numbers and parents only.
BEFORE = (0.837, 0.976, 0.901)
LOCAL_SOURCES = {
    "sanming-pollution-carbon-synergy-plan-2022",
    "shanwei-carbon-peak-plan-2023",
    "provincial-secretaries-remarks-2021",
    "fujian-pollution-carbon-synergy-plan-2022",
}


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    docs, extractions = bundled_corpus()
    return list(docs), extractions, link_corpus(list(docs), extractions, Settings())


@pytest.fixture(scope="module")
def gold():  # type: ignore[no-untyped-def]
    return load_gold(GOLD)


def test_gold_set_covers_forty_local_measures_of_the_four_documents(gold) -> None:  # type: ignore[no-untyped-def]
    assert len(gold) >= 40
    assert {g.source_document for g in gold} == LOCAL_SOURCES
    assert len({(g.source_document, g.source_clause, g.source_quote) for g in gold}) == len(gold)


def test_every_gold_measure_and_clause_exists_in_the_ingested_corpus(corpus, gold) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, _ = corpus
    by_id = {d.id: d for d in docs}
    for g in gold:
        doc = by_id[g.source_document]
        assert resolve_source(g, doc, extractions[doc.id]) is not None, (g.source_document, g.source_quote)
        for target in g.targets:
            for path in target.paths:
                assert clause_of(by_id[target.document], path) is not None, (target.document, path)


def test_gold_recall(corpus, gold) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    report = evaluate(gold, docs, extractions, links)
    print("\ngold links:", report.summary())
    print("  before scope, quoted-term, heading and broader-concept evidence: "
          "recall@1={:.3f} recall@3={:.3f} MRR={:.3f}".format(*BEFORE))
    for name, sub in sorted(report.by("source").items()):
        print(f"  from {name}: {sub.summary()}")
    for name, sub in sorted(report.by("target").items()):
        print(f"  into {name}: {sub.summary()}")
    assert not report.unresolved
    assert report.recall_at(3) >= 0.95
    assert report.recall_at(1) >= 0.85
    assert report.mrr >= 0.9
    assert report.recall_at(1) > BEFORE[0] and report.mrr > BEFORE[2]


def _ranks(corpus, gold, quote: str) -> dict[str, int | None]:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    entry = next(g for g in gold if g.source_quote == quote)
    return {o.document: o.rank for o in evaluate([entry], docs, extractions, links).outcomes}


def test_sanming_carbon_capture_traces_to_fujian_mee_and_the_central_clause_21(corpus, gold) -> None:  # type: ignore[no-untyped-def]
    ranks = _ranks(corpus, gold, "开展二氧化碳捕集与利用封存示范")
    assert ranks["fujian-pollution-carbon-synergy-plan-2022"] == 1  # 三(五) 推进工业领域协同增效
    assert ranks["mee-pollution-carbon-synergy-plan-2022"] == 1  # 四(八)
    # 八(二十一) 推进规模化碳捕集利用与封存技术研发、示范, ahead of the investment clause (三十) that
    # lists the same industries, in the Chinese original and in the English expression alike.
    assert ranks["central-opinions-carbon-peak-2021-zh"] == 1
    assert ranks["central-opinions-carbon-peak-2021-en"] == 1


def test_shanwei_nuclear_power_traces_to_central_clause_12_and_the_2030_plan(corpus, gold) -> None:  # type: ignore[no-untyped-def]
    ranks = _ranks(corpus, gold, "积极有序发展核电")
    assert ranks == {
        "central-opinions-carbon-peak-2021-zh": 1,
        "central-opinions-carbon-peak-2021-en": 1,
        "state-council-2030-carbon-peak-action-plan-2021": 1,
    }


def test_heilongjiang_principles_trace_to_the_working_principles(corpus, gold) -> None:  # type: ignore[no-untyped-def]
    ranks = _ranks(corpus, gold, "节约优先、双轮驱动、内外畅通")
    # 一(二) 工作原则, which quotes the five principles, ahead of the guiding thought 一(一)
    assert ranks == {"central-opinions-carbon-peak-2021-zh": 1, "central-opinions-carbon-peak-2021-en": 1}


def test_linking_the_corpus_is_deterministic(corpus) -> None:  # type: ignore[no-untyped-def]
    """Linking depends on the documents, not on their order. (Its speed is measured by bench/run.py.)"""
    docs, extractions, links = corpus
    for order in (list(reversed(docs)), sorted(docs, key=lambda d: d.metadata.title)):
        again = link_corpus(order, extractions, Settings())
        assert again == links  # the input order changes nothing

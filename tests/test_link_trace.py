"""Tracing a city measure back to the national clauses, and finding where to start from a phrase."""

from __future__ import annotations

import json

import pytest

from policykg.evaluate import bundled_corpus
from policykg.link import find_measures, link_corpus, trace
from policykg.settings import Settings


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    docs, extractions = bundled_corpus()
    return list(docs), extractions, link_corpus(list(docs), extractions, Settings())


def _hop(node) -> dict[str, list]:  # type: ignore[no-untyped-def]
    """The candidates of one hop, by document, best first."""
    by_doc: dict[str, list] = {}
    for parent in node["parents"]:
        by_doc.setdefault(parent["document"], []).append(parent)
    return by_doc


def test_sanming_carbon_capture_climbs_fujian_then_mee_then_the_central_documents(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    [start] = find_measures("开展二氧化碳捕集与利用封存示范", docs, extractions)
    assert start.startswith("sanming-pollution-carbon-synergy-plan-2022~s4.i5.m")
    chain = trace(start, links, docs, extractions)
    assert chain["path"] == ["四", "五"] and "二氧化碳捕集与利用封存示范" in chain["text"]

    hop1 = _hop(chain)
    assert list(hop1) == ["fujian-pollution-carbon-synergy-plan-2022"]  # not straight to the top
    fujian = hop1["fujian-pollution-carbon-synergy-plan-2022"][0]
    assert (fujian["path"], fujian["rank"]) == (["三", "五"], 1)
    assert {"kind", "value", "weight"} <= set(fujian["evidence"][0])

    hop2 = _hop(fujian)
    assert list(hop2) == ["mee-pollution-carbon-synergy-plan-2022"]
    mee = hop2["mee-pollution-carbon-synergy-plan-2022"][0]
    assert mee["path"] == ["四", "八"]

    hop3 = _hop(mee)
    assert "central-opinions-carbon-peak-2021-zh" in set(hop3)
    assert ["八", "二十一"] in [c["path"] for c in hop3["central-opinions-carbon-peak-2021-zh"]]
    assert all(c["parents"] == [] for c in hop3["central-opinions-carbon-peak-2021-zh"])  # the top of the hierarchy
    json.dumps(chain, ensure_ascii=False)  # plain data, ready for the API


def test_the_ancestors_list_every_document_above_with_its_ranked_clauses(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    [start] = find_measures("开展二氧化碳捕集与利用封存示范", docs, extractions)
    ancestors = trace(start, links, docs, extractions)["ancestors"]
    by_doc = {a["document"]: a for a in ancestors}
    # direct links to the central opinions although the Fujian and MEE plans lie between
    assert set(by_doc) == {
        "fujian-pollution-carbon-synergy-plan-2022",
        "mee-pollution-carbon-synergy-plan-2022",
        "central-opinions-carbon-peak-2021-zh",
        "state-council-2030-carbon-peak-action-plan-2021",
    }
    central = by_doc["central-opinions-carbon-peak-2021-zh"]
    assert central["via"] is None and central["score"] == 1.0  # cited directly
    best = central["clauses"][0]
    assert (best["path"], best["rank"], best["relation"]) == (["八", "二十一"], 1, "implements")
    assert best["expressions"] == ["central-opinions-carbon-peak-2021-en~s8.i21"]  # the English text rides along
    assert ("concept", "ccus") in {(e["kind"], e["value"]) for e in best["evidence"]}
    plan = by_doc["state-council-2030-carbon-peak-action-plan-2021"]
    assert plan["via"] == "mee-pollution-carbon-synergy-plan-2022"  # reached through the MEE plan
    for a in ancestors:
        assert [c["rank"] for c in a["clauses"]] == list(range(1, len(a["clauses"]) + 1))
        assert all(x["score"] >= y["score"] for x, y in zip(a["clauses"], a["clauses"][1:], strict=False))
        assert all(c["chain"] == round(c["score"] * a["score"], 4) for c in a["clauses"])
    chains = [a["clauses"][0]["chain"] for a in ancestors]
    assert chains == sorted(chains, reverse=True)  # best chain first


def test_shanwei_nuclear_power_goes_straight_to_the_national_plans(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    start = find_measures("積極有序發展核電", docs, extractions)[0]  # traditional input, as in the source
    assert start.startswith("shanwei-carbon-peak-plan-2023~s2.i2.p5.m")
    hop1 = _hop(trace(start, links, docs, extractions))
    # Shanwei also implements the MIIT industry plan, which says nothing about nuclear power.
    assert set(hop1) == {"central-opinions-carbon-peak-2021-zh", "state-council-2030-carbon-peak-action-plan-2021"}
    assert hop1["central-opinions-carbon-peak-2021-zh"][0]["path"] == ["五", "十二"]
    assert hop1["state-council-2030-carbon-peak-action-plan-2021"][0]["path"] == ["三", "一", "4"]


def test_a_trace_can_start_from_a_clause(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, _, links = corpus
    fujian = next(d for d in docs if d.id == "fujian-pollution-carbon-synergy-plan-2022")
    clause = next(c for c in fujian.walk() if c.path == ("三", "五"))
    hop1 = _hop(trace(clause.id, links, docs))
    assert hop1["mee-pollution-carbon-synergy-plan-2022"][0]["path"] == ["四", "八"]


def test_a_trace_without_documents_still_names_every_hop(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = corpus
    start = find_measures("积极有序发展核电", docs, extractions)[0]
    chain = trace(start, links)
    assert chain["id"] == start and "path" not in chain
    assert {p["document"] for p in chain["parents"]} >= {"state-council-2030-carbon-peak-action-plan-2021"}


def test_find_measures_by_phrase_concept_or_nothing(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, _ = corpus
    ccus = find_measures("CCUS", docs, extractions)
    assert any(m.startswith("fujian-pollution-carbon-synergy-plan-2022~s3.i5.m") for m in ccus)
    assert find_measures("no such measure anywhere", docs, extractions) == []
    assert find_measures("", docs, extractions) == []


def test_find_measures_reads_a_taiwan_wording_as_the_documents_are_stored(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, _ = corpus
    # 碳捕捉 (Taiwan) is 碳捕集 in the documents; 最佳化 is 优化
    capture = find_measures("碳捕捉", docs, extractions)
    assert capture == find_measures("碳捕集", docs, extractions)
    assert "central-opinions-carbon-peak-2021-zh~s8.i21.m6" in capture
    assert find_measures("最佳化", docs, extractions) == find_measures("优化", docs, extractions) != []

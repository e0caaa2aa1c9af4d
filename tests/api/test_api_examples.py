"""The example queries: listed by /api/examples, and each answering its question over /sparql."""

from __future__ import annotations

import re

import pyoxigraph as ox

SANMING_DOC = "https://policykg.org/doc/sanming-pollution-carbon-synergy-plan-2022"
MEE_DOC = "https://policykg.org/doc/mee-pollution-carbon-synergy-plan-2022"


def run(client, name: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    query = client.get(f"/api/examples/{name}")
    assert query.status_code == 200
    assert query.headers["content-type"].startswith("application/sparql-query")
    r = client.post("/sparql", content=query.content, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200, r.text
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def test_examples_are_listed(client) -> None:  # type: ignore[no-untyped-def]
    examples = client.get("/api/examples").json()["examples"]
    assert [e["name"] for e in examples] == [
        "document-parents", "documents-by-level", "targets-2025-city-vs-national", "trace-measure", "units-for-ccus"]
    for e in examples:
        assert e["title"] and e["question"].endswith("?")
        assert re.search(r"PREFIX pkg:\s+<https://policykg.org/ns#>", e["query"])
        ox.Store().query(e["query"])  # parses (and runs on an empty store)


def test_units_for_ccus(client) -> None:  # type: ignore[no-untyped-def]
    rows = run(client, "units-for-ccus")
    leads = {(r["unitLabel"], r["clauseNumber"]) for r in rows if r["role"] == "lead"}
    assert leads == {("三明市工业和信息化局", "五"), ("三明市科学技术局", "十八"), ("工业和信息化部", "八")}
    support = {r["unitLabel"] for r in rows if r["role"] == "support" and r["document"] == MEE_DOC}
    assert support == {"国家发展和改革委员会", "生态环境部", "国家能源局"}


def test_trace_measure(client) -> None:  # type: ignore[no-untyped-def]
    rows = run(client, "trace-measure")
    assert [(r["step"], r["from"], r["to"], r["relation"], r["score"], r["toLevel"], r["toClauseNumber"]) for r in rows] == [(
        "1",
        "https://policykg.org/measure/sanming-pollution-carbon-synergy-plan-2022~s4.i5.m2",
        "https://policykg.org/clause/mee-pollution-carbon-synergy-plan-2022~s4.i8",
        "implements", "0.82", "ministry", "八",
    )]
    assert "推动碳捕集、利用与封存技术在工业领域应用。" in rows[0]["toText"]


def test_targets_2025_city_vs_national(client) -> None:  # type: ignore[no-untyped-def]
    rows = run(client, "targets-2025-city-vs-national")
    assert [(r["scope"], r["region"], r["indicator"], r["comparator"], r["value"], r["unit"]) for r in rows] == [
        ("city", "Sanming", "重点行业产能和数据中心达到能效标杆水平的比例", ">", "30", "%"),
        ("national", "China", "全国短流程炼钢占比", ">=", "15", "%"),
    ]


def test_documents_by_level(client) -> None:  # type: ignore[no-untyped-def]
    rows = run(client, "documents-by-level")
    assert [(r["level"], r["document"], r["title"], r["issued"]) for r in rows] == [
        ("ministry", MEE_DOC, "减污降碳协同增效实施方案", "2022-06-10"),
        ("municipal", SANMING_DOC, "三明市减污降碳协同增效实施方案", "2022-12-13"),
    ]


def test_document_parents(client) -> None:  # type: ignore[no-untyped-def]
    rows = run(client, "document-parents")
    assert [(r["parent"], r["level"], r["score"]) for r in rows] == [(MEE_DOC, "ministry", "0.9")]
    assert rows[0]["title"] == "减污降碳协同增效实施方案"

"""The researcher API's JSON contract, checked against what the real clauses say."""

from __future__ import annotations

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"
I5, I18, I8 = f"{SANMING}~s4.i5", f"{SANMING}~s7.i18", f"{MEE}~s4.i8"


def test_documents(client) -> None:  # type: ignore[no-untyped-def]
    docs = {d["id"]: d for d in client.get("/api/documents").json()["documents"]}
    assert set(docs) == {SANMING, MEE}
    assert (docs[SANMING]["level"], docs[SANMING]["region"], docs[SANMING]["issued"]) == (
        "municipal", "CN-FJ-Sanming", "2022-12-13")
    assert docs[SANMING]["title"] == "三明市减污降碳协同增效实施方案"
    assert (docs[MEE]["level"], docs[MEE]["doc_number"]) == ("ministry", "环综合〔2022〕42号")


def test_document_with_its_clauses(client) -> None:  # type: ignore[no-untyped-def]
    doc = client.get(f"/api/documents/{SANMING}").json()
    assert doc["id"] == SANMING
    clauses = {c["id"]: c for c in doc["clauses"]}
    assert [c["id"] for c in doc["clauses"]] == [f"{SANMING}~s4", I5, f"{SANMING}~s7", I18]
    i5 = clauses[I5]
    assert (i5["number"], i5["path"], i5["title"]) == ("五", ["四", "五"], "推进工业领域协同增效")
    assert [u["id"] for u in i5["units"]] == [f"cn-fj-sanming.{u}" for u in ("gxj", "fgw", "sthj", "kjj", "swj")]
    assert i5["units"][0]["role"] == "lead"
    target = i5["targets"][0]
    assert (target["comparator"], target["value"], target["unit"], target["year"]) == (">", 30.0, "%", 2025)
    assert [m["id"] for m in i5["measures"]] == [f"{I5}.m1", f"{I5}.m2"]


def test_units_for_ccus(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/units", params={"concept": "CCUS"}).json()
    assert body["concept"] == {
        "id": "ccus",
        "labels": {"zh-Hans": "碳捕集利用与封存", "zh-Hant": "碳捕集利用與封存", "en": "carbon capture, utilization and storage"},
        "match": "exact",
    }
    units = {u["id"]: u for u in body["units"]}
    assert {"cn-fj-sanming.gxj", "cn-fj-sanming.kjj", "cn.miit", "cn.ndrc", "cn.mee", "cn.nea"} <= set(units)
    # 市科技局 leads Sanming (十八), which is about CCUS too
    assert {"id": I18, "document": SANMING, "clause": "十八", "role": "lead",
            "path": ["七", "十八"]} in units["cn-fj-sanming.kjj"]["clauses"]


def test_units_by_traditional_label_and_region(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/units", params={"concept": "碳捕集利用與封存", "region": "CN-FJ"}).json()
    assert body["concept"]["id"] == "ccus"
    assert body["units"] and all(u["jurisdiction"] == "CN-FJ-Sanming" for u in body["units"])


def test_trace_from_the_ccus_measure(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/api/trace/{I5}.m2").json()
    assert body["source"] == {
        "id": f"{I5}.m2", "kind": "measure", "document": SANMING, "clause": "五",
        "text": "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。",
    }
    [parent] = body["parents"]
    assert (parent["id"], parent["clause"], parent["score"], parent["relation"]) == (I8, "八", 0.82, "implements")
    assert parent["evidence"] == [{"kind": "concept", "value": "ccus", "weight": 0.6},
                                  {"kind": "wording", "value": "捕集", "weight": 0.22}]


def test_targets_for_2025(client) -> None:  # type: ignore[no-untyped-def]
    targets = client.get("/api/targets", params={"year": 2025}).json()["targets"]
    found = {(t["document"], t["indicator"], t["comparator"], t["value"], t["unit"]) for t in targets}
    assert found == {
        (SANMING, "重点行业产能和数据中心达到能效标杆水平的比例", ">", 30.0, "%"),
        (MEE, "全国短流程炼钢占比", ">=", 15.0, "%"),
    }
    city = client.get("/api/targets", params={"year": 2025, "region": "CN-FJ-Sanming"}).json()["targets"]
    assert [t["value"] for t in city] == [30.0]


def test_regions_by_name_in_any_script(client) -> None:  # type: ignore[no-untyped-def]
    by_id = client.get("/api/targets", params={"year": 2025, "region": "CN-FJ-Sanming"}).json()
    for name in ("三明", "三明市", "Sanming", "福建省三明市"):
        assert client.get("/api/targets", params={"year": 2025, "region": name}).json() == by_id, name
    units = client.get("/api/units", params={"concept": "CCUS", "region": "福建"}).json()["units"]
    assert units and {u["id"] for u in units} == {
        u["id"] for u in client.get("/api/units", params={"concept": "CCUS", "region": "CN-FJ"}).json()["units"]}
    body = client.get("/api/targets", params={"region": "Taizhou"}).json()
    assert body["code"] == "ambiguous_region" and body["candidates"] == ["CN-JS-Taizhou", "CN-ZJ-Taizhou"]


def test_targets_by_level_of_government(client) -> None:  # type: ignore[no-untyped-def]
    def found(**params: object) -> set[tuple[str, str, float]]:
        targets = client.get("/api/targets", params={"year": 2025, **params}).json()["targets"]
        return {(t["document"], t["indicator"], t["value"]) for t in targets}

    assert found(level="municipal") == {(SANMING, "重点行业产能和数据中心达到能效标杆水平的比例", 30.0)}
    assert found(level="national") == found(level="ministry") == {(MEE, "全国短流程炼钢占比", 15.0)}
    assert found(level="municipal,ministry") == found()
    assert found(level="county") == set()
    body = client.get("/api/targets", params={"level": "city"}).json()
    assert body["code"] == "bad_request" and body["level"] == "city" and "municipal" in body["detail"]


def test_search_finds_the_measure(client) -> None:  # type: ignore[no-untyped-def]
    results = client.get("/api/search", params={"q": "二氧化碳捕集", "limit": 3}).json()["results"]
    assert results[0]["id"] == f"{I5}.m2"
    assert set(results[0]) == {"id", "document", "clause", "text", "score"}
    assert len(results) <= 3


def test_concepts(client) -> None:  # type: ignore[no-untyped-def]
    concepts = client.get("/api/concepts", params={"q": "CCUS"}).json()["concepts"]
    assert concepts[0]["id"] == "ccus"
    assert len(client.get("/api/concepts").json()["concepts"]) > 100


def test_openapi_documents_the_contract(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/units", "/api/trace/{item_id}",
                 "/api/targets", "/api/concepts", "/api/examples", "/sparql"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/documents"] and "post" in spec["paths"]["/sparql"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    assert "cdn.jsdelivr.net" in docs.headers["content-security-policy"]


def test_document_names_its_parents_and_children(client) -> None:  # type: ignore[no-untyped-def]
    sanming = client.get(f"/api/documents/{SANMING}").json()
    [parent] = sanming["parents"]
    assert (parent["id"], parent["relation"], parent["score"], parent["level"]) == (MEE, "implements", 0.9, "ministry")
    assert parent["title"] and parent["method"] == "policykg.link.documents/0.1" and parent["evidence"] == []
    assert sanming["children"] == [] and [c["id"] for c in sanming["cites"]] == [MEE]
    mee = client.get(f"/api/documents/{MEE}").json()
    assert [(c["id"], c["score"], c["region"]) for c in mee["children"]] == [(SANMING, 0.9, "CN-FJ-Sanming")]
    assert mee["parents"] == [] and mee["expressions"] == []


def test_coverage_matrix_of_a_national_plan(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/api/coverage/{MEE}").json()
    assert body["document"]["id"] == MEE and body["scope"] == "CN" and (body["rank"], body["min_score"]) == (1, 0.2)
    assert [(r["id"], r["label"], r["level"], r["documents"]) for r in body["regions"]] == [
        ("CN-FJ-Sanming", "三明市", "city", [SANMING])]
    rows = {c["id"]: c for c in body["clauses"]}
    # Sanming's (五) and (十八) both carry out the MEE plan's (八): two of the city's clauses
    assert rows[I8]["regions"] == {"CN-FJ-Sanming": {"count": 2, "best": 0.82, "documents": [SANMING]}}
    assert I8 not in body["uncovered"] and set(body["uncovered"]) == set(rows) - {I8}
    strict = client.get(f"/api/coverage/{MEE}", params={"min_score": 0.5}).json()
    assert {c["id"]: c["regions"] for c in strict["clauses"]}[I8]["CN-FJ-Sanming"]["count"] == 1
    csv = client.get(f"/api/coverage/{MEE}", params={"format": "csv"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    lines = csv.text.lstrip("\ufeff").splitlines()
    assert lines[0] == "clause,path,title,三明市,regions"
    assert any(line.startswith(f"{I8},四/八,") and line.endswith(",2,1") for line in lines)
    assert client.get("/api/coverage/no-such-document").status_code == 404
    assert client.get(f"/api/coverage/{MEE}", params={"rank": 0}).status_code == 422


def test_empty_filters_are_refused_naming_them(client) -> None:  # type: ignore[no-untyped-def]
    # an empty or blank filter is a 422 naming it on every route, never a filter silently left out
    for params in ({"document": ""}, {"document": "", "level": ""}, {"region": "", "level": " "}, {"region": " "},
                   {"concept": ""}, {"level": "municipal", "document": ""}):
        r = client.get("/api/targets", params={"year": 2025, **params})
        assert r.status_code == 422, params
        blank = sorted(k for k, value in params.items() if not value.strip())
        assert [e["location"] for e in r.json()["errors"]] == [f"query.{k}" for k in blank]
    assert client.get("/api/targets", params={"year": 2025, "level": "municipal"}).status_code == 200

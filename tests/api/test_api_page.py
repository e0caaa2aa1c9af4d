"""What the web page reads beside the research answers (it writes no SPARQL): facts and spans in the
original text, region names, the links into a clause, unimplemented national clauses, names of kinds
of unit and the concepts of targets."""

from __future__ import annotations

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"
I5, I18, I8 = f"{SANMING}~s4.i5", f"{SANMING}~s7.i18", f"{MEE}~s4.i8"


def test_facts_of_a_document_and_of_clauses(client) -> None:  # type: ignore[no-untyped-def]
    facts = client.get(f"/api/documents/{SANMING}/facts").json()["facts"]
    assert [(f["start"], -f["end"]) for f in facts] == sorted((f["start"], -f["end"]) for f in facts)
    kinds = {f["kind"] for f in facts}
    assert {"measure", "target", "unit", "concept"} <= kinds
    m2 = next(f for f in facts if f["id"] == f"{I5}.m2")
    assert (m2["kind"], m2["clause"], m2["exact"]) == ("measure", I5, "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。")
    assert m2["end"] - m2["start"] == len(m2["exact"])
    lead = next(f for f in facts if f["kind"] == "unit" and f["unit"] == "cn-fj-sanming.gxj")
    assert (lead["unit_label"], lead["role"], lead["clause"]) == ("三明市工业和信息化局", "lead", I5)
    assert all(f["concept"] for f in facts if f["kind"] == "concept")
    in_i5 = client.get("/api/facts", params={"clause": [I5]}).json()["facts"]
    assert in_i5 == [f for f in facts if f["clause"] == I5]
    assert client.get("/api/documents/no-such-document/facts").json()["code"] == "document_not_found"


def test_spans_of_clauses_and_measures(client) -> None:  # type: ignore[no-untyped-def]
    clauses = {s["id"]: s for s in client.get(f"/api/documents/{SANMING}/spans").json()["spans"]}
    assert {I5, I18} <= set(clauses)
    assert clauses[I5]["normalised"].startswith("(五)推进工业领域协同增效")
    measures = client.get("/api/spans", params={"kind": "measure", "id": [f"{I5}.m2", f"{I5}.m1"]}).json()["spans"]
    assert [s["id"] for s in measures] == [f"{I5}.m1", f"{I5}.m2"]
    assert clauses[I5]["start"] <= measures[0]["start"] < measures[0]["end"] <= clauses[I5]["end"]
    same = client.get("/api/spans", params={"kind": "clause", "id": [I5]}).json()["spans"]
    assert same == [clauses[I5]]
    assert client.get("/api/spans", params={"kind": "document", "id": [I5]}).status_code == 422


def test_regions_with_their_names_and_parents(client) -> None:  # type: ignore[no-untyped-def]
    regions = {r["id"]: r for r in client.get("/api/regions").json()["regions"]}
    assert regions["CN-FJ-Sanming"]["parent"] == "CN-FJ" and regions["CN"]["parent"] is None
    assert regions["CN-FJ"]["labels"]["en"] == "Fujian"


def test_a_region_by_its_name(client) -> None:  # type: ignore[no-untyped-def]
    regions = {r["id"]: r for r in client.get("/api/regions").json()["regions"]}
    for name in ("三明", "三明市", "Sanming", "福建三明"):
        assert client.get("/api/regions", params={"name": name}).json() == {"regions": [regions["CN-FJ-Sanming"]]}
    # a region no document is of: its names from the gazetteer
    assert "CN-XJ-Aletai" not in regions
    [altay] = client.get("/api/regions", params={"name": "阿勒泰地區"}).json()["regions"]
    assert altay == {"id": "CN-XJ-Aletai", "labels": {"en": "Aletai", "zh-hans": "阿勒泰地区"}, "parent": "CN-XJ"}
    assert client.get("/api/regions", params={"name": "nowhere"}).json()["code"] == "region_not_found"


def test_implementers_of_a_clause_best_first(client) -> None:  # type: ignore[no-untyped-def]
    found = client.get(f"/api/clauses/{I8}/implementers").json()["implementers"]
    assert [(i["source"], i["kind"], i["clause"], i["number"], i["score"]) for i in found] == [
        (f"{I5}.m2", "measure", I5, "五", 0.82),
        (f"{I18}.m1", "measure", I18, "十八", 0.41),
    ]
    assert client.get(f"/api/clauses/{I5}/implementers").json() == {"implementers": []}


def test_unimplemented_national_clauses(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/unimplemented").json() == {"clauses": []}  # (八) is implemented at 0.82
    [gap] = client.get("/api/unimplemented", params={"min_score": 0.9}).json()["clauses"]
    assert (gap["clause"], gap["document"], gap["number"], gap["best_local_score"]) == (I8, MEE, "八", 0.82)
    assert client.get("/api/unimplemented", params={"min_score": 2}).status_code == 422


def test_names_of_kinds_of_unit_and_concepts_of_targets(client) -> None:  # type: ignore[no-untyped-def]
    names = client.get("/api/unit-types", params={"type": ["fgw", "gxj", "not a type"]}).json()["names"]
    assert names == {"fgw": "发展和改革委员会", "gxj": "工业和信息化局"}
    concepts = client.get("/api/target-concepts").json()["concepts"]
    assert concepts[f"{I5}.t1"] == ["energy_conservation"]


def test_the_page_writes_no_sparql() -> None:
    """The page's scripts ask the API; the only SPARQL they hold is the editor's starting query."""
    import re
    from pathlib import Path

    static = Path(__file__).resolve().parents[2] / "api" / "static"
    writers = [p.relative_to(static).as_posix() for p in sorted(static.rglob("*.js"))
               if re.search(r"\bSELECT\b[^`]*\bWHERE\b", p.read_text(encoding="utf-8"))]
    assert writers in ([], ["views/sparql.js"]), writers

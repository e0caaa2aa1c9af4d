"""Answers over a corpus of real PDFs beside the bundled texts, from the answer index and from SPARQL alike.

A work counts once in the lists over the whole corpus: the default corpus holds the MIIT industry plan twice,
as the bundled text and as the PDF the ministry published (576、工业领域碳达峰实施方案.pdf), linked as copies of one
work. /api/units and /api/targets answer the original's clauses only; the copy is answered when it is named.

Every document's region is a region of the graph, named (阜阳市: 367、阜阳市重点领域节能降碳技术改造总体实施方案.pdf,
whose plan names no unit of the city the registry knows). Units answer for their own paragraph: Dezhou's plan (451、德州市“十四五”生态环境保护规划.pdf) closes each paragraph
of a task section with its own list, and only the list after the CCUS demonstration answers for CCUS.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ingest.manifest import bundled_texts
from policykg.ingest.pack import sources
from policykg.pipeline import build
from policykg.settings import Settings

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"
MIIT = "miit-industry-carbon-peak-plan-2022"
DEZHOU = "dezhou-shisiwu-shengtai-huanjingbaohu-guihua-2022-7865"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The eleven bundled texts, the MIIT plan's PDF, Dezhou's plan and Fuyang's, built as the default corpus is."""
    packs = [p for file, p in sources(PACKS).items() if file.startswith(("576、", "451、", "367、"))]
    directory = tmp_path_factory.mktemp("real-answers")
    summary = build([*bundled_texts(), *packs], Settings(store=str(directory)))
    assert summary.ok == 14
    return directory


@pytest.fixture(scope="module", params=[True, False], ids=["answer-index", "sparql"])
def client(store_dir: Path, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    store = OxigraphStore(store_dir / "rdf", query_workers=1)
    with TestClient(create_app(Settings(store=str(store_dir), answer_index=request.param), store=store)) as c:
        yield c
    store.close()


def _copy(client: TestClient) -> str:
    expressions = client.get(f"/api/documents/{MIIT}").json()["expressions"]
    [copy] = [e["id"] for e in expressions if e["relation"] == "same_work"]
    return copy


def test_units_for_ccus_name_the_ministry_plan_once(client: TestClient) -> None:
    copy = _copy(client)
    units = client.get("/api/units", params={"concept": "CCUS", "limit": 500}).json()["units"]
    documents = {c["document"] for u in units for c in u["clauses"]}
    assert MIIT in documents and copy not in documents
    # the copy's own clauses, when it is named: the same units for the same clause numbers
    named = client.get("/api/units", params={"concept": "CCUS", "document": copy, "limit": 500}).json()["units"]
    original = client.get("/api/units", params={"concept": "CCUS", "document": MIIT, "limit": 500}).json()["units"]
    assert named and {u["id"] for u in named} == {u["id"] for u in original}


def test_targets_of_the_ministry_plan_are_listed_once(client: TestClient) -> None:
    copy = _copy(client)
    whole = client.get("/api/targets", params={"limit": 500}).json()
    assert copy not in {t["document"] for t in whole["targets"]}
    assert MIIT in {t["document"] for t in whole["targets"]}
    named = client.get("/api/targets", params={"document": copy, "limit": 500}).json()
    assert named["total"] > 0 and {t["document"] for t in named["targets"]} == {copy}


def test_units_for_ccus_in_a_section_of_paragraphs_are_that_paragraphs(client: TestClient) -> None:
    units = client.get("/api/units", params={"concept": "CCUS", "document": DEZHOU, "limit": 500}).json()["units"]
    by_clause: dict[str, set[tuple[str, str]]] = {}
    for u in units:
        for c in u["clauses"]:
            by_clause.setdefault(c["clause"], set()).add((u["label"], c["role"]))
    # 四/第二节: "推动煤电、钢铁、煤化工等行业开展二氧化碳捕集、利用与封存全流程示范工程。…（责任单位：市生态环境局、
    # 市工业和信息化局）"; the section's four other lists (transport, buildings, non-CO2 gases, trading) are not CCUS's
    assert by_clause["二"] == {("德州市生态环境局", "lead"), ("德州市工业和信息化局", "support")}


def test_texts_read_as_printed_sentences_not_as_layout_lines(client: TestClient) -> None:
    # Dezhou's PDF wraps "…利用与封存全流程示范\r\n工程。" and "…城镇新建民用建筑中\r\n绿色建筑面积占比达到 90%"
    targets = client.get("/api/targets", params={"document": DEZHOU, "limit": 500}).json()["targets"]
    assert targets and not any("\n" in (t["text"] or "") for t in targets)
    assert any("城镇新建民用建筑中绿色建筑面积占比达到 90%" in (t["text"] or "") for t in targets)
    found = client.get("/api/search", params={"q": "全流程示范工程", "document": DEZHOU}).json()["results"]
    assert found[0]["text"] == "推动煤电、钢铁、煤化工等行业开展二氧化碳捕集、利用与封存全流程示范工程。"


def test_every_documents_region_is_named(client: TestClient) -> None:
    regions = {r["id"]: r for r in client.get("/api/regions").json()["regions"]}
    documents = client.get("/api/documents").json()["documents"]
    assert {d["region"] for d in documents if d["region"]} <= set(regions)
    assert "阜阳市" in str(regions["CN-AH-Fuyang"])

"""A work counts once in the lists over the whole corpus: the default corpus holds the MIIT industry plan twice,
as the bundled text and as the PDF the ministry published (576、工业领域碳达峰实施方案.pdf), linked as copies of one
work. /api/units and /api/targets answer the original's clauses only, from the answer index and from SPARQL
alike; the copy is answered when it is named.
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


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The eleven bundled texts and the MIIT plan's PDF, built as the default corpus is."""
    pack = next(p for file, p in sources(PACKS).items() if file.startswith("576、"))
    directory = tmp_path_factory.mktemp("work-once")
    summary = build([*bundled_texts(), pack], Settings(store=str(directory)))
    assert summary.ok == 12
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

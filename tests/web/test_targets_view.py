"""The targets timeline and table: Shanwei's 2025 and 2030 values, beside the national ones."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

SHANWEI = "shanwei-carbon-peak-plan-2023"
STATE_COUNCIL = "state-council-2030-carbon-peak-action-plan-2021"


def _point(page, lane: str, document: str, year: int):  # type: ignore[no-untyped-def]
    return page.locator(f'.tl-row[data-lane="{lane}"] .tl-point[data-document="{document}"][data-year="{year}"]')


def test_timeline_compares_shanwei_with_national_targets(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open("#/targets")
    page.locator(".timeline").wait_for()
    # Non-fossil share of energy consumption: national ≈20% (2025) and ≈25% (2030), Shanwei ≥32% (2025).
    lane = "c:non_fossil_share"
    assert _point(page, lane, STATE_COUNCIL, 2025).locator(".tl-value").inner_text() == "≈ 20%"
    assert _point(page, lane, STATE_COUNCIL, 2030).locator(".tl-value").inner_text() == "≈ 25%"
    shanwei = _point(page, lane, SHANWEI, 2025)
    assert shanwei.locator(".tl-value").inner_text() == "≥ 32%"
    assert shanwei.locator(".tl-who").inner_text() == "汕尾市"
    assert "非化石能源消費比重達到32%以上" in (shanwei.get_attribute("title") or "")
    browser.no_horizontal_overflow()
    browser.shot("04-targets-timeline")

    # Narrowed to Shanwei with the form: its 2025 and 2030 values side by side.
    page.locator('select[name="region"]').select_option("CN-GD-Shanwei")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url(re.compile(r"region=CN-GD-Shanwei"))
    browser.ready()
    forest = "c:forest_coverage"
    assert _point(page, forest, SHANWEI, 2025).locator(".tl-value").inner_text() == "50%"
    assert _point(page, forest, SHANWEI, 2030).locator(".tl-value").inner_text() == "≥ 53%"
    stock = "c:forest_stock"
    assert _point(page, stock, SHANWEI, 2025).locator(".tl-value").inner_text() == "792万立方米"
    assert _point(page, stock, SHANWEI, 2030).locator(".tl-value").inner_text() == "840万立方米"
    assert _point(page, "c:non_fossil_share", SHANWEI, 2025).count() == 1
    assert page.locator(".tl-point").evaluate_all("ps => [...new Set(ps.map(p => p.dataset.document))]") == [SHANWEI]
    browser.no_horizontal_overflow()
    browser.shot("05-targets-shanwei")

    # The table lists exactly what the API answers for Shanwei.
    answer = page.request.get(browser.base + "api/targets?region=CN-GD-Shanwei").json()["targets"]
    rows = page.locator(".targets-table tbody tr")
    assert rows.count() == len(answer)
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.target)") == [t["id"] for t in answer]


def test_targets_download_as_csv_and_json(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.open(f"#/targets?document={SHANWEI}")
    table = page.locator(".table-section")
    with page.expect_download() as csv_download:
        table.locator('button[data-download="csv"]').click()
    csv_file = tmp_path / "targets.csv"
    csv_download.value.save_as(csv_file)
    text = csv_file.read_text(encoding="utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark lets spreadsheet programs read the Chinese"
    table_rows = list(csv.DictReader(io.StringIO(text[1:])))
    forest = [(r["comparator"], r["value"], r["unit"], r["year"], r["text"]) for r in table_rows if r["indicator"] == "森林覆盖率"]
    assert forest == [("=", "50", "%", "2025", "森林覆蓋率達到50%"), (">=", "53", "%", "2030", "森林覆蓋率穩定維持53%以上")]

    with page.expect_download() as json_download:
        table.locator('button[data-download="json"]').click()
    json_file = tmp_path / "targets.json"
    json_download.value.save_as(json_file)
    rows = json.loads(json_file.read_text(encoding="utf-8"))
    api = page.request.get(browser.base + f"api/targets?document={SHANWEI}").json()["targets"]
    assert [r["id"] for r in rows] == [t["id"] for t in api]
    assert {(r["indicator"], r["value"], r["year"]) for r in rows} >= {("森林覆盖率", 50.0, 2025), ("森林覆盖率", 53.0, 2030)}


def test_the_table_shows_every_page_of_targets(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The API answers a page of targets at a time; the view reads every page, so nothing is left out."""
    first = browser.page.request.get(browser.base + "api/targets").json()
    assert first["next"] and first["total"] > len(first["targets"]) == 100
    every = browser.page.request.get(browser.base + f"api/targets?limit={first['total']}").json()["targets"]
    asked: list[str] = []
    browser.page.on("request", lambda r: asked.append(r.url) if "/api/targets" in r.url else None)
    page = browser.open("#/targets?limit=50")
    page.locator(".timeline").wait_for()
    rows = page.locator(".targets-table tbody tr")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.target)") == [t["id"] for t in every]
    assert str(first["total"]) in page.locator(".table-section .section-head h2").inner_text()
    assert len(asked) == -(-len(every) // 50), asked  # one request per page of 50

    with page.expect_download() as json_download:
        page.locator('.table-section button[data-download="json"]').click()
    json_file = tmp_path / "targets.json"
    json_download.value.save_as(json_file)
    assert [r["id"] for r in json.loads(json_file.read_text(encoding="utf-8"))] == [t["id"] for t in every]


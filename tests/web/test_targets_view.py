"""The targets timeline and table: Shanwei's 2025 and 2030 values, beside the national ones."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote

SHANWEI = "shanwei-carbon-peak-plan-2023"
STATE_COUNCIL = "state-council-2030-carbon-peak-action-plan-2021"


def _point(page, lane: str, document: str, year: int):  # type: ignore[no-untyped-def]
    return page.locator(f'.tl-row[data-lane="{lane}"] .tl-point[data-document="{document}"][data-year="{year}"]')


def test_timeline_compares_shanwei_with_national_targets(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open("#/targets")
    page.locator(".timeline").wait_for()
    # Non-fossil share of energy consumption: national ≈20% (2025) and ≈25% (2030), Shanwei ≥32% (2025).
    lane = "i:非化石能源消费比重"
    assert _point(page, lane, STATE_COUNCIL, 2025).locator(".tl-value").inner_text() == "≈ 20%"
    assert _point(page, lane, STATE_COUNCIL, 2030).locator(".tl-value").inner_text() == "≈ 25%"
    shanwei = _point(page, lane, SHANWEI, 2025)
    assert shanwei.locator(".tl-value").inner_text() == "≥ 32%"
    assert shanwei.locator(".tl-who").inner_text() == "汕尾市"
    assert "非化石能源消費比重達到32%以上" in (shanwei.get_attribute("title") or "")
    browser.no_horizontal_overflow()
    browser.shot("04-targets-timeline")

    # The form offers each province above a city of the corpus (Guangdong above Shanwei), not only the regions
    # documents are of; narrowed to Guangdong by name, the API answers what the province's cities set.
    options = page.locator('select[name="region"] option').evaluate_all("os => os.map(o => o.value)")
    assert "CN-GD" in options and "CN-GD-Shanwei" in options
    by_name = page.request.get(browser.base + "api/targets?region=" + quote("廣東")).json()["targets"]
    assert by_name and {t["document"] for t in by_name} == {SHANWEI}

    # Narrowed to Shanwei with the form: its 2025 and 2030 values side by side.
    page.locator('select[name="region"]').select_option("CN-GD-Shanwei")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url(re.compile(r"region=CN-GD-Shanwei"))
    browser.ready()
    forest = "i:森林覆盖率"
    assert _point(page, forest, SHANWEI, 2025).locator(".tl-value").inner_text() == "50%"
    assert _point(page, forest, SHANWEI, 2030).locator(".tl-value").inner_text() == "≥ 53%"
    stock = "i:森林蓄积量"
    assert _point(page, stock, SHANWEI, 2025).locator(".tl-value").inner_text() == "792万立方米"
    assert _point(page, stock, SHANWEI, 2030).locator(".tl-value").inner_text() == "840万立方米"
    assert _point(page, "i:非化石能源消费比重", SHANWEI, 2025).count() == 1
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



GDP_CARBON = "单位国内生产总值二氧化碳排放"
TRANSPORT_CARBON = "营运交通工具单位换算周转量碳排放强度"


def _lane(indicator: str) -> str:
    """The lane of an indicator, as the page keys it: its full label, without case, width or spacing differences."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", indicator).lower()).strip()
    return "i:" + re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", text)


def _every(browser, **params) -> list[dict]:  # type: ignore[no-untyped-def]
    answer = browser.page.request.get(browser.base + "api/targets", params={**params, "limit": 500}).json()
    assert answer["next"] is None
    return answer["targets"]


def test_one_lane_per_indicator_and_the_direction_of_changes(browser) -> None:  # type: ignore[no-untyped-def]
    """GDP carbon intensity and transport carbon intensity share a concept but not a lane; a decrease
    against a base year reads "−18 % vs 2020"."""
    targets = {t["id"]: t for t in _every(browser, concept="carbon_intensity")}
    assert {t["indicator"] for t in targets.values()} >= {GDP_CARBON, TRANSPORT_CARBON}
    page = browser.open("#/targets?concept=carbon_intensity")
    page.locator(".timeline").wait_for()
    # Each charted target sits on the lane of its own indicator, and every lane holds one indicator.
    placed = page.locator(".tl-point").evaluate_all(
        "ps => ps.map(p => [p.closest('.tl-row').dataset.lane, p.dataset.target])")
    charted = {i for i, t in targets.items() if t["year"] and (t["value"] is not None or t["value_min"] is not None)}
    assert sorted(target for _, target in placed) == sorted(charted)
    for lane, target in placed:
        assert lane == _lane(targets[target]["indicator"]), (lane, targets[target]["indicator"])
    lanes = page.locator(".tl-row[data-lane]").evaluate_all("rs => rs.map(r => r.dataset.lane)")
    assert len(lanes) == len(set(lanes)) == len({_lane(targets[i]["indicator"]) for i in charted})
    assert lanes.index(_lane(GDP_CARBON)) != lanes.index(_lane(TRANSPORT_CARBON))

    # The direction and the base year are written on the marker.
    gdp = _point(page, _lane(GDP_CARBON), STATE_COUNCIL, 2025)
    assert gdp.locator(".tl-value").inner_text() == "−18 % 较2020年"
    assert _point(page, _lane(GDP_CARBON), STATE_COUNCIL, 2030).locator(".tl-value").inner_text() == "−65 %以上 较2005年"
    assert _point(page, _lane(TRANSPORT_CARBON), STATE_COUNCIL, 2030).locator(".tl-value").inner_text() == "≈ −9.5 % 较2020年"
    assert _point(page, _lane(TRANSPORT_CARBON), SHANWEI, 2030).locator(".tl-value").inner_text() == "−10 % 较2020年"
    # The table: the signed value, the base year in its column.
    row = page.locator(f'.targets-table tr[data-target="{gdp.get_attribute("data-target")}"]')
    assert row.locator("td").nth(1).inner_text() == "−18 %"
    assert row.locator("td").nth(3).inner_text() == "2020"
    browser.no_horizontal_overflow()
    browser.shot("22-targets-carbon-intensity-lanes")

    page.locator("#lang-toggle").click()
    browser.ready()
    assert _point(page, _lane(GDP_CARBON), STATE_COUNCIL, 2025).locator(".tl-value").inner_text() == "−18 % vs 2020"
    assert _point(page, _lane(GDP_CARBON), STATE_COUNCIL, 2030).locator(".tl-value").inner_text() == "−65 % or more vs 2005"
    # An increase: "+15 % or more" (a yearly growth, no base year).
    increase = next(t for t in _every(browser) if t["comparator"] == "increase" and t["document"] == STATE_COUNCIL)
    page = browser.open("#/targets?shared=0")
    point = page.locator(f'.tl-point[data-target="{increase["id"]}"]')
    assert point.locator(".tl-value").inner_text().startswith(f"+{increase['value']:g} %")
    browser.no_horizontal_overflow()
    browser.shot("23-targets-english-changes")


def test_goals_without_a_number_are_listed_apart(browser) -> None:  # type: ignore[no-untyped-def]
    goals = _every(browser, kind="qualitative")
    quantified = _every(browser)
    assert goals and all(g["kind"] == "qualitative" and g["value"] is None for g in goals)
    # A goal that shares its indicator with quantified targets (Sanming's steel "达到省上要求").
    shared = [g for g in goals if any(_lane(q["indicator"]) == _lane(g["indicator"]) for q in quantified)]
    assert shared

    page = browser.open("#/targets")
    page.locator(".timeline").wait_for()
    assert page.locator(".qualitative-section").count() == 0
    page.locator('input[name="qual"]').check()
    page.wait_for_url(re.compile(r"qual=1"))
    browser.ready()
    section = page.locator(".qualitative-section")
    assert section.locator("tbody tr").evaluate_all("rs => rs.map(r => r.dataset.target)") == [
        g["id"] for g in sorted(goals, key=lambda g: g["year"] or 9999)
    ]
    assert section.locator(".section-head h2").inner_text() == f"没有数值的目标（{len(goals)}）"
    # Never on a lane of the timeline, not even on the lane of the same indicator.
    on_timeline = set(page.locator(".tl-point").evaluate_all("ps => ps.map(p => p.dataset.target)"))
    assert on_timeline and not on_timeline & {g["id"] for g in goals}
    assert on_timeline <= {q["id"] for q in quantified}
    section.scroll_into_view_if_needed()
    browser.no_horizontal_overflow()
    browser.shot("24-targets-goals-apart")


def test_a_city_beside_the_national_targets(browser) -> None:  # type: ignore[no-untyped-def]
    # Shanwei's municipal targets, then with the national ones ticked: one timeline where Shanwei's non-fossil
    # share (≥ 32% by 2025) sits in the lane of the State Council's (≈ 20%).
    page = browser.open("#/targets?region=" + quote("汕尾") + "&level=municipal")
    page.locator(".timeline").wait_for()
    assert page.locator('select[name="level"]').input_value() == "municipal"
    assert page.locator('select[name="region"]').input_value() == "CN-GD-Shanwei"  # the name shown by its id
    own = page.locator(".targets-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.target)")
    city = page.request.get(browser.base + "api/targets?level=municipal&region=" + quote("汕尾")).json()["targets"]
    assert own == [t["id"] for t in city] and {t["document"] for t in city} == {SHANWEI}

    page.locator('input[name="national"]').check()
    page.wait_for_url(re.compile(r"national=1"))
    browser.ready()
    national = page.request.get(browser.base + "api/targets?level=national").json()["targets"]
    rows = page.locator(".targets-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.target)")
    assert sorted(rows) == sorted({t["id"] for t in national} | set(own))
    lane = "i:非化石能源消费比重"
    assert _point(page, lane, SHANWEI, 2025).locator(".tl-value").inner_text() == "≥ 32%"
    assert _point(page, lane, STATE_COUNCIL, 2025).locator(".tl-value").inner_text() == "≈ 20%"

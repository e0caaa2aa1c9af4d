"""The researcher's path through the page: search a phrase, open Sanming's CCUS measure, read who is
responsible for it, and trace it up to the central clause it carries out."""

from __future__ import annotations

import re

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
CLAUSE = f"{SANMING}~s4.i5"  # 四、（五）推进工业领域协同增效
MEASURE_TEXT = "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
CENTRAL_21 = "central-opinions-carbon-peak-2021-zh~s8.i21"  # （二十一）加快先进适用技术研发和推广
CENTRAL_21_EN = "central-opinions-carbon-peak-2021-en~s8.i21"  # its English translation


def test_search_open_units_and_trace(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open("#/search")
    page.get_by_role("searchbox").fill("碳捕集")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#/search\?q="))
    browser.ready()

    # The hit: Sanming's measure, with its document, level and region, and the words marked.
    hit = page.locator(f'li.result[data-id^="{CLAUSE}.m"]', has_text=MEASURE_TEXT)
    hit.wait_for()
    measure = hit.get_attribute("data-id")
    assert hit.locator(".result-text").inner_text() == MEASURE_TEXT
    assert hit.locator(".doc-title").inner_text() == "三明市减污降碳协同增效实施方案"
    assert hit.locator(".badge.level").inner_text() == "市级"
    assert hit.locator(".badge.region").inner_text() == "三明市"
    assert any("碳捕集" in m for m in hit.locator("mark.hl-match").all_inner_texts())
    # Its clause's units, lead first and marked.
    assert hit.locator(".unit-chip.lead").inner_text().endswith("三明市工业和信息化局")
    browser.no_horizontal_overflow()
    hit.scroll_into_view_if_needed()
    browser.shot("01-search-碳捕集")

    # Open it in its document: the clause is focused and the measure marked.
    hit.locator("a.open-item").click()
    page.wait_for_url(re.compile(r"#/doc/"))
    browser.ready()
    clause = page.locator(f'section.clause[data-clause="{CLAUSE}"]')
    assert "focused" in (clause.get_attribute("class") or "")
    assert clause.locator("li.measure.focus").get_attribute("data-measure") == measure
    assert clause.locator("li.measure.focus .measure-text").inner_text() == MEASURE_TEXT

    # Five responsible units, 工信局 the lead.
    units = clause.locator(".fact-block.units .unit-chip")
    assert units.count() == 5
    labels = [units.nth(i).inner_text().replace("牵头", "").strip() for i in range(5)]
    assert labels == ["三明市工业和信息化局", "三明市发展和改革委员会", "三明市生态环境局", "三明市科学技术局", "三明市商务局"]
    lead = clause.locator(".unit-chip.lead")
    assert lead.count() == 1
    # Hovering the lead shows the exact quote and its offsets in the original text ...
    title = lead.get_attribute("title") or ""
    found = re.search(r"“市工信局” · 原文第 (\d+)–(\d+) 字符", title)
    assert found, title
    assert int(found.group(2)) - int(found.group(1)) == len("市工信局")
    # ... and the same span, placed by those offsets, marks exactly those characters in the clause text.
    assert "市工信局" in [m.inner_text() for m in clause.locator(".clause-text mark.hl-unit").all()]
    # The clause's 2025 target with value, unit and year.
    target = clause.locator(f'tr[data-target="{CLAUSE}.t1"]')
    assert target.locator("td").all_inner_texts() == [
        "钢铁、水泥、合成氨等重点行业产能和数据中心达到能效标杆水平的比例", "> 30%", "2025", "",
    ]
    browser.no_horizontal_overflow()
    browser.shot("02-document-sanming-五")

    # Trace the measure up: the central clause （二十一） is among the clauses it reaches.
    clause.locator("li.measure.focus a.trace-link").click()
    page.wait_for_url(re.compile(r"#/trace/"))
    page.locator("ol.ancestors").wait_for(timeout=600_000)
    browser.ready()
    assert "二氧化碳捕集与利用封存示范" in page.locator(".trace-source").inner_text()
    # The documents with the best chains come first; the others on demand.
    central = page.locator(f'li.ancestor[data-document="{CENTRAL_21.split("~")[0]}"]')
    if central.is_hidden():
        page.locator('button[data-more="documents"]').click()
    assert central.is_visible()
    ranked = central.locator(f'li.ranked[data-clause="{CENTRAL_21}"]')
    if ranked.is_hidden():
        central.locator('button[data-more="clauses"]').click()
    assert ranked.is_visible()
    assert "加快先进适用技术研发和推广" in ranked.locator(".hop-text").inner_text()
    # Its chain starts at Sanming's clause and ends, in the Chinese interface, at the Chinese
    # original of the central document's best clause there (the English translation restates it).
    best = central.locator("li.ranked").first.get_attribute("data-clause")
    chain = central.locator(f'.chain[data-end="{best}"]')
    assert chain.count() == 1
    steps = chain.locator(".chain-step").all_inner_texts()
    assert steps[0] == "三明市 · 五"
    assert steps[-1].startswith("中共中央、国务院关于完整准确全… · ")
    assert chain.locator(".chain-step").last.get_attribute("href") == f"#/doc/central-opinions-carbon-peak-2021-zh?clause={best.replace('~', '%7E')}"
    # Every clause reached says how well it is supported: a score and its evidence.
    assert re.fullmatch(r"0\.\d\d|1\.00", ranked.locator(".score-num").inner_text())
    assert ranked.locator(".evidence").count() > 0
    browser.no_horizontal_overflow()
    browser.shot("03-trace-sanming-measure")

    # Every hop, as a tree, on demand.
    assert page.locator(".trace-tree").count() == 0
    page.locator("details.all-hops > summary").click()
    page.locator(".trace-tree").first.wait_for()  # built on the (asynchronous) toggle event
    hops = page.locator(f'.trace-tree .hop[data-clause="{CENTRAL_21}"], .trace-tree .hop[data-clause="{CENTRAL_21_EN}"]')
    assert hops.count() > 0
    texts = " ".join(hops.all_inner_texts())
    assert "加快先进适用技术研发和推广" in texts or "Accelerate the R & D" in texts
    first = page.locator(".trace-tree .hop").first
    assert re.fullmatch(r"0\.\d\d|1\.00", first.locator(".score-num").inner_text())
    assert first.locator(".evidence").count() > 0
    browser.no_horizontal_overflow()
    browser.shot("03-trace-sanming-measure-full", full_page=True)

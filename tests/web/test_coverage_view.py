"""The document graph on the page, against the built corpus of the eleven bundled texts: a document's parents and children as
links with their evidence, and the coverage matrix of a national document by provinces and cities."""

from __future__ import annotations

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
FUJIAN = "fujian-pollution-carbon-synergy-plan-2022"
CENTRAL_ZH = "central-opinions-carbon-peak-2021-zh"
CENTRAL_EN = "central-opinions-carbon-peak-2021-en"


def test_document_view_names_parents_and_children_as_links(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open(f"#/doc/{SANMING}")
    api = page.request.get(browser.base + f"api/documents/{SANMING}").json()
    parents = page.locator('[data-links="parents"] li.doc-link').evaluate_all("ls => ls.map(l => l.dataset.doc)")
    assert parents == [p["id"] for p in api["parents"]] and FUJIAN in parents
    fujian = page.locator(f'[data-links="parents"] li[data-doc="{FUJIAN}"]')
    assert fujian.locator(".ev-citation").count() == 1 and fujian.locator(".ev-family").count() == 1
    assert "减污降碳协同增效" in fujian.locator(".ev-family").inner_text()
    assert page.locator('[data-links="children"] li.doc-link').count() == 0
    browser.shot("20-document-parents")
    fujian.locator("a.doc-title").click()
    browser.ready()
    assert page.url.endswith(f"#/doc/{FUJIAN}")
    children = page.locator('[data-links="children"] li.doc-link').evaluate_all("ls => ls.map(l => l.dataset.doc)")
    assert SANMING in children

    page = browser.open(f"#/doc/{CENTRAL_ZH}")
    api = page.request.get(browser.base + f"api/documents/{CENTRAL_ZH}").json()
    children = page.locator('[data-links="children"] li.doc-link').evaluate_all("ls => ls.map(l => l.dataset.doc)")
    assert children == [c["id"] for c in api["children"]] and SANMING in children
    assert page.locator(f'.doc-expressions a[data-doc="{CENTRAL_EN}"]').count() == 1
    browser.no_horizontal_overflow()


def test_a_document_only_cited_opens_with_who_cites_it(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open(f"#/doc/{CENTRAL_ZH}")
    page.locator(".doc-cites summary").click()
    cited = page.locator(".doc-cites li.referenced", has_text="巴黎协定")
    assert cited.count() == 1
    cited.locator("a").click()
    browser.ready()
    assert "/doc/ref-" in page.url
    assert page.locator(".doc-referenced").count() == 1
    citing = page.locator(".doc-cited-by li.cited").evaluate_all("ls => ls.map(l => l.dataset.doc)")
    assert CENTRAL_ZH in citing
    browser.shot("21-document-only-cited")
    page.locator(f'.doc-cited-by li[data-doc="{CENTRAL_ZH}"] a').click()
    browser.ready()
    assert page.url.endswith(f"#/doc/{CENTRAL_ZH}")


def test_coverage_matrix_of_the_central_opinions(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open(f"#/doc/{CENTRAL_ZH}")
    page.locator("a.coverage-link").click()
    browser.ready()
    assert page.url.endswith(f"#/coverage/{CENTRAL_ZH}")
    api = page.request.get(browser.base + f"api/coverage/{CENTRAL_ZH}").json()
    columns = page.locator("table.coverage thead th.region-col").evaluate_all("hs => hs.map(h => h.dataset.region)")
    assert columns == [r["id"] for r in api["regions"]] and "CN-FJ-Sanming" in columns
    rows = page.locator("table.coverage tbody tr")
    assert rows.count() == len(api["clauses"])
    for clause in api["clauses"][:8]:
        row = page.locator(f'table.coverage tr[data-clause="{clause["id"]}"]')
        for region, cell in clause["regions"].items():
            assert row.locator(f'td[data-region="{region}"]').inner_text() == str(cell["count"])
    shown = page.locator(".uncovered-list li").evaluate_all("ls => ls.map(l => l.dataset.clause)")
    assert shown == api["uncovered"]
    csv = page.request.get(browser.base + page.locator('a[data-download="server-csv"]').get_attribute("href").lstrip("/"))
    assert csv.ok and csv.text().lstrip("\ufeff").startswith("clause,path,title,")
    browser.no_horizontal_overflow()
    browser.shot("21-coverage-central-opinions", full_page=True)

    # a stricter floor leaves more clauses uncovered, on the page as in the API
    page = browser.open(f"#/coverage/{CENTRAL_ZH}?min=0.5")
    strict = page.request.get(browser.base + f"api/coverage/{CENTRAL_ZH}?min_score=0.5").json()
    assert page.locator(".uncovered-list li").count() == len(strict["uncovered"]) >= len(api["uncovered"])

    page = browser.open("#/coverage")
    assert page.locator(f'.coverage-docs li[data-doc="{CENTRAL_ZH}"]').count() == 1
    assert page.locator(f'.coverage-docs li[data-doc="{SANMING}"]').count() == 0  # a city has no places below


def test_coverage_of_a_document_nobody_implements_says_so(browser) -> None:  # type: ignore[no-untyped-def]
    # Jiangsu's opinions: no city of Jiangsu is among the bundled texts, so no place can carry out its clauses
    jiangsu = "jiangsu-carbon-opinions-2022"
    api = browser.page.request.get(browser.base + f"api/coverage/{jiangsu}").json()
    assert api["implemented_by"] == 0 and api["note"]
    page = browser.open(f"#/coverage/{jiangsu}")
    assert page.locator(".coverage-nobody").count() == 1
    assert page.locator(".uncovered-list").count() == 0 and page.locator("table.coverage").count() == 0
    assert "0" in page.locator(".coverage-implementers").inner_text()
    page = browser.open(f"#/coverage/{CENTRAL_ZH}")
    api = page.request.get(browser.base + f"api/coverage/{CENTRAL_ZH}").json()
    assert api["implemented_by"] > 0 and page.locator(".coverage-nobody").count() == 0
    assert str(api["implemented_by"]) in page.locator(".coverage-implementers").inner_text()


def test_coverage_of_a_translation_shows_its_original_s_matrix(browser) -> None:  # type: ignore[no-untyped-def]
    # the English central opinions: the documents below implement the Chinese text, whose matrix the page shows, its
    # clauses linking into the Chinese text, and the page says so
    page = browser.open(f"#/coverage/{CENTRAL_EN}")
    api = page.request.get(browser.base + f"api/coverage/{CENTRAL_EN}").json()
    assert api["requested"] == CENTRAL_EN and api["document"]["id"] == CENTRAL_ZH
    assert page.locator(".coverage-expression").count() == 1 and page.locator(".coverage-nobody").count() == 0
    assert page.locator("table.coverage tbody tr").count() == len(api["clauses"])
    first = page.locator("table.coverage tbody tr th.clause-name a").first.get_attribute("href")
    assert f"doc/{CENTRAL_ZH}" in first

"""The upward trace: per document above the item, its best chain and best clauses first, the rest on
demand, all as /api/trace answers them; every hop as a tree when asked for."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEASURE_TEXT = "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
CENTRAL_ZH = "central-opinions-carbon-peak-2021-zh"
CENTRAL_EN = "central-opinions-carbon-peak-2021-en"
#: What the page shows at first (api/static/views/trace.js): the documents with the best chains,
#: and in each the best clause with those whose chain score is nearly as good.
DOCUMENTS_SHOWN = 3
NEAR_BEST = 0.9


def _ccus_measure(browser: Any) -> str:
    hits = browser.page.request.get(browser.base + "api/search", params={"q": "碳捕集", "limit": 100}).json()["results"]
    return next(h["id"] for h in hits if h["id"].startswith(SANMING) and h.get("text") == MEASURE_TEXT)


def _shown_at_first(clauses: list[dict[str, Any]]) -> list[str]:
    best = clauses[0]["chain"]
    return [c["id"] for i, c in enumerate(clauses) if i == 0 or c["chain"] >= NEAR_BEST * best]


def _count_hops(nodes: list[dict[str, Any]]) -> int:
    return sum(1 + _count_hops(n.get("parents") or []) for n in nodes)


def _visible(locator: Any, attribute: str) -> list[str]:
    return locator.evaluate_all(f"es => es.filter(e => e.offsetParent !== null).map(e => e.dataset.{attribute})")


def test_best_chains_first_and_the_rest_on_demand(browser) -> None:  # type: ignore[no-untyped-def]
    measure = _ccus_measure(browser)
    answer = browser.page.request.get(browser.base + f"api/trace/{quote(measure)}").json()
    ancestors = answer["ancestors"]
    assert len(ancestors) > DOCUMENTS_SHOWN, "the corpus gives this measure documents beyond the first ones"
    bests = [a["clauses"][0]["chain"] for a in ancestors]
    assert bests == sorted(bests, reverse=True), "the API answers the best chain first"

    page = browser.open(f"#/trace/{measure}")
    cards = page.locator("li.ancestor")
    # Every document above, in the API's order; the best ones shown, the others behind "show more".
    assert cards.evaluate_all("cs => cs.map(c => c.dataset.document)") == [a["document"] for a in ancestors]
    assert _visible(cards, "document") == [a["document"] for a in ancestors[:DOCUMENTS_SHOWN]]
    hidden_docs = len(ancestors) - DOCUMENTS_SHOWN
    more_docs = page.locator('button[data-more="documents"]')
    assert more_docs.inner_text() == f"再显示 {hidden_docs} 份文件"

    for ancestor in ancestors[:DOCUMENTS_SHOWN]:
        card = page.locator(f'li.ancestor[data-document="{ancestor["document"]}"]')
        clauses = ancestor["clauses"]
        # Its best clauses first; the weaker ones on demand.
        assert _visible(card.locator("li.ranked"), "clause") == _shown_at_first(clauses)
        # The chain: from the item's clause through the documents on the best chain to the best clause.
        chain = card.locator(".chain")
        assert chain.get_attribute("data-end") == clauses[0]["id"]
        steps = chain.locator(".chain-step")
        path = [ancestor["document"]]
        while (below := next(a for a in ancestors if a["document"] == path[0])["via"]) is not None:
            path.insert(0, below)
        assert steps.count() == len(path) + 1
        assert steps.first.inner_text() == f"三明市 · {answer['source']['clause']}"
        assert steps.last.inner_text().endswith(f" · {clauses[0]['clause']}")
        assert f"{clauses[0]['chain']:.3f}" in chain.inner_text()
    browser.no_horizontal_overflow()
    browser.shot("16-trace-best-first")

    more_docs.click()
    assert _visible(cards, "document") == [a["document"] for a in ancestors]
    assert more_docs.count() == 0

    # A document's other clauses, on demand: all of them, ranked, each with its scores and evidence.
    ancestor = next(a for a in ancestors if len(_shown_at_first(a["clauses"])) < len(a["clauses"]))
    card = page.locator(f'li.ancestor[data-document="{ancestor["document"]}"]')
    rest = len(ancestor["clauses"]) - len(_shown_at_first(ancestor["clauses"]))
    more = card.locator('button[data-more="clauses"]')
    assert more.inner_text() == f"再显示 {rest} 个条款"
    more.click()
    ranked = card.locator("li.ranked")
    assert _visible(ranked, "clause") == [c["id"] for c in ancestor["clauses"]]
    for i, clause in enumerate(ancestor["clauses"]):
        item = ranked.nth(i)
        assert item.get_attribute("data-rank") == str(clause["rank"])
        assert item.locator(".badge.rank").inner_text() == f"#{clause['rank']}"
        assert item.locator(".score-num").inner_text() == f"{clause['score']:.2f}"
        assert item.locator(".chain-score").inner_text() == f"链条得分 {clause['chain']:.3f}"
        assert item.locator(".badge.relation").inner_text() == {"implements": "落实", "quantifies": "量化", "restates": "重申"}[clause["relation"]]
        assert item.locator(".evidence").count() == len(clause["evidence"])
    assert card.locator('button[data-more="clauses"]').count() == 0
    browser.no_horizontal_overflow()
    browser.shot("17-trace-all-shown", full_page=True)

    # Every hop, as a tree, only when asked for.
    assert page.locator(".trace-tree").count() == 0
    page.locator("details.all-hops > summary").click()
    page.locator(".trace-tree").first.wait_for()
    assert page.locator(".trace-tree .hop").count() == _count_hops(answer["parents"])
    browser.no_horizontal_overflow()


def test_trace_in_english_ends_at_the_english_text(browser) -> None:  # type: ignore[no-untyped-def]
    measure = _ccus_measure(browser)
    answer = browser.page.request.get(browser.base + f"api/trace/{quote(measure)}").json()
    central = next(a for a in answer["ancestors"] if a["document"] == CENTRAL_ZH)
    translated = next(x for x in central["clauses"][0]["expressions"] if x.startswith(CENTRAL_EN))

    page = browser.open(f"#/trace/{measure}")
    page.locator("#lang-toggle").click()
    browser.ready()
    assert page.locator(".upward .section-head h2").inner_text() == f"Documents above reached ({len(answer['ancestors'])}), best chain first"
    card = page.locator(f'li.ancestor[data-document="{CENTRAL_ZH}"]')
    if card.is_hidden():
        page.locator('button[data-more="documents"]').click()
    # The translation restates the original: in the English interface the chain ends at the English text.
    chain = card.locator(".chain")
    assert chain.get_attribute("data-end") == translated
    assert chain.locator(".chain-step").last.get_attribute("href") == f"#/doc/{CENTRAL_EN}?clause={translated.replace('~', '%7E')}"
    assert card.locator("li.ranked").first.locator(".chain-also").inner_text().startswith("= English text")
    more = page.locator('li.ancestor button[data-more="clauses"]').first
    assert more.inner_text().startswith("More clauses (")
    browser.no_horizontal_overflow()
    browser.shot("18-trace-english")

"""Every view of the page against the built corpus of the eleven bundled texts: documents, the script toggle, units,
the reverse trace and the clauses no local document implements, SPARQL, the language toggle."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
SHANWEI = "shanwei-carbon-peak-plan-2023"
CENTRAL_21 = "central-opinions-carbon-peak-2021-zh~s8.i21"
LEVELS = ["central", "ministry", "provincial", "municipal", "county"]


def sparql_rows(browser: Any, query: str) -> list[dict[str, str]]:
    """Rows of a SELECT run on the same server, as plain strings (for cross-checking what the page shows)."""
    response = browser.page.request.post(
        browser.base + "sparql", form={"query": query}, headers={"Accept": "application/sparql-results+json"},
    )
    assert response.ok, response.text()
    data = response.json()
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_document_list(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open("#/docs")
    rows = page.locator("table.documents tbody tr")
    api = page.request.get(browser.base + "api/documents").json()["documents"]
    assert rows.count() == len(api) == 11
    # Central level first, cities last; each row with its level and region.
    order = rows.evaluate_all("rs => rs.map(r => r.dataset.doc)")
    levels = {d["id"]: d["level"] for d in api}
    ranks = [LEVELS.index(levels[d]) for d in order]
    assert ranks == sorted(ranks)
    shanwei = page.locator(f'tr[data-doc="{SHANWEI}"]')
    assert shanwei.locator("a").first.inner_text() == "汕尾市碳達峰實施方案"
    assert shanwei.locator(".title-cell .muted").inner_text() == "汕尾市碳达峰实施方案"
    assert shanwei.locator(".badge.level").inner_text() == "市级"
    assert shanwei.locator(".badge.region").inner_text() == "汕尾市"
    browser.no_horizontal_overflow()
    browser.shot("06-documents")


def test_document_original_and_normalised_text(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open(f"#/doc/{SHANWEI}")
    clause = page.locator("section.clause", has_text="非化石能源消費比重達到32%以上").first
    clause_id = clause.get_attribute("data-clause")
    # The target of that sentence: value, unit, year, and on hover its quote with offsets.
    row = clause.locator("tr", has_text="非化石能源消费比重")
    assert row.locator("td").all_inner_texts()[1:3] == ["≥ 32%", "2025"]
    title = row.get_attribute("title") or ""
    found = re.search(r"“([^”]+)” · 原文第 (\d+)–(\d+) 字符", title)
    assert found and "32%" in found.group(1), title
    assert int(found.group(3)) - int(found.group(2)) == len(found.group(1))
    # The same passage is marked as a target in the original text (in runs: concepts inside it are
    # marked too).
    assert found.group(1) in "".join(clause.locator(".clause-text mark.hl-target").all_inner_texts())
    browser.shot("07-document-shanwei-original")

    page.locator('button[data-text-mode="normalised"]').click()
    page.wait_for_url(re.compile(r"text=normalised"))
    browser.ready()
    clause = page.locator(f'section.clause[data-clause="{clause_id}"]')
    text = clause.locator(".clause-text").inner_text()
    assert "非化石能源消费比重达到32%以上" in text
    assert "非化石能源消費比重" not in text
    assert page.locator('button[data-text-mode="normalised"]').get_attribute("aria-pressed") == "true"
    browser.no_horizontal_overflow()
    browser.shot("08-document-shanwei-normalised")


def test_units_by_jurisdiction_and_matrix(browser) -> None:  # type: ignore[no-untyped-def]
    # A concept named in any script resolves: the traditional label of CCUS.
    page = browser.open("#/units?concept=碳捕集利用與封存")
    groups = page.locator(".jurisdiction").evaluate_all("gs => gs.map(g => g.dataset.jurisdiction)")
    assert groups[:1] == ["CN"] and "CN-FJ-Sanming" in groups
    assert groups.index("CN-FJ") < groups.index("CN-FJ-Sanming")
    sanming = page.locator('.jurisdiction[data-jurisdiction="CN-FJ-Sanming"]')
    gxj = sanming.locator('tr[data-unit="cn-fj-sanming.gxj"]')
    assert gxj.locator(".unit-name").inner_text() == "三明市工业和信息化局"
    assert gxj.locator(".lead-mark").inner_text() == "牵头 ×1"
    lead = gxj.locator("a.evidence-clause.lead")
    assert lead.inner_text().split() == ["五", "牵头"]
    assert lead.get_attribute("href") == f"#/doc/{SANMING}?clause={SANMING}%7Es4.i5"
    api = page.request.get(browser.base + "api/units?concept=ccus").json()["units"]
    assert page.locator(".units-table tbody tr").count() == len(api)
    browser.no_horizontal_overflow()
    browser.shot("09-units-ccus")

    page = browser.open(f"#/units?document={SANMING}&all=1")
    headers = page.locator("table.matrix thead th").evaluate_all("hs => hs.map(h => h.title)")
    column = next(i for i, title in enumerate(headers) if title.endswith("(ccus)"))
    row = page.locator('table.matrix tbody tr[data-unit="cn-fj-sanming.gxj"]')
    cell = row.locator("th, td").nth(column)
    assert "has-lead" in (cell.get_attribute("class") or "")
    assert "五" in (cell.get_attribute("title") or "")
    # Counted from the document itself: clauses about CCUS naming 工信局 lead or support.
    doc = page.request.get(browser.base + f"api/documents/{SANMING}").json()
    expected = sum(
        1 for c in doc["clauses"]
        if any(x["id"] == "ccus" for x in c["concepts"])
        and any(u["id"] == "cn-fj-sanming.gxj" and u["role"] in ("lead", "support") for u in c["units"])
    )
    assert int(cell.inner_text()) == expected >= 1
    browser.no_horizontal_overflow()
    browser.shot("10-units-matrix-sanming")


# Each rotated column label of a matrix: its full text, and whether any of it lies outside the label's
# box or the label outside its header cell (what a reader would see cut off).
LABELS_CUT = """ths => ths.map(th => {
  const label = th.querySelector('.col-label');
  const box = label.getBoundingClientRect();
  const cell = th.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(label);
  const glyphs = [...range.getClientRects()];
  const inside = (r, b) => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  return {
    text: label.textContent, title: th.title,
    clipped: label.scrollHeight > label.clientHeight + 1 || label.scrollWidth > label.clientWidth + 1,
    outside: !inside(box, cell) || glyphs.some(g => !inside(g, box)),
    ellipsis: getComputedStyle(label).textOverflow === 'ellipsis' && getComputedStyle(label).overflow !== 'visible',
  };
})"""


def test_rotated_matrix_labels_are_not_cut(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open(f"#/units?document={SANMING}&all=1")
    for language, shot in [("zh", "10b-units-matrix-labels"), ("en", "10c-units-matrix-labels-english")]:
        if language == "en":
            page.locator("#lang-toggle").click()
            browser.ready()
        labels = page.locator("table.matrix thead th.concept-col").evaluate_all(LABELS_CUT)
        assert len(labels) > 30
        longest = max(labels, key=lambda x: len(x["text"]))
        assert len(longest["text"]) >= (8 if language == "zh" else 30), longest
        for label in labels:
            # the whole label is written: the header's tooltip starts with it
            assert label["title"].startswith(f"{label['text']} ("), label
            assert not (label["clipped"] or label["outside"] or label["ellipsis"]), label
        browser.no_horizontal_overflow()
        page.locator("table.matrix").scroll_into_view_if_needed()
        browser.shot(shot)


def test_units_a_page_at_a_time_and_every_page_downloaded(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    every = browser.page.request.get(browser.base + "api/units?concept=carbon_peak&limit=500").json()
    assert every["total"] == len(every["units"]) > 20
    page = browser.open("#/units?concept=carbon_peak&limit=10")
    rows = page.locator(".units-table tbody tr")
    assert rows.count() == 10
    more = page.locator('button[data-more="units"]')
    assert more.inner_text() == "再显示 10 个"
    assert f"共 {every['total']} 个" in page.locator(".more-units").inner_text()
    more.click()
    page.locator(".units-table tbody tr").nth(19).wait_for()
    assert rows.count() == 20
    shown = set(rows.evaluate_all("rs => rs.map(r => r.dataset.unit)"))
    assert shown == {u["id"] for u in every["units"][:20]}
    browser.shot("09b-units-more")

    # the download holds every unit and clause, not only the pages shown
    with page.expect_download() as json_download:
        page.locator('.responsible button[data-download="json"]').click()
    json_file = tmp_path / "units.json"
    json_download.value.save_as(json_file)
    saved = json.loads(json_file.read_text(encoding="utf-8"))
    assert [(r["unit"], r["clause_id"], r["role"]) for r in saved] == [
        (u["id"], c["id"], c["role"]) for u in every["units"] for c in u["clauses"]
    ]


def test_reverse_trace_and_unimplemented_clauses(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open(f"#/trace/{CENTRAL_21}?min=0&best=0")
    page.locator(".implementers .section-head").wait_for()
    sources = page.locator(".implementers li[data-source]").evaluate_all("ls => ls.map(l => l.dataset.source)")
    rows = sparql_rows(browser, f"""
        PREFIX pkg: <https://policykg.org/ns#>
        SELECT DISTINCT ?source ?level WHERE {{
          ?link pkg:target <https://policykg.org/clause/{CENTRAL_21}> ; pkg:source ?source .
          ?source pkg:document ?doc . ?doc pkg:level ?level .
        }}""")
    lower = {r["source"].rsplit("/", 1)[1] for r in rows if r["level"] != "central"}
    assert sorted(sources) == sorted(lower) and lower
    # Grouped from the ministries down, and within a level by region.
    heads = page.locator(".impl-group h3 .badge.level").all_inner_texts()
    assert heads == sorted(heads, key=["中央", "部委", "省级", "市级", "县级"].index)
    browser.shot("11-trace-reverse-二十一")

    # The default view keeps the links where the clause is the best match and scores ≥ 0.3.
    page = browser.open(f"#/trace/{CENTRAL_21}")
    page.locator(".implementers .section-head").wait_for()
    scores = [float(s) for s in page.locator(".implementers .score-num").all_inner_texts()]
    assert all(s >= 0.3 for s in scores)

    page = browser.open("#/trace?min=0")
    items = page.locator(".gap-list li[data-clause]").evaluate_all("ls => ls.map(l => l.dataset.clause)")
    national = sparql_rows(browser, """
        PREFIX pkg: <https://policykg.org/ns#>
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT DISTINCT ?clause WHERE {
          VALUES ?level { "central" "ministry" }
          ?doc pkg:level ?level . ?clause pkg:document ?doc ; a eli:LegalResourceSubdivision .
          FILTER NOT EXISTS { ?clause eli:has_part ?child }
        }""")
    linked = sparql_rows(browser, """
        PREFIX pkg: <https://policykg.org/ns#>
        SELECT DISTINCT ?target WHERE {
          VALUES ?level { "provincial" "municipal" "county" }
          ?doc pkg:level ?level . ?source pkg:document ?doc . ?link pkg:source ?source ; pkg:target ?target .
        }""")
    targets = {r["target"] for r in linked}
    expected = {r["clause"].rsplit("/", 1)[1] for r in national if r["clause"] not in targets}
    assert set(items) == expected
    browser.shot("12-trace-unimplemented")


def test_sparql_editor_examples_and_download(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.open("#/sparql?example=units-for-ccus")
    table = page.locator("table.sparql-results")
    table.wait_for()
    header = table.locator("thead th").all_inner_texts()
    assert header == ["unit", "unitLabel", "role", "jurisdiction", "document", "clause", "clauseNumber"]
    assert table.locator("td", has_text="三明市工业和信息化局").count() >= 1
    # Nodes of the graph link to their views.
    link = table.locator(f'a[href^="#/doc/{SANMING}?clause="]').first
    assert link.inner_text().startswith(f"clause/{SANMING}~")
    browser.no_horizontal_overflow()
    browser.shot("13-sparql-units-for-ccus")

    with page.expect_download() as download:
        page.locator('.sparql-output button[data-download="csv"]').click()
    saved = tmp_path / "result.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8").lstrip("\ufeff"))))
    assert list(rows[0]) == header
    assert len(rows) == table.locator("tbody tr").count()

    # A query of one's own.
    editor = page.locator("textarea.editor")
    editor.fill("PREFIX pkg: <https://policykg.org/ns#>\nSELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d pkg:level ?level }")
    page.locator("button[data-run]").click()
    page.locator("table.sparql-results td", has_text=re.compile(r"^\d+$")).wait_for()
    documents = page.request.get(browser.base + "api/documents").json()["documents"]
    assert page.locator("table.sparql-results td").first.inner_text() == str(len(documents))

    # A malformed query shows the server's explanation instead of a table.
    editor.fill("SELEC ?x WHERE { ?x ?y ?z }")
    page.locator("button[data-run]").click()
    page.locator(".sparql-output .error").wait_for()
    assert page.locator(".sparql-output table").count() == 0
    browser.problems[:] = [p for p in browser.problems if "status of 400" not in p]


def test_language_toggle(browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.open("#/targets")
    assert page.locator("nav.tabs a.active").inner_text() == "目标"
    page.locator("#lang-toggle").click()
    browser.ready()
    assert page.locator("nav.tabs a.active").inner_text() == "Targets"
    assert page.locator("h1.page-title").inner_text() == "Targets"
    assert page.evaluate("document.documentElement.lang") == "en"
    # Data stay in the language they were written in; the interface around them is English.
    label = page.locator('.tl-row[data-lane="i:非化石能源消费比重"] .tl-label')
    concept = page.request.get(browser.base + "api/concepts?q=non_fossil_share").json()["concepts"][0]
    assert label.locator("span").first.inner_text() == "非化石能源消费比重"
    assert label.locator(".muted").inner_text() == concept["labels"]["en"] == "share of non-fossil energy consumption"
    browser.no_horizontal_overflow()
    browser.shot("14-targets-english")
    page.reload()
    browser.ready()
    assert page.locator("nav.tabs a.active").inner_text() == "Targets", "the choice is remembered"


def test_views_fit_a_small_laptop_screen(browser) -> None:  # type: ignore[no-untyped-def]
    """Long Chinese titles and texts wrap: no view is wider than a 1024 px window."""
    browser.page.set_viewport_size({"width": 1024, "height": 700})
    for name, route in [
        ("search", "#/search?q=非化石能源"),
        ("documents", "#/docs"),
        ("document", f"#/doc/central-opinions-carbon-peak-2021-en?clause={CENTRAL_21.replace('-zh', '-en')}"),
        ("units", "#/units?concept=hydrogen"),
        ("targets", "#/targets"),
        ("trace", f"#/trace/{CENTRAL_21}"),
        ("unimplemented", "#/trace"),
        ("sparql", "#/sparql?example=targets-2025-city-vs-national"),
    ]:
        page = browser.open(route)
        browser.no_horizontal_overflow()
        assert page.locator("header.top").bounding_box()["height"] < 70, "the header keeps to one line"
        browser.shot(f"15-narrow-{name}")


def test_a_sentence_reads_without_the_line_breaks_of_its_pdf(browser) -> None:  # type: ignore[no-untyped-def]
    # Measures of real PDFs as the API gives them (the source span as printed, layout line breaks included):
    # Chengdu's 近零碳排放区 plan, a provincial CCUS measure broken after its first character, Shenzhen's
    # notice on 2021 emissions (a URL wrapped mid-word) and Shandong's accounting rule for projects (a break
    # after a colon stays). The page reads each as one sentence.
    page = browser.open("#/search?q=碳捕集")
    read = page.evaluate(
        """async () => {
            const { sentenceText } = await import(new URL('js/facts.js', document.baseURI).href);
            return [
                '探索碳捕集利用与封存技术应用示范，推进化\\r\\n石能源低碳排放利用。',
                '探\\r\\n索开展规模化、全链条碳捕集利用和封存试验示范工程建设。',
                '（网址：http://www.sz\\r\\nregistry.com/index.do）提交足额配额',
                '前 3 年实际碳排放量的平均值，Q 削减\\r\\n核算方法为：\\r\\n，i=1，2，3。',
            ].map(sentenceText);
        }"""
    )
    assert read == [
        "探索碳捕集利用与封存技术应用示范，推进化石能源低碳排放利用。",
        "探索开展规模化、全链条碳捕集利用和封存试验示范工程建设。",
        "（网址：http://www.szregistry.com/index.do）提交足额配额",
        "前 3 年实际碳排放量的平均值，Q 削减核算方法为：\n，i=1，2，3。",
    ]


def test_a_clause_reads_without_the_line_breaks_of_its_pdf_but_keeps_its_headings(browser) -> None:  # type: ignore[no-untyped-def]
    # Clauses of real PDFs as printed: Tianshui's 生态环境保护 plan (a heading on a line of its own, then a
    # paragraph wrapped by the layout) and Jiangsu's green-economy opinions (a wrapped paragraph, then the
    # signature, the date and the source address, each a line of its own). Trace shows them so.
    page = browser.open("#/search?q=碳捕集")
    read = page.evaluate(
        """async () => {
            const { clauseText } = await import(new URL('js/facts.js', document.baseURI).href);
            return [
                '（一）加快建立责任体系\\r\\n县（区）党委和政府对本地区生态环境质量及生态环境保护工作负总责，制定\\r\\n'
                  + '完善政策措施，统筹协调重大问题。编制生态环境保护责任清单，进一步厘清各部\\r\\n'
                  + '门生态环境保护责任，加快建立横向到边、纵向到底的责任体系。',
                '（三十）营造良好氛围。充分发挥党政机关、国有企事业单位在绿\\r\\n色低碳循环发展中的示范表率作用。'
                  + '组织形式多样的宣传活动，讲好江\\r\\n苏绿色低碳循环发展故事，积极宣传正面典型，适时曝光负面典型，加\\r\\n'
                  + '快培育形成节约资源和保护环境的生产生活方式。健全绿色低碳循环信\\r\\n息公开渠道，发挥社会公众的参与和监督作用。\\r\\n'
                  + '江苏省人民政府\\r\\n2022 年 1 月 24 日\\r\\n资料来源：http://www.jiangsu.gov.cn/art/2022/1/25/art_46143_10331301.html',
            ].map(clauseText);
        }"""
    )
    assert read == [
        "（一）加快建立责任体系\n县（区）党委和政府对本地区生态环境质量及生态环境保护工作负总责，制定完善政策措施，统筹协调重大问题。"
        "编制生态环境保护责任清单，进一步厘清各部门生态环境保护责任，加快建立横向到边、纵向到底的责任体系。",
        "（三十）营造良好氛围。充分发挥党政机关、国有企事业单位在绿色低碳循环发展中的示范表率作用。组织形式多样的宣传活动，"
        "讲好江苏绿色低碳循环发展故事，积极宣传正面典型，适时曝光负面典型，加快培育形成节约资源和保护环境的生产生活方式。"
        "健全绿色低碳循环信息公开渠道，发挥社会公众的参与和监督作用。\n江苏省人民政府\n2022 年 1 月 24 日\n"
        "资料来源：http://www.jiangsu.gov.cn/art/2022/1/25/art_46143_10331301.html",
    ]


def test_search_headline_counts_every_match_not_the_page(browser) -> None:  # type: ignore[no-untyped-def]
    # 绿色 matches more texts of the corpus than a page holds; the page lists the first 50 and says how many
    # match in all (the API's total), then that only the first 50 are shown.
    page = browser.open("#/search?q=绿色")
    total = page.evaluate(
        "async () => (await (await fetch('/api/search?q=' + encodeURIComponent('绿色') + '&limit=50')).json()).total"
    )
    assert total > 50
    text = page.inner_text("body")
    assert f"“绿色”共 {total} 条结果" in text
    assert "仅显示前 50 条结果" in text

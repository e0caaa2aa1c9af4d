"""Real published PDFs (the default corpus's packs): each text-layer trap read as a reader sees it.

Every document here is from the `tune` part of tests/keys/split.toml; the figures on the `measure`
part are only measured (test_metadata_key.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.errors import NoTextLayer
from policykg.extract.document import extract_document
from policykg.ingest.model import Level, NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import read_pack, sources
from policykg.ingest.raw import read_raw

REPO = Path(__file__).resolve().parents[2]
PACKS = REPO / "corpus" / "real"
SHARED_REAL = REPO.parent / "shared" / "corpus" / "real"


def _pack_of(number: str) -> Path:
    return next(pack for file, pack in sources(PACKS).items() if file.startswith(f"{number}、"))


@pytest.fixture(scope="module")
def real() -> dict[str, NormalisedDocument]:
    numbers = ("2", "100", "122", "316", "335", "490", "70", "212", "140", "164", "392", "107")
    return {n: normalise(read_raw(_pack_of(n))) for n in numbers}


def test_spaced_cjk_is_read_without_the_spaces(real):
    # 122: a title letter-spaced over two lines; 335: letter-spaced ministry names in a signature
    assert real["122"].metadata.title == "广州市黄埔区广州开发区广州高新区促进绿色低碳发展办法"
    assert "生态环境部" in real["335"].text and "生 态 环 境 部" in real["335"].original
    # numbers keep their measure words: "2021 年 10 月 24 日" in the layer
    assert "2021年10月24日" in real["2"].text


def test_a_figure_the_layer_cut_is_read_whole(real):
    # 392: "达到 2" + line end + "04 万千瓦"; 164: "达 14. 5 平方米"; 140: a short line ending a paragraph
    cases = {
        "392": ("清洁能源电力装机容量达到204万千瓦", "达到 2\r\n04 万千瓦", ("清洁能源电力装机容量", 204.0, "万千瓦", 2025)),
        "164": ("人均公园绿地面积达14.5平方米", "达 14. 5 平方米", ("城市(县城)人均公园绿地面积", 14.5, "平方米", 2025)),
        "140": ("恢复黄河湿地2000亩", "河湿地 2000 亩", ("恢复黄河湿地", 2000.0, "亩", 2021)),
    }
    for number, (read, printed, target) in cases.items():
        doc = real[number]
        assert read in doc.text and printed in doc.original
        at = doc.text.index(read)
        assert doc.quote(doc.span(at, at + len(read))).replace("\r\n", "").replace(" ", "") == read
        found = [(t.indicator, t.value, t.measure_unit, t.year) for t in extract_document(doc).targets()]
        assert target in found


def test_latin_full_stops_of_chinese_prose_end_its_sentences(real):
    # 107 prints every full stop as "." (none as 。): read as 。, so a duty sentence is one of its own
    doc = real["107"]
    assert "压实工作责任。各地各有关部门要对照重点任务分工" in doc.text and "压实工作责任.各地各有关部门" in doc.original
    assert "。" not in doc.original and doc.text.count("。") > 100
    units = {(u.surface, u.role) for u in extract_document(doc).units()}
    assert {("各市州政府", "generic"), ("省发展改革委", "lead")} <= units  # "各市州政府负责…", "省发展改革委要发挥牵头抓总作用"
    # a decimal and a heading's numeral keep their dot: "专栏四.水污染防治" (427) is tested with the fold itself
    from policykg.ingest.fold import chinese_stops

    assert chinese_stops("面积达14.5平方米,专栏四.水污染防治.\n") == "面积达14.5平方米,专栏四.水污染防治。\n"


def test_wrapped_title_and_covering_notice(real):
    doc = real["316"]
    assert doc.metadata.title == "北京市“十四五”时期制造业绿色低碳发展行动方案"
    assert doc.metadata.notice_title == (
        "北京市经济和信息化局关于印发《北京市“十四五”时期制造业绿色低碳发展行动方案》的通知"
    )
    assert doc.metadata.doc_type == "行动方案"
    assert (doc.metadata.level, doc.metadata.region) == (Level.PROVINCIAL, "CN-BJ")


def test_page_number_inside_a_sentence_is_dropped_and_spans_still_cut_the_layer(real):
    doc = real["490"]
    sentence = "积极推进以森林抚育、大径材培育等为重点的森林经营"
    at = doc.text.index(sentence)
    assert "— 3 —" not in doc.text
    quoted = doc.quote(doc.span(at, at + len(sentence)))
    assert quoted.startswith("积极推进以森林抚育、大径材培") and quoted.endswith("为重点的森林经营")
    assert "— 3 —" in quoted  # the page break lies inside the sentence in the text layer
    assert any(n.kind == "page_furniture" for n in doc.notes)


def test_wrapped_responsibility_list_is_one_line(real):
    doc = real["490"]
    assert "责任单位:市发改委、生态环境局、自然资源局,各县(市、区)人民政府\n" in doc.text


def test_metadata_of_a_provincial_plan_from_its_text(real):
    md = real["100"].metadata
    assert md.title == "重庆市严格能效约束推动重点领域节能降碳实施方案"
    assert md.doc_number == "渝发改工业〔2022〕270号"
    assert md.issued == "2022-02-28"
    assert (md.level, md.region, md.doc_type) == (Level.PROVINCIAL, "CN-CQ", "实施方案")
    assert md.notice_title == "关于印发《重庆市严格能效约束推动重点领域节能降碳实施方案》的通知"


def test_city_notice_metadata(real):
    md = real["490"].metadata
    assert (md.level, md.region, md.doc_number) == (Level.MUNICIPAL, "CN-FJ-Sanming", "明政办规〔2022〕2号")
    assert md.title == "三明市人民政府办公室关于实施林业碳汇“三建两创”行动助力实现“双碳”目标的通知"


def test_pages_without_a_text_layer_are_notes(real):
    notes = [n.message for n in real["212"].notes if n.kind == "no_text_layer"]
    assert notes == [f"page {n} of 10 has no text layer (an image or a scan)" for n in range(5, 11)]
    assert [n.message for n in real["70"].notes if n.kind == "no_text_layer"] == [
        "page 4 of 4 has no text layer (an image or a scan)"
    ]


def test_a_pack_without_any_text_is_refused(tmp_path):
    record = json.loads(_pack_of("70").read_text(encoding="utf-8"))
    record["pages"] = ["", "  \r\n"]
    blank = tmp_path / "blank.pdftext.json"
    blank.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(NoTextLayer):
        normalise(read_raw(blank))


def test_readable_ids_and_provenance(real):
    doc = real["100"]
    assert doc.id == "chongqing-yange-nengxiao-yueshu-zhongdian-2022-c8f0"
    assert doc.source_name == "100、重庆市严格能效约束推动重点领域节能降碳实施方案.pdf"
    assert doc.sha256.startswith("c8f040b895801e5b")
    assert real["490"].id.startswith("sanming-") and real["490"].id.endswith("-2022-cd35")


@pytest.mark.skipif(not SHARED_REAL.is_dir(), reason="the real corpus's PDFs are only on the project's machines")
def test_the_pdf_and_its_pack_are_one_document():
    pack = _pack_of("490")
    source, _ = read_pack(pack.read_bytes())
    pdf = SHARED_REAL / source.file
    from_pdf = normalise(read_raw(pdf))
    from_pack = normalise(read_raw(pack))
    assert (from_pdf.id, from_pdf.text, from_pdf.sha256) == (from_pack.id, from_pack.text, from_pack.sha256)
    from policykg.ingest.pack import pack_bytes
    from policykg.settings import Settings

    assert pack_bytes(pdf, Settings())[1] == pack.read_bytes()  # packs are deterministic


def test_ruled_tables_are_rows_of_header_and_cell():
    # 133: targets per city, one row each; 191: a task table whose cells wrap over several lines
    zhejiang = normalise(read_raw(_pack_of("133")))
    assert "序号:1;地区:嘉兴;2020年装机:0;2025年装机或开工:60;“十四五”新增装机或开工:60\n" in zhejiang.text
    shandong = normalise(read_raw(_pack_of("191")))
    row = next(line for line in shandong.text.split("\n") if line.startswith("序号:1;任务:超大型海上风电机组研制"))
    assert row.endswith(";目标:研制适用于北方低风速海域百米级超长柔性叶片、电气系统、PLC主控系统等关键部件,"
                        "自主研发适应超大型海上风电机组的基础及吊装施工技术装备。")


def test_corpus_report_command(tmp_path):
    from typer.testing import CliRunner

    from policykg.cli import app

    out = tmp_path / "report.md"
    result = CliRunner().invoke(app, ["corpus-report", str(out), str(_pack_of("100")), str(_pack_of("490"))])
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    assert "2 files: 2 documents read, 0 quarantined" in report
    assert "| provincial | 1 |" in report and "| municipal | 1 |" in report
    assert "| 重庆市 | 1 |" in report and "| 福建省 | 1 |" in report
    assert "| 实施方案 | 1 |" in report and "| 通知 | 1 |" in report


def test_chapters_and_their_sections_are_clauses():
    # 451: a city plan in 第X章 / 第X节, with numbered items in boxes below some sections
    doc = normalise(read_raw(_pack_of("451")))
    chapters = [c for c in doc.clauses if c.marker.startswith("第") and c.marker.endswith("章")]
    assert len(chapters) == 12
    assert [(c.marker, c.title) for c in chapters[1].children] == [
        ("第一节", "指导思想"), ("第二节", "基本原则"), ("第三节", "发展目标"),
    ]
    assert chapters[2].children[1].path == ("三", "二") and chapters[2].children[1].title == "加快产业结构调整"

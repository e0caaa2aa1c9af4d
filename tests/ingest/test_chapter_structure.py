"""Plans written in chapters and sections (第X章 / 第X节), read as clauses: real `tune` PDFs of the corpus.

Such plans open with a table of contents listing every heading, and a PDF's text layer often runs a chapter
heading on after the sentence before it. The listed headings are no clauses (the text's own headings are),
and a heading run on after a sentence opens its clause all the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest.clauses import build_clauses
from policykg.ingest.model import Clause, NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"
FILES = {
    "neijiang": "425、内江市“十四五”生态环境保护规划.pdf",
    "inner_mongolia": "68、内蒙古自治区“十四五”应对气候变化规划.pdf",
    "adaptation": "302、国家适应气候变化战略2035.pdf",
    "shandong": "191、山东省能源科技创新“十四五”规划.pdf",
    "shandong_climate": "149、山东省“十四五”应对气候变化规划.pdf",
    "jiangsu_renewables": "560、江苏省“十四五”可再生能源发展专项规划.pdf",
    "white_paper": "38、中国应对气候变化的政策与行动白皮书.pdf",
}


@pytest.fixture(scope="module")
def docs() -> dict[str, NormalisedDocument]:
    by_source = sources(PACKS)
    if not all(f in by_source for f in FILES.values()):
        pytest.skip("the real corpus's pack is not bundled")
    return {name: normalise(read_raw(by_source[f])) for name, f in FILES.items()}


def _by_path(doc: NormalisedDocument) -> dict[tuple[str, ...], Clause]:
    return {c.path: c for c in doc.walk()}


def test_a_section_of_a_chapter_has_its_numbered_items(docs) -> None:  # type: ignore[no-untyped-def]
    doc = docs["neijiang"]
    assert [(c.marker, c.title) for c in doc.clauses] == [
        ("第一章", "内江市生态环境保护形势"), ("第二章", "总体要求"), ("第三章", "主要任务"), ("第四章", "保障措施")]
    section = _by_path(doc)[("三", "二")]
    assert (section.marker, section.title) == ("第二节", "有序推进碳达峰碳中和,深入贯彻低碳发展理念")
    assert [(c.marker, c.title) for c in section.children] == [
        ("（一）", "加快实施碳达峰行动,稳步推进碳中和"),
        ("（二）", "严格低碳准入,有效控制温室气体增量"),
        ("（三）", "增加生态系统碳汇,提升应对气候变化能力"),
    ]
    # the section's text is its own, not the table of contents' line
    assert "严格低碳准入" in doc.text[section.start:section.end] and len(doc.text[section.start:section.end]) > 1500


def test_the_table_of_contents_is_no_clause(docs) -> None:  # type: ignore[no-untyped-def]
    doc = docs["adaptation"]
    assert [c.marker for c in doc.clauses] == [f"第{n}章" for n in "一二三四五六七"]
    last = doc.clauses[-1]
    assert [c.title for c in last.children] == ["加强组织实施", "加强财政金融支撑", "强化科技支撑", "加强能力建设", "深化国际合作"]
    # before, the listed headings were the clauses and the whole text fell into the last one's body
    assert all(len(doc.text[c.start:c.end]) < 5000 for c in doc.walk() if not c.children)
    assert doc.clauses[0].start > doc.text.index("前言")


def test_a_table_of_contents_listing_sections_of_another_style(docs) -> None:  # type: ignore[no-untyped-def]
    # Shandong lists "一、" headings under its chapters: they are listed too, not clauses
    doc = docs["shandong"]
    assert [c.marker for c in doc.clauses] == [f"第{n}章" for n in "一二三四五"]
    assert [c.title for c in _by_path(doc)[("三",)].children][:2] == [
        "实施四大提升工程,增强科技创新实力", "打造四大创新高地,助力重点基地建设"]


def test_a_table_of_contents_of_numbered_sections_with_dot_leaders(docs) -> None:  # type: ignore[no-untyped-def]
    # "一、开启应对气候变化新征程......" under 目 录: the listed sections are no clauses, the text's are
    doc = docs["shandong_climate"]
    assert [c.title for c in doc.clauses] == [
        "开启应对气候变化新征程", "指导思想、基本原则和主要目标", "严格控制温室气体排放", "主动适应气候变化",
        "加强应对气候变化科技创新", "实施试点示范和重大工程", "强化激励约束政策机制", "开展绿色低碳全民行动",
        "推进应对气候变化治理体系和治理能力现代化", "加强规划实施保障"]
    assert doc.clauses[0].start > doc.text.index("目 录") + 1000
    assert _by_path(doc)[("三", "一")].title == "开展二氧化碳排放达峰行动"
    assert all(len(doc.text[c.start:c.end]) < 2000 for c in doc.walk() if not c.children)


def test_a_table_of_contents_whose_first_heading_is_lost(docs) -> None:  # type: ignore[no-untyped-def]
    # Jiangsu's list lacks "一、发展基础" and starts at "（一）发展成效……"; its "（一）投资估算……" is a later entry,
    # not the text's first heading, which repeats the list's first one word for word
    doc = docs["jiangsu_renewables"]
    assert [c.title for c in doc.clauses] == ["发展基础", "总体要求", "重点任务", "保障措施", "投资估算和效益分析"]
    assert [c.title for c in doc.clauses[0].children] == ["发展成效", "存在问题", "面临形势"]


def test_a_table_of_contents_under_a_contents_line_and_a_preface(docs) -> None:  # type: ignore[no-untyped-def]
    # the white paper lists "前言", then its sections and items, under "目录", without dot leaders
    doc = docs["white_paper"]
    assert [c.marker for c in doc.clauses] == ["一、", "二、", "三、", "四、"]
    assert [c.title for c in _by_path(doc)[("二",)].children][-1] == "持续提升应对气候变化支撑水平"
    assert all(len(doc.text[c.start:c.end]) < 3000 for c in doc.walk() if not c.children)


def test_a_list_of_short_items_is_no_table_of_contents() -> None:
    # short numbered lines without dot leaders or a 目录 line above them, numbered again later: clauses
    text = ("一、重点工程\n1.一屏六区一廊\n2.三线一单\n3.一轴两带三核\n二、保障措施\n1.加强组织领导。各地负责。\n"
            "2.加大投入。各地落实。\n")
    structure = build_clauses(text, "t", lambda a, b: (a, b), text)
    assert [len(c.children) for c in structure.clauses] == [3, 2]


def test_a_chapter_heading_run_on_after_a_sentence_opens_its_clause(docs) -> None:  # type: ignore[no-untyped-def]
    doc = docs["inner_mongolia"]
    assert [c.title for c in doc.clauses] == ["现状与形势", "指导思想和主要目标", "控制温室气体排放", "适应气候变化影响",
                                            "区域低碳发展试点示范", "推进治理体系和治理能力现代化", "保障措施"]
    chapter = _by_path(doc)[("三",)]
    assert doc.text[chapter.start - 1] == "。"  # "…代表不降反升数值。第三章控制温室气体排放"
    assert [c.marker for c in chapter.children] == [f"第{n}节" for n in "一二三四五六七八九"]
    assert chapter.children[0].title == "开展碳排放达峰行动"


def test_headings_named_inside_a_sentence_stay_text() -> None:
    text = "一、总体要求\n按本规划第二章的要求推进。第三章所列项目,由各地组织实施。\n二、重点任务\n推进节能。\n"
    structure = build_clauses(text, "t", lambda a, b: (a, b), text)
    assert [c.marker for c in structure.clauses] == ["一、", "二、"]
    assert not structure.clauses[0].children

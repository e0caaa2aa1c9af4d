"""Clause trees of every document of the default corpus, against the documents themselves."""

from __future__ import annotations

import re

import pytest

from policykg.ingest import normalise
from policykg.ingest.markers import cn_number
from policykg.ingest.model import Clause, NormalisedDocument, RawDocument
from policykg.ingest.raw import TEXT

CN = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
]
CN += [f"二十{d}" for d in CN[:9]] + ["三十"] + [f"三十{d}" for d in CN[:9]]


def cn(a: int, b: int) -> list[str]:
    """Chinese numerals a..b inclusive."""
    return CN[a - 1 : b]


def tops(doc: NormalisedDocument) -> list[str]:
    return [c.number for c in doc.clauses]


def children_numbers(doc: NormalisedDocument) -> dict[str, list[str]]:
    return {c.number: [k.number for k in c.children] for c in doc.clauses}


def items(doc: NormalisedDocument) -> list[str]:
    return [c.number for c in doc.walk() if c.kind == "item"]


def by_suffix(doc: NormalisedDocument, suffix: str) -> Clause:
    return next(c for c in doc.walk() if c.id == f"{doc.id}~{suffix}")


def test_chinese_numerals() -> None:
    assert [cn_number(s) for s in ("一", "十", "十二", "二十", "三十七", "九十九")] == [1, 10, 12, 20, 37, 99]
    assert cn_number("十十") is None and cn_number("二二") is None
    assert CN[36] == "三十七"


def test_sanming_sections_and_continuous_items(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["sanming-pollution-carbon-synergy-plan-2022"]
    assert tops(doc) == cn(1, 8)
    assert items(doc) == cn(1, 26)
    assert children_numbers(doc) == {
        "一": [],
        "二": [],
        "三": cn(1, 4),
        "四": cn(5, 9),
        "五": cn(10, 13),
        "六": cn(14, 17),
        "七": cn(18, 22),
        "八": cn(23, 26),
    }
    item = by_suffix(doc, "s3.i1")
    assert (item.number, item.path, item.marker, item.kind, item.depth) == (
        "一",
        ("三", "一"),
        "(一)",
        "item",
        2,
    )
    assert item.title == "强化生态环境分区管控"
    quoted = doc.quote(item.span)
    assert quoted.startswith("(一)强化生态环境分区管控。以资源环境承载能力")
    assert quoted.endswith("(责任单位:市生态环境局、自然资源局、农业农村局、发改委、工信局等按职责分工负责)")
    assert by_suffix(doc, "s4.i5").title == "推进工业领域协同增效"
    assert by_suffix(doc, "s8.i26").title == "强化监督考核"
    assert by_suffix(doc, "s2").title == "主要目标"
    # the covering notice before 一、 (its date line, "(此件主动公开)") opens no clause
    assert doc.clauses[0].marker == "一、" and doc.clauses[0].title == "总体要求"
    assert "扫一扫" not in doc.quote(by_suffix(doc, "s8").span)


def test_central_opinions_zh(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["central-opinions-carbon-peak-2021-zh"]
    assert tops(doc) == cn(1, 13)
    assert items(doc) == cn(1, 37)
    assert [len(c.children) for c in doc.clauses] == [2, 0, 3, 3, 5, 3, 3, 2, 2, 3, 3, 4, 4]
    assert by_suffix(doc, "s1.i1").title == "指导思想"
    assert by_suffix(doc, "s5.i11").title == "严格控制化石能源消费"
    last = doc.quote(by_suffix(doc, "s13.i37").span)
    assert last.startswith("（三十七）严格监督考核。") and last.endswith("每年向党中央、国务院报告。")
    assert "新华社" not in last  # the closing news-agency line is not part of (三十七)


def test_english_translation_has_the_same_tree_as_the_original(
    ingested: dict[str, NormalisedDocument],
) -> None:
    en = ingested["central-opinions-carbon-peak-2021-en"]
    zh = ingested["central-opinions-carbon-peak-2021-zh"]
    assert tops(en) == cn(1, 13)
    assert items(en) == cn(1, 37)
    suffixes = [c.id.split("~")[1] for c in en.walk()]
    assert suffixes == [c.id.split("~")[1] for c in zh.walk()]
    assert by_suffix(en, "s1.i1").title == "Guiding ideology"
    assert by_suffix(en, "s1.i2").title == "Working principle"
    # "(四)" stands alone on its line, followed by blank lines, then the text
    alone = by_suffix(en, "s3.i4")
    assert alone.marker == "(四)"
    assert alone.title == "Optimize the regional layout of green and low-carbon development"
    assert en.quote(alone.span).startswith("(四)\n\nOptimize the regional layout")
    assert by_suffix(en, "s5.i13").title == "Deepen the reform of energy system and mechanism"
    assert "CONTACT US" not in en.quote(by_suffix(en, "s13.i37").span)


def test_english_beautiful_china_arabic_forms(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["central-opinions-beautiful-china-2023-en"]
    assert tops(doc) == [str(n) for n in range(1, 11)]
    assert [c.marker for c in doc.clauses[:2]] == ["1、", "2、"]
    # "(3)" translates "(三)": items, numbered on across sections
    assert [c.number for c in doc.walk() if c.kind == "item"] == [str(n) for n in range(1, 34)]
    assert [len(c.children) for c in doc.clauses] == [0, 0, 4, 4, 3, 5, 4, 3, 6, 4]
    first = by_suffix(doc, "s3.i1")
    assert (first.marker, first.title) == (
        "(1)",
        "Optimize the pattern of national spatial development and protection",
    )
    assert by_suffix(doc, "s10.i33").title == "Conduct performance evaluation"


def test_mee_plan(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["mee-pollution-carbon-synergy-plan-2022"]
    assert tops(doc) == cn(1, 8)
    assert items(doc) == cn(1, 29)
    assert [len(c.children) for c in doc.clauses] == [0, 3, 4, 5, 4, 4, 5, 4]
    assert by_suffix(doc, "s2.i1").title == "指导思想"  # "（一）指导思想。" on a line of its own
    assert doc.quote(by_suffix(doc, "s2.i1").span).startswith("（一）指导思想。\n以习近平新时代")


def test_miit_plan_points_restart_per_item(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["miit-industry-carbon-peak-plan-2022"]
    assert tops(doc) == cn(1, 5)
    assert items(doc) == cn(1, 20)
    points = {c.number: [p.number for p in c.children] for c in doc.walk() if c.kind == "item" and c.children}
    assert points == {
        "四": ["1", "2", "3", "4"],
        "五": ["1", "2", "3", "4", "5", "6"],
        "六": ["1", "2", "3", "4", "5"],
        "七": ["1", "2", "3", "4"],
        "八": ["1", "2", "3"],
        "九": ["1", "2", "3"],
        "十": ["1", "2", "3", "4", "5", "6", "7"],
        "十一": ["1", "2", "3", "4"],
    }
    steel = by_suffix(doc, "s3.i10.p1")
    assert (steel.kind, steel.marker, steel.title, steel.path) == ("point", "1.", "钢铁", ("三", "十", "1"))


def test_state_council_action_plan_items_restart_per_section(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["state-council-2030-carbon-peak-action-plan-2021"]
    assert tops(doc) == cn(1, 6)
    assert children_numbers(doc) == {
        "一": cn(1, 2),
        "二": [],
        "三": cn(1, 10),
        "四": cn(1, 3),
        "五": cn(1, 4),
        "六": cn(1, 3),
    }
    section3 = doc.clauses[2]
    assert [len(i.children) for i in section3.children] == [6, 4, 6, 4, 3, 4, 4, 4, 4, 4]
    point = by_suffix(doc, "s3.i1.p1")
    assert point.marker == "1．" and point.number == "1" and point.title == "推进煤炭消费替代和转型升级"
    assert by_suffix(doc, "s4.i1").title == "深度参与全球气候治理"
    assert all("本文有删减" not in c.title for c in doc.walk())
    # a PDF line wrap inside a point stays inside it
    assert "大力推进非高炉炼铁技术示范" in doc.quote(by_suffix(doc, "s3.i3.p2").span)


def test_fujian_plan(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["fujian-pollution-carbon-synergy-plan-2022"]
    assert tops(doc) == cn(1, 7)
    assert items(doc) == cn(1, 27)
    assert [len(c.children) for c in doc.clauses] == [0, 4, 5, 5, 4, 5, 4]
    assert by_suffix(doc, "s2.i1").title == "强化生态环境分区管控"  # heading line without a full stop


def test_jiangsu_opinions(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["jiangsu-carbon-opinions-2022"]
    assert tops(doc) == cn(1, 10)
    assert items(doc) == cn(1, 34)
    assert [len(c.children) for c in doc.clauses] == [3, 3, 4, 5, 3, 3, 3, 2, 4, 4]
    last = doc.quote(by_suffix(doc, "s10.i34").span)
    assert "中共江苏省委办公厅" not in last and "印发" not in last[-20:]


def test_shanwei_plan_three_levels_and_the_missing_point(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["shanwei-carbon-peak-plan-2023"]
    assert tops(doc) == cn(1, 3)
    assert children_numbers(doc) == {"一": cn(1, 2), "二": cn(1, 12), "三": cn(1, 4)}
    points = [c.number for c in doc.walk() if c.kind == "point"]
    assert points == ["1", "2"] + [str(n) for n in range(4, 41)]  # the source has no point 3
    per_item = [[p.number for p in i.children] for i in doc.clauses[1].children]
    assert (
        per_item[0] == ["1", "2"]
        and per_item[1] == ["4", "5", "6", "7", "8"]
        and per_item[11] == ["37", "38", "39", "40"]
    )
    gaps = [n for n in doc.notes if n.kind == "numbering_gap"]
    assert len(gaps) == 1 and doc.quote(gaps[0].span).startswith("4.大力發展清潔能源")
    p13 = by_suffix(doc, "s2.i4.p13")
    assert p13.title == "调整优化工业用能结构"  # normalised: 最佳化 → 优化
    assert doc.quote(p13.span).startswith("13.調整最佳化工業用能結構")


def test_provincial_remarks_split_into_31_provinces(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["provincial-secretaries-remarks-2021"]
    names = [c.title for c in doc.clauses]
    assert names == [
        "北京市",
        "上海市",
        "天津市",
        "重庆市",
        "安徽省",
        "河南省",
        "陕西省",
        "浙江省",
        "山西省",
        "四川省",
        "江苏省",
        "黑龙江省",
        "辽宁省",
        "河北省",
        "福建省",
        "吉林省",
        "贵州省",
        "青海省",
        "云南省",
        "广东省",
        "甘肃省",
        "湖北省",
        "江西省",
        "内蒙古自治区",
        "山东省",
        "湖南省",
        "宁夏自治区",
        "新疆自治区",
        "广西自治区",
        "西藏自治区",
        "海南省",
    ]
    assert [c.number for c in doc.clauses][:3] == ["01", "02", "03"] and doc.clauses[-1].number == "31"
    assert all(c.kind == "province" and not c.children for c in doc.clauses)
    beijing = doc.clauses[0]
    assert beijing.id == "provincial-secretaries-remarks-2021~r1"
    assert beijing.attributes == {
        "province": "北京市",
        "region": "CN-BJ",
        "speaker": "蔡奇",
        "date": "2021-05-29",
    }
    shaanxi = doc.clauses[6]  # 陜 is a Taiwan form t2s keeps; the variant table maps it
    assert shaanxi.attributes == {
        "province": "陕西省",
        "region": "CN-SN",
        "speaker": "刘国中",
        "date": "2021-08-19",
    }
    assert (
        doc.clauses[23].attributes["region"] == "CN-NM" and doc.clauses[23].attributes["speaker"] == "石泰峰"
    )
    assert doc.clauses[25].attributes["speaker"] == "周震虹"  # a deputy director, not a secretary
    assert "speaker" not in doc.clauses[20].attributes  # 甘肃: the text names no one
    assert doc.quote(beijing.span).startswith("01.北京市\n2021年5月29日,北京市委書記蔡奇")


def test_every_clause_span_covers_its_marker(ingested: dict[str, NormalisedDocument]) -> None:
    for doc in ingested.values():
        ids = [c.id for c in doc.walk()]
        assert len(ids) == len(set(ids)) and all("/" not in i for i in ids)
        for clause in doc.walk():
            assert (
                doc.text[clause.start : clause.end]
                .lstrip()
                .startswith(clause.marker.replace("（", "(").replace("）", ")").replace("．", "."))
            )
            assert clause.start < clause.body_start <= clause.end
            for child in clause.children:
                assert clause.start < child.start and child.end <= clause.end


def _shift(doc: NormalisedDocument, text: str) -> NormalisedDocument:
    raw = RawDocument("variant.txt", text.encode("utf-8"), "0" * 64, TEXT)
    return normalise(raw, None)


def test_out_of_sequence_marker_stays_body_text(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["central-opinions-carbon-peak-2021-zh"]
    lines = doc.original.split("\n")
    item3 = next(i for i, line in enumerate(lines) if line.startswith("（三）"))
    item10 = next(i for i, line in enumerate(lines) if line.startswith("（十）"))
    # a stray copy of item (三) inside item (十), as a wrapped cross-reference would produce
    shifted = _shift(doc, "\n".join([*lines[: item10 + 1], lines[item3], *lines[item10 + 1 :]]))
    assert [c.id.split("~")[1] for c in shifted.walk()] == [c.id.split("~")[1] for c in doc.walk()]
    ten = next(c for c in shifted.walk() if c.number == "十")
    assert "强化绿色低碳发展规划引领" in shifted.text[ten.start : ten.end]


def test_bracketed_abbreviation_starting_a_line_is_no_clause(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["shanwei-carbon-peak-plan-2023"]
    wrapped = re.sub(r"(封存)(\(CCUS\))", "\\1\n\\2", doc.original, count=1)
    assert "\n(CCUS)示範" in wrapped
    shifted = _shift(doc, wrapped)
    assert [c.id.split("~")[1] for c in shifted.walk()] == [c.id.split("~")[1] for c in doc.walk()]
    p33 = next(c for c in shifted.walk() if c.path == ("二", "十", "33"))
    assert "(CCUS)示范应用" in shifted.text[p33.start : p33.end]


@pytest.mark.parametrize(
    ("doc_id", "count"),
    [
        ("sanming-pollution-carbon-synergy-plan-2022", 34),
        ("central-opinions-carbon-peak-2021-zh", 50),
        ("central-opinions-carbon-peak-2021-en", 50),
        ("central-opinions-beautiful-china-2023-en", 43),
        ("mee-pollution-carbon-synergy-plan-2022", 37),
        ("miit-industry-carbon-peak-plan-2022", 61),
        ("state-council-2030-carbon-peak-action-plan-2021", 71),
        ("fujian-pollution-carbon-synergy-plan-2022", 34),
        ("jiangsu-carbon-opinions-2022", 44),
        ("shanwei-carbon-peak-plan-2023", 60),
        ("provincial-secretaries-remarks-2021", 31),
    ],
)
def test_clause_counts(ingested: dict[str, NormalisedDocument], doc_id: str, count: int) -> None:
    assert len(list(ingested[doc_id].walk())) == count


def test_chapters_and_articles_of_a_regulation(ingested: dict[str, NormalisedDocument]) -> None:
    mee = ingested["mee-pollution-carbon-synergy-plan-2022"]
    sentences = [line for line in mee.text.split("\n") if line.startswith("(") and len(line) > 40][:5]
    body = [s.split(")", 1)[1] for s in sentences]
    text = "\n".join(
        [
            "减污降碳协同管理办法",
            "第一章　总则",
            f"第一条　{body[0]}",
            f"第二条　{body[1]}",
            "第二章　重点任务",
            f"第三条　{body[2]}",
            f"第四条　{body[3]}",
            "第三条　（重复的条号不是新条文）",
            f"第五条　{body[4]}",
        ]
    )
    doc = _shift(mee, text)
    assert [(c.marker, c.kind, c.title) for c in doc.clauses] == [
        ("第一章", "section", "总则"),
        ("第二章", "section", "重点任务"),
    ]
    articles = [c for c in doc.walk() if c.kind == "item"]
    assert [c.number for c in articles] == ["一", "二", "三", "四", "五"]  # numbered on across chapters
    assert articles[2].id == f"{doc.id}~s2.i3"
    assert "重复的条号" in doc.text[articles[3].start : articles[3].end]
    assert cn_number("一百零二") == 102 and cn_number("一百二十") == 120 and cn_number("一百") == 100

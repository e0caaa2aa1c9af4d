"""Measures of real Chinese clauses: sentence splitting, measure detection, containers, sectors."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from policykg.extract.concepts import clause_concepts
from policykg.extract.measures import (
    CONFIDENCE_CUE,
    CONFIDENCE_VERB,
    EXTRACTOR,
    ancestors,
    extract_measures,
    is_measure,
    is_measure_container,
    measure_sentences,
    sectors_for,
    split_sentences,
)
from policykg.ingest import ingest_file
from policykg.ingest.manifest import load_manifest
from policykg.ingest.model import Clause, NormalisedDocument
from policykg.ontology.concepts import fold_width
from tests.zh.zh_support import normalised_zh

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
SANMING_ID = "sanming-pollution-carbon-synergy-plan-2022"
CENTRAL_ID = "central-opinions-carbon-peak-2021-zh"




def clause(
    doc: NormalisedDocument,
    seg: str,
    marker: str,
    title: str,
    end_marker: str,
    kind: str,
    children: list[Clause] | None = None,
) -> Clause:
    """The clause that starts at `marker + title` and ends where `end_marker` starts."""
    start = doc.text.index(marker + title)
    end = doc.text.index(end_marker, start + 1)
    number = marker.strip("()、")
    return Clause(
        id=f"{doc.id}~{seg}",
        number=number,
        path=tuple(seg.split(".")),
        marker=marker,
        kind=kind,
        depth=seg.count("."),
        title=title,
        start=start,
        end=end,
        body_start=start + len(marker),
        span=doc.span(start, end),
        children=children or [],
    )


@pytest.fixture(scope="module")
def sanming() -> NormalisedDocument:
    doc = normalised_zh("003_e073a84fa08b70e4.txt", SANMING_ID)
    s1 = clause(doc, "s1", "一、", "总体要求", "二、主要目标", "section")
    s2 = clause(doc, "s2", "二、", "主要目标", "三、加强源头防控", "section")
    i2 = clause(doc, "s3.i2", "(二)", "严把生态环境准入关", "(三)推动能源", "item")
    i3 = clause(doc, "s3.i3", "(三)", "推动能源绿色低碳转型", "(四)加快形成", "item")
    s3 = clause(
        doc, "s3", "三、", "加强源头防控,优化绿色发展整体格局", "四、突出重点领域", "section", [i2, i3]
    )
    i5 = clause(doc, "s4.i5", "(五)", "推进工业领域协同增效", "(六)推进交通", "item")
    s4 = clause(doc, "s4", "四、", "突出重点领域,加快绿色低碳转型升级", "五、优化环境治理", "section", [i5])
    i23 = clause(doc, "s8.i23", "(二十三)", "强化组织保障", "(二十四)", "item")
    i24 = clause(doc, "s8.i24", "(二十四)", "强化宣传教育", "(二十五)", "item")
    s8 = clause(doc, "s8", "八、", "加强组织实施", "扫一扫", "section", [i23, i24])
    doc.clauses = [s1, s2, s3, s4, s8]
    return doc


@pytest.fixture(scope="module")
def central() -> NormalisedDocument:
    doc = normalised_zh("cn_central_opinions_carbon_peak_neutrality_2021_zh.txt", CENTRAL_ID)
    i1 = clause(doc, "s1.i1", "(一)", "指导思想", "(二)工作原则", "item")
    i2 = clause(doc, "s1.i2", "(二)", "工作原则", "二、主要目标", "item")
    s1 = clause(doc, "s1", "一、", "总体要求", "二、主要目标", "section", [i1, i2])
    s2 = clause(doc, "s2", "二、", "主要目标", "三、推进经济社会", "section")
    i3 = clause(doc, "s3.i3", "(三)", "强化绿色低碳发展规划引领", "(四)优化", "item")
    s3 = clause(doc, "s3", "三、", "推进经济社会发展全面绿色转型", "四、深度调整", "section", [i3])
    doc.clauses = [s1, s2, s3]
    return doc


def by_id(doc: NormalisedDocument, seg: str) -> Clause:
    return next(c for c in doc.walk() if c.id == f"{doc.id}~{seg}")


# --- sentences ------------------------------------------------------------------------------------
def test_split_sentences_zh():
    text = "积极推进整县屋顶分布式光伏试点,争创国家试点县;支持机关建设屋顶光伏。引导企业向“专精特新”转型。\n(责任单位:市发改委)\n"
    pieces = [text[s:e] for s, e in split_sentences(text, "zh")]
    assert pieces == [
        "积极推进整县屋顶分布式光伏试点,争创国家试点县;",
        "支持机关建设屋顶光伏。",
        "引导企业向“专精特新”转型。",
        "(责任单位:市发改委)",
    ]


def test_split_keeps_a_closing_quote_with_its_sentence():
    text = "提出“推进碳达峰。”然后开展试点。"
    assert [text[s:e] for s, e in split_sentences(text, "zh")] == ["提出“推进碳达峰。”", "然后开展试点。"]


# --- is_measure -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "坚决遏制高耗能、高排放、低水平项目盲目发展。",
        "以交通、工业、农业、建筑、餐饮、旅游等领域为重点,加快推进电能替代。",
        "“十四五”期间,按照国家、省减污降碳协同管控试点工作,探索开展重点县(市、区)、产业园区、企业减污降碳协同度评价,引导各地区优化协同管理机制。",
        "各地区要准确把握自身发展定位,结合本地区经济社会发展实际和资源环境禀赋,坚持分类施策、因地制宜、上下联动,梯次有序推进碳达峰。",
        "大气污染防治重点区域严禁新增钢铁、焦化、炼油、电解铝、水泥、平板玻璃(不含光伏玻璃)等产能。",
        "在城乡规划建设管理各环节全面落实绿色低碳要求。",
    ],
)
def test_measure_sentences_from_the_corpus(sentence: str):
    corpus = "".join(fold_width(p.read_text("utf-8")) for p in DOCS.glob("*_zh.txt")) + (
        DOCS / "003_e073a84fa08b70e4.txt"
    ).read_text("utf-8")
    assert sentence in corpus
    assert is_measure(sentence, "zh")


@pytest.mark.parametrize(
    "sentence",
    [
        "到2025年,非化石能源消费比重完成省上下达目标,新能源和可再生能源装机占比达到省上要求。",
        "工业是产生碳排放的主要领域之一,对全国整体实现碳达峰具有重要影响。",
        "实现碳达峰、碳中和,是以习近平同志为核心的党中央统筹国内国际两个大局作出的重大战略决策,是着力解决资源环境约束突出问题、实现中华民族永续发展的必然选择,是构建人类命运共同体的庄严承诺。",
        "(责任单位:市生态环境局、发改委、工信局、商务局、水利局、市场监管局等按职责分工负责)",
        "石油消费“十五五”时期进入峰值平台期。",
    ],
)
def test_non_measure_sentences_from_the_corpus(sentence: str):
    corpus = "".join(fold_width(p.read_text("utf-8")) for p in DOCS.glob("*_zh.txt")) + (
        DOCS / "003_e073a84fa08b70e4.txt"
    ).read_text("utf-8")
    assert sentence in corpus
    assert not is_measure(sentence, "zh")


# --- containers -----------------------------------------------------------------------------------
def test_central_opinions_guiding_ideology_is_not_a_measure_container(central: NormalisedDocument):
    guiding = by_id(central, "s1.i1")
    assert guiding.title == "指导思想"
    assert not is_measure_container(guiding, central)
    assert measure_sentences(guiding, central) == []  # although it is full of verbs
    assert not is_measure_container(by_id(central, "s1.i2"), central)  # 工作原则
    assert not is_measure_container(by_id(central, "s2"), central)  # 主要目标, a leaf section
    assert not is_measure_container(by_id(central, "s3"), central)  # not a leaf
    assert is_measure_container(by_id(central, "s3.i3"), central)


def test_central_opinions_clause_3_measures(central: NormalisedDocument):
    clause3 = by_id(central, "s3.i3")
    assert [central.text[s:e] for s, e, _ in measure_sentences(clause3, central)] == [
        "将碳达峰、碳中和目标要求全面融入经济社会发展中长期规划,强化国家发展规划、国土空间规划、专项规划、区域规划和地方各级规划的支撑保障。",
        "加强各级各类规划间衔接协调,确保各地区各领域落实碳达峰、碳中和的主要目标、发展方向、重大政策、重大工程等协调一致。",
    ]


def test_sanming_framing_and_organisation_parts_are_not_containers(sanming: NormalisedDocument):
    assert not is_measure_container(by_id(sanming, "s1"), sanming)  # 总体要求
    assert not is_measure_container(by_id(sanming, "s2"), sanming)  # 主要目标
    organisation = by_id(sanming, "s8.i23")
    assert [a.title for a in ancestors(organisation, sanming)] == ["加强组织实施"]
    assert not is_measure_container(organisation, sanming)
    assert not is_measure_container(by_id(sanming, "s8.i24"), sanming)
    assert is_measure_container(by_id(sanming, "s3.i2"), sanming)


# --- measures of real Sanming clauses -------------------------------------------------------------
def test_sanming_clause_2_has_five_measures(sanming: NormalisedDocument):
    clause2 = by_id(sanming, "s3.i2")
    measures = extract_measures(clause2, sanming)
    assert [m.text for m in measures] == [
        "坚决遏制高耗能、高排放、低水平项目盲目发展。",
        "严格淘汰落后产能,推动经济绿色低碳高质量发展。",
        "新改扩建钢铁、水泥、有色金属、化工等高耗能高排放项目,要严格落实国家、省、市有关规划和政策要求,"
        "采取先进适用的工艺技术和装备,提升高耗能项目能耗准入标准,能耗、物耗、水耗要达到清洁生产先进水平。",
        "明确工业园区产业布局和产业发展方向,高起点设定项目准入类别,引导企业向“专精特新”转型。",
        "不断完善工业园区基础设施建设,持续加强环境治理。",
    ]
    assert [m.id for m in measures] == [f"{SANMING_ID}~s3.i2.m{n}" for n in range(1, 6)]
    assert all(m.clause_id == f"{SANMING_ID}~s3.i2" for m in measures)
    # the third is found by its modal ("…项目,要严格落实…"), the others by their opening verb
    assert [m.provenance.confidence for m in measures] == [
        CONFIDENCE_VERB,
        CONFIDENCE_VERB,
        CONFIDENCE_CUE,
        CONFIDENCE_VERB,
        CONFIDENCE_VERB,
    ]
    assert measures[0].concepts == ["two_high_projects"]
    assert measures[1].concepts == ["outdated_capacity", "high_quality_development"]
    for m in measures:
        assert m.provenance.extractor == EXTRACTOR
        assert sanming.quote(m.provenance.span) == m.text


def test_sanming_clause_5_has_eight_measures_the_last_one_ccus(sanming: NormalisedDocument):
    clause5 = by_id(sanming, "s4.i5")
    measures = extract_measures(clause5, sanming)
    assert len(measures) == 8
    texts = [m.text for m in measures]
    assert "到2025年和2030年,短流程炼钢占比达到省上要求。" not in texts  # a target, not an action
    assert "推进工业领域协同增效。" not in texts  # the heading
    last = measures[-1]
    assert last.id == f"{SANMING_ID}~s4.i5.m8"
    assert last.text == "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
    assert last.concepts == ["steel", "cement", "coal_power", "petrochemical", "ccus"]
    assert last.sectors == ["industry", "energy", "technology"]


def test_sanming_clause_3_semicolon_pieces_are_measures(sanming: NormalisedDocument):
    clause3 = by_id(sanming, "s3.i3")
    texts = [sanming.text[s:e] for s, e, _ in measure_sentences(clause3, sanming)]
    assert len(texts) == 9
    assert texts[2:4] == [
        "积极推进整县屋顶分布式光伏试点,争创国家试点县;",
        "支持机关、学校、医院、工业园区、大型商场、交通场站等建设屋顶太阳能光伏分布式发电;",
    ]


def test_heading_counts_when_the_body_has_no_measure():
    doc = normalised_zh("003_e073a84fa08b70e4.txt", SANMING_ID)
    # a clause whose body is only its responsible units: the heading is the measure
    start = doc.text.index("(二十)建全减污降碳协同管理。")
    body = start + len("(二十)")
    end = doc.text.index("衔接总量控制", start)
    heading_only = Clause(
        id=f"{SANMING_ID}~s7.i20",
        number="二十",
        path=("七", "二十"),
        marker="(二十)",
        kind="item",
        depth=1,
        title="建全减污降碳协同管理",
        start=start,
        end=end,
        body_start=body,
        span=doc.span(start, end),
    )
    doc.clauses = [heading_only]
    assert [doc.text[s:e] for s, e, _ in measure_sentences(heading_only, doc)] == ["建全减污降碳协同管理。"]


# --- sectors --------------------------------------------------------------------------------------
def test_sectors_for():
    assert sectors_for(["ccus", "steel", "cement", "no-such-concept", "hydrogen"]) == [
        "technology",
        "industry",
        "energy",
    ]
    assert sectors_for([]) == []


def test_enumerated_points_of_the_secretaries_remarks():
    """Seed 002 numbers the points of a speech "一是:…" / "八要…"; the enumerator is not the verb."""
    t2s = opencc.OpenCC("t2s")
    remarks = (DOCS / "002_40244c0166258a0d.txt").read_text("utf-8")
    assert "一是:提高站位。" in remarks
    assert is_measure("一是:提高站位。", "zh")
    raw = "八要積極推廣綠色建筑,"  # the text goes on with inline pinyin, which ingest strips
    assert raw in remarks
    assert is_measure(t2s.convert(raw), "zh")
    assert not is_measure("一是:", "zh")


# --- through the real ingest stage ----------------------------------------------------------------
def ingested(name: str) -> NormalisedDocument:
    path = (DOCS / name).resolve()
    return ingest_file(path, load_manifest()[str(path)])


def titled(doc: NormalisedDocument, title: str) -> Clause:
    return next(c for c in doc.walk() if c.title == title)


def test_ingested_sanming_clauses_give_the_same_measures(sanming: NormalisedDocument):
    doc = ingested("003_e073a84fa08b70e4.txt")
    for title in ("严把生态环境准入关", "推进工业领域协同增效"):
        expected = [m.text for m in extract_measures(titled(sanming, title), sanming)]
        got = extract_measures(titled(doc, title), doc)
        assert [m.text for m in got] == expected
        assert all(doc.quote(m.provenance.span) == m.text for m in got)
    assert len(expected) == 8
    assert not is_measure_container(titled(doc, "强化组织保障"), doc)


def test_ingested_central_opinions_guiding_ideology_and_clause_21():
    doc = ingested("cn_central_opinions_carbon_peak_neutrality_2021_zh.txt")
    assert not is_measure_container(titled(doc, "指导思想"), doc)
    clause21 = titled(doc, "加快先进适用技术研发和推广")
    ccus = [m for m in clause_concepts(doc, clause21) if m.concept_id == "ccus"]
    assert [doc.quote(m.provenance.span) for m in ccus] == ["碳捕集利用与封存"]


def test_ingested_shanwei_ccus_spans_point_into_the_traditional_original():
    doc = ingested("004_a38210081867983d.txt")
    clause33 = titled(doc, "开展低碳科技创新示范")  # 開展低碳科技創新示範, normalised
    ccus = [m for m in clause_concepts(doc, clause33) if m.concept_id == "ccus"]
    assert [doc.quote(m.provenance.span) for m in ccus] == [
        "二氧化碳捕集利用和封存",
        "二氧化碳捕集利用與封存",
        "CCUS",
    ]
    measures = extract_measures(clause33, doc)
    assert len(measures) == 2
    assert doc.quote(measures[1].provenance.span).startswith(
        "鼓勵在二氧化碳捕集利用和封存等低碳技術領域的自主創新"
    )
    assert measures[1].concepts[0] == "ccus"

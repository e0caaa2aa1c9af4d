"""Which measures a responsibility list answers for, where a clause has several lists (extract/unit_scope.py),
and the sentence a paragraph opens with where the layout joined it to the list closing the paragraph before
(extract/sentences.py). The documents are `tune` documents of the real corpus (tests/keys/split.toml).
"""

from __future__ import annotations

import pytest

from policykg.extract.document import extract_document
from policykg.extract.model import ClauseFacts
from policykg.extract.sentences import split_sentences
from tests.ingest.real_packs import read_real

DEZHOU = "dezhou-shisiwu-shengtai-huanjingbaohu-guihua-2022-7865"


@pytest.fixture(scope="module")
def dezhou() -> dict[str, ClauseFacts]:
    """451、德州市“十四五”生态环境保护规划: task sections of paragraphs, each closed by its own list."""
    return extract_document(read_real("451")).clauses


def _covers(facts: ClauseFacts) -> dict[str, tuple[str, ...]]:
    """unit's name as written, where the clause first names it in a list → the measures (m-numbers) that list covers."""
    out: dict[str, tuple[str, ...]] = {}
    for u in facts.units:
        if u.role != "mentioned":
            out.setdefault(u.surface, tuple(m.rsplit(".", 1)[1] for m in u.covers))
    return out


def test_each_paragraphs_list_answers_for_that_paragraph(dezhou: dict[str, ClauseFacts]) -> None:
    # 四/第二节 加强温室气体排放控制: the CCUS demonstration (m4) is the first paragraph's, closed by
    # "（责任单位：市生态环境局、市工业和信息化局）"; transport's units answer for the transport paragraph only
    facts = dezhou[f"{DEZHOU}~s4.i2"]
    ccus = next(m for m in facts.measures if "二氧化碳捕集、利用与封存" in m.text)
    assert ccus.id.endswith(".m4") and "ccus" in ccus.concepts
    covers = _covers(facts)
    assert covers["市生态环境局"] == covers["市工业和信息化局"] == ("m1", "m2", "m3", "m4", "m5")
    assert covers["市交通运输局"] == ("m6", "m7", "m8", "m9")
    answering = {u.surface for u in facts.units if ccus.id in u.covers}
    assert answering == {"市生态环境局", "市工业和信息化局"}


def test_a_list_of_lead_and_support_keys_is_one_list(dezhou: dict[str, ClauseFacts]) -> None:
    # 四/第三节: "（牵头单位：市生态环境局；配合单位：市发展改革委、…）" covers its paragraph for every unit in it
    facts = dezhou[f"{DEZHOU}~s4.i3"]
    leads = [u for u in facts.units if u.role == "lead"]
    supports = [u for u in facts.units if u.role == "support" and u.provenance.span.start < leads[1].provenance.span.start]
    assert leads[0].surface == "市生态环境局" and leads[0].covers
    assert all(u.covers == leads[0].covers for u in supports)


def test_the_paragraph_after_a_joined_list_is_read(dezhou: dict[str, ClauseFacts]) -> None:
    # 三/第四节: "…全覆盖。（市发展改革委、市住房城乡建设局等按职责分工负责）推进新能源汽车使用，…" — the layout joined
    # the two paragraphs; the sentence after the list is a measure, and that list's
    facts = dezhou[f"{DEZHOU}~s3.i4"]
    vehicles = next(m for m in facts.measures if m.text.startswith("推进新能源汽车使用"))
    assert {u.surface for u in facts.units if vehicles.id in u.covers} == {
        "市国资委", "市机关事务保障中心", "市交通运输局", "市城管局", "市邮政管理局", "市财政局"}
    hydrogen = next(m for m in facts.measures if m.text.startswith("加快加氢站、充电桩布局"))
    assert {u.surface for u in facts.units if hydrogen.id in u.covers} == {"市发展改革委", "市住房城乡建设局"}


def test_a_note_in_brackets_after_a_sentence_end_is_a_piece_of_its_own() -> None:
    text = ("到 2025 年，实现重要交通枢纽、物流园区等全覆盖。（市发展改革委、市住房城乡建设局等按职责分工负责）推进新能源"
            "汽车使用，公共领域新增或更新公交、出租、物流配送等车辆 100%为新能源或清洁能源汽车。（牵头单位：市生态环境局；"
            "配合单位：市公安局）（一）加强机动车排放监管。")
    assert [text[s:e] for s, e in split_sentences(text, "zh")] == [
        "到 2025 年，实现重要交通枢纽、物流园区等全覆盖。", "（市发展改革委、市住房城乡建设局等按职责分工负责）",
        "推进新能源汽车使用，公共领域新增或更新公交、出租、物流配送等车辆 100%为新能源或清洁能源汽车。",
        "（牵头单位：市生态环境局；配合单位：市公安局）", "（一）加强机动车排放监管。"]


def test_a_list_opening_its_sentence_covers_it() -> None:
    # 205、浙江省关于严格能效约束推动重点领域节能降碳的实施方案, 三/(一)/1: "由省发展改革委牵头指导…" opens the sentence
    # it assigns; the list closing the paragraph covers the sentence after it
    facts = extract_document(read_real("205")).clauses["zhejiang-yange-nengxiao-yueshu-zhongdian-2022-0488~s3.i1.p1"]
    first = facts.measures[0]
    assert {u.surface for u in facts.units if first.id in u.covers} == {"省发展改革委", "省经信厅"}
    assert all(len(u.covers) == 1 for u in facts.units if u.role != "mentioned")


def _covering(facts: ClauseFacts, start: str) -> set[str]:
    """The units (as written) whose list covers the clause's measure starting with `start`."""
    measure = next(m for m in facts.measures if m.text.startswith(start))
    return {u.surface for u in facts.units if measure.id in u.covers}


def test_a_section_ending_in_a_box_scopes_its_paragraphs(dezhou: dict[str, ClauseFacts]) -> None:
    # 十/第五节 强化生态环境科技支撑: three paragraphs, each closed by its list, then "…)专栏8:生态环境治理能力提升
    # 重点工程" whose projects ("一、…工程", "(1)…项目") are the section's children: each list covers its paragraph
    facts = dezhou[f"{DEZHOU}~s10.i5"]
    assert facts.is_measure_container and len(facts.measures) == 14
    covers = {(u.surface, u.role): u.covers for u in facts.units if u.role != "mentioned"}
    assert [m.rsplit(".", 1)[1] for m in covers[("市财政局", "support")]] == ["m1", "m2", "m3", "m4"]
    assert _covering(facts, "开展生态环境重点领域科技攻关") == {"市科技局", "市生态环境局"}
    assert _covering(facts, "积极利用好京津地区一流院校科研优势") == {"市发展改革委", "市科技局", "市生态环境局"}
    assert not any("专栏" in m.text for m in facts.measures)


def test_a_boxs_text_is_no_paragraph_of_its_section(dezhou: dict[str, ClauseFacts]) -> None:
    # 四/第四节 强化应对气候变化管理: the box "专栏2:应对气候变化重大工程 / 加强温室气体排放控制工程:" opens in the
    # section's text before its numbered projects; the second list covers the co-control paragraph, not the box
    facts = dezhou[f"{DEZHOU}~s4.i4"]
    assert _covering(facts, "推动应对气候变化管理融入生态环境管理体系") == {
        "市生态环境局", "市发展改革委", "市工业和信息化局", "市财政局"}
    assert _covering(facts, "制定工业、农业温室气体和污染减排协同控制方案") == {"市生态环境局", "市城管局", "市农业农村局"}
    assert not any(m.text.startswith("加强温室气体排放控制工程") for m in facts.measures)
    assert all(u.covers for u in facts.units if u.role != "mentioned")


def test_five_paragraphs_before_a_box_each_have_their_list(dezhou: dict[str, ClauseFacts]) -> None:
    # 五/第七节 (noise), closed by "专栏3:大气及噪声污染防治工程": traffic noise is 市公安局's lead paragraph
    facts = dezhou[f"{DEZHOU}~s5.i7"]
    assert len({u.list_span for u in facts.units if u.role != "mentioned"}) == 5
    assert _covering(facts, "规范机动车鸣笛管理") == {"市公安局", "市生态环境局", "市交通运输局"}
    assert _covering(facts, "减少工业噪声排放") == {"市生态环境局", "市审批服务局"}

"""Normalisation of the real documents: pinyin, mojibake, scripts, Taiwan variants, folding, offsets."""

from __future__ import annotations

from policykg.ingest import ingest_file
from policykg.ingest.fold import fold
from policykg.ingest.manifest import bundled_texts, load_manifest
from policykg.ingest.model import NormalisedDocument, Script

REMARKS = "provincial-secretaries-remarks-2021"
SHANWEI = "shanwei-carbon-peak-plan-2023"


def notes(doc: NormalisedDocument, kind: str):  # type: ignore[no-untyped-def]
    return [n for n in doc.notes if n.kind == kind]


def test_inline_pinyin_is_removed_and_counted(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested[REMARKS]
    removed = notes(doc, "pinyin_removed")
    assert len(removed) == 1 and removed[0].count == 2018
    assert doc.original.count("達(dá)到") > 0
    assert "(dá)" not in doc.text.replace("_(dá)", "")  # only the annotation inside a garbled stretch stays
    i = doc.text.index("达到碳达峰")
    assert doc.quote(doc.span(i, i + 2)) == "達(dá)到"
    assert doc.quote(doc.span(i, i + 1)) == "達"
    assert doc.text.startswith(
        "我国在2020年9月向世界郑重承诺:中国二氧化碳的排放力争在2030年前达到碳达峰,努力争取在2060年前实现碳中和"
    )


def test_four_mojibake_stretches_are_flagged_not_changed(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested[REMARKS]
    flagged = [doc.quote(n.span) for n in notes(doc, "mojibake")]
    assert flagged == ["?qū)嵤┨歼_(dá)", "?shù)戎攸c(diǎn)", "?zé)崛龒{", "?;s"]
    assert doc.original.count("有序?qū)嵤┨歼_(dá)峰碳中和山西行動") == 1
    assert "有序?qū)嵤┨歼_(dá)峰碳中和山西行动" in doc.text  # left in place, only flagged
    for other in ingested.values():
        if other.id != REMARKS:
            assert notes(other, "mojibake") == []


def test_traditional_text_becomes_simplified(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested[REMARKS]
    assert doc.metadata.script == Script.HANT
    assert "碳达峰" in doc.text and "碳達峰" not in doc.text
    t2s = notes(doc, "t2s")
    assert t2s and t2s[0].count > 3000
    scripts = {s for _, s in doc.paragraph_scripts}
    assert scripts == {Script.HANT}
    first_span, _ = doc.paragraph_scripts[0]
    assert doc.quote(first_span).startswith("我國在2020年9月向世界鄭重承諾")


def test_taiwan_variants_become_mainland_terms_with_spans_on_the_original(
    ingested: dict[str, NormalisedDocument],
) -> None:
    doc = ingested[SHANWEI]
    assert "最佳化" not in doc.text and "最佳化" in doc.original
    assert doc.original.count("最佳化") == 9
    i = doc.text.index("推动产业结构优化升级")
    spot = doc.span(i + 6, i + 8)  # 优化
    assert doc.quote(spot) == "最佳化"
    assert doc.quote(doc.span(i + 6, i + 7)) == "最佳化"  # a replaced word never splits
    assert doc.quote(doc.span(i, i + 10)) == "推動產業結構最佳化升級"
    for variant, mainland in [
        ("網際網路", "互联网"),
        ("數位化", "数字化"),
        ("智慧型", "智能"),
        ("人工智慧", "人工智能"),
        ("計程車", "出租车"),
        ("公車", "公交车"),
        ("運算", "计算"),
        ("套用", "应用"),
    ]:
        assert variant in doc.original, variant
        assert mainland in doc.text, mainland
    assert "网际网路" not in doc.text and "计程车" not in doc.text and "套用" not in doc.text
    assert "推动互联网、大数据、人工智能等与汽车制造" in doc.text  # longest match: 網際網路, not 網路
    assert "新能源公交车和出租车实现城乡全覆盖" in doc.text
    assert "通信、计算、存储" in doc.text
    by_variant = {n.message.split(" → ")[0]: n for n in notes(doc, "variant")}
    assert by_variant["最佳化"].count == 9 and doc.quote(by_variant["最佳化"].span) == "最佳化"
    assert by_variant["套用"].count == 13


def test_simplified_documents_are_left_alone_by_the_variant_table(
    ingested: dict[str, NormalisedDocument],
) -> None:
    for doc in ingested.values():
        if doc.metadata.script == Script.HANS:
            assert notes(doc, "variant") == [] and notes(doc, "t2s") == []


def test_full_width_forms_fold_one_to_one(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["miit-industry-carbon-peak-plan-2022"]
    assert len(doc.text) == len(doc.original)
    assert all(fold(o) == t for o, t in zip(doc.original, doc.text, strict=True))
    assert "（" not in doc.text and "，" not in doc.text and "：" not in doc.text
    assert "(国家发展改革委、工业和信息化部、生态环境部等按职责分工负责)" in doc.text
    for kept in "、。《》“”":
        assert kept in doc.text
    plan = ingested["state-council-2030-carbon-peak-action-plan-2021"]
    assert "(国发〔2021〕23号)" in plan.text and "〔" in plan.text  # 〔〕 are not ASCII forms
    assert "“互联网+”回收模式" in plan.text  # ＋ → +


def test_offsets_point_back_into_the_original(ingested: dict[str, NormalisedDocument]) -> None:
    for doc in ingested.values():
        assert len(doc.offsets) == len(doc.text)
        assert doc.offsets.original_length == len(doc.original)
        starts, ends = doc.offsets.starts, doc.offsets.ends
        assert all(0 <= s < e <= len(doc.original) for s, e in zip(starts, ends, strict=True))
        assert all(a <= b for a, b in zip(starts, starts[1:], strict=False))


def test_ids_and_hashes(ingested: dict[str, NormalisedDocument], ingested_without_manifest) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    doc = ingested["sanming-pollution-carbon-synergy-plan-2022"]
    assert doc.slug == doc.id
    assert doc.content_hash == hashlib.sha256(doc.text.encode()).hexdigest()
    raw = (bundled_texts()[3]).read_bytes()
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    plain = ingested_without_manifest["003_e073a84fa08b70e4.txt"]
    # without a manifest: region, romanised title words, year and the file's hash
    assert plain.id == "sanming-jianwujiang-tan-xietong-zengxiao-2022-5bb6"
    assert plain.id.endswith(plain.sha256[:4])
    assert plain.content_hash == doc.content_hash


def test_file_names_do_not_make_the_id(tmp_path, ingested: dict[str, NormalisedDocument]) -> None:  # type: ignore[no-untyped-def]
    doc = ingested[SHANWEI]
    ids = set()
    for name in ("汕尾市碳達峰實施方案.txt", "shanwei.txt"):
        copy = tmp_path / name
        copy.write_bytes(doc.original.encode("utf-8"))
        again = ingest_file(copy)
        assert again.content_hash == doc.content_hash
        ids.add(again.id)
    assert ids == {"shanwei-tandafeng-shishifangan-2023-dd22"}


def test_boilerplate_lines_are_dropped_from_the_text_only(ingested: dict[str, NormalisedDocument]) -> None:
    en = ingested["central-opinions-carbon-peak-2021-en"]
    assert "CONTACT US" in en.original and "CONTACT US" not in en.text
    assert "Your current location" not in en.text and "在线客服" not in en.text
    assert en.text.lstrip().startswith("Opinions of the CPC Central Committee")
    dropped = [en.quote(n.span) for n in notes(en, "boilerplate")]
    assert dropped[0] == "Your current location:Home >News > Industry news"
    beauty = ingested["central-opinions-beautiful-china-2023-en"]
    for furniture in ("[\xa0BACK\xa0]", "Scan it", "Mobile version", "Copyright(C)2024"):
        assert furniture in beauty.original and furniture.replace("\xa0", " ") not in beauty.text
    shanwei = ingested[SHANWEI]
    assert "相关词条" not in shanwei.text and "联络我们" not in shanwei.text
    sanming = ingested["sanming-pollution-carbon-synergy-plan-2022"]
    assert "扫一扫在手机上查看当前页面" not in sanming.text
    assert sanming.text.rstrip().endswith("逐步形成体现减污降碳协同增效要求的生态环境考核体系。")


def test_the_whole_corpus_normalises_deterministically(
    ingested: dict[str, NormalisedDocument],
) -> None:
    """Normalising again gives the same documents. (Its speed is measured by bench/run.py.)"""
    manifest = load_manifest()
    files = bundled_texts()
    assert len(files) == 11
    docs = [ingest_file(f, manifest.get(str(f))) for f in files]
    assert sum(f.stat().st_size for f in files) > 350_000
    assert [d.content_hash for d in docs] == [ingested[d.id].content_hash for d in docs]  # deterministic

"""The manifest loader, the `inspect` rendering, and the offset-map machinery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.errors import ConfigurationError
from policykg.ingest.inspect import as_json, render
from policykg.ingest.manifest import bundled_texts, load_manifest
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.textmap import Edit, TrackedText, apply_edits


def test_manifest_entries_are_keyed_by_absolute_path(corpus_dir: Path) -> None:
    manifest = load_manifest()
    assert len(manifest) == 11
    key = str((corpus_dir / "003_e073a84fa08b70e4.txt").resolve())
    entry = manifest[key]
    assert (entry.id, entry.level, entry.region, entry.issued) == (
        "sanming-pollution-carbon-synergy-plan-2022",
        "municipal",
        "CN-FJ-Sanming",
        "2022-12-13",
    )
    assert entry.issuers[0] == "三明市生态环境局" and len(entry.issuers) == 7
    en = manifest[str((corpus_dir / "000_57f19195af4d3e85.txt").resolve())]
    assert (en.language, en.script, en.work, en.doc_number) == (
        "en",
        "en",
        "central-opinions-carbon-peak-2021",
        "中发〔2021〕36号",
    )
    assert en.title_zh == "中共中央、国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见"
    files = bundled_texts()
    assert [str(f) for f in files] == sorted(manifest)
    assert all(f.is_absolute() for f in files)


def test_malformed_manifests_are_configuration_errors(tmp_path: Path) -> None:
    cases = {
        "slash.toml": '[[document]]\nid = "a/b"\nfile = "x.txt"\ntitle = "t"\n',
        "level.toml": '[[document]]\nid = "a"\nfile = "x.txt"\ntitle = "t"\nlevel = "galactic"\n',
        "twice.toml": '[[document]]\nid = "a"\nfile = "x.txt"\ntitle = "t"\n[[document]]\nid = "a"\nfile = "y.txt"\ntitle = "u"\n',
        "broken.toml": "[[document]\nid = ",
    }
    for name, body in cases.items():
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        with pytest.raises(ConfigurationError):
            load_manifest(path)
    ok = tmp_path / "ok.toml"
    ok.write_text(
        '[[document]]\nid = "a"\nfile = "docs/x.txt"\ntitle = "t"\nissued = 2022-12-13\n', encoding="utf-8"
    )
    entry = load_manifest(ok)[str((tmp_path / "docs" / "x.txt").resolve())]
    assert (entry.work, entry.issued, entry.language) == ("a", "2022-12-13", "zh")


def test_render_shows_metadata_tree_and_notes(ingested: dict[str, NormalisedDocument]) -> None:
    text = render(ingested["provincial-secretaries-remarks-2021"])
    assert "title      31省市省委書記關於碳達峰、碳中和的部分講話和心得" in text
    assert (
        "01. 北京市  [provincial-secretaries-remarks-2021~r1]  date=2021-05-29 province=北京市 region=CN-BJ speaker=蔡奇"
        in text
    )
    assert "pinyin_removed ×2018" in text
    assert text.count("mojibake:") == 4
    sanming = render(ingested["sanming-pollution-carbon-synergy-plan-2022"])
    assert "    (一) 强化生态环境分区管控  [sanming-pollution-carbon-synergy-plan-2022~s3.i1]" in sanming
    assert "《关于印发减污降碳协同增效实施方案的通知》  环综合〔2022〕42号  by 生态环境部等七部门" in sanming


def test_as_json_round_trips(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["shanwei-carbon-peak-plan-2023"]
    data = json.loads(json.dumps(as_json(doc), ensure_ascii=False))
    assert data["id"] == doc.id and data["metadata"]["region"] == "CN-GD-Shanwei"
    section = data["clauses"][1]
    assert (section["marker"], section["title"], len(section["children"])) == ("二、", "重点任务", 12)
    assert section["children"][0]["children"][0]["id"] == "shanwei-carbon-peak-plan-2023~s2.i1.p1"
    variants = {n["message"] for n in data["notes"] if n["kind"] == "variant"}
    assert "最佳化 → 优化" in variants


# --- offset maps --------------------------------------------------------------------------------------
def test_edits_map_replacements_to_whole_words() -> None:
    text, step = apply_edits("推動產業結構最佳化升級", [Edit(6, 9, "优化")])
    assert text == "推動產業結構优化升級"
    assert step.to_original(6, 8) == (6, 9) and step.to_original(7, 8) == (6, 9)
    assert step.to_original(8, 10) == (9, 11)
    text, step = apply_edits("達(dá)到", [Edit(1, 5, "")])
    assert text == "達到" and step.to_original(0, 2) == (0, 6) and step.to_original(1, 2) == (5, 6)
    with pytest.raises(ValueError):
        apply_edits("碳达峰", [Edit(1, 1, "x")])


@st.composite
def edited(draw):  # type: ignore[no-untyped-def]
    text = draw(st.text(alphabet="碳达峰ab(á)\n ", min_size=0, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        edits.append(Edit(a, b, draw(st.text(alphabet="优化xy", max_size=3)) if b > a else ""))
    return text, edits


@given(edited(), edited())
def test_composed_maps_stay_inside_the_original(first, second) -> None:  # type: ignore[no-untyped-def]
    text, edits = first
    tracked = TrackedText(text)
    tracked.apply(edits)
    _, more = second
    more = [e for e in more if e.end <= len(tracked.text)]
    tracked.apply(more)
    offsets = tracked.offsets()
    assert len(offsets) == len(tracked.text) and offsets.original_length == len(text)
    for i in range(len(tracked.text)):
        s, e = offsets.to_original(i, i + 1)
        assert 0 <= s <= e <= len(text)
    unchanged = not edits and not more
    if unchanged:
        assert tracked.text == text and all(
            offsets.to_original(i, i + 1) == (i, i + 1) for i in range(len(text))
        )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("網際網路普及", "互联网普及"),
        ("碳达峰", "碳达峰值"),
        ("碳达峰", "新碳达峰"),
        ("推動產業結構最佳化升級", "推动产业结构优化升级"),
        ("ab", "xaby"),
    ],
)
def test_alignment_edits_rebuild_the_new_text(old: str, new: str) -> None:
    from policykg.ingest.script import align_edits

    text, step = apply_edits(old, align_edits(old, new))
    assert text == new
    assert all(0 <= s < e <= len(old) for s, e in zip(step.starts, step.ends, strict=True))

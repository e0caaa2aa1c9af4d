"""The synthetic scale corpus of bench/generate.py: reproducible, and a small one builds with its links."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

from policykg.ontology import vocab as v
from policykg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    return module


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    gen = _generator()
    gen.generate(100, 7, tmp_path / "a")
    gen.generate(100, 7, tmp_path / "b")
    gen.generate(100, 8, tmp_path / "c")
    a, b, c = (_digest(tmp_path / x) for x in "abc")
    assert len(a) == 101  # 100 documents and the manifest
    assert a == b
    assert a != c
    names = sorted(a)
    # the three levels and the three scripts are all present
    assert any("_central_CN_zh-Hans" in n for n in names)
    assert any("_provincial_" in n and n.endswith("_en.txt") for n in names)
    assert any("_municipal_" in n and n.endswith("_zh-Hant.txt") for n in names)


def test_city_plan_cites_its_provinces_plan_which_cites_a_central_plan(tmp_path: Path) -> None:
    gen = _generator()
    gen.generate(20, 7, tmp_path)
    fuzhou = (tmp_path / "documents" / "00007_municipal_CN-FJ-Fuzhou_zh-Hans.txt").read_text(encoding="utf-8")
    fujian = (tmp_path / "documents" / "00005_provincial_CN-FJ_zh-Hans.txt").read_text(encoding="utf-8")
    assert fuzhou.splitlines()[6] == "福州市碳达峰实施方案"
    assert "《福建省碳达峰实施方案》(闽政发〔2022〕10号)" in fuzhou.splitlines()[7]
    assert fujian.splitlines()[1] == "闽政发〔2022〕10号"
    assert "《全国碳达峰实施方案》(国发〔2021〕100号)" in fujian.splitlines()[7]


@pytest.mark.timeout(300)
def test_generated_corpus_builds_with_links_between_levels(tmp_path: Path) -> None:
    from policykg.graph.store import open_store
    from policykg.pipeline import build

    gen = _generator()
    paths = gen.generate(20, 7, tmp_path / "corpus", (2, 3))  # short documents: a fast build
    settings = Settings(store=str(tmp_path / "store"))
    summary = build(paths, settings)
    assert summary.ok == 20
    assert summary.links > 0
    with open_store(settings) as store:
        rows = store.select(
            v.SPARQL_PREFIXES
            + """
            SELECT DISTINCT ?low ?high ?relation WHERE {
              ?l a pkg:DocumentLink ; pkg:source ?src ; pkg:target ?tgt ; pkg:relation ?relation .
              ?src pkg:level ?low . ?tgt pkg:level ?high .
            }"""
        )
        levels = {(r["low"], r["high"]) for r in rows}
        assert ("municipal", "provincial") in levels
        assert ("provincial", "central") in levels
        clause_links = store.select(
            v.SPARQL_PREFIXES
            + """
            SELECT DISTINCT ?low ?high WHERE {
              ?l a pkg:ClauseLink ; pkg:source ?s ; pkg:target ?t .
              ?s pkg:document ?sd . ?t pkg:document ?td .
              ?sd pkg:level ?low . ?td pkg:level ?high .
            }"""
        )
        assert ("municipal", "provincial") in {(r["low"], r["high"]) for r in clause_links}

        # the researcher queries cache their answers per store generation: a write is seen at once
        from policykg.graph.queries import Queries

        queries = Queries(store)
        hits = queries.search("碳", limit=500)
        assert hits == queries.search("碳", limit=500)
        fuzhou = next(o.document for o in summary.outcomes if Path(o.path).stem == "00007_municipal_CN-FJ-Fuzhou_zh-Hans")
        assert fuzhou is not None and fuzhou.startswith("fuzhou-")  # named from its region and title
        assert fuzhou in {h["document"] for h in hits}
        store.remove_graph(v.graph_iri(fuzhou))
        assert fuzhou not in {h["document"] for h in queries.search("碳", limit=500)}

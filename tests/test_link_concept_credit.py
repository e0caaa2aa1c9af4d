"""Clauses facing abroad (trade, the Belt and Road, international cooperation) and the measures they carry out.

The central opinions' (二十五) and the 2030 plan's 四/二 list green technology, green equipment and clean energy
as what China shares abroad; a measure naming one of them at home met them first on concept credit alone.
Such a clause counts half for a measure that names nothing abroad (docs/linking.md, §3 and §8).
"""

from __future__ import annotations

import pytest

from policykg.evaluate import bundled_corpus, extract_key_documents
from policykg.link import link_corpus
from policykg.link.clauses import _ABROAD, _OUTWARD
from policykg.link.headings import headings
from policykg.link.key import find_quote

CENTRAL = "central-opinions-carbon-peak-2021-zh"
PLAN = "state-council-2030-carbon-peak-action-plan-2021"
BEIHAI = "358、北海市关于加快建立健全绿色低碳循环发展经济体系的实施方案.pdf"


@pytest.fixture(scope="module")
def linked():  # type: ignore[no-untyped-def]
    bundled, extractions = bundled_corpus()
    docs, extractions = list(bundled), dict(extractions)
    for doc, extraction in extract_key_documents([BEIHAI]).values():
        docs.append(doc)
        extractions[doc.id] = extraction
    return docs, extractions, link_corpus(docs, extractions)


def _outward_paths(doc) -> set[str]:  # type: ignore[no-untyped-def]
    title_at = {c.path: c.title or "" for c in doc.walk()}
    return {"/".join(c.path) for c in doc.walk() if c.is_leaf and _OUTWARD.search(headings(title_at, c.path))}


def test_the_clauses_facing_abroad_are_those_of_trade_and_cooperation(linked) -> None:  # type: ignore[no-untyped-def]
    docs, _, _ = linked
    by_id = {d.id: d for d in docs}
    # The opinions' section 十 (对外开放: green trade, the Belt and Road, international cooperation) …
    assert _outward_paths(by_id[CENTRAL]) == {"十/二十四", "十/二十五", "十/二十六"}
    # … and the plan's part 四 (国际合作) face abroad, and nothing else of either does.
    assert _outward_paths(by_id[PLAN]) == {"四/一", "四/二", "四/三"}


def test_a_measure_naming_exports_faces_abroad_a_green_technology_one_does_not() -> None:
    assert _ABROAD.search("加大生产型出口企业招引力度，对外贸龙头企业实行“一企一策”跟踪帮扶")
    assert not _ABROAD.search("积极利用首台（套）重大技术装备政策支持绿色技术应用。")


def test_first_of_a_kind_equipment_meets_the_technology_clause_not_the_belt_and_road(linked) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, links = linked
    beihai = next(d for d in docs if d.source_name == BEIHAI)
    source = find_quote(beihai, extractions[beihai.id], "积极利用首台（套）重大技术装备政策支持绿色技术应用", "六/二")
    path_of = {c.id: "/".join(c.path) for d in docs for c in d.walk()}
    ranked = {doc: [path_of[lk.target] for lk in sorted(links.clauses, key=lambda lk: lk.rank)
                    if lk.source == source and lk.target.startswith(doc + "~")] for doc in (CENTRAL, PLAN)}
    # Both name green (low-carbon) technology; (二十五) only as what is shared with the Belt and Road countries.
    assert ranked[CENTRAL][0] == "八/二十一", ranked
    assert "十/二十五" not in ranked[CENTRAL][:1] and "四/二" not in ranked[PLAN][:1], ranked

"""Targets of texts that number nothing (reports of a plan, notices): real tune documents 94 and 556.

Such a text mixes the plan's targets with figures of the past ("截至二季度末…同比增长34.22%"): there a
figure is a target only under a year; "力争2021年…" puts the year after the word of aim; a change on the
year before (同比) qualifies the value, it is no part of the indicator.
"""

from __future__ import annotations

from pathlib import Path

from policykg.extract.document import extract_document
from policykg.extract.targets import extract_targets
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"
ZHEJIANG = "94、浙江省关于财政金融支持碳达峰碳中和的指导意见.pdf"
SHAANXI = "556、关于金融支持陕西省绿色发展助推实现碳达峰碳中和目标的指导意见.pdf"


def _targets(file: str) -> list[tuple[str, str | None, float | None, int | None]]:
    doc = normalise(read_raw(sources(PACKS)[file]))
    return [(t.indicator, t.comparator, t.value, t.year) for t in extract_document(doc).targets() if not t.qualitative]


def test_a_year_after_the_word_of_aim_is_the_targets_year() -> None:
    sentence = "力争2021年全省绿色贷款新增4000亿元以上,绿色债务融资工具和绿色金融债发行规模同比增长50%以上"
    got = [(t.indicator, t.comparator, t.value, t.year, t.change) for t in extract_targets(sentence, "zh")]
    assert got == [("绿色贷款", ">=", 4000.0, 2021, None),
                   ("绿色债务融资工具和绿色金融债发行规模", ">=", 50.0, 2021, "increase")]


def test_a_report_of_a_plan_keeps_its_targets() -> None:
    targets = _targets(ZHEJIANG)
    assert ("绿色贷款", ">=", 4000.0, 2021) in targets
    assert ("绿色债务融资工具和绿色金融债发行规模", ">=", 50.0, 2021) in targets


def test_a_past_figure_of_a_report_is_no_target() -> None:
    sentence = "截至二季度末,陕西省金融机构绿色贷款余额3204.75亿元,同比增长34.22%"
    assert [t.value for t in extract_targets(sentence, "zh")] == []
    assert _targets(SHAANXI) == []

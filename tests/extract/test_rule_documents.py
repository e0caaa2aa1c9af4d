"""Documents that set rules, not goals: a regulation's or a fund's measures (管理办法, 实施细则, 规程…), a notice calling
for projects or nominations or handing out a list, a quota or funds, a method and a guide give figures with no year
ahead of them that are a rule's limits, a grant's shares and a project's indicators (extract/document.py
`_RULE_TYPES`, `_RULE_TITLE`, extract/period.py `CALL_TITLE`). Read on real `tune` documents."""

from __future__ import annotations

import pytest

from policykg.extract.document import extract_document
from tests.extract.real_documents import real


def _yearless(file: str) -> list[tuple[str, float | None]]:
    extraction = extract_document(real(file))
    return [(t.indicator, t.value) for t in extraction.targets() if not t.qualitative and t.year is None]


@pytest.mark.parametrize("file", [
    # a fund's management rules: "单个项目支持金额原则上不超过5000万元", shares of investment by region
    "502、污染治理和节能减碳中央预算内投资专项管理办法.pdf",
    # a call for nominations: "每个地区推荐的绿色工厂原则上不超过20个"
    "551、关于开展2021年度绿色制造名单推荐工作的通知.pdf",
    # a notice handing out quotas ("政府预留配额比例为6%"), as a year's plan is told from a call (period.CALL_TITLE)
    "218、关于天津市2021年度碳排放配额安排的通知.pdf",
    # a method of measurement, and a guide to tax incentives ("减排量转让收入的65%")
    "163、毕节市林业碳票碳减排量计量方法（试行）.pdf",
    "329、支持绿色发展税费优惠政策指引.pdf",
])
def test_a_rule_or_a_call_states_no_yearless_target(file: str) -> None:
    assert _yearless(file) == []


def test_a_notice_issuing_measures_keeps_its_yearless_targets() -> None:
    # 575 (山东): a notice issuing measures, no call: "其他新建建筑项目装配式建筑占比不低于30%" stays
    assert ("其他新建建筑项目装配式建筑占比", 30) in _yearless("575、山东省关于推动城乡建设绿色发展若干措施的通知.pdf")

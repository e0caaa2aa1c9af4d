"""Target forms of the twenty-second round of the tuning key (the centre's 46, 262, 13, 31, 196, 344, 509, 325 and 397
state targets; 182, 25 and 170 state none). Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.targets import extract_targets
from tests.extract.target_facts import facts, targets


def test_points_of_a_network_set_up_are_counted() -> None:
    # 509、“十四五”生态环境监测规划 (a task of a 十四五 plan: due when it ends)
    assert facts(targets("在全国地级及以上城市设置1734个国家城市空气质量监测站点,实时监测PM2.5、O3等主要污染物", 2025)) == [
        ("国家城市空气质量监测站点", "=", 1734, "个", 2025)]
    assert facts(targets("统筹规划、联合组建生态质量地面监测网络,布设约300个生态质量监测站点和监测样地样带", 2025)) == [
        ("生态质量监测站点", "=", 300, "个", 2025)]


def test_a_stock_counted_needs_no_action_before_it() -> None:
    # 31、氢能产业发展中长期规划（2021-2035年）
    assert facts(targets("燃料电池车辆保有量约5万辆,部署建设一批加氢站", 2025)) == [("燃料电池车辆保有量", "~", 5, "万辆", 2025)]


def test_a_growth_rate_named_alone_is_the_growth_of_the_amount_before_it() -> None:
    # 262、绿色金融支持三明碳达峰、碳中和工作方案
    hits = [t for t in extract_targets("力争绿色融资增量40亿元以上,增速不低于20%,实现绿色贷款占比提升2个百分点以上", "zh",
                                       period_end=2022) if not t.qualitative]
    assert [(t.indicator, t.change, t.comparator, t.value) for t in hits] == [
        ("绿色融资增量", None, ">=", 40), ("绿色融资", "increase", ">=", 20), ("绿色贷款占比", "increase", ">=", 2)]

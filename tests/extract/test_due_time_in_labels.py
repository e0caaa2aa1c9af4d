"""A due time a label was read with is no part of what is measured: "规划期内", "“十四五”期间", "到2022年底", a year
(or a carbon market's first compliance year) opening the label, the base a change builds on (在原有基础上) and a trend
joined by 并 to the verb after it are taken off it (extract/target_labels.py `without_due_time`, `names_nothing`). A
year after 较/比 is a base, 2021年度 a year's account, and a year naming a reference ("根据2019年…") stays. A label
naming nothing (a figure, 规划) or holding a share's figure is none. Each sentence is copied from a `tune` document's
normalised text."""

from __future__ import annotations

import pytest

from policykg.extract.target_labels import names_nothing, without_due_time
from policykg.extract.targets import extract_targets
from tests.extract.target_facts import facts, targets


@pytest.mark.parametrize(("sentence", "fact"), [
    # 172 (青岛): the plan's period before the measure
    ("进一步完善建筑垃圾资源化利用机制体制,规划期内建筑垃圾资源化利用率力争达到75%,完善推广建筑垃圾资源化利用的“青岛模式”。",
     ("建筑垃圾资源化利用率", "=", 75, "%", 2025)),
    # 574 (内蒙古): the year opening the label
    ("加快建设智能变电站,2025年110千伏和220千伏智能变电站覆盖率达到25%以上。",
     ("110千伏和220千伏智能变电站覆盖率", ">=", 25, "%", 2025)),
    # 452 (宿迁), 244: a carbon market's first compliance year and the area, before the measure
    ("确保重点排放单位按期全部进入全国碳排放交易市场,力争首个履约年份辖区内重点企业履约率不低于95%",
     ("重点企业履约率", ">=", 95, "%", 2025)),
    ("督促企业完成配额履约和清缴工作,力争首个履约年份我省重点企业履约率不低于95%", ("重点企业履约率", ">=", 95, "%", 2025)),
    # 16 (现代能源体系规划): a trend joined by 并 to the level verb after it
    ("到2025年,国内能源年综合生产能力达到46亿吨标准煤以上,原油年产量回升并稳定在2亿吨水平,天然气年产量达到2300亿立方米以上",
     ("原油年产量", "=", 2, "亿吨", 2025)),
    # 338 (山东): the base the change builds on
    ("“十四五”期间,城镇新建居住建筑能效水平在原有基础上提升30%,新建公共建筑能效水平提升20%",
     ("城镇新建居住建筑能效水平", "increase", 30, "%", 2025)),
])
def test_the_due_time_is_taken_off_a_quantified_label(sentence: str, fact: tuple[object, ...]) -> None:
    assert fact in facts(targets(sentence, period_end=2025))


def test_the_due_time_closing_a_qualitative_goal_is_no_part_of_it() -> None:
    # 89 (江西): what is to be built, then when
    got = extract_targets("推进餐厨垃圾资源化利用和无害化处理设施建设,设区市中心城区厨余垃圾处理设施到2022年底全面建成。", "zh")
    assert "设区市中心城区厨余垃圾处理设施" in {t.indicator for t in got}
    assert not any("2022" in t.indicator for t in got)


@pytest.mark.parametrize(("label", "name"), [
    # 562 (四川): the clause before and its period, read into one label
    ("有序推进其他流域大中型水电建设“十四五”期间新增投产其他流域大中型水电装机", "新增投产其他流域大中型水电装机"),
    # 563 (贵州), 418 (九江): a deadline opening a goal, with the words after it
    ("在2023年底前各试点县(市、区)屋顶分布式光伏项目建设", "各试点县(市、区)屋顶分布式光伏项目建设"),
    ("2025年全省城镇新建建筑执行绿色标准", "城镇新建建筑执行绿色标准"),
    # 106 (陕西): the year's end closing it
    ("具备条件的省级以上园区2025年底前", "具备条件的省级以上园区"),
    # years that are not due times stay: a base, a year's account, a reference, a date things date from
    ("较2015年下降", "较2015年下降"),
    ("确定我市2021年度碳排放配额总量", "确定我市2021年度碳排放配额总量"),
    ("根据2019年全市小客车出行平均公里数", "根据2019年全市小客车出行平均公里数"),
    ("2021年1月1日以来新成立的企业", "2021年1月1日以来新成立的企业"),
])
def test_labels_without_their_due_time(label: str, name: str) -> None:
    assert without_due_time(label) == name
    assert not names_nothing(label)


@pytest.mark.parametrize("label", [
    # 262 (三明), 157 (辽宁): only a time, no name
    "在2022年", "到2025年", "在“十四五”期间",
    # 163 (毕节): a table's cells read as a name; 185 (成都): the plan's own word; 404: another target's values
    "0%", "-6%", "规划", "省、市、县(市、区)分别承担30%、30%",
    # 425 (内江): a heading and the copula after the period it names
    "第一章内江市生态环境保护形势“十四五”时期是我国在",
])
def test_labels_naming_nothing(label: str) -> None:
    assert names_nothing(label)

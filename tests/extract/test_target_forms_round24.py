"""Target forms of the twenty-fourth round of the tuning key (a fourth pass over the provinces: 223, 202, 575 and 188
state targets; 374, 487, 365, 377, 494, 277, 184 and 571 state none). Every sentence is copied from the normalised text
of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.targets import extract_targets
from tests.extract.target_facts import facts, targets


def test_computing_power_and_its_efficiency_are_units() -> None:
    # 223、福建省贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展实施方案
    # (the second names what holds its measure, as the key does: 全省数据中心单机架算效; `target_names.holder_of_previous`)
    assert facts(targets("到2025年,全省数据中心总算力突破7EFLOPS,单机架算效不低于8GFLOPS/W")) == [
        ("数据中心总算力", ">", 7, "EFLOPS", 2025), ("数据中心单机架算效", ">=", 8, "GFLOPS/W", 2025)]


def test_an_intensity_per_person_takes_no_other_denominator_from_the_list() -> None:
    # 202、上海市公共机构绿色低碳循环发展行动方案
    hits = [t for t in extract_targets("实现单位建筑面积能耗、人均综合能耗、人均用水量分别较2020年降低3%、3.6%和4.2%", "zh")
            if not t.qualitative]
    assert [(t.indicator, t.change, t.value, t.base_year) for t in hits] == [
        ("单位建筑面积能耗", "decrease", 3, 2020), ("人均综合能耗", "decrease", 3.6, 2020), ("人均用水量", "decrease", 4.2, 2020)]


def test_places_right_after_a_target_each_hold_its_measure() -> None:
    # 575、山东省关于推动城乡建设绿色发展若干措施的通知: no 其中, only a comma
    got = facts(targets("2025年,新开工装配式建筑占新建建筑比例达到40%以上,济南、青岛、烟台3市不低于50%"))
    assert [g[0] for g in got[1:]] == ["济南新开工装配式建筑占新建建筑比例", "青岛新开工装配式建筑占新建建筑比例",
                                       "烟台新开工装配式建筑占新建建筑比例"]


def test_the_state_after_the_works_is_named_whole() -> None:
    # 223 (福建): "改造后的…" names the state after the works, not a measure the clause before names the object of; the
    # bounds of the data centres to retrofit are a class
    got = facts(targets("对年均电能利用效率高于1.8或平均单机架功率低于3千瓦的数据中心进行改造,改造后的数据中心电能利用效率不高于1.5,"
                        "且满足行业通用算力需求和数据资源智能分析需求。", 2025))
    assert got == [("改造后的数据中心电能利用效率", "<=", 1.5, None, 2025)]

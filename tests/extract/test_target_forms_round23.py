"""Target forms of the twenty-third round of the tuning key (a third pass over the provinces: 121, 535, 166, 511, 271,
338 and 187 state targets; 340, 241, 293, 290 and 341 state none). Every sentence is copied from the normalised text of
a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def test_places_listed_after_qizhong_each_hold_the_measure_before_them() -> None:
    # 338、山东省“十四五”绿色建筑与建筑节能发展规划
    got = facts(targets("到2025年,新开工装配式建筑占城镇新建民用建筑比例达到40%以上,其中济南、青岛、烟台3市达到50%以上"))
    assert got == [("新开工装配式建筑占城镇新建民用建筑比例", ">=", 40, "%", 2025),
                   ("济南新开工装配式建筑占城镇新建民用建筑比例", ">=", 50, "%", 2025),
                   ("青岛新开工装配式建筑占城镇新建民用建筑比例", ">=", 50, "%", 2025),
                   ("烟台新开工装配式建筑占城镇新建民用建筑比例", ">=", 50, "%", 2025)]


def test_who_the_intensities_of_a_list_are_of_holds_for_every_item() -> None:
    # 511 (江苏): 公共机构, written before the first item's 单位, holds for the per-head and per-area items after it
    got = facts(targets("公共机构单位建筑面积能耗、单位建筑面积碳排放、人均综合能耗和人均用水量比2020年分别下降6%、7%、7%和7%", 2025))
    assert [g[0] for g in got] == ["公共机构单位建筑面积能耗", "公共机构单位建筑面积碳排放", "公共机构人均综合能耗",
                                   "公共机构人均用水量"]
    # 575 (山东)
    got = facts(targets("2025年公共机构单位建筑面积能耗和人均综合能耗分别比2020年下降5%和6%"))
    assert got == [("公共机构单位建筑面积能耗", "decrease", 5, "%", 2025), ("公共机构人均综合能耗", "decrease", 6, "%", 2025)]


def test_a_clause_opening_with_the_goal_it_sets_needs_no_year() -> None:
    # 187 (成都, policy measures of no period): 实现 opens the clause of the three rates the grid is to reach, each of the
    # 10 kV distribution network the first names; the grants before it stay rules
    text = ("加快用户产权配电设施移交供电企业运维管理,对接收现有居民小区的,按每个小区4万元给予一次性奖励。推进中心城区配电网格化改造"
            "提升,提高运维管控智能化水平,实现配网10千伏线路联络率、标准接线率、线路转供率100%。")
    got = facts(targets(text))
    assert got == [("配网10千伏线路联络率", "=", 100, "%", None), ("配网10千伏标准接线率", "=", 100, "%", None),
                   ("配网10千伏线路转供率", "=", 100, "%", None)]

"""Target forms of the eighteenth round of the tuning key (503, 217, 140, 149 and 422 state targets; 343, 496, 331 and
181 state none). Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 149、山东省“十四五”应对气候变化规划, 专栏1's 煤炭消费压减工程 and 柴油货车淘汰工程 (items of a 十四五 plan's 专栏)
RETIRED_149 = "煤炭消费压减工程。(1)淘汰全部35蒸吨/小时及以下燃煤锅炉。(2)淘汰97台总装机容量209.05万千瓦火电机组。"


def test_a_count_of_works_retired_and_the_total_size_they_come_to() -> None:
    got = facts(targets(RETIRED_149, 2025))
    assert got == [("火电机组总装机容量", "=", 209.05, "万千瓦", 2025), ("火电机组", "=", 97, "台", 2025)]


def test_a_figure_written_with_yu_is_more_than_it() -> None:
    # 149 (things retired are counted); 499 (a class of size retired is none)
    got = facts(targets("(2)淘汰50余万辆国三及以下柴油货车,完成国家下达的国四及以下排放标准运营柴油货车淘汰任务。", 2025))
    assert got == [("国三及以下柴油货车", ">", 50, "万辆", 2025)]
    assert facts(targets("全面淘汰拆除3.2米及以下水泥粉磨生产线", 2025)) == []  # 499、青岛市


def test_places_in_a_ranking_are_a_count() -> None:
    # 422、攀枝花市“十四五”生态环境保护规划
    assert facts(targets("到2025年,空气质量综合指数全省排名较2020年提升5位")) == [
        ("空气质量综合指数全省排名", "increase", 5, "位", 2025)]


def test_an_aside_opening_with_its_year_states_targets_of_its_own() -> None:
    # 140、包头市深入推进林业草原碳汇三年行动计划（2021—2023年）
    got = facts(targets("二是进一步完善林业生态建设投融资机制,强化林业生态修复科技支撑,积极推进生态产业化,通过招商引资加快全市退化林修复、"
                        "无立木林地再造林、森林抚育、林相改造和国有林场森林经营进程(2021年完成营造林30万亩以上,完成森林抚育50万亩以上)"))
    assert got == [("营造林", ">=", 30, "万亩", 2021), ("森林抚育", ">=", 50, "万亩", 2021)]


def test_an_items_number_and_the_places_listed_before_the_count_name_nothing() -> None:
    # 149, 专栏3
    assert facts(targets("(2)在淄博、济宁、德州等市完成22个水资源优化调度工程。", 2025))[0][:3] == ("水资源优化调度工程", "=", 22)

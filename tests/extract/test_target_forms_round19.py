"""Target forms of the nineteenth round of the tuning key (515, 205, 490, 548, 124, 199 and 419 state targets; 229,
259, 209, 289, 583, 218, 110 and 278 state none). Every sentence is copied from the normalised text of a `tune`
document.
"""

from __future__ import annotations

from policykg.extract.targets import extract_targets
from tests.extract.target_facts import facts, targets


def test_the_parts_of_a_whole_in_a_bracket_each_a_target() -> None:
    # 124、碳达峰碳中和林草碳汇（包头）试验区实施方案: the bracket the last part closes
    got = facts(targets("到2025年,全市森林覆盖率达到19.3%,森林蓄积量达到380万立方米,草原综合植被盖度达到38%,湿地保护率达到38%,"
                        "林草碳汇项目总规模达到1340万亩(其中森林碳汇项目330万亩、草原碳汇项目1000万亩、湿地碳汇项目10万亩)"))
    assert got[-3:] == [("森林碳汇项目", "=", 330, "万亩", 2025), ("草原碳汇项目", "=", 1000, "万亩", 2025),
                        ("湿地碳汇项目", "=", 10, "万亩", 2025)]


def test_the_total_size_of_a_set_of_works_before_their_count() -> None:
    # 124: each set's total area and how many areas, the later ones listed after the first
    got = facts(targets("以全市国有林场、重要湿地、山北草原为主阵地,着力推进建设总面积309万亩的12个森林碳汇发展片区、总面积1220万亩的"
                        "5个草原碳汇发展片区,和总面积18万亩的5个湿地碳汇发展片区,坚持“一片一方案”", 2025))
    assert got == [("森林碳汇发展片区总面积", "=", 309, "万亩", 2025), ("森林碳汇发展片区", "=", 12, "个", 2025),
                   ("草原碳汇发展片区总面积", "=", 1220, "万亩", 2025), ("草原碳汇发展片区", "=", 5, "个", 2025),
                   ("湿地碳汇发展片区总面积", "=", 18, "万亩", 2025), ("湿地碳汇发展片区", "=", 5, "个", 2025)]


def test_a_base_named_by_the_end_of_a_plan_in_a_clause_of_its_own() -> None:
    # 199、山东省“十四五”绿色低碳循环发展规划: 相较于“十三五”末 is the base (2020), no deadline; 增幅 is the increase
    hits = [t for t in extract_targets("到2025年,相较于“十三五”末,废纸利用量增长10%左右,废钢利用量增幅超过20%,"
                                       "废有色金属利用量增幅超过30%", "zh") if not t.qualitative]
    assert [(t.indicator, t.change, t.comparator, t.value, t.base_year, t.year) for t in hits] == [
        ("废纸利用量", "increase", "~", 10, 2020, 2025), ("废钢利用量", "increase", ">", 20, 2020, 2025),
        ("废有色金属利用量", "increase", ">", 30, 2020, 2025)]
    # 454、商洛市“十四五”生态环境保护规划 (a review): 较“十二五”末期 is 2015
    hits = [t for t in extract_targets("空气质量优良天数为347天(其中Ⅰ级天数108天),较“十二五”末期增加了41天", "zh")
            if t.change]
    assert [(t.indicator, t.change, t.value, t.base_year) for t in hits] == [("空气质量优良天数", "increase", 41, 2015)]


def test_places_named_before_one_rate_each_hold_it() -> None:
    # 419、四川省“十四五”农业农村生态环境保护规划, 附件1
    got = facts(targets("到2022年底,阆中市和苍溪县农村黑臭水体消除比例达到90%以上"))
    assert got == [("阆中市农村黑臭水体消除比例", ">=", 90, "%", 2022), ("苍溪县农村黑臭水体消除比例", ">=", 90, "%", 2022)]


def test_works_done_over_an_area_whose_name_closes_with_ti_sheng() -> None:
    # 490 (三明): 精准提升 and 改造提升 name the forest works done over so many mu, no increase of anything
    got = facts(targets("“十四五”期间,完成松林改造提升120万亩", 2025))
    assert got == [("松林改造提升", "=", 120, "万亩", 2025)]
    got = facts(targets("到2025年,建设碳汇林90万亩,建设国家储备林100万亩,完成森林质量精准提升45万亩,全市森林覆盖率保持在76.80%"
                        "以上,森林蓄积量达到19906万立方米"))
    assert got[2] == ("森林质量精准提升", "=", 45, "万亩", 2025)

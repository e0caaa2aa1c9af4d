"""Target forms of the twenty-first round of the tuning key (the centre's 169, 380, 11, 1, 247, 17, 244, 19 and 29 state
targets; 479, 349 and 34 state none). Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def test_sectors_listed_before_one_rate_each_hold_it() -> None:
    # 169、关于严格能效约束推动重点领域节能降碳的若干意见, 附件1
    got = facts(targets("到2025年,通过实施节能降碳行动,钢铁、电解铝、水泥、平板玻璃行业能效达到标杆水平的产能比例超过30%,行业整体能效水平"
                        "明显提升,碳排放强度明显下降,绿色低碳发展能力显著增强"))
    assert [g[0] for g in got] == ["钢铁行业能效达到标杆水平的产能比例", "电解铝行业能效达到标杆水平的产能比例",
                                   "水泥行业能效达到标杆水平的产能比例", "平板玻璃行业能效达到标杆水平的产能比例"]
    # 400 (a share of a whole two sectors make up together) and 26 (two kinds sharing 陶瓷) keep one name
    got = facts(targets("与此同时也要看到,目前我国发电和供热行业二氧化碳排放量占全国排放量的比重超过40%,是全国二氧化碳排放的重点行业"))
    assert [g[0] for g in got] == ["目前我国发电和供热行业二氧化碳排放量占全国排放量的比重"]
    got = facts(targets("截至2020年底,建筑、卫生陶瓷行业能效优于标杆水平的产能占比小于5%"))
    assert got[0][0] == "建筑、卫生陶瓷行业能效优于标杆水平的产能占比"


def test_things_broken_through_to_are_counted() -> None:
    # 17、关于促进钢铁工业高质量发展的指导意见
    got = facts(targets("重点发展高品质特殊钢、高端装备用特种合金钢、核心基础零部件用钢等小批量、多品种关键钢材,力争每年突破5种左右关键钢铁新材料,"
                        "更好满足市场需求", 2025))
    assert got == [("关键钢铁新材料", "~", 5, "种", 2025)]

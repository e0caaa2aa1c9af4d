"""Target forms of the twentieth round of the tuning key (the centre's documents: 26, 38, 16, 332, 5, 404, 302 and 400
state targets; 280, 173, 329 and 502 state none). Every sentence is copied from the normalised text of a `tune`
document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 400、关于开展全国煤电机组改造升级的通知, 二(三)主要目标: paragraphs led by their short heading
RETROFITS_400 = ("节煤降耗改造。对供电煤耗在300克标准煤/千瓦时以上的煤电机组,应加快创造条件实施节能改造,对无法改造的机组逐步淘汰关停,"
                 "并视情况将具备条件的转为应急备用电源。“十四五”期间改造规模不低于3.5亿千瓦。\n"
                 "存量煤电机组灵活性改造应改尽改,“十四五”期间完成2亿千瓦,增加系统调节能力3000—4000万千瓦,促进清洁能源消纳。")


def test_a_measure_named_by_its_paragraphs_heading_or_by_the_works_the_clause_before_names() -> None:
    got = facts(targets(RETROFITS_400))
    assert got[:2] == [("节煤降耗改造规模", ">=", 3.5, "亿千瓦", 2025), ("存量煤电机组灵活性改造", "=", 2, "亿千瓦", 2025)]


def test_a_level_regained_named_by_the_clause_that_gives_its_trend() -> None:
    # 16、“十四五”现代能源体系规划
    assert facts(targets("石油产量稳中有升,力争2022年回升到2亿吨水平并较长时期稳产")) == [("石油产量", "=", 2, "亿吨", 2022)]
    # the same plan's gas: a quick growth is a trend too
    assert facts(targets("天然气产量快速增长,力争2025年达到2300亿立方米以上。")) == [("天然气产量", ">=", 2300, "亿立方米", 2025)]
    # 454 (商洛): a value said to be the expected one, of the rate whose trend the clause before gives
    assert facts(targets("到2025年,全市农作物秸秆综合利用率不断提升,预期值达到90%以上。")) == [
        ("农作物秸秆综合利用率", ">=", 90, "%", 2025)]


def test_a_quoted_target_opening_with_its_year() -> None:
    # 38、中国应对气候变化的政策与行动白皮书
    assert facts(targets("中国“十四五”规划和2035年远景目标纲要将“2025年单位GDP二氧化碳排放较2020年降低18%”作为约束性指标")) == [
        ("单位GDP二氧化碳排放", "decrease", 18, "%", 2025)]


# 404、2021年实施“数字·绿色”技术改造专项行动方案, 附件1: a table of districts whose merged header cell (2021年工业技改投资
# 预期目标) the text layer cut into its columns' keys; the 总量 column is each district's level, the 比增 column a rate
TABLE_404 = """2021年各县(市)区工业技改投资预期目标
序号;县(市)区;2021年工业技:总量(亿元);改投资预期目标:比增(%)
全市;2021年工业技:1120;改投资预期目标:12
1;鼓楼区;2021年工业技:21;改投资预期目标:9
2;台江区;2021年工业技:/;改投资预期目标:/
8;其中:高新区;2021年工业技:34;改投资预期目标:13"""


def test_a_table_of_places_keyed_by_pieces_of_its_merged_header_cell() -> None:
    assert facts(targets(TABLE_404)) == [("全市工业技改投资", "=", 1120, "亿元", 2021), ("鼓楼区工业技改投资", "=", 21, "亿元", 2021),
                                         ("高新区工业技改投资", "=", 34, "亿元", 2021)]

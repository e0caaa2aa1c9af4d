"""Target forms of the fifteenth round of the tuning key (425, 260 and 467, read whole). Every sentence and row is
copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets

# 467、盐城市“十四五”生态环境保护规划: 表2's header cuts its columns' names at the key its rows print ("序:号",
# "2020年:现状值", "规划目:2025年目标值") and prints the indicator's column bare between them; its rows give the name
# in pieces, a category column's pieces before the row's number, the unit inside the name ("公众对环(%);境质量…")
TABLE_467 = """类别;序:号;指标名称;2020年:现状值;规划目:2025年目标值;标:五年累计;属性
序:1;环境空气质量优良天数比率(%);2020年:84.2;规划目:≥90;标:-;约束性
一、环境质量;序:3;地表水省考以上断面达到或优于Ⅲ类比例(%);2020年:76.5(以51个国省考断面计);规划目:100;标:-;约束性
序:4;近岸海域水质优良(一、二类)面积比例(%);2020年:-;规划目:完成省下达指标;标:-;约束性
绿色低碳;序:7;非化石能源占一次能源消费比重(%);2020年:30;规划目:≥35;标:-;约束性
环治理;序:10;城市污水;集中收集率(%);2020年:-;规划目:70;标:-;预期性
五、满意度;序:21;公众对环(%);境质量改善满意度;2020年:95.2;规划目:≥96;标:-;预期性"""


def test_a_header_cutting_its_columns_names_at_their_keys_with_the_indicator_bare() -> None:
    got = facts(targets(TABLE_467, 2025))
    assert got == [("环境空气质量优良天数比率", ">=", 90, "%", 2025), ("地表水省考以上断面达到或优于Ⅲ类比例", "=", 100, "%", 2025),
                   ("非化石能源占一次能源消费比重", ">=", 35, "%", 2025), ("城市污水集中收集率", "=", 70, "%", 2025),
                   ("公众对环境质量改善满意度", ">=", 96, "%", 2025)]

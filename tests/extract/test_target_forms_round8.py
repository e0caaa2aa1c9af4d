"""Target forms found by a sweep of every `tune` document (tests/keys/split.toml): sentences with a deadline and a
quantity for which no quantified target, or a wrong one, was extracted, counted by form over the whole tune corpus.
Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.deadlines import extract_deadlines
from tests.extract.target_facts import facts, targets


def _with_base(hits: list) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [(*f, t.base_year) for f, t in zip(facts(hits), hits, strict=True)]


# --- the plan's period in a clause that names another year later -------------------------------------------
def test_the_plans_year_holds_before_another_year_the_clause_names() -> None:
    # 29、2022年能源工作指导意见, (三)主要目标: the clause's later paragraph names “十四五”; the phrases its values close
    # before that are still the plan's targets, due in its year
    text = ("(三)主要目标\n 增强供应保障能力。全国能源生产总量达到44.1亿吨标准煤左右,原油产量2亿吨左右,天然气产量2140亿立方米左右。"
            "保障电力充足供应,电力装机达到26亿千瓦左右,新增顶峰发电能力8000万千瓦以上。\n"
            " 着力提高质量效率。能耗强度目标在“十四五”规划期内统筹考虑,并留有适当弹性。")
    assert facts(targets(text, 2022)) == [
        ("能源生产总量", "~", 44.1, "亿吨标准煤", 2022), ("原油产量", "~", 2, "亿吨", 2022),
        ("天然气产量", "~", 2140, "亿立方米", 2022), ("电力装机", "~", 26, "亿千瓦", 2022),
        ("新增顶峰发电能力", ">=", 8000, "万千瓦", 2022)]


# --- a year written right before the indicator ------------------------------------------------------------------
def test_a_year_before_the_central_district_is_a_deadline() -> None:
    # 451、德州市“十四五”生态环境保护规划: 到2025年 then 中心城区 (not 年中, mid-year)
    text = "加快城市绿色公共交通体系和交通工具公共租赁体系建设,推进智能交通系统建设,鼓励绿色出行,到2025年中心城区公共交通占机动车化出行比例达到15%以上。"
    assert facts(targets(text, 2025)) == [("中心城区公共交通占机动车化出行比例", ">=", 15, "%", 2025)]
    assert [(d.label, d.year) for d in extract_deadlines(text, "zh")] == [("到2025年", 2025)]
    assert [d.year for d in extract_deadlines("到2022年中,完成试点。", "zh")] == []  # mid-year stays no deadline


# --- a change bounded after its verb -----------------------------------------------------------------------------
def test_a_change_bounded_by_the_word_after_its_verb() -> None:
    # 467、盐城市“十四五”生态环境保护规划: 下降不低于7% is a decrease of at least 7 % from 2020
    text = "海船进入内河排放控制区应使用硫含量不大于1000毫克/千克的船用燃油,2025年营运船舶氮氧化物排放总量较2020年下降不低于7%。"
    hits = targets(text, 2025)
    assert _with_base(hits) == [("营运船舶氮氧化物排放总量", "decrease", 7, "%", 2025, 2020)]
    assert hits[0].comparator == ">="


# --- a count closing a phrase whose action follows a subject or a planning word ----------------------------------
def test_a_count_after_an_action_a_few_words_open() -> None:
    # 484、浙江省工业节能降碳技术改造行动计划(2022-2024年), 一、总体目标: 为工业企业 before 组织开展, 组织 before 实施
    text = ("经过三年努力,力争为工业企业组织开展节能降碳诊断服务15000家以上,组织实施节能降碳技术改造项目6000项以上,"
            "其中省级重点项目300项以上;")
    assert facts(targets(text, 2024)) == [("为工业企业组织开展节能降碳诊断服务", ">=", 15000, "家", 2024),
                                         ("组织实施节能降碳技术改造项目", ">=", 6000, "项", 2024),
                                         ("省级重点项目", ">=", 300, "项", 2024)]
    # 572、合肥市“十四五”电力发展规划: a place and 计划 before the action
    got = facts(targets("“十四五”期间,合肥市计划建设新能源汽车换电站100座左右,其中50个光—储—换一体化项目,总储能容量300兆瓦左右。"))
    assert got[0] == ("计划建设新能源汽车换电站", "~", 100, "座", 2025)
    # 451: the action opens the phrase right after its year
    assert facts(targets("积极打造全国农业绿色发展先行区,到2025年争创国家级农业绿色发展先行区2个。", 2025)) == [
        ("争创国家级农业绿色发展先行区", "=", 2, "个", 2025)]


def test_no_count_without_an_action_ahead() -> None:
    # 473、宁德市“十四五”生态环境保护规划, 重点工程: a kind of works named (建设工程) is no action
    assert facts(targets("美丽乡村建设工程12个,包括农村生活污水治理项目、各县(市、区)畜禽养殖污染防治工程;", 2025)) == []
    # 566、天津市可再生能源发展“十四五”规划, 发展成效: what was built by a report's date is no target
    assert facts(targets("秸秆发电。截至2020年底,全市已建成投产秸秆发电厂1座,为宁河秸秆焚烧发电厂,装机3.8万千瓦。")) == [
        ("装机", "=", 3.8, "万千瓦", 2020)]


# --- whole indicators -------------------------------------------------------------------------------------------
def test_a_quoted_name_keeps_its_opening_quote() -> None:
    # 242、邯郸市…实施意见 and 29: the quote a name opens with is no lead to strip
    assert facts(targets("大力发展绿色农业,到2025年,“两品一标”认证产品达到150个。")) == [("“两品一标”认证产品", "=", 150, "个", 2025)]
    assert facts(targets("新增顶峰发电能力8000万千瓦以上,“西电东送”输电能力达到2.9亿千瓦左右。", 2022))[1] == (
        "“西电东送”输电能力", "~", 2.9, "亿千瓦", 2022)


def test_a_name_said_again_for_a_later_year() -> None:
    # 2、2030年前碳达峰行动方案: 年利用量 names again the 大宗固废年利用量 of the same sentence
    assert facts(targets("到2025年,大宗固废年利用量达到40亿吨左右;到2030年,年利用量达到45亿吨左右。")) == [
        ("大宗固废年利用量", "~", 40, "亿吨", 2025), ("大宗固废年利用量", "~", 45, "亿吨", 2030)]

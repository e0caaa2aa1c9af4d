"""The items of an indicator's list part at 、 and at the conjunctions, never at the same character inside a word:
普及率 holds 及, 碳中和 holds 和. Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.target_words import ITEM_JOINER_ZH
from tests.extract.target_facts import facts, targets


def test_two_rates_joined_by_he_each_take_the_value() -> None:
    # 125、巴中市“十四五”生态环境保护规划: 普及率 once split at its 及, and the two rates stayed one indicator
    assert facts(targets("坚持“厕污共治”,农村卫生厕所普及率和示范村无害化厕所普及率均达90%以上。", 2025)) == [
        ("农村卫生厕所普及率", ">=", 90, "%", 2025), ("示范村无害化厕所普及率", ">=", 90, "%", 2025)]


def test_conjunctions_inside_words_join_nothing() -> None:
    assert ITEM_JOINER_ZH.split("农村卫生厕所普及率和示范村无害化厕所普及率") == ["农村卫生厕所普及率", "示范村无害化厕所普及率"]
    assert ITEM_JOINER_ZH.split("碳达峰碳中和示范区") == ["碳达峰碳中和示范区"]
    assert ITEM_JOINER_ZH.split("公众参与率") == ["公众参与率"]
    assert ITEM_JOINER_ZH.split("秸秆以及畜禽粪污") == ["秸秆", "畜禽粪污"]


def test_a_conjunction_opening_a_place_after_a_comma_joins_nothing() -> None:
    # 574、内蒙古自治区“十四五”电力发展规划: "以呼和浩特、包头、鄂尔多斯为重点,打造智能电网综合示范区" (呼和浩特 holds 和);
    # Tianjin's 和平区 opens with it
    assert ITEM_JOINER_ZH.split("呼和浩特、包头、鄂尔多斯") == ["呼和浩特", "包头", "鄂尔多斯"]
    assert ITEM_JOINER_ZH.split("河西区、和平区和南开区") == ["河西区", "和平区", "南开区"]


def test_a_place_opening_with_he_is_no_conjunction_before_a_name() -> None:
    # 469、呼和浩特市“十四五”生态环境保护规划: "积极推进清水河县、和林格尔县、武川县新能源基地建设"
    assert ITEM_JOINER_ZH.split("清水河县、和林格尔县、武川县") == ["清水河县", "和林格尔县", "武川县"]
    # a county's target: its name is the place of the target, never cut to "林格尔县…" or "田地区…"
    assert facts(targets("到2025年,和林格尔县森林覆盖率达到25%。")) == [("森林覆盖率", "=", 25, "%", 2025)]
    assert facts(targets("到2025年,和田地区森林覆盖率达到5%。")) == [("森林覆盖率", "=", 5, "%", 2025)]
    assert facts(targets("到2025年,和谐社区创建率达到80%。")) == [("和谐社区创建率", "=", 80, "%", 2025)]  # 和谐 a word


def test_an_adverb_before_the_verb_is_not_the_last_character_of_a_word() -> None:
    # 262、绿色金融支持三明碳达峰、碳中和工作方案: 权重 then the adverb 要
    assert facts(targets("继续提高考核权重,所有法人机构绿色信贷考核权重要提高至10%以上。", 2025)) == [
        ("所有法人机构绿色信贷考核权重", ">=", 10, "%", 2025)]
    # 供应 ends with the character of the adverb 应 (and 比重要 is 比重 and 要): the label keeps its word whole
    assert facts(targets("到2025年,全市清洁能源供应达到100亿千瓦时。")) == [("清洁能源供应", "=", 100, "亿千瓦时", 2025)]
    assert facts(targets("到2025年,非化石能源消费比重要达到20%。")) == [("非化石能源消费比重", "=", 20, "%", 2025)]


def test_ji_opening_jishi_is_no_conjunction_a_label_loses() -> None:
    # the word 及时 ("及时总结推广典型案例和经验做法" opens clauses of tune documents): a rate it opens keeps it
    assert facts(targets("到2025年,信访及时受理率达到100%,及时办结率达到95%。")) == [
        ("信访及时受理率", "=", 100, "%", 2025), ("及时办结率", "=", 95, "%", 2025)]


def test_no_place_of_the_division_dataset_is_cut_before_a_target() -> None:
    # every province, city and county name as officially written (ingest/data): a target it opens keeps the place
    # whole or leaves it out whole, never "田地区…" of 和田地区 or "县…" of 和县
    from policykg.ingest.regions import gazetteer

    names = sorted({r.full_name for r in gazetteer().regions if r.full_name})
    assert len(names) > 3000
    cut = []
    for name in names:
        found = targets(f"到2025年,{name}森林覆盖率达到50%。")
        if not found or found[0].indicator not in ("森林覆盖率", name + "森林覆盖率"):
            cut.append((name, found[0].indicator if found else None))
    assert cut == []


def test_a_measure_named_alone_takes_what_holds_the_measure_before_it() -> None:
    # 223、福建省贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展实施方案
    assert facts(targets("到2025年,全省数据中心总算力突破7EFLOPS,单机架算效不低于8GFLOPS/W。")) == [
        ("数据中心总算力", ">", 7, "EFLOPS", 2025), ("数据中心单机架算效", ">=", 8, "GFLOPS/W", 2025)]
    # a rate naming its own object keeps it ("规模养殖场粪污处理设施装备配套率…,畜禽粪污综合利用率…", 431)
    assert facts(targets("到2025年,规模养殖场粪污处理设施装备配套率达到95%以上,畜禽粪污综合利用率达到80%以上。"))[1][0] == (
        "畜禽粪污综合利用率")


def test_a_hedge_before_the_value_is_not_the_last_character_of_a_word() -> None:
    # 38、中国应对气候变化的政策与行动白皮书: 逾 (more than) hedges the value closing its phrase
    found = facts(targets("自愿减排交易累计成交量超过3.34亿吨二氧化碳当量,成交额逾29.51亿元。", 2021))
    assert ("成交额", ">", 29.51, "亿元", 2021) in found
    # 公约 ends with 约 (about), 接近 (close to) is a hedge of its own
    assert facts(targets("到2025年,全市联合国气候变化框架公约达到100万吨。"))[0][0] == "联合国气候变化框架公约"
    assert facts(targets("到2025年,非化石能源占比接近30%。")) == [("非化石能源占比", "~", 30, "%", 2025)]

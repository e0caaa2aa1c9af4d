"""Target forms of the eighth round left after its first rules (tests/extract/test_target_forms_round8.py), found by
the same sweep of every `tune` document (tests/keys/split.toml) and counted over the tune corpus. Every sentence is
copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


# --- a capacity named by its head alone ---------------------------------------------------------------------------
def test_a_bare_capacity_is_that_of_the_kind_stated_before_it() -> None:
    # 133、浙江省可再生能源发展“十四五”规划, 二/(二)/1.光伏: the capacity before it in the sentence names the kind
    text = ("1.光伏\n到“十四五”末,力争我省光伏装机达到2750万千瓦以\n上,新增装机在1200万千瓦以上,其中分布式光伏新增装机\n"
            "超过500万千瓦,集中式光伏新增装机超过700万千瓦。")
    assert facts(targets(text, 2025))[:2] == [("光伏装机", ">=", 2750, "万千瓦", 2025), ("光伏新增装机", ">=", 1200, "万千瓦", 2025)]
    # 133, 三/(二): a hedge between the subject and its action is no part of the name
    text = "“十四五”期间,全省海上风电力争新增装机容量450\n万千瓦以上,累计装机容量达到500万千瓦以上。"
    assert facts(targets(text, 2025)) == [("海上风电新增装机容量", ">=", 450, "万千瓦", 2025),
                                         ("海上风电累计装机容量", ">=", 500, "万千瓦", 2025)]


def test_a_bare_capacity_is_that_of_the_kind_its_heading_names() -> None:
    # 499、青岛市“十四五”应对气候变化规划, 专栏 非化石能源倍增行动: the item's run-in heading names the kind
    text = ("2. 风电陆海统筹发展:在重点区域有序推动陆上分散式风电场开发建设,“十四五”期间新增装机40万千瓦,总装机达到154万千瓦。"
            "根据全省统一规划,力争启动深远海百万千瓦级海上风电基地建设。\n"
            "3. 生物质能有序发展:稳妥推进生活垃圾焚烧发电,积极开展生物质热电联产工程示范,鼓励发展大中型农业废弃物沼气工程。"
            "“十四五”期间新增装机10.5万千瓦,总装机规模达到49.2万千瓦。")
    assert facts(targets(text, 2025)) == [
        ("风电新增装机", "=", 40, "万千瓦", 2025), ("风电总装机", "=", 154, "万千瓦", 2025),
        ("生物质能新增装机", "=", 10.5, "万千瓦", 2025), ("生物质能总装机规模", "=", 49.2, "万千瓦", 2025)]
    # the same item, the kind named in the phrase before: 新增光伏装机 → 光伏总装机
    text = "1. 光伏发电:在全市范围内推进“光伏+”行动。“十四五”期间,新增光伏装机220万千瓦,总装机达到320万千瓦。"
    assert facts(targets(text, 2025))[-1] == ("光伏总装机", "=", 320, "万千瓦", 2025)
    # a capacity of no kind named stays as written
    assert facts(targets("到2025年,新增装机达到100万千瓦。"))[0][0] == "新增装机"


# --- a share after a place or a population -----------------------------------------------------------------------
def test_a_share_after_a_whole_place_or_an_and() -> None:
    # 514、北京市绿色社区创建行动实施方案: 全市各区 / 各区 before the share, its population after 的
    assert facts(targets("到2022年底,全市各区60%以上的城市社区参与创建行动并达到创建要求,全市绿色社区创建行动取得显著成效。")) == [
        ("城市社区参与创建行动并达到创建要求", ">=", 60, "%", 2022)]
    assert facts(targets("到2021年底,各区25%以上的城市社区创建达标,力争取得阶段性成果。")) == [
        ("城市社区创建达标", ">=", 25, "%", 2021)]
    # 52、“十四五”公共机构节约能源资源工作规划: "A及60%以上的B建成…" is a share of B
    text = "推进节水型单位建设,推动中央国家机关直属在京公共机构、省直机关及60%以上的省属事业单位建成节水型单位。"
    assert facts(targets(text, 2025)) == [("省属事业单位建成节水型单位", ">=", 60, "%", 2025)]


def test_a_share_of_the_units_or_the_area_of_a_population() -> None:
    # 149、山东省“十四五”应对气候变化规划: levels listed, then the share of their units
    text = "深入开展节约型机关创建行动,2025年底前省级、市级、县(市、区)级党政机关80%以上单位达到创建要求。"
    assert facts(targets(text, 2025)) == [("省级、市级、县级党政机关单位达到创建要求", ">=", 80, "%", 2025)]
    # 452、宿迁市“十四五”生态环境保护规划: an aside in the place is left out
    text = ("持续推进“污水处理提质增效达标区”建设,到2025年底,全市各县区(开发区、新区、园区)城市建成区60%以上面积建成"
            "“污水处理提质增效达标区”,基本实现污水管网全覆盖、全收集、全处理。")
    assert facts(targets(text, 2025)) == [("各县区城市建成区面积建成“污水处理提质增效达标区”", ">=", 60, "%", 2025)]


# --- figures no target of the text's ------------------------------------------------------------------------------
def test_an_estimate_is_no_target() -> None:
    # 574、内蒙古自治区“十四五”电力发展规划, 面临形势: the rate an estimate assumes and the estimate
    assert targets("按照蒙西地区最大用电负荷年均增速6%测算,预计到2025年蒙西电网最大用电负荷约4750万千瓦。", 2025) == []
    # 562、四川省“十四五”可再生能源发展规划: benefits estimated
    assert targets("按替代煤电机组测算,相应每年减少煤炭消费1.9亿吨,减少二氧化碳排放约3.8亿吨,为我省二氧化碳排放力争2030年前"
                   "达峰,努力争取2060年前实现碳中和奠定良好基础。", 2025) == []
    # 563、贵州省新能源和可再生能源发展“十四五”规划, 发展目标: the plan's own 预计 is its target (the key's convention)
    text = "预计到2025年,我省新能源和可再生能源利用总量折合标煤约4048万吨,非化石能源消费占比提高到21.6%。"
    assert facts(targets(text, 2025))[1] == ("非化石能源消费占比", "=", 21.6, "%", 2025)


def test_the_nations_target_quoted_is_no_target() -> None:
    # 562: the nation's commitment, quoted in a province's plan
    text = "我国承诺2030年前力争实现碳达峰,国家明确2030年全国风电和太阳能发电总装机容量达到12亿千瓦以上,并加强可再生能源电力消纳权重考核。"
    assert targets(text, 2025) == []
    # 565、广西可再生能源发展“十四五”规划: 国家 opens the sentence, 提出 quotes its targets
    text = ("国家坚决落实碳达峰碳中和目标任务,践行习近平生态文明思想,大力推进能源革命向纵深发展,提出到2030年非化石能源消费"
            "比重达到25%左右,风电、太阳能发电总装机规模达到12亿千瓦以上的目标,以及构建新型电力系统等新任务、新要求。")
    assert targets(text, 2025) == []

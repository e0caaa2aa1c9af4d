"""Target forms read in the documents of the tuning key's fifth round (tests/keys/targets_tune.toml,
`round = 5`): 563 (贵州) and 157 (辽宁), whole documents keyed. Every sentence and row is copied from the
normalised text of a `tune` document (tests/keys/split.toml).
"""

from __future__ import annotations

from policykg.extract.numbers import scan_quantities
from policykg.extract.target_tables import table_targets
from tests.extract.target_facts import facts, targets

# --- tables ---------------------------------------------------------------------------------------------
#: 157、辽宁省“十四五”林业草原发展规划, 专栏1: the text layer keys the header row and the rows under it by
#: pieces of the box's title; the header's values name the columns.
TITLE_KEYED = (
    "序号;专栏1“十四五”时期林草保护发:指标;展主要指:2020年;标:2025年;属性\n"
    "1;专栏1“十四五”时期林草保护发:森林覆盖率(%);展主要指:42;标:42.5;约束性\n"
    "5;专栏1“十四五”时期林草保护发:治理沙化土地面积(万公顷);展主要指:26.26;标:10.5;预期性①\n"
    "9;专栏1“十四五”时期林草保护发:森林火灾受害率(‰);展主要指:≤0.9;标:≤0.9;预期性"
)


def test_a_header_row_keyed_by_pieces_of_the_title_names_the_columns() -> None:
    assert facts(table_targets(TITLE_KEYED)) == [
        ("森林覆盖率", "=", 42.5, "%", 2025),
        ("治理沙化土地面积", "=", 10.5, "万公顷", 2025),
        ("森林火灾受害率", "<=", 0.9, "‰", 2025),
    ]


def test_rows_named_by_kind_with_an_expected_year_end_column() -> None:
    # 563、贵州省新能源和可再生能源发展“十四五”规划, 表2: "种类" alone names the row, "2025年末(预计)" is the
    # due year's column; a level printed as a range is no target
    table = (
        "种类:二、风电(万千瓦);2020年(实际):580;“十四五”新增:500;2025年末(预计):1080;替代化石能源(万吨标煤):589.4\n"
        "种类:1、生物质能发电(万千瓦);2020年(实际):35.4;“十四五”新增:49.6;2025年末(预计):85;替代化石能源(万吨标煤):112.8\n"
        "种类:非化石能源装机比重(%);2020年(实际):52.9;“十四五”新增:4.5;2025年末(预计):60.6-58.5;替代化石能源(万吨标煤):-"
    )
    assert facts(table_targets(table)) == [("风电", "=", 1080, "万千瓦", 2025), ("生物质能发电", "=", 85, "万千瓦", 2025)]


# --- counts of works ----------------------------------------------------------------------------------------
def test_counts_after_the_actions_that_set_works_up() -> None:
    # 157: 设立, 增设, 补充建立, 组建, 制(修)订, 晋升
    assert facts(targets("推进抚顺、铁岭、营口森林草原火灾高风险区综合治理项目建设,增设29套林火预警监控系统。", 2025)) == [
        ("林火预警监控系统", "=", 29, "套", 2025)]
    got = facts(targets("在鸟类迁飞重要停歇地、越冬地、繁殖地、主要迁飞路线等区域,设立巡护监测站点20处,加大巡护监测力度。", 2025))
    assert got == [("设立巡护监测站点", "=", 20, "处", 2025)]
    got = facts(targets("在现有救护站、动物园、人工繁育场基础上,补充建立野生动物救护站10处,开展受伤野生动物救护。", 2025))
    assert got == [("野生动物救护站", "=", 10, "处", 2025)]  # the works, not the action establishing them
    got = facts(targets("组建国家林草业中长期科研基地5个以上,制(修)订林草技术标准120项。", 2025))
    assert got == [("组建国家林草业中长期科研基地", ">=", 5, "个", 2025), ("制(修)订林草技术标准", "=", 120, "项", 2025)]
    got = facts(targets("全面加强自然保护区建设,整合优化及调整43处自然保护区,新晋升5处自然保护区。", 2025))
    assert got == [("自然保护区", "=", 43, "处", 2025), ("新晋升自然保护区", "=", 5, "处", 2025)]  # new ones, as 新建


def test_works_named_by_the_action_they_end_in() -> None:
    # 157: an enumeration of works after the clause that opens it, each closed by its count
    got = facts(targets("开展自然公园保护恢复和功能提升工程,风景名胜区自然和人文景观保护2处,地质公园地质遗迹抢救性保护修复5处,"
                        "海洋公园海洋生态恢复2处。", 2025))
    assert got == [("风景名胜区自然和人文景观保护", "=", 2, "处", 2025),
                   ("地质公园地质遗迹抢救性保护修复", "=", 5, "处", 2025), ("海洋公园海洋生态恢复", "=", 2, "处", 2025)]
    assert targets("该公司涉及企业12家。", 2025) == []  # no action: a count, no target


def test_a_count_joined_to_the_count_before_shares_its_action() -> None:
    got = facts(targets("开展18处国家级自然保护区和31处省级自然保护区界桩、界碑、宣传牌等标识系统建设。", 2025))
    assert got == [("国家级自然保护区", "=", 18, "处", 2025), ("省级自然保护区界桩", "=", 31, "处", 2025)]


def test_a_count_of_places_then_the_works_done_there() -> None:
    got = facts(targets("落实国家湿地生态效益补偿政策,在2处国家级湿地自然保护区开展国家湿地生态效益补偿项目,提高湿地保护能力。", 2025))
    assert got == [("国家湿地生态效益补偿项目", "=", 2, "处", 2025)]


def test_an_area_done_so_many_times_over() -> None:
    # 157, 专栏9: "万公顷次", and a count per time ("批次")
    got = facts(targets("治理松材线虫病3.33万公顷次,治理美国白蛾53.33万公顷次,栗山天牛综合防治46.67万公顷次。", 2025))
    assert got == [("治理松材线虫病", "=", 3.33, "万公顷次", 2025), ("治理美国白蛾", "=", 53.33, "万公顷次", 2025),
                   ("栗山天牛综合防治", "=", 46.67, "万公顷次", 2025)]
    assert [(q.value, q.measure_unit) for q in scan_quantities("开展食用林产品质量安全监测5000批次", "zh")] == [(5000, "批次")]


# --- what an indicator names --------------------------------------------------------------------------------
def test_a_box_items_marker_opens_no_indicator() -> None:
    assert facts(targets("(三)培育省级以上龙头企业5家。", 2025)) == [("培育省级以上龙头企业", "=", 5, "家", 2025)]
    assert facts(targets("(三)完成退牧还草3万公顷。", 2025)) == [("退牧还草", "=", 3, "万公顷", 2025)]
    got = facts(targets("三是建立国家级中心测报点主测和监测对象数码影像库,建设15个省级监测站。", 2025))
    assert got == [("省级监测站", "=", 15, "个", 2025)]


def test_what_a_phrase_closed_by_its_value_says_besides_its_indicator() -> None:
    got = facts(targets("推进“互联网+”义务植树,提高义务植树尽责率。完成造林56.67万公顷,其中,飞播造林6.67万公顷。", 2025))
    assert got == [("造林", "=", 56.67, "万公顷", 2025), ("飞播造林", "=", 6.67, "万公顷", 2025)]
    got = facts(targets("新发展森林中药材、山野菜等林下经济开发面积0.67万公顷。", 2025))
    assert got == [("林下经济开发面积", "=", 0.67, "万公顷", 2025)]
    got = facts(targets("建成生产规模化、管理精细化、设备现代化、人员专业化的保障性苗圃10处。", 2025))
    assert got == [("保障性苗圃", "=", 10, "处", 2025)]


def test_a_bare_measure_after_a_count_of_works_is_theirs() -> None:
    got = facts(targets("新建林木良种基地5处,面积120公顷;林木采种基地5处,面积100公顷。", 2025))
    assert got == [("新建林木良种基地", "=", 5, "处", 2025), ("林木良种基地面积", "=", 120, "公顷", 2025),
                   ("林木采种基地", "=", 5, "处", 2025), ("林木采种基地面积", "=", 100, "公顷", 2025)]


# --- 563: costing and rates -----------------------------------------------------------------------------------
def test_a_costing_counts_the_additions_not_what_they_cost() -> None:
    # 第五章 投资匡算: the additions over the plan's period are targets, from 2021; the sum of their cost is none
    hits = targets("1、光伏发电项目:“十四五”期间新增光伏电站装机2043万kW,单位千瓦投资根据成本下降按2800至3500元/kW计,"
                   "总投资约645亿元。", 2025)
    assert facts(hits) == [("新增光伏电站装机", "=", 2043, "万kW", 2025)]
    assert hits[0].start_year == 2021 and hits[0].converted_value == 2.043e7


def test_a_yearly_rate_after_a_level_is_that_indicators_one_rate() -> None:
    got = facts(targets("到2025年,我省新能源和可再生能源产业产值达到456亿元,年均增速5.9%,新能源和可再生能源产业增加值达到"
                        "345亿元,年均增速5.3%。"))
    assert got == [
        ("新能源和可再生能源产业产值", "=", 456, "亿元", 2025),
        ("新能源和可再生能源产业产值", "increase", 5.9, "%", 2025),  # 年均 is no 均 of a list: not split at 和
        ("新能源和可再生能源产业增加值", "=", 345, "亿元", 2025),
        ("新能源和可再生能源产业增加值", "increase", 5.3, "%", 2025),
    ]


# --- 79 (河南), the round's third document, and the intensity a plan's science supports ------------------------
def test_an_enumeration_of_counts_after_new_creation() -> None:
    # 79、河南省人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见: "新创建" opens the enumeration, no name
    got = facts(targets("持续推进绿色制造体系建设,到2025年,新创建绿色工厂300家、绿色工业园区15个、绿色供应链管理企业20家。"))
    assert got == [("绿色工厂", "=", 300, "家", 2025), ("绿色工业园区", "=", 15, "个", 2025),
                   ("绿色供应链管理企业", "=", 20, "家", 2025)]


def test_an_intensity_the_plan_supports_is_named_without_the_support() -> None:
    # 577、科技支撑碳达峰碳中和实施方案(2022-2030年): "支撑单位…下降18%"
    got = facts(targets("到2025年实现重点行业和领域低碳关键核心技术的重大突破,支撑单位国内生产总值(GDP)二氧化碳排放比2020年下降18%,"
                        "单位GDP能源消耗比2020年下降13.5%。"))
    assert got == [("单位国内生产总值(GDP)二氧化碳排放", "decrease", 18, "%", 2025),
                   ("单位GDP能源消耗", "decrease", 13.5, "%", 2025)]


# --- counting words, shared heads, ranks ----------------------------------------------------------------
def test_the_counting_words_of_trees_plots_rounds_and_teams() -> None:
    # 157、辽宁省“十四五”林业草原发展规划: seedlings (株), sample plots (块), training rounds (期), teams (支)
    assert facts(targets("完成全民义务植树3亿株。", 2025)) == [("全民义务植树", "=", 3, "亿株", 2025)]
    [plots] = facts(targets("(五)开展林草碳汇试点工作,完成1000块碳汇样地调查和数据分析。", 2025))
    assert str(plots[0]).startswith("碳汇样地调查") and plots[1:] == ("=", 1000, "块", 2025)
    [rounds] = facts(targets("举办林草技术培训班80期。", 2025))
    assert "林草技术培训班" in str(rounds[0]) and rounds[1:] == ("=", 80, "期", 2025)


def test_short_modifiers_listed_before_one_head_share_it() -> None:
    # 157: the teams are counted, not 专业; counts of listed nouns stay apart
    got = facts(targets("完善分区域治理,新组建20支专业、半专业森林草原防扑火队伍。", 2025))
    assert got == [("专业、半专业森林草原防扑火队伍", "=", 20, "支", 2025)]
    got = facts(targets("开展18处国家级自然保护区和31处省级自然保护区界桩、界碑、宣传牌等标识系统建设。", 2025))
    assert [g[2] for g in got] == [18, 31]


def test_a_rank_is_no_count() -> None:
    # 181、江苏省…2022年度省碳达峰碳中和科技创新专项资金项目指南: "排名前10位" ranks the parks
    ranked = targets("2021年度通报的全省高新区评价排名前10位的高新园区每家推荐2项。", 2025)
    assert all(t.value != 10 for t in ranked)
    assert [q.value for q in scan_quantities("排名前3名的企业", "zh")] == []
    assert [(q.value, q.measure_unit) for q in scan_quantities("培养引进高层次人才100名", "zh")] == [(100, "名")]


# --- a rate named by its action alone -------------------------------------------------------------------
def test_a_rate_named_by_its_action_takes_the_works_of_the_clause_before() -> None:
    # 64、上海市…: the round-4 key reads 农药包装废弃物回收率; 146 (天津): the straw and the manure
    got = facts(targets("提高农业废弃物回收和资源利用水平。进一步完善农药包装废弃物回收处置体系,回收率保持在100%。", 2023))
    assert got == [("农药包装废弃物回收率", "=", 100, "%", 2023)]
    got = facts(targets("涉农区积极推进主要农作物秸秆综合利用,利用率达到98%以上。", 2025))
    assert got == [("主要农作物秸秆综合利用率", ">=", 98, "%", 2025)]
    got = facts(targets("加强畜禽养殖粪污资源化利用,利用率达到90%以上。", 2025))
    assert got == [("畜禽养殖粪污资源化利用率", ">=", 90, "%", 2025)]
    # 125 (巴中): the rate named with how the works are done (综合), the works without theirs (资源化)
    got = facts(targets("全覆盖实施病死畜禽集中无害化处置工程,持续推动畜禽粪污资源化利用,综合利用率达到95%以上。", 2025))
    assert ("畜禽粪污综合利用率", ">=", 95, "%", 2025) in got


def test_a_rate_after_a_rate_of_the_same_subject() -> None:
    # 106 (陕西): the sewage collected, then treated
    got = facts(targets("到2025年城市生活污水收集率达到70%、处理率达到95%以上。", 2025))
    assert got == [("城市生活污水收集率", "=", 70, "%", 2025), ("城市生活污水处理率", ">=", 95, "%", 2025)]

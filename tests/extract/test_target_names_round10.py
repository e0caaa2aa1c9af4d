"""Indicator labels of the tenth round: what a label says beyond what it measures (the action establishing the
works, the year and the scope it opens with, a note in brackets, the unit it is counted in), the word saying works
are new, and a head named alone that takes its subject from the target before it. Every sentence is copied from the
normalised text of a `tune` document (tests/keys/split.toml).
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def labels(text: str, period_end: int | None = 2025) -> list[str]:
    return [f[0] for f in facts(targets(text, period_end))]  # type: ignore[misc]


# --- the action establishing the works ---------------------------------------------------------------------------
def test_the_action_establishing_counted_works_is_no_part_of_their_name() -> None:
    # 85、宁夏…实施意见: 建成 the works
    text = "构建绿色制造体系,培育一批绿色工厂、绿色园区,到2025年,全区建成绿色园区12个以上、绿色工厂100家以上。"
    assert facts(targets(text))[0] == ("绿色园区", ">=", 12, "个", 2025)
    # 79、河南省…实施意见: 新创建 is no 新建
    text = ("持续推进绿色制造体系建设,到\n2025年,新创建绿色工厂300家、绿色工业园区15个、绿色供应链管理企业20家。")
    assert labels(text) == ["绿色工厂", "绿色工业园区", "绿色供应链管理企业"]
    # 157、辽宁省“十四五”林业草原发展规划: 补充建立
    text = "在现有救护站、动物园、人工繁育场基础上,补充建立野生动物救护站10处,开展受伤、病弱、饥饿、迷途及执法罚没野生动物救护。"
    assert labels(text) == ["野生动物救护站"]
    # 68、内蒙古自治区“十四五”应对气候变化规划
    text = "到2025年,力争全区储能装备生产规模达到1000万千瓦时,绿氢生产能力达到50万吨以上,建成加氢站100座。"
    assert labels(text)[-1] == "加氢站"


def test_putting_works_to_use_is_no_part_of_their_name() -> None:
    # 85、宁夏…实施意见: 集成推广应用 the technologies counted
    text = ("实施一批绿色技术创新攻关项目。到2025年,建成5个—6个与先行区建设要求相适应的科技成果转化示范基地,集成推广应用绿色"
            "先进适用技术50项,自治区生态环境领域创新平台达到45家、科技型企业达到100家。")
    assert ("绿色先进适用技术", "=", 50, "项", 2025) in facts(targets(text))


def test_a_table_rows_action_goes_too() -> None:
    # 316、北京市“十四五”时期制造业绿色低碳发展行动方案: a row of the indicator table
    text = ("指标:工业用水重复利用率;2025年:≥95%;指标性质:预期性\n"
            "指标:累计创建国家级绿色工厂(家);2025年:150;指标性质:预期性\n")
    assert ("国家级绿色工厂", "=", 150, "家", 2025) in facts(targets(text))


def test_new_works_keep_the_word_saying_so() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划: 新建 before the count, and a part of new works (其中)
    text = "加快充电桩等配套基础设施建设,新建10万个充电设施,建设45个出租车充电示范站。"
    assert labels(text, 2023)[0] == "新建充电设施"
    text = "2021年至2023年,每年新建\n绿地1000公顷,其中公园绿地500公顷以上。"
    assert labels(text, 2023) == ["新建绿地", "新建公园绿地"]
    # 157、辽宁省“十四五”林业草原发展规划: 新晋升, as 新建
    text = "全面加强自然保护区建设,整合优化及调整43处自然保护区,新晋升5处自然保护区。"
    assert labels(text)[-1] == "新晋升自然保护区"
    # a noun that opens with 建成 stays whole
    assert labels("到2025年,城市建成区绿地率达到40%。") == ["城市建成区绿地率"]


def test_counts_listed_before_the_works_they_share_count_those_works() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划: 创建工作 closes the list
    text = "继续开展生态循环示范区、示范镇、示范基地创建。到\n2023年,完成2个示范区、10个示范\n镇、100个示范基地创建工作。"
    assert labels(text, 2023) == ["示范区创建", "示范镇创建", "示范基地创建工作"]


# --- the year and the scope a label opens with --------------------------------------------------------------------
def test_the_year_and_scope_opening_a_label_are_no_part_of_it() -> None:
    # 80、湖北省…实施意见: the year the layout split ("2 025年"), then 全省
    text = "全面发展绿色建筑,2 025年全省城镇新建建筑执行绿色标准达到100%,城镇新建建筑绿色建材应用比例达到50%以上。"
    assert labels(text)[0] == "城镇新建建筑执行绿色标准"
    # 68、内蒙古自治区“十四五”应对气候变化规划: each place a target is set for
    text = ("各盟市政府(行政公署)所在地新增和更新的新能源公交车辆和快递物流配送车辆分别达到50%和20%;")
    assert labels(text) == ["新增和更新的新能源公交车辆", "新增和更新的新能源快递物流配送车辆"]


# --- a note in brackets, the unit an amount is counted in ------------------------------------------------------
def test_a_note_in_brackets_is_no_part_of_the_label() -> None:
    # 469、呼和浩特市“十四五”生态环境保护规划: a definition with its figure
    text = "到2025年,规模化养殖(年出栏生猪5000头规模当量)粪污处理设施装备配套率达到98%,畜禽粪污综合利用率达到90%以上。"
    assert labels(text)[0] == "规模化养殖粪污处理设施装备配套率"
    # 64、上海市…三年行动计划: a condition (在建 stays: the sites being built; the key leaves it out, scored alike)
    text = "进一步加强扬尘污染治理。确保在建(符合安装条件)工地扬尘在线监控安装率达到100%,加强扬尘在线监测执法。"
    assert labels(text, 2023)[0] == "在建工地扬尘在线监控安装率"
    # 563、贵州省新能源和可再生能源发展“十四五”规划: what it includes (the key puts 新增 after the kind, scored alike)
    text = "3、生物质能利用项目:“十四五”期间新增生物质能发电项目(含垃圾)装机50万kW,总投资94亿元。"
    assert labels(text)[0] == "新增生物质能发电项目装机"
    # a name's own brackets stay
    assert labels("到2025年,细颗粒物(PM2.5)浓度下降到30微克/立方米。") == ["细颗粒物(PM2.5)浓度"]


def test_the_unit_an_amount_is_counted_in_is_no_part_of_its_name() -> None:
    # 566、天津市可再生能源发展“十四五”规划
    text = "可再生能源消费量折合标煤超过1000万吨,占能源消费总量的比重超过11%,力争提高4个百分点以上。"
    assert labels(text)[:2] == ["可再生能源消费量", "可再生能源消费量占能源消费总量的比重"]


# --- a head named alone ------------------------------------------------------------------------------------------
def test_an_amount_named_by_its_head_takes_the_subject_named_before_it() -> None:
    # 112、南京江北新区碳达峰、碳中和行动计划（试行）: the industry of a count of its firms
    text = ("争取到2025年,集聚集成电路各类企业超1000家,产业收入超过3000亿元;生命健康产业集聚相关企业超2000家,"
            "收入突破5000亿元;")
    assert labels(text)[1::2] == ["集成电路产业收入", "生命健康产业收入"]
    # 68、内蒙古自治区“十四五”应对气候变化规划: the resource of the works on it
    text = "继续推进煤矿瓦斯先抽后采、抽采达标工作,“十四五”期间,建设煤矿瓦斯治理示范井5处,实现年利用量0.24亿立方米。"
    assert labels(text)[-1] == "煤矿瓦斯年利用量"


def test_a_rate_named_by_its_action_leaves_the_manner_of_the_action_before() -> None:
    # 157、辽宁省“十四五”林业草原发展规划: 无公害 is how the pests are controlled, not how they do damage
    text = "全省70%的县(市)实施空地一体化监测,林业有害生物无公害防治率达90%以上,成灾率控制在8‰以下。"
    assert labels(text)[-2:] == ["林业有害生物无公害防治率", "林业有害生物成灾率"]


# --- items paired with values ------------------------------------------------------------------------------------
def test_a_later_item_paired_with_its_value_takes_the_subject_of_the_first() -> None:
    # 500、青岛市温室气体减排和大气污染治理协同控制三年行动计划（2021-2023年）: 平均运距 names no subject of its own
    text = "到2023年,全市轨道交通营运里程达到310公里,年轨道交通客流量和平均运距较2020年分别提升30%和20%。"
    assert facts(targets(text, 2023))[1:] == [
        ("年轨道交通客流量", "increase", 30, "%", 2023), ("年轨道交通平均运距", "increase", 20, "%", 2023)]
    # 191、山东省能源科技创新“十四五”规划: a first item that is no indicator (新建) gives none
    text = "新建、在役煤电纯凝机组稳燃情况下最小技术出力分别达到额定容量的20%和30%。"
    assert "新建" not in labels(text)

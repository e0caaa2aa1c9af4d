"""Figures a rule gives, not goals a text sets: what a funding scheme pays per case and its ceilings, the class of
works a ban or a condition bounds, how long a step of a procedure takes, a figure's number in the text; and words
inside words that look like a goal (健全覆盖). Each sentence is copied from a `tune` document's normalised text
(extract/target_scope.py `rule_figure`, `class_bound`, `not_the_texts_target`; extract/targets.py, extract/numbers.py, extract/target_words.py)."""

from __future__ import annotations

import pytest

from policykg.extract.targets import extract_targets
from tests.extract.target_facts import facts, targets


@pytest.mark.parametrize("line", [
    # 404、2021年福州市工业和信息化发展专项资金…: an award per firm, a subsidy's ceiling
    "4.对获得国家“能效之星”“能效领跑者”等能效先进称号的企业,每家奖励50万元。",
    "对年节能量达到300吨标准煤以上的节能项目,按照每吨标准煤500元的标准补助,最高奖励150万元。",
    # 121、杭州市科技…: a grant's ceiling
    "市科技专项资金按不超过该项目实际研发投入、并经验收意见核定研发经费投入额的20%给予后补助,单项最高不超过500万元。",
    # 343 (福建): what is granted per system, the kind of grant written after the sums (给予)
    "鼓励重点用能企业建设二级、三级能耗在线监测系统,按系统建设级别分别给予不超过10万元、15万元一次性补助;",
    # 404: an interest subsidy's cap per firm
    "市财政给予每年2%的技改项目融资贴息,贴息期限2年,单个企业投放资金不超过2亿元。",
])
def test_what_a_funding_scheme_pays_is_no_target(line: str) -> None:
    assert targets(line, period_end=2025) == []


@pytest.mark.parametrize("line", [
    # 100、重庆市…, 169, 205, 236: the refineries a ban covers, by size
    "严禁新建1000万吨/年以下常减压、150万吨/年以下催化裂化、100万吨/年以下连续重整(含芳烃抽提)装置。",
    # 199、山东省…, 451: the boilers a ban covers
    "禁止新建35蒸吨/小时及以下燃煤锅炉,新建生物质锅炉不得掺烧煤炭、重油、渣油等化石燃料。",
    # 13、…数据中心和5G…, 223, 260: the data centres a survey registers
    "各地加快组织开展数据中心生产能耗情况调查,对于规模超过100个标准机架(2.5KW)的数据中心(包括已建和在建)逐一登记造册。",
])
def test_the_class_a_ban_or_a_condition_bounds_is_no_target(line: str) -> None:
    assert targets(line, period_end=2025) == []


def test_how_long_a_step_of_a_procedure_takes_is_no_target() -> None:
    # 277、…“揭榜挂帅”榜单: a time to act in (内); 139、四川省…: a notice period
    assert targets("该阶段,每个申报项目仅有1次修改机会,且应在驳回后的3个工作日内完成修改并成功提交至市科技局再次进行审查。") == []
    assert targets("生态环境厅、经济和信息化厅将组织专家对各市(州)报送方案开展评审,并在生态环境厅、经济和信息化厅官网公示5个工作日。") == []
    # a duration counted with 个 is a time, not a count of things (181: 每年用于项目的工作时间不得少于6个月)
    assert [(t.value, t.measure_unit) for t in targets("每年用于项目的工作时间不得少于6个月。")] == [(6, "个月")]
    # a time cut to a level is a target, with the verb no part of its name
    assert facts(targets("到2025年,项目审批时间压缩至5个工作日以内。")) == [("项目审批时间", "<=", 5, "个工作日", 2025)]


def test_a_figure_s_number_is_no_count() -> None:
    # 505、绿色低碳工厂建设评价…: "图1所示" is no school
    assert targets("绿色低碳工厂建设评价体系框架如图1所示。") == []


def test_full_coverage_is_no_goal_inside_another_word() -> None:
    # 241、广东省…: 健全 + 覆盖, not 全覆盖; 478、广东省…: the coverage kept, a heading of a task
    assert extract_targets("建立健全覆盖全省域的生态环境分区管控体系,强化“三线一单”刚性约束。", "zh", period_end=2025) == []
    assert extract_targets("一是巩固全覆盖成效。", "zh", period_end=2025) == []


def test_a_line_going_on_with_a_unit_s_tail_is_no_heading() -> None:
    # 427、广元市…: the layout wrapped "m3/s" and the rate's name; the short line "/s,保障" is no heading
    line = "东河(旺苍水文站)生态基流5.2m3\n/s,保障\n率达90%。"
    assert ("保障率", "=", 90, "%", 2025) in facts(targets(line, period_end=2025))


def test_what_a_plan_s_works_cost_is_no_target() -> None:
    # 452、宿迁市…: the sum of the works' investments
    line = ("下水和农业农村环境保护工程18项、环境基础设施建设工程34项、生态保护与修复工程25项、生态环境监测监控能力建设33项,"
            "共计投资额390.21亿元。")
    assert [t for t in targets(line, period_end=2025) if t.measure_unit == "亿元"] == []
    # 455、泰州市…: the planned investment and its largest part
    line = ("为实现泰州市生态环境保护“十四五”规划目标,在全市范围内规划7大类70项工程,计划投资135.83亿元,其中污水处理设施建设"
            "占比最大,总投资额为67.48亿元。")
    assert [t for t in targets(line, period_end=2025) if t.measure_unit == "亿元"] == []


def test_under_a_costing_heading_the_additions_are_targets_and_their_cost_is_not() -> None:
    # 560、江苏省“十四五”可再生能源发展专项规划, 五、投资估算和效益分析 / (一)投资估算: "风电新增约1250万千瓦,新增投资约1650亿元"
    from tests.extract.test_extraction_keys import _extracted

    _, extraction = _extracted("560、江苏省“十四五”可再生能源发展专项规划.pdf")
    found = [(t.indicator, t.value, t.measure_unit) for t in extraction.targets() if not t.qualitative]
    assert ("风电新增装机", 1250, "万千瓦") in found
    assert not [f for f in found if "投资" in f[0]]


def test_what_there_is_already_is_no_target() -> None:
    # 431、乌海市“十四五”生态环境保护规划: the gate stations there are, then the one to build
    line = "到2025年,在海勃湾、乌达等既有4座门站的基础上,新建1座门站,配备不低于乌海市3天需求量的储气设施。"
    assert [(t.value, t.measure_unit) for t in targets(line)] == [(1, "座")]


def test_a_plan_s_analysis_of_its_effects_estimates() -> None:
    # 574、内蒙古自治区“十四五”电力发展规划, 规划实施效果分析 / 经济社会影响 / (一)拉动经济增长: "“十四五”期间,全区电力投资
    # 总规模约7000亿元。其中,煤电投资约1000亿元,…", what the plan is expected to bring, not what it sets
    from tests.extract.test_extraction_keys import _extracted

    _, extraction = _extracted("574、内蒙古自治区“十四五”电力发展规划.pdf")
    found = [(t.indicator, t.value) for t in extraction.targets() if not t.qualitative]
    assert not [f for f in found if "投资" in f[0]]


def test_how_little_there_is_is_a_state_not_a_goal() -> None:
    # 562、四川省“十四五”可再生能源发展规划: the storage a problem statement deplores
    assert targets("具有季及以上调节能力的水库电站装机容量仅占水电装机的38.6%。", period_end=2025) == []
    # 433、眉山市“十四五”生态环境保护规划: the shares reached; "仅为" the one the text finds low
    line = "非化石能源消费占比55.78%,电力消费占比51.39%,煤炭消费占比仅为13.42%。"
    assert 13.42 not in [t.value for t in targets(line, period_end=2025)]


@pytest.mark.parametrize("line", [
    # 416、天津市“十四五”海洋生态环境保护规划: who fails the goal
    "强化执法监督和责任追究,对未能按期完成目标任务、落实不利、进展缓慢的区和部门,督促限期整改。",
    # 518、佛山市绿色建筑创建行动实施方案: who outdoes it
    "对超额完成、提前完成目标的地区予以表扬奖励。",
    # 65、上海市…: who still falls short after the works
    "执行船舶新环保标准,改造现有非达标船舶,对改造后仍不能达到要求的,实施限期淘汰。",
])
def test_who_fails_or_outdoes_a_goal_is_named_by_it_and_sets_none(line: str) -> None:
    assert extract_targets(line, "zh", period_end=2025) == []


@pytest.mark.parametrize("line", [
    # 473 (宁德): the water sources a task is about, by the people they serve or what they supply
    ("以供水人口在1万人或日供水1千吨以上的饮用水水源为重点,对可能影响农村饮用水安全的化工、造纸、冶炼、制药等风险源和生活垃圾"
     "污水、畜禽养殖、农药化肥等污染源进行排查,解决饮用水水源地突出环境问题。"),
    # 260 (广西): the projects a review covers, by their energy use
    ("年综合能源消费量在1000吨标准煤或年电力消费量500万千瓦时以上的新建或改扩建数据中心项目,要按照《广西壮族自治区固定资产投资"
     "项目节能审查实施办法》要求进行节能审查。"),
    # 223 (福建): the data centres to be merged, by their size
    "推动规模在300个机架以下、年均电能利用效率高于1.8的小规模、高能耗自用型数据中心向集约化、规模化、高效化发展。",
    # 295: the events a scheme covers, by their size
    "(2)参与人数在50人及以上且不足1000人的各类活动、会议,可通过自我承诺确认实现碳中和,鼓励在闽政通“八闽碳惠”平台进行核算和抵消。",
    # 419 (四川): the farms a survey covers, a condition in brackets
    ("开展种植(粮油生产大于100亩、经作生产大于50亩)、畜禽养殖(存栏生猪当量大于50头)、水产养殖(水域面积大于100亩)等典型农业污染源"
     "调查工作,摸清农业面源污染底数,厘清农业面源污染产生和迁移的关键要素,明确监控与治理靶向。"),
    # 509 (“十四五”生态环境监测规划): the bays a task centres on (以…为重点), by their size
    "以面积大于100平方千米、水质污染较重的海湾为重点,试点开展海水水质自动监测,兼顾赤潮、绿潮、溢油等海洋生态环境风险防控需求。",
    # 452 (宿迁): the sections a task centres on, counted
    ("以水环境质量持续改善为目标,实施控制单元精细化管理,以水质波动较大的和新增24个国省考断面为重点,实施“一断面一方案”水质"
     "达标整治。"),
    # 484 (浙江): the production lines to merge, by a bounded scale
    "推动未达到能效标杆水平的2500吨/日及以下规模的水泥熟料生产线整合置换。",
    # 223 (福建): the data centres to close, by any of three bounds joined by 或
    "对年均电能利用效率高于2.0或平均单机架功率低于2.5千瓦或平均利用率低于30%的功能落后的备份存储类数据中心逐步关闭;",
])
def test_a_figure_saying_which_things_a_task_is_about_is_no_target(line: str) -> None:
    assert targets(line, period_end=2025) == []


def test_a_level_kept_or_held_after_zai_stays_a_target() -> None:
    # 490 (三明): 保持在 sets a level; the 在 of a class bound (在…以上的) is another
    got = facts(targets("森林覆盖率保持在76.80%以上,森林蓄积量达到19906万立方米。", period_end=2025))
    assert ("森林覆盖率", ">=", 76.8, "%", 2025) in got


@pytest.mark.parametrize("line", [
    # 352 (四川), 170, 197: a design standard for each county town
    "严格控制县城广场规模,县城广场的集中硬地面积不应超过2公顷。",
    "综合考虑功能需求、消防救援能力等因素,在县城宜建设多层住宅,最高不超过18层,原则上6层及以下住宅面积占比应不低于70%。",
    # 563 (贵州): a measure of a project's works
    "限制运输车辆的行驶速度,场地内的行车速度不宜超过15公里/小时等措施对扬尘进行控制。",
    # 548 (上海): a condition a community applying for a scheme must meet
    "(1)社区内的住户须达到2000户(含)以上(中心城区)或1500户(含)以上(郊区)",
])
def test_a_bound_set_with_xu_buyi_or_buying_is_a_requirement_not_a_goal(line: str) -> None:
    assert targets(line, period_end=2025) == []


def test_what_an_amount_is_equivalent_to_is_an_estimate() -> None:
    # 332 (the national renewable energy plan), 560 (江苏): the use of renewables is the target, what it equals no more
    got = facts(targets("2025年,全国可再生能源年利用量折合10亿吨标准煤,届时可再生能源年利用量相当于减少二氧化碳排放量约26亿吨,"
                        "减少二氧化硫排放量约50万吨,减少氮氧化物排放约60万吨,减少烟尘排放约10万吨,年节约用水约40亿立方米,"
                        "环境效益显著。", period_end=2025))
    assert got == [("可再生能源年利用量", "=", 10, "亿吨标准煤", 2025)]
    assert targets("初步预计,到2025年,全省可再生能源发电量相当于每年替代3300余万吨标准煤,与常规燃煤发电机组相比,全省可再生能源年"
                   "发电量相当于减少二氧化碳年排放量约8700余万吨,减少二氧化硫年排放量约1.34万吨,减少氮氧化物年排放量约1.92万吨,"
                   "环境效益十分显著。", period_end=2025) == []


@pytest.mark.parametrize("line", [
    # 548 (上海): rows of a low-carbon community's scoring rubric
    "碳软环境建设:21.垃圾分类与收集(2分);评价方法:现场检查社区内分类回收垃圾箱普及率达到100%的得1分;社区内建设1个大件垃圾分类收集点,"
    "如装修垃圾、有害有毒垃圾、废旧家具、家用电器得1分;以上均未实施的0分;",
    "碳软环境建设:22.社区绿化(3分);评价方法:现场检查社区绿化遵从自然规律,充分应用本地植物,建设适合本地气候特色的自然生态系统,本地植物"
    "比例在85%以上,树种在5种以上得3分;本地植物及树种少于以上要求依次扣减直至0分;",
])
def test_a_scoring_rubric_gives_points_not_goals(line: str) -> None:
    assert targets(line, period_end=2025) == []


def test_the_ceilings_a_grant_lists_after_the_first() -> None:
    # 110 (深圳), 310: the ceilings of the province's and the city's products, of a firm's year, follow the first
    assert targets("3.扶持标准:奖励,单个国家级产品奖励金额不超过20万元,省级不超过10万元,市级不超过5万元,单个企业单年度累计不超过100万元"
                   "(含国家、省、市级产品奖励总和),同一型号产品累计只能获得一次奖励。", period_end=2025) == []


@pytest.mark.parametrize("line", [
    # 185 (成都): the share of parking places to equip, by kind of building
    "根据停车位数量配建充电桩,新建建筑按15%—25%分类配建,既有机关及企事业单位按不低于20%配建。",
    # 574 (内蒙古): the storage a new station is equipped with
    "发展新能源基地配套储能项目,新建新能源电站按照不低于15%(2小时)配置储能装置。",
])
def test_a_rate_things_are_done_by_is_a_rule(line: str) -> None:
    assert targets(line, period_end=2025) == []


def test_a_rows_status_cell_is_the_state_the_plan_starts_from() -> None:
    # 76 (福建): the 2020 column of an indicator row whose target cell words its goal; the sentence grammar read the
    # status cell's change as a target named 较2015年下降
    line = ("领域:绿色;序号:2;指标名称:单位地区生产总值能源消耗降低(%);现状值(2020年):较2015年下降16.9%;目标值(2025年):完成国家"
            "下达指标;指标属性:约束性")
    assert targets(line, period_end=2025) == []

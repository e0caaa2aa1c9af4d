"""Target forms left as misses by earlier rounds of the tuning key and read again in the twenty-seventh: a share
reached by an action written after it, and a bare measure whose subject the clause before names. Every sentence is
copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def test_a_share_reached_by_the_action_after_it() -> None:
    # 422、攀枝花市“十四五”生态环境保护规划 and 425、内江市“十四五”生态环境保护规划: 做到 only says the share is reached
    assert facts(targets("废旧(退役)放射源做到100%安全收贮", 2025)) == [("废旧(退役)放射源安全收贮率", "=", 100, "%", 2025)]
    assert facts(targets("开展辐射安全许可专项清理,确保废旧放射源做到100%安全收贮。", 2025)) == [
        ("废旧放射源安全收贮率", "=", 100, "%", 2025)]


def test_a_share_after_its_population_with_the_action_and_no_verb() -> None:
    # 427、广元市“十四五”生态环境保护规划; 146、天津市生态环境保护“十四五”规划 (as 422's and 425's with 做到, keyed there)
    assert facts(targets("到2025年,放射性废源100%安全处置,杜绝重、特大放射源辐射事故发生")) == [
        ("放射性废源安全处置率", "=", 100, "%", 2025)]
    assert facts(targets("加强放射性废物(源)安全管理,废旧放射源100%安全收贮。", 2025)) == [("废旧放射源安全收贮率", "=", 100, "%", 2025)]


def test_a_share_reached_names_nothing_without_an_action() -> None:
    # 76、福建省“十四五”生态环境保护专项规划: 应收尽收 is no action a rate is named by, and the sentence keys no target
    assert facts(targets("加强废旧闲置放射源送贮管理,对发现的废旧闲置放射源做到100%应收尽收。", 2025)) == []


def test_a_bare_measure_takes_the_subject_of_the_trend_before() -> None:
    # 19、关于“十四五”推动石化化工行业高质量发展的指导意见; 32、“十四五”新型储能发展实施方案
    assert facts(targets("大宗化工产品生产集中度进一步提高,产能利用率达到80%以上", 2025)) == [
        ("大宗化工产品产能利用率", ">=", 80, "%", 2025)]
    assert facts(targets("其中,电化学储能技术性能进一步提升,系统成本降低30%以上;", 2025)) == [
        ("电化学储能系统成本", "decrease", 30, "%", 2025)]


def test_a_count_names_the_thing_after_the_qualities_listed_before_it() -> None:
    # 352、四川省关于加强县城绿色低碳建设的实施意见: qualities joined by 、, then 的 and what is counted
    sentence = ("培育创建30个左右生态环境优美、居住条件舒适、绿色低碳节约、城市功能完善、风貌特色突出、历史文化彰显、管理机制健全的"
                "“三绿”宜居低碳示范县城")
    assert facts(targets(sentence, 2025)) == [("“三绿”宜居低碳示范县城", "~", 30, "个", 2025)]
    # modifiers that are no qualities keep their shared head as before (round 10)
    assert facts(targets("新组建20支专业、半专业森林草原防扑火队伍", 2025)) == [("专业、半专业森林草原防扑火队伍", "=", 20, "支", 2025)]


def test_a_count_named_only_by_its_action_takes_the_works_of_the_clause_before() -> None:
    # 166、龙岩市全国林业改革发展综合试点实施方案: the year the count is due stands between the works and the count
    assert facts(targets("推进林业站标准化建设,到2025年完成建设15个以上")) == [("林业站标准化建设", ">=", 15, "个", 2025)]


def test_years_that_date_the_housing_a_plan_renews_are_no_deadline() -> None:
    # 172、青岛市“十四五”建筑节能与绿色建筑发展规划: "1980年至2000年期间建成的", "2001-2005年建成小区" date the estates;
    # the plan's total (规划共改造…) is a target of the plan, due at its end
    text = ("以1980年至2000年期间建成的老旧小区为重点,开展节能宜居综合改造试点。规划期内,根据急缓程度、集合财力情况有序推进对"
            "2001-2005年建成小区的改造,规划共改造老旧小区1521个,完成既有居住建筑节能改造面积1000万平方米以上。")
    assert facts(targets(text, 2025)) == [("改造老旧小区", "=", 1521, "个", 2025),
                                          ("既有居住建筑节能改造面积", ">=", 1000, "万平方米", 2025)]


def test_a_share_of_stands_that_have_works_built() -> None:
    # 64、上海市2021-2023年生态环境保护和建设三年行动计划: 建设完成 is what the share of the stands reaches (the works named
    # first, then their action)
    assert facts(targets("近机位100%建设完成APU替代设施", 2023)) == [("近机位APU替代设施建设", "=", 100, "%", 2023)]


def test_what_a_figure_comes_to_is_no_target() -> None:
    # 560、江苏省“十四五”可再生能源发展专项规划: the plan's estimate of its benefits, stated as equivalences
    text = ("初步预计,到2025年,全省可再生能源发电量相当于每年替代3300余万吨标准煤,与常规燃煤发电机组相比,全省可再生能源年发电量"
            "相当于减少二氧化碳年排放量约8700余万吨")
    assert facts(targets(text)) == []
    # 565、广西可再生能源发展“十四五”规划: the amount used stays, what it comes to in CO2 goes
    text = ("“十四五”期间,全区可再生能源电力年利用量折合3600万吨标准煤,相当于减少二氧化碳排放量约5650万吨,有效减少二氧化硫、"
            "氮氧化物、粉尘等污染物排放,环境效益显著。")
    assert [f[2] for f in facts(targets(text, 2025))] == [3600]


def test_a_part_that_holds_the_measure_before_further() -> None:
    # 13、贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展实施方案
    text = "到2025年,全国新建大型、超大型数据中心平均电能利用效率降到1.3以下,国家枢纽节点进一步降到1.25以下"
    assert [(f[0], f[2]) for f in facts(targets(text))] == [
        ("新建大型、超大型数据中心平均电能利用效率", 1.3), ("国家枢纽节点新建大型、超大型数据中心平均电能利用效率", 1.25)]


def test_what_a_plan_expects_is_no_part_of_the_name_and_a_gap_that_exists_no_level() -> None:
    # 562、四川省“十四五”可再生能源发展规划
    text = "到2025年,我省预计水风光装机达到1.27亿千瓦,装机占比达到84.7%,水风光发电量达到4500亿千瓦时以上。"
    assert [f[0] for f in facts(targets(text))] == ["水风光装机", "水风光装机占比", "水风光发电量"]
    # 574、内蒙古自治区“十四五”电力发展规划: 存在 (there is) is no verb setting a level
    text = ("按照电力平衡原则,考虑外送华北420万千瓦、事故备用和机组检修800万千瓦、风电装机按6%参与平衡等因素,预计到2025年存在800万千瓦"
            "左右电力硬缺口。")
    assert facts(targets(text)) == []


def test_a_bare_year_opening_a_share_of_a_population_dates_it() -> None:
    # 575、山东省关于推动城乡建设绿色发展若干措施的通知: "…探索推动绿色化改造,2022年60%以上城市社区达到绿色社区创建要求,“十四五”期间,…"
    text = "深入推进既有建筑节能改造,探索推动绿色化改造,2022年60%以上城市社区达到绿色社区创建要求。"
    assert facts(targets(text)) == [("城市社区达到绿色社区创建要求", ">=", 60, "%", 2022)]


def test_rates_listed_before_one_share_with_no_verb_each_take_it() -> None:
    # 187、成都市优化能源结构促进城市绿色低碳发展政策措施 (read as a plan's task)
    text = "推进中心城区配电网格化改造提升,提高运维管控智能化水平,实现配网10千伏线路联络率、标准接线率、线路转供率100%。"
    assert [f[0] for f in facts(targets(text, 2025))] == ["配网10千伏线路联络率", "配网10千伏标准接线率", "配网10千伏线路转供率"]


def test_holders_sharing_a_rate_take_the_measure_of_the_target_before() -> None:
    # 419、四川省“十四五”农业农村生态环境保护规划
    text = "到2022年底,阆中市和苍溪县农村黑臭水体消除比例达到90%以上,巴中市巴州区、南江县、仪陇县消除比例达到70%以上。"
    assert [f[0] for f in facts(targets(text))][2:] == [
        "巴州区农村黑臭水体消除比例", "南江县农村黑臭水体消除比例", "仪陇县农村黑臭水体消除比例"]


def test_an_amount_of_works_after_its_action_names_the_works_not_the_target_before() -> None:
    # 149、山东省“十四五”应对气候变化规划
    text = "到2025年,以黄河流域、南四湖流域等为重点,实施150个左右水生态保护修复项目,完成600公里河湖缓冲带建设或修复"
    assert [(f[0], f[2]) for f in facts(targets(text))] == [("水生态保护修复项目", 150), ("河湖缓冲带建设或修复", 600)]
    # 511、关于江苏省“十四五”全社会节能的实施意见: after a share, the area of works done
    text = "到2025年,公共机构新增及更新车辆中新能源汽车比例原则上不低于30%,完成1000万平方米以上公共机构既有建筑绿色化改造工作"
    assert [(f[0], f[2]) for f in facts(targets(text))][-1] == ("公共机构既有建筑绿色化改造工作", 1000)


def test_the_condition_of_a_rule_is_no_target() -> None:
    # 539、天津市绿色建筑发展“十四五”规划
    text = "新建项目总建筑面积在20万平方米(含)以上的,需明确建设一栋以上超低能耗建筑。"
    assert facts(targets(text, 2025)) == []

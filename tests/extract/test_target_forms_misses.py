"""Target forms the tuning key (rounds 1–12) still missed after the twelfth round's rules, where the form recurs
beyond one document. Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


# --- a capacity sized as a share of a whole -----------------------------------------------------------------------
def test_a_share_before_the_capacity_it_sizes() -> None:
    # 2、2030年前碳达峰行动方案: who has the capacity is named before the verb
    got = facts(targets("到2030年,省级电网基本具备5%以上的尖峰负荷响应能力。"))
    assert got == [("省级电网尖峰负荷响应能力", ">=", 5, "%", 2030)]
    # 574、内蒙古自治区“十四五”电力发展规划: the whole the share is of (占…) is no part of the name
    got = facts(targets("力争2025年形成占全社会最大负荷3%的需求侧响应能力。"))
    assert got == [("需求侧响应能力", "=", 3, "%", 2025)]


def test_a_share_before_what_is_no_capacity_stays_no_target() -> None:
    assert not targets("到2025年,形成30%以上的产业规模。")


# --- a count after the place that does the works ------------------------------------------------------------------
def test_the_place_before_the_action_names_the_count_with_its_noun() -> None:
    # 530、广东省建筑节能与绿色建筑发展“十四五”规划
    got = facts(targets("粤港澳大湾区珠三角九市完成一批典型项目,粤东西北每年完成1个以上节能绿色化改造项目。", 2025))
    assert got == [("粤东西北节能绿色化改造项目", ">=", 1, "个", 2025)]
    # 451、德州市“十四五”生态环境保护规划
    got = facts(targets("到2025年年前,中心城区应建成1处规范的建筑垃圾消纳场,推进其他各县(市、区)建筑垃圾处理能力建设。"))
    assert got == [("中心城区规范的建筑垃圾消纳场", "=", 1, "处", 2025)]


def test_a_yearly_word_before_the_action_is_no_place() -> None:
    # 151、湖北省林业发展“十四五”规划
    got = facts(targets("“十四五”期间,全省每年建成15个森林城镇、100个森林乡村。", 2025))
    assert ("森林城镇", "=", 15, "个", 2025) in got


# --- a unit's symbol after a space, a zone's measures ---------------------------------------------------------------
def test_a_unit_symbol_after_a_space_and_a_zone_named_by_the_target_before() -> None:
    # 455、泰州市“十四五”生态环境保护规划: "8 m3" and its "/万元" on the next line, as the text layer gives them; the
    # intensity after the park's rate is the park's
    got = facts(targets("节水减排工程:推进泰州海陵工业园区再生水回用率达到80%,单位工业增加值新鲜水耗不超过 8 m3\n/万元。", 2025))
    assert ("泰州海陵工业园区单位工业增加值新鲜水耗", "<=", 8, "m3/万元", 2025) in got


def test_zones_counted_lend_no_zone() -> None:
    got = facts(targets("到2025年,创建绿色园区2个,绿色工厂15个。"))
    assert ("绿色工厂", "=", 15, "个", 2025) in got


# --- capacities of works after one another ----------------------------------------------------------------------
def test_a_capacity_after_another_of_the_same_base_takes_its_base() -> None:
    # 562、四川省“十四五”可再生能源发展规划: the sentence names nothing but its period and capacities before the second
    item = ("(一)重点推进“三江”水电基地建设\n重点推进金沙江、雅砻江、大渡河“三江”水电基地建设。“十四五”期间新增投产装机约"
            "2200万千瓦,核准建设规模约1200万千瓦。")
    got = facts(targets(item, 2025))
    assert got == [("“三江”水电基地新增投产装机", "~", 2200, "万千瓦", 2025), ("“三江”水电基地核准建设规模", "~", 1200, "万千瓦", 2025)]


# --- things chosen to become what 作为 names ----------------------------------------------------------------------
def test_a_count_of_things_chosen_counts_what_they_become() -> None:
    # 157、辽宁省“十四五”林业草原发展规划
    got = facts(targets("每个市确定2个区域作为重点监测区,重点监测高致病性禽流感和非洲猪瘟等陆生野生动物疫源疫病。", 2025))
    assert got == [("重点监测区", "=", 2, "个", 2025)]
    # what they become cut short by a list it holds (…禽流感和…) is left unread
    assert not targets("在每个市确定2个区域作为高致病性禽流感和非洲猪瘟等野生动物疫源疫病重点监测区,重点监测。", 2025)


def test_a_count_of_things_brought_into_service() -> None:
    # 157: "实现" a count, then the things and the state in service they reach
    sentence = ("依托国家林业生态建设与保护北斗示范应用系统和超短波应急通讯系统,推动基层生态护林人员、防扑火队伍开展森林草原防火要素"
                "信息采集,实现8000部森林草原防火北斗巡护终端入网运行。")
    assert facts(targets(sentence, 2025)) == [("森林草原防火北斗巡护终端入网运行", "=", 8000, "部", 2025)]
    assert not targets("实现8000部森林草原防火北斗巡护终端的统一管理。", 2025)  # no state in service reached


# --- a scale named by its head after a capacity of its kind -----------------------------------------------------
def test_a_development_scale_after_a_capacity_of_its_kind() -> None:
    # 566、天津市可再生能源发展“十四五”规划
    sentence = ("到2025年,全市投产可再生能源电力装机超过800万千瓦,占电力总装机的比重达到30%左右,力争开发建设规模达到1000万千瓦;"
                "完成国家下达的可再生能源电力消纳责任权重指标。")
    assert ("可再生能源电力开发建设规模", "=", 1000, "万千瓦", 2025) in facts(targets(sentence))


# --- a paragraph led by its short heading, after another year ------------------------------------------------------
def test_a_paragraph_led_by_its_heading_is_a_task_of_the_plan_again() -> None:
    # 146、天津市生态环境保护“十四五”规划, 推动交通领域绿色转型: a paragraph names 2023; the one after, led by
    # "持续推进“公转铁”。", names no year and is due at the plan's end; the firms its sentence opens with keep the level
    text = ("推进港口清洁作业。加快港作机械清洁化改造,新增或更换港作机械优先使用电能、氢能、天然气等清洁能源,"
            "2023年底前,新能源、清洁能源和国三及以上排放水平港作机械占比达到70%以上。"
            "具备条件的非道路移动机械实施电子围栏管控。加大技术革新和新科技应用,"
            "推进港口装卸、运输、仓储等关键环节升级改造,提高大宗散货作业清洁化水平。推进港口岸电设施建设,"
            "加强船舶使用岸电检查,推动具备受电条件的船舶全部使用岸电,不断提高船舶靠港岸电使用率。\n"
            "加强港口环境监管。加强扬尘管控,散货装卸、堆放等作业严格落实抑尘措施,"
            "大型煤炭和矿石码头、干散货码头物料堆场,实施物料输送系统封闭改造。加强港口环境综合监管能力建设,"
            "完善大气、水环境监测网络,增设临港降尘考核点,扩大降尘考核区域范围,"
            "天津港平均降尘量控制在滨海新区平均水平以上。\n"
            "持续推进“公转铁”。大宗货物年货运量150万吨以上的工业企业、新建物流园区要配套建设铁路专用线,"
            "150万吨以下的工业企业、新建物流园区要采取共建共用铁路专用线或新能源车辆集疏运方式。"
            "钢铁、电力、焦化等重点企业,充分利用已有铁路专运线能力,持续提高大宗物料铁路运输比例,"
            "确保稳定在50%以上。")
    got = facts(targets(text, 2025))
    assert ("新能源、清洁能源和国三及以上排放水平港作机械占比", ">=", 70, "%", 2023) in got
    assert ("钢铁、电力、焦化等重点企业大宗物料铁路运输比例", ">=", 50, "%", 2025) in got

"""Target forms of the thirteenth round of the tuning key (520, 433, 539, 152 and 275, read whole). Every sentence is
copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.period import clause_period_end
from tests.extract.real_documents import real, titled
from tests.extract.target_facts import facts, targets


# --- names ------------------------------------------------------------------------------------------------------
def test_completing_what_the_years_plan_sets_is_no_part_of_the_name() -> None:
    # 152、湖北省2022年林业工作要点: 全年计划完成 says the amount is the year's plan; the works are 营造林
    got = facts(targets("统筹城乡一体绿化,多形式开展义务植树,全年计划完成营造林175.5万亩,新建省级森林城市3个、森林城镇15个、"
                        "森林乡村100个,启动“宜荆荆恩”森林城市群建设。", 2022))
    assert got == [("营造林", "=", 175.5, "万亩", 2022), ("新建省级森林城市", "=", 3, "个", 2022),
                   ("新建省级森林城镇", "=", 15, "个", 2022), ("新建省级森林乡村", "=", 100, "个", 2022)]


def test_the_quota_word_after_an_amount_is_no_part_of_its_name() -> None:
    # 433、眉山市“十四五”生态环境保护规划: 用水总量指标 is the 用水总量 a quota caps
    got = facts(targets("到2025年,全市用水总量指标控制在15.4亿m3以内,城市供水管网漏损率控制在10%,力争规模以上工业用水重复"
                        "利用率达到94%左右。"))
    assert got == [("用水总量", "<=", 15.4, "亿m3", 2025), ("城市供水管网漏损率", "<=", 10, "%", 2025),
                   ("规模以上工业用水重复利用率", "~", 94, "%", 2025)]


def test_what_is_done_to_each_item_of_a_list_is_shared_with_the_measure() -> None:
    # 433: the emissions of each pollutant, 排放 written once before 总量
    got = facts(targets("到2025年,挥发性有机物、氮氧化物排放总量比2020年分别下降10%以上。"))
    assert got == [("挥发性有机物排放总量", "decrease", 10, "%", 2025), ("氮氧化物排放总量", "decrease", 10, "%", 2025)]
    # the nearer cut stays where no such word stands before it
    got = facts(targets("到2025年,全市主要农作物病虫害绿色防控覆盖率力争达50%以上,配方施肥覆盖面不低于50%,化肥、农药利用率"
                        "均达43%以上。"))
    assert got[2:] == [("化肥利用率", ">=", 43, "%", 2025), ("农药利用率", ">=", 43, "%", 2025)]


def test_a_share_of_use_per_sector_names_what_its_sentence_promotes_the_use_of() -> None:
    # 433: the coatings the clause before promotes are what each listed sector's use share measures, one value shared
    # by the sectors of a list (no 均), a later list of the same kind taking them too
    got = facts(targets("深化VOCs治理,以家具制造、日用化学品制造、塑料制品、小型设备制造企业为重点,大力推动低(无)VOCs含量涂料,"
                        "汽车零部件、工程机械制造使用比例达到50%以上,木质家具制造、钢结构制造使用比例达到30%以上,引导建设"
                        "适宜高效的末端治理设施,加强精细化管理,提升治污设施“三率”。", 2025))
    assert got == [("汽车零部件低(无)VOCs含量涂料使用比例", ">=", 50, "%", 2025),
                   ("工程机械制造低(无)VOCs含量涂料使用比例", ">=", 50, "%", 2025),
                   ("木质家具制造低(无)VOCs含量涂料使用比例", ">=", 30, "%", 2025),
                   ("钢结构制造低(无)VOCs含量涂料使用比例", ">=", 30, "%", 2025)]


def test_the_places_each_value_is_kept_at_name_each_target() -> None:
    # 433: three sections listed before what is kept there, as many values after 分别, the text layer breaking m3/s
    got = facts(targets("确保岷江汉阳航电枢纽、球溪河北斗水文站、青衣江洪雅水文站生态基流枯水期分别不低于 64m3\n/s、1.31m3\n"
                        "/s、46.1m3\n/s。", 2025))
    assert got == [("岷江汉阳航电枢纽生态基流枯水期", ">=", 64, "m3/s", 2025),
                   ("球溪河北斗水文站生态基流枯水期", ">=", 1.31, "m3/s", 2025),
                   ("青衣江洪雅水文站生态基流枯水期", ">=", 46.1, "m3/s", 2025)]


def test_a_measure_opening_with_the_word_the_clause_before_closes_with_takes_its_object() -> None:
    # 433: the forecasts the clause before sets up are what the accuracy measures (its horizon, 未来7天, is no part)
    got = facts(targets("2025年前,实现未来7天空气质量级别预报,预报准确率达到70%以上。"))
    assert got == [("空气质量级别预报准确率", ">=", 70, "%", 2025)]


def test_a_measure_opening_with_the_action_of_the_works_an_amount_before_measures() -> None:
    # 539: 改造项目 are the projects of the 公共建筑能效提升改造 whose area the clause before sets
    got = facts(targets("完成公共建筑能效提升改造面积150万平方米以上,改造项目平均节能率不低于15%。", 2025))
    assert got == [("公共建筑能效提升改造面积", ">=", 150, "万平方米", 2025),
                   ("公共建筑能效提升改造项目平均节能率", ">=", 15, "%", 2025)]


# --- the year a clause's targets are due ------------------------------------------------------------------------
ITEMS_539 = (
    "3.持续推进既有建筑改造,提高运行管理水平\n"
    "一是推进既有居住建筑绿色改造与老旧小区改造、城市双修、海绵城市建设等工作有机结合。创新改造方式和资金筹措机制,推进既有住区停车、充电及电梯等设施建设,完善海绵设施等综合配套。推动“绿色社区”建设,加快社区人居环境提档升级,提升社区信息化智能化水平,同步培育社区绿色文化,到2022年,全市60%以上的社区参与创建行动并达到创建要求。结合疫情防控,建立住宅健康改造标准,开展既有居住建筑健康化改造试点示范,提高住宅健康性能。\n"
    "二是深挖公共建筑节能潜力,积极推动能效提升改造。\n"
    "完善政府引导工作机制,扩大能耗普查覆盖范围,全面掌握公共建筑用能情况。推动建立公共建筑运行调适制度,鼓励公共建筑可再生能源应用和再生水利用,推广一批能源审计、能源管理、节水管理优秀改造项目。完成公共建筑能效提升改造面积150万平方米以上,改造项目平均节能率不低于15%。"
)


def test_a_later_item_of_a_clause_on_a_line_of_its_own_is_a_task_of_the_plan_again() -> None:
    # 539: 一是 names 2022 for its share of communities; 二是, on lines of its own, names no year: its amounts are the
    # plan's, due at its end
    got = facts(targets(ITEMS_539, 2025))
    assert got == [("社区参与创建行动并达到创建要求", ">=", 60, "%", 2022),
                   ("公共建筑能效提升改造面积", ">=", 150, "万平方米", 2025),
                   ("公共建筑能效提升改造项目平均节能率", ">=", 15, "%", 2025)]
    # within the item that names the other year, a target without one is not known to be due at the plan's end
    got = facts(targets(ITEMS_539.replace("\n二是", "二是").replace("。\n完善", "。完善"), 2025))
    assert ("公共建筑能效提升改造项目平均节能率", ">=", 15, "%", 2025) not in got


def test_a_heading_saying_results_will_be_seen_holds_tasks() -> None:
    # 433、眉山市“十四五”生态环境保护规划: (五)保好水治差水,“一河一策”见成效 sets tasks (its 专栏's "完成220个村(社区)
    # 农村生活污水治理" is due when the plan ends); 见成效 is the aim, not a review of results
    doc = real("433、眉山市“十四五”生态环境保护规划.pdf")
    found = titled(doc.clauses, "保好水治差水,“一河一策”见成效")
    assert found is not None
    assert clause_period_end(2025, *found) == 2025
    # a review's heading stays one
    review = titled(doc.clauses, "“十三五”生态环境保护成效显著")
    assert review is not None
    assert clause_period_end(2025, *review) is None


# --- tables -----------------------------------------------------------------------------------------------------
TABLE_539 = """从绿色建筑、建筑能效提升、装配式建筑等方面制定具
体发展目标。“:重点任务;十四五”期间绿色建筑规划具:主要指标;体目标:2025年;性质
十四五”期间绿色建筑规划具:当年城镇新建建筑中绿色建筑面积占比(%);体目标:100%;约束性
体发展目标。“:绿色建筑;十四五”期间绿色建筑规划具:一星级及以上等级绿色建筑占城镇新增绿色建筑比例(%);体目标:30%;预期性
十四五”期间绿色建筑规划具:新建绿色生态城区(个);体目标:1~2;约束性
体发展目标。“:建筑能效;十四五”期间绿色建筑规划具:新建居住建筑五步节能设计标准执行比例(%);体目标:100;预期性
体发展目标。“:提升;十四五”期间绿色建筑规划具:公共建筑能效提升改造面积(万平方米);体目标:150;预期性
体发展目标。“:装配式建筑;十四五”期间绿色建筑规划具:全市国有建设用地新建民用建筑实施装配式建筑比例(%);体目标:100;约束性"""


def test_a_header_keyed_by_title_pieces_naming_its_main_indicators() -> None:
    # 539、天津市绿色建筑发展“十四五”规划: the header names its columns 主要指标 and 2025年 under pieces of the title
    # printed above it; a range (1~2) is no level
    got = facts(targets(TABLE_539, 2025))
    assert got == [("当年城镇新建建筑中绿色建筑面积占比", "=", 100, "%", 2025),
                   ("一星级及以上等级绿色建筑占城镇新增绿色建筑比例", "=", 30, "%", 2025),
                   ("新建居住建筑五步节能设计标准执行比例", "=", 100, "%", 2025),
                   ("公共建筑能效提升改造面积", "=", 150, "万平方米", 2025),
                   ("全市国有建设用地新建民用建筑实施装配式建筑比例", "=", 100, "%", 2025)]

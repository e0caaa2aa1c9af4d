"""Target forms of the seventeenth round of the tuning key (514, 484, 367 and 200 state targets; 284, 527, 317, 310 and
556 state none). Every sentence is copied from the normalised text of a `tune` document.
"""

from __future__ import annotations

from policykg.extract.period import clause_period_end
from tests.extract.real_documents import real
from tests.extract.target_facts import facts, targets
from tests.extract.test_period import clause, years

PLAN_200 = "200、上海市产业绿色发展“十四五”规划.pdf"


def test_a_heading_run_into_its_first_sentence_is_read_up_to_its_first_stop() -> None:
    # 200 三、"重点领域和主要任务全面实施产业绿色发展战略,抓住新机遇、应对新挑战,…": a task section, though its first
    # sentence names 挑战; its 9.削减污染物排放 states "推进1000家企业开展清洁生产审核" with no year, due when the plan ends
    doc = real(PLAN_200)
    task, parents = clause(doc, "s3.i4.p9")
    assert clause_period_end(2025, task, parents) == 2025
    assert years(PLAN_200, "s3.i4.p9") == [("企业开展清洁生产审核", 2025)]
    review, parents = clause(doc, "s1.i2.p1")  # 一、(二)面临形势: still a review
    assert clause_period_end(2025, review, parents) is None


def test_the_fields_works_are_done_in_are_no_name_of_what_a_count_counts() -> None:
    # 200 15.开展新一轮绿色制造体系建设
    assert facts(targets("在电气电子、机械装备、再制造等行业形成10家绿色设计示范企业")) == [
        ("绿色设计示范企业", "=", 10, "家", None)]
    assert facts(targets("在集成电路、生物医药、人工智能产业打造10家国内标杆绿色工厂")) == [
        ("国内标杆绿色工厂", "=", 10, "家", None)]


def test_what_a_goal_lays_the_ground_for_is_named_without_its_year() -> None:
    # 484、浙江省工业节能降碳技术改造行动计划（2022-2024年）4.
    got = facts(targets("到2023年底,重点领域能效基准水平产能比例达到100%,为2025年底能效标杆水平产能比例达到50%以上打下坚实基础"))
    assert got == [("重点领域能效基准水平产能比例", "=", 100, "%", 2023), ("能效标杆水平产能比例", ">=", 50, "%", 2025)]

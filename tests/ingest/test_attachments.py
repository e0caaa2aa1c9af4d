"""A notice's attachments are parts of their own, each numbering from 一 again (real `tune` PDFs).

Before, an attachment's sections did not continue the notice's numbering, so they stayed body text of the
notice's last clause: a ministry's seventeen sector guides ran on as one point of its first guide.
"""

from __future__ import annotations

import pytest

from policykg.ingest.model import NormalisedDocument
from tests.ingest.real_packs import read_real as _read


@pytest.fixture(scope="module")
def guides() -> NormalisedDocument:
    """26、关于发布高耗能行业重点领域节能降碳改造升级实施指南（2022年版）的通知: a notice of four sections and
    seventeen attached guides, each 一、基本情况 二、工作方向 三、工作目标."""
    return _read("26")


def test_each_attachment_is_a_top_level_part_titled_by_its_title(guides):
    tops = [(c.number, c.title) for c in guides.clauses]
    assert tops[:4] == [("一", "引导改造升级"), ("二", "加强技术攻关"), ("三", "促进集聚发展"), ("四", "加快淘汰落后")]
    assert [n for n, _ in tops[4:]] == [f"附件{i}" for i in range(1, 18)]
    assert tops[4][1] == "炼油行业节能降碳改造升级实施指南"
    assert tops[7][1] == "现代煤化工行业节能降碳改造升级实施指南"
    assert all(len(c.children) == 3 for c in guides.clauses[4:])


def test_a_guides_sections_number_again_and_close_where_the_next_begins(guides):
    coal = guides.clauses[7]
    assert [c.title for c in coal.children] == ["基本情况", "工作方向", "工作目标"]
    last_point = next(c for c in coal.walk() if c.title == "全过程精细化管控")
    assert last_point.path == ("附件4", "二", "二", "7")
    body = guides.text[last_point.body_start : last_point.end]
    assert body.endswith("减少非计划启停车,确保连续稳定高效运行。")
    assert "严格政策约束" not in body  # the next item of the guide, no longer run on
    item = next(c for c in coal.walk() if c.path == ("附件4", "二", "三"))
    assert item.title == "严格政策约束,淘汰落后低效产能"
    assert item.id.endswith("~a4.s2.i3")
    # the notice's last section ends before the attachments
    notice_end = guides.text[guides.clauses[3].body_start : guides.clauses[3].end]
    assert "基本情况" not in notice_end


def test_an_attached_plan_keeps_its_outline():
    plan = _read("419")  # 四川省"十四五"农业农村生态环境保护规划, two implementation plans attached
    assert [c.number for c in plan.clauses] == ["一", "二", "三", "四", "附件1", "附件2"]
    second = plan.clauses[5]
    assert second.title.startswith("四川省农业面源污染治理与监督指导实施方案")
    assert [c.title for c in second.children] == ["总体要求", "主要任务", "保障措施"]
    assert next(c for c in second.walk() if c.path == ("附件2", "二", "一", "4")).title == "农业废弃物处理处置"


def test_a_line_listing_the_attachments_is_no_attachment():
    # 400: "附件：\n全国煤电机组改造升级实施方案" in the notice, then "附件\n全国煤电机组改造升级实施方案" itself
    notice = _read("400")
    assert [c.number for c in notice.clauses] == ["一", "二", "三", "四", "五", "附件"]
    assert notice.clauses[5].title == "全国煤电机组改造升级实施方案"
    assert len(notice.clauses[5].children) == 10


def test_an_attached_list_of_members_is_not_the_last_clause_of_the_notice():
    notice = _read("490")  # 三明市…林业碳汇"三建两创"行动…的通知, its leading group's members attached
    last, attached = notice.clauses[-2], notice.clauses[-1]
    assert (attached.number, attached.title) == ("附件", "三明市林业碳汇工作领导小组成员名单")
    assert "组长:郑剑波" not in notice.text[last.body_start : last.end]
    assert "组长:郑剑波" in notice.text[attached.body_start : attached.end]

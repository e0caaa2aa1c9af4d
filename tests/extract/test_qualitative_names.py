"""What a qualitative goal is named by: what is established, written after 基本建成/初步建立… (extract/targets.py
`_ESTABLISHED_ZH`); not a copula opening what a period is, not the manner alone a goal is to be met in, not a verb
alone, not a word of a slogan; a coverage goal's name without the verb it opens with (`_NO_GOAL_NAME_ZH`,
`_GOAL_VERB_ZH`). Each sentence is copied from a `tune` document's normalised text."""

from __future__ import annotations

import pytest

from policykg.extract.targets import extract_targets


def _goals(text: str) -> list[str]:
    return [t.indicator for t in extract_targets(text, "zh", period_end=2025) if t.qualitative]


@pytest.mark.parametrize("sentence", [
    # 533 (济南), 473, 544: what the period is, in a plan's preface
    "“十四五”时期是我国全面建成小康社会、实现第一个百年奋斗目标之后,乘势而上开启全面建设社会主义现代化国家新征程。",
    # 535 (上海): the same after a heading the layout runs into it
    "(一)理念升级:“以人民为中心”成为绿色建筑核心理念“十四五”时期是我国全面建成小康社会、实现第一个百年奋斗目标之后,乘势而上开启全面建设"
    "社会主义现代化国家新征程、向第二个百年奋斗目标进军的第一个五年。",
    # 11: the manner a goal is to be met in, alone
    "坚决杜绝“运动式”减碳,确保如期高质量完成目标任务。",
    # 125 (巴中): a coverage qualifying the system built, the verb alone before it
    "加强露天焚烧监管,严控秸秆、垃圾等露天焚烧,建立全覆盖网格化监管体系,充分利用卫星遥感等手段。",
    # 388 (黑龙江), 427 (广元): 全覆盖 as a word of a slogan
    "坚持山水林田湖草沙冰一体化保护和系统治理,深入实施“十个全覆盖”,加强环境风险防范。",
    "开展“有计划、全覆盖、规范化”执法,持续加强生态环境“双随机、一公开”监管工作。",
])
def test_no_goal_named_by_a_copula_a_manner_or_a_verb(sentence: str) -> None:
    assert _goals(sentence) == []


@pytest.mark.parametrize(("sentence", "name"), [
    # 455 (泰州), 431 (乌海): the coverage goal named without the verb it opens with
    ("溯清入江(河)排污口责任主体、污水来源等信息,坚持溯源全覆盖。", "溯源"),
    ("做到应急减排清单所有涉气企业全覆盖。", "应急减排清单所有涉气企业"),
    # 146 (天津), 76 (福建): the verb with its adverb
    ("新建扩建一批污泥处置设施,加快推进城镇污水管网全覆盖。", "城镇污水管网"),
    ("造纸、印染、制革等产业集聚和供热需求大的园区集中供热设施,逐步实现天然气管网全覆盖。", "天然气管网"),
])
def test_a_coverage_goal_without_its_verb(sentence: str, name: str) -> None:
    assert name in _goals(sentence)


@pytest.mark.parametrize(("sentence", "name"), [
    # 199 (山东): what is established follows the verb; the cities before it are where
    ("到2025年,所有设区市基本建成生活垃圾分类处理系统,全省城市生活垃圾回收利用率达到35%以上,农村生活垃圾分类工作取得明显成效。",
     "生活垃圾分类处理系统"),
    # 151 (湖北): 建立起
    ("在坚持生态优先的前提下,大力调整林业产业结构和区域布局,初步建立起林业一二三产业融合发展的机制。",
     "林业一二三产业融合发展的机制"),
])
def test_what_is_established_is_named_after_the_verb(sentence: str, name: str) -> None:
    assert name in _goals(sentence)


def test_two_places_establishing_one_thing_each_to_its_degree() -> None:
    # 85 (宁夏): the capital fully, the other cities basically, one system named once after both
    got = [(t.indicator, t.requirement) for t in extract_targets(
        "大力推进生活垃圾分类和资源化利用,到2025年,银川市全面建成、其他地级市基本建成生活垃圾全程分类和处理系统。", "zh")
        if t.qualitative]
    assert got == [("生活垃圾全程分类和处理系统", "全面建成"), ("生活垃圾全程分类和处理系统", "基本建成")]

"""Concepts as real plans word them: labels that say what the concept is, CCUS in every wording the
`tune` documents of the real corpus use, and a partial label that finds every concept it names.
"""

from __future__ import annotations

import pytest

from policykg.extract.concepts import find_concepts
from policykg.ontology.concepts import ConceptScheme


def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], cid) for s, e, cid in find_concepts(text, "zh")]


@pytest.fixture(scope="module")
def scheme() -> ConceptScheme:
    return ConceptScheme.load()


# --- labels checked -------------------------------------------------------------------------------------
def test_new_materials_are_not_aerogels(scheme: ConceptScheme) -> None:
    # 1、关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见
    text = "加快发展新一代信息技术、生物技术、新能源、新材料、高端装备、新能源汽车、绿色环保以及航空航天、海洋装备等战略性新兴产业"
    assert ("新材料", "advanced_materials") in tagged(text)
    assert scheme.concepts["advanced_materials"].labels == {
        "zh-Hans": "新材料", "zh-Hant": "新材料", "en": "advanced materials"}
    assert tagged("推动气凝胶等新型材料研发应用") == [("气凝胶", "aerogels")]
    assert scheme.concepts["aerogels"].broader == ("advanced_materials",)


def test_energy_per_unit_of_product_is_not_energy_per_unit_of_gdp(scheme: ConceptScheme) -> None:
    # 2、2030年前碳达峰行动方案
    text = "加快推广应用先进适用绿色低碳技术,提升有色金属生产过程余热回收水平,推动单位产品能耗持续下降"
    assert ("单位产品能耗", "unit_product_energy") in tagged(text)
    assert "单位产品能耗" not in scheme.concepts["energy_intensity"].alt.get("zh-Hans", [])
    assert scheme.lookup("单位GDP能耗") == ["energy_intensity"]


def test_no_label_names_another_thing(scheme: ConceptScheme) -> None:
    assert scheme.lookup("5G") == ["5g"] and scheme.concepts["5g"].broader == ("new_infrastructure",)
    assert scheme.lookup("云计算") == ["cloud_computing"] and scheme.lookup("区块链") == ["blockchain"]
    assert scheme.lookup("海草床") == ["blue_carbon"]  # seagrass beds are blue carbon, not mangroves
    assert scheme.lookup("再生铝") == ["nonferrous_metals"]  # recycled aluminium is no electrolytic aluminium


# --- search by a partial label ---------------------------------------------------------------------------
def test_a_partial_label_finds_every_concept_it_names(scheme: ConceptScheme) -> None:
    found = scheme.matching("碳汇")
    assert found[0] == "carbon_sink"  # the exact label first
    assert {"forest_carbon_sink", "blue_carbon", "wetland_carbon_sink", "carbon_sink_trading"} <= set(found)
    assert scheme.matching("碳捕集") == ["ccus"]
    assert scheme.matching("no such label at all") == []


# --- CCUS in the wordings real documents use -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 275、宁夏碳达峰碳中和科技支撑行动方案: the parts in another order
        ("引进转化煤化工二氧化碳捕集、封存与利用(CCUS)技术,促进煤化工产业高端化", "二氧化碳捕集、封存与利用"),
        # 26、…节能降碳改造升级实施指南: joined by 及
        ("因地制宜开展变换等重点工艺环节高浓度二氧化碳捕集、利用及封存试点", "二氧化碳捕集、利用及封存"),
        # 26: another word for capture, only two parts named
        ("逐步推广冶金工业尾气制燃料乙醇、饲料蛋白技术,实现二氧化碳捕捉利用", "二氧化碳捕捉利用"),
        # 244、2021年推动碳达峰、碳中和工作计划: capture alone
        ("鼓励大型电力企业开展碳捕集试点", "碳捕集"),
        # 37、关于加强高耗能、高排放建设项目生态环境源头防控的指导意见
        ("探索实施减污降碳协同治理和碳捕集、封存、综合利用工程试点、示范", "碳捕集、封存、综合利用"),
        # 149、山东省“十四五”应对气候变化规划: the gas written CO2
        ("东营市港城热力有限公司CO2捕集利用与封存工程", "CO2捕集利用与封存"),
        # 181、江苏省…科技创新专项资金项目指南: capture qualified
        ("面向国家碳达峰碳中和重大需求和世界科技前沿,聚焦碳高效捕集利用与封存、变革性零碳能源、环境与气候协同控制、固碳增汇等方向",
         "碳高效捕集利用与封存"),
        # 571、内蒙古自治区“十四五”能源技术创新发展规划: storage named alone
        ("研究二氧化碳封存监测、泄露预警等技术", "二氧化碳封存"),
        # 133、浙江省可再生能源发展“十四五”规划
        ("结合海上风电开发,探索海上风电制氢、深远海碳封存、海上能源岛等新技术、新模式", "碳封存"),
        # 577、科技支撑碳达峰碳中和实施方案: bioenergy with carbon capture and storage
        ("新型碳捕集材料与新型低能耗低成本碳捕集技术、与生物质结合的负碳技术(BECCS)", "BECCS"),
    ],
)
def test_ccus_in_every_wording(sentence: str, surface: str) -> None:
    assert (surface, "ccus") in tagged(sentence)


def test_ccus_in_english_wordings() -> None:
    text = "promote carbon dioxide capture, utilisation and storage and CCS demonstrations"
    found = [(text[s:e], cid) for s, e, cid in find_concepts(text, "en")]
    assert ("carbon dioxide capture, utilisation and storage", "ccus") in found and ("CCS", "ccus") in found

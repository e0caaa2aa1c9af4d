"""The concept scheme (ontology/concepts.ttl), its lookup, and concept finding in real Chinese texts.

Length (about 520 lines, kept whole on purpose): one case per wording real documents use for a concept,
each against its real sentence, beside the checks that a label matches nothing else.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import opencc
import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import SKOS

from policykg.extract.concepts import clause_concepts, concept_mentions
from policykg.extract.nlp import (
    COMPONENT,
    SPANS_KEY,
    extra_user_words,
    find_concepts,
    register_user_words,
    user_dictionary,
    zh_nlp,
)
from policykg.ingest.model import (
    Clause,
    NormalisedDocument,
)
from policykg.ontology.concepts import (
    CONCEPT_NS,
    CONCEPT_SCHEME,
    PKG,
    SCHEME_PATH,
    SECTOR_SCHEME,
    ConceptScheme,
    normalise_label,
)
from tests.zh.zh_support import normalised_zh

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
SANMING = "003_e073a84fa08b70e4.txt"
SHANWEI = "004_a38210081867983d.txt"
CENTRAL_ZH = "cn_central_opinions_carbon_peak_neutrality_2021_zh.txt"




def item(doc: NormalisedDocument, cid: str, marker: str, title: str, end_marker: str) -> Clause:
    start = doc.text.index(marker + title)
    end = doc.text.index(end_marker, start)
    return Clause(
        id=cid,
        number=marker.strip("()、"),
        path=(marker.strip("()、"),),
        marker=marker,
        kind="item",
        depth=1,
        title=title,
        start=start,
        end=end,
        body_start=start + len(marker),
        span=doc.span(start, end),
    )


@pytest.fixture(scope="module")
def scheme() -> ConceptScheme:
    return ConceptScheme.load()


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(SCHEME_PATH, format="turtle")
    return g


# --- the scheme as data ---------------------------------------------------------------------------
def test_scheme_parses_and_has_at_least_150_concepts_with_three_preflabels(
    graph: Graph, scheme: ConceptScheme
):
    concepts = set(graph.subjects(SKOS.inScheme, CONCEPT_SCHEME))
    assert len(concepts) >= 150
    assert len(scheme.concepts) == len(concepts)
    for node in concepts:
        assert (node, RDF.type, SKOS.Concept) in graph
        langs = Counter(
            lab.language for lab in graph.objects(node, SKOS.prefLabel) if isinstance(lab, Literal)
        )
        # exactly one prefLabel per language, in all three languages
        assert langs == Counter({"zh-Hans": 1, "zh-Hant": 1, "en": 1}), node


def test_concept_iris_and_ids(scheme: ConceptScheme):
    for cid, concept in scheme.concepts.items():
        assert concept.iri == CONCEPT_NS + cid
        assert re.fullmatch(r"[a-z0-9_]+", cid), cid
        assert "/" not in cid


def test_no_two_concepts_share_a_preflabel(scheme: ConceptScheme):
    for lang in ("zh-Hans", "zh-Hant", "en"):
        labels = Counter(c.labels[lang].lower() for c in scheme.concepts.values())
        assert [label for label, n in labels.items() if n > 1] == [], lang


def test_no_matching_form_belongs_to_two_concepts(scheme: ConceptScheme):
    """A label that two concepts claimed would make matching depend on id order."""
    for label_langs in (("zh-Hans", "zh-Hant"), ("en",)):
        owners: dict[str, set[str]] = {}
        for cid, concept in scheme.concepts.items():
            for label_lang in label_langs:
                for label in concept.all_labels(label_lang):
                    owners.setdefault(normalise_label(label).replace("-", " "), set()).add(cid)
        assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_concept_has_a_sector_of_the_sector_scheme(graph: Graph, scheme: ConceptScheme):
    assert set(scheme.sectors) >= {
        "energy",
        "industry",
        "transport",
        "buildings",
        "agriculture",
        "ecosystems",
        "pollution",
        "finance",
        "technology",
        "governance",
        "lifestyle",
        "circular",
    }
    for sector in scheme.sectors.values():
        assert set(sector.labels) == {"zh-Hans", "zh-Hant", "en"}
        assert (graph.resource(sector.iri).identifier, SKOS.inScheme, SECTOR_SCHEME) in graph
    for cid, concept in scheme.concepts.items():
        assert concept.sector in scheme.sectors, cid
        assert len(list(graph.objects(graph.resource(concept.iri).identifier, PKG.sector))) == 1


def test_broader_and_narrower_are_inverse_and_resolve(scheme: ConceptScheme):
    for cid, concept in scheme.concepts.items():
        for b in concept.broader:
            assert cid in scheme.concepts[b].narrower
        for n in concept.narrower:
            assert cid in scheme.concepts[n].broader
        assert cid not in scheme.ancestors(cid)  # no cycles


def test_labels_of_named_concepts(scheme: ConceptScheme):
    ccus = scheme.concepts["ccus"]
    assert ccus.labels == {
        "zh-Hans": "碳捕集利用与封存",
        "zh-Hant": "碳捕集利用與封存",
        "en": "carbon capture, utilization and storage",
    }
    assert {
        "二氧化碳捕集与利用封存",
        "碳捕集、利用与封存",
        "碳捕集利用封存",
        "碳捕集、利用、封存",
        "CCUS",
    } <= set(ccus.alt["zh-Hans"])
    assert {"carbon capture, utilisation and storage", "ccus"} <= set(ccus.alt["en"])
    assert scheme.concepts["energy_dual_control"].labels["zh-Hans"] == "能耗双控"
    assert scheme.concepts["carbon_inclusion"].labels["zh-Hans"] == "碳普惠"
    assert scheme.concepts["waste_free_city"].labels["en"] == "waste-free cities"
    assert scheme.concepts["forest_stock"].labels == {
        "zh-Hans": "森林蓄积量",
        "zh-Hant": "森林蓄積量",
        "en": "forest stock volume",
    }
    # Taiwan wording kept as a traditional altLabel
    assert "分散式光伏" in scheme.concepts["distributed_pv"].alt["zh-Hant"]


def test_indicators(scheme: ConceptScheme):
    indicators = {cid for cid, c in scheme.concepts.items() if c.indicator}
    assert {
        "non_fossil_share",
        "carbon_intensity",
        "energy_intensity",
        "forest_coverage",
        "forest_stock",
    } <= indicators
    assert not scheme.concepts["ccus"].indicator
    assert not scheme.concepts["carbon_market"].indicator


# --- lookup ---------------------------------------------------------------------------------------
def test_lookup_any_script_case_and_partial_label(scheme: ConceptScheme):
    found = scheme.lookup("碳捕集")
    assert (
        found == scheme.lookup("CCUS") == scheme.lookup("carbon capture") == scheme.lookup("碳捕集利用與封存")
    )
    assert "ccus" in found
    assert scheme.lookup("ccus") == ["ccus"]
    assert scheme.lookup("Carbon Capture, Utilisation and Storage") == ["ccus"]
    assert scheme.lookup("森林覆蓋率") == ["forest_coverage"]
    assert scheme.lookup("non fossil energy") == ["non_fossil_energy"]
    assert scheme.lookup("能耗“雙控”") == ["energy_dual_control"]
    assert scheme.lookup("") == []


def test_lookup_partial_english_matches_whole_words_only(scheme: ConceptScheme):
    assert "hfcs" not in scheme.lookup("carbon")  # "hydrofluorocarbons" holds "carbon" only inside a word
    assert "carbon_market" in scheme.lookup("carbon")


def test_descendants(scheme: ConceptScheme):
    below = scheme.descendants("renewable_energy")
    assert {"wind_power", "offshore_wind", "solar_pv", "distributed_pv", "rooftop_pv", "hydropower"} <= set(
        below
    )
    assert below.index("solar_energy") < below.index("solar_pv") < below.index("distributed_pv")
    assert scheme.descendants("ccus") == []
    assert scheme.ancestors("rooftop_pv")[:3] == ["distributed_pv", "solar_pv", "solar_energy"]


# --- concepts in real Chinese texts ---------------------------------------------------------------
def test_ccus_in_sanming_sentence():
    sentence = "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范"
    assert find_concepts(sentence, "zh") == [
        (2, 4, "steel"),
        (5, 7, "cement"),
        (8, 10, "coal_power"),
        (11, 13, "petrochemical"),
        (18, 29, "ccus"),
    ]
    assert sentence[18:29] == "二氧化碳捕集与利用封存"


def test_ccus_in_central_opinions_clause_21():
    doc = normalised_zh(CENTRAL_ZH, "central-opinions-carbon-peak-2021-zh")
    clause = item(
        doc, "central-opinions-carbon-peak-2021-zh~s8.i21", "(二十一)", "加快先进适用技术研发和推广", "九、"
    )
    mentions = clause_concepts(doc, clause)
    ccus = [m for m in mentions if m.concept_id == "ccus"]
    assert len(ccus) == 1
    assert ccus[0].surface == "碳捕集利用与封存"
    assert doc.quote(ccus[0].provenance.span) == "碳捕集利用与封存"
    assert ccus[0].provenance.extractor == "policykg.extract.concepts"
    ids = [m.concept_id for m in mentions]
    assert ids == [
        "wind_power",
        "solar_pv",
        "smart_grid",
        "new_type_storage",
        "hydrogen",
        "cascade_energy_use",
        "low_carbon_technology",
        "aerogels",  # "推动气凝胶等新型材料研发应用": aerogels, a narrower concept of 新材料
        "ccus",
        "low_carbon_technology",
        "innovation_platforms",  # "建立完善绿色低碳技术评估、交易体系和科技创新服务平台"
    ]


def test_taiwan_variant_text_after_t2s_and_raw_traditional():
    t2s = opencc.OpenCC("t2s")
    raw = "鼓勵探索開展二氧化碳捕集利用與封存(CCUS)示範套用"
    assert raw in (DOCS / SHANWEI).read_text("utf-8")
    normalised = t2s.convert(raw)
    assert [c for _, _, c in find_concepts(normalised, "zh")] == ["ccus", "ccus"]
    # traditional characters are matched as well (converted character for character)
    assert find_concepts(raw, "zh") == find_concepts(normalised, "zh")
    assert [raw[s:e] for s, e, _ in find_concepts(raw, "zh")] == ["二氧化碳捕集利用與封存", "CCUS"]


def test_shanwei_targets_name_their_indicators():
    t2s = opencc.OpenCC("t2s")
    raw = "到2025年,全市森林覆蓋率達到50%,森林蓄積量達到792萬立方米。"
    assert raw in (DOCS / SHANWEI).read_text("utf-8")
    assert [c for _, _, c in find_concepts(t2s.convert(raw), "zh")] == ["forest_coverage", "forest_stock"]


def test_ascii_labels_match_only_as_words():
    # the MEE plan's wording "VOCs等大气污染物治理优先采用源头替代措施"
    assert find_concepts("VOCs等大气污染物治理", "zh") == [(0, 4, "vocs"), (5, 10, "air_pollution")]
    assert find_concepts("加强挥发性有机物(VOCs)治理", "zh") == [(2, 14, "vocs")]  # the whole altLabel
    assert find_concepts("methods", "zh") == []


def test_longest_match_wins():
    # 非化石能源消费比重 (the indicator) rather than 非化石能源 + 能源消费…
    assert find_concepts("非化石能源消费比重达到25%左右", "zh") == [(0, 9, "non_fossil_share")]
    assert find_concepts("积极发展非化石能源", "zh") == [(4, 9, "non_fossil_energy")]


# --- wordings of local plans for what the national clauses say in other words -----------------------------
def tagged(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], cid) for s, e, cid in find_concepts(text, "zh")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 112、南京江北新区碳达峰、碳中和行动计划（试行）: recycling in the words of the circular economy
        ("推行生产者责任延伸制度,优化完善废旧家电、废弃电器电子产品回收处理体系",
         [("生产者责任延伸制度", "producer_responsibility"), ("废旧家电", "e_waste"),
          ("废弃电器电子产品", "e_waste"), ("回收处理体系", "recycled_resources")]),
        # 241 (Guangdong's implementing opinions on the green, low-carbon circular economy)
        ("建立健全废旧农膜回收体系", [("废旧农膜", "agricultural_film"), ("回收体系", "recycled_resources")]),
        # 85 (Ningxia), 89 (Jiangxi), 136 (Sichuan)
        ("减少一次性塑料制品消费", [("一次性塑料制品", "plastic_pollution")]),
        # 112 and 113 (Wuhan): finance words the opinions' (三十一) names as green finance
        ("探索碳排放权、排污权等质押融资贷款",
         [("碳排放权", "carbon_market"), ("质押融资", "environmental_rights_finance")]),
        ("开展气候债券、气候保险、气候基金等金融创新",
         [("气候债券", "green_bonds"), ("气候保险", "green_insurance"), ("气候基金", "green_funds")]),
        # 71 (Hebei's implementing opinions)
        ("全面落实绿色信贷指引、能效信贷等制度", [("绿色信贷", "green_credit"), ("能效信贷", "green_credit")]),
        ("对能源消耗超过单位产品能耗限额标准的用能单位执行惩罚性电价",
         [("单位产品能耗", "unit_product_energy"), ("惩罚性电价", "electricity_pricing")]),
        # transport: 71, 112, 107 (Gansu)
        ("加快氢燃料电池重卡推广应用", [("氢燃料电池重卡", "fuel_cell_vehicles")]),
        ("加快实现公交、网约车、出租车纯电动化", [("电动化", "vehicle_electrification")]),
        ("加快大型工矿企业、物流园区码头铁路专用线建设", [("铁路专用线", "road_to_rail_water")]),
        ("推进集装箱多式联运、公铁联运及跨区域甩挂运输",
         [("多式联运", "multimodal_transport"), ("公铁联运", "multimodal_transport")]),
        # buildings: 113
        ("推进政府、行政事业单位等公共机构办公楼宇低碳化改造,创建一批低碳机关",
         [("公共机构", "public_institutions"), ("低碳机关", "public_institutions")]),
        # industry and energy: 113, 347 (Shandong's 2022 plan), 392 (Mianyang)
        ("推动武汉钢铁有限公司发展氢能炼钢", [("钢铁", "steel"), ("氢能炼钢", "hydrogen_metallurgy")]),
        ("加大钢铁、电力、石化、建材等传统产业的节能减碳技术改造",
         [("钢铁", "steel"), ("石化", "petrochemical"), ("建材", "building_materials"),
          ("节能减碳技术改造", "energy_saving_retrofit")]),
        ("出台山东省高耗能高排放建设项目碳排放减量替代办法",
         [("高耗能高排放建设项目", "two_high_projects"), ("碳排放", "carbon_emissions")]),
        ("争取新建、改扩建项目实行用煤减量替代", [("用煤减量替代", "coal_consumption_control")]),
        # agriculture and forestry: 347, 241, the central opinions (二十三), 166 (Longyan)
        ("强化农业面源污染防治,大力普及测土配方施肥技术",
         [("农业面源污染防治", "agricultural_nonpoint_pollution"), ("测土配方施肥", "fertiliser_reduction")]),
        ("发展生态循环农业,实施粮经饲统筹、种养加结合", [("生态循环农业", "green_agriculture")]),
        ("提升生态农业碳汇", [("生态农业碳汇", "cropland_carbon_sink")]),
        ("开展碳汇造林试点,强化森林经营和灾害防治等固碳减排措施",
         [("碳汇造林", "forest_carbon_sink"), ("固碳", "carbon_sink")]),
        # technology: 121 (Hangzhou)
        ("支持西湖大学牵头建设能源与碳中和省实验室,鼓励企事业单位建设科技创新服务平台",
         [("碳中和", "carbon_neutrality"), ("省实验室", "innovation_platforms"),
          ("科技创新服务平台", "innovation_platforms")]),
        ("力争引进10名以上低碳技术相关领域高层次领军人才和青年科学家",
         [("低碳技术", "low_carbon_technology"), ("领军人才", "talent")]),
    ],
)
def test_local_wordings_of_national_clauses(sentence: str, expected: list[tuple[str, str]]):
    assert tagged(sentence) == expected


def test_local_wordings_sit_below_what_the_national_clauses_name(scheme: ConceptScheme):
    """A measure naming the narrower concept meets a clause naming the broader one (the opinions' (五)
    names the circular economy, (十五) new-energy vehicles, (三十一) green finance, (六) green agriculture)."""
    for cid in ("producer_responsibility", "e_waste", "plastic_pollution", "waste_sorting", "packaging"):
        assert "circular_economy" in scheme.ancestors(cid), cid
    assert "bulk_solid_waste" in scheme.ancestors("construction_waste")
    for cid in ("vehicle_electrification", "fuel_cell_vehicles"):
        assert "nev" in scheme.ancestors(cid), cid
    for cid in ("environmental_rights_finance", "green_bonds", "green_insurance", "green_funds", "green_credit"):
        assert "green_finance" in scheme.ancestors(cid), cid
    for cid in ("agricultural_nonpoint_pollution", "straw_utilisation", "manure_utilisation"):
        assert "green_agriculture" in scheme.ancestors(cid), cid
    for cid in ("coal_to_gas", "coal_to_electricity"):
        assert "coal_consumption_control" in scheme.ancestors(cid), cid
    assert {"steel", "hydrogen"} <= set(scheme.ancestors("hydrogen_metallurgy"))


def test_local_wordings_do_not_match_other_things():
    # 2、2030年前碳达峰行动方案: heat recovery is no recycling of waste
    assert tagged("提升有色金属生产过程余热回收水平") == [("有色金属", "nonferrous_metals"), ("余热回收", "waste_heat")]
    # 55 (Jiangsu): public-institution energy saving keeps its own, longer label
    assert tagged("推进公共机构节能低碳示范创建") == [("公共机构节能", "public_institutions")]
    # the central opinions (二十三): the carbon sink of farming, not green agriculture
    assert "green_agriculture" not in [c for _, c in tagged("开展耕地质量提升行动,实施国家黑土地保护工程,提升生态农业碳汇")]


# --- word boundaries of short labels and contexts ------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # split between two words: 深化|工业 (the central opinions' (十)), 调节|能力 (11), 存储|能力 (332),
        # 调节|水库 (40), 制氢|能耗 (184), 聚焦|化学 (433), 电石|化工 (275)
        ("持续深化工业、建筑、交通运输、公共机构等重点领域节能",
         [("公共机构", "public_institutions"), ("节能", "energy_conservation")]),
        ("加强源网荷储协同互动,着力提升电力系统灵活调节能力", [("源网荷储", "source_grid_load_storage")]),
        ("提升可再生能源消纳和存储能力", [("可再生能源消纳", "renewable_accommodation")]),
        ("积极推动流域控制性调节水库建设和常规水电站扩机增容,加快建设抽水蓄能电站",
         [("水电", "hydropower"), ("抽水蓄能电站", "pumped_storage")]),
        # 制氢 names hydrogen production (hydrogen); 氢能 across 制氢|能耗 is no match of its own
        ("在实现能源替代同时,大幅降低制氢能耗", [("制氢", "hydrogen")]),
        ("聚焦化学药、现代中药、生物制品等领域", []),
        ("重点开发煤化工和电石化工下游高附加值产品", [("煤化工", "coal_chemical"), ("化工", "petrochemical")]),
        # the segmenter splits them, but they name the concept: 年节|能量 (38), 高能|效用 (172)
        ("实现年节能量7700万吨标准煤", [("节能", "energy_conservation")]),
        ("推广高能效用能设备", [("能效", "energy_efficiency")]),
        # words of BREAKERS: 134, 173, 184, 452, 352
        ("建立常态化工作联系机制", []),
        ("储碳价值核算采用市场价值法", []),
        ("支持研发低成本PEM水电解制氢关键材料制备与系统", [("制氢", "hydrogen")]),  # no hydropower (水电解)
        ("严格落实差别水电价和绿色信任保护政策", []),
        ("统筹县城水电气热通信等设施建设", []),
        # glued on one side only, still the concept: 深远|海风|电 (29), 营造|林 (124)
        ("开展深远海风电建设示范", [("风电", "wind_power")]),
        ("因地制宜科学开展营造林和草原湿地修复", [("造林", "land_greening"), ("草原", "grassland_protection")]),
    ],
)
def test_short_labels_respect_word_boundaries(sentence: str, expected: list[tuple[str, str]]):
    assert tagged(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 157 (Liaoning forestry), 166 (Longyan), 475 (Guangdong green finance), 359 (Laibin)
        ("完善林权抵质押贷款制度,推进公益林补偿收益权质押贷款",
         [("抵质押贷款", "environmental_rights_finance"), ("质押贷款", "environmental_rights_finance")]),
        ("探索开展林地经营权抵押贷款和公益林补偿、天然林停伐管护补助、林业碳汇收益权质押贷款",
         [("林业碳汇", "forest_carbon_sink"), ("质押贷款", "environmental_rights_finance")]),
        ("指导各地方法人金融机构创新开展环境权益、生态保护补偿抵质押融资",
         [("生态保护补偿", "ecological_compensation"), ("抵质押融资", "environmental_rights_finance")]),
        ("探索开展节能减排专项贷款、未来环境收益权质押贷款等绿色信贷产品",
         [("节能减排", "energy_saving_emission_reduction"), ("质押贷款", "environmental_rights_finance"),
          ("绿色信贷", "green_credit")]),
        # 112's "探索碳排放权、排污权等质押融资贷款" with other rights pledged: no environmental rights
        ("探索知识产权、应收账款等质押融资贷款", []),
        # the rights in the sentence before do not count
        ("探索碳排放权、排污权交易。推广知识产权质押融资", [("碳排放权", "carbon_market")]),
    ],
)
def test_pledge_loans_are_environmental_rights_finance_beside_the_rights(
    sentence: str, expected: list[tuple[str, str]]
):
    assert tagged(sentence) == expected


# --- the Chinese pipeline -------------------------------------------------------------------------
def test_zh_pipeline_frame():
    nlp = zh_nlp()
    assert nlp is zh_nlp()  # cached per process
    assert nlp.lang == "zh"
    assert nlp.config["nlp"]["tokenizer"]["segmenter"] == "jieba"
    assert nlp.pipe_names == [COMPONENT]
    meta = nlp.get_pipe_meta(COMPONENT)
    assert "doc.spans" in meta.assigns and "doc._.concept_offsets" in meta.assigns


def test_zh_pipeline_spans_align_with_user_dictionary():
    doc = zh_nlp()("推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范")
    # the generated user dictionary keeps the CCUS wording in one token
    assert "二氧化碳捕集与利用封存" in [t.text for t in doc]
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [
        ("钢铁", "steel"),
        ("水泥", "cement"),
        ("煤电", "coal_power"),
        ("化工", "petrochemical"),
        ("二氧化碳捕集与利用封存", "ccus"),
    ]
    assert doc._.concept_offsets[-1] == (18, 29, "ccus")


def test_zh_spans_expand_to_tokens_but_offsets_stay_exact():
    text = "提升生态系统碳汇和净化功能"
    doc = zh_nlp()(text)
    offsets = doc._.concept_offsets
    assert offsets == [(2, 8, "ecosystem_carbon_sink")]
    span = doc.spans[SPANS_KEY][0]
    assert span.label_ == "ecosystem_carbon_sink"
    assert span.start_char <= 2 and span.end_char >= 8


def test_user_dictionary_is_generated_from_the_scheme():
    words = user_dictionary().splitlines()
    assert "碳捕集利用与封存" in words
    assert "非化石能源消费比重" in words
    assert "二氧化碳捕集与利用封存" in words
    assert all("、" not in w and " " not in w for w in words)  # jieba could never emit these as one token


def test_register_user_words_reaches_the_live_segmenter():
    unit = "三明市城市管理局"  # an issuer of the Sanming plan
    assert unit in (DOCS / SANMING).read_text("utf-8")
    zh_nlp()
    register_user_words("test-sanming-units", [unit])
    assert unit in extra_user_words()
    assert unit in [t.text for t in zh_nlp()(f"{unit}按职责分工负责")]
    register_user_words("test-sanming-units", lambda: [unit])  # re-registering replaces, no duplicates
    assert extra_user_words().count(unit) == 1


def test_concept_mentions_of_a_range_carry_provenance():
    doc = normalised_zh(SANMING, "sanming-pollution-carbon-synergy-plan-2022")
    sentence = "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
    start = doc.text.index(sentence)
    mentions = concept_mentions(doc, start, start + len(sentence))
    assert [(m.concept_id, m.surface) for m in mentions] == [
        ("steel", "钢铁"),
        ("cement", "水泥"),
        ("coal_power", "煤电"),
        ("petrochemical", "化工"),
        ("ccus", "二氧化碳捕集与利用封存"),
    ]
    assert mentions[-1].provenance.span.start == start + 18
    assert doc.quote(mentions[-1].provenance.span) == "二氧化碳捕集与利用封存"


def test_every_chinese_preflabel_is_found_by_the_matcher(scheme: ConceptScheme):
    for cid, concept in scheme.concepts.items():
        for lang in ("zh-Hans", "zh-Hant"):
            label = concept.labels[lang]
            assert find_concepts(label, "zh") == [(0, len(label), cid)], (cid, lang, label)


def test_preflabels_and_altlabels_are_disjoint(scheme: ConceptScheme):
    """SKOS: a label is either the preferred or an alternative one, never both, and listed once."""
    for cid, concept in scheme.concepts.items():
        for lang, alts in concept.alt.items():
            assert concept.labels[lang] not in alts, (cid, lang)
            assert len(alts) == len(set(alts)), (cid, lang)

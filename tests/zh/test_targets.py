"""Targets and quantities read from the real Chinese documents of the default corpus.

The extractor reads normalised text; here the documents are normalised the way the ingest stage
does for these texts (OpenCC t2s, full-width ASCII folded to half-width), which is all the sentences
under test need.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import opencc
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.extract.model import Provenance
from policykg.extract.numbers import parse_number, parse_quantity, scan_quantities
from policykg.extract.targets import TargetHit, extract_targets
from policykg.ingest.model import Span

DOCS = Path(__file__).resolve().parents[2] / "corpus" / "documents"
ZH_DOCS = [
    "003_e073a84fa08b70e4.txt",
    "004_a38210081867983d.txt",
    "cn_central_opinions_carbon_peak_neutrality_2021_zh.txt",
    "cn_state_council_2030_carbon_peak_action_plan_2021_zh.txt",
    "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt",
    "cn_miit_industry_carbon_peak_plan_2022_zh.txt",
    "fujian_pollution_carbon_synergy_plan_2022_zh.txt",
    "jiangsu_opinions_carbon_2022_zh.txt",
]


def _fold(text: str) -> str:
    return "".join(
        " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in text
    )


@cache
def normalised(name: str) -> str:
    return _fold(opencc.OpenCC("t2s").convert((DOCS / name).read_text("utf-8")))


@cache
def targets_of(name: str) -> tuple[TargetHit, ...]:
    return tuple(extract_targets(normalised(name), "zh"))


def find(name: str, indicator: str, year: int | None = None, value: float | None = None) -> TargetHit:
    found = [
        t for t in targets_of(name)
        if t.indicator == indicator and (year is None or t.year == year) and (value is None or t.value == value)
    ]
    assert len(found) == 1, f"{indicator} {year} {value}: {found}"
    return found[0]


def paragraph_with(name: str, needle: str) -> str:
    return next(line for line in normalised(name).splitlines() if needle in line)


# --- numbers ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "value"),
    [("32", 32.0), ("13.5", 13.5), ("1.2亿", 1.2e8), ("580万", 5.8e6), ("百分之三十", 30.0), ("三成", 30.0),
     ("一半", 50.0), ("二〇二五", 2025.0), ("三十五", 35.0), ("5.1亿", 5.1e8)],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["", "十四五", "三线一单", "abc", "3.2.1"])
def test_parse_number_refuses_words(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("written", "value", "unit", "converted_value", "converted_unit"),
    [("840万立方米", 840, "万立方米", 8.4e6, "m³"), ("12亿千瓦", 12, "亿千瓦", 1.2e9, "kW"),
     ("580万千瓦", 580, "万千瓦", 5.8e6, "kW"), ("45万亩", 45, "万亩", 4.5e5, "mu"),
     ("6.67万公顷", 6.67, "万公顷", 1.0005e6, "mu"), ("10亿吨", 10, "亿吨", 1e9, "t"),
     ("百分之三十", 30, "%", 30, "%"), ("三成", 3, "成", 30, "%"), ("5.1亿吨", 5.1, "亿吨", 5.1e8, "t")],
)
def test_parse_quantity_converts_to_base_unit(written: str, value: float, unit: str, converted_value: float,
                                              converted_unit: str) -> None:
    q = parse_quantity(written)
    assert q is not None
    assert (q.value, q.measure_unit, q.converted_unit) == (value, unit, converted_unit)
    assert q.converted_value == pytest.approx(converted_value)


def test_scan_skips_years_numbers_and_modifiers_keeps_ranges() -> None:
    text = paragraph_with("004_a38210081867983d.txt", "低碳示范单位")
    found = {text[q.start:q.end]: q for q in scan_quantities(text, "zh")}
    assert set(found) == {"5个", "10个", "30-50家"}  # "32." and "2025" are no values
    assert (found["30-50家"].value, found["30-50家"].value_max, found["30-50家"].measure_unit) == (30, 50, "家")
    plant = paragraph_with("004_a38210081867983d.txt", "陆丰核电5、6号机组")
    assert not [q for q in scan_quantities(plant, "zh") if q.measure_unit is None or "号" in plant[q.start:q.end]]


# --- Shanwei (traditional script in the original) --------------------------------------------------
SHANWEI = "004_a38210081867983d.txt"


def test_shanwei_main_targets() -> None:
    t = find(SHANWEI, "非化石能源消费比重", 2025)
    assert (t.comparator, t.value, t.measure_unit, t.change) == (">=", 32.0, "%", None)
    stock = find(SHANWEI, "森林蓄积量", 2030)
    assert (stock.value, stock.measure_unit, stock.converted_value, stock.converted_unit) == (840, "万立方米", 8.4e6, "m³")
    assert find(SHANWEI, "森林蓄积量", 2025).converted_value == 7.92e6
    assert (find(SHANWEI, "森林覆盖率", 2030).comparator, find(SHANWEI, "森林覆盖率", 2030).value) == (">=", 53)


def test_shanwei_counts_before_their_noun() -> None:
    units = find(SHANWEI, "低碳示范单位", 2025)
    assert (units.value_min, units.value_max, units.measure_unit, units.comparator) == (30, 50, "家", ">=")
    assert (find(SHANWEI, "低碳示范园区", 2025).value, find(SHANWEI, "低碳示范社区", 2025).value) == (5, 10)


def test_shanwei_respectively_pairs_indicators_with_values() -> None:
    area = find(SHANWEI, "公共机构单位建筑面积能耗", 2030)
    per_head = find(SHANWEI, "公共机构人均综合能耗", 2030)  # 公共機構 is who both intensities are of
    assert (area.value, area.change, area.base_year) == (7, "decrease", 2020)
    assert (per_head.value, per_head.change, per_head.base_year) == (8, "decrease", 2020)


def test_shanwei_qualitative_targets_for_both_years() -> None:
    for year in (2025, 2030):
        for indicator in ("单位地区生产总值能耗", "单位地区生产总值二氧化碳排放"):
            t = find(SHANWEI, indicator, year)
            assert t.qualitative and t.value is None and t.comparator is None
            assert t.requirement == "完成省下达的目标"
    both = [t for t in targets_of(SHANWEI) if t.indicator == "煤炭消费增长"]  # “十四五”“十五五”期间
    assert sorted(t.year for t in both) == [2025, 2030]


def test_shanwei_fourteenth_plan_capacity_and_modifiers() -> None:
    wind = find(SHANWEI, "装机容量", 2025)  # "“十四五”期间…重点推进省管海域海上风电项目,装机容量580万千瓦"
    assert (wind.converted_value, wind.converted_unit) == (5.8e6, "kW")
    # "力争达到乘用车新车销售量的30%以上": a share of the whole the verb reaches names it
    cars = find(SHANWEI, "电动乘用车销售量占乘用车新车销售量", 2030)
    assert (cars.comparator, cars.value) == (">=", 30)
    green = find(SHANWEI, "城区常住人口100万以上的县(市、区)绿色出行比例", 2030)
    assert (green.comparator, green.value) == (">=", 70)  # "不低于70%"; "100万以上的" is no target
    assert not [t for t in targets_of(SHANWEI) if t.measure_unit == "万"]


# --- Sanming -----------------------------------------------------------------------------------------
SANMING = "003_e073a84fa08b70e4.txt"


def test_sanming_agriculture_item_eight() -> None:
    expected = {
        "主要农作物化肥、农药使用量": (">=", 10, "decrease", 2020),
        "规模养殖场粪污处理设施配套率": ("=", 100, None, None),
        "畜禽粪污综合利用率": ("=", 93, None, None),
        "秸秆综合利用率": (">=", 90, None, None),
        "废旧农膜回收率": ("=", 85, None, None),
    }
    for indicator, fields in expected.items():
        t = find(SANMING, indicator, 2025)
        assert (t.comparator, t.value, t.change, t.base_year) == fields
        assert t.measure_unit == "%"


def test_sanming_exceeds_is_strict() -> None:
    t = find(SANMING, "钢铁、水泥、合成氨等重点行业产能和数据中心达到能效标杆水平的比例", 2025)
    assert (t.comparator, t.value) == (">", 30)


def test_sanming_forest_quality_under_fourteenth_plan() -> None:
    t = find(SANMING, "精准提升森林质量", 2025)
    assert (t.value, t.measure_unit, t.converted_value, t.converted_unit) == (45, "万亩", 4.5e5, "mu")


def test_sanming_qualitative_targets() -> None:
    share = find(SANMING, "非化石能源消费比重", 2025)
    assert share.qualitative and share.requirement == "完成省上下达目标"
    steel = [t for t in targets_of(SANMING) if t.indicator == "短流程炼钢占比"]
    assert sorted(t.year for t in steel) == [2025, 2030]  # "到2025年和2030年,短流程炼钢占比达到省上要求"
    assert all(t.qualitative and t.requirement == "达到省上要求" for t in steel)
    assert find(SANMING, "减污降碳协同推进格局", 2025).requirement == "基本形成"


# --- central and ministry documents ----------------------------------------------------------------
CENTRAL = "cn_central_opinions_carbon_peak_neutrality_2021_zh.txt"
ACTION_PLAN = "cn_state_council_2030_carbon_peak_action_plan_2021_zh.txt"


def test_central_opinions_main_targets() -> None:
    energy = find(CENTRAL, "单位国内生产总值能耗", 2025)
    assert (energy.comparator, energy.value, energy.change, energy.base_year) == ("=", 13.5, "decrease", 2020)
    co2 = find(CENTRAL, "单位国内生产总值二氧化碳排放", 2025)
    assert (co2.value, co2.change, co2.base_year) == (18, "decrease", 2020)
    co2_2030 = find(CENTRAL, "单位国内生产总值二氧化碳排放", 2030)
    assert (co2_2030.comparator, co2_2030.value, co2_2030.base_year) == (">=", 65, 2005)
    wind = find(CENTRAL, "风电、太阳能发电总装机容量", 2030)
    assert (wind.comparator, wind.value, wind.measure_unit, wind.converted_value) == (">=", 12, "亿千瓦", 1.2e9)
    assert find(CENTRAL, "非化石能源消费比重", 2025).comparator == "~"
    assert find(CENTRAL, "森林蓄积量", 2030).converted_value == 1.9e10
    assert find(CENTRAL, "非化石能源消费比重", 2060).value == 80
    assert not [t for t in targets_of(CENTRAL) if "未" in t.indicator]  # "对未完成目标任务的地区" is no target


def test_action_plan_targets_for_two_plan_periods() -> None:
    hydro = [t for t in targets_of(ACTION_PLAN) if t.indicator == "新增水电装机容量"]
    assert sorted(t.year for t in hydro) == [2025, 2030]
    assert all((t.comparator, t.converted_value, t.converted_unit) == ("~", 4e7, "kW") for t in hydro)


def test_action_plan_limits_and_carried_indicator() -> None:
    refining = find(ACTION_PLAN, "国内原油一次加工能力", 2025)
    assert (refining.comparator, refining.value, refining.converted_value, refining.converted_unit) == ("<=", 10, 1e9, "t")
    # "…大宗固废年利用量达到40亿吨左右;到2030年,年利用量达到45亿吨左右": the name said again is the same indicator
    assert find(ACTION_PLAN, "大宗固废年利用量", 2030).value == 45
    recycled = [t for t in targets_of(ACTION_PLAN) if t.indicator.endswith("9种主要再生资源循环利用量")]
    assert [(t.year, t.converted_value) for t in recycled] == [(2025, 4.5e8), (2030, 5.1e8)]
    # "省级电网基本具备5%以上的尖峰负荷响应能力": a capacity sized as a share of the peak load (the tuning key, round 2)
    peak = find(ACTION_PLAN, "省级电网尖峰负荷响应能力", 2030)
    assert (peak.comparator, peak.value, peak.measure_unit) == (">=", 5, "%")


def test_ministry_respectively_lists() -> None:
    miit = "cn_miit_industry_carbon_peak_plan_2022_zh.txt"
    cars = find(miit, "乘用车新车二氧化碳排放强度", 2030)
    trucks = find(miit, "商用车新车二氧化碳排放强度", 2030)
    assert (cars.value, trucks.value, trucks.comparator, trucks.base_year) == (25, 20, ">=", 2020)
    assert (find(miit, "再生铜产量", 2025).converted_value, find(miit, "再生铝产量", 2025).converted_value) == (4e6, 1.15e7)
    mee = "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt"
    steel = sorted((t.year, t.value) for t in targets_of(mee) if t.indicator == "短流程炼钢占比")
    assert steel == [(2025, 15), (2030, 20)]  # "2025年和2030年,全国短流程炼钢占比分别提升至15%、20%以上"


def test_jiangsu_qualitative_list_keeps_each_indicator() -> None:
    jiangsu = "jiangsu_opinions_carbon_2022_zh.txt"
    names = {t.indicator for t in targets_of(jiangsu) if t.requirement == "完成国家下达目标任务"}
    assert names == {"单位地区生产总值能耗", "单位地区生产总值二氧化碳排放", "非化石能源消费比重"}


# --- properties over every document ----------------------------------------------------------------
def _written(value: float) -> str:
    return f"{value:g}"


@pytest.mark.parametrize("name", ZH_DOCS)
def test_every_hit_quotes_its_value_and_indicator(name: str) -> None:
    text = normalised(name)
    hits = targets_of(name)
    assert hits
    for t in hits:
        quoted = text[t.start:t.end]
        if t.qualitative:
            assert t.requirement and t.requirement in quoted
        else:
            assert t.value is not None and _written(t.value) in quoted, (t, quoted)
            if t.value_max is not None:
                assert _written(t.value_max) in quoted
        assert text[t.indicator_start:t.indicator_end]
        assert 0 <= t.start < t.end <= len(text)
        assert t.comparator in (None, ">=", "<=", "~", "=", ">", "<")
        assert 0 < t.confidence <= 1


def test_hit_becomes_the_stage_model() -> None:
    hit = find(SHANWEI, "低碳示范单位", 2025)
    provenance = Provenance("policykg.extract.targets", "test", Span(hit.start, hit.end), hit.confidence)
    target = hit.to_target(provenance, concepts=("low-carbon-pilot",))
    assert (target.indicator, target.comparator, target.value, target.value_min, target.value_max) == (
        "低碳示范单位", ">=", 30, 30, 50)
    assert (target.measure_unit, target.year, target.qualitative, target.concepts) == ("家", 2025, False, ("low-carbon-pilot",))


def test_spacy_component_sets_target_spans() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("policykg_targets")
    doc = nlp(paragraph_with(SANMING, "废旧农膜回收率"))
    quoted = [span.text for span in doc.spans["targets"]]
    assert "废旧农膜回收率达85%" in quoted
    assert "秸秆综合利用率达90%以上" in quoted


_POLICY_PIECES = st.sampled_from([
    "到2025年", ",", "。", "、", "和", "比2020年", "下降", "达到", "13.5%", "以上", "左右", "分别", "30-50家",
    "“十四五”", "时期", "完成省下达的目标", "全覆盖", "万千瓦", "亿", "3", "个", "的", "\n", "(一)", "森林蓄积量",
    "百分之", "三十", "成", "至", "〔2021〕", "号", "2030年前", "年底前",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_POLICY_PIECES, max_size=40).map("".join)))
def test_extract_targets_never_raises(text: str) -> None:
    for t in extract_targets(text, "zh"):
        assert 0 <= t.start <= t.end <= len(text)
        assert not re.search(r"\s$", t.indicator)

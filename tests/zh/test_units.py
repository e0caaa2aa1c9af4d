"""The unit registry and the responsible-unit extractor, checked against the real documents of the corpus.

Length (about 450 lines): one case per way a policy names its units, each against its real sentence;
they share the registry and the segmenter loaded once for the module.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import opencc
import pytest
import spacy

from policykg.extract.units import UnitHit, UnitList, extract_units, find_unit_lists, user_words
from policykg.ontology.units import UnitRegistry

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "corpus" / "documents"
SANMING = "003_e073a84fa08b70e4.txt"
SHANWEI = "004_a38210081867983d.txt"
MEE = "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt"
MIIT = "cn_miit_industry_carbon_peak_plan_2022_zh.txt"
FUJIAN = "fujian_pollution_carbon_synergy_plan_2022_zh.txt"
JIANGSU = "jiangsu_opinions_carbon_2022_zh.txt"

_T2S = opencc.OpenCC("t2s")
_FOLD = {0x3000: " "} | {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
ITEM_RE = re.compile(r"^\s*[(（]([一二三四五六七八九十]+)[)）]", re.MULTILINE)


def normalise(text: str) -> str:
    """The project's normalised form for these texts: simplified script, full-width ASCII folded 1:1."""
    return _T2S.convert(text).translate(_FOLD)


def read(name: str) -> str:
    return normalise((DOCS / name).read_text(encoding="utf-8"))


def manifest_region(name: str) -> str:
    data = tomllib.loads((REPO / "corpus" / "manifest.toml").read_text(encoding="utf-8"))
    return next(d["region"] for d in data["document"] if d["file"].endswith(name))


def items(text: str) -> dict[str, str]:
    """Item number ("五") → the item's text, for the (一)…(N) items of a plan."""
    marks = list(ITEM_RE.finditer(text))
    return {m.group(1): text[m.start() : marks[i + 1].start() if i + 1 < len(marks) else len(text)]
            for i, m in enumerate(marks)}


def roles(hits: list[UnitHit]) -> tuple[str, list[str]]:
    lead = [h.unit_id for h in hits if h.role == "lead"]
    assert len(lead) == 1, lead
    return lead[0], [h.unit_id for h in hits if h.role == "support"]


def uid(registry: UnitRegistry, surface: str, jurisdiction: str) -> str | None:
    unit = registry.resolve(surface, jurisdiction)
    return unit.id if unit else None


@pytest.fixture(scope="module")
def registry() -> UnitRegistry:
    return UnitRegistry.load()


# --- the registry ------------------------------------------------------------------------------------
def test_regions_cover_provinces_and_corpus_cities(registry: UnitRegistry) -> None:
    provinces = [r for r in registry.regions.values() if r.parent == "CN"]
    assert len(provinces) == 31
    assert {r.id for r in provinces} >= {"CN-FJ", "CN-GD", "CN-JS", "CN-CQ", "CN-SC", "CN-NM", "CN-XZ"}
    cities = {p: sorted(r.id for r in registry.regions.values() if r.parent == p) for p in ("CN-FJ", "CN-GD", "CN-JS")}
    assert (len(cities["CN-FJ"]), len(cities["CN-GD"]), len(cities["CN-JS"])) == (9, 21, 13)
    assert "CN-FJ-Sanming" in cities["CN-FJ"] and "CN-GD-Shanwei" in cities["CN-GD"]
    assert registry.region_id("闽") == "CN-FJ"
    assert registry.region_id("广东") == "CN-GD"
    assert registry.region_id("三明市") == "CN-FJ-Sanming"
    assert registry.region_id("Shanwei") == "CN-GD-Shanwei"
    assert registry.region_id("CN-JS") == "CN-JS"
    assert registry.region("CN-CQ").level == "municipality"  # type: ignore[union-attr]


def test_unit_ids_are_url_safe_and_parents_exist(registry: UnitRegistry) -> None:
    units = registry.all_units()
    assert len(units) > 1000  # every type in every region of the registry
    for unit in units:
        assert "/" not in unit.id and " " not in unit.id
        assert unit.parent is None or registry.by_id(unit.parent) is not None
        assert unit.jurisdiction in registry.regions
        assert unit.label in unit.names


def test_central_units(registry: UnitRegistry) -> None:
    ndrc = registry.by_id("cn.ndrc")
    assert ndrc is not None and ndrc.label == "国家发展和改革委员会"
    assert ndrc.en == "National Development and Reform Commission" and "NDRC" in ndrc.en_names
    assert "国家计委" in ndrc.former
    assert registry.by_id("cn.nea").parent == "cn.ndrc"  # type: ignore[union-attr]
    assert registry.by_id("cn.nfga").parent == "cn.mnr"  # type: ignore[union-attr]
    for name, unit_id in {
        "国家发展改革委": "cn.ndrc", "国家发改委": "cn.ndrc", "生态环境部": "cn.mee", "工业和信息化部": "cn.miit",
        "科技部": "cn.most", "财政部": "cn.mof", "自然资源部": "cn.mnr", "住房城乡建设部": "cn.mohurd",
        "住房和城乡建设部": "cn.mohurd", "交通运输部": "cn.mot", "农业农村部": "cn.moa", "水利部": "cn.mwr",
        "商务部": "cn.mofcom", "国务院国资委": "cn.sasac", "市场监管总局": "cn.samr", "国家能源局": "cn.nea",
        "国家林草局": "cn.nfga", "人民银行": "cn.pboc", "银保监会": "cn.cbirc", "金融监管总局": "cn.nfra",
        "证监会": "cn.csrc", "国家统计局": "cn.nbs", "国家铁路局": "cn.nra", "民航局": "cn.caac",
        "国管局": "cn.ggj", "中国气象局": "cn.cma", "教育部": "cn.moe", "外交部": "cn.mfa", "中央宣传部": "cn.publicity",
        "全国妇联": "cn.acwf", "税务总局": "cn.sat", "国家邮政局": "cn.spb", "司法部": "cn.moj",
        "国家乡村振兴局": "cn.nrra", "中国国家铁路集团有限公司": "cn.china-railway", "环境保护部": "cn.mee",
    }.items():
        assert uid(registry, name, "CN") == unit_id, name
        assert uid(registry, name, "CN-FJ-Sanming") == unit_id, name


def test_short_forms_depend_on_the_jurisdiction(registry: UnitRegistry) -> None:
    assert uid(registry, "发改委", "CN") == "cn.ndrc"
    assert uid(registry, "发改委", "CN-FJ") == "cn-fj.fgw"
    assert uid(registry, "发改委", "CN-FJ-Sanming") == "cn-fj-sanming.fgw"
    assert uid(registry, "统计局", "CN") == "cn.nbs"
    assert registry.resolve("生态环境厅", "CN") is None  # no province named: the ministry's addressees
    assert registry.resolve("市发改委", "CN") is None  # 市 names no city in a national text


def test_three_levels_of_science_bureau_are_three_units(registry: UnitRegistry) -> None:
    city = registry.resolve("三明市科技局", "CN-FJ-Sanming")
    province = registry.resolve("福建省科技厅", "CN-FJ-Sanming")
    ministry = registry.resolve("科技部", "CN-FJ-Sanming")
    assert [u.id for u in (city, province, ministry)] == ["cn-fj-sanming.kjj", "cn-fj.kjj", "cn.most"]  # type: ignore[union-attr]
    assert city.label == "三明市科学技术局" and province.label == "福建省科学技术厅"  # type: ignore[union-attr]
    assert registry.counterpart("cn-fj-sanming.kjj") == registry.counterpart("cn-fj.kjj") == "cn.most"
    assert uid(registry, "科技局", "CN-FJ-Sanming") == "cn-fj-sanming.kjj"


def test_market_regulator_is_never_city_plus_remainder(registry: UnitRegistry) -> None:
    assert uid(registry, "市场监管局", "CN-FJ-Sanming") == "cn-fj-sanming.scjg"
    assert uid(registry, "市市场监管局", "CN-FJ-Sanming") == "cn-fj-sanming.scjg"
    assert uid(registry, "省市场监管局", "CN-FJ-Sanming") == "cn-fj.scjg"
    assert registry.resolve("场监管局", "CN-FJ-Sanming") is None
    assert registry.by_id("cn-fj-sanming.scjg").label == "三明市市场监督管理局"  # type: ignore[union-attr]


def test_local_branches_of_central_units(registry: UnitRegistry) -> None:
    pbc = registry.resolve("人民银行三明中心支行", "CN-FJ-Sanming")
    assert pbc is not None and pbc.id == "cn-fj-sanming.pbc-pre2023"  # the branch before the 2023 reform
    assert pbc.jurisdiction == "CN-FJ-Sanming" and pbc.parent == "cn.pboc"
    fuzhou = registry.resolve("人民银行福州中心支行", "CN-FJ")  # Fujian's provincial branch, not Fuzhou's
    assert fuzhou is not None and fuzhou.id == "cn-fj.pbc-pre2023"
    nfra = registry.resolve("银保监分局", "CN-FJ-Sanming")
    assert nfra is not None and nfra.id == "cn-fj-sanming.cbirc" and nfra.parent == "cn-fj.cbirc"
    assert registry.by_id("cn-fj.cbirc").parent == "cn.cbirc"  # type: ignore[union-attr]
    assert uid(registry, "福建银保监局", "CN-FJ") == "cn-fj.cbirc"
    assert uid(registry, "福建证监局", "CN-FJ") == "cn-fj.csrc"
    tax = registry.resolve("税务局", "CN-FJ-Sanming")
    assert tax is not None and tax.label == "国家税务总局三明市税务局" and tax.parent == "cn-fj.tax"
    assert registry.by_id("cn-fj.tax").parent == "cn.sat"  # type: ignore[union-attr]


def test_party_organs_and_leading_groups(registry: UnitRegistry) -> None:
    xcb = registry.resolve("市委宣传部", "CN-FJ-Sanming")
    assert xcb is not None and xcb.id == "cn-fj-sanming.xcb" and xcb.label == "中共三明市委宣传部"
    assert xcb.parent == "cn-fj-sanming.dw"
    assert uid(registry, "中共江苏省委", "CN-JS") == "cn-js.dw"
    assert uid(registry, "中共江苏省委办公厅", "CN-JS") == "cn-js.dwb"
    assert uid(registry, "市政府办", "CN-FJ-Sanming") == "cn-fj-sanming.zfb"
    group = registry.resolve("市碳达峰碳中和工作领导小组", "CN-GD-Shanwei")
    assert group is not None and group.id == "cn-gd-shanwei.tdfz" and group.label == "汕尾市碳达峰碳中和工作领导小组"
    assert uid(registry, "碳达峰碳中和工作领导小组", "CN") == "cn.tdfz-group"


def test_every_manifest_issuer_resolves(registry: UnitRegistry) -> None:
    data = tomllib.loads((REPO / "corpus" / "manifest.toml").read_text(encoding="utf-8"))
    resolved = {}
    for doc in data["document"]:
        for issuer in doc.get("issuers", []):
            unit = registry.resolve(issuer, doc["region"])
            assert unit is not None, (doc["id"], issuer)
            resolved[issuer] = unit.id
    assert resolved["三明市城市管理局"] == "cn-fj-sanming.cgj"
    assert resolved["三明市住房和城乡建设局"] == "cn-fj-sanming.zjj"
    assert resolved["汕尾市人民政府"] == "cn-gd-shanwei.gov"
    assert resolved["福建省生态环境厅"] == "cn-fj.sthj"
    assert resolved["中共江苏省委"] == "cn-js.dw"
    assert resolved["国家发展和改革委员会"] == "cn.ndrc"
    assert resolved["中共中央"] == "cn.cpc-central" and resolved["国务院"] == "cn.state-council"


def test_misspelled_signature_resolves_with_lower_confidence(registry: UnitRegistry) -> None:
    text = read(SANMING)
    assert "三明市交通运局" in text  # the covering notice's signature drops 输
    found = registry.resolve_detail("三明市交通运局", "CN-FJ-Sanming")
    assert found is not None and found.unit.id == "cn-fj-sanming.jtj" and found.how == "misspelled"
    assert found.confidence < registry.resolve_detail("三明市交通运输局", "CN-FJ-Sanming").confidence  # type: ignore[union-attr]


# --- Sanming: 22 lists, items (一)–(二十二) ---------------------------------------------------------------
SANMING_LISTS: dict[str, tuple[str, list[str]]] = {
    "一": ("sthj", ["zrzy", "nync", "fgw", "gxj"]),
    "二": ("sthj", ["fgw", "gxj", "swj", "slj", "scjg"]),
    "三": ("fgw", ["gxj", "sthj", "nync", "slj", "wlj", "zjj", "jtj", "scjg"]),
    "四": ("xcb", ["zfb", "fgw", "sthj", "yzj", "gxj", "swj", "scjg", "jyj", "jtj", "zjj", "cgj", "czj", "fl"]),
    "五": ("gxj", ["fgw", "sthj", "kjj", "swj"]),
    "六": ("jtj", ["zfb", "fgw", "gxj", "gaj", "nync", "swj", "sthj", "zjj", "cgj", "yzj", "scjg"]),
    "七": ("zjj", ["zrzy", "sthj", "nync", "fgw", "scjg"]),
    "八": ("nync", ["scjg", "sthj"]),
    "九": ("lyj", ["sthj", "cgj", "slj", "nync", "jtj", "zrzy"]),
    "十": ("sthj", ["fgw", "gxj", "jtj", "kjj"]),
    "十一": ("sthj", ["fgw", "slj", "cgj", "zjj", "gxj", "lyj", "nync"]),
    "十二": ("sthj", ["zrzy", "nync", "kjj", "lyj", "fgw", "qxj"]),
    "十三": ("sthj", ["fgw", "gxj", "swj", "cgj", "nync"]),
    "十四": ("sthj", ["fgw"]),
    "十五": ("sthj", ["lyj", "jrj", "fgw", "gxj"]),
    "十六": ("sthj", ["fgw", "kjj", "gxj", "swj"]),
    "十七": ("sthj", ["fgw", "kjj"]),
    "十八": ("kjj", ["fgw", "gxj", "sthj"]),
    "十九": ("sfj", ["fgw", "sthj", "gxj", "scjg"]),
    "二十": ("sthj", ["fgw", "gxj", "scjg"]),
    "二十一": ("czj", ["fgw", "tax", "sthj", "jrj", "pbc-pre2023", "cbirc"]),
    "二十二": ("sthj", ["fgw", "tjj", "lyj", "qxj"]),
}


def test_sanming_item_five() -> None:
    clause = (
        "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
        "(责任单位:市工信局、发改委、生态环境局、科技局、商务局等按职责分工负责)"
    )
    hits = extract_units(clause, "CN-FJ-Sanming", "zh")
    assert roles(hits) == (
        "cn-fj-sanming.gxj", ["cn-fj-sanming.fgw", "cn-fj-sanming.sthj", "cn-fj-sanming.kjj", "cn-fj-sanming.swj"]
    )
    assert [h.surface for h in hits] == ["市工信局", "发改委", "生态环境局", "科技局", "商务局"]
    assert [clause[h.start : h.end] for h in hits] == [h.surface for h in hits]
    assert hits[0].label == "三明市工业和信息化局" and hits[0].jurisdiction == "CN-FJ-Sanming"


def test_sanming_item_two_market_regulator() -> None:
    clause = (
        "不断完善工业园区基础设施建设,持续加强环境治理。"
        "(责任单位:市生态环境局、发改委、工信局、商务局、水利局、市场监管局等按职责分工负责)"
    )
    hits = extract_units(clause, "CN-FJ-Sanming", "zh")
    ids = [h.unit_id for h in hits]
    assert "cn-fj-sanming.scjg" in ids
    assert hits[ids.index("cn-fj-sanming.scjg")].surface == "市场监管局"
    assert not any(h.surface == "场监管局" for h in hits)


def test_sanming_item_four_mixed_separators() -> None:
    clause = (
        "探索建立“碳普惠”“碳积分”等公众参与机制。(责任单位:市委宣传部,市政府办,市发改委、生态环境局、邮政管理局、"
        "工信局、商务局、市场监管局、教育局、交通运输局、住建局、城管局、财政局,市妇联等按职责分工负责)"
    )
    hits = extract_units(clause, "CN-FJ-Sanming", "zh")
    lead, support = roles(hits)
    assert lead == "cn-fj-sanming.xcb"
    assert support[0] == "cn-fj-sanming.zfb" and support[-1] == "cn-fj-sanming.fl"
    assert len(support) == 13
    assert all(h.jurisdiction == "CN-FJ-Sanming" for h in hits)
    assert [h.label for h in hits][:3] == ["中共三明市委宣传部", "三明市人民政府办公室", "三明市发展和改革委员会"]


def test_sanming_item_twenty_one_bank_branches() -> None:
    clause = (
        "推动实施“三明市沙溪流域生态治理及资源化一体产业开发EOD项目”,探索建立产业收益补贴生态环境治理投入的良性机制。"
        "(责任单位:市财政局、发改委、税务局、生态环境局、金融监管局、人民银行三明中心支行、银保监分局等按职责分工负责)"
    )
    hits = extract_units(clause, "CN-FJ-Sanming", "zh")
    by_surface = {h.surface: h for h in hits}
    assert by_surface["人民银行三明中心支行"].unit_id == "cn-fj-sanming.pbc-pre2023"
    assert by_surface["银保监分局"].unit_id == "cn-fj-sanming.cbirc"
    assert by_surface["金融监管局"].unit_id == "cn-fj-sanming.jrj"  # the city's financial office, not the NFRA branch
    assert by_surface["市财政局"].role == "lead"


def test_sanming_all_twenty_two_lists() -> None:
    text = read(SANMING)
    region = manifest_region(SANMING)
    assert region == "CN-FJ-Sanming"
    found: dict[str, tuple[str, list[str]]] = {}
    for number, item in items(text).items():
        lists = find_unit_lists(item, region)
        if not lists:
            continue
        assert len(lists) == 1, number
        assert not lists[0].unresolved and not lists[0].generic, (number, lists[0].unresolved)
        lead, support = roles(lists[0].hits)
        found[number] = (lead.split(".")[1], [s.split(".")[1] for s in support])
        assert all(h.unit_id.startswith("cn-fj-sanming.") for h in lists[0].hits)
    assert found == SANMING_LISTS


def test_sanming_mentions_outside_lists() -> None:
    text = read(SANMING)
    hits = extract_units(text, "CN-FJ-Sanming", "zh")
    mentioned = {h.surface: h.unit_id for h in hits if h.role == "mentioned"}
    assert mentioned["市政府"] == "cn-fj-sanming.gov"  # 经市政府同意
    assert mentioned["生态环境部"] == "cn.mee"  # 生态环境部等七部门《…》
    assert mentioned["福建省生态环境厅"] == "cn-fj.sthj"
    assert mentioned["省委"] == "cn-fj.dw" and mentioned["省政府"] == "cn-fj.gov"
    assert all(text[h.start : h.end] == h.surface for h in hits)


# --- national plans -----------------------------------------------------------------------------------
def _lists(name: str) -> list[UnitList]:
    text = read(name)
    return find_unit_lists(text, manifest_region(name))


def test_mee_plan_lists_resolve_to_national_units() -> None:
    lists = _lists(MEE)
    assert len(lists) == 26  # items (四)–(二十九)
    assert [u.unresolved for u in lists if u.unresolved] == []
    assert all(h.unit_id.startswith("cn.") and h.jurisdiction == "CN" for u in lists for h in u.hits)
    text = read(MEE)
    by_item = {n: find_unit_lists(body, "CN") for n, body in items(text).items()}
    assert roles(by_item["四"][0].hits) == ("cn.mee", ["cn.ndrc", "cn.miit", "cn.mnr", "cn.mwr"])
    assert "cn.china-railway" in [h.unit_id for h in by_item["九"][0].hits]
    assert "cn.nrra" in [h.unit_id for h in by_item["十"][0].hits]
    assert roles(by_item["二十"][0].hits) == ("cn.mee", [])  # (生态环境部负责)
    assert roles(by_item["二十九"][0].hits) == ("cn.mee", [])  # (生态环境部牵头负责)
    assert [h.unit_id for h in by_item["二十四"][0].hits][-3:] == ["cn.pboc", "cn.cbirc", "cn.csrc"]
    assert by_item["二十六"][0].hits == [] and [g[2] for g in by_item["二十六"][0].generic] == ["各相关部门", "地方"]
    distinct = {h.unit_id for u in lists for h in u.hits}
    assert distinct == {  # the 24 central units the plan names: 生态环境部 … 中国气象局
        "cn.mee", "cn.ndrc", "cn.miit", "cn.mnr", "cn.mwr", "cn.samr", "cn.nea", "cn.mohurd", "cn.moa", "cn.mof",
        "cn.mot", "cn.mofcom", "cn.ggj", "cn.china-railway", "cn.nrra", "cn.nfga", "cn.most", "cn.moj", "cn.pboc",
        "cn.cbirc", "cn.csrc", "cn.nbs", "cn.moe", "cn.cma",
    }


def test_miit_plan_lists_resolve_to_national_units() -> None:
    lists = _lists(MIIT)
    assert len(lists) == 45
    assert [u.unresolved for u in lists if u.unresolved] == []
    hits = [h for u in lists for h in u.hits]
    assert all(h.unit_id.startswith("cn.") for h in hits)
    assert sum(1 for u in lists if u.hits and u.hits[0].unit_id == "cn.ndrc") == 39
    surfaces = {h.surface: h.unit_id for h in hits}
    assert surfaces["国务院国资委"] == "cn.sasac"
    assert surfaces["税务总局"] == "cn.sat"
    assert surfaces["国家邮政局"] == "cn.spb"
    # the office's member units name no particular organ: a generic participant, not the office itself
    assert "cn.tdfz-office" not in surfaces.values()
    members = [p for u in lists for p in u.participants if p.surface == "碳达峰碳中和工作领导小组办公室成员单位"]
    assert [(p.role, p.resolved) for p in members] == [("generic", False)]
    assert [g[2] for u in lists for g in u.generic] == ["碳达峰碳中和工作领导小组办公室成员单位", "各地区相关部门", "各有关部门"]


def test_fujian_plan_lists_resolve_to_provincial_units() -> None:
    lists = _lists(FUJIAN)
    assert manifest_region(FUJIAN) == "CN-FJ"
    assert len(lists) == 23  # items (一)–(二十三)
    assert [u.unresolved for u in lists if u.unresolved] == []
    outside = {h.unit_id for u in lists for h in u.hits if h.jurisdiction != "CN-FJ"}
    assert outside == {"cn.china-railway-nanchang"}
    text = read(FUJIAN)
    by_item = {n: find_unit_lists(body, "CN-FJ") for n, body in items(text).items()}
    lead, support = roles(by_item["四"][0].hits)
    assert lead == "cn-fj.xcb" and support[-1] == "cn-fj.fl" and "cn-fj.jgj" in support
    assert "cn-fj.hyj" in roles(by_item["八"][0].hits)[1]
    assert roles(by_item["二十二"][0].hits) == (
        "cn-fj.czj",
        ["cn-fj.fgw", "cn-fj.tax", "cn-fj.jtj", "cn-fj.sthj", "cn-fj.jrj", "cn-fj.pbc-pre2023", "cn-fj.cbirc",
         "cn-fj.csrc"],
    )


# --- mentions ---------------------------------------------------------------------------------------------
def test_shanwei_leading_group_is_only_mentioned() -> None:
    text = read(SHANWEI)
    assert manifest_region(SHANWEI) == "CN-GD-Shanwei"
    clause = "市碳达峰碳中和工作领导小组要统筹协调全市碳排放达峰工作。"
    assert clause in text
    hits = extract_units(clause, "CN-GD-Shanwei", "zh")
    assert [(h.unit_id, h.role, h.surface) for h in hits] == [
        ("cn-gd-shanwei.tdfz", "mentioned", "市碳达峰碳中和工作领导小组")
    ]
    whole = extract_units(text, "CN-GD-Shanwei", "zh")
    assert all(h.role == "mentioned" for h in whole)
    assert {h.unit_id for h in whole} == {"cn-gd-shanwei.gov", "cn-gd-shanwei.tdfz"}


def test_department_words_are_not_ministries() -> None:
    text = read(MEE)
    for sentence in ("各地区生态环境部门要结合实际,制定实施方案", "财政部门要做好减污降碳相关经费保障"):
        assert sentence in text
        assert extract_units(sentence, "CN", "zh") == []


def test_jiangsu_provincial_mentions() -> None:
    text = read(JIANGSU)
    hits = extract_units(text, manifest_region(JIANGSU), "zh")
    found = {h.surface: (h.unit_id, h.role) for h in hits}
    assert found["中共江苏省委"] == ("cn-js.dw", "mentioned")
    assert found["江苏省人民政府"] == ("cn-js.gov", "mentioned")
    assert found["省碳达峰碳中和工作领导小组"] == ("cn-js.tdfz", "mentioned")
    assert found["省碳达峰碳中和工作领导小组办公室"] == ("cn-js.tdfzb", "mentioned")


# --- list formats the corpus plans use elsewhere ------------------------------------------------------
def test_explicit_lead_and_support() -> None:
    hits = extract_units("(国家发展改革委牵头,生态环境部、工业和信息化部按职责分工负责)", "CN", "zh")
    assert roles(hits) == ("cn.ndrc", ["cn.mee", "cn.miit"])
    hits = extract_units("(牵头单位:市发改委;配合单位:市工信局、市场监管局)", "CN-GD-Shanwei", "zh")
    assert roles(hits) == ("cn-gd-shanwei.fgw", ["cn-gd-shanwei.gxj", "cn-gd-shanwei.scjg"])


def test_keyed_list_with_deadline() -> None:
    hits = extract_units("(责任部门:气候处,完成期限:2021年四季度)", "CN-FJ", "zh")
    assert [(h.unit_id, h.role, h.surface) for h in hits] == [("cn-fj.qhc", "lead", "气候处")]
    assert hits[0].label == "福建省生态环境厅应对气候变化处"


def test_two_jurisdictions_split_by_semicolon() -> None:
    text = "(重庆市发展改革委、经济信息委、生态环境局;四川省发展改革委、经济和信息化厅、生态环境厅按职责分工负责)"
    hits = extract_units(text, "CN", "zh")
    assert [h.unit_id for h in hits] == ["cn-cq.fgw", "cn-cq.gxj", "cn-cq.sthj", "cn-sc.fgw", "cn-sc.gxj", "cn-sc.sthj"]
    assert hits[0].role == "lead" and {h.role for h in hits[1:]} == {"support"}


def test_province_prefix_in_a_city_list() -> None:
    hits = extract_units("(责任单位:省发改委、工信厅,市生态环境局、工信局)", "CN-FJ-Sanming", "zh")
    assert [h.unit_id for h in hits] == ["cn-fj.fgw", "cn-fj.gxj", "cn-fj-sanming.sthj", "cn-fj-sanming.gxj"]


# --- spaCy and the segmenter --------------------------------------------------------------------------
def test_spacy_component_assigns_unit_spans() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("policykg_units", config={"jurisdiction": "CN-FJ-Sanming"})
    doc = nlp("(责任单位:市工信局、发改委、生态环境局、科技局、商务局等按职责分工负责)")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["units"]][:2] == [
        ("市工信局", "lead", "cn-fj-sanming.gxj"), ("发改委", "support", "cn-fj-sanming.fgw"),
    ]
    doc = nlp.make_doc("(责任单位:省发改委)")
    doc.user_data["jurisdiction"] = "CN-FJ"
    assert [s.kb_id_ for s in nlp.get_pipe("policykg_units")(doc).spans["units"]] == ["cn-fj.fgw"]


def test_user_words_keep_unit_names_whole() -> None:
    words = set(user_words())
    assert {"市场监管局", "国家发展改革委", "人民银行三明中心支行", "三明市生态环境局", "福建省生态环境厅"} <= words


def test_unknown_names_in_a_list_are_reported() -> None:
    lists = find_unit_lists("(市海绵城市建设中心、市发改委等按职责分工负责)", "CN-FJ-Sanming")
    assert len(lists) == 1
    assert [u[2] for u in lists[0].unresolved] == ["市海绵城市建设中心"]
    # an unknown first unit is still the lead: it is kept, unresolved, with its jurisdiction and full name
    unknown, ndrc = lists[0].hits
    assert (unknown.role, unknown.resolved, unknown.jurisdiction, unknown.label) == (
        "lead", False, "CN-FJ-Sanming", "三明市海绵城市建设中心")
    assert (ndrc.unit_id, ndrc.role) == ("cn-fj-sanming.fgw", "support")

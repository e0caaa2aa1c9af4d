"""Metadata read from the documents' own text, the manifest's precedence, and the cited documents."""

from __future__ import annotations

from policykg.ingest.metadata import guess_level_region, iso_date
from policykg.ingest.model import Level, NormalisedDocument, Script


def test_sanming_citations_with_numbers_titles_and_issuers(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["sanming-pollution-carbon-synergy-plan-2022"]
    cited = [(c.title, c.doc_number, c.issuer) for c in doc.citations]
    assert cited == [
        ("中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "中发〔2021〕36号", None),
        ("关于印发减污降碳协同增效实施方案的通知", "环综合〔2022〕42号", "生态环境部等七部门"),
        (
            "关于印发福建省减污降碳协同增效实施方案的通知",
            "闽环保综合〔2022〕12号",
            "福建省生态环境厅等六部门",
        ),
    ]
    quoted = [doc.quote(c.span) for c in doc.citations]
    assert (
        quoted[0]
        == "《中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》(中发〔2021〕36号)"
    )
    assert quoted[1] == "生态环境部等七部门《关于印发减污降碳协同增效实施方案的通知》(环综合〔2022〕42号)"
    assert (
        quoted[2]
        == "福建省生态环境厅等六部门《关于印发福建省减污降碳协同增效实施方案的通知》(闽环保综合〔2022〕12号)"
    )
    # the covering notice names the plan it carries: that is not a citation
    assert all(c.title != "三明市减污降碳协同增效实施方案" for c in doc.citations)


def test_other_citations(ingested: dict[str, NormalisedDocument]) -> None:
    fujian = ingested["fujian-pollution-carbon-synergy-plan-2022"]
    assert [(c.title, c.issuer) for c in fujian.citations] == [
        ("关于印发减污降碳协同增效实施方案的通知", "生态环境部等七部门")
    ]
    shanwei = ingested["shanwei-carbon-peak-plan-2023"]
    assert [c.title for c in shanwei.citations] == [
        "中共广东省委 广东省人民政府关于完整准确全面贯彻新发展理念推进碳达峰碳中和工作的实施意见",
        "广东省碳达峰实施方案",
    ]
    assert shanwei.quote(shanwei.citations[1].span) == "《廣東省碳達峰實施方案》"
    plan = ingested["state-council-2030-carbon-peak-action-plan-2021"]
    assert "2030年前碳达峰行动方案" not in [c.title for c in plan.citations]
    assert "巴黎协定" in [c.title for c in plan.citations]


def test_metadata_from_the_text_alone(ingested_without_manifest) -> None:  # type: ignore[no-untyped-def]
    docs = ingested_without_manifest
    md = docs["003_e073a84fa08b70e4.txt"].metadata
    assert (md.title, md.issued, md.level, md.region) == (
        "三明市减污降碳协同增效实施方案",
        "2022-12-13",
        Level.MUNICIPAL,
        "CN-FJ-Sanming",
    )
    assert md.issuers[:2] == ["三明市生态环境局", "三明市发展和改革委员会"] and len(md.issuers) == 7
    assert md.doc_number is None  # the numbers in its preamble belong to the documents it cites

    md = docs["cn_state_council_2030_carbon_peak_action_plan_2021_zh.txt"].metadata
    assert (md.title, md.doc_number, md.issued, md.issuers, md.level, md.region) == (
        "2030年前碳达峰行动方案",
        "国发〔2021〕23号",
        "2021-10-24",
        ["国务院"],
        Level.CENTRAL,
        "CN",
    )
    md = docs["cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt"].metadata
    assert (md.title, md.doc_number, md.issued, md.level) == (
        "减污降碳协同增效实施方案",
        "环综合〔2022〕42号",
        "2022-06-10",
        Level.MINISTRY,
    )
    assert md.issuers == [
        "生态环境部",
        "国家发展和改革委员会",
        "工业和信息化部",
        "住房和城乡建设部",
        "交通运输部",
        "农业农村部",
        "国家能源局",
    ]

    md = docs["cn_central_opinions_carbon_peak_neutrality_2021_zh.txt"].metadata
    assert (md.issuers, md.issued, md.level) == (["中共中央", "国务院"], "2021-09-22", Level.CENTRAL)
    assert md.title == "中共中央、国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见"

    md = docs["jiangsu_opinions_carbon_2022_zh.txt"].metadata
    assert (md.title, md.issuers, md.issued, md.level, md.region) == (
        "关于推动高质量发展做好碳达峰碳中和工作的实施意见",
        ["中共江苏省委", "江苏省人民政府"],
        "2022-01-15",
        Level.PROVINCIAL,
        "CN-JS",
    )
    md = docs["fujian_pollution_carbon_synergy_plan_2022_zh.txt"].metadata
    assert (md.title, md.level, md.region, md.issued) == (
        "福建省减污降碳协同增效实施方案",
        Level.PROVINCIAL,
        "CN-FJ",
        None,
    )

    md = docs["004_a38210081867983d.txt"].metadata
    assert (md.title, md.issued, md.issuers, md.level, md.region) == (
        "汕尾市碳達峰實施方案",
        "2023-08-21",
        ["汕尾市人民政府"],
        Level.MUNICIPAL,
        "CN-GD-Shanwei",
    )
    assert md.titles == {"zh-Hans": "汕尾市碳达峰实施方案", "zh-Hant": "汕尾市碳達峰實施方案"}
    assert (md.language, md.script) == ("zh", Script.HANT)

    md = docs["000_57f19195af4d3e85.txt"].metadata
    assert md.title.startswith(
        "Opinions of the CPC Central Committee and the State Council on completely, accurately"
    )
    assert md.title.endswith("carbon peak and carbon neutralization")  # the full copy, not the cut one
    assert (md.language, md.script, md.issued, md.issuers, md.level) == (
        "en",
        Script.EN,
        "2021-09-22",
        ["中共中央", "国务院"],
        Level.CENTRAL,
    )
    assert (
        docs["001_e65841712e543070.txt"].metadata.issued == "2023-12-27"
    )  # not the page's "Time: 2024-03-22"


def test_manifest_wins_but_the_text_is_recorded(ingested: dict[str, NormalisedDocument]) -> None:
    doc = ingested["sanming-pollution-carbon-synergy-plan-2022"]
    md = doc.metadata
    assert "三明市交通运输局" in md.issuers  # the manifest's spelling
    assert "三明市交通运局" in md.from_text["issuers"]  # what the signature block actually says
    assert md.from_text["issued"] == md.issued == "2022-12-13"
    assert (md.work, md.source_note) == (
        "sanming-pollution-carbon-synergy-plan-2022",
        "seed 003: Sanming municipal plan with its covering notice",
    )
    remarks = ingested["provincial-secretaries-remarks-2021"].metadata
    assert remarks.titles == {
        "zh-Hant": "31省市省委書記關於碳達峰、碳中和的部分講話和心得",
        "zh-Hans": "31省市省委书记关于碳达峰、碳中和的部分讲话和心得",
    }
    en = ingested["central-opinions-carbon-peak-2021-en"].metadata
    assert en.titles["zh-Hans"] == "中共中央、国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见"
    assert en.doc_number == "中发〔2021〕36号" and "doc_number" not in en.from_text
    miit = ingested["miit-industry-carbon-peak-plan-2022"].metadata
    assert (miit.level, miit.doc_number, miit.issued) == (Level.MINISTRY, "工信部联节〔2022〕88号", "2022-07")


def test_dates_and_levels() -> None:
    assert iso_date("2022年12月13日") == "2022-12-13"
    assert iso_date("二〇二二年十二月十三日") == "2022-12-13"
    assert iso_date("2022年13月1日") is None
    assert guess_level_region(["国务院"], "2030年前碳达峰行动方案") == (Level.CENTRAL, "CN")
    assert guess_level_region(["生态环境部", "国家能源局"], "减污降碳协同增效实施方案") == (
        Level.MINISTRY,
        "CN",
    )
    assert guess_level_region([], "福建省减污降碳协同增效实施方案") == (Level.PROVINCIAL, "CN-FJ")
    assert guess_level_region(["三明市生态环境局"], "") == (Level.MUNICIPAL, "CN-FJ-Sanming")
    assert guess_level_region(["三明市三元区人民政府"], "") == (Level.COUNTY, "CN-FJ-Sanming-Sanyuan")
    assert guess_level_region(["广西壮族自治区人民政府"], "") == (Level.PROVINCIAL, "CN-GX")
    assert guess_level_region(["北京市人民政府"], "") == (Level.PROVINCIAL, "CN-BJ")

"""Level, region and date where a document names them only indirectly: an organ named by its level alone
(市…, 自治区…) whose division is one of the four municipalities or only the published file name's, and dates
printed in other ways (a cover's month in Chinese numerals, the imprint line, a stray 0 before the day).

Every document here is from the `tune` part of tests/keys/split.toml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest.metadata import guess_level_region, iso_date, text_metadata
from policykg.ingest.model import Level, NormalisedDocument, Script
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw
from policykg.ingest.regions import gazetteer

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"

#: 341: the title names the organ only as 市生态环境局; the text names 天津市, a province-level municipality.
TIANJIN_TITLE = "市生态环境局关于做好我市2022年全国碳市场温室气体排放重点工作的通知"
TIANJIN_BODY = (
    "为加强我市温室气体排放数据管理,根据生态环境部办公厅《关于做好2022年企业温室气体排放报告管理相关重点工作的通知》\n"
    "天津市2020和2021年任一年温室气体排放量达2.6万吨二氧化碳当量(综合能源消费量约1万吨标准煤)及以上的发电行业企业\n"
    "天津市2020和2021年任一年温室气体排放量达2.6万吨二氧化碳当量(综合能源消费量约1万吨标准煤)及以上的石化、化工\n"
)
#: 292: the text says only 自治区 and 全区; the file name as published names 宁夏回族自治区.
NINGXIA_NAME = "292、宁夏回族自治区关于成立碳达峰碳中和暨能耗双控工作领导小组的通知.pdf"
NINGXIA_TITLE = "自治区发展改革委党组关于成立碳达峰碳中和暨能耗双控工作领导小组的通知"
NINGXIA_BODY = "认真落实中央和自治区关于做好碳达峰碳中和工作部署\n抓紧研究制定全区碳达峰行动方案。\n"


def test_a_city_organ_of_a_municipality_is_provincial() -> None:  # 341
    assert guess_level_region(["市生态环境局"], TIANJIN_TITLE, "", TIANJIN_BODY) == (Level.PROVINCIAL, "CN-TJ")
    # a text without issuers that speaks as 我市 of a municipality is provincial too
    assert guess_level_region([], "关于做好我市2022年全国碳市场温室气体排放重点工作的通知", "", TIANJIN_BODY) == (
        Level.PROVINCIAL, "CN-TJ"
    )
    gaz = gazetteer()
    assert gaz.most_named_city(TIANJIN_BODY) == gaz.by_id("CN-TJ")
    # a prefecture-level city named more often than a municipality stays the city
    city = gaz.most_named_city("申报主体为在南京市行政区域内注册的企业。南京市科技局。参照北京市经验。")
    assert city is not None and city.id == "CN-JS-Nanjing"


def test_an_organ_named_by_its_level_takes_the_division_of_the_published_file_name() -> None:  # 292
    assert guess_level_region(["自治区发展改革委党组"], NINGXIA_TITLE, "", NINGXIA_BODY, NINGXIA_NAME) == (
        Level.PROVINCIAL, "CN-NX"
    )
    assert guess_level_region(["自治区发展改革委党组"], NINGXIA_TITLE, "", NINGXIA_BODY) == (Level.PROVINCIAL, None)
    # 217: a city organ whose text never names its division; the file name names a municipality
    notice = "市发展改革委关于印发《关于做好用能保障推动绿色发展的十项措施》的通知"
    name = "217、天津市关于做好用能保障推动绿色发展的十项措施.pdf"
    assert guess_level_region(["市发展改革委"], "关于做好用能保障推动绿色发展的十项措施", notice, "", name) == (
        Level.PROVINCIAL, "CN-TJ"
    )


def test_a_text_without_issuers_speaking_as_its_province_takes_the_file_name_division() -> None:  # 268
    body = (
        "关于公开征集碳达峰碳中和科技创新需求的通知\n 发文日期:2022-01-17 15:55\n 来源:社发处\n各有关单位:\n"
        "全面落实“三高四新”战略定位和使命任务\n以及对我省科技支撑碳达峰碳中和的相关建议。\n"
    )
    title = "关于公开征集碳达峰碳中和科技创新需求的通知"
    name = "268、湖南省关于公开征集碳达峰碳中和科技创新需求的通知.pdf"
    assert guess_level_region([], title, "", body, name) == (Level.PROVINCIAL, "CN-HN")
    # a 我市 text takes a city or a municipality from the name, never a province
    spoken = "提升我市碳排放数据质量水平。"
    assert guess_level_region([], title, "", spoken, "天津市关于做好我市2022年重点工作的通知.pdf") == (
        Level.PROVINCIAL, "CN-TJ"
    )
    assert guess_level_region([], title, "", spoken, "湖南省长沙市关于征集需求的通知.pdf") == (
        Level.MUNICIPAL, "CN-HN-Changsha"
    )


def _md(text: str):  # type: ignore[no-untyped-def]
    return text_metadata(text, 0, len(text), Script.HANS)


def test_a_cover_month_in_chinese_numerals_with_its_zero_moved_by_the_text_layer() -> None:  # 302
    assert _md("国家适应气候变化战略 2035 \n \n二 二二年五月 〇\n目 录 \n前言 .......... 8 \n").issued == "2022-05"
    assert _md("国家适应气候变化战略2035\n二〇二二年五月\n目 录\n").issued == "2022-05"


def test_the_imprint_line_dates_a_document_with_no_signature_date() -> None:  # 76, 427
    text = (
        "福建省“十四五”生态环境保护专项规划\n第五节 开展实施评估\n加大规划宣传力度,广泛凝聚共识,充分调动全社会积极性。\n"
        "抄送:省委办公厅、省委各部门,中央驻闽各机构,省军区,各人民团体。\n"
        "省人大常委会办公厅,省政协办公厅,省监委,省法院,省检察院。\n各民主党派福建省委员会。\n"
        "福建省人民政府办公厅2021年10月26日印发\n"
    )
    assert _md(text).issued == "2021-10-26"


def test_a_date_with_a_stray_zero_before_the_day() -> None:  # 271
    assert iso_date("2021年12月014日") == "2021-12-14"
    text = (
        "关于勘察设计企业和施工图审查机构落实碳达峰、碳中和有关政策制度和建设标准的通知\n各勘察设计企业、施工图审查机构:\n"
        "特此通知。\n联系人:市住建局标准定额科:5220664市住建局建筑节能和科技教育科: \n"
        "5220634市建设工程消防审验服务中心: 5220566\n包头市住房和城乡建设局\n2021年12月014日\n"
    )
    md = _md(text)
    assert (md.issuers, md.issued) == (["包头市住房和城乡建设局"], "2021-12-14")


@pytest.fixture(scope="module")
def real() -> dict[str, NormalisedDocument]:
    packs = sources(PACKS)
    numbers = ("76", "217", "268", "271", "292", "302", "341", "425", "427", "430", "539")
    return {n: normalise(read_raw(next(p for f, p in packs.items() if f.startswith(f"{n}、")))) for n in numbers}


@pytest.mark.parametrize(
    ("number", "level", "region", "issued"),
    [
        ("341", Level.PROVINCIAL, "CN-TJ", "2022-03-29"),
        ("292", Level.PROVINCIAL, "CN-NX", None),  # the PDF states no date
        ("302", Level.MINISTRY, "CN", "2022-05"),
        ("76", Level.PROVINCIAL, "CN-FJ", "2021-10-26"),
        ("427", Level.MUNICIPAL, "CN-SC-Guangyuan", "2022-04-02"),
        ("271", Level.MUNICIPAL, "CN-NM-Baotou", "2021-12-14"),
        ("268", Level.PROVINCIAL, "CN-HN", "2022-01-17"),
        ("217", Level.PROVINCIAL, "CN-TJ", "2022-03-30"),  # 市发展改革委: only the file name names 天津
        ("425", Level.MUNICIPAL, "CN-SC-Neijiang", "2022-03"),  # cover: 二〇二二年三月
        ("539", Level.PROVINCIAL, "CN-TJ", "2021-04"),  # cover: 二〇二一年四月
        ("430", Level.PROVINCIAL, "CN-NM", "2022-03-30"),  # the imprint's date before the cover's month
    ],
)
def test_real_documents_level_region_and_date(
    real: dict[str, NormalisedDocument], number: str, level: Level, region: str, issued: str | None
) -> None:
    md = real[number].metadata
    assert (md.level, md.region, md.issued) == (level, region, issued)

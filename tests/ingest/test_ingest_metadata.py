"""Metadata read from the documents' own text, the manifest's precedence, and the cited documents.

Length (about 540 lines, kept whole on purpose): one case per way a real document prints its title, type,
issuers, 文号 and date, each against the lines of a named tune document; the cases read best side by side.
"""

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


# --- rules written on the tune part of the real corpus (tests/keys/metadata_tune.toml) ----------------

def _md(text: str):  # type: ignore[no-untyped-def]
    """Metadata of a text whose first clause starts at its "一、" line (the head is what comes before)."""
    from policykg.ingest.metadata import text_metadata

    at = text.find("\n一、")
    return text_metadata(text, at + 1 if at >= 0 else 0, len(text), Script.HANS)


def _laid_out(text: str) -> str:
    from policykg.ingest.layout import layout_edits
    from policykg.ingest.textmap import apply_edits

    return apply_edits(text, layout_edits(text).edits)[0]


def test_a_press_release_headline_printed_twice_announces_its_document() -> None:  # 8
    md = _md(
        "中共中央办公厅、国务院办公厅印发《关于深化生态保护补偿制度改革的意见》中共中央办公厅、国务院办公厅印发"
        "《关于深化生态保护补偿制度改革的意见》近日,中共中央办公厅、国务院办公厅印发了《关于深化生态保护补偿制度改革的意见》,"
        "并发出通知,要求各地区各部门结合实际认真贯彻落实。\n 《关于深化生态保护补偿制度改革的意见》全文如下。\n"
        "一、总体要求\n正文。\n (新华社北京 2021年9月12日电)\n"
    )
    assert (md.title, md.doc_type, md.notice_title) == ("关于深化生态保护补偿制度改革的意见", "意见", None)
    assert (md.issuers, md.issued, md.level) == (["中共中央办公厅", "国务院办公厅"], "2021-09-12", Level.CENTRAL)


def test_a_headline_cut_short_yields_to_the_lead_sentence() -> None:  # 71
    md = _md(
        "河北省委省政府出台《关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工实施意见》\n"
        "日前,河北省委、省政府出台《关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施意见》,全文如下。\n"
        "一、总体要求\n"
    )
    assert md.title == "关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施意见"
    assert (md.doc_type, md.issuers, md.level, md.region) == (
        "实施意见", ["河北省委", "省政府"], Level.PROVINCIAL, "CN-HE"
    )


def test_a_notice_whose_attachment_is_not_printed_is_the_document() -> None:  # 131
    md = _md(
        "中国人民银行、发展改革委、证监会关于印发《绿色债券支持项目目录(2021年版)》的通知\n(银发〔2021〕96号)\n"
        "中国人民银行上海总部,各分行、营业管理部:\n 人民银行、发展改革委、证监会研究制定了《绿色债券支持项目目录(2021年版)》"
        "(见附件),现印发给你们,并就有关事项通知如下:\n 一、绿色债券是指将募集资金专门用于支持符合规定条件的绿色产业的有价证券。\n"
        " 五、《绿色债券支持项目目录(2021年版)》自2021年7月1日起施行。\n 附件:绿色债券支持项目目录(2021年版)\n"
        "中国人民银行\n 发展改革委\n 证监会\n 2021年4月2日\n"
    )
    assert md.title == "中国人民银行、发展改革委、证监会关于印发《绿色债券支持项目目录(2021年版)》的通知"
    assert (md.doc_type, md.notice_title, md.doc_number) == ("通知", None, "银发〔2021〕96号")
    assert (md.issuers, md.issued, md.level) == (["中国人民银行", "发展改革委", "证监会"], "2021-04-02", Level.MINISTRY)


def test_the_carried_title_printed_wrapped_after_the_signature() -> None:  # 313
    md = _md(
        "陕西省生态环境厅办公室关于印发《全省生态环境系统贯彻落实碳达峰碳中和目标任务工作思路》的通知\n"
        "各设区市生态环境局,韩城市生态环境局:\n为贯彻落实《2030年前碳达峰行动方案》,现印发给你们。\n"
        "陕西省生态环境厅办公室\n2022年5月12日\n全省生态环境系统贯彻落实碳达峰碳中和\n目标任务工作思路\n"
        "实现碳达峰碳中和,是党中央作出的重大战略决策。\n一、强化统筹部署。\n"
    )
    assert (md.title, md.doc_type) == ("全省生态环境系统贯彻落实碳达峰碳中和目标任务工作思路", "其他")
    assert md.notice_title and md.notice_title.startswith("陕西省生态环境厅办公室关于印发")
    assert (md.issuers, md.issued, md.region) == (["陕西省生态环境厅办公室"], "2022-05-12", "CN-SN")


def test_the_carried_title_glued_to_the_issuing_line_and_a_letterhead_of_five() -> None:  # 260
    md = _md(
        "广西壮族自治区发展和改革委员会\n中共广西壮族自治区委员会网络安全和信息化委员会办公室广西壮族自治区工业和信息化厅\n"
        "广西壮族自治区大数据发展局\n广西壮族自治区通信管理局\n文 件\n桂发改高技〔2022〕432号\n"
        "广西壮族自治区发展和改革委员会等部门关于印发《广西壮族自治区贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施"
        "绿色高质量发展若干举措》的通知\n各设区市发展改革委、网信办:\n"
        "广西壮族自治区发展和改革委员会办公室2022年4月24日印发广西壮族自治区贯彻落实碳达峰碳中和目标要求\n"
        "推动数据中心和 5G 等新型基础设施\n绿色高质量发展若干举措\n根据《实施方案》的要求,制定若干举措。\n一、工作目标\n"
    )
    assert md.title == "广西壮族自治区贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展若干举措"
    assert md.doc_type == "其他"
    assert md.issuers == [
        "广西壮族自治区发展和改革委员会", "中共广西壮族自治区委员会网络安全和信息化委员会办公室",
        "广西壮族自治区工业和信息化厅", "广西壮族自治区大数据发展局", "广西壮族自治区通信管理局",
    ]


def test_an_organ_line_above_a_title_starts_it_and_a_wrapped_signature_is_one_organ() -> None:  # 242
    md = _md(
        "邯郸市人民政府\n关于加快建立健全绿色低碳循环发展经济体系的实施意见\n各县(市、区)人民政府,市政府各部门:\n"
        "为贯彻落实《河北省人民政府关于建立健全绿色低碳循环发展经济体系的实施意见》,提出如下意见。\n一、总体要求\n"
        "各级各部门要各负其责。\n邯郸市人\n民政府\n2021年10月20日\n"
    )
    assert md.title == "邯郸市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见"
    assert (md.issuers, md.issued, md.level) == (["邯郸市人民政府"], "2021-10-20", Level.MUNICIPAL)


def test_a_salutation_on_the_titles_line_is_cut_off() -> None:  # 581
    md = _md(
        "珠海市住房和城乡建设局关于开展2022年珠海市建筑领域碳达峰碳中和宣传讲座的通知各区(功能区)、鹤洲新区筹备组住房城乡建设"
        "主管部门,市(区)绿色建筑发展中心:\n 根据要求,举办宣传讲座。\n 一、讲座时间\n珠海市住房和城乡建设局\n2022年7月7日\n"
    )
    assert md.title == "珠海市住房和城乡建设局关于开展2022年珠海市建筑领域碳达峰碳中和宣传讲座的通知"
    assert (md.level, md.region) == (Level.MUNICIPAL, "CN-GD-Zhuhai")


def test_an_organ_printing_a_document_without_brackets_and_a_city_named_bare() -> None:  # 158
    md = _md(
        "自治区人民政府办公厅印发关于鼓励和支持参与拉萨南北山绿化的政策措施\n第一章 总则\n"
        "第一条为加快拉萨南北山国土绿化步伐,制定本政策措施。\n"
    )
    assert (md.title, md.doc_type) == ("关于鼓励和支持参与拉萨南北山绿化的政策措施", "措施")
    assert (md.issuers, md.level, md.region) == (["自治区人民政府办公厅"], Level.PROVINCIAL, "CN-XZ")


def test_a_title_line_held_twice_or_followed_by_web_fields() -> None:  # 184, 395
    from policykg.ingest.titles import chinese_title

    twice = (
        "南京市科学技术局关于组织申报2022年度南京市碳达峰碳中和科技创新专项项目的通知"
        "南京市科学技术局关于组织申报2022年度南京市碳达峰碳中和科技创新专项项目的通知"
    )
    assert chinese_title([twice], twice)[0] == twice[: len(twice) // 2]
    web = "关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知编辑时间:2021-11-05"
    assert chinese_title([web], web)[0] == "关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知"


def test_the_sentence_that_hands_a_document_over_names_it() -> None:  # 221
    md = _md(
        "各区县(自治县)生态环境局,机关各处室:\n《重庆市环境应急能力建设“十四五”规划(2021—2025年)》已经市生态环境局2022年"
        "第1次局务会审议通过,现印发给你们,请认真贯彻执行。\n重庆市环境应急能力建设“十四五”规划(2021—2025年)\n"
        "为深入贯彻习近平总书记对重庆提出的重要指示精神,制定本规划。\n一、工作回顾\n"
    )
    assert (md.title, md.doc_type) == ("重庆市环境应急能力建设“十四五”规划(2021—2025年)", "规划")


def test_a_notice_that_does_more_than_cover_a_document_is_the_document() -> None:  # 181
    from policykg.ingest.titles import chinese_title

    notice = "关于印发《2022年度省碳达峰碳中和科技创新专项资金项目指南》及组织申报项目的通知"
    text = f"{notice}\n各设区市科技局:\n现将指南印发给你们。\n附件\n2022年度省碳达峰碳中和科技创新专项资金项目指南\n"
    assert chinese_title([notice, "各设区市科技局:"], text) == (notice, notice)


def test_a_carried_document_printed_after_the_signature_without_its_title() -> None:  # 319
    body = "为认真落实中共中央办公厅、国务院办公厅《关于推动城乡建设绿色发展的意见》精神,推动美丽新宁夏建设。" * 30
    md = _md(
        "自治区党委办公厅人民政府办公厅\n印发《关于推动城乡建设绿色发展的实施意见〉的通知\n各市、县(区)党委和人民政府:\n"
        "《关于推动城乡建设绿色发展的实施意见》已经自治区党委和人民政府同意,现印发给你们。\n"
        f"中共宁夏回族自治区委员会办公厅\n宁夏回族自治区人民政府办公厅\n2022年5月26日\n{body}\n一、总体要求\n"
    )
    assert (md.title, md.doc_type) == ("关于推动城乡建设绿色发展的实施意见", "实施意见")
    assert md.issuers == ["中共宁夏回族自治区委员会办公厅", "宁夏回族自治区人民政府办公厅"]


def test_a_genre_word_after_the_quoted_name_and_spaces_beside_digits() -> None:  # 38, 505
    from policykg.ingest.titles import chinese_title, tidy

    line = "国务院新闻办发表《中国应对气候变化的政策与行动》白皮书"
    assert chinese_title([line, "目录"], line)[0] == "中国应对气候变化的政策与行动白皮书"
    assert tidy("浙江省绿色低碳工业园区建设评价导则(2022 版)") == "浙江省绿色低碳工业园区建设评价导则(2022版)"
    assert tidy("广州市黄埔区 广州开发区 广州高新区促进绿色低碳发展办法").count(" ") == 2  # gaps between names stay


def test_organs_printed_together_are_told_apart() -> None:
    from policykg.ingest.issuers import split_organs

    assert split_organs("交通运输部公安部商务部") == ["交通运输部", "公安部", "商务部"]  # 373
    assert split_organs("国家发展改革委国家能源局") == ["国家发展改革委", "国家能源局"]  # 400
    assert split_organs("温州市财政局温州市住房和城乡建设局") == ["温州市财政局", "温州市住房和城乡建设局"]  # 257
    assert split_organs("河北省委省政府") == ["河北省委", "省政府"]  # 71
    assert split_organs("中共江苏省委江苏省人民政府") == ["中共江苏省委", "江苏省人民政府"]  # 56
    # a national organ's local branch, and an organ under a government, stay whole
    assert split_organs("台州市财政局国家税务总局台州市税务局") == ["台州市财政局", "国家税务总局台州市税务局"]  # 305
    assert split_organs("中国银行保险监督管理委员会佛山监管分局") == ["中国银行保险监督管理委员会佛山监管分局"]  # 518
    assert split_organs("四川省政府国有资产监督管理委员会") == ["四川省政府国有资产监督管理委员会"]  # 136
    assert split_organs("中国人民银行办公厅国务院国资委办公厅") == ["中国人民银行办公厅", "国务院国资委办公厅"]  # 512


def test_signature_blocks() -> None:
    from policykg.ingest.issuers import signature

    wrapped = ["请认真按照执行。", "上海市徐汇区发展和改革委员会上海市徐汇区财", "政局", "2022年2月22日"]  # 115
    assert signature(wrapped) == ["上海市徐汇区发展和改革委员会", "上海市徐汇区财政局"]
    glued = ["附件:XX省(区、市)全国碳市场第一个履约周期重点排放单位碳排放配额清缴完成和处理情况汇总表.doc生态环境部办公厅",
             " 2022年2月15日"]  # 379
    assert signature(glued) == ["生态环境部办公厅"]
    wrapped_title = ["5.2021年度省碳达峰碳中和科技创新专项资金(重大创新载体建设)入库项目申报要求及入库项目", "名单",
                     "江苏省科学技术厅", "2021年11月2日"]  # 278
    assert signature(wrapped_title) == ["江苏省科学技术厅"]
    cover = ["附件", "贵州省新能源和可再生能源发展“十四五”规划", "贵州省能源局", "贵州省发展和改革委员会", "2022年4月"]  # 563
    assert signature(cover) == ["贵州省能源局", "贵州省发展和改革委员会"]


def test_decrees_regulations_and_cover_dates() -> None:
    md = _md(
        "碳排放权交易管理办法(试行)\n \n中华人民共和国生态环境部令\n(第 19号)\n"
        " 《碳排放权交易管理办法(试行)》已于2020年12月25日由生态环境部部务会议审议通过,现予公布。\n 部长 黄润秋\n"
        "2020年12月31日\n碳排放权交易管理办法(试行)\n一、总则\n"
    )  # 34
    assert (md.title, md.issuers, md.doc_number, md.issued) == (
        "碳排放权交易管理办法(试行)", ["生态环境部"], "中华人民共和国生态环境部令(第19号)", "2020-12-31"
    )
    md = _md(
        "福建省生态环境保护条例\n(2022年3月30日福建省第十三届人民代表大会常务委员会第三十二次会议通过)目 录\n"
        "第一章 总则\n一、总则\n"
    )  # 101
    assert (md.issuers, md.issued, md.level, md.region) == (
        ["福建省人民代表大会常务委员会"], "2022-03-30", Level.PROVINCIAL, "CN-FJ"
    )
    md = _md("毕节市林业碳票碳减排量计量方法(试行)\n(版本号 V01)\n2022年1月\n目 录\n一、引言\n")  # 163
    assert md.issued == "2022-01"


def test_a_district_named_by_a_provincial_organ_stays_provincial() -> None:  # 314
    assert guess_level_region(["上海市人民代表大会常务委员会"], "上海市浦东新区绿色金融发展若干规定") == (
        Level.PROVINCIAL,
        "CN-SH",
    )
    assert guess_level_region(["市生态环境局"], "市生态环境局关于天津市2021年度碳排放配额安排的通知") == (
        Level.PROVINCIAL,
        "CN-TJ",
    )  # 218


def test_layout_joins_titles_wrapped_inside_quotes_after_guanyu_and_before_the_notice_end() -> None:
    text = (
        "广西壮族自治区发展和改革委员会等部门关于\n印发《广西壮族自治区贯彻落实碳达峰碳中和\n"
        "目标要求推动数据中心和5G等新型基础设施绿色高质量发展若干举措》的通知\n各设区市发展改革委:\n"
    )  # 260
    assert _laid_out(text).split("\n")[0] == (
        "广西壮族自治区发展和改革委员会等部门关于印发《广西壮族自治区贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施"
        "绿色高质量发展若干举措》的通知"
    )
    text = (
        "重庆市人民政府关于\n印发以实现碳达峰碳中和目标为引领\n深入推进制造业高质量绿色发展行动计划\n"
        "（2022—2025 年）的通知\n渝府发〔2022〕34 号\n"
    )  # 482
    assert _laid_out(text).split("\n")[0] == (
        "重庆市人民政府关于印发以实现碳达峰碳中和目标为引领深入推进制造业高质量绿色发展行动计划（2022—2025年）的通知"
    )
    text = "附件 1\n \n浙江省绿色低碳工业园区\n建设评价导则\n(2022 版)\n浙江省经济和信息化厅\n2022年1月\n"  # 505
    assert "浙江省绿色低碳工业园区建设评价导则(2022 版)\n" in _laid_out(text)


def test_layout_drops_a_page_number_under_a_running_head() -> None:  # 482
    from policykg.ingest.pdf_text import PAGE_BREAK

    words = "加快制造业绿色转型推动节能降碳改造发展绿色低碳产业完善绿色制造体系"
    pages = [
        f"重庆市人民政府行政规范性文件\n重庆市人民政府发布\n- {n} -\n" + "".join(f"{words[n + k:n + k + 6]}。\n" for k in range(4))
        for n in range(1, 5)
    ]
    out = _laid_out(PAGE_BREAK.join(pages))
    assert "- 2 -" not in out and f"{words[2:8]}。" in out


def test_press_release_organs_wrapped_or_acting_together() -> None:
    from policykg.ingest.issuers import announcer
    from policykg.ingest.titles import similar

    head = ["中共云南省委办公厅 云南省人民政府办", "公厅印发《关于推动城乡建设绿色发展的实施意见》"]  # 317
    assert announcer(head, "关于推动城乡建设绿色发展的实施意见", similar) == ["中共云南省委办公厅", "云南省人民政府办公厅"]
    head = ["浙江出台金融支持碳达峰碳中和指导意见", "近日,人民银行杭州中心支行联合浙江银保监局、省发展改革委、省生态环境厅、"
            "省财政厅发布《关于金融支持碳达峰碳中和的指导意见》,在全省推进。"]  # 94
    assert announcer(head, "关于金融支持碳达峰碳中和的指导意见", similar) == [
        "人民银行杭州中心支行", "浙江银保监局", "省发展改革委", "省生态环境厅", "省财政厅"
    ]


def test_a_letterhead_prints_file_beside_its_middle_organ() -> None:  # 191
    """The letterhead of 191 as printed (its text layer misreads 山 as 川 and 局 as 同)."""
    from policykg.ingest.issuers import letterhead

    head = ["山东省发展和改革委员会", "山东省能源局文件", "山东省科学技术厅", "鲁发改能源[2021] 1097号"]
    assert letterhead(head) == ["山东省发展和改革委员会", "山东省能源局", "山东省科学技术厅"]


def test_a_numbered_heading_a_draft_remark_and_a_forwarding_notice() -> None:  # 22, 88, 380
    from policykg.ingest.titles import chinese_title, tidy

    head = ["中华人民共和国国家发展和改革委员会公告2022年第4号――关于明确煤炭领域经营者哄抬价格行为的公告",
            "中华人民共和国国家发展和改革委员会公告", "(2022年第 4号)"]
    assert chinese_title(head, "\n".join(head))[0] == "关于明确煤炭领域经营者哄抬价格行为的公告"
    assert tidy("中国(云南)自由贸易试验区碳排放权交易资源储备管理办法(试行)(公开征求意见稿)") == (
        "中国(云南)自由贸易试验区碳排放权交易资源储备管理办法(试行)"
    )
    head = ["国务院办公厅转发国家发展改革委等部门关于加快推进城镇环境基础设施建设指导意见的通知", "国办函〔2022〕7号",
            "国务院办公厅", "2022年1月12日", "(此件公开发布)", "关于加快推进城镇环境基础设施建设的指导意见",
            "国家发展改革委生态环境部住房城乡建设部国家卫生健康委"]
    title, notice = chinese_title(head, "\n".join(head))
    assert title == "关于加快推进城镇环境基础设施建设的指导意见"
    assert notice == head[0]


def test_a_headline_in_its_own_words_yields_to_the_title_its_lead_sentence_quotes() -> None:  # 94
    from policykg.ingest.titles import chinese_title

    head = ["浙江出台金融支持碳达峰碳中和指导意见",
            "近日,人民银行杭州中心支行联合浙江银保监局、省发展改革委、省生态环境厅、省财政厅发布《关于金融支持碳达峰碳中和的"
            "指导意见》,在全国率先出台金融支持碳达峰碳中和十个方面25项举措。"]
    assert chinese_title(head, "\n".join(head))[0] == "关于金融支持碳达峰碳中和的指导意见"
    # a headline no lead sentence quotes stays the title
    assert chinese_title(head[:1] + ["一、总体要求"], head[0])[0] == head[0]


def test_organs_named_by_a_cover_a_meeting_a_release_or_a_title_before_a_count() -> None:  # 173, 406, 38, 556, 352, 292
    from policykg.ingest.issuers import announcer, cover_organ, title_organs
    from policykg.ingest.titles import similar

    assert cover_organ(["(报批稿)", "20XX-XX- XX发布 20XX-XX-XX实施", "中华人民共和国自然资源部 发 布"]) == [
        "中华人民共和国自然资源部"
    ]
    assert cover_organ(["生态环境标准管理办法", "《生态环境标准管理办法》已于2020年11月5日由生态环境部部务会议审议通过,"
                        "现予公布,自2021年2月1日起施行。"]) == ["生态环境部"]
    head = ["国务院新闻办发表《中国应对气候变化的政策与行动》白皮书"]
    assert announcer(head, "中国应对气候变化的政策与行动白皮书", similar) == ["国务院新闻办"]
    head = ["近日,人民银行西安分行联合陕西银保监局、陕西证监局、省发展改革委、省财政厅、省生态环境厅、省地方金融监管局发布"
            "《关于金融支持陕西省绿色发展助推实现碳达峰碳中和目标的指导意见》(以下简称《指导意见》),完善绿色金融政策框架。"]
    assert announcer(head, "关于金融支持陕西省绿色发展助推实现碳达峰碳中和目标的指导意见", similar) == [
        "人民银行西安分行", "陕西银保监局", "陕西证监局", "省发展改革委", "省财政厅", "省生态环境厅", "省地方金融监管局"
    ]
    assert title_organs("四川省住房城乡建设厅等17部门关于加强县城绿色低碳建设的实施意见") == ["四川省住房城乡建设厅"]
    assert title_organs("自治区发展改革委党组关于成立碳达峰碳中和暨能耗双控工作领导小组的通知") == ["自治区发展改革委党组"]


def test_signatures_wrapped_under_a_national_body_or_after_a_branch() -> None:  # 295, 520
    from policykg.ingest.issuers import organ_line, signature

    lines = ["福建省林业局", "福建省机关事务管理局", "中国共产主义青年团", "福建省委员会福建省妇女联合会", "2021年11月30日"]
    assert signature(lines) == ["福建省林业局", "福建省机关事务管理局", "中国共产主义青年团福建省委员会", "福建省妇女联合会"]
    assert organ_line("中国人民银行哈尔滨中心支行哈尔滨市委市政府机关服务中心") == [
        "中国人民银行哈尔滨中心支行", "哈尔滨市委市政府机关服务中心"
    ]


def test_a_misread_letterhead_yields_to_the_signature() -> None:  # 191
    from policykg.ingest.issuers import letterhead

    assert letterhead(["川东省发展和改革委员会", "川东省能源同文件", "川东省科学技术厅", "鲁发改能源[2021] 1097号"]) == []


def test_numbers_dates_and_regions_the_texts_give_otherwise() -> None:  # 22, 107, 43, 188, 544, 88, 94, 80, 182
    from policykg.ingest.metadata import text_metadata

    text = ("中华人民共和国国家发展和改革委员会公告\n(2022年第 4号)\n 为维护煤炭市场价格秩序,现明确如下:\n一、捏造涨价信息。\n"
            "国家发展改革委\n2022年4月30日\n")
    assert text_metadata(text, text.index("一、"), len(text), Script.HANS).doc_number == (
        "中华人民共和国国家发展和改革委员会公告(2022年第4号)"
    )
    text = ("甘肃省人民政府文件\n甘政发 〔2021〕62号\n甘肃省人民政府印发关于加快建立健全绿色低碳循环发展经济体系实施方案的通知\n"
            "为认真贯彻 «国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见» (国发〔2021〕4号),结合实际,制定本方案.\n一、总体目标\n")
    assert text_metadata(text, text.index("一、"), len(text), Script.HANS).doc_number == "甘政发〔2021〕62号"
    text = ("国家生态工业示范园区建设协调领导小组办公室关于推进国家生态工业示范园区碳达峰碳中和相关工作的通知\n"
            "发文字号:科财函〔2021〕159号\n发布日期:2021.08.27实施日期:2021.08.27\n一、总体要求\n")
    assert text_metadata(text, text.index("一、"), len(text), Script.HANS).issued == "2021-08-27"
    text = ("中共成都市委关于以实现碳达峰碳中和目标为引领优化空间产业交通能源结构促进城市绿色低碳发展的决定\n"
            "(2021年12月28日中国共产党成都市第十三届委员会第十次全体会议通过)\n一、以实现碳达峰碳中和目标引领城市绿色低碳发展\n")
    assert text_metadata(text, text.index("一、"), len(text), Script.HANS).issued == "2021-12-28"
    assert guess_level_region([], "广西生态文明强区建设“十四五”规划") == (Level.PROVINCIAL, "CN-GX")
    assert guess_level_region([], "中国(云南)自由贸易试验区碳排放权交易资源储备管理办法(试行)") == (Level.PROVINCIAL, "CN-YN")
    assert guess_level_region(["人民银行杭州中心支行", "浙江银保监局", "省发展改革委"], "关于金融支持碳达峰碳中和的指导意见") == (
        Level.PROVINCIAL, "CN-ZJ"
    )
    body = "推动湖北率先在中部地区实现绿色崛起。美丽湖北建设目标基本实现。"
    assert guess_level_region(["省人民政府"], "省人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见", "", body) == (
        Level.PROVINCIAL, "CN-HB"
    )
    body = "聚焦我市重点领域、行业和区域实现碳达峰碳中和目标的紧迫需求。申报主体为在南京市行政区域内注册的企业。"
    assert guess_level_region([], "关于碳达峰碳中和科技创新专项的实施细则", "", body) == (Level.MUNICIPAL, "CN-JS-Nanjing")

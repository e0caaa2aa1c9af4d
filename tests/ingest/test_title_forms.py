"""Titles printed in forms a first reading missed, each on the lines of a named tune document, and the
source file's name as the title of a text that prints none (the same by every route)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.ingest.metadata import text_metadata
from policykg.ingest.model import Level, Script
from policykg.ingest.titles import chinese_title, printed_alone, title_from_name

REPO = Path(__file__).resolve().parents[2]


def _md(text: str, name: str = ""):  # type: ignore[no-untyped-def]
    at = text.find("\n一、")
    return text_metadata(text, at + 1 if at >= 0 else 0, len(text), Script.HANS, name)


def _laid_out(text: str) -> str:
    from policykg.ingest.fold import fold
    from policykg.ingest.layout import layout_edits
    from policykg.ingest.textmap import apply_edits

    return fold(apply_edits(text, layout_edits(text).edits)[0])


def test_a_title_printed_inside_book_title_marks() -> None:  # 367, 280
    md = _md(
        "《阜阳市重点领域节能降碳技术改造总体实施方案(2022-2025年)》\n为贯彻落实国家发展改革委等部门《关于严格能效约束"
        "推动重点领域节能降碳的若干意见》(发改产业〔2021〕1464号),推动我市重点领域节能降碳和绿色转型,制定本实施方案。\n"
        "一、总体要求\n"
    )
    assert (md.title, md.doc_type) == ("阜阳市重点领域节能降碳技术改造总体实施方案(2022-2025年)", "实施方案")
    assert (md.level, md.region) == (Level.MUNICIPAL, "CN-AH-Fuyang")
    head = ["附件1", "《2021年度江苏省碳达峰碳中和科技创新专项资金项目指南及组织申报项目的通知》", "(征求意见稿)",
            "各设区市、县(市)科技局、财政局,国家和省级高新区管委会,省有关部门,各有关单位:"]
    assert chinese_title(head, "\n".join(head))[0] == "2021年度江苏省碳达峰碳中和科技创新专项资金项目指南及组织申报项目的通知"


def test_an_attachments_number_glued_to_the_carried_title() -> None:  # 488
    md = _md(
        "农业农村部国家发展改革委关于印发《农业农村减排固碳实施方案》的通知\n农科教发〔2022〕2号\n"
        "各省、自治区、直辖市农业农村(农牧)厅(局、委)、发展改革委,新疆生产建设兵团农业农村局、发展改革委:\n"
        "为贯彻落实碳达峰碳中和重大决策部署,推进农业农村绿色低碳发展,我们制定了《农业农村减排固碳实施方案》,"
        "现印发你们,请结合实际贯彻落实。\n附件:\n 农业农村部 国家发展改革委\n 2022年5月7日\n1农业农村减排固碳实施方案\n"
        "2030年前实现碳排放达峰、2060年前实现碳中和,农业农村减排固碳既是重要举措,也是潜力所在。\n一、重要意义\n"
    )
    assert (md.title, md.doc_type) == ("农业农村减排固碳实施方案", "实施方案")
    assert md.notice_title == "农业农村部国家发展改革委关于印发《农业农村减排固碳实施方案》的通知"
    assert (md.issuers, md.issued, md.doc_number) == (["农业农村部", "国家发展改革委"], "2022-05-07", "农科教发〔2022〕2号")
    # a count or a year is no attachment's number
    assert chinese_title(["2030年前碳达峰行动方案"], "")[0] == "2030年前碳达峰行动方案"


def test_a_title_with_a_remark_and_a_drafts_remark() -> None:  # 88
    line = "中国(云南)自由贸易试验区碳排放权交易资源储备管理办法(试行)(公开征求意见稿)"
    assert chinese_title([line, "第一章 总则"], line)[0] == line
    md = _md(f"{line}\n第一章 总则\n")
    assert (md.title, md.doc_type) == ("中国(云南)自由贸易试验区碳排放权交易资源储备管理办法(试行)", "管理办法")


def test_a_signature_wrapped_inside_a_word_and_a_date_wrapped_after_its_year() -> None:  # 524
    layer = (
        "邯郸市建设局 关于印发《邯郸市绿色建筑创建\n行动实施方案》的通知 \n邯建绿建〔2020〕176 号\n"
        "各县（市、区）住房和城乡建设局、发展改革局：\n按照要求，共同研究制定了《邯郸市绿色建筑创建行动实施方案》，现印发\n"
        "给你们，请各地各有关部门结合实际，认真贯彻落实。\n邯郸市建设局 邯郸市发展和改革委员会\n"
        "中国人民银行邯郸市中心支行 邯郸市机关事务管理局\n中国银行保险监督管理委\n员会邯郸监管分局\n2020\n年 10 月 23 日\n"
        "邯郸市绿色建筑创建行动实施方案\n（征求意见稿）\n为进一步推进绿色建筑发展，促进我市生态文明建设，制定本实施方案。\n"
        "一、总体要求\n"
    )
    text = _laid_out(layer)
    assert "\n2020年10月23日\n邯郸市绿色建筑创建行动实施方案(征求意见稿)\n" in text
    md = _md(text)
    assert (md.title, md.doc_type, md.issued) == ("邯郸市绿色建筑创建行动实施方案", "实施方案", "2020-10-23")
    assert md.issuers == ["邯郸市建设局", "邯郸市发展和改革委员会", "中国人民银行邯郸市中心支行", "邯郸市机关事务管理局",
                          "中国银行保险监督管理委员会邯郸监管分局"]
    # as the layer once glued them: the title after the date, and before a draft's remark, is printed alone
    assert printed_alone("邯郸市绿色建筑创建行动实施方案", "2020年10月23日邯郸市绿色建筑创建行动实施方案(征求意见稿)\n为")
    assert not printed_alone("邯郸市绿色建筑创建行动实施方案", "附件:邯郸市绿色建筑创建行动实施方案\n")


PREFACE = (
    "序 言\n“十四五”时期,是盐城市深入贯彻党的十九大精神的重要时期。为切实加强生态环境保护工作,根据《江苏省“十四五”"
    "生态环境保护规划》和《盐城市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》,围绕“推进美丽盐城建设、"
    "打造省内绿色转型典范”的目标定位,编制《盐城市“十四五”生态环境保护规划》。主要阐明发展思路、主要目标、重点任务和"
    "重点工程。\n目 录\n第一章 发展回顾\n"
)


def test_a_preface_names_the_plan_it_opens() -> None:  # 467
    md = _md(PREFACE)
    assert (md.title, md.doc_type) == ("盐城市“十四五”生态环境保护规划", "规划")
    assert (md.level, md.region) == (Level.MUNICIPAL, "CN-JS-Yancheng")
    # a sentence handing a document over names another one
    handed = "各区人民政府:\n我们制定了《农业农村减排固碳实施方案》,现印发你们,请结合实际贯彻落实。\n"
    assert chinese_title(handed.split("\n"), handed) == (None, None)
    task = ("各地区自主申报,编制《地区气候投融资试点工作方案》(简称《工作方案》)和《地区气候投融资试点实施方案》"
            "(简称《实施方案》)。本行政区域申报为气候投融资试点的,其下辖地区不再申报。")  # 512: a task for others
    assert chinese_title([task], task) == (None, None)
    asked = "按照《江苏省“十四五”生态环境保护规划》有关要求,编制《盐城市“十四五”生态环境保护规划》。"
    assert chinese_title([asked], asked)[0] == "盐城市“十四五”生态环境保护规划"


def _saved_upload_name(name: str) -> str:
    """The name an upload is saved under (the one the service's upload route uses)."""
    from policykg.ingest.raw import upload_name

    return upload_name(name, "0123456789ab" + "0" * 52)


def test_the_file_name_as_a_title_only_when_it_reads_as_one() -> None:
    assert title_from_name("494、河北省促进绿色消费实施方案.pdf") == "河北省促进绿色消费实施方案"
    assert title_from_name("2030年前碳达峰行动方案.pdf") == "2030年前碳达峰行动方案"  # a year is no running number
    assert title_from_name("3.河北省绿色建筑行动计划-0123456789ab.pdf") == "河北省绿色建筑行动计划"
    assert title_from_name("2022-2025年河北省绿色建筑行动计划.pdf") == "2022-2025年河北省绿色建筑行动计划"
    for generic in ("附件1.pdf", "正文.pdf", "upload.pdf", "实施方案.pdf", "附件2：河北省促进绿色消费实施方案.pdf",
                    "河北省促进绿色消费.pdf", "2022.pdf"):
        assert title_from_name(generic) is None, generic
    # Chinese punctuation is part of the name; a character no file name keeps ("_" in the saved name)
    # counts only where the text prints it
    assert title_from_name("467、盐城市“十四五”生态环境保护规划.pdf") == "盐城市“十四五”生态环境保护规划"
    name = '467、盐城市"十四五"生态环境保护规划.pdf'
    assert title_from_name(name, PREFACE) == "盐城市“十四五”生态环境保护规划"
    assert title_from_name(name, "“十四五”时期,是盐城市深入贯彻党的十九大精神的重要时期。") is None
    assert title_from_name("155、江西省林业碳汇开发及交易管理办法（试行）.pdf") == "江西省林业碳汇开发及交易管理办法(试行)"
    assert title_from_name("155、江西省林业碳汇开发及交易管理办法（试行）.pdf", "江西省林业碳汇开发及交易管理办法(试行)\n") == (
        "江西省林业碳汇开发及交易管理办法(试行)"
    )
    assert title_from_name("关于" + "加快建立健全绿色低碳循环发展经济体系" * 5 + "的实施方案.pdf") is None  # cut by an upload


@pytest.mark.parametrize("name", [
    "494、河北省促进绿色消费实施方案.pdf",
    "467、盐城市“十四五”生态环境保护规划.pdf",
    "155、江西省林业碳汇开发及交易管理办法（试行）.pdf",
    "22、关于明确煤炭领域经营者哄抬价格行为的公告 .pdf",
    '467、盐城市"十四五"生态环境保护规划.pdf',
    "关于" + "加快建立健全绿色低碳循环发展经济体系" * 5 + "的实施方案.pdf",  # longer than an upload keeps
])
def test_the_file_name_gives_the_same_title_by_every_route(name: str) -> None:
    text = PREFACE + "江西省林业碳汇开发及交易管理办法(试行)\n"
    assert title_from_name(_saved_upload_name(name), text) == title_from_name(name, text)


def test_a_text_without_a_title_line_takes_its_files_name_by_pack_and_by_upload(tmp_path: Path) -> None:  # 494
    from policykg.ingest.normalise import normalise
    from policykg.ingest.pack import sources
    from policykg.ingest.raw import read_raw

    file = "494、河北省促进绿色消费实施方案.pdf"
    record = json.loads(sources(REPO / "corpus" / "real")[file].read_text(encoding="utf-8"))
    first = record["pages"][0]
    record["pages"][0] = first.replace("河北省促进绿色消费实施方案\r\n", "", 1)  # as if the title were an image
    assert record["pages"][0] != first
    pack = tmp_path / "untitled.pdftext.json"
    pack.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    doc = normalise(read_raw(pack))
    assert (doc.metadata.title, doc.metadata.doc_type) == ("河北省促进绿色消费实施方案", "实施方案")
    assert (doc.metadata.level, doc.metadata.region) == (Level.PROVINCIAL, "CN-HE")
    uploaded = tmp_path / _saved_upload_name(file).replace(".pdf", ".txt")
    uploaded.write_text(doc.text, encoding="utf-8")
    assert normalise(read_raw(uploaded)).metadata.title == doc.metadata.title
    # without a name that reads as a title, the first words stand in
    record["source"]["file"] = "附件1.pdf"
    pack.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert normalise(read_raw(pack)).metadata.title != doc.metadata.title


def test_after_a_notice_a_line_in_book_title_marks_lists_an_attachment() -> None:  # 131
    head = ["中国人民银行、发展改革委、证监会关于印发《绿色债券支持项目目录(2021年版)》的通知", "(银发〔2021〕96号)",
            "中国人民银行上海总部,各分行、营业管理部:", "附件:", "《绿色债券支持项目目录(2021年版)》", "中国人民银行", "2021年4月2日"]
    assert chinese_title(head, "\n".join(head))[0] == head[0]


def test_a_line_with_a_comma_is_no_title() -> None:  # 410
    line = "时间维度上,开展全生命周期生态环境影响分析,应考虑政策"
    assert chinese_title([line], line) == (None, None)


def test_a_carried_document_after_its_attachments_label_in_a_notice_signed_nowhere() -> None:  # 316
    notice = "北京市经济和信息化局关于印发《北京市“十四五”时期制造业绿色低碳发展行动方案》的通知"
    plan = "“十四五”时期是立足新发展阶段,推进制造业绿色低碳转型和高质量发展的关键时期。" * 20
    text = (
        f"{notice}\n各有关单位:\n经市政府同意,现将《北京市“十四五”时期制造业绿色低碳发展行动方案》印发给你们,"
        "请结合实际认真贯彻执行。\n特此通知。\n附件:北京市“十四五”时期制造业绿色低碳发展行动方案\n附件:\n"
        f"{plan}\n一、总体要求\n"  # the plan's title line as if printed as an image
    )
    md = _md(text)
    assert (md.title, md.doc_type, md.notice_title) == ("北京市“十四五”时期制造业绿色低碳发展行动方案", "行动方案", notice)


def test_names_with_a_space_before_the_suffix_or_radicals() -> None:  # 22, 197
    assert title_from_name("22、关于明确煤炭领域经营者哄抬价格行为的公告 .pdf") == "关于明确煤炭领域经营者哄抬价格行为的公告"
    name = "197、临沂市推进绿⾊低碳县城建设实施⽅案.pdf"  # "⾊", "⽅": radicals a font mapped to
    assert title_from_name(name, "临沂市推进绿色低碳县城建设实施方案\n") == "临沂市推进绿色低碳县城建设实施方案"
    assert title_from_name(_saved_upload_name(name), "临沂市推进绿色低碳县城建设实施方案\n") == "临沂市推进绿色低碳县城建设实施方案"


@pytest.mark.skipif(not (REPO.parent / "shared" / "corpus" / "real").is_dir(),
                    reason="the real corpus's PDFs are only on the project's machines")
def test_the_pdf_and_its_pack_hand_the_same_name_to_the_metadata() -> None:  # 494
    from policykg.ingest.normalise import normalise
    from policykg.ingest.pack import sources
    from policykg.ingest.raw import read_raw

    file = "494、河北省促进绿色消费实施方案.pdf"
    from_pdf = normalise(read_raw(REPO.parent / "shared" / "corpus" / "real" / file))
    from_pack = normalise(read_raw(sources(REPO / "corpus" / "real")[file]))
    assert from_pdf.source_name == from_pack.source_name == file
    assert from_pdf.metadata == from_pack.metadata

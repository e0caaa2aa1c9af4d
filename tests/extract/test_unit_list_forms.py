"""More forms of responsibility lists: closing formulas, roles written inline, keys a table's header gives,
deadlines inside the bracket. Each starts from a list of a `tune` document (tests/keys/split.toml), copied from
its normalised text; where a form does not occur among the tune documents, the list is the tune document's
own with only its closing words put in the form other plans print (each such test says so).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles

# 347、山东省绿色低碳转型2022年行动计划 (a list keyed 牵头单位/配合单位)
SD = "(牵头单位:省发展改革委、省生态环境厅,配合单位:省工业和信息化厅、省市场监管局)"
SD_ROLES = [("省发展改革委", "lead"), ("省生态环境厅", "lead"), ("省工业和信息化厅", "support"),
            ("省市场监管局", "support")]


def test_a_deadline_closing_the_bracket_is_no_unit() -> None:
    # 236、严格能效约束推动海南省重点领域节能降碳技术改造实施方案: "完成时限:持续推进" is a field of the list
    text = "(责任单位:省发展改革委、省工业和信息化厅;完成时限:持续推进)"
    assert roles(text, "CN-HI") == [("省发展改革委", "lead"), ("省工业和信息化厅", "support")]
    # the same list with its deadline written without a key, as other plans print it
    assert roles("(省发展改革委、省工业和信息化厅按职责分工负责,持续推进)", "CN-HI") == roles(text, "CN-HI")
    assert roles("(省发展改革委、省工业和信息化厅等负责,2022年底前完成)", "CN-HI") == roles(text, "CN-HI")


def test_closing_formulas_of_a_duty_list() -> None:
    # 358、北海市…实施方案: "(市科技局、工业和信息化局、财政局按职责分工负责)", closed the ways other plans close it
    want = [("市科技局", "lead"), ("工业和信息化局", "support"), ("财政局", "support")]
    for tail in ("按职责分工负责", "按各自职责分工负责", "根据职责分工负责", "依据职责负责", "分工负责",
                 "按职责分工抓好落实", "按职责分工做好相关工作", "等部门按职能职责分工负责", "等市直有关部门按职责分工负责"):
        assert roles(f"(市科技局、工业和信息化局、财政局{tail})", "CN-GX-Beihai") == want, tail


def test_a_generic_participant_joined_by_he() -> None:
    # 494、河北省促进绿色消费实施方案, with the cities joined by 和 as other plans join them
    text = "(省发展改革委、省统计局等部门和各市人民政府按职责分工负责)"
    assert roles(text, "CN-HE") == [("省发展改革委", "lead"), ("省统计局", "support"), ("各市人民政府", "generic")]


def test_huitong_names_the_lead_and_who_works_with_it() -> None:
    # 350、湖北省环境信息依法披露制度改革实施方案: "(省生态环境厅、省发改委…负责)", written with 会同
    text = "(省生态环境厅会同省发改委、省经信厅负责)"
    assert roles(text, "CN-HB") == [("省生态环境厅", "lead"), ("省发改委", "support"), ("省经信厅", "support")]


def test_a_role_written_after_a_unit() -> None:
    # 347's list with its lead marked after the unit instead of by the key
    text = "(责任单位:省发展改革委、省生态环境厅(牵头)、省工业和信息化厅)"
    assert roles(text, "CN-SD") == [("省发展改革委", "support"), ("省生态环境厅", "lead"),
                                    ("省工业和信息化厅", "support")]


def test_short_keys_and_a_table_header_with_its_qualifier() -> None:
    assert roles(SD, "CN-SD") == SD_ROLES
    short = SD.replace("牵头单位:", "牵头:").replace("配合单位:", "配合:")
    assert roles(short, "CN-SD") == SD_ROLES
    # a responsibility table's row as the layout renders it ("header:cell；\t…"), its header qualified
    row = ("序号:1；\t重点任务:推动重点行业节能降碳；\t牵头单位（部门）:省发展改革委、省生态环境厅；\t"
           "配合单位（部门）:省工业和信息化厅、省市场监管局；\t完成时限:2022年底")
    assert roles(row, "CN-SD") == SD_ROLES


def test_zhuze_marks_the_lead() -> None:
    # 482、重庆市…行动计划: "(市经济信息委牵头,市发展改革委、市科技局、市交通局等配合)", with 主责 for 牵头
    text = "(市经济信息委主责,市发展改革委、市科技局、市交通局等配合)"
    assert roles(text, "CN-CQ") == [("市经济信息委", "lead"), ("市发展改革委", "support"), ("市科技局", "support"),
                                    ("市交通局", "support")]


def test_an_agency_is_a_unit_form() -> None:
    # 358's "(市金融办、北海银保监分局…按职责分工负责)" with a body named 机构 first, as plans name new agencies
    assert roles("(市绿色金融服务机构、市金融办按职责分工负责)", "CN-GX-Beihai")[0] == ("市绿色金融服务机构", "lead")


def test_units_a_cell_separates_by_spaces_only_are_each_a_unit() -> None:
    # 347's list with spaces where it prints 、 (no tune text drops them; a table cell or a text layer may); a piece
    # without a unit's own form (各县(市、区) 人民政府) keeps the item whole
    assert roles(SD.replace("、", " "), "山东") == SD_ROLES
    assert roles("加快推进。(责任单位:市发改委、各县(市、区) 人民政府)", "福建")[1] == ("各县(市、区) 人民政府", "generic")


def test_units_printed_with_nothing_between_them_are_each_a_unit() -> None:
    # 347's list with nothing where it prints 、: each piece the registry knows, with its own prefix, is a unit; a
    # unit and a division of it stay one name
    assert roles(SD.replace("、", ""), "CN-SD") == SD_ROLES
    assert roles("加快推进。(责任单位:省生态环境厅大气环境处)", "CN-FJ") == [("省生态环境厅大气环境处", "lead")]

"""Generic participants in a fifth sweep over every `tune` document (tests/keys/split.toml); each case is a sentence
of a `tune` document copied from its normalised text (the file's running number and the clause are given with it).
A level of government written with the levels it covers in brackets ("市(州)生态环境局", "县(市、区)人民政府") names
the organs of every such government, no particular one: a generic participant (extract/unit_forms.py). The generic
forms the lists of the tune documents hold (各…, 有关/相关…, the governments of levels, kinds of organ or firm) are
read as generic; two are kept here as they are read.
"""

from __future__ import annotations

from tests.extract.unit_facts import labels, roles


# --- a level with the levels it covers in brackets ------------------------------------------------------------------
def test_the_bureaus_of_every_city_named_by_their_level_are_no_organ() -> None:
    # 139、四川省关于开展近零碳排放园区试点工作的通知, 四/(一): the ecology bureau of every 市(州) and the economy
    # departments are generic, so the line names no particular organ and is no list (it read 市(州)生态环境局 as one
    # organ, unresolved, leading)
    line = ("市(州)生态环境局、经济和信息化主管部门负责推动本地区近零碳排放园区建设,加强政策解读、跟踪调度和工作协调,"
            "及时协调解决试点建设中存在的困难和问题。")
    assert roles(line, "CN-SC") == []
    assert labels(line, "CN-SC") == []


# --- generic forms the tune lists hold, read as before -------------------------------------------------------------
def test_every_government_of_a_province_after_its_departments() -> None:
    # 80、湖北省关于加快建立健全绿色低碳循环发展经济体系的实施意见: 各市、州、县人民政府 is one participant
    line = "(责任单位:省经信厅、省发改委、省生态环境厅、省市场监管局,各市、州、县人民政府)"
    assert roles(line, "CN-HB") == [
        ("省经信厅", "lead"), ("省发改委", "support"), ("省生态环境厅", "support"), ("省市场监管局", "support"),
        ("各市、州、县人民政府", "generic"),
    ]


def test_the_governments_concerned_between_named_units() -> None:
    # 185、《成都市能源结构调整十条政策措施》…: 相关区(市)县政府 among a city's bureaus and two power companies
    line = "〔责任单位:市经信局、市财政局、相关区(市)县政府、国网成都供电公司、国网天府供电公司〕"
    assert roles(line, "CN-SC-Chengdu") == [
        ("市经信局", "lead"), ("市财政局", "support"), ("相关区(市)县政府", "generic"),
        ("国网成都供电公司", "support"), ("国网天府供电公司", "support"),
    ]

"""Duty lines: a paragraph that starts with its units and says what they do (extract/unit_duties.py), the form of a
"职责分工" annex, a leading group's duty allocation, a regulation's article on who administers it. Each case is a
line of a `tune` document (tests/keys/split.toml) copied from its normalised text; the colon form ("市发展改革委:
负责…;") does not occur among the tune documents, so its cases are a tune document's own lines with only the colon
put after the unit, as other plans print them (each such test says so).
"""

from __future__ import annotations

from tests.extract.unit_facts import roles

# 293、关于成立安徽省生态环境厅碳达峰行动方案编制及碳中和愿景研究工作领导小组的通知: the annex 成员单位职责分工
AH = "CN-AH"


def test_a_division_that_is_responsible_leads() -> None:
    assert roles("法规与标准处负责组织制定应对气候变化地方条例及碳排放相关地方标准。", AH) == [("法规与标准处", "lead")]
    assert roles("人事处负责组织开展应对气候变化培训和能力建设活动。", AH) == [("人事处", "lead")]
    assert roles(" 核与辐射安全监管处负责研判我省核电项目实施可行性,编制核电安全监管应对方案。", AH) == [
        ("核与辐射安全监管处", "lead")]
    assert roles("省环境监察局负责温室气体重点排放单位环境监管工作。", AH) == [("省环境监察局", "lead")]


def test_a_division_that_works_with_others_supports() -> None:
    assert roles("水生态环境处配合开展污水处理厂碳排放相关工作。", AH) == [("水生态环境处", "support")]
    assert roles("土壤生态环境处配合省直有关部门开展土地利用调整和农业碳排放相关工作。", AH) == [("土壤生态环境处", "support")]
    assert roles("固体废物与化学品处配合危险废物焚烧设施碳排放相关工作。", AH) == [("固体废物与化学品处", "support")]


def test_the_closing_bracket_of_supporters_joins_the_line() -> None:
    line = ("大气环境(应对气候变化)处牵头负责应对气候变化工作,负责低碳试点等工作,开展空气质量达标与碳排放达峰“双达”"
            "试点示范,开展钢铁、建材、有色等行业大气污染物与温室气体协同控制试点示范,推动大型活动实行碳中和;负责碳排放"
            "交易、重点行业碳排放核查等工作,组织编制应对气候变化、碳达峰、碳中和各类规划和行动方案及与其他规划相衔接。"
            "(配合单位:环科院)")
    assert roles(line, AH) == [("大气环境(应对气候变化)处", "lead"), ("环科院", "support")]
    line = ("生态环境监测处负责组织开展温室气体和重点行业企业碳排放监测试点,在生态环境状况公报中增加应对气候变化内容。"
            "(配合单位:监测中心、信息中心)")
    assert roles(line, AH) == [("生态环境监测处", "lead"), ("监测中心", "support"), ("信息中心", "support")]
    line = "宣传教育处负责做好绿色低碳发展和应对气候变化工作成效宣传。(配合单位:宣教中心)"
    assert roles(line, AH) == [("宣传教育处", "lead"), ("宣教中心", "support")]


def test_a_leading_group_names_no_duty() -> None:
    assert roles(" 组长:贺泽群党组书记、厅长", AH) == []
    assert roles("厅机关各处室、各直属事业单位:", AH) == []  # the notice's addressees
    # 292、宁夏回族自治区关于成立碳达峰碳中和暨能耗双控工作领导小组的通知: the group itself is mentioned, not assigned
    line = ("领导小组负责贯彻落实自治区党委政府关于碳达峰碳中和及能耗双控工作的决策部署,负责“双碳双控”工作的组织领导、"
            "统筹协调、调度指挥等,研究解决工作中出现的重大问题。")
    assert roles(line, "CN-NX") == []


def test_articles_and_numbered_paragraphs() -> None:
    # 25、电力可靠性管理办法（暂行）
    line = ("第四条国家能源局负责全国电力可靠性的监督管理,国家能源局派出机构、地方政府能源管理部门和电力运行管理部门根据"
            "各自职责和国家有关规定负责辖区内的电力可靠性监督管理。")
    assert roles(line, "CN")[0] == ("国家能源局", "lead")
    # 115、徐汇区节能减排降碳专项资金管理办法
    assert roles("(二)区财政局负责专项资金的预算管理,并对专项资金的使用情况进行监督。", "CN-SH-Xuhui") == [("区财政局", "lead")]
    # 16、“十四五”现代能源体系规划: two units 牵头 under a heading
    text = "二十七、加强监测评估\n国家发展改革委、国家能源局牵头组织开展规划实施情况的\n年度监测分析、中期评估和总结评估。"
    assert roles(text, "CN") == [("国家发展改革委", "lead"), ("国家能源局", "lead")]
    # 308、江苏省碳达峰碳中和科技创新专项资金管理办法（暂行）: "主要职责:" states all the unit does
    line = "第五条省科技厅主要职责:参与制定《江苏省碳达峰碳中和科技创新专项资金管理办法》,编制并发布项目申报指南;"
    assert roles(line, "CN-JS") == [("省科技厅", "lead")]


def test_the_units_after_huitong_support() -> None:
    # 512、关于开展气候投融资试点工作的通知
    line = ("生态环境部会同国家发展改革委、工业和信息化部、住房和城乡建设部、人民银行、国务院国资委、国管局、银保监会、"
            "证监会,定期组织专家对试点地方开展监督检查和评估。")
    found = roles(line, "CN")
    assert found[0] == ("生态环境部", "lead")
    assert [s for s, r in found[1:] if r == "support"] == [
        "国家发展改革委", "工业和信息化部", "住房和城乡建设部", "人民银行", "国务院国资委", "国管局", "银保监会", "证监会"]
    # 308: the supporter's name ends where the sentence goes on
    line = "第二十三条省财政厅会同省科技厅进一步完善省双碳资金绩效考核体系,探索建立与不同类型科研活动规律相适应的分类评价制度"
    assert roles(line, "CN-JS") == [("省财政厅", "lead"), ("省科技厅", "support")]
    # 340、北京市“十四五”时期低碳试点工作方案: the bodies it works with name no organ
    assert roles("市生态环境局会同相关部门定期对各类试点工作开展总结评估。", "CN-BJ") == [
        ("市生态环境局", "lead"), ("相关部门", "generic")]


def test_the_colon_form() -> None:
    # 293's lines with a colon after the unit, as other plans' annexes print them
    assert roles("综合处:负责统筹衔接生态环境总体规划与应对气候变化类规划及行动方案。", AH) == [("综合处", "lead")]
    assert roles("水生态环境处:配合开展污水处理厂碳排放相关工作。", AH) == [("水生态环境处", "support")]
    assert roles("1.省环境监察局:温室气体重点排放单位环境监管工作。", AH) == [("省环境监察局", "lead")]
    # two duties in one paragraph, the second after the first's end
    text = "人事处:组织开展应对气候变化培训和能力建设活动;科技外事与财务处:落实应对气候变化经费预算。"
    assert roles(text, AH) == [("人事处", "lead"), ("科技外事与财务处", "lead")]


def test_lines_that_only_look_like_duties() -> None:
    # 583、云南省关于申报2022年科技支撑碳达峰碳中和专项（第一批）项目的通知: a contact line
    assert roles(" 省科技厅社会发展科技处:0871-63138982", "CN-YN") == []
    # 310、深圳市…申报指南: a category of applicants; 560、江苏省“十四五”可再生能源发展专项规划: a power station
    assert roles("11.绿色数据中心:申报单位产权所有的数据中心已获得国家、省、市绿色数据中心称号。", "CN-GD-Shenzhen") == []
    assert roles("句容抽水蓄能电站:位于镇江句容市境内,站点靠近用电负荷中心。", "CN-JS") == []
    # 548、上海市低碳示范创建工作方案: only generic bodies, no particular organ (since the third round of the units' tuning
    # key a list of its generic participant: tests/extract/test_unit_round6_forms.py)
    assert roles("各区生态环境局负责区域内低碳示范创建工作的动员和组织。", "CN-SH") == [("各区生态环境局", "generic")]
    # 22: the clause on who interprets a text; 565: a sentence that starts with its verb
    assert roles(" 本公告由国家发展改革委负责解释。", "CN") == []
    line = "建立健全自治区发展改革委牵头组织、各相关部门配合、各\n设区市人民政府和企业细化落实的规划实施工作机制。"
    assert ("建立健全自治区发展改革委", "lead") not in roles(line, "CN-GX")
    # 70、河北省关于建立降碳产品价值实现机制的实施方案: a line the layout wrapped inside a unit's name
    text = "各部门根据职责和降碳产品类型,逐步健全完善降碳产品核算方法学体系。省生态\n环境厅牵头研究制定降碳产品生态价值实现管理办法。"
    assert ("环境厅", "lead") not in roles(text, "CN-HE")
    # 157、辽宁省“十四五”林业草原发展规划: a table split into lines (总体布局 is no unit); a heading
    assert roles("区域名称;专栏2林草发展总:区域范围;体布局:区域定位", "CN-LN") == []
    assert roles("(四)动员社会参与", "CN-LN") == []

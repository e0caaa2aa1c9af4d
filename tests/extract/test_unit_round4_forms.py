"""Forms of responsibility statements a fourth sweep over every `tune` document (tests/keys/split.toml) found read
wrongly or not at all; each case is a sentence of a `tune` document copied from its normalised text (the file's
running number and the clause are given with it). "由X负责/组织/会同…" where X is an organ the registry does not
know — a centre, an institute, a university, a committee — is a list, its unit kept unresolved with its
jurisdiction; a kind of organ or a firm charged so is none, and so was a generic participant until the third round of
the units' tuning key made it a list of it (extract/unit_sentences.py, extract/unit_forms.py). A key the layout cut at a line break ("(责任\n单位:…)") is a key (extract/unit_forms.py). The registry
(ontology/units.toml) knows customs (a city's, 市海关, and the direct customs named by no city), the offices of the civil
aviation and mine safety administrations, the maritime safety administrations, the development bank's branches, the
railway bureaus as 中铁…局集团公司, 省管局 of Anhui and Jiangxi, 地方金融局, 园林林业局, 知识产权局, 人力社保局, 资源规划局,
市场监督局, 残联, and the Central Committee's 中央组织部 and 中直管理局.
"""

from __future__ import annotations

from policykg.ontology.units import UnitRegistry
from tests.extract.unit_facts import labels, roles


# --- 由X负责 with X unknown to the registry ----------------------------------------------------------------------
def test_a_centre_the_registry_does_not_know_charged_with_a_task() -> None:
    # 212、宁夏回族自治区关于做好全区2022年重点排放单位温室气体排放报告管理相关重点工作的通知, 三/(一): 应对 is an
    # organ's word, not the preposition 对
    line = ("全区重点排放单位温室气体排放报告核查工作由自治区应对气候变化和机动车污染防治中心负责并委托第三方技术服务机构"
            "统一开展,各市及宁东管委会生态环境局要高度重视,压实属地责任,落实专人负责,及时协调配合委托机构开展有关工作。")
    assert labels(line, "CN-NX")[0] == (
        "自治区应对气候变化和机动车污染防治中心", "宁夏回族自治区应对气候变化和机动车污染防治中心", False)
    assert roles(line, "CN-NX")[0] == ("自治区应对气候变化和机动车污染防治中心", "lead")


def test_a_committee_charged_with_a_task() -> None:
    # 233、广东省碳普惠交易管理办法, 第十条
    line = ("第十条省生态环境厅在收到碳普惠行为方法学书面申请后,由广东省碳普惠专家委员会组织专家进行评估论证,依据专家委员会"
            "出具的评估意见,对条件完备、科学合理且具备复制推广性的碳普惠行为方法学予以备案,并及时向全社会发布。")
    assert ("广东省碳普惠专家委员会", "lead") in roles(line, "CN-GD")


def test_an_institute_or_a_university_with_a_bureau() -> None:
    # 278、关于组织2021年度江苏省碳达峰碳中和科技创新专项资金入库项目上报申报材料的通知, 附件: an institute of the
    # Academy of Sciences keeps its own name (no province prefixed)
    line = "1. 该指南方向采取定向组织方式,由中科南京未来能源系统研究院会同南京市科技局组织实施,南京市科技局审核推荐。"
    assert labels(line, "CN-JS")[:2] == [
        ("中科南京未来能源系统研究院", "中科南京未来能源系统研究院", False), ("南京市科技局", "南京市科学技术局", True)]
    assert roles(line, "CN-JS")[:2] == [("中科南京未来能源系统研究院", "lead"), ("南京市科技局", "support")]
    # 280、2021年度省碳达峰碳中和科技创新专项资金项目指南及组织申报项目的通知, 1001
    line = "6.1001指南方向采取定向组织方式,面向项目库内项目,由河海大学会同盐城市科技局共同组织,推荐1项。"
    assert roles(line, "CN-JS") == [("河海大学", "lead"), ("盐城市科技局", "support")]


def test_no_particular_organ_charged_is_no_list() -> None:
    # 278, 附件 三: the science bureaus of every city (设区市) are a generic participant, not one bureau; charged alone,
    # a list of that generic participant (the units key's rounds 4-5: "由所在地设区市科技局负责…")
    line = "4.申报项目按属地化原则,由设区市科技局负责审核项目申报单位的申报资格、项目申报材料的真实性、完整性和有效性。"
    assert roles(line, "CN-JS") == [("设区市科技局", "generic")]
    # 158、关于鼓励和支持参与拉萨南北山绿化的政策措施, 第三条
    line = ("第三条拉萨南北山绿化工程区域涉及绿化建设用地及用于森林旅游、森林康养、体育、经果林、林下经济、经营服务设施等"
            "经营性用地的,按照属地原则,由当地人民政府负责落实。")
    assert roles(line, "CN-XZ") == []
    # 166、龙岩市全国林业改革发展综合试点实施方案: departments named by their field, no organ
    line = ("需更正登记的林权证,由林业部门牵头、自然资源部门配合开展“回头看”;对本集体经济组织及其成员林权首次登记未完成或者"
            "确需开展补充调查的,由自然资源部门牵头、林业部门配合组织实施。")
    assert roles(line, "CN-FJ-Longyan") == []
    # 182、关于碳达峰碳中和科技创新专项的实施细则; 280
    assert roles("由企业牵头申报的,自筹经费不低于市级资助经费。", "CN-JS-Nanjing") == []
    # generic participants charged are a list of them, no particular organ (since the third round of the units' tuning
    # key: test_unit_round6_forms.py)
    assert roles("由各项目主管部门负责组织申报,择优推荐。", "CN-JS") == [("各项目主管部门", "generic")]


# --- a key the layout cut ----------------------------------------------------------------------------------------
def test_a_key_cut_by_a_line_break_is_a_key() -> None:
    # 122、广州市黄埔区 广州开发区 广州高新区促进绿色低碳发展办法, 第七条: the key was read as part of the unit's name
    line = "申请时间为完成节能主管部门下达的能源“双控”目标后。(责任\n单位:区发展改革局)"
    assert labels(line, "CN-GD-Guangzhou-Huangpu") == [("区发展改革局", "黄埔区发展和改革局", True)]
    # 451、德州市“十四五”生态环境保护规划: the supporting unit was read as a second lead
    line = "(牵头单位:市卫生健康委;配合\n单位:市生态环境局)"
    assert roles(line, "CN-SD-Dezhou") == [("市卫生健康委", "lead"), ("市生态环境局", "support")]


# --- the registry: customs and other central bodies' regional offices ---------------------------------------------
def _label(line: str, region: str, surface: str) -> tuple[str, bool]:
    found = {s: (label, ok) for s, label, ok in labels(line, region)}
    return found[surface]


def test_customs_offices_direct_and_subordinate() -> None:
    # 85、宁夏回族自治区关于加快建立健全绿色低碳循环发展经济体系的实施意见: Ningxia's direct customs, named by its capital
    line = ("深化绿色“一带一路”合作,拓宽生态环境、节能节水、清洁能源等领域技术装备和服务合作。(自治区商务厅、市场监管厅、"
            "发展改革委、生态环境厅、银川海关负责)")
    assert _label(line, "CN-NX", "银川海关") == ("中华人民共和国银川海关", True)
    # 451、德州市“十四五”生态环境保护规划: a subordinate customs, and 市海关 in the city's own plan
    line = ("支持无汞催化剂和工艺的研究与开发应用。严厉打击持久性有机污染物的非法生产和使用、添汞产品非法生产等违法行为。"
            "(市生态环境局、市海关等按职责分工负责)")
    assert _label(line, "CN-SD-Dezhou", "市海关") == ("中华人民共和国德州海关", True)
    registry = UnitRegistry.load()
    for name, region, label in [("德州海关", "CN-SD-Dezhou", "中华人民共和国德州海关"),
                                ("南京海关", "CN-JS", "中华人民共和国南京海关"),
                                ("拱北海关", "CN-GD", "中华人民共和国拱北海关")]:
        found = registry.resolve_detail(name, region)
        assert found is not None and found.unit.label == label
        assert registry.counterpart(found.unit.id) == "cn.gac" or found.unit.parent == "cn.gac"


def test_central_bodies_regional_offices() -> None:
    # 85: the civil aviation administration's office of a province
    line = ("(自治区交通运输厅、自然资源厅、发展改革委、住房城乡建设厅、民航宁夏监管局负责)")
    assert _label(line, "CN-NX", "民航宁夏监管局") == ("中国民用航空宁夏安全监督管理局", True)
    # 496、河北省关于进一步完善煤炭市场价格形成机制的实施意见: the mine safety administration's provincial bureau
    line = "引导煤炭价格合理回升。(责任单位:省发展改革委、省国资委、国家矿山安全监察局河北局、煤炭企业、发电企业)"
    assert _label(line, "CN-HE", "国家矿山安全监察局河北局") == ("国家矿山安全监察局河北局", True)
    # 358、北海市关于加快建立健全绿色低碳循环发展经济体系的实施方案: a port city's maritime safety administration
    line = "做好资源税征收工作。(市财政局、发展改革委、科技局、金融办、公安局、自然资源局、市场监管局、住房城乡建设局、交通运输局、水利局、税务局,北海海事局按职责分工负责)"
    assert _label(line, "CN-GX-Beihai", "北海海事局") == ("北海海事局", True)
    # 347、山东省绿色低碳转型2022年行动计划: the development bank's provincial branch
    line = ("(牵头单位:省发展改革委、省生态环境厅、省国资委、省科技厅、省商务厅,配合单位:省住房城乡建设厅等省有关部门、"
            "国家开发银行山东省分行)")
    assert _label(line, "CN-SD", "国家开发银行山东省分行") == ("国家开发银行山东省分行", True)
    # 311、甘肃省“十四五”节能减排综合工作方案: a railway bureau as 中铁…局集团公司
    line = ("(省交通运输厅、省发展改革委牵头,省工信厅、省公安厅、省财政厅、省生态环境厅、省住建厅、省商务厅、省市场监管局、"
            "中铁兰州局集团公司等按职责分工负责)")
    assert _label(line, "CN-GS", "中铁兰州局集团公司") == ("中国铁路兰州局集团有限公司", True)


def test_local_bureaus_by_their_short_names() -> None:
    # 485、安徽省“十四五”节能减排实施方案 and 89 (江西): 省管局 is the government offices administration
    line = "新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%。(责任单位:省住房城乡建设厅,配合单位:省管局、省能源局等)"
    assert _label(line, "CN-AH", "省管局") == ("安徽省机关事务管理局", True)
    # 113、武汉市推动降碳及发展低碳产业工作方案
    line = "(责任单位:市地方金融局,人民银行武汉分行营管部)"
    assert _label(line, "CN-HB-Wuhan", "市地方金融局") == ("武汉市金融监督管理局", True)
    assert _label("(责任单位:市园林林业局)", "CN-HB-Wuhan", "市园林林业局")[1]
    # 385、关于加快废旧物资循环利用体系建设的指导意见: 知识产权局 in a national list is the national administration
    line = "(商务部、国家发展改革委、市场监管总局、公安部、工业和信息化部、知识产权局按职责分工负责)"
    assert _label(line, "CN", "知识产权局") == ("国家知识产权局", True)
    registry = UnitRegistry.load()
    local = registry.resolve_detail("省知识产权局", "CN-GD")
    assert local is not None and local.unit.label == "广东省知识产权局"


def test_central_party_organs_and_local_short_names() -> None:
    # 5、“十四五”节能减排综合工作方案: the Central Committee's offices administration
    line = "到2025年,创建2000家节约型公共机构示范单位,遴选200家公共机构能效领跑者。(国管局、中直管理局等按职责分工负责)"
    assert _label(line, "CN", "中直管理局") == ("中共中央直属机关事务管理局", True)
    # 7、关于推动城乡建设绿色发展的意见, 四/(四)
    line = ("(四)加强培训宣传。中央组织部、住房城乡建设部要会同国家发展改革委、自然资源部、生态环境部加强培训,不断提高党政主要"
            "负责同志推动城乡建设绿色发展的能力和水平。")
    assert roles(line, "CN")[0] == ("中央组织部", "lead") and roles(line, "CN")[-1] == ("生态环境部", "support")
    # 482、重庆市以实现碳达峰碳中和目标为引领深入推进制造业高质量绿色发展行动计划: 人力社保局
    line = "(市委组织部牵头,市教委、市经济信息委、市人力社保局、市生态环境局、市国资委等配合)"
    assert _label(line, "CN-CQ", "市人力社保局") == ("重庆市人力资源和社会保障局", True)
    # 520、哈尔滨市绿色建筑创建行动实施方案: 资源规划局, 市场监督局
    line = ("确保绿色建筑标准落到实处。(市住建局,市发改委、市资源规划局、各区县市政府)")
    assert _label(line, "CN-HL-Harbin", "市资源规划局") == ("哈尔滨市自然资源局", True)
    assert _label("(市市场监督局、市工信局、市住建局)", "CN-HL-Harbin", "市市场监督局") == ("哈尔滨市市场监督管理局", True)

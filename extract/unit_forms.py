"""The forms of Chinese responsibility lists: their keys and closing formulas, the columns of a table's
row that name who acts, what an item looks like, the notes and generic participants inside them, the
conventions a document may declare, and the hits and lists `unit_lists` reads them into.

Length (about 490 lines, kept whole on purpose): the keys, closing formulas, item tails, notes and generic forms
are one vocabulary that the list reader, the table rows and the duty lines all match against, and each pattern is
written in terms of the others (a key's roles, the duty formula inside a tail, a generic head).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from policykg.ontology.units import RELATIVE_PREFIXES, Unit

LIST_OPEN, LIST_CLOSE = "(（〔[【", ")）〕]】"

NEST_OPEN, NEST_CLOSE = "(（〈〔【[", ")）〉〕】]"

#: A key is a role word and the kind of body it names: 责任单位, 牵头部门, 配合处室, 实施主体, 承办单位, 责任科室 ….
_KEY_ROLES: dict[str | None, tuple[str, ...]] = {
    None: ("责任", "主要责任", "主责", "实施", "落实", "承办", "承担"),
    "lead": ("牵头", "主办"),
    "support": ("配合", "参与", "协办", "协同", "协助"),
}
_KEY_BODIES = ("单位", "部门", "处室", "科室", "主体")
UNIT_KEYS: dict[str, str | None] = {
    w + b: role for role, words in _KEY_ROLES.items() for w in words for b in _KEY_BODIES
}

#: Short keys some lists use: "(牵头:省生态环境厅;配合:省发展改革委)".
SHORT_KEYS: dict[str, str | None] = {
    "牵头": "lead", "主责": "lead", "主办": "lead", "配合": "support", "参与": "support", "协助": "support", "协办": "support",
}

OTHER_KEYS = ("完成期限", "完成时限", "完成时间", "时间节点", "时限要求", "时限", "进度安排", "责任领导", "牵头领导")

#: A table column that names who acts ("实施主体", "承办处室", "责任科室", "配合部门", "分工") and not what is
#: measured, asked, or due ("单位" of a figure, "计量单位", "推荐(申报)单位", "完成时限", "联系人").
ROW_HEADER_RE = re.compile(r"责任|牵头|主责|配合|参与|协助|协办|协同|承办|承担|主办|实施|落实|分工|负责|主体|处室|科室|部门|单位")
NOT_ROW_HEADER_RE = re.compile(
    r"^单位$|[(（]单位[)）]|计量|指标|数据|申报|推荐|申请|联系|电话|地址|受理|起草|发布|来源|名称|时限|时间|期限|完成|目标"
    r"|进度|领导|人$|人员|金额|经费|资金|规模|数量|类别|类型|序号|备注|内容|措施|任务|事项"
)


def actor_role(header: str) -> str | None:
    """The role a table's actor column gives its units: its key's, else 牵头 → lead, 配合/参与/协助 → support."""
    key = KEY_RE.fullmatch(header + ":")
    if key and is_unit_key(key.group(1)):
        return key_role(key.group(1))
    if re.search(r"牵头|主责|主办", header):
        return "lead"
    return "support" if re.search(r"配合|参与|协助|协办|协同", header) else None


#: One "header:value" cell of a table's row line: (header, start, value start, end).
Cell = tuple[str, int, int, int]


_CELL_RE = re.compile(r"([^:：;；,，。、\n]{1,20}?)\s*[:：]")


def table_rows(text: str) -> Iterator[list[Cell]]:
    """Lines written as a table's row ("序号:1;重点任务:…;实施主体:市发改委;完成时限:2022年底", ingest/pdf_tables.py),
    as their cells; a part without a header continues the cell before it ("责任单位:市发改委;各区人民政府")."""
    at = 0
    for line in text.split("\n"):
        cells: list[Cell] = []
        for s, e in _split(text, at, at + len(line), GROUP_SEPARATORS):
            head = _CELL_RE.match(text, s, e)
            if head:
                cells.append((head.group(1).strip(), s, head.end(), e))
            elif cells:
                cells[-1] = (*cells[-1][:3], e)
            else:
                break
        if len(cells) >= 2 and cells[0][1] == _strip(text, at, at + len(line))[0]:
            yield cells
        at += len(line) + 1


#: A key, with the qualifier a table's header may give it ("牵头单位（部门）:", "配合单位(部门):").
#: A unit key the layout cut between its role word and its body word ("(责任\n单位:区发展改革局)") is a key too.
_WRAPPED_KEYS = [w + r"[ \t]*\n[ \t]*" + b for words in _KEY_ROLES.values() for w in words for b in _KEY_BODIES]
KEY_RE = re.compile(
    "(" + "|".join([*sorted([*UNIT_KEYS, *SHORT_KEYS, *OTHER_KEYS], key=len, reverse=True), *_WRAPPED_KEYS]) + ")"
    r"(?:[(（](?:单位|部门|处室|科室)(?:[、/](?:单位|部门|处室|科室))?[)）])?\s*[:：∶]"
)


def key_name(match: re.Match[str]) -> str:
    """The key a `KEY_RE` match names, a line break inside it left out ("责任\n单位" → 责任单位)."""
    return "".join(match.group(1).split())


def key_role(key: str) -> str | None:
    """The role a key gives its units (None: the list's convention decides)."""
    key = "".join(key.split())
    return UNIT_KEYS.get(key, SHORT_KEYS.get(key))


def is_unit_key(key: str) -> bool:
    key = "".join(key.split())
    return key in UNIT_KEYS or key in SHORT_KEYS


#: The duty formula: "按职责分工", "按照职能分工", "根据职责分工", "依据职责", "按各自职责分工", "按职能职责分工",
#: "按分工", "分工".
_DUTY = (
    r"(?:(?:按照?|根据|依据|依照|依)(?:各自|其)?的?(?:职能职责|职责职能|部门职责|职责|职能)(?:分工)?"
    r"|(?:按照?|根据)?(?:责任)?分工)"
)

#: What the units do: "负责", "落实", "抓好落实", "做好相关工作", "组织实施" ….
_ACT = r"(?:负责|落实|推动|推进|实施|组织实施|具体落实|指导推动|抓好|做好(?:相关|有关)?工作|做好|承担)+"

#: Role words closing a segment: 牵头 and 主责 lead, the others support.
_ROLE = r"(?P<role>牵头|主责|参与|配合|协助|参加|协同)"

#: How a list closes: "…等按职责分工负责", "…牵头负责", "…负责", "…按照职责分工指导推动", "…等参与".
LIST_TAIL_RE = re.compile(
    rf"(?:{_DUTY}|分别|共同)?(?:牵头|主责)?{_ACT}$|(?:牵头|主责)$|{_DUTY}$|(?:参与|配合|协助|参加|协同)$"
)

#: A closing formula only a responsibility list has.
STRONG_TAIL_RE = re.compile(rf"{_DUTY}(?:{_ACT})?$")

#: What follows a unit inside a list: "等", "等部门", "等市直有关部门", the closing formula, a role word.
ITEM_TAIL_RE = re.compile(
    r"(?:等+(?:省直|市直|区直|县直|省级|市级|区级|县级|中央和国家机关)?(?:省|市|区|县)?(?:有关|相关|其他)?"
    r"(?:部门|单位|机构)?(?:和?单位)?)?"
    rf"(?:{_DUTY}|分别|共同)?(?:{_ROLE})?(?:指导|统筹)?(?:{_ACT})?$"
)

GROUP_SEPARATORS = ";；"

SEGMENT_SEPARATORS = ",，"

ITEM_SEPARATORS = "、"

CONJUNCTIONS = ("以及", "和", "及", "与")

#: Where one item holds two: "X会同Y" (X leads, Y works with it), "…等部门和各市人民政府" (a generic
#: participant joined by 和).
JOINED_RE = re.compile(r"会同|(?:以及|和|及)(?=各|有关|相关)")

#: A role written in brackets after a unit: "省生态环境厅(牵头)".
INLINE_ROLE_RE = re.compile(r"[(（〔](牵头|主责|配合|参与|协助)[)）〕]$")

MEMBER_SUFFIX = "成员单位"

_LEVEL = r"(?:省|市|州|县|区|乡|镇|盟|旗)(?:[(（〔][^)）〕]*[)）〕])?"

#: Items that name a set of units, not one: 各有关部门, 各县(市、区)人民政府, 地方, …成员单位, a kind of authority
#: or of firm (公共机构节能主管部门, 煤炭企业), a bare kind of zone after 各 (各县(市)区、开发区).
GENERIC_RE = re.compile(
    r"^(?:各|有关|相关|其他|其它|市直|省直|区直|县直|中央和国家机关)|^地方(?:各级)?(?:人民)?(?:政府)?$"
    r"|^省[、,，](?:自治区|直辖市)"  # the nation's provinces: "省、自治区、直辖市人民政府"
    # every department of one level, the level written before 各 ("市各部门", "省各有关部门和单位", "市区各相关部门")
    r"|^(?:省|市|区|县|州|市区|市县)各(?:有关|相关)?(?:部门|单位|机关)"
    r"|(?:有关|相关)(?:部门|单位)$|成员单位$|主管部门$|企业$|^(?:开发区|园区|功能区)$"
    # a kind of university ("在宁部省属本科高校", "省属高校"); the committees of every zone of a level ("国家和省级高新区
    # 管委会", "省级以上园区管委会")
    r"|(?:高校|院校|科研院所)$"
    r"|^(?:国家|省|市|县)(?:[和及、](?:省|市|县))?级(?:以上)?[^、]{0,8}?(?:园区|开发区|高新区|经开区|新区)管委会$"
    r"|^(?:省|市|区|县)级(?:有关|相关)?部门$"  # the departments of a level, none in particular ("市级部门")
    r"|^街道办事处$"  # the offices of every street ("乡(镇)人民政府、街道办事处应当…")
    r"|^属地(?:党委和?)?(?:人民)?政府$"  # the government of wherever a case lies ("属地人民政府负责无主矿山着火点灭火工作")
    # the governments of levels ("市县人民政府", "县(市、区)级政府"), of an area's cities ("珠三角各地级以上市政府")
    rf"|^{_LEVEL}(?:、?{_LEVEL})+级?(?:党委和?)?(?:人民)?政府$|^{_LEVEL}级(?:以上)?(?:地方)?(?:人民)?政府$"
    r"|^[^、]{2,8}各(?:地级以上|地级|县级|设区的?)?(?:市|州|县|区|盟)"
    # the bodies of every city of a province, by the kind of city ("设区市科技局", "设区的市人民政府生态环境主管部门")
    r"|^(?:所在地|当地)?(?:设区的?市|地级以上市|地级市)(?!人民政府$|政府$)"
    # the organs of every government of a level, written with the levels it covers in brackets ("市(州)生态环境局",
    # "县(市、区)人民政府", "县(区)住建部门")
    r"|^(?:省|市|州|县|区|乡|镇|盟|旗)[(（〔][^)）〕]*[)）〕]"
)

#: The pieces of a government department's name by its field: one level of government written before it ("市", not
#: 市场; "区", not 区域), a character a field's name may hold (no digit, no word of a sentence, no list mark), and the
#: words that make a name a kind or a set rather than a field (有关, 主管, 行业, 政府 …).
ONE_LEVEL = r"(?:自治区|省|市(?!场)|区(?!域)|县)"
FIELD_CHAR = r"[^\W\d_的在将把是从向按其该本各级直由对及与等、]"
NOT_A_FIELD = r"有关|相关|主管|职能|行业|业务|其他|其它|上述|同级|政府|人民"

#: A competent department of one government, its level and field written before it ("市工业和信息化主管部门负责编制…",
#: "省林业主管部门", "省人民政府生态环境主管部门"): a particular organ. 各/有关/行业… or two levels ("市县林业主管部门")
#: name a set, and so does a department named without a level ("公共机构节能主管部门", "同级人民政府水行政主管部门").
LEVEL_AUTHORITY_RE = re.compile(
    rf"{ONE_LEVEL}(?:人民)?(?:政府)?(?![省市区县州乡镇])(?:(?!{NOT_A_FIELD}|领域|项目){FIELD_CHAR}){{2,10}}主管部门"
)

#: An item that continues a generic one: "各市、州、县人民政府", "有关市、县(区)人民政府".
GENERIC_TAIL_RE = re.compile(r"^(?:市|州|县|区|盟|旗|自治县|县级市|乡|镇|街道)(?:[(（〔][^)）〕]*[)）〕])?(?:人民)?(?:政府)?$")

#: A bracketed note inside a list: "〈含开发区、风景区管委会,以下…不再列出〉", "(下同)".
NOTE_RE = re.compile(r"[(（〈][^()（）〈〉]*(?:含|包括|下同|不再列出|以下)[^()（）〈〉]*[)）〉]")

#: Words that end a list's items: what follows is a note ("各项工作均需…,以下不再列出"); the rest of the item's
#: segment is the note's too ("以下均需各市、县〔市、区〕政府落实"). A bare kind after a trailing 等 ("…等省有关部门、单位")
#: and an item that starts like a sentence ("(按对应的分工)") name no unit.
JUNK_RE = re.compile(r"不再列出|下同|均需|^以下|^其中")
NO_ITEM_RE = re.compile(r"^(?:单位|部门|机构)$|^(?:按照?|根据|依据|依照)")

#: A deadline or a pace closing a list: "(…等负责,2022年底前完成)", "(…按职责分工负责,长期坚持)".
TIME_NOTE_RE = re.compile(r"(?:19|20)\d{2}年|(?:19|20)\d{2}[-—至]|长期|持续|常年|逐年|年底前|年内|每年")

#: Names a unit (of any kind) ends with: the form a list item has when the registry does not know it.
UNIT_FORM_RE = re.compile(
    r"(?:局|委|厅|办|处|室|科|院|中心|部|会|政府|公司|集团|管委|海关|法院|检察院|社|银行|分行|支行|营管部|总队|支队|大队|所|站|段"
    r"|署|小组|联|总部|机关|办公室|委员会|机构|专班|工作组|大学|学院)$"
)

#: Bodies that look like lists but say something else: "(以下简称省发改委)".
NOT_A_LIST_RE = re.compile(r"简称|详见|见附件|参见|例如|如:|包括|含")

MAX_ITEM = 40

#: An article's title in brackets after its number ("第十六条【社会参与】"): no list.
ARTICLE_TITLE_RE = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}条\s*【$")

SHARED_PREFIX_RE = re.compile(r"^(自治区|省|市|区|县)、(自治区|省|市|区|县)(.+)$")

#: A second name in brackets after a unit's name: the office it also houses ("发展改革委(能源局)").
ALIAS_RE = re.compile(r"[(（〔【][^()（）〔〕【】]{1,12}[)）〕】]$")

#: Where a canonical label gets no region name in front of it: national bodies and companies.
NO_REGION_PREFIX = ("国家", "国务院", "中国", "中共", "中央", "国网", "人行", "人民银行", "中铁", "共青团", "全国", "中科")

LOCAL_BODY_RE = re.compile(r"(?:局|委|厅|办|处|室|科|中心|院|委员会|办公室|管委会|管委|所|站)$")

YOUTH_LEAGUE_RE = re.compile(r"^团(省|市|区|县|自治区)委$")


class Convention(StrEnum):
    """Who leads a list that marks no lead, as a document declares it (or the usual convention)."""

    FIRST = "first"  # the first unit named
    BEFORE_COMMA = "before-comma"  # every unit before the list's first comma
    PER_JURISDICTION = "per-jurisdiction"  # the first unit named for each jurisdiction of a joint plan


#: A document's one-time declaration of its convention ("各项任务中排在首位的为牵头单位").
_DECLARE = r"(?:为|是)(?:牵头|主要责任|主责)(?:单位|部门)"

CONVENTION_RES = (
    (Convention.BEFORE_COMMA, re.compile(rf"(?:逗号|“,”|“，”)(?:之?前|以前)[^。;]{{0,16}}{_DECLARE}")),
    (Convention.FIRST, re.compile(rf"(?:排在|列|位于|排)?(?:第一位|首位|第一个|首个)[^。;]{{0,24}}{_DECLARE}")),
)
#: What makes a first-unit declaration one per jurisdiction: it speaks of each side of a joint plan.
_EACH_SIDE = re.compile(r"各方|双方|两地|两省|两市|各自|分别|川渝|京津冀|长三角|粤港澳|成渝")


def declared_convention(text: str) -> Convention:
    """The convention a document declares once for its lists ("各项任务中排在第一位的单位为牵头单位"; "…
    四川省、重庆市排在第一位的单位分别为牵头单位" for each jurisdiction of a joint plan; "逗号前的单位为牵头单位"),
    the usual one (the first unit leads) when it declares none."""
    for convention, pattern in CONVENTION_RES:
        m = pattern.search(text)
        if m is None:
            continue
        if convention == Convention.FIRST:
            start = max(text.rfind(c, 0, m.start()) for c in "。;\n") + 1
            end = min([p for p in (text.find(c, m.end()) for c in "。;\n") if p >= 0] or [len(text)])
            sentence = text[start:end]
            provinces = set(_PROVINCE_RE.findall(sentence))
            if _EACH_SIDE.search(sentence) or len(provinces) >= 2:
                return Convention.PER_JURISDICTION
        return convention
    return Convention.FIRST


_PROVINCE_RE = re.compile(
    r"北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南"
    r"|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门"
)


@dataclass(frozen=True, slots=True)
class UnitHit:
    """A unit named in `text` at [start, end): resolved against the registry, or an unresolved unit with the
    jurisdiction its prefix or its place in the list gives it, or a generic participant."""

    start: int
    end: int
    unit_id: str
    label: str  # canonical name: the registry's label, or the name with its region written in full
    surface: str  # the name as written
    jurisdiction: str  # the unit's region id
    role: str  # "lead" | "support" | "generic" | "mentioned"
    confidence: float
    list_start: int | None = None  # the responsibility list the hit belongs to, when it does
    list_end: int | None = None
    resolved: bool = True  # False: a unit the registry does not know (or a generic participant)


@dataclass(slots=True)
class UnitList:
    """One responsibility list: its range, its units (resolved or not), its generic participants."""

    start: int
    end: int
    hits: list[UnitHit] = field(default_factory=list)  # named units, lead and support
    unresolved: list[tuple[int, int, str]] = field(default_factory=list)  # names the registry does not know
    generic: list[tuple[int, int, str]] = field(default_factory=list)  # 各有关部门, 地方 …
    participants: list[UnitHit] = field(default_factory=list)  # the generic items as hits (role "generic")


def _core(body: str) -> str:
    """A list's body without what follows it: a note after "。", a last ",以下不再列出" or ",下同"."""
    body = body.split("。")[0]
    parts = re.split(r"[,，;；]", body)
    while len(parts) > 1 and (JUNK_RE.search(parts[-1]) or TIME_NOTE_RE.match(parts[-1].strip())):
        parts.pop()
    return body[: len(",".join(parts))].strip()


def _closes_sentence(text: str, start: int, end: int) -> bool:
    """A bracket right after a sentence's end, or right before one."""
    rest = text[end : end + 2].lstrip(" ")
    before = text[max(0, start - 2) : start].rstrip(" ")
    return not rest or rest[0] in "。;；\n" or not before or before[-1] in "。;；\n"


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[str | None, int, int]]:
    """(role of the key, start, end) per keyed part ("牵头单位:…,配合单位:…"); non-unit keys are skipped."""
    keys = list(KEY_RE.finditer(text, start, end))
    if not keys:
        yield None, start, end
        return
    if keys[0].start() > start:
        yield None, start, keys[0].start()
    for i, key in enumerate(keys):
        stop = keys[i + 1].start() if i + 1 < len(keys) else end
        if is_unit_key(key.group(1)):
            yield key_role(key.group(1)), key.end(), stop


def _marker(text: str, start: int, end: int) -> str | None:
    """The role a segment's closing words give all its units: 牵头 → lead, 配合/参与/协助 → support."""
    match = ITEM_TAIL_RE.search(text, start, end)
    role = match.group("role") if match else None
    if role in ("牵头", "主责"):
        return "lead"
    return "support" if role else None


def _clean_item(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _strip(text, start, end)
    if text.startswith("由", start):
        start += 1
    match = ITEM_TAIL_RE.search(text, start, end)
    if match and match.start() > start:
        end = match.start()
    start, end = _strip(text, start, end)
    note = NOTE_RE.search(text, start, end)
    if note and note.start() > start and not text[note.end() : end].strip():
        end = note.start()
    return _strip(text, start, end)


#: The government a generic party committee is written with ("各级党委、政府": one participant).
_GOVERNMENT = ("政府", "人民政府")
#: A province written alone before the bodies of every city of a kind: "省、设区的市人民政府生态环境主管部门" is one
#: generic participant (the department of the province and of each such city).
LEVELS_BEFORE = ("省", "自治区")
#: The governments (and party committees) of several levels, a bare level written first: "市、县人民政府", "市、旗县区党委和
#: 政府" (one participant: the party committees and governments of the city and of its banners, counties and districts).
LEVELS_GOVERNMENT_RE = re.compile(rf"^{_LEVEL}(?:、?{_LEVEL})+级?(?:党委和?)?(?:人民)?政府$")


#: The provinces of the nation as national texts name them, one generic participant with the organ after them:
#: "各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)", "省、自治区、直辖市人民政府".
PROVINCE_KINDS = r"(?:自治区|直辖市|计划单列市)"
XPCC = "新疆生产建设兵团"
PROVINCES_SO_FAR_RE = re.compile(rf"各?省(?:[、,，]{PROVINCE_KINDS})*")
PROVINCES_NEXT_RE = re.compile(rf"{PROVINCE_KINDS}|{XPCC}")


def provinces_go_on(before: str, item: str) -> bool:
    """`item` continues the nation's provinces `before` opened ("各省" then "自治区", "直辖市及新疆生产建设兵团…厅(局)")."""
    return bool(PROVINCES_SO_FAR_RE.fullmatch("".join(before.split())) and PROVINCES_NEXT_RE.match(item.strip()))


def merge_levels(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Items with a province written alone before a generic one joined: "省、设区的市人民政府生态环境主管部门"; the
    nation's provinces named together ("各省、自治区、直辖市…")."""
    out: list[tuple[int, int]] = []
    for s, e in parts:
        before = text[out[-1][0] : out[-1][1]].strip() if out else ""
        if out and (before in LEVELS_BEFORE and _generic(text[s:e]) or provinces_go_on(before, text[s:e])
                    or LEVELS_GOVERNMENT_RE.match(before + "、" + "".join(text[s:e].split()))):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _merge_generic(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"各市、州、县人民政府" ("各市、县〔市、区〕人民政府落实") is one generic participant, not three items; so is
    "各级党委、政府"."""
    out: list[tuple[int, int]] = []
    for s, e in parts:
        core = "".join(text[slice(*_clean_item(text, s, e))].split())  # "县〔市、区〕人民政府落实": its closing words aside
        before = text[out[-1][0] : out[-1][1]] if out else ""
        if out and (
            provinces_go_on(before, core)  # "各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)"
            or _generic(before) and (GENERIC_TAIL_RE.match(core) or before.endswith("党委") and core in _GOVERNMENT)
            or before.strip() in LEVELS_BEFORE and _generic(core)
            or LEVELS_GOVERNMENT_RE.match(before.strip() + "、" + core)  # "市、县人民政府", "市、旗县区党委和政府"
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _merge_prefixes(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"市、区机管局" names one kind of unit at two levels: one item, read as the first level's unit."""
    out: list[tuple[int, int]] = []
    for s, e in parts:
        if out and "".join(text[out[-1][0] : out[-1][1]].split()) in RELATIVE_PREFIXES and any(
            text.startswith(p, s) for p in RELATIVE_PREFIXES
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _split_joined(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Items cut where `JOINED_RE` joins two: "X会同Y" → X, Y."""
    out: list[tuple[int, int]] = []
    for s, e in parts:
        for m in JOINED_RE.finditer(text, s, e):
            if m.start() > s:
                out.append((s, m.start()))
                s = m.end()
        out.append((s, e))
    return [p for p in out if p[0] < p[1]]


def _split_spaced(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Items a table cell or a text layer separates by spaces only ("市发改委 市工信局 市财政局"), cut there when every
    piece has a unit's form; an item with a space inside its name ("国家发展改革委 能源局"…) is cut only so too."""
    out: list[tuple[int, int]] = []
    for s, e in parts:
        pieces = [(m.start(), m.end()) for m in re.finditer(r"[^\s\u3000]+", text[s:e])]
        if len(pieces) >= 2 and all(len(text[s + a : s + b]) >= 3 and UNIT_FORM_RE.search(text[s + a : s + b])
                                    for a, b in pieces):
            out.extend((s + a, s + b) for a, b in pieces)
        else:
            out.append((s, e))
    return out


def _generic(item: str) -> bool:
    return bool(GENERIC_RE.search(item)) and not LEVEL_AUTHORITY_RE.fullmatch(item)


def _digest(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


# =================================================================================================
# shared helpers
# =================================================================================================
def _unit_hit(
    surface: str, start: int, end: int, unit: Unit, role: str, confidence: float,
    list_start: int | None = None, list_end: int | None = None,
) -> UnitHit:
    return UnitHit(
        start=start, end=end, unit_id=unit.id, label=unit.label, surface=surface,
        jurisdiction=unit.jurisdiction, role=role, confidence=confidence,
        list_start=list_start, list_end=list_end,
    )


def _brackets(text: str) -> Iterator[tuple[int, int]]:
    """Outermost balanced round brackets, as [open, close + 1)."""
    depth, opened = 0, 0
    for i, ch in enumerate(text):
        if ch in LIST_OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in LIST_CLOSE and depth:
            depth -= 1
            if depth == 0:
                yield opened, i + 1


def _split(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Split [start, end) at separators outside brackets ("各县(市、区)" stays whole)."""
    parts: list[tuple[int, int]] = []
    depth, begin = 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in NEST_OPEN:
            depth += 1
        elif ch in NEST_CLOSE and depth:
            depth -= 1
        elif depth == 0 and ch in separators:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in parts) if s < e]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _line_end(text: str, start: int) -> int:
    ends = [p for p in (text.find(c, start) for c in "\n。") if p >= 0]
    return min(ends) if ends else len(text)

"""Duty lines: a paragraph or line that starts with the units and says what they do, the form of a plan's
"职责分工" annex, a leading group's duty allocation or a regulation's article on who administers it:
"水生态环境处配合开展污水处理厂碳排放相关工作。", "(一)区发展改革委负责编制专项资金年度预算", "市发展改革委:负责…;",
"第四条省财政厅主要职责:会同省科技厅制定…", "市生态环境局会同有关部门定期…".

The units stand at a paragraph's start (after a clause marker) and end at a duty verb or a colon; a unit and a
colon may also start any line or follow a sentence's end ("…;市商务局:负责…"); after a sentence's end or a
comma inside a line, units the registry knows and their duty verb ("…,交通运输部会同公安部、商务部,将…"); a unit's
name the layout cut at the line's end is read on over the break ("…。省生态\n环境厅牵头…"). Each unit is known to the unit
registry or has the form of a particular organ (…局/委/厅/办/处/部/院/中心/政府/公司, three characters at least,
no words of a sentence). 牵头 marks its units as leads and 配合/协助/参与 as supporters; 负责, 会同, a bare colon
and "主要职责:" leave the list's convention to pick the lead (the first unit: "X、Y要会同Z" — X leads); the units
after 会同 support. A bracket of supporters closing the line ("(配合单位:环科院)") belongs to the line's list, and so do the units joined after
the duty's first clause ("区发展改革委负责编制…,会同相关主管部门,…"); the duty formula may stand between the units and
负责 ("各项目主管部门,按照各自职责,负责…", "…生态环境局根据各自职责负责…"). Units that are all generic are a list of
generic participants only when they are charged (负责, 牵头, the duty formula 按照职责分工 or 各负其责: "各有关部门要按照
职责分工,…"; 配合 after a body: "各地级以上市生态环境部门配合做好…"; 会同 after one: "省、设区的市人民政府生态环境主管部门
应当会同有关部门…") and each
is 各…, 有关/相关…, …主管部门, the governments of levels, a government's 有关部门 or 市级部门 ("各区政府负责…",
"各领域主管部门负责…", "各市(州)、县(市、区)人民政府负责…", "县(市、区)林草主管部门牵头安排…": a bracket of levels
may hold 、 and the text layer's spaces; "省政府有关部门要各负其责,…"). Not read: a kind charged alone ("企业负责…"),
a leading group's own lines (领导小组负责…; its 组长/成员 lines name no duty), an addressee ("各市生态环境局:" ending
its line), a contact ("省科技厅信息中心:0871-…"), a facility or a category before a colon and no duty ("…抽水蓄能电站:
位于…", "绿色数据中心:申报单位…"), a word that ends like a unit (布局, 格局), or a line that continues a sentence
wrapped by the layout.

Input is NORMALISED text; offsets are into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from policykg.extract.unit_forms import (
    FIELD_CHAR,
    KEY_RE,
    LEVEL_AUTHORITY_RE,
    LEVELS_GOVERNMENT_RE,
    NOT_A_FIELD,
    ONE_LEVEL,
    PROVINCE_KINDS,
    XPCC,
    _inside,
    _line_end,
    _split,
    _strip,
    merge_levels,
)
from policykg.extract.unit_forms import _generic as _generic_item

#: A clause marker a duty line may start with: "第四条", "第七条【管理系统】", "(一)", "一、", "1.", "(1)".
_MARKER_RE = re.compile(
    r"[ \t\u3000]*(?:第[一二三四五六七八九十百零〇\d]{1,4}条(?:\s*【[^】\n]{1,12}】)?"
    r"|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十—]{1,3}[、.．]|\d{1,3}(?:[.．、](?!\d)|[)）]))?[ \t\u3000]*"
    r"(?:请(?=各|有关|相关))?"  # a notice's request to the participants it charges: "请各单位配合做好…"
)

#: Where the units end: a duty verb, or a colon (after "主要职责", "职责" or nothing).
_DUTY_VERB = r"按照?(?:各自)?职责分工(?:负责)?|各负其责|牵头负责|牵头|负责|配合|协助|参与|会同"
_DUTY_RE = re.compile(rf"(?P<duty>(?:的?(?:主要)?职责(?:是|为)?)?\s*[:：∶])?\s*(?P<verb>{_DUTY_VERB})?")
_VERBS = re.compile(rf"{_DUTY_VERB}|[:：∶]|(?:的?(?:主要)?职责(?:是|为)?)\s*[:：∶]")
#: What may stand between the units and their duty verb: a modal, a pace ("要会同", "将会同", "应当会同", "要发挥牵头
#: 抓总作用", "每年牵头").
_MODAL_RE = re.compile(r"(?:(?:要|将|应当|应|须|需)(?:继续|切实|进一步)?(?:发挥)?|每年|定期|统一|具体|主要)$")
_VERB_ROLE = {"牵头负责": "lead", "牵头": "lead", "配合": "support", "协助": "support", "参与": "support"}

#: The ends of a particular organ's name (a stricter set than `UNIT_FORM_RE`: no 会, 社, 所 — 社会, 场所).
_ORGAN_RE = re.compile(
    r"(?:局|委|厅|办|处|科|部|院|中心|政府|公司|集团|委员会|管委会|管理委员会|办公室|海关|银行|分行|总队|支队|署|专班|站)$"
)
#: What no organ's name holds (outside brackets): the words of a sentence ("本办法由…", "对…"; 应对 is an organ's word:
#: "自治区应对气候变化和机动车污染防治中心").
_NOT_A_NAME_RE = re.compile(r"(?<!自)由|(?<!应)对|[的在将把是从向按其该本各]|领导小组|领导组|部门|单位|[布格大全开结]局")
#: The department of one government named by its field, the level written before it: a particular organ (the
#: government's department of that field: "市发展改革部门负责…", "区生态环境部门负责兑现…"), where a field alone
#: ("林业部门") is a kind and 有关/相关/主管/各, 市级/市直, 市县 or …等部门 name no department in particular.
_FIELD_DEPARTMENT_RE = re.compile(
    rf"{ONE_LEVEL}(?![省市区县州乡镇])"  # one level: 市县财政部门 are the departments of two
    rf"(?:(?!{NOT_A_FIELD}){FIELD_CHAR}){{2,10}}部门"
)
#: A department named by its field alone, no level before it ("生态环境部门"): the text's government's, when it leads a
#: task with others (会同); no generic or kind words (有关, 主管, 行业 …) and no words of a sentence.
_BARE_FIELD_DEPARTMENT_RE = re.compile(rf"(?!{ONE_LEVEL})(?:(?!{NOT_A_FIELD}|各){FIELD_CHAR}){{2,8}}部门")
_SUPPORT_BRACKET = r"[(（]\s*(?:配合|协助|参与|协办)(?:单位|部门|处室)?\s*[:：∶]\s*(?P<body>[^()（）\n]+?)\s*[)）]"
_CLOSING_SUPPORT_RE = re.compile(_SUPPORT_BRACKET + r"[。;；]?\s*$")
_SUPPORT_BRACKET_RE = re.compile(_SUPPORT_BRACKET)
_GENERIC_HEAD_RE = re.compile(
    r"^(?:省|市|区|县)?(?:直|级)?(?:各|有关|相关|其他)[^,，。;；、]{0,10}?(?:部门|单位|机构|政府|方面)(?:和单位)?"
    # the field the participants cover before them ("节能减排降碳各领域主管部门"), competent departments by their field
    # ("设区市林业主管部门", "同级人民政府水行政主管部门"); no words of a sentence ("…对项目主管部门")
    r"|^(?:(?![对的在将把是从向按由])[\u4e00-\u9fff]){1,10}?各[^,，。;；、]{0,8}?(?:部门|单位|机构)"
    r"|^(?:(?![对的在将把是从向按由])[\u4e00-\u9fff]){1,12}?主管部门"
)
#: The generic participants a duty statement may name alone ("各区政府负责…", "各领域主管部门负责…", "市级部门负责…"):
#: each of them, no particular organ (bare kinds such as 企业 or 园区 are no subject of a duty line).
_GENERIC_SUBJECT_RE = re.compile(
    r"(?:自治区|省|市|区|县)?(?:直|级)?(?:各|有关|相关|其他)(?:(?![的在将把是从向按对并由])[^,，。;；、]){0,14}"
    # a bracket of the levels it covers may hold 、: "县(市、区)人民政府", "县(市、区)林草主管部门"
    r"|(?:[(（〔][^()（）〔〕]{1,8}[)）〕]|(?![的在将把是从向按对并由])[\u4e00-\u9fff]){0,14}(?:主管部门|政府)"
    r"|(?:省|市|区|县)级(?:有关|相关)?部门"
    r"|街道办事处"  # the offices of every street
    # the nation's provinces and their organs ("各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)")
    rf"|各?省(?:[、,，]{PROVINCE_KINDS})+(?:(?:及|和|以及|、){XPCC})?"
    r"(?:[(（][^()（）]{1,4}[)）]|(?![的在将把是从向按对并由])[\u4e00-\u9fff]){0,14}"
    # the other departments of the governments of every level from one up ("县级以上地方人民政府其他有关部门")
    r"|(?:省|市|县|设区的市)级以上(?:地方)?(?:各级)?(?:人民)?政府(?:其他|其它)?(?:有关|相关)部门"
    r"|(?:自治区|省|市|区|县)(?:人民)?政府(?:各|有关|相关|各有关|各相关)(?:部门|单位)(?:和单位)?"  # "省政府有关部门"
    # the body of every city of a kind, or of the city a case is in ("由所在地设区市科技局负责…")
    r"|(?:(?:省|自治区)、)?(?:所在地|当地|沿海|沿江)?(?:设区的?市|地级以上市|地级市)"
    r"(?:(?![的在将把是从向按对并由])[\u4e00-\u9fff]){2,14}"
)
#: The duty formula between the units and their verb: "各项目主管部门,按照各自职责,负责…".
_BY_DUTIES_RE = re.compile(r"[,，]?\s*(?:按照?|根据|依据)(?:各自的?)?(?:职责|职能)(?:分工)?[,，]?\s*$")
#: What a duty clause after 负责 may be followed by in its sentence: more units joined ("负责编制…,会同相关主管部门,…").
_DUTY_THEN_WITH_RE = re.compile(r"[^,，。;；:：()（）\n]{1,40}[,，]\s*(?:并)?会同")
_THEN_WITH_RE = re.compile(r"[,，]?\s*会同")
#: A paragraph's short heading sentence before its duty sentence; a duty annex's title ending its line's first words.
_HEADING_RE = re.compile(r"[^,，、。;；:：()（）\n]{2,16}。")
_TITLE_RE = re.compile(r"(?<=[^\s,，。;；:：、])职责分工(?=[^\s,，。;；:：、)）负按])")
#: What a duty after a colon starts with: "负责…", "统筹…", "加强…", "主要负责…".
_ACTION_RE = re.compile(
    r"(?:主要|具体)?(?:负责|牵头|配合|协助|参与|会同|组织|指导|统筹|推进|推动|加强|加快|做好|落实|研究|制定|开展|承担"
    r"|督促|协调|建立|健全|完善|编制|监督|抓好|实施|贯彻|引导|支持|强化|优化|提升|提高|促进|争取|确保|按照|根据|依法"
    r"|结合|围绕|深入|全面|积极|进一步|督导|谋划|拟订|拟定|起草|审核|指导|做|出台|严格|持续|加大|完成|细化|鼓励|发挥)"
)
#: What follows a duty verb that assigns no duty: "参与的" (an attribute), "负责同志"/"负责人" (a person).
_NO_DUTY_RE = re.compile(r"的|同志|人(?!民)")
#: The rest of a line that may be the first part of a unit's name the layout cut ("…。省生态" ⏎ "环境厅牵头…").
_WRAPPED_RE = re.compile(r"[\u4e00-\u9fff]{1,12}")
_CONTACT_RE = re.compile(r"^\d{3}|\d{3,4}-\d{7,8}|\d{8,}|联系|电话")
#: A bracket of the levels a name covers ("(市、区)", "( 市、区)"), the text layer's spaces inside it.
_LEVELS_RE = re.compile(r"[(（〔][ \t]*[市州县区乡镇旗盟][^()（）〔〕\n,，。;；]{0,8}[)）〕]")
_SENTENCE_END = "。;；:：!！?？)）"
_MAX_NAMES = 60

#: A field of a list: (the role its units take, or None for the convention; start; end).
Field = tuple[str | None, int, int]


class Names(Protocol):
    """What the unit registry says of a name: a unit it knows, a place (a region or a 省/市/区 prefix)."""

    def known(self, name: str) -> bool: ...

    def place(self, name: str) -> bool: ...


@dataclass(slots=True)
class DutyLine:
    """The units of one duty line: the range read as the list and its fields."""

    start: int
    end: int
    fields: list[Field]


def duty_lines(text: str, taken: list[tuple[int, int]], names: Names) -> Iterator[DutyLine]:
    """The duty lines of `text` whose start is in no list already read."""
    at = 0
    previous = ""
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        opens, previous = _paragraph_start(previous), line
        # after a wrapped line a unit and a colon only; after a sentence's end inside a line ("…;市商务局:…", "…。省发展
        # 改革委要会同有关部门…") a unit and a colon, or units the registry knows and their duty verb
        starts = [(start, "any" if opens else "colon")]
        starts += [(start + m.end(), "known") for m in re.finditer(r"[。;；]", line) if m.end() < len(line)]
        starts += [(at_start, "any") for at_start in _sentence_openings(text, start, end, taken, opens)]
        # after a comma, units the registry knows and 牵头/负责/会同 ("…,省生态环境厅会同省财政厅对…")
        starts += [(start + m.end(), "clause") for m in re.finditer(r"[,，]", line) if m.end() < len(line)]
        for at_start, mode in starts:
            if _inside(at_start, taken):
                continue
            found = _read_line(text, at_start, end, names, mode)
            if found is None and at < len(text) and _WRAPPED_RE.fullmatch(text, at_start, end):
                found = _read_line(text, at_start, _line_end(text, at), names, mode, wrap=end)  # "…。省生态\n环境厅牵头"
            if found is not None:
                yield found


def _sentence_openings(text: str, start: int, end: int, taken: list[tuple[int, int]], opens: bool) -> list[int]:
    """Where a duty sentence opens inside a line: after a paragraph's short heading, numbered or not ("1.健全领导机制。省经信厅
    会同有关部门负责…", "加强海洋环保执法力度。市海洋与渔业局、生态环境局根据各自职责负责…"), after a list's closing bracket ("…(配合单位:…)综合处负责…") and after a duty annex's title
    the text layer joined to its first line ("…成员单位职责分工省生态环境保护督察办公室负责…")."""
    marker = _MARKER_RE.match(text, start, end)
    heading = _HEADING_RE.match(text, marker.end(), end) if opens and marker else None
    found = [heading.end()] if heading else []
    found += [e for s, e in taken if start < e < end and text[e - 1] in ")）"]
    found += [m.end() for m in _TITLE_RE.finditer(text, start, end)]
    return found


def _paragraph_start(previous: str) -> bool:
    """A line opens a paragraph after a line that closes a sentence or after a heading (a short line)."""
    last = previous.strip()
    heading = last[_MARKER_RE.match(last).end() :]  # type: ignore[union-attr]
    return not last or last[-1] in _SENTENCE_END or (len(heading) <= 24 and not re.search(r"[,，、]", heading))


def _read_line(text: str, start: int, end: int, names: Names, mode: str = "any", wrap: int = -1) -> DutyLine | None:
    """The duty line at `start`; `mode` "colon": only units and a colon, "known": a duty verb only after units the
    registry knows, "clause" (after a comma): the same with 牵头/负责/会同 only. `wrap`: the line break at which the
    layout cut a unit's name ("省生态\n环境厅牵头…"); the name it cuts must be one the registry knows or a
    prefixed 厅/局/委."""
    names_start = _MARKER_RE.match(text, start, end).end()  # type: ignore[union-attr]
    verb = _VERBS.search(text, names_start, min(end, names_start + _MAX_NAMES))
    if verb is None or verb.start() == names_start:
        return None
    names_end = verb.start()
    written = text[names_start:names_end]
    formula = _BY_DUTIES_RE.search(written)
    if formula and text.startswith("负责", names_end):  # "各项目主管部门,按照各自职责,负责…"
        names_end = names_start + formula.start()
        written = written[: formula.start()]
    if wrap >= 0:
        if not names_start < wrap < names_end - 1:
            return None
        written = written.replace("\n", "", 1)
    # a space the text layer put inside a bracket of levels is none between words ("县( 市、区)林草主管部门")
    if re.search(r"[,，。;；\s]", _LEVELS_RE.sub("", written)) or KEY_RE.match(text, names_start, end):
        return None
    duty = _DUTY_RE.match(text, verb.start() if formula else names_end, end)
    assert duty is not None
    modal = _MODAL_RE.search(text, names_start, names_end) if duty.group("verb") else None
    if modal:  # "省发展改革委要会同有关部门…", "市科技局将会同…", "住房城乡建设厅每年牵头开展…"
        names_end = modal.start()
    rest = text[duty.end() : end].strip()
    colon = duty.group("duty") is not None
    word = duty.group("verb")
    if not colon and (mode == "colon" or not word or _NO_DUTY_RE.match(text, duty.end())):
        return None  # "内蒙古电力公司参与的…项目": an attribute, no duty; "…负责同志": a person
    if mode == "clause" and (colon or not (word in ("牵头", "会同") or _charging(word)) or rest[:1] in ":：∶"):
        return None  # after a comma a duty verb, not a short key ("…,市生态环境局牵头:…")
    if colon and (not rest or _CONTACT_RE.search(rest)):
        return None  # an addressee ("各市生态环境局:") or a contact line ("省科技厅信息中心:0871-…")
    parts = merge_levels(text, _split(text, names_start, names_end, "、"))  # "省、设区的市人民政府…主管部门"
    items = ["".join(text[s:e].split()) for s, e in parts]
    if wrap >= 0 and not any(s < wrap < e and _wrapped(text[s:e], names) for s, e in parts):
        return None
    strict = colon and not word and not _ACTION_RE.match(rest)  # "绿色数据中心:申报单位…", "…电站:位于…"
    shared = _shared_department(items)  # "市发展改革、生态环境部门": the level's departments of two fields
    # a department named by its field alone, working with others: "生态环境部门会同相关部门围绕…" (the text's own)
    shared = shared or (word == "会同" and len(items) == 1 and bool(_BARE_FIELD_DEPARTMENT_RE.fullmatch(items[0]))
                        and _joined(text, duty.end(), end, names) is not None)
    if not items or not shared and not all(_organ(item, names, strict) or _generic(item) for item in items):
        return None
    generic = not shared and all(_generic(item) for item in items)
    supporting = word == "配合" and all(re.search(r"(?:部门|单位|政府|机构|管委会)$", item) for item in items)
    joining = word == "会同" and len(items) == 1  # "省、设区的市人民政府生态环境主管部门应当会同有关部门…"
    charged = _charging(word) or word == "牵头" or supporting or joining
    if generic and (colon or not charged or not all(map(generic_subject, items))):
        return None  # a kind ("企业负责…"), a short key; "各区政府负责…", "县(市、区)林草主管部门牵头安排…", "各地级以上
        # 市生态环境部门配合做好…" name the participants charged, generic ("各成员单位要加强联动配合": no body before 配合)
    if not generic and _formula(word):
        return None  # the duty formula charges generic participants only ("各有关部门要按照职责分工,…", "…要各负其责")
    named = shared or all(_named(item, names) for item in items)
    if mode in ("known", "clause") and not colon and not generic and not named:
        return None
    stated = colon and duty.group("duty").lstrip()[:1] not in ":：∶"  # "主要职责:": all it does, whatever verb
    role = None if stated else _VERB_ROLE.get(word or "")
    fields: list[Field] = [(role, names_start, names_end)]
    list_end = duty.end()
    then = _THEN_WITH_RE.match(text, duty.end(), end) if word == "牵头" and not colon else None
    if word in ("负责", "牵头负责") and not colon:  # "X负责编制…,会同Y,…": Y joins the duty
        then = _DUTY_THEN_WITH_RE.match(text, duty.end(), end)
    if word == "会同" and not colon and len(parts) > 1:
        # "X、Y要会同Z…": 会同 says who joins, not who leads; before it the list's convention holds (X leads)
        fields = [("lead", parts[0][0], parts[0][1]), ("support", parts[1][0], names_end)]
    if (word == "会同" or then) and not colon:  # "X会同Y…", "X牵头,会同Y…"
        with_start = then.end() if then else duty.end()
        joined = _joined(text, with_start, end, names)
        if joined is not None:
            fields.append((joined_role(text, with_start, joined, generic), with_start, joined))
            list_end = joined
    closing = _CLOSING_SUPPORT_RE.search(text, list_end, end) or _SUPPORT_BRACKET_RE.search(text, list_end, end)
    if closing and closing.end() < end and re.search(r"[。;；()（）]", text[list_end : closing.start()]):
        closing = None  # a bracket within the line closes its first sentence only ("…范畴(配合单位:…)综合处负责…")
    if closing:
        fields.append(("support", closing.start("body"), closing.end("body")))
        list_end = closing.end()
    return DutyLine(names_start, _strip(text, names_start, list_end)[1], fields)


def _charging(word: str | None) -> bool:
    """A verb or formula that charges the units before it with the task after it: 负责, 牵头负责, (要)按照职责分工."""
    return word in ("负责", "牵头负责") or _formula(word)


def _formula(word: str | None) -> bool:
    """The duty formula: (要)按照职责分工, (要)各负其责 ("省政府有关部门要各负其责,制定年度工作计划…")."""
    return bool(word and (word.startswith("按") or word == "各负其责"))


def generic_subject(item: str) -> bool:
    """A generic participant a duty statement may charge alone: 各…, 有关/相关…, …主管部门, the governments of levels,
    the departments of a level (市级部门), with no words of a sentence before it ("项目审定结果由各主管部门")."""
    return (_generic(item) and bool(_GENERIC_SUBJECT_RE.fullmatch(item) or LEVELS_GOVERNMENT_RE.match(item))
            and not _PERSON_NAMED_RE.search(item))


#: A person a participant names, who is the one charged ("请各单位推荐一名联系人负责…"): no participant.
_PERSON_NAMED_RE = re.compile(r"(?:推荐|指定|确定|明确|安排|派出)[^,，。;；]{0,6}人$")


def _wrapped(item: str, names: Names) -> bool:
    """A name the layout cut at a line break: joined, one the registry knows or a 厅/局/委 with a place before it."""
    name = "".join(item.split())
    if names.known(name):
        return True
    return bool(re.search(r"[厅局委]$", name)) and any(names.place(name[:k]) for k in range(1, min(len(name) - 1, 8)))


def _named(item: str, names: Names) -> bool:
    """An organ named outright: one the registry knows, or a government's department named by its field."""
    return names.known(item) or bool(_FIELD_DEPARTMENT_RE.fullmatch(item) or LEVEL_AUTHORITY_RE.fullmatch(item))


def _shared_department(items: list[str]) -> bool:
    """Departments of one level named by their fields, the level before the first and 部门 after the last: "市发展改革、
    生态环境部门" (市发展改革部门 and 市生态环境部门), each a department `_FIELD_DEPARTMENT_RE` reads."""
    if len(items) < 2 or not items[-1].endswith("部门"):
        return False
    level = re.match(r"自治区|省|市(?!场)|区(?!域)|县", items[0])
    if level is None or any(re.match(r"自治区|省|市|区|县", item) for item in items[1:]):
        return False
    fields = [items[0][level.end() :], *items[1:-1], items[-1][: -len("部门")]]
    return all(_FIELD_DEPARTMENT_RE.fullmatch(level.group() + f + "部门") for f in fields)


def _organ(item: str, names: Names, strict: bool = False) -> bool:
    """A name of a particular organ: the registry knows it, or it has an organ's ending and no sentence's words
    (outside brackets) and does not end in a known unit after words that are no place ("建立健全自治区发展改革委");
    `strict` (a colon and no verb follow it): an unknown …站 or …中心 (a facility, a category: "…抽水蓄能电站:位于…",
    "绿色数据中心:申报单位…") needs a region's prefix."""
    if _named(item, names):
        return True
    bare = re.sub(r"[(（][^()（）]*[)）]", "", item)
    if len(bare) < 3 or not _ORGAN_RE.search(bare) or _NOT_A_NAME_RE.search(bare):
        return False
    if any(names.known(bare[k:]) and not names.place(bare[:k]) for k in range(1, len(bare) - 3)):
        return False
    return not strict or bool(re.match(r"(?:自治区|省|市|区|县|州|盟|旗)", bare)) or not re.search(r"(?:站|中心)$", bare)


def _generic(item: str) -> bool:
    """A generic participant as lists read one (各区政府, 有关部门), a leading group aside (its lines are no duty)."""
    return _generic_item(item) and not re.search(r"领导小组|领导组", item)


#: Departments named by their field after 会同, closed by a generic participant joined by 和: "会同海洋渔业、自然资源和有关
#: 部门划定" (the fields' departments and 有关部门), or by 等部门.
_NO_FIELD = "的在将把是从向按其该本各对由等及与"
_FIELDS_JOINED_RE = re.compile(
    rf"\s*(?:(?:(?![{_NO_FIELD}])[\u4e00-\u9fff]){{2,8}}?、)+(?:(?:(?![{_NO_FIELD}和])[\u4e00-\u9fff]){{2,8}}?"
    r"和(?:其他)?(?:有关|相关)部门"
    # …or closed by 等部门: "会同自然资源、住房和城乡建设等部门" (和 may stand inside a field's name)
    rf"|(?:(?![{_NO_FIELD}])[\u4e00-\u9fff]){{2,8}}?等(?:有关|相关)?部门)"
)


def joined_role(text: str, start: int, end: int, generic: bool) -> str:
    """The role of the units after 会同: they support, but departments named by their field after generic participants
    ("由沿海设区的市人民政府生态环境主管部门会同海洋渔业、自然资源和有关部门划定") are the departments of each of those
    places, generic participants too."""
    return "generic" if generic and _FIELDS_JOINED_RE.fullmatch(text, start, end) else "support"


def _joined(text: str, start: int, end: int, names: Names) -> int | None:
    """Where the units after 会同 end: "会同公安部、商务部," → after 商务部; "会同省科技厅进一步完善…" → after
    省科技厅; "会同有关部门定期…" → after 有关部门; "会同同级人民政府水行政主管部门和有关部门划定" → after 有关部门 (a
    generic participant joined by 和). None when what follows 会同 starts with no unit."""
    stop = min([p for p in (text.find(c, start, end) for c in ",，。;；") if p >= 0] or [end])
    parts = _split(text, start, stop, "、")
    joined = None
    for s, e in parts:
        cut = _unit_head(text[s:e], names)
        if cut == 0:
            fields = _FIELDS_JOINED_RE.match(text, s, stop) if joined is None else None
            if fields:  # "会同海洋渔业、自然资源和有关部门划定": departments by their field, a generic participant closing them
                joined = fields.end()
            break
        more = re.match(r"(?:和|及|以及)", text[s + cut : e])  # "同级人民政府水行政主管部门和有关部门划定"
        after = _GENERIC_HEAD_RE.match(text[s + cut + more.end() : e]) if more else None
        if more and after:
            cut += more.end() + after.end()
        joined = s + cut
        if cut < e - s:
            break  # "省科技厅进一步完善…": the unit's name ends the list
    return joined


def _unit_head(item: str, names: Names) -> int:
    """The length of the unit an item starts with: a generic head ("相关部门在2023年…"), all of it, the longest
    name the registry knows, else the shortest with an organ's ending; 0 when it starts with none."""
    generic = _GENERIC_HEAD_RE.match(item)
    if generic:
        return generic.end()
    if _organ(item, names):
        return len(item)
    field = _BARE_FIELD_DEPARTMENT_RE.match(item)
    if field and names.known(item[: field.end() - 1]):
        return field.end()  # "自然资源部门": a department by its field, not the ministry (自然资源部) the registry knows
    for cut in range(len(item) - 1, 1, -1):
        if names.known(item[:cut]):
            return cut
    return next((cut for cut in range(3, len(item)) if _organ(item[:cut], names) and item[cut] != "门"), 0)  # 上述部门

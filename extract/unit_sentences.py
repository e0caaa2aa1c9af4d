"""Lists a sentence names before its task: "由生态环境厅牵头,住房和城乡建设厅、水利厅、农业农村厅等相关部门参与,
分别围绕…", "成立由省发展改革委牵头,省国资委、…、重点煤炭企业等参加的…工作专班", "由市科技局牵头组织,…".

The units between 由 and 牵头 lead (each known to the unit registry or of an organ's form, as a duty line's units
are); the units after 牵头, up to 参与/参加/配合/协助/协同, support, generic participants (相关部门, 重点煤炭企业)
being generic. Where they close with "等部门"/"等相关部门" the items are departments by the text's own word and may
be written by their field alone ("发改、民政、城市管理…等部门参与"); otherwise each must be a unit or generic.
A sentence whose leads are no organ ("由企业牵头申报的", "由林业部门牵头") is no list. "由X负责…", "由X统一组织实施",
"由X和Y共同组织…", "由X会同Y…" charge X with a task when every unit of X is one the registry knows or has the form of
a particular organ (a centre, an institute, a university, a committee: "由自治区应对气候变化和机动车污染防治中心负责",
"由中科南京未来能源系统研究院会同南京市科技局组织实施"), kept unresolved; generic participants charged with a task
("由主管部门负责收回…", "由各领域主管部门负责追缴资金": 各…, 有关/相关…, …主管部门, the governments of levels) are a
list of generic participants, and so are the items of "由X、Y…等项目主管部门负责…" when each is generic (the bodies of
every city or zone of a kind: "设区市科技局", "县(市)科技局", "国家和省级高新区管委会"; "省有关单位"; a kind of university:
"在宁部省属本科高校"), a list longer than the other forms allow. A kind of organ ("由林业部门负责", "由保险公司负责")
and a firm ("由企业牵头") are none, nor are an interpretation clause ("本办法由X负责解释") and who wrote the text
("本导则由X组织编制"). Generic participants alone charged with answering for a task as a whole at a sentence's or a
clause's opening are a list of them ("各级政府要对本辖区的环境质量负总责", "地方各级人民政府应当对…负责", "各级党委政府是
规划实施的责任主体", "相关部门要各司其职", "有关部门对生态环境保护分工负责", "各级党委、政府对…要做到“守土有责”", "各部门和生产经营单位
承担抓好业务工作和环境保护工作的双重责任": a kind joined by 和 to a generic participant is one more); a kind
answering for its own data ("重点排放单位应当对报告数据…负责") is none. Three departments or more a sentence names by their
field, closed by 等部门 and charged by the duty formula, are a list, the first leading ("发展改革、生态环境、…等部门按照
职责分工,…", "市统计、发展改革、生态环境等部门应当按照各自职责,…").

Input is NORMALISED text; offsets are into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policykg.extract.unit_duties import (
    _MARKER_RE,
    _NO_FIELD,
    _NOT_A_NAME_RE,
    Field,
    Names,
    _generic,
    _joined,
    _organ,
    generic_subject,
    joined_role,
)
from policykg.extract.unit_forms import _inside, _split, _strip, merge_levels

#: Where a clause opens (after a stop, a comma or a line break, its indent passed), and where a sentence does.
_CLAUSE_OPENS = r"(?:^|(?<=[。;；,，!！?？\n]))[ \t\u3000]*"
_SENTENCE_OPENS = r"(?:^|(?<=[。;；!！?？\n]))[ \t\u3000]*"

_LED_BY_RE = re.compile(
    r"由(?P<leads>[^,，。;；:：()（）\n由]{2,60}?)(?:等(?:有关|相关)?(?:部门|单位))?牵头"
    r"(?:[,，、]?\s*(?P<support>[^,，。;；:：()（）\n]{2,160}?)(?P<etc>等)?(?P<kind>(?:有关|相关)?(?:部门|单位))?"
    r"(?:参与|参加|配合|协助|协同))?"
)
_ETC_RE = re.compile(r"等+$")
#: "由X负责…", "由X统一组织实施", "由X和Y共同组织实施", "由X会同Y…": X charged with a task (an interpretation clause,
#: "本办法由X负责解释", is none).
_CHARGED_RE = re.compile(
    r"(?<![自经理缘])由(?P<units>[^,，。;；:：()（）\n由]{2,40}?)(?P<joint>共同)?(?:统一|具体)?(?:负责|组织|会同)(?!解释|同志|人(?!民))"
)
#: "由X、Y、Z等项目主管部门负责…": generic participants the text names by the kind closing them (the bodies of every
#: city or zone of a kind, 省有关单位, a kind of university), brackets of levels inside ("县(市)科技局").
_KIND_CHARGED_RE = re.compile(
    r"(?<![自经理缘])由(?P<units>(?:[(（][^()（）\n]{1,8}[)）]|[^,，。;；:：()（）\n由]){2,80}?)"
    r"等(?P<kind>[^,，。;；:：()（）\n由、等]{0,6}?主管部门)负责(?!解释|同志|人(?!民))"
)


def led_sentences(text: str, taken: list[tuple[int, int]], names: Names) -> Iterator[tuple[int, int, list[Field]]]:
    """(start, end, fields) of each "由X牵头(,Y…参与)" outside the lists already read: X leads, Y supports."""
    for match in _LED_BY_RE.finditer(text):
        if _inside(match.start(), taken):
            continue
        leads = _items(text, match.start("leads"), match.end("leads"))
        if not leads or not all(_organ(item, names) for item in leads):
            continue
        fields: list[Field] = [("lead", match.start("leads"), match.end("leads"))]
        end = match.end("leads")
        if match.group("support"):
            items = _items(text, match.start("support"), match.end("support"))
            departments = bool(match.group("kind"))  # "…等部门参与": the text says what the items are
            if items and (departments or all(_organ(item, names) or _generic(item) for item in items)):
                fields.append(("support", match.start("support"), match.end("support")))
                end = match.end("support")
        yield match.start("leads"), end, fields


_AUTHORED_RE = re.compile(r"(?:编制|起草|修订|制订)")
_THIS_TEXT_RE = re.compile(r"本[^,，。;；\n由]{1,5}$")


def charged_sentences(text: str, taken: list[tuple[int, int]], names: Names) -> Iterator[tuple[int, int, list[Field]]]:
    """(start, end, fields) of each "由X负责/组织/会同…" outside the lists already read whose units are each known to
    the registry or a particular organ ("由X和Y共同组织实施": both lead; "由X会同Y": Y supports); and of each "由X、Y
    等项目主管部门负责…" whose items are all generic participants."""
    kinds: list[tuple[int, int]] = []
    for match in _KIND_CHARGED_RE.finditer(text):
        if _inside(match.start(), taken):
            continue
        items = _items(text, match.start("units"), match.end("units"))
        if items and all(map(_generic, items)):
            kinds.append((match.start(), match.end()))
            yield match.start("units"), match.end("units"), [(None, match.start("units"), match.end("units"))]
    for match in _CHARGED_RE.finditer(text):
        if _inside(match.start(), kinds):
            continue
        if _inside(match.start(), taken) or _AUTHORED_RE.match(text, match.end()) and _THIS_TEXT_RE.search(
            text, max(0, match.start() - 8), match.start()
        ):
            continue  # "本导则由X组织编制": who wrote the text
        items = _items(text, match.start("units"), match.end("units"))
        charged = all(_charged(item, names) or all(_charged(p, names) for p in item.split("和")) for item in items)
        # "由各主管部门负责…"; "由省有关行业主管部门或地方政府具体负责…": either of two generic participants
        either = [p for item in items for p in item.split("或")]
        generic = match.group(0).endswith(("负责", "会同")) and all(map(generic_subject, either))
        if not items or not (charged or generic):
            continue
        fields: list[Field] = [("lead" if match.group("joint") else None, match.start("units"), match.end("units"))]
        if generic and not charged and len(either) > len(items):
            fields = [(None, s, e) for s, e in _split(text, match.start("units"), match.end("units"), "或")]
        end = match.end("units")
        if match.group(0).endswith("会同"):
            stop = min([p for p in (text.find(c, match.end()) for c in ",，。;；\n") if p >= 0] or [len(text)])
            joined = _joined(text, match.end(), stop, names)
            if joined is not None:
                fields.append((joined_role(text, match.end(), joined, generic and not charged), match.end(), joined))
                end = joined
        yield match.start("units"), end, fields


#: "X的项目申报由本单位负责审核", "在宁部省属高校项目由高校负责审查推荐": 由 names the participants the sentence opens with again,
#: as 本单位 or by the kind their name ends with.
_REFERRED_RE = re.compile(
    _CLAUSE_OPENS + r"(?P<subject>[^,，。;；:：()（）\n“”由]{2,40}?)(?:的)?(?:项目|任务)?(?:申报|推荐)?"
    r"由(?P<units>本单位|本部门|本机构|(?P<kind>[\u4e00-\u9fff]{2,4}))(?:统一|具体)?负责(?!解释|同志|人(?!民))",
    re.M,
)


#: The kinds of university and institute a call names ("在宁部省属高校"), which 由 may name again by the kind alone.
_UNIVERSITIES_RE = re.compile(r"高校|院校|高等院校|科研院所")


def referred_sentences(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[Field]]]:
    """(start, end, fields) of each statement whose 由…负责 names the generic participants the sentence opens with again:
    by 本单位 (the participants opening it: "省有关单位及在宁部省属本科院校的项目申报由本单位负责审核…"), or by the kind
    ending their name ("在宁部省属高校项目由高校负责审查推荐": 高校, as written)."""
    for match in _REFERRED_RE.finditer(text):
        start, end = _strip(text, match.start("subject"), match.end("subject"))
        start = _MARKER_RE.match(text, start, end).end()  # type: ignore[union-attr]  # "7.省有关单位…"
        if _inside(start, taken) or start >= end:
            continue
        kind = match.group("kind")
        if kind:
            subject = text[start:end]
            if _UNIVERSITIES_RE.fullmatch(kind) and subject.endswith(kind) and _generic(subject) and len(subject) > len(kind):
                yield match.start("units"), match.end("units"), [("generic", match.start("units"), match.end("units"))]
            continue
        parts = [(s, e) for s, e in _split(text, start, end, "、及")]
        if parts and all(generic_subject(text[s:e]) or _generic(text[s:e]) for s, e in parts) and generic_subject(
            text[slice(*parts[0])]
        ):
            yield start, end, [("generic", s, e) for s, e in parts]


#: The parties a funding scheme or a programme charges by their part in it, at a sentence's opening (an article's or an
#: item's number passed): "项目申报单位按照申报指南要求进行项目申报,…并对材料的真实性…负责", "项目单位应按要求提交…",
#: "申报单位应如实申报", "牵头揭榜单位须加强对申报材料的审核把关", "建设单位应强化首要责任", "生产经营者应自觉遵守…".
#: A part any unit may take: a generic participant, as written.
_PARTY_RE = re.compile(
    _SENTENCE_OPENS + r"(?:第[一二三四五六七八九十百零〇\d]{1,4}条\s*|\d{1,2}[.、．]\s*|[(（][一二三四五六七八九十\d]{1,3}[)）]\s*)?"
    r"(?P<units>(?:各类[^,，。;；:：\n]{1,16}?的)?"  # "各类低碳示范创建的申报主体作为责任主体,负责…"
    r"(?:(?:项目(?:申报|承担|实施|建设)?|申报|承担|实施|建设|牵头揭榜|揭榜|生产经营)(?:单位|主体)|生产经营者))"
    r"(?=应当|应|须|必须|负责|要|按照|作为[^,，。;；\n]{0,8}?责任主体|对[^,，。;；\n]{1,40}?负)",
    re.M,
)


def party_sentences(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[Field]]]:
    """(start, end, fields) of each statement charging the party of a scheme by its part in it (`_PARTY_RE`), outside
    the lists already read."""
    for match in _PARTY_RE.finditer(text):
        if not _inside(match.start("units"), taken):
            yield match.start("units"), match.end("units"), [("generic", match.start("units"), match.end("units"))]


#: Generic participants charged with answering for a task as a whole, at a sentence's or a clause's opening: "各级政府要对
#: 本辖区的环境质量负总责", "地方各级人民政府应当对本行政区域的生态环境质量负责", "各级党委政府是规划实施的责任主体", "各市
#: (地)、县(市、区)政府是规划实施的责任主体", "相关部门要各司其职、密切配合", "有关部门对生态环境保护分工负责", "各级党委、
#: 政府对…要做到“守土有责”,对生态环境工作负全面领导责任", "各区党委和政府要坚决扛起…政治责任", "省各有关部门要切实履行部门职责".
_ANSWERS_RE = re.compile(
    _CLAUSE_OPENS + r"(?P<units>(?:[(（][^()（）\n]{1,8}[)）]|[^,，。;；:：()（）\n“”]){2,30}?)"
    r"(?:要|应当|应|须|必须)?(?:在(?:其|各自)的?职责范围内)?(?:"
    r"对[^,，。;；:：\n]{1,40}?(?:负总责|分工负责|负责|负全面领导责任)(?!人|同志)"
    r"|对[^,，。;；:：\n]{1,40}?实施(?:统一)?监督管理"  # a regulation's "X对本行政区域…工作实施统一监督管理"
    r"|对[^,，。;；:：\n]{1,40}?要?做到[“\"]?守土有责"  # the formula "守土有责、守土负责、守土尽责"
    r"|(?:是|作为)[^,，。;；:：\n]{0,16}?(?:责任主体|实施主体)"  # "各市、县(区、市)人民政府是本规划的实施主体"
    r"|(?:承担|(?:坚决)?扛起)[^,，。;；:：\n]{1,30}?(?<!刑事|民事|法律|社会)责任(?!人|单位|主体)"  # "各部门和生产经营单位承担…的
    # 双重责任", "各区党委和政府要坚决扛起生态文明建设政治责任"
    r"|(?:切实)?履行[^,，。;；:：\n]{0,12}?职责(?!的)"  # "省各有关部门要切实履行部门职责"
    r"|(?:具体|切实|认真|负责)?抓(?:好)?落实"  # "市、旗县区党委和政府具体抓落实"
    r"|各司其职"
    r"|对照[^,，。;；:：\n]{0,10}?分工"  # "各地各有关部门要对照重点任务分工,…": the division of the tasks charges them
    r"|(?<!同志)(?<!负责人)在(?:其|各自)?的?职责范围内(?=[\u4e00-\u9fff]))",  # "各行业主管部门要在职责范围内抓好…落实"
    re.M,
)


def answering_sentences(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[Field]]]:
    """(start, end, fields) of each statement charging generic participants alone with answering for a task (负总责,
    对…负责, 是/作为…责任主体, 各司其职, 分工负责) outside the lists already read: each item is a generic subject (各…,
    有关/相关…, the governments of levels); a particular organ or a kind ("企业对…负责") is none."""
    last: tuple[int, int, list[Field]] | None = None
    last_end = -1  # where the statement read last ends
    matches = sorted([*_ANSWERS_RE.finditer(text), *_DUTIES_LATER_RE.finditer(text)], key=lambda m: m.start("units"))
    for match in matches:
        if match.start("units") < last_end:
            continue
        start, end = _strip(text, match.start("units"), match.end("units"))
        start = _MARKER_RE.match(text, start, end).end()  # type: ignore[union-attr]  # "第四条地方各级人民政府…"
        if _inside(start, taken) or start >= end:
            continue
        items = _items(text, start, end)
        fields: list[Field] = []
        if all(_BARE_LEVEL_RE.fullmatch(item) for item in items) and len(items) > 1:  # "市、县作为工作责任主体"
            fields = [("generic", s, e) for s, e in _split(text, start, end, "、")]
        elif items and all(generic_subject(item) or _continues(item) for item in items) and generic_subject(items[0]):
            kind = _KIND_JOINED_RE.search(text, start, end) if len(items) == 1 else None
            if kind and generic_subject(text[start : kind.start()]):  # "各部门和生产经营单位": two participants
                fields = [("generic", start, kind.start()), ("generic", kind.start() + 1, end)]
            else:
                fields = [(None, start, end)]
        if not fields:
            continue
        if last is not None and _WITHIN_DUTIES_RE.match(text, end) and text[last_end:start].strip() in (",", "，"):
            # "X对…实施统一监督管理,县级以上地方人民政府其他有关部门在其职责范围内…": the others beside X, one list
            last = (last[0], end, [*last[2], *fields])
        else:
            if last is not None:
                yield last
            last = (start, end, fields)
        last_end = match.end()
    if last is not None:
        yield last


#: Generic participants opening a sentence with what they shall do, the duty formula or the lead of a task in a later
#: clause: "乡(镇)人民政府、街道办事处应当明确承担生态环境保护责任的人员,按照职责依法做好生态环境保护工作", "各省、自治区、
#: 直辖市及新疆生产建设兵团生态环境厅(局)要结合本地实际,牵头研究编制省级适应气候变化行动方案".
_DUTIES_LATER_RE = re.compile(
    _SENTENCE_OPENS + r"(?P<units>(?:[(（][^()（）\n]{1,8}[)）]|[^,，。;；:：()（）\n“”]){2,30}?)"
    r"(?:要|应当|应|须|必须)[^。;；:：\n]{1,40}?[,，]\s*(?:并|要|应当)?(?:依法)?"
    r"(?:(?:按照?|根据|依据)(?:各自的?)?(?:职责|职能)|牵头(?=[\u4e00-\u9fff]{2}))",
    re.M,
)
#: The clause of participants acting beside the ones charged before them: "…在其职责范围内", "…在各自职责范围内".
_WITHIN_DUTIES_RE = re.compile(r"(?:要|应当|应)?在(?:其|各自)(?:的)?职责范围内")


#: A level written alone (市、县作为工作责任主体: the cities and the counties, each a generic participant).
_BARE_LEVEL_RE = re.compile(r"省|市|县|区|乡|镇|旗|盟|州|乡镇|县区|旗县区|市县|市州|县市区")
#: A kind joined by 和 after a generic participant: "各部门和生产经营单位" (not "有关部门和单位", one as printed).
_KIND_JOINED_RE = re.compile(r"和(?=[\u4e00-\u9fff]{2,8}(?:单位|企业|机构)$)")


def _continues(item: str) -> bool:
    """An item that continues the generic one before it: "县(市、区)政府" after "各市(地)", "政府" after "各级党委"."""
    return bool(re.fullmatch(r"(?:[市州县区乡镇旗盟](?:[(（][^()（）]{1,8}[)）])?)?(?:人民)?政府", item))


#: Departments a sentence names by their field, closed by 等部门 and charged by the duty formula: "住房城乡建设、发展改革、
#: …、市场监管等部门要按照各自职责完善有关支持政策", "教育、科技、财政…等部门按照职责分工,做好…", "市统计、发展改革、
#: 生态环境等部门应当按照各自职责,…" (the level may stand before the first).
_FIELDS_CHARGED_RE = re.compile(
    _CLAUSE_OPENS + r"(?P<units>[^,，。;；:：()（）\n“”]{5,160}?)等部门"
    r"(?:要|应当|应|须)?(?:按照?|根据|依据)(?:各自的?)?(?:职责|职能)(?:分工)?",
    re.M,
)
#: A department's field: "发展改革", "工业和信息化", "文化和旅游", "机关事务管理"; the first may open with its level.
_FIELD_RE = re.compile(rf"(?:市|省|区|县|自治区)?(?:(?![{_NO_FIELD}])[\u4e00-\u9fff]){{2,8}}")


def field_sentences(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[Field]]]:
    """(start, end, fields) of each sentence charging departments named by their field ("发展改革、生态环境…等部门按照
    职责分工,…") with the duty formula, outside the lists already read: three items or more, each a field; the first
    leads by the list's convention."""
    for match in _FIELDS_CHARGED_RE.finditer(text):
        start, end = _strip(text, match.start("units"), match.end("units"))
        start = _MARKER_RE.match(text, start, end).end()  # type: ignore[union-attr]
        if _inside(start, taken) or start >= end:
            continue
        items = _items(text, start, end)
        if len(items) >= 3 and all(_FIELD_RE.fullmatch(item) for item in items):
            yield start, end, [(None, start, end)]


#: A particular organ a sentence names as the lead of a task or the seat of a leading group's office: "市林草局作为试验区
#: 建设牵头单位,要…", "领导组下设办公室,办公室设在厅科技教育处,负责碳达峰碳中和日常工作".
_SEATED_RE = re.compile(
    _CLAUSE_OPENS + r"(?P<units>[^,，。;；:：()（）\n“”]{2,30}?)作为[^,，。;；:：\n]{0,20}?牵头(?:单位|部门)"
    r"|办公室设在(?P<seat>[^,，。;；:：()（）\n“”]{2,30}?)[,，]\s*(?:主要|具体)?负责(?!人|同志)"
    # a particular organ named with what it is before its duty: "广州碳排放权交易中心是碳普惠核证减排量交易平台,负责…"
    r"|(?:^|(?<=[。;；!！?？\n]))(?P<defined>[^,，。;；:：()（）\n“”]{2,40}?)(?:是|为)(?:本省|本市|全省|全市)?"
    r"[^,，。;；:：\n的]{2,24}?(?:平台|机构|中心|单位)[,，]\s*(?:主要|具体)?负责(?!人|同志)",
    re.M,
)


def seated_sentences(text: str, taken: list[tuple[int, int]], names: Names) -> Iterator[tuple[int, int, list[Field]]]:
    """(start, end, fields) of each sentence naming particular organs the lead of a task ("X作为…牵头单位") or the
    seat of a leading group's office charged with its work ("办公室设在X,负责…"), outside the lists already read: they
    lead; a generic participant or a kind is none."""
    for match in _SEATED_RE.finditer(text):
        group = next(g for g in ("units", "seat", "defined") if match.group(g))
        start, end = _strip(text, match.start(group), match.end(group))
        start = _MARKER_RE.match(text, start, end).end() if group == "defined" else start  # type: ignore[union-attr]
        if _inside(start, taken) or start >= end:
            continue
        items = _items(text, start, end)
        if items and all(_charged(item, names) for item in items):
            yield start, end, [("lead", start, end)]


#: An institute or a university, which a duty line's organ form does not end with.
_INSTITUTE_RE = re.compile(r"[\u4e00-\u9fff]{2,}(?:大学|学院|研究院|研究所|科学院)$")
#: A kind of company or centre, no particular one: "保险公司", "项目公司", "服务中心".
_KIND_RE = re.compile(r"^[\u4e00-\u9fff]{2}(?:公司|中心|集团)$")


def _charged(item: str, names: Names) -> bool:
    """A unit "由…负责" may charge: one the registry knows, else a particular organ, institute or university."""
    if names.known(item):
        return True
    if _KIND_RE.match(item) or _generic(item):
        return False
    return _organ(item, names) or bool(_INSTITUTE_RE.search(item)) and not _NOT_A_NAME_RE.search(item)


def _items(text: str, start: int, end: int) -> list[str]:
    """The items of a field, a trailing 等 left out ("省、设区的市人民政府…主管部门" one)."""
    items = []
    for s, e in merge_levels(text, _split(text, start, end, "、")):
        s, e = _strip(text, s, e)
        item = _ETC_RE.sub("", text[s:e])
        if item:
            items.append(item)
    return items

"""Chinese responsibility lists, recognised by their form and read item by item, every item kept.

A plan closes a measure with the units that carry it out: "(责任单位:市生态环境局、自然资源局…等按职责分工
负责)", "(X牵头,Y按职责分工负责)", "(牵头单位:…;配合单位:…)", a bare bracket of unit names at the end
of a sentence, a keyed line ("承办处室:…", "牵头:…"), a line that starts with its units and says what they do
("水生态环境处配合开展…", "市发展改革委:负责…"; unit_duties.py), a sentence that names them before its task ("由X牵头,
Y…等部门参与", "由X负责…"; unit_sentences.py), or a table's column of units under a header naming who acts ("实施主体",
"负责部门"; a column of figures or applicants is not one). Each item is read against the unit registry; what the registry does not know is still a
unit — a bureau, a division (…处), a centre, a company, a zone's committee — with the jurisdiction its
prefix or its place in the list gives it, marked unresolved. Items naming no particular organ (各区人民政府,
有关部门, …成员单位) are generic participants. A region prefix carries to the following items of its
";" group, and a bare 省/市 is read in the region the group last named, so a list of a joint plan gives
each jurisdiction its own units. The first unit leads unless the list marks its leads (牵头) or
supporters (配合); an unknown first unit still leads. A document may declare another convention once
(`Convention`): every unit before the first comma leads, or the first unit named for each jurisdiction.

Input is NORMALISED text; offsets are into it.

Length (about 490 lines, kept whole on purpose): finding the lists of every form and reading one list share one
reader (`_Reader`), with the region a list has named so far, the roles its keys and markers give and the labels of
the units the registry does not know; apart, the finders would reach into the reader's state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.extract.unit_duties import duty_lines
from policykg.extract.unit_forms import (
    ALIAS_RE,
    ARTICLE_TITLE_RE,
    CONJUNCTIONS,
    GROUP_SEPARATORS,
    INLINE_ROLE_RE,
    ITEM_SEPARATORS,
    JUNK_RE,
    KEY_RE,
    LIST_TAIL_RE,
    LOCAL_BODY_RE,
    MAX_ITEM,
    NO_ITEM_RE,
    NO_REGION_PREFIX,
    NOT_A_LIST_RE,
    NOT_ROW_HEADER_RE,
    NOTE_RE,
    ROW_HEADER_RE,
    SEGMENT_SEPARATORS,
    SHARED_PREFIX_RE,
    SHORT_KEYS,
    STRONG_TAIL_RE,
    TIME_NOTE_RE,
    UNIT_FORM_RE,
    UNIT_KEYS,
    YOUTH_LEAGUE_RE,
    Cell,
    Convention,
    UnitHit,
    UnitList,
    _brackets,
    _chunks,
    _clean_item,
    _closes_sentence,
    _core,
    _digest,
    _generic,
    _inside,
    _line_end,
    _marker,
    _merge_generic,
    _merge_prefixes,
    _split,
    _split_joined,
    _split_spaced,
    _strip,
    _unit_hit,
    actor_role,
    is_unit_key,
    key_name,
    table_rows,
)
from policykg.extract.unit_sentences import (
    answering_sentences,
    charged_sentences,
    field_sentences,
    led_sentences,
    party_sentences,
    referred_sentences,
    seated_sentences,
)
from policykg.ontology.units import RELATIVE_PREFIXES, Resolution, UnitRegistry


def _cuts(item: str, glued: bool) -> Iterator[tuple[int, int]]:
    """(where, how long) of each place an item may hold two units: a conjunction ("A和B"), then, where the item is as
    printed (`glued`), a relative prefix with nothing before it ("市发改委市工信局": units a text layer printed with
    nothing between them, each with its own prefix)."""
    for conj in CONJUNCTIONS:
        at = item.find(conj)
        while at > 0:
            yield at, len(conj)
            at = item.find(conj, at + 1)
    if glued:
        yield from ((at, 0) for at in range(3, len(item) - 2) if item.startswith(tuple(RELATIVE_PREFIXES), at))


#: The last character of a unit's name: a bracket after it names a part or another name of that unit.
UNIT_END = frozenset("部委局厅办司处室院")


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    marked: str | None  # the role the list marks it with
    resolution: Resolution | None = None
    generic: bool = False
    region: str = "CN"  # where an unresolved or generic item belongs


# =================================================================================================
# finding lists
# =================================================================================================
def find_unit_lists(text: str, jurisdiction: str | None, convention: Convention = Convention.FIRST) -> list[UnitList]:
    """The responsibility lists of a Chinese text: "(责任单位:…)", "(…按职责分工负责)", "(X牵头,…)",
    a bracket of unit names closing a sentence, a table row's columns of units, and "责任单位:…" lines."""
    registry = UnitRegistry.load()
    jurisdiction = jurisdiction if jurisdiction and registry.region(jurisdiction) else "CN"
    reader = _Reader(text, jurisdiction, registry, convention)
    lists: list[UnitList] = []
    taken: list[tuple[int, int]] = []
    for start, end in _brackets(text):
        if ARTICLE_TITLE_RE.search(text, max(0, start - 12), start + 1):
            continue  # "第十六条【社会参与】": an article's title
        body_start, body_end = _strip(text, start + 1, end - 1)
        body = _core(text[body_start:body_end])
        keyed = bool(KEY_RE.match(body))
        tailed = bool(LIST_TAIL_RE.search(body))
        closing = _closes_sentence(text, start, end)
        clause_end = text[end : end + 1] in ",，"  # "…项目建设(市发改委、市工信局),加快…": known units only
        if not (keyed or tailed or closing or clause_end) or (not keyed and NOT_A_LIST_RE.search(body)):
            continue
        unit_list = reader.read(body_start, body_end, start, end)
        if not (keyed or tailed) and _qualifier(text, start, unit_list, reader):
            continue
        if not (keyed or tailed or closing) and not (
            len(unit_list.hits) >= 2 and all(h.resolved and h.confidence > 0.7 for h in unit_list.hits)
        ):
            continue  # mid-sentence, only two or more units the registry knows by name (not bare regions)
        if _accept(unit_list, keyed or bool(STRONG_TAIL_RE.search(body)), tailed):
            lists.append(unit_list)
            taken.append((start, end))
    for row in table_rows(text):  # "序号:1;重点任务:…;实施主体:市发改委;完成时限:…": a table's row
        unit_list = _row_list(reader, row, taken)
        if unit_list is not None:
            lists.append(unit_list)
            taken.append((unit_list.start, unit_list.end))
    for match in KEY_RE.finditer(text):  # "责任单位:…" on its own, outside brackets; "牵头:…" starting a line
        if not _line_key(text, match) or _inside(match.start(), taken):
            continue
        end = _key_lines_end(text, match.start())
        unit_list = reader.read(match.start(), end, match.start(), end)
        if (unit_list.hits or unit_list.participants) and (key_name(match) in UNIT_KEYS or _all_units(unit_list)):
            lists.append(unit_list)
            taken.append((match.start(), end))
    # statements naming their units in a sentence, read in this order, each outside the lists read before it (the
    # generators run only when their turn comes, so each sees `taken` as the forms before it left it); what a
    # statement must yield to be a list: named units (hits), generic participants only (generic), or either (any)
    statements = (
        (led_sentences(text, taken, reader), "hits"),  # "由X牵头,Y…等部门参与"
        (charged_sentences(text, taken, reader), "any"),  # "由X负责…", "由X会同Y…"
        (referred_sentences(text, taken), "generic"),  # "X的项目申报由本单位负责…", "…由高校负责…"
        (seated_sentences(text, taken, reader), "hits"),  # "X作为…牵头单位", "办公室设在X,负责…"
        (answering_sentences(text, taken), "generic"),  # "各级政府要对…负总责", "…是…责任主体"
        (party_sentences(text, taken), "generic"),  # "项目申报单位应…", "建设单位应强化首要责任"
        (field_sentences(text, taken), "any"),  # "发展改革、生态环境…等部门按照职责分工,…"
    )
    for found, yields in statements:
        for start, end, fields in list(found):
            unit_list = reader.read(start, end, start, end, fields)
            if _yields(unit_list, yields):
                lists.append(unit_list)
                taken.append((start, end))
    for duty in list(duty_lines(text, taken, reader)):  # "水生态环境处配合开展…", "市发展改革委:负责…"
        unit_list = reader.read(duty.start, duty.end, duty.start, duty.end, duty.fields)
        if unit_list.hits or unit_list.participants:  # a closing "(配合单位:…)" joins the line's list
            lists = [u for u in lists if not duty.start <= u.start < duty.end] + [unit_list]
    return sorted(lists, key=lambda u: u.start)


def _yields(unit_list: UnitList, what: str) -> bool:
    """Whether a statement read as `unit_list` holds what its form must yield: "hits" (named units), "generic" (generic
    participants and no named unit), "any" (either)."""
    if what == "hits":
        return bool(unit_list.hits)
    if what == "generic":
        return bool(unit_list.participants) and not unit_list.hits
    return bool(unit_list.hits or unit_list.participants)


def _qualifier(text: str, start: int, unit_list: UnitList, reader: _Reader) -> bool:
    """A bare bracket of one name right after a word says what the word is, it assigns nothing: an unknown name or a
    region ("自来水厂(公司)", "西江流域(广西段)", "公示系统(河南)", "报送我厅(节能与综合利用处)"), or any name after a
    unit's ("生态环境部(气候司)"); an unknown name with a 省/市/区/县 prefix and an organ's ending is still a list."""
    named = [*unit_list.hits, *unit_list.participants]
    if len(named) != 1 or start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff":
        return False
    hit = named[0]
    name = "".join(hit.surface.split())
    if text[start - 1] in UNIT_END or reader.place(name):
        return True
    prefixed = any(name.startswith(p) for p in RELATIVE_PREFIXES) and LOCAL_BODY_RE.search(name)
    return not hit.resolved and not prefixed  # "…(市口岸物流办)": a unit of the text's own region still assigns


def _line_key(text: str, match: re.Match[str]) -> bool:
    """A unit key anywhere; a short key ("牵头:", "配合:") only where it starts a line."""
    if key_name(match) in UNIT_KEYS:
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1
    return key_name(match) in SHORT_KEYS and not text[line_start : match.start()].strip(" \t\u3000")


def _row_list(reader: _Reader, row: list[Cell], taken: list[tuple[int, int]]) -> UnitList | None:
    """The cells of a table's row whose header names who acts ("实施主体", "承办处室", "配合部门") as one list,
    each field with the role its header gives; a header that is no key needs every item to have a unit's form."""
    chunks: list[tuple[str | None, int, int]] = []
    starts: list[int] = []
    for header, start, value_start, end in row:
        if _inside(start, taken) or not ROW_HEADER_RE.search(header) or NOT_ROW_HEADER_RE.search(header):
            continue
        key = KEY_RE.fullmatch(header + ":")
        if key is None or not is_unit_key(key.group(1)):
            alone = reader.read(value_start, end, start, end)
            if not (alone.hits or alone.participants) or not _all_units(alone, strict=True) or not all(
                UNIT_FORM_RE.search(p.surface) or p.surface.endswith(("部门", "单位")) for p in alone.participants
            ):
                continue  # "责任分工:各地按要求推进" names no unit
        chunks.append((actor_role(header), value_start, end))
        starts.append(start)
    if not chunks:
        return None
    unit_list = reader.read(starts[0], chunks[-1][2], starts[0], chunks[-1][2], chunks)
    return unit_list if unit_list.hits or unit_list.participants else None


def _accept(unit_list: UnitList, certain: bool, tailed: bool) -> bool:
    """A keyed or formula-closed bracket is a list; one closed by 负责/牵头 needs a known unit or items of
    a unit's form; a bare bracket closing a sentence needs named items that all have a unit's form."""
    if certain:
        return True
    if tailed and any(h.resolved for h in unit_list.hits):
        return True
    named = unit_list.hits or (tailed and unit_list.participants)
    return bool(named) and _all_units(unit_list)


def _all_units(unit_list: UnitList, strict: bool = False) -> bool:
    """Every named item has a unit's form (or resolves): what a bracket of names without a key needs; `strict`:
    a name of three characters at least ("处", "所" are measures in a table's unit column)."""
    return all(h.resolved or (UNIT_FORM_RE.search(h.surface) and (not strict or len(h.surface) >= 3))
               for h in unit_list.hits)


def _key_lines_end(text: str, start: int) -> int:
    """A keyed list outside brackets runs to its line's end, and on over lines that start with a unit key
    ("牵头单位:…" then "配合单位:…")."""
    end = _line_end(text, start)
    key = KEY_RE.match(text, start)
    if key and not text[key.end() : end].strip() and end < len(text) and text[end] == "\n":
        end = _line_end(text, end + 1)  # "责任单位:" ends its line, the units fill the next
    while end < len(text) and text[end] == "\n":
        nxt = KEY_RE.match(text, end + 1)
        if not nxt or not is_unit_key(nxt.group(1)):
            break
        end = _line_end(text, end + 1)
    return end


# =================================================================================================
# reading one list
# =================================================================================================
class _Reader:
    def __init__(self, text: str, jurisdiction: str, registry: UnitRegistry, convention: Convention) -> None:
        self.text, self.jurisdiction, self.registry, self.convention = text, jurisdiction, registry, convention
        self.named: list[str] = []

    def known(self, name: str) -> bool:
        return self.registry.resolve_detail(name, self.jurisdiction, self.jurisdiction) is not None

    def place(self, name: str) -> bool:
        return name in RELATIVE_PREFIXES or self.registry.region_named(name, self.jurisdiction) is not None

    def read(self, body_start: int, body_end: int, start: int, end: int,
             fields: list[tuple[str | None, int, int]] | None = None) -> UnitList:
        """The list in [body_start, body_end), its keyed fields found by `KEY_RE` (or given: a table row's)."""
        text = self.text
        period = text.find("。", body_start, body_end)
        body_end = period if period >= 0 and fields is None else body_end  # "…负责。各项工作均需…": a note follows
        items: list[_Item] = []
        first_comma: int | None = None
        self.named = []  # the regions the list has named so far, in order
        chunks = fields if fields is not None else list(_chunks(text, body_start, body_end))
        roles = [role for role, _, _ in chunks]
        for n, (key_role, c_start, c_end) in enumerate(chunks):
            if key_role is None and "support" in roles[n + 1 :] and "lead" not in roles:
                key_role = "lead"  # "责任单位:X,配合单位:Y": the named field before the supporters leads
            field_start = len(items)
            for group in _split(text, c_start, c_end, GROUP_SEPARATORS):
                context = self.jurisdiction  # a region prefix carries to the end of its ";" group
                for segment in _split(text, *group, SEGMENT_SEPARATORS):
                    if first_comma is None and items:
                        first_comma = len(items)
                    parts = _split(text, *segment, ITEM_SEPARATORS)
                    parts = _merge_prefixes(text, _merge_generic(text, _split_spaced(text, _split_joined(text, parts))))
                    marker = _marker(text, *parts[-1]) if parts else None
                    if marker == "lead" and key_role is None:  # "(广东银保监局、广东证监局,深圳银保监局、深圳证监局牵头,…)"
                        for before in items[field_start:]:
                            before.marked = before.marked or "lead"
                    for i_start, i_end in parts:
                        s, e = _clean_item(text, i_start, i_end)
                        core = NOTE_RE.sub("", text[s:e])  # "各市(含定州、辛集市,下同)相关主管部门": a note inside
                        if JUNK_RE.search(core):
                            break  # a note runs to its segment's end
                        if not core.strip() or NO_ITEM_RE.search(core) or TIME_NOTE_RE.match(text, s, e) or e - s > MAX_ITEM:
                            continue
                        inline = INLINE_ROLE_RE.search(text, s, e)  # "省生态环境厅(牵头)"
                        role = marker or key_role
                        if inline:
                            e, role = inline.start(), "lead" if inline.group(1) in ("牵头", "主责") else "support"
                        for item in self._item(s, e, role, context):
                            if item.resolution and item.resolution.region:
                                context = item.resolution.region
                                self.named.append(context)
                            elif item.resolution is None and not item.generic and item.region != self.jurisdiction:
                                context = item.region
                            items.append(item)
        return self._list(items, start, end, first_comma)

    def _item(self, s: int, e: int, marked: str | None, context: str) -> list[_Item]:
        name = "".join(self.text[s:e].split())
        if marked == "generic":  # a field of generic participants ("会同海洋渔业、自然资源和有关部门" after generic ones)
            return [_Item(s, e, None, None, True, context)]
        if _generic(name):
            return [_Item(s, e, marked, None, True, context)]
        resolved = self._resolve(s, e, context)
        if resolved:
            return [_Item(rs, re_, marked, r, False, r.unit.jurisdiction) for rs, re_, r in resolved]
        government = self.registry.government(name, context)
        if government:
            return [_Item(s, e, marked, government, False, government.unit.jurisdiction)]
        return [_Item(s, e, marked, None, False, self._region_of(name, context))]

    def _resolve(self, start: int, end: int, context: str) -> list[tuple[int, int, Resolution]]:
        """The item read against the registry: a relative prefix in the region the group last named, then
        in the document's; "A和B" split only where both sides are units."""
        item = self.text[start:end]
        shared = SHARED_PREFIX_RE.match("".join(item.split()))
        if shared:  # "市、区机管局" → 市机管局
            item = shared.group(1) + shared.group(3)
        found = self._in_named(item)
        if found is None and context != self.jurisdiction:
            found = self.registry.resolve_detail(item, context, context)
        found = found or self.registry.resolve_detail(item, self.jurisdiction, context)
        alias = ALIAS_RE.search(item)
        if found is None and alias:  # "省发展改革委(能源局)", "自治区交通运输厅〔铁建办〕": the unit before the alias
            inner = self._resolve(start, start + alias.start(), context)
            found = inner[0][2] if len(inner) == 1 else None
        if found:
            return [(start, end, found)]
        for at, gap in _cuts(item, glued=item == self.text[start:end]):
            left = self.registry.resolve_detail(item[:at], self.jurisdiction, context)
            right = self._resolve(start + at + gap, end, left.region if left.region else context) if left else []
            if left and right:
                return [(start, start + at, left), *right]
        return []

    def _in_named(self, item: str) -> Resolution | None:
        """A bare 省/市 prefix in a list that names regions ("重庆市发展改革委、四川省发展改革委、市经济信息委、
        省经济和信息化厅") belongs to the last region named at its level: 市 to 重庆市, 省 to 四川省."""
        prefix = next((p for p in sorted(RELATIVE_PREFIXES, key=len, reverse=True) if item.startswith(p)), None)
        if prefix is None:
            return None
        for region in reversed(dict.fromkeys(self.named)):
            if _relative(self.registry, prefix, region) == region:
                found = self.registry.resolve_detail(item, region, region)
                if found:
                    return found
        return None

    def _region_of(self, name: str, context: str) -> str:
        """The region an unknown unit belongs to: the region its prefix names, else the list's context."""
        for cut in range(min(len(name) - 1, 12), 1, -1):
            region = self.registry.region_named(name[:cut], context)
            if region:
                return region
        for prefix in sorted(RELATIVE_PREFIXES, key=len, reverse=True):
            if name.startswith(prefix) and len(name) > len(prefix) + 1:
                for where in (context, self.jurisdiction):
                    found = _relative(self.registry, prefix, where)
                    if found:
                        return found
        league = YOUTH_LEAGUE_RE.match(name)
        if league:
            return _relative(self.registry, league.group(1), context) or context
        return context

    def _list(self, items: list[_Item], start: int, end: int, first_comma: int | None) -> UnitList:
        unit_list = UnitList(start, end)
        roles = _roles(items, self.convention, first_comma, self.registry)
        seen: set[str] = set()
        for item, role in zip(items, roles, strict=True):
            surface = self.text[item.start : item.end]
            if item.generic:
                unit_list.generic.append((item.start, item.end, surface))
            elif item.resolution is None:
                unit_list.unresolved.append((item.start, item.end, surface))
            hit = self._hit(item, role, start, end)
            if hit.unit_id in seen:
                continue
            seen.add(hit.unit_id)
            (unit_list.participants if item.generic else unit_list.hits).append(hit)
        return unit_list

    def _hit(self, item: _Item, role: str, start: int, end: int) -> UnitHit:
        surface = self.text[item.start : item.end]
        if item.resolution is not None:
            unit, confidence = item.resolution.unit, item.resolution.confidence
            return _unit_hit(surface, item.start, item.end, unit, role, confidence, start, end)
        name = "".join(surface.split())
        if item.generic:
            unit_id = f"{item.region.lower()}.generic-{_digest(name)}"
            return UnitHit(item.start, item.end, unit_id, name, surface, item.region, "generic", 0.7, start, end, False)
        label = unresolved_label(self.registry, name, item.region)
        unit_id = f"{item.region.lower()}.x-{_digest(label)}"
        return UnitHit(item.start, item.end, unit_id, label, surface, item.region, role, 0.6, start, end, False)


def unresolved_label(registry: UnitRegistry, name: str, region_id: str) -> str:
    """A canonical name for a unit the registry does not know: its region written in full ("市机管局" in
    Wuhan → 武汉市机管局, "团市委" → 共青团武汉市委员会); a name without prefix takes the region of its
    list when it names a local body; national bodies and companies stay as written."""
    region = registry.region(region_id)
    if region is None or region.id == "CN" or name.startswith(NO_REGION_PREFIX):
        return name
    league = YOUTH_LEAGUE_RE.match(name)
    if league:
        return f"共青团{region.zh}委员会"
    for prefix in sorted(RELATIVE_PREFIXES, key=len, reverse=True):
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return region.zh + name[len(prefix) :] if _relative(registry, prefix, region.id) == region.id else name
    if any(name.startswith(n) for n in (region.zh, *region.short)) or any(
        name.startswith(a.zh) or any(name.startswith(s) for s in a.short) for a in registry.ancestors(region.id)
    ):
        return name
    return region.zh + name if LOCAL_BODY_RE.search(name) else name


def _relative(registry: UnitRegistry, prefix: str, jurisdiction: str) -> str | None:
    levels = RELATIVE_PREFIXES.get(prefix, ())
    for region in registry.ancestors(jurisdiction):
        if region.level in levels:
            return region.id
    return None


def _roles(items: list[_Item], convention: Convention, first_comma: int | None, registry: UnitRegistry) -> list[str]:
    """Marked leads lead and the other named units support (a generic participant marked 牵头 stays generic, and no
    other unit is promoted in its place). Without a marked lead the convention picks
    the leads: the first named unit (known to the registry or not), the units before the first comma, or
    the first unit of each jurisdiction. Generic participants are generic."""
    roles = ["generic" if item.generic else "support" for item in items]
    named = [i for i, item in enumerate(items) if not item.generic]
    if any(item.marked == "lead" for item in items):  # a generic lead too ("珠三角各地级以上市政府牵头,省发展改革委…配合")
        return ["lead" if items[i].marked == "lead" and not items[i].generic else roles[i] for i in range(len(items))]
    unmarked = [i for i in named if items[i].marked != "support"]
    if not unmarked:
        return roles
    if convention == Convention.BEFORE_COMMA and first_comma:
        for i in unmarked:
            if i < first_comma:
                roles[i] = "lead"
        if "lead" in roles:
            return roles
    if convention == Convention.PER_JURISDICTION:
        seen: set[str] = set()
        for i in unmarked:
            top = _top_region(registry, items[i].region)
            if top not in seen:
                seen.add(top)
                roles[i] = "lead"
        return roles
    roles[unmarked[0]] = "lead"
    return roles


def _top_region(registry: UnitRegistry, region_id: str) -> str:
    chain = registry.ancestors(region_id)
    return chain[-2].id if len(chain) >= 2 else region_id

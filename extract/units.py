"""Responsible units named in a clause: who leads, who supports, who is merely mentioned.

Chinese plans close a measure with the units that carry it out — "(责任单位:市生态环境局、自然资源局、
农业农村局、发改委、工信局等按职责分工负责)", "(生态环境部、国家发展改革委…按职责分工负责)", "(X牵头,Y按职责
分工负责)". Such a list is read item by item against the unit registry: a region prefix (市, 省, 重庆市)
carries to the following items of its group, so "市工信局、发改委" are both city bureaus, and a ";"
starts a new group. The first unit is the lead unless the list says who leads (牵头); the others support.
Units named anywhere else are "mentioned" (汕尾's 市碳达峰碳中和工作领导小组 coordinates, it is not
assigned a measure). English text names central units in full ("the Ministry of Ecology and
Environment, in conjunction with … the National Development and Reform Commission") and resolves to the
same ids as the Chinese names.

Input is NORMALISED text (simplified, full-width ASCII folded); the full-width forms are accepted too,
since they are single characters and cannot shift an offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from policykg.extract.nlp import register_user_words
from policykg.ontology.units import PARTY_PREFIX, RELATIVE_PREFIXES, Resolution, Unit, UnitRegistry

EXTRACTOR = "policykg.extract.units"

# --- Chinese responsibility lists ------------------------------------------------------------------
OPEN, CLOSE = "(（", ")）"
UNIT_KEYS = {
    "责任单位": None, "责任部门": None, "主责单位": None, "责任主体": None, "实施单位": None,
    "牵头单位": "lead", "牵头部门": "lead", "主办单位": "lead",
    "配合单位": "support", "配合部门": "support", "参与单位": "support", "协办单位": "support",
    "协同单位": "support",
}
OTHER_KEYS = ("完成期限", "完成时限", "完成时间", "时间节点", "时限要求", "时限", "进度安排")
KEY_RE = re.compile("(" + "|".join(sorted([*UNIT_KEYS, *OTHER_KEYS], key=len, reverse=True)) + r")\s*[:：]")
#: How a list closes: "…等按职责分工负责", "…牵头负责", "…负责", "…按职责分工落实".
LIST_TAIL_RE = re.compile(r"(?:按职责分工|按职责|依职责|分别|共同)?(?:牵头)?(?:负责|落实)$|牵头$")
#: A closing formula only a responsibility list has: such a list is kept even when no name in it resolves,
#: so that names missing from the registry show up in `UnitList.unresolved` instead of vanishing.
STRONG_TAIL_RE = re.compile(r"(?:按职责分工|按职责|依职责)(?:负责|落实)$")
#: What follows a unit inside a list: "等", "等部门", the closing formula, a role word.
ITEM_TAIL_RE = re.compile(
    r"(?:等(?:部门|单位)?)?(?:按职责分工|按职责|依职责|分别|共同)?"
    r"(?P<role>牵头|参与|配合|协助|参加|协同)?(?:负责|落实)?$"
)
GROUP_SEPARATORS = ";；"
SEGMENT_SEPARATORS = ",，"
ITEM_SEPARATORS = "、"
CONJUNCTIONS = ("以及", "和", "及", "与")
MEMBER_SUFFIX = "成员单位"
#: Items that name a set of units, not one: 各有关部门, 各县(市、区)人民政府, 地方.
GENERIC_RE = re.compile(r"^(?:各|有关|相关|其他|其它|地方|市直|省直|区直|县直|中央和国家机关)|(?:有关|相关)(?:部门|单位)$")
MAX_ITEM = 40

# --- Chinese mentions -------------------------------------------------------------------------------
#: A relative prefix after one of these is part of another word: 城市, 直辖市, 地级市, 各省, 县市.
LEFT_BLOCK = frozenset("城都辖县各地级区镇乡州盟全省每两外他该")
#: A name followed by one of these is part of another word: 生态环境部门, 市委书记, 市委常委.
RIGHT_BLOCK = frozenset("门书常副长员")
TITLE_RE = re.compile(r"《[^《》]*》")

# --- English ----------------------------------------------------------------------------------------
EN_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
EN_SENTENCE_RE = re.compile(r"[^.;!?\n]+(?:[.;!?]+|\n|$)")
EN_SUPPORT_CUE = re.compile(
    r"\b(?:in conjunction with|together with|jointly with|in cooperation with|in coordination with|"
    r"with the (?:support|cooperation|participation) of)\b",
    re.IGNORECASE,
)
EN_LEAD_AFTER = re.compile(
    r"\s*,?\s*(?:which\s+)?(?:shall|should|will|must|is to|are to|is responsible|are responsible|"
    r"takes? the lead|leads\b|has formulated|have formulated)",
    re.IGNORECASE,
)
EN_LEAD_BEFORE = re.compile(r"\b(?:led|headed|organi[sz]ed|coordinated)(?: and \w+)? by (?:the )?$", re.IGNORECASE)
EN_LIST_RE = re.compile(r"\(([^()]*?(?:responsib|division of (?:labou?r|duties))[^()]*)\)", re.IGNORECASE)
EN_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}$")
#: Acronyms that are also ordinary words in running text.
EN_ACRONYM_SKIP = frozenset({"MOST", "MOT"})

CONFIDENCE_EN = 0.85
CONFIDENCE_EN_ACRONYM = 0.8
CONFIDENCE_MENTION = 0.8


@dataclass(frozen=True, slots=True)
class UnitHit:
    """A unit named in `text` at [start, end), resolved against the registry."""

    start: int
    end: int
    unit_id: str
    label: str
    surface: str
    jurisdiction: str  # the unit's region id
    role: str  # "lead" | "support" | "mentioned"
    confidence: float
    list_start: int | None = None  # the responsibility list the hit belongs to, when it does
    list_end: int | None = None


@dataclass(slots=True)
class UnitList:
    """One responsibility list: its range in the text, the units it resolves to and what it could not."""

    start: int
    end: int
    hits: list[UnitHit] = field(default_factory=list)
    unresolved: list[tuple[int, int, str]] = field(default_factory=list)
    generic: list[tuple[int, int, str]] = field(default_factory=list)  # 各有关部门, 地方 …


# =================================================================================================
# public entry points
# =================================================================================================
def extract_units(text: str, jurisdiction: str | None, lang: str | None = None) -> list[UnitHit]:
    """Every unit `text` names, in reading order: list members as lead/support, others as mentioned.

    `jurisdiction` is the document's (or clause's) region id; `lang` "zh" or "en" (guessed when None).
    A unit that a list assigns is not repeated as a mention, and a unit mentioned twice is reported once.
    """
    registry = UnitRegistry.load()
    jurisdiction = jurisdiction if jurisdiction and registry.region(jurisdiction) else "CN"
    if (lang or _guess_lang(text)).startswith("en"):
        return _extract_en(text, registry)
    lists = find_unit_lists(text, jurisdiction)
    hits = [hit for unit_list in lists for hit in unit_list.hits]
    assigned = {hit.unit_id for hit in hits}
    skip = [(u.start, u.end) for u in lists] + [(m.start(), m.end()) for m in TITLE_RE.finditer(text)]
    for hit in _mentions_zh(text, jurisdiction, registry, skip):
        if hit.unit_id not in assigned:
            assigned.add(hit.unit_id)
            hits.append(hit)
    return sorted(hits, key=lambda h: (h.start, h.end))


def find_unit_lists(text: str, jurisdiction: str | None) -> list[UnitList]:
    """The responsibility lists of a Chinese text: "(责任单位:…)", "(…按职责分工负责)", "(X牵头,…)"."""
    registry = UnitRegistry.load()
    jurisdiction = jurisdiction if jurisdiction and registry.region(jurisdiction) else "CN"
    lists: list[UnitList] = []
    taken: list[tuple[int, int]] = []
    for start, end in _parentheses(text):
        body_start, body_end = _strip(text, start + 1, end - 1)
        body = text[body_start:body_end]
        keyed = bool(KEY_RE.match(body))
        if not keyed and not LIST_TAIL_RE.search(body):
            continue
        unit_list = _read_list(text, body_start, body_end, start, end, jurisdiction, registry)
        if unit_list.hits or unit_list.generic or keyed or STRONG_TAIL_RE.search(body):
            lists.append(unit_list)
            taken.append((start, end))
    for match in KEY_RE.finditer(text):  # "责任单位:…" on its own, outside brackets
        if match.group(1) not in UNIT_KEYS or _inside(match.start(), taken):
            continue
        end = _line_end(text, match.start())
        unit_list = _read_list(text, match.start(), end, match.start(), end, jurisdiction, registry)
        if unit_list.hits:
            lists.append(unit_list)
            taken.append((match.start(), end))
    return sorted(lists, key=lambda u: u.start)


def user_words() -> list[str]:
    """Every unit name, for the segmenter's user dictionary, so 市场监管局 is never cut after 市."""
    registry = UnitRegistry.load()
    words = set(registry.fixed_names()) | set(registry.contextual_names()) | registry.bare_names()
    for unit in registry.all_units():
        words.update(unit.names)
    return sorted(w for w in words if len(w) > 1)


# =================================================================================================
# Chinese lists
# =================================================================================================
def _read_list(
    text: str, body_start: int, body_end: int, start: int, end: int, jurisdiction: str, registry: UnitRegistry
) -> UnitList:
    unit_list = UnitList(start, end)
    found: list[tuple[int, int, Resolution, str | None]] = []  # (start, end, resolution, marked role)
    for key_role, c_start, c_end in _chunks(text, body_start, body_end):
        for group in _split(text, c_start, c_end, GROUP_SEPARATORS):
            context = jurisdiction  # a region prefix carries to the end of its ";" group
            for segment in _split(text, *group, SEGMENT_SEPARATORS):
                items = _split(text, *segment, ITEM_SEPARATORS)
                marker = _marker(text, *items[-1]) if items else None
                for i_start, i_end in items:
                    s, e = _clean_item(text, i_start, i_end)
                    if s >= e:
                        continue
                    resolved = _resolve_item(text, s, e, jurisdiction, context, registry)
                    if not resolved:
                        (unit_list.generic if _generic(text[s:e]) else unit_list.unresolved).append((s, e, text[s:e]))
                        continue
                    for r_start, r_end, resolution in resolved:
                        if resolution.region:
                            context = resolution.region
                        found.append((r_start, r_end, resolution, marker or key_role))
    roles = _roles([role for _, _, _, role in found])
    seen: set[str] = set()
    for (s, e, resolution, _), role in zip(found, roles, strict=True):
        unit = resolution.unit
        if unit.id in seen:
            continue
        seen.add(unit.id)
        unit_list.hits.append(_hit(text, s, e, unit, role, resolution.confidence, start, end))
    return unit_list


def _roles(marked: list[str | None]) -> list[str]:
    """Marked leads lead and everyone else supports; without a marked lead the first unmarked one leads."""
    if "lead" in marked:
        return ["lead" if m == "lead" else "support" for m in marked]
    roles = ["support"] * len(marked)
    for i, m in enumerate(marked):
        if m != "support":
            roles[i] = "lead"
            break
    return roles


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
        if key.group(1) in UNIT_KEYS:
            yield UNIT_KEYS[key.group(1)], key.end(), stop


def _marker(text: str, start: int, end: int) -> str | None:
    """The role a segment's closing words give all its units: 牵头 → lead, 配合/参与/协助 → support."""
    match = ITEM_TAIL_RE.search(text, start, end)
    role = match.group("role") if match else None
    if role == "牵头":
        return "lead"
    return "support" if role else None


def _clean_item(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _strip(text, start, end)
    if text.startswith("由", start):
        start += 1
    match = ITEM_TAIL_RE.search(text, start, end)
    if match and match.start() > start:
        end = match.start()
    return _strip(text, start, end)


def _resolve_item(
    text: str, start: int, end: int, jurisdiction: str, context: str, registry: UnitRegistry
) -> list[tuple[int, int, Resolution]]:
    item = text[start:end]
    if len(item) > MAX_ITEM:
        return []
    found = registry.resolve_detail(item, jurisdiction, context)
    if found:
        return [(start, end, found)]
    if item.endswith(MEMBER_SUFFIX):  # "领导小组办公室成员单位": the units the office coordinates
        found = registry.resolve_detail(item[: -len(MEMBER_SUFFIX)], jurisdiction, context)
        if found:
            return [(start, end, Resolution(found.unit, found.region, round(found.confidence * 0.9, 2), found.how))]
    for conj in CONJUNCTIONS:  # "国家发展改革委和生态环境部": split only where both sides are units
        at = item.find(conj)
        while at > 0:
            left = registry.resolve_detail(item[:at], jurisdiction, context)
            right_context = left.region if left and left.region else context
            right = _resolve_item(text, start + at + len(conj), end, jurisdiction, right_context, registry)
            if left and right:
                return [(start, start + at, left), *right]
            at = item.find(conj, at + 1)
    return []


def _generic(item: str) -> bool:
    return bool(GENERIC_RE.search(item))


# =================================================================================================
# Chinese mentions
# =================================================================================================
@dataclass(frozen=True, slots=True)
class _MentionIndex:
    surfaces: frozenset[str]
    national: frozenset[str]  # names that mean a central unit only in a national text
    lengths: dict[str, tuple[int, ...]]  # first character → candidate lengths, longest first


@cache
def _mention_index() -> _MentionIndex:
    """Every surface that names one unit by itself: fixed names and region-prefixed type names."""
    registry = UnitRegistry.load()
    surfaces = set(registry.fixed_names())
    prefixes: dict[str, str | None] = {p: r for p, r in registry.prefixes().items()}
    prefixes.update({p: None for p in RELATIVE_PREFIXES})
    for prefix, region_id in prefixes.items():
        region = registry.region(region_id) if region_id else None
        for unit_type in registry.types.values():
            levels = [region.name_level] if region and region.name_level else list(unit_type.names)
            names: set[str] = set()
            for level in levels:
                names.update(unit_type.bare_names(level, region.id if region else None))
                names.update(unit_type.misspelled.get(level, ()))
            if region is None:
                for own in unit_type.regional.values():
                    names.update(own)
            for name in names:
                surfaces.add(prefix + name)
                if unit_type.party:
                    surfaces.add(PARTY_PREFIX + prefix + name)
    national = frozenset(registry.contextual_names())
    lengths: dict[str, set[int]] = {}
    for surface in surfaces | national:
        lengths.setdefault(surface[0], set()).add(len(surface))
    return _MentionIndex(
        frozenset(surfaces), national, {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
    )


def _mentions_zh(
    text: str, jurisdiction: str, registry: UnitRegistry, skip: list[tuple[int, int]]
) -> Iterator[UnitHit]:
    index = _mention_index()
    national = jurisdiction == "CN"
    skip = sorted(skip)
    i, n = 0, len(text)
    while i < n:
        blocked = next((e for s, e in skip if s <= i < e), None)
        if blocked is not None:
            i = blocked
            continue
        step = 1
        for length in index.lengths.get(text[i], ()):
            surface = text[i : i + length]
            if len(surface) < length:
                continue
            if surface not in index.surfaces and not (national and surface in index.national):
                continue
            if not _bounded(text, i, i + length):
                continue
            found = registry.resolve_detail(surface, jurisdiction)
            if found is None:
                continue
            confidence = min(CONFIDENCE_MENTION, found.confidence)
            yield _hit(text, i, i + length, found.unit, "mentioned", confidence)
            step = length
            break
        i += step


def _bounded(text: str, start: int, end: int) -> bool:
    if end < len(text) and text[end] in RIGHT_BLOCK:
        return False
    relative = any(text.startswith(p, start) for p in RELATIVE_PREFIXES)
    return not (relative and start > 0 and text[start - 1] in LEFT_BLOCK)


# =================================================================================================
# English
# =================================================================================================
@dataclass(frozen=True, slots=True)
class _EnName:
    tokens: tuple[str, ...]
    unit_id: str
    acronym: bool


@cache
def _en_index() -> dict[str, list[_EnName]]:
    """First token (lower-cased) → the English names starting with it, longest first."""
    registry = UnitRegistry.load()
    index: dict[str, list[_EnName]] = {}
    for unit in registry.all_units():
        for name in unit.all_en:
            acronym = bool(EN_ACRONYM_RE.match(name))
            if not name or name in EN_ACRONYM_SKIP:
                continue
            tokens = tuple(_en_norm(t) for t in EN_TOKEN_RE.findall(name))
            if tokens:
                index.setdefault(tokens[0], []).append(_EnName(tokens, unit.id, acronym))
    for names in index.values():
        names.sort(key=lambda x: len(x.tokens), reverse=True)
    return index


def _en_norm(token: str) -> str:
    return token.replace("’", "'").lower()


def _extract_en(text: str, registry: UnitRegistry) -> list[UnitHit]:
    tokens = list(EN_TOKEN_RE.finditer(text))
    words = [_en_norm(t.group()) for t in tokens]
    index = _en_index()
    spans: list[tuple[int, int, Unit, float]] = []
    i = 0
    while i < len(tokens):
        for name in index.get(words[i], ()):
            size = len(name.tokens)
            if tuple(words[i : i + size]) != name.tokens:
                continue
            if name.acronym and tokens[i].group() != tokens[i].group().upper():
                continue
            unit = registry.by_id(name.unit_id)
            assert unit is not None
            confidence = CONFIDENCE_EN_ACRONYM if name.acronym else CONFIDENCE_EN
            spans.append((tokens[i].start(), tokens[i + size - 1].end(), unit, confidence))
            i += size - 1
            break
        i += 1
    hits: list[UnitHit] = []
    in_lists = [(m.start(), m.end()) for m in EN_LIST_RE.finditer(text)]
    for sentence in EN_SENTENCE_RE.finditer(text):
        members = [s for s in spans if sentence.start() <= s[0] < sentence.end()]
        if not members:
            continue
        listed = [s for s in members if _inside(s[0], in_lists)]
        roles = _en_roles(text, sentence.start(), sentence.end(), [m for m in members if m not in listed])
        if listed:
            roles.update(zip(listed, _roles([None] * len(listed)), strict=True))
        for member in members:
            s, e, unit, confidence = member
            hits.append(_hit(text, s, e, unit, roles.get(member, "mentioned"), confidence))
    return _dedupe(hits)


def _en_roles(
    text: str, start: int, end: int, members: list[tuple[int, int, Unit, float]]
) -> dict[tuple[int, int, Unit, float], str]:
    """Lead: the subject of "… shall/should …", "led by …", or who acts "in conjunction with" others;
    support: those named after "in conjunction with"; anyone else in the sentence is mentioned."""
    roles: dict[tuple[int, int, Unit, float], str] = {}
    cue = EN_SUPPORT_CUE.search(text, start, end)
    for member in members:
        s, e, _, _ = member
        if cue and s >= cue.end():
            roles[member] = "support"
        elif cue and e <= cue.start() and not text[e : cue.start()].strip(" ,"):
            roles[member] = "lead"  # "X, in conjunction with …"
        elif EN_LEAD_AFTER.match(text, e) or EN_LEAD_BEFORE.search(text[start:s]):
            roles[member] = "lead"
    return roles


# =================================================================================================
# shared helpers
# =================================================================================================
def _hit(
    text: str, start: int, end: int, unit: Unit, role: str, confidence: float,
    list_start: int | None = None, list_end: int | None = None,
) -> UnitHit:
    return UnitHit(
        start=start, end=end, unit_id=unit.id, label=unit.label, surface=text[start:end],
        jurisdiction=unit.jurisdiction, role=role, confidence=confidence,
        list_start=list_start, list_end=list_end,
    )


def _dedupe(hits: list[UnitHit]) -> list[UnitHit]:
    """Keep every lead/support hit; keep a mention only for a unit not otherwise named before."""
    assigned = {h.unit_id for h in hits if h.role != "mentioned"}
    seen: set[str] = set()
    out: list[UnitHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if hit.role == "mentioned":
            if hit.unit_id in assigned or hit.unit_id in seen:
                continue
            seen.add(hit.unit_id)
        out.append(hit)
    return out


def _parentheses(text: str) -> Iterator[tuple[int, int]]:
    """Outermost balanced bracket pairs, as [open, close + 1)."""
    depth, opened = 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                yield opened, i + 1


def _split(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Split [start, end) at separators outside brackets ("各县(市、区)" stays whole)."""
    parts: list[tuple[int, int]] = []
    depth, begin = 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE and depth:
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


def _guess_lang(text: str) -> str:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if cjk >= latin / 4 else "en"


# =================================================================================================
# spaCy
# =================================================================================================
class UnitsComponent:
    """spaCy pipeline component: `doc.spans["units"]`, one span per hit, label = role, kb_id = unit id.

    The jurisdiction is the component's, unless `doc.user_data["jurisdiction"]` names another.
    """

    def __init__(self, jurisdiction: str, lang: str | None) -> None:
        self.jurisdiction = jurisdiction
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        jurisdiction = doc.user_data.get("jurisdiction", self.jurisdiction)
        spans = []
        for hit in extract_units(doc.text, jurisdiction, self.lang):
            span = doc.char_span(hit.start, hit.end, label=hit.role, kb_id=hit.unit_id, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["units"] = spans
        return doc


@Language.factory(
    "policykg_units", default_config={"jurisdiction": "CN", "lang": None}, assigns=["doc.spans"]
)
def make_units_component(nlp: Language, name: str, jurisdiction: str, lang: str | None) -> UnitsComponent:
    return UnitsComponent(jurisdiction, lang or nlp.lang)


register_user_words("units", user_words)

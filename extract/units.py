"""Responsible units named in a clause: who leads, who supports, who takes part, who is merely mentioned.

Chinese plans close a measure with the units that carry it out — "(责任单位:市生态环境局、自然资源局、
农业农村局、发改委、工信局等按职责分工负责)", "(生态环境部、国家发展改革委…按职责分工负责)", "(X牵头,Y按职责
分工负责)". Such a list is recognised by its form and read item by item (extract/unit_lists.py): every
item is kept, resolved against the unit registry or kept unresolved with its jurisdiction; generic
participants (各区人民政府, 有关部门) are generic. The first unit leads unless the list says who leads (牵头)
or who supports (配合). Units named anywhere else are "mentioned" (汕尾's 市碳达峰碳中和工作领导小组
coordinates, it is not assigned a measure). English text names central units in full ("the Ministry of
Ecology and Environment, in conjunction with … the National Development and Reform Commission") and
resolves to the same ids as the Chinese names.

Input is NORMALISED text (simplified, full-width ASCII folded); the full-width forms are accepted too,
since they are single characters and cannot shift an offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from policykg.extract.nlp import register_user_words
from policykg.extract.scan import merged
from policykg.extract.unit_forms import Convention, UnitHit, UnitList, _inside, _unit_hit, declared_convention
from policykg.extract.unit_lists import find_unit_lists
from policykg.ontology.units import PARTY_PREFIX, RELATIVE_PREFIXES, Unit, UnitRegistry

__all__ = [
    "EXTRACTOR", "Convention", "UnitHit", "UnitList", "declared_convention", "extract_units", "find_unit_lists",
    "user_words",
]

EXTRACTOR = "policykg.extract.units"

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


# =================================================================================================
# public entry points
# =================================================================================================
def extract_units(
    text: str, jurisdiction: str | None, lang: str | None = None, convention: Convention = Convention.FIRST
) -> list[UnitHit]:
    """Every unit `text` names, in reading order: list members as lead/support (generic participants as
    generic), others as mentioned.

    `jurisdiction` is the document's (or clause's) region id; `lang` "zh" or "en" (guessed when None);
    `convention` who leads a list that marks no lead (`declared_convention` of the whole document).
    A unit that a list assigns is not repeated as a mention, and a unit mentioned twice is reported once.
    """
    registry = UnitRegistry.load()
    jurisdiction = jurisdiction if jurisdiction and registry.region(jurisdiction) else "CN"
    if (lang or _guess_lang(text)).startswith("en"):
        return _extract_en(text, registry)
    lists = find_unit_lists(text, jurisdiction, convention)
    hits = [hit for unit_list in lists for hit in [*unit_list.hits, *unit_list.participants]]
    assigned = {hit.unit_id for hit in hits}
    skip = [(u.start, u.end) for u in lists] + [(m.start(), m.end()) for m in TITLE_RE.finditer(text)]
    for hit in _mentions_zh(text, jurisdiction, registry, skip):
        if hit.unit_id not in assigned:
            assigned.add(hit.unit_id)
            hits.append(hit)
    return sorted(hits, key=lambda h: (h.start, h.end))


def user_words() -> list[str]:
    """Every unit name, for the segmenter's user dictionary, so 市场监管局 is never cut after 市."""
    registry = UnitRegistry.load()
    words = set(registry.fixed_names()) | set(registry.contextual_names()) | registry.bare_names()
    for unit in registry.all_units():
        words.update(unit.names)
    return sorted(w for w in words if len(w) > 1)


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
    skip = merged(skip)
    i, n, k = 0, len(text), 0
    while i < n:
        while k < len(skip) and skip[k][1] <= i:
            k += 1  # the ranges read past
        if k < len(skip) and skip[k][0] <= i:
            i = skip[k][1]
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
            roles.update((m, "lead" if i == 0 else "support") for i, m in enumerate(listed))
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
def _hit(text: str, start: int, end: int, unit: Unit, role: str, confidence: float) -> UnitHit:
    return _unit_hit(text[start:end], start, end, unit, role, confidence)


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


def _guess_lang(text: str) -> str:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if cjk >= latin / 4 else "en"


register_user_words("units", user_words)

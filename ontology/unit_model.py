"""The records of the unit registry (ontology/units.py): regions, units, kinds of local unit, resolutions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

#: The name levels a type gives names for; a region's level picks one (a municipality uses city names).
NAME_LEVEL = {"province": "province", "municipality": "city", "city": "city", "county": "county"}

#: Relative prefixes: which ancestor-or-self of the jurisdiction they name.
RELATIVE_PREFIXES: Mapping[str, tuple[str, ...]] = {
    "省": ("province",),
    "自治区": ("province",),
    "市": ("city", "municipality"),
    "县": ("county",),
    "区": ("county",),
}

#: The party prefix put before a region in the names of party organs: 中共三明市委宣传部.
PARTY_PREFIX = "中共"


@dataclass(frozen=True, slots=True)
class Region:
    """An administrative region: CN, a province-level region, a city or a county."""

    id: str
    zh: str
    en: str
    level: str  # "country" | "province" | "municipality" | "city" | "county"
    parent: str | None = None
    short: tuple[str, ...] = ()
    abbr: str | None = None

    @property
    def name_level(self) -> str | None:
        """The level whose unit names this region uses ("city" for a municipality); None for CN."""
        return NAME_LEVEL.get(self.level)


@dataclass(frozen=True, slots=True)
class Unit:
    """One organisation. `names` are every simplified-Chinese surface that denotes it on its own.

    A unit an institutional reform replaced keeps its own identity and label (a 2022 plan's 福建银保监局
    is 中国银行保险监督管理委员会福建监管局, never the body that took over in 2023): `successor` is the
    unit that took over its functions and `renamed` the ISO date it did.
    """

    id: str
    label: str  # canonical full name, simplified Chinese, with its jurisdiction ("三明市发展和改革委员会")
    names: tuple[str, ...]
    en: str  # canonical English name
    jurisdiction: str  # region id
    type: str | None  # local unit type ("fgw"); None for a central unit with a fixed identity
    parent: str | None  # unit id of the organisation it belongs to (org:subOrganizationOf)
    en_names: tuple[str, ...] = ()  # further English names and acronyms
    former: tuple[str, ...] = ()  # names it had before a reorganisation
    national: str | None = None  # for a local unit: the central unit of the same kind (cn.ndrc for fgw)
    kind: str = "unit"  # "unit" | "party" | "government" | "company"
    successor: str | None = None  # unit id of the body that replaced it
    renamed: str | None = None  # ISO date of that change

    @property
    def all_en(self) -> tuple[str, ...]:
        return (self.en, *self.en_names)


@dataclass(frozen=True, slots=True)
class UnitType:
    """One kind of local unit with its names per level ("province" / "city" / "county")."""

    id: str
    names: Mapping[str, tuple[str, ...]]
    en: Mapping[str, str]
    labels: Mapping[str, str] = field(default_factory=dict)
    national: str | None = None
    parent: str | None = None
    party: bool = False
    regional: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    misspelled: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    successor: str | None = None  # the type whose unit of the same region replaced this one
    renamed: str | None = None  # ISO date of that change
    kind: str = "unit"

    def bare_names(self, level: str, region_id: str | None = None) -> tuple[str, ...]:
        """Names without a region in them, for a level (and a region's own names first)."""
        own = self.regional.get(region_id, ()) if region_id else ()
        return tuple(dict.fromkeys((*own, *(n for n in self.names.get(level, ()) if "{" not in n))))

    def templates(self, level: str) -> tuple[str, ...]:
        return tuple(n for n in self.names.get(level, ()) if "{" in n)


@dataclass(frozen=True, slots=True)
class Resolution:
    """How a surface resolved: the unit, the region its prefix named (None without a prefix), a confidence."""

    unit: Unit
    region: str | None
    confidence: float
    how: str  # "name" | "prefix" | "inherited" | "national" | "other-level" | "misspelled" | "region"


def local_unit_id(region_id: str, type_id: str) -> str:
    """The canonical id of a region's unit of a type: "cn-fj-sanming.fgw"."""
    return f"{region_id.lower()}.{type_id}"


def expand(template: str, region: Region) -> str | None:
    if "{short}" in template and not region.short:
        return None
    return template.format(zh=region.zh, short=region.short[0] if region.short else "")


def claim(index: dict[str, str], name: str, type_id: str, where: str) -> None:
    if index.get(name, type_id) != type_id:
        raise ValueError(f"type name {name} ({where}) belongs to both {index[name]} and {type_id}")
    index[name] = type_id


def how(found: str, default: str) -> str:
    return default if found == "exact" else found


# --- the national gazetteer's divisions, for regions the registry does not list -------------------------
#: Region levels of the gazetteer's divisions, as the registry names them.
_GAZETTEER_LEVEL = {"city": "city", "county": "county"}


def gazetteer_region(region_id: str) -> Region | None:
    """A city or county of the national gazetteer (ingest/regions.py) as a registry region."""
    from policykg.ingest.regions import gazetteer

    entry = gazetteer().by_id(region_id)
    level = _GAZETTEER_LEVEL.get(entry.kind) if entry else None
    if entry is None or level is None:
        return None
    return Region(id=entry.id, zh=entry.full_name, en=entry.english, level=level, parent=entry.parent or "CN",
                  short=(entry.name,) if level == "city" and len(entry.name) > 1 else ())


def gazetteer_named(name: str, scope: set[str]) -> str | None:
    """The gazetteer division a name names: a city by its full or short name, or a county by its full name —
    the one inside `scope` (region ids: the jurisdiction and its ancestors) when several share the name."""
    from policykg.ingest.regions import gazetteer

    g = gazetteer()
    if len(name) < 2:
        return None
    city = g.cities.get(name)
    if city is None:
        city = next((g.cities[name[: -len(s)]] for s in ("市", "地区", "盟", "自治州")
                     if name.endswith(s) and name[: -len(s)] in g.cities
                     and g.cities[name[: -len(s)]].full_name == name), None)
    if city is not None:
        return city.id
    counties = g.counties.get(name, [])
    inside = [c for c in counties if c.province in scope or (c.city or "") in scope] or (
        counties if len(counties) == 1 else [])
    return inside[0].id if len(inside) == 1 else None


@cache
def gazetteer_ids() -> dict[str, str]:
    """Lower-cased region id (as unit ids carry it) → the gazetteer's region id."""
    from policykg.ingest.regions import gazetteer

    return {r.id.lower(): r.id for r in gazetteer().regions}

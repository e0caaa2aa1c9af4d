"""The unit registry: every responsible unit a policy can name, with one canonical id.

Policies name the same organisation in many ways (国家发展和改革委员会, 国家发展改革委, 发改委 in a national
text; 市发改委 or just 发改委 after 市工信局、 in a city's text). The data in units.toml lists the central
units by name and the local ones by TYPE (one entry per kind of bureau with its level-specific names);
this module turns that into concrete units for every region (`cn-fj-sanming.fgw` = 三明市发展和改革委员会)
and resolves a surface form, read in a jurisdiction, to one of them. Resolution is exact: a name is a
fixed name of one unit, or a region prefix (absolute 三明市/福建, relative 市/省) followed by a name of a
type at that region's level, or a bare type name read in the jurisdiction's own region. Nothing is
guessed from substrings, so 市场监管局 can never be read as 市 + 场监管局.

Regions units.toml does not list are the national gazetteer's (every city and county, ingest/regions.py):
such a division is adopted with its units when first asked for, so a plan of any city resolves its
bureaus; `all_units` and the reference graph keep to the listed regions. A unit an institutional reform
replaced stays a unit of its own with its own name, and names its successor and the date (银保监局 →
国家金融监督管理总局…监管局, 2023-07-20).

Length (about 450 lines): loading the data, generating every region's local units and resolving a name
work on the same tables (regions, types, names by level), and resolution must see every name the
generation made; the data model is apart in `unit_model`.

Length (about 450 lines, kept whole on purpose): expanding unit types into units per region and resolving
a surface form read in a jurisdiction use the same tables of names, types and prefixes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from policykg.ontology.unit_model import (
    NAME_LEVEL,
    PARTY_PREFIX,
    RELATIVE_PREFIXES,
    Region,
    Resolution,
    Unit,
    UnitType,
    claim,
    expand,
    gazetteer_ids,
    gazetteer_named,
    gazetteer_region,
    local_unit_id,
)
from policykg.ontology.unit_model import how as _how

__all__ = [
    "DATA", "NAME_LEVEL", "PARTY_PREFIX", "RELATIVE_PREFIXES", "Region", "Resolution", "Unit", "UnitRegistry",
    "UnitType", "local_unit_id",
]

DATA = Path(__file__).with_name("units.toml")



class UnitRegistry:
    """Regions, unit types and units, with name resolution. Build with `UnitRegistry.load()`."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.regions: dict[str, Region] = {}  # the regions units.toml lists
        self._adopted: dict[str, Region] = {}  # gazetteer divisions adopted on first use
        self._adopted_units: set[str] = set()
        self.types: dict[str, UnitType] = {}
        self._units: dict[str, Unit] = {}
        self._fixed: dict[str, tuple[str, float, str]] = {}  # surface → (unit id, confidence, how)
        self._contextual: dict[str, str] = {}  # national names that are also type names → unit id
        self._bare: dict[str, dict[str, str]] = {}  # name level → bare name → type id
        self._regional: dict[str, dict[str, str]] = {}  # region id → its own bare name → type id
        self._misspelled: dict[str, dict[str, str]] = {}  # name level → misspelled name → type id
        self._prefixes: dict[str, str] = {}  # absolute prefix (三明市, 三明) → region id
        self._region_names: dict[str, str] = {}  # any region name (lower-cased en too) → region id
        self._named: dict[tuple[str, str | None], str | None] = {}  # (prefix, jurisdiction) → gazetteer region
        self._load_regions(data.get("region", []))
        self._load_types(data.get("type", []))
        self._load_central(data.get("unit", []))
        self._generate_local()

    # ---------------------------------------------------------------------------------------------
    # loading
    # ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> UnitRegistry:
        """The registry read from units.toml (cached: every caller shares one instance)."""
        return _load(str(path or DATA))

    def _load_regions(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            region = Region(
                id=row["id"], zh=row["zh"], en=row["en"], level=row["level"], parent=row.get("parent"),
                short=tuple(row.get("short", ())), abbr=row.get("abbr"),
            )
            if region.id in self.regions:
                raise ValueError(f"region {region.id} listed twice")
            self.regions[region.id] = region
            for name in (region.id, region.zh, *region.short, region.abbr, region.en.lower()):
                if name:
                    self._region_names.setdefault(name, region.id)
            if region.level != "country":
                for name in (region.zh, *region.short):
                    if name in self._prefixes and self._prefixes[name] != region.id:
                        raise ValueError(f"region name {name} is ambiguous")
                    self._prefixes[name] = region.id
        for region in self.regions.values():
            if region.parent and region.parent not in self.regions:
                raise ValueError(f"region {region.id}: unknown parent {region.parent}")

    def _load_types(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            levels = {lv: tuple(row[lv]) for lv in ("province", "city", "county") if lv in row}
            unit_type = UnitType(
                id=row["id"], names=levels, en=dict(row.get("en", {})), labels=dict(row.get("label", {})),
                national=row.get("national"), parent=row.get("parent"), party=bool(row.get("party", False)),
                regional={k: tuple(v) for k, v in row.get("regional", {}).items()},
                aliases={k: tuple(v) for k, v in row.get("aliases", {}).items()},
                misspelled={k: tuple(v) for k, v in row.get("misspelled", {}).items()},
                successor=row.get("successor"), renamed=row.get("renamed"), kind=row.get("kind", "unit"),
            )
            self.types[unit_type.id] = unit_type
            for level in levels:
                for name in unit_type.bare_names(level):
                    claim(self._bare.setdefault(level, {}), name, unit_type.id, level)
            for region_id, names in unit_type.regional.items():
                if region_id not in self.regions:
                    raise ValueError(f"type {unit_type.id}: unknown region {region_id}")
                for name in names:
                    claim(self._regional.setdefault(region_id, {}), name, unit_type.id, region_id)
            for level, names in unit_type.misspelled.items():
                for name in names:
                    claim(self._misspelled.setdefault(level, {}), name, unit_type.id, level)

    def _load_central(self, rows: Iterable[Mapping[str, Any]]) -> None:
        bare_any = {name for names in self._bare.values() for name in names}
        for row in rows:
            names = tuple(row["names"])
            en = tuple(row.get("en", ()))
            unit = Unit(
                id=row["id"], label=names[0], names=names, en=en[0] if en else "", en_names=en[1:],
                jurisdiction=row.get("jurisdiction", "CN"), type=None, parent=row.get("parent"),
                former=tuple(row.get("former", ())), kind=row.get("kind", "unit"),
                successor=row.get("successor"), renamed=row.get("renamed"),
            )
            self._add(unit)
            for name in (*unit.names, *unit.former):
                if name in bare_any:
                    self._contextual[name] = unit.id
                else:
                    self._fix(name, unit.id, 0.95 if name in unit.names else 0.9, "name")

    def _generate_local(self) -> None:
        ordered = sorted(self.regions.values(), key=lambda r: self.depth(r.id))
        templated: list[tuple[str, str]] = []
        for region in ordered:
            templated.extend(self._generate_region(region))
        for surface, unit_id in templated:  # aliases and central names take precedence over templates
            if surface not in self._fixed and surface not in self._contextual:
                self._fix(surface, unit_id, 0.95, "name")
        for unit in self._units.values():
            if unit.parent and unit.parent not in self._units:
                raise ValueError(f"unit {unit.id}: unknown parent {unit.parent}")
            if unit.national and unit.national not in self._units:
                raise ValueError(f"unit {unit.id}: unknown national counterpart {unit.national}")
            if unit.successor and unit.successor not in self._units:
                raise ValueError(f"unit {unit.id}: unknown successor {unit.successor}")

    def _generate_region(self, region: Region) -> list[tuple[str, str]]:
        """Create the region's unit of every type that has names at its level; returns (template surface,
        unit id) pairs for the caller to fix once aliases have taken their names."""
        level = region.name_level
        templated: list[tuple[str, str]] = []
        if level is None:
            return templated
        for unit_type in self.types.values():
            if not (unit_type.names.get(level) or region.id in unit_type.regional or region.id in unit_type.aliases):
                continue
            unit = self._local_unit(unit_type, region, level)
            self._add(unit)
            for template in unit_type.templates(level):
                surface = expand(template, region)
                if surface:
                    templated.append((surface, unit.id))
            for alias in unit_type.aliases.get(region.id, ()):
                self._fix(alias, unit.id, 0.95, "name")
        return templated

    def _local_unit(self, unit_type: UnitType, region: Region, level: str) -> Unit:
        bare = unit_type.bare_names(level, region.id)
        templates = tuple(t for t in (expand(t, region) for t in unit_type.templates(level)) if t)
        first = unit_type.regional.get(region.id, unit_type.names.get(level, ("",)))[0]
        aliases = unit_type.aliases.get(region.id, ())
        if not unit_type.names.get(level) and region.id not in unit_type.regional and aliases:
            label = aliases[0]  # a unit only one region has, named in full ("人民银行福州中心支行")
        elif {region.id, region.level, level} & unit_type.labels.keys():  # a region's, a municipality's label first
            given = unit_type.labels.get(region.id) or unit_type.labels.get(region.level) or unit_type.labels[level]
            label = expand(given, region) or region.zh + bare[0]
        elif "{" in first:
            label = expand(first, region) or region.zh + bare[0]
        else:
            label = region.zh + first
        names = (label, *(region.zh + n for n in bare), *templates, *aliases)
        en_suffix = unit_type.en.get(level, "")
        return Unit(
            id=local_unit_id(region.id, unit_type.id), label=label, names=tuple(dict.fromkeys(names)),
            en=f"{region.en} {en_suffix}".strip(), jurisdiction=region.id, type=unit_type.id,
            parent=self._local_parent(unit_type, region), national=unit_type.national,
            kind="party" if unit_type.party else unit_type.kind,
            successor=self._successor(unit_type, region, level), renamed=unit_type.renamed,
        )

    def _successor(self, unit_type: UnitType, region: Region, level: str) -> str | None:
        after = self.types.get(unit_type.successor or "")
        if after is None:
            return None
        if after.names.get(level) or region.id in after.regional or region.id in after.aliases:
            return local_unit_id(region.id, after.id)
        return after.national

    def _local_parent(self, unit_type: UnitType, region: Region) -> str | None:
        spec = unit_type.parent
        if not spec:
            return None
        if spec in ("gov", "party"):
            return self._existing(local_unit_id(region.id, "gov" if spec == "gov" else "dw"))
        if spec.startswith("type:"):
            return self._existing(local_unit_id(region.id, spec[5:]))
        if spec == "up":
            up = region.parent
            while up and up != "CN":
                found = self._existing(local_unit_id(up, unit_type.id))
                if found:
                    return found
                known = self._known(up)
                up = known.parent if known else None
            return unit_type.national
        return spec

    def _existing(self, unit_id: str) -> str | None:
        return unit_id if unit_id in self._units else None

    def _add(self, unit: Unit) -> None:
        if unit.id in self._units:
            raise ValueError(f"unit {unit.id} defined twice")
        self._units[unit.id] = unit

    def _fix(self, name: str, unit_id: str, confidence: float, how: str) -> None:
        known = self._fixed.get(name)
        if known and known[0] != unit_id:
            raise ValueError(f"name {name} given to both {known[0]} and {unit_id}")
        self._fixed[name] = (unit_id, confidence, how)

    # ---------------------------------------------------------------------------------------------
    # lookup
    # ---------------------------------------------------------------------------------------------
    def by_id(self, unit_id: str) -> Unit | None:
        found = self._units.get(unit_id)
        if found is None and "." in unit_id:  # a unit of a division the registry adopts when first asked
            region_id = gazetteer_ids().get(unit_id.rsplit(".", 1)[0])
            if region_id and self._known(region_id) is None and self.region(region_id):
                found = self._units.get(unit_id)
        return found

    def counterpart(self, unit_id: str) -> str:
        """The central unit of the same kind ("cn-fj-sanming.fgw" → "cn.ndrc"); a central unit is its own.

        Lets a city bureau's measure be compared with the ministry's clause it implements.
        """
        unit = self._units.get(unit_id)
        return (unit.national or unit.id) if unit else unit_id

    def all_units(self) -> list[Unit]:
        """Every unit of the registry's own regions: the central ones, then the generated local ones by type
        and region (the units of divisions adopted from the gazetteer are found by `by_id` and resolution)."""
        return [u for u in self._units.values() if u.id not in self._adopted_units]

    def region(self, region_id: str) -> Region | None:
        """A region by id: the registry's own, else a division of the national gazetteer (every city and
        county), adopted with its units on first use so that a plan of any city resolves its bureaus."""
        found = self._known(region_id)
        return found if found is not None else self._adopt(region_id)

    def _known(self, region_id: str) -> Region | None:
        return self.regions.get(region_id) or self._adopted.get(region_id)

    def _adopt(self, region_id: str) -> Region | None:
        region = gazetteer_region(region_id)
        if region is None or region.parent is None:
            return None
        if self._known(region.parent) is None and self._adopt(region.parent) is None:
            return None
        self._adopted[region.id] = region
        for name in (region.id, region.zh, region.en.lower()):
            self._region_names.setdefault(name, region.id)
        known = set(self._units)
        templated = self._generate_region(region)
        self._adopted_units.update(set(self._units) - known)
        for surface, unit_id in templated:
            if surface not in self._fixed and surface not in self._contextual:
                self._fix(surface, unit_id, 0.95, "name")
        return region

    def region_named(self, name: str, jurisdiction: str | None) -> str | None:
        """The region a prefix names: a registry name (三明市, 福建), else a gazetteer city by its full or
        short name, or a county by its full name, preferring one inside the jurisdiction's province."""
        if name in self._prefixes:
            return self._prefixes[name]
        key = (name, jurisdiction)
        if key not in self._named:
            self._named[key] = self._gazetteer_named(name, jurisdiction)
        return self._named[key]

    def _gazetteer_named(self, name: str, jurisdiction: str | None) -> str | None:
        scope = {r.id for r in self.ancestors(jurisdiction)} if jurisdiction else set()
        found = gazetteer_named(name, scope)
        return found if found and self.region(found) else None

    def government(self, name: str, jurisdiction: str | None) -> Resolution | None:
        """A bare region name in a list of units ("金堂县、大邑县政府") stands for that region's government."""
        region_id = self.region_named("".join(name.split()), jurisdiction)
        unit = self._units.get(local_unit_id(region_id, "gov")) if region_id else None
        return Resolution(unit, region_id, 0.7, "region") if unit else None

    def region_id(self, name: str) -> str | None:
        """A region's id from its id, Chinese name, short name, abbreviation or English name."""
        name = name.strip()
        return self._region_names.get(name) or self._region_names.get(name.lower())

    def depth(self, region_id: str) -> int:
        n, current = 0, self._known(region_id)
        while current is not None and current.parent:
            n, current = n + 1, self._known(current.parent)
        return n

    def ancestors(self, region_id: str) -> list[Region]:
        """The region itself, then its parents up to CN; a division of the gazetteer is adopted as by
        `region()`, so that the answer never depends on which regions this process has met before."""
        out: list[Region] = []
        current = self.region(region_id)
        while current is not None:
            out.append(current)
            current = self.region(current.parent) if current.parent else None
        return out

    def fixed_names(self) -> dict[str, str]:
        """Surface → unit id for every name that denotes one unit wherever it is read."""
        return {name: unit_id for name, (unit_id, _, _) in self._fixed.items()}

    def contextual_names(self) -> dict[str, str]:
        """National names that are also local type names ("发改委"): national only in a national text."""
        return dict(self._contextual)

    def bare_names(self) -> set[str]:
        """Every type name without a region ("发改委", "工信局", "委宣传部")."""
        names = {n for level in self._bare.values() for n in level}
        names |= {n for region in self._regional.values() for n in region}
        names |= {n for level in self._misspelled.values() for n in level}
        return names

    def prefixes(self) -> dict[str, str]:
        """Absolute region prefixes (full and short names) → region id."""
        return dict(self._prefixes)

    # ---------------------------------------------------------------------------------------------
    # resolution
    # ---------------------------------------------------------------------------------------------
    def resolve(self, surface: str, jurisdiction: str | None) -> Unit | None:
        """The unit `surface` names when read in a document of `jurisdiction` (a region id)."""
        found = self.resolve_detail(surface, jurisdiction)
        return found.unit if found else None

    def resolve_detail(
        self, surface: str, jurisdiction: str | None, context: str | None = None
    ) -> Resolution | None:
        """Resolve with the reason. Relative prefixes (市/省) are read against `jurisdiction`; a name
        without prefix is a unit of `context` (defaults to the jurisdiction) — the region a list's
        earlier prefix carried to this item."""
        name = "".join(surface.split())
        if not name:
            return None
        jurisdiction = jurisdiction if jurisdiction and self.region(jurisdiction) else "CN"
        context = context if context and self.region(context) else jurisdiction
        fixed = self._fixed.get(name)
        if fixed:
            return Resolution(self._units[fixed[0]], None, fixed[1], fixed[2])
        prefixed = self._resolve_prefixed(name, jurisdiction)
        if prefixed:
            return prefixed
        assert context is not None
        local = self._type_unit(name, context)
        if local:
            unit, confidence, how = local  # read in the carried region: a little less sure than a prefix
            return Resolution(unit, None, round(confidence - 0.05, 2), _how(how, "inherited"))
        if context == "CN" and name in self._contextual:
            return Resolution(self._units[self._contextual[name]], None, 0.9, "national")
        return None

    def _resolve_prefixed(self, name: str, jurisdiction: str) -> Resolution | None:
        for cut in range(len(name) - 1, 0, -1):
            prefix, rest = name[:cut], name[cut:]
            party = prefix.startswith(PARTY_PREFIX) and len(prefix) > len(PARTY_PREFIX)
            if party:
                prefix = prefix[len(PARTY_PREFIX) :]
            region_id = self._prefix_region(prefix, jurisdiction)
            if region_id is None:
                continue
            local = self._type_unit(rest, region_id)
            if local is None:
                continue
            unit, confidence, how = local
            if party and unit.kind != "party":
                continue
            return Resolution(unit, region_id, confidence, _how(how, "prefix"))
        return None

    def _prefix_region(self, prefix: str, jurisdiction: str) -> str | None:
        levels = RELATIVE_PREFIXES.get(prefix)
        if levels is None:
            return self.region_named(prefix, jurisdiction)
        for region in self.ancestors(jurisdiction):
            if region.level in levels:
                if prefix == "自治区" and not region.zh.endswith("自治区"):
                    return None
                if prefix == "省" and not region.zh.endswith("省"):
                    return None
                return region.id
        return None

    def _type_unit(self, name: str, region_id: str) -> tuple[Unit, float, str] | None:
        """The unit of the type called `name` in a region: its own names, its level's, then misspellings
        and names of another level (lower confidence: "三明市工信厅" still means the city's bureau)."""
        region = self._known(region_id)
        level = region.name_level if region else None
        if level is None:
            return None
        candidates = (
            (self._regional.get(region_id, {}).get(name), 0.95, "exact"),
            (self._bare.get(level, {}).get(name), 0.95, "exact"),
            (self._misspelled.get(level, {}).get(name), 0.7, "misspelled"),
            *((self._bare[other].get(name), 0.6, "other-level") for other in self._bare if other != level),
        )
        for type_id, confidence, how in candidates:
            if type_id:
                unit = self._units.get(local_unit_id(region_id, type_id))
                if unit:
                    return unit, confidence, how
        return None


@cache
def _load(path: str) -> UnitRegistry:
    with open(path, "rb") as fh:
        return UnitRegistry(tomllib.load(fh))

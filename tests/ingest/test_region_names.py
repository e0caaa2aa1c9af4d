"""A region named by a reader in simplified or traditional Chinese, English, an adcode or an id is one id."""

from __future__ import annotations

import pytest

from policykg.ingest.region_names import AmbiguousRegion, RegionNotFound, region_id


@pytest.mark.parametrize(("name", "expected"), [
    ("广东", "CN-GD"), ("廣東省", "CN-GD"), ("Guangdong", "CN-GD"), ("guangdong province", "CN-GD"),
    ("440000", "CN-GD"), ("cn-gd", "CN-GD"),
    ("三明", "CN-FJ-Sanming"), ("三明市", "CN-FJ-Sanming"), ("Sanming City", "CN-FJ-Sanming"),
    ("汕尾市", "CN-GD-Shanwei"), ("Shanwei", "CN-GD-Shanwei"),
    ("沙縣區", "CN-FJ-Sanming-Shaxian"), ("福建省三明市沙县区", "CN-FJ-Sanming-Shaxian"),
    ("广东省广州市", "CN-GD-Guangzhou"), ("福建三明", "CN-FJ-Sanming"), ("江苏泰州", "CN-JS-Taizhou"),
    ("寧夏回族自治區", "CN-NX"), ("宁夏自治区", "CN-NX"), ("Inner Mongolia", "CN-NM"), ("北京市", "CN-BJ"),
    ("海淀区", "CN-BJ-Haidian"),
    # a short name a province and a city share is the province; with the city's suffix, the city
    ("吉林", "CN-JL"), ("吉林市", "CN-JL-Jilin"),
    ("中国", "CN"), ("全國", "CN"), ("China", "CN"),
])
def test_names_in_any_script(name: str, expected: str) -> None:
    assert region_id(name) == expected


def test_a_name_two_divisions_share_names_both() -> None:
    with pytest.raises(AmbiguousRegion) as raised:
        region_id("Taizhou")  # 泰州 (Jiangsu) and 台州 (Zhejiang)
    assert raised.value.detail["candidates"] == ["CN-JS-Taizhou", "CN-ZJ-Taizhou"]
    assert raised.value.status == 400 and raised.value.code == "ambiguous_region"


@pytest.mark.parametrize("name", ["nowhere", "广东的城市", "福建广州", " ", "\ud800广东"])
def test_a_name_no_division_has_is_an_error(name: str) -> None:
    with pytest.raises(RegionNotFound) as raised:
        region_id(name)
    assert raised.value.status == 404 and raised.value.code == "region_not_found"

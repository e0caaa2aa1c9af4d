"""Region ids and English names romanise a place name as it is read: 朝阳区 is Chaoyang, not pypinyin's
Zhaoyang; 长治 Changzhi, 单县 Shanxian (the reading table, `ingest/data/place_readings.tsv`)."""

from __future__ import annotations

import pytest

from policykg.ingest.region_names import region_id
from policykg.ingest.regions import Region, _readings, _romanise, gazetteer


def _region(full_name: str, parent: str) -> Region:
    [region] = [r for r in gazetteer().regions if r.full_name == full_name and r.parent == parent]
    return region


@pytest.mark.parametrize(("full_name", "parent", "expected", "english"), [
    ("朝阳区", "CN-BJ", "CN-BJ-Chaoyang", "Chaoyang"),
    ("朝阳区", "CN-JL-Changchun", "CN-JL-Changchun-Chaoyang", "Chaoyang"),
    ("朝阳市", "CN-LN", "CN-LN-Chaoyang", "Chaoyang"),
    ("朝阳县", "CN-LN-Chaoyang", "CN-LN-Chaoyang-Chaoyang", "Chaoyang"),
    ("长治市", "CN-SX", "CN-SX-Changzhi", "Changzhi"),
    ("长子县", "CN-SX-Changzhi", "CN-SX-Changzhi-Zhangzi", "Zhangzi"),  # 长子 is Zhǎngzǐ
    ("长宁区", "CN-SH", "CN-SH-Changning", "Changning"),
    ("闵行区", "CN-SH", "CN-SH-Minhang", "Minhang"),
    ("阿勒泰地区", "CN-XJ", "CN-XJ-Aletai", "Aletai"),
    ("阿勒泰市", "CN-XJ-Aletai", "CN-XJ-Aletai-Aletai", "Aletai"),
    ("库尔勒市", "CN-XJ-Bayinguolengmenggu", "CN-XJ-Bayinguolengmenggu-Kuerle", "Kuerle"),
    ("昌都市", "CN-XZ", "CN-XZ-Changdu", "Changdu"),
    ("郫都区", "CN-SC-Chengdu", "CN-SC-Chengdu-Pidu", "Pidu"),
    ("宜都市", "CN-HB-Yichang", "CN-HB-Yichang-Yidu", "Yidu"),
    ("万柏林区", "CN-SX-Taiyuan", "CN-SX-Taiyuan-Wanbailin", "Wanbailin"),
    ("单县", "CN-SD-Heze", "CN-SD-Heze-Shanxian", "Shanxian"),
    ("涡阳县", "CN-AH-Bozhou", "CN-AH-Bozhou-Guoyang", "Guoyang"),
    ("六合区", "CN-JS-Nanjing", "CN-JS-Nanjing-Luhe", "Luhe"),
    ("什邡市", "CN-SC-Deyang", "CN-SC-Deyang-Shifang", "Shifang"),
    ("漯河市", "CN-HA", "CN-HA-Luohe", "Luohe"),
    ("马尾区", "CN-FJ-Fuzhou", "CN-FJ-Fuzhou-Mawei", "Mawei"),
    # read right by pypinyin already, or named by regions.tsv: unchanged
    ("乐清市", "CN-ZJ-Wenzhou", "CN-ZJ-Wenzhou-Yueqing", "Yueqing"),
    ("东阿县", "CN-SD-Liaocheng", "CN-SD-Liaocheng-Donge", "Donge"),
    ("沙县区", "CN-FJ-Sanming", "CN-FJ-Sanming-Shaxian", "Shaxian"),
    ("成都市", "CN-SC", "CN-SC-Chengdu", "Chengdu"),
    ("长沙市", "CN-HN", "CN-HN-Changsha", "Changsha"),
    ("神农架林区", "CN-HB", "CN-HB-Shennongjia", "Shennongjia"),
])
def test_a_place_name_romanised_as_it_is_read(full_name: str, parent: str, expected: str, english: str) -> None:
    region = _region(full_name, parent)
    assert (region.id, region.english) == (expected, english)
    assert gazetteer().by_id(expected) is region


def test_a_district_named_with_lin_is_a_district_not_a_forestry_district() -> None:
    assert (_region("万柏林区", "CN-SX-Taiyuan").name, _region("万柏林区", "CN-SX-Taiyuan").suffixes) == ("万柏林", ("区",))
    assert (_region("碑林区", "CN-SN-Xian").name, _region("碑林区", "CN-SN-Xian").id) == ("碑林", "CN-SN-Xian-Beilin")
    assert (_region("神农架林区", "CN-HB").name, _region("神农架林区", "CN-HB").suffixes) == ("神农架", ("林区",))


def test_readers_find_the_corrected_names() -> None:
    assert region_id("长治市") == region_id("Changzhi") == "CN-SX-Changzhi"
    assert region_id("北京市朝阳区") == "CN-BJ-Chaoyang"
    assert region_id("CN-XJ-Aletai") == "CN-XJ-Aletai"


def test_no_two_regions_share_an_id() -> None:
    regions = gazetteer().regions
    assert len({r.id for r in regions}) == len(regions) > 3000


def test_the_reading_table_holds_only_gazetteer_names_pypinyin_reads_wrong() -> None:
    from pypinyin import lazy_pinyin

    names = [r.name for r in gazetteer().regions] + [r.full_name for r in gazetteer().regions]
    for word, syllables in _readings():
        assert any(word in name for name in names), word
        assert tuple(lazy_pinyin(word)) != syllables, word
        assert _romanise(word) == "".join(syllables).capitalize()


def test_a_name_holding_a_table_name_takes_its_reading() -> None:
    assert _romanise("朝阳区") == "Chaoyangqu"
    assert _romanise("北京朝阳") == "Beijingchaoyang"
    assert _romanise("三明") == "Sanming"

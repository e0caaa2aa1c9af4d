"""Document ids: readable, URL-safe, stable.

A manifest entry names its document; otherwise the file stem is slugged (lower-case ASCII letters,
digits, hyphens). A stem with non-ASCII characters would slug to little or nothing, so such a document
is named after its content instead: "doc-" + the first 10 hex digits of its normalised text's sha256.
"""

from __future__ import annotations

import hashlib
import re

from policykg.ingest.segmenter import stock_segmenter

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(stem: str, normalised_text: str) -> str:
    if stem.isascii():
        slug = _NOT_SLUG.sub("-", stem.lower()).strip("-")
        if slug:
            return slug
    return "doc-" + content_hash(normalised_text)[:10]


_TITLE_NOISE = re.compile(
    r"^.*?关于(?:印发)?|^.*?印发|《|》|“|”|\"|[(（][^()（）]*[)）]|的通知$|的$|[、,，。:：\s]"
)
_GENERIC_ORGAN = re.compile(r"^(?:省|市|自治区|区|县)?[\u4e00-\u9fff]{0,10}?(?:人民政府办公厅|人民政府|办公厅|厅|局|委员会)(?=.{6})")
_STOP_WORDS = frozenset(["的", "和", "与", "及", "等", "关于", "做好", "工作", "进一步", "加快", "推动", "推进", "全面", "认真", "有关", "我省", "我市", "本市", "全省", "全市"])
#: Words of a title kept in an id (before the year and the hash).
_ID_WORDS = 4


def readable_id(region_name: str, title: str, year: str | None, sha256: str) -> str:
    """An id a person can read and the same file always gets: region, a few romanised title words,
    the year, and four hex digits of the file's sha256 (so two documents never share one):
    "chongqing-yange-nengxiao-yueshu-tuidong-2022-c8f0"."""
    from pypinyin import lazy_pinyin

    from policykg.ingest.regions import gazetteer

    gaz = gazetteer()
    core = _TITLE_NOISE.sub("", title) or title
    for pattern in (gaz.county_pattern, gaz.city_pattern, gaz.province_search):
        core = pattern.sub("", core)
    core = _GENERIC_ORGAN.sub("", core)
    core = re.sub(r"\d+年?度?", "", core)
    words: list[str] = []
    # jieba's stock words only: words other stages add to its shared segmenter must not change an id
    for word in stock_segmenter().lcut(core):
        if word in _STOP_WORDS or not word.strip():
            continue
        roman = "".join(p for p in lazy_pinyin(word) if p.isascii() and p.isalnum()).lower()
        if roman and not roman.isdigit():
            words.append(roman)
        if len(words) == _ID_WORDS:
            break
    region_slug = _NOT_SLUG.sub("-", "".join(lazy_pinyin(region_name)).lower()).strip("-") if region_name else "cn"
    parts = [region_slug, *words, year or "", sha256[:4]]
    return "-".join(p for p in parts if p)

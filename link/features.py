"""Language-light text features the linker compares: character bigrams, quantities, years, titles.

Chinese policy texts at different levels copy and paraphrase each other, so overlapping character
bigrams of the normalised (simplified) text are a strong, tokenizer-free signal of "the same
measure". Quantities ("30%", "675公顷") and years are compared as evidence in any language.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Iterable
from sys import intern
from typing import Any

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+\-]*")
_QUANTITY = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*"
    r"(%|％|万千瓦|亿千瓦|千瓦|万吨|亿吨|吨|万公顷|公顷|万亩|亩|万立方米|亿立方米|立方米|万辆|辆|个|家"
    r"|percent|billion kw|billion cubic meters|million kw)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")
_PERIOD = re.compile(r"十[一二三四五六七八九]五")

#: Words that only carry the document's genre, never its subject: they are removed from titles before
#: titles are compared, so "关于印发X的通知" and "X" compare equal.
_TITLE_NOISE = (
    "关于印发",
    "关于",
    "的通知",
    "中共中央",
    "国务院",
    "印发",
)
_TITLE_PUNCT = re.compile(r"[\s《》〈〉“”\"'‘’、,，.。:：;；()（）\[\]【】〔〕·\-—]+")

#: Province-level divisions by ISO 3166-2:CN code: a title that names one belongs to that jurisdiction,
#: which keeps a provincial "实施意见" from being taken for the national "意见" it mirrors.
PROVINCES = {
    "CN-BJ": "北京", "CN-TJ": "天津", "CN-SH": "上海", "CN-CQ": "重庆", "CN-HE": "河北", "CN-SX": "山西",
    "CN-LN": "辽宁", "CN-JL": "吉林", "CN-HL": "黑龙江", "CN-JS": "江苏", "CN-ZJ": "浙江", "CN-AH": "安徽",
    "CN-FJ": "福建", "CN-JX": "江西", "CN-SD": "山东", "CN-HA": "河南", "CN-HB": "湖北", "CN-HN": "湖南",
    "CN-GD": "广东", "CN-HI": "海南", "CN-SC": "四川", "CN-GZ": "贵州", "CN-YN": "云南", "CN-SN": "陕西",
    "CN-GS": "甘肃", "CN-QH": "青海", "CN-TW": "台湾", "CN-NM": "内蒙古", "CN-GX": "广西", "CN-XZ": "西藏",
    "CN-NX": "宁夏", "CN-XJ": "新疆", "CN-HK": "香港", "CN-MO": "澳门",
}
_CITY_PREFIX = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,4}?市)")


def bigrams(text: str) -> set[str]:
    """Character bigrams inside runs of Chinese characters, plus lower-cased Latin words.

    Each bigram is interned: the linker keeps the bigram sets of every clause and measure it compares
    (and caches those of pieces and words), and a corpus has some hundred thousand distinct bigrams but
    millions of occurrences; one string per bigram saves a quarter of a linking process's memory."""
    runs = _CJK_RUN.findall(text)
    grams = {intern(a + b) for run in runs for a, b in zip(run, run[1:], strict=False)}
    grams.update(run for run in runs if len(run) == 1)
    grams.update(w.lower() for w in _LATIN_WORD.findall(text) if len(w) > 2)
    return grams


_DATE_WORDS = re.compile(r"(?:到|在|至|于)?(?:19|20)\d\d年(?:底|前|以前|以后)?|“?十[一二三四五六七八九]五”?(?:时期|期间|末)?")
_SEGMENT_BREAK = re.compile(r"[,，;；:：。!！?？\n]+")
UNIGRAM_MARK = "·"  # prefix that keeps single-character features apart from bigrams


def wording_features(text: str) -> set[str]:
    """Bigrams plus marked single characters of a Chinese text, with its dates left out.

    Dates ("到2025年", "十四五时期") recur in every clause and are compared as years on their own;
    single characters catch paraphrases that share no bigram ("散煤" ~ "煤炭散烧").
    """
    text = _DATE_WORDS.sub(" ", text)
    grams = bigrams(text)
    grams.update([UNIGRAM_MARK + ch for ch in set("".join(_CJK_RUN.findall(text)))])
    return grams


#: An enumeration closed by 等 and followed by the kind of thing it enumerates: sectors, fields,
#: projects, enterprises, places or units ("钢铁、水泥等行业", "煤电、石化等高碳项目"). A list closed by 等
#: alone ("大力发展风能、太阳能、地热能等,") is what the action is about, not its scope.
#: An exception ("除钢铁、电力行业以及水泥熟料企业外") names what the action leaves out: a scope as well.
_SCOPE_LIST = re.compile(
    r"(?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{1,8}等"
    r"(?=[\u4e00-\u9fff]{0,4}(?:行业|领域|产业|项目|企业|地区|区域|单位|部门|园区))"
    r"|除[^,，。;；:：]{2,40}?以?外(?=[,，\u4e00-\u9fff])"
)


def scope_only(text: str) -> set[str]:
    """Wording features found only inside scope enumerations ("钢铁、水泥、煤电、化工等行业", see `_SCOPE_LIST`).

    Such lists name the scope of an action, not the action: "推进钢铁、水泥…等行业开展二氧化碳捕集…示范"
    is about carbon capture, and the same list of industries recurs in clauses about investment,
    capacity control or efficiency.
    """
    inside = " ".join(m.group() for m in _SCOPE_LIST.finditer(text))
    if not inside:
        return set()
    outside = _SCOPE_LIST.sub(" ", text)
    return wording_features(inside) - wording_features(outside)


def scope_spans(text: str) -> list[tuple[int, int]]:
    """Where the scope enumerations closed by 等 lie in a text (start, end offsets)."""
    return [m.span() for m in _SCOPE_LIST.finditer(text)]


def inside_scope(text: str, surfaces: Iterable[str], spans: list[tuple[int, int]]) -> bool:
    """True when a term is named in `text` (under any of `surfaces`) only inside the 等-enumerations
    at `spans` (see `scope_spans`)."""
    if not spans:
        return False
    found = False
    for surface in surfaces:
        start = text.find(surface) if surface else -1
        while start >= 0:
            found = True
            end = start + len(surface)
            if not any(a <= start and end <= b for a, b in spans):
                return False
            start = text.find(surface, start + 1)
    return found


_QUOTED = re.compile(r"[“\"]([^“”\"]{2,40})[”\"]")
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")


def compact(text: str) -> str:
    """Only the letters, digits and Chinese characters of a text: phrases compare across punctuation."""
    return _NOT_WORD.sub("", text)


def quoted_terms(text: str, min_chars: int = 3) -> set[str]:
    """Terms a text puts in quotation marks (“揭榜挂帅”, “全国统筹、节约优先…”), compacted.

    A higher document quotes the slogans and programme names it coins; a lower text naming one of
    them verbatim points at the clause that coined it. Five-year-plan periods (“十四五”) are dates.
    """
    found = set()
    for m in _QUOTED.finditer(text):
        term = compact(m.group(1))
        if len(term) >= min_chars and not _PERIOD.fullmatch(term):
            found.add(term)
    return found


@functools.lru_cache(maxsize=1 << 16)
def segment_grams(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """`segments(text)`, each with its bigrams: a measure's pieces are weighed against many clauses."""
    return tuple((piece, frozenset(bigrams(piece))) for piece in segments(text))


def segments(text: str, min_chars: int = 4) -> list[str]:
    """A sentence cut at commas and semicolons; pieces shorter than `min_chars` join the next one."""
    pieces: list[str] = []
    carry = ""
    for piece in _SEGMENT_BREAK.split(text):
        piece = f"{carry} {piece}" if carry else piece
        if len("".join(_CJK_RUN.findall(piece))) < min_chars:
            carry = piece
            continue
        pieces.append(piece)
        carry = ""
    if carry.strip():
        if pieces:
            pieces[-1] += " " + carry
        else:
            pieces.append(carry)
    return pieces


def quantity_contexts(text: str, window: int = 8) -> dict[str, set[str]]:
    """Each quantity of a text with the bigrams of the words just before it (what is being counted).

    "30%" alone says little (a share of new cars and a share of non-fossil energy are both 20%); the
    few characters before it name the indicator.
    """
    contexts: dict[str, set[str]] = {}
    for m in _QUANTITY.finditer(text):
        value, unit = m.group(1), m.group(2).lower().replace("％", "%").replace("percent", "%")
        number = value.rstrip("0").rstrip(".") if "." in value else value
        before = text[max(0, m.start() - window) : m.start()]
        contexts.setdefault(f"{number}{unit}", set()).update(bigrams(_DATE_WORDS.sub(" ", before)))
    return contexts


def years(text: str) -> set[str]:
    """Years ("2025") and five-year-plan periods ("十四五") named in the text."""
    return set(_YEAR.findall(text)) | set(_PERIOD.findall(text))


def idf_table(documents: Iterable[set[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every feature over a collection of feature sets."""
    df: dict[str, int] = {}
    n = 0
    for features in documents:
        n += 1
        for f in features:
            df[f] = df.get(f, 0) + 1
    return {f: math.log((n + 1) / (k + 0.5)) for f, k in df.items()}


def dice(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@functools.lru_cache(maxsize=1 << 16)
def normalise_title(title: str) -> str:
    """A title reduced to its subject: no issuers, no "关于印发…的通知", no quotes, spaces or punctuation.
    Kept per title: a candidate parent's title is read again for every document weighed against it."""
    t = _TITLE_PUNCT.sub("", title)
    t = re.sub(r"^(?:中共[\u4e00-\u9fff]{2,4}?(?:省|市|自治区)委)", "", t)
    t = re.sub(r"^[\u4e00-\u9fff]{2,4}?(?:省|市|自治区)人民政府", "", t)
    for noise in _TITLE_NOISE:
        t = t.replace(noise, "")
    return t


def places(title: str) -> frozenset[str]:
    """Jurisdictions a title names: provinces anywhere, a city at its start."""
    found = {p for p in PROVINCES.values() if p in title}
    m = _CITY_PREFIX.match(_TITLE_PUNCT.sub("", title))
    if m and not any(m.group(1).startswith(p) for p in PROVINCES.values()):
        found.add(m.group(1))
    return frozenset(found)


def region_places(region: str | None) -> frozenset[str]:
    """The province named by a region id ("CN-FJ-Sanming" → 福建); national regions name none."""
    if not region:
        return frozenset()
    province = PROVINCES.get("-".join(region.split("-")[:2]))
    return frozenset({province}) if province else frozenset()


def normalise_doc_number(number: str) -> str:
    """"中发〔2021〕36号", "中发[2021]36号" and "中发（2021）36号" all become "中发202136号"."""
    return re.sub(r"[\s〔〕\[\]()（）【】]", "", number)


def referenced_id(title: str) -> str:
    """Stable id of a document known only from citations: "ref-" + a hash of its normalised title."""
    key = normalise_title(title) or title
    return "ref-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    """The extract stage's Chinese segmenter (jieba with the concept scheme's words as a user dictionary)."""
    import jieba

    from policykg.extract.nlp import zh_nlp

    zh_nlp()  # loads the user dictionary into jieba's default segmenter
    return jieba.dt


@functools.lru_cache(maxsize=1 << 17)
def word_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """Where the words of a text lie (start, end, whether it is a word worth showing, see `is_word`):
    jieba's tokens with the policy terms kept whole ("碳捕集利用与封存", "海上风电"), spaces and
    punctuation left out (a per cent sign is part of its number)."""
    return tuple(
        (start, end, is_word(word))
        for word, start, end in _segmenter().tokenize(text, HMM=False)
        if _NOT_WORD.sub("", word) or word in _UNIT_SIGNS
    )


_UNIT_SIGNS = frozenset("%％‰℃")  # signs that belong to the number before them
_BLOCK = re.compile(r"[^,，;；:：。!！?？\n]+")


@functools.lru_cache(maxsize=1 << 18)
def words(text: str) -> tuple[tuple[int, int, bool], ...]:
    """`word_spans` of a whole text, segmented block by block (between commas and stops), so that the
    blocks a measure shares with its clause are segmented once."""
    out: list[tuple[int, int, bool]] = []
    for m in _BLOCK.finditer(text):
        at = m.start()
        out.extend((at + s, at + e, w) for s, e, w in word_spans(m.group()))
    return tuple(out)


def is_word(word: str) -> bool:
    """A word worth showing as evidence: two Chinese characters or more, or a Latin word of three letters."""
    return len("".join(_CJK_RUN.findall(word))) >= 2 or any(len(w) >= 3 for w in _LATIN_WORD.findall(word))

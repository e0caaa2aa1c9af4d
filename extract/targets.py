"""Quantified and qualitative targets: "到2025年,非化石能源消费比重达到32%以上" → 非化石能源消费比重 ≥ 32 % by 2025.

Policy texts state targets in a few fixed shapes, so the extractor is a small grammar read backwards
from each value: [indicator] [比2020年] [verb] [value][unit][以上/左右/以内], plus three variants —
"分别" lists that pair indicators (or years) with values, counts that precede their noun ("创建5个低碳
示范园区"), and a bare "indicator + value" at the end of a clause ("装机容量580万千瓦"). Qualitative
targets ("完成省下达的目标", "全覆盖") count only in a target context: under a year marker, or where
the text says 目标. The year comes from `deadlines.year_scopes`. English follows the same plan with
its own word lists.

Input is normalised text (simplified Chinese, half-width ASCII) or English; offsets are into it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from policykg.extract.deadlines import DeadlineHit, extract_deadlines, year_scopes
from policykg.extract.model import Provenance, Target
from policykg.extract.numbers import Quantity, scan_quantities

__all__ = ["EXTRACTOR", "TargetHit", "extract_targets"]

EXTRACTOR = "policykg.extract.targets"


@dataclass(frozen=True, slots=True)
class TargetHit:
    """One target found at [start, end) of the text; the indicator phrase is at [indicator_start, indicator_end).

    For a range ("30-50家") `value` and `value_min` hold the lower bound, `value_max` the upper one, and
    the comparator is ">=". Qualitative targets have no value and name their requirement instead.
    """

    start: int
    end: int
    indicator: str
    comparator: str | None  # ">=", "<=", "~", "=", ">", "<"; None when qualitative
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str | None  # as written: "%", "万千瓦", "billion kW"
    base_value: float | None
    base_unit: str | None
    change: str | None  # "decrease" | "increase" for relative changes ("比2020年下降13.5%")
    base_year: int | None
    year: int | None
    qualitative: bool
    indicator_start: int
    indicator_end: int
    confidence: float
    requirement: str | None = None  # the qualitative wording: "完成省下达的目标", "全覆盖"

    def to_target(self, provenance: Provenance, concepts: tuple[str, ...] = ()) -> Target:
        return Target(
            indicator=self.indicator, comparator=self.comparator, value=self.value, unit=self.unit,
            provenance=provenance, value_min=self.value_min, value_max=self.value_max,
            base_value=self.base_value, base_unit=self.base_unit, change=self.change,
            base_year=self.base_year, year=self.year, qualitative=self.qualitative, concepts=concepts,
        )


# --- word lists ------------------------------------------------------------------------------------
# verb → (comparator, change). A comparator after the value (以上, 左右) overrides a verb's None.
_VERBS_ZH: dict[str, tuple[str | None, str | None]] = {
    **{v: (None, None) for v in (
        "达到", "达", "达至", "提高到", "提高至", "提升到", "提升至", "提至", "增加到", "增加至", "增长到", "增长至",
        "上升到", "上升至", "扩大到", "扩大至", "降至", "降到", "降低到", "降低至", "下降到", "下降至", "减少到",
        "减少至", "减至", "压减到", "压减至", "控制在", "稳定在", "保持在", "维持在", "稳定维持", "维持", "保持",
        "为", "占", "在", "突破", "实现", "累计完成", "完成",
    )},
    **{v: (">", None) for v in ("超过", "高于", "大于", "多于")},
    **{v: (">=", None) for v in ("不低于", "不少于", "不小于")},
    **{v: ("<=", None) for v in ("不超过", "不高于", "不大于", "不多于")},
    **{v: ("<", None) for v in ("低于", "少于", "小于")},
    **{v: (None, "decrease") for v in ("下降", "降低", "减少", "削减", "压减", "压降", "减排", "降")},
    **{v: (None, "increase") for v in ("提高", "提升", "增长", "增加", "上升", "扩大", "年均增长", "新增")},
}
_SUFFIX_ZH = {"以上": ">=", "及以上": ">=", "之上": ">=", "以下": "<=", "及以下": "<=", "以内": "<=", "之内": "<=",
              "左右": "~", "上下": "~"}
_APPROX_ZH = {"约": "~", "大约": "~", "近": "~", "将近": "~", "超": ">", "逾": ">"}
_BASE_ZH = re.compile(r"(?:比|较|相比|相较于?|与)\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:水平)?(?:相比)?(?:分别|均|都)?\s*$")
_ADVERBS_ZH = re.compile(
    r"(?:分别|均|都|要|将|力争|确保|力求|争取|进一步|稳步|逐步|持续|大幅|显著|全部|总体|仍|应|须|原则上|基本)+$"
)
_LEAD_ZH = re.compile(
    r"(?:[\s,;:、“”\"]|和|及|与|并且|其中|同时|分别|力争|确保|争取|力求|努力|推动|实现|在(?=全|我|本)"
    r"|全市|全省|全国|全区|全县|我市|我省|我国|本市|本省|本区)+"
)
_MEASURE_NOUN_ZH = re.compile(r"(?:率|比重|占比|比例|强度|量|能耗|排放|容量|规模|面积|水平|效率|指数|浓度|数|消耗|产值|增加值|总值)$")
_INTENSITY_HEAD_ZH = re.compile(r"(?:能耗|能源消耗|排放|排放量|用水量|水耗)$")
_COUNT_ACTIONS_ZH = re.compile(r"(?:创建|建设|建成|培育|打造|新增|新建|推广|实施|遴选|认定|形成|支持|布局|建立|开展|推动|选树|争创)")
_QUALITATIVE_ZH = re.compile(
    r"(?<![未没不])完成(?:国家和省|国家|省上|省|市|上级)?(?:下达|确定|分解)?的?(?:控制)?(?:目标任务|目标|任务)"
    r"|达到(?:国家和省|国家|省上|省|上级)?的?(?:相关)?要求"
    r"|全面执行[^,;。]{1,12}?标准"
    r"|(?:实现)?(?:城乡)?全覆盖"
    r"|(?:基本|初步|全面)(?:形成|建立|建成|健全)"
    r"|全部(?:完成|实施|达到)[^,;。]{1,12}"
)
_SEGMENT_EDGE_ZH = re.compile(r"[,;:。!?\n，；：！？]")
_SENTENCE_EDGE_ZH = re.compile(r"[。!?\n！？]")

_VERBS_EN: dict[str, tuple[str | None, str | None]] = {
    **{v: (None, "decrease") for v in (
        "reduce", "reduced", "reduces", "decrease", "decreased", "decreases", "decline", "declined", "declines",
        "drop", "dropped", "drops", "fall", "fell", "falls", "cut", "cuts", "lower", "lowered", "lowers",
    )},
    **{v: (None, "increase") for v in (
        "increase", "increased", "increases", "rise", "rose", "rises", "raise", "raised", "raises", "grow",
        "grew", "grows", "improve", "improved", "improves", "expand", "expanded", "expands",
    )},
    **{v: (">", None) for v in ("exceed", "exceeds", "exceeded")},
    **{v: (None, None) for v in (
        "reach", "reaches", "reached", "account for", "accounts for", "accounted for", "be", "is", "are", "was",
        "were", "remain", "remains", "remained", "stay", "stays", "maintain", "maintained", "keep", "kept",
        "stabilize", "stabilized", "stabilise", "stabilised", "total", "totals", "totaled", "achieve",
        "achieves", "achieved", "hit", "be controlled", "be kept", "controlled", "kept", "be maintained",
        "amount to", "amounts to",
    )},
}
_COMPARATORS_EN = {
    "more than": ">=", "over": ">=", "above": ">=", "at least": ">=", "no less than": ">=", "not less than": ">=",
    "not be less than": ">=", "not lower than": ">=", "not be lower than": ">=", "no lower than": ">=",
    "less than": "<=", "below": "<=", "under": "<=", "within": "<=", "no more than": "<=", "not more than": "<=",
    "not exceed": "<=", "not be more than": "<=", "not higher than": "<=", "up to": "<=",
    "about": "~", "around": "~", "approximately": "~", "roughly": "~", "nearly": "~", "close to": "~",
}
_AUX_EN = re.compile(
    r"(?:\s+(?:will|shall|should|must|to|be|is|are|has|have|been|expected|strive|striving|strives|aim|aims|"
    r"basically|further|steadily|significantly|gradually|continuously|also|all|each|respectively|not))+\s*$",
    re.IGNORECASE,
)
_LEAD_EN = re.compile(r"(?:[\s,;:\"“”]|and\b|while\b|of which\b|which\b|the\b|an?\b|that\b|in which\b)+", re.IGNORECASE)
_POST_CHANGE_EN = re.compile(
    r"\s*(lower|less|higher|more)\s+than\s+(?:that\s+(?:in|of)\s+|in\s+|the\s+)?((?:19|20)\d{2})", re.IGNORECASE
)
_BASE_EN = re.compile(
    r"(?:compared\s+(?:with|to)|relative\s+to|from|over|than)\s+(?:that\s+(?:in|of)\s+|the\s+|in\s+)?"
    r"((?:19|20)\d{2})(?:\s+levels?)?",
    re.IGNORECASE,
)
_QUALITATIVE_EN = re.compile(
    r"\bwill\s+(?:be\s+)?(?:basically|initially|fully|comprehensively)\s+"
    r"(?:established|formed|completed|take\s+shape|achieved|realized|realised)"
    r"|\bachieve\s+full\s+coverage\b"
    r"|\b(?:meet|reach|complete)\s+the\s+(?:national\s+|provincial\s+)?(?:targets?|requirements?|goals?)\b",
    re.IGNORECASE,
)
_SEGMENT_EDGE_EN = re.compile(r"[,;:\n]|[.!?](?=\s|$)")
_HARD_EDGE_EN = re.compile(r"[;:\n]|[.!?](?=\s|$)")
_CLAUSE_VERB_EN = re.compile(
    r"\d|\b(?:will|is|are|was|were|has|have|had|shall|should|must|can|reach(?:es|ed)?|become|becomes|remain|"
    r"remains|take|takes|made|make|makes|achieve[sd]?|increase[sd]?|decrease[sd]?|reduce[sd]?|improve[sd]?)\b",
    re.IGNORECASE,
)
_NEGATED_EN = re.compile(r"\b(?:fail(?:s|ed)?\s+to|not|never|unable\s+to)\s*$", re.IGNORECASE)
_SENTENCE_EDGE_EN = re.compile(r"[.!?](?=\s|$)|\n")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _verb_re(lang: str) -> re.Pattern[str]:
    if lang == "en":
        return re.compile(rf"\b({_alternation(_VERBS_EN)})\s*$", re.IGNORECASE)
    return re.compile(rf"({_alternation(_VERBS_ZH)})$")


@cache
def _comparator_en_re() -> re.Pattern[str]:
    return re.compile(rf"\b({_alternation(_COMPARATORS_EN)})\s*$", re.IGNORECASE)


# --- text geometry ---------------------------------------------------------------------------------
def _segment_bounds(text: str, pos: int, lang: str) -> tuple[int, int]:
    """The clause around `pos`: between commas, semicolons and sentence ends."""
    edge = _SEGMENT_EDGE_EN if lang == "en" else _SEGMENT_EDGE_ZH
    if lang == "en":
        start = _clause_start_en(text, pos)
    else:
        start = max((m.end() for m in edge.finditer(text, 0, pos)), default=0)
    m = edge.search(text, pos)
    return start, (m.start() if m else len(text))


def _clause_start_en(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts: English lists commas inside a subject ("rivers, lakes, and
    bays will reach 40%"), so a comma only ends a clause when what precedes it has a verb or a number."""
    hard = max((m.end() for m in _HARD_EDGE_EN.finditer(text, 0, pos)), default=0)
    bounds = [hard] + [hard + m.end() for m in re.finditer(",", text[hard:pos])]
    i = len(bounds) - 1
    while i > 0 and not _CLAUSE_VERB_EN.search(text, bounds[i - 1], bounds[i] - 1):
        i -= 1
    return bounds[i]


def _sentence_bounds(text: str, pos: int, lang: str) -> tuple[int, int]:
    edge = _SENTENCE_EDGE_EN if lang == "en" else _SENTENCE_EDGE_ZH
    start = max((m.end() for m in edge.finditer(text, 0, pos)), default=0)
    m = edge.search(text, pos)
    return start, (m.end() if m else len(text))


@dataclass(slots=True)
class _Context:
    text: str
    lang: str
    scopes: list[tuple[int, int, int]]
    deadlines: list[DeadlineHit]

    def years_at(self, pos: int) -> list[int]:
        """The years governing `pos`: those of the innermost scope range containing it."""
        inside = [(s, e, y) for s, e, y in self.scopes if s <= pos < e]
        if not inside:
            return []
        best = max(s for s, _, _ in inside)
        years: list[int] = []
        for s, _, y in inside:
            if s == best and y not in years:
                years.append(y)
        return years

    def in_target_context(self, pos: int) -> bool:
        if self.years_at(pos):
            return True
        s, e = _sentence_bounds(self.text, pos, self.lang)
        sentence = self.text[s:e]
        return "目标" in sentence or bool(re.search(r"\b(?:targets?|goals?)\b", sentence, re.IGNORECASE))

    def strip_lead(self, start: int, end: int) -> int:
        """Move `start` past joiners, scope words, locations and deadline markers that open a phrase.

        The word lists are matched with `Pattern.match(text, pos)`, which anchors at `pos` by itself.
        """
        lead = _LEAD_EN if self.lang == "en" else _LEAD_ZH
        while start < end:
            m = lead.match(self.text, start, end)
            if m and m.end() > start:
                start = m.end()
                continue
            hit = next((d for d in self.deadlines if d.start == start and d.end <= end), None)
            if hit:
                start = hit.end
                continue
            break
        return start


def _trim(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """Drop punctuation and particles at both ends; a quotation mark stays when its pair is inside."""
    junk = " \t,;:、的" if lang != "en" else " \t,;:"
    quotes = "“”\"'"
    while start < end and (text[start] in junk or text[start] in quotes and text.count(text[start], start, end) % 2):
        start += 1
    while end > start and (text[end - 1] in junk or text[end - 1] in quotes and _unpaired(text[start:end], text[end - 1])):
        end -= 1
    return start, end


def _unpaired(phrase: str, quote: str) -> bool:
    if quote in "“”":
        return phrase.count("“") != phrase.count("”")
    return phrase.count(quote) % 2 == 1


# --- list distribution -----------------------------------------------------------------------------
@functools.cache
def _plain_tokenizer():  # type: ignore[no-untyped-def]
    """jieba with its stock dictionary only, so list splitting does not depend on the user words
    other components add to jieba's shared default tokenizer (concept labels such as 单位地区生产总值能耗)."""
    import jieba  # imported late: its dictionary takes a second to load and only lists need it

    jieba.setLogLevel(60)
    return jieba.Tokenizer()


def _jieba_boundaries(s: str) -> list[int]:
    bounds, pos = [], 0
    for token in _plain_tokenizer().cut(s):
        pos += len(token)
        bounds.append(pos)
    return bounds


def _split_indicators_zh(indicator: str) -> list[str]:
    """"乘用车和商用车新车二氧化碳排放强度" → ["乘用车新车二氧化碳排放强度", "商用车新车二氧化碳排放强度"]."""
    if "等" in indicator:
        return [indicator]
    parts = [p for p in re.split(r"、|和|及|与", indicator) if p]
    if len(parts) < 2:
        return [indicator]
    last = parts[-1]
    if all(_MEASURE_NOUN_ZH.search(p) for p in parts):
        first = parts[0]
        if first.startswith("单位"):
            # "单位国内生产总值能耗和二氧化碳排放": the intensity's denominator is written once
            bounds = _jieba_boundaries(first)
            prefix = first[: bounds[-2] if len(bounds) >= 2 else 0]
            return [first] + [
                prefix + p if _INTENSITY_HEAD_ZH.search(p) and "单位" not in p else p for p in parts[1:]
            ]
        return parts
    if _MEASURE_NOUN_ZH.search(last) and not any(_MEASURE_NOUN_ZH.search(p) for p in parts[:-1]):
        bounds = [b for b in _jieba_boundaries(last) if b < len(last)]
        if not bounds:
            return [indicator]
        cut = min(bounds, key=lambda b: (abs(b - len(parts[0])), -b))
        suffix = last[cut:]
        return [p + suffix for p in parts[:-1]] + [last]
    return [indicator]


def _split_indicators_en(indicator: str) -> list[str]:
    """"proportion of A and B" → ["proportion of A", "proportion of B"]."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", indicator)
    if len(parts) < 2:
        return [indicator]
    m = re.match(r"^(.*\bof\s+)", parts[0])
    if m and not any(" of " in f" {p} " for p in parts[1:]):
        return [parts[0]] + [m.group(1) + p for p in parts[1:]]
    return parts


# --- the grammar -----------------------------------------------------------------------------------
@dataclass(slots=True)
class _Predicate:
    verb_start: int  # where the indicator ends
    comparator: str | None
    change: str | None
    base_year: int | None
    confidence: float


def _predicate_zh(text: str, seg_start: int, value_start: int) -> _Predicate | None:
    """Read [比2020年][adverbs][verb][约] backwards from the value; None if no verb governs it."""
    pre = text[seg_start:value_start]
    approx: str | None = None
    for word in sorted(_APPROX_ZH, key=len, reverse=True):
        if pre.endswith(word) and not pre.endswith(("最近", "接近")):
            approx, pre = _APPROX_ZH[word], pre[: -len(word)]
            break
    # the verb stands right before the value, or before a denominator: "达到汽车新车销售总量的20%"
    m = _verb_re("zh").search(pre) or re.search(rf"({_alternation(_VERBS_ZH)})[^,;。]{{1,20}}的$", pre)
    if not m:
        return None
    comparator, change = _VERBS_ZH[m.group(1)]
    before = pre[: m.start()]
    before = _ADVERBS_ZH.sub("", before)
    base_year = None
    b = _BASE_ZH.search(before)
    if b:
        base_year = int(b.group(1))
        before = before[: b.start()]
        before = _ADVERBS_ZH.sub("", before)
    if approx and comparator is None:
        comparator = approx
    return _Predicate(seg_start + len(before), comparator, change, base_year, 0.9)


def _predicate_en(text: str, seg_start: int, value_start: int) -> _Predicate | None:
    """Read [aux] verb [by|to] [comparator] backwards from the value."""
    pre = text[seg_start:value_start].rstrip()
    comparator = None
    m = _comparator_en_re().search(pre)
    if m:
        comparator = _COMPARATORS_EN[m.group(1).lower()]
        pre = pre[: m.start()].rstrip()
    prep = None
    m = re.search(r"\b(by|to|at|of)$", pre, re.IGNORECASE)
    if m:
        prep = m.group(1).lower()
        pre = pre[: m.start()].rstrip()
    m = _verb_re("en").search(pre)
    if not m:
        # "will not be less than 35%": the comparator carries the verb
        a = _AUX_EN.search(pre)
        if comparator is None or a is None:
            return None
        return _Predicate(seg_start + a.start(), comparator, None, None, 0.85)
    verb_comparator, change = _VERBS_EN[m.group(1).lower()]
    if prep in ("to", "at"):
        change = None  # "decrease to 28" names a level, "decrease by 18%" a change
    before = pre[: m.start()]
    a = _AUX_EN.search(before)
    if a:
        before = before[: a.start()]
    return _Predicate(seg_start + len(before), comparator or verb_comparator, change, None, 0.9)


def _suffix(text: str, pos: int, lang: str) -> tuple[int, str | None]:
    """(end, comparator) of a comparator written after the value: "以上", "左右", "or more"."""
    if lang == "en":
        m = re.match(r"\s*(or more|or above|and above|or less|or below)\b", text[pos:], re.IGNORECASE)
        if m:
            return pos + m.end(), (">=" if m.group(1).lower() in ("or more", "or above", "and above") else "<=")
        return pos, None
    for word in sorted(_SUFFIX_ZH, key=len, reverse=True):
        if text.startswith(word, pos):
            return pos + len(word), _SUFFIX_ZH[word]
    return pos, None


def _group_lists(text: str, quantities: list[Quantity], lang: str) -> list[list[tuple[Quantity, int, str | None]]]:
    """Consecutive values joined only by 、/和/and form one list: "下降13.5%、18%", "90% and 83%"."""
    joiner = re.compile(r"^\s*(?:,\s*and|,|and)\s*$", re.IGNORECASE) if lang == "en" else re.compile(r"^\s*(?:、|和|及|与)\s*$")
    lists: list[list[tuple[Quantity, int, str | None]]] = []
    for q in quantities:
        end, comparator = _suffix(text, q.end, lang)
        item = (q, end, comparator)
        if lists and joiner.match(text[lists[-1][-1][1]:q.start]):
            lists[-1].append(item)
        else:
            lists.append([item])
    return lists


def _emit(out: list[TargetHit], *, start: int, end: int, ind: tuple[int, int, str], q: Quantity | None,
          comparator: str | None, change: str | None, base_year: int | None, years: Sequence[int | None],
          confidence: float, requirement: str | None = None) -> None:
    """Append one hit per governing year (one hit with year None when no marker governs it)."""
    ind_start, ind_end, indicator = ind
    if not indicator.strip():
        return
    for year in years or [None]:
        out.append(TargetHit(
            start=start, end=end, indicator=indicator.strip(),
            comparator=(">=" if q.is_range else comparator) if q else None,
            value=q.value if q else None, value_min=q.value if q and q.is_range else None,
            value_max=q.value_max if q else None, unit=q.unit if q else None,
            base_value=q.base_value if q else None, base_unit=q.base_unit if q else None,
            change=change, base_year=base_year, year=year, qualitative=q is None,
            indicator_start=ind_start, indicator_end=ind_end,
            confidence=round(confidence if year is not None else confidence - 0.15, 2),
            requirement=requirement,
        ))


def _english_base(text: str, seg_start: int, seg_end: int, value_start: int, list_end: int
                  ) -> tuple[str | None, int | None, int]:
    """(change, base year, new end) from "13.5% lower than that in 2020" or "compared with 2005"."""
    post = _POST_CHANGE_EN.match(text, list_end)
    if post:
        change = "decrease" if post.group(1).lower() in ("lower", "less") else "increase"
        return change, int(post.group(2)), post.end()
    after = _BASE_EN.search(text, list_end, seg_end)
    if after and not text[list_end:after.start()].strip(" ,"):
        return None, int(after.group(1)), after.end()
    before = after or _BASE_EN.search(text, seg_start, value_start)
    return None, (int(before.group(1)) if before else None), list_end


def _predicated(ctx: _Context, out: list[TargetHit], items: list[tuple[Quantity, str | None]],
                predicate: _Predicate, seg: tuple[int, int], list_end: int) -> int:
    """Targets of a value list governed by a verb; returns where they end."""
    text, lang = ctx.text, ctx.lang
    first = items[0][0]
    seg_start, seg_end = seg
    change, base_year = predicate.change, predicate.base_year
    if lang == "en":
        post_change, en_base, list_end = _english_base(text, seg_start, seg_end, first.start, list_end)
        change, base_year = post_change or change, en_base or base_year
        m = re.match(r"\s*respectively\b", text[list_end:], re.IGNORECASE)
        list_end += m.end() if m else 0
    ind_start = ctx.strip_lead(seg_start, predicate.verb_start)
    ind_start, ind_end = _trim(text, ind_start, predicate.verb_start, lang)
    if lang == "en":
        ind_start = ctx.strip_lead(ind_start, ind_end)
    indicator, start, confidence = text[ind_start:ind_end], ind_start, predicate.confidence
    if not indicator:
        # "…利用率达到57%,2030年进一步提升至62%": the indicator of the sentence's previous target
        sentence_end = _sentence_bounds(text, first.start, lang)[1]
        earlier = [t for t in out if not t.qualitative and t.end <= first.start
                   and _sentence_bounds(text, t.start, lang)[1] == sentence_end]
        if not earlier:
            return -1
        ind_start, ind_end, indicator = earlier[-1].indicator_start, earlier[-1].indicator_end, earlier[-1].indicator
        confidence = 0.7
    years = ctx.years_at(first.start)
    n = len(items)
    names = (_split_indicators_en if lang == "en" else _split_indicators_zh)(indicator) if n > 1 else [indicator]
    if n > 1:
        confidence = min(confidence, 0.8)
    for i, (q, cmp) in enumerate(items):
        name, q_years = indicator, list(years)
        if n > 1 and len(names) == n:
            name = names[i]  # "能耗和二氧化碳排放分别比2020年下降13.5%、18%"
        elif n > 1 and len(years) == n:
            q_years = [years[i]]  # "到2025年和2030年,…分别提升至15%、20%以上"
        _emit(out, start=start, end=list_end, ind=(ind_start, ind_end, name), q=q,
              comparator=cmp or predicate.comparator or "=", change=change, base_year=base_year,
              years=q_years, confidence=confidence)
    return list_end


def _counted(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg_start: int) -> int:
    """"创建5个低碳示范园区": a count written before what it counts; returns the end, or -1."""
    text = ctx.text
    end, _ = _suffix(text, q.end, "zh")
    noun = re.match(r"[\u4e00-\u9fff][^,;。、和及与\n]{0,24}", text[end:])
    if q.dimension != "count" or not noun or text.startswith(("以上的", "的"), end):
        return -1
    if not (_COUNT_ACTIONS_ZH.search(text, seg_start, q.start) or ctx.years_at(q.start)):
        return -1
    ind_end = end + noun.end()
    _emit(out, start=q.start, end=ind_end, ind=(end, ind_end, text[end:ind_end]), q=q, comparator=cmp or "=",
          change=None, base_year=None, years=ctx.years_at(q.start), confidence=0.75)
    return ind_end


def _closing(ctx: _Context, out: list[TargetHit], q: Quantity, cmp: str | None, seg: tuple[int, int]) -> int:
    """"装机容量580万千瓦", "精准提升森林质量45万亩": a phrase and the value that closes its clause."""
    text = ctx.text
    end, _ = _suffix(text, q.end, "zh")
    if text[end:seg[1]].strip() or q.dimension == "count" or q.unit in ("万", "亿"):
        return -1
    if not ctx.in_target_context(q.start):
        return -1
    ind_start = ctx.strip_lead(seg[0], q.start)
    ind_start, ind_end = _trim(text, ind_start, q.start, "zh")
    ind_end = ind_start + len(_ADVERBS_ZH.sub("", text[ind_start:ind_end]))
    if ind_end - ind_start < 2:
        return -1
    _emit(out, start=ind_start, end=end, ind=(ind_start, ind_end, text[ind_start:ind_end]), q=q,
          comparator=cmp or "=", change=None, base_year=None, years=ctx.years_at(q.start), confidence=0.65)
    return end


def _numeric_targets(ctx: _Context, out: list[TargetHit]) -> list[tuple[int, int]]:
    """Every value with a unit, read as a target when the grammar around it says so; returns the spans used."""
    text, lang = ctx.text, ctx.lang
    taken: list[tuple[int, int]] = []
    previous_end = 0
    for items in _group_lists(text, scan_quantities(text, lang), lang):
        first, list_end, shared = items[0][0], items[-1][1], items[-1][2]
        if lang != "en" and text.startswith("的", list_end):
            continue  # "100万以上的城市", "5%以上的尖峰负荷": a value inside a noun phrase
        seg_start, seg_end = _segment_bounds(text, first.start, lang)
        seg_start = max(seg_start, previous_end)
        # a comparator after the last value applies to the whole list ("分别提升至15%、20%以上")
        values = [(q, cmp or shared) for q, _, cmp in items]
        predicate = (_predicate_en if lang == "en" else _predicate_zh)(text, seg_start, first.start)
        if predicate is not None:
            end = _predicated(ctx, out, values, predicate, (seg_start, seg_end), list_end)
            if end >= 0:
                taken.append((out[-1].start, end))
                previous_end = end
            continue
        if lang == "en":
            continue
        for q, cmp in values:
            end = _counted(ctx, out, q, cmp, seg_start)
            if end < 0:
                end = _closing(ctx, out, q, cmp, (seg_start, seg_end))
            if end >= 0:
                taken.append((out[-1].start, end))
                previous_end = end
    return taken


def _qualitative_targets(ctx: _Context, out: list[TargetHit], taken: list[tuple[int, int]]) -> None:
    text, lang = ctx.text, ctx.lang
    pattern = _QUALITATIVE_EN if lang == "en" else _QUALITATIVE_ZH
    for m in pattern.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if not ctx.in_target_context(m.start()):
            continue
        if lang == "en" and _NEGATED_EN.search(text, max(0, m.start() - 20), m.start()):
            continue  # "regions that fail to complete the goals"
        seg_start, _ = _segment_bounds(text, m.start(), lang)
        ind_start = ctx.strip_lead(seg_start, m.start())
        ind_end = m.start()
        if lang == "en":
            a = _AUX_EN.search(text[ind_start:ind_end])
            if a:
                ind_end = ind_start + a.start()
        else:
            ind_end = ind_start + len(_ADVERBS_ZH.sub("", text[ind_start:ind_end]))
            if text.startswith("实现", ind_end - 2) and ind_end - 2 >= ind_start:
                ind_end -= 2
        ind_start, ind_end = _trim(text, ind_start, ind_end, lang)
        if lang == "en":
            ind_start = ctx.strip_lead(ind_start, ind_end)
        indicator = text[ind_start:ind_end]
        if len(indicator) < 2:
            continue
        names = [indicator]
        if lang != "en" and m.group().startswith("完成"):
            names = _split_indicators_zh(indicator)
        for name in names:
            _emit(out, start=ind_start, end=m.end(), ind=(ind_start, ind_end, name), q=None, comparator=None,
                  change=None, base_year=None, years=ctx.years_at(m.start()), confidence=0.6,
                  requirement=m.group())
        taken.append((ind_start, m.end()))


def extract_targets(text: str, lang: str) -> list[TargetHit]:
    """Every target stated in `text` (normalised Chinese or English), in reading order."""
    lang = "en" if lang == "en" else "zh"
    deadlines = extract_deadlines(text, lang)
    ctx = _Context(text, lang, year_scopes(text, lang, deadlines), deadlines)
    out: list[TargetHit] = []
    taken = _numeric_targets(ctx, out)
    _qualitative_targets(ctx, out, taken)
    out.sort(key=lambda t: (t.start, t.indicator_start, t.end))
    return out


# --- spaCy component -------------------------------------------------------------------------------
class TargetsComponent:
    """Sets doc.spans[key] to the targets of the doc's text, each span labelled with its indicator."""

    def __init__(self, lang: str, key: str = "targets") -> None:
        self.lang = lang
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for hit in extract_targets(doc.text, self.lang):
            span = doc.char_span(hit.start, hit.end, label=hit.indicator, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.factory("policykg_targets", assigns=["doc.spans"], default_config={"lang": "", "key": "targets"})
def make_targets_component(nlp: Language, name: str, lang: str, key: str) -> TargetsComponent:
    return TargetsComponent(lang or ("en" if nlp.lang == "en" else "zh"), key)

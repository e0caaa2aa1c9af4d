"""Numbers and quantities as policy texts write them: Arabic, Chinese and mixed numerals, magnitudes, units.

Targets are compared across documents and languages ("580万千瓦" in a city plan against "12亿千瓦" in the
national one, "1.2 billion kilowatts" in a translation), so every quantity keeps the value and unit as
written and also carries its value in a base unit. The table of units of measure is data
(`data/measure_units.toml`); in code they are `measure_unit`s, kept apart from the units (organisations)
a clause names.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

__all__ = ["MeasureUnit", "Quantity", "measure_unit_info", "parse_number", "parse_quantity", "scan_quantities"]

_ARABIC = r"\d+(?:\.\d+)?"
_ARABIC_EN = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_DASH = r"\s*(?:-|~|～|—|–|至|到)\s*"
_DASH_EN = r"\s*(?:-|–|—|to)\s*"

# Numbers a quantity may start with. Chinese numerals are only taken with a non-counting unit (see
# `scan_quantities`): "一批", "三线一单", "十四五" are words, not values.
#: A figure written with thousands separators in a Chinese text ("1,200万千瓦"): a comma between digits with three
#: after it separates thousands (a list between figures is written with 、).
_GROUPED = r"(?<![\d,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
_NUMBER_ZH = re.compile(rf"百分之(?:{_ARABIC}|{_CHINESE})|一半|{_GROUPED}|{_ARABIC}|{_CHINESE}")
_NUMBER_EN = re.compile(rf"(?<![\w.]){_ARABIC_EN}(?![\d])")
_FOLD_DIGITS = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


@dataclass(frozen=True, slots=True)
class MeasureUnit:
    """One unit of measure of the table: how it is written back, what it converts to and by which factor."""

    label: str
    converted_unit: str
    factor: float
    dimension: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value with its unit of measure; offsets are into the scanned text (0 when parsed from a bare string).

    For a range ("30-50家") `value` is the lower bound and `value_max` the upper one.
    """

    value: float
    measure_unit: str | None  # as written, normalised: "%", "万千瓦", "billion kW"; None for a bare number
    converted_value: float | None  # value converted to `converted_unit`
    converted_unit: str | None  # "kW", "m³", "mu", "%", ... ; "1" for a bare magnitude ("100万")
    dimension: str | None = None
    value_max: float | None = None
    start: int = 0
    end: int = 0

    @property
    def is_range(self) -> bool:
        return self.value_max is not None


@dataclass(frozen=True, slots=True)
class _Table:
    measure_units: dict[str, MeasureUnit]
    magnitudes: dict[str, float]
    measure_unit_re: re.Pattern[str]  # magnitude? unit of measure? at a position
    rates: dict[str, str]  # period word → its symbol ("日" → "d"): "万吨/日"
    rate_re: re.Pattern[str] | None
    unit_re: re.Pattern[str] | None = None  # a unit alone, read where a magnitude reading is shorter ("千克")


@cache
def _tables() -> dict[str, _Table]:
    raw = tomllib.loads(resources.files("policykg.extract").joinpath("data/measure_units.toml").read_text("utf-8"))
    zh_units = {s: MeasureUnit(s, base, float(f), dim) for s, (base, f, dim) in raw["zh"]["units"].items()}
    en_units = {s.lower(): MeasureUnit(label, base, float(f), dim) for s, (label, base, f, dim) in raw["en"]["units"].items()}
    zh_mags = {k: float(v) for k, v in raw["zh"]["magnitudes"].items()}
    en_mags = {k.lower(): float(v) for k, v in raw["en"]["magnitudes"].items()}

    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    zh_re = re.compile(rf"(?P<mag>{alternation(zh_mags)})?(?P<unit>{alternation(zh_units)})?")
    # English units are whole words unless they end in a symbol ("%", "m³").
    en_re = re.compile(
        rf"(?:\s*(?P<mag>{alternation(en_mags)})\b)?(?:\s*(?P<unit>{alternation(en_units)})(?:(?<=[^a-z])|\b))?",
        re.IGNORECASE,
    )
    zh_rates = dict(raw["zh"].get("rates", {}))
    rate_re = re.compile(rf"\s*/\s*({alternation(zh_rates)})(?![度常均报])") if zh_rates else None
    zh_unit_re = re.compile(alternation(zh_units))
    return {"zh": _Table(zh_units, zh_mags, zh_re, zh_rates, rate_re, zh_unit_re),
            "en": _Table(en_units, en_mags, en_re, {}, None)}


def measure_unit_info(surface: str, lang: str = "zh") -> MeasureUnit | None:
    """The table entry of a unit of measure as written ("千瓦", "cubic meters"), without magnitude; None if unknown."""
    table = _tables()["en" if lang == "en" else "zh"]
    return table.measure_units.get(surface.lower() if lang == "en" else surface)


def unit_dimension(surface: str) -> str | None:
    """What a Chinese unit as written measures, its magnitude ("万千瓦": 万 × 千瓦) left aside: "power"; None if unknown."""
    table = _tables()["zh"]
    m = table.measure_unit_re.fullmatch(surface)
    info = table.measure_units.get(m.group("unit")) if m and m.group("unit") else None
    return info.dimension if info else None


def _chinese_numeral(s: str) -> float | None:
    import cn2an  # imported late: it is slow to import and most numbers are Arabic

    try:
        return float(cn2an.cn2an(s, "smart"))
    except Exception:  # cn2an raises bare ValueErrors (and worse) on anything it cannot read
        return None


def parse_number(s: str) -> float | None:
    """The number a string denotes, magnitude words multiplied in; None if it is not a number.

    "32" → 32, "1.2亿" → 1.2e8, "580万" → 5.8e6, "百分之三十" → 30, "三成" → 30, "一半" → 50,
    "18 billion" → 1.8e10, "1,200" → 1200. Percent signs are dropped: the caller knows the unit.
    """
    s = s.strip().translate(_FOLD_DIGITS)
    s = re.sub(r"\s*(?:%|percent|per cent)$", "", s, flags=re.IGNORECASE)
    if not s or len(s) > 40:
        return None
    if s.startswith("百分之"):
        return parse_number(s[3:])
    if s in ("一半", "半数", "half"):
        return 50.0
    if s.endswith("成") and len(s) > 1:
        inner = parse_number(s[:-1])
        return None if inner is None else inner * 10
    tables = _tables()
    m = re.fullmatch(rf"({_ARABIC_EN})\s*([a-z ]+)?", s, re.IGNORECASE)
    if m:
        value = float(m.group(1).replace(",", ""))
        word = (m.group(2) or "").strip().lower()
        if not word:
            return value
        mag = tables["en"].magnitudes.get(word)
        return None if mag is None else _exact(value * mag)
    m = re.fullmatch(rf"({_ARABIC})\s*({'|'.join(sorted(tables['zh'].magnitudes, key=len, reverse=True))})", s)
    if m:
        return _exact(float(m.group(1)) * tables["zh"].magnitudes[m.group(2)])
    if re.fullmatch(rf"(?:{_ARABIC}|[零〇一二两三四五六七八九十百千万亿点])+", s):
        return _chinese_numeral(s)
    return None


def _measure_unit_at(text: str, pos: int, lang: str) -> tuple[int, str | None, float, MeasureUnit | None]:
    """(end, magnitude word, magnitude factor, unit) of the magnitude and unit written at `pos`."""
    table = _tables()[lang]
    m = table.measure_unit_re.match(text, pos)
    if not m or m.end() == pos:
        return pos, None, 1.0, None
    mag = m.group("mag")
    unit = m.group("unit")
    end = m.end("unit") if unit else m.end("mag")
    alone = table.unit_re.match(text, pos) if table.unit_re is not None and mag else None
    if alone and alone.end() > end:  # "535千克标准煤/吨", "500千瓦": a unit that opens with a magnitude's word
        mag, unit, end = None, alone.group(), alone.end()
    if mag and not unit and lang == "zh" and mag in ("十", "百", "千"):
        return pos, None, 1.0, None  # "3千" alone is too rare to be worth the false hits ("5千瓦" is a unit)
    key = mag.lower() if mag and lang == "en" else mag
    factor = table.magnitudes[key] if key else 1.0
    info = table.measure_units[unit.lower() if lang == "en" else unit] if unit else None
    symbol = _POWER_SYMBOL.match(text, end) if lang == "zh" and mag and not unit else None
    written = _tables()["en"].measure_units.get(symbol.group(1).lower()) if symbol else None
    if symbol and written:  # "2043万kW": a Chinese magnitude before a power or energy symbol
        info, end = written, symbol.end()
    elif lang == "zh" and mag and not unit and text.startswith("装机", end):
        info = table.measure_units["千瓦"]  # "2000万装机新能源项目": a capacity installed counts kilowatts
    rate = table.rate_re.match(text, end) if table.rate_re and info is not None else None
    if rate and info is not None:  # "万吨/日": a unit per period
        label, converted, dimension = _per(info.label, info.converted_unit, info.dimension, rate.group(1))
        info = MeasureUnit(label, converted, info.factor, dimension)
        end = rate.end()
        area = _PER_AREA_ZH.match(text, end)
        if area:  # "6吨/月·平方公里": a deposition, per period and per area
            info = MeasureUnit(f"{info.label}·{area.group(1)}", f"{info.converted_unit}/km2", info.factor, info.dimension)
            end = area.end()
    elif info is not None and lang == "zh" and text.startswith("次", end) and info.dimension in ("land", "count"):
        # "53.33万公顷次", "50万亩次", "5000批次": an area or a count done so many times over, counted per time
        info = MeasureUnit(f"{info.label}次", f"{info.converted_unit}·times", info.factor, info.dimension)
        end += 1
    return end, mag, factor, info


#: Periods among the rates' denominators: "每年 N 万吨" is an amount a year, said by the target's period, not a rate.
_PERIODS = frozenset({"日", "天", "年", "月", "小时", "时", "s", "秒", "分钟"})


@cache
def _per_before_re() -> re.Pattern[str]:
    words = sorted((w for w in _tables()["zh"].rates if w not in _PERIODS), key=len, reverse=True)
    return re.compile(rf"每\s*({'|'.join(re.escape(w) for w in words)})\s*$")


def per_written_before(label: str, q: Quantity) -> tuple[str, Quantity] | None:
    """A rate whose denominator the text writes before the value ("建筑垃圾排放量每万平方米不高于300吨" →
    排放量, 300 吨/万平方米): the label without it and the quantity per it; None where the label ends in no such 每."""
    m = _per_before_re().search(label)
    if m is None or not q.measure_unit or q.dimension == "share" or q.converted_unit is None:
        return None
    unit, converted, dimension = _per(q.measure_unit, q.converted_unit, q.dimension or "", m.group(1))
    return label[: m.start()], replace(q, measure_unit=unit, converted_unit=converted, dimension=dimension)


def _per(label: str, converted: str, dimension: str, word: str) -> tuple[str, str, str]:
    """A unit per `word` of the rates' table ("日", "万平方米"): its label, its converted unit and its dimension."""
    return f"{label}/{word}", f"{converted}/{_tables()['zh'].rates[word]}", f"{dimension}-rate"


#: The area a rate per period is also taken over: "吨/月·平方公里".
_PER_AREA_ZH = re.compile(r"[·•]\s*(平方公里|平方千米)")
#: Power and energy symbols a Chinese text writes after its own magnitude: "2043万kW", "1.2亿kWh".
_POWER_SYMBOL = re.compile(r"\s*(kWh|MWh|GWh|kW|MW|GW)(?![A-Za-z])")


def _exact(x: float) -> float:
    """5.1 × 1e8 is 509999999.99999994 in binary; policy numbers have far fewer than 12 digits."""
    return float(f"{x:.12g}")


def _quantity(value: float, value_max: float | None, mag: str | None, factor: float, info: MeasureUnit | None,
              lang: str, start: int, end: int) -> Quantity:
    if info is None:
        label = mag.lower() if lang == "en" and mag else mag
        return Quantity(value, label, _exact(value * factor), "1", "count", value_max, start, end)
    if lang == "en":
        label = f"{mag.lower()} {info.label}" if mag else info.label
    else:
        label = f"{mag or ''}{info.label}"
    return Quantity(value, label, _exact(value * factor * info.factor), info.converted_unit, info.dimension, value_max, start, end)


def parse_quantity(s: str, lang: str | None = None) -> Quantity | None:
    """A whole string read as one quantity ("840万立方米", "1.2 billion kW", "30-50家"); None otherwise."""
    s = s.strip()
    lang = lang or ("en" if re.search(r"[A-Za-z]", s) and not re.search(r"[\u4e00-\u9fff]", s) else "zh")
    found = scan_quantities(s, lang, require_unit=False)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
        return found[0]
    value = parse_number(s)
    return None if value is None else Quantity(value, None, value, None, None, None, 0, len(s))


def scan_quantities(text: str, lang: str, require_unit: bool = True) -> list[Quantity]:
    """Every quantity written in `text`, in order, with offsets.

    With `require_unit` (the default) only numbers followed by a unit or a magnitude count: years,
    clause numbers, document numbers and "5G" are never values. Chinese numerals count only with a
    unit that is not a counting word ("三成", "两倍", "百分之三十", "五千万千瓦").
    """
    lang = "en" if lang == "en" else "zh"
    number_re = _NUMBER_EN if lang == "en" else _NUMBER_ZH
    found: list[Quantity] = []
    consumed = 0
    for m in number_re.finditer(text):
        start = m.start()
        if start < consumed:
            continue
        before = text[start - 1] if start else " "
        if before in "第〔[" or before.isascii() and (before.isalpha() or before == "."):
            continue  # "第3", "〔2021〕", "PM2.5", "VOCs2", the tail of "1.2.3"
        q = _read_quantity(text, m, lang, require_unit)
        if q is None and lang == "zh" and m.group()[0].isdigit():
            q = _unit_listed_after(text, m)  # "分别不高于306、325克标准煤/千瓦时": the unit the list closes with
        if q is not None and before == "前" and q.measure_unit in _RANKS:
            continue  # "进入全省前3名": a rank, not three people
        if q is not None and q.measure_unit == "所" and text.startswith("示", q.end):
            continue  # "如图1所示": a figure's number, not one school
        if q is not None:
            found.append(q)
            consumed = q.end
    return found


#: The next figure of a list of figures joined by 、 ("306、325克标准煤/千瓦时").
_LISTED_FIGURE_ZH = re.compile(r"、(\d+(?:\.\d+)?)")


def _unit_listed_after(text: str, m: re.Match[str]) -> Quantity | None:
    """A bare figure listed by 、 before others, the last of which writes the unit they share ("分别达到95、90%",
    "分别不高于306、325克标准煤/千瓦时"): the figure in that unit; None where no figure of the list has a unit."""
    pos = m.end()
    while (listed := _LISTED_FIGURE_ZH.match(text, pos)) is not None:
        _, mag, factor, info = _measure_unit_at(text, listed.end(1), "zh")
        if info is not None or mag:
            value = parse_number(m.group())
            return None if value is None else _quantity(value, None, mag, factor, info, "zh", m.start(), m.end())
        pos = listed.end(1)
    return None


def quantity_at(written: str, at: int, lang: str = "zh") -> Quantity | None:
    """The first quantity `written` holds, its offsets moved to where `written` stands in a longer text (`at`): a
    count or a size a target form matched inside its phrase ("…7条300公里", "总装机容量209.05万千瓦")."""
    found = scan_quantities(written, lang)
    return replace(found[0], start=at + found[0].start, end=at + found[0].end) if found else None


#: Counting words that also write a rank after 前 ("前3名", "前10位").
_RANKS = frozenset({"名", "位"})


#: A least bound and the action it bounds, right before a count written in Chinese numerals: "至少完成一轮…排查整改",
#: "至少完成一个示范项目建设". There the numeral is a value (how many at least), not a word ("一批", "三线一单").
_AT_LEAST_ACTION_ZH = re.compile(r"(?:至少|不少于)(?:完成|开展|建成|建设|创建|打造|实施|组织|举办|启动|建立|培育)?$")


#: One space before a unit's symbol in a Chinese text ("8 m3", "8 %").
_SPACED_SYMBOL_ZH = re.compile(r" (?=[A-Za-zμ%‰])")


def _read_quantity(text: str, m: re.Match[str], lang: str, require_unit: bool) -> Quantity | None:
    """The quantity starting with number match `m`: its unit, and a second bound if it is a range."""
    raw, start = m.group(), m.start()
    if raw.startswith("百分之") or raw == "一半":
        value = parse_number(raw)
        return None if value is None else Quantity(value, "%", value, "%", "share", None, start, m.end())
    chinese = lang == "zh" and not raw[0].isdigit()
    u_end, mag, factor, info = _measure_unit_at(text, m.end(), lang)
    if lang == "zh" and info is None and not mag and not chinese and text.startswith("余", m.end()):
        # "50余万辆", "100余家": more than the figure, in the unit after 余 (the comparator is read after the value)
        u_end, mag, factor, info = _measure_unit_at(text, m.end() + 1, lang)
    if lang == "zh" and info is None and not mag and not chinese and _SPACED_SYMBOL_ZH.match(text, m.end()):
        # "不超过 8 m3/万元": a space the text layer left between a figure and the symbol of its unit
        u_end, mag, factor, info = _measure_unit_at(text, m.end() + 1, lang)
    if chinese and (info is None or info.dimension == "count" and not _AT_LEAST_ACTION_ZH.search(text, max(0, start - 6), start)):
        return None  # checked before parsing: Chinese numerals are rare as values, common as words
    value_max: float | None = None
    dash = re.compile(_DASH_EN if lang == "en" else _DASH, re.IGNORECASE).match(text, u_end)
    second = (_NUMBER_EN if lang == "en" else _NUMBER_ZH).match(text, dash.end()) if dash else None
    if second and second.group()[0].isdigit() == raw[0].isdigit():
        u2_end, mag2, factor2, info2 = _measure_unit_at(text, second.end(), lang)
        upper = parse_number(second.group())
        if upper is not None and (info2 is not None or mag2) and (
            (info is None and not mag) or (info == info2 and mag == mag2)
            or (info is None and mag == mag2)  # "550亿~600亿立方米": the magnitude on both ends, the unit after the last
        ):
            value_max, u_end, mag, factor, info = upper, u2_end, mag2, factor2, info2
    value = parse_number(raw)
    if value is None:
        return None
    if info is None and not mag:
        return None if require_unit else Quantity(value, None, value, None, None, None, start, m.end())
    if lang == "en" and text[u_end:u_end + 1].isalpha():
        return None
    if lang == "zh" and info is not None and info.label == "人" and text.startswith(_NAMED_BY_A_COUNT, u_end):
        return None  # "绿色金融60人论坛": a forum's name
    return _quantity(value, value_max, mag, factor, info, lang, start, u_end)


#: What a count of people names after it: a forum ("绿色金融60人论坛").
_NAMED_BY_A_COUNT = ("论坛",)

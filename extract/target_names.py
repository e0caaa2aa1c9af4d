"""What an indicator names once the words that only point at it are read: the examples a category is
introduced by, a demonstrative that refers to a target just stated, a share that follows a target.

- "废钢铁、废铜、…、废玻璃等9种主要再生资源循环利用量达到4.5亿吨" → 9种主要再生资源循环利用量: one value for
  a list closed by 等 and a count of its kinds measures the category the list exemplifies (the list pairs
  with values only under 分别/均, `target_shapes._split_listed_zh`). Without the count ("港口电能、氢能、LNG
  等清洁能源机械设备") the examples stay: the measuring key's figures said so.
- "…绿色建筑占新建民用建筑比例达到35%；到2025年，该比例达到45%" → the earlier target's indicator.
- "可再生能源消费量折合标煤超过1000万吨，占能源消费总量的比重超过11%" → 可再生能源消费量占能源消费总量的
  比重: a share (占…) right after a target is a share of what that target measures.

Used by extract/targets.py (the grammar, `_predicated`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

#: Examples closed by 等 before a count of them ("9种", "4类") and the category measured, which keeps the count.
_EXAMPLES_ZH = re.compile(r"^[^,;，；]*?、[^,;，；]*?等(?=(?:\d+|[一二三四五六七八九十]+)(?:种|类|项|个|大))")

#: A demonstrative and the head of the indicator it refers to: "该比例", "这一指标".
_ANAPHOR_ZH = re.compile(r"^(?:该|此|这一|上述)(比例|比重|占比|指标|数量|规模|面积|总量|水平)$")

#: How far back a demonstrative may refer: the sentence before, at most.
_ANAPHOR_REACH = 200


class _Named(Protocol):
    @property
    def indicator(self) -> str: ...
    @property
    def end(self) -> int: ...
    @property
    def qualitative(self) -> bool: ...


def example_category(indicator: str) -> str:
    """"废钢铁、…、废玻璃等9种主要再生资源循环利用量" → 9种主要再生资源循环利用量; the indicator as it is when no
    list of examples and count opens it, or when the category left would be a bare word ("A、B等3项指标")."""
    m = _EXAMPLES_ZH.match(indicator)
    if not m:
        return indicator
    category = indicator[m.end() :]
    return category if len(category) >= 4 else indicator


def referent(indicator: str, earlier: Sequence[_Named], pos: int) -> str | None:
    """The indicator a demonstrative ("该比例") refers to: the latest quantified target ending at most
    `_ANAPHOR_REACH` characters before `pos` whose indicator has the same head; None when it is no
    demonstrative or nothing fits."""
    m = _ANAPHOR_ZH.match(indicator)
    if not m:
        return None
    for t in reversed(earlier):
        if t.qualitative or t.end > pos or pos - t.end > _ANAPHOR_REACH:
            continue
        if t.indicator.endswith(m.group(1)) and not _ANAPHOR_ZH.match(t.indicator):
            return t.indicator
    return None


#: What a target's indicator says beyond what it measures: the action that adds it, the unit it is counted in.
_ACTION_LEAD_ZH = re.compile(r"^(?:累计)?(?:投产|新增|新建|建成|开发|实现|形成)")
_COUNTED_IN_ZH = re.compile(r"折合[\u4e00-\u9fff]{1,4}$")

#: Only separators between a target and the share after it.
_SHARE_GAP_ZH = re.compile(r"[\s,，、]*")


def share_of_previous(indicator: str, earlier: Sequence[_Named], text: str, ind_start: int) -> str | None:
    """"…装机超过800万千瓦，占电力总装机的比重达到30%" → 可再生能源电力装机占电力总装机的比重: the subject of a
    share (占…) that follows a target in the same sentence, separated only by a comma; None otherwise."""
    if not indicator.startswith("占") or not earlier:
        return None
    last = earlier[-1]
    if last.qualitative or last.end > ind_start or not _SHARE_GAP_ZH.fullmatch(text, last.end, ind_start):
        return None
    subject = _COUNTED_IN_ZH.sub("", _ACTION_LEAD_ZH.sub("", last.indicator))
    return subject + indicator if len(subject) >= 2 and not subject.startswith("占") else None

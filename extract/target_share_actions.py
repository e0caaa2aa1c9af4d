"""A share reached by an action that is written after it: "废旧放射源做到100%安全收贮", "县级以上城市医疗废物实现100%
无害化处置", or with no verb at all: "放射性废源100%安全处置". The verb before the share (做到, 实现) says only that it
is reached; what the share measures is the rate of the action after it, done to what the clause names first:
废旧放射源安全收贮率, 县级以上城市医疗废物无害化处置率.

Used by extract/targets.py on a target its verb governs, and by extract/target_forms.py on a share after its population
(Chinese only).
"""

from __future__ import annotations

import re

#: The verbs that say a share is reached and no more.
_REACHED_ZH = re.compile(r"(?:做到|实现)\s*")

#: An action done to a population, with how it is done, closing the clause right after the share: "安全收贮",
#: "无害化处置", "规范化处理", "资源化利用", "分类收集".
_ACTION_AFTER_ZH = re.compile(
    r"(?:的)?(?P<act>(?:安全|无害化|规范化?|有效|资源化|集中|分类|全部|综合)?"
    r"(?:处置|收贮|处理|回收|利用|收集|收运|转运|贮存|回用|清运|收储))"
    r"\s*$"
)


def action_rate(phrase: str) -> str | None:
    """The rate an action closing a phrase names ("安全处置" → 安全处置率); None when the phrase is no such action."""
    action = _ACTION_AFTER_ZH.match(phrase.rstrip(" 。;；,，"))
    return action.group("act") + "率" if action else None


def rate_of_action_after(text: str, verb_start: int, value_start: int, after_value: int, clause_end: int) -> str | None:
    """The rate the share measures ("安全收贮率") when the verb before the share only says it is reached and an action
    closes the clause after it; None otherwise."""
    if not _REACHED_ZH.fullmatch(text, verb_start, value_start):
        return None
    return action_rate(text[after_value:clause_end])

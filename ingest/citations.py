"""Documents a text cites: 《title》, the 文号 in brackets right after it, the issuer right before it.

Only an issuer of the form "X等N部门" is taken (生态环境部等七部门《…》(环综合〔2022〕42号)); a bare
organisation before a title is too often the subject of the sentence. Spans cover issuer, title and
number as written in the original.
"""

from __future__ import annotations

import re

from policykg.ingest.model import Citation, Span
from policykg.ingest.textmap import TrackedText

_TITLE = re.compile(r"《([^《》\n]{1,150})》")
DOC_NUMBER = r"[\u4e00-\u9fff]{1,10}[〔\[【(]\s?\d{4}\s?[〕\]】)]\s?\d{1,5}\s?号"
_NUMBER_AFTER = re.compile(r"\s{0,2}[(\[]\s?(" + DOC_NUMBER + r")\s?[)\]]")
_ISSUER_BEFORE = re.compile(r"([\u4e00-\u9fff]+等[一二三四五六七八九十两\d]{1,3}个?部门)$")
#: Words that end the sentence part before the issuer: "根据生态环境部等七部门《…》" names 生态环境部等七部门.
_LEAD_WORDS = (
    "贯彻落实",
    "根据",
    "按照",
    "依据",
    "依照",
    "落实",
    "贯彻",
    "结合",
    "对照",
    "参照",
    "以及",
    "和",
    "及",
    "与",
    "并",
    "同",
    "为",
)
_LOOKBACK = 40


def find_citations(tracked: TrackedText) -> list[Citation]:
    text = tracked.text
    found: list[Citation] = []
    for m in _TITLE.finditer(text):
        start, end = m.start(), m.end()
        title = m.group(1).strip()
        number = None
        after = _NUMBER_AFTER.match(text, end)
        if after:
            number = re.sub(r"\s", "", after.group(1))
            end = after.end()
        issuer = None
        before = _ISSUER_BEFORE.search(text[max(0, start - _LOOKBACK) : start])
        if before:
            issuer = before.group(1)
            issuer_start = start - len(issuer)
            lead = _leading_words(issuer)
            issuer = issuer[lead:]
            start = issuer_start + lead
        found.append(Citation(title, number, Span(*tracked.to_original(start, end)), issuer))
    return found


def _leading_words(run: str) -> int:
    """How many leading characters of a CJK run belong to the sentence, not to the issuer."""
    cut = 0
    changed = True
    while changed:
        changed = False
        for word in _LEAD_WORDS:
            if run.startswith(word, cut) and len(run) - cut - len(word) >= 5:
                cut += len(word)
                changed = True
                break
    return cut

"""Web-page furniture that survives into saved texts: breadcrumbs, share prompts, footers.

Two kinds of line are dropped from the normalised text (the original keeps them, and each drop is a
Note with its span): lines that are furniture wherever they stand ("扫一扫在手机上查看当前页面",
"[ BACK ]"), and footer openers ("CONTACT US", "相关词条", copyright lines) that take the short rest of
the page with them. Matching is per stripped line, with anchored patterns only.
"""

from __future__ import annotations

import re

from policykg.ingest.textmap import Edit

_LINE = re.compile(
    r"^(?:"
    r"(?:your\s+)?current\s+location\s*[:：].*"
    r"|(?:当前位置|您现在的位置|您的位置|你的位置|當前位置)\s*[:：].*"
    r"|addtime\s*[:：].*"
    r"|(?:time|date)\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}"
    r"|news\s+detail|scan\s+it|mobile\s+version|print|close"
    r"|\[\s*(?:back|close|print|top)\s*\]"
    r"|扫一扫在手机上查看当前页面|掃一掃在手機上查看當前頁面"
    r"|【?(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回)】?"
    r"|字号\s*[:：].*|分享到\s*[:：]?.*"
    r")$",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(?:contact\s+us\s*[:：]?|联系我们|聯絡我們|聯繫我們|相关词条|相關詞條|热门词条|熱門詞條"
    r"|copyright\b.*|版权所有.*|版權所有.*|©.*)$",
    re.IGNORECASE,
)
#: A footer opener drops the rest of the text only when that rest is this short.
_FOOTER_TAIL_CHARS = 600


def boilerplate_edits(text: str) -> tuple[list[Edit], list[tuple[int, int, str]]]:
    """Deletions for furniture lines, and (start, end, line) of each dropped stretch for the notes."""
    edits: list[Edit] = []
    dropped: list[tuple[int, int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end].replace("\xa0", " ").replace("\u3000", " ").strip()
        nxt = n if nl < 0 else nl + 1
        if line and len(line) <= 200:
            if _FOOTER.match(line) and n - nxt <= _FOOTER_TAIL_CHARS:
                start = pos - 1 if pos > 0 and text[pos - 1] == "\n" else pos
                edits.append(Edit(start, n, ""))
                dropped.append((pos, n, text[pos:n].strip()))
                break
            if _LINE.match(line):
                edits.append(Edit(pos, nxt, ""))
                dropped.append((pos, end, line))
        pos = nxt
    return _merge(edits), dropped


def _merge(edits: list[Edit]) -> list[Edit]:
    """A footer deletion that starts at the previous line's newline may touch a dropped line; join them."""
    merged: list[Edit] = []
    for ed in edits:
        if merged and ed.start < merged[-1].end:
            last = merged.pop()
            merged.append(Edit(last.start, max(last.end, ed.end), ""))
        else:
            merged.append(ed)
    return merged

"""Web-page furniture that survives into saved texts: breadcrumbs, share prompts, footers.

Two kinds of line are dropped from the normalised text (the original keeps them, and each drop is a
Note with its span): lines that are furniture wherever they stand ("扫一扫在手机上查看当前页面",
"[ BACK ]"), and footer openers ("CONTACT US", "相关词条", copyright lines) that take the short rest of
the page with them. Lines are matched whole, by anchored multi-line patterns run over the whole text.
"""

from __future__ import annotations

import re

from policykg.ingest.textmap import Edit

_S = r"[^\S\n]"  # white space within a line
_LINE = re.compile(
    rf"^{_S}*(?:"
    rf"(?:your{_S}+)?current{_S}+location{_S}*[:：][^\n]*"
    rf"|(?:当前位置|您现在的位置|您的位置|你的位置|當前位置){_S}*[:：][^\n]*"
    rf"|addtime{_S}*[:：][^\n]*"
    rf"|(?:time|date){_S}*[:：]{_S}*\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    rf"|news{_S}+detail|scan{_S}+it|mobile{_S}+version|print|close"
    rf"|\[{_S}*(?:back|close|print|top){_S}*\]"
    r"|扫一扫在手机上查看当前页面|掃一掃在手機上查看當前頁面"
    r"|【?(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回)】?"
    rf"|字号{_S}*[:：][^\n]*|分享到{_S}*[:：]?[^\n]*"
    rf"){_S}*$",
    re.IGNORECASE | re.MULTILINE,
)
_FOOTER = re.compile(
    rf"^{_S}*(?:contact{_S}+us{_S}*[:：]?|联系我们|聯絡我們|聯繫我們|相关词条|相關詞條|热门词条|熱門詞條"
    r"|copyright\b[^\n]*|版权所有[^\n]*|版權所有[^\n]*|©[^\n]*)"
    rf"{_S}*$",
    re.IGNORECASE | re.MULTILINE,
)
#: A footer opener drops the rest of the text only when that rest is this short.
_FOOTER_TAIL_CHARS = 600
#: Longer lines are text, whatever they start with.
_MAX_LINE = 200


def boilerplate_edits(text: str) -> tuple[list[Edit], list[tuple[int, int, str]]]:
    """Deletions for furniture lines, and (start, end, line) of each dropped stretch for the notes."""
    footer_at = len(text)
    for m in _FOOTER.finditer(text, max(0, len(text) - _FOOTER_TAIL_CHARS - 2 * _MAX_LINE)):
        after = m.end() + 1
        if m.end() - m.start() <= _MAX_LINE and len(text) - after <= _FOOTER_TAIL_CHARS:
            footer_at = m.start()
            break
    edits: list[Edit] = []
    dropped: list[tuple[int, int, str]] = []
    for m in _LINE.finditer(text, 0, footer_at):
        if m.end() - m.start() > _MAX_LINE:
            continue
        nxt = min(len(text), m.end() + 1)
        edits.append(Edit(m.start(), nxt, ""))
        dropped.append((m.start(), m.end(), m.group(0).strip()))
    if footer_at < len(text):
        start = footer_at - 1 if footer_at > 0 and text[footer_at - 1] == "\n" else footer_at
        if edits and edits[-1].end > start:
            start = edits[-1].end
        edits.append(Edit(start, len(text), ""))
        dropped.append((footer_at, len(text), text[footer_at:].strip()))
    return edits, dropped

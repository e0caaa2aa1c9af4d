"""HTML: the visible text of the page, one block element per line, without scripts, styles and navigation.

Safe by construction: the HTML5 parser never reads a DTD, so no entity can expand; nesting is measured
with a linear tag scan before parsing (an HTML5 tree builder slows down quadratically on very deep
nesting), and a page deeper than `max_html_depth` is flattened with plain tag stripping instead.
"""

from __future__ import annotations

import html
import re

from policykg.errors import EmptyDocument
from policykg.ingest.encoding import decode_bytes
from policykg.ingest.loaders import LoadedText, Loader, register
from policykg.ingest.model import Note, RawDocument
from policykg.ingest.raw import HTML
from policykg.settings import Settings

_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?([A-Za-z0-9_-]{2,40})", re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,30})")
_ANY_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"[ \t\r\n\f]+")


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


#: Never text: dropped with everything inside.
SKIP_TAGS = _words(
    "script style noscript template nav header footer aside form iframe svg button select head object embed"
    " canvas math audio video"
)
#: Page furniture recognised by class or id.
SKIP_SELECTORS = (
    '[class*="breadcrumb"]',
    '[class*="crumb"]',
    '[class*="footer"]',
    '[id*="footer"]',
    '[class*="share"]',
    '[class*="qrcode"]',
    '[class*="toolbar"]',
)
BLOCK_TAGS = _words(
    "address article blockquote caption dd div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 hr li main"
    " ol p pre section table tbody thead tfoot tr td th ul center title"
)
_VOID = _words("area base br col embed hr img input link meta param source track wbr")
#: Closed implicitly by the parser; counting them would overstate the depth.
_AUTO_CLOSED = _words("p li td th tr dt dd option")


@register
class HtmlLoader(Loader):
    media_types = (HTML,)

    def load(self, raw: RawDocument, settings: Settings) -> LoadedText:
        match = _META_CHARSET.search(raw.data[:4096])
        hint = match.group(1).decode("ascii").lower() if match else None
        decoded = decode_bytes(raw.data, settings, hint=hint)
        notes: list[Note] = []
        depth = nesting_depth(decoded.text, settings.max_html_depth)
        if depth > settings.max_html_depth:
            text = flatten(decoded.text)
            notes.append(
                Note(
                    "html_flattened", f"HTML nested deeper than {settings.max_html_depth}; read as plain text"
                )
            )
        else:
            text = visible_text(decoded.text)
        if not text.strip():
            raise EmptyDocument("the page has no visible text")
        return LoadedText(text, decoded.encoding, decoded.confidence, notes)


def nesting_depth(markup: str, limit: int) -> int:
    """Approximate element depth from a linear scan; stops as soon as it passes `limit`."""
    depth = deepest = 0
    for m in _TAG.finditer(markup):
        tag = m.group(2).lower()
        if tag in _VOID or tag in _AUTO_CLOSED:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def visible_text(markup: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    for tag in SKIP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for selector in SKIP_SELECTORS:
        for node in tree.css(selector):
            node.decompose()
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return ""
    out: list[str] = []
    stack = [(root, False)]
    while stack:  # iterative: a deep page must not exhaust the Python stack
        node, closing = stack.pop()
        tag = node.tag or ""
        if closing:
            out.append("\n")
            continue
        if tag == "-text":
            out.append(_WS.sub(" ", node.text_content or ""))
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag in SKIP_TAGS or not isinstance(tag, str) or tag.startswith(("_", "!")):
            continue
        if tag in BLOCK_TAGS:
            out.append("\n")
            stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    return _tidy("".join(out))


def flatten(markup: str) -> str:
    """Tags stripped with linear scans only: used for pages too deep to parse safely."""
    lowered = markup.lower()
    kept: list[str] = []
    pos = 0
    while True:
        starts = [i for i in (lowered.find("<script", pos), lowered.find("<style", pos)) if i >= 0]
        if not starts:
            kept.append(markup[pos:])
            break
        start = min(starts)
        kept.append(markup[pos:start])
        closer = "</script>" if lowered.startswith("<script", start) else "</style>"
        end = lowered.find(closer, start)
        if end < 0:
            break
        pos = end + len(closer)
    body = "".join(kept)
    body = re.sub(
        r"<(?:br|/p|/div|/li|/h[1-6]|/tr|/section|/article|/table|/title)\b[^>]*>", "\n", body, flags=re.I
    )
    body = _ANY_TAG.sub("", body)
    lines = [_WS.sub(" ", line) for line in html.unescape(body).split("\n")]
    return _tidy("\n".join(lines))


def _tidy(text: str) -> str:
    return "\n".join(line for line in (raw.strip(" ") for raw in text.split("\n")) if line)

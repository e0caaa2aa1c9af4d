"""The ingest stage's boundary: a raw file becomes one `NormalisedDocument`.

Every later stage reads only these types. The original decoded text is kept verbatim; the
normalised text (pinyin stripped, traditional → simplified, Taiwan variants → mainland terms,
full-width punctuation folded) is what matchers read, and `OffsetMap` carries every normalised
character back to the characters of the original it came from, so a span found in the normalised
text can always be cut from the original.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from enum import StrEnum

from policykg.pickling import fast_pickle


class Script(StrEnum):
    HANS = "zh-Hans"
    HANT = "zh-Hant"
    EN = "en"


class Level(StrEnum):
    CENTRAL = "central"
    MINISTRY = "ministry"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    COUNTY = "county"

    @property
    def rank(self) -> int:
        """0 for the top of the hierarchy; a document implements documents of a lower rank."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {
    Level.CENTRAL: 0,
    Level.MINISTRY: 1,
    Level.PROVINCIAL: 2,
    Level.MUNICIPAL: 3,
    Level.COUNTY: 4,
}


_BREAK_CHARS = frozenset("\r\n\f")
#: A line or page break the layout put, with the spaces around it.
_LAYOUT_BREAK = re.compile(r"[ \t\u3000]*[\r\n\f]+[ \t\u3000]*")


def _join_break(m: re.Match[str]) -> str:
    """Nothing between two Chinese characters (a wrapped line), a space between two Latin ones."""
    before, after = m.string[m.start() - 1 : m.start()], m.string[m.end() : m.end() + 1]
    return " " if before.isascii() and before.isalnum() and after.isascii() and after.isalnum() else ""


def join_layout_breaks(text: str) -> str:
    """A passage of one paragraph as a reader sees it: the line breaks the layout put inside it joined
    (nothing between two Chinese characters, a space between two Latin words)."""
    return _LAYOUT_BREAK.sub(_join_break, text).strip()


@fast_pickle
@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file as it arrived: bytes plus where it came from."""

    path: str
    data: bytes
    sha256: str
    media_type: str  # "text/plain", "text/html", "application/pdf", "application/vnd...docx"


@fast_pickle
@dataclass(slots=True)
class OffsetMap:
    """Maps each character of a derived text to the half-open range of original characters it came from.

    `starts[i]`/`ends[i]` is the original range of derived char i. A derived span [s, e) maps to
    [starts[s], ends[e-1]). Replacements of different length (網際網路 → 互联网) map every output char
    to the whole replaced range, so spans stay inside the original and never split a replaced word.
    The two columns are machine-integer arrays (4 bytes a character, not a list of Python ints): a build
    holds every document's map at once, and ships and caches it as bytes.
    """

    starts: array[int] = field(default_factory=lambda: array("I"))
    ends: array[int] = field(default_factory=lambda: array("I"))
    original_length: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.starts, array):
            self.starts = array("I", self.starts)
        if not isinstance(self.ends, array):
            self.ends = array("I", self.ends)

    def __len__(self) -> int:
        return len(self.starts)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.original_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """`self` maps text C → text B and `inner` maps B → A; the result maps C → A."""
        n, inner_starts, inner_ends = len(inner.starts), inner.starts, inner.ends
        starts = array("I", [inner_starts[s] if s < n else inner.original_length for s in self.starts])
        ends = array("I", [inner_ends[e - 1] if e > 0 else 0 for e in self.ends])
        return OffsetMap(starts, ends, inner.original_length)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(array("I", range(length)), array("I", range(1, length + 1)), length)


@fast_pickle
@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) in a document's ORIGINAL text."""

    start: int
    end: int

    def cut(self, original: str) -> str:
        return original[self.start : self.end]


@fast_pickle
@dataclass(slots=True)
class Clause:
    """One numbered subdivision (section, item, sub-item) of a document.

    `number` is the clause's own number without brackets or dots ("五" for （五）, "4" for "4." or "(4)");
    `path` the numbers from the top (("三", "五")); `id` is derived from the document id and the path,
    never from a counter, so it is stable across rebuilds: f"{doc_id}~{seg}.{seg}…" where each seg is a
    kind letter + the arabic value of that level's number — s=section (一、 / 1、), i=item ((一)),
    p=point (1.), q=sub-point ((1)), c=circled (①), r=province (01.) — e.g.
    "sanming-pollution-carbon-synergy-plan-2022~s2.i5" for 二、…（五）. URL-safe, no slashes. `start`/`end` cover the clause's whole text
    (heading + body + children) in the NORMALISED text; `span` is the same range in the original.
    """

    id: str
    number: str
    path: tuple[str, ...]
    marker: str  # the marker as written: "一、", "（五）", "1.", "(3)", "①", "01."
    kind: str  # "section" | "item" | "subitem" | "point" | "province"; "body" for a text numbering none
    depth: int
    title: str  # the heading (text up to the first 。/. or end of heading line), normalised
    start: int
    end: int
    body_start: int  # where text after the marker begins (normalised)
    span: Span
    children: list[Clause] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)  # e.g. province/speaker/date for seed 002

    def own_range(self) -> tuple[int, int]:
        """The clause's own text in normalised offsets: its heading and body, from its start up to its
        first child (or its end), without its children's text. What extractors read of a clause, and
        what the mapping writes as the clause's `pkg:text`."""
        end = self.children[0].start if self.children else self.end
        return self.start, max(self.start, end)

    def walk(self):  # type: ignore[no-untyped-def]
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_leaf(self) -> bool:
        return not self.children


@fast_pickle
@dataclass(frozen=True, slots=True)
class Citation:
    """A document cited in the text, unresolved: the linking stage resolves it."""

    title: str  # normalised, without 《》
    doc_number: str | None
    span: Span
    issuer: str | None = None


@fast_pickle
@dataclass(frozen=True, slots=True)
class Note:
    """Something normalisation did or noticed: pinyin removed, mojibake flagged, boilerplate dropped."""

    kind: str  # "pinyin_removed" | "mojibake" | "boilerplate" | "variant" | "encoding" | ...
    message: str
    span: Span | None = None
    count: int = 1


@fast_pickle
@dataclass(slots=True)
class Metadata:
    title: str
    titles: dict[str, str]  # script → title, e.g. {"zh-Hant": ..., "zh-Hans": ...}
    language: str  # "zh" | "en"
    script: Script
    level: Level | None = None
    region: str | None = None  # canonical region id, e.g. "CN", "CN-FJ", "CN-FJ-Sanming"
    issuers: list[str] = field(default_factory=list)
    issued: str | None = None  # ISO date "2022-12-13" (or "2022-12" / "2022")
    doc_number: str | None = None
    source_note: str | None = None
    work: str | None = None  # id of the work this document is an expression of (translations share it)
    from_text: dict[str, str] = field(default_factory=dict)  # what the text itself says (title, issued, ...)
    doc_type: str | None = None  # the genre its title ends with: 实施方案, 意见, 规划 … (ingest/metadata.py)
    notice_title: str | None = None  # the covering notice's title, where it differs from the document's


@fast_pickle
@dataclass(slots=True)
class NormalisedDocument:
    """The ingest stage's output and the only input of the extract stage."""

    id: str  # readable slug + short content hash, stable for the same normalised text
    slug: str
    source_path: str
    sha256: str  # of the file as published: the raw bytes, or the PDF a pack was read from
    content_hash: str  # of the normalised text
    encoding: str
    encoding_confidence: float
    original: str  # decoded text, verbatim
    text: str  # normalised text (simplified, pinyin stripped, punctuation folded)
    offsets: OffsetMap  # text → original
    metadata: Metadata
    clauses: list[Clause]  # top-level clauses; each has children
    citations: list[Citation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    paragraph_scripts: list[tuple[Span, Script]] = field(default_factory=list)
    source_name: str = ""  # the file as published (a pack names its PDF); with `sha256`, the provenance

    def span(self, start: int, end: int) -> Span:
        """Normalised range → original span."""
        return Span(*self.offsets.to_original(start, end))

    def quote(self, span: Span) -> str:
        """The original text at `span`, verbatim (what a text quote selector holds)."""
        return span.cut(self.original)

    def written(self, span: Span) -> str:
        """The original text at `span` as a reader sees it: without the page numbers and running heads
        normalisation dropped inside it ("各区、\f－ 3 －\r\n市政府" → "各区、市政府") and with the layout's
        line breaks joined (a space between two Latin words). A name as the document writes it."""
        text = self.original
        quoted = span.cut(text)
        if not _BREAK_CHARS.intersection(quoted):
            # dropped page furniture is whole lines: a span holding no line break holds none of it either
            return quoted.strip()
        cuts = sorted((n.span.start, n.span.end) for n in self.notes
                      if n.kind == "page_furniture" and n.span is not None
                      and span.start < n.span.end and n.span.start < span.end)
        pieces, at = [], span.start
        for start, end in cuts:
            pieces.append(text[at:max(at, start)])
            at = max(at, end)
        pieces.append(text[at:span.end])
        return join_layout_breaks("".join(pieces))

    def walk(self):  # type: ignore[no-untyped-def]
        for clause in self.clauses:
            yield from clause.walk()

    def leaf_clauses(self) -> list[Clause]:
        return [c for c in self.walk() if c.is_leaf]

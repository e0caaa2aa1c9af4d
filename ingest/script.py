"""Script detection and conversion to simplified Chinese.

A paragraph is English when Latin letters outnumber CJK characters; otherwise it is traditional when
OpenCC t2s changes at least `_HANT_RATIO` of its CJK characters, simplified when it changes none, and
takes the document's script when it is too short to tell. t2s runs once over the whole text (it keeps
the length, so the offset map is untouched); only if a line changed length is that line realigned.
Taiwan word variants that t2s leaves (最佳化, 網際網路, …) are then replaced, in traditional paragraphs
only, from the project's phrase table, longest match first; those replacements map every new
character to the whole original word.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from policykg.ingest.model import Script
from policykg.ingest.textmap import Edit, TrackedText

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"[A-Za-z]+")
_HANT_RATIO = 0.03
#: Lines with fewer CJK characters than this and no traditional character inherit the document's script.
_MIN_DECISIVE = 12
#: Longer lines are realigned as one block if t2s changed their length (difflib is quadratic).
_MAX_ALIGN = 4000


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC t2s, plus the Taiwan variant table when the text is traditional."""
    converted = _t2s().convert(text)
    if converted != text:
        converted = variant_table().replace(converted)
    return converted


def query_forms(text: str) -> tuple[str, ...]:
    """The forms a reader's phrase (a search, a concept's name, a phrase to trace) is looked for in, in
    the script the documents are stored in: first as a traditional paragraph is converted (t2s, then the
    Taiwan phrase table: 最佳化 → 优化, 套用 → 应用, 碳捕捉 → 碳捕集), then — when that differs — as
    t2s alone leaves it, the form a simplified document keeps the same words in (公车 stays 公车 there).
    A phrase too short to tell its script by is read both ways; every service route and the command
    line take their phrases through here."""
    plain = _t2s().convert(text)
    mainland = variant_table().replace(plain)
    return (mainland,) if mainland == plain else (mainland, plain)


@dataclass(frozen=True, slots=True)
class VariantTable:
    pattern: re.Pattern[str] | None
    mainland: dict[str, str]

    def replace(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.mainland[m.group(0)], text)


@lru_cache(maxsize=1)
def variant_table() -> VariantTable:
    """The phrase table (ingest/data/variants.tsv), keys passed through t2s so they match converted text."""
    raw = resources.files("policykg.ingest").joinpath("data/variants.tsv").read_text(encoding="utf-8")
    mainland: dict[str, str] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        variant, _, target = line.partition("\t")
        key = _t2s().convert(variant.strip())
        if key and target.strip() and key != target.strip():
            mainland[key] = target.strip()
    if not mainland:
        return VariantTable(None, {})
    keys = sorted(mainland, key=lambda k: (-len(k), k))
    return VariantTable(re.compile("|".join(map(re.escape, keys))), mainland)


@dataclass(slots=True)
class ScriptResult:
    document: Script
    lines: list[Script]  # one per line of the text ("\n"-separated), in order
    converted_chars: int
    variants: Counter[str]
    first_variant: dict[str, tuple[int, int]]  # variant → the ORIGINAL range of its first occurrence


def convert(tracked: TrackedText) -> ScriptResult:
    """Detect scripts, convert the tracked text to simplified and replace Taiwan variants in place."""
    before = tracked.text
    after = _t2s().convert(before)
    lines_before = before.split("\n")
    if len(after) == len(before):
        tracked.replace_same_length(after)
        lines_after = after.split("\n")
    else:
        lines_after = _convert_by_line(tracked, lines_before)
    changed = [_changed(b, a) for b, a in zip(lines_before, lines_after, strict=True)]
    cjk = [_count(_CJK, line) for line in lines_before]
    latin = [_count(_LATIN, line) for line in lines_before]
    total_cjk, total_latin, total_changed = sum(cjk), sum(latin), sum(changed)
    if total_latin > total_cjk:
        document = Script.EN
    elif total_cjk and total_changed / total_cjk >= _HANT_RATIO:
        document = Script.HANT
    else:
        document = Script.HANS
    scripts = [_line_script(c, lat, ch, document) for c, lat, ch in zip(cjk, latin, changed, strict=True)]
    variants, first = _replace_variants(tracked, scripts)
    return ScriptResult(document, scripts, total_changed, variants, first)


def _count(runs: re.Pattern[str], line: str) -> int:
    """Characters of `line` in the runs the pattern finds (runs, not single characters: fewer objects)."""
    return sum(map(len, runs.findall(line))) if line else 0


def _line_script(cjk: int, latin: int, changed: int, document: Script) -> Script:
    if latin > cjk:
        return Script.EN
    if cjk == 0:
        return document
    if changed / cjk >= _HANT_RATIO and changed:
        return Script.HANT
    if cjk < _MIN_DECISIVE:
        return document if document != Script.EN else Script.HANS
    return Script.HANS


def _changed(before: str, after: str) -> int:
    if before == after:
        return 0
    if len(before) != len(after):
        return max(1, _count(_CJK, before) // 2)
    return sum(1 for x, y in zip(before, after, strict=True) if x != y)


def _convert_by_line(tracked: TrackedText, lines: list[str]) -> list[str]:
    """t2s changed the length somewhere: convert line by line and realign the lines that changed length."""
    edits: list[Edit] = []
    converted: list[str] = []
    pos = 0
    for line in lines:
        new = _t2s().convert(line)
        converted.append(new)
        if new != line:
            if len(new) == len(line):
                edits.append(Edit(pos, pos + len(line), new, pointwise=True))
            elif len(line) > _MAX_ALIGN or not line:
                edits.append(Edit(pos, pos + len(line), new))
            else:
                edits.extend(align_edits(line, new, pos))
        pos += len(line) + 1
    tracked.apply(edits)
    return converted


def align_edits(old: str, new: str, offset: int = 0) -> list[Edit]:
    """Edits turning `old` into `new`, from a character alignment; insertions join a neighbour."""
    edits: list[Edit] = []
    pending = ""  # text inserted before the first character, waiting for one to attach to
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            if pending:
                edits.append(Edit(offset + i1, offset + i1 + 1, pending + old[i1]))
                pending = ""
            continue
        if op == "insert":
            inserted = new[j1:j2]
            if edits and edits[-1].end == offset + i1:
                last = edits.pop()
                edits.append(Edit(last.start, last.end, last.text + inserted))
            elif i1 > 0:
                edits.append(Edit(offset + i1 - 1, offset + i1, old[i1 - 1] + inserted))
            else:
                pending += inserted
            continue
        replacement = pending + new[j1:j2]
        pending = ""
        edits.append(Edit(offset + i1, offset + i2, replacement, pointwise=len(replacement) == i2 - i1))
    return edits


def _replace_variants(
    tracked: TrackedText, scripts: list[Script]
) -> tuple[Counter[str], dict[str, tuple[int, int]]]:
    table = variant_table()
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    if table.pattern is None or Script.HANT not in scripts:
        return counts, first
    edits: list[Edit] = []
    text = tracked.text
    pos = 0
    for line, script in zip(text.split("\n"), scripts, strict=True):
        if script == Script.HANT:
            for m in table.pattern.finditer(line):
                word = m.group(0)
                edits.append(Edit(pos + m.start(), pos + m.end(), table.mainland[word]))
                counts[word] += 1
                if word not in first:
                    first[word] = tracked.to_original(pos + m.start(), pos + m.end())
        pos += len(line) + 1
    tracked.apply(edits)
    return counts, first

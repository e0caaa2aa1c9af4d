"""Titles and types read the same when a tune document is laid out the way other publishers lay it out.

Each case takes a real tune document's text layer (its corpus pack), changes it the way Chinese government
PDFs vary — the title wrapped elsewhere, a red head or a release mark above it, a subtitle or a draft's
remark below it, its characters letter-spaced — and reads the changed pack through the whole ingest path
(layout, normalisation, metadata). The expected values are the document's own, from the tune key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from policykg.evaluate import load_key
from policykg.ingest.fold import fold, squash
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.pdf_text import PAGE_BREAK
from policykg.ingest.raw import read_raw

REPO = Path(__file__).resolve().parents[2]
PACKS = REPO / "corpus" / "real"
KEY = {str(e["file"]).split("、")[0]: e for e in load_key(REPO / "tests" / "keys" / "metadata_tune.toml", "document")}

#: A change of the text layer: (layer, title's start, title's end) → new layer.
Change = Callable[[str, int, int], str]


def _printed(doc: NormalisedDocument, title: str) -> tuple[int, int]:
    """Where the title is printed on a line of its own, in the text layer (through the offset map)."""
    want, pos = squash(fold(title)), 0
    for line in doc.text.split("\n"):
        bare = squash(line)
        at = bare.find(want)  # perhaps after an attachment's number: "1农业农村…方案"
        if 0 <= at <= 2 and (len(bare) == at + len(want) or bare[at + len(want)] == "("):
            start = pos + len(line) - len(line.lstrip())
            while at:
                at -= not doc.text[start].isspace()
                start += 1
            end, seen = start, 0
            while seen < len(want):
                seen += not doc.text[end].isspace()
                end += 1
            return doc.offsets.to_original(start, end)
        pos += len(line) + 1
    raise AssertionError("the title is not printed on a line of its own")


def _start(layer: str, at: int) -> int:
    return max(layer.rfind("\n", 0, at), layer.rfind(PAGE_BREAK, 0, at)) + 1


def _end(layer: str, at: int) -> int:
    ends = [i for i in (layer.find("\n", at), layer.find(PAGE_BREAK, at)) if i >= 0]
    end = min(ends) if ends else len(layer)
    return end - 1 if layer[end - 1 : end] == "\r" else end


def _variant(number: str, change: Change, tmp_path: Path) -> NormalisedDocument:
    pack = sources(PACKS)[str(KEY[number]["file"])]
    record = json.loads(pack.read_text(encoding="utf-8"))
    doc = normalise(read_raw(pack))
    a, b = _printed(doc, str(KEY[number]["title"]))
    record["pages"] = change(doc.original, a, b).split(PAGE_BREAK)
    out = tmp_path / pack.name
    out.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return normalise(read_raw(out))


def _above(line: str) -> Change:
    return lambda t, a, b: t[: _start(t, a)] + line + "\n" + t[_start(t, a) :]


def _below(line: str) -> Change:
    return lambda t, a, b: t[: _end(t, b)] + "\n" + line + t[_end(t, b) :]


def _wrapped(where: Callable[[str], int]) -> Change:
    """The title over two lines, cut where `where` says (in its characters, white space out)."""

    def change(t: str, a: int, b: int) -> str:
        title = squash(t[a:b])
        return t[:a] + title[: where(title)] + "\n" + title[where(title) :] + t[b:]

    return change


def _spaced(space: str) -> Change:
    """The title's line letter-spaced: a space between every two Chinese characters."""

    def change(t: str, a: int, b: int) -> str:
        s, e = _start(t, a), _end(t, b)
        return t[:s] + re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", space, t[s:e]) + t[e:]

    return change


def _after_line(t: str, b: int, text: str) -> str:
    return t[: _end(t, b)] + text + t[_end(t, b) :]


CASES: dict[str, tuple[str, Change]] = {
    # a red head printed straight above the title, joined to it by the layout
    "red head above": ("14", _above("教育部文件")),
    # a release mark above the title, bare or after an attachment's number
    "release mark above": ("2", _above("此件公开发布")),
    "release mark after an attachment's number": ("488", _above("此件公开发布")),
    # the title on one wide line, the layout gluing the salutation (organs, no 各) to it
    "salutation of organs glued": ("212", lambda t, a, b: t[:a] + squash(t[a:b]) + t[b:]),
    # a dashed subtitle the layout glues to the title
    "dashed subtitle": ("292", _below("——以高质量发展推进全面绿色转型")),
    # a "关于…" title wrapped before its 的
    "wrapped before 的通知": ("575", _wrapped(lambda s: s.rfind("的"))),
    # the first organ alone, "等17部门关于…" below it
    "wrapped after the first organ": ("352", _wrapped(lambda s: s.find("等"))),
    # wrapped after 关于: the layout then glues the meeting's remark to the title
    "adoption remark glued": ("188", _wrapped(lambda s: s.find("关于") + 2)),
    # a title ending in 法 (no genre word of the layout) wrapped inside a word
    "wrapped before a word in 法": ("173", _wrapped(lambda s: len(s) // 2)),
    "wrapped in 法 before its remark": ("163", _wrapped(lambda s: s.replace("（", "(").find("("))),
    # a draft's remark beside the title's remark, on the remark's line
    "two remarks on one line": ("410", lambda t, a, b: _after_line(t, t.find("\n", b) + 1, "（征求意见稿）")),
    # a draft's remark under the carried title: still the one the covering notice names
    "draft remark under the carried title": ("343", _below("（征求意见稿）")),
    # letter-spaced title lines, with spaces or ideographic spaces
    "letter-spaced title line": ("185", _spaced(" ")),
    "ideographic spaces": ("55", _spaced("\u3000")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_title_survives_the_layout(case: str, tmp_path: Path) -> None:
    number, change = CASES[case]
    doc = _variant(number, change, tmp_path)
    entry = KEY[number]
    assert fold(doc.metadata.titles.get("zh-Hans") or doc.metadata.title) == fold(str(entry["title"]))
    assert doc.metadata.doc_type == entry["type"]

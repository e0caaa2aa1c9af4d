"""Sentences of a clause, as measures are read from them: Chinese ends a sentence at 。；;！？!? and at
line breaks, English at the sentencizer's ends and line breaks; offsets into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policykg.extract.nlp import base_lang, en_nlp

_ZH_ENDS = "。；;！？!?\n"
_CLOSERS = "”’」』)）】〕》\"'"


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence ranges [start, end) in `text`, whitespace trimmed, empty pieces dropped.

    Chinese ends a sentence at 。；;！？!? and at line breaks (a closing quote or bracket right after
    the terminator stays with the sentence); a bracketed note opening a piece (a paragraph's list of
    responsible units, printed before the next paragraph's first sentence) is a piece of its own. English uses the English pipeline's sentencizer, which
    also ends at ";", and line breaks.
    """
    if base_lang(lang) == "zh":
        return _trim_all(text, _zh_pieces(text))
    pieces: list[tuple[int, int]] = []
    sentencizer = en_nlp().get_pipe("sentencizer")
    doc = sentencizer(en_nlp().make_doc(text))
    for sent in doc.sents:
        pieces.extend(_split_lines(text, sent.start_char, sent.end_char))
    return _trim_all(text, pieces)


_OPENING = {"（": "）", "(": ")"}
#: A bracket of enumeration ("（一）", "(3)"), not a note.
_MARKER_BRACKET = re.compile(r"[(（][一二三四五六七八九十百0-9]+[)）]")


def _note_end(text: str, start: int) -> int | None:
    """Where a bracketed note opening a piece ends ("（责任单位:…;配合单位:…）", "（…等按职责分工负责）"): the
    note that closes a paragraph, printed before the next paragraph's first sentence where the layout joined the
    two. None for an enumeration's bracket, a bracket holding a sentence end (。) or one not closed soon."""
    close = _OPENING.get(text[start : start + 1])
    if close is None:
        return None
    depth = 0
    for i in range(start, min(len(text), start + 400)):
        c = text[i]
        if c in _OPENING:
            depth += 1
        elif c in "）)":
            depth -= 1
            if depth == 0:
                end = i + 1
                return None if _MARKER_BRACKET.fullmatch(text[start:end]) else end
        elif c in "。\n":
            return None
    return None


def _zh_pieces(text: str) -> list[tuple[int, int]]:
    pieces = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if i == start:  # a note in brackets opening a piece is a piece of its own
            note = _note_end(text, i)
            if note is not None and note < n:
                pieces.append((start, note))
                start = i = note
                continue
        if text[i] in _ZH_ENDS:
            end = i + 1
            while text[i] != "\n" and end < n and text[end] in _CLOSERS:
                end += 1
            pieces.append((start, end))
            start = i = end
            continue
        i += 1
    if start < n:
        pieces.append((start, n))
    return pieces


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        pieces.append((start + match.start(), start + match.end()))
    return pieces


def _trim_all(text: str, pieces: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(c.isalnum() for c in text[start:end]):
            out.append((start, end))
    return out

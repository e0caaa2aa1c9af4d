"""Inline pinyin annotations ("達(dá)到") are reading aids, not text: they are removed.

An annotation is a CJK character followed by a bracketed, lower-case syllable. It must be a real pinyin
syllable, so "(ppm)" or "(s)" after a Chinese word stay; a syllable without tone marks ("(de)") is only
taken in a text that is visibly annotated (at least `_MIN_TONED` toned annotations).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from policykg.ingest.textmap import Edit

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹếề"
_LETTERS = "a-zü" + _TONED + "ê"
_ANNOTATION = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（]([" + _LETTERS + r"]{1,7})[)）]"
)
_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|io"
    r"|u|ua|uo|uai|ui|uan|un|uang|ueng|ue|v|ve|van|vn|ng|m|n|hm|hng|ê)$"
)
_MIN_TONED = 10


@lru_cache(maxsize=4096)
def is_syllable(word: str) -> bool:
    base = unicodedata.normalize("NFD", word).replace("u\u0308", "v")
    base = "".join(ch for ch in base if not unicodedata.combining(ch)).replace("ü", "v")
    return bool(_SYLLABLE.match(base))


@lru_cache(maxsize=4096)
def _kind(syllable: str) -> int:
    """2: a toned syllable, 1: a syllable without tone marks, 0: not pinyin."""
    if not is_syllable(syllable):
        return 0
    return 2 if any(ch in _TONED for ch in syllable) else 1


def pinyin_edits(text: str) -> list[Edit]:
    """Deletions of the annotations (the brackets and the syllable; the character stays)."""
    found = [(m.start(), m.end(), _kind(m.group(1))) for m in _ANNOTATION.finditer(text)]
    toned = sum(1 for _, _, kind in found if kind == 2)
    least = 1 if toned >= _MIN_TONED else 2
    return [Edit(start, end, "") for start, end, kind in found if kind >= least]

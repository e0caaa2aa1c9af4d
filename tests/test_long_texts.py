"""A clause may be very long (an appendix the layout runs together, a report without headings): it is extracted like
any other, not quarantined, and the shortcuts that keep its cost linear find what a reading from the start finds.
Real text of a `tune` document (454、商洛市“十四五”生态环境保护规划); how the time grows is measured by
bench/long_clause.py (bench/NOTES.md), not here.
"""

from __future__ import annotations

from pathlib import Path

from spacy.util import get_words_and_spaces

from policykg.extract.document import extract_document
from policykg.extract.nlp import zh_nlp
from policykg.extract.scan import last_match_end, merged
from policykg.extract.target_words import _SEGMENT_EDGE_ZH, _SENTENCE_EDGE_ZH
from policykg.extract.tokenizer import words_and_spaces
from policykg.ingest.normalise import normalise
from policykg.ingest.raw import read_raw
from tests.extract.real_documents import real

SHANGLUO = "454、商洛市“十四五”生态环境保护规划.pdf"


def test_tokens_are_aligned_as_spacy_aligns_them() -> None:
    text = real(SHANGLUO).text[:20_000]
    assert words_and_spaces(list(text), text) == get_words_and_spaces(list(text), text)
    words = [w for w in zh_nlp().tokenizer.jieba_seg.cut(text) if w]  # type: ignore[attr-defined]
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)
    assert words_and_spaces(["a", "b"], " a  b ") == get_words_and_spaces(["a", "b"], " a  b ")


def test_the_last_boundary_is_the_one_a_reading_from_the_start_finds() -> None:
    text = real(SHANGLUO).text
    for edge in (_SEGMENT_EDGE_ZH, _SENTENCE_EDGE_ZH):
        for pos in range(0, len(text), 97):
            full = max((m.end() for m in edge.finditer(text, 0, pos)), default=None)
            assert last_match_end(edge, text, pos) == full, (edge.pattern[:20], pos)
    assert last_match_end(_SENTENCE_EDGE_ZH, "一二三。四五六", 7, 4) is None  # nothing in [lo, pos)


def test_ranges_a_scan_skips_are_merged_where_they_touch() -> None:
    assert merged([(5, 20), (0, 10), (20, 25), (30, 31)]) == [(0, 25), (30, 31)]


def test_a_clause_of_more_than_a_million_characters_is_extracted(tmp_path: Path) -> None:
    doc = real(SHANGLUO)
    path = tmp_path / "long.txt"
    path.write_text(doc.metadata.title + "\n" + doc.text * 16, encoding="utf-8")
    long_doc = normalise(read_raw(path))
    assert max(c.own_range()[1] - c.own_range()[0] for c in long_doc.walk()) > 1_000_000  # spaCy's own limit
    targets = [t for t in extract_document(long_doc).targets() if not t.qualitative]
    once = [t for t in extract_document(doc).targets() if not t.qualitative]
    indicators = {t.indicator for t in targets}
    assert len(targets) > len(once) and {t.indicator for t in once} & indicators

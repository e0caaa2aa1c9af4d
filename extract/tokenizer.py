"""The blank pipelines every pipeline starts from: the Chinese tokenizer (spaCy's own, characters or jieba's words,
its tokens aligned with the text in one pass), the English sentencizer, and a limit on a text's length that is
ingest's, not spaCy's.

spaCy aligns a segmenter's words with the text by copying the rest of the text at each word, and refuses texts
past a million characters to spare the memory of a parser and NER these blank pipelines have not: a plan whose
appendix the layout runs into one clause took minutes, then was quarantined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

#: The registered name of the Chinese tokenizer the pipelines use (`ChineseWordsTokenizer`).
CHINESE_TOKENIZER = "policykg.chinese_words_tokenizer.v1"


def words_and_spaces(words: Iterable[str], text: str) -> tuple[list[str], list[bool]]:
    """`spacy.util.get_words_and_spaces` in linear time: the same tokens, each found from where the last one ended
    rather than in a copy of the rest of the text (spaCy's copy made a clause of a million characters take minutes)."""
    out_words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        start = text.index(word, pos)
        if start > pos:
            out_words.append(text[pos:start])
            spaces.append(False)
        out_words.append(word)
        spaces.append(False)
        pos = start + len(word)
        if pos < len(text) and text[pos] == " ":
            spaces[-1] = True
            pos += 1
    if pos < len(text):
        out_words.append(text[pos:])
        spaces.append(False)
    return out_words, spaces


class ChineseWordsTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer (characters, or jieba's words), its tokens aligned in linear time (`words_and_spaces`)."""

    def __call__(self, text: str) -> Doc:
        if self.segmenter == Segmenter.jieba and self.jieba_seg is not None:
            words = [w for w in self.jieba_seg.cut(text, cut_all=False) if w]
        elif self.segmenter == Segmenter.char:
            words = list(text)
        else:
            return super().__call__(text)
        aligned, spaces = words_and_spaces(words, text)
        return Doc(self.vocab, words=aligned, spaces=spaces)


@spacy.registry.tokenizers(CHINESE_TOKENIZER)
def create_chinese_words_tokenizer(segmenter: str = "char") -> Callable[[Language], ChineseWordsTokenizer]:
    def make(nlp: Language) -> ChineseWordsTokenizer:
        return ChineseWordsTokenizer(nlp.vocab, segmenter=Segmenter(segmenter))

    return make


def blank_chinese(segmenter: str = "char") -> Language:
    """A blank Chinese pipeline whose tokenizer is `ChineseWordsTokenizer` (characters, or "jieba")."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": CHINESE_TOKENIZER, "segmenter": segmenter}}})
    nlp.max_length = longest_text()
    return nlp


#: Sentence ends for English text; ";" too, since the translations chain target clauses with it.
EN_SENTENCE_ENDS = [*Sentencizer.default_punct_chars, ";"]


def blank_english() -> Language:
    """A blank English pipeline: a sentencizer (also splitting on ";")."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": EN_SENTENCE_ENDS})
    nlp.max_length = longest_text()
    return nlp


def longest_text() -> int:
    """The longest text a pipeline takes: any text ingest lets through (`max_text_chars`). spaCy's own limit (a million
    characters) guards the memory of its parser and NER, which these blank pipelines have not; a plan whose appendix
    is one long clause would otherwise be quarantined."""
    from policykg.settings import Settings

    return int(Settings().max_text_chars) + 1

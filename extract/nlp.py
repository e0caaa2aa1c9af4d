"""The spaCy pipeline frame shared by the extractors: one Chinese and one English pipeline per process.

`zh_nlp()` is a blank Chinese pipeline segmented by jieba. jieba's dictionary knows nothing of policy
terms, so it gets a user dictionary generated from the concept scheme (and from whatever other
modules feed `register_user_words`, e.g. the unit registry), which keeps "碳捕集利用与封存" or
"非化石能源消费比重" in one token. `en_nlp()` is a blank English pipeline with a sentencizer.

Both carry the `policykg_concepts` component. Token boundaries are a poor basis for Chinese concept
matching (a label may start or end inside a jieba token), so for Chinese the component matches on
characters with a trie and maps each match to tokens with `alignment_mode="expand"`; the exact
character offsets stay on `doc._.concept_offsets`; a match must still respect word boundaries where
characters mislead (`holds`: "深化工业" holds no 化工). English matches go through a `PhraseMatcher` on
the LOWER attribute. Both keep the longest non-overlapping matches.
"""

from __future__ import annotations

import functools
import io
import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

import jieba
import opencc
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from policykg.extract.tokenizer import blank_chinese, blank_english
from policykg.ingest.segmenter import default_segmenter
from policykg.ontology.concepts import ConceptScheme, fold_width

COMPONENT = "policykg_concepts"
SPANS_KEY = "concepts"

#: (start, end, concept id): a concept label found at text[start:end].
ConceptMatch = tuple[int, int, str]

jieba.setLogLevel(logging.WARNING)

_TEXT_KEY = "policykg.text"

if not Doc.has_extension("concept_offsets"):
    Doc.set_extension("concept_offsets", default=None)

# --- the user dictionary --------------------------------------------------------------------------
_USER_WORD_SOURCES: dict[str, Callable[[], Iterable[str]]] = {}
_LIVE_SEGMENTERS: list[jieba.Tokenizer] = []
# jieba only ever emits a token made of these characters; other words could never be matched whole.
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")
_HAS_HAN = re.compile(r"[\u4E00-\u9FD5]")


def register_user_words(source: str, words: Iterable[str] | Callable[[], Iterable[str]]) -> None:
    """Add domain words (unit names, place names …) to the Chinese segmenter's user dictionary.

    `source` names the feeder, so registering again replaces its words instead of piling up. A
    callable is called lazily, when the pipeline is built. Pipelines already built get the words too.
    """
    provider = words if callable(words) else (lambda frozen=tuple(words): frozen)
    _USER_WORD_SOURCES[source] = provider
    for segmenter in _LIVE_SEGMENTERS:
        for word in _usable(provider()):
            segmenter.add_word(word)


def extra_user_words() -> list[str]:
    """The words fed through `register_user_words`, in registration order, without duplicates."""
    return _dedupe(word for provider in _USER_WORD_SOURCES.values() for word in _usable(provider()))


def concept_user_words(scheme: ConceptScheme | None = None) -> list[str]:
    """Every simplified label of the concept scheme (and simplified form of a traditional one) that
    jieba could emit as one token, in the case it is written in ("CCUS", "EOD项目")."""
    scheme = scheme or ConceptScheme.load()
    hans = [label for c in scheme.concepts.values() for label in c.all_labels("zh-Hans")]
    hant = [label for c in scheme.concepts.values() for label in c.all_labels("zh-Hant")]
    simplified = _T2S.convert("\n".join(fold_width(label) for label in hant)).split("\n")
    return _dedupe(_usable([fold_width(label) for label in hans] + simplified))


def user_dictionary(scheme: ConceptScheme | None = None) -> str:
    """The generated jieba user dictionary: one word per line (jieba picks a frequency that keeps it whole)."""
    return "".join(f"{word}\n" for word in _dedupe([*concept_user_words(scheme), *extra_user_words()]))


def _usable(words: Iterable[str]) -> list[str]:
    return [
        w for w in (w.strip() for w in words) if len(w) > 1 and _HAS_HAN.search(w) and _JIEBA_WORD.match(w)
    ]


def _dedupe(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))


# --- character-level matching ---------------------------------------------------------------------
_T2S = opencc.OpenCC("t2s")
_END = ""  # trie key marking "a label ends here": no text character is the empty string


def _fold_char(c: str) -> str:
    code = ord(c)
    if 0xFF01 <= code <= 0xFF5E:
        c = chr(code - 0xFEE0)
    elif c == "\u3000":
        c = " "
    low = c.lower()
    return low if len(low) == 1 else c


def _fold_text(text: str) -> str:
    """`text` in the form labels are stored in, character for character (same length, same offsets)."""
    folded = "".join(_fold_char(c) for c in text)
    simplified = _T2S.convert(folded)
    return simplified if len(simplified) == len(folded) else folded


def _is_word_char(c: str) -> bool:
    return c.isascii() and c.isalnum()


class CharMatcher:
    """Finds labels in text character by character (a trie walk from every position).

    Labels that begin or end with an ASCII letter or digit only match at ASCII word boundaries, so
    "ods" is found in "ODS" but not inside "methods".
    """

    def __init__(self, labels: dict[str, str]) -> None:
        self._root: dict[str, Any] = {}
        for label, concept_id in labels.items():
            node = self._root
            for char in label:
                node = node.setdefault(char, {})
            node.setdefault(_END, concept_id)

    def find_all(self, text: str) -> list[ConceptMatch]:
        return self.find_all_folded(_fold_text(text))

    def find_all_folded(self, folded: str) -> list[ConceptMatch]:
        """Every label match in text already folded (`_fold_text`), overlapping ones included."""
        found: list[ConceptMatch] = []
        n = len(folded)
        for start in range(n):
            if start > 0 and _is_word_char(folded[start]) and _is_word_char(folded[start - 1]):
                continue  # inside an ASCII word: no label may start here
            node = self._root
            pos = start
            while pos < n:
                nxt = node.get(folded[pos])
                if nxt is None:
                    break
                node = nxt
                pos += 1
                if _END in node and not (
                    pos < n and _is_word_char(folded[pos - 1]) and _is_word_char(folded[pos])
                ):
                    found.append((start, pos, node[_END]))
        return found

    def find(self, text: str) -> list[ConceptMatch]:
        """Longest non-overlapping matches, in text order."""
        return longest_non_overlapping(self.find_all(text))


def text_of(doc: Doc) -> str:
    """The doc's text, joined from its tokens once per doc (spaCy joins it again on every `doc.text`)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def longest_non_overlapping(matches: Iterable[ConceptMatch]) -> list[ConceptMatch]:
    """Keep the longest matches (the earlier one on a tie) that do not overlap a kept one."""
    kept: list[ConceptMatch] = []
    taken: set[int] = set()
    for start, end, cid in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if any(i in taken for i in range(start, end)):
            continue
        kept.append((start, end, cid))
        taken.update(range(start, end))
    return sorted(kept)


# --- English label variants -----------------------------------------------------------------------
def english_variants(label: str) -> list[str]:
    """The label as machine-ish translations write it: hyphens as spaces, last word singular or plural."""
    forms = {label, label.replace("-", " ")}
    for form in list(forms):
        head, _, last = form.rpartition(" ")
        if not last.isalpha():
            continue
        prefix = f"{head} " if head else ""
        forms.add(prefix + _plural(last))
        singular = _singular(last)
        if singular:
            forms.add(prefix + singular)
    return sorted(forms)


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word if word.endswith("s") else word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _singular(word: str) -> str | None:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return None


# --- wordings a label list cannot enumerate ---------------------------------------------------------
#: Concepts real documents name in many wordings: the parts of "碳捕集利用与封存" in another order, joined
#: by 、/和/及/与 or "/", or only some of them named ("二氧化碳捕集、封存与利用", "碳捕集、利用及封存",
#: "二氧化碳捕捉利用", "碳捕集试点"), the gas written CO2, capture qualified ("碳高效捕集利用与封存"), storage named
#: alone ("二氧化碳封存", "地质碳封存", "深远海碳封存"), bioenergy with it (BECCS). Matched besides the labels; the
#: longest match wins.
_CO2_ZH = r"(?:二氧化碳|碳|co2|co₂)"  # matched on the folded text: Latin letters lower-cased
WORDINGS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "ccus": (
        re.compile(
            rf"{_CO2_ZH}(?:高效)?(?:捕集|捕获|捕捉)"
            r"(?:\s*(?:[、与和及/]|以及)?\s*(?:综合利用|转化利用|资源化利用|地质封存|利用|封存|运输|储存))*"
            rf"|(?:地质)?{_CO2_ZH}(?:地质)?封存|\bbeccs\b"
        ),
        re.compile(
            r"\bcarbon(?:\s+dioxide)?\s+captur(?:e|ing)(?:(?:\s*,\s*|\s+)(?:and\s+|&\s+)?"
            r"(?:utili[sz]ation|utili[sz]ing|use|storage|sequestration|transport)\b)*"
            r"|\bCCU?S\b",
            re.IGNORECASE,
        ),
    ),
}


def wording_matches(text: str, chinese: bool) -> list[ConceptMatch]:
    """Matches of the concepts' wording patterns (`WORDINGS`) in `text`."""
    return [(m.start(), m.end(), cid) for cid, patterns in WORDINGS.items()
            for m in patterns[0 if chinese else 1].finditer(text)]


# --- Chinese word boundaries and contexts ---------------------------------------------------------
#: Words holding a two-character label across its edge that name something else: "常态化工作" is no
#: chemical industry, "储碳价值" no carbon price, "水电解制氢", "差别水电价" and "水电气热" no hydropower.
BREAKERS = ("化工作", "化工程", "化工艺", "碳价值", "低碳价格", "水电解", "水电价", "水电气")
#: Words the segmenter cuts across a two-character label that still name its concept (年节|能量, 高能|效用).
KEEPERS = ("节能量", "高能效")
#: Labels that name their concept only beside one of its words in the same sentence: a pledge loan is an
#: environmental-rights one only when the rights pledged are named (碳排放权、排污权、用能权、林权、碳汇 …).
CONTEXTS: dict[str, tuple[frozenset[str], re.Pattern[str]]] = {
    "environmental_rights_finance": (
        frozenset({"质押融资", "抵质押融资", "质押贷款", "抵质押贷款"}),
        re.compile(r"排放权|排污权|用能权|水权|林权|碳汇|碳资产|碳配额|碳权|环境权益|环境收益权|补偿收益权|生态(?:保护)?补偿"),
    ),
}
_CONTEXT_REACH, _SPLIT_WINDOW = (40, 12), 3  # characters a context word / the segmenter sees around a label
_SENTENCE_END = re.compile(r"[。;!?\n]")


def holds(folded: str, match: ConceptMatch) -> bool:
    """Whether a Chinese label match names its concept: with its context where `CONTEXTS` asks for one,
    and, for a two-character label, neither inside a word of `BREAKERS` nor split between two words."""
    start, end, concept_id = match
    if concept_id in CONTEXTS and not _in_context(folded, start, end, *CONTEXTS[concept_id]):
        return False
    return end - start != 2 or not (_covered_by(folded, start, BREAKERS) or _split_by_words(folded, start))


def _covered_by(folded: str, start: int, words: tuple[str, ...]) -> bool:
    """Whether one of `words` is written around the two-character label at `start`."""
    label = folded[start : start + 2]
    return any(0 <= (at := word.find(label)) <= start and folded.startswith(word, start - at) for word in words)


def _split_by_words(folded: str, start: int) -> bool:
    """Whether the two-character label at `start` is the tail of one word and the head of the next
    ("深化|工业", "调节|能力"): jieba (no HMM) cuts a few characters around it between its two characters,
    each glued to a neighbour. Dictionary look-ups first: the segmenter runs only where both words exist."""
    mid, end, freq = start + 1, start + 2, jieba.dt.FREQ
    if (not _HAS_HAN.match(folded[start]) or _covered_by(folded, start, KEEPERS)
            or not any(freq.get(folded[a:mid]) for a in range(max(0, start - _SPLIT_WINDOW), start))
            or not any(freq.get(folded[mid:b]) for b in range(end + 1, min(len(folded), end + _SPLIT_WINDOW) + 1))):
        return False
    pos = max(0, start - _SPLIT_WINDOW)
    tokens = iter(jieba.dt.cut(folded[pos : end + _SPLIT_WINDOW], HMM=False))
    while pos < mid:
        token = next(tokens)
        pos += len(token)
    return pos == mid and len(token) > 1 and len(next(tokens, "")) > 1


def _in_context(folded: str, start: int, end: int, labels: frozenset[str], context: re.Pattern[str]) -> bool:
    """Whether a match is of none of `labels` or has a word of `context` in reach, in the same sentence."""
    if folded[start:end] not in labels:
        return True
    before = _SENTENCE_END.split(folded[max(0, start - _CONTEXT_REACH[0]) : start])[-1]
    after = _SENTENCE_END.split(folded[end : end + _CONTEXT_REACH[1]], maxsplit=1)[0]
    return bool(context.search(before) or context.search(after))


# --- the concept component ------------------------------------------------------------------------
class ConceptMatcher:
    """Pipeline component: concept labels of the scheme found in the doc.

    Sets `doc.spans["concepts"]` (token spans, label_ = concept id) and `doc._.concept_offsets`
    (exact character offsets, the same matches).
    """

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.chinese = nlp.lang == "zh"
        scheme = ConceptScheme.load()
        if self.chinese:
            labels = scheme.match_labels("zh")
            # English labels too: Chinese texts write "CCUS", "VOCs", "LNG" inline.
            for label, cid in scheme.match_labels("en").items():
                labels.setdefault(label, cid)
            self.chars = CharMatcher(labels)
        else:
            self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
            patterns: dict[str, list[str]] = {}
            for label, cid in scheme.match_labels("en").items():
                for form in english_variants(label):
                    patterns.setdefault(cid, []).append(form)
            for cid, forms in patterns.items():
                self.phrases.add(cid, [nlp.make_doc(form) for form in _dedupe(forms)])

    def find(self, doc_or_text: Doc | str) -> list[ConceptMatch]:
        """Exact character matches; Chinese accepts plain text, English needs a tokenised Doc."""
        if self.chinese:
            text = text_of(doc_or_text) if isinstance(doc_or_text, Doc) else doc_or_text
            folded = _fold_text(text)
            found = [*self.chars.find_all_folded(folded), *wording_matches(folded, True)]
            return longest_non_overlapping(m for m in found if holds(folded, m))
        if not isinstance(doc_or_text, Doc):
            raise TypeError("the English concept matcher needs a tokenised Doc")
        doc = doc_or_text
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in self.phrases(doc)]
        for start, end, cid in wording_matches(text_of(doc), False):
            span = doc.char_span(start, end, label=cid, alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
        return [(s.start_char, s.end_char, s.label_) for s in sorted(filter_spans(spans))]

    def __call__(self, doc: Doc) -> Doc:
        matches = self.find(doc)
        doc._.concept_offsets = matches
        spans = []
        for start, end, cid in matches:
            span = doc.char_span(start, end, label=cid, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    COMPONENT,
    default_config={"spans_key": SPANS_KEY},
    assigns=["doc.spans", "doc._.concept_offsets"],
)
def make_concept_matcher(nlp: Language, name: str, spans_key: str) -> ConceptMatcher:
    return ConceptMatcher(nlp, name, spans_key)


# --- the pipelines --------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def zh_nlp() -> Language:
    """Blank Chinese pipeline: jieba with the generated user dictionary, then the concept component.

    The segmenter is jieba's process-wide default one, its stock words copied from the process's one
    reading of them before spaCy would read them again; the policy words are known to any jieba user.
    """
    segmenter = default_segmenter()
    nlp = blank_chinese("jieba")
    segmenter.load_userdict(io.StringIO(user_dictionary()))
    setattr(nlp.tokenizer, "jieba_seg", segmenter)  # noqa: B010 (the attribute is the zh tokenizer's, untyped)
    _LIVE_SEGMENTERS.append(segmenter)
    nlp.add_pipe(COMPONENT)
    return nlp


@functools.lru_cache(maxsize=1)
def en_nlp() -> Language:
    """Blank English pipeline: a sentencizer (also splitting on ";"), then the concept component."""
    nlp = blank_english()
    nlp.add_pipe(COMPONENT)
    return nlp


def base_lang(lang: str) -> str:
    """The base language: "zh" for any Chinese tag (zh, zh-Hans, zh-Hant), "en"; ValueError otherwise."""
    code = lang.split("-")[0].lower()
    if code not in ("zh", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    return code


def nlp_for(lang: str) -> Language:
    return zh_nlp() if base_lang(lang) == "zh" else en_nlp()


def find_concepts(text: str, lang: str) -> list[ConceptMatch]:
    """Concepts named in `text`: (start, end, concept id), offsets into `text`, longest non-overlapping."""
    nlp = nlp_for(lang)
    matcher: ConceptMatcher = nlp.get_pipe(COMPONENT)  # type: ignore[assignment]
    return matcher.find(text if matcher.chinese else nlp.make_doc(text))

"""The ranking of search hits by closeness, after the score of why they matched.

The query layer scores a hit by why it matched (the phrase in its text 0.6, plus 0.4 when the phrase
names one of its concepts exactly, 0.2 partly), so most hits of a common phrase tie. `rank` keeps that
as 70 % of the score and adds 30 % of closeness: the share of the phrase's character pairs — or of the
best label of a concept the phrase names, which is how an English phrase meets Chinese text — found in
the hit's normalised text, weighted towards short texts (× 100 / (100 + length)), so a measure about the
phrase comes before a long clause mentioning it. Shortness counts only down to the length of a sentence
(`SENTENCE_LENGTH`), and a text that does not end as a sentence does weighs less: a label or lead-in
ending on a colon much less (`LABEL_WEIGHT`), anything else cut short a little (`UNFINISHED_WEIGHT`). So a
table's cell that ingest gave as a clause ("碳捕集利；方向1：") or a sentence cut off ("培育发展二氧化碳
捕集利用") does not come before the whole measures that say the phrase.

The hit's text is read in its normalised form (what the phrase was looked for in), which the answer
index and the store already hold: normalising hundreds of long texts per phrase again would cost more
than finding them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policykg.ontology.concepts import normalise_label

#: Concepts of a phrase whose labels count for closeness.
RANK_CONCEPTS = 5

#: The length a text is weighted at, at least (characters). A shorter text is not more about the phrase
#: than a sentence saying it: measures are rarely shorter, and what is — a table's cell, a form's label,
#: a heading or a sentence cut off — would otherwise come first for its shortness alone.
SENTENCE_LENGTH = 30

#: The weight of a text ending on a colon: a label or a lead-in ("方向1：", "主要任务如下："), which
#: announces content that follows elsewhere instead of saying it.
LABEL_WEIGHT = 0.5

#: The weight of a text ending otherwise than a sentence or clause does (`_ENDS`): a heading, a table's
#: row, a sentence cut off — as close as a finished text about half as long again.
UNFINISHED_WEIGHT = 0.9

#: The last characters of a finished sentence or clause, in normalised (folded) and full-width forms: its
#: stop, or the bracket or quote closing it (a clause often ends on its units in brackets).
_ENDS = frozenset("。.;；!！?？)）]】」』”\"'")
_COLONS = frozenset(":：")


def finish_weight(text: str) -> float:
    """1 for a text ending as a sentence or clause does, `LABEL_WEIGHT` for one ending on a colon,
    `UNFINISHED_WEIGHT` for any other."""
    last = text.rstrip()[-1:]
    if last in _COLONS:
        return LABEL_WEIGHT
    return 1.0 if last in _ENDS else UNFINISHED_WEIGHT


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


class Phrases:
    """The character pairs of the phrase and of the labels of the concepts it names, normalised, with
    the pairs indexed by their first character (a text is only searched for pairs it may hold)."""

    def __init__(self, q: str, scheme: Any) -> None:
        from policykg.ingest.script import query_forms, to_simplified

        forms = query_forms(q)
        phrases = {normalise_label(form) for form in forms}
        for cid in dict.fromkeys(cid for form in forms for cid in scheme.lookup(form)[:RANK_CONCEPTS]):
            concept = scheme.concepts[cid]
            for script in ("zh-Hans", "zh-Hant", "en"):
                labels = [concept.labels.get(script) or "", *concept.alt.get(script, [])]
                phrases.update(normalise_label(to_simplified(label)) for label in labels)
        self.sets = [pairs for pairs in map(_pairs, phrases) if pairs]
        self.by_first: dict[str, set[str]] = {}
        for pairs in self.sets:
            for p in pairs:
                if len(p) == 2:
                    self.by_first.setdefault(p[0], set()).add(p)
        self.singles = {p for pairs in self.sets for p in pairs if len(p) != 2}

    def closeness(self, text: str) -> float:
        """The best share of a phrase's pairs in `text` (normalised), weighted towards short texts down to
        `SENTENCE_LENGTH` and by how the text ends (`finish_weight`). A text's pairs are the phrase pairs
        found in it as substrings; a one-character phrase only meets a text of that one character."""
        chars = set(text)
        present = {p for c in chars & self.by_first.keys() for p in self.by_first[c]
                   if p[1] in chars and p in text}
        if text in self.singles:
            present.add(text)
        cover = max((len(pairs & present) / len(pairs) for pairs in self.sets), default=0.0)
        return cover * 100 / (100 + max(len(text), SENTENCE_LENGTH)) * finish_weight(text)


def rank(q: str, hits: list[dict[str, Any]], scheme: Any, normalised: Callable[[dict[str, Any]], str]) -> None:
    """Re-scores `hits` in place (see the module's description) and sorts them best first; ties keep
    their order. `normalised(hit)` gives a hit's normalised, lower-case text."""
    phrases = Phrases(q, scheme)
    for hit in hits:
        near = phrases.closeness(normalised(hit))
        hit["score"] = round(0.7 * float(hit.get("score") or 0.0) + 0.3 * near, 3)
    hits.sort(key=lambda hit: -hit["score"])

"""The ranking of search hits by closeness, after the score of why they matched.

The query layer scores a hit by why it matched (the phrase in its text 0.6, plus 0.4 when the phrase
names one of its concepts exactly, 0.2 partly), so most hits of a common phrase tie. `rank` keeps that
as 70 % of the score and adds 30 % of closeness: the share of the phrase's character pairs — or of the
best label of a concept the phrase names, which is how an English phrase meets Chinese text — found in
the hit's normalised text, weighted towards short texts (× 100 / (100 + length)), so a measure about the
phrase comes before a long clause mentioning it.

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


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


class Phrases:
    """The character pairs of the phrase and of the labels of the concepts it names, normalised, with
    the pairs indexed by their first character (a text is only searched for pairs it may hold)."""

    def __init__(self, q: str, scheme: Any) -> None:
        from policykg.ingest.script import to_simplified

        phrases = {normalise_label(to_simplified(q))}
        for cid in scheme.lookup(q)[:RANK_CONCEPTS]:
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
        """The best share of a phrase's pairs in `text` (normalised), weighted towards short texts. A
        text's pairs are the phrase pairs found in it as substrings; a one-character phrase only meets a
        text of that one character."""
        chars = set(text)
        present = {p for c in chars & self.by_first.keys() for p in self.by_first[c]
                   if p[1] in chars and p in text}
        if text in self.singles:
            present.add(text)
        cover = max((len(pairs & present) / len(pairs) for pairs in self.sets), default=0.0)
        return cover * 100 / (100 + len(text))


def rank(q: str, hits: list[dict[str, Any]], scheme: Any, normalised: Callable[[dict[str, Any]], str]) -> None:
    """Re-scores `hits` in place (see the module's description) and sorts them best first; ties keep
    their order. `normalised(hit)` gives a hit's normalised, lower-case text."""
    phrases = Phrases(q, scheme)
    for hit in hits:
        near = phrases.closeness(normalised(hit))
        hit["score"] = round(0.7 * float(hit.get("score") or 0.0) + 0.3 * near, 3)
    hits.sort(key=lambda hit: -hit["score"])

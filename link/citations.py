"""Resolves every cited document (title + 文号) to a document of the corpus or to a referenced-only node.

Order of evidence: the document number (unambiguous when present), then the title reduced to its
subject (no issuers, no "关于印发…的通知", no punctuation) compared for equality, then a fuzzy
character-bigram similarity above a threshold. Titles naming a different jurisdiction never match
fuzzily: a provincial "实施意见" mirrors the national "意见" almost word for word but is another
document. A citation that resolves to nothing becomes a node of its own, "ref-…", so that two
documents citing the same outside document meet at the same node.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policykg.ingest.model import Citation, NormalisedDocument
from policykg.link.features import (
    bigrams,
    dice,
    normalise_doc_number,
    normalise_title,
    places,
    referenced_id,
    region_places,
)
from policykg.link.model import ResolvedCitation

#: Words that make a citation one of what the citing document carries out ("贯彻落实《…》", "根据…的要求"):
#: they come shortly before the 《 (the text between may name the issuers).
_IMPLEMENTING = re.compile(r"(?:贯彻|貫徹|落实|落實|根据|根據|按照|依据|依據|实施|實施)[^。;；\n]{0,16}$")


def implementing(citation: Citation, source: NormalisedDocument) -> bool:
    """True when the words just before the citation say the document carries the cited one out."""
    before = source.original[max(0, citation.span.start - 40) : citation.span.start]
    return bool(_IMPLEMENTING.search(before.replace("《", "").replace("》", "")))


@dataclass(frozen=True, slots=True)
class _Entry:
    doc_id: str
    language: str
    title: str  # normalised
    grams: frozenset[str]
    places: frozenset[str]


class CitationIndex:
    """The corpus's documents by normalised document number and by normalised title."""

    def __init__(self, docs: Sequence[NormalisedDocument], threshold: float = 0.8) -> None:
        self.threshold = threshold
        self.by_number: dict[str, list[_Entry]] = {}
        self.entries: list[_Entry] = []
        for doc in docs:
            md = doc.metadata
            titles = {md.title, *md.titles.values()} - {""}
            doc_places = region_places(md.region).union(*(places(t) for t in titles))
            for title in sorted(titles):
                norm = normalise_title(title)
                if not norm:
                    continue
                entry = _Entry(doc.id, md.language, norm, frozenset(bigrams(norm)), doc_places)
                self.entries.append(entry)
                if md.doc_number:
                    self.by_number.setdefault(normalise_doc_number(md.doc_number), []).append(entry)

    def resolve(self, citation: Citation, source: NormalisedDocument) -> ResolvedCitation:
        lang = source.metadata.language

        def pick(entries: list[_Entry]) -> _Entry:
            # A Chinese text citing a 文号 cites the Chinese original, not a translation of it.
            return sorted(entries, key=lambda e: (e.language != lang, e.doc_id))[0]

        if citation.doc_number:
            hits = self.by_number.get(normalise_doc_number(citation.doc_number), [])
            if hits:
                return self._resolved(citation, source, pick(hits).doc_id, "doc-number")
        title = normalise_title(citation.title)
        exact = [e for e in self.entries if e.title == title]
        if exact:
            return self._resolved(citation, source, pick(exact).doc_id, "title")
        cited_places = places(citation.title)
        grams = bigrams(title)
        scored = sorted(
            ((dice(grams, set(e.grams)), e) for e in self.entries if e.places == cited_places),
            key=lambda se: (-se[0], se[1].language != lang, se[1].doc_id),
        )
        if scored and scored[0][0] >= self.threshold:
            return self._resolved(citation, source, scored[0][1].doc_id, f"title-similarity:{scored[0][0]:.2f}")
        return ResolvedCitation(
            source_document=source.id,
            title=citation.title,
            doc_number=citation.doc_number,
            target_document=None,
            referenced_id=referenced_id(citation.title),
            method="referenced-only",
        )

    @staticmethod
    def _resolved(citation: Citation, source: NormalisedDocument, target: str, method: str) -> ResolvedCitation:
        return ResolvedCitation(
            source_document=source.id,
            title=citation.title,
            doc_number=citation.doc_number,
            target_document=target,
            referenced_id=target,
            method=method,
        )


def resolve_citations(docs: Sequence[NormalisedDocument], threshold: float = 0.8) -> list[ResolvedCitation]:
    """Every citation of every document, resolved; one entry per distinct (source, cited document),
    `implementing` when any of its citations is (see `implementing`)."""
    index = CitationIndex(docs, threshold)
    resolved: list[ResolvedCitation] = []
    seen: dict[tuple[str, str], int] = {}
    for doc in sorted(docs, key=lambda d: d.id):
        for citation in doc.citations:
            r = replace(index.resolve(citation, doc), implementing=implementing(citation, doc))
            key = (r.source_document, r.referenced_id)
            if key in seen:
                if r.implementing and not resolved[seen[key]].implementing:
                    resolved[seen[key]] = replace(resolved[seen[key]], implementing=True)
                continue
            seen[key] = len(resolved)
            resolved.append(r)
    return resolved

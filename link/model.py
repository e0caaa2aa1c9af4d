"""The link stage's boundary: documents and extractions of a corpus become `Link`s between them.

Document links say which document implements / cites / translates which; clause links rank, for
each measure of a lower document, the clauses above it that it carries out, with score and evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policykg.pickling import fast_pickle


@fast_pickle
@dataclass(frozen=True, slots=True)
class ResolvedCitation:
    source_document: str
    title: str
    doc_number: str | None
    target_document: str | None  # None when the cited document is not in the corpus
    referenced_id: str  # id of the referenced-only node when target_document is None, else target
    method: str
    implementing: bool = False  # cited after 贯彻 / 落实 / 根据 / 按照 / 依据 at least once


@fast_pickle
@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # "concept" | "number" | "year" | "wording" | "unit" | "via" | "section" | "alignment";
    # for documents: "citation" | "family" | "topic" | "hierarchy"
    value: str
    weight: float = 0.0


@fast_pickle
@dataclass(frozen=True, slots=True)
class DocumentLink:
    source: str  # document id
    target: str  # document id
    relation: str  # "implements" | "cites" | "translation_of" | "same_work"
    score: float
    method: str
    evidence: tuple[Evidence, ...] = ()  # for "implements": citation, family, topic, hierarchy


@fast_pickle
@dataclass(frozen=True, slots=True)
class ClauseLink:
    source: str  # measure id (or clause id) of the lower document
    target: str  # clause id of the higher document
    relation: str  # "implements" | "quantifies" | "restates"
    score: float
    rank: int  # 1 = best candidate in that target document
    method: str  # e.g. "policykg.link.clauses/0.1"
    evidence: tuple[Evidence, ...] = ()


@fast_pickle
@dataclass(slots=True)
class CorpusLinks:
    citations: list[ResolvedCitation] = field(default_factory=list)
    documents: list[DocumentLink] = field(default_factory=list)
    clauses: list[ClauseLink] = field(default_factory=list)
    #: With an encoder (`link_corpus(encode=…)`): each source document's clause links as the encoder
    #: made them, in document order, instead of `clauses`; `clause_count` counts them either way.
    encoded: dict[str, Any] = field(default_factory=dict)
    clause_count: int = 0


def by_source_document(links: Iterable[ClauseLink]) -> dict[str, list[ClauseLink]]:
    """Clause links grouped by the document of their source (the id before "~"), in their order."""
    by_document: dict[str, list[ClauseLink]] = {}
    for cl in links:
        by_document.setdefault(cl.source.split("~", 1)[0], []).append(cl)
    return by_document

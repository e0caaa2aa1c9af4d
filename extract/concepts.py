"""Concept mentions: where a clause names a concept of the scheme, with provenance.

Matching itself is the pipeline component's (extract/nlp.py); this module turns its character
matches over the normalised text into `ConceptMention`s whose spans point into the original text.
"""

from __future__ import annotations

from policykg.extract.model import ConceptMention, Provenance
from policykg.extract.nlp import ConceptMatch, find_concepts
from policykg.ingest.model import Clause, NormalisedDocument

EXTRACTOR = "policykg.extract.concepts"
VERSION = "0.1"

__all__ = ["EXTRACTOR", "VERSION", "ConceptMatch", "clause_concepts", "concept_mentions", "find_concepts"]


def concept_mentions(doc: NormalisedDocument, start: int, end: int) -> list[ConceptMention]:
    """Concepts named in the normalised text [start, end) of `doc`, in text order."""
    text = doc.text[start:end]
    mentions = []
    for s, e, concept_id in find_concepts(text, doc.metadata.language):
        mentions.append(
            ConceptMention(
                concept_id=concept_id,
                surface=text[s:e],
                provenance=Provenance(
                    extractor=EXTRACTOR, version=VERSION, span=doc.span(start + s, start + e)
                ),
            )
        )
    return mentions


def clause_concepts(doc: NormalisedDocument, clause: Clause) -> list[ConceptMention]:
    """Concepts named in the clause's own text: its heading and body, not its children's text."""
    start, end = clause.own_range()
    return concept_mentions(doc, start, end)

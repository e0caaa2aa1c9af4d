"""Concepts (`/api/concepts`): the concepts of the scheme whose id or label (any script, any case)
matches a phrase, exact matches first; every concept for an empty phrase."""

from __future__ import annotations

from policykg.graph.answer_model import Answer
from policykg.graph.concept_names import SCRIPTS
from policykg.ontology.concepts import ConceptScheme


class Concept(Answer):
    id: str
    labels: dict[str, str | None]  # script → preferred label
    alt: dict[str, list[str]]  # script → other labels
    sector: str | None


class ConceptList(Answer):
    concepts: list[Concept]


def concepts(scheme: ConceptScheme, q: str = "") -> ConceptList:
    from policykg.ingest.script import query_forms

    if q.strip():  # every match, exact first, of each of the phrase's query forms (套用 is also 应用)
        ids = list(dict.fromkeys(cid for form in query_forms(q) for cid in scheme.matching(form)))
    else:
        ids = sorted(scheme.concepts)
    found = []
    for cid in ids:
        c = scheme.concepts[cid]
        found.append(
            {
                "id": cid,
                "labels": {lang: c.labels.get(lang) for lang in SCRIPTS},
                "alt": {lang: list(c.alt.get(lang, [])) for lang in SCRIPTS},
                "sector": c.sector or None,
            }
        )
    return ConceptList.model_validate({"concepts": found})

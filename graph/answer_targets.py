"""Targets (`/api/targets`): quantified targets, or qualitative goals, narrowed by document, target year,
concept (or a narrower one), region and level of government, in reading order — by document
(down the hierarchy, earlier issued first: `_document_order.rq`), then place in its text.

`kind` "quantified" (the default: targets with a value) or "qualitative" (goals stated in words): the
two are never mixed in one list. A work counts once: the targets of a copy of a work (a translation, the PDF
of a bundled text) only when that document is named. A relative change reads as its direction: "比2020年下降18%" is a
decrease (`comparator` and `direction`) of 18 % from 2020 (`base_year`), its bound (`bound`) ">=" when
written "以上".
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from policykg.graph import sparql_text as sq
from policykg.graph.answer_model import Answer, Number
from policykg.graph.answer_units import ConceptLabels
from policykg.graph.runner import Runner
from policykg.graph.sparql_text import short_id
from policykg.ingest.model import join_layout_breaks
from policykg.ontology import vocab as v


class Target(Answer):
    id: str
    kind: str  # quantified | qualitative
    indicator: str
    comparator: str | None  # the direction of a relative change, else the bound ("=", ">=", "<"…)
    bound: str | None  # the bound of a relative change ("以上": ">="); None otherwise
    direction: str | None  # increase | decrease, for a relative change
    value: Number | None
    value_min: Number | None
    value_max: Number | None
    measure_unit: str | None = Field(alias="unit")  # the unit of measure as written ("%", "万吨")
    converted_value: Number | None  # the value in a unit comparable across documents
    converted_unit: str | None
    base_year: int | None
    start_year: int | None
    year: int | None
    document: str
    clause: str  # the clause number
    text: str | None  # the sentence of the measure carrying it, else its quote
    #: The clause's path of numbers from the top of the document, added by the HTTP API.
    clause_path: list[str] | None = None


class TargetsPage(Answer):
    #: The concept a `concept` filter named (its id, labels and how the name met it), when one was given.
    concept: ConceptLabels | None = None
    targets: list[Target]
    total: int


def _readable(text: str | None) -> str | None:
    return None if text is None else join_layout_breaks(str(text))


def year(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(str(value)[:4])
    except ValueError:
        return None


def matching(
    run: Runner, filter_: str, limit: int | None = None, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of the targets `filter_` keeps, in targets.rq's order, and how many it keeps in all. Each
    carries "_clause", the id of its clause. Their facts, sentences and quotes are asked for the targets
    of the page only."""
    order = run.rows("targets", filter=filter_, page=sq.page(limit, offset))
    return page_of(run, order), run.total("targets_count", order, limit, offset, filter=filter_)


def page_of(run: Runner, order: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The targets of one page (rows of targets.rq: target, doc) with their facts, sentences and quotes."""
    iris = [row["target"] for row in order]
    facts: dict[str, dict[str, Any]] = {}
    for row in run.look_up("target_facts", iris):
        facts.setdefault(row["item"], row)
    sentences = run.per_item("target_sentences", iris, "sentence")
    quotes = run.per_item("span_quotes", iris, "quote")
    out = []
    for row in order:
        fact = facts.get(row["target"])
        if fact is None:  # written between the two queries
            continue
        direction = fact["change"]
        out.append(
            {
                "id": short_id(row["target"]),
                "kind": "qualitative" if fact["qualitative"] else "quantified",
                "indicator": fact["indicator"],
                # a relative change reads as its direction: "比2020年下降18%" is a decrease of 18 % from 2020
                "comparator": direction or fact["comparator"],
                "bound": fact["comparator"] if direction and fact["comparator"] != "=" else None,
                "direction": direction,
                "value": fact["value"],
                "value_min": fact["min"],
                "value_max": fact["max"],
                "unit": fact["measureUnit"],
                "converted_value": fact["convertedValue"],
                "converted_unit": fact["convertedUnit"],
                "base_year": year(fact["baseYear"]),
                "start_year": year(fact["startYear"]),
                "year": year(fact["year"]),
                "document": short_id(row["doc"]),
                "clause": fact["number"],
                # the sentence, else the target's own passage, as a reader sees it (the layout's breaks joined)
                "text": _readable(sentences.get(row["target"]) or quotes.get(row["target"])),
                "_clause": short_id(fact["clause"]),
            }
        )
    return out


def targets_page(
    run: Runner,
    document: str | None = None,
    year: int | None = None,
    concept: str | None = None,
    region: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    kind: str = "quantified",
    within: frozenset[str] | None = None,
) -> TargetsPage:
    """The `limit` targets (all when None) after the first `offset` of those the filters keep, and how
    many that is in all. `within`: when given, only targets of these documents (those of a level)."""
    named = run.names.resolve_how(concept) if concept else None
    head: dict[str, Any] = {}
    if named is not None:
        head["concept"] = {"id": named[0], "labels": run.names.labels(named[0]), "match": named[1]}
    documents = _documents(document, within)
    if documents is not None and not documents:
        return TargetsPage.model_validate({**head, "targets": [], "total": 0})
    # a work counts once: the copies of a work (its translation, a second copy) only when named
    copies = sorted(run.copies()) if not document else []
    index = run.index()
    if index is not None:
        family = None
        if concept:
            family = [v.concept_iri(c) for c in run.names.family(concept)]
            if not family:
                return TargetsPage.model_validate({**head, "targets": [], "total": 0})
        found, total = index.targets(kind == "qualitative", _iris(documents), year,
                                     family, v.region_iri(region) if region else None, limit, offset, exclude=copies)
    else:
        filter_ = where_filter(run, documents, year, concept, region, kind, exclude=copies)
        if filter_ is None:
            return TargetsPage.model_validate({**head, "targets": [], "total": 0})
        found, total = matching(run, filter_, limit, offset)
    for t in found:
        t.pop("_clause", None)
    return TargetsPage.model_validate({**head, "targets": found, "total": total})


def where_filter(run: Runner | None, documents: str | frozenset[str] | None, year: int | None, concept: str | None,
                 region: str | None, kind: str, exclude: list[str] | None = None) -> str | None:
    """targets.rq's `${filter}` for these conditions (`documents`: one id or a set of them; `exclude`: document
    IRIs left out); None when the concept names nothing (a concept needs the runner's concept names)."""
    filters = [f"?target pkg:qualitative {'true' if kind == 'qualitative' else 'false'} ."]
    if isinstance(documents, str):
        documents = frozenset({documents})
    if documents:
        filters.append(f"VALUES ?doc {{ {sq.iris(v.doc_iri(d) for d in sorted(documents))} }}")
    if exclude:
        filters.append(sq.not_in("?doc", exclude))
    if year is not None:
        filters.append(f'?target pkg:targetYear ?y FILTER(STR(?y) = "{int(year):04d}")')
    if concept:
        if run is None:
            raise ValueError("a concept filter needs the runner's concept names")
        ids = run.names.family(concept)
        if not ids:
            return None
        filters.append(
            f"VALUES ?c {{ {sq.iris(v.concept_iri(c) for c in ids)} }} "
            "{ ?target pkg:concept ?c } UNION { ?m pkg:hasTarget ?target ; pkg:concept ?c }"
        )
    if region:
        filters.append(f"?doc pkg:region ?docRegion {sq.within('?docRegion', region)}")
    return "\n  ".join(filters)


def _documents(document: str | None, within: frozenset[str] | None) -> frozenset[str] | None:
    """The documents the targets may come from: the one named, those `within` holds, or both (None: any)."""
    if not document:  # an empty filter narrows nothing, as before levels
        return within
    return frozenset({document}) if within is None or document in within else frozenset()


def _iris(documents: frozenset[str] | None) -> list[str] | None:
    return None if documents is None else [v.doc_iri(d) for d in sorted(documents)]

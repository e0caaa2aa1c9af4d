"""What the web page reads beside the research answers: where facts sit in the original text, region
names, the links into a clause, national clauses without local implementation, names of kinds of unit,
and the concepts of targets. The page asks the API for these (`/api/facts`, `/api/regions`, …); it writes
no SPARQL of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from policykg.graph import sparql_text as sq
from policykg.graph.answer_model import Answer, Number
from policykg.graph.runner import VALUES_CHUNK, Runner
from policykg.graph.sparql_text import short_id
from policykg.ontology import vocab as v

#: Most clauses (or items) one request may ask about.
MAX_ITEMS = 2000
_TYPE = re.compile(r"^[\w-]+$")


class FactSpan(Answer):
    id: str
    kind: str  # measure, target, deadline, unit (a responsibility), concept (a concept mention)
    clause: str
    start: int  # offsets in the document's original text
    end: int
    exact: str | None  # the quote
    unit: str | None  # for a responsibility: the unit (organisation) …
    unit_label: str | None  # … its simplified-Chinese name
    role: str | None  # … and its role
    concept: str | None  # for a concept mention


class FactSpans(Answer):
    facts: list[FactSpan]  # by start, the longer first at the same start


class ItemSpan(Answer):
    id: str
    start: int
    end: int
    normalised: str | None


class ItemSpans(Answer):
    spans: list[ItemSpan]


class RegionNames(Answer):
    id: str
    labels: dict[str, str]  # language tag → name
    parent: str | None


class RegionList(Answer):
    regions: list[RegionNames]


class Implementer(Answer):
    source: str  # a measure or clause id
    kind: str  # measure | clause
    score: Number
    rank: int | None
    relation: str
    document: str
    clause: str  # the source's clause id (a measure's own clause)
    number: str | None
    text: str | None


class Implementers(Answer):
    implementers: list[Implementer]  # best score first, one per source
    aligned_to: str | None = None  # the original's clause whose implementers these are, for a translation's clause


class Unimplemented(Answer):
    clause: str
    document: str
    number: str
    title: str | None
    text: str | None
    best_local_score: Number | None  # null: no local document links to it


class UnimplementedList(Answer):
    clauses: list[Unimplemented]


class UnitTypeNames(Answer):
    names: dict[str, str]  # kind of unit ("fgw") → its most common name without the region's


class TargetConcepts(Answer):
    concepts: dict[str, list[str]]  # target id → concept ids


#: The kind a fact's class answers as.
_FACT_KINDS = {v.PKG + "Measure": "measure", v.PKG + "Target": "target", v.PKG + "Deadline": "deadline",
               v.PKG + "Responsibility": "unit", v.OA + "Annotation": "concept"}


def _facts(run: Runner, filter_: str) -> list[dict[str, Any]]:
    """The facts `filter_` selects with their spans, then their quotes, units and concepts looked up for
    the facts found (one query of optional groups would read every fact of the store)."""
    rows = run.rows("fact_spans", filter=filter_)
    items = [r["fact"] for r in rows]
    quotes = run.per_item("fact_quotes", items, "exact")
    of_kind = {kind: [r["fact"] for r in rows if _FACT_KINDS[r["type"]] == kind] for kind in ("unit", "concept")}
    units = {r["item"]: r for r in run.look_up("fact_units", of_kind["unit"])}
    concepts = run.per_item("fact_concepts", of_kind["concept"], "concept")
    facts = []
    for row in rows:
        unit = units.get(row["fact"], {})
        facts.append({
            "id": short_id(row["fact"]), "kind": _FACT_KINDS[row["type"]], "clause": short_id(row["clause"]),
            "start": row["start"], "end": row["end"], "exact": quotes.get(row["fact"]),
            "unit": short_id(unit["unit"]) if unit.get("unit") else None, "unit_label": unit.get("unitLabel"),
            "role": unit.get("role"),
            "concept": short_id(concepts[row["fact"]]) if concepts.get(row["fact"]) else None,
        })
    return sorted(facts, key=lambda f: (f["start"], -f["end"], f["id"], f["kind"]))


def document_facts(run: Runner, doc_id: str) -> FactSpans:
    """Every fact of one document with its place in the original text."""
    return FactSpans.model_validate({"facts": _facts(run, f"?fact pkg:document {sq.iri(v.doc_iri(doc_id))} .")})


def clause_facts(run: Runner, clause_ids: list[str]) -> FactSpans:
    """The facts of some clauses (a page of search results)."""
    facts: list[dict[str, Any]] = []
    unique = sorted(set(clause_ids))[:MAX_ITEMS]
    for i in range(0, len(unique), VALUES_CHUNK):
        facts += _facts(run, f"VALUES ?clause {{ {sq.iris(v.clause_iri(c) for c in unique[i : i + VALUES_CHUNK])} }}")
    facts.sort(key=lambda f: (f["start"], -f["end"], f["id"], f["kind"]))
    return FactSpans.model_validate({"facts": facts})


def _spans(rows: list[dict[str, Any]]) -> ItemSpans:
    spans = {short_id(r["item"]): {"id": short_id(r["item"]), "start": r["start"], "end": r["end"],
                                   "normalised": r["normalised"]} for r in rows}
    return ItemSpans.model_validate({"spans": [spans[k] for k in sorted(spans)]})


def item_spans(run: Runner, kind: str, ids: list[str]) -> ItemSpans:
    """Where each clause (`kind` "clause") or measure ("measure") starts and ends, with its normalised text."""
    build = v.clause_iri if kind == "clause" else v.measure_iri
    return _spans(run.look_up("item_spans", (build(i) for i in sorted(set(ids))[:MAX_ITEMS])))


def clause_spans(run: Runner, doc_id: str) -> ItemSpans:
    """`item_spans` of every clause of one document."""
    return _spans(run.rows("clause_spans", doc=sq.iri(v.doc_iri(doc_id))))


def regions(run: Runner) -> RegionList:
    found: dict[str, dict[str, Any]] = {}
    for row in run.rows("regions"):
        rid = short_id(row["region"])
        entry = found.setdefault(rid, {"id": rid, "labels": {}, "parent": short_id(row["parent"]) if row["parent"] else None})
        entry["labels"][row["lang"]] = row["label"]
    for entry in found.values():
        entry["labels"] = dict(sorted(entry["labels"].items()))
    return RegionList.model_validate({"regions": [found[k] for k in sorted(found)]})


def implementers(run: Runner, clause_id: str) -> Implementers | None:
    """Every link into a clause, one per source (its best), best score first; None when the graph has no
    such clause. A clause of a translation or another edition that nothing links to answers with the implementers
    of the original's clause it is aligned to, `aligned_to` naming that clause (the documents below implement it)."""
    rows = run.rows("implementers", item=sq.iri(v.clause_iri(clause_id)))
    if not rows and not is_clause(run, clause_id):
        return None
    if not rows:
        aligned = run.rows("aligned_original", item=sq.iri(v.clause_iri(clause_id)))
        original = short_id(aligned[0]["target"]) if aligned else None
        others = run.rows("implementers", item=sq.iri(v.clause_iri(original))) if original else []
        found = _implementers([r for r in others if short_id(r["source"]) != clause_id]) if original else None
        if found is not None and found.implementers:
            return found.model_copy(update={"aligned_to": original})
    return _implementers(rows)


def _implementers(rows: list[dict[str, Any]]) -> Implementers:
    """One link per source (its best), best score first."""
    best: dict[str, dict[str, Any]] = {}
    for row in rows:
        source = short_id(row["source"])
        entry = {
            "source": source, "kind": "measure" if row["owner"] else "clause", "score": row["score"],
            "rank": row["rank"], "relation": row["relation"], "document": short_id(row["doc"]),
            "clause": short_id(row["owner"]) if row["owner"] else source, "number": row["number"],
            "text": row["text"],
        }
        seen = best.get(source)
        if seen is None or entry["score"] > seen["score"]:
            best[source] = entry
    ranked = sorted(best.values(), key=lambda e: (-e["score"], e["source"]))
    return Implementers.model_validate({"implementers": ranked})


def is_clause(run: Runner, clause_id: str) -> bool:
    """The graph has a clause of this id (a measure's id is none)."""
    iri = v.clause_iri(clause_id)
    return any(row["clause"] == iri for row in run.rows("item", items=sq.iri(iri)))


def _reading_order(clause_id: str) -> list[int]:
    """Sort key of a clause id in reading order: "…~s8.i21.p3" → [8, 21, 3]."""
    numbers = (seg.lstrip("abcdefghijklmnopqrstuvwxyz") for seg in clause_id.rsplit("~", 1)[-1].split("."))
    return [int(n) if n.isdigit() else 0 for n in numbers]


def unimplemented(run: Runner, min_score: float) -> UnimplementedList:
    """National (central and ministry) leaf clauses that no measure or clause of a provincial, municipal or
    county document links to with a score of at least `min_score`, by document in reading order."""
    best = {short_id(r["target"]): r["best"] for r in run.rows("local_link_targets")}
    out = []
    for row in run.rows("national_leaves"):
        clause = short_id(row["clause"])
        score = best.get(clause)
        if score is None or score < min_score:
            out.append({"clause": clause, "document": short_id(row["doc"]), "number": row["number"],
                        "title": row["title"], "text": row["text"], "best_local_score": score})
    out.sort(key=lambda g: (g["document"], _reading_order(g["clause"]), g["clause"]))
    return UnimplementedList.model_validate({"clauses": out})


def unit_type_names(run: Runner, types: list[str]) -> UnitTypeNames:
    """A readable name for each kind of unit named in link evidence ("fgw" → "发展和改革委员会"): the most
    common name of that kind's units across regions, without the region's name."""
    wanted = sorted({t for t in types if _TYPE.match(t)})[:MAX_ITEMS]
    if not wanted:
        return UnitTypeNames(names={})
    counts: dict[str, Counter[str]] = {}
    for row in run.rows("unit_type_names", values=" ".join(sq.string_literal(t) for t in wanted)):
        label, region = str(row["label"]), str(row["regionLabel"])
        name = label[len(region):] if label.startswith(region) else label
        counts.setdefault(row["value"], Counter())[name] += 1
    names = {t: min(c, key=lambda n: (-c[n], n)) for t, c in sorted(counts.items())}
    return UnitTypeNames.model_validate({"names": names})


def target_concepts(run: Runner) -> TargetConcepts:
    """Every target id with the concepts it is tagged with (the target rows of `/api/targets` do not
    carry them)."""
    out: dict[str, list[str]] = {}
    for row in run.rows("target_concepts"):
        out.setdefault(short_id(row["target"]), []).append(short_id(row["concept"]))
    return TargetConcepts.model_validate({"concepts": {t: sorted(c) for t, c in sorted(out.items())}})

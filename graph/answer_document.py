"""One document (`/api/documents/{id}`): its metadata, its clauses in reading order with their facts, and
its place in the document graph (`answer_document_links`)."""

from __future__ import annotations

from typing import Any

from policykg.graph.answer_document_links import LinkedDocument, document_links
from policykg.graph.answer_documents import DocumentSummary, as_text, of_documents, script, summaries
from policykg.graph.answer_model import Answer
from policykg.graph.answer_targets import Target, matching
from policykg.graph.runner import Runner
from policykg.graph.sparql_text import iri, short_id
from policykg.ontology import ids
from policykg.ontology import vocab as v


class ClauseUnit(Answer):
    id: str
    label: str | None  # the unit's canonical name
    name: str | None  # as the document writes it
    jurisdiction: str | None
    role: str  # lead, support, mentioned
    resolved: bool  # False: a unit the registry does not know


class ClauseConcept(Answer):
    id: str
    label: str


class ClauseMeasure(Answer):
    id: str
    text: str | None


class ClauseDeadline(Answer):
    id: str
    label: str | None
    start: str | None
    end: str | None
    kind: str | None
    ongoing: bool


class DocumentClause(Answer):
    id: str
    number: str
    path: list[str]  # clause numbers from the top of the document down
    title: str | None
    text: str | None
    units: list[ClauseUnit]
    targets: list[Target]  # quantified
    goals: list[Target]  # qualitative
    concepts: list[ClauseConcept]
    measures: list[ClauseMeasure]
    deadlines: list[ClauseDeadline]


class Document(DocumentSummary):
    clauses: list[DocumentClause]  # in reading order
    parents: list[LinkedDocument]  # the documents it implements, best first
    children: list[LinkedDocument]  # the documents implementing it, best first
    expressions: list[LinkedDocument]  # the same work in another language or copy
    cites: list[LinkedDocument]
    cited_by: list[LinkedDocument]  # the documents of the corpus citing it
    referenced_only: bool = False  # known only by the citations naming it: no text, no clauses


def referenced_document(run: Runner, doc_id: str) -> Document | None:
    """A document the corpus only cites (`pkg:referencedOnly`): its title and 文号 as cited, and the
    documents citing it; None when no document cites it either."""
    rows = run.rows("referenced", items=iri(v.doc_iri(doc_id)))
    if not rows:
        return None
    title = next((r["title"] for r in rows if r["title"]), None)
    number = next((r["number"] for r in rows if r["number"]), None)
    result: dict[str, Any] = {
        "id": doc_id, "title": title, "titles": {}, "level": None, "region": None, "issuer": None, "issued": None,
        "doc_number": number, "language": None, "clauses": [], "referenced_only": True,
    }
    result.update(document_links(run, doc_id))
    return Document.model_validate(result)


def document(run: Runner, doc_id: str) -> Document | None:
    """The document's metadata and its clauses in reading order; a document only cited, as it is cited
    (`referenced_document`); None when it is not in the store."""
    doc = iri(v.doc_iri(doc_id))
    found = summaries(run, of_documents([doc_id]))
    if not found:
        return referenced_document(run, doc_id)
    result = found[0]
    language = result["language"] or "zh"
    clauses: dict[str, dict[str, Any]] = {}
    order: dict[str, tuple[int, int]] = {}
    clause_rows = run.rows("clauses", doc=doc)
    starts = run.starts(row["clause"] for row in clause_rows)
    for row in clause_rows:
        cid = short_id(row["clause"])
        clauses[cid] = {
            "id": cid,
            "number": row["number"],
            "path": row["path"].split("/") if row["path"] else [row["number"]],
            "title": row["title"],
            "text": row["text"],
            "units": [],
            "targets": [],
            "goals": [],
            "concepts": [],
            "measures": [],
            "deadlines": [],
        }
        start = starts.get(row["clause"])
        order[cid] = (start if start is not None else 0, row["depth"] or 0)

    unit_rows = run.rows("clause_units", doc=doc, graph=iri(v.graph_iri(doc_id)))
    unit_labels = run.per_item("unit_labels", (r["unit"] for r in unit_rows), "label")
    seen_units: set[tuple[str, str, str]] = set()
    for row in sorted(unit_rows, key=lambda r: ids.fact_order(short_id(r["resp"]))):
        cid, uid = short_id(row["clause"]), short_id(row["unit"])
        if cid not in clauses or (cid, uid, row["role"]) in seen_units:
            continue
        seen_units.add((cid, uid, row["role"]))
        clauses[cid]["units"].append(
            {
                "id": uid,
                "label": unit_labels.get(row["unit"]),
                "name": row["surface"],
                "jurisdiction": short_id(row["jurisdiction"]) if row["jurisdiction"] else None,
                "role": row["role"],
                "resolved": row["unitType"] is None,
            }
        )

    # quantified targets and qualitative goals are two kinds, in two lists
    for target in matching(run, f"VALUES ?doc {{ {doc} }}")[0]:
        cid = target.pop("_clause")
        if cid in clauses:
            clauses[cid]["targets" if target["kind"] == "quantified" else "goals"].append(target)

    labels: dict[tuple[str, str], dict[str, str]] = {}
    for row in run.rows("clause_concepts", doc=doc):
        key = (short_id(row["clause"]), short_id(row["concept"]))
        bucket = labels.setdefault(key, {})
        if row["label"] is not None:
            bucket[script(row["lang"]) or "und"] = row["label"]
    want = "en" if language == "en" else "zh-Hans"
    for (cid, concept_id), by_script in sorted(labels.items()):
        if cid in clauses:
            label = by_script.get(want) or by_script.get("zh-Hans") or next(iter(by_script.values()), concept_id)
            clauses[cid]["concepts"].append({"id": concept_id, "label": label})

    for row in sorted(run.rows("clause_measures", doc=doc), key=lambda r: ids.fact_order(short_id(r["measure"]))):
        cid = short_id(row["clause"])
        if cid in clauses:
            clauses[cid]["measures"].append({"id": short_id(row["measure"]), "text": row["text"]})

    deadlines = sorted(run.rows("clause_deadlines", doc=doc), key=lambda r: ids.fact_order(short_id(r["deadline"])))
    for row in deadlines:
        cid = short_id(row["clause"])
        if cid in clauses:
            clauses[cid]["deadlines"].append(
                {
                    "id": short_id(row["deadline"]),
                    "label": row["label"],
                    "start": as_text(row["begin"]),
                    "end": as_text(row["end"]),
                    "kind": row["kind"],
                    "ongoing": bool(row["ongoing"]),
                }
            )
    result["clauses"] = [clauses[c] for c in sorted(clauses, key=lambda c: (order[c], c))]
    result.update(document_links(run, doc_id))  # parents, children, expressions, cites, cited_by
    result["referenced_only"] = False
    return Document.model_validate(result)

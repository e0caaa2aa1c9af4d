"""A document's place in the document graph: which documents it implements (its parents) and which
implement it (its children), each with the link's score, relation, method and evidence (citation,
family, topic, hierarchy), its expressions (the English central opinions beside the Chinese), what it
cites and which documents cite it. Part of the answer about one document (`answer_document`).
"""

from __future__ import annotations

from typing import Any

from policykg.graph.answer_documents import of_documents, summaries
from policykg.graph.answer_model import Answer, Number
from policykg.graph.rdf_links import read_evidence
from policykg.graph.runner import Runner
from policykg.graph.sparql_text import iri, iris, short_id
from policykg.ontology import vocab as v

_EXPRESSION = ("translation_of", "same_work")


class LinkEvidence(Answer):
    kind: str
    value: str
    weight: Number


class LinkedDocument(Answer):
    id: str
    title: str | None
    level: str | None
    region: str | None
    issued: str | None
    doc_number: str | None
    relation: str  # implements, cites, translation_of, same_work
    score: Number
    method: str | None
    evidence: list[LinkEvidence]
    original: bool | None = None  # expressions only: whether the other document is the original
    referenced_only: bool | None = None  # cites only: known only by citation, not read


class DocumentLinks(Answer):
    parents: list[LinkedDocument]
    children: list[LinkedDocument]
    expressions: list[LinkedDocument]
    cites: list[LinkedDocument]
    cited_by: list[LinkedDocument]


def document_links(run: Runner, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """{"parents", "children", "expressions", "cites", "cited_by"} of a document; parents and children are
    `implements` links, best score first, each naming the other document (id, title, level, region,
    issued) with score, relation, method and evidence."""
    doc = v.doc_iri(doc_id)
    links: dict[str, dict[str, Any]] = {}
    for row in run.rows("document_links", doc=iri(doc), links=iri(v.LINKS_GRAPH)):
        link = links.get(row["link"])
        if link is None:
            outward = row["source"] == doc
            link = links[row["link"]] = {
                "other": row["target"] if outward else row["source"], "outward": outward, "relation": row["relation"],
                "score": float(row["score"]), "method": row["method"], "evidence": read_evidence(row["evidence"]),
            }
    cited = {short_id(row["cited"]) for row in run.rows("cited", doc=iri(doc))}
    citing = {short_id(row["citing"]) for row in run.rows("citing", doc=iri(doc))}
    # how each citation was resolved (文号, title, similarity), by the other document and the direction
    methods = {(short_id(link["other"]), link["outward"]): link["method"] for link in links.values()
               if link["relation"] == "cites"}
    others = sorted({short_id(link["other"]) for link in links.values()} | cited | citing)
    described = {d["id"]: d for d in summaries(run, of_documents(others))} if others else {}
    referenced = {}
    missing = [o for o in others if o not in described]
    if missing:
        for row in run.rows("referenced", items=iris(v.doc_iri(o) for o in missing)):
            referenced[short_id(row["item"])] = {"id": short_id(row["item"]), "title": row["title"],
                                                 "doc_number": row["number"], "referenced_only": True}
    out: dict[str, list[dict[str, Any]]] = {"parents": [], "children": [], "expressions": [], "cites": [],
                                            "cited_by": []}

    def named(other_id: str) -> dict[str, Any]:
        other = described.get(other_id) or referenced.get(other_id) or {}
        return {"id": other_id, **{k: other.get(k) for k in ("title", "level", "region", "issued", "doc_number")}}

    for link in links.values():
        entry = {
            **named(short_id(link["other"])), "relation": link["relation"], "score": round(link["score"], 4),
            "method": link["method"],
            "evidence": link["evidence"],
        }
        if link["relation"] == "implements":
            out["parents" if link["outward"] else "children"].append(entry)
        elif link["relation"] in _EXPRESSION:
            out["expressions"].append({**entry, "original": link["outward"]})  # is the other the original?
    for other_id in sorted(cited):
        out["cites"].append({**named(other_id), "relation": "cites", "score": 1.0, "method": methods.get((other_id, True)),
                             "evidence": [], "referenced_only": other_id in referenced})
    for other_id in sorted(citing):  # whoever cites a document has been read: it is a document of the corpus
        out["cited_by"].append({**named(other_id), "relation": "cites", "score": 1.0, "evidence": [],
                                "method": methods.get((other_id, False))})
    for key in out:
        out[key].sort(key=lambda e: (-e["score"], e["id"]))
    return out

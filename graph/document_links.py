"""The document graph in the store: a document's parents and children, and coverage of its clauses.

`document_links` answers which documents a document implements (its parents) and which implement it
(its children), each with the link's score, relation, method and evidence (citation, family, topic,
hierarchy), its expressions (the English central opinions beside the Chinese) and what it cites.

`coverage` answers, for a national or provincial document, which of its clauses each province and
city carries out: a clause is implemented by a region when a measure (or leaf clause) of a document of
that region has the clause among its best `rank` links into the document, scoring at least
`min_score` (0.2 unless asked otherwise). Regions are provinces and
cities below the document's own jurisdiction (a county's documents count for its city; a national
document's columns are provinces and cities, a province's its cities). Rows are the document's leaf
clauses in reading order; `uncovered` lists those no region implements.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from policykg.ontology import vocab as v

if TYPE_CHECKING:
    from policykg.graph.queries import Queries

#: Every document link from or to `${doc}`, with its evidence (citation, family, topic, hierarchy).
DOCUMENT_LINKS = """
SELECT DISTINCT ?link ?source ?target ?relation ?score ?method ?evidence ?ekind ?evalue ?eweight WHERE {
  { ?link pkg:source ${doc} } UNION { ?link pkg:target ${doc} }
  ?link a pkg:DocumentLink ; pkg:source ?source ; pkg:target ?target ; pkg:relation ?relation ; pkg:score ?score .
  OPTIONAL { ?link pkg:method ?method }
  OPTIONAL {
    ?link pkg:evidence ?evidence .
    ?evidence pkg:evidenceKind ?ekind ; rdf:value ?evalue .
    OPTIONAL { ?evidence pkg:weight ?eweight }
  }
}
"""

#: The documents `${doc}` cites (eli:cites), in the corpus or known only by citation.
CITED = """
SELECT DISTINCT ?cited WHERE { ${doc} eli:cites ?cited }
"""

#: Title and number of documents known only because a document cites them (`${items}`).
REFERENCED = """
SELECT DISTINCT ?item ?title ?number WHERE {
  VALUES ?item { ${items} }
  ?item pkg:referencedOnly true .
  OPTIONAL { ?item eli:title ?title }
  OPTIONAL { ?item eli:id_local ?number }
}
"""

#: The clause links into `${doc}`'s clauses, with their rank and the source's clause and document region
#: (alignments of other expressions are no implementation).
COVERAGE_LINKS = """
SELECT DISTINCT ?target ?source ?owner ?sdoc ?region ?rank ?score WHERE {
  ?target pkg:document ${doc} .
  ?link pkg:target ?target ; a pkg:ClauseLink ; pkg:source ?source ; pkg:rank ?rank ; pkg:score ?score ;
        pkg:method ?method .
  FILTER(?method != "alignment")
  ?source pkg:document ?sdoc .
  OPTIONAL { ?source pkg:clause ?measured }
  BIND(COALESCE(?measured, ?source) AS ?owner)
  ?sdoc pkg:region ?region .
}
"""

QUERIES = {"document_links": DOCUMENT_LINKS, "cited": CITED, "referenced": REFERENCED, "coverage_links": COVERAGE_LINKS}

_EXPRESSION = ("translation_of", "same_work")
#: Least score of a link counted as implementing a clause in the coverage matrix: every measure has a
#: best clause in each document above it, but below this score it is seldom the one a reader names.
COVERAGE_MIN_SCORE = 0.2


def _order(evidence_iri: str) -> int:
    tail = str(evidence_iri).rsplit("#e", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def document_links(q: Queries, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """{"parents", "children", "expressions", "cites"} of a document; parents and children are
    `implements` links, best score first, each naming the other document (id, title, level, region,
    issued) with score, relation, method and evidence."""
    from policykg.graph.queries import _id, iri

    doc = v.doc_iri(doc_id)
    links: dict[str, dict[str, Any]] = {}
    for row in q.rows(DOCUMENT_LINKS, doc=iri(doc)):
        link = links.get(row["link"])
        if link is None:
            outward = row["source"] == doc
            link = links[row["link"]] = {
                "other": row["target"] if outward else row["source"], "outward": outward, "relation": row["relation"],
                "score": float(row["score"]), "method": row["method"], "evidence": {},
            }
        if row["evidence"] is not None:
            link["evidence"][row["evidence"]] = {"kind": row["ekind"], "value": str(row["evalue"]),
                                                 "weight": float(row["eweight"] or 0.0)}
    cited = {_id(row["cited"]) for row in q.rows(CITED, doc=iri(doc))}
    methods = {_id(link["other"]): link["method"] for link in links.values()
               if link["relation"] == "cites" and link["outward"]}
    others = sorted({_id(link["other"]) for link in links.values()} | cited)
    described = {d["id"]: d for d in q._documents("VALUES ?doc { " + " ".join(iri(v.doc_iri(o)) for o in others) + " }")} \
        if others else {}
    referenced = {}
    missing = [o for o in others if o not in described]
    if missing:
        for row in q.rows(REFERENCED, items=" ".join(iri(v.doc_iri(o)) for o in missing)):
            referenced[_id(row["item"])] = {"id": _id(row["item"]), "title": row["title"], "doc_number": row["number"],
                                            "referenced_only": True}
    out: dict[str, list[dict[str, Any]]] = {"parents": [], "children": [], "expressions": [], "cites": []}

    def named(other_id: str) -> dict[str, Any]:
        other = described.get(other_id) or referenced.get(other_id) or {}
        return {"id": other_id, **{k: other.get(k) for k in ("title", "level", "region", "issued", "doc_number")}}

    for link in links.values():
        entry = {
            **named(_id(link["other"])), "relation": link["relation"], "score": round(link["score"], 4),
            "method": link["method"],
            "evidence": [e for _, e in sorted(link["evidence"].items(), key=lambda kv: _order(kv[0]))],
        }
        if link["relation"] == "implements":
            out["parents" if link["outward"] else "children"].append(entry)
        elif link["relation"] in _EXPRESSION:
            out["expressions"].append({**entry, "original": link["outward"]})  # is the other the original?
    for other_id in sorted(cited):
        out["cites"].append({**named(other_id), "relation": "cites", "score": 1.0, "method": methods.get(other_id),
                             "evidence": [], "referenced_only": other_id in referenced})
    for key in out:
        out[key].sort(key=lambda e: (-e["score"], e["id"]))
    return out


def column_of(region: str, scope: str) -> str | None:
    """The province or city column a document's region counts in, below `scope` ("CN", "CN-FJ"); None
    for the scope itself (a national ministry's plan is no province's)."""
    parts, outer = region.split("-"), scope.split("-")
    if parts[: len(outer)] != outer or len(parts) <= len(outer):
        return None
    return "-".join(parts[: min(len(parts), 3)])


def coverage(q: Queries, doc_id: str, rank: int = 1, min_score: float = COVERAGE_MIN_SCORE) -> dict[str, Any] | None:
    """The clause × region matrix of a document (see the module's docstring): links of rank ≤ `rank`
    scoring at least `min_score` count; None when there is no such document."""
    from policykg.graph.queries import CLAUSES, _id, iri

    found = q._documents(f"VALUES ?doc {{ {iri(v.doc_iri(doc_id))} }}")
    if not found:
        return None
    head = found[0]
    scope = head["region"] or "CN"
    rows = q.rows(CLAUSES, doc=iri(v.doc_iri(doc_id)))
    paths = {_id(r["clause"]): tuple(r["path"].split("/")) if r["path"] else (r["number"],) for r in rows}
    inner = {p[:n] for p in paths.values() for n in range(1, len(p))}
    starts = q._starts(r["clause"] for r in rows)
    leaves = sorted((c for c, p in paths.items() if p not in inner),
                    key=lambda c: (starts.get(v.clause_iri(c), 0), c))
    info = {_id(r["clause"]): r for r in rows}
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    regions: dict[str, set[str]] = {}
    for row in q.rows(COVERAGE_LINKS, doc=iri(v.doc_iri(doc_id))):
        column = column_of(_id(row["region"]), scope)
        target = _id(row["target"])
        if column is None or target not in paths or int(row["rank"]) > rank or float(row["score"]) < min_score:
            continue
        cell = cells.setdefault((target, column), {"clauses": set(), "documents": set(), "best": 0.0})
        cell["clauses"].add(_id(row["owner"]))
        cell["documents"].add(_id(row["sdoc"]))
        cell["best"] = max(cell["best"], float(row["score"]))
        regions.setdefault(column, set()).add(_id(row["sdoc"]))
    columns = sorted(regions)
    labels = _region_labels(columns)
    clauses = []
    for c in leaves:
        by_region = {col: {"count": len(found["clauses"]), "best": round(found["best"], 4),
                           "documents": sorted(found["documents"])}
                     for col in columns if (found := cells.get((c, col)))}
        clauses.append({"id": c, "path": list(paths[c]), "number": info[c]["number"], "title": info[c]["title"],
                        "regions": by_region})
    return {
        "document": {k: head.get(k) for k in ("id", "title", "level", "region", "issued")},
        "scope": scope,
        "rank": int(rank),
        "min_score": min_score,
        "regions": [{"id": col, "label": labels.get(col, col), "level": "province" if col.count("-") == 1 else "city",
                     "documents": sorted(regions[col]),
                     "clauses": sum(1 for c in clauses if col in c["regions"])} for col in columns],
        "clauses": clauses,
        "uncovered": [c["id"] for c in clauses if not c["regions"]],
    }


def _region_labels(columns: Iterable[str]) -> dict[str, str]:
    """Simplified-Chinese names of regions, from the gazetteer (the store's reference graph only
    holds the regions of units it knows)."""
    from policykg.ingest.regions import gazetteer

    names: dict[str, str] = {}
    for col in columns:
        region = gazetteer().by_id(col)
        names[col] = (region.full_name or region.name) if region else col
    return names


def coverage_csv(answer: dict[str, Any]) -> str:
    """The matrix as CSV (UTF-8 with a byte-order mark): one row per clause, one column per region
    holding how many of its clauses implement it, then how many regions implement the clause."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = [r["id"] for r in answer["regions"]]
    writer.writerow(["clause", "path", "title", *[r["label"] for r in answer["regions"]], "regions"])
    for c in answer["clauses"]:
        writer.writerow([c["id"], "/".join(c["path"]), c["title"] or "",
                         *[c["regions"].get(col, {}).get("count", 0) for col in columns], len(c["regions"])])
    return "\ufeff" + out.getvalue()

"""Trace (`/api/trace/{id}`): the chain upward from a measure (or clause) to the clauses it implements.

Two views of the same clause links:

* `parents`: a tree, hop by hop. Each level keeps `trace_max_parents` candidates; the walk stops after
  `trace_max_depth` levels and never revisits a clause already on the path.
* `ancestors`: per document above, best chain first, the item's own ranked clauses there (its own links,
  or for a clause the links of everything inside it), each with its score, its chain (score × the score
  of the chain of document links up to that document), relation, evidence and the same clause in the
  work's other expressions; at most `trace_max_parents` clauses per document. A document's `via` is the
  document just below it on its best chain (null: implemented directly).
"""

from __future__ import annotations

from typing import Any

from policykg.graph.answer_model import Answer, Number
from policykg.graph.rdf_links import read_evidence
from policykg.graph.runner import VALUES_CHUNK, Runner
from policykg.graph.sparql_text import iri, iris, short_id
from policykg.ontology import vocab as v


class TraceSource(Answer):
    id: str
    kind: str | None  # measure | clause
    document: str
    clause: str  # the clause number
    text: str | None


class LinkEvidence(Answer):
    kind: str  # wording, term, concept, number, …
    value: str
    weight: Number


class TraceParent(Answer):
    id: str
    document: str
    clause: str
    text: str | None
    score: Number
    relation: str
    evidence: list[LinkEvidence]
    parents: list[TraceParent]


class AncestorClause(Answer):
    id: str
    clause: str
    text: str | None
    rank: int
    score: Number
    chain: Number
    relation: str
    evidence: list[LinkEvidence]
    expressions: list[str]


class Ancestor(Answer):
    document: str
    score: Number
    via: str | None
    clauses: list[AncestorClause]


class Trace(Answer):
    source: TraceSource
    parents: list[TraceParent]
    ancestors: list[Ancestor]


def trace(run: Runner, item_id: str) -> Trace | None:
    """The trace of a measure or clause id; None when there is neither."""
    rows = run.rows("item", items=iris([v.measure_iri(item_id), v.clause_iri(item_id)]))
    if not rows:
        return None
    row = rows[0]
    source = {
        "id": item_id,
        "kind": v.kind_of_iri(row["item"]),
        "document": short_id(row["doc"]),
        "clause": row["number"],
        "text": row["text"],
    }
    cache: dict[str, list[dict[str, Any]]] = {}
    return Trace.model_validate({
        "source": source,
        "parents": _parents(run, row["item"], (row["item"],), cache),
        "ancestors": _ancestors(run, row["item"], row["doc"]),
    })


def _document_chains(run: Runner, doc: str) -> dict[str, tuple[float, str | None]]:
    """Document IRI → (score of the best chain of `implements` links from `doc` up to it, the document
    IRI just below it on that chain or None), at most `trace_max_depth` links up."""
    best: dict[str, tuple[float, str | None]] = {}
    frontier: dict[str, tuple[float, str | None]] = {doc: (1.0, None)}
    for _ in range(run.settings.trace_max_depth):
        if not frontier:
            break
        rows = run.rows("implemented_documents", docs=iris(sorted(frontier)))
        reached: dict[str, tuple[float, str | None]] = {}
        for row in rows:
            below, (score, _) = row["source"], frontier[row["source"]]
            chain = score * float(row["score"] or 0.0)
            if row["target"] != doc and chain > max(best.get(row["target"], (0.0,))[0],
                                                   reached.get(row["target"], (0.0,))[0]):
                reached[row["target"]] = (chain, None if below == doc else below)
        best.update(reached)
        frontier = reached
    return best


def _link_sources(run: Runner, item: str) -> str:
    """The sources of clause links that count for `item` (itself; for a clause every measure in it or in
    a clause inside it), for a VALUES block."""
    return iris(row["source"] for row in run.rows("link_sources", item=iri(item)))


def _ancestors(run: Runner, item: str, doc: str) -> list[dict[str, Any]]:
    """Per document above the item's, its ranked clauses for the item (see the module's docstring), the
    documents best chain first."""
    sources = _link_sources(run, item)
    links = run.rows("parent_links", sources=sources) if sources else []
    best: dict[str, dict[str, Any]] = {}
    for row in links:
        kept = best.get(row["target"])
        if kept is None or (row["score"], -(row["rank"] or 0)) > (kept["score"], -(kept["rank"] or 0)):
            best[row["target"]] = row
    if not best:
        return []
    info = {r["target"]: r for r in _clause_info(run, sorted(best))}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for target, row in best.items():
        if target in info:
            by_doc.setdefault(info[target]["doc"], []).append(row)
    wanted = max(1, int(run.settings.trace_max_parents))
    chosen = {d: sorted(rows, key=lambda r: (-r["score"], r["target"]))[:wanted] for d, rows in by_doc.items()}
    kept_links = [r for rows in chosen.values() for r in rows]
    evidence: dict[str, list[dict[str, Any]]] = {}
    targets_of = {r["link"]: r["target"] for r in kept_links}
    for row in run.rows("parent_evidence_of", links=" ".join(sorted(iri(r["link"]) for r in kept_links))):
        if row["link"] in targets_of:
            evidence[row["link"]] = read_evidence(row["evidence"])
    aligned: dict[str, list[str]] = {}
    for row in run.rows("aligned_clauses", targets=iris(r["target"] for r in kept_links)):
        aligned.setdefault(row["target"], []).append(short_id(row["other"]))
    chains = _document_chains(run, doc)
    out = []
    for d, rows in chosen.items():
        doc_score, via = chains.get(d, (1.0, None))
        clauses = []
        for n, r in enumerate(rows, 1):
            clauses.append({
                "id": short_id(r["target"]),
                "clause": info[r["target"]]["number"],
                "text": info[r["target"]]["text"],
                "rank": n,
                "score": r["score"],
                "chain": round(float(r["score"]) * doc_score, 4),
                "relation": r["relation"],
                "evidence": evidence.get(r["link"], []),
                "expressions": sorted(aligned.get(r["target"], [])),
            })
        out.append({"document": short_id(d), "score": round(doc_score, 4), "via": short_id(via) if via else None,
                    "clauses": clauses})
    return sorted(out, key=lambda a: (-a["clauses"][0]["chain"], a["document"]))


def _clause_info(run: Runner, targets: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for n in range(0, len(targets), VALUES_CHUNK):
        rows.extend(run.rows("clause_info", targets=iris(targets[n : n + VALUES_CHUNK])))
    return rows


def _parents(run: Runner, item: str, path: tuple[str, ...], cache: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The best parent clauses of one item IRI, each with its own parents; `path` holds the IRIs already
    on the way up, so a clause never becomes its own ancestor."""
    if len(path) > run.settings.trace_max_depth:
        return []
    out = []
    wanted = run.settings.trace_max_parents
    # enough candidates that those on the path can be skipped; constant, so the cache stays valid
    for candidate in _candidates(run, item, wanted + run.settings.trace_max_depth + 1, cache):
        target = v.clause_iri(candidate["id"])
        if target in path:
            continue
        parent = {k: val for k, val in candidate.items() if k != "rank"}
        parent["parents"] = _parents(run, target, (*path, target), cache)
        out.append(parent)
        if len(out) >= run.settings.trace_max_parents:
            break
    return out


def _candidates(run: Runner, item: str, limit: int, cache: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The best `limit` higher clauses linked from an item (for a clause: from it or any measure inside
    it), each with its best link's score and relation and the evidence of every link to it. Several small
    queries rather than one: with the sources (or links) listed first, every join starts from a handful
    of nodes."""
    if item in cache:
        return cache[item]
    links = run.rows("parent_links", sources=_link_sources(run, item))
    best: dict[str, Any] = {}
    for row in links:
        if row["target"] not in best or row["score"] > best[row["target"]]:
            best[row["target"]] = row["score"]
    chosen = sorted(best, key=lambda t: (-best[t], t))[: max(1, int(limit))]
    if not chosen:
        cache[item] = []
        return []
    wanted = set(chosen)
    links = [row for row in links if row["target"] in wanted]
    info = {row["target"]: row for row in run.rows("clause_info", targets=iris(chosen))}
    parents: dict[str, dict[str, Any]] = {}
    for row in links:
        target = row["target"]
        parent = parents.get(target)
        if target in info and (parent is None or row["score"] > parent["score"]):
            parents[target] = {
                "id": short_id(target),
                "document": short_id(info[target]["doc"]),
                "clause": info[target]["number"],
                "text": info[target]["text"],
                "score": row["score"],
                "relation": row["relation"],
                "rank": row["rank"],
                "evidence": [],
            }
    evidence: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    for row in run.rows("parent_evidence", links=" ".join(sorted({iri(row["link"]) for row in links}))):
        bucket = evidence.setdefault(row["target"], {})
        for reason in read_evidence(row["evidence"]):
            key = (reason["kind"], reason["value"])
            if key not in bucket or reason["weight"] > bucket[key]["weight"]:
                bucket[key] = reason
    for target, parent in parents.items():
        found = evidence.get(target, {}).values()
        parent["evidence"] = sorted(found, key=lambda e: (-e["weight"], e["kind"], e["value"]))
    ranked = sorted(parents.values(), key=lambda p: (-p["score"], p["rank"] or 0, p["id"]))
    cache[item] = ranked
    return ranked

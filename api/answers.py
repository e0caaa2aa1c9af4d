"""What the API adds to the query layer's answers: the search's ranked hits, and clause paths.

* **Ranking.** /api/search pages through the query layer's hits ranked by closeness
  (`policykg.graph.search_rank`: why a hit matched, then how much of the phrase its text holds,
  towards short texts).
* **Clause paths.** A unit's clauses and a target's clause are named by their number ("1", "五"),
  which repeats in every section; `with_clause_paths` adds the path of numbers from the top of the
  document down (`["二", "（五）", "1"]`), as `/api/documents/{id}` gives it.
"""

from __future__ import annotations

from typing import Any

from policykg.ontology import ids


def ranked_search(queries: Any, q: str, document: str | None = None) -> list[dict[str, Any]]:
    """Every hit of the query layer's search (at most the setting `api_max_limit`), ranked by closeness
    (`policykg.graph.search_rank`); kept for the store's generation, so that the pages of one search are
    ranked once."""
    return list(queries.ranked_search(q, document=document))


def clause_paths(queries: Any, clause_ids: set[str]) -> dict[str, list[str]]:
    """clause id → its path of numbers from the top of its document."""
    return dict(queries.clause_paths(clause_ids))


def target_clause(target_id: str) -> str:
    """The clause of a target: its id without the last `.tN`."""
    return ids.fact_clause("target", target_id) or target_id


def with_clause_paths(queries: Any, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer of /api/units or /api/targets with the clause path of every clause it names: `path` on
    each of a unit's clauses, `clause_path` on each target."""
    units = answer.get("units") or []
    targets = answer.get("targets") or []
    wanted = {c["id"] for u in units for c in u.get("clauses", [])} | {target_clause(t["id"]) for t in targets}
    paths = clause_paths(queries, wanted) if wanted else {}
    for unit in units:
        for clause in unit.get("clauses", []):
            clause["path"] = paths.get(clause["id"], [clause.get("clause")])
    for target in targets:
        target["clause_path"] = paths.get(target_clause(target["id"]), [target.get("clause")])
    return answer

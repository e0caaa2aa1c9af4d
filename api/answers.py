"""What the API adds to the query layer's answers: a ranking of search hits, and clause paths.

* **Ranking.** The query layer scores a hit by why it matched (the phrase in its text 0.6, plus 0.4
  when the phrase names one of its concepts exactly, 0.2 partly), so most hits of a common phrase tie.
  `rank` keeps that as 70 % of the score and adds 30 % of closeness: the share of the phrase's
  character pairs — or of the best label of a concept the phrase names, which is how an English
  phrase meets Chinese text — found in the hit's text, weighted towards short texts
  (× 100 / (100 + length)), so a measure about the phrase comes before a long clause mentioning it.
* **Clause paths.** A unit's clauses and a target's clause are named by their number ("1", "五"),
  which repeats in every section; `with_clause_paths` adds the path of numbers from the top of the
  document down (`["二", "（五）", "1"]`), as `/api/documents/{id}` gives it.
"""

from __future__ import annotations

from typing import Any

from policykg.ontology import ids

#: Concepts of a phrase whose labels count for closeness.
RANK_CONCEPTS = 5


def _normalised(text: str) -> str:
    from policykg.ingest.script import to_simplified
    from policykg.ontology.concepts import normalise_label

    return normalise_label(to_simplified(text))


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def _phrases(q: str, scheme: Any) -> list[set[str]]:
    """The character pairs of the phrase and of the labels of the concepts it names, normalised."""
    phrases = {_normalised(q)}
    for cid in scheme.lookup(q)[:RANK_CONCEPTS]:
        concept = scheme.concepts[cid]
        for script in ("zh-Hans", "zh-Hant", "en"):
            phrases.update(_normalised(label) for label in [concept.labels.get(script) or "", *concept.alt.get(script, [])])
    return [pairs for pairs in map(_pairs, phrases) if pairs]


def rank(q: str, hits: list[dict[str, Any]], scheme: Any) -> list[dict[str, Any]]:
    """The hits re-scored (see the module's description) and sorted best first; ties keep their order."""
    phrases = _phrases(q, scheme)
    for hit in hits:
        text = _normalised(str(hit.get("text") or ""))
        pairs = _pairs(text)
        cover = max((len(p & pairs) / len(p) for p in phrases), default=0.0)
        closeness = cover * 100 / (100 + len(text))
        hit["score"] = round(0.7 * float(hit.get("score") or 0.0) + 0.3 * closeness, 3)
    return sorted(hits, key=lambda hit: -hit["score"])


def ranked_search(queries: Any, q: str, document: str | None = None) -> list[dict[str, Any]]:
    """Every hit of the query layer's search (at most the setting `api_max_limit`), ranked; kept for the
    store's generation, so that the pages of one search are ranked once."""
    def compute() -> list[dict[str, Any]]:
        hits = queries.search(q, document=document, limit=int(queries.settings.api_max_limit))
        return rank(q, list(hits), queries.scheme)

    return list(queries.derived(("ranked_search", q, document), compute))


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

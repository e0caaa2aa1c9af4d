"""Search (`/api/search`): measures and clauses matching a phrase in any script, by text and by the
concepts the phrase names.

The phrase is normalised the way documents are (traditional → simplified with the Taiwan phrase table,
full-width folded, lower case), then matched against the normalised text. A hit's score says why it
matched: the phrase in its text counts most; a concept tag counts more when the phrase names the
concept exactly than when it only matches part of a label. Measures come before clauses at equal score,
then by document and place in its text. Asked `ranked`, the hits are ranked again by closeness
(`search_rank`), as the HTTP API gives them.
"""

from __future__ import annotations

from typing import Any

from policykg.graph import sparql_text as sq
from policykg.graph.answer_model import Answer, Number
from policykg.graph.runner import VALUES_CHUNK, Runner
from policykg.graph.search_rank import rank
from policykg.graph.sparql_text import short_id
from policykg.ontology import vocab as v
from policykg.ontology.concepts import normalise_label, normalised_forms

SCORE_TEXT = 0.6
SCORE_CONCEPT_EXACT = 0.4
SCORE_CONCEPT_PARTIAL = 0.2


class SearchHit(Answer):
    id: str
    document: str
    clause: str  # the clause number
    text: str | None
    score: Number


class SearchPage(Answer):
    results: list[SearchHit]
    total: int  # hits ranked in all


def _text_rows(run: Runner, needle: str, filter_: str) -> list[dict[str, Any]]:
    """search_text.rq's rows. On a store that tells its generation, the phrase is looked for in the
    phrase index (`text_index`), and only the items that contain it are asked for: a scan of the text in
    Python instead of one in SPARQL per phrase. (While the answer index is in step, `search` asks it
    instead, for everything.)"""
    generation = run.generation
    if generation is None:
        return run.rows("search_text", filter=filter_, needle=sq.string_literal(needle))
    items = run.text_index.containing(generation, needle)
    out: list[dict[str, Any]] = []
    for i in range(0, len(items), VALUES_CHUNK):
        out += run.rows("search_items", items=sq.iris(items[i : i + VALUES_CHUNK]), filter=filter_)
    return out


def _concept_scores(run: Runner, q: str) -> dict[str, float]:
    """Concept id → score contribution: exact names of the phrase, then concepts it partly matches (in
    each of the phrase's query forms)."""
    from policykg.ingest.script import query_forms

    named = run.names.resolve(q)
    out: dict[str, float] = {}
    if named is not None:
        for cid in [named, *run.scheme.descendants(named)]:
            out.setdefault(cid, SCORE_CONCEPT_EXACT)
    for form in query_forms(q):
        for cid in run.scheme.lookup(form)[: run.settings.search_max_concepts]:
            out.setdefault(cid, SCORE_CONCEPT_PARTIAL)
    return out


def search(run: Runner, q: str, document: str | None = None, limit: int = 20,
           ranked: bool = False) -> list[SearchHit]:
    """The best `limit` hits (at most the setting `api_max_limit`) of the phrase `q`; `ranked`: those
    hits ranked again by closeness (`search_rank.rank`)."""
    needles = list(normalised_forms(q))
    if not needles:
        return []
    limit = max(1, min(int(limit), run.settings.api_max_limit))
    concept_scores = _concept_scores(run, q)
    found: dict[str, tuple[dict[str, Any], tuple[int, int]]] = {}  # id → (hit, (needle, place) first found)
    normalised: dict[str, str] = {}  # item → its normalised text, lower case
    for n, needle in enumerate(needles):
        hits, texts = _needle_hits(run, needle, concept_scores, document, limit)
        normalised.update(texts)
        for place, hit in enumerate(hits):
            seen = found.get(hit["id"])
            if seen is None or hit["score"] > seen[0]["score"]:
                found[hit["id"]] = (hit, seen[1] if seen else (place, n))
    order = sorted(found.values(), key=lambda f: (-f[0]["score"], f[1]))
    return _answer(run, q, [hit for hit, _ in order[:limit]], normalised, ranked)


def _needle_hits(run: Runner, needle: str, concept_scores: dict[str, float], document: str | None,
                 limit: int) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The best `limit` hits of one normalised phrase (with the concepts' scores), best first, and the
    normalised texts of those known."""
    filter_ = f"VALUES ?doc {{ {sq.iri(v.doc_iri(document))} }}" if document else ""
    hits: dict[str, dict[str, Any]] = {}
    normalised: dict[str, str] = {}  # item → its normalised text, lower case
    scores: dict[str, float] = {}
    keys: dict[str, tuple[int, str, int]] = {}
    starts: dict[str, int] = {}

    def add(row: dict[str, Any], score: float) -> None:
        item = short_id(row["item"])
        if item not in hits:
            hits[item] = {"id": item, "document": short_id(row["doc"]), "clause": row["number"],
                          "text": row["text"], "score": 0.0}
            kind = 0 if row["kind"] == "measure" else 1
            keys[item] = (kind, hits[item]["document"], starts.get(row["item"]) or 0)
            scores[item] = 0.0
            if row.get("normalised") is not None:
                normalised[item] = str(row["normalised"]).lower()
        scores[item] = max(scores[item], score)

    index = run.index()
    if index is not None:  # ranked in SQL, the same order
        rows = index.search(needle, {v.concept_iri(c): s for c, s in concept_scores.items()},
                            v.doc_iri(document) if document else None, limit, SCORE_TEXT)
        found = [{"id": short_id(r["item"]), "document": short_id(r["doc"]), "clause": r["number"],
                  "text": r["text"], "score": round(r["score"], 3)} for r in rows]
        normalised.update((f["id"], r["normalised"]) for f, r in zip(found, rows, strict=True) if r["normalised"])
        return found, normalised
    text_hits = set()
    text_rows = _text_rows(run, needle, filter_)
    concept_rows: list[dict[str, Any]] = []
    if concept_scores:
        concept_rows = run.rows("search_concepts", filter=filter_,
                                concepts=sq.iris(v.concept_iri(c) for c in concept_scores))
    starts.update(run.starts(row["item"] for row in [*text_rows, *concept_rows]))
    for row in text_rows:
        add(row, SCORE_TEXT)
        text_hits.add(short_id(row["item"]))

    if concept_scores:
        concept_best: dict[str, float] = {}
        for row in concept_rows:
            score = concept_scores[short_id(row["concept"])]
            add(row, 0.0)
            item = short_id(row["item"])
            concept_best[item] = max(concept_best.get(item, 0.0), score)
        for item, score in concept_best.items():
            scores[item] = (SCORE_TEXT if item in text_hits else 0.0) + score

    for item, hit in hits.items():
        hit["score"] = round(scores[item], 3)
    order = sorted(hits, key=lambda i: (-scores[i], keys[i], i))
    return [hits[i] for i in order[:limit]], normalised


def _answer(run: Runner, q: str, hits: list[dict[str, Any]], normalised: dict[str, str],
            ranked: bool) -> list[SearchHit]:
    if ranked:
        from policykg.ingest.script import to_simplified

        def text_of(hit: dict[str, Any]) -> str:
            found = normalised.get(hit["id"])
            return found if found is not None else normalise_label(to_simplified(str(hit.get("text") or "")))

        rank(q, hits, run.scheme, text_of)
    return [SearchHit.model_validate(hit) for hit in hits]

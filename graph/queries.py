"""The researcher questions, answered with SPARQL over the graph the mappings in `graph.rdf_documents` and `graph.rdf_links` write.

`Queries` is the one door to the answers for the HTTP API, the notebook and the command line: each
question has a module of its own holding its typed answer model and how it is computed from the graph
(`answer_documents`, `answer_document`, `answer_targets`, `answer_units`, `answer_search`,
`answer_trace`, `answer_coverage`, `answer_concepts`, `answer_page`); their SPARQL lives as `.rq` files
(`sparql_text`), run by one `runner.Runner`; whole answers are kept per store generation (`cache`).
Every answer here is plain JSON-ready data — the model's fields that the answer sets — which the HTTP
API returns as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from policykg.graph import (
    answer_concepts,
    answer_coverage,
    answer_document,
    answer_documents,
    answer_page,
    answer_search,
    answer_targets,
    answer_trace,
    answer_units,
)
from policykg.graph.answer_coverage import COVERAGE_MIN_SCORE
from policykg.graph.answer_model import Answer
from policykg.graph.cache import GenerationCache
from policykg.graph.runner import Runner
from policykg.ontology import vocab as v
from policykg.ontology.concepts import ConceptScheme
from policykg.settings import Settings


class Queries:
    """Answers the researcher questions over a store (anything with `query(sparql)` returning rows)."""

    def __init__(self, store: Any, settings: Settings | None = None, scheme: ConceptScheme | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self.scheme = scheme or ConceptScheme.load()
        self.run = Runner(store, self.settings, self.scheme)
        self._answers: GenerationCache[Any] = GenerationCache()

    def _answer(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """An answer (a model, a list of models or None), kept for the store's current generation, as
        plain data of the caller's own (the HTTP layer may change what it is given)."""
        found = self._answers.get_or_compute(self.run.generation, key, compute)
        if isinstance(found, Answer):
            return found.plain()
        if isinstance(found, list):
            return [item.plain() for item in found]
        return found

    def rows(self, name: str, **slots: str) -> list[dict[str, Any]]:
        """The rows of the named query (a `.rq` file) with its slots filled (see `runner.Runner.rows`)."""
        return self.run.rows(name, **slots)

    # --- concepts -------------------------------------------------------------------------------------
    def resolve_concept(self, concept: str) -> str | None:
        """A concept id from its id or any label in any script, compared in normalised form."""
        return self.run.names.resolve(concept)

    def concepts(self, q: str = "") -> list[dict[str, Any]]:
        """Concepts whose id or label (any script, any case) matches `q`; every concept for an empty q."""
        return list(answer_concepts.concepts(self.scheme, q).plain()["concepts"])

    # --- documents ------------------------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        return list(self._answer(("documents",), lambda: answer_documents.documents(self.run))["documents"])

    def known_document(self, doc_id: str) -> bool:
        """The graph has this document: one of the corpus (`documents`) or one known by citation only."""
        return any(d["id"] == doc_id for d in self.documents()) or bool(self.document(doc_id))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The document's metadata and its clauses in reading order; None when it is not in the store."""
        return self._answer(("document", doc_id), lambda: answer_document.document(self.run, doc_id))

    def coverage(self, doc_id: str, rank: int = 1, min_score: float = COVERAGE_MIN_SCORE) -> dict[str, Any] | None:
        """Which of a document's clauses each province and city below it implements (`answer_coverage`)."""
        return self._answer(("coverage", doc_id, rank, min_score),
                            lambda: answer_coverage.coverage(self.run, doc_id, rank, min_score))

    # --- targets --------------------------------------------------------------------------------------
    def targets(
        self,
        document: str | None = None,
        year: int | None = None,
        concept: str | None = None,
        region: str | None = None,
        kind: str = "quantified",
        level: str | None = None,
    ) -> list[dict[str, Any]]:
        """Targets, narrowed by document, target year, concept (or a narrower one), region and level of
        government, in reading order (by document — down the hierarchy, earlier issued first — then place in its text). `kind` "quantified" (the
        default: targets with a value) or "qualitative" (goals stated in words): the two are never mixed in
        one list."""
        return list(self.targets_page(document, year, concept, region, kind=kind, level=level)["targets"])

    def targets_page(
        self,
        document: str | None = None,
        year: int | None = None,
        concept: str | None = None,
        region: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        kind: str = "quantified",
        level: str | None = None,
    ) -> dict[str, Any]:
        """`{"targets": [...], "total": n}`: the `limit` targets (all when None) after the first `offset`
        of what `targets()` answers, and how many that is in all. `region` is an id or a name in any
        script or English (`region_names`); `level` one level or several joined by commas
        ("municipal,county"; "national" is central and ministry)."""
        region = _region(region)
        levels = levels_named(level)
        within = None
        if levels is not None:
            within = frozenset(d["id"] for d in self.documents() if d.get("level") in levels)
        return self._answer(
            ("targets", document, year, concept, region, limit, offset, kind, levels),
            lambda: answer_targets.targets_page(self.run, document, year, concept, region, limit, offset, kind, within),
        )

    # --- search ---------------------------------------------------------------------------------------
    def search(self, q: str, document: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Measures and clauses matching `q` in any script: by text, and by the concepts `q` names
        (`answer_search`)."""
        return self._answer(("search", q, document, limit), lambda: answer_search.search(self.run, q, document, limit))

    def ranked_search(self, q: str, document: str | None = None) -> list[dict[str, Any]]:
        """Every hit of `search` (at most the setting `api_max_limit`) ranked again by closeness
        (`search_rank`): what /api/search pages through."""
        limit = int(self.settings.api_max_limit)
        return self._answer(("ranked_search", q, document),
                            lambda: answer_search.search(self.run, q, document, limit, ranked=True))

    # --- units ----------------------------------------------------------------------------------------
    def units(self, concept: str, document: str | None = None, region: str | None = None) -> dict[str, Any] | None:
        """Units responsible (lead or support) for clauses about a concept or a narrower one.

        `concept` is an id or any label in any script; None when no concept has that name. Units
        with a lead role come first, then by how many clauses they carry, then by first mention.
        """
        found = self.units_page(concept, document, region)
        return None if found is None else {"concept": found["concept"], "units": found["units"]}

    def units_page(
        self,
        concept: str,
        document: str | None = None,
        region: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> dict[str, Any] | None:
        """`{"concept", "units", "total"}`: the `limit` units (all when None) after the first `offset` of
        what `units()` answers, each with all its clauses, and how many units there are in all. `region`
        is an id or a name in any script or English (`region_names`)."""
        region = _region(region)
        return self._answer(
            ("units", concept, document, region, limit, offset),
            lambda: answer_units.units_page(self.run, concept, document, region, limit, offset),
        )

    # --- trace ----------------------------------------------------------------------------------------
    def trace(self, item_id: str) -> dict[str, Any] | None:
        """The chain upward from a measure (or clause): the clauses it implements, best first, and theirs
        (`answer_trace`): `{"source", "parents", "ancestors"}`."""
        return self._answer(("trace", item_id), lambda: answer_trace.trace(self.run, item_id))

    def clause_paths(self, clause_ids: Iterable[str]) -> dict[str, list[str]]:
        """clause id → its path of numbers from the top of its document."""
        found = self.run.clause_paths(v.clause_iri(c) for c in clause_ids)
        return {v.id_from_iri(iri): path.split("/") for iri, path in found.items() if path}

    # --- what the page reads --------------------------------------------------------------------------
    def document_facts(self, doc_id: str) -> dict[str, Any]:
        return self._answer(("document_facts", doc_id), lambda: answer_page.document_facts(self.run, doc_id))

    def clause_facts(self, clause_ids: list[str]) -> dict[str, Any]:
        key = ("clause_facts", tuple(sorted(set(clause_ids))))
        return self._answer(key, lambda: answer_page.clause_facts(self.run, clause_ids))

    def item_spans(self, kind: str, ids: list[str]) -> dict[str, Any]:
        key = ("item_spans", kind, tuple(sorted(set(ids))))
        return self._answer(key, lambda: answer_page.item_spans(self.run, kind, ids))

    def clause_spans(self, doc_id: str) -> dict[str, Any]:
        return self._answer(("clause_spans", doc_id), lambda: answer_page.clause_spans(self.run, doc_id))

    def regions(self) -> dict[str, Any]:
        return self._answer(("regions",), lambda: answer_page.regions(self.run))

    def implementers(self, clause_id: str) -> dict[str, Any] | None:
        """The links into a clause, one per source, best first; None when there is no such clause."""
        return self._answer(("implementers", clause_id), lambda: answer_page.implementers(self.run, clause_id))

    def unimplemented(self, min_score: float) -> dict[str, Any]:
        return self._answer(("unimplemented", min_score), lambda: answer_page.unimplemented(self.run, min_score))

    def unit_type_names(self, types: list[str]) -> dict[str, Any]:
        key = ("unit_type_names", tuple(sorted(set(types))))
        return self._answer(key, lambda: answer_page.unit_type_names(self.run, types))

    def target_concepts(self) -> dict[str, Any]:
        return self._answer(("target_concepts",), lambda: answer_page.target_concepts(self.run))


def _region(region: str | None) -> str | None:
    """The graph's id of a region the caller names by id or name; errors name what is unknown or ambiguous."""
    from policykg.ingest.region_names import region_id

    return region_id(region) if region and region.strip() else None


#: Levels of government a reader names: the document levels (`Level`), and "national" for both national ones.
_LEVEL_ALIASES = {"national": ("central", "ministry")}


def levels_named(level: str | None) -> tuple[str, ...] | None:
    """The document levels a `level` filter names ("municipal", "municipal,county", "national"); None for
    no filter. An unknown level is a `BadRequest` naming the known ones."""
    from policykg.errors import BadRequest
    from policykg.ingest.model import Level

    if not level or not level.strip():
        return None
    known = [lv.value for lv in Level]
    out: list[str] = []
    for part in (p.strip().lower() for p in level.split(",") if p.strip()):
        if part in _LEVEL_ALIASES:
            out += _LEVEL_ALIASES[part]
        elif part in known:
            out.append(part)
        else:
            raise BadRequest(f"no level {part!r}; levels: {', '.join([*known, *_LEVEL_ALIASES])}", level=part)
    return tuple(sorted(set(out), key=known.index))

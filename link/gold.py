"""Scores clause links against a gold set (tests/gold/links.toml): recall@1, recall@3 and MRR.

A gold entry names a measure by its clause path and a short quote of its normalised text, and the
correct higher clauses by document and path. Each (entry, higher document) pair is one question:
"is a correct clause among the candidates this measure got in that document, and at which rank?".
A candidate is correct when its path equals a gold path or lies inside it. Links point at the
original of a work: a question about another expression (the English central opinions) is answered
by the candidates in the original, compared by path.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import Clause, NormalisedDocument
from policykg.link.model import ClauseLink, CorpusLinks
from policykg.ontology import ids


@dataclass(frozen=True, slots=True)
class GoldTarget:
    document: str
    paths: tuple[tuple[str, ...], ...]  # alternatives, all correct


@dataclass(frozen=True, slots=True)
class GoldLink:
    source_document: str
    source_clause: tuple[str, ...]
    source_quote: str
    targets: tuple[GoldTarget, ...]
    note: str = ""


@dataclass(slots=True)
class Outcome:
    gold: GoldLink
    source_id: str | None  # the measure (or clause) the gold entry resolved to
    document: str
    rank: int | None  # rank of the first correct candidate; None when none was proposed


@dataclass(slots=True)
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def recall_at(self, k: int) -> float:
        return sum(1 for o in self.outcomes if o.rank is not None and o.rank <= k) / max(1, len(self.outcomes))

    @property
    def mrr(self) -> float:
        return sum(1.0 / o.rank for o in self.outcomes if o.rank) / max(1, len(self.outcomes))

    @property
    def unresolved(self) -> list[GoldLink]:
        return [o.gold for o in self.outcomes if o.source_id is None]

    def by(self, key: str) -> dict[str, Report]:
        """Sub-reports per "source" document or per "target" document."""
        groups: dict[str, Report] = {}
        for o in self.outcomes:
            name = o.gold.source_document if key == "source" else o.document
            groups.setdefault(name, Report()).outcomes.append(o)
        return groups

    def summary(self) -> str:
        return (
            f"{len(self.outcomes)} questions from {len({id(o.gold) for o in self.outcomes})} measures: "
            f"recall@1={self.recall_at(1):.3f} recall@3={self.recall_at(3):.3f} MRR={self.mrr:.3f}"
        )


def _norm_path(path: Sequence[str]) -> tuple[str, ...]:
    """Numbers compare by value: "01" and "1" are the same province number."""
    return tuple((p.lstrip("0") or "0") if p.isdigit() else p for p in path)


def load_gold(path: str | Path) -> list[GoldLink]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    gold: list[GoldLink] = []
    for entry in data.get("link", []):
        by_doc: dict[str, list[tuple[str, ...]]] = {}
        for t in entry["targets"]:
            by_doc.setdefault(t["document"], []).append(_norm_path(t["clause"]))
        gold.append(
            GoldLink(
                source_document=entry["source_document"],
                source_clause=_norm_path(entry["source_clause"]),
                source_quote=entry["source_quote"],
                targets=tuple(GoldTarget(d, tuple(p)) for d, p in by_doc.items()),
                note=entry.get("note", ""),
            )
        )
    return gold


def resolve_source(gold: GoldLink, doc: NormalisedDocument, extraction: DocumentExtraction | None) -> str | None:
    """The id of the measure quoted by a gold entry (or of its clause when it has no measures)."""
    clause = next((c for c in doc.walk() if _norm_path(c.path) == gold.source_clause), None)
    if clause is None:
        return None
    facts_by_clause = extraction.clauses if extraction else {}
    for c in clause.walk():
        facts = facts_by_clause.get(c.id)
        for m in facts.measures if facts else ():
            if gold.source_quote in m.text:
                return m.id
    for c in clause.walk():
        if c.is_leaf and gold.source_quote in doc.text[c.start : c.end]:
            return c.id
    return None


def evaluate(
    gold: Sequence[GoldLink],
    docs: Sequence[NormalisedDocument],
    extractions: dict[str, DocumentExtraction],
    links: CorpusLinks,
) -> Report:
    by_id = {d.id: d for d in docs}
    path_of: dict[str, tuple[str, ...]] = {}
    for d in docs:
        for c in d.walk():
            path_of[c.id] = _norm_path(c.path)
    by_source: dict[str, list[ClauseLink]] = {}
    for link in links.clauses:
        by_source.setdefault(link.source, []).append(link)
    # A work is one parent: a question about its English expression is answered by the links to the
    # Chinese original's clause of the same path.
    original_of = {d.source: d.target for d in links.documents if d.relation in ("translation_of", "same_work")}
    report = Report()
    for g in gold:
        doc = by_id.get(g.source_document)
        source_id = resolve_source(g, doc, extractions.get(doc.id)) if doc else None
        for t in g.targets:
            rank = None
            if source_id is not None:
                candidates = sorted(
                    (lk for lk in by_source.get(source_id, ())
                     if ids.document_of(lk.target) in (t.document, original_of.get(t.document))),
                    key=lambda lk: lk.rank,
                )
                for lk in candidates:
                    target_path = path_of.get(lk.target, ())
                    if any(target_path[: len(p)] == p for p in t.paths):
                        rank = lk.rank
                        break
            report.outcomes.append(Outcome(g, source_id, t.document, rank))
    return report


def clause_of(doc: NormalisedDocument, path: Sequence[str]) -> Clause | None:
    wanted = _norm_path(path)
    return next((c for c in doc.walk() if _norm_path(c.path) == wanted), None)

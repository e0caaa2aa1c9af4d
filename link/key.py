"""Scores clause links against the measuring key on real documents (tests/keys/links_measure.toml).

Each key entry names a local measure by its file, its clause path and a quote, and the clauses of the
central opinions (file "1、…意见.pdf"), of the 2030 Action Plan ("2、…行动方案.pdf") and, for some, of
a provincial parent that it most directly implements, by path. Each (measure, parent) pair is one
question: is a correct clause among the measure's links into that parent, and at which rank? A link
is correct when its clause's path equals a key path or lies inside it. Links point at the original of
a work (the bundled text of the central opinions rather than its PDF): a parent is answered by the
links into its work's original, compared by path.

A question is *reachable* when the parent is among the documents the measure's document is linked
to at all (the document graph and the time rule decide that); top-1 and top-3 are reported over every
question and over the reachable ones.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.link.model import ClauseLink, CorpusLinks
from policykg.ontology import ids

#: The key's parent fields and the published file each names (the provincial one names its own).
PARENTS = {
    "central": "1、关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见.pdf",
    "action_plan": "2、2030年前碳达峰行动方案.pdf",
}


def _fold(text: str) -> str:
    """Width, spaces and punctuation shapes folded, as a reader compares a quote."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] != "P")


def _path(path: str | Sequence[str]) -> tuple[str, ...]:
    parts = path.split("/") if isinstance(path, str) else list(path)
    return tuple((p.lstrip("0") or "0") if p.isdigit() else p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Question:
    file: str  # the measure's document, as published
    quote: str
    parent: str  # "central" | "action_plan" | "provincial"
    parent_file: str
    paths: tuple[tuple[str, ...], ...]


@dataclass(slots=True)
class Answer:
    question: Question
    source_id: str | None  # the measure (or leaf clause) the quote was found in
    reachable: bool  # the parent is among the documents the measure is linked to
    rank: int | None  # of the first correct link; None when none


@dataclass(slots=True)
class KeyScores:
    answers: list[Answer] = field(default_factory=list)

    def without(self, files: Iterable[str]) -> KeyScores:
        """The answers about measures of other documents than `files` (published names)."""
        left_out = set(files)
        return KeyScores([a for a in self.answers if a.question.file not in left_out])

    def part(self, parent: str | None = None, reachable_only: bool = False) -> list[Answer]:
        return [a for a in self.answers if (parent is None or a.question.parent == parent)
                and (a.reachable or not reachable_only)]

    @staticmethod
    def top(answers: Sequence[Answer], k: int) -> float:
        return sum(1 for a in answers if a.rank is not None and a.rank <= k) / len(answers) if answers else 0.0

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        """Per parent (and "all"): questions, top-1 and top-3, reachable questions and their top-1 / top-3."""
        out: dict[str, dict[str, float | int]] = {}
        for parent in (*sorted({a.question.parent for a in self.answers}), None):
            every, reach = self.part(parent), self.part(parent, reachable_only=True)
            out[parent or "all"] = {
                "questions": len(every), "top1": round(self.top(every, 1), 3), "top3": round(self.top(every, 3), 3),
                "reachable": len(reach), "reachable_top1": round(self.top(reach, 1), 3),
                "reachable_top3": round(self.top(reach, 3), 3),
                "unresolved": sum(1 for a in every if a.source_id is None),
            }
        return out


def questions(key: Iterable[dict[str, object]]) -> list[Question]:
    """One question per measure and parent the key names clauses of."""
    out: list[Question] = []
    for entry in key:
        file, quote = str(entry["file"]), str(entry["quote"])
        for parent, parent_file in PARENTS.items():
            paths = entry.get(parent) or []
            assert isinstance(paths, list)
            if paths:
                out.append(Question(file, quote, parent, parent_file, tuple(_path(str(p)) for p in paths)))
        provincial = entry.get("provincial")
        if isinstance(provincial, dict) and provincial.get("clauses"):
            out.append(Question(file, quote, "provincial", str(provincial["file"]),
                                tuple(_path(str(p)) for p in provincial["clauses"])))
    return out


def find_quote(doc: NormalisedDocument, extraction: DocumentExtraction | None, quote: str,
               clause_path: str | None = None) -> str | None:
    """The measure a quote is from (one of the clause named first, if given), else the leaf clause holding it."""
    wanted = _fold(quote)
    in_path = _path(clause_path) if clause_path else ()
    path_of = {c.id: _path(c.path) for c in doc.walk()}
    measures = [m for m in (extraction.measures() if extraction else ()) if wanted in _fold(m.text)]
    measures.sort(key=lambda m: (path_of.get(m.clause_id, ())[: len(in_path)] != in_path, m.id))
    if measures:
        return measures[0].id
    leaves = [c for c in doc.walk() if c.is_leaf and wanted in _fold(doc.text[c.start : c.end])]
    leaves.sort(key=lambda c: (_path(c.path)[: len(in_path)] != in_path, c.id))
    return leaves[0].id if leaves else None


def score_key(key: Sequence[dict[str, object]], docs: Sequence[NormalisedDocument],
              extractions: dict[str, DocumentExtraction], links: CorpusLinks) -> KeyScores:
    """Every question of the key answered by the links of a corpus holding its documents."""
    by_name = {d.source_name: d for d in sorted(docs, key=lambda d: d.id) if d.source_name}
    original = {d.source: d.target for d in links.documents if d.relation in ("translation_of", "same_work")}
    path_of = {c.id: _path(c.path) for d in docs for c in d.walk()}
    by_source: dict[str, list[ClauseLink]] = {}
    for link in links.clauses:
        if link.method != "alignment":
            by_source.setdefault(link.source, []).append(link)
    paths_of_entry = {(str(e["file"]), str(e["quote"])): str(e.get("clause") or "") for e in key}
    scores = KeyScores()
    for q in questions(key):
        doc, parent = by_name.get(q.file), by_name.get(q.parent_file)
        source_id = None
        if doc is not None:
            source_id = find_quote(doc, extractions.get(doc.id), q.quote, paths_of_entry[(q.file, q.quote)])
        target = original.get(parent.id, parent.id) if parent is not None else None
        found = sorted((lk for lk in by_source.get(source_id or "", ()) if ids.document_of(lk.target) == target),
                       key=lambda lk: (lk.rank, lk.target))
        rank = next((lk.rank for lk in found if any(path_of.get(lk.target, ())[: len(p)] == p for p in q.paths)),
                    None)
        scores.answers.append(Answer(q, source_id, bool(found), rank))
    return scores


def key_files(key: Iterable[dict[str, object]]) -> list[str]:
    """The published files a links key is about: its measures' documents and every parent it names."""
    files = set(PARENTS.values())
    for entry in key:
        files.add(str(entry["file"]))
        provincial = entry.get("provincial")
        if isinstance(provincial, dict) and provincial.get("file"):
            files.add(str(provincial["file"]))
    return sorted(files)

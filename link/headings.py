"""What the headings above a clause say: their words (the section a measure stands in) and the concepts they name.

Local plans put their measures under the headings of the plans they carry out, or under the topic's own
words ("压减全市煤炭消费总量"), and a measure's sentence need not name that topic again.
"""

from __future__ import annotations

from policykg.extract.model import ClauseFacts
from policykg.extract.period import review_heading
from policykg.ingest.model import NormalisedDocument

#: Characters of a clause's title that count as its heading: a clause without a heading of its own has its first
#: sentence as title, and only its start announces a topic.
HEADING_CHARS = 30


def titles_by_path(doc: NormalisedDocument) -> dict[tuple[str, ...], str]:
    """Every clause's title by its path (made once per document, read by `headings`)."""
    return {c.path: c.title or "" for c in doc.walk()}


def headings(title_at: dict[tuple[str, ...], str], path: tuple[str, ...], limit: int | None = None) -> str:
    """The heading of the clause at `path` and the headings above it, top first (`title_at`: by path), each
    cut at `limit` characters."""
    return " ".join(title_at.get(path[:j], "")[:limit] for j in range(1, len(path) + 1))


def stands_under_review(title_at: dict[tuple[str, ...], str], path: tuple[str, ...]) -> bool:
    """The clause at `path` stands under a heading that reviews the past or describes the situation ("工作成效",
    "现状与形势"): it reports, so it carries out nothing and nothing carries it out."""
    return any(review_heading(title_at.get(path[:j])) for j in range(1, len(path) + 1))


#: Headings whose concepts a measure carries besides its own: its clause's and its parent's. A measure under
#: "压减全市煤炭消费总量" is about coal consumption whether or not its sentence names coal again.
HEADING_CONCEPT_LEVELS = 2


def concepts_above(named: dict[tuple[str, ...], set[str]], path: tuple[str, ...]) -> set[str]:
    """The concepts the nearest `HEADING_CONCEPT_LEVELS` headings down to the clause at `path` name (`named`:
    `title_concepts`)."""
    first = max(1, len(path) - HEADING_CONCEPT_LEVELS + 1)
    return set().union(*(named.get(path[:j], set()) for j in range(first, len(path) + 1)))


def title_concepts(doc: NormalisedDocument, facts_by_clause: dict[str, ClauseFacts]) -> dict[tuple[str, ...], set[str]]:
    """The concepts each clause's heading names, by path (mentions of its own facts found in its title)."""
    out: dict[tuple[str, ...], set[str]] = {}
    for clause in doc.walk():
        facts = facts_by_clause.get(clause.id)
        if facts and clause.title:
            found = {m.concept_id for m in facts.concepts if m.surface and m.surface in clause.title}
            if found:
                out[clause.path] = found
    return out

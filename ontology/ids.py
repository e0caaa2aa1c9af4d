"""The ids of facts, made and read in one place.

A clause id is its document's id, "~" and its path ("sanming-…-2022~s4.i5", made by `ingest.clauses`);
a fact's id is its clause's id, its kind's letter and its position among the facts of that kind in the
clause ("…~s4.i5.m2": the second measure). Whoever mints a fact id (the extract stage its measures, the
mapping the rest) and whoever reads one back (the linker, the query layer, the API) does it with these
functions. `vocab` turns ids into IRIs and back.
"""

from __future__ import annotations

import re

#: The letter of each kind of fact in its id, f"{clause_id}.{letter}{n}" with n (1-based) the fact's
#: position among its kind in its clause. Clause ids use letters too ("~s4.i5", a chapter "c"), so an id
#: is read as a fact's only for a kind named by the caller.
FACT_LETTERS = {"measure": "m", "target": "t", "deadline": "d", "responsibility": "u", "mention": "c"}
_FACT_ID = re.compile(r"^(?P<clause>.+)\.(?P<letter>[a-z])(?P<n>\d+)$")


def fact_id(kind: str, clause_id: str, n: int) -> str:
    """The id of the `n`-th (1-based) fact of a kind ("measure", "target"…) in a clause: "<clause>.m3"."""
    return f"{clause_id}.{FACT_LETTERS[kind]}{int(n)}"


def fact_clause(kind: str, ident: str) -> str | None:
    """The clause of a fact id of that kind ("<clause>.t2" → "<clause>" for "target"); None for any other id."""
    match = _FACT_ID.match(ident)
    if match is None or match.group("letter") != FACT_LETTERS[kind]:
        return None
    return match.group("clause")


def is_fact_of(kind: str, ident: str) -> bool:
    """Whether `ident` is the id of a fact of that kind ("measure": "<clause>.m3")."""
    return fact_clause(kind, ident) is not None


def document_of(ident: str) -> str:
    """The document a clause or fact id belongs to: everything before its "~" (a document id is itself)."""
    return ident.split("~", 1)[0]


def fact_order(ident: str) -> tuple[str, int]:
    """Sort key of ids in reading order: the clause, then the position as a number (".t2" before ".t10")."""
    match = _FACT_ID.match(ident)
    return (ident[: match.start("letter") - 1], int(match.group("n"))) if match else (ident, 0)

"""The example SPARQL queries shipped in api/queries/*.rq, one per researcher question.

The folder holds every SPARQL text of the project (`policykg.graph.sparql_text`); the examples are the
files that start with comment lines `# title: …` and `# question: …`. The rest of such a file is the
query, complete with its prefixes, written against the vocabulary of `policykg.ontology.vocab`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from policykg.graph.sparql_text import QUERIES_DIR, is_example

_FIELD = re.compile(r"^#\s*(title|question):\s*(.+?)\s*$")


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    title: str
    question: str
    query: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _read(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _FIELD.match(line)
        if match:
            fields[match.group(1)] = match.group(2)
    return Example(path.stem, fields.get("title", path.stem), fields.get("question", ""), text)


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    return tuple(_read(p) for p in sorted(QUERIES_DIR.glob("*.rq")) if is_example(p))


def example(name: str) -> Example | None:
    return next((e for e in examples() if e.name == name), None)

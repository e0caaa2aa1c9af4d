"""The example SPARQL queries shipped in api/queries/*.rq, one per researcher question.

Each file starts with comment lines `# title: …` and `# question: …`; the rest is the query, written
against the vocabulary of `policykg.ontology.vocab`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent / "queries"

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
    return tuple(_read(p) for p in sorted(QUERIES_DIR.glob("*.rq")))


def example(name: str) -> Example | None:
    return next((e for e in examples() if e.name == name), None)

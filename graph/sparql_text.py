"""The SPARQL texts of the answers: read from the one folder of queries, filled slot by slot.

Every query the service runs lives as a `.rq` file in `api/queries/` (shipped as the API package's data,
beside the example queries a researcher reads): the file's name is the query's name, its leading `#`
lines say what it answers. `${name}` slots are filled by `fill`, never with raw user text: ids go through
the IRI builders of `vocab` and `iri`, phrases through `string_literal`, numbers through `int`. A slot
whose name starts with "_" (`${_targets_where}`) is a fragment: the file `_targets_where.rq`, included
when the query is read, so that a query and its count share one pattern. Queries are written without
prefixes; `fill` prepends `vocab.SPARQL_PREFIXES`.

Queries read the union of all named graphs (what every store backend offers as its default graph), so
they must be DISTINCT: the same triple — a unit's label, say — may live in a document graph and in the
reference graph.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from string import Template

from policykg.ontology import vocab as v

#: The folder of every SPARQL text: the service's queries, their fragments and the example queries.
#: It is data of the API package (`policykg.api`, package data `queries/*`), the package beside this one.
QUERIES_DIR = Path(__file__).resolve().parent.parent / "api" / "queries"

_SLOT = re.compile(r"\$\{(\w+)\}")
_EXAMPLE_FIELD = re.compile(r"^#\s*(title|question):", re.MULTILINE)

#: `vocab.id_from_iri`, memoised: answers hold thousands of IRIs, most of them seen before.
short_id = functools.lru_cache(maxsize=1 << 16)(v.id_from_iri)


def _without_header(text: str) -> str:
    """The text after its leading comment lines (what the query says about itself)."""
    lines = text.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    return "".join(lines[n:])


def is_example(path: Path) -> bool:
    """Whether a `.rq` file is an example query for researchers (it names its title and question)."""
    return _EXAMPLE_FIELD.search(path.read_text(encoding="utf-8")) is not None


@functools.cache
def _raw(name: str) -> str:
    path = QUERIES_DIR / f"{name}.rq"
    if not path.is_file():
        raise KeyError(f"no query {name!r} in {QUERIES_DIR}")
    return _without_header(path.read_text(encoding="utf-8"))


@functools.cache
def text(name: str) -> str:
    """The query `name` (file `<name>.rq`), its header dropped and its fragments included; slots stay open."""
    return _SLOT.sub(lambda m: _raw(m.group(1)) if m.group(1).startswith("_") else m.group(0), _raw(name))


def names() -> list[str]:
    """Every query the service runs: the `.rq` files that are neither fragments nor examples."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.rq") if not p.stem.startswith("_") and not is_example(p))


def queries() -> dict[str, str]:
    """name → query text (slots open) of every query the service runs (see `names`)."""
    return {name: text(name) for name in names()}


def slots(query: str) -> set[str]:
    return set(_SLOT.findall(query))


def fill(query: str, **values: str) -> str:
    """A query text (`text(name)`) with its `${slots}` filled (empty for unnamed ones) and the prefixes
    prepended."""
    return v.SPARQL_PREFIXES + Template(query).substitute({name: values.get(name, "") for name in slots(query)})


def iri(value: str) -> str:
    """`<value>` in a query (see `vocab.iri_ref`)."""
    return v.iri_ref(value)


def iris(values: Iterable[str]) -> str:
    """IRIs for a VALUES block, space-separated."""
    return " ".join(v.iri_ref(value) for value in values)


def string_literal(value: str) -> str:
    """A SPARQL string literal for any text (JSON string escapes are valid SPARQL escapes)."""
    return json.dumps(value, ensure_ascii=False)


def page(limit: int | None, offset: int) -> str:
    """The LIMIT/OFFSET of one page; empty for every row."""
    parts = [] if limit is None else [f"LIMIT {int(limit)}"]
    if offset:
        parts.append(f"OFFSET {int(offset)}")
    return " ".join(parts)


def not_in(variable: str, values: Iterable[str]) -> str:
    """A FILTER leaving out the IRIs `values` (at least one) from `variable`."""
    return f"FILTER({variable} NOT IN ({', '.join(iri(x) for x in values)}))"


def within(variable: str, scope: str) -> str:
    """A FILTER keeping `variable` (a region IRI) within the region `scope`. Region ids nest by
    construction: CN-FJ-Sanming is within CN-FJ and CN (and so are their IRIs)."""
    region = v.region_iri(scope)
    return f"FILTER({variable} = {iri(region)} || STRSTARTS(STR({variable}), {string_literal(region + '-')}))"


def documented() -> Iterator[tuple[str, str]]:
    """(name, SPARQL) of every query the service runs, prefixes included and slots left open."""
    for name, query in queries().items():
        yield name, v.SPARQL_PREFIXES + query

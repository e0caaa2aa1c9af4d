"""The one folder of SPARQL texts: every file is an example, a fragment or a query the service runs, and
every query the code names is there."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from policykg.api.examples import examples
from policykg.graph import sparql_text as sq

ROOT = Path(__file__).resolve().parent.parent
#: How the code names a query: `rows("name", …)`, `look_up("name", …)`, `per_item("name", …)`, `total("name", …)`,
#: or its text, `text("name")` (the phrase index and the answer index read theirs so).
_NAMED = re.compile(r"\b(?:rows|look_up|per_item|total|text)\(\s*\"(\w+)\"")


def _named_in_code() -> set[str]:
    found: set[str] = set()
    for folder in ("graph", "api", "policykg"):
        for path in (ROOT / folder).rglob("*.py"):
            found |= set(_NAMED.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_file_is_an_example_a_fragment_or_a_query_the_code_runs() -> None:
    files = {p.stem for p in sq.QUERIES_DIR.glob("*.rq")}
    fragments = {name for name in files if name.startswith("_")}
    example_names = {e.name for e in examples()}
    assert files == fragments | example_names | set(sq.names())
    assert _named_in_code() == set(sq.names())
    used = {slot for name in sq.names() for slot in re.findall(r"\$\{(_\w+)\}", (sq.QUERIES_DIR / f"{name}.rq").read_text())}
    assert used == fragments


def test_texts_have_their_fragments_and_no_header() -> None:
    count = sq.text("targets_count")
    assert "${_" not in count and "?target pkg:span ?span" in count and not count.startswith("#")
    assert sq.text("targets").count("${filter}") == 1
    filled = sq.fill(sq.text("targets"), filter="", page="LIMIT 3")
    assert filled.startswith("PREFIX ") and filled.rstrip().endswith("LIMIT 3")
    assert isinstance(ox.Store().query(filled), ox.QuerySolutions)


def test_slot_fillers_never_let_text_out() -> None:
    assert sq.string_literal('"} } DROP ALL') == '"\\"} } DROP ALL"'
    assert sq.iri("https://policykg.org/doc/x") == "<https://policykg.org/doc/x>"
    for bad in ("https://policykg.org/doc/x> } DROP ALL {", "a b", ""):
        try:
            sq.iri(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
    assert sq.page(None, 0) == "" and sq.page(5, 10) == "LIMIT 5 OFFSET 10"

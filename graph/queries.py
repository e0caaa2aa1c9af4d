"""The researcher questions, answered with SPARQL over the graph the mapping in `ontology.rdf` writes.

Every query text lives in a module-level constant, so the same queries serve as documented examples.
Their `${name}` slots never take raw user text: ids go through the IRI builders of `vocab`, phrases
through `string_literal`, numbers through `int`. Every answer is
a plain JSON-ready structure the HTTP API returns verbatim. Queries read the union of all named graphs
(what every store backend offers as its default graph), so they must be DISTINCT: the same triple —
a unit's label, say — may live in a document graph and in the reference graph.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from string import Template
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox

from policykg.graph.document_links import COVERAGE_MIN_SCORE, coverage, document_links
from policykg.graph.document_links import QUERIES as DOCUMENT_GRAPH_QUERIES
from policykg.graph.results import to_python
from policykg.ontology import vocab as v
from policykg.ontology.concepts import ConceptScheme, normalise_label
from policykg.settings import Settings

#: `vocab.id_from_iri`, memoised: answers hold thousands of IRIs, most of them seen before.
_id = functools.lru_cache(maxsize=1 << 16)(v.id_from_iri)

# --- the queries --------------------------------------------------------------------------------------

#: Every read document (not those known only by citation) with its metadata; one row per title.
DOCUMENTS = """
SELECT DISTINCT ?doc ?title ?lang ?script ?level ?region ?issuer ?issued ?number ?language WHERE {
  ?doc a eli:LegalExpression ; eli:realizes ?work .
  ${filter}
  OPTIONAL { ?doc eli:title ?title BIND(LANG(?title) AS ?lang) }
  OPTIONAL { ?doc pkg:script ?script }
  OPTIONAL { ?doc pkg:level ?level }
  OPTIONAL { ?doc pkg:region ?region }
  OPTIONAL { ?doc pkg:issuer ?issuer }
  OPTIONAL { ?doc eli:date_document ?issued }
  OPTIONAL { ?doc eli:id_local ?number }
  OPTIONAL { ?doc eli:language ?language }
}
"""

#: The clauses of one document (their position in the original text comes from SPAN_STARTS).
CLAUSES = """
SELECT DISTINCT ?clause ?number ?path ?depth ?title ?text WHERE {
  ?clause a eli:LegalResourceSubdivision ; pkg:document ${doc} ; eli:number ?number .
  OPTIONAL { ?clause pkg:path ?path }
  OPTIONAL { ?clause pkg:depth ?depth }
  OPTIONAL { ?clause eli:title ?title }
  OPTIONAL { ?clause pkg:text ?text }
}
"""

#: Units named in the clauses of one document, with their role.
CLAUSE_UNITS = """
SELECT DISTINCT ?resp ?clause ?unit ?jurisdiction ?role ?surface ?unitType WHERE {
  ?resp a pkg:Responsibility ; pkg:document ${doc} ; pkg:clause ?clause ; pkg:unit ?unit ; pkg:role ?role .
  OPTIONAL { ?resp pkg:surface ?surface }
  OPTIONAL { ?unit pkg:jurisdiction ?jurisdiction }
  OPTIONAL { ?unit dcterms:type ?unitType }
}
"""

#: The simplified-Chinese label of each of `${items}` (units). An OPTIONAL with a FILTER inside is
#: evaluated over every label of the store before the join; asked for by unit, it is a look-up.
UNIT_LABELS = """
SELECT DISTINCT ?item ?label WHERE {
  VALUES ?item { ${items} }
  ?item skos:prefLabel ?label FILTER(LANGMATCHES(LANG(?label), "zh-Hans"))
}
"""

#: The jurisdiction (a region) of each of `${items}` (units).
UNIT_JURISDICTIONS = """
SELECT DISTINCT ?item ?jurisdiction WHERE {
  VALUES ?item { ${items} }
  ?item pkg:jurisdiction ?jurisdiction
}
"""

#: Concepts the clauses of one document are about, with their labels in every script.
CLAUSE_CONCEPTS = """
SELECT DISTINCT ?clause ?concept ?label ?lang WHERE {
  ?clause a eli:LegalResourceSubdivision ; pkg:document ${doc} ; pkg:concept ?concept .
  OPTIONAL { ?concept skos:prefLabel ?label BIND(LANG(?label) AS ?lang) }
}
"""

#: Measures of one document.
CLAUSE_MEASURES = """
SELECT DISTINCT ?measure ?clause ?text WHERE {
  ?measure a pkg:Measure ; pkg:document ${doc} ; pkg:clause ?clause .
  OPTIONAL { ?measure pkg:text ?text }
}
"""

#: Deadlines of one document, with the years/dates their intervals begin and end.
CLAUSE_DEADLINES = """
SELECT DISTINCT ?deadline ?clause ?label ?kind ?ongoing ?begin ?end WHERE {
  ?deadline a pkg:Deadline ; pkg:document ${doc} ; pkg:clause ?clause .
  OPTIONAL { ?deadline rdfs:label ?label }
  OPTIONAL { ?deadline pkg:deadlineKind ?kind }
  OPTIONAL { ?deadline pkg:ongoing ?ongoing }
  OPTIONAL { ?deadline time:hasBeginning ?b . ?b time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?begin }
  OPTIONAL { ?deadline time:hasEnd ?e . ?e time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?end }
}
"""

#: The pattern of the targets `${filter}` keeps (by document, year, concept or region), with where
#: each starts in its document's text (every fact has a span: `ontology.rdf` writes one for each).
_TARGETS_WHERE = """
  ?target a pkg:Target ; pkg:document ?doc ; pkg:clause ?clause ; pkg:indicator ?indicator .
  ?clause eli:number ?number .
  ${filter}
  ?target pkg:span ?span . ?span oa:hasSelector ?sel . ?sel a oa:TextPositionSelector ; oa:start ?at .
}
"""

#: Targets, one row each, in reading order — by document, then where they start in its text, then by
#: id (`.t2` before `.t10`), a stable order for pages; `${page}` is empty or LIMIT/OFFSET. Their facts
#: come from TARGET_FACTS, their sentence from TARGET_SENTENCES and their quote from SPAN_QUOTES, asked
#: for the targets of the page only.
TARGETS = (
    """
SELECT ?target ?doc (MIN(?at) AS ?start) WHERE {"""
    + _TARGETS_WHERE
    + """GROUP BY ?target ?doc
ORDER BY ?doc ?start STRLEN(STR(?target)) STR(?target)
${page}
"""
)

#: How many targets TARGETS finds (the total of a page).
TARGETS_COUNT = """
SELECT (COUNT(DISTINCT ?target) AS ?total) WHERE {""" + _TARGETS_WHERE

#: The facts of each of `${items}` (targets): clause, clause number, indicator, value, unit, years, the
#: direction of a relative change and its base year, the first year of a period, the value converted.
TARGET_FACTS = """
SELECT DISTINCT ?item ?clause ?number ?indicator ?comparator ?value ?min ?max ?unit ?convertedValue ?convertedUnit ?change
       ?baseYear ?year ?startYear ?qualitative
WHERE {
  VALUES ?item { ${items} }
  ?item pkg:clause ?clause ; pkg:indicator ?indicator .
  ?clause eli:number ?number .
  OPTIONAL { ?item pkg:comparator ?comparator }
  OPTIONAL { ?item pkg:value ?value }
  OPTIONAL { ?item pkg:valueMin ?min }
  OPTIONAL { ?item pkg:valueMax ?max }
  OPTIONAL { ?item pkg:measureUnit ?unit }
  OPTIONAL { ?item pkg:convertedValue ?convertedValue }
  OPTIONAL { ?item pkg:convertedUnit ?convertedUnit }
  OPTIONAL { ?item pkg:change ?change }
  OPTIONAL { ?item pkg:baseYear ?baseYear }
  OPTIONAL { ?item pkg:targetYear ?year }
  OPTIONAL { ?item time:hasBeginning ?begins . ?begins time:inXSDgYear ?startYear }
  OPTIONAL { ?item pkg:qualitative ?qualitative }
}
"""

#: The sentences of the measures that carry each of `${items}` (targets).
TARGET_SENTENCES = """
SELECT DISTINCT ?item ?sentence WHERE {
  VALUES ?item { ${items} }
  ?measure pkg:hasTarget ?item ; pkg:text ?sentence .
}
"""

#: Where each of `${items}` starts in the original text of its document. Optional multi-pattern
#: groups are evaluated on their own before the join, over every span of the store; listing the
#: items first makes the join start from them instead.
SPAN_STARTS = """
SELECT DISTINCT ?item ?start WHERE {
  VALUES ?item { ${items} }
  ?item pkg:span ?span . ?span oa:hasSelector ?sel . ?sel a oa:TextPositionSelector ; oa:start ?start .
}
"""

#: The exact quote of the span of each of `${items}`.
SPAN_QUOTES = """
SELECT DISTINCT ?item ?quote WHERE {
  VALUES ?item { ${items} }
  ?item pkg:span ?span . ?span oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?quote .
}
"""

#: The tail every search query shares: a hit `?item` is a measure (of `?clause`) or a clause itself;
#: its kind, clause number and original text.
_HIT_KIND_CLAUSE_TEXT = """
  {
    ?item a pkg:Measure ; pkg:clause ?clause .
    BIND("measure" AS ?kind)
  } UNION {
    ?item a eli:LegalResourceSubdivision .
    BIND(?item AS ?clause)
    BIND("clause" AS ?kind)
  }
  ?clause eli:number ?number .
  OPTIONAL { ?item pkg:text ?text }
}
"""

#: Measures and clauses whose normalised text contains `${needle}` (lower-cased, simplified).
SEARCH_TEXT = """
SELECT DISTINCT ?item ?kind ?doc ?clause ?number ?text WHERE {
  ?item pkg:normalisedText ?normalised .
  FILTER(CONTAINS(LCASE(STR(?normalised)), ${needle}))
  ?item pkg:document ?doc .
  ${filter}
""" + _HIT_KIND_CLAUSE_TEXT

#: Every normalised text, for the in-process phrase index of a store that tells its generation.
NORMALISED_TEXTS = """
SELECT ?item ?normalised WHERE { ?item pkg:normalisedText ?normalised }
"""

#: SEARCH_TEXT for `${items}` already known to contain the phrase (found in the phrase index).
SEARCH_ITEMS = """
SELECT DISTINCT ?item ?kind ?doc ?clause ?number ?text WHERE {
  VALUES ?item { ${items} }
  ?item pkg:document ?doc .
  ${filter}
""" + _HIT_KIND_CLAUSE_TEXT

#: Measures and clauses tagged with one of `${concepts}`.
SEARCH_CONCEPTS = """
SELECT DISTINCT ?item ?kind ?doc ?clause ?number ?text ?concept WHERE {
  VALUES ?concept { ${concepts} }
  ?item pkg:concept ?concept ; pkg:document ?doc .
  ${filter}
""" + _HIT_KIND_CLAUSE_TEXT

#: The responsibilities (lead or support) of units for clauses about one of `${concepts}` — the clause
#: itself, a measure or a target in it carries the concept —, with where the clause starts in its
#: document's text (every clause has a span: `ontology.rdf` writes one for each). `${filter}` narrows by
#: document or region. A unit's jurisdiction is copied into the graph of every document naming the unit:
#: joined here, each copy would be a row, so a region is a subquery of the units within it and the
#: jurisdictions of a page's units are asked for afterwards (UNIT_JURISDICTIONS).
_UNITS_WHERE = """
  VALUES ?concept { ${concepts} }
  ?thing pkg:concept ?concept .
  { ?thing a eli:LegalResourceSubdivision . BIND(?thing AS ?clause) }
  UNION { ?thing a pkg:Measure ; pkg:clause ?clause . }
  UNION { ?thing a pkg:Target ; pkg:clause ?clause . }
  ?resp pkg:clause ?clause ; a pkg:Responsibility ; pkg:unit ?unit ; pkg:role ?role ; pkg:document ?doc .
  FILTER(?role IN ("lead", "support"))
  ?clause eli:number ?number ; pkg:span ?span . ?span oa:hasSelector ?sel .
  ?sel a oa:TextPositionSelector ; oa:start ?start .
  ${filter}
"""

#: The units responsible for clauses about one of `${concepts}`, one row each, ranked: most lead clauses
#: first, then most clauses, then the first mentioned, then by id — a stable order for pages; `${page}`
#: is empty or LIMIT/OFFSET. A `?mention` sorts as a reader meets it: by document, place in its text,
#: clause, then mention number (`.u2` before `.u10`). `?entries` holds the unit's clauses, one line
#: each: the mention, the role and the clause number (URI-encoded).
UNITS_FOR_CONCEPTS = (
    """
SELECT ?unit (COUNT(DISTINCT ?led) AS ?leads) (COUNT(DISTINCT ?entry) AS ?clauses)
       (MIN(?mention) AS ?first) (GROUP_CONCAT(DISTINCT ?line; SEPARATOR="\\n") AS ?entries) WHERE {"""
    + _UNITS_WHERE
    + """  BIND(CONCAT(STR(?doc), " ", SUBSTR(STR(?start + 10000000000), 2), " ", STR(?clause), " ",
              SUBSTR(STR(STRLEN(STR(?resp)) + 100000), 2), " ", STR(?resp)) AS ?mention)
  BIND(IF(?role = "lead", ?clause, ?none) AS ?led)
  BIND(CONCAT(STR(?clause), " ", ?role) AS ?entry)
  BIND(CONCAT(?mention, " ", ?role, " ", ENCODE_FOR_URI(?number)) AS ?line)
}
GROUP BY ?unit
ORDER BY DESC(?leads) DESC(?clauses) ?first ?unit
${page}
"""
)

#: How many units UNITS_FOR_CONCEPTS finds (the total of a page).
UNITS_COUNT = """
SELECT (COUNT(DISTINCT ?unit) AS ?total) WHERE {""" + _UNITS_WHERE + "}\n"

#: A measure or clause: its document, clause number and original text.
ITEM = """
SELECT DISTINCT ?item ?doc ?clause ?number ?text WHERE {
  VALUES ?item { ${items} }
  ?item pkg:document ?doc .
  OPTIONAL { ?item pkg:clause ?owner }
  BIND(COALESCE(?owner, ?item) AS ?clause)
  ?clause eli:number ?number .
  OPTIONAL { ?item pkg:text ?text }
}
"""

#: The sources of clause links that count for `${item}`: the item itself, and for a clause every
#: measure in it or in a clause inside it.
LINK_SOURCES = """
SELECT DISTINCT ?source WHERE {
  { VALUES ?from { ${item} } BIND(?from AS ?source) }
  UNION
  { VALUES ?from { ${item} } ?source pkg:clause ?from . }
  UNION
  { VALUES ?from { ${item} } ?inner eli:is_part_of ?from . ?source pkg:clause ?inner . }
}
"""

#: The clause links from `${sources}` (the best targets are chosen from them, best score first).
PARENT_LINKS = """
SELECT DISTINCT ?link ?target ?score ?rank ?relation WHERE {
  VALUES ?source { ${sources} }
  ?link pkg:source ?source ; a pkg:ClauseLink ; pkg:target ?target ; pkg:score ?score ; pkg:relation ?relation .
  OPTIONAL { ?link pkg:rank ?rank }
}
"""

#: The evidence of each of `${links}`, with the clause it links to.
PARENT_EVIDENCE = """
SELECT DISTINCT ?target ?evidence ?ekind ?evalue ?eweight WHERE {
  VALUES ?link { ${links} }
  ?link pkg:target ?target ; pkg:evidence ?evidence .
  ?evidence pkg:evidenceKind ?ekind ; rdf:value ?evalue .
  OPTIONAL { ?evidence pkg:weight ?eweight }
}
"""

#: The evidence of each of `${links}`, by link, in the order the link states it.
PARENT_EVIDENCE_OF = """
SELECT DISTINCT ?link ?evidence ?ekind ?evalue ?eweight WHERE {
  VALUES ?link { ${links} }
  ?link pkg:evidence ?evidence .
  ?evidence pkg:evidenceKind ?ekind ; rdf:value ?evalue .
  OPTIONAL { ?evidence pkg:weight ?eweight }
}
"""

#: Document, number and original text of each of `${targets}` (clauses).
CLAUSE_INFO = """
SELECT DISTINCT ?target ?doc ?number ?text WHERE {
  VALUES ?target { ${targets} }
  ?target pkg:document ?doc ; eli:number ?number .
  OPTIONAL { ?target pkg:text ?text }
}
"""

#: The documents each of `${docs}` implements, with the score of the document link.
DOCUMENT_PARENTS = """
SELECT DISTINCT ?source ?target ?score WHERE {
  VALUES ?source { ${docs} }
  ?link a pkg:DocumentLink ; pkg:source ?source ; pkg:relation "implements" ; pkg:target ?target ; pkg:score ?score .
}
"""

#: The clauses of other expressions (the English central opinions) aligned to each of `${targets}`.
ALIGNED_CLAUSES = """
SELECT DISTINCT ?target ?other WHERE {
  VALUES ?target { ${targets} }
  ?link a pkg:ClauseLink ; pkg:target ?target ; pkg:method "alignment" ; pkg:source ?other .
}
"""

QUERIES: dict[str, str] = {
    "documents": DOCUMENTS,
    "clauses": CLAUSES,
    "clause_units": CLAUSE_UNITS,
    "unit_labels": UNIT_LABELS,
    "unit_jurisdictions": UNIT_JURISDICTIONS,
    "clause_concepts": CLAUSE_CONCEPTS,
    "clause_measures": CLAUSE_MEASURES,
    "clause_deadlines": CLAUSE_DEADLINES,
    "targets": TARGETS,
    "targets_count": TARGETS_COUNT,
    "target_facts": TARGET_FACTS,
    "target_sentences": TARGET_SENTENCES,
    "span_starts": SPAN_STARTS,
    "span_quotes": SPAN_QUOTES,
    "search_text": SEARCH_TEXT,
    "normalised_texts": NORMALISED_TEXTS,
    "search_items": SEARCH_ITEMS,
    "search_concepts": SEARCH_CONCEPTS,
    "units_for_concepts": UNITS_FOR_CONCEPTS,
    "units_count": UNITS_COUNT,
    "item": ITEM,
    "link_sources": LINK_SOURCES,
    "parent_links": PARENT_LINKS,
    "parent_evidence": PARENT_EVIDENCE,
    "parent_evidence_of": PARENT_EVIDENCE_OF,
    "clause_info": CLAUSE_INFO,
    "document_parents": DOCUMENT_PARENTS,
    "aligned_clauses": ALIGNED_CLAUSES,
    **DOCUMENT_GRAPH_QUERIES,
}

_LANGUAGES = {v.EU_LANGUAGE + code: lang for lang, code in (("zh", "ZHO"), ("en", "ENG"))}
_SCRIPTS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}
_ORDINAL = re.compile(r"\.([a-z])(\d+)$")

# Search scores: a phrase found in the text counts most; a concept tag counts more when the phrase
# names the concept exactly than when it only matches part of a label.
SCORE_TEXT = 0.6
SCORE_CONCEPT_EXACT = 0.4
SCORE_CONCEPT_PARTIAL = 0.2

#: Answers kept per store generation (query text → rows); a write to the store empties the cache.
CACHE_ENTRIES = 512
#: IRIs per VALUES block of the follow-up queries (spans, sentences, labels); past about a thousand
#: Oxigraph stops starting the join from the list.
VALUES_CHUNK = 400


def fill(query: str, **slots: str) -> str:
    """The query with its `${slots}` filled (empty string for unnamed ones) and the prefixes prepended."""
    names = set(re.findall(r"\$\{(\w+)\}", query))
    values = {name: slots.get(name, "") for name in names}
    return v.SPARQL_PREFIXES + Template(query).substitute(values)


def iri(value: str) -> str:
    """`<value>`; the IRI builders of `vocab` percent-encode every character that could break out."""
    if any(ch in value for ch in '<>"{}|^`\\ \n\r\t'):
        raise ValueError(f"not a usable IRI: {value!r}")
    return f"<{value}>"


def string_literal(text: str) -> str:
    """A SPARQL string literal for any text (JSON string escapes are valid SPARQL escapes)."""
    return json.dumps(text, ensure_ascii=False)


def _rows(store: Any, sparql: str) -> list[dict[str, Any]]:
    """SELECT rows as dicts of plain values, from a policykg Store or a bare pyoxigraph Store."""
    if isinstance(store, ox.Store):
        result = store.query(sparql, use_default_graph_as_union=True)
    else:
        result = store.query(sparql)
    if isinstance(result, ox.QuerySolutions):
        names = [var.value for var in result.variables]
        return [
            {name: (None if sol[name] is None else to_python(sol[name])) for name in names} for sol in result
        ]
    if hasattr(result, "rows"):
        return list(result.rows())
    if isinstance(result, list):
        return [dict(row) for row in result]
    raise TypeError(f"not a SELECT result: {type(result).__name__}")


def _ordinal(ident: str) -> tuple[str, int]:
    """Sort key of ids ending in .m3 / .t12: the prefix, then the number as a number."""
    match = _ORDINAL.search(ident)
    return (ident[: match.start()], int(match.group(2))) if match else (ident, 0)


def _script(lang: str | None) -> str | None:
    return _SCRIPTS.get((lang or "").lower(), lang) if lang else None


def _issued(value: Any) -> str | None:
    return None if value is None else str(value)


def _year(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(str(value)[:4])
    except ValueError:
        return None


def _within(variable: str, scope: str) -> str:
    """A FILTER keeping `variable` (a region IRI) within the region `scope`. Region ids nest by
    construction: CN-FJ-Sanming is within CN-FJ and CN (and so are their IRIs)."""
    region = v.region_iri(scope)
    return f"FILTER({variable} = {iri(region)} || STRSTARTS(STR({variable}), {string_literal(region + '-')}))"


def _unit_clauses(entries: str) -> list[dict[str, Any]]:
    """A unit's clauses from UNITS_FOR_CONCEPTS' `?entries`, in the order a reader meets them: one per
    clause and role, placed at its first mention."""
    first: dict[tuple[str, str, str, str], str] = {}
    for line in entries.split("\n"):
        doc, start, clause, length, resp, role, number = line.split(" ")
        mention = " ".join((doc, start, clause, length, resp))
        key = (clause, doc, unquote(number), role)
        if key not in first or mention < first[key]:
            first[key] = mention
    return [
        {"id": _id(clause), "document": _id(doc), "clause": number, "role": role}
        for (clause, doc, number, role) in sorted(first, key=lambda k: first[k])
    ]


def _page(limit: int | None, offset: int) -> str:
    """The LIMIT/OFFSET of one page; empty for every row."""
    parts = [] if limit is None else [f"LIMIT {int(limit)}"]
    if offset:
        parts.append(f"OFFSET {int(offset)}")
    return " ".join(parts)


class Queries:
    """Answers the researcher questions over a store (anything with `query(sparql)` returning rows)."""

    def __init__(self, store: Any, settings: Settings | None = None, scheme: ConceptScheme | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self.scheme = scheme or ConceptScheme.load()
        self._labels: dict[str, str] | None = None
        self._cache: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
        self._cache_generation: int | None = None
        self._cache_lock = threading.Lock()
        self._texts: tuple[int, list[tuple[str, str]]] | None = None
        self._answers: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._answers_generation: int | None = None

    def _answer(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """A whole answer, kept like query rows for the store's current generation; callers get a copy
        of their own (the HTTP layer may change what it is given)."""
        generation = self._generation()
        if generation is None:
            return compute()
        with self._cache_lock:
            if generation != self._answers_generation:
                self._answers.clear()
                self._answers_generation = generation
            if key in self._answers:
                self._answers.move_to_end(key)
                return copy.deepcopy(self._answers[key])
        value = compute()
        with self._cache_lock:
            if generation == self._answers_generation:
                self._answers[key] = copy.deepcopy(value)
                while len(self._answers) > CACHE_ENTRIES:
                    self._answers.popitem(last=False)
        return value

    def _generation(self) -> int | None:
        """The store's write counter, when it keeps one (the embedded store does: every write bumps
        it). Stores without one — a remote endpoint others may write to — are not cached."""
        generation = getattr(self.store, "generation", None)
        return generation if isinstance(generation, int) else None

    def rows(self, query: str, **slots: str) -> list[dict[str, Any]]:
        """The rows of a query, from a small cache valid for the store's current generation."""
        sparql = fill(query, **slots)
        generation = self._generation()
        if generation is None:
            return _rows(self.store, sparql)
        with self._cache_lock:
            if generation != self._cache_generation:
                self._cache.clear()
                self._cache_generation = generation
            cached = self._cache.get(sparql)
            if cached is not None:
                self._cache.move_to_end(sparql)
                return list(cached)
        found = _rows(self.store, sparql)
        with self._cache_lock:
            if generation == self._cache_generation:
                self._cache[sparql] = found
                while len(self._cache) > CACHE_ENTRIES:
                    self._cache.popitem(last=False)
        return list(found)

    def _text_rows(self, needle: str, filter_: str) -> list[dict[str, Any]]:
        """SEARCH_TEXT's rows. On a store that tells its generation, the phrase is looked for in an
        in-process copy of every normalised text (read once per generation), and only the items that
        contain it are asked for: a scan of the text in Python instead of one in SPARQL per phrase."""
        generation = self._generation()
        if generation is None:
            return self.rows(SEARCH_TEXT, filter=filter_, needle=string_literal(needle))
        texts = self._texts
        if texts is None or texts[0] != generation:
            rows = _rows(self.store, fill(NORMALISED_TEXTS))
            texts = (generation, [(row["item"], str(row["normalised"]).lower()) for row in rows])
            self._texts = texts
        items = sorted({item for item, text in texts[1] if needle in text})
        out: list[dict[str, Any]] = []
        for i in range(0, len(items), VALUES_CHUNK):
            values = " ".join(iri(item) for item in items[i : i + VALUES_CHUNK])
            out += self.rows(SEARCH_ITEMS, items=values, filter=filter_)
        return out

    def _look_up(self, query: str, items: Iterable[str]) -> list[dict[str, Any]]:
        """The rows of a follow-up query (SPAN_STARTS, …) for `items`, asked in VALUES chunks."""
        unique = sorted(set(items))
        out: list[dict[str, Any]] = []
        for i in range(0, len(unique), VALUES_CHUNK):
            out += self.rows(query, items=" ".join(iri(item) for item in unique[i : i + VALUES_CHUNK]))
        return out

    def _per_item(self, query: str, items: Iterable[str], column: str) -> dict[str, Any]:
        """item IRI → the first value of `column` a follow-up query (SPAN_STARTS, …) finds for it."""
        out: dict[str, Any] = {}
        for row in self._look_up(query, items):
            if row[column] is not None:
                out.setdefault(row["item"], row[column])
        return out

    def _total(self, count_query: str, page: list[Any], limit: int | None, offset: int, **slots: str) -> int:
        """How many rows the unpaged query has. A page shorter than its limit (and not past the end)
        tells it; else `count_query` (same slots) counts them."""
        if (page or not offset) and (limit is None or len(page) < limit):
            return offset + len(page)
        rows = self.rows(count_query, **slots)
        return int(rows[0]["total"]) if rows else 0

    def _starts(self, items: Iterable[str]) -> dict[str, int]:
        """item IRI → the offset its span starts at in the original text."""
        return self._per_item(SPAN_STARTS, items, "start")

    # --- documents --------------------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        return self._answer(("documents",), lambda: self._documents(""))

    def _documents(self, filter_: str) -> list[dict[str, Any]]:
        docs: dict[str, dict[str, Any]] = {}
        scripts: dict[str, str | None] = {}
        for row in self.rows(DOCUMENTS, filter=filter_):
            doc_id = _id(row["doc"])
            entry = docs.get(doc_id)
            if entry is None:
                entry = docs[doc_id] = {
                    "id": doc_id,
                    "title": None,
                    "titles": {},
                    "level": row["level"],
                    "region": _id(row["region"]) if row["region"] else None,
                    "issuer": row["issuer"],
                    "issued": _issued(row["issued"]),
                    "doc_number": row["number"],
                    "language": _LANGUAGES.get(row["language"] or ""),
                }
                scripts[doc_id] = row["script"]
            if row["title"] is not None:
                entry["titles"][_script(row["lang"]) or "und"] = row["title"]
        for doc_id, entry in docs.items():
            titles = entry["titles"]
            entry["titles"] = dict(sorted(titles.items()))
            own = scripts[doc_id]
            entry["title"] = titles.get(own) if own in titles else next(iter(entry["titles"].values()), None)
        return [docs[k] for k in sorted(docs)]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The document's metadata and its clauses in reading order; None when it is not in the store."""
        return self._answer(("document", doc_id), lambda: self._document(doc_id))

    def _document(self, doc_id: str) -> dict[str, Any] | None:
        doc = iri(v.doc_iri(doc_id))
        found = self._documents(f"VALUES ?doc {{ {doc} }}")
        if not found:
            return None
        result = found[0]
        language = result["language"] or "zh"
        clauses: dict[str, dict[str, Any]] = {}
        order: dict[str, tuple[int, int]] = {}
        clause_rows = self.rows(CLAUSES, doc=doc)
        starts = self._starts(row["clause"] for row in clause_rows)
        for row in clause_rows:
            cid = _id(row["clause"])
            clauses[cid] = {
                "id": cid,
                "number": row["number"],
                "path": row["path"].split("/") if row["path"] else [row["number"]],
                "title": row["title"],
                "text": row["text"],
                "units": [],
                "targets": [],
                "goals": [],
                "concepts": [],
                "measures": [],
                "deadlines": [],
            }
            start = starts.get(row["clause"])
            order[cid] = (start if start is not None else 0, row["depth"] or 0)

        unit_rows = self.rows(CLAUSE_UNITS, doc=doc)
        unit_labels = self._per_item(UNIT_LABELS, (r["unit"] for r in unit_rows), "label")
        units = sorted(unit_rows, key=lambda r: _ordinal(_id(r["resp"])))
        seen_units: set[tuple[str, str, str]] = set()
        for row in units:
            cid, uid = _id(row["clause"]), _id(row["unit"])
            if cid not in clauses or (cid, uid, row["role"]) in seen_units:
                continue
            seen_units.add((cid, uid, row["role"]))
            clauses[cid]["units"].append(
                {
                    "id": uid,
                    "label": unit_labels.get(row["unit"]),  # the canonical name
                    "name": row["surface"],  # as the document writes it
                    "jurisdiction": _id(row["jurisdiction"]) if row["jurisdiction"] else None,
                    "role": row["role"],
                    "resolved": row["unitType"] is None,  # False: a unit the registry does not know
                }
            )

        # quantified targets and qualitative goals are two kinds, in two lists
        for target in self._targets(f"VALUES ?doc {{ {doc} }}")[0]:
            cid = target.pop("_clause")
            if cid in clauses:
                clauses[cid]["targets" if target["kind"] == "quantified" else "goals"].append(target)

        labels: dict[tuple[str, str], dict[str, str]] = {}
        for row in self.rows(CLAUSE_CONCEPTS, doc=doc):
            key = (_id(row["clause"]), _id(row["concept"]))
            bucket = labels.setdefault(key, {})
            if row["label"] is not None:
                bucket[_script(row["lang"]) or "und"] = row["label"]
        want = "en" if language == "en" else "zh-Hans"
        for (cid, concept_id), by_script in sorted(labels.items()):
            if cid in clauses:
                label = by_script.get(want) or by_script.get("zh-Hans") or next(iter(by_script.values()), concept_id)
                clauses[cid]["concepts"].append({"id": concept_id, "label": label})

        for row in sorted(self.rows(CLAUSE_MEASURES, doc=doc), key=lambda r: _ordinal(_id(r["measure"]))):
            cid = _id(row["clause"])
            if cid in clauses:
                clauses[cid]["measures"].append({"id": _id(row["measure"]), "text": row["text"]})

        deadlines = sorted(self.rows(CLAUSE_DEADLINES, doc=doc), key=lambda r: _ordinal(_id(r["deadline"])))
        for row in deadlines:
            cid = _id(row["clause"])
            if cid in clauses:
                clauses[cid]["deadlines"].append(
                    {
                        "id": _id(row["deadline"]),
                        "label": row["label"],
                        "start": _issued(row["begin"]),
                        "end": _issued(row["end"]),
                        "kind": row["kind"],
                        "ongoing": bool(row["ongoing"]),
                    }
                )
        result["clauses"] = [clauses[c] for c in sorted(clauses, key=lambda c: (order[c], c))]
        result.update(document_links(self, doc_id))  # parents, children, expressions, cites
        return result

    def coverage(self, doc_id: str, rank: int = 1, min_score: float = COVERAGE_MIN_SCORE) -> dict[str, Any] | None:
        """Which of a document's clauses each province and city below it implements (`document_links.coverage`)."""
        return self._answer(("coverage", doc_id, rank, min_score), lambda: coverage(self, doc_id, rank, min_score))

    # --- targets ----------------------------------------------------------------------------------
    def targets(
        self,
        document: str | None = None,
        year: int | None = None,
        concept: str | None = None,
        region: str | None = None,
        kind: str = "quantified",
    ) -> list[dict[str, Any]]:
        """Targets, narrowed by document, target year, concept (or a narrower one) and region, in
        reading order (by document, then place in its text). `kind` "quantified" (the default: targets
        with a value) or "qualitative" (goals stated in words): the two are never mixed in one list."""
        return list(self.targets_page(document, year, concept, region, kind=kind)["targets"])

    def targets_page(
        self,
        document: str | None = None,
        year: int | None = None,
        concept: str | None = None,
        region: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        kind: str = "quantified",
    ) -> dict[str, Any]:
        """`{"targets": [...], "total": n}`: the `limit` targets (all when None) after the first `offset`
        of what `targets()` answers, and how many that is in all."""
        return self._answer(
            ("targets", document, year, concept, region, limit, offset, kind),
            lambda: self._targets_for(document, year, concept, region, limit, offset, kind),
        )

    def _targets_for(
        self, document: str | None, year: int | None, concept: str | None, region: str | None,
        limit: int | None, offset: int, kind: str = "quantified",
    ) -> dict[str, Any]:
        filters = [f"?target pkg:qualitative {'true' if kind == 'qualitative' else 'false'} ."]
        if document:
            filters.append(f"VALUES ?doc {{ {iri(v.doc_iri(document))} }}")
        if year is not None:
            filters.append(f'?target pkg:targetYear ?y FILTER(STR(?y) = "{int(year):04d}")')
        if concept:
            ids = self._concept_family(concept)
            if not ids:
                return {"targets": [], "total": 0}
            values = " ".join(iri(v.concept_iri(c)) for c in ids)
            filters.append(
                f"VALUES ?c {{ {values} }} "
                "{ ?target pkg:concept ?c } UNION { ?m pkg:hasTarget ?target ; pkg:concept ?c }"
            )
        if region:
            filters.append(f"?doc pkg:region ?docRegion {_within('?docRegion', region)}")
        found, total = self._targets("\n  ".join(filters), limit, offset)
        for t in found:
            t.pop("_clause", None)
        return {"targets": found, "total": total}

    def _targets(self, filter_: str, limit: int | None = None, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """One page of the targets `filter_` keeps, in TARGETS' order, and how many it keeps in all.
        Their facts, sentences and quotes are asked for the targets of the page only."""
        order = self.rows(TARGETS, filter=filter_, page=_page(limit, offset))
        total = self._total(TARGETS_COUNT, order, limit, offset, filter=filter_)
        iris = [row["target"] for row in order]
        facts: dict[str, dict[str, Any]] = {}
        for row in self._look_up(TARGET_FACTS, iris):
            facts.setdefault(row["item"], row)
        sentences = self._per_item(TARGET_SENTENCES, iris, "sentence")
        quotes = self._per_item(SPAN_QUOTES, iris, "quote")
        out = []
        for row in order:
            fact = facts.get(row["target"])
            if fact is None:  # written between the two queries
                continue
            direction = fact["change"]
            out.append(
                {
                    "id": _id(row["target"]),
                    "kind": "qualitative" if fact["qualitative"] else "quantified",
                    "indicator": fact["indicator"],
                    # a relative change reads as its direction: "比2020年下降18%" is a decrease of 18 % from 2020
                    "comparator": direction or fact["comparator"],
                    "bound": fact["comparator"] if direction and fact["comparator"] != "=" else None,
                    "direction": direction,
                    "value": fact["value"],
                    "value_min": fact["min"],
                    "value_max": fact["max"],
                    "unit": fact["unit"],
                    "converted_value": fact["convertedValue"],  # the value in a unit comparable across documents
                    "converted_unit": fact["convertedUnit"],
                    "base_year": _year(fact["baseYear"]),
                    "start_year": _year(fact["startYear"]),
                    "year": _year(fact["year"]),
                    "document": _id(row["doc"]),
                    "clause": fact["number"],
                    "text": sentences.get(row["target"]) or quotes.get(row["target"]),
                    "_clause": _id(fact["clause"]),
                }
            )
        return out, total

    # --- concepts ---------------------------------------------------------------------------------
    def resolve_concept(self, concept: str) -> str | None:
        """A concept id from its id or any label in any script, compared in normalised form."""
        if concept in self.scheme.concepts:
            return concept
        if self._labels is None:
            self._labels = {}
            for cid, c in self.scheme.concepts.items():
                for lang in ("zh-Hans", "zh-Hant", "en"):
                    for label in c.all_labels(lang):
                        self._labels.setdefault(normalise_label(label), cid)
        exact = self._labels.get(normalise_label(concept))
        if exact is not None:
            return exact
        # A partial label ("碳捕集", "carbon capture") names the concept the scheme's lookup ranks first.
        found = self.scheme.lookup(concept) if concept.strip() else []
        return found[0] if found else None

    def _concept_family(self, concept: str) -> list[str]:
        cid = self.resolve_concept(concept)
        return [] if cid is None else [cid, *self.scheme.descendants(cid)]

    def concepts(self, q: str = "") -> list[dict[str, Any]]:
        """Concepts whose id or label (any script, any case) matches `q`; every concept for an empty q."""
        ids = self.scheme.matching(q) if q.strip() else sorted(self.scheme.concepts)  # every match, exact first
        out = []
        for cid in ids:
            c = self.scheme.concepts[cid]
            out.append(
                {
                    "id": cid,
                    "labels": {lang: c.labels.get(lang) for lang in ("zh-Hans", "zh-Hant", "en")},
                    "alt": {lang: list(c.alt.get(lang, [])) for lang in ("zh-Hans", "zh-Hant", "en")},
                    "sector": c.sector or None,
                }
            )
        return out

    # --- search -----------------------------------------------------------------------------------
    def search(self, q: str, document: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Measures and clauses matching `q` in any script: by text, and by the concepts `q` names.

        The phrase is normalised the way documents are (traditional → simplified with the Taiwan
        phrase table, full-width folded, lower case), then matched against the normalised text.
        """
        return self._answer(("search", q, document, limit), lambda: self._search(q, document, limit))

    def _search(self, q: str, document: str | None, limit: int) -> list[dict[str, Any]]:
        from policykg.ingest.script import to_simplified

        needle = normalise_label(to_simplified(q))
        if not needle:
            return []
        limit = max(1, min(int(limit), self.settings.api_max_limit))
        filter_ = f"VALUES ?doc {{ {iri(v.doc_iri(document))} }}" if document else ""
        hits: dict[str, dict[str, Any]] = {}
        scores: dict[str, float] = {}
        keys: dict[str, tuple[int, str, int]] = {}

        starts: dict[str, int] = {}

        def add(row: dict[str, Any], score: float) -> None:
            item = _id(row["item"])
            if item not in hits:
                hits[item] = {
                    "id": item,
                    "document": _id(row["doc"]),
                    "clause": row["number"],
                    "text": row["text"],
                    "score": 0.0,
                }
                kind = 0 if row["kind"] == "measure" else 1
                keys[item] = (kind, hits[item]["document"], starts.get(row["item"]) or 0)
                scores[item] = 0.0
            scores[item] = max(scores[item], score)

        text_hits = set()
        text_rows = self._text_rows(needle, filter_)
        concept_scores = self._search_concepts(q)
        concept_rows: list[dict[str, Any]] = []
        if concept_scores:
            values = " ".join(iri(v.concept_iri(c)) for c in concept_scores)
            concept_rows = self.rows(SEARCH_CONCEPTS, filter=filter_, concepts=values)
        starts.update(self._starts(row["item"] for row in [*text_rows, *concept_rows]))
        for row in text_rows:
            add(row, SCORE_TEXT)
            text_hits.add(_id(row["item"]))

        if concept_scores:
            concept_best: dict[str, float] = {}
            for row in concept_rows:
                score = concept_scores[_id(row["concept"])]
                add(row, 0.0)
                item = _id(row["item"])
                concept_best[item] = max(concept_best.get(item, 0.0), score)
            for item, score in concept_best.items():
                scores[item] = (SCORE_TEXT if item in text_hits else 0.0) + score

        for item, hit in hits.items():
            hit["score"] = round(scores[item], 3)
        ranked = sorted(hits, key=lambda i: (-scores[i], keys[i], i))
        return [hits[i] for i in ranked[:limit]]

    def _search_concepts(self, q: str) -> dict[str, float]:
        """Concept id → score contribution: exact names of the phrase, then concepts it partly matches."""
        exact = self.resolve_concept(q)
        out: dict[str, float] = {}
        if exact is not None:
            for cid in [exact, *self.scheme.descendants(exact)]:
                out.setdefault(cid, SCORE_CONCEPT_EXACT)
        for cid in self.scheme.lookup(q)[: self.settings.search_max_concepts]:
            out.setdefault(cid, SCORE_CONCEPT_PARTIAL)
        return out

    # --- units ------------------------------------------------------------------------------------
    def units(
        self, concept: str, document: str | None = None, region: str | None = None
    ) -> dict[str, Any] | None:
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
        what `units()` answers, each with all its clauses, and how many units there are in all."""
        return self._answer(
            ("units", concept, document, region, limit, offset),
            lambda: self._units(concept, document, region, limit, offset),
        )

    def _units(
        self, concept: str, document: str | None, region: str | None, limit: int | None, offset: int
    ) -> dict[str, Any] | None:
        cid = self.resolve_concept(concept)
        if cid is None:
            return None
        family = [cid, *self.scheme.descendants(cid)]
        filters = []
        if document:
            filters.append(f"VALUES ?doc {{ {iri(v.doc_iri(document))} }}")
        if region:
            # the units within the region, found once (a jurisdiction has a copy per document graph)
            filters.append(
                f"{{ SELECT DISTINCT ?unit WHERE {{ ?unit pkg:jurisdiction ?jurisdiction "
                f"{_within('?jurisdiction', region)} }} }}"
            )
        slots = {"concepts": " ".join(iri(v.concept_iri(c)) for c in family), "filter": "\n  ".join(filters)}
        rows = self.rows(UNITS_FOR_CONCEPTS, page=_page(limit, offset), **slots)
        total = self._total(UNITS_COUNT, rows, limit, offset, **slots)
        labels = self._per_item(UNIT_LABELS, (row["unit"] for row in rows), "label")
        jurisdictions = self._per_item(UNIT_JURISDICTIONS, (row["unit"] for row in rows), "jurisdiction")
        units = []
        for row in rows:
            units.append(
                {
                    "id": _id(row["unit"]),
                    "label": labels.get(row["unit"]),
                    "jurisdiction": _id(jurisdictions[row["unit"]]) if row["unit"] in jurisdictions else None,
                    "clauses": _unit_clauses(row["entries"]),
                }
            )
        c = self.scheme.concepts[cid]
        return {
            "concept": {"id": cid, "labels": {lang: c.labels.get(lang) for lang in ("zh-Hans", "zh-Hant", "en")}},
            "units": units,
            "total": total,
        }

    # --- trace ------------------------------------------------------------------------------------
    def trace(self, item_id: str) -> dict[str, Any] | None:
        """The chain upward from a measure (or clause): the clauses it implements, best first, and theirs.

        `{"source", "parents", "ancestors"}`. "parents": each level keeps `trace_max_parents`
        candidates; the walk stops after `trace_max_depth` levels and never revisits a clause already
        on the path. "ancestors": per document above, best chain first, the item's own ranked
        clauses there (see `_ancestors`).
        """
        return self._answer(("trace", item_id), lambda: self._trace(item_id))

    def _trace(self, item_id: str) -> dict[str, Any] | None:
        candidates = [iri(v.measure_iri(item_id)), iri(v.clause_iri(item_id))]
        rows = self.rows(ITEM, items=" ".join(candidates))
        if not rows:
            return None
        row = rows[0]
        source = {
            "id": item_id,
            "kind": v.kind_of_iri(row["item"]),
            "document": _id(row["doc"]),
            "clause": row["number"],
            "text": row["text"],
        }
        cache: dict[str, list[dict[str, Any]]] = {}
        return {
            "source": source,
            "parents": self._parents(row["item"], (row["item"],), cache),
            "ancestors": self._ancestors(row["item"], row["doc"]),
        }

    def _document_chains(self, doc: str) -> dict[str, tuple[float, str | None]]:
        """Document IRI → (score of the best chain of `implements` links from `doc` up to it, the
        document IRI just below it on that chain or None), at most `trace_max_depth` links up."""
        best: dict[str, tuple[float, str | None]] = {}
        frontier: dict[str, tuple[float, str | None]] = {doc: (1.0, None)}
        for _ in range(self.settings.trace_max_depth):
            if not frontier:
                break
            rows = self.rows(DOCUMENT_PARENTS, docs=" ".join(iri(d) for d in sorted(frontier)))
            reached: dict[str, tuple[float, str | None]] = {}
            for row in rows:
                below, (score, _) = row["source"], frontier[row["source"]]
                chain = score * float(row["score"] or 0.0)
                if row["target"] != doc and chain > max(best.get(row["target"], (0.0,))[0],
                                                       reached.get(row["target"], (0.0,))[0]):
                    reached[row["target"]] = (chain, None if below == doc else below)
            best.update(reached)
            frontier = reached
        return best

    def _ancestors(self, item: str, doc: str) -> list[dict[str, Any]]:
        """Per document above the item's, its ranked clauses for the item (its own links, or for a clause
        the links of everything inside it), each with its score, its chain (score × the score of the
        chain of document links up to that document), relation, evidence and the same clause in the
        work's other expressions; the documents best chain first, at most `trace_max_parents` clauses
        each. A document's "via" is the document just below it on its best chain (null: direct)."""
        sources = " ".join(iri(row["source"]) for row in self.rows(LINK_SOURCES, item=iri(item)))
        links = self.rows(PARENT_LINKS, sources=sources) if sources else []
        best: dict[str, dict[str, Any]] = {}
        for row in links:
            kept = best.get(row["target"])
            if kept is None or (row["score"], -(row["rank"] or 0)) > (kept["score"], -(kept["rank"] or 0)):
                best[row["target"]] = row
        if not best:
            return []
        info = {r["target"]: r for r in self._look_up_targets(sorted(best))}
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for target, row in best.items():
            if target in info:
                by_doc.setdefault(info[target]["doc"], []).append(row)
        wanted = max(1, int(self.settings.trace_max_parents))
        chosen = {d: sorted(rows, key=lambda r: (-r["score"], r["target"]))[:wanted] for d, rows in by_doc.items()}
        kept_links = [r for rows in chosen.values() for r in rows]
        evidence: dict[str, list[dict[str, Any]]] = {}
        link_values = " ".join(sorted(iri(r["link"]) for r in kept_links))
        targets_of = {r["link"]: r["target"] for r in kept_links}
        for row in self.rows(PARENT_EVIDENCE_OF, links=link_values):
            if row["link"] in targets_of:
                evidence.setdefault(row["link"], []).append(
                    {"kind": row["ekind"], "value": str(row["evalue"]), "weight": row["eweight"] or 0.0, "n": row["evidence"]}
                )
        aligned: dict[str, list[str]] = {}
        for row in self.rows(ALIGNED_CLAUSES, targets=" ".join(iri(r["target"]) for r in kept_links)):
            aligned.setdefault(row["target"], []).append(_id(row["other"]))
        chains = self._document_chains(doc)
        out = []
        for d, rows in chosen.items():
            doc_score, via = chains.get(d, (1.0, None))
            clauses = []
            for n, r in enumerate(rows, 1):
                found = sorted(evidence.get(r["link"], []), key=lambda e: _evidence_order(e["n"]))
                clauses.append({
                    "id": _id(r["target"]),
                    "clause": info[r["target"]]["number"],
                    "text": info[r["target"]]["text"],
                    "rank": n,
                    "score": r["score"],
                    "chain": round(float(r["score"]) * doc_score, 4),
                    "relation": r["relation"],
                    "evidence": [{k: e[k] for k in ("kind", "value", "weight")} for e in found],
                    "expressions": sorted(aligned.get(r["target"], [])),
                })
            out.append({"document": _id(d), "score": round(doc_score, 4), "via": _id(via) if via else None,
                        "clauses": clauses})
        return sorted(out, key=lambda a: (-a["clauses"][0]["chain"], a["document"]))

    def _look_up_targets(self, targets: list[str]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for n in range(0, len(targets), VALUES_CHUNK):
            rows.extend(self.rows(CLAUSE_INFO, targets=" ".join(iri(t) for t in targets[n : n + VALUES_CHUNK])))
        return rows

    def _parents(self, item: str, path: tuple[str, ...], cache: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """The best parent clauses of one item IRI, each with its own parents; `path` holds the IRIs
        already on the way up, so a clause never becomes its own ancestor."""
        if len(path) > self.settings.trace_max_depth:
            return []
        out = []
        wanted = self.settings.trace_max_parents
        # enough candidates that those on the path can be skipped; constant, so the cache stays valid
        for candidate in self._candidates(item, wanted + self.settings.trace_max_depth + 1, cache):
            target = v.clause_iri(candidate["id"])
            if target in path:
                continue
            parent = {k: val for k, val in candidate.items() if k != "rank"}
            parent["parents"] = self._parents(target, (*path, target), cache)
            out.append(parent)
            if len(out) >= self.settings.trace_max_parents:
                break
        return out

    def _candidates(self, item: str, limit: int, cache: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """The best `limit` higher clauses linked from an item (for a clause: from it or any measure
        inside it), each with its best link's score and relation and the evidence of every link to it.
        Several small queries rather than one: with the sources (or links) listed first, every join
        starts from a handful of nodes."""
        if item in cache:
            return cache[item]
        sources = " ".join(iri(row["source"]) for row in self.rows(LINK_SOURCES, item=iri(item)))
        links = self.rows(PARENT_LINKS, sources=sources)
        best: dict[str, Any] = {}
        for row in links:
            if row["target"] not in best or row["score"] > best[row["target"]]:
                best[row["target"]] = row["score"]
        chosen = sorted(best, key=lambda t: (-best[t], t))[: max(1, int(limit))]
        if not chosen:
            cache[item] = []
            return []
        wanted = set(chosen)
        links = [row for row in links if row["target"] in wanted]
        info = {row["target"]: row for row in self.rows(CLAUSE_INFO, targets=" ".join(iri(t) for t in chosen))}
        parents: dict[str, dict[str, Any]] = {}
        for row in links:
            target = row["target"]
            parent = parents.get(target)
            if target in info and (parent is None or row["score"] > parent["score"]):
                parents[target] = {
                    "id": _id(target),
                    "document": _id(info[target]["doc"]),
                    "clause": info[target]["number"],
                    "text": info[target]["text"],
                    "score": row["score"],
                    "relation": row["relation"],
                    "rank": row["rank"],
                    "evidence": [],
                }
        evidence: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
        link_values = " ".join(sorted({iri(row["link"]) for row in links}))
        for row in self.rows(PARENT_EVIDENCE, links=link_values):
            bucket = evidence.setdefault(row["target"], {})
            key = (row["ekind"], str(row["evalue"]))
            weight = row["eweight"] or 0.0
            if key not in bucket or weight > bucket[key]["weight"]:
                bucket[key] = {"kind": row["ekind"], "value": str(row["evalue"]), "weight": weight}
        for target, parent in parents.items():
            found = evidence.get(target, {}).values()
            parent["evidence"] = sorted(found, key=lambda e: (-e["weight"], e["kind"], e["value"]))
        ranked = sorted(parents.values(), key=lambda p: (-p["score"], p["rank"] or 0, p["id"]))
        cache[item] = ranked
        return ranked


def _evidence_order(evidence_iri: str) -> int:
    """The position of an evidence node in its link ("…#e3" → 3): evidence is listed as the linker stated it."""
    tail = str(evidence_iri).rsplit("#e", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def example_queries() -> Iterable[tuple[str, str]]:
    """(name, SPARQL) of every query above, prefixes included and slots left open, for documentation."""
    for name, query in QUERIES.items():
        yield name, v.SPARQL_PREFIXES + query

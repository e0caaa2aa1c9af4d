"""SPARQL query results in one backend-neutral shape, and their wire formats.

Every backend (embedded, worker process, remote server) produces a `QueryResult` of pyoxigraph terms.
Serialising from that one shape is what makes the same query give the same bytes on every backend,
whatever dialect of the results formats a remote server speaks, and lets a row cap apply uniformly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from policykg.errors import BadRequest

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_INTEGER_TYPES = {
    XSD + t
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte",
    )
}
_FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}

JSON_RESULTS = "application/sparql-results+json"
XML_RESULTS = "application/sparql-results+xml"
CSV_RESULTS = "text/csv"
TSV_RESULTS = "text/tab-separated-values"

#: Media types offered per query form, first one is the default.
SOLUTION_TYPES = (JSON_RESULTS, XML_RESULTS, CSV_RESULTS, TSV_RESULTS)
BOOLEAN_TYPES = (JSON_RESULTS, XML_RESULTS)
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
_ALIASES = {
    "application/json": JSON_RESULTS,
    "application/xml": XML_RESULTS,
    "text/xml": XML_RESULTS,
    "text/plain": "application/n-triples",
    "application/x-turtle": "text/turtle",
}


class NotAcceptable(BadRequest):
    """The client asked for a results format this query form has no serialisation in."""

    code = "not_acceptable"
    status = 406


@dataclass(slots=True)
class QueryResult:
    """The outcome of one query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    form: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    solutions: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False

    def rows(self) -> list[dict[str, Any]]:
        """Solutions as dicts of plain Python values; unbound variables map to None."""
        return [
            {var: (None if term is None else to_python(term)) for var, term in zip(self.variables, sol, strict=True)}
            for sol in self.solutions
        ]


class RawResult(tuple[bytes, str]):
    """`(body, media_type)` of a serialised result, plus whether a row cap cut it short."""

    truncated: bool

    def __new__(cls, body: bytes, media_type: str, truncated: bool = False) -> RawResult:
        obj = super().__new__(cls, (body, media_type))
        obj.truncated = truncated
        return obj

    @property
    def body(self) -> bytes:
        return self[0]

    @property
    def media_type(self) -> str:
        return self[1]


_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_IRI_OR_STRING = re.compile(r"<[^<>\"{}|^`\\\s]*>|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"", re.S)
_COMMENT = re.compile(r"#[^\n]*")
_BNODE_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def query_form(sparql: str) -> str:
    """'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE), read from the query's first form keyword.

    Remote servers answer each form in different formats; knowing the form before sending lets us ask
    for the one format we parse. IRIs, strings and comments are blanked first so a '#' or a keyword
    inside them cannot mislead.
    """
    text = _COMMENT.sub(" ", _IRI_OR_STRING.sub(" ", sparql))
    match = _QUERY_FORM.search(text)
    if match is None:
        raise BadRequest("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE found")
    word = match.group(1).upper()
    return {"SELECT": "select", "ASK": "ask"}.get(word, "graph")


def to_python(term: Term) -> Any:
    """An RDF term as a plain value: IRIs and plain/lang strings as str, numbers/booleans as such.

    Dates stay ISO strings (no timezone guessing); a literal whose lexical form does not fit its
    datatype is returned as its lexical form rather than failing the whole result.
    """
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    datatype = term.datatype.value
    lexical = term.value
    try:
        if datatype in _INTEGER_TYPES:
            return int(lexical)
        if datatype in _FLOAT_TYPES:
            return float(lexical)
        if datatype == XSD + "boolean":
            if lexical in ("true", "1"):
                return True
            if lexical in ("false", "0"):
                return False
    except ValueError:
        return lexical
    return lexical


# --- SPARQL 1.1 Query Results JSON ------------------------------------------------------------------
def term_from_json(obj: dict[str, Any]) -> Term:
    """Reads one JSON results term; accepts the 'typed-literal' type some servers still emit."""
    kind = obj.get("type")
    value = obj.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        # Servers label blank nodes freely (Virtuoso: "nodeID://b10003"); keep the label, made valid.
        label = _BNODE_UNSAFE.sub("_", value)
        return ox.BlankNode(label) if label else ox.BlankNode()
    if kind in ("literal", "typed-literal"):
        lang = obj.get("xml:lang") or obj.get("lang")
        if lang:
            return ox.Literal(value, language=lang)
        datatype = obj.get("datatype")
        if datatype and datatype != RDF_LANG_STRING:
            return ox.Literal(value, datatype=ox.NamedNode(datatype))
        return ox.Literal(value)
    if kind == "triple":
        inner = obj["value"]
        subject = term_from_json(inner["subject"])
        obj_term = term_from_json(inner["object"])
        return ox.Triple(subject, ox.NamedNode(inner["predicate"]["value"]), obj_term)  # type: ignore[arg-type]
    raise ValueError(f"unknown SPARQL JSON term type {kind!r}")


def term_to_json(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_to_json(term.subject),
                "predicate": term_to_json(term.predicate),
                "object": term_to_json(term.object),
            },
        }
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def parse_json_results(data: bytes, max_rows: int | None = None) -> QueryResult:
    """SPARQL JSON results (SELECT or ASK) → QueryResult, keeping at most `max_rows` solutions."""
    doc = json.loads(data)
    if "boolean" in doc:
        return QueryResult("ask", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    bindings = doc.get("results", {}).get("bindings", [])
    truncated = max_rows is not None and len(bindings) > max_rows
    if truncated:
        bindings = bindings[:max_rows]
    solutions = [
        tuple(term_from_json(b[v]) if v in b else None for v in variables) for b in bindings
    ]
    return QueryResult("select", variables=variables, solutions=solutions, truncated=truncated)


def write_json(result: QueryResult) -> bytes:
    if result.form == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}).encode()
    bindings = [
        {v: term_to_json(t) for v, t in zip(result.variables, sol, strict=True) if t is not None}
        for sol in result.solutions
    ]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode()


# --- XML, CSV, TSV ----------------------------------------------------------------------------------
def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>"
        )
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD + "string":
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def write_xml(result: QueryResult) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    if result.form == "ask":
        out.append(f"</head>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out).encode()
    out.extend(f"<variable name={quoteattr(v)}/>" for v in result.variables)
    out.append("</head>\n<results>\n")
    for sol in result.solutions:
        out.append("<result>")
        for var, term in zip(result.variables, sol, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(var)}>{_xml_term(term)}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def write_csv(result: QueryResult) -> bytes:
    """SPARQL 1.1 CSV: plain values, CRLF line ends, quoted only when needed."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    for sol in result.solutions:
        writer.writerow([_csv_value(t) for t in sol])
    return buf.getvalue().encode()


def write_tsv(result: QueryResult) -> bytes:
    """SPARQL 1.1 TSV: terms in N-Triples syntax, header of ?variables."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for sol in result.solutions:
        lines.append("\t".join("" if t is None else str(t) for t in sol))
    return ("\n".join(lines) + "\n").encode()


_GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_SOLUTION_WRITERS = {JSON_RESULTS: write_json, XML_RESULTS: write_xml, CSV_RESULTS: write_csv, TSV_RESULTS: write_tsv}


def negotiate(accept: str | None, form: str) -> str:
    """Chooses the media type to answer `form` with from an Accept header (q-values honoured).

    An absent or wildcard Accept gets the form's default; a list naming nothing we can write
    raises NotAcceptable.
    """
    offered = {"select": SOLUTION_TYPES, "ask": BOOLEAN_TYPES, "graph": GRAPH_TYPES}[form]
    if not accept or not accept.strip():
        return offered[0]
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q <= 0 or not media:
            continue
        media = _ALIASES.get(media, media)
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            match = next((o for o in offered if prefix == "*" or o.startswith(prefix + "/")), None)
        else:
            match = media if media in offered else None
        if match is not None:
            choices.append((-q, position, match))
    if not choices:
        raise NotAcceptable(f"no acceptable format for this query; offered: {', '.join(offered)}", accept=accept)
    return min(choices)[2]


def serialize(result: QueryResult, media_type: str, prefixes: dict[str, str] | None = None) -> RawResult:
    """Writes `result` as `media_type` (one `negotiate` returned for the result's form)."""
    if result.form == "graph":
        fmt = _GRAPH_FORMATS[media_type]
        body = ox.serialize(result.triples, format=fmt, prefixes=prefixes if fmt is not ox.RdfFormat.N_TRIPLES else None)
        return RawResult(body or b"", media_type, result.truncated)
    body = _SOLUTION_WRITERS[media_type](result)
    charset = "; charset=utf-8" if media_type in (CSV_RESULTS, TSV_RESULTS) else ""
    return RawResult(body, media_type + charset, result.truncated)

"""RDF terms every mapping shares: typed literals and a collector of one named graph's quads.

The stage mappings (`graph.rdf_documents`, `graph.rdf_links`) and the reference data
(`ontology.reference`) write the same literal shapes, so a year or a decimal reads alike everywhere.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from policykg.ontology import vocab as v
from policykg.ontology.vocab import RDF_TYPE

XSD_STRING = NamedNode(v.XSD + "string")
XSD_DECIMAL = NamedNode(v.XSD + "decimal")
XSD_INTEGER = NamedNode(v.XSD + "integer")
XSD_BOOLEAN = NamedNode(v.XSD + "boolean")
XSD_DATE = NamedNode(v.XSD + "date")
XSD_GYEAR = NamedNode(v.XSD + "gYear")
XSD_GYEARMONTH = NamedNode(v.XSD + "gYearMonth")

RDFS_LABEL = NamedNode(v.RDFS + "label")
SKOS_PREF = NamedNode(v.SKOS + "prefLabel")
SKOS_ALT = NamedNode(v.SKOS + "altLabel")
DCT_PART_OF = NamedNode(v.DCTERMS + "isPartOf")
DCT_TYPE = NamedNode(v.DCTERMS + "type")
RDF_VALUE = NamedNode(v.RDF + "value")

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")

# --- literals -------------------------------------------------------------------------------------
def text_literal(text: str, lang: str | None = None) -> Literal:
    """A language-tagged string; a plain string when the tag is missing or not a valid BCP 47 tag."""
    if lang:
        try:
            return Literal(text, language=lang)
        except ValueError:
            pass
    return Literal(text)


def decimal_literal(value: float | int | Decimal) -> Literal:
    """xsd:decimal in plain positional notation (0.00001, not 1e-05), which xsd:decimal requires."""
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = format(d.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD_DECIMAL)


def integer_literal(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD_INTEGER)


def boolean_literal(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def year_literal(year: int | str) -> Literal:
    return Literal(f"{int(year):04d}", datatype=XSD_GYEAR)


def date_literal(when: str) -> Literal | None:
    """A full or partial ISO date as xsd:date, xsd:gYearMonth or xsd:gYear; None if it is none of them."""
    if _DATE.match(when):
        return Literal(when, datatype=XSD_DATE)
    if _YEAR_MONTH.match(when):
        return Literal(when, datatype=XSD_GYEARMONTH)
    if _YEAR.match(when):
        return Literal(when, datatype=XSD_GYEAR)
    return None


INSTANT_PROPERTY = {
    v.XSD + "date": v.TIME + "inXSDDate",
    v.XSD + "gYearMonth": v.TIME + "inXSDgYearMonth",
    v.XSD + "gYear": v.TIME + "inXSDgYear",
}


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


# --- quad collection ------------------------------------------------------------------------------
class QuadGraph:
    """Collects the quads of one named graph, in a stable order and without duplicates.

    Each quad is kept as its N-Quads line (the terms' own N-Triples forms, which are what the N-Quads
    serialiser writes): a document's graph is wanted as N-Quads by the store and the shards, and a
    line costs a third of a `Quad` object with its hashing. `quads()` parses the lines back.
    """

    __slots__ = ("graph", "_tail", "_lines", "activities")

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self._tail = f" {graph} .\n"
        self._lines: dict[str, None] = {}
        #: (extractor, version) → (agent, activity) nodes already described in this graph
        self.activities: dict[tuple[str, str], tuple[NamedNode, NamedNode]] = {}

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is None:
            return
        self._lines[f"{s} {p} {o}{self._tail}"] = None

    def type(self, s: NamedNode, *classes: NamedNode) -> None:
        for cls in classes:
            self.add(s, RDF_TYPE, cls)

    def nquads(self) -> bytes:
        """The quads as N-Quads, in the order they were first added."""
        return "".join(self._lines).encode("utf-8")

    def quads(self) -> list[Quad]:
        return list(parse(self.nquads(), format=RdfFormat.N_QUADS))


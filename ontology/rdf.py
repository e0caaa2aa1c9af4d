"""The mapping from the stage models to RDF quads: the one place that decides what the graph says.

Pure functions: the same document and extraction always give the same quads, because every node's
IRI is derived from a stable id (see `vocab`), never from a counter or a blank node. That is what lets
the store replace one document's named graph without touching the others, and lets a rebuild of an
unchanged corpus be a no-op.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse

from policykg.extract.model import ClauseFacts, DocumentExtraction, Provenance
from policykg.ingest.model import Clause, NormalisedDocument, Span
from policykg.link.model import ClauseLink, CorpusLinks, Evidence
from policykg.ontology import vocab as v
from policykg.ontology.units import UnitRegistry
from policykg.ontology.vocab import RDF_TYPE, E, P

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "policykg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONCEPTS_FILE = ONTOLOGY_DIR / "concepts.ttl"

_XSD_STRING = NamedNode(v.XSD + "string")
_XSD_DECIMAL = NamedNode(v.XSD + "decimal")
_XSD_INTEGER = NamedNode(v.XSD + "integer")
_XSD_BOOLEAN = NamedNode(v.XSD + "boolean")
_XSD_DATE = NamedNode(v.XSD + "date")
_XSD_GYEAR = NamedNode(v.XSD + "gYear")
_XSD_GYEARMONTH = NamedNode(v.XSD + "gYearMonth")

_RDFS_LABEL = NamedNode(v.RDFS + "label")
_SKOS_PREF = NamedNode(v.SKOS + "prefLabel")
_SKOS_ALT = NamedNode(v.SKOS + "altLabel")
_DCT_PART_OF = NamedNode(v.DCTERMS + "isPartOf")
_DCT_TYPE = NamedNode(v.DCTERMS + "type")
_RDF_VALUE = NamedNode(v.RDF + "value")

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_MEASURE_ID = re.compile(r"\.m\d+$")

#: Document relations of the link stage → the ELI property stated beside the scored pkg:DocumentLink.
DOCUMENT_RELATIONS: dict[str, str] = {
    "implements": v.ELI + "ensures_implementation_of",
    "cites": v.ELI + "cites",
    "translation_of": v.ELI + "is_translation_of",
}

#: Language of a document → the EU language authority code ELI expects for eli:language.
EU_LANGUAGE_CODES = {"zh": "ZHO", "en": "ENG"}


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
    return Literal(text, datatype=_XSD_DECIMAL)


def integer_literal(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_XSD_INTEGER)


def boolean_literal(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_XSD_BOOLEAN)


def year_literal(year: int | str) -> Literal:
    return Literal(f"{int(year):04d}", datatype=_XSD_GYEAR)


def date_literal(when: str) -> Literal | None:
    """A full or partial ISO date as xsd:date, xsd:gYearMonth or xsd:gYear; None if it is none of them."""
    if _DATE.match(when):
        return Literal(when, datatype=_XSD_DATE)
    if _YEAR_MONTH.match(when):
        return Literal(when, datatype=_XSD_GYEARMONTH)
    if _YEAR.match(when):
        return Literal(when, datatype=_XSD_GYEAR)
    return None


_INSTANT_PROPERTY = {
    v.XSD + "date": v.TIME + "inXSDDate",
    v.XSD + "gYearMonth": v.TIME + "inXSDgYearMonth",
    v.XSD + "gYear": v.TIME + "inXSDgYear",
}


def normalised_lang(doc: NormalisedDocument) -> str:
    """Language tag of the normalised text: simplified Chinese, or English for English documents."""
    return "en" if doc.metadata.language == "en" else "zh-Hans"


def original_lang(doc: NormalisedDocument) -> str:
    return str(doc.metadata.script)


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


# --- quad collection ------------------------------------------------------------------------------
class _Graph:
    """Collects the quads of one named graph, in a stable order and without duplicates."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self._quads: dict[Quad, None] = {}
        #: (extractor, version) → (agent, activity) nodes already described in this graph
        self.activities: dict[tuple[str, str], tuple[NamedNode, NamedNode]] = {}

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is None:
            return
        self._quads[Quad(s, p, o, self.graph)] = None

    def type(self, s: NamedNode, *classes: NamedNode) -> None:
        for cls in classes:
            self.add(s, RDF_TYPE, cls)

    def quads(self) -> list[Quad]:
        return list(self._quads)


# --- documents ------------------------------------------------------------------------------------
def document_quads(doc: NormalisedDocument, extraction: DocumentExtraction) -> list[Quad]:
    """Everything read from one document, in its named graph `graph_iri(doc.id)`."""
    g = _Graph(v.graph_node(doc.id))
    d = v.doc_node(doc.id)
    _document_metadata(g, doc, d)
    for clause, ancestors in _walk(doc.clauses, []):
        _clause(g, doc, d, clause, ancestors)
    for clause_id, facts in extraction.clauses.items():
        _facts(g, doc, d, clause_id, facts)
    return g.quads()


def _document_metadata(g: _Graph, doc: NormalisedDocument, d: NamedNode) -> None:
    md = doc.metadata
    work = NamedNode(v.work_iri(md.work or doc.id))
    g.type(d, E.LegalExpression)
    g.type(work, E.LegalResource)
    g.add(d, E.realizes, work)
    g.add(work, E.is_realized_by, d)
    titles = dict(md.titles)
    if md.title and md.title not in titles.values():
        titles.setdefault(str(md.script), md.title)
    for script, title in sorted(titles.items()):
        if title:
            g.add(d, E.title, text_literal(title, script))
    code = EU_LANGUAGE_CODES.get(md.language)
    if code:
        g.add(d, E.language, NamedNode(v.EU_LANGUAGE + code))
    g.add(d, P.script, Literal(str(md.script)))
    if md.level is not None:
        g.add(d, P.level, Literal(str(md.level)))
    if md.region:
        g.add(d, P.region, v.region_node(md.region))
    if md.issuers:
        g.add(d, P.issuer, Literal("、".join(md.issuers)))
        for unit_id in _issuer_units(md.issuers, md.region):
            g.add(d, E.passed_by, v.unit_node(unit_id))
    if md.issued:
        g.add(d, E.date_document, date_literal(md.issued))
    if md.doc_number:
        g.add(d, E.id_local, Literal(md.doc_number))
    if md.doc_type:
        g.add(d, P.docType, Literal(md.doc_type))
    if md.notice_title:
        g.add(d, P.noticeTitle, Literal(md.notice_title))
    g.add(d, P.sourcePath, Literal(doc.source_name or PurePath(doc.source_path).name))  # the file as published
    g.add(d, P.sha256, Literal(doc.sha256))
    g.add(d, P.contentHash, Literal(doc.content_hash))


def _issuer_units(issuers: list[str], region: str | None) -> list[str]:
    """Unit ids of the issuers the unit registry knows; the others stay as written in pkg:issuer."""
    registry = UnitRegistry.load()
    found: list[str] = []
    for name in issuers:
        unit = registry.resolve(name, region or "CN")
        if unit is not None and unit.id not in found:
            found.append(unit.id)
    return found


def _walk(clauses: list[Clause], ancestors: list[Clause]) -> Iterator[tuple[Clause, list[Clause]]]:
    for clause in clauses:
        yield clause, ancestors
        yield from _walk(clause.children, [*ancestors, clause])


def own_range(clause: Clause) -> tuple[int, int]:
    """The clause's own text (heading and body before its first child), in normalised offsets."""
    end = clause.children[0].start if clause.children else clause.end
    return clause.start, max(clause.start, end)


def _clause(g: _Graph, doc: NormalisedDocument, d: NamedNode, clause: Clause, ancestors: list[Clause]) -> None:
    c = v.clause_node(clause.id)
    g.type(c, E.LegalResourceSubdivision)
    g.add(c, P.document, d)
    for whole in [d, *(v.clause_node(a.id) for a in ancestors)]:
        g.add(c, E.is_part_of, whole)
        g.add(whole, E.has_part, c)
    g.add(c, E.number, Literal(clause.number))
    g.add(c, P.path, Literal("/".join(clause.path)))
    g.add(c, P.marker, Literal(clause.marker))
    g.add(c, P.kind, Literal(clause.kind))
    g.add(c, P.depth, integer_literal(clause.depth))
    if clause.title:
        g.add(c, E.title, text_literal(clause.title, normalised_lang(doc)))
    start, end = own_range(clause)
    g.add(c, P.text, text_literal(doc.quote(doc.span(start, end)), original_lang(doc)))
    g.add(c, P.normalisedText, text_literal(doc.text[start:end], normalised_lang(doc)))
    for key, value in sorted(clause.attributes.items()):
        g.add(c, P.attribute, Literal(f"{key}={value}"))
    _span(g, doc, d, c, clause.span, quote=False)


_OA_SPECIFIC = NamedNode(v.OA + "SpecificResource")
_OA_HAS_SOURCE = NamedNode(v.OA + "hasSource")
_OA_HAS_SELECTOR = NamedNode(v.OA + "hasSelector")
_OA_POSITION = NamedNode(v.OA + "TextPositionSelector")
_OA_QUOTE = NamedNode(v.OA + "TextQuoteSelector")
_OA_START = NamedNode(v.OA + "start")
_OA_END = NamedNode(v.OA + "end")
_OA_EXACT = NamedNode(v.OA + "exact")
_PROV_AGENT = NamedNode(v.PROV + "SoftwareAgent")
_PROV_ACTIVITY = NamedNode(v.PROV + "Activity")
_PROV_ASSOCIATED = NamedNode(v.PROV + "wasAssociatedWith")
_PROV_USED = NamedNode(v.PROV + "used")
_PROV_GENERATED_BY = NamedNode(v.PROV + "wasGeneratedBy")
_PROV_ATTRIBUTED_TO = NamedNode(v.PROV + "wasAttributedTo")
_PROV_DERIVED_FROM = NamedNode(v.PROV + "wasDerivedFrom")


def _span(g: _Graph, doc: NormalisedDocument, d: NamedNode, fact: NamedNode, span: Span, quote: bool = True) -> None:
    """fact pkg:span [oa:SpecificResource oa:hasSource doc; oa:hasSelector position (+ quote)]."""
    sr = NamedNode(v.span_iri(fact.value))
    pos = NamedNode(v.position_selector_iri(fact.value))
    g.add(fact, P.span, sr)
    g.type(sr, _OA_SPECIFIC)
    g.add(sr, _OA_HAS_SOURCE, d)
    g.add(sr, _OA_HAS_SELECTOR, pos)
    g.type(pos, _OA_POSITION)
    g.add(pos, _OA_START, integer_literal(span.start))
    g.add(pos, _OA_END, integer_literal(span.end))
    if quote:
        q = NamedNode(v.quote_selector_iri(fact.value))
        g.add(sr, _OA_HAS_SELECTOR, q)
        g.type(q, _OA_QUOTE)
        g.add(q, _OA_EXACT, Literal(doc.quote(span)))


def _provenance(g: _Graph, doc: NormalisedDocument, d: NamedNode, fact: NamedNode, clause: NamedNode, prov: Provenance) -> None:
    key = (prov.extractor, prov.version)
    if key not in g.activities:  # each extractor's agent and activity are described once per document
        agent = NamedNode(v.agent_iri(prov.extractor, prov.version))
        activity = NamedNode(v.activity_iri(doc.id, prov.extractor, prov.version))
        g.activities[key] = (agent, activity)
        g.type(agent, _PROV_AGENT)
        g.add(agent, _RDFS_LABEL, Literal(prov.extractor))
        g.add(agent, P.version, Literal(prov.version))
        g.type(activity, _PROV_ACTIVITY)
        g.add(activity, _PROV_ASSOCIATED, agent)
        g.add(activity, _PROV_USED, d)
    agent, activity = g.activities[key]
    g.add(fact, _PROV_GENERATED_BY, activity)
    g.add(fact, _PROV_ATTRIBUTED_TO, agent)
    g.add(fact, _PROV_DERIVED_FROM, clause)
    g.add(fact, P.confidence, decimal_literal(prov.confidence))
    g.add(fact, P.document, d)
    g.add(fact, P.clause, clause)
    _span(g, doc, d, fact, prov.span)


def _instant(g: _Graph, when: str | None) -> NamedNode | None:
    if not when:
        return None
    lit = date_literal(when)
    if lit is None:
        return None
    node = NamedNode(v.instant_iri(when))
    g.type(node, NamedNode(v.TIME + "Instant"))
    g.add(node, NamedNode(_INSTANT_PROPERTY[lit.datatype.value]), lit)
    return node


def _facts(g: _Graph, doc: NormalisedDocument, d: NamedNode, clause_id: str, facts: ClauseFacts) -> None:
    c = v.clause_node(clause_id)
    nlang, olang = normalised_lang(doc), original_lang(doc)

    registry = UnitRegistry.load()
    for n, unit in enumerate(facts.units, 1):
        r = NamedNode(v.responsibility_iri(f"{clause_id}.u{n}"))
        u = v.unit_node(unit.unit_id)
        g.type(r, P.Responsibility)
        g.add(r, P.unit, u)
        g.add(r, P.role, Literal(unit.role))
        g.add(r, P.surface, Literal(unit.surface))  # the name as written; the unit's label is its canonical name
        _provenance(g, doc, d, r, c, unit.provenance)
        g.type(u, NamedNode(v.ORG + "Organization"))
        g.add(u, _SKOS_PREF, text_literal(unit.label, "zh-Hans"))
        if not unit.resolved:  # kept though the registry does not know it: "unresolved" (or "generic")
            g.add(u, _DCT_TYPE, Literal("generic" if unit.role == "generic" else "unresolved"))
        if unit.jurisdiction:
            g.add(u, P.jurisdiction, v.region_node(unit.jurisdiction))
            for region in registry.ancestors(unit.jurisdiction):  # divisions adopted from the gazetteer
                if region.id not in registry.regions:
                    _region_quads(g, registry, region.id)
        known = registry.by_id(unit.unit_id) if unit.resolved else None
        if known is not None and known.successor:
            _successor_quads(g, registry, known.id)

    for n, mention in enumerate(facts.concepts, 1):
        a = NamedNode(v.mention_iri(f"{clause_id}.c{n}"))
        concept = v.concept_node(mention.concept_id)
        g.type(a, NamedNode(v.OA + "Annotation"))
        g.add(a, NamedNode(v.OA + "hasBody"), concept)
        g.add(a, NamedNode(v.OA + "hasTarget"), NamedNode(v.span_iri(a.value)))
        g.add(a, NamedNode(v.OA + "motivatedBy"), NamedNode(v.OA + "tagging"))
        g.add(a, P.surface, Literal(mention.surface))
        _provenance(g, doc, d, a, c, mention.provenance)
        g.add(c, P.concept, concept)

    deadline_nodes: list[NamedNode] = []
    for n, deadline in enumerate(facts.deadlines, 1):
        dl = NamedNode(v.deadline_iri(f"{clause_id}.d{n}"))
        deadline_nodes.append(dl)
        g.type(dl, P.Deadline, NamedNode(v.TIME + "ProperInterval"))
        g.add(dl, _RDFS_LABEL, text_literal(deadline.label, nlang))
        g.add(dl, P.deadlineKind, Literal(deadline.kind))
        g.add(dl, P.ongoing, boolean_literal(deadline.ongoing))
        g.add(dl, NamedNode(v.TIME + "hasBeginning"), _instant(g, deadline.start))
        g.add(dl, NamedNode(v.TIME + "hasEnd"), _instant(g, deadline.end))
        _provenance(g, doc, d, dl, c, deadline.provenance)
        g.add(c, P.deadline, dl)

    target_nodes: list[NamedNode] = []
    for n, target in enumerate(facts.targets, 1):
        t = v.target_node(f"{clause_id}.t{n}")
        target_nodes.append(t)
        g.type(t, P.Target)
        g.add(t, P.indicator, Literal(target.indicator))
        if target.comparator:
            g.add(t, P.comparator, Literal(target.comparator))
        for prop, value in (
            (P.value, target.value),
            (P.valueMin, target.value_min),
            (P.valueMax, target.value_max),
            (P.convertedValue, target.converted_value),  # the value in a comparable unit (pkg:convertedUnit)
        ):
            if value is not None:
                g.add(t, prop, decimal_literal(value))
        if target.unit:
            g.add(t, P.measureUnit, Literal(target.unit))
        if target.converted_unit:
            g.add(t, P.convertedUnit, Literal(target.converted_unit))
        if target.change:
            g.add(t, P.change, Literal(target.change))
        if target.base_year is not None:
            g.add(t, P.baseYear, year_literal(target.base_year))
        if target.year is not None:
            g.add(t, P.targetYear, year_literal(target.year))
            g.add(t, NamedNode(v.TIME + "hasTime"), _instant(g, f"{target.year:04d}"))
        if target.start_year is not None:  # an amount over a period: "“十四五”期间累计…" from 2021
            g.add(t, NamedNode(v.TIME + "hasBeginning"), _instant(g, f"{target.start_year:04d}"))
        g.add(t, P.qualitative, boolean_literal(target.qualitative))
        for concept_id in target.concepts:
            g.add(t, P.concept, v.concept_node(concept_id))
        _provenance(g, doc, d, t, c, target.provenance)

    for measure in facts.measures:
        m = v.measure_node(measure.id)
        g.type(m, P.Measure)
        g.add(m, P.text, text_literal(doc.quote(measure.provenance.span), olang))
        g.add(m, P.normalisedText, text_literal(measure.text, nlang))
        for sector in measure.sectors:
            g.add(m, P.sector, NamedNode(v.sector_iri(sector)))
        for concept_id in measure.concepts:
            g.add(m, P.concept, v.concept_node(concept_id))
        for i in measure.target_indexes:
            if 0 <= i < len(target_nodes):
                g.add(m, P.hasTarget, target_nodes[i])
        for i in measure.deadline_indexes:
            if 0 <= i < len(deadline_nodes):
                g.add(m, P.deadline, deadline_nodes[i])
        _provenance(g, doc, d, m, c, measure.provenance)


# --- links ----------------------------------------------------------------------------------------
def is_measure_id(ident: str) -> bool:
    return bool(_MEASURE_ID.search(ident))


def item_node(ident: str) -> NamedNode:
    """A measure id (…​.m3) names a measure; any other id a clause."""
    return v.measure_node(ident) if is_measure_id(ident) else v.clause_node(ident)


def links_quads(links: CorpusLinks) -> list[Quad]:
    """Every quad of the links: document links and citations in LINKS_GRAPH, clause links per document."""
    return [q for _, quads in links_graphs(links) for q in quads]


def links_graphs(links: CorpusLinks) -> Iterator[tuple[str, list[Quad]]]:
    """(graph IRI, quads) of each links graph, made one at a time.

    Clause links go to the graph of their source's document (`links_graph_iri`), in document order;
    document links, resolved citations and the placeholders of documents only referenced go to
    LINKS_GRAPH, yielded last.
    """
    by_document: dict[str, list[ClauseLink]] = {}
    for cl in links.clauses:
        by_document.setdefault(cl.source.split("~", 1)[0], []).append(cl)
    for doc_id in sorted(by_document):
        iri = v.links_graph_iri(doc_id)
        g = _Graph(NamedNode(iri))
        for cl in by_document.pop(doc_id):
            _clause_link(g, cl)
        yield iri, g.quads()
    g = _Graph(v.LINKS_GRAPH_NODE)
    for cit in links.citations:
        source = v.doc_node(cit.source_document)
        cited_id = cit.target_document or cit.referenced_id
        if not cited_id:
            continue
        cited = v.doc_node(cited_id)
        g.add(source, E.cites, cited)
        if cit.target_document is None:
            g.type(cited, E.LegalExpression)
            g.add(cited, P.referencedOnly, boolean_literal(True))
            if cit.title:
                g.add(cited, E.title, text_literal(cit.title, "zh-Hans" if _has_cjk(cit.title) else "en"))
            if cit.doc_number:
                g.add(cited, E.id_local, Literal(cit.doc_number))
    for dl in links.documents:
        source, target = v.doc_node(dl.source), v.doc_node(dl.target)
        prop = DOCUMENT_RELATIONS.get(dl.relation)
        if prop:
            g.add(source, NamedNode(prop), target)
        node = NamedNode(v.document_link_iri(dl.relation, dl.source, dl.target))
        g.type(node, P.DocumentLink)
        g.add(node, P.source, source)
        g.add(node, P.target, target)
        g.add(node, P.relation, Literal(dl.relation))
        g.add(node, P.score, decimal_literal(dl.score))
        g.add(node, P.method, Literal(dl.method))
        _evidence(g, node, dl.evidence)  # citation, family, topic, hierarchy
    yield v.LINKS_GRAPH, g.quads()


def _clause_link(g: _Graph, cl: ClauseLink) -> None:
    node = NamedNode(v.clause_link_iri(cl.source, cl.target))
    g.type(node, P.ClauseLink)
    g.add(node, P.source, item_node(cl.source))
    g.add(node, P.target, v.clause_node(cl.target))
    g.add(node, P.relation, Literal(cl.relation))
    g.add(node, P.score, decimal_literal(cl.score))
    g.add(node, P.rank, integer_literal(cl.rank))
    g.add(node, P.method, Literal(cl.method))
    _evidence(g, node, cl.evidence)


def _evidence(g: _Graph, node: NamedNode, evidence: Iterable[Evidence]) -> None:
    """A link's evidence, in the order the linker states it (`…#e1`, `…#e2`…)."""
    for n, ev in enumerate(evidence, 1):
        e = NamedNode(v.evidence_iri(node.value, n))
        g.add(node, P.evidence, e)
        g.type(e, P.Evidence)
        g.add(e, P.evidenceKind, Literal(ev.kind))
        g.add(e, _RDF_VALUE, Literal(ev.value))
        g.add(e, P.weight, decimal_literal(ev.weight))


# --- reference ------------------------------------------------------------------------------------
def turtle_quads(path: Path, graph: NamedNode) -> list[Quad]:
    """A Turtle file's triples as quads of `graph` (blank nodes kept as the parser named them)."""
    with path.open("rb") as fh:
        return [Quad(t.subject, t.predicate, t.object, graph) for t in parse(fh, format=RdfFormat.TURTLE)]


def reference_quads() -> list[Quad]:
    """REFERENCE_GRAPH: the ontology, the concept scheme, the unit registry and the regions."""
    out = list(_static_reference_quads())
    g = _Graph(v.REFERENCE_GRAPH_NODE)
    _registry_quads(g, UnitRegistry.load())
    seen = set(out)
    out.extend(q for q in g.quads() if q not in seen)
    return out


@lru_cache(maxsize=1)
def _static_reference_quads() -> tuple[Quad, ...]:
    quads = turtle_quads(ONTOLOGY_FILE, v.REFERENCE_GRAPH_NODE)
    if CONCEPTS_FILE.exists():
        quads += turtle_quads(CONCEPTS_FILE, v.REFERENCE_GRAPH_NODE)
    # Blank nodes of a parse get fresh labels each time: name them from their label for stable quads.
    return tuple(_skolemise(q) for q in quads)


def _skolemise(q: Quad) -> Quad:
    def fix(term: Any) -> Any:
        if isinstance(term, BlankNode):
            return NamedNode(f"{v.BASE}.well-known/genid/{term.value}")
        return term

    return Quad(fix(q.subject), q.predicate, fix(q.object), q.graph_name)


@lru_cache(maxsize=1)
def _to_traditional() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def _registry_quads(g: _Graph, registry: UnitRegistry) -> None:
    """Regions (labels, parent) and units (labels, other names, jurisdiction, parent unit)."""
    s2t = _to_traditional()
    for region in registry.regions.values():
        _region_quads(g, registry, region.id)
    for unit in registry.all_units():
        _unit_quads(g, registry, unit.id, s2t)


def _region_quads(g: _Graph, registry: UnitRegistry, region_id: str) -> None:
    """A region's labels, level and parent."""
    s2t = _to_traditional()
    region = registry.region(region_id)
    if region is None:
        return
    node = v.region_node(region.id)
    g.type(node, P.Region)
    g.add(node, _SKOS_PREF, text_literal(region.zh, "zh-Hans"))
    g.add(node, _SKOS_PREF, text_literal(s2t.convert(region.zh), "zh-Hant"))
    g.add(node, _SKOS_PREF, text_literal(region.en, "en"))
    for short in region.short:
        g.add(node, _SKOS_ALT, text_literal(short, "zh-Hans"))
    g.add(node, P.regionLevel, Literal(region.level))
    if region.parent:
        g.add(node, _DCT_PART_OF, v.region_node(region.parent))


def _unit_quads(g: _Graph, registry: UnitRegistry, unit_id: str, s2t: Any) -> None:
    """A unit's labels (names it has and had), jurisdiction, parent and successor."""
    unit = registry.by_id(unit_id)
    if unit is None:
        return
    node = v.unit_node(unit.id)
    g.type(node, NamedNode(v.ORG + "Organization"))
    g.add(node, _SKOS_PREF, text_literal(unit.label, "zh-Hans"))
    g.add(node, _SKOS_PREF, text_literal(s2t.convert(unit.label), "zh-Hant"))
    if unit.en:
        g.add(node, _SKOS_PREF, text_literal(unit.en, "en"))
    for name in unit.names:
        if name != unit.label:
            g.add(node, _SKOS_ALT, text_literal(name, "zh-Hans"))
    for name in unit.en_names:
        g.add(node, _SKOS_ALT, text_literal(name, "en"))
    for name in unit.former:
        g.add(node, NamedNode(v.SKOS + "hiddenLabel"), text_literal(name, "zh-Hans"))
    g.add(node, P.jurisdiction, v.region_node(unit.jurisdiction))
    if unit.parent:
        g.add(node, NamedNode(v.ORG + "subOrganizationOf"), v.unit_node(unit.parent))
    if unit.successor:
        _successor_quads(g, registry, unit.id)


def _successor_quads(g: _Graph, registry: UnitRegistry, unit_id: str) -> None:
    """An institutional reform as a W3C ORG change event: the unit was changed by it on its date, and its
    successor resulted from it (银保监局 → 国家金融监督管理总局…监管局, 2023-07-20). The unit keeps its own
    label: a 2022 plan's unit is never relabelled with a name that did not yet exist."""
    unit = registry.by_id(unit_id)
    if unit is None or not unit.successor:
        return
    after = registry.by_id(unit.successor)
    event = NamedNode(f"{v.unit_node(unit.id).value}/change")
    g.type(event, NamedNode(v.ORG + "ChangeEvent"))
    g.add(v.unit_node(unit.id), NamedNode(v.ORG + "changedBy"), event)
    g.add(event, NamedNode(v.ORG + "originalOrganization"), v.unit_node(unit.id))
    g.add(event, NamedNode(v.ORG + "resultingOrganization"), v.unit_node(unit.successor))
    g.add(v.unit_node(unit.successor), NamedNode(v.ORG + "resultedFrom"), event)
    if unit.renamed:
        g.add(event, NamedNode(v.DCTERMS + "date"), date_literal(unit.renamed))
    if after is not None:  # the successor's own labels, for a unit the reference graph does not list
        g.type(v.unit_node(after.id), NamedNode(v.ORG + "Organization"))
        g.add(v.unit_node(after.id), _SKOS_PREF, text_literal(after.label, "zh-Hans"))


# --- rdflib bridge --------------------------------------------------------------------------------
def to_rdflib_dataset(quads: Iterable[Quad]) -> Any:
    """The quads as an rdflib Dataset (for pyshacl and isomorphism checks)."""
    import rdflib

    ds = rdflib.Dataset()
    for q in quads:
        graph = None if isinstance(q.graph_name, DefaultGraph) else _to_rdflib(q.graph_name)
        ctx = ds.graph(graph) if graph is not None else ds.default_graph
        ctx.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    return ds


def to_rdflib_graph(quads: Iterable[Quad]) -> Any:
    """The quads' triples merged into one rdflib Graph (graph names dropped)."""
    import rdflib

    g = rdflib.Graph()
    for q in quads:
        g.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    return g


def _to_rdflib(term: Any) -> Any:
    import rdflib

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")

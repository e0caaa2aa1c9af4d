"""The mapping of one document and its extraction to RDF quads: its named graph.

Pure functions: the same document and extraction always give the same quads, because every node's
IRI is derived from a stable id (see `ontology.vocab`), never from a counter or a blank node. That is
what lets the store replace one document's named graph without touching the others, and lets a
rebuild of an unchanged corpus be a no-op.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from pyoxigraph import Literal, NamedNode, Quad

from policykg.extract.model import ClauseFacts, DocumentExtraction, Provenance
from policykg.ingest.model import Clause, NormalisedDocument, Span
from policykg.ontology import vocab as v
from policykg.ontology.reference import region_quads, successor_quads
from policykg.ontology.terms import (
    DCT_TYPE,
    INSTANT_PROPERTY,
    RDFS_LABEL,
    SKOS_PREF,
    QuadGraph,
    boolean_literal,
    date_literal,
    decimal_literal,
    integer_literal,
    text_literal,
    year_literal,
)
from policykg.ontology.units import UnitRegistry
from policykg.ontology.vocab import E, P

#: Language of a document → the EU language authority code ELI expects for eli:language.
EU_LANGUAGE_CODES = {"zh": "ZHO", "en": "ENG"}


def normalised_lang(doc: NormalisedDocument) -> str:
    """Language tag of the normalised text: simplified Chinese, or English for English documents."""
    return "en" if doc.metadata.language == "en" else "zh-Hans"


def original_lang(doc: NormalisedDocument) -> str:
    return str(doc.metadata.script)



# --- documents ------------------------------------------------------------------------------------
def document_quads(doc: NormalisedDocument, extraction: DocumentExtraction) -> list[Quad]:
    """Everything read from one document, in its named graph `graph_iri(doc.id)`."""
    return document_graph(doc, extraction).quads()


def document_nquads(doc: NormalisedDocument, extraction: DocumentExtraction) -> bytes:
    """`document_quads` as N-Quads, the form the build stores and keeps as the document's shard."""
    return document_graph(doc, extraction).nquads()


def document_graph(doc: NormalisedDocument, extraction: DocumentExtraction) -> QuadGraph:
    g = QuadGraph(v.graph_node(doc.id))
    d = v.doc_node(doc.id)
    _document_metadata(g, doc, d)
    for clause, ancestors in _walk(doc.clauses, []):
        _clause(g, doc, d, clause, ancestors)
    for clause_id, facts in extraction.clauses.items():
        _facts(g, doc, d, clause_id, facts)
    return g


def _document_metadata(g: QuadGraph, doc: NormalisedDocument, d: NamedNode) -> None:
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
        _adopted_regions(g, UnitRegistry.load(), md.region)  # a division the reference graph does not hold (西安市)
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


def _clause(g: QuadGraph, doc: NormalisedDocument, d: NamedNode, clause: Clause, ancestors: list[Clause]) -> None:
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
    start, end = clause.own_range()
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


def _span(g: QuadGraph, doc: NormalisedDocument, d: NamedNode, fact: NamedNode, span: Span, quote: bool = True) -> None:
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


def _provenance(g: QuadGraph, doc: NormalisedDocument, d: NamedNode, fact: NamedNode, clause: NamedNode, prov: Provenance) -> None:
    key = (prov.extractor, prov.version)
    if key not in g.activities:  # each extractor's agent and activity are described once per document
        agent = NamedNode(v.agent_iri(prov.extractor, prov.version))
        activity = NamedNode(v.activity_iri(doc.id, prov.extractor, prov.version))
        g.activities[key] = (agent, activity)
        g.type(agent, _PROV_AGENT)
        g.add(agent, RDFS_LABEL, Literal(prov.extractor))
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


def _adopted_regions(g: QuadGraph, registry: UnitRegistry, region_id: str) -> None:
    """The region and its parents that the registry adopted from the gazetteer (the reference graph holds only
    the others), described in this document's graph."""
    for region in registry.ancestors(region_id):
        if region.id not in registry.regions:
            region_quads(g, registry, region.id)


def _instant(g: QuadGraph, when: str | None) -> NamedNode | None:
    if not when:
        return None
    lit = date_literal(when)
    if lit is None:
        return None
    node = NamedNode(v.instant_iri(when))
    g.type(node, NamedNode(v.TIME + "Instant"))
    g.add(node, NamedNode(INSTANT_PROPERTY[lit.datatype.value]), lit)
    return node


def _facts(g: QuadGraph, doc: NormalisedDocument, d: NamedNode, clause_id: str, facts: ClauseFacts) -> None:
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
        for measure_id in unit.covers:  # the measures its list answers for, where its clause has several lists
            g.add(r, P.covers, v.measure_node(measure_id))
        _provenance(g, doc, d, r, c, unit.provenance)
        g.type(u, NamedNode(v.ORG + "Organization"))
        g.add(u, SKOS_PREF, text_literal(unit.label, "zh-Hans"))
        if not unit.resolved:  # kept though the registry does not know it: "unresolved" (or "generic")
            g.add(u, DCT_TYPE, Literal("generic" if unit.role == "generic" else "unresolved"))
        if unit.jurisdiction:
            g.add(u, P.jurisdiction, v.region_node(unit.jurisdiction))
            _adopted_regions(g, registry, unit.jurisdiction)
        known = registry.by_id(unit.unit_id) if unit.resolved else None
        if known is not None and known.successor:
            successor_quads(g, registry, known.id)

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
        g.add(dl, RDFS_LABEL, text_literal(deadline.label, nlang))
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
        # the sentence as a reader sees it (the layout's line breaks and page furniture left out); its span's
        # quote selector keeps the verbatim text
        g.add(m, P.text, text_literal(doc.written(measure.provenance.span), olang))
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



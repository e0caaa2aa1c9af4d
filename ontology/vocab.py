"""Namespaces, IRI builders and the vocabulary map every SPARQL query in policykg is written against.

Every node of the graph has an IRI derived from a stable id (never from a counter or a blank node),
so rebuilding the same corpus yields the same graph and any id seen in the API resolves back to its
node with `id_from_iri`.

IRIs (``BASE = https://policykg.org/``)::

    doc/{doc_id}                  eli:LegalExpression   one document (one language/script expression)
    work/{work_id}                eli:LegalResource     the work; translations/script copies share it
    clause/{clause_id}            eli:LegalResourceSubdivision
    measure/{clause_id}.m{n}      pkg:Measure (ids come from the extract stage)
    target/{clause_id}.t{n}       pkg:Target
    deadline/{clause_id}.d{n}     pkg:Deadline (a time:ProperInterval); n = index in ClauseFacts.deadlines
    responsibility/{clause_id}.u{n}  pkg:Responsibility; n = index in ClauseFacts.units
    mention/{clause_id}.c{n}      oa:Annotation tagging a clause passage with a concept
    unit/{unit_id}                org:Organization ("cn.ndrc", "cn-fj-sanming.gxj")
    concept/{concept_id}          skos:Concept
    region/{region_id}            pkg:Region ("CN", "CN-FJ", "CN-FJ-Sanming")
    sector/{sector_id}            skos:Concept of the sector list ("industry")
    time/{year or date}           time:Instant shared by every fact that begins/ends then
    link/{source}~{target}        pkg:ClauseLink;  doclink/{relation}~{source}~{target}  pkg:DocumentLink
    {fact}#span, #pos, #quote     oa:SpecificResource and its two selectors (the exact source passage)
    graph/doc/{doc_id}            named graph holding everything read from one document
    graph/links                   named graph of document links and resolved citations (LINKS_GRAPH)
    graph/links/{doc_id}          named graph of the clause links from one document's measures and clauses
    graph/reference               ontology + concept scheme + unit registry + regions (REFERENCE_GRAPH)

Vocabulary (what each class/property is used for; docs/ontology.md has the full tables):

    ===========================  ===============================================================
    eli:LegalResource            the work (``work/``); eli:is_realized_by → its documents
    eli:LegalExpression          a document (``doc/``); eli:realizes → its work
    eli:title                    document title, one literal per script (@zh-Hans, @zh-Hant, @en);
                                 on a clause: its heading (normalised)
    eli:language                 EU language authority IRI (…/language/ZHO, …/ENG)
    pkg:script                   "zh-Hans" | "zh-Hant" | "en": the script of the original text
    eli:date_document            issue date: xsd:date, or xsd:gYearMonth / xsd:gYear when partial
    eli:passed_by                issuing org:Organization (issuers the unit registry resolves)
    pkg:issuer                   the issuers as written, in order, joined by "、"
    eli:id_local                 the document number (文号), e.g. "国发〔2021〕23号"
    pkg:level / pkg:region       "central" | "ministry" | "provincial" | "municipal" | "county";
                                 region IRI
    eli:is_part_of / eli:has_part  clause → its document AND every enclosing clause (and back)
    pkg:document                 every clause and fact → its document (one hop for queries)
    eli:number / pkg:path        clause number "五"; numbers from the top joined by "/" ("四/五")
    pkg:marker / pkg:kind / pkg:depth  marker as written "(五)", its kind, depth (0 = top level)
    pkg:text / pkg:normalisedText  ORIGINAL text of a clause's own part (heading and body before its
                                 first child) or of a measure; the normalised simplified text
    pkg:span                     clause/fact → oa:SpecificResource (oa:hasSource doc; oa:hasSelector)
    oa:TextPositionSelector      oa:start / oa:end: half-open character range in the ORIGINAL text
    oa:TextQuoteSelector         oa:exact: the original characters of that range (facts only)
    pkg:Measure                  pkg:clause, pkg:concept, pkg:sector (sector IRI), pkg:hasTarget,
                                 pkg:deadline
    pkg:Target                   pkg:clause, pkg:indicator, pkg:comparator, pkg:value, pkg:valueMin,
                                 pkg:valueMax, pkg:measureUnit (as written: "%", "万千瓦"),
                                 pkg:convertedValue + pkg:convertedUnit, pkg:change, pkg:baseYear /
                                 pkg:targetYear (xsd:gYear), pkg:qualitative, pkg:concept,
                                 time:hasTime → time:Instant of the target year
    pkg:Deadline                 also a time:ProperInterval: time:hasBeginning / time:hasEnd →
                                 time:Instant (time:inXSDgYear | inXSDgYearMonth | inXSDDate);
                                 rdfs:label, pkg:deadlineKind, pkg:ongoing; clause/measure pkg:deadline
    pkg:Responsibility           pkg:clause, pkg:unit → org:Organization, pkg:role "lead" | "support" |
                                 "mentioned", pkg:surface (as written), pkg:covers → the measures its
                                 list answers for where its clause has several lists
    org:Organization             skos:prefLabel (zh-Hans, zh-Hant, en), skos:altLabel, pkg:jurisdiction
                                 → region, org:subOrganizationOf → parent unit
    skos:Concept                 the concept scheme (ontology/concepts.ttl); pkg:concept on clause,
                                 measure, target; skos:broader / narrower; pkg:sector
    oa:Annotation                concept mention: oa:hasBody concept, oa:hasTarget passage,
                                 oa:motivatedBy oa:tagging, pkg:surface
    pkg:Region                   skos:prefLabel per script, pkg:regionLevel, dcterms:isPartOf → parent
    pkg:ClauseLink               pkg:source (measure or clause of the lower document), pkg:target
                                 (clause of the higher one), pkg:relation "implements" | "quantifies" |
                                 "restates", pkg:score [0,1], pkg:rank (1 = best), pkg:method,
                                 pkg:evidenceData (the evidence list as JSON ^^rdf:JSON)
    pkg:DocumentLink             pkg:source, pkg:target (documents), pkg:relation, pkg:score,
                                 pkg:method, pkg:evidenceData; beside it the ELI triple: eli:ensures_implementation_of
                                 (implements) / eli:cites / eli:is_translation_of
    prov:*                       fact prov:wasGeneratedBy a prov:Activity (one extractor run over one
                                 document, prov:used it), prov:wasAttributedTo the prov:SoftwareAgent
                                 (rdfs:label extractor, pkg:version), prov:wasDerivedFrom its clause;
                                 pkg:confidence
    ===========================  ===============================================================

Language tags come back lower-cased from the store ("zh-hans"): compare them with LANGMATCHES.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from pyoxigraph import NamedNode

BASE = "https://policykg.org/"
PKG = "https://policykg.org/ns#"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
OA = "http://www.w3.org/ns/oa#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"

#: Prefix → namespace, for SPARQL prologues and Turtle serialisation.
PREFIXES: dict[str, str] = {
    "pkg": PKG,
    "eli": ELI,
    "skos": SKOS,
    "org": ORG,
    "prov": PROV,
    "time": TIME,
    "oa": OA,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}

#: The same prefixes as a SPARQL prologue, prepended to every query policykg runs.
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

LINKS_GRAPH = BASE + "graph/links"
REFERENCE_GRAPH = BASE + "graph/reference"
ONTOLOGY = BASE + "ns"

# Kinds of node, as the first path segment after BASE. id_from_iri reverses them.
_KINDS = (
    "doc",
    "work",
    "clause",
    "measure",
    "target",
    "deadline",
    "responsibility",
    "mention",
    "unit",
    "concept",
    "region",
    "sector",
    "time",
    "link",
    "doclink",
    "agent",
    "activity",
    "graph/doc",
)

# Characters an IRI may not contain (RFC 3987), plus "%", "#" and "?" which would change its meaning.
_UNSAFE = set(' <>"{}|\\^`%#?') | {chr(c) for c in range(0x20)} | {"\x7f"}


_UNSAFE_RE = re.compile("[" + re.escape("".join(sorted(_UNSAFE))) + "]")


def _escape(ident: str) -> str:
    """Percent-encode only what an IRI cannot carry, so readable ids (also Chinese ones) stay readable."""
    if _UNSAFE_RE.search(ident) is None:  # the usual case: nothing to encode
        return ident
    return _UNSAFE_RE.sub(lambda m: f"%{ord(m.group()):02X}", ident)


def _iri(kind: str, ident: str) -> str:
    if not ident:
        raise ValueError(f"empty {kind} id")
    return f"{BASE}{kind}/{_escape(ident)}"


#: What may not stand inside `<…>` in SPARQL or N-Triples: it would end the IRI and start syntax.
_IRI_REF_UNSAFE = frozenset('<>"{}|^`\\ \n\r\t')


def iri_ref(iri: str) -> str:
    """`<iri>` for a SPARQL text. The IRI builders above percent-encode every character that could break
    out; an IRI from elsewhere (read back from a store, given by a caller) holding one is refused with
    ValueError rather than written into a query."""
    if not iri or not _IRI_REF_UNSAFE.isdisjoint(iri):
        raise ValueError(f"not a usable IRI: {iri!r}")
    return f"<{iri}>"


def doc_iri(doc_id: str) -> str:
    return _iri("doc", doc_id)


def work_iri(work_id: str) -> str:
    return _iri("work", work_id)


def clause_iri(clause_id: str) -> str:
    return _iri("clause", clause_id)


def measure_iri(measure_id: str) -> str:
    return _iri("measure", measure_id)


def target_iri(target_id: str) -> str:
    return _iri("target", target_id)


def deadline_iri(deadline_id: str) -> str:
    """`deadline_id` is f"{clause_id}.d{n}", n (1-based) the deadline's position in its clause."""
    return _iri("deadline", deadline_id)


def responsibility_iri(responsibility_id: str) -> str:
    """`responsibility_id` is f"{clause_id}.u{n}", n (1-based) the unit mention's position in its clause."""
    return _iri("responsibility", responsibility_id)


def mention_iri(mention_id: str) -> str:
    """`mention_id` is f"{clause_id}.c{n}", n (1-based) the concept mention's position in its clause."""
    return _iri("mention", mention_id)


def unit_iri(unit_id: str) -> str:
    return _iri("unit", unit_id)


def concept_iri(concept_id: str) -> str:
    return _iri("concept", concept_id)


def region_iri(region_id: str) -> str:
    return _iri("region", region_id)


def sector_iri(sector_id: str) -> str:
    """A sector of the concept scheme's sector list (scheme:sectors): "industry", "energy"…"""
    return _iri("sector", sector_id)


def instant_iri(when: str) -> str:
    """A time:Instant for a year ("2025"), month ("2024-12") or date ("2024-12-31")."""
    return _iri("time", when)


def clause_link_iri(source_id: str, target_id: str) -> str:
    return _iri("link", f"{source_id}~{target_id}")


def document_link_iri(relation: str, source_id: str, target_id: str) -> str:
    return _iri("doclink", f"{relation}~{source_id}~{target_id}")


def agent_iri(extractor: str, version: str) -> str:
    """The prov:SoftwareAgent: one extractor at one version."""
    return _iri("agent", f"{extractor}@{version}")


def activity_iri(doc_id: str, extractor: str, version: str) -> str:
    """The prov:Activity of running one extractor version over one document."""
    return _iri("activity", f"{doc_id}~{extractor}@{version}")


def graph_iri(doc_id: str) -> str:
    """The named graph that holds everything read from one document."""
    return _iri("graph/doc", doc_id)


def links_graph_iri(doc_id: str) -> str:
    """The named graph of the clause links whose source is in one document (written per document, so
    that a build rewrites only the links that changed and never holds the whole corpus's at once)."""
    return _iri("graph/links", doc_id)


def span_iri(fact_iri: str) -> str:
    return fact_iri + "#span"


def position_selector_iri(fact_iri: str) -> str:
    return fact_iri + "#pos"


def quote_selector_iri(fact_iri: str) -> str:
    return fact_iri + "#quote"


def id_from_iri(iri: str | NamedNode) -> str:
    """The id an IRI was built from: "https://policykg.org/unit/cn/ndrc" → "cn/ndrc".

    Accepts a plain string, a NamedNode or its N-Triples form ("<…>"). An IRI outside BASE, or a
    fragment IRI (#span, #pos…), is returned unchanged minus the angle brackets.
    """
    text = iri.value if isinstance(iri, NamedNode) else str(iri)
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if not text.startswith(BASE) or "#" in text:
        return text
    rest = text[len(BASE) :]
    for kind in sorted(_KINDS, key=len, reverse=True):
        if rest.startswith(kind + "/"):
            return unquote(rest[len(kind) + 1 :])
    return unquote(rest)


def kind_of_iri(iri: str) -> str | None:
    """"measure" for a measure IRI, "clause" for a clause IRI…; None outside BASE."""
    if not iri.startswith(BASE):
        return None
    rest = iri[len(BASE) :]
    for kind in sorted(_KINDS, key=len, reverse=True):
        if rest.startswith(kind + "/"):
            return kind
    return None


class _Namespace:
    """Attribute access to NamedNodes of one namespace: `P.indicator` → NamedNode(PKG + "indicator")."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = NamedNode(self._base + name)
        setattr(self, name, node)  # made once: later look-ups find the attribute without this call
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._base + name)

    def __str__(self) -> str:
        return self._base


P = _Namespace(PKG)
E = _Namespace(ELI)
N_SKOS = _Namespace(SKOS)
N_ORG = _Namespace(ORG)
N_PROV = _Namespace(PROV)
N_TIME = _Namespace(TIME)
N_OA = _Namespace(OA)
N_DCTERMS = _Namespace(DCTERMS)
N_RDF = _Namespace(RDF)
N_RDFS = _Namespace(RDFS)
N_OWL = _Namespace(OWL)
N_XSD = _Namespace(XSD)

RDF_TYPE = NamedNode(RDF + "type")


def node(iri: str) -> NamedNode:
    return NamedNode(iri)


def doc_node(doc_id: str) -> NamedNode:
    return NamedNode(doc_iri(doc_id))


def clause_node(clause_id: str) -> NamedNode:
    return NamedNode(clause_iri(clause_id))


def measure_node(measure_id: str) -> NamedNode:
    return NamedNode(measure_iri(measure_id))


def target_node(target_id: str) -> NamedNode:
    return NamedNode(target_iri(target_id))


def unit_node(unit_id: str) -> NamedNode:
    return NamedNode(unit_iri(unit_id))


def concept_node(concept_id: str) -> NamedNode:
    return NamedNode(concept_iri(concept_id))


def region_node(region_id: str) -> NamedNode:
    return NamedNode(region_iri(region_id))


def graph_node(doc_id: str) -> NamedNode:
    return NamedNode(graph_iri(doc_id))


LINKS_GRAPH_NODE = NamedNode(LINKS_GRAPH)
REFERENCE_GRAPH_NODE = NamedNode(REFERENCE_GRAPH)

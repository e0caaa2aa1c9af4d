"""REFERENCE_GRAPH: the ontology, the concept scheme, the unit registry and the regions as quads."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, parse

from policykg.ontology import vocab as v
from policykg.ontology.terms import (
    DCT_PART_OF,
    SKOS_ALT,
    SKOS_PREF,
    QuadGraph,
    date_literal,
    text_literal,
)
from policykg.ontology.units import UnitRegistry
from policykg.ontology.vocab import P

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "policykg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONCEPTS_FILE = ONTOLOGY_DIR / "concepts.ttl"

# --- reference ------------------------------------------------------------------------------------
def turtle_quads(path: Path, graph: NamedNode) -> list[Quad]:
    """A Turtle file's triples as quads of `graph` (blank nodes kept as the parser named them)."""
    with path.open("rb") as fh:
        return [Quad(t.subject, t.predicate, t.object, graph) for t in parse(fh, format=RdfFormat.TURTLE)]


def reference_quads() -> list[Quad]:
    """REFERENCE_GRAPH: the ontology, the concept scheme, the unit registry and the regions."""
    out = list(_static_reference_quads())
    g = QuadGraph(v.REFERENCE_GRAPH_NODE)
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


def _registry_quads(g: QuadGraph, registry: UnitRegistry) -> None:
    """Regions (labels, parent) and units (labels, other names, jurisdiction, parent unit)."""
    s2t = _to_traditional()
    for region in registry.regions.values():
        region_quads(g, registry, region.id)
    for unit in registry.all_units():
        _unit_quads(g, registry, unit.id, s2t)


def region_quads(g: QuadGraph, registry: UnitRegistry, region_id: str) -> None:
    """A region's labels, level and parent."""
    s2t = _to_traditional()
    region = registry.region(region_id)
    if region is None:
        return
    node = v.region_node(region.id)
    g.type(node, P.Region)
    g.add(node, SKOS_PREF, text_literal(region.zh, "zh-Hans"))
    g.add(node, SKOS_PREF, text_literal(s2t.convert(region.zh), "zh-Hant"))
    g.add(node, SKOS_PREF, text_literal(region.en, "en"))
    for short in region.short:
        g.add(node, SKOS_ALT, text_literal(short, "zh-Hans"))
    g.add(node, P.regionLevel, Literal(region.level))
    if region.parent:
        g.add(node, DCT_PART_OF, v.region_node(region.parent))


def _unit_quads(g: QuadGraph, registry: UnitRegistry, unit_id: str, s2t: Any) -> None:
    """A unit's labels (names it has and had), jurisdiction, parent and successor."""
    unit = registry.by_id(unit_id)
    if unit is None:
        return
    node = v.unit_node(unit.id)
    g.type(node, NamedNode(v.ORG + "Organization"))
    g.add(node, SKOS_PREF, text_literal(unit.label, "zh-Hans"))
    g.add(node, SKOS_PREF, text_literal(s2t.convert(unit.label), "zh-Hant"))
    if unit.en:
        g.add(node, SKOS_PREF, text_literal(unit.en, "en"))
    for name in unit.names:
        if name != unit.label:
            g.add(node, SKOS_ALT, text_literal(name, "zh-Hans"))
    for name in unit.en_names:
        g.add(node, SKOS_ALT, text_literal(name, "en"))
    for name in unit.former:
        g.add(node, NamedNode(v.SKOS + "hiddenLabel"), text_literal(name, "zh-Hans"))
    g.add(node, P.jurisdiction, v.region_node(unit.jurisdiction))
    if unit.parent:
        g.add(node, NamedNode(v.ORG + "subOrganizationOf"), v.unit_node(unit.parent))
    if unit.successor:
        successor_quads(g, registry, unit.id)


def successor_quads(g: QuadGraph, registry: UnitRegistry, unit_id: str) -> None:
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
        g.add(v.unit_node(after.id), SKOS_PREF, text_literal(after.label, "zh-Hans"))



"""A document's graph is a pure function of the document: the same quads, in the same order, whatever
the process that maps it has mapped before (the build's processes each map a different share)."""

from __future__ import annotations

from pathlib import Path

from policykg.extract.document import extract_document
from policykg.graph.rdf_documents import document_nquads
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw
from policykg.ontology import units

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"


def test_county_units_map_alike_in_a_fresh_process_and_after_their_region_was_met() -> None:
    """繁昌区 (a district of 芜湖市) is a division of the gazetteer, not of the unit registry: its units'
    region chain is adopted on first use. Mapped by a process that has not met it yet (the registry
    reloaded after the extraction, as when an extraction comes from the cache), the graph once placed
    the district's region quads after the first unit that happened to adopt it; met before, at the
    first unit. Both mappings now give the same bytes."""
    doc = normalise(read_raw(sources(PACKS)["117、繁昌区节能降碳若干支持措施.pdf"]))
    extraction = extract_document(doc)
    units._load.cache_clear()  # a registry that has adopted nothing yet
    try:
        first = document_nquads(doc, extraction)
        assert b"<https://policykg.org/region/CN-AH-Wuhu-Fanchang>" in first
        assert document_nquads(doc, extraction) == first
    finally:
        units._load.cache_clear()

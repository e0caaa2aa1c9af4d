"""Stage outputs for a few real clauses, built from the real corpus text, mapped to quads by graph.rdf_documents.

Sanming's plan, item (五) 推进工业领域协同增效 (under 四、) and item (十八) 促进产学研用深度融合 (under
七、), and the MEE plan's item （八） 推进工业领域协同增效 (under 四、) that (五) carries out. Every span is
found in the real file; units are resolved by the real unit registry; the mapping to RDF is the real
one. The texts are used as their own normalised form (identity offsets): what the store is tested on
is what it keeps, not how the text was normalised.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from pyoxigraph import Quad

from policykg.extract.model import (
    ClauseFacts,
    ConceptMention,
    Deadline,
    DocumentExtraction,
    Measure,
    Provenance,
    Target,
    UnitMention,
)
from policykg.graph.rdf_documents import document_quads
from policykg.graph.rdf_links import links_graphs
from policykg.graph.rdflib_bridge import to_rdflib_graph
from policykg.ingest.model import Clause, Level, Metadata, NormalisedDocument, OffsetMap, Script, Span
from policykg.link.model import ClauseLink, CorpusLinks, DocumentLink, Evidence, ResolvedCitation
from policykg.ontology.units import UnitRegistry
from policykg.ontology.vocab import graph_iri

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
SANMING = "sanming-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"
EXTRACTOR = "policykg.extract.measures"
VERSION = "0.1"

SANMING_I5 = f"{SANMING}~s4.i5"
SANMING_I18 = f"{SANMING}~s7.i18"
MEE_I8 = f"{MEE}~s4.i8"


def _manifest() -> dict[str, dict[str, object]]:
    data = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    return {d["id"]: d for d in data["document"]}


class Text:
    """A document's text with span lookups that fail loudly when the words are not there."""

    def __init__(self, text: str) -> None:
        self.text = text

    def find(self, needle: str, within: tuple[int, int] | None = None) -> Span:
        lo, hi = within or (0, len(self.text))
        start = self.text.find(needle, lo, hi)
        assert start >= 0, f"{needle!r} not in the document"
        return Span(start, start + len(needle))

    def line(self, prefix: str) -> tuple[int, int]:
        start = self.text.find("\n" + prefix) + 1
        assert start > 0, f"no line starts with {prefix!r}"
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end


def _document(doc_id: str) -> tuple[NormalisedDocument, Text]:
    entry = _manifest()[doc_id]
    original = (CORPUS / str(entry["file"])).read_text(encoding="utf-8")
    md = Metadata(
        title=str(entry["title"]),
        titles={str(entry["script"]): str(entry["title"])},
        language=str(entry["language"]),
        script=Script(str(entry["script"])),
        level=Level(str(entry["level"])),
        region=str(entry["region"]),
        issuers=[str(i) for i in entry.get("issuers", [])],  # type: ignore[attr-defined]
        issued=str(entry["issued"]),
        doc_number=str(entry["doc_number"]) if "doc_number" in entry else None,
        work=str(entry["work"]),
    )
    doc = NormalisedDocument(
        id=doc_id, slug=doc_id, source_path=str(entry["file"]), sha256="0" * 64, content_hash="0" * 16,
        encoding="utf-8", encoding_confidence=1.0, original=original, text=original,
        offsets=OffsetMap.identity(len(original)), metadata=md, clauses=[],
    )
    return doc, Text(original)


def _clause(doc: NormalisedDocument, t: Text, clause_id: str, path: tuple[str, ...], marker: str, kind: str,
            line: tuple[int, int], children: list[Clause] | None = None) -> Clause:
    start, end = line
    if children:
        end = max(end, max(c.end for c in children))
    head = t.text[start + len(marker) : end]
    title = head.split("。")[0].split("\n")[0]
    return Clause(
        id=clause_id, number=path[-1], path=path, marker=marker, kind=kind, depth=len(path) - 1, title=title,
        start=start, end=end, body_start=start + len(marker), span=doc.span(start, end), children=children or [],
    )


def _prov(span: Span, confidence: float = 0.9, extractor: str = EXTRACTOR) -> Provenance:
    return Provenance(extractor, VERSION, span, confidence)


def _units(registry: UnitRegistry, t: Text, clause: Clause, names: list[str], region: str) -> list[UnitMention]:
    bounds = (clause.start, clause.end)
    out = []
    for n, name in enumerate(names):
        unit = registry.resolve(name, region)
        assert unit is not None, name
        out.append(UnitMention(unit.id, unit.label, name, unit.jurisdiction, "lead" if n == 0 else "support",
                               _prov(t.find(name, bounds), extractor="policykg.extract.units")))
    return out


@dataclass
class Facts:
    sanming: NormalisedDocument
    mee: NormalisedDocument
    extractions: dict[str, DocumentExtraction]
    links: CorpusLinks

    def graphs(self) -> dict[str, list[Quad]]:
        """Named graph IRI → its quads, as the build writes them."""
        return {
            graph_iri(SANMING): document_quads(self.sanming, self.extractions[SANMING]),
            graph_iri(MEE): document_quads(self.mee, self.extractions[MEE]),
            **dict(links_graphs(self.links)),
        }


def build() -> Facts:
    registry = UnitRegistry.load()

    # --- Sanming: 四、 > (五), 七、 > (十八) ---------------------------------------------------------------
    sm, st = _document(SANMING)
    i5 = _clause(sm, st, SANMING_I5, ("四", "五"), "(五)", "item", st.line("(五)推进工业领域协同增效"))
    i18 = _clause(sm, st, SANMING_I18, ("七", "十八"), "(十八)", "item", st.line("(十八)促进产学研用深度融合"))
    s4 = _clause(sm, st, f"{SANMING}~s4", ("四",), "四、", "section", st.line("四、突出重点领域"), [i5])
    s7 = _clause(sm, st, f"{SANMING}~s7", ("七",), "七、", "section", st.line("七、强化支撑保障"), [i18])
    sm.clauses = [s4, s7]
    b5 = (i5.start, i5.end)
    target_sentence = st.find("到2025年,钢铁、水泥、合成氨等重点行业产能和数据中心达到能效标杆水平的比例超过30%", b5)
    efficiency = st.find("推进工业节能和能效水平提升,到2025年,钢铁、水泥、合成氨等重点行业产能和数据中心达到能效标杆水平的比例超过30%。", b5)
    ccus_5 = st.find("推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。", b5)
    facts_5 = ClauseFacts(
        clause_id=SANMING_I5,
        units=_units(registry, st, i5, ["市工信局", "发改委", "生态环境局", "科技局", "商务局"], "CN-FJ-Sanming"),
        concepts=[
            ConceptMention("ccus", "二氧化碳捕集与利用封存", _prov(st.find("二氧化碳捕集与利用封存", b5))),
            ConceptMention("green_manufacturing", "绿色制造", _prov(st.find("绿色制造", b5))),
        ],
        targets=[Target(
            indicator="重点行业产能和数据中心达到能效标杆水平的比例", comparator=">", value=30.0, measure_unit="%",
            provenance=_prov(target_sentence), year=2025, concepts=("energy_conservation",),
        )],
        deadlines=[Deadline("到2025年", None, "2025", "by", _prov(st.find("到2025年", b5)))],
        measures=[
            Measure(f"{SANMING_I5}.m1", SANMING_I5, st.text[efficiency.start : efficiency.end], _prov(efficiency),
                    sectors=["industry"], concepts=["energy_conservation"], target_indexes=[0], deadline_indexes=[0]),
            Measure(f"{SANMING_I5}.m2", SANMING_I5, st.text[ccus_5.start : ccus_5.end], _prov(ccus_5),
                    sectors=["industry"], concepts=["ccus"]),
        ],
        is_measure_container=True,
    )
    b18 = (i18.start, i18.end)
    ccus_18 = st.find("研发末端碳捕集、利用、封存技术", b18)
    facts_18 = ClauseFacts(
        clause_id=SANMING_I18,
        units=_units(registry, st, i18, ["市科技局", "发改委", "工信局", "生态环境局"], "CN-FJ-Sanming"),
        concepts=[ConceptMention("ccus", "碳捕集、利用、封存", _prov(st.find("碳捕集、利用、封存", b18)))],
        measures=[Measure(f"{SANMING_I18}.m1", SANMING_I18, st.text[ccus_18.start : ccus_18.end], _prov(ccus_18),
                          sectors=["technology"], concepts=["ccus"])],
        is_measure_container=True,
    )

    # --- MEE: 四、 > （八） ---------------------------------------------------------------------------------
    mee, mt = _document(MEE)
    i8 = _clause(mee, mt, MEE_I8, ("四", "八"), "（八）", "item", mt.line("（八）推进工业领域协同增效"))
    s4m = _clause(mee, mt, f"{MEE}~s4", ("四",), "四、", "section", mt.line("四、突出重点领域"), [i8])
    mee.clauses = [s4m]
    b8 = (i8.start, i8.end)
    steel = mt.find("2025年和2030年，全国短流程炼钢占比分别提升至15%、20%以上", b8)
    ccus_8 = mt.find("推动碳捕集、利用与封存技术在工业领域应用。", b8)
    facts_8 = ClauseFacts(
        clause_id=MEE_I8,
        units=_units(registry, mt, i8, ["工业和信息化部", "国家发展改革委", "生态环境部", "国家能源局"], "CN"),
        concepts=[ConceptMention("ccus", "碳捕集、利用与封存", _prov(mt.find("碳捕集、利用与封存", b8)))],
        targets=[
            Target("全国短流程炼钢占比", ">=", 15.0, "%", _prov(steel), year=2025),
            Target("全国短流程炼钢占比", ">=", 20.0, "%", _prov(steel), year=2030),
        ],
        measures=[Measure(f"{MEE_I8}.m1", MEE_I8, mt.text[ccus_8.start : ccus_8.end], _prov(ccus_8),
                          sectors=["industry"], concepts=["ccus"])],
        is_measure_container=True,
    )

    extractions = {
        SANMING: DocumentExtraction(SANMING, {SANMING_I5: facts_5, SANMING_I18: facts_18}),
        MEE: DocumentExtraction(MEE, {MEE_I8: facts_8}),
    }
    citation = st.find("《关于印发减污降碳协同增效实施方案的通知》")
    links = CorpusLinks(
        citations=[ResolvedCitation(SANMING, "关于印发减污降碳协同增效实施方案的通知", "环综合〔2022〕42号", MEE, MEE,
                                    "doc_number")],
        documents=[DocumentLink(SANMING, MEE, "implements", 0.9, "policykg.link.documents/0.1")],
        clauses=[
            ClauseLink(f"{SANMING_I5}.m2", MEE_I8, "implements", 0.82, 1, "policykg.link.clauses/0.1",
                       (Evidence("concept", "ccus", 0.6), Evidence("wording", "捕集", 0.22))),
            ClauseLink(f"{SANMING_I18}.m1", MEE_I8, "implements", 0.41, 1, "policykg.link.clauses/0.1",
                       (Evidence("concept", "ccus", 0.41),)),
        ],
    )
    assert citation.start > 0
    return Facts(sm, mee, extractions, links)


def canonical_graph(quads: list[Quad]) -> Any:
    """The quads' triples as an rdflib Graph, typed literals in the canonical form a store keeps.

    Oxigraph stores typed literals by value and writes them back canonically ("30.0"^^xsd:decimal
    comes back as "30"), so the input is compared in that same form: passed once through an
    in-memory pyoxigraph dataset.
    """
    mem = ox.Store()
    mem.extend(Quad(q.subject, q.predicate, q.object) for q in quads)
    return to_rdflib_graph(list(mem))

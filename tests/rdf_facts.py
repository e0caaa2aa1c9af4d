"""Three documents built from the real texts of corpus/documents/ with the facts their clauses really
contain: the Sanming plan's clauses 四、/(五)/(六), the Fujian plan's 三、/(五) and 六、/(十九), and the MEE
plan's 四、/(八) (units, targets, deadlines and the CCUS concept, located in the text by their surface
form), with links between them; and the Sanming plan through the real ingest and extract stages.

The tests reach them through the fixtures of tests/conftest.py (`rdf_corpus`, `real_sanming`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

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
from policykg.graph.rdf_links import links_quads
from policykg.ingest.model import Clause, Level, Metadata, NormalisedDocument, OffsetMap, Script, Span
from policykg.link.model import ClauseLink, CorpusLinks, DocumentLink, Evidence, ResolvedCitation
from policykg.ontology import ids
from policykg.ontology.concepts import ConceptScheme
from policykg.ontology.units import UnitRegistry

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "documents"
VERSION = "0.1.0"

SANMING = "sanming-pollution-carbon-synergy-plan-2022"
FUJIAN = "fujian-pollution-carbon-synergy-plan-2022"
MEE = "mee-pollution-carbon-synergy-plan-2022"


# --- building real model objects from real text ---------------------------------------------------
def fold(text: str) -> str:
    """Full-width ASCII forms → half-width, one character for one, as normalisation does."""
    return "".join(
        chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else (" " if ch == "\u3000" else ch) for ch in text
    )


@dataclass
class ClauseSpec:
    seg: str  # "s4", "i5"
    number: str
    marker: str  # as written in the normalised text
    kind: str
    start: str  # a unique string the clause starts with
    end: str  # a unique string the next clause starts with
    children: list[ClauseSpec] = field(default_factory=list)


def _unique(text: str, needle: str, lo: int = 0, hi: int | None = None) -> int:
    hi = len(text) if hi is None else hi
    at = text.find(needle, lo, hi)
    assert at >= 0, f"{needle!r} not in the text"
    assert text.find(needle, at + 1, hi) < 0, f"{needle!r} is not unique"
    return at


def _clauses(doc_id: str, text: str, specs: list[ClauseSpec], segs: tuple[str, ...] = (),
             path: tuple[str, ...] = (), depth: int = 0) -> list[Clause]:
    out = []
    for spec in specs:
        start, end = _unique(text, spec.start), _unique(text, spec.end)
        body = start + len(spec.marker)
        stop = min(i for i in (text.find("。", body), text.find("\n", body), end) if i >= 0)
        my_segs, my_path = (*segs, spec.seg), (*path, spec.number)
        clause = Clause(
            id=f"{doc_id}~{'.'.join(my_segs)}", number=spec.number, path=my_path, marker=spec.marker,
            kind=spec.kind, depth=depth, title=text[body:stop], start=start, end=end, body_start=body,
            span=Span(start, end),
        )
        clause.children = _clauses(doc_id, text, spec.children, my_segs, my_path, depth + 1)
        out.append(clause)
    return out


def make_document(doc_id: str, file: str, metadata: Metadata, specs: list[ClauseSpec]) -> NormalisedDocument:
    original = (CORPUS / file).read_text(encoding="utf-8")
    text = fold(original)
    assert len(text) == len(original)
    return NormalisedDocument(
        id=doc_id, slug=doc_id, source_path=str(CORPUS / file), sha256="0" * 64, content_hash=doc_id[-8:],
        encoding="utf-8", encoding_confidence=1.0, original=original, text=text,
        offsets=OffsetMap.identity(len(text)), metadata=metadata, clauses=_clauses(doc_id, text, specs),
    )


def own_text(doc: NormalisedDocument, clause: Clause) -> tuple[int, int]:
    return clause.own_range()


def _prov(extractor: str, start: int, end: int, confidence: float = 0.9) -> Provenance:
    return Provenance(f"policykg.extract.{extractor}", VERSION, Span(start, end), confidence)


def make_facts(
    doc: NormalisedDocument,
    clause: Clause,
    units: list[str] = (),  # type: ignore[assignment]
    concepts: list[str] = (),  # type: ignore[assignment]
    targets: list[tuple[str, dict]] = (),  # type: ignore[assignment,type-arg]
    deadlines: list[tuple[str, str | None, str | None, str]] = (),  # type: ignore[assignment]
) -> ClauseFacts:
    """Facts of one clause, each located in the clause's own text by its surface form.

    Units resolve through the real unit registry (the first named leads, the others support) and
    concepts through the real concept scheme, so the ids are the ones the extractors produce.
    """
    registry, scheme = UnitRegistry.load(), ConceptScheme.load()
    region = doc.metadata.region or "CN"
    lo, hi = own_text(doc, clause)
    text = doc.text
    facts = ClauseFacts(clause_id=clause.id)
    cursor = text.find("责任单位", lo, hi)
    for n, surface in enumerate(units):
        at = text.find(surface, cursor, hi)
        assert at >= 0, surface
        cursor = at + len(surface)
        unit = registry.resolve(surface, region)
        assert unit is not None, surface
        facts.units.append(UnitMention(unit.id, unit.label, doc.original[at:cursor], unit.jurisdiction,
                                       "lead" if n == 0 else "support", _prov("units", at, cursor, 0.95)))
    for surface in concepts:
        at = _unique(text, surface, lo, hi)
        concept_id = scheme.lookup(surface)[0]
        facts.concepts.append(ConceptMention(concept_id, surface, _prov("concepts", at, at + len(surface))))
    for surface, kwargs in targets:
        at = _unique(text, surface, lo, hi)
        tagged = tuple(scheme.lookup(kwargs["indicator"])[:1])
        facts.targets.append(Target(provenance=_prov("targets", at, at + len(surface), 0.8), concepts=tagged, **kwargs))
    for surface, start, end, kind in deadlines:
        at = text.find(surface, lo, hi)
        facts.deadlines.append(Deadline(surface, start, end, kind, _prov("deadlines", at, at + len(surface))))
    # Measures: the sentences after the heading, up to the responsibility note.
    body_end = text.find("(责任单位", lo, hi)
    body_end = hi if body_end < 0 else body_end
    heading_end = text.find("。", clause.body_start, hi)
    newline = text.find("\n", clause.body_start, hi)
    first = min(i for i in (heading_end, newline) if i >= 0) + 1
    for n, m in enumerate(re.finditer(r"[^。\n]+。", text[first:body_end]), 1):
        s, e = first + m.start(), first + m.end()

        def inside(span: Span, s: int = s, e: int = e) -> bool:
            return s <= span.start and span.end <= e

        facts.measures.append(
            Measure(
                id=ids.fact_id("measure", clause.id, n), clause_id=clause.id, text=text[s:e], provenance=_prov("measures", s, e, 0.7),
                concepts=[c.concept_id for c in facts.concepts if inside(c.provenance.span)],
                target_indexes=[i for i, t in enumerate(facts.targets) if inside(t.provenance.span)],
                deadline_indexes=[i for i, d in enumerate(facts.deadlines) if inside(d.provenance.span)],
                sectors=["industry"] if "工业" in text[s:e] else [],
            )
        )
    facts.is_measure_container = bool(facts.measures)
    return facts


def by_id(doc: NormalisedDocument, clause_id: str) -> Clause:
    return next(c for c in doc.walk() if c.id == clause_id)


@dataclass
class CorpusFixture:
    docs: dict[str, NormalisedDocument]
    extractions: dict[str, DocumentExtraction]
    links: CorpusLinks

    def quads(self) -> list[ox.Quad]:
        out: list[ox.Quad] = []
        for doc_id, doc in self.docs.items():
            out += document_quads(doc, self.extractions[doc_id])
        return out + links_quads(self.links)


def sanming() -> tuple[NormalisedDocument, DocumentExtraction]:
    doc = make_document(
        SANMING, "003_e073a84fa08b70e4.txt",
        Metadata(
            title="三明市减污降碳协同增效实施方案", titles={"zh-Hans": "三明市减污降碳协同增效实施方案"},
            language="zh", script=Script.HANS, level=Level.MUNICIPAL, region="CN-FJ-Sanming",
            issuers=["三明市生态环境局", "三明市发展和改革委员会", "三明市工业和信息化局"],
            issued="2022-12-13", work=SANMING,
        ),
        [ClauseSpec("s4", "四", "四、", "section", "四、突出重点领域", "五、优化环境治理", [
            ClauseSpec("i5", "五", "(五)", "item", "(五)推进工业领域", "(六)推进交通运输"),
            ClauseSpec("i6", "六", "(六)", "item", "(六)推进交通运输", "(七)"),
        ])],
    )
    i5, i6 = by_id(doc, f"{SANMING}~s4.i5"), by_id(doc, f"{SANMING}~s4.i6")
    extraction = DocumentExtraction(SANMING)
    extraction.clauses[i5.id] = make_facts(
        doc, i5,
        units=["市工信局", "发改委", "生态环境局", "科技局", "商务局"],
        concepts=["电炉短流程炼钢", "二氧化碳捕集与利用封存"],
        targets=[
            ("达到能效标杆水平的比例超过30%", dict(indicator="重点行业产能和数据中心达到能效标杆水平的比例",
                                                comparator=">", value=30.0, measure_unit="%", year=2025)),
            ("短流程炼钢占比达到省上要求", dict(indicator="短流程炼钢占比", comparator=None, value=None, measure_unit=None,
                                               year=2030, qualitative=True)),
        ],
        deadlines=[("到2025年", None, "2025", "by"), ("到2025年和2030年", None, "2030", "by")],
    )
    extraction.clauses[i6.id] = make_facts(
        doc, i6,
        units=["市交通运输局", "市政府办"],
        targets=[("新能源汽车新车销售量达到汽车新车销售总量占比达到省上要求",
                  dict(indicator="新能源汽车新车销售量占比", comparator=None, value=None, measure_unit=None, year=2025,
                       qualitative=True))],
    )
    return doc, extraction


def fujian() -> tuple[NormalisedDocument, DocumentExtraction]:
    doc = make_document(
        FUJIAN, "fujian_pollution_carbon_synergy_plan_2022_zh.txt",
        Metadata(
            title="福建省减污降碳协同增效实施方案", titles={"zh-Hans": "福建省减污降碳协同增效实施方案"},
            language="zh", script=Script.HANS, level=Level.PROVINCIAL, region="CN-FJ",
            issuers=["福建省生态环境厅"], issued="2022", doc_number="闽环保综合〔2022〕12号", work=FUJIAN,
        ),
        [
            ClauseSpec("s3", "三", "三、", "section", "三、突出重点领域", "四、优化环境治理", [
                ClauseSpec("i5", "五", "(五)", "item", "(五)推进工业领域", "(六)推进交通运输"),
            ]),
            ClauseSpec("s6", "六", "六、", "section", "六、强化支撑保障", "七、加强组织实施", [
                ClauseSpec("i19", "十九", "(十九)", "item", "(十九)促进产学研", "(二十)完善"),
            ]),
        ],
    )
    i5, i19 = by_id(doc, f"{FUJIAN}~s3.i5"), by_id(doc, f"{FUJIAN}~s6.i19")
    extraction = DocumentExtraction(FUJIAN)
    extraction.clauses[i5.id] = make_facts(
        doc, i5,
        units=["省工信厅", "发改委", "生态环境厅", "科技厅", "商务厅"],
        concepts=["电炉短流程炼钢", "碳捕集、利用与封存(CCUS)"],
        targets=[
            ("短流程炼钢占比分别提升至15%、20%以上", dict(indicator="短流程炼钢占比", comparator=">=", value=20.0,
                                                      measure_unit="%", year=2030)),
            ("2030年电解铝使用可再生能源比例提高至30%以上", dict(indicator="电解铝使用可再生能源比例",
                                                              comparator=">=", value=30.0, measure_unit="%", year=2030)),
        ],
        deadlines=[("到2025年和2030年", None, "2030", "by")],
    )
    extraction.clauses[i19.id] = make_facts(
        doc, i19,
        units=["省科技厅", "发改委"],
        concepts=["末端碳捕集、利用、封存技术"],
    )
    return doc, extraction


def mee() -> tuple[NormalisedDocument, DocumentExtraction]:
    doc = make_document(
        MEE, "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt",
        Metadata(
            title="减污降碳协同增效实施方案", titles={"zh-Hans": "减污降碳协同增效实施方案"},
            language="zh", script=Script.HANS, level=Level.MINISTRY, region="CN",
            issuers=["生态环境部", "国家发展和改革委员会", "工业和信息化部"], issued="2022-06-10",
            doc_number="环综合〔2022〕42号", work=MEE,
        ),
        [ClauseSpec("s4", "四", "四、", "section", "四、突出重点领域", "五、优化环境治理", [
            ClauseSpec("i8", "八", "(八)", "item", "(八)推进工业领域", "(九)推进交通运输"),
        ])],
    )
    i8 = by_id(doc, f"{MEE}~s4.i8")
    extraction = DocumentExtraction(MEE)
    facts = make_facts(
        doc, i8,
        concepts=["碳捕集、利用与封存技术"],
        targets=[("2025年再生铝产量达到1150万吨", dict(indicator="再生铝产量", comparator=">=", value=1150.0,
                                                    measure_unit="万吨", converted_value=11_500_000.0, converted_unit="t", year=2025))],
    )
    # The units of this clause are named without 责任单位: (工业和信息化部、国家发展改革委…按职责分工负责).
    lo, hi = own_text(doc, i8)
    registry = UnitRegistry.load()
    for i, surface in enumerate(["工业和信息化部", "国家发展改革委", "生态环境部", "国家能源局"]):
        at = doc.text.rfind(surface, lo, hi)
        unit = registry.resolve(surface, "CN")
        assert unit is not None
        facts.units.append(UnitMention(unit.id, unit.label, surface, "CN", "lead" if i == 0 else "support",
                                       _prov("units", at, at + len(surface), 0.95)))
    extraction.clauses[i8.id] = facts
    return doc, extraction


def measure_with(extraction: DocumentExtraction, concept: str) -> Measure:
    return next(m for m in extraction.measures() if concept in m.concepts)


@lru_cache(maxsize=1)
def corpus_fixture() -> CorpusFixture:
    docs, extractions = {}, {}
    for build in (sanming, fujian, mee):
        doc, extraction = build()
        docs[doc.id], extractions[doc.id] = doc, extraction
    sm = measure_with(extractions[SANMING], "ccus")
    fm = measure_with(extractions[FUJIAN], "ccus")
    method = "policykg.link.clauses/0.1"
    links = CorpusLinks(
        citations=[
            ResolvedCitation(SANMING, "中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见",
                             None, None, "central-opinions-carbon-peak-2021", "title"),
        ],
        documents=[
            DocumentLink(SANMING, FUJIAN, "implements", 0.9, "policykg.link.documents/0.1"),
            DocumentLink(FUJIAN, MEE, "implements", 0.85, "policykg.link.documents/0.1"),
        ],
        clauses=[
            ClauseLink(sm.id, f"{FUJIAN}~s3.i5", "implements", 0.82, 1, method,
                       (Evidence("concept", "ccus", 0.5), Evidence("wording", "钢铁、水泥", 0.2))),
            ClauseLink(sm.id, f"{FUJIAN}~s6.i19", "implements", 0.41, 2, method, (Evidence("concept", "ccus", 0.5),)),
            ClauseLink(sm.id, f"{MEE}~s4.i8", "implements", 0.6, 1, method, (Evidence("concept", "ccus", 0.5),)),
            ClauseLink(fm.id, f"{MEE}~s4.i8", "implements", 0.77, 1, method,
                       (Evidence("concept", "ccus", 0.5), Evidence("number", "20%", 0.2))),
        ],
    )
    return CorpusFixture(docs, extractions, links)


# --- the mapping ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def real_sanming() -> tuple[NormalisedDocument, DocumentExtraction]:
    """The Sanming plan through the real ingest and extract stages."""
    from policykg.extract.document import extract_document
    from policykg.ingest import ingest_file
    from policykg.ingest.manifest import load_manifest

    path = (CORPUS / "003_e073a84fa08b70e4.txt").resolve()
    doc = ingest_file(path, load_manifest()[str(path)])
    return doc, extract_document(doc)

"""Runs the extraction pipeline over one normalised document and assembles its `DocumentExtraction`.

The pipeline (`components.extraction_nlp`: deadlines, targets, units, concepts) reads each clause's own
text (its heading and body up to its first child) in normalised form and gives offsets into it; this module turns those into original-text spans with provenance,
attaches targets and deadlines to the measure sentences they fall in, and tags measures with the
concepts and sectors they mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from policykg import __version__
from policykg.extract.model import (
    ClauseFacts,
    ConceptMention,
    Deadline,
    DocumentExtraction,
    Provenance,
    Target,
    UnitMention,
)
from policykg.ingest.model import Clause, NormalisedDocument

VERSION = __version__


def _lang(doc: NormalisedDocument) -> str:
    return "en" if doc.metadata.language == "en" else "zh"


def clause_jurisdiction(doc: NormalisedDocument, clause: Clause, parents: list[Clause]) -> str:
    """The region whose units a clause names: the document's, unless a clause (a province section) says otherwise."""
    from policykg.ontology.units import UnitRegistry

    for c in [clause, *reversed(parents)]:
        province = c.attributes.get("region") or c.attributes.get("province")
        if province:
            region = UnitRegistry.load().region_id(province)
            if region:
                return region
    return document_region(doc)


def document_region(doc: NormalisedDocument) -> str:
    """The document's region; where the metadata has none, the division its title, issuers or file name
    names ("80、湖北省关于…"), so that its 省/市 prefixes still read."""
    if doc.metadata.region:
        return doc.metadata.region
    from policykg.ingest.regions import gazetteer

    md = doc.metadata
    for name in (md.titles.get("zh-Hans") or md.title, md.notice_title, *md.issuers, doc.source_name):
        found = gazetteer().find(name or "")
        if found:
            return found.id
    return "CN"


def _prov(doc: NormalisedDocument, extractor: str, base: int, start: int, end: int, confidence: float) -> Provenance:
    return Provenance(extractor, VERSION, doc.span(base + start, base + end), confidence)


def _starts(starts: Iterable[int]) -> list[tuple[int, int]]:
    """(start, index) of facts in start order: which of them a measure holds is then two bisections."""
    return sorted((start, i) for i, start in enumerate(starts))


def _within(starts: list[tuple[int, int]], lo: int, hi: int) -> list[int]:
    """Indexes, in order, of the facts starting in [lo, hi)."""
    return sorted(i for _, i in starts[bisect.bisect_left(starts, (lo, -1)) : bisect.bisect_left(starts, (hi, -1))])


#: Document types that report what was done ("中国应对气候变化的政策与行动白皮书"), not what is to be reached.
_REPORTING_TYPES = frozenset({"白皮书"})
#: Documents that set rules, not goals: a regulation's or a fund's measures (管理办法, 实施细则, 规程…), a method or a
#: guide, and a notice calling for projects or handing out a list, a quota or funds (`period.CALL_TITLE`). A figure
#: they give with no year ahead of it is a rule's limit, a grant's share or a project's indicator, not a target; one
#: due in a year stays a target.
_RULE_TYPES = frozenset({"办法", "管理办法", "细则", "实施细则", "规程", "条例", "规定"})
#: A method, a guide or a technical guideline, outside the type list ("…碳减排量计量方法(试行)", "…税费优惠政策指引").
_RULE_TITLE = re.compile(r"(?:方法|指引|导则)(?:[(（][^()（）]{1,16}[)）])*$")


def extract_document(doc: NormalisedDocument) -> DocumentExtraction:
    from policykg.extract.components import TARGETS, UNITS, extraction_nlp
    from policykg.extract.concepts import find_concepts
    from policykg.extract.measures import extract_measures, is_measure_container
    from policykg.extract.numbers import unit_dimension
    from policykg.extract.period import (
        CALL_TITLE,
        clause_period_end,
        document_first_year,
        document_period_end,
        under_costing,
        under_estimates,
        under_review,
    )
    from policykg.extract.target_tables import header_before
    from policykg.extract.unit_forms import declared_convention
    from policykg.extract.unit_scope import assign_scopes

    lang = _lang(doc)
    nlp = extraction_nlp(lang)
    result = DocumentExtraction(document_id=doc.id)
    flagged = [n.span for n in doc.notes if n.kind == "mojibake" and n.span is not None]
    convention = declared_convention(doc.text) if lang == "zh" else None
    period_end = document_period_end(doc)  # the year a target is due when its clause names none
    first_year = document_first_year(doc)  # a figure due before it is a result reported, not a target
    reporting = doc.metadata.doc_type in _REPORTING_TYPES
    title = doc.metadata.title or ""
    ruling = (doc.metadata.doc_type in _RULE_TYPES or doc.metadata.doc_type == "通知" and bool(CALL_TITLE.search(title))
              or doc.metadata.doc_type == "其他" and bool(_RULE_TITLE.search(title)))

    def visit(clause: Clause, parents: list[Clause]) -> None:
        start, end = clause.own_range()
        text = doc.text[start:end]
        facts = ClauseFacts(clause_id=clause.id)
        reviewed = under_review(period_end or 0, clause, parents)  # no plan before a year 0: the headings alone
        estimated = under_estimates(clause, parents)
        costed = under_costing(clause, parents)
        jurisdiction = clause_jurisdiction(doc, clause, parents)
        found = nlp(text, component_cfg={UNITS: {"jurisdiction": jurisdiction, "convention": convention},
                                         TARGETS: {"period_end": clause_period_end(period_end, clause, parents),
                                                   "table_header": header_before(doc.text, start)}})

        for hit in found._.unit_hits:
            facts.units.append(
                UnitMention(
                    unit_id=hit.unit_id, label=hit.label, surface=doc.written(doc.span(start + hit.start, start + hit.end)),
                    jurisdiction=hit.jurisdiction, role=hit.role,
                    provenance=_prov(doc, "policykg.extract.units", start, hit.start, hit.end, hit.confidence),
                    list_span=(
                        doc.span(start + hit.list_start, start + hit.list_end)
                        if hit.list_start is not None and hit.list_end is not None else None
                    ),
                    resolved=hit.resolved,
                )
            )
        for c_start, c_end, concept_id in found._.concept_offsets:
            facts.concepts.append(
                ConceptMention(
                    concept_id=concept_id, surface=doc.written(doc.span(start + c_start, start + c_end)),
                    provenance=_prov(doc, "policykg.extract.concepts", start, c_start, c_end, 1.0),
                )
            )
        for t in found._.target_hits:
            span = _prov(doc, "policykg.extract.targets", start, t.start, t.end, t.confidence)
            if any(f.start < span.span.end and span.span.start < f.end for f in flagged):
                continue  # never pass garbage on: a target inside a flagged mojibake span is dropped
            if (clause.kind == "body" or reporting or ruling) and t.year is None and not t.qualitative:
                continue  # a text without structure (a notice, a report of a plan) states past figures too, and a
                # white paper reports what was done: a figure with no year ahead of it is a result; in a document
                # that sets rules it is a term of the rule or the call ("单个企业单年度累计不超过100万元", "考核指标")
            if first_year is not None and t.year is not None and t.year < first_year:
                continue  # "“十三五”期间…到2020年达到15.9%": the past plan's result, reported
            if reviewed and t.year is None and not t.qualitative:
                continue  # "(一)发展基础。…空气优良天数比例为73.2%": the state the plan starts from
            if estimated and not t.qualitative:
                continue  # "(三)环境效益。…到2025年…可减少二氧化碳排放…": what the plan estimates it brings
            if costed and "投资" in t.indicator and t.measure_unit and unit_dimension(t.measure_unit) == "money":
                continue  # "(一)投资估算。…风电新增约1250万千瓦,新增投资约1650亿元": what the additions cost (what
                # an industry will produce, 产值, stays a target)
            facts.targets.append(
                Target(
                    indicator=t.indicator, comparator=t.comparator, value=t.value, measure_unit=t.measure_unit, provenance=span,
                    value_min=t.value_min, value_max=t.value_max, converted_value=t.converted_value,
                    converted_unit=t.converted_unit, change=t.change, base_year=t.base_year, year=t.year,
                    qualitative=t.qualitative, concepts=tuple(cid for _, _, cid in find_concepts(t.indicator, lang)),
                    start_year=t.start_year,
                )
            )
        for d in found._.deadline_hits:
            facts.deadlines.append(
                Deadline(
                    label=d.label, start=d.start_date, end=d.end_date, kind=d.kind,
                    provenance=_prov(doc, "policykg.extract.deadlines", start, d.start, d.end, d.confidence),
                    ongoing=d.ongoing,
                )
            )

        if is_measure_container(clause, doc):
            facts.is_measure_container = True
            target_starts = _starts(t.provenance.span.start for t in facts.targets)
            deadline_starts = _starts(d.provenance.span.start for d in facts.deadlines)
            for measure in extract_measures(clause, doc):
                m_span = measure.provenance.span
                measure.target_indexes = _within(target_starts, m_span.start, m_span.end)
                measure.deadline_indexes = _within(deadline_starts, m_span.start, m_span.end)
                facts.measures.append(measure)
            assign_scopes(facts, doc.original, doc.span(end, end).end)
        result.clauses[clause.id] = facts
        for child in clause.children:
            visit(child, [*parents, clause])

    for top in doc.clauses:
        visit(top, [])
    return result

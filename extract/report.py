"""Human- and machine-readable views of a document's extractions, each fact shown in its source span."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.text import Text

from policykg.extract.model import DocumentExtraction, Provenance
from policykg.ingest.model import NormalisedDocument

CONTEXT = 12  # characters of original text shown either side of a highlighted span


def _span_json(doc: NormalisedDocument, prov: Provenance) -> dict[str, Any]:
    return {
        "start": prov.span.start,
        "end": prov.span.end,
        "quote": doc.quote(prov.span),
        "extractor": prov.extractor,
        "version": prov.version,
        "confidence": prov.confidence,
    }


def extraction_json(doc: NormalisedDocument, extraction: DocumentExtraction) -> dict[str, Any]:
    clauses = []
    for clause_id, facts in extraction.clauses.items():
        if not (facts.units or facts.targets or facts.deadlines or facts.measures or facts.concepts):
            continue
        clauses.append(
            {
                "clause": clause_id,
                "units": [{**_fields(u, "provenance"), "span": _span_json(doc, u.provenance)} for u in facts.units],
                "targets": [{**_fields(t, "provenance"), "span": _span_json(doc, t.provenance)} for t in facts.targets],
                "deadlines": [
                    {**_fields(d, "provenance"), "span": _span_json(doc, d.provenance)} for d in facts.deadlines
                ],
                "concepts": [
                    {"concept": c.concept_id, "span": _span_json(doc, c.provenance)} for c in facts.concepts
                ],
                "measures": [
                    {**_fields(m, "provenance"), "span": _span_json(doc, m.provenance)} for m in facts.measures
                ],
            }
        )
    return {"document": extraction.document_id, "clauses": clauses}


#: Fields named otherwise in code than in the published JSON: a target's unit of measure is its "unit".
_PUBLISHED = {"measure_unit": "unit"}


def _fields(obj: Any, *drop: str) -> dict[str, Any]:
    data = asdict(obj)
    for key in drop:
        data.pop(key, None)
    return {_PUBLISHED.get(key, key): value for key, value in data.items()}


def highlighted(doc: NormalisedDocument, prov: Provenance, style: str) -> Text:
    """The fact's original span in bold colour, with a little original context either side."""
    s, e = prov.span.start, prov.span.end
    text = Text()
    text.append(doc.original[max(0, s - CONTEXT) : s].replace("\n", " "), style="dim")
    text.append(doc.original[s:e].replace("\n", " "), style=style)
    text.append(doc.original[e : e + CONTEXT].replace("\n", " "), style="dim")
    return text


def render_extraction(doc: NormalisedDocument, extraction: DocumentExtraction, console: Console) -> None:
    console.rule("extractions")
    for clause_id, facts in extraction.clauses.items():
        if not (facts.units or facts.targets or facts.deadlines or facts.measures):
            continue
        console.print(Text(clause_id, style="bold"))
        for t in facts.targets:
            if t.value is None:
                value = "—"
            elif t.change:  # "比2020年下降18%": a decrease of 18 % from 2020
                bound = "" if t.comparator in (None, "=") else f" {t.comparator}"
                value = f"{t.change}{bound} {t.value:g}{t.measure_unit or ''} from {t.base_year or '?'}"
            else:
                value = f"{t.comparator or ''}{t.value:g}{t.measure_unit or ''}"
            years = f"{t.start_year}–{t.year}" if t.start_year else f"{t.year}"
            label = Text(f"  {'goal' if t.qualitative else 'target'}  {t.indicator} {value} year={years}  ")
            console.print(label + highlighted(doc, t.provenance, "bold magenta"))
        for d in facts.deadlines:
            console.print(Text(f"  deadline {d.kind} {d.start}..{d.end}  ") + highlighted(doc, d.provenance, "bold cyan"))
        for u in facts.units:
            known = "" if u.resolved else " (unresolved)"
            console.print(Text(f"  unit    {u.role:9} {u.label}{known}  ") + highlighted(doc, u.provenance, "bold green"))
        for m in facts.measures:
            concepts = ",".join(m.concepts)
            console.print(Text(f"  measure {m.id.rsplit('.', 1)[-1]} [{concepts}] ") + Text(m.text[:80], style="yellow"))

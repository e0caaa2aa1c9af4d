"""What `policykg inspect FILE` shows of an ingested document: metadata, clause tree, normalisation notes."""

from __future__ import annotations

from typing import Any

from policykg.ingest.model import Clause, NormalisedDocument, Span

_SNIPPET = 60


def render(doc: NormalisedDocument) -> str:
    md = doc.metadata
    lines = [
        f"document   {doc.id}",
        f"source     {doc.source_path}",
        f"title      {md.title}",
    ]
    for script, title in sorted(md.titles.items()):
        if title != md.title:
            lines.append(f"  [{script}] {title}")
    lines += [
        f"language   {md.language} ({md.script})",
        f"level      {md.level or '-'}    region {md.region or '-'}",
        f"issuers    {'、'.join(md.issuers) or '-'}",
        f"issued     {md.issued or '-'}    number {md.doc_number or '-'}",
        f"work       {md.work or '-'}",
        f"encoding   {doc.encoding} ({doc.encoding_confidence:.2f})",
        f"size       {len(doc.original)} chars original, {len(doc.text)} normalised; content {doc.content_hash[:12]}",
    ]
    if md.from_text:
        said = ", ".join(f"{k}={v}" for k, v in sorted(md.from_text.items()))
        lines.append(f"text says  {said}")
    clauses = list(doc.walk())
    lines.append("")
    lines.append(f"clauses ({len(clauses)}, {len(doc.leaf_clauses())} leaves)")
    for clause in clauses:
        attrs = (
            "  " + " ".join(f"{k}={v}" for k, v in sorted(clause.attributes.items()))
            if clause.attributes
            else ""
        )
        lines.append(f"{'  ' * clause.depth}{clause.marker} {clause.title}  [{clause.id}]{attrs}")
    if doc.citations:
        lines.append("")
        lines.append(f"citations ({len(doc.citations)})")
        for c in doc.citations:
            extra = "".join(f"  {x}" for x in (c.doc_number, c.issuer and f"by {c.issuer}") if x)
            lines.append(f"  《{c.title}》{extra}")
    lines.append("")
    lines.append(f"notes ({len(doc.notes)})")
    for note in doc.notes:
        where = f" @{note.span.start}-{note.span.end} {_quote(doc, note.span)!r}" if note.span else ""
        count = f" ×{note.count}" if note.count != 1 else ""
        lines.append(f"  {note.kind}{count}: {note.message}{where}")
    return "\n".join(lines)


def as_json(doc: NormalisedDocument) -> dict[str, Any]:
    md = doc.metadata
    return {
        "id": doc.id,
        "source_path": doc.source_path,
        "sha256": doc.sha256,
        "content_hash": doc.content_hash,
        "encoding": doc.encoding,
        "encoding_confidence": doc.encoding_confidence,
        "length": {"original": len(doc.original), "normalised": len(doc.text)},
        "metadata": {
            "title": md.title,
            "titles": dict(md.titles),
            "language": md.language,
            "script": str(md.script),
            "level": str(md.level) if md.level else None,
            "region": md.region,
            "issuers": list(md.issuers),
            "issued": md.issued,
            "doc_number": md.doc_number,
            "work": md.work,
            "source_note": md.source_note,
            "from_text": dict(md.from_text),
        },
        "clauses": [_clause_json(c) for c in doc.clauses],
        "citations": [
            {"title": c.title, "doc_number": c.doc_number, "issuer": c.issuer, "span": _span(c.span)}
            for c in doc.citations
        ],
        "notes": [
            {
                "kind": n.kind,
                "message": n.message,
                "count": n.count,
                "span": _span(n.span) if n.span else None,
            }
            for n in doc.notes
        ],
        "paragraph_scripts": [
            {"span": _span(s), "script": str(script)} for s, script in doc.paragraph_scripts
        ],
    }


def _clause_json(clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "number": clause.number,
        "path": list(clause.path),
        "marker": clause.marker,
        "kind": clause.kind,
        "depth": clause.depth,
        "title": clause.title,
        "start": clause.start,
        "end": clause.end,
        "span": _span(clause.span),
        "attributes": dict(clause.attributes),
        "children": [_clause_json(c) for c in clause.children],
    }


def _span(span: Span) -> list[int]:
    return [span.start, span.end]


def _quote(doc: NormalisedDocument, span: Span) -> str:
    text = doc.quote(span).replace("\n", " ")
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"

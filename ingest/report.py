"""The corpus report: what a collection holds, by level, region, type and year, and how much metadata
the texts gave. `policykg corpus-report` writes it (docs/corpus-report.md for the default corpus).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from policykg.ingest.model import NormalisedDocument
from policykg.ingest.regions import gazetteer

FIELDS = ("title", "notice_title", "doc_type", "level", "region", "issuers", "doc_number", "issued")


@dataclass(slots=True)
class CorpusReport:
    documents: int = 0
    quarantined: dict[str, str] = field(default_factory=dict)  # file → reason
    levels: Counter[str] = field(default_factory=Counter)
    provinces: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)
    coverage: Counter[str] = field(default_factory=Counter)
    pages_without_text: int = 0

    def add(self, doc: NormalisedDocument) -> None:
        md = doc.metadata
        self.documents += 1
        self.levels[str(md.level) if md.level else "unknown"] += 1
        region = gazetteer().by_id(md.region) if md.region else None
        province = gazetteer().by_id(region.province) if region else None
        self.provinces[province.full_name if province else ("national" if md.region == "CN" else "unknown")] += 1
        self.types[md.doc_type or "unknown"] += 1
        self.years[(md.issued or "")[:4] or "unknown"] += 1
        for name in FIELDS:
            if getattr(md, name):
                self.coverage[name] += 1
        self.pages_without_text += sum(1 for n in doc.notes if n.kind == "no_text_layer")

    def markdown(self) -> str:
        total = self.documents + len(self.quarantined)
        out = [
            "# Corpus report",
            "",
            f"{total} files: {self.documents} documents read, {len(self.quarantined)} quarantined; "
            f"{self.pages_without_text} pages without a text layer (kept as notes).",
            "",
        ]
        out += _table("Level", self.levels)
        out += _table("Province", self.provinces)
        out += _table("Document type", self.types)
        out += _table("Year issued", self.years, by_key=True)
        out += ["## Metadata found in the texts", "", "| field | documents | share |", "| --- | ---: | ---: |"]
        for name in FIELDS:
            n = self.coverage[name]
            out.append(f"| {name} | {n} | {n / self.documents:.0%} |" if self.documents else f"| {name} | 0 | - |")
        out.append("")
        if self.quarantined:
            out += ["## Quarantined", "", "| file | reason |", "| --- | --- |"]
            out += [f"| {f} | {r} |" for f, r in sorted(self.quarantined.items())]
            out.append("")
        return "\n".join(out)


def _table(title: str, counts: Counter[str], by_key: bool = False) -> list[str]:
    rows = sorted(counts.items()) if by_key else sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [f"## {title}", "", f"| {title.lower()} | documents |", "| --- | ---: |"] + [
        f"| {k} | {v} |" for k, v in rows
    ] + [""]


def corpus_report(docs: Iterable[NormalisedDocument], quarantined: dict[str, str] | None = None) -> CorpusReport:
    report = CorpusReport(quarantined=dict(quarantined or {}))
    for doc in docs:
        report.add(doc)
    return report

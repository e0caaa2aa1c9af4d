"""Measuring the product against keys written by reading real documents (tests/keys/).

A key names documents by the file they were published as; the corpus may hold them as PDFs or as
packs, so documents are matched by `NormalisedDocument.source_name`. Values are compared after the
folding every reader does without thinking: width, spaces, bracket and quote shapes.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from policykg.ingest.model import NormalisedDocument
from policykg.ingest.regions import gazetteer

METADATA_FIELDS = ("title", "type", "level", "region", "issuers", "doc_number", "issued")

_BRACKETS = str.maketrans({"〔": "[", "〕": "]", "【": "[", "】": "]", "（": "(", "）": ")", "“": '"', "”": '"',
                           "‘": "'", "’": "'", "—": "-", "–": "-", "－": "-", "«": "《", "»": "》"})


def fold(value: str) -> str:
    """What a reader treats as the same text: width, spaces, bracket and quote shapes."""
    return "".join(unicodedata.normalize("NFKC", value).translate(_BRACKETS).split())


def load_key(path: str | Path, table: str) -> list[dict[str, object]]:
    with open(path, "rb") as fh:
        return list(tomllib.load(fh).get(table, []))


def key_region(entry: dict[str, object]) -> str | None:
    """The region id a key's province / city / county names."""
    names = [str(entry.get(k) or "") for k in ("province", "city", "county")]
    if not any(names):
        return "CN" if entry.get("level") in ("central", "ministry") else None
    region = gazetteer().find("".join(names))
    return region.id if region else None


@dataclass(slots=True)
class FieldScore:
    right: int = 0
    total: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (file, expected, got)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def metadata_values(doc: NormalisedDocument) -> dict[str, str]:
    md = doc.metadata
    return {
        "title": fold(md.titles.get("zh-Hans") or md.title),
        "type": md.doc_type or "",
        "level": str(md.level) if md.level else "",
        "region": md.region or "",
        "issuers": "、".join(sorted(fold(i) for i in md.issuers)),
        "doc_number": fold(md.doc_number or ""),
        "issued": md.issued or "",
    }


def expected_values(entry: dict[str, object]) -> dict[str, str]:
    issuers = entry.get("issuers") or []
    assert isinstance(issuers, list)
    return {
        "title": fold(str(entry.get("title") or "")),
        "type": str(entry.get("type") or ""),
        "level": str(entry.get("level") or ""),
        "region": key_region(entry) or "",
        "issuers": "、".join(sorted(fold(str(i)) for i in issuers)),
        "doc_number": fold(str(entry.get("doc_number") or "")),
        "issued": str(entry.get("issued") or ""),
    }


def score_metadata(key: Iterable[dict[str, object]], docs: Iterable[NormalisedDocument]) -> dict[str, FieldScore]:
    """Accuracy per metadata field over the key's documents (a document missing from `docs` counts wrong)."""
    by_source = {d.source_name: d for d in docs}
    scores = {name: FieldScore() for name in METADATA_FIELDS}
    for entry in key:
        file = str(entry["file"])
        doc = by_source.get(file)
        want = expected_values(entry)
        got = metadata_values(doc) if doc else dict.fromkeys(METADATA_FIELDS, "")
        for name in METADATA_FIELDS:
            score = scores[name]
            score.total += 1
            if got[name] == want[name]:
                score.right += 1
            else:
                score.misses.append((file, want[name], got[name]))
    return scores


def title_words(title: str) -> str:
    return re.sub(r"\s+", "", title)

"""Measuring the product against keys written by reading real documents (tests/keys/).

A key names documents by the file they were published as; the corpus may hold them as PDFs or as
packs, so documents are matched by `NormalisedDocument.source_name`. Values are compared after the
folding every reader does without thinking: width, spaces, bracket and quote shapes.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from policykg.extract.model import DocumentExtraction
from policykg.extract.scoring import (
    TARGET_FIELDS,
    UNIT_ROLES,
    ExtractedList,
    FieldScore,
    ListedUnit,
    Ratio,
    TargetScores,
    UnitScores,
    extracted_lists,
    fold,
    indicator_similarity,
    key_values,
    score_targets,
    score_units,
    target_values,
)
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.regions import gazetteer

if TYPE_CHECKING:  # the link stage is imported only where links are scored
    from policykg.link.key import KeyScores
    from policykg.link.model import CorpusLinks

__all__ = [
    "METADATA_FIELDS", "TARGET_FIELDS", "UNIT_ROLES", "ExtractedList", "FieldScore", "ListedUnit", "Ratio",
    "TargetScores", "UnitScores", "expected_values", "extract_key_documents", "extracted_lists", "fold",
    "indicator_similarity", "key_region", "key_values", "load_key", "main", "metadata_values", "score_metadata",
    "score_targets", "score_units", "target_values", "score_links", "link_figures", "bundled_corpus",
    "links_key_corpus",
]

METADATA_FIELDS = ("title", "type", "level", "region", "issuers", "doc_number", "issued")



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


# --- links -------------------------------------------------------------------------------------------
def score_links(key: list[dict[str, object]], docs: list[NormalisedDocument],
                extractions: dict[str, DocumentExtraction], links: CorpusLinks) -> KeyScores:
    """Top-1 and top-3 of the clause links per parent document on a links key (`policykg.link.key`):
    a `KeyScores`, whose `as_dict()` gives the figures."""
    from policykg.link.key import score_key

    return score_key(key, docs, extractions, links)


def link_figures(keys: str | Path = "tests/keys", packs: str | Path = "corpus/real") -> dict[str, dict[str, float | int]]:
    """The links key's figures: the bundled texts, the key's documents and parents linked, then scored."""
    from policykg.link import link_corpus

    key = load_key(Path(keys) / "links_measure.toml", "measure")
    docs, extractions = links_key_corpus(key, str(packs))
    scores = score_links(key, docs, extractions, link_corpus(docs, extractions))
    return scores.as_dict()


# --- corpora the keys are about -------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def bundled_corpus() -> tuple[tuple[NormalisedDocument, ...], dict[str, DocumentExtraction]]:
    """The eleven bundled texts ingested and extracted (once per process): what the gold set is about."""
    from policykg.ingest.manifest import bundled_texts, load_manifest
    from policykg.pipeline import process_file
    from policykg.settings import Settings

    manifest = load_manifest()
    settings = Settings()
    docs: list[NormalisedDocument] = []
    extractions: dict[str, DocumentExtraction] = {}
    for path in bundled_texts():
        doc, extraction = process_file(path, manifest.get(str(path.resolve())), settings)
        docs.append(doc)
        extractions[doc.id] = extraction
    return tuple(docs), extractions


def links_key_corpus(key: Sequence[dict[str, object]], packs: str = "corpus/real"
                     ) -> tuple[list[NormalisedDocument], dict[str, DocumentExtraction]]:
    """The eleven bundled texts with the key's documents and parents, read from their packs and extracted."""
    from policykg.link.key import key_files

    bundled, bundled_extractions = bundled_corpus()
    docs, extractions = list(bundled), dict(bundled_extractions)
    for doc, extraction in extract_key_documents(key_files(key), packs).values():
        if doc.id not in extractions:
            docs.append(doc)
            extractions[doc.id] = extraction
    return docs, extractions


def default_corpus() -> tuple[list[NormalisedDocument], dict[str, DocumentExtraction]]:
    """Every document of the default corpus (the bundled texts and every pack of corpus/real) ingested and
    extracted as the build does, in local processes: the corpus the links keys are measured on at scale,
    as researchers query it."""
    from policykg.executors import open_executor
    from policykg.ingest.manifest import load_manifest
    from policykg.pipeline import discover, process_file
    from policykg.settings import Settings

    manifest, settings = load_manifest(), Settings()
    paths = discover(None)
    executor = open_executor(settings.executor, settings.workers, len(paths))
    docs: list[NormalisedDocument] = []
    extractions: dict[str, DocumentExtraction] = {}
    try:
        for doc, extraction in executor.map(process_file, [(p, manifest.get(str(p.resolve())), settings) for p in paths]):
            if doc.id not in extractions:
                docs.append(doc)
                extractions[doc.id] = extraction
    finally:
        executor.close()
    return docs, extractions


# --- running -----------------------------------------------------------------------------------------
def extract_key_documents(files: Iterable[str], packs: str | Path = "corpus/real"
                          ) -> dict[str, tuple[NormalisedDocument, DocumentExtraction]]:
    """Normalise and extract the key's documents from their packs, as the build does (by published name)."""
    from policykg.extract.document import extract_document
    from policykg.ingest.normalise import normalise
    from policykg.ingest.pack import sources
    from policykg.ingest.raw import read_raw

    by_source = sources(packs)
    out: dict[str, tuple[NormalisedDocument, DocumentExtraction]] = {}
    for file in sorted(set(files)):
        doc = normalise(read_raw(by_source[file]))
        out[file] = (doc, extract_document(doc))
    return out


def main(keys: str | Path = "tests/keys") -> dict[str, object]:
    """The unit and target figures on the measuring keys (aggregates only: the documents stay unread)."""
    import json

    units_key = load_key(Path(keys) / "units_measure.toml", "list")
    targets_key = load_key(Path(keys) / "targets_measure.toml", "target")
    docs = extract_key_documents([str(e["file"]) for e in [*units_key, *targets_key]])
    figures = {"units": score_units(units_key, docs).as_dict(), "targets": score_targets(targets_key, docs).as_dict()}
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    return figures


if __name__ == "__main__":
    main()

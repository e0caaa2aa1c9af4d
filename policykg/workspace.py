"""The build's working folder beside the store: the per-document cache (normalised document and
extraction, for linking without re-reading), the N-Quads shards, the index of built files that finds
unchanged inputs and duplicates, the links record and the quarantine list.

Every file is written whole or not at all (a temporary file replaced), so a crashed build leaves
nothing half-written for the next one to trip on.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from policykg.errors import PolicyKGError
from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.outcomes import Outcome
from policykg.settings import Settings
from policykg.versions import GRAPH_SCHEMA_VERSION


class Workspace:
    """The store directory: the RDF store itself plus the per-document cache and the quarantine list."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.cache = self.root / "documents"
        self.rdf = self.root / "rdf"
        self.quarantine_file = self.root / "quarantine.json"
        self.index_file = self.root / "index.json"
        self.shards = self.root / "shards"
        self.links_file = self.root / "links.json"
        self.spool = self.root / "links-spool"

    def read_index(self) -> dict[str, dict[str, str]]:
        """Source path → {sha256, document} of every file built into this store."""
        if not self.index_file.exists():
            return {}
        return json.loads(self.index_file.read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    def write_index(self, index: dict[str, dict[str, str]]) -> None:
        tmp = self.index_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.index_file)

    def ensure(self) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)

    def cached_ids(self) -> list[str]:
        if not self.cache.exists():
            return []
        return sorted(p.stem for p in self.cache.glob("*.pkl"))

    def load(self, doc_id: str) -> tuple[NormalisedDocument, DocumentExtraction] | None:
        path = self.cache / f"{doc_id}.pkl"
        if not path.exists():
            return None
        # the layout's version is a record of its own, read first: a cache written by other code (whose
        # classes have other fields) is made again, never unpickled into the classes of this one
        try:
            with path.open("rb") as fh:
                if pickle.load(fh) != GRAPH_SCHEMA_VERSION:
                    return None
                entry = pickle.load(fh)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError):
            return None  # an older cache's single record, or a file cut short
        return entry["document"], entry["extraction"]

    def save(self, doc: NormalisedDocument, extraction: DocumentExtraction, source_sha: str) -> None:
        self.ensure()
        tmp = self.cache / f"{doc.id}.pkl.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(GRAPH_SCHEMA_VERSION, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(
                {"document": doc, "extraction": extraction, "sha256": source_sha},
                fh,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        tmp.replace(self.cache / f"{doc.id}.pkl")

    def write_shard(self, doc_id: str, shard: bytes) -> Path:
        """Writes `shards/<doc_id>.nq` (whole or not at all)."""
        self.shards.mkdir(parents=True, exist_ok=True)
        path = self.shards / f"{doc_id}.nq"
        tmp = path.with_suffix(".nq.tmp")
        tmp.write_bytes(shard)
        tmp.replace(path)
        return path

    def read_links_record(self) -> dict[str, object]:
        try:
            return json.loads(self.links_file.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
        except (OSError, ValueError):
            return {}

    def write_links_record(self, record: dict[str, object]) -> None:
        tmp = self.links_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(self.links_file)

    def links_spool(self) -> Path:
        """An empty folder for the links graphs of this build's linking (what a crashed build left in it
        is dropped)."""
        self.clear_links_spool()
        self.spool.mkdir(parents=True)
        return self.spool

    def clear_links_spool(self) -> None:
        shutil.rmtree(self.spool, ignore_errors=True)

    def write_quarantine(self, outcomes: Iterable[Outcome]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        rows = [asdict(o) for o in outcomes if o.status == "quarantined"]
        tmp = self.quarantine_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.quarantine_file)


def sha256_file(path: Path, limit: int | None = None) -> str | None:
    """The file's sha256, streamed; None when it is not a regular file of at most `limit` bytes (default:
    the setting max_file_bytes) or cannot be read — `read_raw` then refuses it with its typed reason.
    Nothing is read from a pipe or a device, and nothing past the limit."""
    import os

    from policykg.ingest.raw import open_regular

    limit = Settings().max_file_bytes if limit is None else limit
    try:
        with open(open_regular(path), "rb") as fh:
            if os.fstat(fh.fileno()).st_size > limit:
                return None
            h = hashlib.sha256()
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
                if fh.tell() > limit:  # grew while being read
                    return None
            return h.hexdigest()
    except (PolicyKGError, OSError):
        return None


def place(path: Path, doc: NormalisedDocument, index: dict[str, dict[str, str]],
          built_texts: dict[str, tuple[str, str]], seen_hashes: dict[str, str]) -> Outcome | None:
    """Records a read file in the index: a duplicate's outcome (same normalised text as a document of
    this batch or of an earlier build), or None for a new document."""
    key = str(path.resolve())
    earlier = built_texts.get(doc.content_hash)
    original = seen_hashes.get(doc.content_hash) or (earlier[1] if earlier and earlier[0] != key else None)
    index[key] = {"sha256": doc.sha256, "document": original or doc.id, "content_hash": doc.content_hash}
    if original:
        return Outcome(str(path), "skipped", document=original, code="duplicate", message=f"same text as {original}")
    seen_hashes[doc.content_hash] = doc.id
    return None


def place_twin(path: Path, twin: Outcome, twin_path: Path, index: dict[str, dict[str, str]],
                outcome_at: dict[int, Outcome], pos: int) -> None:
    """The outcome of a file whose bytes equal those of `twin_path`, already processed in this batch."""
    if twin.status == "quarantined":
        outcome_at[pos] = Outcome(str(path), "quarantined", code=twin.code,
                                  message=f"same bytes as {twin_path.name}: {twin.message}")
        return
    entry = index.get(str(twin_path.resolve()))
    if entry is not None:
        index[str(path.resolve())] = dict(entry)
    outcome_at[pos] = Outcome(str(path), "skipped", document=twin.document, code="duplicate",
                              message=f"same text as {twin.document}")

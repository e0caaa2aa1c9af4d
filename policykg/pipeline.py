"""The build: files → normalised documents → extractions → links → triples in the store.

Data flows one way through the stages. Each input file ends in exactly one of three outcomes —
ok, quarantined (with a typed reason) or skipped (unchanged since the last build, or a duplicate of
another input) — so the summary always adds up to the input. Every document's graph is a pure
function of the document and the shared lexicons; the links graph is recomputed from all documents
the store holds, whose normalised form and extraction are cached beside the store.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import pickle
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from policykg import __version__
from policykg.errors import FileVanished, PolicyKGError
from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.settings import Settings

SUPPORTED_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf", ".md")

#: Bumped whenever extraction or mapping changes what a document's graph holds, so that a rebuild with
#: new code replaces graphs even when the document text did not change.
GRAPH_SCHEMA_VERSION = f"{__version__}+1"


@dataclass(slots=True)
class Outcome:
    path: str
    status: str  # "ok" | "quarantined" | "skipped"
    document: str | None = None
    code: str | None = None
    message: str | None = None


@dataclass(slots=True)
class BuildSummary:
    outcomes: list[Outcome] = field(default_factory=list)
    links: int = 0
    quads: int = 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> int:
        return self.count("ok")

    @property
    def quarantined(self) -> int:
        return self.count("quarantined")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def total(self) -> int:
        return len(self.outcomes)

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "quarantined": self.quarantined,
            "skipped": self.skipped,
            "total": self.total,
            "links": self.links,
            "quads": self.quads,
            "outcomes": [asdict(o) for o in self.outcomes],
        }


ProgressHook = Callable[[str, int, int], None]  # (stage, done, total)


def discover(paths: Sequence[str | Path] | None) -> list[Path]:
    """Files to build: the given files, the supported files under the given folders, or the default corpus."""
    from policykg.ingest.manifest import default_corpus_files

    if not paths:
        return list(default_corpus_files())
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            found.append(p)
    return found


class Workspace:
    """The store directory: the RDF store itself plus the per-document cache and the quarantine list."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.cache = self.root / "documents"
        self.rdf = self.root / "rdf"
        self.quarantine_file = self.root / "quarantine.json"
        self.index_file = self.root / "index.json"

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
        with path.open("rb") as fh:
            entry = pickle.load(fh)
        if entry.get("schema") != GRAPH_SCHEMA_VERSION:
            return None
        return entry["document"], entry["extraction"]

    def save(self, doc: NormalisedDocument, extraction: DocumentExtraction, source_sha: str) -> None:
        self.ensure()
        tmp = self.cache / f"{doc.id}.pkl.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(
                {"schema": GRAPH_SCHEMA_VERSION, "document": doc, "extraction": extraction, "sha256": source_sha},
                fh,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        tmp.replace(self.cache / f"{doc.id}.pkl")

    def write_quarantine(self, outcomes: Iterable[Outcome]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        rows = [asdict(o) for o in outcomes if o.status == "quarantined"]
        tmp = self.quarantine_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.quarantine_file)


def document_version(doc: NormalisedDocument) -> str:
    """What a document's graph depends on: its normalised text, its metadata and the code's schema version."""
    h = hashlib.sha256()
    h.update(doc.content_hash.encode())
    h.update(repr(asdict(doc.metadata)).encode())
    h.update(GRAPH_SCHEMA_VERSION.encode())
    return h.hexdigest()


def process_file(path: Path, entry: object | None, settings: Settings) -> tuple[NormalisedDocument, DocumentExtraction]:
    """Ingest and extract one file; raises a typed IngestError for the caller to quarantine."""
    from policykg.extract.document import extract_document
    from policykg.ingest import normalise, read_raw

    raw = read_raw(path, settings)
    doc = normalise(raw, entry, settings)  # type: ignore[arg-type]
    return doc, extract_document(doc)


def _attempt(path: Path, entry: object | None, settings: Settings) -> tuple[Path, object]:
    """process_file, with every expected failure turned into an Outcome (runs in worker processes too)."""
    try:
        if not path.exists():
            raise FileVanished(f"{path.name}: the file is no longer there")
        return path, process_file(path, entry, settings)
    except PolicyKGError as exc:
        return path, Outcome(str(path), "quarantined", code=exc.code, message=exc.message)
    except (OSError, ValueError, UnicodeError, RecursionError, MemoryError) as exc:
        return path, Outcome(str(path), "quarantined", code="unreadable", message=f"{type(exc).__name__}: {exc}")


def _worker_count(settings: Settings, n_files: int) -> int:
    workers = settings.workers or (os.cpu_count() or 1)
    # A worker pays ~1 s to load the lexicons; below a few files per worker one process is faster.
    return max(1, min(workers, n_files // 4))


def _process_all(todo: list[tuple[Path, object | None]], settings: Settings, progress: ProgressHook | None):  # type: ignore[no-untyped-def]
    """Yield (path, result) in input order, in parallel processes when the batch is large enough."""
    workers = _worker_count(settings, len(todo))
    if workers <= 1:
        for i, (path, entry) in enumerate(todo):
            yield _attempt(path, entry, settings)
            if progress:
                progress("ingest+extract", i + 1, len(todo))
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        futures = [pool.submit(_attempt, path, entry, settings) for path, entry in todo]
        for i, fut in enumerate(futures):
            yield fut.result()
            if progress:
                progress("ingest+extract", i + 1, len(todo))


def build(
    paths: Sequence[str | Path] | None = None,
    settings: Settings | None = None,
    progress: ProgressHook | None = None,
    store: object | None = None,
) -> BuildSummary:
    """Build the given files (default: the bundled corpus) into the store named by `settings.store`.

    A file whose bytes are unchanged since it was last built is skipped before it is read further, so a
    re-run processes only what is new or what failed before.
    """
    from policykg.graph.store import open_store
    from policykg.ingest.manifest import load_manifest

    settings = settings or Settings()
    ws = Workspace(settings.store)
    ws.ensure()
    files = discover(paths)
    manifest = load_manifest()
    index = ws.read_index()
    summary = BuildSummary()
    outcome_at: dict[int, Outcome] = {}
    todo: list[tuple[int, Path, object | None]] = []
    for pos, path in enumerate(files):
        key = str(path.resolve())
        sha = _sha256_file(path)
        known = index.get(key)
        if sha and known and known.get("sha256") == sha and ws.load(known["document"]) is not None:
            outcome_at[pos] = Outcome(str(path), "skipped", document=known["document"], code="unchanged",
                                      message="already built from these bytes")
        else:
            todo.append((pos, path, manifest.get(key)))

    fresh: dict[str, tuple[NormalisedDocument, DocumentExtraction, str]] = {}
    # Duplicates are found by normalised text, among this batch and everything built before.
    built_texts = {e["content_hash"]: (key, e["document"]) for key, e in index.items() if "content_hash" in e}
    seen_hashes: dict[str, str] = {}
    results = _process_all([(p, e) for _, p, e in todo], settings, progress)
    for (pos, path, _), (_, result) in zip(todo, results, strict=True):
        if isinstance(result, Outcome):
            outcome_at[pos] = result
            continue
        doc, extraction = result  # type: ignore[misc]
        key = str(path.resolve())
        earlier = built_texts.get(doc.content_hash)
        original = seen_hashes.get(doc.content_hash) or (earlier[1] if earlier and earlier[0] != key else None)
        index[key] = {"sha256": doc.sha256, "document": original or doc.id, "content_hash": doc.content_hash}
        if original:
            outcome_at[pos] = Outcome(str(path), "skipped", document=original, code="duplicate",
                                      message=f"same text as {original}")
            continue
        seen_hashes[doc.content_hash] = doc.id
        fresh[doc.id] = (doc, extraction, doc.sha256)
        outcome_at[pos] = Outcome(str(path), "ok", document=doc.id)
    summary.outcomes = [outcome_at[i] for i in range(len(files))]

    if store is not None:  # a running service passes the store it already holds open
        _write(store, ws, fresh, summary, settings, progress)
        summary.quads = store.quad_count()  # type: ignore[attr-defined]
    else:
        with open_store(settings) as opened:
            _write(opened, ws, fresh, summary, settings, progress)
            summary.quads = opened.quad_count()
    ws.write_index(index)
    ws.write_quarantine(summary.outcomes)
    return summary


def _sha256_file(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def _write(store, ws: Workspace, fresh, summary: BuildSummary, settings: Settings, progress) -> None:  # type: ignore[no-untyped-def]
    from policykg.link import link_corpus
    from policykg.ontology.rdf import document_quads, links_quads, reference_quads
    from policykg.ontology.vocab import LINKS_GRAPH, REFERENCE_GRAPH, graph_iri

    store.replace_graph(REFERENCE_GRAPH, reference_quads(), version=GRAPH_SCHEMA_VERSION + reference_version())
    total = len(fresh)
    for n, (doc_id, (doc, extraction, sha)) in enumerate(sorted(fresh.items())):
        changed = store.replace_graph(graph_iri(doc_id), document_quads(doc, extraction), version=document_version(doc))
        ws.save(doc, extraction, sha)
        if not changed:
            for o in summary.outcomes:
                if o.document == doc_id and o.status == "ok":
                    o.status, o.code, o.message = "skipped", "unchanged", "already in the store at this version"
        if progress:
            progress("store", n + 1, total)

    docs: list[NormalisedDocument] = []
    extractions: dict[str, DocumentExtraction] = {}
    for doc_id in ws.cached_ids():
        loaded = ws.load(doc_id)
        if loaded is None:
            continue
        docs.append(loaded[0])
        extractions[doc_id] = loaded[1]
    links = link_corpus(docs, extractions, settings)
    quads = links_quads(links)
    summary.links = len(links.clauses)
    store.replace_graph(LINKS_GRAPH, quads, version=_quads_version(quads))
    if progress:
        progress("link", 1, 1)


def reference_version() -> str:
    """Hash of the shared lexicons (ontology, concept scheme, unit registry) the reference graph is made from."""
    import policykg.ontology

    root = Path(policykg.ontology.__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.glob("*.t*")):
        if p.suffix in (".ttl", ".toml"):
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _quads_version(quads: Sequence[object]) -> str:
    h = hashlib.sha256()
    for q in sorted(str(q) for q in quads):
        h.update(q.encode())
    return h.hexdigest()


_UPLOAD_NAME = re.compile(r"[^0-9A-Za-z._\-\u4e00-\u9fff]+")


def ingest_upload(store: object, filename: str, data: bytes, settings: Settings) -> dict[str, object]:
    """Adds one uploaded document to a running store: saved under the store's uploads/, then built.

    The same bytes uploaded twice are skipped the second time; a file that fails is quarantined
    and reported with its typed reason, like any file of a build.
    """
    name = _UPLOAD_NAME.sub("_", Path(filename or "upload").name).strip("._") or "upload"
    digest = hashlib.sha256(data).hexdigest()[:12]
    folder = Workspace(settings.store).root / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(name).stem[:80]}-{digest}{Path(name).suffix.lower()[:8]}"
    if not path.exists():
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    summary = build([path], settings.replace(workers=1), store=store)
    outcome = summary.outcomes[0]
    return {"status": outcome.status, "document": outcome.document, "code": outcome.code,
            "message": outcome.message, "links": summary.links}

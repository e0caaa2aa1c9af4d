"""The build: files → normalised documents → extractions → links → triples in the store.

Data flows one way through the stages. Each input file ends in exactly one of three outcomes —
ok, quarantined (with a typed reason) or skipped (unchanged since the last build, or a duplicate of
another input) — so the summary always adds up to the input. Every document's graph is a pure
function of the document and the shared lexicons, computed by the map step (`map_document`) on the
executor of the `executor` setting and kept as an N-Quads shard beside the store; the links graph
is recomputed from all documents the store holds (their normalised form and extraction are cached
beside the store) when one of them changed. See docs/build.md.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from policykg import __version__
from policykg.errors import PolicyKGError
from policykg.extract.model import DocumentExtraction
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.raw import is_supported
from policykg.settings import Settings

#: Bumped whenever extraction or mapping changes what a document's graph holds, so that a rebuild with
#: new code replaces graphs even when the document text did not change.
GRAPH_SCHEMA_VERSION = f"{__version__}+3"


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
    """Files to build: the given files, the supported files under the given folders, or the default corpus.

    A path that does not exist is an error (PathNotFound): nothing is built. Anything else named, or
    found under a folder with a supported name — a named pipe, a device, a socket, a loop of symbolic
    links — is returned unopened, so that the build gives it its typed outcome and counts it.
    """
    from os.path import lexists

    from policykg.errors import PathNotFound
    from policykg.ingest.manifest import default_corpus_files
    from policykg.ingest.raw import loop_safe

    if not paths:
        return list(default_corpus_files())
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(loop_safe(f) for f in p.rglob("*") if is_supported(f.name) and not f.is_dir()))
        elif lexists(p):
            found.append(loop_safe(p))
        else:
            raise PathNotFound(f"{p}: no such file or folder")
    return found


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
    """process_file, with every expected failure turned into an Outcome (runs in worker processes too).

    A file that is gone, not a regular file or a loop of links fails in `read_raw` with its typed
    reason; messages name the file, never its folder.
    """
    try:
        return path, process_file(path, entry, settings)
    except PolicyKGError as exc:
        return path, Outcome(str(path), "quarantined", code=exc.code, message=exc.message)
    except OSError as exc:
        return path, Outcome(str(path), "quarantined", code="unreadable",
                             message=f"{path.name}: {exc.strerror or type(exc).__name__}")
    except (ValueError, UnicodeError, RecursionError, MemoryError) as exc:
        return path, Outcome(str(path), "quarantined", code="unreadable", message=f"{type(exc).__name__}: {exc}")


@dataclass(slots=True)
class MappedDocument:
    """The map step's result for one file: the document, its extraction and its graph as N-Quads."""

    document: NormalisedDocument
    extraction: DocumentExtraction
    version: str
    data: bytes  # the quads of the document's graph, N-Quads

    @property
    def shard(self) -> bytes:
        """The document's shard: its graph's quads followed by the graph's version record."""
        from policykg.ontology.vocab import graph_iri

        return self.data + version_record(graph_iri(self.document.id), self.version)


def version_record(graph: str, version: str) -> bytes:
    """The N-Quads line that ends a shard: the graph's version, in the meta graph."""
    import pyoxigraph as ox

    from policykg.graph.store import META_GRAPH, VERSION

    record = ox.Quad(ox.NamedNode(graph), ox.NamedNode(VERSION), ox.Literal(version), ox.NamedNode(META_GRAPH))
    return ox.serialize([record], format=ox.RdfFormat.N_QUADS) or b""


def document_shard(doc: NormalisedDocument, extraction: DocumentExtraction) -> tuple[str, bytes]:
    """(version, N-Quads) of a document's graph, without its version record."""
    import pyoxigraph as ox

    from policykg.graph.rdf_documents import document_quads

    body = ox.serialize(document_quads(doc, extraction), format=ox.RdfFormat.N_QUADS)
    return document_version(doc), body or b""


def map_document(path: Path, entry: object | None, settings: Settings) -> tuple[Path, object]:
    """The per-document step of a build — a pure function of the file and the shared lexicons.

    Returns (path, MappedDocument) or (path, Outcome) for a file to quarantine. Runs in whatever
    process or machine the executor picks.
    """
    path, result = _attempt(path, entry, settings)
    if isinstance(result, Outcome):
        return path, result
    assert isinstance(result, tuple)
    doc: NormalisedDocument = result[0]
    extraction: DocumentExtraction = result[1]
    version, data = document_shard(doc, extraction)
    return path, MappedDocument(doc, extraction, version, data)


def _worker_count(settings: Settings, n_files: int) -> int:
    from policykg.executors import worker_count

    return worker_count(settings.workers, n_files)


def build(
    paths: Sequence[str | Path] | None = None,
    settings: Settings | None = None,
    progress: ProgressHook | None = None,
    store: object | None = None,
) -> BuildSummary:
    """Build the given files (default: the bundled corpus) into the store named by `settings.store`.

    A file whose bytes are unchanged since it was last built is skipped before it is read further, so a
    re-run processes only what is new or what failed before. The per-document step runs on the
    executor of `settings.executor`; each document's graph is written as it arrives, first as its
    N-Quads shard (`shards/<id>.nq`), then into the store as one transaction.
    """
    from policykg.graph.store import open_store

    settings = settings or Settings()
    if store is not None:  # a running service passes the store it already holds open
        summary = _build(paths, settings, progress, store)
        summary.quads = store.quad_count()  # type: ignore[attr-defined]
        return summary
    with open_store(settings) as opened:
        opened.bulk_writes = True  # no one else reads this store while the build holds it
        summary = _build(paths, settings, progress, opened)
        summary.quads = opened.quad_count()
    return summary


def _build(paths: Sequence[str | Path] | None, settings: Settings, progress: ProgressHook | None,
           store: Any) -> BuildSummary:
    from policykg.executors import open_executor
    from policykg.ingest.manifest import load_manifest

    ws = Workspace(settings.store)
    ws.ensure()
    files = discover(paths)
    manifest = load_manifest()
    # a bundled document keeps its manifest entry, so its id, whichever route or path brings its bytes
    manifest_by_sha = {sha: e for e in manifest.values() if (sha := _sha256_file(e.path))}
    index = ws.read_index()
    summary = BuildSummary()
    outcome_at: dict[int, Outcome] = {}
    todo: list[tuple[int, Path, object | None]] = []
    # A file with the same bytes as another one of this batch is not read again: it ends as its twin does.
    first_with: dict[str, int] = {}
    twin_of: dict[int, int] = {}
    for pos, path in enumerate(files):
        key = str(path.resolve())
        sha = _sha256_file(path)
        known = index.get(key)
        if sha and known and known.get("sha256") == sha and ws.load(known["document"]) is not None:
            outcome_at[pos] = Outcome(str(path), "skipped", document=known["document"], code="unchanged",
                                      message="already built from these bytes")
        elif sha and sha in first_with:
            twin_of[pos] = first_with[sha]
        else:
            if sha:
                first_with[sha] = pos
            todo.append((pos, path, manifest.get(key) or (manifest_by_sha.get(sha) if sha else None)))

    # Duplicates are found by normalised text, among this batch and everything built before.
    built_texts = {e["content_hash"]: (key, e["document"]) for key, e in index.items() if "content_hash" in e}
    seen_hashes: dict[str, str] = {}
    fresh: dict[str, MappedDocument] = {}
    writes: list[tuple[int, Path, str, Future[list[bool]], int]] = []
    written = 0
    # A service's build writes each document as it comes; a build holding the store alone, in batches.
    batch_limit = settings.store_batch_mb * 1_000_000 if getattr(store, "bulk_writes", False) else 0

    def write(batch: list[MappedDocument]) -> list[bool]:
        """Shards, then graphs, then cache entries: a crash between two of them is redone by the next build."""
        from policykg.graph.store import GraphData
        from policykg.ontology.vocab import graph_iri

        nonlocal written
        for m in batch:
            ws.write_shard(m.document.id, m.shard)
        changed = store.write_graphs([GraphData(graph_iri(m.document.id), m.version, m.data) for m in batch])
        for m in batch:
            ws.save(m.document, m.extraction, m.document.sha256)
            m.data = b""  # written and kept on disk: only the document and extraction stay for linking
        written += len(batch)
        if progress:
            progress("store", written, len(todo))
        return changed

    # One writer thread: the store releases the GIL while it writes, so graphs are written while this
    # thread takes the next results. At most one batch is being written while the next one fills: when
    # the store is the slower side, the map step waits instead of piling results up in memory.
    links: Any = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="policykg-store") as writer:
        reference = writer.submit(_write_reference, store)
        executor = open_executor(settings.executor, settings.workers, len(todo)) if todo else None
        batch: list[tuple[int, Path, MappedDocument]] = []
        batch_bytes = 0
        in_flight: Future[list[bool]] | None = None

        def flush() -> None:
            nonlocal batch, batch_bytes, in_flight
            if not batch:
                return
            if in_flight is not None:
                in_flight.result()
            in_flight = writer.submit(write, [m for _, _, m in batch])
            writes.extend((pos, path, m.document.id, in_flight, n) for n, (pos, path, m) in enumerate(batch))
            batch, batch_bytes = [], 0

        try:
            results = executor.map(map_document, [(p, e, settings) for _, p, e in todo]) if executor else iter(())
            for done, ((pos, path, _), (_, result)) in enumerate(zip(todo, results, strict=True), start=1):
                if progress:
                    progress("ingest+extract", done, len(todo))
                placed = _place(path, result, index, built_texts, seen_hashes)
                if isinstance(placed, Outcome):
                    outcome_at[pos] = placed
                    continue
                fresh[placed.document.id] = placed
                batch.append((pos, path, placed))
                batch_bytes += len(placed.data)
                if batch_bytes >= batch_limit:
                    flush()
            flush()
        finally:
            if executor is not None:
                executor.close()
        links = _compute_links(store, ws, fresh, settings)
        fresh.clear()
    reference.result()
    for pos, path, doc_id, fut, n in writes:
        if fut.result()[n]:
            outcome_at[pos] = Outcome(str(path), "ok", document=doc_id)
        else:
            outcome_at[pos] = Outcome(str(path), "skipped", document=doc_id, code="unchanged",
                                      message="already in the store at this version")
    for pos, twin in twin_of.items():
        _place_twin(files[pos], outcome_at[twin], files[twin], index, outcome_at, pos)
    summary.outcomes = [outcome_at[i] for i in range(len(files))]
    _write_links(store, ws, links, summary, batch_limit)
    if progress:
        progress("link", 1, 1)
    ws.write_index(index)
    ws.write_quarantine(summary.outcomes)
    return summary


def _place(path: Path, result: object, index: dict[str, dict[str, str]],
           built_texts: dict[str, tuple[str, str]], seen_hashes: dict[str, str]) -> Outcome | MappedDocument:
    """A mapped file's outcome, or the MappedDocument to write when it is a new document."""
    if isinstance(result, Outcome):
        return result
    assert isinstance(result, MappedDocument)
    doc = result.document
    key = str(path.resolve())
    earlier = built_texts.get(doc.content_hash)
    original = seen_hashes.get(doc.content_hash) or (earlier[1] if earlier and earlier[0] != key else None)
    index[key] = {"sha256": doc.sha256, "document": original or doc.id, "content_hash": doc.content_hash}
    if original:
        return Outcome(str(path), "skipped", document=original, code="duplicate", message=f"same text as {original}")
    seen_hashes[doc.content_hash] = doc.id
    return result


def _place_twin(path: Path, twin: Outcome, twin_path: Path, index: dict[str, dict[str, str]],
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


def store_shard(store: Any, shard: bytes | Path) -> bool:
    """Writes one document shard (its quads and version record) into a store of any backend.

    The graph is replaced as one transaction, or left alone (False) when the store already holds it
    at the shard's version.
    """
    import pyoxigraph as ox

    from policykg.errors import BadRequest
    from policykg.graph.store import META_GRAPH, VERSION

    if isinstance(shard, Path):
        quads = list(ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS))
    else:
        quads = list(ox.parse(shard, ox.RdfFormat.N_QUADS))
    records = [q for q in quads if q.graph_name == ox.NamedNode(META_GRAPH) and q.predicate.value == VERSION]
    if len(records) != 1 or not isinstance(records[0].subject, ox.NamedNode):
        raise BadRequest("a shard holds one graph and exactly one version record")
    graph, version = records[0].subject.value, records[0].object.value
    return bool(store.replace_graph(graph, (q for q in quads if q is not records[0]), version=version))


def load_shards(folder: str | Path, settings: Settings | None = None, store: Any = None) -> dict[str, int]:
    """Loads every `*.nq` shard of `folder` (e.g. written by a build on other machines) into a store.

    Each shard replaces its document's graph atomically; shards already in the store at their
    version write nothing. Returns counts of shards written and unchanged.
    """
    from policykg.graph.store import open_store

    counts = {"written": 0, "unchanged": 0}
    shards = sorted(Path(folder).glob("*.nq"))

    def run(target: Any) -> None:
        for shard in shards:
            counts["written" if store_shard(target, shard) else "unchanged"] += 1

    if store is not None:
        run(store)
    else:
        with open_store(settings or Settings()) as opened:
            run(opened)
    return counts


def _sha256_file(path: Path, limit: int | None = None) -> str | None:
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


def _write_reference(store: Any) -> None:
    """The reference graph, computed only when the stored one is not at the lexicons' version."""
    from policykg.ontology.reference import reference_quads
    from policykg.ontology.vocab import REFERENCE_GRAPH

    def quads() -> Iterator[Any]:
        yield from reference_quads()

    store.replace_graph(REFERENCE_GRAPH, quads(), version=GRAPH_SCHEMA_VERSION + reference_version())


def links_version(versions: dict[str, str], settings: Settings) -> str:
    """What the links graph depends on: every cached document's version, the linker's and the link settings."""
    from policykg.link import LINKER_VERSION

    h = hashlib.sha256(GRAPH_SCHEMA_VERSION.encode())
    h.update(f"linker={LINKER_VERSION}\n".encode())
    for doc_id, version in sorted(versions.items()):
        h.update(f"{doc_id}={version}\n".encode())
    for name, value in sorted(settings.as_dict().items()):
        if name.startswith("link_"):
            h.update(f"{name}={value!r}\n".encode())
    return "inputs:" + h.hexdigest()


@dataclass(slots=True)
class _Links:
    version: str
    clauses: int
    corpus: Any = None  # the CorpusLinks to write; None when the stored links graph is already at `version`


def _compute_links(store: Any, ws: Workspace, fresh: dict[str, MappedDocument], settings: Settings) -> _Links:
    """The links of every document of the store: the cached ones and this build's new ones.

    Recomputed only when an input changed (see `links_version`); otherwise the recorded count is kept.
    """
    from policykg.link import link_corpus
    from policykg.ontology.vocab import LINKS_GRAPH

    docs: dict[str, NormalisedDocument] = {}
    extractions: dict[str, DocumentExtraction] = {}
    for doc_id in ws.cached_ids():
        if doc_id in fresh:
            continue
        loaded = ws.load(doc_id)
        if loaded is not None:
            docs[doc_id], extractions[doc_id] = loaded
    for doc_id, mapped in fresh.items():
        docs[doc_id], extractions[doc_id] = mapped.document, mapped.extraction
    version = links_version({i: document_version(d) for i, d in docs.items()}, settings)
    recorded = ws.read_links_record()
    if store.graph_version(LINKS_GRAPH) == version and recorded.get("version") == version:
        return _Links(version, int(str(recorded.get("clauses", 0))))
    links = link_corpus([docs[i] for i in sorted(docs)], extractions, settings)
    return _Links(version, len(links.clauses), links)


def write_in_batches(store: Any, graphs: Iterable[Any], limit: int) -> list[bool]:
    """Writes graphs (GraphData) through `store.write_graphs`, in batches of about `limit` bytes of
    N-Quads (0: one graph at a time); True for each graph written."""
    written: list[bool] = []
    batch: list[Any] = []
    size = 0
    for graph in graphs:
        batch.append(graph)
        size += len(graph.nquads)
        if size >= limit:
            written += store.write_graphs(batch)
            batch, size = [], 0
    if batch:
        written += store.write_graphs(batch)
    return written


def _write_links(store: Any, ws: Workspace, links: _Links, summary: BuildSummary, batch_limit: int) -> None:
    """Writes the links graphs: one per source document (only those whose links changed are rewritten),
    then LINKS_GRAPH, whose version records the inputs the links were computed from."""
    import pyoxigraph as ox

    from policykg.graph.rdf_links import links_graphs
    from policykg.graph.store import GraphData
    from policykg.ontology.vocab import LINKS_GRAPH

    summary.links = links.clauses
    if links.corpus is None:
        return
    corpus, links.corpus = links.corpus, None
    stale = {g for g in store.graphs() if g.startswith(LINKS_GRAPH + "/")}
    document_links: list[ox.Quad] = []

    def clause_link_graphs() -> Iterator[GraphData]:
        for iri, quads in links_graphs(corpus):
            if iri == LINKS_GRAPH:
                document_links.extend(quads)
                continue
            stale.discard(iri)
            data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
            # The links come in a deterministic order, so the serialisation itself is a content version.
            yield GraphData(iri, "sha256:" + hashlib.sha256(data).hexdigest()[:32], data)

    write_in_batches(store, clause_link_graphs(), batch_limit)
    for gone in sorted(stale):
        store.remove_graph(gone)
    store.replace_graph(LINKS_GRAPH, document_links, version=links.version)
    ws.write_links_record({"version": links.version, "clauses": links.clauses})


def reference_version() -> str:
    """Hash of the shared lexicons (ontology, concept scheme, unit registry) the reference graph is made from."""
    import policykg.ontology

    root = Path(policykg.ontology.__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.glob("*.t*")):
        if p.suffix in (".ttl", ".toml"):
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


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
    summary = build([path], settings.replace(workers=1, executor="local"), store=store)
    outcome = summary.outcomes[0]
    return {"status": outcome.status, "document": outcome.document, "code": outcome.code,
            "message": outcome.message, "links": summary.links}

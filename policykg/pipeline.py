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

import functools
import hashlib
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.errors import PolicyKGError
from policykg.extract.model import DocumentExtraction
from policykg.graph.answer_index import AnswerIndex
from policykg.graph.answer_rows import DocumentRows
from policykg.graph.shards import version_record, write_in_batches
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.raw import is_supported
from policykg.outcomes import BuildSummary, Outcome, ProgressHook
from policykg.settings import Settings
from policykg.versions import GRAPH_SCHEMA_VERSION, document_version, links_version, reference_version
from policykg.workspace import Workspace, place, place_twin, sha256_file


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
    rows: DocumentRows  # what the answer index holds of the graph

    @property
    def shard(self) -> bytes:
        """The document's shard: its graph's quads followed by the graph's version record."""
        from policykg.ontology.vocab import graph_iri

        return self.data + version_record(graph_iri(self.document.id), self.version)


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
    from policykg.graph.answer_rows import document_rows
    from policykg.graph.rdf_documents import document_nquads
    from policykg.ontology.vocab import graph_iri

    data = document_nquads(doc, extraction)
    version = document_version(doc)
    return path, MappedDocument(doc, extraction, version, data, document_rows(graph_iri(doc.id), version, data))


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
        summary.quads = store.recorded_quad_count()  # type: ignore[attr-defined]
        return summary
    with open_store(settings) as opened:
        opened.bulk_writes = True  # no one else reads this store while the build holds it
        summary = _build(paths, settings, progress, opened)
        summary.quads = opened.recorded_quad_count()
    return summary


def _build(paths: Sequence[str | Path] | None, settings: Settings, progress: ProgressHook | None,
           store: Any) -> BuildSummary:
    from policykg.executors import open_executor
    from policykg.ingest.manifest import load_manifest

    ws = Workspace(settings.store)
    ws.ensure()
    answers = AnswerIndex.of(settings)
    files = discover(paths)
    manifest = load_manifest()
    # a bundled document keeps its manifest entry, so its id, whichever route or path brings its bytes
    manifest_by_sha = {sha: e for e in manifest.values() if (sha := sha256_file(e.path))}
    index = ws.read_index()
    summary = BuildSummary()
    outcome_at: dict[int, Outcome] = {}
    todo: list[tuple[int, Path, object | None]] = []
    # A file with the same bytes as another one of this batch is not read again: it ends as its twin does.
    first_with: dict[str, int] = {}
    twin_of: dict[int, int] = {}
    for pos, path in enumerate(files):
        key = str(path.resolve())
        sha = sha256_file(path)
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
        if answers is not None:
            answers.write([m.rows for m in batch])
        for m in batch:
            ws.save(m.document, m.extraction, m.document.sha256)
            m.data = b""  # written and kept on disk: only the document and extraction stay for linking
            m.rows = DocumentRows(m.rows.graph, m.rows.version)  # in the answer index now
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
                placed = result if isinstance(result, Outcome) else place(
                    path, result.document, index, built_texts, seen_hashes) or result
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
        links = _compute_links(store, ws, fresh, settings, progress)
        fresh.clear()
    reference.result()
    for pos, path, doc_id, fut, n in writes:
        if fut.result()[n]:
            outcome_at[pos] = Outcome(str(path), "ok", document=doc_id)
        else:
            outcome_at[pos] = Outcome(str(path), "skipped", document=doc_id, code="unchanged",
                                      message="already in the store at this version")
    for pos, twin in twin_of.items():
        place_twin(files[pos], outcome_at[twin], files[twin], index, outcome_at, pos)
    summary.outcomes = [outcome_at[i] for i in range(len(files))]
    _write_links(store, ws, links, summary, batch_limit, answers)
    if answers is not None:
        answers.sync(store)  # graphs this build did not write (unchanged, or written by other means)
    ws.write_index(index)
    ws.write_quarantine(summary.outcomes)
    return summary


def _write_reference(store: Any) -> None:
    """The reference graph, computed only when the stored one is not at the lexicons' version; written as
    the documents' graphs are (a new store loads it in bulk)."""
    import pyoxigraph as ox

    from policykg.graph.store import GraphData
    from policykg.ontology.reference import reference_quads
    from policykg.ontology.vocab import REFERENCE_GRAPH

    version = GRAPH_SCHEMA_VERSION + reference_version()
    if store.graph_version(REFERENCE_GRAPH) != version:
        data = ox.serialize(reference_quads(), format=ox.RdfFormat.N_QUADS) or b""
        store.write_graphs([GraphData(REFERENCE_GRAPH, version, data)])


@dataclass(slots=True)
class _Links:
    version: str
    clauses: int
    corpus: Any = None  # the CorpusLinks to write; None when the stored links graph is already at `version`


def _compute_links(store: Any, ws: Workspace, fresh: dict[str, MappedDocument], settings: Settings,
                   progress: ProgressHook | None = None) -> _Links:
    """The links of every document of the store: the cached ones and this build's new ones.

    Recomputed only when an input changed (see `links_version`); otherwise the recorded count is kept.
    """
    from policykg.graph.link_graphs import spool_clause_links
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
    hook = (lambda done, total: progress("link", done, total)) if progress else None
    # each document's clause links become its links graph's N-Quads where they are found, spooled to disk
    spool = ws.links_spool()
    links = link_corpus([docs[i] for i in sorted(docs)], extractions, settings, hook,
                        encode=functools.partial(spool_clause_links, spool))
    return _Links(version, links.clause_count, links)


def _write_links(store: Any, ws: Workspace, links: _Links, summary: BuildSummary, batch_limit: int,
                 answers: AnswerIndex | None) -> None:
    """Writes the links graphs: one per source document (only those whose links changed are rewritten),
    each batch's answer rows after it, then LINKS_GRAPH, whose version records the inputs the links were
    computed from."""
    from policykg.graph.rdf_links import document_links_quads
    from policykg.graph.store import GraphData
    from policykg.ontology.vocab import LINKS_GRAPH

    summary.links = links.clauses
    if links.corpus is None:
        return
    corpus, links.corpus = links.corpus, None
    stale = {g for g in store.graphs() if g.startswith(LINKS_GRAPH + "/")}
    spooled: dict[str, Any] = {}  # graph IRI → its SpooledGraph, until its batch is written

    def clause_link_graphs() -> Iterator[GraphData]:
        for doc_id in list(corpus.encoded):
            found = corpus.encoded.pop(doc_id)
            graph = found.read()  # one graph at a time from the spool
            stale.discard(graph.iri)
            spooled[graph.iri] = found
            yield graph

    def index(batch: list[GraphData]) -> None:
        rows = [spooled.pop(graph.iri).rows() for graph in batch]
        if answers is not None:
            answers.write(rows)

    write_in_batches(store, clause_link_graphs(), batch_limit, index)
    for gone in sorted(stale):
        store.remove_graph(gone)
    store.replace_graph(LINKS_GRAPH, document_links_quads(corpus), version=links.version)
    ws.write_links_record({"version": links.version, "clauses": links.clauses})
    ws.clear_links_spool()


def ingest_upload(store: object, filename: str, data: bytes, settings: Settings) -> dict[str, object]:
    """Adds one uploaded document to a running store: saved under the store's uploads/, then built.

    The same bytes uploaded twice are skipped the second time; a file that fails is quarantined
    and reported with its typed reason, like any file of a build.
    """
    from policykg.ingest.raw import upload_name

    folder = Workspace(settings.store).root / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / upload_name(filename, hashlib.sha256(data).hexdigest())
    if not path.exists():
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    summary = build([path], settings.replace(workers=1, executor="local"), store=store)
    outcome = summary.outcomes[0]
    return {"status": outcome.status, "document": outcome.document, "code": outcome.code,
            "message": outcome.message, "links": summary.links}

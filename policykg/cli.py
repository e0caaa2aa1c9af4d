"""The `policykg` command line: build, inspect, serve, trace, export, neo4j-sync, settings.

An expected failure — a bad path, a file that cannot be read, a store another process holds, a
service that refuses — ends the command with one line saying what happened (its code and message) and
a non-zero exit, never a traceback. Names and messages are printed as text, never read as markup.
While `policykg serve` holds the store, the reading commands go through it (`policykg.handoff`).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from policykg.errors import NotFound, PathNotFound, PolicyKGError, StoreBusy
from policykg.ontology import ids
from policykg.outcomes import BuildSummary
from policykg.settings import Settings


class _Cli(typer.Typer):
    """Typer, with expected failures turned into one line and an exit code instead of a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except PolicyKGError as exc:
            _fail(exc.code, exc.message, 1 if isinstance(exc, NotFound) else 2)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            _fail("os_error", f"{exc.strerror or exc}{where}", 2)


app = _Cli(help="policykg: a multilingual knowledge graph of Chinese climate policy.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)

def _fail(code: str, message: str, exit_code: int) -> NoReturn:
    err.print(Text.assemble((code, "red"), ": ", message), soft_wrap=True, highlight=False)
    sys.exit(exit_code)


StoreOpt = Annotated[str | None, typer.Option("--store", help="Store directory (setting `store`).")]


def _settings(store: str | None = None, **more: object) -> Settings:
    return Settings(store=store, **more)


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders; default: the default corpus.")] = None,
    store: StoreOpt = None,
    workers: Annotated[int | None, typer.Option(help="Build processes (setting `workers`).")] = None,
    executor: Annotated[
        str | None, typer.Option(help="'local' or 'dask://HOST:PORT' (setting `executor`).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Ingest, extract, link and store documents. Failing files are quarantined; the rest goes on.

    Exits 0 when some document of the batch is in the store (built, or skipped as unchanged or a
    duplicate), 1 when none is, 2 on an error (a path that does not exist, a busy store, …).
    """
    from policykg.pipeline import build as run_build

    settings = _settings(store, workers=workers, executor=executor)
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=json_out,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def hook(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        try:
            summary = run_build(paths or None, settings, progress=hook)
        except StoreBusy as busy:
            summary = _through_service(paths, settings, busy)
    if json_out:
        sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        table = Table("file", "status", "document / reason")
        shown = summary.outcomes
        if len(shown) > _TABLE_ROWS:  # a large batch: the files that need a look, the rest counted below
            shown = [o for o in summary.outcomes if o.status == "quarantined"]
        for o in shown:
            style = {"ok": "green", "skipped": "yellow", "quarantined": "red"}.get(o.status, "")
            table.add_row(Text(Path(o.path).name), Text(o.status, style=style),
                          Text(o.document or f"{o.code}: {o.message}"))
        if shown:
            console.print(table)
        console.print(Text(
            f"ok {summary.ok} + quarantined {summary.quarantined} + skipped {summary.skipped} = {summary.total} "
            f"files; {summary.links} clause links; {summary.quads} quads in {settings.store}"
        ), soft_wrap=True, highlight=False)
    if summary.total == 0:
        _fail("no_documents", "no file to build: the folders given hold no supported file "
              "(.txt, .html, .docx, .pdf, .md, .pdftext.json)", 1)
    if summary.ok + summary.skipped == 0:
        _fail("nothing_built", f"none of the {summary.total} files could be built; the table above gives "
              "each one's reason", 1)


#: Batches of more files than this list only their quarantined files.
_TABLE_ROWS = 40


def _through_service(paths: list[Path] | None, settings: Settings, busy: StoreBusy) -> BuildSummary:
    """The store is held by a running service: build through its upload route (else StoreBusy, saying why)."""
    from policykg.handoff import send_to_service, service_url

    url = service_url(settings, busy)
    err.print(Text(f"the store is served at {url}: sending the files to its upload route, one at a time"),
              soft_wrap=True)
    return send_to_service(url, paths or None, settings)


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A policy document (.txt, .html, .docx, .pdf).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    facts: Annotated[bool, typer.Option(help="Also show the extracted facts with their spans.")] = True,
) -> None:
    """Print a document's metadata, clause tree, normalisation notes and extracted facts."""
    from policykg.ingest import ingest_file
    from policykg.ingest.inspect import as_json, render
    from policykg.ingest.manifest import load_manifest
    from policykg.ingest.raw import loop_safe

    if not os.path.lexists(file):
        raise PathNotFound(f"{file}: no such file")
    doc = ingest_file(file, load_manifest().get(str(loop_safe(file).resolve())))
    extraction = None
    if facts:
        from policykg.extract.document import extract_document

        extraction = extract_document(doc)
    if json_out:
        out = as_json(doc)
        if extraction is not None:
            from policykg.extract.report import extraction_json

            out["extractions"] = extraction_json(doc, extraction)
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    console.print(render(doc), markup=False, highlight=False)
    if extraction is not None:
        from policykg.extract.report import render_extraction

        render_extraction(doc, extraction, console)


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option(help="Bind address (setting `host`).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (setting `port`).")] = None,
) -> None:
    """Serve the researcher API, the SPARQL endpoint and the web page."""
    import uvicorn

    from policykg.api.app import create_app, server_options
    from policykg.handoff import announce

    settings = _settings(store, host=host, port=port)
    application = create_app(settings)
    console.print(Text(f"policykg serving {settings.store} on http://{settings.host}:{settings.port}/"),
                  soft_wrap=True, highlight=False)
    # uvicorn stops on SIGTERM and then raises it again: make that an exit that unwinds `announce`.
    signal.signal(signal.SIGTERM, lambda signum, _: sys.exit(128 + signum))
    with announce(settings.store, settings.host, settings.port):  # lets a build elsewhere find this service
        uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning",
                    **server_options(settings))


@app.command()
def trace(
    phrase: Annotated[str, typer.Argument(help="A measure or clause id, or a phrase from a measure (any script).")],
    store: StoreOpt = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Print the chain from a measure up to the national clauses, with scores and evidence.

    The phrase may be simplified or traditional Chinese or English, as in the search; when the whole
    phrase finds nothing, the longest runs of its words that find something are used.
    """
    with _questions(_settings(store)) as questions:
        start = phrase if "~" in phrase else _best_match(questions, phrase)
        if start is None:
            raise NotFound(f"no measure or clause matches {phrase!r}; try fewer or other words")
        result = questions.trace(start)
    if result is None:
        raise NotFound(f"no measure or clause {start!r} in the store")
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    src = result["source"]
    console.print(Text.assemble((str(src.get("document")), "bold"), f" ({src.get('clause')}) {src.get('text', '')}"),
                  highlight=False, soft_wrap=True)
    _print_parents(result.get("parents", []), 1)


class _LocalQuestions:
    """The search (ranked as the API ranks it) and trace of the query layer over an open store."""

    def __init__(self, store: Any, settings: Settings) -> None:
        from policykg.graph.queries import Queries

        self.queries = Queries(store, settings)

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        from policykg.api.answers import ranked_search

        return ranked_search(self.queries, q)[:limit]

    def trace(self, item_id: str) -> dict[str, Any] | None:
        found = self.queries.trace(item_id)
        return dict(found) if found else None


@contextlib.contextmanager
def _questions(settings: Settings) -> Iterator[Any]:
    """Who answers: the query layer over the store, or the running service that holds it."""
    from policykg.graph.store import open_store
    from policykg.handoff import ServiceQueries, require_store, service_url

    require_store(settings)
    try:
        opened = open_store(settings)
    except StoreBusy as busy:
        opened, url = None, service_url(settings, busy)
    if opened is None:
        yield ServiceQueries(url)
        return
    with opened:
        yield _LocalQuestions(opened, settings)


def _best_match(questions: Any, phrase: str) -> str | None:
    """The id of the best-ranked measure (else clause) the search finds for the phrase — or, when it
    finds nothing, for the longest runs of the phrase's words that find something."""
    words = phrase.split()
    for n in range(len(words), 0, -1):
        hits = [hit for i in range(len(words) - n + 1) for hit in questions.search(" ".join(words[i : i + n]))]
        if hits:
            best = max(hits, key=lambda hit: (ids.is_fact_of("measure", str(hit["id"])), hit["score"]))
            return str(best["id"])
    return None


def _print_parents(parents: list[dict], depth: int) -> None:  # type: ignore[type-arg]
    for p in parents:
        ev = ", ".join(f"{e.get('kind')}:{e.get('value')}" for e in p.get("evidence", [])[:6])
        console.print(
            Text.assemble(f"{'  ' * depth}↑ ", (str(p.get("document")), "bold"), f" ({p.get('clause')}) "
                          f"{p.get('relation')} score={p.get('score', 0):.2f}  ", (ev, "dim")),
            highlight=False, soft_wrap=True,
        )
        console.print(Text(f"{'  ' * depth}  {str(p.get('text', ''))[:120]}"), highlight=False, soft_wrap=True)
        _print_parents(p.get("parents", []), depth + 1)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output file (ttl/nq/jsonld) or folder (csv/neo4j).")],
    fmt: Annotated[str, typer.Option("--format", help="ttl | nq | jsonld | csv | neo4j")] = "nq",
    store: StoreOpt = None,
) -> None:
    """Export the store (while a service holds it, what the service serves)."""
    from policykg.graph.export import export as run_export
    from policykg.handoff import open_for_reading

    with open_for_reading(_settings(store)) as st:
        try:
            run_export(st, fmt, out)
        except OSError as exc:
            _fail("os_error", f"cannot write {out}: {exc.strerror or exc}", 2)
    console.print(Text(f"exported {fmt} to {out}"), soft_wrap=True, highlight=False)


@app.command("neo4j-sync")
def neo4j_sync(
    uri: Annotated[str, typer.Option(help="bolt:// or neo4j:// URI")],
    user: Annotated[str, typer.Option()] = "neo4j",
    password: Annotated[str, typer.Option(envvar="NEO4J_PASSWORD")] = "",
    database: Annotated[str, typer.Option()] = "neo4j",
    batch_size: Annotated[int | None, typer.Option(help="Rows per UNWIND batch (setting `neo4j_batch_size`).")] = None,
    store: StoreOpt = None,
) -> None:
    """Project the graph into Neo4j (idempotent MERGE on stable ids)."""
    from neo4j.exceptions import DriverError, Neo4jError

    from policykg.graph.neo4j_sync import example_queries, sync
    from policykg.handoff import open_for_reading

    settings = _settings(store, neo4j_batch_size=batch_size)
    with open_for_reading(settings) as st:
        try:
            counts = sync(st, uri, user, password, database, settings.neo4j_batch_size)
        except (DriverError, Neo4jError) as exc:
            _fail("neo4j_error", f"Neo4j at {uri}: {' '.join(str(exc).split()) or type(exc).__name__}", 2)
    console.print(counts)
    for title, cypher in example_queries():
        console.print(Text.assemble((title, "bold"), f"\n{cypher}\n"), highlight=False)


@app.command("load-shards")
def load_shards_command(
    folder: Annotated[Path, typer.Argument(help="A folder of per-document N-Quads shards (a build's shards/).")],
    store: StoreOpt = None,
) -> None:
    """Bulk-load per-document N-Quads shards into the store the settings name (any backend)."""
    from policykg.graph.shards import load_shards

    counts = load_shards(folder, _settings(store))
    console.print(counts)


@app.command("corpus-report")
def corpus_report_command(
    out: Annotated[Path, typer.Argument(help="Where to write the report (Markdown).")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders; default: the default corpus.")] = None,
) -> None:
    """Write what a collection holds (levels, provinces, types, years) and the metadata its texts give."""
    from policykg.errors import IngestError
    from policykg.ingest.manifest import load_manifest
    from policykg.ingest.normalise import normalise
    from policykg.ingest.raw import read_raw
    from policykg.ingest.report import corpus_report
    from policykg.pipeline import discover

    manifest = load_manifest()
    files = discover(paths)
    docs, quarantined = [], {}
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("reading", total=len(files))
        for file in files:
            try:
                docs.append(normalise(read_raw(file), manifest.get(str(file.resolve()))))
            except IngestError as exc:
                quarantined[file.name] = f"{exc.code}: {exc.message}"
            progress.advance(task)
    out.write_text(corpus_report(docs, quarantined).markdown(), encoding="utf-8")
    console.print(f"{len(docs)} documents, {len(quarantined)} quarantined: {out}", markup=False, highlight=False)


@app.command("settings")
def show_settings() -> None:
    """List every setting with its value, environment variable and help."""
    from policykg.settings import SETTINGS

    current = Settings().as_dict()
    table = Table("setting", "value", "env", "help")
    for s in SETTINGS:
        table.add_row(s.name, Text(repr(current[s.name])), f"POLICYKG_{s.name.upper()}", Text(s.help))
    console.print(table)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()

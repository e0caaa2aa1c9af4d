"""The `policykg` command line: build, inspect, serve, trace, export, neo4j-sync, settings."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from policykg.errors import PolicyKGError, StoreBusy
from policykg.pipeline import BuildSummary
from policykg.settings import Settings

app = typer.Typer(help="policykg: a multilingual knowledge graph of Chinese climate policy.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)

StoreOpt = Annotated[str | None, typer.Option("--store", help="Store directory (setting `store`).")]


def _settings(store: str | None = None, **more: object) -> Settings:
    return Settings(store=store, **more)


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders; default: the bundled corpus.")] = None,
    store: StoreOpt = None,
    workers: Annotated[int | None, typer.Option(help="Build processes (setting `workers`).")] = None,
    executor: Annotated[
        str | None, typer.Option(help="'local' or 'dask://HOST:PORT' (setting `executor`).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Ingest, extract, link and store documents. Failing files are quarantined; the rest goes on."""
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
        except PolicyKGError as exc:
            err.print(f"[red]{exc.code}[/]: {exc.message}")
            raise typer.Exit(2) from exc
    if json_out:
        console.print_json(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        table = Table("file", "status", "document / reason")
        for o in summary.outcomes:
            style = {"ok": "green", "skipped": "yellow", "quarantined": "red"}[o.status]
            table.add_row(Path(o.path).name, f"[{style}]{o.status}[/]", o.document or f"{o.code}: {o.message}")
        console.print(table)
        console.print(
            f"ok {summary.ok} + quarantined {summary.quarantined} + skipped {summary.skipped} = {summary.total} "
            f"files; {summary.links} clause links; {summary.quads} quads in {settings.store}"
        )


def _through_service(paths: list[Path] | None, settings: Settings, busy: StoreBusy) -> BuildSummary:
    """The store is held by a running service: build through its upload route, or say why not."""
    from policykg.handoff import running_service, send_to_service

    url = running_service(settings.store)
    if url is None:
        err.print(f"[red]{busy.code}[/]: {busy.message}")
        raise typer.Exit(2) from busy
    err.print(f"the store is served at {url}: sending the files to its upload route, one at a time", soft_wrap=True)
    try:
        return send_to_service(url, paths or None, settings)
    except PolicyKGError as exc:
        err.print(f"[red]{exc.code}[/]: {exc.message}")
        raise typer.Exit(2) from exc


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A policy document (.txt, .html, .docx, .pdf).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    facts: Annotated[bool, typer.Option(help="Also show the extracted facts with their spans.")] = True,
) -> None:
    """Print a document's metadata, clause tree, normalisation notes and extracted facts."""
    from policykg.errors import PolicyKGError
    from policykg.ingest import ingest_file
    from policykg.ingest.inspect import as_json, render
    from policykg.ingest.manifest import load_manifest

    try:
        doc = ingest_file(file, load_manifest().get(str(file.resolve())))
    except PolicyKGError as exc:
        err.print(f"[red]{exc.code}[/]: {exc.message}")
        raise typer.Exit(2) from exc
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
    from policykg.errors import ConfigurationError
    from policykg.handoff import announce

    settings = _settings(store, host=host, port=port)
    try:
        application = create_app(settings)
    except ConfigurationError as exc:
        err.print(f"[red]{exc.code}[/]: {exc.message}")
        raise typer.Exit(2) from exc
    console.print(f"policykg serving {settings.store} on http://{settings.host}:{settings.port}/")
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
    """Print the chain from a measure up to the national clauses, with scores and evidence."""
    from policykg.graph.queries import Queries
    from policykg.graph.store import open_store

    settings = _settings(store)
    with open_store(settings) as st:
        q = Queries(st)
        start = phrase
        if "~" not in phrase:
            hits = q.search(phrase, limit=1)
            if not hits:
                err.print(f"[red]not_found[/]: no measure matches {phrase!r}")
                raise typer.Exit(1)
            start = hits[0]["id"]
        result = q.trace(start)
    if result is None:
        err.print(f"[red]not_found[/]: {start}")
        raise typer.Exit(1)
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    src = result["source"]
    console.print(f"[bold]{src.get('document')}[/] ({src.get('clause')}) {src.get('text', '')}", highlight=False)
    _print_parents(result.get("parents", []), 1)


def _print_parents(parents: list[dict], depth: int) -> None:  # type: ignore[type-arg]
    for p in parents:
        ev = ", ".join(f"{e.get('kind')}:{e.get('value')}" for e in p.get("evidence", [])[:6])
        console.print(
            f"{'  ' * depth}↑ [bold]{p.get('document')}[/] ({p.get('clause')}) "
            f"{p.get('relation')} score={p.get('score', 0):.2f}  [dim]{ev}[/]",
            highlight=False,
        )
        console.print(f"{'  ' * depth}  {str(p.get('text', ''))[:120]}", highlight=False, markup=False)
        _print_parents(p.get("parents", []), depth + 1)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output file (ttl/nq/jsonld) or folder (csv/neo4j).")],
    fmt: Annotated[str, typer.Option("--format", help="ttl | nq | jsonld | csv | neo4j")] = "nq",
    store: StoreOpt = None,
) -> None:
    """Export the store."""
    from policykg.graph.export import export as run_export
    from policykg.graph.store import open_store

    with open_store(_settings(store)) as st:
        run_export(st, fmt, out)
    console.print(f"exported {fmt} to {out}")


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
    from policykg.graph.neo4j_sync import example_queries, sync
    from policykg.graph.store import open_store

    settings = _settings(store, neo4j_batch_size=batch_size)
    with open_store(settings) as st:
        counts = sync(st, uri, user, password, database, settings.neo4j_batch_size)
    console.print(counts)
    for title, cypher in example_queries():
        console.print(f"[bold]{title}[/]\n{cypher}\n", highlight=False)


@app.command("load-shards")
def load_shards_command(
    folder: Annotated[Path, typer.Argument(help="A folder of per-document N-Quads shards (a build's shards/).")],
    store: StoreOpt = None,
) -> None:
    """Bulk-load per-document N-Quads shards into the store the settings name (any backend)."""
    from policykg.pipeline import load_shards

    counts = load_shards(folder, _settings(store))
    console.print(counts)


@app.command("settings")
def show_settings() -> None:
    """List every setting with its value, environment variable and help."""
    from policykg.settings import SETTINGS

    current = Settings().as_dict()
    table = Table("setting", "value", "env", "help")
    for s in SETTINGS:
        table.add_row(s.name, repr(current[s.name]), f"POLICYKG_{s.name.upper()}", s.help)
    console.print(table)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()

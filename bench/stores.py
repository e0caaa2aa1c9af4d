"""The same graph and the same queries on several stores side by side, in one run: the embedded store
(pyoxigraph, as built), rdflib's Dataset in memory, Virtuoso 7 (Debian package) and the Oxigraph server.

    python bench/stores.py                                   # build the eleven bundled texts, then measure
    python bench/stores.py --store bench/out/work-default/store --label default
    python bench/stores.py --report                          # rewrite the section from bench/out/stores.json

The store's N-Quads (`graph.export`, as `policykg export --format nq`) are loaded into each store:
rdflib parses them (skipped above `--rdflib-max-quads`), Virtuoso takes them with its bulk loader
(`ld_dir` + `rdf_loader_run`, the server started by scripts/servers/virtuoso.sh as the tests start it),
the Oxigraph server with `oxigraph load` before scripts/servers/oxigraph.sh serves them. The embedded
store's load is a `bulk_load` of the same file into a fresh pyoxigraph folder (the queries run on the
store as built). Each query — the example queries of api/queries and a few of the service's own
queries filled as the service fills them — runs once cold, then `--runs` times warm (fewer when one
run is slow: at most `--budget` seconds per query and store); answer row counts are compared across
stores. The table goes into bench/RESULTS.md under its own heading, replacing that section only.

Length (about 470 lines, kept whole on purpose): one run loads and queries four stores, each with its own
start, load and query path beside the shared measuring and report code.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from latency import percentile  # noqa: E402
from report import RESULTS, write_section  # noqa: E402
from run import machine  # noqa: E402

OUT = ROOT / "bench" / "out" / "stores.json"
WORK = ROOT / "bench" / "out" / "work-stores"
HEADING = "## Stores side by side (bench/stores.py)"
SERVERS = ROOT / "scripts" / "servers"
POLICYKG = str(Path(sys.executable).parent / "policykg")
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
STORES = ("embedded", "rdflib", "virtuoso", "oxigraph-server")


def log(msg: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {msg}", flush=True)


# --- the data -----------------------------------------------------------------------------------------
def build_bundled(store_dir: Path) -> dict[str, Any]:
    """`policykg build` of the eleven bundled texts (a no-op when the store already holds them)."""
    from policykg.ingest.manifest import bundled_texts

    t0 = time.perf_counter()
    proc = subprocess.run([POLICYKG, "build", *map(str, bundled_texts()), "--store", str(store_dir)],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    summary = next((ln.strip() for ln in proc.stdout.splitlines() if ln.strip().startswith("ok ")), "")
    return {"seconds": round(time.perf_counter() - t0, 1), "summary": summary}


def queries(store: Any) -> dict[str, str]:
    """The example queries, then the service's own queries filled as its answers fill them."""
    from policykg.api.examples import examples
    from policykg.graph import sparql_text as sq
    from policykg.graph.answer_targets import where_filter
    from policykg.ontology import vocab as v
    from policykg.ontology.concepts import ConceptScheme

    out = {e.name: e.query for e in examples()}
    scheme = ConceptScheme.load()
    units = {"concepts": sq.iris(v.concept_iri(c) for c in ["ccus", *scheme.descendants("ccus")]), "filter": ""}
    out["units_for_concepts ccus"] = sq.fill(sq.text("units_for_concepts"), page="", **units)
    out["units_count ccus"] = sq.fill(sq.text("units_count"), **units)
    year = where_filter(None, None, 2025, None, None, "quantified")
    out["targets year=2025"] = sq.fill(sq.text("targets"), filter=year or "", page="")
    out["targets_count year=2025"] = sq.fill(sq.text("targets_count"), filter=year or "")
    top = store.select(v.SPARQL_PREFIXES + f"""SELECT ?d (COUNT(?l) AS ?n) WHERE {{ GRAPH {sq.iri(v.LINKS_GRAPH)} {{
        ?l a pkg:DocumentLink ; pkg:source ?d }} }} GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1""")
    if top:
        doc = v.id_from_iri(top[0]["d"])
        out[f"document_links {doc[:24]}"] = sq.fill(sq.text("document_links"), doc=sq.iri(v.doc_iri(doc)),
                                                    links=sq.iri(v.LINKS_GRAPH))
    return out


# --- timing -------------------------------------------------------------------------------------------
class RunTimeout(Exception):
    pass


@contextlib.contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupts pure-Python work (rdflib) after `seconds`."""
    def fire(*_: Any) -> None:
        raise RunTimeout

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def answer(rows: list[Any]) -> tuple[int, str | None]:
    """How many rows, and the values of a one-row answer (a count), to compare across stores."""
    if len(rows) != 1:
        return len(rows), None
    values = rows[0].values() if isinstance(rows[0], dict) else rows[0]
    return 1, " ".join(str(x) for x in values)


def timed(run: Callable[[str], tuple[int, str | None]], sparql: str, warm: int, budget: float, limit: float) -> dict[str, Any]:
    """One cold run, then up to `warm` runs within `budget` seconds; rows of the cold run."""
    try:
        t0 = time.perf_counter()
        with alarm(limit):
            rows, value = run(sparql)
        cold = (time.perf_counter() - t0) * 1000
    except RunTimeout:
        return {"error": f"over {limit:.0f} s"}
    except Exception as exc:  # noqa: BLE001 - a store refusing a query is a finding, not a crash
        return {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    n = min(warm, int(budget * 1000 / max(cold, 1e-3)))  # none when the cold run alone is over budget
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        run(sparql)
        times.append((time.perf_counter() - t0) * 1000)
    out: dict[str, Any] = {"rows": rows, "cold_ms": round(cold, 2), "runs": n}
    if value is not None:
        out["value"] = value
    if times:
        out.update(p50=round(percentile(times, 50), 2), p99=round(percentile(times, 99), 2))
    return out


def measure_all(name: str, run: Callable[[str], tuple[int, str | None]], qs: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    log(f"{name}: {len(qs)} queries")
    out = {}
    for q, sparql in qs.items():
        out[q] = timed(run, sparql, args.runs, args.budget, args.query_limit)
        out[q]["load_average"] = round(os.getloadavg()[0], 1)
        log(f"  {name} {q}: {out[q]}")
    return out


# --- the stores ---------------------------------------------------------------------------------------
def version(package: str) -> str:
    from importlib.metadata import version as of

    return of(package)


def embedded_load(nq: Path, work: Path) -> float:
    """A bulk load of the N-Quads into a fresh pyoxigraph folder, as the build bulk-loads new graphs."""
    import pyoxigraph as ox

    folder = work / "embedded-load"
    shutil.rmtree(folder, ignore_errors=True)
    t0 = time.perf_counter()
    store = ox.Store(str(folder))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - t0
    del store
    shutil.rmtree(folder, ignore_errors=True)
    return seconds


def rdflib_store(nq: Path, quads: int, qs: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    if quads > args.rdflib_max_quads:
        return {"skipped": f"{quads:,} quads, more than the limit of {args.rdflib_max_quads:,}"}
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    t0 = time.perf_counter()
    ds.parse(str(nq), format="nquads")
    load = time.perf_counter() - t0
    log(f"rdflib: loaded in {load:.1f} s")
    return {"version": "rdflib " + rdflib.__version__, "load_s": round(load, 1), "queries": measure_all("rdflib", lambda s: answer(list(ds.query(s))), qs, args)}


def start(script: str, folder: Path) -> dict[str, str]:
    proc = subprocess.run(["bash", str(SERVERS / script), str(folder)], capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"{script} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)


def stop(pid: int, timeout: float = 60) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)


def remote(name: str, query_url: str, qs: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    from policykg.graph.sparql_store import SparqlStore
    from policykg.ontology import vocab as v

    with SparqlStore(query_url) as store:
        held = store.select(v.SPARQL_PREFIXES + """SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
            FILTER(STRSTARTS(STR(?g), "https://policykg.org/graph/")) }""")[0]["n"]
        return {"quads_held": held, "queries": measure_all(
            name, lambda s: answer(store.select(s, timeout=args.query_limit)), qs, args)}


def virtuoso(nq: Path, work: Path, qs: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    """Virtuoso as the tests start it; the N-Quads through its bulk loader; queried on /sparql."""
    folder = work / "virtuoso"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.link(nq, folder / "data.nq")  # the loader reads only from DirsAllowed (the database folder)
    t0 = time.perf_counter()
    env = start("virtuoso.sh", folder)
    started = time.perf_counter() - t0
    try:
        isql = shutil.which("isql-vt") or "isql"
        sql = (f"ld_dir('{folder}', 'data.nq', 'https://policykg.org/graph/unnamed'); rdf_loader_run(); checkpoint; "
               "select count(*) from DB.DBA.load_list where ll_error is not null;")
        t0 = time.perf_counter()
        proc = subprocess.run([isql, f"127.0.0.1:{env['SQL_PORT']}", "dba", env["PASSWORD"], f"exec={sql}"],
                              capture_output=True, text=True, timeout=3600)
        load = time.perf_counter() - t0
        if proc.returncode != 0 or "Error" in proc.stdout:
            raise RuntimeError(f"bulk load failed: {proc.stdout[-500:]} {proc.stderr[-500:]}")
        log(f"virtuoso: started in {started:.1f} s, loaded in {load:.1f} s")
        result = remote("virtuoso", f"http://127.0.0.1:{env['HTTP_PORT']}/sparql", qs, args)
        version = subprocess.run([shutil.which("virtuoso-t") or "virtuoso-t", "-?"], capture_output=True, text=True)
        line = next((ln for ln in (version.stdout + version.stderr).splitlines() if "Version" in ln), "")
        return {"version": line.replace("Version", "").strip(), "start_s": round(started, 1), "load_s": round(load, 1), **result}
    finally:
        stop(int(env["PID"]))
        shutil.rmtree(folder, ignore_errors=True)


def oxigraph_server(nq: Path, work: Path, qs: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    """`oxigraph load` into the folder scripts/servers/oxigraph.sh then serves (union default graph)."""
    if not OXIGRAPH.exists():
        return {"skipped": "no oxigraph server (pip install oxigraph)"}
    folder = work / "oxigraph-server"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    t0 = time.perf_counter()
    subprocess.run([str(OXIGRAPH), "load", "--location", str(folder / "data"), "--file", str(nq)],
                   check=True, capture_output=True, timeout=3600)
    load = time.perf_counter() - t0
    env = start("oxigraph.sh", folder)
    try:
        log(f"oxigraph server: loaded in {load:.1f} s")
        version = subprocess.run([str(OXIGRAPH), "--version"], capture_output=True, text=True).stdout.strip()
        return {"version": version, "load_s": round(load, 1), **remote("oxigraph-server", env["QUERY_URL"], qs, args)}
    finally:
        stop(int(env["PID"]))
        shutil.rmtree(folder, ignore_errors=True)


def measure(store_dir: Path, label: str, args: argparse.Namespace) -> dict[str, Any]:
    from policykg.errors import StoreBusy
    from policykg.graph.export import export
    from policykg.graph.store import open_store

    result: dict[str, Any] = {"label": label, "store": str(store_dir.relative_to(ROOT) if store_dir.is_relative_to(ROOT)
                                                           else store_dir), "machine": machine()}
    work = WORK / f"run-{label}"
    work.mkdir(parents=True, exist_ok=True)
    nq = work / "data.nq"
    try:
        store = open_store(str(store_dir))
    except StoreBusy:
        return {**result, "skipped": "the store is open in another process"}
    with store:
        t0 = time.perf_counter()
        export(store, "nq", nq)
        result["export_s"] = round(time.perf_counter() - t0, 1)
        with nq.open("rb") as f:  # one quad a line
            result["quads"] = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
        result["nq_mb"] = round(nq.stat().st_size / 1e6, 1)
        log(f"[{label}] {result['quads']:,} quads, {result['nq_mb']} MB of N-Quads in {result['export_s']} s")
        qs = queries(store)
        result["query_names"] = list(qs)
        result["embedded"] = {"queries": measure_all("embedded", lambda s: answer(store.select(s)), qs, args)}
    result["embedded"]["load_s"] = round(embedded_load(nq, work), 1)
    result["embedded"]["version"] = "pyoxigraph " + version("pyoxigraph")
    result["rdflib"] = rdflib_store(nq, result["quads"], qs, args)
    for name, fn in (("virtuoso", virtuoso), ("oxigraph-server", oxigraph_server)):
        if name in args.skip:
            result[name] = {"skipped": "not asked for (--skip)"}
            continue
        try:
            result[name] = fn(nq, work, qs, args)
        except Exception as exc:  # noqa: BLE001 - one store failing leaves the others' figures
            result[name] = {"skipped": f"{type(exc).__name__}: {str(exc)[:300]}"}
    result["machine"]["load_end"] = os.getloadavg()
    result["disagreements"] = disagreements(result)
    shutil.rmtree(work, ignore_errors=True)
    return result


def shown(q: dict[str, Any]) -> str | None:
    """A query's answer as compared: its row count, with the value of a one-row answer."""
    if "rows" not in q:
        return None
    return f"{q['rows']} (= {q['value']})" if "value" in q else str(q["rows"])


def disagreements(result: dict[str, Any]) -> list[str]:
    out = []
    for q in result.get("query_names", []):
        counts = {s: shown(result[s]["queries"][q]) for s in STORES if "queries" in result.get(s, {})}
        if len({c for c in counts.values() if c is not None}) > 1:
            out.append(f"{q}: " + ", ".join(f"{s} {c}" for s, c in counts.items()))
    return out


# --- the report ---------------------------------------------------------------------------------------
def loads_while(qs: dict[str, Any]) -> str:
    found = [q["load_average"] for q in qs.values() if "load_average" in q]
    if not found:
        return ""
    return f"{min(found)}" if min(found) == max(found) else f"{min(found)}–{max(found)}"


def cell(q: dict[str, Any] | None) -> str:
    if not q:
        return "–"
    if "error" in q:
        return q["error"].split(":")[0]
    if "p50" not in q:
        return f"{q['cold_ms']:,.1f} / – / –"
    return f"{q['cold_ms']:,.1f} / {q['p50']:,.1f} / {q['p99']:,.1f}"


def warm(q: dict[str, Any]) -> float:
    """The warm p50, or the cold run when it alone was over budget."""
    return float(q.get("p50", q["cold_ms"]))


def summary(r: dict[str, Any]) -> str:
    """What the figures say, from the figures: median ratio of each store's warm p50 to the embedded one."""
    parts = []
    emb = r["embedded"]["queries"]
    for s in STORES[1:]:
        qs = r.get(s, {}).get("queries")
        if not qs:
            continue
        ratios = sorted(warm(qs[q]) / max(warm(emb[q]), 0.01) for q in qs if "rows" in qs[q] and "rows" in emb[q])
        if ratios:
            parts.append(f"{s} answers in {ratios[len(ratios) // 2]:.1f}× the embedded store's warm p50 "
                         f"(median over the {len(ratios)} queries it answered; {ratios[0]:.1f}× to {ratios[-1]:.1f}×)")
    failed = [f"{s}: {q}" for s in STORES for q, x in r.get(s, {}).get("queries", {}).items() if "error" in x]
    text = "; ".join(parts) + "."
    if failed:
        text += " No answer: " + ", ".join(failed) + "."
    return text


def table(results: dict[str, Any]) -> str:
    lines = [HEADING, "",
             "The same N-Quads (the store's `nq` export) in four stores, the same SPARQL on each: the example "
             "queries (api/queries) and the service's own queries filled as its answers fill them. Each query "
             "once cold, then warm runs (the number in the JSON; fewer when a run is slow); times in ms as "
             "cold / warm p50 / warm p99, measured from the client (in-process for the embedded store and "
             "rdflib, HTTP on loopback with SPARQL JSON parsed for the servers). Load: `bulk_load` into a fresh "
             "pyoxigraph folder for the embedded store (queries run on the store as built), `Dataset.parse` for "
             "rdflib, the bulk loader (`ld_dir`, `rdf_loader_run`, checkpoint) for Virtuoso as "
             "scripts/servers/virtuoso.sh configures it (10,000 buffers, ~80 MB), `oxigraph load` for the "
             "Oxigraph server.", ""]
    for label, r in results.items():
        m = r["machine"]
        if "skipped" in r:
            lines += [f"**{label}** (`{r['store']}`): skipped — {r['skipped']}.", ""]
            continue
        load = f"{m['load'][0]:.1f} at the start, {m.get('load_end', [float('nan')])[0]:.1f} at the end"
        lines += [f"**{label}** (`{r['store']}`): {r['quads']:,} quads ({r['nq_mb']} MB of N-Quads, exported in "
                  f"{r['export_s']} s); {m['date']}, commit {m['commit']}, {m['nproc']} cores, load average {load}.", "",
                  "| | " + " | ".join(STORES) + " |", "| --- |" + " ---: |" * len(STORES)]
        loads, versions = [], []
        for s in STORES:
            x = r.get(s, {})
            loads.append(x["skipped"] if "skipped" in x else f"{x.get('load_s', '–')} s")
            versions.append(x.get("version", ""))
        lines.append("| load | " + " | ".join(loads) + " |")
        held = [f"{r[s]['quads_held']:,}" if "quads_held" in r.get(s, {}) else "" for s in STORES]
        lines.append(f"| quads held (of the {r['quads']:,} exported) | " + " | ".join(held) + " |")
        spans = [loads_while(r.get(s, {}).get("queries", {})) for s in STORES]
        lines.append("| load average while queried | " + " | ".join(spans) + " |")
        lines += ["", "| query | rows | " + " | ".join(f"{s} ms" for s in STORES) + " |",
                  "| --- | ---: |" + " ---: |" * len(STORES)]
        for q in r["query_names"]:
            counts = {shown(r[s]["queries"][q]) for s in STORES if "queries" in r.get(s, {})} - {None}
            rows = str(next(iter(counts))) if len(counts) == 1 else "differ"
            lines.append(f"| {q} | {rows} | " + " | ".join(cell(r.get(s, {}).get("queries", {}).get(q)) for s in STORES) + " |")
        lines += ["", "Row counts: " + ("the same on every store." if not r["disagreements"]
                                        else "**differ** — " + "; ".join(r["disagreements"]) + "."),
                  "", summary(r), ""]
        if any(versions):
            lines += ["Versions: " + "; ".join(f"{s}: {v}" for s, v in zip(STORES, versions, strict=True) if v) + ".", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an existing store directory (default: build the bundled texts)")
    parser.add_argument("--label", help="its name in the report (default: bundled, or the store's folder)")
    parser.add_argument("--runs", type=int, default=10, help="warm runs per query and store")
    parser.add_argument("--budget", type=float, default=30, help="seconds of warm runs per query and store at most")
    parser.add_argument("--query-limit", type=float, default=120, help="seconds one run may take (rdflib, servers)")
    parser.add_argument("--rdflib-max-quads", type=int, default=1_000_000)
    parser.add_argument("--skip", nargs="*", default=[], choices=["virtuoso", "oxigraph-server"])
    parser.add_argument("--report", action="store_true", help="only rewrite the section from the kept measurements")
    args = parser.parse_args(argv)
    kept = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    if not args.report:
        if args.store is None:
            store_dir, label = WORK / "store", args.label or "bundled"
            log(f"building the bundled texts into {store_dir}")
            build = build_bundled(store_dir)
        else:
            store_dir, label, build = args.store.resolve(), args.label or args.store.resolve().parent.name, None
        result = measure(store_dir, label, args)
        if build:
            result["build"] = build
        kept[label] = result
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(HEADING, table(kept), before="## Earlier measurements")
    print(f"wrote the section of {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

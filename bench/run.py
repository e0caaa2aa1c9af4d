"""Benchmarks: build throughput per stage and end to end, its floor, peak memory, query latency and
sustained load, written to bench/RESULTS.md with a plot in bench/scaling.png.

    python bench/run.py --sizes default 100 1000     # measure, then write RESULTS.md
    python bench/run.py --report                     # rewrite RESULTS.md from the measurements kept

Each size is measured on its own and kept as bench/out/results-<size>.json, so a long size can run in
the background (`nohup timeout 3h python bench/run.py --sizes 10000 &`) and the report be rewritten
once it ends. "default" is the default corpus (the eleven bundled texts and the 415 real PDFs),
"bundled" the eleven texts alone; a number is a corpus of bench/generate.py (seed 7).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
PLOT = ROOT / "bench" / "scaling.png"
PYTHON = sys.executable
POLICYKG = str(Path(PYTHON).parent / "policykg")
SEED = 7

sys.path.insert(0, str(ROOT / "bench"))


# --- the machine --------------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with contextlib.suppress(OSError, ValueError):
        mem_kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip())
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1e6, 1),
        "python": platform.python_version(),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load": os.getloadavg(),
    }


# --- corpora ------------------------------------------------------------------------------------------
def corpus_files(size: str) -> list[Path]:
    if size == "default":  # the bundled texts and the real corpus's 415 PDFs (as packs)
        from policykg.ingest.manifest import default_corpus_files

        return default_corpus_files()
    if size == "bundled":  # the eleven bundled texts alone
        from policykg.ingest.manifest import bundled_texts

        return bundled_texts()
    import generate

    folder = OUT / f"corpus-{size}"
    if not (folder / "manifest.toml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate.generate(int(size), SEED, folder)
    return sorted((folder / "documents").iterdir())


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# --- build ----------------------------------------------------------------------------------------------
def stages(files: list[Path], store_dir: Path) -> dict[str, Any]:
    """Each stage on its own, in this one process: ingest, extract, link, map + store."""
    import pyoxigraph as ox

    from policykg.extract.document import extract_document
    from policykg.graph.oxigraph_store import OxigraphStore
    from policykg.graph.rdf_documents import document_quads
    from policykg.graph.rdf_links import links_graphs
    from policykg.graph.shards import write_in_batches
    from policykg.graph.store import GraphData
    from policykg.ingest import normalise, read_raw
    from policykg.ingest.manifest import load_manifest
    from policykg.link import link_corpus
    from policykg.ontology.reference import reference_quads
    from policykg.ontology.vocab import REFERENCE_GRAPH, graph_iri
    from policykg.settings import Settings

    settings = Settings(store=str(store_dir))
    manifest = load_manifest()
    extract_document(normalise(read_raw(files[0], settings), manifest.get(str(files[0].resolve())), settings))  # load models
    t: dict[str, float] = {"ingest": 0.0, "extract": 0.0, "link": 0.0, "store": 0.0}
    docs, extractions = [], {}
    for path in files:
        t0 = time.perf_counter()
        try:
            doc = normalise(read_raw(path, settings), manifest.get(str(path.resolve())), settings)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a quarantined file counts as read
            t["ingest"] += time.perf_counter() - t0
            continue
        t1 = time.perf_counter()
        extraction = extract_document(doc)
        t2 = time.perf_counter()
        t["ingest"] += t1 - t0
        t["extract"] += t2 - t1
        if doc.id not in extractions:
            docs.append(doc)
            extractions[doc.id] = extraction
    t0 = time.perf_counter()
    links = link_corpus(docs, extractions, settings)
    t["link"] = time.perf_counter() - t0
    shutil.rmtree(store_dir, ignore_errors=True)
    store = OxigraphStore(store_dir)
    store.bulk_writes = True  # as a build holding its store alone writes
    limit = settings.store_batch_mb * 1_000_000
    try:
        t0 = time.perf_counter()
        store.replace_graph(REFERENCE_GRAPH, reference_quads(), version="bench")
        graphs = itertools.chain(((graph_iri(d.id), document_quads(d, extractions[d.id])) for d in docs),
                                 links_graphs(links))
        write_in_batches(store, (GraphData(iri, "bench", ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
                                 for iri, quads in graphs), limit)
        t["store"] = time.perf_counter() - t0
        quads = store.quad_count()
    finally:
        store.close()
    return {"seconds": t, "documents": len(docs), "clause_links": len(links.clauses), "quads": quads}


def floor(files: list[Path]) -> dict[str, float]:
    """The bare floor: OpenCC t2s conversion and jieba segmentation of the same text."""
    import jieba
    import opencc

    jieba.setLogLevel(60)
    jieba.initialize()
    conv = opencc.OpenCC("t2s")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    t0 = time.perf_counter()
    for text in texts:
        jieba.lcut(conv.convert(text))
    return {"seconds": time.perf_counter() - t0}


def end_to_end(files: list[Path], store_dir: Path, timeout: float) -> dict[str, Any]:
    """`policykg build` in a child process: wall time, peak RSS of its process tree, outcome."""
    import psutil

    shutil.rmtree(store_dir, ignore_errors=True)
    list_file = store_dir.parent / (store_dir.name + ".files")
    list_file.parent.mkdir(parents=True, exist_ok=True)
    folder = files[0].parent if all(p.parent == files[0].parent for p in files) else None
    args = [POLICYKG, "build", str(folder) if folder else "", "--store", str(store_dir)]
    if folder is None:
        args = [POLICYKG, "build", *map(str, files), "--store", str(store_dir)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "COLUMNS": "200"})
    peak_tree = peak_one = 0
    ps = psutil.Process(proc.pid)
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.extend(proc.stdout or []), daemon=True)
    reader.start()
    timed_out = False
    while proc.poll() is None:
        if time.perf_counter() - t0 > timeout:
            timed_out = True
            for child in ps.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    child.kill()
            proc.kill()
            break
        with contextlib.suppress(psutil.Error):
            rss = [ps.memory_info().rss] + [c.memory_info().rss for c in ps.children(recursive=True)]
            peak_tree = max(peak_tree, sum(rss))
            peak_one = max(peak_one, max(rss))
        time.sleep(0.2)
    proc.wait()
    reader.join(5)
    seconds = time.perf_counter() - t0
    summary = next((line.strip() for line in out if line.strip().startswith("ok ")), "")
    return {"seconds": seconds, "timed_out": timed_out, "returncode": proc.returncode, "summary": summary,
            "peak_rss_tree_mb": peak_tree / 1e6, "peak_rss_process_mb": peak_one / 1e6}


# --- queries -------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def served(store_dir: Path) -> Iterator[str]:
    import httpx

    port = free_port()
    proc = subprocess.Popen([POLICYKG, "serve", "--store", str(store_dir), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def researcher_requests(store_dir: Path) -> dict[str, list[str]]:
    """Paths per endpoint: several parameters each, taken from what the store holds."""
    from policykg.graph.store import open_store
    from policykg.ontology import vocab as v

    with open_store(str(store_dir)) as store:
        measures = store.select(v.SPARQL_PREFIXES + """
            SELECT ?m WHERE { ?l a pkg:ClauseLink ; pkg:source ?m . ?m a pkg:Measure } ORDER BY ?m LIMIT 400""")
    ids = [v.id_from_iri(r["m"]) for r in measures][::40][:10]
    from urllib.parse import quote

    return {
        "units-by-concept": [f"/api/units?concept={quote(c)}" for c in ("ccus", "碳捕集", "能源", "carbon capture", "光伏", "建筑节能")],
        "trace": [f"/api/trace/{quote(i, safe='')}" for i in ids],
        "targets": ["/api/targets", "/api/targets?year=2025", "/api/targets?year=2030", "/api/targets?region=CN-FJ",
                    "/api/targets?concept=%E8%83%BD%E6%BA%90"],
        "search": [f"/api/search?q={quote(q)}" for q in ("碳", "光伏", "碳捕集", "氢能", "清洁能源", "碳達峰", "新能源汽车")],
    }


def sparql_examples() -> dict[str, str]:
    """The researcher examples the service lists (/api/examples), not the service's own queries."""
    from policykg.api.examples import examples

    return {e.name: e.query for e in examples()}


def latency(base: str, paths: list[str], rounds: int, params: dict[str, str] | None = None) -> dict[str, Any]:
    """First (cold) request of each path, then `rounds` passes over all of them."""
    import httpx

    with httpx.Client(base_url=base, timeout=120) as client:
        cold, warm = [], []
        statuses: set[int] = set()
        for path in paths:
            t0 = time.perf_counter()
            r = client.get(path, params=params)
            cold.append(time.perf_counter() - t0)
            statuses.add(r.status_code)
        for _ in range(rounds):
            for path in paths:
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                warm.append(time.perf_counter() - t0)
                statuses.add(r.status_code)
    ms = [x * 1000 for x in cold + warm]
    return {"n": len(ms), "cold_ms": [round(c * 1000, 1) for c in cold], "p50": percentile(ms, 50),
            "p95": percentile(ms, 95), "p99": percentile(ms, 99), "cold_p50": percentile([c * 1000 for c in cold], 50),
            "cold_max": max(c * 1000 for c in cold), "statuses": sorted(statuses)}


def sparql_latency(base: str, query: str, runs: int) -> dict[str, Any]:
    import httpx

    with httpx.Client(base_url=base, timeout=120) as client:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            r = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
            times.append((time.perf_counter() - t0) * 1000)
            status = r.status_code
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "p99": percentile(times, 99), "status": status}


def rdflib_latency(store_dir: Path, queries: dict[str, str], runs: int, limit_quads: int) -> dict[str, Any]:
    """The same queries on the same data in rdflib's in-memory store (union default graph)."""
    import rdflib

    from policykg.graph.store import open_store

    with open_store(str(store_dir)) as store:
        if store.quad_count() > limit_quads:
            return {"skipped": f"more than {limit_quads} quads"}
        data = store.dump_bytes("nq")
    ds = rdflib.Dataset(default_union=True)
    t0 = time.perf_counter()
    ds.parse(data=data, format="nquads")
    load = time.perf_counter() - t0
    out: dict[str, Any] = {"load_s": load}
    for name, query in queries.items():
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            list(ds.query(query))
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = {"p50": percentile(times, 50)}
    return out


def sustained(base: str, paths: list[str], seconds: float, clients: int) -> dict[str, Any]:
    """`clients` threads cycling over `paths` for `seconds`: requests/s and latency percentiles."""
    import httpx

    stop = time.perf_counter() + seconds
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = offset
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                try:
                    ok = client.get(paths[i % len(paths)]).status_code == 200
                except httpx.HTTPError:
                    ok = False
                dt_ = (time.perf_counter() - t0) * 1000
                with lock:
                    times.append(dt_)
                    errors[0] += not ok
                i += 1

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k * 7,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {"clients": clients, "requests": len(times), "rps": len(times) / wall, "p50": percentile(times, 50),
            "p99": percentile(times, 99), "errors": errors[0]}


# --- one size -------------------------------------------------------------------------------------------
def measure(size: str, build_timeout: float, rounds: int, load_seconds: float, queries_only: bool = False,
            stages_max_docs: int = 1000) -> dict[str, Any]:
    files = corpus_files(size)
    mb = sum(p.stat().st_size for p in files) / 1e6
    result: dict[str, Any] = {"size": size, "documents": len(files), "mb": mb, "machine": machine()}
    work = OUT / f"work-{size}"
    work.mkdir(parents=True, exist_ok=True)
    log = lambda msg: print(f"[{size}] {dt.datetime.now():%H:%M:%S} {msg}", flush=True)  # noqa: E731
    kept = OUT / f"results-{size}.json"
    if queries_only and kept.exists():  # the build measured before; the queries again, on its store
        earlier = json.loads(kept.read_text())
        result.update({k: earlier[k] for k in ("floor", "build", "stages", "rdflib") if k in earlier})
        result["machine"]["build_load"] = earlier["machine"]["load"]
    else:
        log(f"{len(files)} files, {mb:.2f} MB: floor")
        result["floor"] = floor(files)
        log("end to end")
        result["build"] = end_to_end(files, work / "store", build_timeout)
        log(f"end to end: {result['build']}")
        _save(size, result)
    if (not queries_only and not result["build"]["timed_out"] and result["build"]["seconds"] < build_timeout / 2
            and len(files) <= stages_max_docs):
        log("stages")
        result["stages"] = stages(files, work / "stages-store")
        shutil.rmtree(work / "stages-store", ignore_errors=True)
        _save(size, result)
    if result["build"]["returncode"] != 0:
        return result
    log("queries")
    requests = researcher_requests(work / "store")
    examples = sparql_examples()
    with served(work / "store") as base:
        result["latency"] = {name: latency(base, paths, rounds) for name, paths in requests.items()}
        result["sparql"] = {name: sparql_latency(base, q, max(3, rounds // 2)) for name, q in examples.items()}
        _save(size, result)
        everything = [p for paths in requests.values() for p in paths]
        result["load"] = [sustained(base, everything, load_seconds, c) for c in (1, 2, 4, 8)]
    _save(size, result)
    if "rdflib" not in result:  # the same data as the build's: measured once
        log("rdflib")
        result["rdflib"] = rdflib_latency(work / "store", examples, 3, 1_000_000)
    _save(size, result)
    log("done")
    return result


def _save(size: str, result: dict[str, Any]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"results-{size}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))


# --- report ---------------------------------------------------------------------------------------------
def _order(size: str) -> float:
    return {"bundled": -2.0, "default": -1.0}.get(size) or float(size)


def load_results() -> list[dict[str, Any]]:
    found = [json.loads(p.read_text()) for p in OUT.glob("results-*.json")]
    return sorted(found, key=lambda r: _order(r["size"]))


def plot(results: list[dict[str, Any]]) -> None:
    """Build time and query latency against the size of the input (MB), one point per corpus."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    built = [r for r in results if "build" in r and not r["build"]["timed_out"]]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.4))
    if built:
        xs = [r["mb"] for r in built]
        a.plot(xs, [r["build"]["seconds"] for r in built], "o-", label="end to end (policykg build)")
        a.plot(xs, [r["floor"]["seconds"] for r in built], "s--", label="floor: OpenCC t2s + jieba")
        for stage in ("ingest", "extract", "link", "store"):
            pts = [(r["mb"], r["stages"]["seconds"][stage]) for r in built if "stages" in r]
            if pts:
                a.plot(*zip(*pts, strict=True), ".:", label=f"stage alone: {stage}")
        for r in built:
            a.annotate(f"{r['size']} ({r['documents']} docs)", (r["mb"], r["build"]["seconds"]), fontsize=7,
                       textcoords="offset points", xytext=(4, 4))
    for r in results:
        if "build" in r and r["build"]["timed_out"]:
            a.axvline(r["mb"], color="red", lw=0.8, ls=":")
            a.annotate(f"{r['size']}: build stopped at {r['build']['seconds']:.0f} s", (r["mb"], 1), fontsize=7, color="red")
    a.set_xscale("log")
    a.set_yscale("log")
    a.set_xlabel("input MB")
    a.set_ylabel("seconds")
    a.set_title("Build time against corpus size")
    a.legend(fontsize=7)
    lat = [r for r in results if "latency" in r]
    for name in ("units-by-concept", "trace", "targets", "search"):
        if lat:
            xs = [r["mb"] for r in lat]
            line = b.plot(xs, [r["latency"][name]["p50"] for r in lat], "o-", label=f"{name} p50")[0]
            b.plot(xs, [r["latency"][name]["cold_p50"] for r in lat], "x:", color=line.get_color(),
                   label=f"{name} cold p50")
    for r in lat:
        b.annotate(r["size"], (r["mb"], r["latency"]["search"]["p50"]), fontsize=7, textcoords="offset points", xytext=(4, -10))
    b.axhline(20, color="grey", lw=0.8, ls="--", label="p50 target 20 ms")
    b.axhline(100, color="grey", lw=0.8, ls="-.", label="p99 target 100 ms")
    b.set_xscale("log")
    b.set_yscale("log")
    b.set_xlabel("input MB")
    b.set_ylabel("ms per request (HTTP, loopback)")
    b.set_title("Researcher endpoint latency against corpus size")
    b.legend(fontsize=6, ncol=2)
    fig.tight_layout()
    fig.savefig(PLOT, dpi=110)


def report(results: list[dict[str, Any]], notes: str = "") -> str:
    lines = ["# Benchmarks", "", "Written by `bench/run.py` (`python bench/run.py --report` rewrites it from bench/out/).", ""]
    if results:
        m = results[-1]["machine"]
        lines += [f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB; Python {m['python']}; "
                  f"commit {m['commit']}; measured {', '.join(sorted({r['machine']['date'] for r in results}))}. "
                  "Load average at the start of each size: "
                  + "; ".join(f"{r['size']}: {r['machine']['load'][0]:.1f}" for r in results) + ".", ""]
    lines += ["![build time and query latency against corpus size](scaling.png)", "", "## Build", "",
              "| corpus | docs | MB | end to end s | docs/s | MB/s | floor MB/s | end to end / floor | peak RSS (tree / largest process) | result |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in results:
        b = r.get("build")
        if not b:
            continue
        fl = r["mb"] / r["floor"]["seconds"]
        e2e = r["mb"] / b["seconds"]
        state = "timed out" if b["timed_out"] else (b["summary"].split(" in /")[0] or f"exit {b['returncode']}")
        lines.append(f"| {r['size']} | {r['documents']} | {r['mb']:.2f} | {b['seconds']:.1f} | {r['documents'] / b['seconds']:.2f} "
                     f"| {e2e:.4f} | {fl:.2f} | {e2e / fl:.2%} | {b['peak_rss_tree_mb']:.0f} / {b['peak_rss_process_mb']:.0f} MB | {state} |")
    lines += ["", "Per stage, each run alone in one process (so the sum is the single-core cost):", "",
              "| corpus | ingest MB/s (docs/s) | extract MB/s (docs/s) | link MB/s (docs/s) | map + store MB/s (docs/s) | clause links | quads |",
              "| --- | --- | --- | --- | --- | ---: | ---: |"]
    for r in results:
        s = r.get("stages")
        if not s:
            continue
        cells = []
        for stage in ("ingest", "extract", "link", "store"):
            sec = max(s["seconds"][stage], 1e-9)
            cells.append(f"{r['mb'] / sec:.3f} ({r['documents'] / sec:.2f})")
        lines.append(f"| {r['size']} | " + " | ".join(cells) + f" | {s['clause_links']} | {s['quads']} |")
    lines += ["", "## Researcher endpoints over HTTP (uvicorn on 127.0.0.1)", "",
              "Each path is requested once cold (first time this service sees it), then again in several rounds; "
              "the percentiles are over all requests. Targets: p50 < 20 ms, p99 < 100 ms.", "",
              "| corpus | endpoint | requests | p50 ms | p95 ms | p99 ms | cold p50 ms | slowest cold ms |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        for name, l_ in r.get("latency", {}).items():
            lines.append(f"| {r['size']} | {name} | {l_['n']} | {l_['p50']:.1f} | {l_['p95']:.1f} | {l_['p99']:.1f} "
                         f"| {l_['cold_p50']:.1f} | {l_['cold_max']:.1f} |")
    lines += ["", "## Example SPARQL queries (api/queries/*.rq): /sparql over HTTP against rdflib in memory", "",
              "| corpus | query | service p50 ms | service p99 ms | rdflib p50 ms | rdflib / service |",
              "| --- | --- | ---: | ---: | ---: | ---: |"]
    for r in results:
        rd = r.get("rdflib", {})
        for name, s_ in r.get("sparql", {}).items():
            rl = rd.get(name, {}).get("p50")
            ratio = f"{rl / s_['p50']:.1f}×" if rl else rd.get("skipped", "–")
            lines.append(f"| {r['size']} | {name} | {s_['p50']:.1f} | {s_['p99']:.1f} | {rl if rl is None else f'{rl:.1f}'} | {ratio} |")
    lines += ["", "rdflib load time of the same N-Quads: "
              + "; ".join(f"{r['size']}: {r['rdflib']['load_s']:.1f} s" for r in results if "load_s" in r.get("rdflib", {})), "",
              "## Sustained load on the researcher endpoints", "",
              "Every path above in turn, from 1, 2, 4 and 8 concurrent clients on loopback, for a bounded time each.", "",
              "| corpus | clients | requests | requests/s | p50 ms | p99 ms | errors |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        for s_ in r.get("load", []):
            lines.append(f"| {r['size']} | {s_['clients']} | {s_['requests']} | {s_['rps']:.1f} | {s_['p50']:.1f} | {s_['p99']:.1f} | {s_['errors']} |")
        held = [s_ for s_ in r.get("load", []) if s_["p99"] < 100 and not s_["errors"]]
        if r.get("load"):
            best = max(held, key=lambda s_: s_["rps"]) if held else None
            lines.append(f"| {r['size']} | **held with p99 < 100 ms** | | **{best['rps']:.1f}** | | | |" if best
                         else f"| {r['size']} | **no level held p99 < 100 ms** | | | | | |")
    if notes:
        lines += ["", notes.strip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", default=[])
    parser.add_argument("--report", action="store_true", help="only rewrite RESULTS.md and the plot")
    parser.add_argument("--queries-only", action="store_true",
                        help="keep the build measurements of an earlier run; measure the queries on its store again")
    parser.add_argument("--build-timeout", type=float, default=3600)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--load-seconds", type=float, default=8)
    parser.add_argument("--stages-max-docs", type=int, default=1000,
                        help="measure the stages one by one only for corpora up to this many documents")
    parser.add_argument("--notes", type=Path, default=ROOT / "bench" / "NOTES.md",
                        help="text appended to RESULTS.md (what the numbers mean, what remains)")
    args = parser.parse_args(argv)
    for size in args.sizes:
        measure(size, args.build_timeout, args.rounds, args.load_seconds, args.queries_only, args.stages_max_docs)
    results = load_results()
    plot(results)
    notes = args.notes.read_text(encoding="utf-8") if args.notes.exists() else ""
    RESULTS.write_text(report(results, notes), encoding="utf-8")
    print(f"wrote {RESULTS} and {PLOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from latency import (
    latency,
    rdflib_latency,
    researcher_requests,
    served,
    sparql_examples,
    sparql_latency,
    sustained,
)
from report import RESULTS, load_results, owned_sections, plot, report, write_section

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
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
    owned = owned_sections()  # the sections bench/stores.py and bench/links_scale.py write stay
    RESULTS.write_text(report(results, notes), encoding="utf-8")
    for heading, section in owned:
        write_section(heading, section.rstrip("\n") + "\n")
    print(f"wrote {RESULTS} and {PLOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

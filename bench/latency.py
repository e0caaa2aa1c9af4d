"""Query measurements of the benchmarks: researcher endpoints over HTTP against a service started fresh
(cold and warm), the example SPARQL queries, rdflib in memory on the same queries, sustained load."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POLICYKG = str(Path(PYTHON).parent / "policykg")


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
        documents = store.select(v.SPARQL_PREFIXES + """
            SELECT ?d WHERE { ?d a eli:LegalExpression ; pkg:sourcePath ?file } ORDER BY ?d""")  # read, not only cited
        # the documents most implemented (the national plans first): their coverage reads the most links
        implemented = store.select(v.SPARQL_PREFIXES + f"""
            SELECT ?d (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{v.LINKS_GRAPH}> {{
              ?l a pkg:DocumentLink ; pkg:relation "implements" ; pkg:target ?d ; pkg:source ?s }} }}
            GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 4""")
    ids = [v.id_from_iri(r["m"]) for r in measures][::40][:10]
    docs = [v.id_from_iri(r["d"]) for r in documents]
    docs = docs[:: max(1, len(docs) // 8)][:8]
    from urllib.parse import quote

    return {
        "units-by-concept": [f"/api/units?concept={quote(c)}" for c in ("ccus", "碳捕集", "能源", "carbon capture", "光伏", "建筑节能")],
        "trace": [f"/api/trace/{quote(i, safe='')}" for i in ids],
        "targets": ["/api/targets", "/api/targets?year=2025", "/api/targets?year=2030", "/api/targets?region=CN-FJ",
                    "/api/targets?concept=%E8%83%BD%E6%BA%90"],
        "search": [f"/api/search?q={quote(q)}" for q in ("碳", "光伏", "碳捕集", "氢能", "清洁能源", "碳達峰", "新能源汽车")],
        "document": [f"/api/documents/{quote(d, safe='')}" for d in docs],
        "coverage": [f"/api/coverage/{quote(v.id_from_iri(r['d']), safe='')}" for r in implemented],
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


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)

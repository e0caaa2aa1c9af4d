"""The coverage answer (`/api/coverage/{id}`) of the documents most implemented, from the answer index and
from SPARQL alone, on built stores.

    python bench/coverage.py bundled=bench/out/work-bundled/store default=/tmp/cov_store
    python bench/coverage.py --report           # rewrite the section from bench/out/coverage.json

In one process over the opened store, each document's answer is computed by a fresh `Queries` (no answer
or row kept): from the index, then from SPARQL alone, twice each (the first on a store this process has
not read yet); then over HTTP against a service started fresh, the first request of each document and
the p50 of five more. The table goes into bench/RESULTS.md under its own heading (`bench/run.py` keeps it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from latency import latency, researcher_requests, served
from report import RESULTS, write_section  # bench/, the script's folder

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "coverage.json"
HEADING = "## The coverage answer from the answer index (bench/coverage.py)"


def _timed(store: Any, settings: Any, doc_id: str) -> float:
    from policykg.graph.queries import Queries

    t0 = time.perf_counter()
    Queries(store, settings).coverage(doc_id)
    return (time.perf_counter() - t0) * 1000


def measure(store_dir: Path) -> list[dict[str, Any]]:
    from urllib.parse import unquote

    from policykg.graph.queries import Queries
    from policykg.graph.store import open_store
    from policykg.ontology import vocab as v
    from policykg.settings import Settings

    paths = researcher_requests(store_dir)["coverage"]
    out = []
    settings = Settings(store=str(store_dir))
    with open_store(settings) as store:
        plain = settings.replace(answer_index=False)
        index = Queries(store, settings).run.index()
        assert index is not None, "the answer index is not in step with the store: build it again"
        for path in paths:
            doc_id = unquote(path.rsplit("/", 1)[1])
            index_ms = [_timed(store, settings, doc_id)]
            sparql_ms = [_timed(store, plain, doc_id)]
            index_ms.append(_timed(store, settings, doc_id))
            sparql_ms.append(_timed(store, plain, doc_id))
            answer = Queries(store, settings).coverage(doc_id) or {}
            out.append({"document": doc_id, "path": path, "links": len(index.coverage_links(v.doc_iri(doc_id), 1, 0.2)),
                        "regions": len(answer.get("regions", [])), "index_ms": index_ms, "sparql_ms": sparql_ms})
    with served(store_dir) as base:
        for row in out:
            http = latency(base, [row["path"]], 5)
            row["http_cold_ms"], row["http_p50"], row["statuses"] = http["cold_ms"][0], http["p50"], http["statuses"]
    return out


def table(kept: dict[str, Any]) -> str:
    lines = [HEADING, "",
             "The clause × region matrix of the documents most implemented: `links` is how many rows of "
             "coverage_links.rq it reads (rank 1, score ≥ 0.2). In process, a fresh `Queries` each time, first / "
             "second computation: SPARQL alone (as every coverage was answered before the index held the links) "
             "and the answer index (a corpus's first row also reads the gazetteer, which the service reads at "
             "start). Load: the 1-minute load average at the start, on 2 cores. Over HTTP, from the index: a service started fresh, its first request, then "
             "the p50 of five more (the answer kept for the store's generation).", "",
             "| corpus | measured (commit, time, load) | document | links | regions | SPARQL ms | index ms | HTTP first ms | HTTP p50 ms |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size, run in kept.items():
        for r in run["rows"]:
            lines.append(f"| {size} | {run['commit']}, {run['date']}, {run['load']:.1f} | {r['document']} | {r['links']} | {r['regions']} | "
                         f"{r['sparql_ms'][0]:.0f} / {r['sparql_ms'][1]:.0f} | {r['index_ms'][0]:.0f} / "
                         f"{r['index_ms'][1]:.0f} | {r['http_cold_ms']:.0f} | {r['http_p50']:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import datetime as dt
    import subprocess

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stores", nargs="*", help="NAME=STORE_DIR of built stores")
    parser.add_argument("--report", action="store_true", help="only rewrite the section from the kept measurements")
    args = parser.parse_args(argv)
    kept = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    if not args.report:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
        for spec in args.stores:
            name, _, directory = spec.partition("=")
            load = os.getloadavg()[0]
            rows = measure(Path(directory))
            kept[name] = {"commit": commit, "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                          "load": load, "rows": rows}
            print(json.dumps(kept[name], ensure_ascii=False), file=sys.stderr)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(HEADING, table(kept), before="## Example SPARQL queries")
    print(f"wrote the section of {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

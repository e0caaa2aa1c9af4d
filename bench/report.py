"""The benchmark report: bench/RESULTS.md and the plot bench/scaling.png, written from the measurements
bench/run.py keeps in bench/out/ (one JSON file per corpus size)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PLOT = ROOT / "bench" / "scaling.png"
RESULTS = ROOT / "bench" / "RESULTS.md"
#: The heading of a section another script of bench/ writes and owns: it names the script.
_OWNED_HEADING = re.compile(r"^## .*\(bench/\w+\.py\)$", re.M)


def write_section(heading: str, text: str, before: str | None = None) -> None:
    """Replaces the section of RESULTS.md under `heading` (up to the next heading of its level) by `text`
    (which starts with the heading); a new section goes before the heading `before` where there is one,
    else at the end."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    if heading in current:
        start, _, rest = current.partition(heading)
        after = rest.split("\n## ", 1)
        tail = "\n## " + after[1] if len(after) > 1 else ""
        current = start.rstrip("\n") + "\n\n" + text + tail
    elif before and "\n" + before in current:
        start, _, rest = current.partition("\n" + before)
        current = start.rstrip("\n") + "\n\n" + text + "\n" + before + rest
    else:
        current = current.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(current, encoding="utf-8")


def owned_sections() -> list[tuple[str, str]]:
    """(heading, section) of every section of RESULTS.md another script of bench/ owns, so that a rewrite
    of the report by bench/run.py keeps them."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    out = []
    for m in _OWNED_HEADING.finditer(current):
        end = current.find("\n## ", m.end())
        out.append((m.group(0), current[m.start() : end + 1 if end >= 0 else len(current)]))
    return out


def _order(size: str) -> float:
    return {"bundled": -2.0, "default": -1.0}.get(size) or float(size)


def load_results() -> list[dict[str, Any]]:
    found = [json.loads(p.read_text()) for p in OUT.glob("results-*.json")]
    return sorted(found, key=lambda r: _order(r["size"]))


_SUMMARY_COUNTS = re.compile(r"(\d+) clause links; (\d+) quads")


def built_counts(result: dict[str, Any]) -> tuple[int, int] | None:
    """(clause links, quads) of a size's end-to-end build, as its summary line states them."""
    m = _SUMMARY_COUNTS.search(result.get("build", {}).get("summary", ""))
    return (int(m.group(1)), int(m.group(2))) if m else None


#: Corpora of real documents (their documents are long); the numbered sizes are generated ones.
_REAL = ("bundled", "default")


def _groups(results: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """(line style, results sorted by documents) for the generated corpora (a line) and the real ones
    (diamonds, dotted): the two kinds are not one series, their documents differ in size."""
    generated = sorted((r for r in results if r["size"] not in _REAL), key=lambda r: r["documents"])
    real = sorted((r for r in results if r["size"] in _REAL), key=lambda r: r["documents"])
    return [(style, group) for style, group in (("o-", generated), ("D:", real)) if group]


def plot(results: list[dict[str, Any]]) -> None:
    """Four views against the number of documents, one point per corpus (generated corpora as lines, the
    real ones as diamonds): build time, peak memory, quads and clause links per document, and the
    researcher endpoints' p99 (and slowest first request)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    built = [r for r in results if "build" in r and not r["build"]["timed_out"]]
    fig, ((a, mem), (per, b)) = plt.subplots(2, 2, figsize=(11, 8.4))
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]

    def draw(ax: Any, rows: list[dict[str, Any]], value: Any, label: str, colour: str, alpha: float = 1.0) -> None:
        for n, (style, group) in enumerate(_groups(rows)):
            pts = [(r["documents"], y) for r in group if (y := value(r)) is not None]
            if pts:
                ax.plot(*zip(*pts, strict=True), style, color=colour, alpha=alpha, label=label if n == 0 else None)

    draw(a, built, lambda r: r["build"]["seconds"], "end to end (policykg build)", colours[0])
    draw(a, built, lambda r: r["floor"]["seconds"], "floor: OpenCC t2s + jieba", colours[1])
    for k, stage in enumerate(("ingest", "extract", "link", "store")):
        draw(a, built, lambda r, s=stage: r["stages"]["seconds"][s] if "stages" in r else None,
             f"stage alone: {stage}", colours[2 + k])
    for r in built:
        a.annotate(f"{r['size']} ({r['mb']:.1f} MB)", (r["documents"], r["build"]["seconds"]), fontsize=7,
                   textcoords="offset points", xytext=(4, 4))
    draw(mem, built, lambda r: r["build"]["peak_rss_process_mb"], "largest process", colours[0])
    draw(mem, built, lambda r: r["build"]["peak_rss_tree_mb"], "whole process tree", colours[1])
    draw(per, built, lambda r: (c[1] / r["documents"]) if (c := built_counts(r)) else None, "quads per document",
         colours[0])
    draw(per, built, lambda r: (c[0] / r["documents"]) if (c := built_counts(r)) else None,
         "clause links per document", colours[1])
    for r in results:
        if "build" in r and r["build"]["timed_out"]:
            a.axvline(r["documents"], color="red", lw=0.8, ls=":")
            a.annotate(f"{r['size']}: build stopped at {r['build']['seconds']:.0f} s", (r["documents"], 1), fontsize=7,
                       color="red")
    a.axhline(120, color="grey", lw=0.8, ls="--", label="target: default corpus 120 s")
    a.axhline(900, color="grey", lw=0.8, ls="-.", label="target: 10,000 documents 900 s")
    a.set_title("Build time (diamonds: the real corpora)")
    a.set_ylabel("seconds")
    a.legend(fontsize=6)
    mem.axhline(1500, color="grey", lw=0.8, ls="--", label="target: default corpus 1.5 GB")
    mem.axhline(2000, color="grey", lw=0.8, ls="-.", label="target: 10,000 documents 2 GB")
    mem.set_title("Peak memory of the build (RSS)")
    mem.set_ylabel("MB")
    mem.legend(fontsize=6)
    per.set_title("Graph size per document (flat = linear in documents)")
    per.set_ylabel("per document")
    per.set_yscale("log")
    per.legend(fontsize=6)
    lat = [r for r in results if "latency" in r]
    for k, name in enumerate(("units-by-concept", "trace", "targets", "search", "document")):
        draw(b, lat, lambda r, n=name: r["latency"][n]["p99"] if n in r["latency"] else None, f"{name} p99",
             colours[k])
        draw(b, lat, lambda r, n=name: r["latency"][n]["cold_max"] if n in r["latency"] else None,
             f"{name} slowest first", colours[k], alpha=0.4)
    b.axhline(100, color="grey", lw=0.8, ls="-.", label="p99 target 100 ms")
    b.set_title("Endpoints over HTTP: p99 (faint: slowest first)")
    b.set_ylabel("ms per request")
    b.legend(fontsize=6, ncol=2)
    for ax in (a, mem, per, b):
        ax.set_xscale("log")
        ax.set_xlabel("documents")
    for ax in (a, b):
        ax.set_yscale("log")
    fig.tight_layout()
    fig.savefig(PLOT, dpi=100)


def report(results: list[dict[str, Any]], notes: str = "") -> str:
    lines = ["# Benchmarks", "", "Written by `bench/run.py` (`python bench/run.py --report` rewrites it from bench/out/).", ""]
    if results:
        m = results[-1]["machine"]
        lines += [f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB; Python {m['python']}. "
                  "Each size as measured (commit, time, load average at its start): "
                  + "; ".join(f"{r['size']}: {r['machine']['commit']}, {r['machine']['date']}, load "
                              f"{r['machine']['load'][0]:.1f}" for r in results) + ".", ""]
    lines += ["![build time, memory, quads and links per document, endpoint p99 against corpus size](scaling.png)", "", "## Build", "",
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

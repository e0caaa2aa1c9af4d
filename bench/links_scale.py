"""Links per document as the corpus of real documents grows: the eleven bundled texts, then corpora of
real PDFs (their packs in corpus/real) evenly spread over the whole corpus with the eleven texts.

    python bench/links_scale.py                      # measure 11, 100 and every document; write the table
    python bench/links_scale.py --sizes 11 100       # only these sizes
    python bench/links_scale.py --generated 10000    # a corpus of bench/generate.py (seed 7), as bench/run.py makes it
    python bench/links_scale.py --report             # rewrite the table from bench/out/links_scale.json

Each corpus is ingested and extracted once (not timed) and linked with `link_corpus`, as the build links
(no store is built: the link quads are those the build would write). The table goes into
bench/RESULTS.md under its own heading, replacing that section only (`bench/run.py` keeps it when it
rewrites the rest of RESULTS.md).
Where the corpus holds every document of the links key (tests/keys/links_measure.toml), the key's
top-1 / top-3 per parent document are measured on it too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from report import RESULTS, write_section  # bench/, the script's folder

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "links_scale.json"
HEADING = "## Links per document at 11, 100 and every real document (bench/links_scale.py)"
SEED = 7  # bench/run.py's seed: the same generated corpus
PACKS = ROOT / "corpus" / "real"


def packs() -> list[Path]:
    rows = (PACKS / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
    return [PACKS / r.split("\t")[0] for r in rows if r and not r.startswith("#")]


def chosen_packs(size: int, every: list[Path]) -> list[Path]:
    """`size` − 11 packs evenly spread over the corpus (all of them when there are fewer)."""
    wanted = max(0, size - 11)
    if wanted >= len(every):
        return list(every)
    step = len(every) / wanted if wanted else 1
    return [every[int(i * step)] for i in range(wanted)]


def generated_files(size: int) -> tuple[list[Path], Path]:
    """The generated corpus of `size` documents bench/run.py measures (made once, kept in bench/out)."""
    import generate  # bench/, the script's folder

    folder = OUT.parent / f"corpus-{size}"
    if not (folder / "manifest.toml").exists():
        generate.generate(size, SEED, folder)
    return sorted((folder / "documents").iterdir()), folder / "manifest.toml"


def measure(size: int, cache: dict[Path, Any], generated: bool = False) -> dict[str, Any]:
    from policykg.evaluate import bundled_corpus
    from policykg.graph.rdf_links import links_quads
    from policykg.ingest.manifest import load_manifest
    from policykg.link import LINKER_VERSION, link_corpus
    from policykg.pipeline import process_file
    from policykg.settings import Settings

    settings = Settings()
    docs: list[Any] = []
    extractions: dict[str, Any] = {}
    if generated:
        files, manifest_path = generated_files(size)
        manifest = load_manifest(manifest_path)
    else:
        bundled, bundled_extractions = bundled_corpus()
        docs, extractions = list(bundled), dict(bundled_extractions)
        files, manifest = chosen_packs(size, packs()), load_manifest()
    for path in files:
        if path not in cache:
            cache[path] = process_file(path, manifest.get(str(path.resolve())), settings)
        doc, extraction = cache[path]
        if doc.id not in extractions:
            docs.append(doc)
            extractions[doc.id] = extraction
        if generated:
            del cache[path]  # ten thousand documents are held once, in `docs`
    before, started = os.times(), time.perf_counter()
    links = link_corpus(docs, extractions, settings)
    after, wall = os.times(), time.perf_counter() - started
    # the linking processes' CPU too: they have ended (and been waited for) when link_corpus returns
    cpu = sum(after[:4]) - sum(before[:4])
    clause = [lk for lk in links.clauses if lk.method != "alignment"]
    per_doc = Counter(lk.source.split("~", 1)[0] for lk in clause)
    counts = [per_doc.get(d.id, 0) for d in docs]
    linked = [n for n in counts if n]
    parents = Counter(d.source for d in links.documents if d.relation == "implements")
    quads = len(links_quads(links))
    result: dict[str, Any] = {
        "size": size, "generated": generated, "linker": LINKER_VERSION, "documents": len(docs), "clause_links": len(clause),
        "documents_linked": len(linked),
        "links_per_document": {"mean": round(statistics.mean(counts), 1), "median": statistics.median(counts),
                               "max": max(counts)},
        "links_per_linked_document": round(statistics.mean(linked), 1) if linked else 0.0,
        "links_per_comparand": round(len(clause) / max(1, len({lk.source for lk in clause})), 2),
        "parents_per_document": {"mean": round(sum(parents.values()) / len(docs), 2), "max": max(parents.values(), default=0)},
        "link_quads": quads, "link_quads_per_document": round(quads / len(docs)),
        "cpu_s": round(cpu, 1),
        "wall_s": round(wall, 1),
    }
    result["key"] = key_figures(docs, extractions, links)
    return result


def key_figures(docs: list[Any], extractions: dict[str, Any], links: Any) -> dict[str, Any] | None:
    """The links key's top-1 / top-3 per parent, when the corpus holds every document it is about."""
    from policykg.evaluate import load_key
    from policykg.link.key import key_files, score_key

    key = load_key(ROOT / "tests" / "keys" / "links_measure.toml", "measure")
    names = {d.source_name for d in docs}
    if not set(key_files(key)) <= names:
        return None
    return score_key(key, docs, extractions, links).as_dict()


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        HEADING, "",
        "Clause links from measures and leaf clauses to the clauses of the documents above (alignments of "
        "expressions left out); a document's links are those from its own comparands (measures and leaf clauses). The eleven bundled texts, then "
        "real PDFs evenly spread over corpus/real with them; a generated corpus is bench/generate.py's (seed 7, as "
        "bench/run.py measures it: central, provincial and city plans citing their parents); CPU of `link_corpus` alone, its linking processes "
        "included (it includes about 2 s to load the segmenter), and its wall time.", "",
        "| corpus | linker | documents | clause links | links per document (mean / median / max) "
        "| per linked document | per linked comparand | parents per document (mean / max) | link quads per document | CPU s | wall s |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in sorted(results, key=lambda r: (bool(r.get("generated")), r["size"])):
        per = r["links_per_document"]
        name = f"{r['size']:,} generated" if r.get("generated") else str(r["size"])
        lines.append(
            f"| {name} | {r.get('linker', '')} | {r['documents']} | {r['clause_links']:,} | {per['mean']:,} / {per['median']:,} / "
            f"{per['max']:,} | {r['links_per_linked_document']:,} | {r['links_per_comparand']} | "
            f"{r['parents_per_document']['mean']} / {r['parents_per_document']['max']} | "
            f"{r['link_quads_per_document']:,} | {r['cpu_s']} | {r.get('wall_s', '–')} |")
    keyed = [r for r in results if r.get("key")]
    if keyed:
        lines += ["", "The links key (tests/keys/links_measure.toml) on the corpora holding all its documents "
                  "(top-1 / top-3; reachable: questions whose parent document is among the measure's linked ones):",
                  "", "| corpus | parent | questions | top-1 | top-3 | reachable | reachable top-1 | reachable top-3 |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in keyed:
            for parent, f in r["key"].items():
                lines.append(f"| {r['documents']} | {parent} | {f['questions']} | {f['top1']:.3f} | {f['top3']:.3f} | "
                             f"{f['reachable']} | {f['reachable_top1']:.3f} | {f['reachable_top3']:.3f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[11, 100, 430])
    parser.add_argument("--generated", nargs="*", type=int, default=[],
                        help="also these sizes of generated documents (bench/generate.py, seed 7)")
    parser.add_argument("--report", action="store_true", help="only rewrite the section from the kept measurements")
    args = parser.parse_args(argv)
    kept = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    if not args.report:
        cache: dict[Path, Any] = {}
        runs = [(size, False) for size in sorted(args.sizes)] + [(size, True) for size in sorted(args.generated)]
        for size, generated in runs:
            result = measure(size, cache, generated)
            kept[f"generated-{size}" if generated else str(size)] = result
            print(json.dumps({k: v for k, v in result.items() if k != "key"}), file=sys.stderr)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_section(HEADING, table(list(kept.values())))
    print(f"wrote the section of {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

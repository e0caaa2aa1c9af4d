"""Extraction time against the length of one clause: a real plan's text repeated, read as one document.

    .venv/bin/python bench/long_clause.py [--pack 454] [--times 1 4 8 16]

A plan whose appendix the layout gives as one clause, or a long report without headings, is one long clause; the
extractor reads it one target and one unit at a time. This prints, per repetition, the text's length, its longest
clause, and the seconds to normalise and to extract it (one process, after one warm-up run): extraction should
grow with the text, not with its square.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from policykg.extract.document import extract_document
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw

PACKS = Path(__file__).resolve().parents[1] / "corpus" / "real"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default="454", help="running number of the real document repeated")
    parser.add_argument("--times", type=int, nargs="+", default=[1, 4, 8, 16])
    args = parser.parse_args()
    name = next(n for n in sources(PACKS) if n.startswith(args.pack + "、"))
    doc = normalise(read_raw(sources(PACKS)[name]))
    title, body = doc.metadata.title or name, doc.text
    extract_document(doc)  # warm-up: the pipelines and lexicons load once
    print("| repetitions | characters | longest clause | normalise s | extract s | targets |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for k in args.times:
            path = Path(tmp) / f"{args.pack}x{k}.txt"
            path.write_text(title + "\n" + body * k, encoding="utf-8")
            t0 = time.perf_counter()
            long_doc = normalise(read_raw(path))
            t1 = time.perf_counter()
            extraction = extract_document(long_doc)
            t2 = time.perf_counter()
            longest = max(c.own_range()[1] - c.own_range()[0] for c in long_doc.walk())
            print(f"| {k} | {len(long_doc.text)} | {longest} | {t1 - t0:.2f} | {t2 - t1:.2f} | {len(extraction.targets())} |")


if __name__ == "__main__":
    main()

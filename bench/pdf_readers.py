"""Compare PDF text-extraction libraries on a folder of PDFs.

    .venv/bin/python bench/pdf_readers.py /path/to/pdfs --out bench/out/pdf_readers.json

Each library runs in its own subprocess, one after the other, over every file (or over a fixed
sample for the slow ones, see --sample-libs). Per library: wall time, time per page, peak RSS of
the subprocess, files that fail or time out, pages without text, characters extracted, and counts of
text-layer traps (spaces between CJK characters, private-use / replacement characters, CJK
compatibility and radical characters, "— 3 —" page numbers). With --quality FILE ... the texts of
those files are also written to <out dir>/pdf_text/<library>/<file>.txt for reading side by side,
and character multisets are compared between libraries.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import unicodedata
import warnings
from collections import Counter
from pathlib import Path

LIBS = ["pypdfium2", "pymupdf", "pypdf", "pdfminer", "pdfplumber"]

CJK = "\u4e00-\u9fff"
RE_CJK_SPACE = re.compile(f"[{CJK}] [{CJK}]")
RE_PUA = re.compile("[\ue000-\uf8ff\ufffd]")
RE_RADICAL = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")
RE_PAGE_NO = re.compile(r"^\s*[—－-]+\s*\d{1,3}\s*[—－-]+\s*$", re.M)
RE_CJK = re.compile(f"[{CJK}]")


# ---------------------------------------------------------------- extraction, one library


class Timeout(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise Timeout()


def pages_pypdfium2(path: str) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    out = []
    try:
        for page in doc:
            tp = page.get_textpage()
            out.append(tp.get_text_bounded())
            tp.close()
            page.close()
    finally:
        doc.close()
    return out


def pages_pymupdf(path: str) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [page.get_text() for page in doc]


def pages_pypdf(path: str) -> list[str]:
    import pypdf

    reader = pypdf.PdfReader(path)
    return [page.extract_text() or "" for page in reader.pages]


def pages_pdfminer(path: str) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "".join(el.get_text() for el in page if isinstance(el, LTTextContainer))
        for page in extract_pages(path)
    ]


def pages_pdfplumber(path: str) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        out = []
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            page.flush_cache()
        return out


EXTRACT = {
    "pypdfium2": pages_pypdfium2,
    "pymupdf": pages_pymupdf,
    "pypdf": pages_pypdf,
    "pdfminer": pages_pdfminer,
    "pdfplumber": pages_pdfplumber,
}


MODULE = {"pypdfium2": "pypdfium2", "pymupdf": "pymupdf", "pypdf": "pypdf",
          "pdfminer": "pdfminer.high_level", "pdfplumber": "pdfplumber"}


def trap_counts(text: str) -> dict[str, int]:
    return {
        "cjk": len(RE_CJK.findall(text)),
        "cjk_space": len(RE_CJK_SPACE.findall(text)),
        "pua_fffd": len(RE_PUA.findall(text)),
        "radical_compat": len(RE_RADICAL.findall(text)),
        "page_no_lines": len(RE_PAGE_NO.findall(text)),
    }


def worker(lib: str, files: list[str], timeout: int, text_dir: str | None) -> dict:
    """Run in the subprocess: extract every file with one library and return the figures."""
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)
    fn = EXTRACT[lib]
    # import outside the timed loop, as a long-running product process would
    __import__(MODULE[lib])
    signal.signal(signal.SIGALRM, _alarm)
    per_file = {}
    t_all = time.perf_counter()
    for path in files:
        name = os.path.basename(path)
        rec: dict = {}
        t0 = time.perf_counter()
        signal.alarm(timeout)
        try:
            pages = fn(path)
            signal.alarm(0)
            rec["pages"] = len(pages)
            rec["empty_pages"] = sum(1 for p in pages if not p.strip())
            text = "\n\f\n".join(pages)  # pages may not end with a newline
            rec["chars"] = sum(1 for c in text if not c.isspace())
            rec.update(trap_counts(text))
            if text_dir:
                Path(text_dir, lib).mkdir(parents=True, exist_ok=True)
                Path(text_dir, lib, name + ".txt").write_text(text, encoding="utf-8")
        except Timeout:
            rec["error"] = f"timeout {timeout}s"
        except Exception as e:  # noqa: BLE001
            signal.alarm(0)
            rec["error"] = f"{type(e).__name__}: {str(e)[:200]}"
        rec["seconds"] = round(time.perf_counter() - t0, 4)
        per_file[name] = rec
    total = time.perf_counter() - t_all
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": total, "cpu_seconds": ru.ru_utime + ru.ru_stime,
            "peak_rss_mb": ru.ru_maxrss / 1024, "files": per_file}


# ---------------------------------------------------------------- driver


def running_number(p: Path) -> int:
    m = re.match(r"(\d+)", p.name)
    return int(m.group(1)) if m else 10**9


def fixed_sample(files: list[Path], n: int) -> list[Path]:
    """Every k-th file by running number: the same sample on every run."""
    files = sorted(files, key=running_number)
    if len(files) <= n:
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def summarise(res: dict) -> dict:
    files = res["files"].values()
    ok = [r for r in files if "error" not in r]
    pages = sum(r["pages"] for r in ok)
    s = {
        "files": len(res["files"]),
        "files_ok": len(ok),
        "failed": sum(1 for r in files if "error" in r and not r["error"].startswith("timeout")),
        "timed_out": sum(1 for r in files if r.get("error", "").startswith("timeout")),
        "pages": pages,
        "seconds": round(res["seconds"], 1),
        "cpu_seconds": round(res["cpu_seconds"], 1),
        "ms_per_page": round(1000 * sum(r["seconds"] for r in ok) / pages, 2) if pages else None,
        "peak_rss_mb": round(res["peak_rss_mb"], 1),
        "empty_pages": sum(r["empty_pages"] for r in ok),
        "files_with_empty_pages": sum(1 for r in ok if r["empty_pages"]),
        "chars": sum(r["chars"] for r in ok),
    }
    for k in ("cjk_space", "pua_fffd", "radical_compat", "page_no_lines"):
        s[k] = sum(r[k] for r in ok)
        s["files_with_" + k] = sum(1 for r in ok if r[k])
    return s


def compare_multisets(text_dir: Path, libs: list[str], names: list[str]) -> dict:
    """Per quality file: characters (no whitespace) that one library has and another lacks."""
    out = {}
    for name in names:
        counters = {}
        for lib in libs:
            p = text_dir / lib / (name + ".txt")
            if p.exists():
                t = unicodedata.normalize("NFKC", p.read_text(encoding="utf-8"))
                counters[lib] = Counter(c for c in t if not c.isspace())
        if not counters:
            continue
        ref = counters.get("pypdfium2") or next(iter(counters.values()))
        row = {}
        for lib, c in counters.items():
            more, less = c - ref, ref - c
            row[lib] = {
                "chars": sum(c.values()),
                "extra_vs_pypdfium2": sum(more.values()),
                "missing_vs_pypdfium2": sum(less.values()),
                "top_extra": "".join(ch for ch, _ in more.most_common(12)),
                "top_missing": "".join(ch for ch, _ in less.most_common(12)),
            }
        out[name] = row
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdf_dir", nargs="?")
    ap.add_argument("--out", default="bench/out/pdf_readers.json")
    ap.add_argument("--libs", default=",".join(LIBS))
    ap.add_argument("--timeout", type=int, default=60, help="per-file bound, seconds")
    ap.add_argument("--sample", type=int, default=80, help="size of the fixed sample for --sample-libs")
    ap.add_argument("--sample-libs", default="", help="libraries measured on the fixed sample only")
    ap.add_argument("--quality", nargs="*", default=[], help="file names whose texts are kept and compared")
    ap.add_argument("--quality-only", action="store_true", help="run only on the --quality files")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--file-list", help=argparse.SUPPRESS)
    ap.add_argument("--text-dir", help=argparse.SUPPRESS)
    a = ap.parse_args()

    if a.worker:
        files = Path(a.file_list).read_text(encoding="utf-8").splitlines()
        json.dump(worker(a.worker, files, a.timeout, a.text_dir), sys.stdout, ensure_ascii=False)
        return

    all_files = sorted(Path(a.pdf_dir).glob("*.pdf"), key=running_number)
    quality = list(a.quality)
    out_path = Path(a.out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    text_dir = out_path.parent / "pdf_text"
    sample_libs = {x for x in a.sample_libs.split(",") if x}
    sample = fixed_sample(all_files, a.sample)

    report = {"corpus": str(a.pdf_dir), "corpus_files": len(all_files), "timeout_s": a.timeout,
              "python": sys.version.split()[0], "versions": versions(),
              "load_before": os.getloadavg(), "libs": {}}
    for lib in a.libs.split(","):
        if a.quality_only:
            files, scope = [Path(a.pdf_dir) / q for q in quality], "quality"
        elif lib in sample_libs:
            files, scope = sample, f"fixed sample of {len(sample)}"
        else:
            files, scope = all_files, "all"
        lst = out_path.parent / f".files_{lib}.txt"
        lst.write_text("\n".join(map(str, files)), encoding="utf-8")
        cmd = [sys.executable, __file__, "--worker", lib, "--file-list", str(lst),
               "--timeout", str(a.timeout)]
        t0 = time.time()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{lib}: worker failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        res = json.loads(proc.stdout)
        summary = summarise(res)
        summary["scope"] = scope
        summary["load_after"] = os.getloadavg()
        report["libs"][lib] = {"summary": summary, "files": res["files"]}
        print(f"{lib:11s} {scope:20s} {time.time() - t0:7.1f}s  {json.dumps(summary, ensure_ascii=False)}",
              flush=True)
        # texts of the quality files: a second, untimed pass, so the timed run writes nothing
        if quality and not a.quality_only:
            qlst = out_path.parent / f".quality_{lib}.txt"
            qlst.write_text("\n".join(str(Path(a.pdf_dir) / q) for q in quality), encoding="utf-8")
            subprocess.run([sys.executable, __file__, "--worker", lib, "--file-list", str(qlst),
                            "--timeout", str(a.timeout), "--text-dir", str(text_dir)],
                           capture_output=True, text=True, check=True)
    if a.quality_only:
        for lib in a.libs.split(","):
            qlst = out_path.parent / f".quality_{lib}.txt"
            qlst.write_text("\n".join(str(Path(a.pdf_dir) / q) for q in quality), encoding="utf-8")
            subprocess.run([sys.executable, __file__, "--worker", lib, "--file-list", str(qlst),
                            "--timeout", str(a.timeout), "--text-dir", str(text_dir)],
                           capture_output=True, text=True, check=True)
    if quality:
        report["quality_multisets"] = compare_multisets(text_dir, a.libs.split(","), quality)
    report["load_end"] = os.getloadavg()
    out_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


def versions() -> dict:
    from importlib.metadata import version

    out = {}
    for dist in ("pypdfium2", "pymupdf", "pypdf", "pdfminer.six", "pdfplumber"):
        try:
            out[dist] = version(dist)
        except Exception:  # noqa: BLE001
            out[dist] = None
    try:
        import pypdfium2

        out["pdfium"] = str(pypdfium2.version.PDFIUM_INFO)
    except Exception:  # noqa: BLE001
        pass
    return out


if __name__ == "__main__":
    main()

"""Bad input through the whole build: typed outcomes, bounded time and memory, the rest of the batch unharmed.

The batch is the real Sanming plan (from its corpus path, so with its manifest entry) plus the files of
`badcorpus.write_bad_corpus`. Sanming's graph must come out identical to the one of the clean default
build, every bad file must end in its typed outcome, the outcomes must add up to the input, and a re-run
must process only what failed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from policykg.graph.store import open_store
from policykg.ontology.vocab import graph_iri
from policykg.pipeline import build
from policykg.settings import Settings
from policykg.workspace import Workspace, sha256_file
from tests.robustness.badcorpus import FUJIAN, JIANGSU, SANMING, SHANWEI, VANISHING, write_bad_corpus

REPO = Path(__file__).resolve().parents[2]
SANMING_ID = "sanming-pollution-carbon-synergy-plan-2022"
#: Seconds any one bad file may take through ingest and extraction.
PER_FILE_SECONDS = 5.0


def _graph(store_dir: Path, doc_id: str) -> set[str]:
    with open_store(Settings(store=str(store_dir))) as store:
        rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph_iri(doc_id)}> {{ ?s ?p ?o }} }}")
        return {f"{r['s']} {r['p']} {r['o']}" for r in rows}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_bad_batch_is_typed_bounded_and_leaves_the_real_document_identical(built_store, corpus_dir, tmp_path):  # type: ignore[no-untyped-def]
    batch = tmp_path / "batch"
    expect = write_bad_corpus(batch, corpus_dir)
    store_dir = tmp_path / "store"
    ticks: list[tuple[int, float]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "ingest+extract":
            ticks.append((done, time.monotonic()))
            if done == 1:  # the file sorting last disappears while the batch runs
                (batch / VANISHING).unlink()

    started = time.monotonic()
    summary = build([corpus_dir / SANMING, batch], Settings(store=str(store_dir), workers=1), progress=progress)
    elapsed = time.monotonic() - started

    assert summary.total == len(expect) + 1 == 27
    assert summary.ok + summary.quarantined + summary.skipped == summary.total
    outcomes = {Path(o.path).name: o for o in summary.outcomes}
    assert outcomes[SANMING].status == "ok" and outcomes[SANMING].document == SANMING_ID
    for name, want in expect.items():
        got = outcomes[name]
        assert (got.status, got.code if got.status != "ok" else None) == (want.status, want.code), (name, got)
        if got.status == "skipped":
            assert got.document == SANMING_ID, got
        if got.status == "quarantined":
            assert got.message and "Traceback" not in got.message and str(tmp_path) not in got.message
    assert (summary.ok, summary.quarantined, summary.skipped) == (10, 15, 2)

    # bounded: every file in a few seconds, the zip bomb and the 200,000-deep page included
    # files with the same bytes as an earlier one are not read again, so they have no tick of their own
    seen_bytes: set[str] = set()
    mapped = []
    for o in summary.outcomes:
        digest = sha256_file(Path(o.path)) or o.path  # streamed: one of the files is 200 MiB
        if digest not in seen_bytes:
            seen_bytes.add(digest)
            mapped.append(o)
    assert len(mapped) == len(summary.outcomes) - 1  # the plain copy of the Sanming plan
    starts = [started] + [t for _, t in ticks[:-1]]
    per_file = {Path(o.path).name: t - s for o, s, (_, t) in zip(mapped, starts, ticks, strict=True)}
    slow = {n: round(s, 1) for n, s in per_file.items() if s > PER_FILE_SECONDS and outcomes[n].status != "ok"}
    assert not slow, slow
    assert elapsed < 180, elapsed
    worst = max((s, n) for n, s in per_file.items() if outcomes[n].status != "ok")
    print(f"bad batch: {summary.total} files in {elapsed:.1f} s; slowest refused file {worst[1]} {worst[0]:.2f} s")

    # the real document's graph is exactly the one of the clean default build
    assert _graph(store_dir, SANMING_ID) == _graph(built_store[0], SANMING_ID)

    # degraded results say what they are, and lying charsets still give the right text
    ws = Workspace(store_dir)

    def cached(name: str):  # type: ignore[no-untyped-def]
        loaded = ws.load(outcomes[name].document)  # type: ignore[arg-type]
        assert loaded is not None, name
        return loaded[0]

    for name, want in expect.items():
        if want.note:
            assert want.note in {n.kind for n in cached(name).notes}, name
    fujian = (corpus_dir / FUJIAN).read_text(encoding="utf-8")
    assert _lines(cached("fujian-gbk-says-utf8.html").original) == _lines(fujian)
    assert cached("fujian-gbk-says-utf8.html").encoding == "gb18030"
    shanwei = (corpus_dir / SHANWEI).read_text(encoding="utf-8")
    assert _lines(cached("shanwei-big5-says-gb2312.html").original) == _lines(
        shanwei.encode("big5", errors="replace").decode("big5")
    )
    jiangsu = cached("jiangsu-utf16le-nobom.txt")
    assert jiangsu.encoding == "utf-16-le" and jiangsu.original == (corpus_dir / JIANGSU).read_text(encoding="utf-8")
    for name in ("laughs.html", "laughs.xhtml"):  # the entities are never expanded (the DTD stays inert text)
        assert "lollol" not in cached(name).text and len(cached(name).text) < 1000, cached(name).text
    gap_notes = [n.message for n in cached("mee-broken-numbering.txt").notes if n.kind == "numbering_gap"]
    assert gap_notes, "the missing clause (三) is noted"

    quarantine = json.loads((store_dir / "quarantine.json").read_text(encoding="utf-8"))
    assert sorted(Path(r["path"]).name for r in quarantine) == sorted(
        n for n, o in outcomes.items() if o.status == "quarantined"
    )

    # a re-run processes only what failed: everything built before is skipped unchanged
    again = build([corpus_dir / SANMING, batch], Settings(store=str(store_dir), workers=1))
    assert again.total == summary.total - 1  # the vanished file is gone for good
    assert again.ok + again.quarantined + again.skipped == again.total
    assert again.ok == 0
    retried = {Path(o.path).name: o for o in again.outcomes}
    for name, first in outcomes.items():
        if name == VANISHING:
            continue
        if first.status == "quarantined":
            assert (retried[name].status, retried[name].code) == ("quarantined", first.code)
        else:
            assert (retried[name].status, retried[name].code) == ("skipped", "unchanged"), name
    assert _graph(store_dir, SANMING_ID) == _graph(built_store[0], SANMING_ID)


_BIG_FILE_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests.robustness.badcorpus import write_big_text
from policykg.pipeline import build
from policykg.settings import Settings

root = Path(sys.argv[1])
small, big = root / "small", root / "big"
small.mkdir(); big.mkdir()
(small / "note.txt").write_text("一、总体要求\n（一）推进减污降碳协同增效。\n", encoding="utf-8")
write_big_text(big / "huge.txt", 200 * 1024 * 1024)
settings = Settings(store=str(root / "store"), workers=1)
build([small], settings)
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
summary = build([big], settings)
seconds = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
o = summary.outcomes[0]
print(json.dumps({"status": o.status, "code": o.code, "seconds": seconds, "baseline_kib": baseline,
                  "peak_kib": peak, "size": (big / "huge.txt").stat().st_size}))
"""


def test_a_200_mb_text_file_is_quarantined_quickly_in_bounded_memory(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", _BIG_FILE_SCRIPT, str(tmp_path)],
                         capture_output=True, text=True, timeout=300, cwd=REPO)
    assert run.returncode == 0, run.stderr[-3000:]
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert figures["size"] == 200 * 1024 * 1024
    assert (figures["status"], figures["code"]) == ("quarantined", "too_large")
    assert figures["seconds"] < 10.0, figures
    # Hashing streams the file 1 MiB at a time and the size check reads nothing: the peak barely moves.
    assert figures["peak_kib"] - figures["baseline_kib"] < 32 * 1024, figures
    print(figures)

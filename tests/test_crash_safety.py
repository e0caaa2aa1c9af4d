"""A build killed with SIGKILL at random moments leaves every graph whole; readers never see half a graph."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from policykg.graph.meta import META_GRAPH, MODIFIED, TRIPLES, VERSION
from policykg.graph.store import Store, open_store
from policykg.ontology.vocab import LINKS_GRAPH, graph_iri
from policykg.pipeline import build
from policykg.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "documents"
FILES = [
    CORPUS / "jiangsu_opinions_carbon_2022_zh.txt",
    CORPUS / "cn_central_opinions_carbon_peak_neutrality_2021_zh.txt",
    CORPUS / "003_e073a84fa08b70e4.txt",
]
IDS = ["jiangsu-carbon-opinions-2022", "central-opinions-carbon-peak-2021-zh", "sanming-pollution-carbon-synergy-plan-2022"]
KILLS = 10

CONSISTENCY = f"""
SELECT ?g ?t ?v (COUNT(?s) AS ?n) WHERE {{
  GRAPH <{META_GRAPH}> {{ ?g <{TRIPLES}> ?t ; <{VERSION}> ?v }}
  OPTIONAL {{ GRAPH ?g {{ ?s ?p ?o }} }}
}} GROUP BY ?g ?t ?v
"""


def whole_graphs(store: Store) -> dict[str, int]:
    """Checks, in ONE query (one snapshot), that every recorded graph holds its recorded triple count."""
    rows = store.select(CONSISTENCY)
    for row in rows:
        assert row["n"] == row["t"], f"{row['g']}: {row['n']} triples, {row['t']} recorded"
        assert row["v"]
    return {str(r["g"]): int(r["n"]) for r in rows}


def graph_lines(store: Store, iri: str) -> set[str]:
    return {str(q) for q in store.iter_quads(iri)}


def store_quads(store_dir: Path) -> set[str]:
    with open_store(Settings(store=str(store_dir))) as store:
        data = store.dump_bytes("nq").decode("utf-8")
    return {line for line in data.splitlines() if line and f"<{MODIFIED}>" not in line}


def run_build(store_dir: Path, top_k: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "POLICYKG_LINK_TOP_K": str(top_k)}
    return subprocess.Popen(
        [sys.executable, "-m", "policykg.cli", "build", *map(str, FILES), "--store", str(store_dir),
         "--workers", "1", "--json"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )


def forget(store_dir: Path, store: Store, doc_id: str) -> None:
    """Removes a document from the store and the build's records, so that the next build writes it again."""
    store.remove_graph(graph_iri(doc_id))
    index_file = store_dir / "index.json"
    if index_file.exists():
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index = {k: v for k, v in index.items() if v.get("document") != doc_id}
        index_file.write_text(json.dumps(index), encoding="utf-8")


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A clean build of the three documents, and how long it took as a separate process."""
    store_dir = tmp_path_factory.mktemp("clean")
    started = time.monotonic()
    proc = run_build(store_dir, 3)
    assert proc.wait(timeout=600) == 0
    return store_dir, time.monotonic() - started


@pytest.mark.timeout(900)
def test_killed_builds_leave_whole_graphs_and_the_next_build_completes(clean, tmp_path):  # type: ignore[no-untyped-def]
    clean_dir, duration = clean
    with open_store(Settings(store=str(clean_dir))) as store:
        expected = {iri: graph_lines(store, iri) for iri in store.graphs() if not iri.startswith(LINKS_GRAPH)}
    rng = random.Random(20260101)
    store_dir = tmp_path / "store"
    interrupted = 0
    states: set[frozenset[str]] = set()
    for round_ in range(KILLS):
        proc = run_build(store_dir, 3 if round_ % 2 else 2)  # the links graph changes every round
        delay = rng.uniform(0.3, duration * 1.1)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
            interrupted += 1
        with open_store(Settings(store=str(store_dir))) as store:
            counts = whole_graphs(store)
            states.add(frozenset(counts))
            named = set(store.graphs())
            assert named <= set(counts), f"graphs without a version record: {named - set(counts)}"
            for iri in counts:  # a document or reference graph present is exactly the clean one
                if not iri.startswith(LINKS_GRAPH):
                    assert graph_lines(store, iri) == expected[iri], iri
            if graph_iri(IDS[round_ % 3]) in counts:  # make the next build write a document again
                forget(store_dir, store, IDS[round_ % 3])
    assert interrupted >= KILLS // 2, f"only {interrupted} of {KILLS} builds were interrupted"
    assert len(states) >= 2, "every kill found the store in the same state"

    summary = build(FILES, Settings(store=str(store_dir), workers=1))
    assert summary.quarantined == 0 and {o.document for o in summary.outcomes} == set(IDS)
    assert store_quads(store_dir) == store_quads(clean_dir)


def test_readers_during_a_build_see_whole_graphs(tmp_path):  # type: ignore[no-untyped-def]
    """A reader querying the store the build writes into (as the service does on upload)."""
    settings = Settings(store=str(tmp_path), workers=1)
    seen: list[dict[str, int]] = []
    errors: list[BaseException] = []
    stop = threading.Event()
    with open_store(settings) as store:

        def read() -> None:
            try:
                while not stop.is_set():
                    seen.append(whole_graphs(store))
                    time.sleep(0.01)
            except BaseException as exc:  # reported in the test's thread
                errors.append(exc)

        reader = threading.Thread(target=read)
        reader.start()
        try:
            summary = build(FILES, settings, store=store)
        finally:
            stop.set()
            reader.join(timeout=120)
        final = whole_graphs(store)
    assert not errors, errors[0]
    assert summary.ok == 3
    assert len(seen) >= 5
    assert {graph_iri(i) for i in IDS} | {LINKS_GRAPH} <= set(final)
    # the reader saw the store grow graph by graph, each whole
    assert len({frozenset(s) for s in seen}) >= 2

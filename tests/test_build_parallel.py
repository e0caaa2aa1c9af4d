"""Parallel and distributed builds give the same store as a one-process build; shards load into any store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.graph.meta import META_GRAPH, MODIFIED, TRIPLES
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.shards import load_shards
from policykg.graph.store import open_store
from policykg.ontology.vocab import LINKS_GRAPH, REFERENCE_GRAPH, graph_iri, links_graph_iri
from policykg.pipeline import build
from policykg.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "documents"
FILES = [
    CORPUS / "cn_central_opinions_carbon_peak_neutrality_2021_zh.txt",
    CORPUS / "003_e073a84fa08b70e4.txt",
    CORPUS / "jiangsu_opinions_carbon_2022_zh.txt",
    CORPUS / "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt",
]
IDS = [
    "central-opinions-carbon-peak-2021-zh",
    "sanming-pollution-carbon-synergy-plan-2022",
    "jiangsu-carbon-opinions-2022",
    "mee-pollution-carbon-synergy-plan-2022",
]


def store_quads(store_dir: Path) -> set[str]:
    """Every quad of the store as N-Quads lines, without the write times of the meta graph."""
    with open_store(Settings(store=str(store_dir))) as store:
        data = store.dump_bytes("nq").decode("utf-8")
    return {line for line in data.splitlines() if line and f"<{MODIFIED}>" not in line}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    store_dir = tmp_path_factory.mktemp("serial")
    return store_dir, build(FILES, Settings(store=str(store_dir), workers=1))


def test_one_process_build(one_process):  # type: ignore[no-untyped-def]
    store_dir, summary = one_process
    assert [o.document for o in summary.outcomes] == IDS
    assert summary.ok == 4 and summary.links > 0
    # one shard per document, each holding exactly that document's graph and its version record
    assert sorted(p.stem for p in (store_dir / "shards").glob("*.nq")) == sorted(IDS)
    with open_store(Settings(store=str(store_dir))) as store:
        versions = store.graph_versions()
        linking = {links_graph_iri(i) for i in IDS if i != "central-opinions-carbon-peak-2021-zh"}
        assert set(versions) == {graph_iri(i) for i in IDS} | linking | {LINKS_GRAPH, REFERENCE_GRAPH}
        shard = list(ox.parse(path=str(store_dir / "shards" / f"{IDS[1]}.nq"), format=ox.RdfFormat.N_QUADS))
        data = {q for q in shard if q.graph_name == ox.NamedNode(graph_iri(IDS[1]))}
        record = [q for q in shard if q.graph_name == ox.NamedNode(META_GRAPH)]
        assert len(data) + len(record) == len(shard) and len(record) == 1
        assert record[0].object.value == versions[graph_iri(IDS[1])]
        assert len(data) == store.quad_count(graph_iri(IDS[1])) > 5000


def test_two_processes_give_the_same_quads(one_process, tmp_path):  # type: ignore[no-untyped-def]
    store_dir, serial = one_process
    summary = build(FILES, Settings(store=str(tmp_path), workers=2))
    assert [o.document for o in summary.outcomes] == IDS
    assert (summary.ok, summary.links, summary.quads) == (4, serial.links, serial.quads)
    assert store_quads(tmp_path) == store_quads(store_dir)
    for doc_id in IDS:
        assert (tmp_path / "shards" / f"{doc_id}.nq").read_bytes() == (
            store_dir / "shards" / f"{doc_id}.nq"
        ).read_bytes()


@pytest.mark.timeout(400)
def test_dask_cluster_gives_the_same_quads(one_process, tmp_path):  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    store_dir, serial = one_process
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
    ):
        address = cluster.scheduler_address.removeprefix("tcp://")
        summary = build(FILES, Settings(store=str(tmp_path), executor=f"dask://{address}"))
    assert [o.document for o in summary.outcomes] == IDS
    assert (summary.ok, summary.links) == (4, serial.links)
    assert store_quads(tmp_path) == store_quads(store_dir)


def test_unknown_executor_is_a_configuration_error(tmp_path):  # type: ignore[no-untyped-def]
    from policykg.errors import ConfigurationError

    with pytest.raises(ConfigurationError):
        build(FILES[:1], Settings(store=str(tmp_path), executor="spark://nowhere"))


def test_shards_load_into_another_store_with_versions(one_process):  # type: ignore[no-untyped-def]
    store_dir, _ = one_process
    other = OxigraphStore(None)
    try:
        assert load_shards(store_dir / "shards", store=other) == {"written": 4, "unchanged": 0}
        assert load_shards(store_dir / "shards", store=other) == {"written": 0, "unchanged": 4}
        with open_store(Settings(store=str(store_dir))) as store:
            for doc_id in IDS:
                iri = graph_iri(doc_id)
                assert other.graph_version(iri) == store.graph_version(iri)
                mine = {str(q) for q in other.iter_quads(iri)}
                assert mine == {str(q) for q in store.iter_quads(iri)}
                rows = other.select(f"SELECT ?n WHERE {{ GRAPH <{META_GRAPH}> {{ <{iri}> <{TRIPLES}> ?n }} }}")
                assert rows[0]["n"] == len(mine)
    finally:
        other.close()


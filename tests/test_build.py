"""The whole build on the default corpus and on a batch with bad files: outcomes, idempotency, the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from policykg.graph.store import open_store
from policykg.ingest.manifest import bundled_texts
from policykg.ontology.vocab import LINKS_GRAPH, graph_iri, links_graph_iri
from policykg.pipeline import build
from policykg.settings import Settings

EXPECTED_IDS = {
    "central-opinions-carbon-peak-2021-en",
    "central-opinions-beautiful-china-2023-en",
    "provincial-secretaries-remarks-2021",
    "sanming-pollution-carbon-synergy-plan-2022",
    "shanwei-carbon-peak-plan-2023",
    "central-opinions-carbon-peak-2021-zh",
    "state-council-2030-carbon-peak-action-plan-2021",
    "mee-pollution-carbon-synergy-plan-2022",
    "miit-industry-carbon-peak-plan-2022",
    "fujian-pollution-carbon-synergy-plan-2022",
    "jiangsu-carbon-opinions-2022",
}


def _graph_quads(store_dir: Path, graph: str) -> set[str]:
    with open_store(Settings(store=str(store_dir))) as store:
        rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return {f"{r['s']} {r['p']} {r['o']}" for r in rows}


def test_default_corpus_builds_every_document(built_store):
    _, summary = built_store
    assert summary.total == 11
    assert summary.ok == 11, [o for o in summary.outcomes if o.status != "ok"]
    assert {o.document for o in summary.outcomes} == EXPECTED_IDS
    assert summary.links > 0


def test_rebuild_is_a_no_op(built_store, tmp_path):
    store_dir, _ = built_store
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    before = _graph_quads(copy, graph_iri("sanming-pollution-carbon-synergy-plan-2022"))
    links_before = _graph_quads(copy, LINKS_GRAPH)
    clause_links_before = _graph_quads(copy, links_graph_iri("sanming-pollution-carbon-synergy-plan-2022"))
    assert len(clause_links_before) > 1000
    again = build(bundled_texts(), Settings(store=str(copy)))
    assert (again.ok, again.quarantined, again.skipped) == (0, 0, 11)
    assert {o.code for o in again.outcomes} == {"unchanged"}
    assert _graph_quads(copy, graph_iri("sanming-pollution-carbon-synergy-plan-2022")) == before
    assert _graph_quads(copy, LINKS_GRAPH) == links_before
    assert _graph_quads(copy, links_graph_iri("sanming-pollution-carbon-synergy-plan-2022")) == clause_links_before


def test_bad_files_are_quarantined_and_the_batch_goes_on(tmp_path, corpus_dir):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(corpus_dir / "003_e073a84fa08b70e4.txt", batch / "sanming.txt")
    shutil.copy(corpus_dir / "003_e073a84fa08b70e4.txt", batch / "sanming-copy.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (batch / "empty-copy.txt").write_bytes(b"")
    store_dir = tmp_path / "store"
    mapped: list[int] = []
    summary = build([batch], Settings(store=str(store_dir), workers=1),
                    progress=lambda stage, done, total: mapped.append(total) if stage == "ingest+extract" else None)
    by_name = {Path(o.path).name: o for o in summary.outcomes}
    assert summary.ok + summary.quarantined + summary.skipped == summary.total == 6
    # files with the same bytes as another of the batch are not read again: 4 of the 6 files are mapped
    assert set(mapped) == {4}
    assert (by_name["empty-copy.txt"].status, by_name["empty-copy.txt"].code) == ("quarantined", "empty_document")
    assert by_name["empty.txt"].status == "quarantined" and by_name["empty.txt"].code == "empty_document"
    assert by_name["blank.txt"].code == "empty_document"
    assert by_name["binary.txt"].status == "quarantined" and by_name["binary.txt"].code == "binary_content"
    statuses = sorted([by_name["sanming.txt"].status, by_name["sanming-copy.txt"].status])
    assert statuses == ["ok", "skipped"]
    twin = by_name["sanming.txt"]  # sorted after its copy, so it is the one found to be a duplicate
    assert (twin.code, twin.document) == ("duplicate", by_name["sanming-copy.txt"].document)
    quarantine = (store_dir / "quarantine.json").read_text(encoding="utf-8")
    assert "binary_content" in quarantine and "empty_document" in quarantine

    # A re-run processes only what failed: the good file is skipped as unchanged, the bad ones fail again.
    again = build([batch], Settings(store=str(store_dir), workers=1))
    assert again.ok == 0
    assert again.quarantined == 4
    assert again.skipped == 2


def test_sanming_graph_holds_its_ccus_units(built_store):
    store_dir, _ = built_store
    with open_store(Settings(store=str(store_dir))) as store:
        rows = store.query(
            """
            PREFIX pkg: <https://policykg.org/ns#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            SELECT DISTINCT ?label ?role WHERE {
              ?m a pkg:Measure ; pkg:concept <https://policykg.org/concept/ccus> ; pkg:clause ?c .
              ?r a pkg:Responsibility ; pkg:clause ?c ; pkg:unit ?u ; pkg:role ?role .
              ?u skos:prefLabel ?label . FILTER(LANGMATCHES(LANG(?label), "zh-Hans"))
              ?c eli:number "五" ; pkg:document <https://policykg.org/doc/sanming-pollution-carbon-synergy-plan-2022> .
            }
            """
        )
    got = {(str(r["label"]), str(r["role"])) for r in rows}
    assert got == {
        ("三明市工业和信息化局", "lead"),
        ("三明市发展和改革委员会", "support"),
        ("三明市生态环境局", "support"),
        ("三明市科学技术局", "support"),
        ("三明市商务局", "support"),
    }


def test_store_is_queryable_by_pyoxigraph_directly(built_store):
    store_dir, _ = built_store
    with open_store(Settings(store=str(store_dir))) as store:
        assert store.quad_count() > 10_000
    assert isinstance(ox.NamedNode(graph_iri("shanwei-carbon-peak-plan-2023")), ox.NamedNode)


def test_units_for_ccus_in_every_script_and_partial_label(built_settings):
    from policykg.graph.queries import Queries

    expected = ["三明市发展和改革委员会", "三明市商务局", "三明市工业和信息化局", "三明市生态环境局", "三明市科学技术局"]
    with open_store(built_settings) as store:
        queries = Queries(store)
        for label in ("CCUS", "碳捕集", "碳捕集利用與封存", "carbon capture", "二氧化碳捕集与利用封存"):
            result = queries.units(label, document="sanming-pollution-carbon-synergy-plan-2022")
            assert result is not None, label
            assert result["concept"]["id"] == "ccus", label
            assert sorted(u["label"] for u in result["units"]) == expected, label


def test_the_links_graph_of_the_corpus_conforms_to_the_shapes(built_store):
    """Every clause link the build wrote (scores, ranks, relations, evidence kinds) satisfies ontology/shapes.ttl."""
    import pyshacl
    import rdflib

    store_dir, _ = built_store
    with open_store(Settings(store=str(store_dir))) as store:
        links_graphs = [g for g in store.graphs() if g == LINKS_GRAPH or g.startswith(LINKS_GRAPH + "/")]
        lines = [f"{q.subject} {q.predicate} {q.object} ." for g in links_graphs for q in store.iter_quads(g)]
    assert len(links_graphs) >= 9  # LINKS_GRAPH and one graph per document whose measures link up
    assert len(lines) > 10_000
    data = rdflib.Graph().parse(data="\n".join(lines), format="nt")
    shapes = rdflib.Graph().parse(Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
    assert conforms, report[:2000]

"""Exports: RDF round trips (isomorphic after re-import), CSV tables with real values, neo4j-admin files."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from policykg.errors import BadRequest
from policykg.graph.export import export
from policykg.graph.meta import META_GRAPH
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.rdflib_bridge import to_rdflib_graph
from policykg.ontology.vocab import REFERENCE_GRAPH
from tests.graph.graph_facts import MEE, MEE_I8, SANMING, SANMING_I5, SANMING_I18, Facts, canonical_graph

TABLES = {
    "documents", "clauses", "measures", "targets", "deadlines", "units", "responsibilities", "concepts", "links",
    "document_links",
}


def read_table(folder: Path, name: str) -> list[dict[str, str]]:
    raw = (folder / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def union_of(store: OxigraphStore) -> rdflib.Graph:
    return to_rdflib_graph(store.iter_quads())


@pytest.mark.parametrize("fmt,parse_as", [("ttl", "turtle"), ("nt", "nt")])
def test_triple_exports_hold_the_union_of_the_data_graphs(data_store: OxigraphStore, tmp_path: Path, fmt: str,
                                                          parse_as: str, graphs: dict) -> None:
    out = tmp_path / f"graph.{fmt}"
    export(data_store, fmt, out)
    parsed = rdflib.Graph().parse(out, format=parse_as)
    assert isomorphic(parsed, canonical_graph([q for quads in graphs.values() for q in quads]))
    assert isomorphic(parsed, union_of(data_store))


@pytest.mark.parametrize("fmt,parse_as", [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_exports_round_trip_graph_by_graph(data_store: OxigraphStore, tmp_path: Path, fmt: str,
                                                   parse_as: str, graphs: dict) -> None:
    out = tmp_path / f"graph.{fmt}"
    export(data_store, fmt, out)
    dataset = rdflib.Dataset()
    dataset.parse(out, format=parse_as)
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {*graphs, META_GRAPH}
    for name, quads in graphs.items():
        assert isomorphic(dataset.graph(rdflib.URIRef(name)), canonical_graph(quads)), name
    # and back into a fresh store: same graphs, same versions, same content
    with OxigraphStore(None) as copy:
        copy.load(out, fmt)
        assert copy.graph_versions() == data_store.graph_versions() == {name: "v1" for name in graphs}
        for name, quads in graphs.items():
            assert isomorphic(to_rdflib_graph(copy.iter_quads(name)), canonical_graph(quads))


def test_export_into_a_stream(data_store: OxigraphStore, graphs: dict) -> None:
    buf = io.BytesIO()
    export(data_store, "nq", buf)
    with OxigraphStore(None) as copy:
        copy.load(buf.getvalue(), "nq")
        for name, quads in graphs.items():
            assert isomorphic(to_rdflib_graph(copy.iter_quads(name)), canonical_graph(quads))
    with pytest.raises(BadRequest):
        export(data_store, "csv", buf)
    with pytest.raises(BadRequest, match="unknown export format"):
        export(data_store, "xlsx", Path("never-written"))


def test_reference_graph_exports_whole(full_store: OxigraphStore, tmp_path: Path, reference: list) -> None:
    """The 29k-triple reference graph has no blank nodes, so triple-set equality is isomorphism."""
    out = tmp_path / "ref.nt"
    full_store.dump("nt", out, graph_iri=REFERENCE_GRAPH)
    canonical = ox.Store()
    canonical.extend(reference)
    assert {str(t) for t in ox.parse(path=out, format=ox.RdfFormat.N_TRIPLES)} == {str(q.triple) for q in canonical}


def test_csv_tables_carry_the_real_facts(full_store: OxigraphStore, facts: Facts, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    export(full_store, "csv", folder)
    assert {p.stem for p in folder.glob("*.csv")} == TABLES

    documents = {r["id"]: r for r in read_table(folder, "documents")}
    assert set(documents) == {SANMING, MEE}
    assert documents[SANMING]["title"] == "三明市减污降碳协同增效实施方案"
    assert documents[SANMING]["region"] == "CN-FJ-Sanming"
    assert documents[SANMING]["issued"] == "2022-12-13"
    assert documents[MEE]["doc_number"] == "环综合〔2022〕42号"
    assert documents[MEE]["level"] == "ministry"

    clauses = {r["id"]: r for r in read_table(folder, "clauses")}
    i5 = clauses[SANMING_I5]
    assert (i5["parent"], i5["marker"], i5["path"], i5["depth"]) == (f"{SANMING}~s4", "(五)", "四/五", "1")
    assert i5["title"] == "推进工业领域协同增效"
    assert i5["concepts"] == "ccus|green_manufacturing"
    assert clauses[f"{SANMING}~s4"]["parent"] == ""
    # the span columns cut the clause's own text out of the original document
    assert facts.sanming.original[int(i5["start"]) : int(i5["end"])] == i5["text"]
    assert i5["text"].startswith("(五)推进工业领域协同增效。围绕“433”产业新体系")
    assert i5["text"].endswith("(责任单位:市工信局、发改委、生态环境局、科技局、商务局等按职责分工负责)")

    responsible = [r for r in read_table(folder, "responsibilities") if r["clause"] == SANMING_I5]
    assert [(r["surface"], r["unit_label"], r["role"]) for r in sorted(responsible, key=lambda r: int(r["start"]))] == [
        ("市工信局", "三明市工业和信息化局", "lead"),
        ("发改委", "三明市发展和改革委员会", "support"),
        ("生态环境局", "三明市生态环境局", "support"),
        ("科技局", "三明市科学技术局", "support"),
        ("商务局", "三明市商务局", "support"),
    ]
    for r in responsible:
        assert facts.sanming.original[int(r["start"]) : int(r["end"])] == r["surface"]

    targets = {r["id"]: r for r in read_table(folder, "targets")}
    t1 = targets[f"{SANMING_I5}.t1"]
    assert (t1["comparator"], float(t1["value"]), t1["unit"], t1["target_year"], t1["qualitative"]) == (
        ">", 30.0, "%", "2025", "false"
    )
    assert t1["indicator"] == "重点行业产能和数据中心达到能效标杆水平的比例"
    steel = sorted((float(r["value"]), r["target_year"]) for r in targets.values() if r["clause"] == MEE_I8)
    assert steel == [(15.0, "2025"), (20.0, "2030")]

    measures = {r["id"]: r for r in read_table(folder, "measures")}
    assert measures[f"{SANMING_I5}.m1"]["targets"] == f"{SANMING_I5}.t1"
    assert measures[f"{SANMING_I5}.m2"]["text"] == "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。"
    assert measures[f"{SANMING_I18}.m1"]["concepts"] == "ccus"

    deadlines = read_table(folder, "deadlines")
    assert [(d["label"], d["ends"], d["kind"]) for d in deadlines] == [("到2025年", "2025", "by")]

    links = {(r["source"], r["target"]): r for r in read_table(folder, "links")}
    best = links[(f"{SANMING_I5}.m2", MEE_I8)]
    assert (best["source_kind"], float(best["score"]), best["rank"], best["evidence"]) == (
        "measure", 0.82, "1", "concept:ccus|wording:捕集"
    )
    [doc_link] = read_table(folder, "document_links")
    assert (doc_link["source"], doc_link["target"], doc_link["relation"]) == (SANMING, MEE, "implements")

    units = {r["id"]: r for r in read_table(folder, "units")}
    assert units["cn-fj-sanming.gxj"]["label"] == "三明市工业和信息化局"
    assert units["cn-fj-sanming.gxj"]["jurisdiction"] == "CN-FJ-Sanming"
    assert units["cn-fj-sanming.gxj"]["parent"] == "cn-fj-sanming.gov"
    assert units["cn.miit"]["label"] == "工业和信息化部"
    concepts = {r["id"]: r for r in read_table(folder, "concepts")}
    assert concepts["ccus"]["label_zh"] == "碳捕集利用与封存"
    assert concepts["ccus"]["label_en"] == "carbon capture, utilization and storage"


def test_csv_into_a_zip(full_store: OxigraphStore, tmp_path: Path) -> None:
    folder, archive = tmp_path / "csv", tmp_path / "tables.zip"
    export(full_store, "csv", folder)
    export(full_store, "csv", archive)
    with zipfile.ZipFile(archive) as zf:
        assert {Path(n).stem for n in zf.namelist()} == TABLES
        for name in zf.namelist():
            assert zf.read(name) == (folder / name).read_bytes()


def test_neo4j_admin_import_files(full_store: OxigraphStore, tmp_path: Path) -> None:
    folder = tmp_path / "neo4j"
    export(full_store, "neo4j", folder)
    command = (folder / "import.txt").read_text()
    ids: dict[str, set[str]] = {}
    for path in sorted(folder.glob("nodes_*.csv")):
        rows = list(csv.reader(path.open(encoding="utf-8")))
        label = path.stem.removeprefix("nodes_")
        assert rows[0][0] == f"id:ID({label})" and rows[0][-1] == ":LABEL"
        assert all(r[-1] == label for r in rows[1:])
        ids[label] = {r[0] for r in rows[1:]}
        assert f"--nodes={path.name}" in command
    assert set(ids) == {"Document", "Clause", "Measure", "Target", "Unit", "Concept"}
    assert {SANMING_I5, SANMING_I18, MEE_I8} <= ids["Clause"]
    header = next(csv.reader((folder / "nodes_Clause.csv").open(encoding="utf-8")))
    assert "depth:int" in header and "start:int" in header
    seen_types = set()
    for path in sorted(folder.glob("rels_*.csv")):
        rows = list(csv.reader(path.open(encoding="utf-8")))
        rel_type, start, end = path.stem.removeprefix("rels_").rsplit("_", 2)
        assert rows[0][:2] == [f":START_ID({start})", f":END_ID({end})"] and rows[0][-1] == ":TYPE"
        for r in rows[1:]:
            assert r[0] in ids[start] and r[1] in ids[end] and r[-1] == rel_type
        seen_types.add(rel_type)
        assert f"--relationships={path.name}" in command
    assert seen_types == {"PART_OF", "RESPONSIBLE_FOR", "IMPLEMENTS", "CITES", "ABOUT", "HAS_TARGET"}
    responsible = list(csv.DictReader((folder / "rels_RESPONSIBLE_FOR_Unit_Clause.csv").open(encoding="utf-8")))
    assert {"cn-fj-sanming.gxj", SANMING_I5, "lead"} <= set(
        next(r for r in responsible if r[":START_ID(Unit)"] == "cn-fj-sanming.gxj" and r["role"] == "lead").values()
    )

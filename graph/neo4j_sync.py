"""Projects the RDF graph into a property graph (Neo4j), idempotently.

Rows come from SPARQL SELECTs over the store (see `export.Graph`); they are shaped here into nodes
(Document, Clause, Measure, Target, Unit, Concept) and relationships (PART_OF, RESPONSIBLE_FOR,
IMPLEMENTS, CITES, ABOUT, HAS_TARGET) keyed by the graph's stable ids, then sent in UNWIND batches of
the statements in `graph/cypher.py`. Re-running a sync changes nothing but the run stamp; elements
from earlier runs that the store no longer has are removed at the end.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from policykg.graph import cypher
from policykg.graph.export import Graph, build_tables
from policykg.graph.store import Store
from policykg.ontology.vocab import ELI

Row = dict[str, Any]
Execute = Callable[[str, dict[str, Any]], Any]


@dataclass(slots=True)
class Projection:
    nodes: dict[str, list[Row]] = field(default_factory=dict)  # label → rows with "id"
    relationships: dict[tuple[str, str, str], list[Row]] = field(default_factory=dict)  # rows with source/target

    def node_count(self) -> int:
        return sum(len(rows) for rows in self.nodes.values())

    def relationship_count(self) -> int:
        return sum(len(rows) for rows in self.relationships.values())


def _clean(value: Any) -> Any:
    """Property values Neo4j can store: no empty lists (their element type is unknown)."""
    if isinstance(value, list | tuple):
        return list(value) if value else None
    return value


def projection(store: Store) -> Projection:
    """The store's graph as property-graph nodes and relationships."""
    g = Graph(store)
    tables = {t.name: t.dicts() for t in build_tables(g)}
    proj = Projection()

    def nodes(label: str, rows: list[Row], rename: dict[str, str] | None = None) -> None:
        names = [n for n, _ in cypher.NODE_PROPERTIES[label]]
        out = []
        for row in rows:
            src = {(rename or {}).get(k, k): v for k, v in row.items()}
            out.append({"id": row["id"], **{n: _clean(src.get(n)) for n in names}})
        proj.nodes[label] = out

    # Multi-valued cells in the tables are joined strings; read lists from the graph where needed.
    sectors = {m.id: m.refs("https://policykg.org/ns#sector") for m in g.measures}
    for row in tables["measures"]:
        row["sectors"] = sectors.get(row["id"], [])
    nodes("Document", tables["documents"])
    nodes("Clause", tables["clauses"])
    nodes("Measure", tables["measures"])
    nodes("Target", tables["targets"])
    nodes("Unit", tables["units"])
    nodes("Concept", tables["concepts"])

    ids = {label: {row["id"] for row in rows} for label, rows in proj.nodes.items()}
    rels: dict[tuple[str, str, str], dict[tuple[Any, ...], Row]] = {key: {} for key in cypher.RELATIONSHIPS}

    def rel(rel_type: str, start: str, end: str, source: str | None, target: str | None, **props: Any) -> None:
        if not source or not target or source not in ids[start] or target not in ids[end]:
            return
        keys, _ = cypher.RELATIONSHIPS[(rel_type, start, end)]
        row = {"source": source, "target": target, **{k: _clean(v) for k, v in props.items()}}
        rels[(rel_type, start, end)][(source, target, *(row.get(k) for k, _ in keys))] = row

    for c in tables["clauses"]:
        if c["parent"]:
            rel("PART_OF", "Clause", "Clause", c["id"], c["parent"])
        else:
            rel("PART_OF", "Clause", "Document", c["id"], c["document"])
    for m in tables["measures"]:
        rel("PART_OF", "Measure", "Clause", m["id"], m["clause"])
    for r in tables["responsibilities"]:
        rel("RESPONSIBLE_FOR", "Unit", "Clause", r["unit"], r["clause"], role=r["role"], surface=r["surface"])
    for link in tables["links"]:
        start = "Measure" if link["source_kind"] == "measure" else "Clause"
        rel("IMPLEMENTS", start, "Clause", link["source"], link["target"], score=link["score"], rank=link["rank"],
            relation=link["relation"], method=link["method"])
    for link in tables["document_links"]:
        if link["relation"] == "implements":
            rel("IMPLEMENTS", "Document", "Document", link["source"], link["target"], score=link["score"],
                method=link["method"])
    for d in g.documents:
        for cited in d.refs(ELI + "cites"):
            rel("CITES", "Document", "Document", d.id, cited)
    for label, kind_nodes in (("Clause", g.clauses), ("Measure", g.measures), ("Target", g.targets)):
        for n in kind_nodes:
            for concept in n.refs("https://policykg.org/ns#concept"):
                rel("ABOUT", label, "Concept", n.id, concept)
    for t in tables["targets"]:
        rel("HAS_TARGET", "Clause", "Target", t["clause"], t["id"])
    for m in g.measures:
        for target in m.refs("https://policykg.org/ns#hasTarget"):
            rel("HAS_TARGET", "Measure", "Target", m.id, target)

    proj.relationships = {key: list(rows.values()) for key, rows in rels.items()}
    return proj


def batches(rows: list[Row], size: int) -> Iterator[list[Row]]:
    size = max(1, size)
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def apply(proj: Projection, execute: Execute, batch_size: int, run: str | None = None) -> str:
    """Sends the projection through `execute(statement, parameters)`: upserts, then prunes.

    Nodes go first so that every relationship finds both ends. Returns the run id.
    """
    run = run or uuid.uuid4().hex
    for label, rows in proj.nodes.items():
        for batch in batches(rows, batch_size):
            execute(cypher.MERGE_NODES[label], {"rows": batch, "run": run})
    for key, rows in proj.relationships.items():
        for batch in batches(rows, batch_size):
            execute(cypher.MERGE_RELATIONSHIPS[key], {"rows": batch, "run": run})
    for statement in cypher.PRUNE_RELATIONSHIPS.values():
        execute(statement, {"run": run})
    for statement in cypher.PRUNE_NODES.values():
        execute(statement, {"run": run})
    return run


def sync(store: Store, uri: str, user: str, password: str, database: str = "neo4j", batch_size: int = 500) -> dict[str, int]:
    """Projects the store into the Neo4j database at `uri`; returns the node and relationship counts there."""
    from neo4j import GraphDatabase

    proj = projection(store)
    with GraphDatabase.driver(uri, auth=(user, password) if user else None) as driver:
        driver.verify_connectivity()
        with driver.session(database=database) as session:

            def execute(statement: str, parameters: dict[str, Any]) -> None:
                session.execute_write(lambda tx: tx.run(statement, parameters).consume())

            for statement in cypher.SCHEMA_NEO4J:
                session.run(statement).consume()
            apply(proj, execute, batch_size)
            counts: dict[str, int] = {}
            for name, statement in {**cypher.COUNT_NODES, **cypher.COUNT_RELATIONSHIPS}.items():
                record = session.run(statement).single()
                counts[name] = int(record["n"]) if record else 0
    return counts


def example_queries() -> list[tuple[str, str]]:
    """(title, Cypher) pairs worth running after a sync: units for CCUS, an implementation trace."""
    return list(cypher.EXAMPLE_QUERIES)


# --- neo4j-admin import files --------------------------------------------------------------------------
def _admin_value(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind.endswith("[]"):
        return ";".join(str(v) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def _admin_csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def admin_import_files(proj: Projection, database: str = "neo4j") -> dict[str, bytes]:
    """CSV files for `neo4j-admin database import full` (ID spaces per label), plus import.txt.

    Node files: `id:ID(Label)`, typed properties (`depth:int`, `sectors:string[]` with ';' between
    elements), `:LABEL`. Relationship files: `:START_ID(Label)`, `:END_ID(Label)`, properties, `:TYPE`.
    """
    files: dict[str, bytes] = {}
    args = []
    for label, rows in proj.nodes.items():
        props = cypher.NODE_PROPERTIES[label]
        header = [f"id:ID({label})", *(f"{n}:{k}" if k != "string" else n for n, k in props), ":LABEL"]
        body = [[row["id"], *(_admin_value(row.get(n), k) for n, k in props), label] for row in rows]
        name = f"nodes_{label}.csv"
        files[name] = _admin_csv(header, body)
        args.append(f"--nodes={name}")
    for (rel_type, start, end), rows in proj.relationships.items():
        keys, others = cypher.RELATIONSHIPS[(rel_type, start, end)]
        props = keys + others
        header = [f":START_ID({start})", f":END_ID({end})", *(f"{n}:{k}" if k != "string" else n for n, k in props),
                  ":TYPE"]
        body = [[row["source"], row["target"], *(_admin_value(row.get(n), k) for n, k in props), rel_type]
                for row in rows]
        name = f"rels_{rel_type}_{start}_{end}.csv"
        files[name] = _admin_csv(header, body)
        args.append(f"--relationships={name}")
    command = "neo4j-admin database import full " + " ".join(args) + f" --overwrite-destination {database}\n"
    files["import.txt"] = (
        "# Run in this folder with the database stopped:\n" + command
    ).encode()
    return files


__all__ = ["Projection", "admin_import_files", "apply", "example_queries", "projection", "sync"]

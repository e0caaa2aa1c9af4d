"""Every Cypher statement the Neo4j projection sends, as constants.

The statements use only what both Neo4j 5 and FalkorDB accept — UNWIND over a list parameter, MERGE on
a node's `id`, MATCH, SET of single properties, DETACH DELETE — so the FalkorDB run of the tests
proves the very strings a Neo4j sync sends. Only the schema statements differ between the two and are
kept apart. Every node and relationship written carries `sync_run`, the id of the sync that last
wrote it: after a sync, elements of our labels left from earlier runs (a removed document, a link
that fell out of the ranking) are deleted, so repeated syncs converge on the store's content.

Statement parameters: `$rows` (a batch of row maps), `$run` (the sync id).
"""

from __future__ import annotations

#: Node label → (property, neo4j-admin type) written for each node; `id` is the MERGE key.
NODE_PROPERTIES: dict[str, tuple[tuple[str, str], ...]] = {
    "Document": (
        ("title", "string"), ("title_zh_hans", "string"), ("title_zh_hant", "string"), ("title_en", "string"),
        ("language", "string"), ("script", "string"), ("level", "string"), ("region", "string"),
        ("issued", "string"), ("doc_number", "string"), ("referenced_only", "boolean"),
    ),
    "Clause": (
        ("document", "string"), ("number", "string"), ("path", "string"), ("marker", "string"),
        ("kind", "string"), ("depth", "int"), ("title", "string"), ("text", "string"),
        ("start", "int"), ("end", "int"),
    ),
    "Measure": (
        ("document", "string"), ("clause", "string"), ("text", "string"), ("normalised_text", "string"),
        ("sectors", "string[]"), ("confidence", "float"), ("start", "int"), ("end", "int"),
    ),
    "Target": (
        ("document", "string"), ("clause", "string"), ("indicator", "string"), ("comparator", "string"),
        ("value", "float"), ("value_min", "float"), ("value_max", "float"), ("unit", "string"),
        ("converted_value", "float"), ("converted_unit", "string"), ("change", "string"), ("base_year", "int"),
        ("target_year", "int"), ("qualitative", "boolean"), ("start", "int"), ("end", "int"),
    ),
    "Unit": (("label", "string"), ("label_en", "string"), ("jurisdiction", "string")),
    "Concept": (("label_zh", "string"), ("label_en", "string")),
}

#: (type, start label, end label) → (key properties that tell parallel relationships apart, other properties).
RELATIONSHIPS: dict[tuple[str, str, str], tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]] = {
    ("PART_OF", "Clause", "Document"): ((), ()),
    ("PART_OF", "Clause", "Clause"): ((), ()),
    ("PART_OF", "Measure", "Clause"): ((), ()),
    ("RESPONSIBLE_FOR", "Unit", "Clause"): ((("role", "string"),), (("surface", "string"),)),
    ("IMPLEMENTS", "Measure", "Clause"): (
        (), (("score", "float"), ("rank", "int"), ("relation", "string"), ("method", "string")),
    ),
    ("IMPLEMENTS", "Clause", "Clause"): (
        (), (("score", "float"), ("rank", "int"), ("relation", "string"), ("method", "string")),
    ),
    ("IMPLEMENTS", "Document", "Document"): ((), (("score", "float"), ("method", "string"))),
    ("CITES", "Document", "Document"): ((), ()),
    ("ABOUT", "Clause", "Concept"): ((), ()),
    ("ABOUT", "Measure", "Concept"): ((), ()),
    ("ABOUT", "Target", "Concept"): ((), ()),
    ("HAS_TARGET", "Clause", "Target"): ((), ()),
    ("HAS_TARGET", "Measure", "Target"): ((), ()),
}

RELATIONSHIP_TYPES: tuple[str, ...] = tuple(dict.fromkeys(t for t, _, _ in RELATIONSHIPS))


def _set_clause(var: str, names: list[str]) -> str:
    return ", ".join([*(f"{var}.{n} = row.{n}" for n in names), f"{var}.sync_run = $run"])


def _merge_node(label: str) -> str:
    names = [n for n, _ in NODE_PROPERTIES[label]]
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET {_set_clause('n', names)}"


def _merge_relationship(rel_type: str, start: str, end: str) -> str:
    keys, props = RELATIONSHIPS[(rel_type, start, end)]
    key_map = ", ".join(f"{n}: row.{n}" for n, _ in keys)
    pattern = f"[r:{rel_type} {{{key_map}}}]" if key_map else f"[r:{rel_type}]"
    return (
        f"UNWIND $rows AS row MATCH (a:{start} {{id: row.source}}) MATCH (b:{end} {{id: row.target}}) "
        f"MERGE (a)-{pattern}->(b) SET {_set_clause('r', [n for n, _ in props])}"
    )


#: Label → the statement that upserts a batch of nodes of that label.
MERGE_NODES: dict[str, str] = {label: _merge_node(label) for label in NODE_PROPERTIES}

#: (type, start, end) → the statement that upserts a batch of relationships (both ends must exist).
MERGE_RELATIONSHIPS: dict[tuple[str, str, str], str] = {key: _merge_relationship(*key) for key in RELATIONSHIPS}

#: Deletes what an earlier sync wrote and this one did not (run after all upserts).
PRUNE_RELATIONSHIPS: dict[str, str] = {
    t: f"MATCH ()-[r:{t}]->() WHERE r.sync_run <> $run DELETE r" for t in RELATIONSHIP_TYPES
}
PRUNE_NODES: dict[str, str] = {
    label: f"MATCH (n:{label}) WHERE n.sync_run <> $run DETACH DELETE n" for label in NODE_PROPERTIES
}

#: Neo4j 5: uniqueness constraints (which also index `id`, making each MERGE a lookup).
SCHEMA_NEO4J: tuple[str, ...] = tuple(
    f"CREATE CONSTRAINT policykg_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    for label in NODE_PROPERTIES
)

#: FalkorDB: an index on `id` per label (it has no uniqueness constraints in Cypher, and fails on an
#: index that exists, which the caller ignores).
SCHEMA_FALKORDB: tuple[str, ...] = tuple(f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in NODE_PROPERTIES)

COUNT_NODES: dict[str, str] = {label: f"MATCH (n:{label}) RETURN count(n) AS n" for label in NODE_PROPERTIES}
COUNT_RELATIONSHIPS: dict[str, str] = {
    t: f"MATCH ()-[r:{t}]->() RETURN count(r) AS n" for t in RELATIONSHIP_TYPES
}

UNITS_FOR_CCUS = """\
MATCH (k:Concept {id: 'ccus'})<-[:ABOUT]-(c:Clause)<-[r:RESPONSIBLE_FOR]-(u:Unit)
RETURN u.id AS unit, u.label AS label, r.role AS role, count(DISTINCT c) AS clauses
ORDER BY clauses DESC, unit, role"""

TRACE_IMPLEMENTATION = """\
MATCH (m:Measure)-[i:IMPLEMENTS]->(c:Clause)-[:PART_OF*1..8]->(d:Document)
MATCH (m)-[:PART_OF]->(:Clause)-[:PART_OF*0..8]->(own:Document)
RETURN own.id AS document, m.id AS measure, i.score AS score, c.id AS implements, d.id AS higher_document
ORDER BY score DESC, measure, implements
LIMIT 20"""

#: (title, Cypher) printed after a sync for the user to paste into Neo4j Browser.
EXAMPLE_QUERIES: tuple[tuple[str, str], ...] = (
    ("Units responsible for clauses about CCUS", UNITS_FOR_CCUS),
    ("Trace: local measures and the higher clauses they implement", TRACE_IMPLEMENTATION),
)

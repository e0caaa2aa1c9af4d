"""The answer index: tables beside the store, written with each document graph, that answer the
researcher questions whose SPARQL would scan the whole corpus (units by concept, targets by year, region
or concept, phrase search, the clause links into a document for its coverage) in milliseconds, however
new the question.

Its rows are read from each document graph by the queries `index_unit_rows`, `index_target_rows`,
`index_hits`, `index_link_ends` … (the same patterns as the service's `_units_where`, `_targets_where` and
`coverage_links`), when the build writes that graph, and from each document's links graph by
`index_link_rows`, when the build writes its links. It records the version of every document graph and
links graph it holds, and is used only while those versions are the store's (`in_step`): a store written
by other means (shards loaded from elsewhere, an older build) is answered by SPARQL, with the same
answers, until the next build brings the index in step.

The tables live in SQLite (`answers.sqlite` in the store directory); phrase search uses its FTS5 index
with the trigram tokenizer, which finds any substring of three characters or more, and a character index
for one or two. A phrase's candidates are read from `hit_keys`, the hits' narrow columns, and only the
page's hits from `hits` with their texts; units are ranked by SQL and only the page's units get their
clause lines. A common phrase or a broad concept then costs a few pages of SQLite, not every row's text.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any
from urllib.parse import quote

from policykg.graph.answer_rows import DocumentRows, document_rows, links_rows
from policykg.ontology import vocab as v
from policykg.settings import Settings

FILE = "answers.sqlite"
#: The tables' layout (SQLite's user_version): an index of another layout is emptied and rewritten by the
#: next build, and meanwhile is not in step (answers come from SPARQL).
LAYOUT = 4
_TABLES = ("graphs", "unit_rows", "target_rows", "unit_names", "target_answers", "hits", "hit_keys", "hits_fts",
           "hits_chars", "clause_paths", "item_concepts", "link_ends", "doc_regions", "link_rows",
           "docs")  # docs: the graphs' versions in layout 2
#: The prefixes of the graphs the index holds rows of: every document graph, every document's links graph.
_GRAPHS = (v.graph_iri("x")[:-1], v.links_graph_iri("x")[:-1])

_SCHEMA = """
CREATE TABLE IF NOT EXISTS graphs(graph TEXT PRIMARY KEY, version TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS link_rows(graph TEXT, target TEXT, source TEXT, rank INTEGER, score REAL, method TEXT);
CREATE INDEX IF NOT EXISTS link_rows_target ON link_rows(target, rank, score, method, source);
CREATE INDEX IF NOT EXISTS link_rows_graph ON link_rows(graph);
CREATE TABLE IF NOT EXISTS link_ends(graph TEXT, item TEXT, doc TEXT, owner TEXT, subdivision INTEGER);
CREATE INDEX IF NOT EXISTS link_ends_item ON link_ends(item, doc, owner);
CREATE INDEX IF NOT EXISTS link_ends_doc ON link_ends(doc, subdivision);
CREATE INDEX IF NOT EXISTS link_ends_graph ON link_ends(graph);
CREATE TABLE IF NOT EXISTS doc_regions(graph TEXT, doc TEXT, region TEXT);
CREATE INDEX IF NOT EXISTS doc_regions_doc ON doc_regions(doc, region);
CREATE INDEX IF NOT EXISTS doc_regions_graph ON doc_regions(graph);
CREATE TABLE IF NOT EXISTS unit_rows(graph TEXT, concept TEXT, unit TEXT, role TEXT, doc TEXT, clause TEXT,
    number TEXT, start INTEGER, resp TEXT, jurisdiction TEXT);
CREATE INDEX IF NOT EXISTS unit_rows_concept ON unit_rows(concept);
CREATE INDEX IF NOT EXISTS unit_rows_cover ON unit_rows(concept, unit, role, doc, clause, number, start, resp);
CREATE INDEX IF NOT EXISTS unit_rows_graph ON unit_rows(graph);
CREATE TABLE IF NOT EXISTS target_rows(graph TEXT, target TEXT, doc TEXT, doc_order TEXT, at INTEGER,
    qualitative INTEGER, year TEXT, region TEXT, concept TEXT);
CREATE INDEX IF NOT EXISTS target_rows_graph ON target_rows(graph);
CREATE INDEX IF NOT EXISTS target_rows_concept ON target_rows(concept);
CREATE INDEX IF NOT EXISTS target_rows_year ON target_rows(year);
CREATE TABLE IF NOT EXISTS unit_names(graph TEXT, unit TEXT, label TEXT, jurisdiction TEXT);
CREATE INDEX IF NOT EXISTS unit_names_unit ON unit_names(unit);
CREATE INDEX IF NOT EXISTS unit_names_graph ON unit_names(graph);
CREATE TABLE IF NOT EXISTS target_answers(graph TEXT, target TEXT PRIMARY KEY, answer TEXT);
CREATE INDEX IF NOT EXISTS target_answers_graph ON target_answers(graph);
CREATE TABLE IF NOT EXISTS hits(id INTEGER PRIMARY KEY, graph TEXT, item TEXT, kind TEXT, doc TEXT,
    clause TEXT, number TEXT, text TEXT, normalised TEXT, start INTEGER);
CREATE INDEX IF NOT EXISTS hits_graph ON hits(graph);
CREATE INDEX IF NOT EXISTS hits_item ON hits(item);
CREATE TABLE IF NOT EXISTS hit_keys(id INTEGER PRIMARY KEY, item TEXT, kind TEXT, doc TEXT, start INTEGER);
CREATE INDEX IF NOT EXISTS hit_keys_item ON hit_keys(item);
CREATE VIRTUAL TABLE IF NOT EXISTS hits_fts USING fts5(normalised, content='hits', content_rowid='id',
    tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS hits_chars USING fts5(chars);
CREATE TABLE IF NOT EXISTS clause_paths(graph TEXT, clause TEXT, path TEXT);
CREATE INDEX IF NOT EXISTS clause_paths_clause ON clause_paths(clause);
CREATE INDEX IF NOT EXISTS clause_paths_graph ON clause_paths(graph);
CREATE TABLE IF NOT EXISTS item_concepts(graph TEXT, item TEXT, concept TEXT);
CREATE INDEX IF NOT EXISTS item_concepts_concept ON item_concepts(concept);
CREATE INDEX IF NOT EXISTS item_concepts_item ON item_concepts(item);
CREATE INDEX IF NOT EXISTS item_concepts_graph ON item_concepts(graph);
"""


def _within(column: str, region_iri: str) -> tuple[str, list[str]]:
    """SQL for `sparql_text.within`: the region itself or any region whose id extends it."""
    return f"({column} = ? OR substr({column}, 1, ?) = ?)", [region_iri, str(len(region_iri) + 1), region_iri + "-"]


def mention(doc: str, start: int, clause: str, resp: str) -> str:
    """The sort key units_for_concepts.rq builds for a responsibility, character for character."""
    return f"{doc} {str(int(start) + 10000000000)[1:]} {clause} {str(len(resp) + 100000)[1:]} {resp}"


#: `mention` in SQL, over the columns of unit_rows.
_MENTION_SQL = ("doc || ' ' || substr(CAST(start + 10000000000 AS TEXT), 2) || ' ' || clause || ' ' || "
                "substr(CAST(length(resp) + 100000 AS TEXT), 2) || ' ' || resp")


def _held(store: Any) -> dict[str, str]:
    """graph → version of the store's graphs the index holds rows of (documents' and their links')."""
    return {g: ver for g, ver in store.graph_versions().items() if g.startswith(_GRAPHS)}


class AnswerIndex:
    """The index of one store directory."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._in_step: tuple[int, bool] | None = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, settings: Settings) -> AnswerIndex | None:
        """The index beside the store of `settings`; None for a store kept in memory."""
        if settings.store in ("", ":memory:"):
            return None
        return cls(Path(settings.store) / FILE)

    @classmethod
    def beside(cls, store: Any, settings: Settings) -> AnswerIndex | None:
        """The index of the store a service or notebook reads: beside the embedded store's files, else
        in the store directory of `settings`."""
        directory = getattr(store, "directory", None)
        if isinstance(directory, Path):
            return cls(directory.parent / FILE)
        return cls.of(settings) if hasattr(store, "graph_versions") else None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        if conn.execute("PRAGMA user_version").fetchone()[0] != LAYOUT:
            with conn:
                for table in _TABLES:
                    conn.execute(f"DROP TABLE IF EXISTS {table}")
                conn.execute(f"PRAGMA user_version = {LAYOUT}")
        conn.executescript(_SCHEMA)
        return conn

    # --- writing ------------------------------------------------------------------------------------------
    def sync(self, store: Any) -> int:
        """Brings the index in step with the store: every document graph and links graph whose version it
        does not hold is read from the store, those the store no longer has are removed. Returns how many
        were read."""
        stored = _held(store)
        with self._lock, closing(self._connect()) as conn, conn:
            indexed = dict(conn.execute("SELECT graph, version FROM graphs").fetchall())
            gone = sorted(set(indexed) - set(stored))
            if gone:
                self._remove(conn, gone)
        changed = sorted(g for g, ver in stored.items() if indexed.get(g) != ver)
        for graph in changed:
            rows = document_rows if graph.startswith(_GRAPHS[0]) else links_rows
            self.write([rows(graph, stored[graph], store.iter_quads(graph))])
        self._in_step = None
        return len(changed)

    def write(self, documents: Sequence[DocumentRows]) -> None:
        """Replaces the rows of these graphs (documents' or their links'), in one transaction."""
        if not documents:
            return
        graphs = [d.graph for d in documents]
        with self._lock, closing(self._connect()) as conn, conn:
            marks = ",".join("?" * len(graphs))
            stale = [g for (g,) in conn.execute(f"SELECT graph FROM graphs WHERE graph IN ({marks})", graphs)]
            if stale:
                self._remove(conn, stale)
            for d in documents:
                conn.executemany("INSERT INTO unit_rows VALUES (?,?,?,?,?,?,?,?,?,?)", d.units)
                conn.executemany("INSERT INTO unit_names VALUES (?,?,?,?)", d.unit_names)
                conn.executemany("INSERT INTO target_rows VALUES (?,?,?,?,?,?,?,?,?)", d.targets)
                conn.executemany("INSERT OR REPLACE INTO target_answers VALUES (?,?,?)", d.target_answers)
                for hit in d.hits:
                    rowid = conn.execute("INSERT INTO hits(graph, item, kind, doc, clause, number, text, normalised,"
                                         " start) VALUES (?,?,?,?,?,?,?,?,?)", hit).lastrowid
                    conn.execute("INSERT INTO hit_keys VALUES (?,?,?,?,?)", (rowid, hit[1], hit[2], hit[3], hit[8]))
                    if hit[7] is not None:
                        conn.execute("INSERT INTO hits_fts(rowid, normalised) VALUES (?, ?)", (rowid, hit[7]))
                        conn.execute("INSERT INTO hits_chars(rowid, chars) VALUES (?, ?)", (rowid, " ".join(hit[7])))
                conn.executemany("INSERT INTO item_concepts VALUES (?,?,?)", d.concepts)
                conn.executemany("INSERT INTO clause_paths VALUES (?,?,?)", d.paths)
                conn.executemany("INSERT INTO link_ends VALUES (?,?,?,?,?)", d.ends)
                conn.executemany("INSERT INTO doc_regions VALUES (?,?,?)", d.regions)
                conn.executemany("INSERT INTO link_rows VALUES (?,?,?,?,?,?)", d.links)
                conn.execute("INSERT OR REPLACE INTO graphs VALUES (?, ?)", (d.graph, d.version))
        self._in_step = None

    @staticmethod
    def _remove(conn: sqlite3.Connection, graphs: Sequence[str]) -> None:
        marks = ",".join("?" * len(graphs))
        for table in ("unit_rows", "unit_names", "target_rows", "target_answers", "item_concepts", "clause_paths",
                      "link_ends", "doc_regions", "link_rows"):
            conn.execute(f"DELETE FROM {table} WHERE graph IN ({marks})", list(graphs))
        rows = conn.execute(f"SELECT id, normalised FROM hits WHERE graph IN ({marks}) AND normalised IS NOT NULL",
                            list(graphs)).fetchall()
        conn.executemany("INSERT INTO hits_fts(hits_fts, rowid, normalised) VALUES ('delete', ?, ?)", rows)
        conn.executemany("DELETE FROM hits_chars WHERE rowid = ?", [(rowid,) for rowid, _ in rows])
        conn.execute(f"DELETE FROM hit_keys WHERE id IN (SELECT id FROM hits WHERE graph IN ({marks}))", list(graphs))
        conn.execute(f"DELETE FROM hits WHERE graph IN ({marks})", list(graphs))
        conn.execute(f"DELETE FROM graphs WHERE graph IN ({marks})", list(graphs))

    # --- in step with the store ---------------------------------------------------------------------------
    def in_step(self, store: Any, generation: int | None) -> bool:
        """Whether the index holds every document graph and links graph of the store at the store's version
        (and no other); decided once per store generation."""
        if generation is None or not self.path.exists():
            return False
        known = self._in_step
        if known is not None and known[0] == generation:
            return known[1]
        stored = _held(store)
        try:
            with closing(self._connect()) as conn:
                indexed = dict(conn.execute("SELECT graph, version FROM graphs").fetchall())
        except sqlite3.Error:
            indexed = {}
        ok = bool(stored) and stored == indexed
        self._in_step = (generation, ok)
        return ok

    # --- answering ----------------------------------------------------------------------------------------
    def _query(self, sql: str, params: Iterable[Any]) -> list[tuple[Any, ...]]:
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)) as conn:
            return conn.execute(sql, list(params)).fetchall()

    def units(self, concepts: Sequence[str], document: str | None, region: str | None,
              limit: int | None, offset: int, exclude: Sequence[str] = ()) -> tuple[list[dict[str, Any]], int]:
        """units_for_concepts.rq's rows (unit, leads, clauses, first, entries) for concept IRIs, each with
        the unit's label and jurisdiction (unit_labels.rq, unit_jurisdictions.rq), and the number of units
        in all (units_count.rq); `exclude`: documents (IRIs) left out."""
        where = [f"concept IN ({','.join('?' * len(concepts))})"]
        params: list[Any] = list(concepts)
        if document:
            where.append("doc = ?")
            params.append(document)
        if exclude:
            where.append("doc NOT IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(exclude)))
        if region:
            within, extra = _within("jurisdiction", region)
            where.append(f"unit IN (SELECT DISTINCT unit FROM unit_rows WHERE {within})")
            params += extra
        # ranked in SQL (a broad concept of a large corpus has a hundred thousand rows): units by the clauses
        # they lead, then by their clauses, then by their first mention; entry lines only for the page
        rows_sql = ("SELECT DISTINCT unit, role, doc, clause, number, start, resp FROM unit_rows WHERE "
                    + " AND ".join(where))
        ranked_sql = (f"WITH r AS ({rows_sql}) SELECT unit, COUNT(DISTINCT CASE WHEN role = 'lead' THEN clause END) "
                      f"AS led, COUNT(DISTINCT clause || ' ' || role) AS entries, MIN({_MENTION_SQL}) AS first "
                      "FROM r GROUP BY unit ORDER BY led DESC, entries DESC, first, unit")
        ranked = self._query(ranked_sql, params)
        page = ranked[offset:] if limit is None else ranked[offset : offset + limit]
        lines: dict[str, set[str]] = {unit: set() for unit, *_ in page}
        names: dict[str, tuple[Any, Any]] = {}
        units = list(lines)
        for i in range(0, len(units), 500):
            chunk = units[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for unit, role, doc, clause, number, start, resp in self._query(
                    f"SELECT * FROM ({rows_sql}) WHERE unit IN ({marks})", [*params, *chunk]):
                lines[unit].add(f"{mention(doc, start, clause, resp)} {role} {quote(number, safe='-_.~')}")
            # each unit's first label and first jurisdiction in writing order (a unit has a row per document)
            sql = ("SELECT u.unit, (SELECT label FROM unit_names n WHERE n.unit = u.unit AND label IS NOT NULL "
                   "ORDER BY rowid LIMIT 1), (SELECT jurisdiction FROM unit_names n WHERE n.unit = u.unit AND "
                   f"jurisdiction IS NOT NULL ORDER BY rowid LIMIT 1) FROM (SELECT DISTINCT unit FROM unit_names "
                   f"WHERE unit IN ({marks})) u")
            for unit, label, jurisdiction in self._query(sql, chunk):
                names[unit] = (label, jurisdiction)
        rows = [{"unit": unit, "leads": led, "clauses": entries, "first": first,
                 "entries": "\n".join(sorted(lines[unit])), "label": names.get(unit, (None, None))[0],
                 "jurisdiction": names.get(unit, (None, None))[1]} for unit, led, entries, first in page]
        return rows, len(ranked)

    def targets(self, qualitative: bool, documents: Sequence[str] | None, year: int | None,
                concepts: Sequence[str] | None, region: str | None, limit: int | None,
                offset: int, exclude: Sequence[str] = ()) -> tuple[list[dict[str, Any]], int]:
        """One page of the targets in targets.rq's order, each as `answer_targets.page_of` gives it, and
        how many there are in all; `documents` (IRIs), when given, the documents they may come from;
        `exclude`, documents they may not."""
        where = ["qualitative = ?"]
        params: list[Any] = [1 if qualitative else 0]
        if documents is not None:
            where.append("doc IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(documents)))
        if exclude:
            where.append("doc NOT IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(exclude)))
        if year is not None:
            where.append("year = ?")
            params.append(f"{int(year):04d}")
        if concepts is not None:
            where.append(f"target IN (SELECT target FROM target_rows WHERE concept IN ({','.join('?' * len(concepts))}))")
            params += list(concepts)
        if region:
            within, extra = _within("region", region)
            where.append(within)
            params += extra
        sql = ("SELECT target, doc_order, MIN(at) AS s FROM target_rows WHERE " + " AND ".join(where)
               + " GROUP BY target, doc, doc_order ORDER BY doc_order, s, length(target), target")
        found = self._query(sql, params)
        page = found[offset:] if limit is None else found[offset : offset + limit]
        answers: dict[str, str] = {}
        for i in range(0, len(page), 500):
            chunk = [t for t, _, _ in page[i : i + 500]]
            sql = f"SELECT target, answer FROM target_answers WHERE target IN ({','.join('?' * len(chunk))})"
            answers.update(self._query(sql, chunk))
        return [json.loads(answers[t]) for t, _, _ in page if t in answers], len(found)

    def search(self, needle: str, concept_scores: dict[str, float], document: str | None, limit: int,
               text_score: float) -> list[dict[str, Any]]:
        """The best `limit` hits as `answer_search.search` ranks them: items whose normalised text holds
        `needle` (normalised, lower case) score `text_score`, items tagged with a concept (IRI → score) add
        their best concept's score; then measures before clauses, by document, place in its text and id."""
        scope = "AND h.doc = ?" if document else ""
        params: list[Any] = [document] if document else []
        first = "SELECT h.item, MIN(h.id), h.kind, h.doc, MIN(h.start)"
        # candidates are read from hit_keys, the hits' narrow columns: a common phrase (碳: ten thousand
        # hits) then reads a few pages, not every hit's texts (a first request costs 50 ms instead of 290)
        if len(needle) >= 3:
            found = (f"{first} FROM hits_fts f JOIN hit_keys h ON h.id = f.rowid WHERE hits_fts MATCH ? {scope} "
                     "GROUP BY h.item")
            params = ['"' + needle.replace('"', '""') + '"', *params]
        elif len(needle) == 1 and "\u3400" <= needle <= "\u9fff":  # one Chinese character: indexed as it is
            found = (f"{first} FROM hits_chars f JOIN hit_keys h ON h.id = f.rowid WHERE hits_chars MATCH ? {scope} "
                     "GROUP BY h.item")
            params = ['"' + needle + '"', *params]
        elif needle.isalnum():  # one or two characters: their phrase in the character index, then checked
            found = (f"{first} FROM hits_chars f JOIN hits h ON h.id = f.rowid "
                     f"WHERE hits_chars MATCH ? AND instr(h.normalised, ?) > 0 {scope} GROUP BY h.item")
            params = ['"' + " ".join(needle) + '"', needle, *params]
        else:
            found = f"{first} FROM hits h WHERE instr(h.normalised, ?) > 0 {scope} GROUP BY h.item"
            params = [needle, *params]
        rows = {row[0]: row for row in self._query(found, params)}
        texts = set(rows)
        best: dict[str, float] = {}
        if concept_scores:
            iris = list(concept_scores)
            marks = ",".join("?" * len(iris))
            for item, concept in self._query(f"SELECT item, concept FROM item_concepts WHERE concept IN ({marks})",
                                             iris):
                best[item] = max(best.get(item, 0.0), concept_scores[concept])
            tagged = (f"{first} FROM hit_keys h WHERE h.item IN (SELECT item FROM item_concepts WHERE concept IN "
                      f"({marks})) {scope} GROUP BY h.item")
            for row in self._query(tagged, [*iris, *([document] if document else [])]):
                rows.setdefault(row[0], row)
        scored = [((text_score if item in texts else 0.0) + best.get(item, 0.0), item, row_id, kind, doc, start)
                  for item, row_id, kind, doc, start in rows.values()]
        scored.sort(key=lambda r: (-r[0], r[3] != "measure", r[4], r[5] or 0, r[1]))
        top = scored[:limit]
        details: dict[int, tuple[Any, Any, Any]] = {}
        if top:
            ids = [r[2] for r in top]
            sql = f"SELECT id, number, text, normalised FROM hits WHERE id IN ({','.join('?' * len(ids))})"
            details = {row_id: (number, text, norm) for row_id, number, text, norm in self._query(sql, ids)}
        return [{"item": item, "score": score, "kind": kind, "doc": doc, "number": details[row_id][0],
                 "text": details[row_id][1], "normalised": details[row_id][2]}
                for score, item, row_id, kind, doc, _ in top]

    def coverage_links(self, document: str, rank: int, min_score: float) -> list[dict[str, Any]]:
        """coverage_links.rq's rows for a document IRI: the clause links into its clauses of rank ≤ `rank`
        scoring at least `min_score` (alignments left out), with the source's clause, document and region."""
        sql = ("SELECT l.target, l.source, s.owner, s.doc, r.region, l.rank, l.score "
               "FROM link_ends t JOIN link_rows l ON l.target = t.item JOIN link_ends s ON s.item = l.source "
               "JOIN doc_regions r ON r.doc = s.doc WHERE t.doc = ? AND t.subdivision = 1 AND l.rank <= ? "
               "AND l.score >= ? AND l.method != 'alignment'")
        keys = ("target", "source", "owner", "sdoc", "region", "rank", "score")
        # distinct in Python: SQL's DISTINCT sorts some 20,000 rows of long IRIs for a national plan
        found = dict.fromkeys(self._query(sql, [document, int(rank), float(min_score)]))
        return [dict(zip(keys, row, strict=True)) for row in found]

    def clause_paths(self, clauses: Sequence[str]) -> dict[str, str]:
        """clause IRI → its path of numbers from the top of its document (clause_paths.rq)."""
        out: dict[str, str] = {}
        for i in range(0, len(clauses), 500):
            chunk = list(clauses[i : i + 500])
            sql = f"SELECT clause, path FROM clause_paths WHERE clause IN ({','.join('?' * len(chunk))})"
            for clause, path in self._query(sql, chunk):
                out.setdefault(clause, path)
        return out

"""The build's per-document cache across versions: a cache written by other code is made again, never read
into this code's classes. A build after an upgrade that added a field to a fact (a responsibility's `covers`)
found the old files, and unpickling them into the new classes failed before their version could be read.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from policykg.extract.model import ClauseFacts, DocumentExtraction, Provenance, UnitMention
from policykg.ingest.model import Span
from policykg.versions import GRAPH_SCHEMA_VERSION
from policykg.workspace import Workspace
from tests.ingest.real_packs import read_real


def _extraction() -> DocumentExtraction:
    unit = UnitMention("cn-sd-dezhou.sthj", "德州市生态环境局", "市生态环境局", "CN-SD-Dezhou", "lead",
                       Provenance("policykg.extract.units", "0", Span(17505, 17511)))
    extraction = DocumentExtraction(document_id="dezhou")
    extraction.clauses["dezhou~s4.i2"] = ClauseFacts(clause_id="dezhou~s4.i2", units=[unit])
    return extraction


def test_a_cache_round_trips(tmp_path: Path) -> None:
    doc = read_real("451")
    ws = Workspace(tmp_path)
    ws.save(doc, _extraction(), "sha")
    loaded = ws.load(doc.id)
    assert loaded is not None and loaded[1].clauses["dezhou~s4.i2"].units == _extraction().clauses["dezhou~s4.i2"].units


def test_a_cache_of_an_older_layout_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_real("451")
    ws = Workspace(tmp_path)
    ws.ensure()
    # the layout before `covers`: a responsibility's state one field shorter, in one record with its version inside
    with monkeypatch.context() as m:
        m.setattr(UnitMention, "__getstate__", lambda self: tuple(getattr(self, f) for f in UnitMention.__slots__[:-1]))
        old = pickle.dumps({"schema": "0.1+older", "document": doc, "extraction": _extraction(), "sha256": "sha"})
    (ws.cache / f"{doc.id}.pkl").write_bytes(old)
    with pytest.raises(ValueError):
        pickle.loads(old)  # what the build met
    assert ws.load(doc.id) is None
    # a file cut short, and a record of another version, are made again too
    (ws.cache / f"{doc.id}.pkl").write_bytes(pickle.dumps(GRAPH_SCHEMA_VERSION) + old[:40])
    assert ws.load(doc.id) is None
    (ws.cache / f"{doc.id}.pkl").write_bytes(pickle.dumps("0.1+older") + old)
    assert ws.load(doc.id) is None

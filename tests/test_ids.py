"""Fact ids are made and read in one place (`ontology.ids`)."""

from __future__ import annotations

from policykg.ontology import ids

CLAUSE = "sanming-pollution-carbon-synergy-plan-2022~s4.i5"


def test_a_fact_id_names_its_clause_kind_and_place() -> None:
    assert ids.fact_id("measure", CLAUSE, 2) == f"{CLAUSE}.m2"
    assert ids.fact_id("target", CLAUSE, 10) == f"{CLAUSE}.t10"
    assert ids.fact_clause("target", f"{CLAUSE}.t10") == CLAUSE
    assert ids.fact_clause("measure", f"{CLAUSE}.t10") is None  # read only as the kind asked for
    assert ids.fact_clause("mention", CLAUSE) is None and ids.is_fact_of("measure", f"{CLAUSE}.m1")
    assert ids.document_of(f"{CLAUSE}.m1") == "sanming-pollution-carbon-synergy-plan-2022"


def test_fact_ids_sort_in_reading_order() -> None:
    found = sorted([f"{CLAUSE}.u10", f"{CLAUSE}.u2", f"{CLAUSE}.u1"], key=ids.fact_order)
    assert found == [f"{CLAUSE}.u1", f"{CLAUSE}.u2", f"{CLAUSE}.u10"]

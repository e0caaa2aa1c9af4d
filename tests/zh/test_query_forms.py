"""A reader's phrase is read in the forms the documents are stored in (`ingest.script.query_forms`): as a
traditional paragraph is converted (t2s and the Taiwan phrase table), and as written when that differs;
concept names resolve through those forms, a whole label winning over a partial one."""

from __future__ import annotations

from policykg.graph.concept_names import ConceptNames
from policykg.ingest.script import query_forms, to_simplified
from policykg.ontology.concepts import ConceptScheme


def test_a_taiwan_variant_is_read_as_its_mainland_word_and_as_written() -> None:
    assert query_forms("最佳化") == ("优化", "最佳化")
    assert query_forms("套用") == ("应用", "套用")
    assert query_forms("碳捕捉") == ("碳捕集", "碳捕捉")
    assert query_forms("碳捕捉、利用與封存") == ("碳捕集、利用与封存", "碳捕捉、利用与封存")
    # a simplified phrase the table would change keeps its own form too: 公车 are official cars in a mainland text
    assert query_forms("公车改革") == ("公交车改革", "公车改革")
    assert query_forms("碳捕集") == ("碳捕集",) and query_forms("non-fossil") == ("non-fossil",)


def test_the_table_converts_a_traditional_text_of_carbon_capture() -> None:
    # the same conversion a traditional paragraph gets at ingest (t2s changed it, so the table applies)
    assert to_simplified("推動碳捕捉、利用與封存技術示範套用") == "推动碳捕集、利用与封存技术示范应用"
    assert to_simplified("实现二氧化碳捕捉利用") == "实现二氧化碳捕捉利用"  # a simplified text is left alone


def test_concept_names_in_every_form() -> None:
    names = ConceptNames(ConceptScheme.load())
    for name in ("CCUS", "CCS", "ccs", "碳捕集与封存", "碳捕集與封存", "二氧化碳捕集与封存", "碳捕捉利用與封存",
                 # the capture alone, in the words plans use for it (碳捕获: "碳捕获、利用与封存（CCUS）")
                 "碳捕集", "碳捕捉", "碳捕获", "碳捕獲", "carbon capture"):
        assert names.resolve_how(name) == ("ccus", "exact"), name
    assert names.resolve_how("碳捕") == ("ccus", "partial")  # part of its labels
    assert names.resolve_how("share of non-fossil energy in energy consumption") == ("non_fossil_share", "exact")
    assert names.resolve_how("non_fossil_energy") == ("non_fossil_energy", "exact")
    assert names.resolve_how("zzzz-nonsense") is None and names.resolve_how("  ") is None

"""A body line as long as most of a text's lines is a line the layout wrapped (real `tune` PDFs).

The national 现代能源体系规划 (16) prints its body at 28 characters a line; its covering pages and tables
print wider, and a length taken from the widest tenth of the lines (36) read no body line as full. Its
sentences then ended at every line of the layout, and a measure was the first line of its sentence.
"""

from __future__ import annotations

import pytest

from policykg.extract.document import extract_document
from policykg.ingest.model import NormalisedDocument
from tests.ingest.real_packs import read_real as _read


@pytest.fixture(scope="module")
def energy_plan() -> NormalisedDocument:
    return _read("16")


def test_a_sentence_wrapped_over_body_lines_reads_whole(energy_plan):
    sentence = ("积极推动高温气冷堆、快堆、模块化小型堆、海上浮动堆等先进堆型示范工程,"
                "推动核能在清洁供暖、工业供热、海水淡化等领域的综合利用。")
    assert sentence in energy_plan.text
    at = energy_plan.text.index(sentence)
    # the span still cuts the text layer, where the layout broke the line after 清
    assert "在清\n洁供暖" in energy_plan.quote(energy_plan.span(at, at + len(sentence))).replace("\r", "")


def test_the_measure_is_the_whole_sentence(energy_plan):
    measures = [m.text for m in extract_document(energy_plan).measures()]
    whole = "开展核能综合利用示范,积极推动高温气冷堆、快堆、模块化小型堆、海上浮动堆等先进堆型示范工程,推动核能在清洁供暖、工业供热、海水淡化等领域的综合利用。"
    assert whole in measures
    assert not any(m.endswith("推动核能在清") for m in measures)


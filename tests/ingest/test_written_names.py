"""A name as the document writes it (`NormalisedDocument.written`) is what a reader sees at its place: a
list that runs over a page keeps no page number, and a name wrapped over two lines is one name.

Real: Qingdao's 2021–2023 plan (tune document 500), whose list "（责任单位：市生态环境局，市委组织部，各区、
市政府）" runs over the foot of page 3: its text layer holds "各区、\\f－ 3 －\\r\\n市政府".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.document import extract_document
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"
QINGDAO = "500、青岛市温室气体减排和大气污染治理协同控制三年行动计划（2021-2023年）.pdf"


@pytest.fixture(scope="module")
def qingdao() -> NormalisedDocument:
    return normalise(read_raw(sources(PACKS)[QINGDAO]))


def test_a_page_number_inside_a_list_is_not_part_of_a_name(qingdao: NormalisedDocument) -> None:
    start = qingdao.text.index("各区、市政府")
    span = qingdao.span(start, start + len("各区、市政府"))
    assert "－ 3 －" in qingdao.quote(span)  # the quote is verbatim, page number and all
    assert qingdao.written(span) == "各区、市政府"


def test_the_units_of_that_list_carry_their_names_as_written(qingdao: NormalisedDocument) -> None:
    extraction = extract_document(qingdao)
    surfaces = {u.surface for facts in extraction.clauses.values() for u in facts.units}
    assert "各区、市政府" in surfaces
    assert not [s for s in surfaces if any(c in s for c in "\r\n\f－")]


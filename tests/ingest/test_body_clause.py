"""A text that numbers nothing has its paragraphs as clauses ("~b1", "~b2" …), so that what each says is
read like any clause's.

Real: a provincial department's notice (tune document 293) that sets up a leading group and, in its
annex, gives each division its duties with the units that assist it ("(配合单位:环科院)"); the notice
numbers none of its paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.extract.document import extract_document
from policykg.extract.scoring import extracted_lists
from policykg.ingest.model import NormalisedDocument
from policykg.ingest.normalise import normalise
from policykg.ingest.pack import sources
from policykg.ingest.raw import read_raw

PACKS = Path(__file__).resolve().parents[2] / "corpus" / "real"
NOTICE = "293、关于成立安徽省生态环境厅碳达峰行动方案编制及碳中和愿景研究工作领导小组的通知.pdf"


@pytest.fixture(scope="module")
def notice() -> NormalisedDocument:
    return normalise(read_raw(sources(PACKS)[NOTICE]))


def test_a_text_numbering_nothing_has_its_paragraphs_as_body_clauses(notice: NormalisedDocument) -> None:
    assert {c.kind for c in notice.clauses} == {"body"}
    first, *rest = notice.clauses
    assert first.id == f"{notice.id}~b1" and rest[0].id == f"{notice.id}~b2"
    texts = [notice.text[c.start:c.end] for c in notice.clauses]
    assert texts[0].startswith("安徽省生态环境厅关于成立")  # the title printed a second time
    assert "厅机关各处室、各直属事业单位:" in texts
    assert any(t.startswith("宣传教育处负责做好绿色低碳发展") and t.endswith("(配合单位:宣教中心)") for t in texts)
    clause = next(c for c in notice.clauses if notice.text[c.start:c.end].startswith("宣传教育处"))
    assert notice.original[clause.span.start:clause.span.end].replace(" ", "").startswith("宣传教育处负责")


def test_the_lists_of_a_body_clause_are_read(notice: NormalisedDocument) -> None:
    """The annex's paragraphs each give a division its duties, some with the units that assist it."""
    lists = [[(u.name, u.role) for u in found.units] for found in extracted_lists(extract_document(notice))]
    # the annex's first paragraph follows its title on one line: the division leads, the offices assist
    assert [("省生态环境保护督察办公室", "lead"), ("第一专员办公室", "support"), ("第二专员办公室", "support"),
            ("第三专员办公室", "support"), ("第四专员办公室", "support")] in lists
    assert [("生态环境监测处", "lead"), ("监测中心", "support"), ("信息中心", "support")] in lists
    assert [("宣传教育处", "lead"), ("宣教中心", "support")] in lists
    assert [("人事处", "lead")] in lists

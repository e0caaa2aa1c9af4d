"""Search ranking by closeness (`graph/search_rank.py`) on real texts: a table's cell that ingest gave as a
clause, or a sentence cut off, does not come before the whole measures that say the phrase.

Real, as the default corpus's answer index holds them (shown text, normalised text): a cell of the survey
form of an Anhui notice (264、安徽省关于开展碳达峰碳中和科技创新情况摸底调研的通知), read as a body
clause; the CCUS measures of the central opinions, the MEE plan, the State Council's action plan and the
Sanming plan; a measure of the 14th five-year modern energy system plan cut at a line break ("培育发展
二氧化碳捕集利用", of "培育发展二氧化碳捕集利用与封存新模式。"); and a long State Council measure naming CCUS
among other fields.
"""

from __future__ import annotations

from typing import Any

import pytest

from policykg.graph.search_rank import SENTENCE_LENGTH, Phrases, rank
from policykg.ontology.concepts import ConceptScheme

CELL = "anhui-kaizhan-tandafeng-tan-zhong-9104~b27"
CENTRAL = "central-opinions-carbon-peak-2021-zh~s8.i21.m6"
MEE = "mee-pollution-carbon-synergy-plan-2022~s4.i8.m8"
STATE_COUNCIL = "state-council-2030-carbon-peak-action-plan-2021~s3.i7.p4.m3"
SANMING = "sanming-pollution-carbon-synergy-plan-2022~s4.i5.m8"
CUT_OFF = "cn-shisiwu-xiandai-nengyuan-tixi-3b88~s7.s19.m15"
LONG = "state-council-2030-carbon-peak-action-plan-2021~s4.i2.m4"

#: id → (shown text, normalised text); the cell first, so that a tie would leave it first.
TEXTS = {
    CELL: ("碳捕集利；\t方向1：", "碳捕集利;方向1:"),
    CENTRAL: ("推进规模化碳捕集利用与封存技术研发、示范和产业化应用。",) * 2,
    MEE: ("推动碳捕集、利用与封存技术在工业领域应用。",) * 2,
    STATE_COUNCIL: ("建设全流程、集成化、规模化二氧化碳捕集利用与封存示范项目。",) * 2,
    SANMING: ("推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。",) * 2,
    CUT_OFF: ("培育发展二氧化碳捕集利用",) * 2,
    LONG: ("加大绿色技术合作力度，推动开展可再生能源、储能、氢能、二氧化碳捕集利用与封存等领域科研合作和技术交流，"
           "积极参与国际热核聚变实验堆计划等国际大科学工程。",
           "加大绿色技术合作力度,推动开展可再生能源、储能、氢能、二氧化碳捕集利用与封存等领域科研合作和技术交流,"
           "积极参与国际热核聚变实验堆计划等国际大科学工程。"),
}
WHOLE = [CENTRAL, MEE, STATE_COUNCIL, SANMING]


@pytest.fixture(scope="module")
def scheme() -> ConceptScheme:
    return ConceptScheme.load()


def _ranked(q: str, score: float, scheme: ConceptScheme) -> list[dict[str, Any]]:
    """The hits as the query layer gives them on the default corpus (every one tagged CCUS, so one score
    for all: 1.0 for 碳捕集, which names it, 0.4 for "carbon capture", found by the concept alone), ranked."""
    hits = [{"id": item, "text": shown, "score": score} for item, (shown, _) in TEXTS.items()]
    rank(q, hits, scheme, lambda hit: TEXTS[hit["id"]][1])
    return hits


@pytest.mark.parametrize(("q", "score"), [("碳捕集", 1.0), ("carbon capture", 0.4)])
def test_the_whole_measures_come_before_a_table_cell_and_a_sentence_cut_off(
        q: str, score: float, scheme: ConceptScheme) -> None:
    ranked = [hit["id"] for hit in _ranked(q, score, scheme)]
    assert set(ranked[:4]) == set(WHOLE), ranked  # the whole measures first, the short and the longer
    assert ranked[4:] == [CUT_OFF, LONG, CELL], ranked  # then the cut-off; the cell last, below a long measure


def test_shortness_counts_down_to_a_sentence(scheme: ConceptScheme) -> None:
    """Below `SENTENCE_LENGTH` a text is not closer for being shorter; above it, it still is; a text ending
    on a colon (the cell) or cut off weighs less than a whole one of its length."""
    phrases = Phrases("碳捕集", scheme)
    near = {item: phrases.closeness(normalised) for item, (_, normalised) in TEXTS.items()}
    short = [item for item in WHOLE if len(TEXTS[item][1]) <= SENTENCE_LENGTH]
    assert len(short) == 3 and len({near[item] for item in short}) == 1, near  # 21, 27 and 29 characters
    assert near[MEE] > near[SANMING] > near[LONG] > near[CELL] > 0, near  # 32 and 73 characters, the cell 10
    assert near[MEE] > near[CUT_OFF] > near[LONG], near


def test_an_english_phrase_still_meets_the_chinese_measures(scheme: ConceptScheme) -> None:
    phrases = Phrases("carbon capture", scheme)
    assert all(phrases.closeness(TEXTS[item][1]) > 0 for item in WHOLE)
    assert phrases.closeness(TEXTS[CELL][1]) < min(phrases.closeness(TEXTS[item][1]) for item in WHOLE)

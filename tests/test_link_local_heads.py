"""A province's heads of the 1+N system come besides the per-level bound, as the national heads do.

At corpus scale a province has many documents closer in topic to a city's plan than its implementing
opinions on the carbon peak; the per-level bound (`link_parents_per_level`) kept those and pushed the
opinions out, so no measure of the city met the province's clauses. The province's implementing opinions
(…做好碳达峰碳中和工作的实施意见) and its carbon-peak plan (X省碳达峰实施方案) are now implemented by the
documents of their family besides the bound. Real `tune` documents of Hebei and Handan.
"""

from __future__ import annotations

import pytest

from policykg.evaluate import bundled_corpus, extract_key_documents
from policykg.link import link_corpus
from policykg.link.documents import is_local_head
from policykg.link.families import HEADS, local_head
from policykg.link.features import normalise_title
from policykg.settings import Settings

HANDAN = "242、邯郸市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见.pdf"
HEBEI_OPINIONS = "71、河北省关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施意见.pdf"
HEBEI_OTHERS = (
    "494、河北省促进绿色消费实施方案.pdf",
    "70、河北省关于建立降碳产品价值实现机制的实施方案.pdf",
    "134、河北省重点领域严格能效约束推进节能降碳实施方案.pdf",
)
OPINIONS, PLAN = HEADS


def test_the_heads_of_a_province_by_the_form_of_their_titles() -> None:
    # Hebei's and Jiangsu's implementing opinions; a province's carbon-peak plan
    assert local_head(normalise_title("关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施意见")) == OPINIONS
    assert local_head(normalise_title("中共江苏省委 江苏省人民政府关于推动高质量发展做好碳达峰碳中和工作的实施意见")) == OPINIONS
    assert local_head(normalise_title("河北省人民政府关于印发河北省碳达峰实施方案的通知")) == PLAN
    assert local_head(normalise_title("广西壮族自治区碳达峰实施方案")) == PLAN
    # a finance bureau's opinions supporting the work, a city's, a sector's or a district's plan: of the family only
    assert local_head(normalise_title("浙江省财政厅关于支持碳达峰碳中和工作的实施意见")) is None
    assert local_head(normalise_title("台州市财税支持碳达峰碳中和工作实施意见")) is None
    assert local_head(normalise_title("杭州市科创领域碳达峰行动方案")) is None
    assert local_head(normalise_title("工业领域碳达峰实施方案")) is None


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    read = extract_key_documents([HANDAN, HEBEI_OPINIONS, *HEBEI_OTHERS])
    docs, extractions = bundled_corpus()
    docs, extractions = list(docs), dict(extractions)
    for doc, extraction in read.values():
        docs.append(doc)
        extractions[doc.id] = extraction
    return docs, extractions, {name: doc.id for name, (doc, _) in read.items()}


def test_a_city_implements_its_provinces_opinions_besides_the_bound(corpus) -> None:  # type: ignore[no-untyped-def]
    docs, extractions, ids = corpus
    by_id = {d.id: d for d in docs}
    assert is_local_head(by_id[ids[HEBEI_OPINIONS]])
    assert not any(is_local_head(by_id[ids[name]]) for name in HEBEI_OTHERS)
    # No provincial place left at all: Hebei's opinions are still a parent of Handan's 绿色低碳循环发展 opinions
    # (the 1+N family, broad); Hebei's other plans are not.
    links = link_corpus(docs, extractions, Settings(link_parents_per_level=0))
    handan = ids[HANDAN]
    parents = {d.target: d for d in links.documents if d.source == handan and d.relation == "implements"}
    assert ids[HEBEI_OPINIONS] in parents and not any(ids[name] in parents for name in HEBEI_OTHERS)
    assert any(e.kind == "family" and e.value == OPINIONS for e in parents[ids[HEBEI_OPINIONS]].evidence)
    # the central opinions too (the 2030 plan was issued four days after Handan's opinions)
    assert "central-opinions-carbon-peak-2021-zh" in parents
    # and Handan's measures meet the clauses of Hebei's opinions
    targets = {lk.target.split("~")[0] for lk in links.clauses if lk.source.startswith(handan + "~")}
    assert ids[HEBEI_OPINIONS] in targets

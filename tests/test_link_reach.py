"""Local documents of the carbon work reach the heads of the 1+N system in the document graph.

On the tune side of the real corpus, the provincial, city and county documents whose title names the carbon
peak, low carbon, carbon sinks, the carbon market, climate change or energy saving reach the central opinions
and the 2030 Action Plan among their ancestors, unless they were issued before them. Before the rules of
`link/families.py` covered energy saving, carbon sinks and the carbon market and the genres beyond plans,
26 of 138 such documents reached neither head, each for one of those reasons (docs/linking.md, §2).
"""

from __future__ import annotations

import pytest

from policykg.evaluate import bundled_corpus, extract_key_documents
from policykg.link import link_corpus
from policykg.link.families import HEADS, family_weight
from policykg.link.features import normalise_title

CENTRAL_ZH = "central-opinions-carbon-peak-2021-zh"
PLAN_2030 = "state-council-2030-carbon-peak-action-plan-2021"
OPINIONS, PLAN = HEADS


def weight(title: str) -> float:
    return family_weight(normalise_title(title), OPINIONS)


def test_plans_on_energy_saving_carbon_sinks_and_the_carbon_market_belong_to_the_family() -> None:
    # titles of tune documents of the real corpus
    assert weight("甘肃省“十四五”节能减排综合工作方案") == 0.5
    assert weight("关于江苏省“十四五”全社会节能的实施意见") == 0.5
    assert weight("青岛市“十四五”建筑节能与绿色建筑发展规划") == 0.5
    assert weight("四川林草碳汇行动方案") == 0.5
    assert weight("重庆市生态环境系统2022年应对气候变化工作要点") == 0.5  # a year's work points are a plan
    # 举措 is a genre of measures as 措施 is
    assert weight("广西壮族自治区贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展若干举措") == 0.8
    assert family_weight(normalise_title("四川林草碳汇行动方案"), PLAN) == 0.5


def test_other_genres_naming_the_carbon_work_carry_out_the_heads_weakly() -> None:
    assert weight("河北省科学技术厅关于征集碳达峰碳中和领域专家的通知") == 0.3
    assert weight("江苏省碳达峰碳中和科技创新专项资金管理办法（暂行）") == 0.3
    assert weight("广东省碳普惠交易管理办法") == 0.3
    assert weight("毕节市林业碳票碳减排量计量方法（试行）") == 0.3
    assert weight("浙江省林业固碳增汇试点建设管理办法") == 0.3
    assert weight("关于做好全国碳市场数据质量监督管理及配额清缴相关工作的通知") == 0.3
    assert weight("市生态环境局关于做好我市2022年全国碳市场温室气体排放重点工作的通知") == 0.3
    # documents about other work stay out
    assert weight("湖北省林业发展“十四五”规划") == 0.0
    assert weight("关于推动城乡建设绿色发展的实施意见") == 0.0


FILES = {
    "311、甘肃省“十四五”节能减排综合工作方案.pdf": True,  # energy saving: its national plan is central
    "322、嘉兴市重点排放单位碳排放报告质量达标管理办法（试行）.pdf": True,  # a city's rules: far hierarchy
    "233、广东省碳普惠交易管理办法.pdf": True,
    "487、浙江省林业固碳增汇试点建设管理办法.pdf": True,
    "235、广西壮族自治区关于加快建立健全绿色低碳循环发展经济体系的实施意见.pdf": False,  # 2021-09-12: earlier
}


@pytest.fixture(scope="module")
def linked():  # type: ignore[no-untyped-def]
    docs, extractions = bundled_corpus()
    docs, extractions = list(docs), dict(extractions)
    for doc, extraction in extract_key_documents(FILES).values():
        docs.append(doc)
        extractions[doc.id] = extraction
    return docs, link_corpus(docs, extractions)


def test_tune_documents_of_the_carbon_work_reach_both_heads_unless_issued_before(linked) -> None:  # type: ignore[no-untyped-def]
    docs, links = linked
    by_name = {d.source_name: d.id for d in docs if d.source_name}
    parents: dict[str, set[str]] = {}
    for link in links.documents:
        if link.relation == "implements":
            parents.setdefault(link.source, set()).add(link.target)

    def reached(doc_id: str) -> set[str]:
        seen: set[str] = set()
        stack = [doc_id]
        while stack:
            for target in parents.get(stack.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen

    for file, reaches in FILES.items():
        found = reached(by_name[file]) & {CENTRAL_ZH, PLAN_2030}
        assert found == ({CENTRAL_ZH, PLAN_2030} if reaches else set()), file
    gansu = next(lk for lk in links.documents if lk.source == by_name[next(iter(FILES))] and lk.target == CENTRAL_ZH)
    assert ("family", "碳达峰碳中和工作的意见", 0.5) in {(e.kind, e.value, e.weight) for e in gansu.evidence}

"""Local documents of the carbon work reach the heads of the 1+N system in the document graph.

On the tune side of the real corpus, the provincial, city and county documents whose title names the carbon
peak, low carbon, carbon sinks, the carbon market, climate change or energy saving reach the central opinions
and the 2030 Action Plan among their ancestors, unless they were issued before them. Before the rules of
`link/families.py` covered energy saving, carbon sinks and the carbon market and the genres beyond plans,
26 of 138 such documents reached neither head, each for one of those reasons (docs/linking.md, §2). Documents
whose titles name none of that work reach them when their text names the carbon peak (linker 0.8).
"""

from __future__ import annotations

import pytest

from policykg.evaluate import bundled_corpus, extract_key_documents
from policykg.link import link_corpus
from policykg.link.families import HEADS, family_weight, text_weight
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


def test_a_text_naming_the_carbon_peak_places_a_document_under_the_heads() -> None:
    # sentences of tune documents whose titles name none of the carbon work
    assert text_weight(  # 575, a province's green urban-rural construction measures: the preamble
        "为深入贯彻习近平生态文明思想，全面落实《中共中央办公厅 国务院办公厅关于推动城乡建设绿色发展的意见》，进一步提升"
        "全省城乡建设绿色发展水平，助力实现碳达峰、碳中和，经省政府同意，现提出如下措施。一、优化城乡空间布局"
    ) == 0.3
    assert text_weight("制定化纤行业碳达峰路线图，明确行业降碳实施路径，加大绿色工艺及装备研发。") == 0.3  # 46, a task
    # a PDF's text layer with a space between characters and a line break inside the word
    assert text_weight("助力工业领域实现碳 达\n峰、碳 中 和目标，现组织开展2021年度绿色制造名单推荐工作。") == 0.3
    # texts naming no carbon goal: power reliability, soil, low-carbon words without the peak
    assert text_weight("为加强电力可靠性管理，提高电力系统可靠性水平，保障电力系统安全稳定运行，制定本办法。") == 0.0
    assert text_weight("推进土壤污染防治。加强绿色低碳技术推广。") == 0.0


FILES = {
    "311、甘肃省“十四五”节能减排综合工作方案.pdf": True,  # energy saving: its national plan is central
    "322、嘉兴市重点排放单位碳排放报告质量达标管理办法（试行）.pdf": True,  # a city's rules: far hierarchy
    "233、广东省碳普惠交易管理办法.pdf": True,
    "487、浙江省林业固碳增汇试点建设管理办法.pdf": True,
    "235、广西壮族自治区关于加快建立健全绿色低碳循环发展经济体系的实施意见.pdf": False,  # 2021-09-12: earlier
    # titles naming none of the carbon work, texts naming the carbon peak (`families.text_weight`)
    "575、山东省关于推动城乡建设绿色发展若干措施的通知.pdf": True,
    "46、关于化纤工业高质量发展的指导意见.pdf": True,
}
BY_TEXT = ("575、山东省关于推动城乡建设绿色发展若干措施的通知.pdf", "46、关于化纤工业高质量发展的指导意见.pdf")


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
    for file in BY_TEXT:  # both heads, on the evidence of the text
        for head_id, head in ((CENTRAL_ZH, OPINIONS), (PLAN_2030, PLAN)):
            link = next(lk for lk in links.documents if lk.source == by_name[file] and lk.target == head_id
                        and lk.relation == "implements")
            assert ("family", f"text: {head}", 0.3) in {(e.kind, e.value, e.weight) for e in link.evidence}, file

"""What a target's label says beyond what it measures, taken off once every form has named it (Chinese only).

- The action that establishes the works: "全区建成绿色园区12个以上" → 绿色园区, a table's "累计创建国家级绿色工厂(家)" →
  国家级绿色工厂, "补充建立野生动物救护站10处" → 野生动物救护站. 新建 and 新增 stay: they say the works are new ones
  (新建充电设施), not how they come about.
- The year and the scope a label opens with: "2025年全省城镇新建建筑执行绿色标准" → 城镇新建建筑执行绿色标准; "各盟市政府
  (行政公署)所在地新增和更新的新能源公交车辆" → 新增和更新的新能源公交车辆 (where each place must reach it); a due time
  inside it or closing it ("规划期内建筑垃圾资源化利用率", "…处理设施到2022年底"). A label naming nothing (a due time
  alone, a figure, 规划) is no target's.
- A note in brackets inside it, which defines or bounds what is measured: "规模化养殖(年出栏生猪5000头规模当量)粪污处理
  设施装备配套率", "新增生物质能发电项目(含垃圾)装机", "在建(符合安装条件)工地扬尘在线监控安装率". A name's own
  brackets stay: 细颗粒物(PM2.5)浓度, 旗县(市、区), 充(换)电站.
- The unit it is counted in: "可再生能源消费量折合标煤超过1000万吨" → 可再生能源消费量.

Works said to be new keep the word, where a count names them after it ("新建10万个充电设施" → 新建充电设施, "新晋升5处
自然保护区" → 新晋升自然保护区) and where a part of new works is named after 其中 ("每年新建绿地1000公顷,其中公园绿地500
公顷以上" → 新建公园绿地). Counts listed before the works their last item closes with count those works each ("完成2个
示范区、10个示范镇、100个示范基地创建工作" → 示范区创建, 示范镇创建).

Used by extract/targets.py on every target found, grammar and tables alike.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policykg.extract.target_scope import TargetHit
from policykg.extract.target_words import RATE_HEAD_ZH

#: Establishing the works: 建成 (not 建成区), 创建, 建立, with 累计, 新 or 补充 before them; putting them to use (推广应用).
_ESTABLISHING_ZH = re.compile(r"^(?:(?:累计|新|补充)?(?:创建|建成(?!区)|建立)|(?:集成)?推广应用)(?=[\u4e00-\u9fff“]{2})")
#: Completing what the year's plan sets, opening a label: "全年计划完成营造林175.5万亩" → 营造林.
_PLANNED_ZH = re.compile(r"^(?:(?:全年|今年|年内)?计划|全年|今年|年内)完成(?=[\u4e00-\u9fff“]{2})")
#: The quota word after an amount's name: "用水总量指标控制在15.4亿m3以内" → 用水总量.
_QUOTA_ZH = re.compile(r"(?<=量)指标$")
#: A due time marked as one (到/在/于 a year, a year's end 前, 期间/时期/末 of a five-year plan, 规划期内): no part of what
#: is measured wherever a label holds it ("…建设“十四五”期间新增投产…装机", "…处理设施到2022年底"). A year after 较/比 is a
#: base ("较2015年下降"), 2021年度 a year's account, and a bare year inside a label a reference ("根据2019年…").
_DUE_MARKED = (r"(?:(?:在|到|于|至)(?:19|20)\d{2}年(?!度)(?:\d{1,2}月)?(?:底|末)?(?:前|之前|以前)?"
               r"|(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|末)?前|(?:在|到|于)?“?十[四五]五”?(?:期间|时期|末)|规划期(?:内|末|间))")
_DUE_INSIDE_ZH = re.compile(rf"(?<![较比与自从和、\d]){_DUE_MARKED}[,，]?(?=[\u4e00-\u9fff])")
_DUE_CLOSING_ZH = re.compile(rf"(?<![较比与自从和、\d]){_DUE_MARKED}$")
#: When and where, opening a label: a due time or a year (not 2021年度, not the date things count from: 2021年1月1日以来)
#: and the whole place after it, each place of a kind ("各盟市政府…所在地").
_WHEN_WHERE_ZH = re.compile(
    rf"^(?:(?:{_DUE_MARKED}|(?:19|20)\d{{2}}\s*年(?!度|以来|\d{{1,2}}月)(?:底|末)?(?:前|以前)?"
    r"|首个履约(?:年份|年度|周期))[,，]?"  # a carbon market's first compliance year
    r"(?:全省|全市|全区|全县|全国|我省|我市|本市|本省|辖区内)?"
    r"|各[^,，;；。、\d]{1,16}?所在地)+(?=[\u4e00-\u9fff“\d]{2})")
#: A note in brackets: what it includes, the condition it holds under, or a definition with a figure.
_NOTE_ZH = re.compile(
    r"[(（](?:(?:含|包括|不含|不包括)[^()（）]*|(?:符合|具备|满足)[^()（）]*条件|[\u4e00-\u9fff]*\d[^()（）A-Za-z]*)[)）]"
    r"(?=[\u4e00-\u9fff])")
#: New works: the word a count follows ("新建10万个"), the words a part of new works takes from them.
_NEW_BEFORE_COUNT_ZH = re.compile(r"(新建|新晋升)\s*$")
_NEW_LEAD_ZH = re.compile(r"^(?:新建|新增)(?=[\u4e00-\u9fff]{2})")
_OF_WHICH_ZH = re.compile(r"[\s,，;；]*其中[\s,，:：]*")
#: The works a list of counts closes with, after its last item's noun ("…、100个示范基地创建工作"), and the joiners.
_WORKS_TAIL_ZH = re.compile(r"(创建|建设|改造|治理|整治|修复|认定)(?:工作|任务)?$")
_COUNT_GAP_ZH = re.compile(r"\s*[、和及与]\s*")
#: The unit an amount is counted in, after its name, and the words saying what it comes to ("可再生能源年利用量折合10亿吨
#: 标准煤", "生态河堤保护及修复共计15.8千米"; a table's 合计 row stays the total it is).
_COUNTED_IN_ZH = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:折合(?:标准煤|标煤)?|折算为?|共计)$")
#: What names nothing measured: a figure ("0%", "-6%": a table's cells read as a name), the plan's own word (规划, 计划);
#: and a share's figure inside a name ("省、市、县(市、区)分别承担30%、30%": another target's values, cells read as one).
_NO_NAME_ZH = re.compile(r"[-+－]?\d+(?:\.\d+)?\s*[%％]?|规划|计划")
_SHARE_IN_NAME_ZH = re.compile(r"\d\s*[%％]")


#: A bracket the label opens and leaves open: the figure is a note on what stands before it ("建成投产岷江犍为(50万千瓦",
#: a work's size; "油茶示范林15.33万公顷(新造2万公顷": a part of a figure), the note's own words before the figure.
_OPEN_NOTE_ZH = re.compile(r"[(（]([^()（）]*)$")
#: A bracket the label closes before opening one: the label was read from inside a note ("已投产680/2万千瓦)、白鹤滩(").
_CLOSED_FIRST_ZH = re.compile(r"^[^()（）]*[)）]")


#: What a label closes with that is no part of the measure: the base a change builds on ("能效水平在原有基础上提升30%"),
#: a trend joined by 并 to the level verb after it ("原油年产量回升并稳定在2亿吨水平").
_BASE_OR_TREND_TAIL_ZH = re.compile(
    r"(?:在(?:原有|现有|既有|此)基础上|(?:持续|稳步|逐步|不断|进一步)?(?:回升|上升|增长|提升|提高|下降|降低)并)$")


def without_due_time(label: str) -> str:
    """`label` without the due time it was read with: one opening it with the whole place after it, the clause before the
    last one inside it ("有序推进…建设“十四五”期间新增投产其他流域大中型水电装机" → 新增投产…), one closing it."""
    label = _WHEN_WHERE_ZH.sub("", label)
    inside = list(_DUE_INSIDE_ZH.finditer(label))
    if inside and len(label) - inside[-1].end() >= 2:
        label = label[inside[-1].end() :]
    return _DUE_CLOSING_ZH.sub("", label)


def names_nothing(label: str) -> bool:
    """A label that names nothing measured: a due time alone ("在2022年", "到2025年"), a single character ("共"), a figure,
    the plan's own word, one holding a share's figure, or a copula opening what a period is ("“十四五”时期是我国在…")."""
    bare = without_due_time(label)
    note = _OPEN_NOTE_ZH.search(bare)
    if note and (len(words := note.group(1).strip()) < 2 or re.search(r"\d", words)) or _CLOSED_FIRST_ZH.match(bare):
        return True  # a work's size noted after its name, a label read from inside a note
    return len(bare) < 2 or bool(_NO_NAME_ZH.fullmatch(bare) or _SHARE_IN_NAME_ZH.search(bare)) or bare.startswith("是")


def plain_label(label: str) -> str:
    """`label` without what says how, when or where the works come about, a note on it, the unit it is counted in;
    unchanged where too little would be left."""
    plain = _BASE_OR_TREND_TAIL_ZH.sub("", _COUNTED_IN_ZH.sub("", _NOTE_ZH.sub("", label)))
    plain = without_due_time(plain)
    plain = _ESTABLISHING_ZH.sub("", _PLANNED_ZH.sub("", plain))
    plain = _QUOTA_ZH.sub("", plain)
    note = _OPEN_NOTE_ZH.search(plain)
    plain = note.group(1).strip() if note else plain  # "油茶示范林15.33万公顷(新造": what the note names, 新造
    return plain if len(plain) >= 2 else label


def plain_labels(hits: list[TargetHit], text: str) -> list[TargetHit]:
    """Every hit that names something (`names_nothing`) with its plain label (`plain_label`), new works said to be new
    (`said_new`), counts listed before the works they share named by them (`works_shared`); offsets into `text`."""
    named = [h for h in hits if not names_nothing(h.indicator)]
    out = [replace(h, indicator=plain) if (plain := plain_label(h.indicator)) != h.indicator else h for h in named]
    for i, hit in enumerate(out):
        new = said_new(hit, out[i - 1] if i else None, text)
        if new:
            out[i] = replace(hit, indicator=new + hit.indicator)
    return works_shared(out, text)


def _counts(hit: TargetHit) -> bool:
    """A count written before what it counts ("100个示范基地")."""
    return not hit.qualitative and hit.start < hit.indicator_start


def works_shared(hits: list[TargetHit], text: str) -> list[TargetHit]:
    """Counts listed before the works their last item closes with count those works each: "完成2个示范区、10个示范镇、
    100个示范基地创建工作" → 示范区创建, 示范镇创建 (the items joined only by 、/和, each a count before its noun)."""
    out = list(hits)
    for j in range(len(out) - 1, 0, -1):
        tail = _WORKS_TAIL_ZH.search(out[j].indicator) if _counts(out[j]) else None
        if tail is None or tail.start() < 2:
            continue
        k = j - 1
        while k >= 0 and _counts(out[k]) and out[k].end <= out[k + 1].start and (
                _COUNT_GAP_ZH.fullmatch(text, out[k].end, out[k + 1].start)) and not _WORKS_TAIL_ZH.search(out[k].indicator):
            out[k] = replace(out[k], indicator=out[k].indicator + tail.group(1))
            k -= 1
    return out


def said_new(hit: TargetHit, before: TargetHit | None, text: str) -> str | None:
    """The word that says `hit`'s works are new where its label leaves it out: 新建 right before the count that
    precedes what it counts, or the 新建/新增 of the works `hit` is a part of (其中, right after them)."""
    if hit.qualitative or _NEW_LEAD_ZH.match(hit.indicator) or hit.indicator.startswith("新晋升"):
        return None
    if hit.start < hit.indicator_start and (new := _NEW_BEFORE_COUNT_ZH.search(text, max(0, hit.start - 6), hit.start)):
        return new.group(1)
    if before is None or before.qualitative or before.end > hit.indicator_start or RATE_HEAD_ZH.search(hit.indicator):
        return None
    lead = _NEW_LEAD_ZH.match(before.indicator)
    return lead.group() if lead and _OF_WHICH_ZH.fullmatch(text, before.end, hit.indicator_start) else None

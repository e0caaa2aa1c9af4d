"""The words of targets: verbs and comparators, the words around a value, in Chinese and English.

Used by extract/targets.py (the grammar) and extract/target_shapes.py (clause geometry, indicator lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# --- word lists ------------------------------------------------------------------------------------
#: The comparators an indicator list prints as symbols, by the comparator each says.
COMPARATOR_SYMBOLS: dict[str, tuple[str, ...]] = {
    ">=": ("≥", "≧", ">="), "<=": ("≤", "≦", "<="), ">": (">", "＞"), "<": ("<", "＜"),
}

#: Verbs that move or keep an indicator to the level its value gives ("达到", "降至", "稳定在"), with no comparator.
_TO_LEVEL_ZH = (
    "达到", "到达", "达", "达至", "提高到", "提高至", "提升到", "提升至", "提至", "增加到", "增加至", "增长到", "增长至",
    "增至", "增到", "升至", "上升到", "上升至", "扩大到", "扩大至", "降至", "降到", "降低到", "降低至", "下降到", "下降至", "减少到",
    "缩短至", "缩短到", "压缩至", "压缩到", "减少至", "减至", "压减到", "压减至", "削减到", "削减至", "压降到", "压降至", "稳定在", "保持在", "维持在", "稳定维持",
    "维持", "保持", "回升到", "回升至", "恢复到", "恢复至", "为", "占", "在",
)

# verb → (comparator, change). A comparator after the value (以上, 左右) overrides a verb's None.
_VERBS_ZH: dict[str, tuple[str | None, str | None]] = {
    **{v: (None, None) for v in (
        *_TO_LEVEL_ZH, "调整到", "调整至", "调整为", "划分为", "分为", "确定为", "设定为", "核定为",
        "实现", "做到", "累计完成", "完成", "累计新增", "新增", "新建", "累计", "形成", "具备", "建成", "各",
    )},
    **{v: (">", None) for v in ("超过", "高于", "大于", "多于", "突破", "超出")},
    **{v: (">=", None) for v in ("不低于", "不少于", "不小于", "不得低于", "不得少于", "大于等于", "大于或等于")},
    **{v: ("<=", None) for v in (
        "不超过", "不高于", "不大于", "不多于", "不得超过", "不得高于", "小于等于", "小于或等于", "控制在", "控制到",
        "不能超过", "不能突破", "不得突破", "不突破",
    )},
    **{v: ("<", None) for v in ("低于", "少于", "小于", "优于")},
    # an indicator list's symbols between a name and its value: "城市空气质量优良天数比例≥98%", "…浓度≤22μg/m3"
    **{v: (cmp, None) for cmp, symbols in COMPARATOR_SYMBOLS.items() for v in symbols},
    **{v: (None, "decrease") for v in ("下降", "降低", "减少", "削减", "压减", "压降", "减排", "降")},
    **{v: (None, "increase") for v in ("提高", "提升", "增长", "增加", "上升", "扩大", "年均增长", "年均增速", "年均增幅")},
}

#: A verb of change right before a bound word: "较2020年下降不低于7%", "较2010年下降超过27克标煤/千瓦时".
_CHANGE_BEFORE_BOUND_ZH = re.compile(r"(下降|降低|减少|削减|提高|提升|增长|增加)$")

#: Verbs that name a level reached ("达到 N"), not an amount added over a period ("新增 N").
_LEVEL_VERBS_ZH = frozenset({*_TO_LEVEL_ZH, "控制在", "控制到"})

#: What makes an amount one over a whole period ("“十四五”期间累计…"), from the period's first year.
_PERIOD_AMOUNT_ZH = re.compile(r"累计|期间|时期|新增|新建|建成|完成|淘汰|压减|削减|减少|节约|替代|推广|改造|培育|创建|开工")

_SUFFIX_ZH = {"以上": ">=", "及以上": ">=", "之上": ">=", "以下": "<=", "及以下": "<=", "以内": "<=", "之内": "<=",
              "左右": "~", "上下": "~"}

_APPROX_ZH = {"约": "~", "大约": "~", "近": "~", "将近": "~", "接近": "~", "超": ">", "逾": ">"}

#: The base year of a change, before its verb: "比2020年下降18%", "较2016年基准年提高…", "比2020年预期分别下降…",
#: "比2020年各减少10%" (各: one value for each indicator, as 均).
#: "在2015年基础上累计下降20.3%": the year the change builds on (its second group).
_BASE_ZH = re.compile(
    r"(?:(?:比|较|相比|相较于?|相对于?|与)\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:基准年)?(?:水平)?(?:相比)?"
    r"|在\s*((?:19|20)\d{2})\s*年(?:底|末)?的?(?:水平)?(?:的)?基础上"
    # "较“十二五”末期分别下降了32.89%": the last year of a plan named
    r"|(?:比|较|相比|相较于?|相对于?|与)\s*[“\"]?(十[一二三四五六])五[”\"]?(?:末期|期末|末)(?:相比)?)"
    r"(?:预期)?(?:分别|均|都|各)?(?:累计|累积)?\s*$")

#: A base year the sentence declares once for the changes after it: "以2020年能源、水资源消费以及碳排放为基数,2025年
#: 公共机构单位建筑面积能耗下降5%…" (为基数, 为基准, 为基期, 为基准年).
_BASE_DECLARED_ZH = re.compile(
    r"以\s*((?:19|20)\d{2})\s*年[^,，;；。]{0,24}?为(?:基数|基准年|基准|基期)"
    # …or a clause of its own before the changes: "到2025年,相较于“十三五”末,废纸利用量增长10%左右", "与2020年相比,…"
    r"|(?:相较于?|相比于?|较|比|与)\s*(?:((?:19|20)\d{2})\s*年(?:底|末)?|[“\"]?(十[一二三四五六])五[”\"]?(?:末|期末))"
    r"\s*(?:相比)?\s*[,，]")

_ADVERBS_ZH = re.compile(
    # (not the last character of a word: 供应, 效应, 响应; 主要, 需要; 成都; but 比重要达到 is 比重 and 要)
    r"(?:分别|(?<!年)均|(?<=[\u4e00-\u9fff])各|(?<![成首])都|(?<![主需纲摘必只])要|将|力争|确保|力求|争取|进一步|稳步|逐步|持续|大幅"
    r"|显著|全部|总体|仍|(?<![供效反适对响相呼感答照])应|须|原则上|基本|普遍|必须|平均|稳定|已经|已|仍然|再|还|又)+$"
)

#: A goal of establishing something: "基本建成…", "初步建立…", "全面形成…".
ESTABLISHING_GOAL = r"(?:基本|初步|全面)(?:形成|建立|建成|健全)"
#: The whole place a plan is for, opening a phrase: "全市…", "我省…".
WHOLE_AREA = r"全市|全省|全国|全区|全县|我市|我省|我国|本市|本省|本区"

_LEAD_ZH = re.compile(
    # "确保完成单位地区生产总值能耗下降14%的目标任务": the goal 完成 takes; "“十四五”末期": the marker's 期
    r"(?:(?:确保|力争|努力)完成(?![了成])|(?<=五”末)期|(?<=五末)期|[\s,;:、“”\"]|[(（](?=其中|(?:19|20)\d{2}\s*年)|[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff])|[(（](?:含|包括)[^()（）]{1,12}[)）]|和(?!田|平|林格尔|龙市|硕县|静县|顺县|政县|安县|康县|县(?![级域城乡区])|布克赛尔|谐|睦)|及(?![时格早])|与|并且|其中|同时|分别|力争|确保|争取|力求|努力|推动|实现|(?:有力)?支撑(?=单位)|在(?=全|我|本)"
    # "规划在沿海滩涂湿地新植红树林25公顷": where the works are done is no part of what they are
    r"|(?:规划|计划|拟)?在[\u4e00-\u9fff]{2,12}?(?=新植|新建|新增|建设|建成|实施|完成|种植|营造|修复|治理|改造|推广|布局)"
    # "规划共改造老旧小区1521个": that the plan sets a total is no part of the works
    r"|(?:规划|计划)共(?=新建|新增|建设|建成|实施|完成|创建|培育|改造|治理|修复)"
    rf"|{WHOLE_AREA}|(?<=全[市省区县国])的|使(?=全[市省区县国])"
    # "预计水风光装机达到1.27亿千瓦", "初步预计,到2025年…": that the plan expects it is no part of what it measures
    r"|(?:初步)?预计"
    # "力争“十四五”期末达到年节约农业用水10亿立方米以上", "基本实现清洁取暖率达到100%": when and that it is reached
    r"|十[四五六]五”?(?:期末|末期|末)(?:达到)?|基本(?=实现)"
    # "为2025年底能效标杆水平产能比例达到50%以上打下坚实基础", "为有效推动…": what a goal is laid for
    r"|为(?:有效)?(?=推动|(?:19|20)\d{2}\s*年)"
    # "(2)在淄博、济宁、德州等市完成22个…工程": an item's number
    r"|[(（]\d{1,2}[)）](?=[\u4e00-\u9fff])"
    # "每年新建绿地1000公顷", "计划每年巩固…面积2万亩次": a yearly amount's 每年 qualifies its value, not what it measures
    r"|(?:计划)?每年(?=[\u4e00-\u9fff]{2})"
    # "将“十四五”各区能源消费强度降低目标分为14%…": 将 brings the object before its verb; not 将来, 将近, 将乐县
    r"|将(?![来近乐军])(?=[“\"\u4e00-\u9fff]))+"
)

#: What joins the items of an indicator's list: 、 and the conjunctions, not the same characters inside a word
#: (普及率, 涉及, 碳中和, 饱和, 参与率) or opening an item after 、 (呼和浩特, 和平区, 和田).
ITEM_JOINER_ZH = re.compile(
    r"、|以及|(?<![普涉危顾波企触惠、])及(?![时格早])|(?<![中缓温饱调平柔共呼、])和(?![谐睦])|(?<![参给赋、])与")

_MEASURE_NOUN_ZH = re.compile(r"(?:率|比重|占比|比例|强度|量|[能煤]耗|排放|容量|规模|面积|水平|效率|指数|浓度|数|消耗|产值|增加值|总值)$")

#: The head of a rate or a share: "…处理率", "…占比", "…比重" (a rate whose table or row gives no unit is a percentage).
RATE_HEAD_ZH = re.compile(r"(?:率|比例|比重|占比)$")

#: What an intensity may open with that is its own denominator ("人均综合能耗", "万元产值能耗"), taking no other.
OWN_DENOMINATOR_ZH = ("人均", "万元", "每")

_INTENSITY_HEAD_ZH = re.compile(r"(?:能耗|能源消耗|排放|排放量|用水量|水耗)$")

_COUNT_ACTIONS_ZH = re.compile(
    r"(?:创建|建设|建成|培育|打造|新增|新建|推广|实施|遴选|认定|形成|支持|布局|建立|开展|推动|选树|争创|发展"
    # "增设29套林火预警监控系统", "新晋升5处自然保护区", "组建…科研基地5个以上": works set up, places raised
    r"|设立|增设|组建|晋升|调整|引进|取得|培训|选育|治理|制定|修订|制\(修\)订"
    # "力争每年突破5种左右关键钢铁新材料": things broken through to, counted
    r"|突破"
    # "在全国地级及以上城市设置1734个国家城市空气质量监测站点": points of a network set up
    r"|设置|布设|筛选)"
)

_QUALITATIVE_ZH = re.compile(
    r"(?<![未没不])完成(?:国家和省|国家|省上|省|市|上级)?(?:下达|确定|分解)?的?(?:控制)?(?:目标任务|目标|任务)"
    r"|达到(?:国家和省|国家|省上|省|上级)?的?(?:相关)?要求"
    r"|全面执行[^,;。]{1,12}?标准"
    r"|(?:实现)?(?:城乡)?(?<!健)全覆盖(?!成效|成果)"  # not 健全 ("建立健全覆盖全省的…"), nor what is kept ("巩固全覆盖成效")
    rf"|{ESTABLISHING_GOAL}"
    r"|全部(?:完成|实施|达到)[^,;。]{1,12}"
)

#: "利用率由30%提高到50%": the value the indicator starts from, before the verb.
_FROM_VALUE_ZH = re.compile(
    r"(?:由|从)(?:(?:19|20)\d{2}年(?:底|末)?的?)?\s*\d+(?:\.\d+)?\s*(?:%|个百分点|[\u4e00-\u9fff]{1,4})?$"
)

#: Indicators where "优于" (better than) means lower: PUE, intensities, concentrations.
_LOWER_IS_BETTER_ZH = re.compile(r"PUE|效率|能耗|强度|浓度|排放")

#: One value for each indicator of a list: "A、B均达到97%".
_EACH_ZH = re.compile(r"(?<!年)均|都|分别|(?<=年)各(?=减少|下降|降低|削减|提高|提升|增长|增加)"  # not 年均: "年均增速5.9%" is one yearly rate
                      r"|(?<=[\u4e00-\u9fff])各(?=为|达到?|\d|$)")  # "…燃气供暖和电供暖供热面积各100万平方米"

#: Actions an indicator may end with when a count follows its verb: "公共机构实施超过150个合同能源管理项目".
_ACTION_END_ZH = re.compile(
    r"(?:实施|建成|建设|创建|培育|打造|新建|新增|推广|认定|遴选|开展|完成|改造|淘汰)$"
)

#: What a count written before its noun counts: the noun up to a joiner ("5家…学校以及10家…").
_COUNTED_NOUN_ZH = re.compile(
    # "配备1艘400吨级海洋环境调查监测船舶": a class of size may open the noun (`CLASS_OPENING_ZH`)
    r"[“\"]?(?:[A-Za-z]{1,4}\d+(?:\.\d+)?(?=[\u4e00-\u9fff])|\d+(?:\.\d+)?万?(?:吨|千瓦|兆瓦|千伏|立方米|米)级(?=[\u4e00-\u9fff]))?"
    r"[\u4e00-\u9fff](?:(?!以及|和|及|与)[^,;。、\n]){0,24}")
CLASS_OPENING_ZH = re.compile(r"^\d+(?:\.\d+)?万?(?:吨|千瓦|兆瓦|千伏|立方米|米)级(?=[\u4e00-\u9fff])")

#: The words of a least bound: before the verb of a value ("至少完成1轮…排查", `_AT_LEAST_END_ZH`) or before
#: the action a count follows ("至少举办5期…培训", "每年至少开展1次…演练", `_AT_LEAST_ZH`).
_AT_LEAST_WORDS_ZH = "至少|最少"
_AT_LEAST_END_ZH = re.compile(rf"(?:{_AT_LEAST_WORDS_ZH})$")
_AT_LEAST_ZH = re.compile(rf"(?:{_AT_LEAST_WORDS_ZH})(?:[\u4e00-\u9fff]{{1,3}})?$")

#: A phrase qualifying what a count counts, before it: "1次以“企业主体、…”为主题的环境应急综合演练"; a quoted theme
#: may hold commas ("1家以上以“率先实现碳达峰碳中和,推动…”为主题的…示范区").
_THEMED_ZH = re.compile(r"以(?:“[^“”\n]{1,60}”|[^,;。\n“]){1,40}?为[\u4e00-\u9fff]{1,4}的")

#: A noun a count names going on after 和/及/与 with no count of its own up to its clause's end: one noun
#: ("1轮土壤和地下水污染隐患排查": 土壤 a modifier of the head it shares), not a list of counted ones
#: ("18处国家级…和31处省级…") nor works and a second action ("5万亩养殖尾水处理设施建设和改造").
_NOUN_GOES_ON_ZH = re.compile(r"(?:和|及|与|以及)[\u4e00-\u9fff][^,;。、\n\d]{0,20}(?=[,;。\n]|$)")

#: An approximation written after the indicator, without a verb: "…的产能约25%".
#: (not the last character of a word: 公约, 条约, 节约; 最近, 接近, 附近)
_APPROX_TAIL_ZH = re.compile(r"(?:大约|将近|接近|(?<![公条节契合制简规预])约|(?<![最接附邻])近|(?<![高赶])超|逾)$")

#: What only qualifies a value: a yearly rate, a comparison with the year before (同比).
#: …and the years an amount is summed over ("单位GDP二氧化碳排放五年累计下降18%": 五年 is the plan's period, as 累计 is).
_INDICATOR_TAIL_ZH = re.compile(
    r"(?:平均每年|每年|年均|逐年|累计|累积|同比|比“十[一二三四五]五”(?:末|期末)?|(?<![\d一二三四五六七八九十两百])[二三四五六七八九十两]年(?:累计|累积)?)$")

#: A table of contents' dot leaders: no indicator has them.
_LEADERS_RE = re.compile(r"\.{4,}|…{2,}|·{4,}")
#: A grade of an evaluation: the share of units it may give is a rule's quota ("“优秀”等次不超过40%", "优秀等次比例").
GRADE_RE = re.compile(r"(?:优秀|良好|合格|优良)”?(?:等次|等级)")

#: An indicator that is only action words: the count after the verb comes before what it counts ("遴选建成900个…").
_ONLY_ACTIONS_ZH = re.compile(
    r"^(?:累计|新建|新增|建成|建设|改造|完成|推广|培育|创建|淘汰|实施|打造|建立|认定|遴选|布局|支持|形成|突破|开展|推动)+$"
)

#: The next item of a verbless enumeration: "…绿色工厂102家、绿色产品31个…" (a noun, then a value).
_ENUM_NEXT_ZH = re.compile(r"\s*[、和及]\s*([\u4e00-\u9fff][^,;。、\d]{1,20}?\d)")

#: What may stand before the action of a phrase a count closes: a subject, a beneficiary, a planning or yearly word
#: ("为工业企业组织开展节能降碳诊断服务15000家以上", "合肥市计划建设新能源汽车换电站100座左右", "每年培育认证…农产品数量200个以上").
_BEFORE_ACTION_ZH = re.compile(r"(?:公共|[^\d的,;。:、已共曾]){0,12}")  # 公共机构: no 共 (total) in it


def action_after_lead(phrase: str) -> re.Match[str] | None:
    """The action of a phrase a count closes, after the few words a subject or a plan puts before it."""
    m = _COUNT_ACTIONS_ZH.search(phrase)
    if m is None or phrase.startswith(("工程", "项目"), m.end()):
        return None  # "美丽乡村建设工程12个": a kind of works named, no action
    return m if _BEFORE_ACTION_ZH.fullmatch(phrase, 0, m.start()) else None


#: A phrase a count may close without a verb before the value: "新建充电桩5000个".
_VERBLESS_ACTION_ZH = re.compile(
    r"^(?:累计)?(?:补充|重点|新)?(?:新建|新增|建成|建设|改造|完成|推广|培育|创建|淘汰|实施|打造|建立|认定|遴选|布局|安装|更新|推动|开展|投运|投产|发展"
    r"|设立|增设|组建|晋升|引进|取得|培训|选育|治理|突破|举办|制定|修订|制\(修\)订|设置|布设|筛选)"
    # "…地质遗迹抢救性保护修复5处": works named by the action they end in; "自愿性清洁生产企业通过审核1500家以上":
    # the units that pass a review
    r"|^[^,;。]*(?:保护|修复|恢复|整治|治理|改造)$|^[^,;。]*通过(?:审核|认证|验收|评价|评估|鉴定)$"
)

#: A cut written before what it cuts, in a phrase its value closes: "压减地下水超采量1亿立方米以上" (a decrease by that much).
_CUT_LEAD_ZH = re.compile(r"^(?:压减|削减|减少|压降)(?=[\u4e00-\u9fff]{2})")

#: "形成2.9万吨/日的处理能力": the capacity a value before 的 measures, and the verbs that state it.
_CAPACITY_NOUN_ZH = re.compile(r"的\s*([\u4e00-\u9fff][^,;。、\n]{0,20}?(?:能力|规模|产能|容量))")

_CAPACITY_VERB_ZH = re.compile(r"形成|具备|达到|建成|新增|提升至|提高到|提升到|提高至|实现")

#: The category a list closed by 等 belongs to, before the indicator's head ("等主要污染物重点工程减排量").
_CATEGORY_ZH = re.compile(r"^[^、]{0,6}?(?:污染物|物质|气体|指标|资源|产品|品种)")

#: A ratio without a unit: "电能利用效率(PUE)不高于1.3", "PUE值降到1.25以下", "农田灌溉水有效利用系数达到0.6"
#: (the values its sentence gives it); a ratio of two things opening its clause, each named by one character: "铁钢比下降至0.75以下".
_RATIO_NAME_ZH = re.compile(r"PUE|电能利用效率|能源利用效率|利用系数|(?:^|(?<=[,，;；。:：\s]))[\u4e00-\u9fff]{2}比(?![例重率较])")

_RATIO_VALUE_ZH = re.compile(
    r"(?:不高于|不超过|不得高于|不得超过|小于等于|小于|低于|优于|降到|降至|降低到|下降到|达到|提高到|提高至|提升到|提升至"
    r"|控制在|在|为)"
    r"\s*(?P<value>\d(?:\.\d+)?)(?![\d.%A-Za-z])(?!\s*(?:万|亿|千|个|家|倍|年|月|日|级))"
)

_SEGMENT_EDGE_ZH = re.compile(r"[,;:。!?\n，；：！？]")

_SENTENCE_EDGE_ZH = re.compile(r"[。!?\n！？]")

_VERBS_EN: dict[str, tuple[str | None, str | None]] = {
    **{v: (None, "decrease") for v in (
        "reduce", "reduced", "reduces", "decrease", "decreased", "decreases", "decline", "declined", "declines",
        "drop", "dropped", "drops", "fall", "fell", "falls", "cut", "cuts", "lower", "lowered", "lowers",
    )},
    **{v: (None, "increase") for v in (
        "increase", "increased", "increases", "rise", "rose", "rises", "raise", "raised", "raises", "grow",
        "grew", "grows", "improve", "improved", "improves", "expand", "expanded", "expands",
    )},
    **{v: (">", None) for v in ("exceed", "exceeds", "exceeded")},
    **{v: (None, None) for v in (
        "reach", "reaches", "reached", "account for", "accounts for", "accounted for", "be", "is", "are", "was",
        "were", "remain", "remains", "remained", "stay", "stays", "maintain", "maintained", "keep", "kept",
        "stabilize", "stabilized", "stabilise", "stabilised", "total", "totals", "totaled", "achieve",
        "achieves", "achieved", "hit", "be controlled", "be kept", "controlled", "kept", "be maintained",
        "amount to", "amounts to",
    )},
}

_COMPARATORS_EN = {
    "more than": ">=", "over": ">=", "above": ">=", "at least": ">=", "no less than": ">=", "not less than": ">=",
    "not be less than": ">=", "not lower than": ">=", "not be lower than": ">=", "no lower than": ">=",
    "less than": "<=", "below": "<=", "under": "<=", "within": "<=", "no more than": "<=", "not more than": "<=",
    "not exceed": "<=", "not be more than": "<=", "not higher than": "<=", "up to": "<=",
    "about": "~", "around": "~", "approximately": "~", "roughly": "~", "nearly": "~", "close to": "~",
}

_AUX_EN = re.compile(
    r"(?:\s+(?:will|shall|should|must|to|be|is|are|has|have|been|expected|strive|striving|strives|aim|aims|"
    r"basically|further|steadily|significantly|gradually|continuously|also|all|each|respectively|not))+\s*$",
    re.IGNORECASE,
)

_LEAD_EN = re.compile(r"(?:[\s,;:\"“”]|and\b|while\b|of which\b|which\b|the\b|an?\b|that\b|in which\b)+", re.IGNORECASE)

_POST_CHANGE_EN = re.compile(
    r"\s*(lower|less|higher|more)\s+than\s+(?:that\s+(?:in|of)\s+|in\s+|the\s+)?((?:19|20)\d{2})", re.IGNORECASE
)

_BASE_EN = re.compile(
    r"(?:compared\s+(?:with|to)|relative\s+to|from|over|than)\s+(?:that\s+(?:in|of)\s+|the\s+|in\s+)?"
    r"((?:19|20)\d{2})(?:\s+levels?)?",
    re.IGNORECASE,
)

_QUALITATIVE_EN = re.compile(
    r"\bwill\s+(?:be\s+)?(?:basically|initially|fully|comprehensively)\s+"
    r"(?:established|formed|completed|take\s+shape|achieved|realized|realised)"
    r"|\bachieve\s+full\s+coverage\b"
    r"|\b(?:meet|reach|complete)\s+the\s+(?:national\s+|provincial\s+)?(?:targets?|requirements?|goals?)\b",
    re.IGNORECASE,
)

_SEGMENT_EDGE_EN = re.compile(r"[,;:\n]|[.!?](?=\s|$)")

_HARD_EDGE_EN = re.compile(r"[;:\n]|[.!?](?=\s|$)")

_CLAUSE_VERB_EN = re.compile(
    r"\d|\b(?:will|is|are|was|were|has|have|had|shall|should|must|can|reach(?:es|ed)?|become|becomes|remain|"
    r"remains|take|takes|made|make|makes|achieve[sd]?|increase[sd]?|decrease[sd]?|reduce[sd]?|improve[sd]?)\b",
    re.IGNORECASE,
)

_NEGATED_EN = re.compile(r"\b(?:fail(?:s|ed)?\s+to|not|never|unable\s+to)\s*$", re.IGNORECASE)

_SENTENCE_EDGE_EN = re.compile(r"[.!?](?=\s|$)|\n")

def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

@cache
def _verb_re(lang: str) -> re.Pattern[str]:
    if lang == "en":
        return re.compile(rf"\b({_alternation(_VERBS_EN)})\s*$", re.IGNORECASE)
    return re.compile(rf"({_alternation(_VERBS_ZH)})$")

#: A verb written before a rate's denominator, which stands between it and the value ("人口密度宜控制每平方公里0.6万至
#: 1万人", "控制在每平方公里1万人以内"): with a modal, and 控制 alone.
_MODAL_ZH = r"(?:应当?|宜|须|要)"
_VERB_BEFORE_PER_ZH = re.compile(rf"{_MODAL_ZH}?控制$")


def closing_verb_zh(label: str) -> tuple[str, str | None, str | None]:
    """A label left ending in its verb once the rate's denominator after it is taken off: the label without the verb,
    and the verb's comparator and change (None, None where no verb closes it)."""
    m = _verb_re("zh").search(label)
    if m:
        comparator, change = _VERBS_ZH[m.group(1)]
        before = label[: m.start()]
        return re.sub(rf"{_MODAL_ZH}$", "", before), comparator, change
    m = _VERB_BEFORE_PER_ZH.search(label)
    return (label[: m.start()], None, None) if m else (label, None, None)


@cache
def _comparator_en_re() -> re.Pattern[str]:
    return re.compile(rf"\b({_alternation(_COMPARATORS_EN)})\s*$", re.IGNORECASE)

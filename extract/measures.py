"""Measures: the sentences of a clause that order or encourage an action.

Every leaf clause holds measures, except the clauses that frame a plan rather than act on it: the
guiding ideology, working principles, main targets, the situation analysis, the general requirements
and the organisation-of-implementation part (decided by the clause's own title and the titles of the
sections above it). Inside a container, a sentence is a measure when an action verb or an
exhortation stands at or near its start ("推进…", "严禁…", "以…为重点，加快…", "各地区要…",
"We will …", "Promote …", "… shall …"); descriptive and target sentences ("到2025年，…达到…",
"By 2025, … will take shape") are not. The clause's heading sentence summarises its measures and is
only taken as a measure when the body has none. A section whose own text ends in a box ("专栏8:…重点工程", its
projects numbered as the section's children) holds its paragraphs' measures like a leaf: the box's items are its
children, not sub-sections, and the box's text is no paragraph of the section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policykg.extract.model import Measure, Provenance
from policykg.extract.nlp import base_lang, find_concepts
from policykg.extract.sentences import split_sentences
from policykg.ingest.model import Clause, NormalisedDocument
from policykg.ontology import ids
from policykg.ontology.concepts import ConceptScheme

EXTRACTOR = "policykg.extract.measures"
VERSION = "0.1"

#: Confidence of a measure found by a verb at the sentence start, and by a weaker cue (modal, lead-in).
CONFIDENCE_VERB = 0.9
CONFIDENCE_CUE = 0.7

# --- is this sentence a measure? ------------------------------------------------------------------
# Verbs (and verb-like openers) that start an instruction in Chinese policy text.
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_ZH_VERBS = tuple(
    sorted(
        _words(
            """
        推进 推动 加快 加速 加紧 抓紧 严格 严把 严守 严控 严禁 严厉 鼓励 支持 扶持 实施 开展 建立 健全 建全 完善
        加强 强化 提升 提高 大力 积极 有序 深入 探索 落实 坚决 禁止 杜绝 遏制 引导 优化 建设 构建 发展 培育 打造
        推广 推行 实行 执行 制定 制修订 修订 编制 研究 组织 促进 增强 保障 巩固 降低 减少 控制 扩大 发挥 深化 统筹
        衔接 引进 研发 开发 加大 创建 宣传 倡导 普及 参与 试点 采取 采用 利用 应用 淘汰 削减 压减 压实 化解 防止
        防范 避免 整治 治理 修复 保护 恢复 增加 调整 明确 充实 做好 抓好 确保 力争 争创 设立 出台 部署 布局 稳定
        合理 科学 依法 普遍 广泛 持续 不断 逐步 稳步 进一步 全面 着力 坚持 贯彻 规范 限制 清理 谋划 拓展 拓宽
        延伸 整合 夯实 创新 激发 推出 发布 公布 共享 尽快 跟踪 督促 打击 查处 更新 改造 升级 替代 严肃 狠抓 筑牢
        守住 严防 依托 聚焦 瞄准 深度 加速 优先 重点 率先 因地制宜 分类 有效 切实 认真 充分 主动 扎实 稳妥 适度
        高标准 高质量 一体 协同 同步 系统 精准 大幅 全力 努力 务必 将 把 对 按照 结合 推进实施 鼓励支持 支持鼓励
        凝聚 综合 整体 履行 更为 更好 更加 注重 继续 紧密 选择 及时 挖掘 深挖 加力 新增 新建 一律 保持 抓住 搭建
        组建 集中 高水平 秉持 弘扬 准确 把握 理顺 放开 取消
        """
        ),
        key=len,
        reverse=True,
    )
)
# Openers of a framing phrase; the instruction follows after the first comma.
_ZH_LEAD_INS = (
    "以",
    "在",
    "围绕",
    "依托",
    "按照",
    "结合",
    "针对",
    "对于",
    "通过",
    "根据",
    "立足",
    "聚焦",
    "面向",
    "基于",
    "对",
    "利用",
    "借助",
    "坚持以",
    "紧扣",
    "着眼",
    "顺应",
    "为",
    "从",
    "按",
    "依据",
    "对标",
    "瞄准",
)
# A modal after the subject: "各地区要…", "高耗能项目审批要严格落实…"; not the 要 of 主要/重要/需要/要求.
_ZH_MODAL = re.compile(r"(?<![主重需首紧必只纪摘概])(?:要|应当|应|必须|须)(?!求|素|点|是|件|闻|害|塞)")
_ZH_TIME_PREFIX = re.compile(
    r"^(?:到|至|在|于)?(?:20\d\d|[“\"]?[十一二三四五六七八九]+五[”\"]?)"
    r"[^,，。;]{0,12}?(?:年(?:底|末)?(?:前|以前|内)?|时期|期间|前)[,，]?"
)
# Enumeration in front of the sentence: "(一)", "1.", "①", "--", and the spoken "一是:" / "二要" of speeches.
_ZH_MARKER = re.compile(
    r"^(?:[(（][一二三四五六七八九十百0-9]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|[①-⑳]|-+|—+|·|•|\s"
    r"|[一二三四五六七八九十]+[是要][:：,，]?)+"
)
_ZH_COPULA = re.compile(r"^[^,，。;；]{1,30}[,，]是")
# A prohibition anywhere near the start: "…重点区域严禁新增…", "未纳入…的,一律不得新建…".
_ZH_PROHIBITION = re.compile(r"不得|严禁|禁止|杜绝")
# "在…中 / 从…角度" with no comma before the verb: the verb is looked for a little further on.
_ZH_PLACE_LEAD = ("在", "从")


def _zh_cue(sentence: str) -> str | None:
    """Why the sentence is a measure: "verb" (verb at the start), "cue" (weaker sign), or None."""
    s = _ZH_MARKER.sub("", sentence).lstrip("“\"'‘《")
    if not s or _ZH_COPULA.match(s):
        return None
    s = opening = _ZH_TIME_PREFIX.sub("", s, count=1)
    for attempt in range(3):
        if s.startswith(_ZH_VERBS):
            return "verb" if attempt == 0 else "cue"
        comma = re.search(r"[,，]", s)
        if comma is None or comma.start() > 40 or not s.startswith(_ZH_LEAD_INS):
            break
        s = s[comma.end() :]
    head = sentence[:40]
    modal = _ZH_MODAL.search(head)
    if modal and sentence[modal.end() :].startswith(_ZH_VERBS):
        return "cue"
    if _ZH_PROHIBITION.search(head):
        return "cue"
    if opening.startswith(_ZH_PLACE_LEAD):
        clause = re.split(r"[,，;；]", opening, maxsplit=1)[0][:30]
        if any(clause.startswith(_ZH_VERBS, i) for i in range(2, len(clause))):
            return "cue"
    return None


_EN_VERBS = frozenset(
    _words(
        """
    promote accelerate strengthen improve build establish implement carry develop optimize optimise deepen
    expand formulate encourage support guide adhere consolidate increase enhance reduce control curb prohibit
    ban eliminate phase explore launch advance foster cultivate coordinate integrate incorporate bring take
    make adopt apply use ensure raise upgrade speed focus give put organize organise compile research study
    conduct facilitate boost protect restore rectify create set introduce revise clean continue persist insist
    uphold stabilize stabilise tighten limit restrict plan prepare publish issue release push drive shift
    transform innovate pilot demonstrate popularize popularise advocate enforce clarify refine perfect
    complete combine form prevent avoid stop strive reform regulate standardize standardise deploy construct
    expand extend double intensify unify rationalize rationalise manage monitor evaluate assess guarantee
    safeguard actively vigorously strictly reasonably gradually steadily orderly scientifically
    comprehensively solidly deeply greatly effectively continuously firmly rationally properly moderately
    fully further significantly safely resolutely earnestly steadfastly orderly systematically do rational
    """
    )
)
_EN_LEAD_INS = frozenset(
    _words(
        "relying based combined aiming focusing guided taking adhering according in through with under on for "
        "around following centering centring"
    )
)
_EN_WE_MODAL = re.compile(r"^we (?:will|shall|should|must)\b")
_EN_MODAL = re.compile(
    r"\b(?:should|shall|must|(?:is|are) (?:strictly )?(?:encouraged|required|prohibited|forbidden|not allowed) to"
    r"|it is (?:strictly )?(?:prohibited|forbidden) to)\b"
)
_EN_MARKER = re.compile(
    r"^(?:[(（][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|[-—–·•\s\"“])+"
)
_EN_TIME_PREFIX = re.compile(
    r"^(?:by|before|in|during|from) (?:the end of )?(?:20\d\d|the \w+ five[- ]year plan)[^,]{0,40},\s*"
)


def _en_cue(sentence: str) -> str | None:
    s = _EN_MARKER.sub("", sentence).strip().lower()
    s = _EN_TIME_PREFIX.sub("", s, count=1)
    for attempt in range(3):
        if _EN_WE_MODAL.match(s):
            return "verb" if attempt == 0 else "cue"
        words = re.findall(r"[a-z]+", s[:40])
        if words and words[0] in _EN_VERBS:
            return "verb" if attempt == 0 else "cue"
        comma = s.find(",")
        if not words or words[0] not in _EN_LEAD_INS or comma < 0 or comma > 160:
            break
        s = s[comma + 1 :].strip()
    head = " ".join(sentence.lower().split()[:25])
    if _EN_MODAL.search(head):
        return "cue"
    return None


def measure_cue(sentence: str, lang: str) -> str | None:
    """Why `sentence` is a measure: "verb" (action verb at the start), "cue" (modal, lead-in), or None."""
    return _zh_cue(sentence.strip()) if base_lang(lang) == "zh" else _en_cue(sentence.strip())


def is_measure(sentence: str, lang: str) -> bool:
    """True when the sentence orders or encourages an action."""
    return measure_cue(sentence, lang) is not None


# --- which clauses hold measures ------------------------------------------------------------------
# Titles that mark a clause (or, for the section keys, everything below it) as framing, not acting.
_FRAMING_TITLES_ZH = ("指导思想", "工作原则", "基本原则", "主要目标", "总体目标", "发展目标", "工作目标")
_FRAMING_SECTIONS_ZH = ("总体要求", "面临形势", "形势分析", "重要意义", "总体思路", "组织实施")
_FRAMING_TITLES_EN = (
    "guiding ideology",
    "guiding thought",
    "guiding principle",
    "working principle",
    "basic principle",
    "main objective",
    "main goal",
    "main target",
    "primary objective",
    "overall objective",
    "overall goal",
    "general objective",
)
_FRAMING_SECTIONS_EN = (
    "general requirement",
    "overall requirement",
    "general requirements",
    "situation we face",
    "organization and implementation",
    "organisation and implementation",
    "organizational implementation",
)


def _title_key(title: str) -> str:
    return re.sub(r"[\s\W_]+", " ", title.lower()).strip()


def _is_framing(title: str, keys_zh: tuple[str, ...], keys_en: tuple[str, ...]) -> bool:
    key = _title_key(title)
    return any(k in key for k in keys_zh) or any(k in key for k in keys_en)


def ancestors(clause: Clause, doc: NormalisedDocument) -> list[Clause]:
    """The clauses above `clause` in `doc`, outermost first ([] for a top-level clause)."""

    def search(nodes: list[Clause], trail: list[Clause]) -> list[Clause] | None:
        for node in nodes:
            if node is clause or node.id == clause.id:
                return trail
            found = search(node.children, [*trail, node])
            if found is not None:
                return found
        return None

    return search(doc.clauses, []) or []


#: A box's heading opening a line or following a sentence or a list ("专栏1 …", "…负责)专栏8:…", "专栏 4-1 …").
_BOX_HEAD = re.compile(r"(?:^|(?<=[。；;)）]))[ \t\u3000]*专栏[ \t]*(?:\d{1,2}(?:-\d{1,2})?|[一二三四五六七八九十]{1,3})", re.M)


def box_start(clause: Clause, doc: NormalisedDocument) -> int | None:
    """Where a box opens in the clause's own text (normalised offset), None without one: a section's paragraphs
    end there, and a box printed before the section's children numbers them as its own items."""
    start, end = _own_range(clause)
    found = _BOX_HEAD.search(doc.text, start, end)
    return found.start() if found else None


def is_measure_container(clause: Clause, doc: NormalisedDocument) -> bool:
    """True for a clause that acts (not a guiding-ideology / principles / targets / organisation part): a leaf,
    or a section whose children are the items of the box its own text ends in."""
    if not clause.is_leaf and box_start(clause, doc) is None:
        return False
    if _is_framing(
        clause.title, _FRAMING_TITLES_ZH + _FRAMING_SECTIONS_ZH, _FRAMING_TITLES_EN + _FRAMING_SECTIONS_EN
    ):
        return False
    return not any(
        _is_framing(a.title, _FRAMING_SECTIONS_ZH, _FRAMING_SECTIONS_EN) for a in ancestors(clause, doc)
    )


# --- sectors --------------------------------------------------------------------------------------
def sectors_for(concept_ids: Iterable[str]) -> list[str]:
    """The sectors of the given concepts, in first-seen order, without duplicates (unknown ids skipped)."""
    scheme = ConceptScheme.load()
    sectors: list[str] = []
    for cid in concept_ids:
        concept = scheme.concepts.get(cid)
        if concept is not None and concept.sector and concept.sector not in sectors:
            sectors.append(concept.sector)
    return sectors


# --- measures of a clause -------------------------------------------------------------------------
def _own_range(clause: Clause) -> tuple[int, int]:
    """The clause's own text after its marker (`Clause.own_range` from the clause's body on)."""
    return clause.body_start, clause.own_range()[1]


def _strip_end(text: str) -> str:
    return text.strip().rstrip("。.;；:：!！?？ ")


def measure_sentences(clause: Clause, doc: NormalisedDocument) -> list[tuple[int, int, str]]:
    """(start, end, cue) of each measure sentence of `clause`, offsets in the normalised text.

    Empty unless the clause is a measure container. The heading sentence counts only when nothing
    else in the clause is a measure.
    """
    if not is_measure_container(clause, doc):
        return []
    lang = doc.metadata.language
    start, end = _own_range(clause)
    box = None if clause.is_leaf else box_start(clause, doc)
    end = end if box is None else box  # a section with a box: its paragraphs end where the box opens
    sentences = [(start + s, start + e) for s, e in split_sentences(doc.text[start:end], lang)]
    heading = None
    if sentences and clause.title and _strip_end(doc.text[slice(*sentences[0])]) == _strip_end(clause.title):
        heading, sentences = sentences[0], sentences[1:]
    found = []
    for s, e in sentences:
        cue = measure_cue(doc.text[s:e], lang)
        if cue:
            found.append((s, e, cue))
    if not found and heading is not None:
        cue = measure_cue(doc.text[slice(*heading)], lang)
        if cue:
            found.append((*heading, cue))
    return found


def extract_measures(clause: Clause, doc: NormalisedDocument) -> list[Measure]:
    """The clause's measures with provenance, concepts and sectors (target/deadline links left empty)."""
    measures = []
    lang = doc.metadata.language
    for n, (start, end, cue) in enumerate(measure_sentences(clause, doc), start=1):
        text = doc.text[start:end]
        concepts = list(dict.fromkeys(cid for _, _, cid in find_concepts(text, lang)))
        measures.append(
            Measure(
                id=ids.fact_id("measure", clause.id, n),
                clause_id=clause.id,
                text=text,
                provenance=Provenance(
                    extractor=EXTRACTOR,
                    version=VERSION,
                    span=doc.span(start, end),
                    confidence=CONFIDENCE_VERB if cue == "verb" else CONFIDENCE_CUE,
                ),
                sectors=sectors_for(concepts),
                concepts=concepts,
            )
        )
    return measures

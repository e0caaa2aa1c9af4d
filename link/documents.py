"""The document graph: works and their expressions, citations, and which documents implement which.

Documents sharing a manifest `work` are expressions of one work (a translation, a script copy); so are
two documents with the same 文号, or one whose title is the end of the other's (a PDF whose title
wrapped), when their texts are near-identical. The original is the expression with the fullest
metadata, Chinese simplified first; the others are `translation_of` (other language) or `same_work`
(same language) it, and their clauses align one-to-one by path. A work is one parent: documents
implement its original, and the other expressions ride along through the alignment.

Which documents a document implements is decided on five kinds of evidence, each kept on the link:

* **citation** — it cites the document (《title》 or 文号, resolved in `citations.py`), more strongly
  when the citation follows 贯彻 / 落实 / 根据 / 按照 / 依据 (…的实施意见, 根据…的要求);
* **family** — its title carries out the other's: the same subject once places, genre words and
  "贯彻落实" are removed ("福建省减污降碳协同增效实施方案" ~ "减污降碳协同增效实施方案"), or a head of
  the 1+N system of the carbon peak (a 碳达峰实施方案 implements the 2030 Action Plan and the central
  opinions, and a city's its province's implementing opinions and carbon-peak plan; which titles do, and how
  strongly, is in `families.py`; a title naming none of the carbon work falls back on the text, when it names
  the carbon peak or neutrality);
* **topic** — cosine similarity of the two documents (tf-idf over concepts and bigrams), relative to
  the candidate most similar (0.4 for it, when its similarity is at least 0.1);
* **hierarchy** — the other is issued by the jurisdiction right above (a city's province, a
  province's or ministry's State Council);
* **time** — a hard rule: nothing implements a document issued after it (dates at their common
  precision; the year of the 文号 when the metadata has no date).

The kinds combine as 1 - Π(1 - w). Only documents of a higher level whose jurisdiction contains the
document's own are candidates; those scoring at least `link_parent_min_score` are kept, at most
`link_parents_per_level` per level (the heads of the 1+N system besides), and at most
`link_parent_top_k` on topic and hierarchy alone.

Length (about 430 lines, kept whole on purpose): works, citations and implementation links are decided
together, from one similarity table and one set of evidence kinds.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from policykg.ingest.model import Level, NormalisedDocument, Script
from policykg.link.families import HEADS, family_weight, local_head, text_weight
from policykg.link.features import bigrams, dice, normalise_doc_number, normalise_title
from policykg.link.model import ClauseLink, DocumentLink, Evidence, ResolvedCitation
from policykg.link.similarity import DocumentSimilarity

ALIGNMENT_METHOD = "alignment"
METHOD = "policykg.link.documents/0.5"
_UNKNOWN_RANK = 99  # a document of unknown level sits below every known one

# Evidence weights (each in [0, 1]; they combine as 1 - Π(1 - w)).
_W_CITATION = 0.8  # a plain citation
_W_CITATION_IMPLEMENTS = 1.0  # a citation after 贯彻 / 落实 / 根据 / 按照 / 依据
_FAMILY_MIN = 0.5  # least Dice similarity of title subjects for family evidence
_W_TOPIC = 0.4  # the candidate most similar in topic, when at least _TOPIC_NORM similar; others in proportion
_TOPIC_NORM = 0.1
_W_HIERARCHY_NEXT = 0.15  # the jurisdiction right above (city → province, province/ministry → State Council)
_W_HIERARCHY_FAR = 0.05  # a jurisdiction further up
_SAME_WORK_TEXT = 0.85  # least topic similarity for two documents of one title to be one work
_SAME_WORK_NUMBER = 0.6  # least topic similarity for two documents of one 文号 to be one work
_TITLE_KEY = 8  # characters of a title's end that index it for the same-work check

_YEAR_IN_NUMBER = re.compile(r"[〔\[(（【]((?:19|20)\d\d)[〕\])）】]")

#: Words of a title that say what kind of document it is or how it relates, not what it is about.
_GENRE = re.compile(
    r"贯彻落实|贯彻|落实|关于|印发|进一步|加快|推动|推进|做好|实施方案|行动方案|工作方案|实施意见|指导意见|"
    r"实施细则|行动计划|工作要点|若干措施|若干意见|管理办法|意见|方案|规划|计划|通知|办法|措施|决定|"
    r"十[一二三四五六七八九]五|(?:19|20)\d\d年?(?:版|度)?|[省市区县州盟]委|人民政府|办公厅|办公室|的"
)

def simplified_title(doc: NormalisedDocument) -> str:
    md = doc.metadata
    return md.titles.get("zh-Hans") or md.title


def rank(doc: NormalisedDocument) -> int:
    level = doc.metadata.level
    return Level(level).rank if level else _UNKNOWN_RANK


def work_of(doc: NormalisedDocument) -> str:
    return doc.metadata.work or doc.id


def is_original(doc: NormalisedDocument) -> bool:
    return doc.metadata.language == "zh" and doc.metadata.script == Script.HANS


def issued(doc: NormalisedDocument) -> str | None:
    """When a document was issued: its metadata date, else the year of its 文号 ("〔2022〕")."""
    if doc.metadata.issued:
        return doc.metadata.issued
    m = _YEAR_IN_NUMBER.search(doc.metadata.doc_number or "")
    return m.group(1) if m else None


def not_later(earlier: str | None, later: str | None) -> bool:
    """True unless `earlier` was issued after `later` (ISO dates of any precision; unknown = no)."""
    if not earlier or not later:
        return True
    n = min(len(earlier), len(later))
    return earlier[:n] <= later[:n]


def region_key(region: str | None) -> str:
    return region or "CN"


def region_contains(outer: str | None, inner: str | None) -> bool:
    """True when region `outer` ("CN-FJ") contains or equals `inner` ("CN-FJ-Sanming"); no region = national."""
    outer_parts = region_key(outer).split("-")
    inner_parts = region_key(inner).split("-")
    return inner_parts[: len(outer_parts)] == outer_parts


@functools.lru_cache(maxsize=1 << 16)
def title_subject(title: str) -> str:
    """What a title is about: normalised (`normalise_title`), without places, genre and relation words.
    Kept per title: every document is weighed against each of its candidate parents.

    "福建省减污降碳协同增效实施方案" and "减污降碳协同增效实施方案" both become "减污降碳协同增效".
    """
    from policykg.link.features import PROVINCES

    t = normalise_title(title)
    for name in PROVINCES.values():
        t = t.replace(name + "省", "").replace(name + "市", "").replace(name + "自治区", "").replace(name, "")
    t = re.sub(r"^[\u4e00-\u9fff]{2,3}?市", "", t)
    return _GENRE.sub("", t)


# --- works ------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Works:
    """Documents grouped by work, with the expression every other one is aligned to."""

    members: dict[str, list[NormalisedDocument]] = field(default_factory=dict)
    original: dict[str, str] = field(default_factory=dict)  # work → document id of its original
    work: dict[str, str] = field(default_factory=dict)  # document id → work

    @classmethod
    def of(cls, docs: Sequence[NormalisedDocument], similarity: DocumentSimilarity | None = None) -> Works:
        """Works by manifest; with `similarity`, also documents of one 文号 or one title whose texts
        are near-identical (the PDF and the text file of one document)."""
        docs = sorted(docs, key=lambda d: d.id)
        parent = {d.id: work_of(d) for d in docs}
        if similarity is not None:
            _merge_copies(docs, parent, similarity)
        works = cls()
        for doc in docs:
            work = parent[doc.id]
            while parent.get(work, work) != work:
                work = parent[work]
            works.work[doc.id] = work
            works.members.setdefault(work, []).append(doc)
        for work, members in works.members.items():
            works.original[work] = sorted(members, key=_original_order)[0].id
        return works

    def expressions(self, doc_id: str) -> list[str]:
        """Ids of every expression of the work `doc_id` belongs to (itself included)."""
        return [d.id for d in self.members[self.work[doc_id]]]

    def original_of(self, doc_id: str) -> str:
        return self.original[self.work[doc_id]]


def _original_order(doc: NormalisedDocument) -> tuple[object, ...]:
    """The original of a work: Chinese simplified, with a manifest work, a level and a date, first."""
    md = doc.metadata
    return (not is_original(doc), md.language != "zh", md.work is None, md.level is None, md.issued is None, doc.id)


def _merge_copies(docs: Sequence[NormalisedDocument], parent: dict[str, str], similarity: DocumentSimilarity) -> None:
    """Joins the works of documents that are copies of one another (see `Works.of`)."""

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def union(a: NormalisedDocument, b: NormalisedDocument) -> None:
        ra, rb = find(a.id), find(b.id)
        if ra == rb:
            return
        # the manifest's work name wins; else the smaller id, so the result does not depend on order
        keep, drop = sorted((ra, rb), key=lambda r: (r not in {d.metadata.work for d in (a, b)}, r))
        parent[drop] = keep
        parent.setdefault(keep, keep)

    by_number: dict[str, list[NormalisedDocument]] = {}
    by_end: dict[str, list[tuple[str, NormalisedDocument]]] = {}
    for doc in docs:
        if doc.metadata.doc_number:
            by_number.setdefault(normalise_doc_number(doc.metadata.doc_number), []).append(doc)
        title = normalise_title(doc.metadata.title)
        if len(title) >= _TITLE_KEY:
            by_end.setdefault(title[-_TITLE_KEY:], []).append((title, doc))
    for group in by_number.values():
        for a, b in zip(group, group[1:], strict=False):
            if a.metadata.language == b.metadata.language and similarity.pair(a.id, b.id) >= _SAME_WORK_NUMBER:
                union(a, b)
    for group in by_end.values():
        for n, (ta, a) in enumerate(group):
            for tb, b in group[n + 1 :]:
                if (ta.endswith(tb) or tb.endswith(ta)) and a.metadata.language == b.metadata.language \
                        and similarity.pair(a.id, b.id) >= _SAME_WORK_TEXT:
                    union(a, b)


def expression_links(works: Works) -> tuple[list[DocumentLink], list[ClauseLink]]:
    """translation_of / same_work links to each work's original, and its clauses aligned by path."""
    doc_links: list[DocumentLink] = []
    clause_links: list[ClauseLink] = []
    for work, members in sorted(works.members.items()):
        original = next(d for d in members if d.id == works.original[work])
        by_path = {c.path: c for c in original.walk()}
        for doc in members:
            if doc.id == original.id:
                continue
            relation = "translation_of" if doc.metadata.language != original.metadata.language else "same_work"
            method = "manifest-work" if doc.metadata.work and doc.metadata.work == original.metadata.work else "copy"
            doc_links.append(DocumentLink(doc.id, original.id, relation, 1.0, method))
            for clause in doc.walk():
                target = by_path.get(clause.path)
                if target is not None:
                    clause_links.append(ClauseLink(clause.id, target.id, "restates", 1.0, 1, ALIGNMENT_METHOD))
    return doc_links, clause_links


def citation_links(citations: Sequence[ResolvedCitation]) -> list[DocumentLink]:
    """One `cites` link per cited document, in the corpus or referenced-only."""
    links = []
    for c in citations:
        if c.referenced_id == c.source_document:
            continue  # a covering notice naming its own plan
        links.append(DocumentLink(c.source_document, c.referenced_id, "cites", 1.0, c.method))
    return links


# --- implementation ---------------------------------------------------------------------------------
@dataclass(slots=True)
class _Candidate:
    doc: NormalisedDocument
    evidence: list[Evidence] = field(default_factory=list)
    strong: bool = False  # citation or family evidence
    head: bool = False  # a head of the 1+N system the document belongs to (family evidence)

    @property
    def score(self) -> float:
        rest = 1.0
        for e in self.evidence:
            rest *= 1.0 - min(1.0, e.weight)
        return 1.0 - rest


def _citation_strength(citations: Sequence[ResolvedCitation]) -> dict[str, float]:
    """Per cited document of the corpus, the weight of its citation."""
    strength: dict[str, float] = {}
    for c in citations:
        if c.target_document is not None and c.target_document != c.source_document:
            w = _W_CITATION_IMPLEMENTS if c.implementing else _W_CITATION
            strength[c.target_document] = max(strength.get(c.target_document, 0.0), w)
    return strength


def is_head(doc: NormalisedDocument) -> bool:
    """True for a central document heading the 1+N system (the central opinions, the 2030 Action Plan)."""
    return rank(doc) == 0 and any(head in normalise_title(simplified_title(doc)) for head in HEADS)


def is_local_head(doc: NormalisedDocument) -> bool:
    """True for a province's head of the 1+N system: its implementing opinions or its carbon-peak plan
    (`families.LOCAL_HEADS`, by the form of the title)."""
    return doc.metadata.level == Level.PROVINCIAL and local_head(normalise_title(simplified_title(doc))) is not None


def beside_bound(doc: NormalisedDocument) -> bool:
    """True for a head of the 1+N system, national or provincial: implemented besides the per-level bound."""
    return is_head(doc) or is_local_head(doc)


def _family_heads(title: str, candidate: NormalisedDocument, from_text: float = 0.0) -> tuple[str, float] | None:
    """The 1+N head a document of the family implements and the weight (`families.py`), when `candidate` is
    one: a national head, or a province's, weighed as the national head it carries out. A title of no family
    falls back on `from_text`, the weight of the document's text (`families.text_weight`; the evidence's value
    then says "text:")."""
    other = normalise_title(simplified_title(candidate))
    if is_head(candidate):
        heads = [head for head in HEADS if head in other]
    elif is_local_head(candidate):
        heads = [local_head(other) or ""]
    else:
        return None
    for head in heads:
        weight = family_weight(title, head)
        if weight:
            return head, weight
        if from_text:
            return f"text: {head}", from_text
    return None


def _hierarchy(doc: NormalisedDocument, candidate: NormalisedDocument) -> float:
    """How directly the candidate's issuer stands above the document's."""
    inner = region_key(doc.metadata.region).split("-")
    outer = region_key(candidate.metadata.region).split("-")
    if len(outer) == len(inner) - 1 or (rank(doc) == 1 and rank(candidate) == 0):
        return _W_HIERARCHY_NEXT
    return _W_HIERARCHY_FAR


def implementation_links(
    docs: Sequence[NormalisedDocument],
    citations: Sequence[ResolvedCitation],
    works: Works,
    similarity: DocumentSimilarity,
    per_level: int,
    min_score: float,
    weak_top_k: int,
) -> list[DocumentLink]:
    """Which works each document implements (their originals), with score and evidence.

    Candidates are the originals of works of a higher level whose jurisdiction contains the
    document's and which were not issued after it. At most `per_level` parents per level, at most
    `weak_top_k` of them on topic and hierarchy alone, each scoring at least `min_score`.
    """
    by_id = {d.id: d for d in docs}
    originals = sorted({works.original_of(d.id) for d in docs})
    by_region: dict[str, list[str]] = {}
    for o in originals:
        by_region.setdefault(region_key(by_id[o].metadata.region), []).append(o)
    cited_by: dict[str, list[ResolvedCitation]] = {}
    for c in citations:
        cited_by.setdefault(c.source_document, []).append(c)
    links: list[DocumentLink] = []
    for doc in sorted(docs, key=lambda d: d.id):
        if rank(doc) == 0:
            continue  # nothing sits above the central level
        own_work = works.work[doc.id]
        when = issued(doc)
        parts = region_key(doc.metadata.region).split("-")
        pool: list[NormalisedDocument] = []
        topics: list[float] = []
        for n in range(1, len(parts) + 1):
            key = "-".join(parts[:n])
            block = by_region.get(key, [])
            # every original of a containing region is compared (its vectors kept as one block), then filtered
            for o, topic in zip(block, similarity.scores(doc.id, block, key), strict=True):
                other = by_id[o]
                if works.work[o] != own_work and rank(other) < rank(doc) and not_later(issued(other), when):
                    pool.append(other)
                    topics.append(topic)
        if not pool:
            continue
        cited = _citation_strength(cited_by.get(doc.id, ()))
        cited_works = {works.work[t]: w for t, w in cited.items() if t in works.work}
        title = normalise_title(simplified_title(doc))
        subject = title_subject(simplified_title(doc))
        subject_grams = bigrams(subject)
        from_text = text_weight(doc.text)
        candidates: list[_Candidate] = []
        topic_norm = max(_TOPIC_NORM, *topics)
        for other, topic in zip(pool, topics, strict=True):
            cand = _Candidate(other)
            w = cited_works.get(works.work[other.id])
            if w:
                cand.evidence.append(Evidence("citation", other.id, w))
                cand.strong = True
            head = _family_heads(title, other, from_text)
            same, other_subject = 0.0, ""
            if subject_grams and not (head and is_head(other)):
                other_subject = title_subject(simplified_title(other))
                same = dice(subject_grams, bigrams(other_subject))
            if head and not (same >= _FAMILY_MIN and same > head[1]):
                cand.evidence.append(Evidence("family", *head))
            elif same >= _FAMILY_MIN:  # "石家庄市碳达峰实施方案" ~ "河北省碳达峰实施方案": the titles' subjects
                cand.evidence.append(Evidence("family", other_subject, round(same, 4)))
            cand.strong = bool(head) or same >= _FAMILY_MIN or cand.strong
            cand.head = bool(head)
            if topic > 0:
                cand.evidence.append(Evidence("topic", f"{topic:.2f}", round(_W_TOPIC * topic / topic_norm, 4)))
            cand.evidence.append(Evidence("hierarchy", region_key(other.metadata.region), _hierarchy(doc, other)))
            candidates.append(cand)
        ranked = sorted(candidates, key=lambda c: (-c.score, c.doc.id))
        per: Counter[int] = Counter()
        weak = 0
        for cand in ranked:
            if cand.score < min_score:
                break
            level = rank(cand.doc)
            # A head of the 1+N system a document belongs to, national or its province's, is implemented
            # besides the other parents of its level (at most the heads more), so its measures meet the
            # heads' clauses directly.
            if (per[level] >= per_level and not cand.head) or (not cand.strong and weak >= weak_top_k):
                continue
            per[level] += not cand.head
            weak += not cand.strong
            method = "+".join(sorted({e.kind for e in cand.evidence if e.kind in ("citation", "family", "topic")}))
            links.append(DocumentLink(doc.id, cand.doc.id, "implements", round(cand.score, 4), method or "hierarchy",
                                      tuple(cand.evidence)))
    return links


def ancestors(
    implements: Sequence[DocumentLink], level_of: dict[str, int], per_level: int, heads: frozenset[str] = frozenset()
) -> dict[str, list[tuple[str, float]]]:
    """For each document, the documents its measures are linked to: what it implements and what
    those implement in turn, each with its chain score (the product of the document links' scores,
    the best over the paths), best first and at most `per_level` per level besides the `heads` of the
    1+N system, national and provincial (see `beside_bound`)."""
    parents: dict[str, list[DocumentLink]] = {}
    for link in implements:
        parents.setdefault(link.source, []).append(link)
    out: dict[str, list[tuple[str, float]]] = {}
    for start in sorted(parents):
        best: dict[str, float] = {}
        stack = [(link.target, link.score) for link in parents[start]]
        while stack:
            doc, score = stack.pop()
            if doc == start or score <= best.get(doc, 0.0):
                continue
            best[doc] = score
            stack.extend((lk.target, score * lk.score) for lk in parents.get(doc, ()))
        per: Counter[int] = Counter()
        kept: list[tuple[str, float]] = []
        for doc, score in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
            level = level_of.get(doc, _UNKNOWN_RANK)
            if doc in heads:
                kept.append((doc, round(score, 4)))
            elif per[level] < per_level:
                per[level] += 1
                kept.append((doc, round(score, 4)))
        out[start] = kept
    return out

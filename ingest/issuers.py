"""Who issued a Chinese policy document, read where documents name their issuers.

In the order of trust: a letterhead (the organs above "…文件"), the signature block (organ lines right
above the date line, the first such block in the text, so a covering notice's before its attachment's),
the organ of a decree or announcement ("中华人民共和国生态环境部令"), the organ a press release says
issued the document ("近日，中共中央办公厅、国务院办公厅印发了《…》"), the standing committee that adopted a
regulation, the organs the title starts with ("X关于…"), then any organ line of the head or the tail.

A layout may print several organs on one line without a separator ("交通运输部公安部商务部",
"重庆市发展和改革委员会重庆市经济和信息委员会") or wrap one organ over two lines ("邯郸市人" / "民政府"):
`split_organs` cuts such a line where the next organ starts with the same place, with 国家, or with a
national organ's name; a national organ followed by a place is that organ's local branch
("国家税务总局台州市税务局") and stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

from policykg.ingest.fold import squash

_SUFFIX_WORDS = (
    "委员会", "人民政府", "人民代表大会", "常务委员会", "政府", "办公厅", "办公室", "省委", "市委", "县委", "区委", "党委",
    "党组", "总局", "分局", "支行", "管理中心", "中心", "银行", "分行", "监会", "协会", "联合会", "工商联",
    "部", "厅", "局", "署", "院", "委", "办",
)
_SUFFIX = "(?:" + "|".join(_SUFFIX_WORDS) + ")"
ORGAN = re.compile(r"^(?:中共中央|国务院|全国人大常委会|[\u4e00-\u9fff]{1,30}?" + _SUFFIX + r")$")
_SUFFIX_END = re.compile(_SUFFIX + r"$")
_PLACE = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{1,7}?(?:自治区|省|市|自治州|州|盟|区|县|旗))")
_GENERIC_START = re.compile(r"^(?:省|市|自治区|区|县)(?:委|政府|人民政府|人大)")
_DATE = (
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?)"
)
DATE_LINE = re.compile(r"^[(（]?\s*" + _DATE + r"\s*[)）]?$")
_LETTERHEAD = re.compile(r"^(.*?)文件$")
_DECREE = re.compile(r"^(?:中华人民共和国)?([\u4e00-\u9fff]{2,30}?)(?:令|公告)$")
_ANNOUNCER = re.compile(
    r"(?:^|[,，。])\s*(?:近日|日前|近期|今天|今日)?[,，]?\s*([^。,，:：;；《》\s]{2,80}?)(?:印发|出台|发布|公布|发表)了?《([^《》]{4,100})》"
)
ADOPTED = re.compile(
    r"[(（]\s*(?P<d>\d{4}年\d{1,2}月\d{1,2}日)\s*(?P<who>[\u4e00-\u9fff]{2,12}?)第[一二三四五六七八九十百零〇\d]+届"
    r"人民代表大会常务委员会第[一二三四五六七八九十百零〇\d]+次会议(?:通过|修订|批准)"
)
#: "自治区人民政府办公厅印发关于…的政策措施": an organ announcing a document without brackets, on one line;
#: the organs are group 1, the title group 2.
ANNOUNCES_BARE = re.compile(r"^([\u4e00-\u9fff、]{3,30}?)印发(关于[^《》。,，:：;；]{4,100})$")
#: "人民银行杭州中心支行联合浙江银保监局、…发布": organs acting together.
_JOINT = re.compile(r"(?<=[\u4e00-\u9fff])(?:联合|会同)(?=[\u4e00-\u9fff])")
_TITLE_PREFIX = re.compile(r"^(.{2,60}?)(?:关于|印发|\d{4}年)")
_UMBRELLAS = frozenset({"国务院", "中共中央", "全国人大常委会"})
#: "市委" followed by "市政府机关服务中心": a body of the committee and the government together.
_JOINT_BODY = re.compile(r"^(?:省|市|县|区)(?:人民)?政府[\u4e00-\u9fff]{2,}")
#: National bodies whose local committees a signature wraps under them: "中国共产主义青年团" / "福建省委员会".
_PARTY_BODIES = ("中国共产主义青年团", "共青团", "中国共产党")
#: A standard's cover: "中华人民共和国自然资源部 发 布".
_COVER_ISSUER = re.compile(r"^([\u4e00-\u9fff]{3,40}?)发布$")
#: A decree's adoption: "已于2020年11月5日由生态环境部部务会议审议通过".
_MEETING = re.compile(r"(?:由|经)([\u4e00-\u9fff]{2,20}?[部局委署])(?:部务|局务|委务|署务)会议(?:审议)?通过")
#: "四川省住房城乡建设厅等17部门": the organs a title names before the count of the others.
_AND_OTHERS = re.compile(r"等(?:[\d一二三四五六七八九十]+个?)?(?:部门|单位|部委)$")
#: How many lines above a date a signature block may take.
_SIGNATURE_LINES = 16


@lru_cache(maxsize=1)
def national_organs() -> tuple[str, ...]:
    """The national organs' names (ingest/data/national_organs.txt), longest first."""
    raw = resources.files("policykg.ingest").joinpath("data/national_organs.txt").read_text(encoding="utf-8")
    names = {line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")}
    return tuple(sorted(names, key=len, reverse=True))


def is_organ(name: str) -> bool:
    return len(name) >= 3 and bool(ORGAN.match(name))


def _place(name: str) -> str | None:
    if name.startswith(("国家", "中国", "中华")):
        return "国家"
    m = _PLACE.match(name)
    return m.group(1) if m else None


def _next_organ_starts(rest: str, place: str | None, national: bool, branch: bool = False) -> bool:
    """Whether another organ's name starts at `rest`, after an organ of `place` (after a national
    organ's local branch, any local organ may follow)."""
    if _GENERIC_START.match(rest) or rest.startswith("中共"):
        return True
    if rest.startswith(("国家", "中国")):
        return True
    if national:  # a national organ followed by a place is its local branch
        return (branch and _PLACE.match(rest) is not None) or any(rest.startswith(n) for n in national_organs())
    other = _place(rest)
    return other is not None and other == place


def split_organs(token: str) -> list[str]:
    """One organ, or several printed without a separator, as their names."""
    token = token.strip()
    if not is_organ(token) and not (re.fullmatch(r"[\u4e00-\u9fff]{3,90}", token) and _SUFFIX_END.search(token)):
        return []
    place = _place(token)
    national = place == "国家" or token in national_organs() or any(token.startswith(n) for n in national_organs())
    for k in _suffix_ends(token):
        if k >= len(token) or k < 3:
            continue
        head, rest = token[:k], token[k:]
        if head in _UMBRELLAS or _JOINT_BODY.match(rest) or rest.startswith(_SUFFIX_WORDS):
            continue  # "国务院国资委办公厅", "哈尔滨市委市政府机关服务中心", "…中心支行": one name
        if is_organ(head) and _next_organ_starts(rest, place, national, _is_branch(head)):
            tail = split_organs(rest)
            if tail:
                return [head, *tail]
    return [token] if is_organ(token) else []


def _suffix_ends(token: str) -> list[int]:
    """Where an organ's name may end inside a token: after any suffix word, overlapping ones too
    ("福建省委员会…": after 省委 and after 委员会)."""
    return sorted({i + len(w) for i in range(len(token)) for w in _SUFFIX_WORDS if token.startswith(w, i)})


def _is_branch(name: str) -> bool:
    """A national organ's local branch ("中国人民银行哈尔滨中心支行"): the next organ may be a local one."""
    return any(name.startswith(n) and len(name) > len(n) + 2 for n in national_organs())


def organ_line(line: str) -> list[str]:
    """The organs a line consists of (separated by spaces or 、, or printed together), else []."""
    if len(line) > 90 or re.search(r"[\d:：;；,，。(（《]", line):
        return []
    out: list[str] = []
    for token in re.split(r"[\s、]+", line.strip()):
        if not token:
            continue
        names = split_organs(token)
        if not names:
            return []
        out.extend(names)
    return out


def letterhead(head: list[str]) -> list[str]:
    """The organs of a letterhead: the lines above "…文件", and what stands before 文件 on its line."""
    for i, line in enumerate(head[:12]):
        m = _LETTERHEAD.match(squash(line))
        if not m:
            continue
        names = organ_line(m.group(1)) if m.group(1) else []
        if m.group(1) and not names and len(m.group(1)) > 2:
            return []  # a 文件 line the text layer misread ("川东省能源同文件"): no letterhead to trust
        above: list[str] = []
        for prev in reversed(head[:i]):
            found = organ_line(prev)
            if not found:
                break
            above = found + above
        below: list[str] = []
        for nxt in head[i + 1 : i + 8]:  # a stacked letterhead prints 文件 beside its middle organ
            found = organ_line(nxt)
            if not found:
                break
            below += found
        return above + names + below
    return []


def signature(lines: list[str]) -> list[str]:
    """The organs of the first signature block: organ lines right above a date line."""
    for i, line in enumerate(lines):
        if i == 0 or not DATE_LINE.match(line.strip()):
            continue
        names = _block_above(lines, i)
        if names:
            return names
    return []


def _block_above(lines: list[str], date_at: int) -> list[str]:
    names: list[str] = []
    j = date_at - 1
    while j >= 0 and date_at - j <= _SIGNATURE_LINES:
        line = lines[j].strip()
        if not line:
            j -= 1
            continue
        above = lines[j - 1].strip() if j > 0 else ""
        first = organ_line(line)
        if above in _PARTY_BODIES and first and first[0].endswith("委员会"):
            names = [above + first[0], *first[1:], *names]  # "中国共产主义青年团" / "福建省委员会…"
            j -= 2
            continue
        if (above and not _starts_organ(line) and organ_line(above + line)
                and (_wraps_word(above, line) or not (organ_line(above) or _SUFFIX_END.search(above)))):
            names = organ_line(above + line) + names  # one organ wrapped over two lines
            j -= 2
            continue
        found = organ_line(line)
        if not found:
            if not names and j == date_at - 1:
                return _trailing_organ(line)
            break
        names = found + names
        j -= 1
    return names


def _wraps_word(above: str, line: str) -> bool:
    """Whether a suffix word runs over the line end: "中国银行保险监督管理委" / "员会邯郸监管分局"."""
    return any(above.endswith(w[:k]) and line.startswith(w[k:]) for w in _SUFFIX_WORDS for k in range(1, len(w)))


def _starts_organ(name: str) -> bool:
    """Whether a name starts as an organ's does: with a place or a national organ's name."""
    return bool(_place(name)) or any(name.startswith(n) for n in national_organs())


def _trailing_organ(line: str) -> list[str]:
    """The organ a line ends with after something that is not Chinese ("…汇总表.doc生态环境部办公厅")."""
    m = re.search(r"[^\u4e00-\u9fff]([\u4e00-\u9fff]{3,30})$", line)
    if not m:
        return []
    run = m.group(1)
    for p in range(len(run) - 2):  # the longest tail that starts with a place or a national organ
        tail = run[p:]
        if _starts_organ(tail) and organ_line(tail):
            return organ_line(tail)
    return []


def decree_organ(head: list[str]) -> list[str]:
    """The organ of a decree or an announcement headed "X令" / "X公告" above its "（第N号）"."""
    for line, nxt in zip(head, head[1:], strict=False):
        m = _DECREE.match(squash(line))
        if m and re.fullmatch(r"[(（](?:\d{4}年)?第\s*[\d一二三四五六七八九十百零〇]+号[)）]", squash(nxt)):
            return organ_line(m.group(1))
    return []


def cover_organ(head: list[str]) -> list[str]:
    """The organ a cover says publishes the text ("中华人民共和国自然资源部 发布"), or the organ whose
    meeting adopted a decree ("由生态环境部部务会议审议通过")."""
    for line in head[:40]:
        m = _COVER_ISSUER.match(squash(line).replace(" ", ""))
        if m and organ_line(m.group(1)):
            return organ_line(m.group(1))
    for line in head[:10]:
        m2 = _MEETING.search(squash(line))
        if m2 and organ_line(m2.group(1)):
            return organ_line(m2.group(1))
    return []


def announcer(head: list[str], title: str | None, similar: Callable[[str, str], bool]) -> list[str]:
    """The organs a press release says issued the document: "X印发了《title》", "X印发关于…"."""
    for i, line in enumerate(head):
        # the line, and the line with the one above it (an organ's name wrapped: "…人民政府办" / "公厅印发《…》")
        for text in (squash(line), squash(head[i - 1]) + squash(line) if i else ""):
            bare = ANNOUNCES_BARE.match(text)
            if bare and title and similar(bare.group(2), title) and organ_line(bare.group(1)):
                return organ_line(bare.group(1))
            for m in _ANNOUNCER.finditer(text):
                if title is None or similar(m.group(2), title):
                    names = organ_line(_JOINT.sub("、", m.group(1)))
                    if names:
                        return names
    return []


def adopted_by(head: Iterable[str]) -> tuple[str, str] | None:
    """The standing committee that adopted a regulation, and the date: "（2022年3月30日福建省第十三届人民代表大会
    常务委员会第三十二次会议通过）"."""
    for line in head:
        m = ADOPTED.search(squash(line))
        if m:
            return m.group("who") + "人民代表大会常务委员会", m.group("d")
    return None


def title_organs(title_line: str | None) -> list[str]:
    """The organs a title starts with: "X关于…", "X印发…", "X2022年…"."""
    if not title_line:
        return []
    m = _TITLE_PREFIX.match(squash(title_line))
    if not m:
        return []
    tokens = [t for t in re.split(r"[、,，]+", _AND_OTHERS.sub("", m.group(1))) if t]
    names = [n for t in tokens for n in split_organs(t)]
    return names if tokens and all(split_organs(t) for t in tokens) else []

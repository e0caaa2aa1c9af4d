"""The title of a Chinese policy document, read from the lines before its first clause.

A title line is a short line ending with a genre word (`doctypes.TITLE_WORDS`), perhaps with remarks
in brackets, perhaps printed inside 《》 or after an attachment's number. What stands above the document
proper decides which title line is its title:

- a covering notice "X关于印发《Y》的通知" carries Y: Y's own title line when it is printed (after the
  notice's signature, after 附件, wrapped over lines), else the notice is itself the document (a notice
  whose attachment the file does not hold);
- a press release's first line "X印发《Y》" announces Y, whose text follows; a headline may cut Y short,
  and the lead sentence ("日前，X出台《Y》，全文如下") gives it whole;
- an organ's name alone on the line above "关于…的通知" is the start of the title, wrapped
  ("邯郸市人民政府" / "关于…的实施意见"), and a salutation the layout printed on the title's line
  ("…的通知各区住房城乡建设主管部门：") is cut off.

What the text layer glues to a title line is cut (a red head's "X文件" or a release mark before it, a
dashed subtitle or the adopting meeting's remark after it), and a title wrapped where the layout could
not tell is joined (a "关于…" line stopped before its "的通知", two remarks, a last word in 法).

Where no line has a title's form, a preface naming the document it opens ("编制《Y》。") gives Y, and
`title_from_name` says when the source file's name may stand in.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from policykg.ingest.citations import DOC_NUMBER
from policykg.ingest.doctypes import TITLE_WORDS
from policykg.ingest.fold import fold, squash
from policykg.ingest.issuers import ANNOUNCES_BARE, DATE_LINE, organ_line

_WORD = "(?:" + "|".join(sorted((*TITLE_WORDS, "法"), key=len, reverse=True)) + ")"
#: A title's line: a genre word, then up to two bracketed remarks ("（试行）（公开征求意见稿）").
TITLE_LINE = re.compile(r"^[^。;:,]{2,100}?" + _WORD + r"(?:\([^()]{1,12}\)){0,2}$")
_TRAILING_NUMBER = re.compile(r"\(?" + DOC_NUMBER + r"\)?$")
NOTICE = re.compile(r"(?:印发|出台|发布|公布)[^《》]{0,6}《.*(?:通知|》)$|(?:印发|转发).*通知$")
_NOTICE_INNER = re.compile(r"《([^《》〈〉]{2,100})[》〉]")
#: A notice that only covers the document it carries: "…印发《X》的通知".
_PLAIN_COVER = re.compile(r"(?:印发|发布|公布)[^《》]{0,6}《[^《》]+[》〉]的通知$")
_NOTICE_BARE = re.compile(r"印发(.{2,100}?)的通知$|转发[^《》]{0,40}?(关于.{2,100}?)的通知$")
#: A line that announces a document (a press release's first line): "河北省委省政府出台《…》".
_ANNOUNCES = re.compile(
    r"^(?:(?:近日|日前|近期)[,，]?[^。《》]{2,120}?|[^。,:;《》]{2,40}?)(?:印发|出台|发布|公布|发表)了?《([^《》]{4,100})》"
    r"(" + _WORD + r")?"
)
_SALUTATION = re.compile(r"^(.{6,120}?的" + _WORD + r")(各[^。;]{2,300}:)$")
#: A web page's fields printed on the title's line: "…的通知编辑时间:2021-11-05".
_WEB_FIELD = re.compile(r"(?<=[\u4e00-\u9fff》)])(?:编辑时间|发布时间|发布日期|更新时间|来源|作者|浏览次数|阅读次数)\s*:.*$")
#: A press headline that reports a document in its own words: "浙江出台金融支持碳达峰碳中和指导意见".
_HEADLINE = re.compile(r"^(?!关于)[\u4e00-\u9fff]{2,12}?(?:出台|印发|发布|公布)(?!《)(?!.*通知$)[^《》]{4,60}$")
_HEADLINE_VERB = re.compile(r"出台|印发|发布|公布")
#: A web page's heading "X公告2022年第4号――关于…的公告": the title after the number and the dash.
_NUMBERED_HEADING = re.compile(r"^.{2,60}?第\s*\d+\s*号\s*(?:――|——|—|--)\s*(.{4,100})$")
#: A draft's remark after its title: "（公开征求意见稿）", "（送审稿）".
_DRAFT = re.compile(r"\s*[(（][^()（）]{0,4}(?:征求意见稿|送审稿|报批稿|讨论稿)[)）]$")
#: A signature's date the layer glued to the title after it ("2020年10月23日邯郸市…实施方案"), and a
#: draft's remark ending the title's line.
_DATED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日$")
_DRAFT_AT_END = re.compile(r"\([^()]{0,4}(?:征求意见稿|送审稿|报批稿|讨论稿)\)")
_LABEL_ALONE = re.compile(r"^附\s*件\s*\d{0,2}\s*:?$")
#: The sentence of a notice that hands the document over: "现将《Y》印发给你们".
_HANDED = re.compile(r"《([^《》]{4,100})》[^。]{0,40}?印发(?:给|你|各)")
_QUOTED = re.compile(r"《([^《》]{6,100})》")
#: A title line printed inside book-title marks: "《阜阳市…实施方案(2022-2025年)》".
_QUOTED_LINE = re.compile(r"^《([^《》]{4,100})》$")
#: What the layer glues before a title: a red head's "X文件", a release mark ("此件公开发布").
_RED_HEAD = re.compile(r"^(.{2,40}?)文件(?=.)")
_RELEASE_MARK = re.compile(r"^\(?(?:此件)?(?:公开发布|主动公开|依申请公开|不予公开)\)?")
#: A subtitle the layer glued after the title's genre word: "…规划——以…推进…".
_SUBTITLE = re.compile(r"^(.{4,100}?)(?:——|--|――|—)([^。;:,]{2,60})$")
#: The end of a "关于…" title wrapped before its 的: "…实施方案" / "的通知", "…计划" / "(…专项)项目的通知".
_WRAPPED_END = re.compile(r"^[^。;:,关]{0,40}的" + _WORD + r"(?:\([^()]{1,12}\)){0,2}$")
#: A salutation naming organs glued to the title: "…的通知银川市、…,各有关重点排放单位:".
_ADDRESSEES = re.compile(r"^(.{6,120}?的" + _WORD + r")((?!》)[^。;《》]{2,300}(?:单位|部门|政府|机关|[局厅委办处室院所校会司]):)$")
#: The meeting that adopted the text, glued after its title: "…的决定(2021年12月28日…全体会议通过)".
_ADOPTION = re.compile(r"\(\d{4}年\d{1,2}月\d{1,2}日[^()]{2,80}(?:通过|批准|修订|修正)\)$")
#: The organs' count the layer wrapped below the first organ: "X厅" / "等17部门关于…".
_COUNT_START = re.compile(r"^等[\d一二三四五六七八九十]{0,3}个?(?:部门|单位)")
#: A line of a title's remarks the layout leaves alone: two of them, or one under a word in 法.
_REMARK = r"\([^()]{0,12}(?:\d{4}年|\d{4}版|年版|试行|暂行|草案|征求意见稿|送审稿|修订)\)"
_REMARKS_LINE = re.compile(r"^(?:" + _REMARK + r"){1,2}$")
#: A title part: a short line with no punctuation, number or date (the start of a wrapped title).
_PART = re.compile(r"^[\u4e00-\u9fff\"“”《》、]{2,40}$")
#: An attachment's number glued to the title under it ("1农业农村减排固碳实施方案"); not a count ("3年", "10项").
_GLUED_NUMBER = re.compile(r"^\d{1,2}(?=[\u4e00-\u9fff])(?![年月日号个项条部批家类万亿千百十期届版倍周天次])")
#: A preface naming the document it opens: "…，编制《盐城市“十四五”生态环境保护规划》。" (not one handed over).
_SELF_NAMED = re.compile(r"(?:编制|制定|起草|修订)(?:了|本)?《([^《》]{4,100})》[^。]{0,30}(?:。|$)")
_ASKS = re.compile(r"请|应当|各地|各[市县区]")
#: Two titles this alike (difflib ratio) name one document: "…工作实施意见" and "…工作的实施意见".
_ALIKE = 0.8


def similar(a: str, b: str) -> bool:
    """Whether two titles name the same document, layout and a dropped 的 aside."""
    x, y = _key(a), _key(b)
    return bool(x and y) and (x == y or SequenceMatcher(None, x, y).ratio() >= _ALIKE)


def _key(title: str) -> str:
    return _DRAFT_AT_END.sub("", fold(squash(title))).strip("《》")


def chinese_title(head: list[str], text: str) -> tuple[str | None, str | None]:
    """The title, and the line it was read from (a covering notice's when it carries the document)."""
    lines = prepared(head)
    notice: str | None = None
    carried: str | None = None
    announced: str | None = None
    headline: str | None = None
    for line in lines:
        bare = _TRAILING_NUMBER.sub("", line).strip()
        quoted = _QUOTED_LINE.match(bare)
        if quoted and notice is None and TITLE_LINE.match(quoted.group(1)) and not NOTICE.search(quoted.group(1)):
            bare = quoted.group(1)  # a title printed in 《》; after a notice, such a line lists an attachment
        titled = bool(TITLE_LINE.match(bare))
        if titled and NOTICE.search(bare):
            if notice is None:
                notice, carried = bare, carried or _carried(bare)
            continue
        said = _announced(bare)
        if said:
            announced = announced or said
            carried = carried or said
            continue
        if titled and headline is None and notice is None and _HEADLINE.match(bare):
            headline = bare  # the lead sentence may quote the document's own title
            continue
        if not titled:
            continue
        if headline and not announced:
            return headline, headline  # no lead sentence quoted a document: the headline is the title
        if carried is None or similar(bare, carried):
            return bare, notice or bare
    if headline and not (announced and _reports(headline, announced)):
        return headline, headline
    if announced:
        return _whole(announced, lines), None
    if notice and carried and not _PLAIN_COVER.search(notice) and "《" in notice:
        return notice, notice  # "关于印发《X》及组织申报项目的通知": the notice does more than cover X
    if notice and carried:
        return _carried_title(carried, notice, text)
    if notice:
        return notice, notice
    handed = next((m.group(1) for line in lines for m in _HANDED.finditer(line)), None)
    if handed and printed_alone(handed, text):
        return handed, None  # the notice's title is not in the text, its sentence names the document
    return _self_named(lines), None


def _self_named(lines: list[str]) -> str | None:
    """The title a preface gives the document it opens, where no line has a title's form: "…，编制
    《X规划》。" (a sentence handing a document over, "…制定了《X》，现印发给你们", names another)."""
    for line in lines:
        for m in _SELF_NAMED.finditer(line):
            named, before = m.group(1), line[line.rfind("。", 0, m.start()) + 1 : m.start()]
            if _ASKS.search(before):
                continue  # "请各市编制《…实施方案》": a task for others, not this document
            if "印发" not in m.group(0) and TITLE_LINE.match(named) and not NOTICE.search(named):
                return named
    return None


def prepared(head: list[str]) -> list[str]:
    """Head lines with a salutation cut from its title's line and an organ line joined to the
    "关于…" line under it."""
    out: list[str] = []
    for raw in head:
        line = _once(_WEB_FIELD.sub("", raw))
        if out and _continues(out[-1], line):
            out[-1] += squash(line)  # one title wrapped where the layout could not tell
            continue
        numbered = _NUMBERED_HEADING.match(line)
        if numbered and TITLE_LINE.match(numbered.group(1)):
            line = numbered.group(1)
        line = _unmarked(line)
        glued = _GLUED_NUMBER.match(line)  # the title after the number
        if glued and TITLE_LINE.match(line[glued.end() :]) and not NOTICE.search(line):
            line = _unmarked(line[glued.end() :])
        m = _SALUTATION.match(line) or _ADDRESSEES.match(line)
        if m:
            out.extend([m.group(1), m.group(2)])
            continue
        if (out and (line.startswith(("关于", "印发")) or _COUNT_START.match(line)) and TITLE_LINE.match(line)
                and organ_line(out[-1])
                and not out[-1].endswith("文件")):
            out[-1] = squash(out[-1]) + line
            continue
        out.append(line)
    return out


def _unmarked(line: str) -> str:
    """A title line without what the layer glued around it: a red head's "X文件" or a release mark
    before it, a dashed subtitle after it."""
    head = _RED_HEAD.match(line)
    if head and organ_line(head.group(1)) and TITLE_LINE.match(line[head.end() :]):
        line = line[head.end() :]
    mark = _RELEASE_MARK.match(line)
    if mark and TITLE_LINE.match(line[mark.end() :]):
        line = line[mark.end() :]
    adopted = _ADOPTION.search(line)
    if adopted and TITLE_LINE.match(line[: adopted.start()]):
        line = line[: adopted.start()]
    sub = _SUBTITLE.match(line)
    if sub and TITLE_LINE.match(sub.group(1)):
        line = sub.group(1)
    return line


def _continues(above: str, line: str) -> bool:
    """Whether a line ends the title line above it, wrapped where the layout could not tell: "的通知"
    under a "关于…" line stopped before its 的, two remarks ("(试行)(征求意见稿)"), a word in 法 (which
    the layout does not join on) under the title's start ("…碳减排" / "量方法(试行)")."""
    if _WRAPPED_END.match(line) and _unended(above):
        return True
    if _REMARKS_LINE.match(squash(line)):
        return bool(TITLE_LINE.match(above + squash(line))) and not NOTICE.search(above)
    bare = re.sub(r"(?:\([^()]{1,12}\)){1,2}$", "", line)
    return (bare.endswith("法") and len(bare) <= 8 and bool(TITLE_LINE.match(line)) and bool(_PART.match(above))
            and not TITLE_LINE.match(above) and not organ_line(above) and not above.endswith("文件"))


def _unended(line: str) -> bool:
    """A "关于…" title line that stops before its 的 ("…关于推动…若干措施"): the rest is on the next line."""
    at = line.find("关于")
    return at >= 0 and "的" not in line[at:] and bool(TITLE_LINE.match(line)) and not NOTICE.search(line)


def _once(line: str) -> str:
    """A title line the text layer holds twice over ("X关于…的通知X关于…"): its first copy."""
    if len(line) < 24:
        return line
    again = line.find(line[:12], 12)
    return line[:again] if again > 0 and TITLE_LINE.match(line[:again]) else line


def _announced(line: str) -> str | None:
    m = _ANNOUNCES.match(line)
    if m and "关于" not in line[: m.start(1)]:
        return m.group(1) + (m.group(2) or "")  # "《中国应对气候变化的政策与行动》白皮书"
    m2 = ANNOUNCES_BARE.match(line)
    if m2 and organ_line(m2.group(1)) and not m2.group(2).endswith("通知"):
        return m2.group(2)
    return None


def _reports(headline: str, announced: str) -> bool:
    """Whether a headline ("浙江出台金融支持碳达峰碳中和指导意见") reports the document a lead sentence
    quotes ("关于金融支持碳达峰碳中和的指导意见"): its words after the verb are the title's, 关于 and 的 aside."""
    m = _HEADLINE_VERB.search(headline)
    said = re.sub(r"^关于|的", "", _key(headline[m.end() :] if m else headline))
    quoted = re.sub(r"^关于|的", "", _key(announced))
    return bool(said) and (said == quoted or SequenceMatcher(None, said, quoted).ratio() >= _ALIKE)


def _carried(notice: str) -> str | None:
    m = _NOTICE_INNER.search(notice) or _NOTICE_BARE.search(notice)
    return (m.group(1) or m.group(2)) if m else None


def _whole(announced: str, lines: list[str]) -> str:
    """The announced title, or the longer one the lead sentence quotes when the headline cut it."""
    for line in lines:
        for m in _QUOTED.finditer(line):
            quoted = m.group(1)
            if len(quoted) > len(announced) and quoted[:6] == announced[:6] and quoted[-4:] == announced[-4:]:
                return quoted
    return announced


def _carried_title(carried: str, notice: str, text: str) -> tuple[str, str]:
    """The carried document's title when it is printed on its own; else the notice is the document."""
    if printed_alone(carried, text) or _printed_after_signature(text):
        return carried, notice
    return notice, notice


def _printed_after_signature(text: str) -> bool:
    """Whether a long text follows the notice's end, its first signature's date or (a notice signed
    nowhere, "特此通知。") an attachment's label alone on its line: the carried document, its title line
    not printed (the notice's own points, if any, stand before the signature)."""
    for m in re.finditer(r"^.*$", text, re.MULTILINE):
        if DATE_LINE.match(m.group(0).strip()) or _LABEL_ALONE.match(m.group(0).strip()):
            after = len(squash(text[m.end() :]))
            return after > max(600, 2 * len(squash(text[: m.start()])))
    return False


def printed_alone(title: str, text: str) -> bool:
    """Whether a title is printed as a line (or lines) of its own: not quoted in 《》, not in a list
    of attachments ("附件：…"), perhaps wrapped, perhaps glued to the 印发 line or the date above it,
    perhaps followed by a draft's remark."""
    want = _key(title)
    if len(want) < 4:
        return False
    flat, starts = _flat(text)
    at = flat.find(want)
    while at >= 0:
        end = at + len(want)
        before = flat[max(0, at - 12) : at]
        opens_line = at in starts or before.endswith("日印发") or bool(_DATED.search(before))
        remark = _DRAFT_AT_END.match(flat, end)
        end = remark.end() if remark else end
        ends_line = end in starts or end == len(flat)
        if opens_line and ends_line:
            return True
        at = flat.find(want, at + 1)
    return False


def _flat(text: str) -> tuple[str, set[int]]:
    """The text without white space, and where its lines start in it."""
    parts: list[str] = []
    starts: set[int] = set()
    size = 0
    for line in text.split("\n"):
        bare = fold(squash(line))
        if not bare:
            continue
        starts.add(size)
        parts.append(bare)
        size += len(bare)
    return "".join(parts), starts


_LETTER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff(]) +(?=[\u4e00-\u9fff)])")


def tidy(title: str) -> str:
    """A title without the spaces a text layer leaves between Chinese and digits ("（2022 版）") or
    letter-spacing a remark ("( 试 行 )"); the gaps between names ("X区 Y开发区") stay."""
    title = _DRAFT.sub("", title)  # a draft's remark is no part of the title
    title = re.sub(r"\([^()]*\)", lambda m: _LETTER_SPACE.sub("", m.group(0)), title)  # "( 试 行 )"
    return re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) +(?=[\u4e00-\u9fff])", "", title).strip()


#: A collection's running number before the name ("467、…", "3.…").
_RUNNING_NUMBER = re.compile(r"^\d{1,4}[、_.．](?!\d)")
#: Names that say what a file is, not which document: "附件1", "正文", "通知".
_GENERIC_NAME = re.compile(r"^(?:附件|附表|正文|全文|文件|通知|公告|方案|意见|材料)")


def title_from_name(name: str, text: str = "") -> str | None:
    """The title a source file's name gives, for a text that gives none (docs/corpus.md says when).

    The name without its running number, when it reads as a title (six Chinese characters or more,
    ending with a genre word, not a generic name), written as the text is (radicals, script and width
    folded). It is read as every route hands it over (`raw.published_stem`): a name an upload would cut
    is refused, and a "_" standing for a character no file name keeps counts only where the text prints
    one to three characters there; so the PDF, its pack and its upload get the same title.
    """
    from policykg.ingest.layout import radical_fold
    from policykg.ingest.raw import published_stem
    from policykg.ingest.script import to_simplified

    stem, cut = published_stem(name)
    if cut:
        return None
    stem = fold(to_simplified(radical_fold(_RUNNING_NUMBER.sub("", stem)))).rstrip("_ ").strip()
    if "_" in stem:
        m = re.search(r"[“\"]?" + r"[^\n]{1,3}".join(re.escape(part) for part in stem.split("_")) + r"[)”\"]?", text)
        stem = m.group(0) if m else ""
    chinese = sum(1 for c in stem if "\u4e00" <= c <= "\u9fff")
    if chinese < 6 or _GENERIC_NAME.match(stem) or not TITLE_LINE.match(stem):
        return None
    return stem

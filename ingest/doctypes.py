"""The genre words of Chinese policy documents: what a title ends with, and the type it gives.

`DOC_TYPES` is the project's list of document types (docs/corpus.md): a title's type is the longest of
them it ends with, a trailing remark such as （试行） or （2021—2030年） aside. `TITLE_WORDS` adds the
genre words a title may end with that are no type of the list (导则, 举措, 思路, 战略, 指引): such a
title is still a title, of type 其他.
"""

from __future__ import annotations

import re

from policykg.ingest.fold import squash

#: Document types, longest first so that 实施方案 wins over 方案.
DOC_TYPES = tuple(
    sorted(
        ["意见", "实施意见", "指导意见", "方案", "实施方案", "行动方案", "工作方案", "规划", "计划", "行动计划", "通知",
         "办法", "管理办法", "条例", "指南", "要点", "工作要点", "白皮书", "措施", "若干措施", "纲要", "决定", "规定",
         "细则", "实施细则", "公告", "通告", "报告", "规程", "政策", "清单", "目录"],
        key=len,
        reverse=True,
    )
)
#: Words a title may end with: the types, and genre words outside the type list.
TITLE_WORDS = (*DOC_TYPES, "指引", "导则", "举措", "思路", "战略")
_TRAILING_REMARK = re.compile(r"(?:[(（][^()（）]{1,16}[)）])+$")


def doc_type(title: str) -> str | None:
    """The genre word a title ends with (a trailing remark such as （试行） aside): the longest of the
    project's list of document types, 其他 for any other title, None for no title."""
    bare = _TRAILING_REMARK.sub("", squash(title))
    bare = bare.rstrip("》\"”")
    for word in DOC_TYPES:
        if bare.endswith(word):
            return word
    return "其他" if bare else None

"""Target forms of the twenty-fifth round of the tuning key (a fifth pass over the provinces and the centre's files
left: 94, 475, 307, 224, 523, 239, 164, 347 and 32 state targets; 23, 47 and 545 state none). Every sentence is copied
from the normalised text of a `tune` document.
"""

from __future__ import annotations

from tests.extract.target_facts import facts, targets


def test_a_count_of_two_kinds_of_body_joined_by_he() -> None:
    # 307、上海市瞄准新赛道促进绿色低碳产业发展行动方案（2022-2025年）: the action goes on after each comma
    got = facts(targets("力争培育10家市级以上制造业创新中心和企业技术中心,5家研发和检验检测验证平台,5家大型企业研究院和新型研发机构", 2025))
    assert got == [("市级以上制造业创新中心和企业技术中心", "=", 10, "家", 2025), ("研发和检验检测验证平台", "=", 5, "家", 2025),
                   ("大型企业研究院和新型研发机构", "=", 5, "家", 2025)]

"""One reading per span whatever the process: two deadline patterns read the same words ("于2017年" is a
deadline by 2017 and a bare year), and the choice between them once followed the iteration order of a set
of hits, which differs between processes (the build's processes gave different graphs for one document).

Real: 莆田市“十四五”生态环境保护规划 (tune document 446).
"""

from __future__ import annotations

import subprocess
import sys

from policykg.extract.deadlines import extract_deadlines

SENTENCE = "二是全面完成农用地土壤污染状况调查。按照《土壤污染防治行动计划》的时序要求,于2017年开展农用地土壤污染状况详查"


def test_the_surer_reading_of_a_span_wins() -> None:
    got = [(d.label, d.kind, d.end_date, d.confidence) for d in extract_deadlines(SENTENCE, "zh")]
    assert got == [("于2017年", "by", "2017", 1.0)]


def test_every_process_reads_the_span_alike() -> None:
    code = ("from policykg.extract.deadlines import extract_deadlines as f; import sys; "
            f"print([(d.label, d.kind, d.end_date) for d in f({SENTENCE!r}, 'zh')])")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert outputs == {"[('于2017年', 'by', '2017')]\n"}

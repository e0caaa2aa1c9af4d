"""The `policykg` command line, run as a real subprocess on the real corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SANMING = REPO / "corpus" / "documents" / "003_e073a84fa08b70e4.txt"
SHANWEI = REPO / "corpus" / "documents" / "004_a38210081867983d.txt"


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policykg.cli", *args],
        capture_output=True, text=True, timeout=timeout, cwd=REPO, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )


def test_inspect_prints_metadata_clauses_and_facts_with_spans() -> None:
    out = _run("inspect", str(SANMING))
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "sanming-pollution-carbon-synergy-plan-2022" in text
    assert "municipal" in text and "CN-FJ-Sanming" in text
    assert "sanming-pollution-carbon-synergy-plan-2022~s4.i5" in text
    # the (五) target "超过30%" with its source context
    assert "达到能效标杆水平的比例 >30%" in text
    assert "lead" in text and "三明市工业和信息化局" in text


def test_inspect_json_gives_spans_that_cut_the_original(tmp_path: Path) -> None:
    out = _run("inspect", str(SHANWEI), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    original = SHANWEI.read_text(encoding="utf-8")
    assert data["metadata"]["script"] == "zh-Hant"
    targets = [t for c in data["extractions"]["clauses"] for t in c["targets"]]
    non_fossil = [t for t in targets if t["indicator"] == "非化石能源消费比重" and t["year"] == 2025]
    assert [(t["comparator"], t["value"], t["unit"]) for t in non_fossil] == [(">=", 32.0, "%")]
    for t in targets:
        span = t["span"]
        assert original[span["start"] : span["end"]] == span["quote"]
    assert "非化石能源消費比重達到32%以上" in non_fossil[0]["span"]["quote"]


def test_inspect_refuses_an_empty_file_with_its_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = _run("inspect", str(empty))
    assert out.returncode == 2
    assert "empty_document" in out.stderr


def test_trace_prints_the_chain_with_evidence(built_settings) -> None:  # type: ignore[no-untyped-def]
    out = _run("trace", "开展二氧化碳捕集与利用封存示范", "--store", built_settings.store)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].startswith("sanming-pollution-carbon-synergy-plan-2022 (五)")
    assert "fujian-pollution-carbon-synergy-plan-2022" in out.stdout
    assert "concept:ccus" in out.stdout
    data = json.loads(_run("trace", "开展二氧化碳捕集与利用封存示范", "--store", built_settings.store, "--json").stdout)
    assert data["source"]["document"] == "sanming-pollution-carbon-synergy-plan-2022"
    assert data["parents"] and all(0 <= p["score"] <= 1 for p in data["parents"])


def test_settings_lists_every_setting() -> None:
    from policykg.settings import SETTINGS

    out = _run("settings")
    assert out.returncode == 0, out.stderr
    for s in SETTINGS:
        assert f"POLICYKG_{s.name.upper()}" in out.stdout

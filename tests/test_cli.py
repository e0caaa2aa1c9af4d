"""The `policykg` command line, run as a real subprocess on the real corpus."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def test_trace_reads_a_taiwan_wording_as_the_documents_are_stored(built_settings) -> None:  # type: ignore[no-untyped-def]
    # 碳捕捉 (Taiwan) is 碳捕集 in the stored text of Sanming's measure
    out = _run("trace", "開展二氧化碳捕捉與利用封存示範", "--store", built_settings.store, "--json")
    assert out.returncode == 0, out.stderr
    source = json.loads(out.stdout)["source"]
    assert (source["document"], source["text"]) == (
        "sanming-pollution-carbon-synergy-plan-2022", "推进钢铁、水泥、煤电、化工等行业开展二氧化碳捕集与利用封存示范。")


def test_settings_lists_every_setting() -> None:
    from policykg.settings import SETTINGS

    out = _run("settings")
    assert out.returncode == 0, out.stderr
    for s in SETTINGS:
        assert f"POLICYKG_{s.name.upper()}" in out.stdout


@pytest.mark.parametrize(("word", "on"), [("0", False), ("off", False), ("false", False), ("1", True), ("Yes", True)])
def test_a_switch_is_read_from_its_word_in_the_environment(monkeypatch: pytest.MonkeyPatch, word: str, on: bool) -> None:
    from policykg.settings import Settings

    monkeypatch.setenv("POLICYKG_ANSWER_INDEX", word)
    assert Settings().answer_index is on


def test_a_setting_that_is_not_its_type_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from policykg.errors import ConfigurationError
    from policykg.settings import Settings

    monkeypatch.setenv("POLICYKG_ANSWER_INDEX", "maybe")
    with pytest.raises(ConfigurationError, match="answer_index"):
        Settings()
    monkeypatch.delenv("POLICYKG_ANSWER_INDEX")
    with pytest.raises(ConfigurationError, match="sparql_timeout"):
        Settings(sparql_timeout="soon")
    _one_line_error(_cli("settings", env={"POLICYKG_ANSWER_INDEX": "maybe"}), "configuration_error")


# --- while `policykg serve` holds the store --------------------------------------------------------------
# A small store of three real documents (the Sanming plan, the Fujian plan it implements, the MEE plan above
# both) served by a real `policykg serve`; every reading command must work beside it, as a researcher runs
# them in a second terminal.
FUJIAN = REPO / "corpus" / "documents" / "fujian_pollution_carbon_synergy_plan_2022_zh.txt"
MEE = REPO / "corpus" / "documents" / "cn_mee7_pollution_carbon_synergy_plan_2022_zh.txt"
SANMING_ID = "sanming-pollution-carbon-synergy-plan-2022"
SERVE_TOKEN = "tok-cli-tests-5d1c0a"


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policykg.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env={**os.environ, "COLUMNS": "200", **(env or {})})


def _one_line_error(out: subprocess.CompletedProcess[str], code: str) -> None:
    assert out.returncode != 0, out.stdout
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout, out.stderr
    assert f"{code}: " in out.stderr, out.stderr


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli-small") / "store"
    out = _cli("build", str(SANMING), str(FUJIAN), str(MEE), "--store", str(store), "--workers", "1", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["ok"] == 3
    return store


@pytest.fixture(scope="module")
def served(small_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`policykg serve` holding `small_store`; yields its URL."""
    from tests.api.api_support import free_port, stop, wait_ready

    port = free_port()
    log = tmp_path_factory.mktemp("cli-serve") / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "policykg.cli", "serve", "--store", str(small_store), "--port", str(port)],
            env={**os.environ, "POLICYKG_WRITE_TOKEN": SERVE_TOKEN}, stdout=sink, stderr=subprocess.STDOUT, cwd=REPO,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log)
        yield url
    finally:
        stop(process)


@pytest.mark.parametrize(("phrase", "first_line"), [
    ("开展二氧化碳捕集与利用封存示范", f"{SANMING_ID} (五)"),  # simplified
    ("開展二氧化碳捕集與利用封存示範", f"{SANMING_ID} (五)"),  # traditional
    ("carbon capture demonstration", None),  # English: no text has it, "carbon capture" names CCUS
])
def test_trace_in_any_script_while_served(served: str, small_store: Path, phrase: str, first_line: str | None) -> None:
    out = _cli("trace", phrase, "--store", str(small_store))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    data = json.loads(_cli("trace", phrase, "--store", str(small_store), "--json").stdout)
    assert "捕集" in data["source"]["text"]  # a CCUS measure in every script
    assert all(0 <= p["score"] <= 1 for p in data["parents"])
    if first_line:  # the Sanming measure itself, up to the Fujian and MEE clauses it implements
        assert out.stdout.splitlines()[0].startswith(first_line), out.stdout
        assert {p["document"] for p in data["parents"]} >= {"fujian-pollution-carbon-synergy-plan-2022"}


def test_export_while_served(served: str, small_store: Path, tmp_path: Path) -> None:
    import pyoxigraph as ox

    from policykg.ontology.vocab import graph_iri

    nq = _cli("export", str(tmp_path / "all.nq"), "--format", "nq", "--store", str(small_store))
    assert nq.returncode == 0, nq.stderr
    graphs = {q.graph_name.value for q in ox.parse(path=str(tmp_path / "all.nq"), format=ox.RdfFormat.N_QUADS)
              if isinstance(q.graph_name, ox.NamedNode)}
    assert graph_iri(SANMING_ID) in graphs
    csv_out = _cli("export", str(tmp_path / "tables"), "--format", "csv", "--store", str(small_store))
    assert csv_out.returncode == 0, csv_out.stderr
    with (tmp_path / "tables" / "documents.csv").open(encoding="utf-8-sig", newline="") as fh:
        ids = {row["id"] for row in csv.DictReader(fh)}
    assert {SANMING_ID, "fujian-pollution-carbon-synergy-plan-2022", "mee-pollution-carbon-synergy-plan-2022"} <= ids


def test_inspect_while_served(served: str) -> None:
    out = _cli("inspect", str(SANMING))
    assert out.returncode == 0, out.stderr
    assert f"{SANMING_ID}~s4.i5" in out.stdout


def test_notebook_open_while_served(served: str, small_store: Path) -> None:
    script = ("import json, policykg\n"
              f"g = policykg.open({str(small_store)!r})\n"
              "print(json.dumps({'documents': [d['id'] for d in g.documents()],\n"
              "                  'units': sorted({u['label'] for u in g.units('CCUS')})}, ensure_ascii=False))\n"
              "g.close()\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert SANMING_ID in answer["documents"] and len(answer["documents"]) == 3
    assert "三明市工业和信息化局" in answer["units"]


def test_a_store_held_by_another_process_is_one_line(small_store: Path, tmp_path: Path) -> None:
    """Held, but by no service (a build, say): each reading command says so in one line."""
    import shutil

    from policykg.graph.oxigraph_store import OxigraphStore

    copy = tmp_path / "store"
    shutil.copytree(small_store / "rdf", copy / "rdf")
    with OxigraphStore(copy / "rdf"):
        for args in (("trace", "碳捕集"), ("export", str(tmp_path / "x.nq"))):
            _one_line_error(_cli(*args, "--store", str(copy)), "store_busy")
        opened = subprocess.run([sys.executable, "-c", f"import policykg; policykg.open({str(copy)!r})"],
                                capture_output=True, text=True, timeout=120, cwd=REPO)
        assert opened.returncode != 0 and "StoreBusy" in opened.stderr and "wait for" in opened.stderr


def test_trace_of_nothing_is_one_line(small_store: Path) -> None:
    _one_line_error(_cli("trace", "zzzz qqqq", "--store", str(small_store)), "not_found")


# --- the README's commands, as written ------------------------------------------------------------------
def _readme_section(title: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_readme_commands_run_as_written() -> None:
    """After `make run` the tool is .venv/bin/policykg; every command the README shows names a real subcommand,
    and every curl example percent-encodes its Chinese."""
    section = _readme_section("Command line")
    commands = [line.split("#")[0].split() for line in section.splitlines() if line.startswith(".venv/bin/policykg ")]
    assert len(commands) >= 7
    for words in commands:
        out = _cli(words[1], "--help", timeout=60)
        assert out.returncode == 0, (words, out.stderr)
    for line in section.splitlines():
        if line.startswith("curl ") and not line.isascii():
            assert "-G" in line and "--data-urlencode" in line, line
    assert "npm" not in (REPO / "README.md").read_text(encoding="utf-8")


def test_reading_a_store_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-store"
    for args in (("trace", "碳捕集"), ("export", str(tmp_path / "x.nq"))):
        _one_line_error(_cli(*args, "--store", str(missing)), "path_not_found")
    assert not missing.exists()  # no empty store made in passing


def test_expected_failures_are_one_line(small_store: Path, tmp_path: Path) -> None:
    from tests.api.api_support import free_port

    (tmp_path / "a-file").write_text("x")
    cases = [
        (("export", str(tmp_path / "a-file" / "out.nq"), "--store", str(small_store)), "os_error"),
        (("export", str(tmp_path / "out.x"), "--format", "xyz", "--store", str(small_store)), "bad_request"),
        (("neo4j-sync", "--uri", f"bolt://127.0.0.1:{free_port()}", "--store", str(small_store)), "neo4j_error"),
        (("trace", f"{SANMING_ID}~s99", "--store", str(small_store)), "not_found"),
        (("build", str(SANMING), "--executor", "bogus", "--store", str(tmp_path / "s")), "configuration_error"),
        (("inspect", str(tmp_path)), "not_regular_file"),
    ]
    for args, code in cases:
        _one_line_error(_cli(*args, timeout=120), code)

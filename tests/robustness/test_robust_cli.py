"""Bad input through the real `policykg build` command line: nothing hangs, nothing crashes, everything is counted.

Each test runs the CLI as a subprocess with a timeout, so a hang fails the test instead of stalling it.
The inputs are made here: named pipes, a socket, a link to /dev/zero, loops of symbolic links, a link
to nothing, file names that look like rich markup, paths that do not exist, a batch in which nothing can
be built, a build killed with SIGKILL while its workers run, and `service.json` files that point the
write token at a process that does not hold the store.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.api_support import free_port
from tests.robustness.badcorpus import FUJIAN, JIANGSU, MEE, MIIT, SANMING, SHANWEI

REPO = Path(__file__).resolve().parents[2]
TOKEN = "tok-robust-cli-8e2f41"
#: Seconds a CLI run over bad input may take; a hang on a pipe or a device would never end.
BOUND = 120


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = BOUND) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policykg.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env={**os.environ, "COLUMNS": "250", **(env or {})})


def _no_traceback(out: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout, out.stderr[-3000:]


def _outcomes(out: subprocess.CompletedProcess[str]) -> dict[str, tuple[str, str | None]]:
    summary = json.loads(out.stdout)
    assert summary["ok"] + summary["quarantined"] + summary["skipped"] == summary["total"]
    return {Path(o["path"]).name: (o["status"], o["code"]) for o in summary["outcomes"]}


@contextlib.contextmanager
def special_files(folder: Path) -> Iterator[None]:
    """A named pipe, a socket, a link to /dev/zero, a loop of links and a link to nothing, all named like documents."""
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "dangling.txt").symlink_to(folder / "nothing-here.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "socket.txt"))
        yield


def test_special_files_in_a_folder_are_refused_counted_and_names_printed_as_text(corpus_dir: Path, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    (batch / "[").mkdir(parents=True)
    shutil.copy(corpus_dir / SANMING, batch / "[" / "]sanming.txt")  # its path holds "[/]"
    shutil.copy(corpus_dir / FUJIAN, batch / "[bold]fujian[red].txt")
    store = tmp_path / "store"
    with special_files(batch):
        started = time.monotonic()
        out = _cli("build", str(batch), "--store", str(store), "--workers", "1", "--json")
        elapsed = time.monotonic() - started
        assert out.returncode == 0, out.stderr[-3000:]
        _no_traceback(out)
        assert _outcomes(out) == {
            "]sanming.txt": ("ok", None),
            "[bold]fujian[red].txt": ("ok", None),
            "pipe.txt": ("quarantined", "not_regular_file"),
            "socket.txt": ("quarantined", "not_regular_file"),
            "zero.txt": ("quarantined", "not_regular_file"),
            "loop-a.txt": ("quarantined", "symlink_loop"),
            "loop-b.txt": ("quarantined", "symlink_loop"),
            "dangling.txt": ("quarantined", "file_vanished"),
        }
        print(f"special files: {elapsed:.1f} s")

        # the table: every name verbatim, whatever brackets it holds
        table = _cli("build", str(batch), "--store", str(store), "--workers", "1")
        assert table.returncode == 0, table.stderr[-3000:]
        _no_traceback(table)
        for name in ("]sanming.txt", "[bold]fujian[red].txt", "pipe.txt", "loop-a.txt"):
            assert name in table.stdout, table.stdout
        assert "a named pipe (FIFO), not a regular file" in table.stdout
        assert "ok 0 + quarantined 6 + skipped 2 = 8 files" in table.stdout


def test_named_pipe_device_and_loop_on_the_command_line(tmp_path: Path) -> None:
    with special_files(tmp_path):
        named = [tmp_path / n for n in ("pipe.txt", "zero.txt", "socket.txt", "loop-a.txt")]
        out = _cli("build", *map(str, named), "--store", str(tmp_path / "store"), "--json")
        assert out.returncode == 1, out.stderr  # nothing could be built
        _no_traceback(out)
        assert _outcomes(out) == {"pipe.txt": ("quarantined", "not_regular_file"),
                                  "zero.txt": ("quarantined", "not_regular_file"),
                                  "socket.txt": ("quarantined", "not_regular_file"),
                                  "loop-a.txt": ("quarantined", "symlink_loop")}
        assert "nothing_built: " in out.stderr
        for path in named:
            inspected = _cli("inspect", str(path))
            assert inspected.returncode == 2 and "Traceback" not in inspected.stderr, inspected.stderr
            assert inspected.stderr.startswith(("not_regular_file: ", "symlink_loop: ")), inspected.stderr


def test_a_missing_path_is_an_error_and_nothing_is_built(corpus_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    out = _cli("build", str(corpus_dir / SANMING), str(tmp_path / "no-such-file.txt"), "--store", str(store))
    assert out.returncode == 2
    _no_traceback(out)
    assert "path_not_found: " in out.stderr and "no-such-file.txt" in out.stderr
    assert not (store / "index.json").exists()


def test_a_batch_with_no_document_built_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 8)
    out = _cli("build", str(tmp_path / "empty.txt"), str(tmp_path / "noise.txt"), "--store", str(tmp_path / "s"))
    assert out.returncode == 1
    _no_traceback(out)
    assert "nothing_built: none of the 2 files could be built" in out.stderr
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    nothing = _cli("build", str(empty), "--store", str(tmp_path / "s"))
    assert nothing.returncode == 1 and "no_documents: " in nothing.stderr


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running, and not a zombie left for a reaper."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_build_workers_end_when_the_build_is_killed(corpus_dir: Path, tmp_path: Path) -> None:
    files = [str(corpus_dir / n) for n in (SANMING, FUJIAN, SHANWEI, JIANGSU, MEE, MIIT)]
    build = subprocess.Popen([sys.executable, "-m", "policykg.cli", "build", *files, "--store", str(tmp_path / "store"),
                              "--workers", "2"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and build.poll() is None:
            workers = {c for c in _children(build.pid) if _is_worker(c)}
            if len(workers) == 2:
                break
            time.sleep(0.1)
        assert len(workers) == 2, "the build's two worker processes did not start"
        os.kill(build.pid, signal.SIGKILL)
        killed = time.monotonic()
        build.wait(timeout=30)
        while time.monotonic() < killed + 10 and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "workers outlived the killed build"
        print(f"workers gone {time.monotonic() - killed:.2f} s after the build was killed")
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
        for worker in workers:
            if _alive(worker):
                os.kill(worker, signal.SIGKILL)


_RECORDER = r"""
import http.server, sys
log = open(sys.argv[2], "a")
class Handler(http.server.BaseHTTPRequestHandler):
    def _record(self):
        log.write(f"{self.command} {self.path} {self.headers.get('Authorization')}\n"); log.flush()
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"{}")
    do_GET = do_POST = _record
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
"""


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads /proc")
def test_the_write_token_goes_to_no_process_that_does_not_hold_the_store(corpus_dir: Path, tmp_path: Path) -> None:
    """service.json names a candidate; it must be loopback, hold the store's lock and listen on the port."""
    from policykg.graph.oxigraph_store import OxigraphStore

    store = tmp_path / "store"
    port = free_port()
    seen = tmp_path / "requests.log"
    seen.write_text("")
    recorder = subprocess.Popen([sys.executable, "-c", _RECORDER, str(port), str(seen)])
    try:
        _wait_port(port)
        with OxigraphStore(store / "rdf"):  # this process holds the store; the recorder listens
            claims = [
                {"url": f"http://127.0.0.1:{port}", "pid": recorder.pid},  # listens, does not hold the store
                {"url": f"http://127.0.0.1:{port}", "pid": os.getpid()},  # holds the store, does not listen there
                {"url": f"http://10.255.255.1:{port}", "pid": os.getpid()},  # not loopback
                {"url": f"http://127.0.0.1:{port}", "pid": 2**22 + 12345},  # no such process
            ]
            for claim in claims:
                (store / "service.json").write_text(json.dumps(claim))
                out = _cli("build", str(corpus_dir / SANMING), "--store", str(store),
                           env={"POLICYKG_WRITE_TOKEN": TOKEN}, timeout=60)
                assert out.returncode == 2, (claim, out.stderr)
                _no_traceback(out)
                assert "store_busy: " in out.stderr and "could be verified" in out.stderr, out.stderr
        assert seen.read_text() == "", "a process that does not hold the store was sent a request"
    finally:
        recorder.kill()
        recorder.wait(timeout=10)

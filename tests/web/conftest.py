"""Fixtures of the end-to-end tests: the built corpus of the eleven bundled texts served by a real uvicorn on 127.0.0.1,
and headless Chromium (Debian's /usr/bin/chromium) driven by Playwright with a fresh profile.

Screenshots go to a temporary folder, or to $POLICYKG_WEB_SCREENSHOTS when set, so a person can look
at what the tests saw.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: A laptop screen.
VIEWPORT: Any = {"width": 1366, "height": 860}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def web_server(built_store: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of uvicorn serving a copy of the built corpus of the eleven bundled texts (the embedded store is single-process)."""
    store = tmp_path_factory.mktemp("web") / "store"
    shutil.copytree(built_store[0], store)
    port = _free_port()
    log = store.parent / "uvicorn.log"
    env = {**os.environ, "POLICYKG_STORE": str(store), "POLICYKG_WRITE_TOKEN": "", "POLICYKG_RATE_LIMIT": "0"}
    with log.open("wb") as out:
        # --no-proxy-headers: what `policykg serve` does with its default (empty) trusted_proxies
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "policykg.api.app:create_app_from_environment",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-proxy-headers"],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {process.returncode}:\n{log.read_text(errors='replace')}")
            try:
                if httpx.get(base + "/api/health", timeout=2.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn not ready:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield base + "/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("POLICYKG_WEB_SCREENSHOTS")
    if chosen:
        path = Path(chosen)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("web-screenshots")


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: apt-get install chromium (scripts/setup.sh --test does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            locale="zh-CN",
            accept_downloads=True,
        )
        # The machine may be busy: waiting for elements gets more than the default 30 s.
        context.set_default_timeout(120_000)
        try:
            yield context
        finally:
            context.close()


@dataclass
class Browser:
    """One page of the web app plus what it logged; `open` waits until the view has rendered."""

    page: Any
    base: str
    shots: Path
    problems: list[str] = field(default_factory=list)

    def open(self, route: str, timeout: float = 120_000) -> Any:
        self.page.goto(self.base + route)
        self.ready(timeout)
        return self.page

    def ready(self, timeout: float = 120_000) -> None:
        """Waits until the view of the current address has finished rendering: the shell marks the
        body with data-state=ready and data-rendered=<the hash it rendered>. (Polled from here:
        the page's CSP forbids the string evaluation `wait_for_function` relies on.)"""
        deadline = time.monotonic() + timeout / 1000
        check = "document.body.dataset.state === 'ready' && document.body.dataset.rendered === location.hash"
        while not self.page.evaluate(check):
            if time.monotonic() > deadline:
                raise TimeoutError(f"view {self.page.url} not rendered after {timeout / 1000:.0f} s")
            time.sleep(0.1)

    def shot(self, name: str, full_page: bool = False) -> Path:
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def no_horizontal_overflow(self) -> None:
        """Nothing on the page is wider than the window (long titles must wrap)."""
        overflow = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page is {overflow}px wider than the window"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keeps each phase's report on the test item, so the browser fixture can see a failure."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"report_{report.when}", report)


@pytest.fixture()
def browser(
    browser_context: Any, web_server: str, screenshots: Path, request: pytest.FixtureRequest
) -> Iterator[Browser]:
    page = browser_context.new_page()
    session = Browser(page, web_server, screenshots)
    page.on("pageerror", lambda error: session.problems.append(f"page error: {error}"))
    page.on("console", lambda msg: session.problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    # The interface language is kept in localStorage; every test starts in Chinese (the page is left
    # so that the test's first address loads the page afresh, in the language just set).
    page.goto(web_server)
    page.evaluate("localStorage.setItem('policykg.lang', 'zh')")
    page.goto("about:blank")
    yield session
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        session.shot(f"FAILED-{request.node.name}", full_page=True)
    page.close()
    assert not session.problems, "\n".join(session.problems)

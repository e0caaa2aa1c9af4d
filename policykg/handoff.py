"""Building into a store that a running service holds: the files go through the service's upload route.

The embedded store admits one process. While `policykg serve` holds it, a `policykg build` in another
process cannot open it; instead of failing, the build finds the service the store names in
`service.json` (written by `serve` at start, removed at exit) and sends it each file, with the write
token of its own settings. The service builds each file as an upload: one document at a time, each
graph replaced in one transaction, so its readers keep seeing whole graphs throughout.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from policykg.errors import StoreError, Unauthorized
from policykg.pipeline import BuildSummary, Outcome, discover
from policykg.settings import Settings

if TYPE_CHECKING:
    import httpx

SERVICE_FILE = "service.json"


@contextlib.contextmanager
def announce(store_dir: str | Path, host: str, port: int) -> Iterator[Path | None]:
    """Records, for the time of the block, that this process serves `store_dir` at host:port."""
    if str(store_dir) == ":memory:":
        yield None
        return
    root = Path(store_dir)
    root.mkdir(parents=True, exist_ok=True)
    reach = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    url = f"http://[{reach}]:{port}" if ":" in reach else f"http://{reach}:{port}"
    path = root / SERVICE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    tmp.replace(path)
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()


def running_service(store_dir: str | Path) -> str | None:
    """The URL of the live service that holds `store_dir`, or None (no record, or its process is gone)."""
    try:
        record = json.loads((Path(store_dir) / SERVICE_FILE).read_text(encoding="utf-8"))
        pid, url = int(record["pid"]), str(record["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # alive, owned by someone else
        pass
    return url


def send_to_service(url: str, paths: Sequence[str | Path] | None, settings: Settings) -> BuildSummary:
    """Uploads every file `paths` names to the service at `url`; one outcome per file, as a build gives."""
    import httpx

    if not settings.write_token:
        raise Unauthorized(f"the store is served at {url}; set the write_token setting (POLICYKG_WRITE_TOKEN) "
                           "to the service's token to build into it")
    summary = BuildSummary()
    headers = {"Authorization": f"Bearer {settings.write_token}"}
    # A file is built while its upload waits for the answer: no read timeout, only one to connect.
    timeout = httpx.Timeout(None, connect=10.0)
    with httpx.Client(base_url=url, headers=headers, timeout=timeout) as client:
        for path in discover(paths):
            outcome, links = _send(client, url, Path(path))
            summary.outcomes.append(outcome)
            summary.links = links or summary.links
    return summary


def _send(client: httpx.Client, url: str, path: Path) -> tuple[Outcome, int]:
    """The outcome of one upload, and the service's count of clause links after it."""
    import httpx

    try:
        data = path.read_bytes()
    except OSError as exc:
        return Outcome(str(path), "quarantined", code="file_vanished", message=f"{path.name}: {exc.strerror}"), 0
    try:
        response = client.post("/api/documents", files={"file": (path.name, data)})
    except httpx.HTTPError as exc:
        raise StoreError(f"the service at {url} did not answer: {exc}") from None
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code in (401, 403):
        raise Unauthorized(f"the service at {url} refused the write token: {body.get('detail', response.reason_phrase)}")
    if response.status_code == 201:
        status = str(body.get("status"))
        return Outcome(str(path), status, document=body.get("document"), code=body.get("code"),
                       message=body.get("message") if status != "ok" else None), int(body.get("links") or 0)
    return Outcome(str(path), "quarantined", code=str(body.get("code") or f"http_{response.status_code}"),
                   message=str(body.get("detail") or response.reason_phrase)), 0


__all__ = ["SERVICE_FILE", "announce", "running_service", "send_to_service"]

"""Working beside a running service: its store is held, so writes and reads go through the service.

The embedded store admits one process. While `policykg serve` holds it, another process cannot open
it; instead of failing, commands find the service the store names in `service.json` (written by
`serve` at start, removed at exit):

* a build sends it each file, with the write token of its own settings; the service builds each file
  as an upload, one document at a time, each graph replaced in one transaction, so its readers keep
  seeing whole graphs throughout;
* `policykg trace` asks its API (`ServiceQueries`);
* `policykg export`, `neo4j-sync` and `policykg.open(...)` read an in-memory copy of the dataset it
  serves (`GET /api/dataset`, fetched once).

`service.json` is only a claim. It is believed when its URL is a loopback address and the kernel
confirms the rest: the process it names holds the store's lock and is the one listening on the URL's
port (Linux /proc). So neither the write token nor a reader's trust goes to anyone else.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from policykg.errors import PathNotFound, PolicyKGError, StoreBusy, StoreError, Unauthorized
from policykg.outcomes import BuildSummary, Outcome
from policykg.pipeline import discover
from policykg.settings import Settings

if TYPE_CHECKING:
    import httpx

    from policykg.graph.store import Store

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
    """The URL of the service that holds `store_dir`, or None when `service.json` names none that can be
    verified: a loopback URL whose port the named process listens on, that process holding the store."""
    try:
        record = json.loads((Path(store_dir) / SERVICE_FILE).read_text(encoding="utf-8"))
        pid, url = int(record["pid"]), str(record["url"])
        parts = urlsplit(url)
        port = parts.port
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if parts.scheme != "http" or port is None or not _loopback(parts.hostname or ""):
        return None
    if not _holds_lock(pid, Path(store_dir) / "rdf" / "LOCK") or not _listens(pid, port):
        return None
    return url


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _holds_lock(pid: int, lock: Path) -> bool:
    """Whether process `pid` holds a lock on the file `lock`, as /proc/locks lists it
    (`1: POSIX  ADVISORY  WRITE <pid> <major>:<minor>:<inode> 0 EOF`)."""
    try:
        inode = str(lock.stat().st_ino)
        table = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    for line in table.splitlines():
        fields = line.split()  # a waiting request has "->" after the number, so it never matches here
        if len(fields) >= 6 and fields[4] == str(pid) and fields[5].rsplit(":", 1)[-1] == inode:
            return True
    return False


def _listens(pid: int, port: int) -> bool:
    """Whether process `pid` owns a TCP socket listening on `port` (/proc/net/tcp names the listening
    sockets' inodes; /proc/<pid>/fd links to the sockets the process holds)."""
    sockets = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text(encoding="ascii").splitlines()[1:]:
                fields = line.split()  # sl local_address rem_address st … inode
                if len(fields) > 9 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    sockets.add(f"socket:[{fields[9]}]")
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:  # gone, or another user's process
        return False
    for fd in fds:
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/{pid}/fd/{fd}") in sockets:
                return True
    return False


def service_url(settings: Settings, busy: StoreBusy) -> str:
    """The URL of the verified service that holds the store `busy` was raised for; else StoreBusy, saying
    what to do."""
    url = running_service(settings.store)
    if url is None:
        raise StoreBusy(f"{busy.message}, and no running policykg service could be verified to hold it: "
                        "wait for the other process (a build?) to finish, or stop it") from None
    return url


def require_store(settings: Settings) -> None:
    """A reader must name a store that exists: opening a missing one would make an empty store there."""
    if settings.backend == "oxigraph" and settings.store != ":memory:" and not (Path(settings.store) / "rdf").is_dir():
        raise PathNotFound(f"no store at {settings.store}: build one first (policykg build --store {settings.store})")


def open_for_reading(settings: Settings) -> Store:
    """The store the settings name, opened; while a service holds it, an in-memory copy of what it serves."""
    from policykg.graph.store import open_store

    require_store(settings)
    try:
        return open_store(settings)
    except StoreBusy as busy:
        return service_copy(service_url(settings, busy))


def service_copy(url: str) -> Store:
    """An in-memory store holding the dataset the service at `url` serves (every graph, with versions)."""
    import httpx

    from policykg.graph.oxigraph_store import OxigraphStore

    store = OxigraphStore(None, query_workers=1)
    try:
        with tempfile.TemporaryFile() as spool, httpx.stream(
            "GET", url + "/api/dataset", timeout=httpx.Timeout(60.0, connect=10.0)
        ) as response:
            if response.status_code != 200:
                raise StoreError(f"the service at {url} did not give its dataset (HTTP {response.status_code})")
            for chunk in response.iter_bytes():
                spool.write(chunk)
            spool.seek(0)
            store.load(spool, "nq")
    except httpx.HTTPError as exc:
        store.close()
        raise StoreError(f"the service at {url} did not answer: {exc}") from None
    except PolicyKGError:
        store.close()
        raise
    return store


class ServiceQueries:
    """The search and trace of a running service's API: the answers `Queries` gives, over HTTP."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        import httpx

        try:
            response = httpx.get(self.url + path, params=params, timeout=httpx.Timeout(120.0, connect=10.0))
        except httpx.HTTPError as exc:
            raise StoreError(f"the service at {self.url} did not answer: {exc}") from None
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise StoreError(f"the service at {self.url} answered {response.status_code} to {path}")
        return response.json()

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        return list((self._get("/api/search", {"q": q, "limit": limit}) or {}).get("results", []))

    def trace(self, item_id: str) -> dict[str, Any] | None:
        found = self._get("/api/trace/" + quote(item_id, safe=""))
        return dict(found) if found else None


def send_to_service(url: str, paths: Sequence[str | Path] | None, settings: Settings) -> BuildSummary:
    """Uploads every file `paths` names to the service at `url`; one outcome per file, as a build gives."""
    import httpx

    if not str(settings.write_token).strip():
        raise Unauthorized(f"the store is served at {url}; set the write_token setting (POLICYKG_WRITE_TOKEN) "
                           "to the service's token to build into it")
    summary = BuildSummary()
    headers = {"Authorization": f"Bearer {str(settings.write_token).strip()}"}
    # A file is built while its upload waits for the answer: no read timeout, only one to connect.
    timeout = httpx.Timeout(None, connect=10.0)
    with httpx.Client(base_url=url, headers=headers, timeout=timeout) as client:
        for path in discover(paths):
            outcome, links = _send(client, url, Path(path), settings)
            summary.outcomes.append(outcome)
            summary.links = links or summary.links
    return summary


def _send(client: httpx.Client, url: str, path: Path, settings: Settings) -> tuple[Outcome, int]:
    """The outcome of one upload, and the service's count of clause links after it."""
    import httpx

    from policykg.ingest.raw import read_raw

    try:
        data = read_raw(path, settings).data  # a regular file within max_file_bytes, or its typed reason
    except PolicyKGError as exc:
        return Outcome(str(path), "quarantined", code=exc.code, message=exc.message), 0
    except OSError as exc:
        return Outcome(str(path), "quarantined", code="unreadable", message=f"{path.name}: {exc.strerror}"), 0
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


__all__ = ["SERVICE_FILE", "ServiceQueries", "announce", "open_for_reading", "require_store", "running_service",
           "send_to_service", "service_copy", "service_url"]

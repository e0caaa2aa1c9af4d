"""Where the per-document map step of a build runs: in this process, in local processes, or on Dask.

The map step (read, normalise, extract, map to RDF) is a pure function of one file and the shared
lexicons, so it can run anywhere; its result comes back to the building process, which writes the
document's N-Quads shard and its graph. An executor is chosen by the `executor` setting:

* `local` (default): `workers` processes on this machine (0: one per core; one process when the batch
  is too small to pay for starting more);
* `dask://HOST:PORT` (or `tcp://HOST:PORT`): the workers of a running Dask distributed scheduler. The
  workers must see the input files under the same paths (a shared file system), as in any Dask map
  job over files.

Results are yielded in input order whatever the executor, so the build's output does not depend on
where or in how many processes the map step ran.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from policykg.errors import ConfigurationError

#: Below this many files per process, starting another process (which imports the pipeline and loads
#: the lexicons: about 3.5 s of CPU, measured) costs more than it saves; applies when `workers` is 0
#: (automatic). The 11 bundled texts build in one process in about 80 % of the time two take.
FILES_PER_WORKER = 16

#: Files submitted ahead per local process: enough to keep each busy, few enough to bound the memory of
#: results waiting for the store.
WINDOW_PER_WORKER = 4


class Executor(Protocol):
    name: str
    workers: int

    def map(self, fn: Callable[..., Any], items: Sequence[tuple[Any, ...]]) -> Iterator[Any]:
        """`fn(*item)` for every item, yielded in the order of `items`."""
        ...

    def close(self) -> None: ...


class SerialExecutor:
    name = "local"
    workers = 1

    def map(self, fn: Callable[..., Any], items: Sequence[tuple[Any, ...]]) -> Iterator[Any]:
        for item in items:
            yield fn(*item)

    def close(self) -> None:
        pass


#: prctl(2) option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int) -> None:
    """Worker initializer: the worker ends when the process that started it does, even when that one is
    killed with SIGKILL, instead of running on as an orphan.

    On Linux the kernel sends the worker SIGKILL when its parent goes (PR_SET_PDEATHSIG; the pool's
    processes are started by the thread that runs the build, which lives as long as the pool);
    elsewhere a thread checks every half second whether the parent is still there.
    """
    if _parent_death_signal():
        if os.getppid() != parent:  # the parent was gone before the signal was asked for
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), name="policykg-parent-watch", daemon=True).start()


def _parent_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        return int(ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class LocalExecutor:
    """A pool of `workers` spawned processes (spawn: no state of the parent leaks into a worker), which
    end when the building process does (`end_with_parent`)."""

    name = "local"

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=end_with_parent, initargs=(os.getpid(),))

    def map(self, fn: Callable[..., Any], items: Sequence[tuple[Any, ...]]) -> Iterator[Any]:
        """Keeps `WINDOW_PER_WORKER` items per process submitted ahead of the consumer: all processes stay
        busy, while a slow consumer (the store) holds back new work instead of collecting results."""
        window = max(1, self.workers * WINDOW_PER_WORKER)
        pending: deque[Future[Any]] = deque(self._pool.submit(fn, *item) for item in items[:window])
        return self._drain(fn, items, window, pending)

    def _drain(self, fn: Callable[..., Any], items: Sequence[tuple[Any, ...]], window: int,
               pending: deque[Future[Any]]) -> Iterator[Any]:
        following = iter(items[window:])
        try:
            while pending:
                result = pending.popleft().result()
                nxt = next(following, None)
                if nxt is not None:
                    pending.append(self._pool.submit(fn, *nxt))
                yield result
        finally:
            for fut in pending:
                fut.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """The workers of a Dask distributed cluster, reached through its scheduler's address."""

    name = "dask"

    def __init__(self, address: str, timeout: float = 30.0) -> None:
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - depends on the installation
            raise ConfigurationError("the dask executor needs `pip install \"dask[distributed]\"`") from None
        try:
            self._client = Client(address, timeout=timeout, set_as_default=False)
        except OSError as exc:
            raise ConfigurationError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def map(self, fn: Callable[..., Any], items: Sequence[tuple[Any, ...]]) -> Iterator[Any]:
        if not items:
            return iter(())
        columns = list(zip(*items, strict=True))
        futures = self._client.map(fn, *columns, pure=False)  # submitted now, not on first next()
        return _in_order(futures, lambda: self._client.cancel(futures))

    def close(self) -> None:
        self._client.close()


def _in_order(futures: Sequence[Any], cancel: Callable[[], object]) -> Iterator[Any]:
    try:
        for fut in futures:
            yield fut.result()
    finally:
        cancel()


def worker_count(workers: int, n_items: int) -> int:
    """Local processes for a batch: the explicit `workers` (at most one per item), or automatic."""
    if workers > 0:
        return max(1, min(workers, n_items))
    return max(1, min(os.cpu_count() or 1, n_items // FILES_PER_WORKER))


def open_executor(spec: str, workers: int, n_items: int) -> Executor:
    """The executor named by `spec` ('local', 'dask://host:port', 'tcp://host:port')."""
    spec = (spec or "local").strip()
    if spec == "local":
        n = worker_count(workers, n_items)
        return SerialExecutor() if n <= 1 else LocalExecutor(n)
    if spec.startswith("dask://"):
        return DaskExecutor("tcp://" + spec.removeprefix("dask://"))
    if spec.startswith(("tcp://", "tls://", "inproc://")):
        return DaskExecutor(spec)
    raise ConfigurationError(f"unknown executor {spec!r}: use 'local' or 'dask://HOST:PORT'")


__all__ = ["DaskExecutor", "Executor", "LocalExecutor", "SerialExecutor", "end_with_parent", "open_executor",
           "worker_count"]

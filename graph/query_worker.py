"""A process that answers SPARQL queries over a read-only snapshot of the embedded store.

It exists so that a query can be stopped: the store kills this process when a query passes its
deadline, which frees the CPU at once (pyoxigraph has no way to cancel a query in-process). Started
by `policykg.graph.query_workers.QueryWorkers` as `python -m policykg.graph.query_worker FD`, it
talks over the inherited socket FD: ("open", checkpoint dir) | ("load", N-Quads) | ("query", sparql,
max_rows), answering ("ok", …) | ("syntax", message) | ("error", message). It exits when the store
closes its end.
"""

from __future__ import annotations

import signal
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

from policykg.errors import BadRequest, PolicyKGError
from policykg.graph.query_workers import encode_result, run_query


def serve(conn: Connection) -> None:
    store: ox.Store | None = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        op = message[0]
        try:
            if op == "open":
                store = None  # close the previous snapshot before opening the next
                store = ox.Store.read_only(message[1])
                conn.send(("ok",))
            elif op == "load":
                store = ox.Store()
                store.load(message[1], ox.RdfFormat.N_QUADS)
                conn.send(("ok",))
            elif op == "query":
                if store is None:
                    conn.send(("error", "no snapshot opened"))
                    continue
                form, payload, truncated = encode_result(run_query(store, message[1], message[2]))
                conn.send(("ok", form, payload, truncated))
            else:
                conn.send(("error", f"unknown request {op!r}"))
        except BadRequest as exc:
            conn.send(("syntax", exc.message.removeprefix("invalid SPARQL: ")))
        except (PolicyKGError, OSError, ValueError) as exc:
            conn.send(("error", str(exc)))


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is for the serving process, which stops us
    serve(Connection(int(sys.argv[1])))


if __name__ == "__main__":
    main()

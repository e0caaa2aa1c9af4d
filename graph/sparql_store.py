"""A remote SPARQL 1.1 server as the store (Oxigraph server, Virtuoso, Fuseki, GraphDB…).

Queries and updates go over the SPARQL 1.1 Protocol; when a Graph Store Protocol endpoint is
configured, a graph is replaced by one PUT (the server swaps it atomically) and removed by DELETE.
The graph's version is written after its data, so an interrupted push leaves the old version in
place and is redone by the next build, never mistaken for done. Without a GSP endpoint a replace is a
single update request (DROP + INSERT DATA + version), one transaction on servers that run a request
as one.

Queries ask the server for SPARQL JSON results (or N-Triples for CONSTRUCT/DESCRIBE) and re-serialise
locally, so answers have the same shape and formats as the embedded store. A query timeout is a
client deadline: the request is abandoned and QueryTimeout raised; stopping the work on the server
is the server's own limit (e.g. Virtuoso's MaxQueryExecutionTime).
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator

import httpx
import pyoxigraph as ox

from policykg import __version__
from policykg.errors import BadRequest, ConfigurationError, QueryTimeout, StoreError
from policykg.graph.meta import META_GRAPH
from policykg.graph.results import QueryResult, parse_json_results
from policykg.graph.sparql_update import insert_data, iri_ref, meta_update
from policykg.graph.store import Store
from policykg.settings import Settings

#: Triples per INSERT DATA operation; servers compile each operation separately, and very large
#: ones hit compiler limits (Virtuoso refuses operations that generate too much code).
_INSERT_CHUNK = 1000
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_RESULTS_ACCEPT = "application/sparql-results+json"
_CONNECT_TIMEOUT = 10.0
_WRITE_TIMEOUT = 300.0


class ServerAuth(httpx.Auth):
    """HTTP Basic sent up front; Digest when the server refuses Basic and asks for Digest.

    Virtuoso's authenticated endpoints (/sparql-auth, /sparql-graph-crud-auth) speak Digest only, and
    answer a Basic attempt with a bare 401; most other servers (and proxies) speak Basic. The scheme
    that worked is remembered for the next requests.
    """

    requires_request_body = True

    def __init__(self, user: str, password: str) -> None:
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self._use_digest = False

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if not self._use_digest:
            response = yield next(self._basic.auth_flow(request))
            challenge = response.headers.get("www-authenticate", "").lower()
            if response.status_code != 401 or challenge.startswith("basic"):
                return
            request.headers.pop("Authorization", None)
        flow = self._digest.auth_flow(request)
        follow = next(flow)
        while True:
            response = yield follow
            try:
                follow = flow.send(response)
            except StopIteration:
                break
        if response.status_code != 401:
            self._use_digest = True


class SparqlStore(Store):
    backend = "sparql"

    def __init__(
        self,
        query_url: str,
        update_url: str = "",
        store_url: str = "",
        user: str = "",
        password: str = "",
    ) -> None:
        super().__init__()
        if not query_url:
            raise ConfigurationError("the sparql backend needs sparql_query_url")
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self._client = httpx.Client(
            auth=ServerAuth(user, password) if user else None,
            headers={"User-Agent": f"policykg/{__version__}"},
            timeout=httpx.Timeout(_WRITE_TIMEOUT, connect=_CONNECT_TIMEOUT),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> SparqlStore:
        return cls(
            settings.sparql_query_url,
            settings.sparql_update_url,
            settings.sparql_store_url,
            settings.sparql_user,
            settings.sparql_password,
        )

    # --- HTTP ---------------------------------------------------------------------------------------------
    def _send(self, request: httpx.Request, deadline: float | None = None) -> tuple[bytes, str]:
        """Sends a request and reads the whole body (and its media type), before `deadline` if given."""
        try:
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException:
            raise QueryTimeout("the SPARQL server did not answer in time") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"SPARQL server unreachable: {type(exc).__name__}") from None
        try:
            chunks = []
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                if deadline is not None and time.monotonic() > deadline:
                    raise QueryTimeout("the SPARQL server did not answer in time")
            body = b"".join(chunks)
        except httpx.TimeoutException:
            raise QueryTimeout("the SPARQL server did not answer in time") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"SPARQL server connection failed: {type(exc).__name__}") from None
        finally:
            response.close()
        if response.status_code >= 400:
            detail = body.decode("utf-8", "replace").strip()[:500]
            if response.status_code in (400, 422):
                raise BadRequest(f"the SPARQL server refused the request: {detail}", status=response.status_code)
            raise StoreError(f"SPARQL server error {response.status_code}: {detail}", status=response.status_code)
        return body, response.headers.get("content-type", "").split(";")[0].strip().lower()

    def _post_update(self, operations: list[str]) -> None:
        if not self.update_url:
            raise ConfigurationError("this store is read-only: set sparql_update_url to write")
        request = self._client.build_request(
            "POST", self.update_url, data={"update": ";\n".join(operations)}
        )
        self._send(request)

    def _gsp(self, method: str, graph_iri: str, body: bytes | None = None) -> None:
        headers = {"Content-Type": "text/turtle; charset=utf-8"} if body is not None else {}
        request = self._client.build_request(
            method, self.store_url, params={"graph": graph_iri}, content=body, headers=headers
        )
        try:
            self._send(request)
        except StoreError as exc:
            if method == "DELETE" and exc.detail.get("status") == 404:
                return
            raise

    # --- primitives --------------------------------------------------------------------------------------
    def _execute(self, sparql: str, form: str, timeout: float | None, max_rows: int | None) -> QueryResult:
        accept = _GRAPH_ACCEPT if form == "graph" else _RESULTS_ACCEPT
        request = self._client.build_request(
            "POST",
            self.query_url,
            data={"query": sparql},
            headers={"Accept": accept},
            timeout=httpx.Timeout(timeout if timeout is not None else _WRITE_TIMEOUT, connect=_CONNECT_TIMEOUT),
        )
        deadline = None if timeout is None else time.monotonic() + timeout
        body, content_type = self._send(request, deadline)
        if "json" in content_type and "ld+json" not in content_type:
            return parse_json_results(body, max_rows)
        rdf = ox.RdfFormat.from_media_type(content_type) or ox.RdfFormat.N_TRIPLES
        try:
            triples = [q.triple for q in ox.parse(body, rdf)]
        except SyntaxError as exc:
            raise StoreError(f"unreadable answer from the SPARQL server ({content_type}): {exc}") from None
        truncated = max_rows is not None and len(triples) > max_rows
        return QueryResult("graph", triples=triples[:max_rows] if truncated else triples, truncated=truncated)

    def _write_graph(self, graph_iri: str, triples: list[ox.Triple], meta: list[ox.Triple]) -> None:
        if self.store_url:
            if triples:
                self._gsp("PUT", graph_iri, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
            else:  # an empty graph is an absent one; some servers refuse an empty PUT
                self._gsp("DELETE", graph_iri)
            self._post_update(meta_update(graph_iri, meta))
            return
        ops = [f"DROP SILENT GRAPH {iri_ref(graph_iri)}"]
        ops += insert_data(graph_iri, triples, _INSERT_CHUNK)
        ops += meta_update(graph_iri, meta)
        self._post_update(ops)

    def _drop_graph(self, graph_iri: str) -> None:
        if self.store_url:
            self._gsp("DELETE", graph_iri)
            self._post_update(meta_update(graph_iri, []))
            return
        self._post_update([f"DROP SILENT GRAPH {iri_ref(graph_iri)}", *meta_update(graph_iri, [])])

    def _insert(self, quads: list[ox.Quad]) -> None:
        by_graph: dict[str, list[ox.Triple]] = {}
        for quad in quads:
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise BadRequest("the remote store only takes quads in named graphs")
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
        ops: list[str] = []
        for name, triples in by_graph.items():
            ops += insert_data(name, triples, _INSERT_CHUNK)
        if ops:
            self._post_update(ops)

    def _graph_quads(self, graph_iri: str) -> Iterator[ox.Quad]:
        result = self._execute(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri_ref(graph_iri)} {{ ?s ?p ?o }} }}", "graph", None, None
        )
        graph = ox.NamedNode(graph_iri)
        return iter([ox.Quad(t.subject, t.predicate, t.object, graph) for t in result.triples])

    def update(self, sparql: str) -> None:
        with self._write_lock:
            self._post_update([sparql])

    def close(self) -> None:
        self._client.close()


__all__ = ["META_GRAPH", "ServerAuth", "SparqlStore"]

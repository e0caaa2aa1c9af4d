"""The HTTP service: researcher API, SPARQL endpoint, interactive docs and (when installed) the web page.

`create_app(settings)` is what `policykg serve` runs under uvicorn. It refuses to build a service
whose write token is a well-known default, opens the store the settings name (unless one is given)
and wires the middleware in the order that makes refusals cheap: security headers on everything,
CORS (only when origins are configured), then rate limiting, then body limits, then the routes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Depends, FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Match, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from policykg import __version__
from policykg.api import problems, routes_meta, routes_page, routes_research, routes_sparql, routes_upload
from policykg.api.auth import check_token_setting
from policykg.api.middleware import BodyLimitMiddleware, RateLimitMiddleware, SecurityHeadersMiddleware
from policykg.api.routes_upload import MULTIPART_OVERHEAD
from policykg.api.state import ServiceState
from policykg.errors import ConfigurationError, StoreError
from policykg.settings import Settings

if TYPE_CHECKING:
    from policykg.graph.store import Store

STATIC_DIR = Path(__file__).resolve().parent / "static"

_DESCRIPTION = """A multilingual knowledge graph of Chinese climate policy: targets, deadlines, responsible
units and measures, each with the exact source passage, linked from local measures up to the national
clauses they implement.

* **Researcher API** (`/api/…`): JSON answers; the field names are stable.
* **SPARQL** (`/sparql`): the SPARQL 1.1 Protocol over the whole graph; `/api/examples` lists example
  queries.
* Every error is `application/problem+json` (RFC 9457) with a stable `code`.
"""


def cors_origins(settings: Settings) -> list[str]:
    return [o.strip() for o in str(settings.cors_origins).split(",") if o.strip()]


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn options that follow the settings (`policykg serve` passes them to `uvicorn.run`).

    X-Forwarded-For and X-Forwarded-Proto are believed only from the `trusted_proxies`; with none,
    not at all, so a client cannot choose its own address (and with it its rate-limit bucket).
    uvicorn alone would believe them from 127.0.0.1. Requests the HTTP parser refuses (a request line
    too long, a URL not percent-encoded) are answered with a problem too (`policykg.api.protocol`).
    """
    from policykg.api.protocol import ProblemHTTPProtocol

    trusted = ",".join(p.strip() for p in str(settings.trusted_proxies).split(",") if p.strip())
    return {"proxy_headers": bool(trusted), "forwarded_allow_ips": trusted, "http": ProblemHTTPProtocol}


def is_api_path(path: str) -> bool:
    return path == "/sparql" or path == "/api" or path.startswith("/api/")


class PageMount(Mount):
    """The web page at "/", for GET and HEAD outside the API only.

    A mount at "/" matches every path, which would answer a wrong method on an API route with the
    file server's 405 (and a POST to an unknown path with 405 instead of 404). Declining those
    requests leaves them to the API's own routing.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and (scope.get("method") not in ("GET", "HEAD") or is_api_path(scope["path"])):
            return Match.NONE, {}
        return super().matches(scope)


def _body_limit(settings: Settings) -> Callable[[Scope], int]:
    """Uploads may be as large as a document may be, plus the multipart envelope; other bodies are small."""
    default = int(settings.max_body_bytes)
    upload = int(settings.max_upload_bytes) + MULTIPART_OVERHEAD

    def limit_for(scope: Scope) -> int:
        if scope.get("method") == "POST" and scope.get("path") == "/api/documents":
            return upload
        return default

    return limit_for


def _warm_up(state: ServiceState) -> None:
    """Loads what every first request would otherwise load: the concept scheme and its label tables, the
    phrase normaliser of search (OpenCC and the variant table), the gazetteer (the names of coverage's
    regions: a second and a half to read), and the answer index's check against the store's graph
    versions. No answer is computed ahead."""
    from policykg.ingest.regions import gazetteer
    from policykg.ingest.script import to_simplified, variant_table
    from policykg.ontology.concepts import ConceptScheme

    ConceptScheme.load()
    gazetteer()
    state.queries.resolve_concept("碳达峰")  # a label, not an id: the label tables are built
    to_simplified("")
    variant_table()
    state.queries.run.index()


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The service over `store` (default: the store `settings` name, opened here and closed at shutdown).

    Raises ConfigurationError when the write token is a well-known default or the store cannot be
    opened: the service does not start rather than start unsafe or empty-handed.
    """
    settings = settings or Settings()
    check_token_setting(settings)
    owns_store = store is None
    if store is None:
        from policykg.graph.store import open_store

        try:
            store = open_store(settings)
        except StoreError as exc:
            raise ConfigurationError(f"cannot serve: {exc.message}") from None
    state = ServiceState(settings=settings, store=store, owns_store=owns_store)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Load the query layer (concept scheme, label tables) before the first request, not during it.
        await run_in_threadpool(_warm_up, state)
        try:
            yield
        finally:
            state.close()

    app = FastAPI(
        title="policykg",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        dependencies=[Depends(problems.known_parameters)],
        docs_url="/docs",
        redoc_url=None,
        openapi_tags=[
            {"name": "Researcher API", "description": "JSON answers to research questions."},
            {"name": "SPARQL", "description": "The SPARQL 1.1 Protocol endpoint."},
            {"name": "Service", "description": "Health and example queries."},
        ],
    )
    app.state.policykg = state
    problems.install(app)
    app.include_router(routes_meta.router)
    app.include_router(routes_upload.router)
    app.include_router(routes_research.router)
    app.include_router(routes_page.router)
    app.include_router(routes_sparql.router)
    if STATIC_DIR.is_dir():
        app.router.routes.append(PageMount("/", app=StaticFiles(directory=STATIC_DIR, html=True), name="static"))
    else:
        app.add_api_route("/", routes_meta.index, methods=["GET"], include_in_schema=False)

    # Added innermost first: the last one added sees the request first.
    app.add_middleware(BodyLimitMiddleware, limit_for=_body_limit(settings))
    app.add_middleware(RateLimitMiddleware, per_minute=int(settings.rate_limit), applies_to=is_api_path)
    origins = cors_origins(settings)
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Accept", "Authorization", "Content-Type"],
            expose_headers=[routes_sparql.TRUNCATED_HEADER, "Retry-After"],
            max_age=600,
        )
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def create_app_from_environment() -> FastAPI:
    """For `uvicorn --factory policykg.api.app:create_app_from_environment`: settings from POLICYKG_* variables.

    uvicorn's own flags then decide whether proxy headers are believed (`server_options` gives the
    values `trusted_proxies` stands for: `--no-proxy-headers` when it is empty).
    """
    return create_app(Settings())

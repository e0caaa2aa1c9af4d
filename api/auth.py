"""The write token: who may change the store through the service (uploads, SPARQL updates)."""

from __future__ import annotations

import hmac

from fastapi import Request, Security
from fastapi.security import HTTPBearer

from policykg.api.problems import ApiError
from policykg.errors import ConfigurationError
from policykg.settings import DEFAULT_TOKENS, Settings

#: Declares the bearer scheme in the OpenAPI description (the check itself is `require_write_token`).
BEARER = Security(HTTPBearer(auto_error=False, scheme_name="writeToken", description="The service's write_token"))


def check_token_setting(settings: Settings) -> None:
    """Refuses to serve with a write token left at a well-known default: anyone could guess it."""
    token = str(settings.write_token)
    if token.strip().lower() in DEFAULT_TOKENS:
        raise ConfigurationError(
            "refusing to start: write_token is a well-known default; set POLICYKG_WRITE_TOKEN to a secret "
            "of your own, or leave it empty to disable writes"
        )


def require_write_token(request: Request, settings: Settings) -> None:
    """Lets the request through only with `Authorization: Bearer <write_token>`; 403 otherwise.

    A token of only whitespace counts as none (writes disabled); surrounding whitespace is ignored.
    """
    token = str(settings.write_token).strip()
    if not token:
        raise ApiError(403, "writes_disabled", "this service accepts no writes (no write_token is set)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            403, "token_required", "writes need an 'Authorization: Bearer <write token>' header",
            headers={"WWW-Authenticate": 'Bearer realm="policykg"'},
        )
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(403, "token_invalid", "the write token is not valid")

"""Bearer-token checks: writes always need the token; reads only when the settings close them."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad.api.errors import ApiError
from marsad.api.settings import ApiSettings

_CHALLENGE = {"WWW-Authenticate": "Bearer"}
# declares the scheme in the OpenAPI document (the docs page's "Authorize" button); checks are ours
_bearer = HTTPBearer(auto_error=False, description="The server's MARSAD_API_TOKEN.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def check_token(settings: ApiSettings, credentials: HTTPAuthorizationCredentials | None, action: str) -> None:
    """RAISES (ApiError): 403 when no token is configured or the token is wrong, 401 when none is sent."""
    if not settings.token:
        raise ApiError(403, f"{action} disabled: the server has no API token (set MARSAD_API_TOKEN)",
                       "token_not_configured")
    given = credentials.credentials.strip() if credentials is not None else ""
    if not given:
        raise ApiError(401, f"{action} need a token: send 'Authorization: Bearer <token>'", headers=_CHALLENGE)
    if not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise ApiError(403, "invalid token", "invalid_token")


def require_write(request: Request, credentials: Credentials) -> None:
    """Dependency of every route that changes stored data."""
    check_token(request.app.state.settings, credentials, "writes")


def require_read(request: Request, credentials: Credentials) -> None:
    """Dependency of every route that reads stored data (a no-op while reads are open)."""
    settings: ApiSettings = request.app.state.settings
    if not settings.read_open:
        check_token(settings, credentials, "reads")

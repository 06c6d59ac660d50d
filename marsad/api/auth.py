"""Bearer-token checks: writes always need the token; reads only when the settings close them."""

from __future__ import annotations

import hmac

from fastapi import Request

from marsad.api.errors import ApiError
from marsad.api.settings import ApiSettings

_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def check_token(settings: ApiSettings, authorization: str | None, action: str) -> None:
    """RAISES (ApiError): 403 when no token is configured or the token is wrong, 401 when none is sent."""
    if not settings.token:
        raise ApiError(403, f"{action} disabled: the server has no API token (set MARSAD_API_TOKEN)",
                       "token_not_configured")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, f"{action} need a token: send 'Authorization: Bearer <token>'", headers=_CHALLENGE)
    if not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        raise ApiError(403, "invalid token", "invalid_token")


def require_write(request: Request) -> None:
    """Dependency of every route that changes stored data."""
    check_token(request.app.state.settings, request.headers.get("authorization"), "writes")


def require_read(request: Request) -> None:
    """Dependency of every route that reads stored data (a no-op while reads are open)."""
    settings: ApiSettings = request.app.state.settings
    if not settings.read_open:
        check_token(settings, request.headers.get("authorization"), "reads")

"""Dependencies shared by the routers: the backend, the settings, the text-size check."""

from __future__ import annotations

from fastapi import Request

from marsad.api.errors import ApiError
from marsad.api.service import Backend
from marsad.api.settings import ApiSettings


def backend(request: Request) -> Backend:
    return request.app.state.backend


def settings(request: Request) -> ApiSettings:
    return request.app.state.settings


def check_text_size(text: str, settings: ApiSettings) -> None:
    """RAISES (ApiError 413): when ``text`` is longer than the configured limit."""
    if len(text) > settings.max_text_chars:
        raise ApiError(413, f"text too long: {len(text)} characters (limit {settings.max_text_chars})",
                       "text_too_long")

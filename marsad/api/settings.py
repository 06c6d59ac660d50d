"""API configuration: explicit arguments first, then environment variables, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass

from marsad.errors import InputError

MAX_BODY_BYTES = 1_048_576  # 1 MiB per request body
MAX_TEXT_CHARS = 100_000  # characters of article text per request
MAX_PAGE = 1000  # events per page of GET /events
MAX_FEATURES = 20_000  # features per GET /events.geojson


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """How the API behaves.

    token: the bearer token writes need (``$MARSAD_API_TOKEN``); None disables writes.
    read_open: reads need no token (``$MARSAD_API_READ_OPEN``, default on); off: reads need it too.
    tiles_url: an online XYZ tile URL for the dashboard (``$MARSAD_TILES_URL``); None: offline basemap only.
    """

    store_url: str | None = None
    token: str | None = None
    read_open: bool = True
    max_body_bytes: int = MAX_BODY_BYTES
    max_text_chars: int = MAX_TEXT_CHARS
    tiles_url: str | None = None
    tiles_attribution: str | None = None

    @classmethod
    def resolve(cls, store_url: str | None = None, *, token: str | None = None, read_open: bool | None = None,
                max_body_bytes: int | None = None, max_text_chars: int | None = None,
                tiles_url: str | None = None, tiles_attribution: str | None = None) -> ApiSettings:
        """Settings from the arguments given, the environment for the rest, then the defaults.

        RAISES (InputError): on an unreadable environment value or a non-positive limit.
        """
        env = os.environ
        if read_open is None:
            read_open = _flag(env.get("MARSAD_API_READ_OPEN", "1"), "MARSAD_API_READ_OPEN")
        settings = cls(
            store_url=store_url,
            token=(token if token is not None else env.get("MARSAD_API_TOKEN")) or None,
            read_open=read_open,
            max_body_bytes=max_body_bytes or _int(env.get("MARSAD_API_MAX_BODY"), MAX_BODY_BYTES,
                                                  "MARSAD_API_MAX_BODY"),
            max_text_chars=max_text_chars or _int(env.get("MARSAD_API_MAX_TEXT"), MAX_TEXT_CHARS,
                                                  "MARSAD_API_MAX_TEXT"),
            tiles_url=tiles_url or env.get("MARSAD_TILES_URL") or None,
            tiles_attribution=tiles_attribution or env.get("MARSAD_TILES_ATTRIBUTION") or None,
        )
        if settings.max_body_bytes <= 0 or settings.max_text_chars <= 0:
            raise InputError("request size limits must be positive")
        return settings


def _flag(value: str, name: str) -> bool:
    low = value.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise InputError(f"invalid {name} {value!r}: expected 1 or 0")


def _int(value: str | None, default: int, name: str) -> int:
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise InputError(f"invalid {name} {value!r}: expected a number of bytes/characters") from None

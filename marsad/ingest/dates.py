"""Publication dates from the forms sources give them in, as ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re
import time

from marsad.errors import InputError

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime string, a date, or a ``time.struct_time``; None if unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    match = _ISO_DAY.match(str(value).strip())
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def check_published(value: str | None) -> str | None:
    """Validate a user-given ``--published`` date.

    RAISES (InputError): when it is not a real ``YYYY-MM-DD`` date.
    """
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) or parse_published(value) is None:
        raise InputError(f"invalid publication date {value!r}: expected YYYY-MM-DD")
    return value.strip()

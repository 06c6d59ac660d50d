"""ACLED CSV: exactly ACLED's 31 columns, in ACLED's order, so the file concatenates with an ACLED download.

Codes follow ACLED's CSV conventions: ``inter1``/``inter2`` are numeric actor-type codes (1 State
forces ... 8 External/Other forces, 0 when there is no actor), ``interaction`` is the two codes joined
lowest first (``13``; ``10`` for a one-sided event), ``iso`` is the ISO 3166-1 numeric code, dates
are ``YYYY-MM-DD``. A month-only date is written as the month's first day with time precision 3.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from marsad.dedup.dates import event_interval
from marsad.events.model import Event
from marsad.export.countries import country_facts

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

INTER_CODES = {
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "political militia": 3, "political militias": 3,
    "identity militia": 4, "identity militias": 4, "rioters": 5, "protesters": 6, "civilians": 7,
    "external/other forces": 8, "external/other force": 8,
}


def inter_code(inter: str | int | None, actor: str | None) -> int:
    """ACLED's numeric actor-type code (0 when there is no actor or the type is unknown)."""
    if isinstance(inter, int):
        return inter
    if inter and inter.strip().isdigit():
        return int(inter)
    if not actor and not inter:
        return 0
    return INTER_CODES.get((inter or "").strip().lower(), 0)


def interaction_code(inter1: int, inter2: int) -> int | None:
    if not inter1 and not inter2:
        return None
    low, high = sorted((inter1, inter2)) if inter1 and inter2 else (inter1 or inter2, 0)
    return low * 10 + high


def event_id_cnty(event: Event) -> str:
    """``ISO3`` + ``M`` + the event id's hex digits: never clashes with ACLED's numeric ids."""
    iso3 = (event.country or "XXX").upper()
    suffix = (event.event_id or "")[1:] or "0"
    return f"{iso3}M{suffix}"


def acled_row(event: Event, timestamp: int | None = None) -> dict[str, Any]:
    """One event as ACLED's 31 columns."""
    start, _ = event_interval(event.event_date)
    precision = event.time_precision or 1
    if event.event_date and len(event.event_date) < 10:
        precision = max(precision, 3)
    i1 = inter_code(event.inter1, event.actor1)
    i2 = inter_code(event.inter2, event.actor2)
    iso, english, region = country_facts(event.country)
    sources = list(dict.fromkeys(event.sources))
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": start.isoformat() if start else "",
        "year": start.year if start else "",
        "time_precision": precision,
        "disorder_type": event.disorder_type or "",
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": event.actor1 or "",
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": i1,
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": i2,
        "interaction": event.interaction if str(event.interaction or "").isdigit() else (interaction_code(i1, i2) or ""),
        "civilian_targeting": event.civilian_targeting or "",
        "iso": iso if iso is not None else "",
        "region": region or "",
        "country": event.country_name or english or (event.country or ""),
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": event.admin3 or "",
        "location": event.location or "",
        "latitude": f"{event.latitude:.4f}" if event.latitude is not None else "",
        "longitude": f"{event.longitude:.4f}" if event.longitude is not None else "",
        "geo_precision": event.geo_precision or (3 if event.unlocated else ""),
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": event.notes or (event.evidence.text if event.evidence else ""),
        "fatalities": int(event.fatalities or 0),
        "tags": "; ".join(event.tags),
        "timestamp": timestamp if timestamp is not None else int(dt.datetime.now(dt.UTC).timestamp()),
    }


def acled_rows(events: Iterable[Event], timestamp: int | None = None) -> Iterator[dict[str, Any]]:
    stamp = timestamp if timestamp is not None else int(dt.datetime.now(dt.UTC).timestamp())
    for event in events:
        yield acled_row(event, stamp)


def write_acled_csv(events: Iterable[Event], out: TextIO, timestamp: int | None = None) -> int:
    """Write the header and one row per event; RETURNS the number of rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in acled_rows(events, timestamp):
        writer.writerow(row)
        n += 1
    return n

"""Flat event records with a fixed, typed column list (shared by GeoJSON, Parquet and DataFrames)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from marsad.dedup.dates import event_interval
from marsad.events.model import Event

# name -> kind: str, int (never null), Int (nullable int), float, date, bool, list
COLUMNS: dict[str, str] = {
    "event_id": "str", "article_id": "str", "event_date": "date", "event_date_text": "str",
    "time_precision": "int", "disorder_type": "str", "event_type": "str", "sub_event_type": "str",
    "actor1": "str", "actor1_ar": "str", "assoc_actor_1": "str", "inter1": "str",
    "actor2": "str", "actor2_ar": "str", "assoc_actor_2": "str", "inter2": "str",
    "interaction": "str", "civilian_targeting": "str", "country": "str", "country_name": "str",
    "admin1": "str", "admin2": "str", "admin3": "str", "location": "str", "location_ar": "str",
    "latitude": "float", "longitude": "float", "geo_precision": "Int", "fatalities": "int",
    "fatalities_qualifier": "str", "injuries": "Int", "arrests": "Int", "role": "str", "status": "str",
    "sources": "list", "evidence_text": "str", "evidence_start": "Int", "evidence_end": "Int",
    "notes": "str", "tags": "list", "confidence": "float", "unlocated": "bool",
}


def flat_record(event: Event) -> dict[str, Any]:
    """The event as a flat dict with exactly :data:`COLUMNS` (``event_date`` a ``date``, raw text kept)."""
    d = event.to_dict()
    evidence = d.pop("evidence") or {}
    start, _ = event_interval(event.event_date)
    record = {name: d.get(name) for name in COLUMNS}
    record.update(
        event_date=start, event_date_text=event.event_date,
        evidence_text=evidence.get("text"), evidence_start=evidence.get("start"), evidence_end=evidence.get("end"),
        sources=list(event.sources), tags=list(event.tags),
        fatalities=int(event.fatalities or 0), time_precision=int(event.time_precision or 1),
        unlocated=bool(event.unlocated),
    )
    for name, kind in COLUMNS.items():
        value = record[name]
        if kind == "str" and value is not None and not isinstance(value, str):
            record[name] = str(value)
    return record


def flat_records(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield flat_record(event)

"""GeoJSON: a FeatureCollection of Point features (WGS84, ``[lon, lat]``) that opens in QGIS.

Unlocated events get ``"geometry": null`` (valid GeoJSON); list properties are joined with ``"; "``
so every property is a scalar that every GIS reads.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.events.model import Event
from marsad.export.records import flat_records


def feature(record: dict[str, Any]) -> dict[str, Any]:
    props = {}
    for key, value in record.items():
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        props[key] = value
    lat, lon = record.get("latitude"), record.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": record.get("event_id"), "geometry": geometry, "properties": props}


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [feature(r) for r in flat_records(events)]}


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """Write a FeatureCollection (one feature per line, for diffable output); RETURNS the feature count."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for record in flat_records(events):
        if n:
            out.write(",\n")
        out.write(json.dumps(feature(record), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n

"""One entry point for every export format."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, Any

from marsad.errors import InputError
from marsad.events.model import Event

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
BINARY = {"parquet"}


def export(events: Iterable[Event], fmt: str, out: IO[Any] | str | os.PathLike[str],
           extras: dict[str, dict[str, Any]] | None = None) -> int:
    """Write ``events`` in ``fmt`` to ``out`` (a path, or a stream: text for text formats); RETURNS rows.

    RAISES (InputError): for an unknown format.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if isinstance(out, str | os.PathLike):
        mode = "wb" if fmt in BINARY else "w"
        with open(out, mode, **({} if fmt in BINARY else {"encoding": "utf-8", "newline": ""})) as fp:
            return export(events, fmt, fp, extras)
    if fmt == "acled-csv":
        from marsad.export.acled import write_acled_csv

        return write_acled_csv(events, out)
    if fmt == "geojson":
        from marsad.export.geojson import write_geojson

        return write_geojson(events, out)
    if fmt == "jsonl":
        from marsad.export.jsonl import write_jsonl

        return write_jsonl(events, out, extras)
    import pyarrow.parquet as pq

    from marsad.export.table import events_table

    table = events_table(events)
    pq.write_table(table, out)
    return table.num_rows

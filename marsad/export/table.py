"""Typed tables of events: Apache Arrow (for Parquet) and pandas DataFrames (pyarrow/pandas imported lazily)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from marsad.errors import MarsadError
from marsad.events.model import Event
from marsad.export.records import COLUMNS, flat_records

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MarsadError(f"this needs {module}: pip install 'marsad[{extra}]'") from None


def arrow_schema() -> pyarrow.Schema:
    """Parquet/Arrow types: dates as timestamps (pandas datetime64, R POSIXct), counts as int64."""
    pa = _require("pyarrow", "export")
    types = {"str": pa.string(), "int": pa.int64(), "Int": pa.int64(), "float": pa.float64(),
             "date": pa.timestamp("ms"), "bool": pa.bool_(), "list": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind], nullable=kind not in ("int", "bool"))
                      for name, kind in COLUMNS.items()])


def events_table(events: Iterable[Event]) -> pyarrow.Table:
    """An Arrow table of the events; built through pandas when it is installed, so that the pandas
    metadata stored with it brings back nullable ``Int64`` columns on ``pandas.read_parquet``."""
    import datetime as dt

    pa = _require("pyarrow", "export")
    events = list(events)
    try:
        import pandas  # noqa: F401
    except ImportError:
        rows = list(flat_records(events))
        for row in rows:
            day = row["event_date"]
            row["event_date"] = dt.datetime(day.year, day.month, day.day) if day else None
        return pa.Table.from_pylist(rows, schema=arrow_schema())
    return pa.Table.from_pandas(events_frame(events), schema=arrow_schema(), preserve_index=False)


def events_frame(events: Iterable[Event]) -> pandas.DataFrame:
    """A DataFrame with one row per event: ``event_date`` datetime64, nullable ``Int64`` counts,
    float coordinates, bool ``unlocated``, string ids and names, lists for sources and tags."""
    pd = _require("pandas", "export")
    frame = pd.DataFrame.from_records(list(flat_records(events)), columns=list(COLUMNS))
    for name, kind in COLUMNS.items():
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[ms]")
        elif kind == "int":
            frame[name] = frame[name].astype("int64")
        elif kind == "Int":
            frame[name] = frame[name].astype("Int64")
        elif kind == "float":
            frame[name] = frame[name].astype("float64")
        elif kind == "bool":
            frame[name] = frame[name].astype("bool")
    return frame

"""Export events as ACLED CSV, GeoJSON, JSON Lines or Parquet.

    from marsad.export import export
    export(events, "acled-csv", sys.stdout)             # text formats write to a text stream
    export(events, "parquet", "events.parquet")          # Parquet needs a path or binary stream
"""

from marsad.export.acled import ACLED_COLUMNS, acled_rows, write_acled_csv
from marsad.export.formats import FORMATS, export
from marsad.export.geojson import feature_collection, write_geojson
from marsad.export.jsonl import write_jsonl

__all__ = ["ACLED_COLUMNS", "FORMATS", "acled_rows", "export", "feature_collection", "write_acled_csv",
           "write_geojson", "write_jsonl"]

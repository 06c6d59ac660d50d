"""Export round-trips: ACLED CSV columns, valid GeoJSON, typed Parquet, JSON Lines, and the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_event

from marsad.cli import cli
from marsad.events.model import Event
from marsad.export import ACLED_COLUMNS, export, feature_collection
from marsad.ingest.article import Article
from marsad.store import Store

# ACLED's export columns, in ACLED's order (codebook / acledR), written out independently of the code.
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                "notes,fatalities,tags,timestamp")

TEXT = "قتل ثلاثة مدنيين في غارة جوية استهدفت بلدة أطمة في ريف إدلب الشمالي، وفق مصادر محلية."


def _events() -> list[Event]:
    strike = make_event(TEXT, event_id="e0123456789abcde", fatalities=3, actor1="Military Forces of Russia",
                        inter1="External/Other forces", actor2="Civilians (Syria)", inter2="Civilians",
                        civilian_targeting="Civilian targeting", sources=["Enab Baladi", "SOHR"], tags=["night"])
    month = make_event("", event_id="e1111111111111111", event_type="Battles", sub_event_type="Armed clash",
                       event_date="2025-07", time_precision=3, actor1="Islamic State (Syria)", inter1="Rebel group",
                       actor2="Military Forces of Syria", inter2="State forces", location=None, latitude=None,
                       longitude=None, geo_precision=None, unlocated=True, admin1="Deir ez-Zor")
    return [strike, month]


def test_acled_csv_has_exactly_acleds_columns_and_codes():
    out = io.StringIO()
    assert export(_events(), "acled-csv", out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0] == ACLED_HEADER and tuple(lines[0].split(",")) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    strike, month = rows
    assert strike["event_id_cnty"] == "SYRM0123456789abcde"
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == ("2025-08-22", "2025", "1")
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")
    assert (strike["iso"], strike["region"], strike["country"]) == ("760", "Middle East", "Syria")
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == ("36.3180", "36.6670", "1")
    assert strike["source"] == "Enab Baladi; SOHR" and strike["notes"] == TEXT and strike["fatalities"] == "3"
    assert (month["event_date"], month["time_precision"], month["interaction"]) == ("2025-07-01", "3", "12")
    assert month["latitude"] == "" and month["geo_precision"] == "3"


def test_acled_csv_concatenates_with_an_acled_download():
    acled = ACLED_HEADER + "\n" + ",".join(["SYR123", "2025-08-01", "2025", "1"] + [""] * 27) + "\n"
    ours = io.StringIO()
    export(_events(), "acled-csv", ours)
    combined = acled + "".join(ours.getvalue().splitlines(keepends=True)[1:])
    rows = list(csv.DictReader(io.StringIO(combined)))
    assert len(rows) == 3 and all(None not in r and len(r) == 31 for r in rows)


def test_geojson_is_a_valid_feature_collection():
    out = io.StringIO()
    export(_events(), "geojson", out)
    data = json.loads(out.getvalue())
    assert data == json.loads(json.dumps(feature_collection(_events())))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    point, nowhere = data["features"]
    assert point["type"] == "Feature" and point["geometry"] == {"type": "Point", "coordinates": [36.667, 36.318]}
    assert nowhere["geometry"] is None
    for feature in data["features"]:
        assert all(not isinstance(v, list | dict) for v in feature["properties"].values())
    assert point["properties"]["sources"] == "Enab Baladi; SOHR" and point["properties"]["event_date"] == "2025-08-22"


def test_geojson_opens_with_a_gis_reader(tmp_path: Path):
    ogr = pytest.importorskip("osgeo.ogr", reason="GDAL Python bindings not installed")
    path = tmp_path / "events.geojson"
    export(_events(), "geojson", path)
    layer = ogr.Open(str(path)).GetLayer()
    assert layer.GetFeatureCount() == 2


def test_parquet_has_correct_dtypes(tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    path = tmp_path / "events.parquet"
    assert export(_events(), "parquet", path) == 2
    table = pq.read_table(path)
    schema = table.schema
    assert schema.field("event_date").type == pa.timestamp("ms")
    assert schema.field("fatalities").type == pa.int64() and schema.field("latitude").type == pa.float64()
    assert schema.field("sources").type == pa.list_(pa.string()) and schema.field("unlocated").type == pa.bool_()
    rows = table.to_pylist()
    assert rows[0]["sources"] == ["Enab Baladi", "SOHR"] and rows[1]["event_date_text"] == "2025-07"
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(path)
    assert frame["fatalities"].dtype == "int64" and frame["latitude"].dtype == "float64"
    assert str(frame["event_date"].dtype).startswith("datetime64") and frame["event_date"][0] == pd.Timestamp("2025-08-22")
    assert str(frame["geo_precision"].dtype) == "Int64" and frame["geo_precision"].isna()[1]
    assert frame["unlocated"].dtype == bool and frame["evidence_text"][0] == TEXT


def test_parquet_without_pandas_keeps_arrow_types(tmp_path: Path, monkeypatch):
    pq = pytest.importorskip("pyarrow.parquet")
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    path = tmp_path / "events.parquet"
    export(_events(), "parquet", path)
    monkeypatch.undo()
    rows = pq.read_table(path).to_pylist()
    assert rows[0]["event_date"].date().isoformat() == "2025-08-22" and rows[1]["geo_precision"] is None


def test_jsonl_round_trips_events():
    out = io.StringIO()
    export(_events(), "jsonl", out)
    back = [Event.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert back == _events()


def test_cli_export_every_format(tmp_path: Path):
    db = str(tmp_path / "x.db")
    with Store(db) as store:
        store.add_article(Article(TEXT, outlet="Enab Baladi"), _events()[:1])
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--format", "acled-csv", "--db", db])
    assert result.exit_code == 0 and result.stdout.splitlines()[0] == ACLED_HEADER
    assert "Enab Baladi" in result.stdout.splitlines()[1]
    result = runner.invoke(cli, ["export", "--format", "geojson", "--db", db, "--country", "SYR"])
    assert len(json.loads(result.stdout)["features"]) == 1
    result = runner.invoke(cli, ["export", "--format", "jsonl", "--db", db])
    line = json.loads(result.stdout)
    assert line["member_event_ids"] and line["merge_reasons"] == []
    result = runner.invoke(cli, ["export", "--format", "parquet", "--db", db])
    assert result.exit_code == 2 and "give --out FILE" in result.stderr
    out = tmp_path / "e.parquet"
    result = runner.invoke(cli, ["export", "--format", "parquet", "--db", db, "--out", str(out), "--raw"])
    assert result.exit_code == 0 and out.stat().st_size > 0
    result = runner.invoke(cli, ["export", "--format", "acled-csv", "--db", db, "--country", "IRQ"])
    assert result.stdout.strip() == ACLED_HEADER

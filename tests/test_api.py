"""HTTP API: every endpoint, with auth failures, size limits, malformed input and unknown ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.events.model import Event, Evidence  # noqa: E402
from marsad.web import SEED  # noqa: E402

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DEMO = [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
SAMPLE = ("دمشق - قتل ثلاثة مدنيين اليوم الثلاثاء في قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي، "
          "بحسب ما أفاد الدفاع المدني السوري.")


# What the engine should find in each demo article (a stand-in extractor keeps these tests about the
# API, whatever the engine's current output): (phrase, fields).
_KNOWN = [
    ("قصف مدفعي", dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                             actor1="Military Forces of Syria (2024-)", actor2="Civilians (Syria)", country="SYR",
                             admin1="Idleb", location="Kafr Nobol", location_ar="كفرنبل", latitude=35.6147,
                             longitude=36.5612, fatalities=2)),
    ("تظاهرة", dict(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Syria)",
                          country="SYR", admin1="As-Sweida", location="As-Sweida", location_ar="السويداء",
                          latitude=32.7068, longitude=36.5664)),
    ("عبوة ناسفة", dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                              actor2="Military Forces of Iraq (2022-)", actor2_ar="الجيش العراقي", country="IRQ",
                              admin1="Baghdad", location="At Tarmiyah", location_ar="الطارمية", latitude=33.6744,
                              longitude=44.3951, fatalities=2)),
    ("غارات جوية", dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                              actor1="Military Forces of Saudi Arabia (2015-)", actor2="Houthi Movement",
                              actor2_ar="جماعة الحوثيين", country="YEM", admin1="Al Hudaydah",
                              location="Al Hudaydah", location_ar="الحديدة", latitude=14.7978, longitude=42.9545,
                              fatalities=5)),
    ("اشتباكات عنيفة", dict(event_type="Battles", sub_event_type="Armed clash",
                                  actor1="Syrian Democratic Forces", actor1_ar="قوات سوريا الديمقراطية",
                                  country="SYR", admin1="Deir-ez-Zor", location="Deir-ez-Zor",
                                  location_ar="دير الزور", latitude=35.3319, longitude=40.1461, fatalities=3)),
    ("اختطف", dict(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
                         actor2="Civilians (Syria)", country="SYR", admin1="Dar'a", location="Dar'a",
                         location_ar="درعا", latitude=32.6241, longitude=36.1021)),
]
_DATES = {"أمس الأحد": "2025-08-10", "أمس الجمعة": "2025-08-15"}


def stub_extract(text: str, published: str | None = None, article_id: str | None = None) -> list[Event]:
    """The :data:`_KNOWN` events whose phrase ``text`` contains; evidence is the sentence around it."""
    events = []
    for phrase, fields in _KNOWN:
        at = text.find(phrase)
        if at < 0:
            continue
        start = max(text.rfind("\n", 0, at), text.rfind("،", 0, at)) + 1
        end = min(i for i in (text.find("\n", at), text.find("،", at), len(text)) if i >= 0)
        date = next((d for words, d in _DATES.items() if words in text), published)
        events.append(Event(disorder_type="Political violence", event_date=date, article_id=article_id,
                            evidence=Evidence(start, end, text[start:end]), notes=f"{fields['location']}.",
                            **fields))
    return events


def _client(tmp_path: Path, **kw) -> TestClient:
    return TestClient(create_app(str(tmp_path / "api.db"), **kw), raise_server_exceptions=False)


def _article(record: dict) -> dict:
    return {k: record[k] for k in ("text", "published", "url", "title", "outlet", "id")}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A server over a store holding the demo articles, ingested through POST /articles."""
    c = _client(tmp_path_factory.mktemp("api"), token=TOKEN, read_open=True, extractor=stub_extract)
    for record in DEMO:
        r = c.post("/articles", json=_article(record), headers=AUTH)
        assert r.status_code == 201, r.text
    return c


def _error(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) <= {"error", "message", "details"} and body["message"]
    if code:
        assert body["error"] == code
    assert "Traceback" not in r.text
    return body


# -- health, docs, config -----------------------------------------------------------------------


def test_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["database"] == "sqlite" and body["revision"]


def test_openapi_lists_every_endpoint_and_docs_are_offline(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/extract", "/articles", "/articles/{article_id}", "/events", "/events/{event_id}",
                 "/events.geojson", "/stats", "/health"):
        assert path in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_config(client: TestClient) -> None:
    assert client.get("/config.json").json() == {"read_open": True, "writes_enabled": True,
                                                 "max_text_chars": 100_000, "tiles_url": None,
                                                 "tiles_attribution": None}


def test_dashboard_page_is_served_with_a_strict_csp(tmp_path: Path) -> None:
    plain = _client(tmp_path)
    page = plain.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "http" not in csp
    assert plain.get("/static/js/main.js").status_code == 200
    assert plain.get("/static/geo/admin.topo.json").json()["type"] == "Topology"
    assert plain.get("/static/seed/articles.jsonl").status_code == 200
    _error(plain.get("/static/../settings.py"), 404)
    tiles = _client(tmp_path, tiles_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tiles.example.org;" in tiles.get("/").headers["content-security-policy"]
    assert tiles.get("/config.json").json()["tiles_url"] == "https://{s}.tiles.example.org/{z}/{x}/{y}.png"


# -- POST /extract --------------------------------------------------------------------------------


def test_extract_returns_events_with_evidence_offsets_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/stats").json()["articles"]
    r = client.post("/extract", json={"text": SAMPLE, "published": "2025-08-19"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["published"] == "2025-08-19" and body["n_events"] == len(body["events"]) == 1
    span = body["events"][0]["evidence"]
    assert SAMPLE[span["start"]:span["end"]] == span["text"]
    assert client.get("/stats").json()["articles"] == before


def test_extract_runs_the_engine(tmp_path: Path) -> None:
    r = _client(tmp_path).post("/extract", json={"text": SAMPLE, "published": "2025-08-19"})
    events = r.json()["events"]
    assert r.status_code == 200 and events
    ev = next(e for e in events if e["location_ar"] == "كفرنبل")
    assert ev["event_date"] == "2025-08-19" and ev["fatalities"] == 3
    assert SAMPLE[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]


@pytest.mark.parametrize("body, status, code", [
    ('{"text": "قصف', 400, "malformed_json"),
    ("not json at all", 400, "malformed_json"),
    ("[]", 422, "invalid_input"),
    ('{"published": "2025-08-19"}', 422, "invalid_input"),
    ('{"text": ""}', 422, "invalid_input"),
    ('{"text": "نص", "published": "2025-02-30"}', 422, "invalid_input"),
    ('{"text": "نص", "published": "19/08/2025"}', 422, "invalid_input"),
    ('{"text": "نص", "colour": "red"}', 422, "invalid_input"),
    ('{"text": 5}', 422, "invalid_input"),
])
def test_extract_rejects_bad_bodies(client: TestClient, body: str, status: int, code: str) -> None:
    r = client.post("/extract", content=body.encode(), headers={"Content-Type": "application/json"})
    err = _error(r, status, code)
    assert body not in json.dumps(err, ensure_ascii=False) or len(body) < 5  # input is not echoed back


def test_bad_date_message_names_the_field(client: TestClient) -> None:
    err = _error(client.post("/extract", json={"text": "نص", "published": "2025-13-01"}), 422)
    assert err["message"].startswith("published:") and "YYYY-MM-DD" in err["message"]


def test_oversized_bodies_get_413(tmp_path: Path) -> None:
    c = _client(tmp_path, token=TOKEN, max_body_bytes=2000, max_text_chars=300)
    big = json.dumps({"text": "ق" * 1500})  # 3 kB of UTF-8
    _error(c.post("/extract", content=big, headers={"Content-Type": "application/json"}), 413, "too_large")
    _error(c.post("/articles", content=big, headers={"Content-Type": "application/json", **AUTH}), 413)

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(10):
            yield b'{"text": "' + b"a" * 500

    _error(c.post("/extract", content=chunks(), headers={"Content-Type": "application/json"}), 413, "too_large")
    err = _error(c.post("/extract", json={"text": "ق" * 301}), 413, "text_too_long")
    assert "301" in err["message"] and "300" in err["message"]
    _error(c.post("/articles", json={"text": "ق" * 301}, headers=AUTH), 413, "text_too_long")
    assert c.post("/extract", json={"text": "ق" * 300}).status_code == 200


# -- POST /articles and GET /articles/{id} ----------------------------------------------------------


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"text": SAMPLE, "published": "2025-08-19"}
    r = client.post("/articles", json=body)
    _error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"] == "Bearer"
    _error(client.post("/articles", json=body, headers={"Authorization": "Basic dXNlcjpwYXNz"}), 401)
    _error(client.post("/articles", json=body, headers={"Authorization": "Bearer "}), 401)
    _error(client.post("/articles", json=body, headers={"Authorization": "Bearer wrong"}), 403, "invalid_token")


def test_writes_are_disabled_without_a_configured_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    c = _client(tmp_path)
    err = _error(c.post("/articles", json={"text": SAMPLE}, headers=AUTH), 403, "token_not_configured")
    assert "MARSAD_API_TOKEN" in err["message"]
    assert c.post("/extract", json={"text": SAMPLE}).status_code == 200  # extraction stays open
    assert c.get("/config.json").json()["writes_enabled"] is False


def test_token_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_API_TOKEN", "env-token")
    c = _client(tmp_path)
    _error(c.post("/articles", json={"text": SAMPLE}, headers=AUTH), 403, "invalid_token")
    r = c.post("/articles", json={"text": SAMPLE}, headers={"Authorization": "Bearer env-token"})
    assert r.status_code == 201


def test_ingest_is_idempotent_and_returns_the_stored_article(client: TestClient) -> None:
    record = DEMO[0]
    r = client.post("/articles", json=_article(record), headers=AUTH)
    assert r.status_code == 200 and r.json()["status"] == "unchanged"
    article = r.json()["article"]
    assert article["external_id"] == record["id"] and article["outlet"] == record["outlet"]
    assert article["published"] == record["published"] and article["text"] == record["text"]


def test_get_article_with_events_and_evidence(client: TestClient) -> None:
    record = DEMO[3]
    by_external = client.get(f"/articles/{record['id']}")
    assert by_external.status_code == 200
    article = by_external.json()
    assert client.get(f"/articles/{article['id']}").json() == article
    assert article["title"] == record["title"] and article["url"] == record["url"]
    assert article["events"], "the demo article reports an event"
    for ev in article["events"]:
        assert ev["article_id"] == article["id"] and ev["event_id"]
        span = ev["evidence"]
        assert article["text"][span["start"]:span["end"]] == span["text"]


def test_unknown_article_is_404(client: TestClient) -> None:
    err = _error(client.get("/articles/a000000000000000"), 404, "not_found")
    assert "a000000000000000" in err["message"]
    _error(client.get("/articles/" + "x" * 400), 422)


def test_ingest_rejects_bad_dates_and_fields(client: TestClient) -> None:
    _error(client.post("/articles", json={"text": SAMPLE, "published": "yesterday"}, headers=AUTH), 422)
    _error(client.post("/articles", json={"text": SAMPLE, "url": "u" * 3000}, headers=AUTH), 422)
    _error(client.post("/articles", content=b"{", headers={"Content-Type": "application/json", **AUTH}), 400)


# -- GET /events, /events/{id}, /events.geojson, /stats ----------------------------------------------


def test_events_page_and_total(client: TestClient) -> None:
    everything = client.get("/events").json()
    assert everything["level"] == "canonical" and everything["total"] == len(everything["items"]) >= 6
    dates = [i["event"]["event_date"] for i in everything["items"]]
    assert dates == sorted(dates, reverse=True)
    first = client.get("/events", params={"limit": 2, "offset": 0, "order": "asc"}).json()
    second = client.get("/events", params={"limit": 2, "offset": 2, "order": "asc"}).json()
    assert first["total"] == second["total"] == everything["total"]
    assert len(first["items"]) == len(second["items"]) == 2
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert len(set(ids)) == 4
    assert client.get("/events", params={"offset": 1000}).json()["items"] == []


def test_raw_level_has_one_event_per_report(client: TestClient) -> None:
    raw = client.get("/events", params={"level": "raw", "limit": 1000}).json()
    canon = client.get("/events", params={"limit": 1000}).json()
    assert raw["total"] > canon["total"]  # the two reports of the Kafr Nobol shelling merge
    assert all(i["n_articles"] == 1 and i["id"].startswith("e") for i in raw["items"])


def _ids(client: TestClient, **params) -> set[str]:
    r = client.get("/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return {i["event"]["location_ar"] for i in r.json()["items"]}


def test_event_filters(client: TestClient) -> None:
    assert _ids(client, type="Protests") == {"السويداء"}
    assert _ids(client, type="protests") == {"السويداء"}
    assert _ids(client, sub_type="Remote explosive/landmine/IED") == {"الطارمية"}
    assert _ids(client, sub_type="Armed clash", type="Protests") == set()
    assert _ids(client, country="IRQ") == {"الطارمية"}
    assert _ids(client, country="yem") == {"الحديدة"}
    assert _ids(client, admin1="idleb") == {"كفرنبل"}
    assert _ids(client, actor="الحوثيين") == {"الحديدة"}
    assert _ids(client, actor="Syrian Democratic") == {"دير الزور"}
    assert _ids(client, bbox="42,12,46,16") == {"الحديدة"}
    assert _ids(client, since="2025-08-20") == {"دير الزور", "درعا"}
    assert _ids(client, until="2025-08-10") == {"كفرنبل"}
    assert _ids(client, since="2025-08-14", until="2025-08-15") == {"السويداء", "الطارمية"}


def test_text_search(client: TestClient) -> None:
    assert _ids(client, q="خلية الإعلام الأمني") == {"الطارمية"}  # in the article text
    assert _ids(client, q="Hudaydah") == {"الحديدة"}  # in the place name
    assert _ids(client, q="تظاهرة") == {"السويداء"}  # in the title
    assert _ids(client, q="100%_") == set()  # LIKE wildcards are literal
    assert _ids(client, q="الدفاع المدني", level="raw") == {"كفرنبل"}


@pytest.mark.parametrize("params", [
    {"since": "2025-13-01"}, {"until": "yesterday"}, {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"},
    {"bbox": "0,50,10,40"}, {"limit": 0}, {"limit": 100_000}, {"offset": -1}, {"level": "merged"},
    {"order": "random"}, {"country": "SYRIA"},
])
def test_event_filters_reject_bad_values(client: TestClient, params: dict) -> None:
    unknown = {"/events": set(), "/events.geojson": {"offset", "order"}, "/stats": {"limit", "offset", "order"}}
    for path, ignored in unknown.items():
        if not set(params) & ignored:
            _error(client.get(path, params=params), 422, "invalid_input")


def test_event_detail_lists_every_source(client: TestClient) -> None:
    kafr = client.get("/events", params={"q": "كفرنبل"}).json()["items"]
    assert len(kafr) == 1 and kafr[0]["n_articles"] == 2
    detail = client.get(f"/events/{kafr[0]['id']}").json()
    assert detail["level"] == "canonical" and detail["event"]["location_ar"] == "كفرنبل"
    assert {s["outlet"] for s in detail["sources"]} == {"Demo Wire", "Demo Daily"}
    assert detail["merge_reasons"]
    for source in detail["sources"]:
        text = client.get(f"/articles/{source['article_id']}").json()["text"]
        span = source["evidence"]
        assert text[span["start"]:span["end"]] == span["text"] and "كفرنبل" in span["text"]
    raw = client.get(f"/events/{detail['sources'][0]['event_id']}").json()
    assert raw["level"] == "raw" and raw["canonical_id"] == detail["id"] and len(raw["sources"]) == 1


def test_unknown_event_is_404(client: TestClient) -> None:
    _error(client.get("/events/c0000000000000000"), 404, "not_found")
    _error(client.get("/events/" + "x" * 200), 422)


def test_geojson(client: TestClient) -> None:
    r = client.get("/events.geojson")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == len(fc["features"]) and not fc["truncated"]
    feat = next(f for f in fc["features"] if f["properties"]["location_ar"] == "الحديدة")
    lon, lat = feat["geometry"]["coordinates"]
    assert 42 < lon < 44 and 14 < lat < 16
    assert feat["id"] == feat["properties"]["id"] and feat["properties"]["level"] == "canonical"
    assert feat["properties"]["notes"] and feat["properties"]["event_type"] == "Explosions/Remote violence"
    one = client.get("/events.geojson", params={"type": "Protests", "limit": 1}).json()
    assert [f["properties"]["location_ar"] for f in one["features"]] == ["السويداء"]
    capped = client.get("/events.geojson", params={"limit": 2}).json()
    assert len(capped["features"]) == 2 and capped["truncated"] and capped["total"] == fc["total"]


def test_stats(client: TestClient) -> None:
    stats = client.get("/stats").json()
    assert stats["articles"] == len(DEMO) and stats["level"] == "canonical"
    assert sum(stats["by_type"].values()) == stats["canonical_events"]
    assert stats["by_day"]["2025-08-10"] == 1  # the two Kafr Nobol reports are one incident
    assert stats["by_day_type"]["2025-08-14"] == {"Protests": 1}
    raw = client.get("/stats", params={"level": "raw"}).json()
    assert raw["by_day"]["2025-08-10"] == 2
    iraq = client.get("/stats", params={"country": "IRQ"}).json()
    assert iraq["by_admin1"] == {"Baghdad": 1} and iraq["articles"] == len(DEMO)


# -- closed reads, errors without details ----------------------------------------------------------


def test_closed_reads_need_the_token(tmp_path: Path) -> None:
    c = _client(tmp_path, token=TOKEN, read_open=False)
    for path in ("/events", "/events.geojson", "/stats", "/events/c1", "/articles/a1"):
        _error(c.get(path), 401)
        _error(c.get(path, headers={"Authorization": "Bearer nope"}), 403)
    assert c.get("/events", headers=AUTH).status_code == 200
    assert c.get("/health").status_code == 200 and c.get("/").status_code == 200
    assert c.get("/config.json").json()["read_open"] is False


def test_closed_reads_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_API_READ_OPEN", "0")
    _error(_client(tmp_path, token=TOKEN).get("/events"), 401)
    monkeypatch.setenv("MARSAD_API_READ_OPEN", "maybe")
    from marsad.errors import InputError

    with pytest.raises(InputError, match="MARSAD_API_READ_OPEN"):
        create_app(str(tmp_path / "x.db"))


def test_internal_errors_hide_their_details(tmp_path: Path) -> None:
    def broken(text: str, published: str | None = None, **_: object) -> list:
        raise RuntimeError("secret internals at /srv/marsad")

    c = TestClient(create_app(str(tmp_path / "e.db"), extractor=broken), raise_server_exceptions=False)
    r = c.post("/extract", json={"text": SAMPLE})
    err = _error(r, 500, "internal_error")
    assert "secret" not in r.text and err["message"] == "internal server error"


def test_unknown_routes_and_methods_are_json(client: TestClient) -> None:
    _error(client.get("/nowhere"), 404, "not_found")
    _error(client.delete("/events"), 405, "method_not_allowed")


def test_postgresql_store(pg_url: str) -> None:
    """The same API over PostgreSQL: ingest, filters (ILIKE text search), sources, GeoJSON, stats."""
    c = TestClient(create_app(pg_url, token=TOKEN, extractor=stub_extract), raise_server_exceptions=False)
    for record in DEMO:
        assert c.post("/articles", json=_article(record), headers=AUTH).status_code == 201
    assert c.get("/health").json()["database"] == "postgresql"
    assert _ids(c, q="خلية الإعلام الأمني") == {"الطارمية"}
    assert _ids(c, q="hudaydah") == {"الحديدة"}  # case-insensitive on PostgreSQL too
    assert _ids(c, type="protests", since="2025-08-14", until="2025-08-14") == {"السويداء"}
    kafr = c.get("/events", params={"q": "كفرنبل"}).json()["items"]
    assert len(kafr) == 1 and len(c.get(f"/events/{kafr[0]['id']}").json()["sources"]) == 2
    assert c.get("/events.geojson").json()["total"] == c.get("/stats").json()["canonical_events"]
    assert c.get("/stats", params={"level": "raw"}).json()["by_day"]["2025-08-10"] == 2
    _error(c.get("/events/nope"), 404)
    _error(c.get("/events", params={"since": "2025-99-01"}), 422)

"""Store tests, run against SQLite and a real PostgreSQL server (see conftest.py)."""

from __future__ import annotations

import json

import pytest
from conftest import make_event

from marsad.errors import InputError
from marsad.ingest.article import Article, Skipped
from marsad.store import Store

TEXT_ATMEH = "قتل ثلاثة مدنيين في غارة جوية استهدفت بلدة أطمة في ريف إدلب الشمالي فجر الجمعة."
TEXT_MAYADIN = "هاجم مسلحون حاجزا لقوى الأمن الداخلي في مدينة الميادين بريف دير الزور الشرقي."
TEXT_KIRKUK = "انفجرت عبوة ناسفة بسيارة مدنية على طريق في مدينة كركوك ما أدى إلى مقتل شخصين."


def _atmeh(**kw):
    fields = dict(fatalities=3, actor1="Military Forces of Russia", inter1="External/Other forces")
    return make_event(TEXT_ATMEH, **{**fields, **kw})


def _mayadin(**kw):
    fields = dict(event_type="Battles", sub_event_type="Armed clash", event_date="2025-08-15",
                  admin1="Deir ez-Zor", location="Al Mayadin", latitude=35.019, longitude=40.451,
                  actor1="Islamic State (Syria)", actor1_ar="تنظيم الدولة", actor2="Internal Security Forces",
                  fatalities=2)
    fields.update(kw)
    return make_event(TEXT_MAYADIN, **fields)


def _kirkuk():
    return make_event(TEXT_KIRKUK, event_type="Explosions/Remote violence",
                      sub_event_type="Remote explosive/landmine/IED", event_date="2025-09", time_precision=3,
                      country="IRQ", country_name="Iraq", admin1="Kirkuk", location="Kirkuk",
                      latitude=35.468, longitude=44.392, fatalities=2)


def test_add_article_then_query_by_every_filter(store: Store):
    store.add_article(Article(TEXT_ATMEH, published="2025-08-22", outlet="Enab Baladi", url="https://x.test/1"),
                      [_atmeh()])
    store.add_article(Article(TEXT_MAYADIN, published="2025-08-15"), [_mayadin()])
    store.add_article(Article(TEXT_KIRKUK, published="2025-09-03"), [_kirkuk()])

    def locs(**f):
        return sorted(e.location for e in store.events(**f))

    assert locs() == ["Al Mayadin", "Atmeh", "Kirkuk"]
    assert locs(since="2025-08-16") == ["Atmeh", "Kirkuk"]
    assert locs(until="2025-08-20") == ["Al Mayadin"]
    assert locs(since="2025-09-10") == ["Kirkuk"]  # a month-precision date overlaps the range
    assert locs(country="irq") == ["Kirkuk"]
    assert locs(admin1="deir ez-zor") == ["Al Mayadin"]
    assert locs(type="Battles") == ["Al Mayadin"]
    assert locs(type="air/drone strike") == ["Atmeh"]
    assert locs(actor="russia") == ["Atmeh"]
    assert locs(actor="Islamic State") == ["Al Mayadin"]
    assert locs(actor="تنظيم الدولة") == ["Al Mayadin"]
    assert locs(bbox="36,35,37,37") == ["Atmeh"]
    assert locs(bbox=(39, 34, 46, 36)) == ["Al Mayadin", "Kirkuk"]
    assert locs(country="SYR", since="2025-08-01", until="2025-08-31", type="Battles") == ["Al Mayadin"]
    ev = store.events(actor="russia")[0]
    assert ev.evidence.text == TEXT_ATMEH and ev.fatalities == 3 and ev.event_id and ev.article_id


def test_bad_filters_are_input_errors(store: Store):
    with pytest.raises(InputError):
        store.events(since="yesterday")
    with pytest.raises(InputError):
        store.events(bbox="1,2,3")
    with pytest.raises(InputError):
        store.events(bbox="0,10,5,5")  # south above north


def test_same_article_is_stored_once_by_url_or_text(store: Store):
    first = store.add_article(Article(TEXT_ATMEH, url="https://x.test/a/"), [_atmeh()], engine_version="v1")
    same_text = store.add_article(Article(TEXT_ATMEH + "  \n"), [_atmeh()], engine_version="v1")
    same_url = store.add_article(Article(TEXT_ATMEH + " تحديث", url="https://x.test/a#top"), [_atmeh()],
                                 engine_version="v1")
    assert first.status == "new"
    assert same_text.status == "unchanged" and same_text.article_id == first.article_id
    assert same_url.article_id == first.article_id
    assert store.stats().articles == 1 and len(store.events()) == 1
    assert same_text.event_ids == first.event_ids


def test_reextraction_updates_events_in_place_with_stable_ids(store: Store):
    article = Article(TEXT_ATMEH, published="2025-08-22")
    v1 = store.add_article(article, [_atmeh(), _mayadin()], engine_version="v1")
    # engine v2: the Atmeh event gets a better fatality figure, the Mayadin one disappears, a new one appears
    v2 = store.add_article(article, [_atmeh(fatalities=4), _kirkuk()], engine_version="v2")
    assert v2.status == "updated" and v2.article_id == v1.article_id
    assert v2.event_ids[0] == v1.event_ids[0]
    events = {e.event_id: e for e in store.events()}
    assert set(events) == set(v2.event_ids)
    assert events[v1.event_ids[0]].fatalities == 4
    assert store.article(v1.article_id).engine_version == "v2"
    from sqlalchemy import select

    from marsad.store.schema import event_articles

    with store.engine.connect() as conn:
        links = {r.event_id: (r.article_id, r.evidence_start, r.evidence_end)
                 for r in conn.execute(select(event_articles))}
    assert links == {i: (v1.article_id, 0, len(TEXT_ATMEH) if i == v1.event_ids[0] else len(TEXT_KIRKUK))
                     for i in v2.event_ids}


def test_event_ids_are_deterministic_across_databases(tmp_path):
    ids = []
    for name in ("one.db", "two.db"):
        with Store(str(tmp_path / name)) as s:
            ids.append(s.add_article(Article(TEXT_ATMEH), [_atmeh(), _atmeh()]).event_ids)
    assert ids[0] == ids[1] and len(set(ids[0])) == 2


def test_article_lookup_by_id_and_external_id(store: Store):
    result = store.add_article(Article(TEXT_MAYADIN, id="dz-17", title="هجوم", outlet="AFP",
                                       published="2025-08-15", origin="feed.jsonl:3"), [_mayadin()])
    by_id, by_ext = store.article(result.article_id), store.article("dz-17")
    assert by_id == by_ext
    assert by_id.text == TEXT_MAYADIN and by_id.outlet == "AFP" and by_id.published == "2025-08-15"
    assert [e.event_id for e in by_id.events] == result.event_ids
    assert store.article("nope") is None


def test_skipped_items_are_recorded_and_cleared_on_success(store: Store):
    store.record_issue(Skipped("feed.jsonl:3", "empty"))
    store.record_issue(Skipped("https://x.test/down", "could not fetch URL: offline", kind="failed"))
    stats = store.stats()
    assert (stats.skipped, stats.failed) == (1, 1)
    store.add_article(Article(TEXT_ATMEH, origin="feed.jsonl:3"), [])
    assert [i.origin for i in store.issues()] == ["https://x.test/down"]


def test_stats_and_canonical_events_merge_reports_across_articles(store: Store):
    store.add_article(Article(TEXT_ATMEH, outlet="Enab Baladi"), [_atmeh()])
    other = "أفادت مصادر محلية بمقتل أربعة مدنيين جراء غارة روسية على أطمة شمالي إدلب."
    store.add_article(Article(other, outlet="Syria TV"), [make_event(other, fatalities=4,
                                                                    actor1="Military Forces of Russia")])
    store.add_article(Article(TEXT_MAYADIN, outlet="AFP"), [_mayadin()])
    canon = store.canonical_events()
    assert len(canon) == 2
    atmeh = next(c for c in canon if c.event.location == "Atmeh")
    assert len(atmeh.event_ids) == 2 and len(atmeh.article_ids) == 2
    assert atmeh.event.fatalities == 3  # the lowest figure
    assert atmeh.event.sources[:2] == ["Enab Baladi", "Syria TV"]
    assert atmeh.reasons and "same day 2025-08-22" in atmeh.reasons[0]
    stats = store.stats()
    assert (stats.articles, stats.events, stats.canonical_events, stats.sources) == (3, 3, 2, 3)
    assert stats.by_day == {"2025-08-15": 1, "2025-08-22": 1}
    assert stats.by_admin1 == {"Deir ez-Zor": 1, "Idlib": 1}
    assert store.stats(level="raw").by_day == {"2025-08-15": 1, "2025-08-22": 2}
    assert [c.id for c in store.canonical_events(admin1="Idlib")] == [atmeh.id]
    # rebuilding is deterministic
    store.rebuild_canonical()
    assert [c.to_dict() for c in store.canonical_events()] == [c.to_dict() for c in canon]


def test_reextraction_invalidates_clusters(store: Store):
    a = store.add_article(Article(TEXT_ATMEH), [_atmeh()], engine_version="v1")
    other = "غارة جوية روسية على أطمة."
    store.add_article(Article(other), [make_event(other, actor1="Military Forces of Russia")], engine_version="v1")
    assert len(store.canonical_events()) == 1
    store.add_article(Article(TEXT_ATMEH), [], engine_version="v2")  # the event is gone from article a
    canon = store.canonical_events()
    assert len(canon) == 1 and a.article_id not in canon[0].article_ids


def test_events_frame_has_typed_columns(store: Store):
    pd = pytest.importorskip("pandas")
    store.add_article(Article(TEXT_ATMEH), [_atmeh()])
    store.add_article(Article(TEXT_KIRKUK), [_kirkuk()])
    frame = store.events_frame(country="SYR")
    assert len(frame) == 1
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["fatalities"].dtype == "int64" and frame["latitude"].dtype == "float64"
    assert str(frame["geo_precision"].dtype) == "Int64" and frame["unlocated"].dtype == bool
    assert frame.loc[0, "event_date"] == pd.Timestamp("2025-08-22")
    assert len(store.events_frame(canonical=True)) == 2


def test_migrations_create_exactly_the_declared_schema(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from marsad.store.schema import metadata

    store = Store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    store.close()
    assert diff == []


def test_plain_paths_urls_and_env_resolve(tmp_path, monkeypatch):
    from marsad.store.urls import resolve_url

    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).endswith("env.db")
    monkeypatch.delenv("MARSAD_DB")
    monkeypatch.chdir(tmp_path)
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'marsad.db'}"
    with pytest.raises(InputError):
        Store(str(tmp_path / "no" / "such" / "dir.db"))


def test_cli_db_commands_and_bad_databases(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import cli

    runner = CliRunner()
    db = str(tmp_path / "fresh.db")
    result = runner.invoke(cli, ["db", "upgrade", "--db", db])
    assert result.exit_code == 0 and "revision 0001" in result.stdout
    assert "already at revision 0001" in runner.invoke(cli, ["db", "upgrade", "--db", db]).stdout
    stats = json.loads(runner.invoke(cli, ["db", "stats", "--db", db]).stdout)
    assert stats["articles"] == 0 and stats["by_day"] == {}
    assert runner.invoke(cli, ["db", "dedup", "--db", db]).stdout.strip() == "0 canonical event(s)"
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("hello")
    for bad in (str(not_a_db), "postgresql://nobody@127.0.0.1:1/none", str(tmp_path / "missing" / "x.db")):
        result = runner.invoke(cli, ["events", "--db", bad])
        assert result.exit_code == 2 and result.stderr.startswith("Error: "), result.output
        assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1


def _open_and_report(url: str) -> str | None:
    with Store(url) as s:
        return s.revision()


def test_processes_opening_a_fresh_database_at_once(db_url):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("fork")) as pool:
        assert set(pool.map(_open_and_report, [db_url] * 4)) == {"0001"}


def test_incremental_dedup_after_each_batch_equals_a_full_rebuild(store: Store):
    from test_dedup import REPORTS, build_set

    events, _ = build_set()
    order = list(range(len(events)))[::2] + list(range(len(events)))[1::2]  # interleave incidents
    for start in range(0, len(order), 6):
        for k in order[start:start + 6]:
            _, outlet, text, _ = REPORTS[k]
            store.add_article(Article(text, outlet=outlet), [events[k]])
        store.canonical_events()  # re-clusters what changed (incremental)
    incremental = sorted(sorted(c.event_ids) for c in store.canonical_events())
    store.rebuild_canonical()
    full = sorted(sorted(c.event_ids) for c in store.canonical_events())
    assert incremental == full
    assert len(full) == 23  # 22 written incidents, one false merge, two missed merges (see test_dedup)

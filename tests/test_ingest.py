"""Ingest: readers for every source kind, bad-input handling, idempotent re-ingest, workers, CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.events.model import Event, Evidence
from marsad.ingest import Article, Skipped, ingest, iter_articles
from marsad.ingest.checks import text_problem
from marsad.store import Store

SHELLING = "قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم وأدى إلى مقتل مدنيين اثنين."
CLASH = "اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور كبانة في ريف اللاذقية الشمالي."
RAID = "داهمت قوة أمنية منزلا في حي الشعار بمدينة حلب واعتقلت ثلاثة أشخاص بتهمة التعامل مع خلايا مسلحة."

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة المرصد</title><link>https://feed.test/</link>
<item><title>قصف على كفرنبل</title><link>https://feed.test/1</link>
<pubDate>Fri, 22 Aug 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;{shelling}&lt;/p&gt;&lt;p&gt;{more}&lt;/p&gt;</description></item>
<item><title>اشتباكات في كبانة</title><link>https://feed.test/2</link>
<pubDate>Thu, 21 Aug 2025 18:30:00 GMT</pubDate><description>{clash}</description></item>
</channel></rss>""".format(shelling=SHELLING, clash=CLASH, more="وقال ناشطون إن القصف طال منازل المدنيين.")

HTML = f"""<html><head><title>مداهمة في حلب</title>
<meta property="article:published_time" content="2025-08-19T09:00:00+03:00">
<meta property="og:site_name" content="حلب اليوم"></head>
<body><nav>الرئيسية | أخبار</nav><article><h1>مداهمة في حلب</h1><p>{RAID}</p>
<p>وقالت مصادر محلية إن المعتقلين نقلوا إلى فرع الأمن العسكري في المدينة.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def fake_extract(text: str, published: str | None = None, *, article_id: str | None = None) -> list[Event]:
    """One event per known trigger word, with exact evidence offsets (module-level: picklable)."""
    out = []
    for word, etype, sub in (("قصف", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
                             ("اشتباكات", "Battles", "Armed clash"), ("داهمت", "Strategic developments", "Arrests")):
        at = text.find(word)
        if at >= 0:
            out.append(Event(etype, sub, event_date=published, country="SYR", admin1="Idlib",
                             evidence=Evidence(at, at + len(word), word), article_id=article_id))
    return out


def fake_extract_v2(text: str, published: str | None = None, *, article_id: str | None = None) -> list[Event]:
    """'Engine v2': the same events, now with a fatality figure."""
    events = fake_extract(text, published, article_id=article_id)
    for event in events:
        event.fatalities = 1
    return events


def broken_extract(text: str, published: str | None = None, *, article_id: str | None = None) -> list[Event]:
    if "داهمت" in text:
        raise RuntimeError("engine bug")
    return fake_extract(text, published, article_id=article_id)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with every kind of input, good and bad, nested."""
    root = tmp_path / "articles"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "shelling.txt").write_text(SHELLING, encoding="utf-8")
    (root / "nested" / "feed.xml").write_text(FEED, encoding="utf-8")
    (root / "nested" / "raid.html").write_text(HTML, encoding="utf-8")
    lines = [json.dumps({"id": "j1", "published": "2025-08-20", "url": "https://site.test/j1", "outlet": "AFP",
                         "text": CLASH + " وأكدت المصادر سقوط جرحى."}, ensure_ascii=False),
             "{not json", json.dumps({"id": "j3"}), ""]
    (root / "nested" / "deeper" / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (root / "english.txt").write_text("Shelling hit the town this morning, local sources said. " * 3)
    (root / "empty.txt").write_text("   \n")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (root / "legacy.txt").write_bytes(("اعتقلت دورية أمنية شابين في مدينة سلقين بريف إدلب الغربي مساء أمس.").encode("cp1256"))
    (root / ".hidden.txt").write_text(SHELLING)
    return root


def test_folder_yields_every_article_and_a_reason_for_every_bad_item(corpus: Path):
    items = list(iter_articles([str(corpus)], published="2025-08-22"))
    good = [i for i in items if isinstance(i, Article)]
    bad = {Path(i.origin.split(":")[0]).name + (":" + i.origin.split(":")[1] if ":" in i.origin else ""): i.reason
           for i in items if isinstance(i, Skipped)}
    assert len(good) == 6  # txt, legacy cp1256 txt, 2 feed entries, html, 1 jsonl line
    assert bad["english.txt"].startswith("not Arabic")
    assert bad["empty.txt"] == "empty"
    assert bad["photo.jpg"] == "binary content"
    assert bad["batch.jsonl:2"].startswith("invalid JSON")
    assert bad["batch.jsonl:3"] == "no 'text' field"
    by_origin = {a.origin: a for a in good}
    assert by_origin[str(corpus / "shelling.txt")].published == "2025-08-22"  # --published for plain text
    feed = [a for a in good if a.url and a.url.startswith("https://feed.test/")]
    assert [(a.published, a.outlet) for a in feed] == [("2025-08-22", "وكالة المرصد"), ("2025-08-21", "وكالة المرصد")]
    assert feed[0].text == SHELLING + "\nوقال ناشطون إن القصف طال منازل المدنيين." and feed[0].title == "قصف على كفرنبل"
    html = next(a for a in good if a.origin.endswith("raid.html"))
    assert RAID in html.text and html.published == "2025-08-19" and html.outlet == "حلب اليوم"
    assert "الرئيسية" not in html.text and "الحقوق" not in html.text
    jl = next(a for a in good if a.id == "j1")
    assert (jl.published, jl.url, jl.outlet) == ("2025-08-20", "https://site.test/j1", "AFP")
    assert any("سلقين" in a.text for a in good)


@pytest.mark.parametrize(("text", "problem"), [
    ("", "empty"), (" \n\t", "empty"), ("hello world " * 10, "not Arabic"), ("قصف", "not Arabic"),
    (SHELLING, None), (SHELLING + " (AFP) Reuters", None),
])
def test_text_problem(text, problem):
    found = text_problem(text)
    assert (found or "").startswith(problem or "") and (found is None) == (problem is None)


def test_stdin_json_and_text():
    items = list(iter_articles(["-"], published="2025-08-01", stdin=io.BytesIO(SHELLING.encode())))
    assert [(a.text, a.published, a.origin) for a in items] == [(SHELLING, "2025-08-01", "<stdin>")]
    record = json.dumps({"id": "s1", "text": CLASH, "published": "2025-07-30"}, ensure_ascii=False)
    (item,) = iter_articles(["-"], stdin=io.BytesIO(record.encode()))
    assert (item.id, item.published) == ("s1", "2025-07-30")


def test_url_fails_clearly_when_offline(monkeypatch):
    import marsad.ingest.web as web

    def offline(url, timeout=0):
        raise web.FetchError("network unavailable or host unreachable (Name or service not known)")

    monkeypatch.setattr(web, "fetch", offline)
    (item,) = iter_articles(["https://news.test/story/1"])
    assert isinstance(item, Skipped) and item.kind == "failed"
    assert item.reason.startswith("could not fetch URL: network unavailable")


def test_url_article_and_feed_are_read(monkeypatch):
    import marsad.ingest.web as web

    pages = {"https://news.test/a": HTML.encode(), "https://news.test/rss": FEED.encode()}
    monkeypatch.setattr(web, "fetch", lambda url, timeout=0: pages[url])
    (page,) = iter_articles(["https://news.test/a"])
    assert page.url == "https://news.test/a" and RAID in page.text
    assert len(list(iter_articles(["https://news.test/rss"]))) == 2


def test_ingest_is_idempotent_and_counts_everything(corpus: Path, tmp_path: Path):
    store = Store(str(tmp_path / "m.db"))
    first = ingest([str(corpus)], store, published="2025-08-22", extractor=fake_extract)
    assert (first.ingested, first.unchanged, first.skipped, first.failed) == (6, 0, 5, 0)
    assert first.events == 5 and first.canonical is not None
    again = ingest([str(corpus)], store, published="2025-08-22", extractor=fake_extract)
    assert (again.ingested, again.updated, again.unchanged, again.events) == (0, 0, 6, 0)
    stats = store.stats()
    assert (stats.articles, stats.events) == (6, 5)
    ids = sorted(e.event_id for e in store.events())
    same = ingest([str(corpus)], store, published="2025-08-22", extractor=fake_extract, reextract=True)
    assert (same.updated, same.unchanged) == (0, 6)  # re-extracted, same output: nothing written
    upgraded = ingest([str(corpus)], store, published="2025-08-22", extractor=fake_extract_v2)
    assert upgraded.updated == 6  # a new engine version re-extracts everything, in place
    assert sorted(e.event_id for e in store.events()) == ids
    assert {e.fatalities for e in store.events()} == {1}


def test_extractor_errors_are_failures_not_crashes(corpus: Path, tmp_path: Path):
    store = Store(str(tmp_path / "m.db"))
    summary = ingest([str(corpus)], store, published="2025-08-22", extractor=broken_extract)
    assert summary.failed == 1 and summary.ingested == 5
    (failure,) = store.issues("failed")
    assert failure.origin.endswith("raid.html") and "RuntimeError: engine bug" in failure.reason


def test_workers_give_the_same_store_as_one_process(corpus: Path, tmp_path: Path):
    results = []
    for workers in (1, 2):
        store = Store(str(tmp_path / f"w{workers}.db"))
        summary = ingest([str(corpus)], store, published="2025-08-22", extractor=fake_extract, workers=workers)
        results.append((summary.ingested, summary.skipped, [e.to_dict() for e in store.events()]))
    assert results[0] == results[1]


def test_cli_ingest_events_and_errors(corpus: Path, tmp_path: Path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    args = ["ingest", str(corpus), "--published", "2025-08-22", "--db", db,
            "--extractor", "tests.test_ingest:fake_extract"]
    result = runner.invoke(cli, args)
    if result.exit_code != 0 and "cannot load extractor" in result.output:  # tests/ not importable as a package
        args[-1] = "fake"
        result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "ingested 6" in result.stdout and "skipped 5" in result.stdout
    assert "english.txt: not Arabic" in result.stderr
    again = runner.invoke(cli, args)
    assert "ingested 0" in again.stdout and "unchanged 6" in again.stdout
    listed = runner.invoke(cli, ["events", "--db", db, "--raw", "--format", "json"])
    assert len(json.loads(listed.stdout)) >= 5
    issues = runner.invoke(cli, ["db", "issues", "--db", db])
    assert issues.stdout.count("\n") == 5

    for bad, message in ((["ingest", str(tmp_path / "missing.txt"), "--db", db], "no such file or folder"),
                         (["ingest", str(corpus), "--published", "22/08/2025", "--db", db], "invalid publication date"),
                         (["ingest", str(corpus), "--db", db, "--extractor", "no.such:thing"], "cannot load extractor"),
                         (["events", "--db", db, "--since", "last week"], "invalid --since")):
        result = runner.invoke(cli, bad)
        assert result.exit_code == 2 and message in result.stderr, (bad, result.output)
        assert "Traceback" not in result.output


def test_seed_article_ingests_when_available(tmp_path: Path):
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
    if not seed.exists():
        pytest.skip(f"seed article not found at {seed}")
    store = Store(str(tmp_path / "seed.db"))
    summary = ingest([str(seed)], store, published="2025-08-22", extractor=fake_extract)
    assert summary.ingested == 1 and summary.skipped == 0
    (aid,) = store.article_ids()
    assert store.article(aid).text == seed.read_text(encoding="utf-8")


def test_a_store_error_on_one_article_fails_that_item_only(corpus: Path, tmp_path: Path, monkeypatch):
    from sqlalchemy.exc import DataError

    store = Store(str(tmp_path / "m.db"))
    real_add = store.add_article

    def flaky_add(article, *args, **kwargs):
        if article.origin.endswith("shelling.txt"):
            raise DataError("INSERT ...", {}, Exception("value too long for type character varying(300)"))
        return real_add(article, *args, **kwargs)

    monkeypatch.setattr(store, "add_article", flaky_add)
    summary = ingest([str(corpus)], store, published="2025-08-22", extractor=fake_extract)
    assert (summary.ingested, summary.failed) == (5, 1)
    (failure,) = store.issues("failed")
    assert failure.origin.endswith("shelling.txt") and "value too long" in failure.reason


def test_progress_bar_reports_rate_and_events(corpus: Path, tmp_path: Path, capsys):
    store = Store(str(tmp_path / "m.db"))
    ingest([str(corpus)], store, published="2025-08-22", extractor=fake_extract, progress=True)
    err = capsys.readouterr().err
    assert "articles/s" in err and "events=5" in err

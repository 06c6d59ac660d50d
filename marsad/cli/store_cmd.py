"""`marsad ingest`, `marsad events`, `marsad export` and `marsad db ...`: thin wrappers over marsad.store."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from marsad.errors import InputError

DB_HELP = "Database: a path (SQLite) or postgresql://user@host/db. Default: $MARSAD_DB or ./marsad.db."


def _db_option(func: Callable) -> Callable:
    return click.option("--db", "db", metavar="URL", envvar="MARSAD_DB", help=DB_HELP)(func)


def _filter_options(func: Callable) -> Callable:
    options = [
        click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Events on or before DATE (YYYY-MM-DD)."),
        click.option("--country", metavar="ISO3", help="Country code, e.g. SYR."),
        click.option("--admin1", metavar="NAME", help="First-level unit (governorate), English name."),
        click.option("--type", "type_", metavar="TYPE", help="ACLED event type or sub-event type."),
        click.option("--actor", metavar="NAME", help="Part of an actor's name (English or Arabic)."),
        click.option("--bbox", metavar="W,S,E,N", help="Bounding box in degrees: west,south,east,north."),
        click.option("--raw", is_flag=True, help="One event per article report, not merged incidents."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from marsad.store import Store

    return Store(db)


def _filters(kw: dict[str, Any]) -> dict[str, Any]:
    from marsad.store import parse_bbox

    return {"since": kw["since"], "until": kw["until"], "country": kw["country"], "admin1": kw["admin1"],
            "type": kw["type_"], "actor": kw["actor"], "bbox": parse_bbox(kw["bbox"])}


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for plain-text sources that carry none.")
@_db_option
@click.option("--workers", "-j", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Extraction processes.")
@click.option("--reextract", is_flag=True, help="Re-run extraction on articles already stored (ids stay stable).")
@click.option("--no-dedup", is_flag=True, help="Do not re-cluster canonical events afterwards.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--extractor", metavar="NAME", hidden=True,
              help="Extractor to run: the engine (default), 'fake', or module:function (tests, benchmarks).")
def ingest_cmd(sources: tuple[str, ...], published: str | None, db: str | None, workers: int, reextract: bool,
               no_dedup: bool, progress: bool | None, extractor: str | None) -> None:
    """Read articles, extract their events and store them (idempotent: re-running adds nothing new).

    SOURCE is a file (.txt, .html, .json, .jsonl, .rss/.xml), a folder (read recursively), a feed
    or article URL, or - for stdin. Unusable items are skipped with a reason; the batch goes on.

    \b
    Examples:
      marsad ingest article.txt --published 2025-08-22
      marsad ingest articles/ feeds/sana.xml --workers 4 --db postgresql://marsad@localhost/marsad
      cat story.txt | marsad ingest - --published 2025-08-22
    """
    from marsad.ingest import ingest
    from marsad.ingest.dates import check_published
    from marsad.ingest.extractor import load_extractor
    from marsad.ingest.sources import check_sources

    published = check_published(published)
    check_sources(sources)
    load_extractor(extractor)  # fail early on a bad --extractor
    store = _open(db)
    if progress is None:
        progress = sys.stderr.isatty()
    summary = ingest(sources, store, published=published, workers=workers, extractor=extractor,
                     reextract=reextract, dedup=not no_dedup, progress=progress)
    for item in summary.issues[:20]:
        click.echo(f"{item.kind}: {item.origin}: {item.reason}", err=True)
    more = summary.skipped + summary.failed - min(20, len(summary.issues))
    if more > 0:
        click.echo(f"... and {more} more (marsad db issues)", err=True)
    click.echo(summary.line())
    if summary.interrupted:
        click.echo("interrupted: everything written so far is kept; run the same command to resume", err=True)
        sys.exit(130)


def _selected(db: str | None, kw: dict[str, Any], limit: int | None = None) -> tuple[list, dict]:
    """The events the filters select (canonical unless --raw) and per-event extra fields."""
    store = _open(db)
    filters = _filters(kw)
    if kw["raw"]:
        return store.events(**filters, limit=limit), {}
    canon = store.canonical_events(**filters, limit=limit)
    extras = {c.id: {"member_event_ids": c.event_ids, "article_ids": c.article_ids, "merge_reasons": c.reasons}
              for c in canon}
    return [c.event for c in canon], extras


def _cut(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command("events")
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@_db_option
def events_cmd(fmt: str, limit: int | None, db: str | None, **kw: Any) -> None:
    """List stored events (merged incidents unless --raw), oldest first.

    \b
    Examples:
      marsad events --since 2025-08-01 --country SYR --admin1 Idlib
      marsad events --type "Air/drone strike" --bbox 35.5,35.0,37.5,37.0 --format json
    """
    events, extras = _selected(db, kw, limit)
    if fmt == "json":
        click.echo(json.dumps([{**e.to_dict(), **extras.get(e.event_id, {})} for e in events],
                              ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        from marsad.export import write_jsonl

        write_jsonl(events, click.get_text_stream("stdout"), extras)
        return
    columns = (("id", 16), ("date", 10), ("sub_event_type", 26), ("location", 20), ("admin1", 16),
               ("country", 7), ("fatal", 5), ("actor1", 28), ("reports", 7))
    click.echo("  ".join(name.ljust(width) for name, width in columns).rstrip())
    for e in events:
        reports = len(extras.get(e.event_id, {}).get("member_event_ids", [])) or 1
        values = (e.event_id, e.event_date, e.sub_event_type, e.location, e.admin1, e.country, e.fatalities,
                  e.actor1, reports)
        click.echo("  ".join(_cut(v, w).ljust(w) for v, (_, w) in zip(values, columns, strict=True)).rstrip())
    click.echo(f"{len(events)} event(s)", err=True)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "geojson", "jsonl", "parquet"]), required=True)
@click.option("--out", "-o", type=click.Path(dir_okay=False, writable=True), help="Output file (default: stdout).")
@_filter_options
@_db_option
def export_cmd(fmt: str, out: str | None, db: str | None, **kw: Any) -> None:
    """Export events (merged incidents unless --raw) for pandas, R and QGIS.

    acled-csv has exactly ACLED's 31 columns in ACLED's order; Parquet needs --out.

    \b
    Examples:
      marsad export --format acled-csv > events.csv
      marsad export --format geojson --country SYR --out syria.geojson
      marsad export --format parquet --out events.parquet
    """
    from marsad.export import export

    if fmt == "parquet" and not out:
        raise InputError("parquet is a binary format: give --out FILE")
    events, extras = _selected(db, kw)
    target = out if out else click.get_text_stream("stdout")
    n = export(events, fmt, target, extras if fmt == "jsonl" else None)
    click.echo(f"{n} event(s) exported" + (f" to {out}" if out else ""), err=True)


@click.group("db")
def db_group() -> None:
    """Manage the event database (schema upgrades, statistics, deduplication)."""


@db_group.command("upgrade")
@_db_option
def db_upgrade(db: str | None) -> None:
    """Create the schema or apply pending migrations (done automatically on every open)."""
    from marsad.store import Store
    from marsad.store.urls import display_url

    store = Store(db, upgrade=False)
    before, after = store.upgrade()
    state = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    click.echo(f"{display_url(store.url)}: {state} revision {after}")


@db_group.command("stats")
@click.option("--raw", is_flag=True, help="Count article reports, not merged incidents.")
@_db_option
def db_stats(raw: bool, db: str | None) -> None:
    """Counts of articles, events and incidents, by day, type and admin1 (JSON)."""
    click.echo(json.dumps(_open(db).stats(level="raw" if raw else "canonical").to_dict(),
                          ensure_ascii=False, indent=2))


@db_group.command("dedup")
@_db_option
def db_dedup(db: str | None) -> None:
    """Re-cluster every stored event into canonical (merged) events."""
    n = _open(db).rebuild_canonical()
    click.echo(f"{n} canonical event(s)")


@db_group.command("issues")
@click.option("--kind", type=click.Choice(["skipped", "failed"]), help="Only this kind.")
@_db_option
def db_issues(kind: str | None, db: str | None) -> None:
    """Input items that were skipped or failed, with the reason."""
    for item in _open(db).issues(kind):
        click.echo(f"{item.kind}\t{item.origin}\t{item.reason}")


COMMANDS: list[click.Command] = [ingest_cmd, events_cmd, export_cmd, db_group]

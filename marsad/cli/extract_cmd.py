"""`marsad extract` and `marsad eval`: run the engine on articles, score it against gold."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from marsad.errors import InputError

_TABLE_COLUMNS = ("role", "event_date", "sub_event_type", "actor1", "actor2", "location", "admin1", "fatalities")


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from marsad.doc import parse_published

    try:
        return parse_published(value).isoformat()
    except InputError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("extract")
@click.argument("source", metavar="PATH|-")
@click.option("--published", callback=_check_date, help="Publication date (YYYY-MM-DD) for plain-text input.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "table"]), default="json",
              show_default=True, help="Output format; jsonl writes one {id, events} line per article (FORMAT.md).")
def extract_command(source: str, published: str | None, fmt: str) -> None:
    """Extract events from an article file, a folder, JSON Lines or stdin ('-').

    \b
    Examples:
      marsad extract examples/article.txt --published 2025-08-22 --format table
      marsad extract articles.jsonl --format jsonl > system.jsonl
    """
    import marsad
    from marsad.io import read_articles

    rows = []
    for art in read_articles(source, published):
        events = marsad.extract(art.text, published=art.published, article_id=art.id)
        rows.append((art.id, [e.to_dict() for e in events]))
    _write(rows, fmt)


def _write(rows: list[tuple[str, list[dict]]], fmt: str) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for art_id, events in rows:
            out.write(json.dumps({"id": art_id, "events": events}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        flat = [e for _, events in rows for e in events]
        out.write(json.dumps(flat, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        events = [e for _, evs in rows for e in evs]
        cols = [c for c in (events[0].keys() if events else []) if c not in ("evidence",)] + ["evidence_text"]
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for e in events:
            e = dict(e, evidence_text=(e.get("evidence") or {}).get("text"))
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v) for k, v in e.items()})
    else:
        for art_id, events in rows:
            click.echo(f"# {art_id}: {len(events)} event(s)")
            for e in events:
                click.echo("  " + " | ".join(str(e.get(c)) for c in _TABLE_COLUMNS))
                click.echo(f"    {e.get('notes')}")


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), help="Also write the system output (FORMAT.md JSONL) here.")
@click.option("--per-article", is_flag=True, help="Print gold/system/matched counts per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--floors", type=click.Path(dir_okay=False),
              help="JSON file of minimum scores; exit 1 when any score falls below its floor.")
def eval_command(gold: str, out: str | None, per_article: bool, as_json: bool, floors: str | None) -> None:
    """Extract every article of a gold file and score the events (FORMAT.md rules).

    \b
    Example:
      marsad eval ../shared/eval/dev.jsonl --out system.jsonl --floors eval-floors.json
    """
    import marsad
    from marsad.eval.scoring import score
    from marsad.io import read_articles

    gold_rows = []
    for n, line in enumerate(_read(gold).splitlines(), 1):
        if line.strip():
            try:
                gold_rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{gold}:{n}: not valid JSON ({exc.msg})") from None
    system: dict[str, list[dict]] = {}
    for art in read_articles(gold):
        system[art.id] = [e.to_dict() for e in marsad.extract(art.text, published=art.published, article_id=art.id)]
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for art_id, events in system.items():
                f.write(json.dumps({"id": art_id, "events": events}, ensure_ascii=False) + "\n")
    report = score(gold_rows, system)
    summary = report.summary()
    if as_json:
        click.echo(json.dumps(summary, indent=1))
    else:
        if per_article:
            for a in report.per_article:
                click.echo(f"  {a['id']:<16} gold {a['gold']:>2}  system {a['system']:>2}  matched {a['matched']:>2}")
        click.echo(f"articles {summary['articles']}  gold events {summary['gold_events']} "
                   f"(primary {summary['primary_gold_events']})  system events {summary['system_events']}")
        for k, v in summary["field_accuracy"].items():
            click.echo(f"  {k:<15} {'-' if v is None else f'{v:.3f}'}  (n={summary['field_counts'][k]})")
        click.echo(f"  median km      {summary['median_km']}")
        click.echo(f"precision {summary['precision']:.3f}  recall(primary) {summary['recall_primary']:.3f}  "
                   f"recall(all) {summary['recall_all']:.3f}  F1 {summary['f1']:.3f}")
    if floors:
        failures = check_floors(summary, json.loads(_read(floors)))
        for msg in failures:
            click.echo(f"below floor: {msg}", err=True)
        if failures:
            sys.exit(1)


def check_floors(summary: dict, floors: dict) -> list[str]:
    """Scores under their recorded floors (higher is better except median_km and max_* entries)."""
    failures = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        if key == "median_km":
            value = summary.get("median_km")
            if value is None or value > floor:
                failures.append(f"median_km {value} > {floor}")
            continue
        value = summary["field_accuracy"].get(key) if key in summary["field_accuracy"] else summary.get(key)
        if value is None or value < floor:
            failures.append(f"{key} {value} < {floor}")
    return failures


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


COMMANDS: list[click.Command] = [extract_command, eval_command]

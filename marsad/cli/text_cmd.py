"""`marsad text`: debug view of the text layer (tokens, sentences, dateline, numbers, dates)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from marsad.errors import InputError


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a text file")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        name = path
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None


def _published(value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a YYYY-MM-DD date") from None


def analyse(text: str, published: dt.date | None) -> dict:
    """Everything the text layer finds in ``text``, as plain data (what `marsad text` prints)."""
    from marsad.text.dates import find_dates
    from marsad.text.numbers import find_quantities
    from marsad.text.sentences import find_dateline, split_paragraphs, split_sentences
    from marsad.text.tokens import tokenize

    tokens = tokenize(text)
    dateline = find_dateline(text)
    return {
        "published": published.isoformat() if published else None,
        "characters": len(text),
        "tokens": [{"text": t.text, "start": t.start, "end": t.end, "kind": t.kind, "key": t.key} for t in tokens],
        "paragraphs": len(split_paragraphs(text)),
        "sentences": [asdict(s) for s in split_sentences(text)],
        "dateline": asdict(dateline) if dateline else None,
        "quantities": [asdict(q) for q in find_quantities(tokens, text)],
        "dates": [asdict(d) for d in find_dates(tokens, published, text=text)],
    }


def _short(s: str, width: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _table(result: dict, show_tokens: bool) -> str:
    lines = [
        f"characters: {result['characters']}  tokens: {len(result['tokens'])}  "
        f"paragraphs: {result['paragraphs']}  sentences: {len(result['sentences'])}  "
        f"published: {result['published'] or '-'}",
    ]
    d = result["dateline"]
    if d:
        lines.append(
            f"dateline: {d['place_text']} [{d['place_start']}:{d['place_end']}]"
            f"  country: {d['country_text'] or '-'}  outlet: {d['outlet'] or '-'}  body from: {d['end']}"
        )
    else:
        lines.append("dateline: -")
    if show_tokens:
        lines.append("")
        lines.append("tokens (start:end kind text key):")
        for t in result["tokens"]:
            lines.append(f"  {t['start']}:{t['end']}\t{t['kind']}\t{t['text']}\t{t['key']}")
    lines.append("")
    lines.append("sentences (index paragraph start:end text):")
    for s in result["sentences"]:
        lines.append(f"  {s['index']}\tp{s['paragraph']}\t{s['start']}:{s['end']}\t{_short(s['text'])}")
    lines.append("")
    lines.append("quantities (start:end text value role qualifier vague):")
    for q in result["quantities"]:
        lines.append(
            f"  {q['start']}:{q['end']}\t{q['text']}\t{q['value']}\t{q['role']}"
            f"\t{q['qualifier'] or '-'}\t{'vague' if q['vague'] else '-'}"
        )
    lines.append("")
    lines.append("dates (start:end text value precision kind past offset_days):")
    for m in result["dates"]:
        offset = "-" if m["offset_days"] is None else m["offset_days"]
        lines.append(
            f"  {m['start']}:{m['end']}\t{m['text']}\t{m['value'] or '-'}\t{m['precision']}"
            f"\t{m['kind']}\t{'past' if m['past'] else '-'}\t{offset}"
        )
    return "\n".join(lines)


@click.command("text")
@click.argument("path", metavar="PATH|-")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date that relative dates resolve against.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--tokens", "show_tokens", is_flag=True, help="List every token (table format).")
def text_command(path: str, published: str | None, fmt: str, show_tokens: bool) -> None:
    """Show what the text layer finds in an article: tokens, sentences, dateline, numbers and dates.

    PATH is a UTF-8 text file, or - for standard input. Every item is printed with its character
    offsets in the original text.

    \b
    Example:
      marsad text ../shared/seed/article.txt --published 2025-08-22
    """
    pub = _published(published)
    result = analyse(_read(path), pub)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        click.echo(_table(result, show_tokens))


COMMANDS: list[click.Command] = [text_command]

"""Read articles from files: plain text, HTML, JSON, JSON Lines (FORMAT.md article format); walk folders."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.ingest.article import Article, Skipped
from marsad.ingest.checks import decode, looks_binary
from marsad.ingest.dates import parse_published

TEXT = "text"
HTML = "html"
JSON = "json"
JSONL = "jsonl"
FEED = "feed"

SUFFIX_KINDS = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".json": JSON,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".rss": FEED, ".atom": FEED, ".xml": FEED,
}

Item = Article | Skipped


def walk(folder: Path) -> Iterator[Path]:
    """Every regular file under ``folder``, recursively, in sorted order, skipping hidden entries."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            yield path


def sniff(data: bytes) -> str:
    """Guess the kind of an input from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        stripped = data.strip()
        if stripped.startswith(b"{") and b"\n{" in stripped.replace(b"\r\n", b"\n"):
            return JSONL
        return JSON
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return FEED
        return HTML
    return TEXT


def read_path(path: Path, published: str | None = None) -> Iterator[Item]:
    """The articles in one file (several for JSONL, JSON lists and feeds)."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(origin, f"unreadable: {exc.strerror or exc}")
        return
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    yield from read_bytes(data, origin, kind=kind, published=published)


def read_bytes(data: bytes, origin: str, kind: str | None = None, published: str | None = None,
               url: str | None = None) -> Iterator[Item]:
    """The articles in ``data`` read as ``kind`` (sniffed when None)."""
    if looks_binary(data):
        yield Skipped(origin, "binary content")
        return
    if kind is None or (kind == FEED and sniff(data) == HTML):
        kind = sniff(data)
    if kind == FEED:
        from marsad.ingest.feeds import read_feed

        yield from read_feed(data, origin, published=published)
        return
    try:
        text = decode(data)
    except UnicodeDecodeError:
        yield Skipped(origin, "unreadable: not UTF-8, UTF-16 or Windows-1256 text")
        return
    if kind == HTML:
        from marsad.ingest.web import html_to_article

        yield html_to_article(text, origin, url=url, published=published)
    elif kind == JSON:
        yield from _read_json(text, origin, published)
    elif kind == JSONL:
        yield from _read_jsonl(text, origin, published)
    else:
        yield Article(text=text, origin=origin, published=published, url=url)


def record_to_article(record: Any, origin: str, published: str | None = None) -> Item:
    """An article from a FORMAT.md article object (``id``, ``published``, ``url``, ``outlet``, ``title``, ``text``)."""
    if not isinstance(record, dict):
        return Skipped(origin, f"not an article object (got {type(record).__name__})")
    text = record.get("text")
    if not isinstance(text, str):
        return Skipped(origin, "no 'text' field" if text is None else "'text' is not a string")
    raw_id = record.get("id")
    meta = {k: v for k, v in record.items() if k not in {"id", "text", "published", "url", "outlet", "title", "events"}}
    return Article(
        text=text,
        id=str(raw_id) if raw_id not in (None, "") else None,
        url=_str_or_none(record.get("url")),
        title=_str_or_none(record.get("title")),
        outlet=_str_or_none(record.get("outlet")),
        published=parse_published(record.get("published")) or published,
        origin=origin,
        meta=meta,
    )


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _read_json(text: str, origin: str, published: str | None) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\n{" in text:  # a JSON Lines file with a .json suffix
            yield from _read_jsonl(text, origin, published)
        else:
            yield Skipped(origin, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        yield record_to_article(record, origin if len(records) == 1 else f"{origin}#{i}", published)


def _read_jsonl(text: str, origin: str, published: str | None) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"invalid JSON: {exc.msg}")
            continue
        yield record_to_article(record, where, published)

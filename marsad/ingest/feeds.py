"""Read articles from an RSS or Atom feed (feedparser): one article per entry."""

from __future__ import annotations

import re
from collections.abc import Iterator

from marsad.ingest.article import Article, Skipped
from marsad.ingest.dates import parse_published

_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|blockquote)>")


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), one line per paragraph."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    import lxml.html

    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml raises several types on broken markup
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def read_feed(data: bytes, origin: str, published: str | None = None) -> Iterator[Article | Skipped]:
    """The entries of a feed document; the feed title becomes each article's outlet."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        yield Skipped(origin, f"not a readable feed: {problem}" if problem else "feed has no entries")
        return
    outlet = parsed.get("feed", {}).get("title") or None
    for i, entry in enumerate(entries):
        where = entry.get("link") or f"{origin}#{i}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry["content"]), key=len)
        if len(entry.get("summary", "")) > len(body):
            body = entry["summary"]
        date = parse_published(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield Article(
            text=html_fragment_to_text(body),
            id=entry.get("id") or None,
            url=entry.get("link") or None,
            title=html_fragment_to_text(entry.get("title", "")) or None,
            outlet=outlet,
            published=date or published,
            origin=where,
        )

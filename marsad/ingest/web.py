"""Articles from the web: fetch a URL, pull an HTML page's main text and metadata (trafilatura)."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

from marsad.ingest.article import Article, Skipped
from marsad.ingest.dates import parse_published

USER_AGENT = "marsad/0.1 (+https://github.com/marsad)"
TIMEOUT_S = 30


class FetchError(Exception):
    """A URL that could not be fetched (offline, DNS, HTTP error)."""


def fetch(url: str, timeout: float = TIMEOUT_S) -> bytes:
    """The body at ``url``.

    RAISES (FetchError): with a one-line reason when it cannot be fetched.
    """
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"network unavailable or host unreachable ({exc.reason})") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise FetchError(str(exc) or type(exc).__name__) from None


def html_to_article(html: str, origin: str, url: str | None = None, published: str | None = None) -> Article | Skipped:
    """The main text of an HTML page with its title, site name, date and canonical URL."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return Skipped(origin, "no article text found in HTML")
    return Article(
        text=doc.text,
        url=url or doc.url or None,
        title=doc.title or None,
        outlet=doc.sitename or None,
        published=parse_published(doc.date) or published,
        origin=origin,
    )


def read_url(url: str, published: str | None = None) -> Iterator[Article | Skipped]:
    """The article at an article URL, or the entries of a feed URL."""
    from marsad.ingest.files import FEED, read_bytes, sniff

    try:
        data = fetch(url)
    except FetchError as exc:
        yield Skipped(url, f"could not fetch URL: {exc}", kind="failed")
        return
    kind = sniff(data)
    if kind == FEED:
        yield from read_bytes(data, url, kind=FEED, published=published)
    else:
        yield from read_bytes(data, url, kind=kind, published=published, url=url)

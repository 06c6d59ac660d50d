"""marsad: Arabic conflict news -> structured, geocoded, dated ACLED-style events."""

from marsad.events.model import Event, Evidence

__version__ = "0.1.0"
__all__ = ["Event", "Evidence", "extract", "__version__"]


def extract(text: str, published: str | None = None, *, article_id: str | None = None) -> list[Event]:
    """Extract the conflict events an Arabic article reports.

    text: the article body, as published.
    published: publication date (YYYY-MM-DD) that relative dates resolve against.
    RETURNS: events, primary first, each with exact evidence offsets into ``text``.
    """
    from marsad.pipeline import extract_events

    return extract_events(text, published=published, article_id=article_id)

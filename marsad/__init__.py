"""marsad: Arabic conflict news -> structured, geocoded, dated ACLED-style events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad import native  # noqa: F401  (first: decides between the compiled and the Python modules)
from marsad.events.model import Event, Evidence

if TYPE_CHECKING:
    from marsad.store import Store

__version__ = "0.1.0"
__all__ = ["Event", "Evidence", "Store", "extract", "__version__"]


def extract(text: str, published: str | None = None, *, article_id: str | None = None) -> list[Event]:
    """Extract the conflict events an Arabic article reports.

    text: the article body, as published.
    published: publication date (YYYY-MM-DD) that relative dates resolve against.
    article_id: carried into each event's ``article_id`` and ``event_id``.
    RETURNS: events, primary first, each with exact evidence offsets into ``text``.
    """
    from marsad.pipeline import extract_events

    return extract_events(text, published=published, article_id=article_id)


def __getattr__(name: str) -> Any:
    if name == "Store":  # imported lazily: the store pulls in SQLAlchemy
        from marsad.store import Store

        return Store
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")

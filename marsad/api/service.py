"""The API's handle on marsad: one Store, the extractor, and a lock so only one request re-clusters."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import text

from marsad.api.schemas import ArticleIn, ArticleOut
from marsad.events.model import Event
from marsad.ingest.article import Article
from marsad.store import AddResult, Store, StoredArticle

Extractor = Callable[..., list[Event]]


class Backend:
    """What the routes call: extraction, storing, and keeping canonical events current."""

    def __init__(self, store: Store, extractor: Extractor | None = None) -> None:
        self.store = store
        self._extractor = extractor
        self._dedup_lock = threading.Lock()

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            from marsad.ingest.extractor import default_extractor

            self._extractor = default_extractor()
        return self._extractor

    def extract(self, text: str, published: str | None) -> list[Event]:
        return list(self.extractor(text, published=published))

    def ingest(self, body: ArticleIn) -> tuple[AddResult, ArticleOut]:
        """Store the article and its events (idempotent), then re-cluster canonical events."""
        article = Article(text=body.text, id=body.id, url=body.url, title=body.title, outlet=body.outlet,
                          published=body.published, origin="api")
        result = self.store.add_article(article, extractor=self._extractor)
        if result.status != "unchanged":
            self.refresh_canonical()
        stored = self.store.article(result.article_id)
        assert stored is not None  # just written
        return result, article_out(stored)

    def refresh_canonical(self) -> None:
        """Re-cluster what changed when some stored event is not yet in a canonical event (as ingest
        does; one request at a time)."""
        if not self.store.needs_dedup():
            return
        with self._dedup_lock:
            if self.store.needs_dedup():
                self.store.rebuild_canonical(incremental=True)

    def reader(self, level: str = "canonical") -> Store:
        """The store to read ``level`` events from (canonical events are brought up to date first)."""
        if level == "canonical":
            self.refresh_canonical()
        return self.store

    def ping(self) -> None:
        with self.store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))


def article_out(stored: StoredArticle) -> ArticleOut:
    """The API shape of a stored article (all but its text hash)."""
    data = stored.to_dict()
    data.pop("text_hash", None)
    return ArticleOut(**{**data, "events": stored.events})

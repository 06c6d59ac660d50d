"""Storage: one schema (SQLAlchemy 2 + Alembic) for SQLite and PostgreSQL, behind the :class:`Store` API."""

from marsad.store.store import AddResult, Stats, Store, StoredArticle, parse_bbox
from marsad.store.urls import resolve_url

__all__ = ["AddResult", "Stats", "Store", "StoredArticle", "parse_bbox", "resolve_url"]

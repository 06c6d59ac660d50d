"""The database schema (SQLAlchemy Core): articles, sources, events, event-article links, canonical events.

The Alembic migrations in ``marsad/store/migrations`` create exactly these tables; a test checks
that they agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _event_columns() -> list[Column]:
    """The event fields that raw and canonical events both keep as columns for queries (new objects
    each call: a Column belongs to one table)."""
    return [
        Column("event_type", String(100), index=True),
        Column("sub_event_type", String(100)),
        Column("event_date", String(10)),
        Column("date_start", Date, index=True),
        Column("date_end", Date, index=True),
        Column("country", String(3), index=True),
        Column("admin1", String(200), index=True),
        Column("location", String(300)),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("fatalities", Integer, nullable=False, default=0),
        Column("actors", Text),  # lower-cased actor names and Arabic mentions, for --actor
    ]


sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(40), primary_key=True),
    Column("external_id", String(300), index=True),
    Column("url", Text, unique=True),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("meta", JSON),
    Column("engine_version", String(100)),
    Column("n_events", Integer, nullable=False, default=0),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extracted_at", DateTime(timezone=True)),
)

canonical_events = Table(
    "canonical_events", metadata,
    Column("id", String(40), primary_key=True),
    *_event_columns(),
    Column("n_events", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    *_event_columns(),
    Column("role", String(20)),
    Column("canonical_id", String(40), ForeignKey("canonical_events.id", ondelete="SET NULL"), index=True),
    Column("merge_reason", Text),
    Column("data", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

event_articles = Table(
    "event_articles", metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
)

ingest_issues = Table(
    "ingest_issues", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # skipped | failed
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_ingest_issues_origin", "origin"),
)

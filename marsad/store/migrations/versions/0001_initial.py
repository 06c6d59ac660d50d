"""Initial schema: sources, articles, canonical events, events, event-article links, ingest issues.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _event_columns() -> list[sa.Column]:
    return [
        sa.Column("event_type", sa.String(100)),
        sa.Column("sub_event_type", sa.String(100)),
        sa.Column("event_date", sa.String(10)),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("country", sa.String(3)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("location", sa.String(300)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("actors", sa.Text),
    ]


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("external_id", sa.String(300)),
        sa.Column("url", sa.Text, unique=True),
        sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id")),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("origin", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("meta", sa.JSON),
        sa.Column("engine_version", sa.String(100)),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.Column("extracted_at", TZ),
    )
    for col in ("external_id", "source_id", "published"):
        op.create_index(f"ix_articles_{col}", "articles", [col])

    op.create_table(
        "canonical_events",
        sa.Column("id", sa.String(40), primary_key=True),
        *_event_columns(),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        *_event_columns(),
        sa.Column("role", sa.String(20)),
        sa.Column("canonical_id", sa.String(40), sa.ForeignKey("canonical_events.id", ondelete="SET NULL")),
        sa.Column("merge_reason", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    for table in ("canonical_events", "events"):
        for col in ("event_type", "date_start", "date_end", "country", "admin1"):
            op.create_index(f"ix_{table}_{col}", table, [col])
    op.create_index("ix_events_article_id", "events", ["article_id"])
    op.create_index("ix_events_canonical_id", "events", ["canonical_id"])

    op.create_table(
        "event_articles",
        sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
    )
    op.create_table(
        "ingest_issues",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_ingest_issues_origin", "ingest_issues", ["origin"])


def downgrade() -> None:
    for table in ("ingest_issues", "event_articles", "events", "canonical_events", "articles", "sources"):
        op.drop_table(table)

"""Typed request and response bodies (pydantic); events and evidence reuse marsad's own dataclasses."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from marsad.errors import InputError
from marsad.events.model import Event, Evidence
from marsad.ingest.dates import check_published

Level = Literal["canonical", "raw"]


class ExtractIn(BaseModel):
    """An article to extract events from (nothing is stored)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text (Arabic); evidence offsets index it.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD; anchors relative dates.",
                                  examples=["2025-08-22"])

    @field_validator("published")
    @classmethod
    def _valid_day(cls, value: str | None) -> str | None:
        try:
            return check_published(value)
        except InputError as exc:
            raise ValueError(str(exc)) from None


class ArticleIn(ExtractIn):
    """An article to store, with its metadata; its events are extracted on the server."""

    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=300, description="The publishing outlet, e.g. SANA.")
    id: str | None = Field(None, max_length=300, description="The source's own id, kept as external_id.")


class ExtractOut(BaseModel):
    published: str | None
    n_events: int
    events: list[Event]


class EventItem(BaseModel):
    """One event: a canonical incident (merged across reports) or one article's report (``raw``)."""

    id: str
    level: Level
    n_articles: int
    article_ids: list[str]
    event: Event


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, over all pages.")
    limit: int
    offset: int
    level: Level
    items: list[EventItem]


class SourceOut(BaseModel):
    """An article that reports the event, and the span of its text that does."""

    article_id: str
    event_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    evidence: Evidence | None


class EventDetail(EventItem):
    canonical_id: str | None = Field(None, description="For a raw event: the incident it was merged into.")
    merge_reasons: list[str] = []
    sources: list[SourceOut]


class ArticleOut(BaseModel):
    id: str
    external_id: str | None
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    origin: str | None
    text: str
    engine_version: str | None
    ingested_at: str
    extracted_at: str | None
    events: list[Event]


class ArticleIngestOut(BaseModel):
    status: Literal["new", "updated", "unchanged"]
    article: ArticleOut


class StatsOut(BaseModel):
    articles: int
    events: int
    canonical_events: int
    sources: int
    skipped: int
    failed: int
    level: Level
    by_day: dict[str, int]
    by_type: dict[str, int]
    by_admin1: dict[str, int]
    by_day_type: dict[str, dict[str, int]] = Field(description="Events per day, split by event type.")


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
    revision: str | None
    engine_version: str


class ClientConfig(BaseModel):
    """What the dashboard needs to know about this server."""

    read_open: bool
    writes_enabled: bool
    max_text_chars: int
    tiles_url: str | None
    tiles_attribution: str | None

"""The extraction pipeline: article text -> events (placeholder until the engine lands)."""

from __future__ import annotations

from marsad.events.model import Event


def extract_events(text: str, published: str | None = None, article_id: str | None = None) -> list[Event]:
    return []

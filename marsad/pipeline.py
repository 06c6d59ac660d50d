"""The extraction pipeline: article text -> events, one recogniser per step."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from marsad.doc import Doc, build_doc
from marsad.events.assemble import build_incidents, to_events
from marsad.events.model import Event
from marsad.events.notes import describe
from marsad.events.roles import assign_actors
from marsad.recognisers.actors import find_actors
from marsad.recognisers.triggers import find_triggers


def _places(doc: Doc) -> list[Any]:
    from marsad.geo import resolve

    return list(resolve(doc.text))


def _dates(doc: Doc) -> list[Any]:
    from marsad.text.dates import find_dates

    return list(find_dates(doc.tokens, doc.published))


def _fallback_place(doc: Doc, places: list[Any]) -> Any | None:
    """Where the article is, when a sentence says nothing: the dateline, else its most named place."""
    if not places:
        return None
    head = [p for p in places if p.start < 200 and p.place.kind != "country"]
    counts = Counter(getattr(p.place, "id", p.place.name) for p in places if p.place.kind != "country")
    if head:
        return head[0]
    if counts:
        top = counts.most_common(1)[0][0]
        return next(p for p in places if getattr(p.place, "id", p.place.name) == top)
    return places[0]


def extract_events(text: str, published: str | dt.date | None = None, article_id: str | None = None) -> list[Event]:
    doc = build_doc(text, published, article_id)
    triggers = find_triggers(doc)
    if not triggers:
        return []
    places = _places(doc)
    dates = _dates(doc)
    actors = find_actors(doc)
    incidents = build_incidents(doc, triggers, places, dates, actors)
    events = to_events(doc, incidents, actors, _fallback_place(doc, places), assign_actors, describe)
    for i, ev in enumerate(events, 1):
        ev.article_id = article_id
        ev.event_id = f"{article_id or 'article'}-e{i}"
    events.sort(key=lambda e: e.role != "primary")
    return events

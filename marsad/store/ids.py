"""Deterministic ids: articles from their first text hash, events from article + type + place + date + ordinal."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from marsad.events.model import Event


def article_id_for(text_hash: str) -> str:
    return "a" + text_hash[:15]


def _place_key(event: Event) -> str:
    for value in (event.location, event.location_ar, event.admin2, event.admin1, event.country):
        if value:
            return value.strip().casefold()
    return ""


def event_ids(article_id: str, events: Sequence[Event]) -> list[str]:
    """Stable ids for an article's events: re-extracting the same events yields the same ids.

    The key is (article, event type, place, date); the ordinal tells apart events sharing a key,
    in the order the extractor returned them.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    ids = []
    for event in events:
        key = (event.event_type or "", _place_key(event), event.event_date or "")
        ordinal = seen[key]
        seen[key] += 1
        digest = hashlib.sha1("|".join((article_id, *key, str(ordinal))).encode("utf-8")).hexdigest()
        ids.append("e" + digest[:15])
    return ids

"""The event record: what marsad extracts, stores and exports (plain, JSON-serialisable)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Evidence:
    """Exact span of the article text that reports an event."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """One ACLED-style event (one type, one place, one day, one actor pair).

    Field names follow ACLED's columns where ACLED has one; ``country`` is the
    ISO 3166-1 alpha-3 code (``country_name`` carries the English name).
    """

    event_type: str
    sub_event_type: str
    disorder_type: str = ""
    event_date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    time_precision: int = 1  # 1 day, 2 week, 3 month or coarser
    actor1: str | None = None
    actor1_ar: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    actor2_ar: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    civilian_targeting: str | None = None
    country: str | None = None
    country_name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    fatalities_qualifier: str | None = None  # "at_least", "more_than", "about" ...
    injuries: int | None = None
    arrests: int | None = None
    role: str = "primary"  # primary | background
    status: str = "occurred"  # occurred | foiled | claimed | alleged
    sources: list[str] = field(default_factory=list)
    evidence: Evidence | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    confidence: float = 0.5
    unlocated: bool = False
    article_id: str | None = None
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        ev = known.get("evidence")
        if isinstance(ev, dict):
            known["evidence"] = Evidence(**ev)
        return cls(**known)

"""A fast, deterministic stand-in extractor for benchmarks and crash tests (not for real use).

It reports one "Explosions/Remote violence" event per paragraph containing قصف, and one "Battles"
event per paragraph containing اشتباك, with the paragraph as evidence. ``MARSAD_FAKE_DELAY`` (seconds)
makes each call sleep, to simulate a slow engine.
"""

from __future__ import annotations

import os
import time

from marsad.events.model import Event, Evidence

_TRIGGERS = (
    ("قصف", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("اشتباك", "Battles", "Armed clash"),
)


def fake_extract(text: str, published: str | None = None, *, article_id: str | None = None) -> list[Event]:
    delay = float(os.environ.get("MARSAD_FAKE_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)
    events: list[Event] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        for trigger, event_type, sub_type in _TRIGGERS:
            if trigger in paragraph:
                events.append(Event(
                    event_type=event_type, sub_event_type=sub_type, disorder_type="Political violence",
                    event_date=published, country="SYR", country_name="Syria", admin1="Idlib",
                    location="Idlib", latitude=35.93, longitude=36.63, geo_precision=2,
                    evidence=Evidence(start, end, paragraph), article_id=article_id,
                ))
        start = end + 1
    return events

"""A fast, deterministic stand-in extractor for benchmarks and crash tests (not for real use).

One event per paragraph that contains a trigger (قصف: shelling, اشتباك: armed clash, اعتقل/دهم:
arrests), placed at the first known town the text names (else Idlib, near-precision), dated by the
publication date, with the paragraph as evidence. ``MARSAD_FAKE_DELAY`` (seconds) makes each call
sleep, to simulate a slow engine.
"""

from __future__ import annotations

import os
import time

from marsad.events.model import Event, Evidence

_TRIGGERS = (
    ("قصف", "Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("اشتباك", "Battles", "Armed clash", "Political violence"),
    ("اعتقل", "Strategic developments", "Arrests", "Strategic developments"),
    ("دهم", "Strategic developments", "Arrests", "Strategic developments"),
)
# Arabic name, English name, admin1, ISO3, latitude, longitude
_PLACES = (
    ("أطمة", "Atmeh", "Idlib", "SYR", 36.318, 36.667), ("سرمدا", "Sarmada", "Idlib", "SYR", 36.178, 36.722),
    ("كفرنبل", "Kafr Nabl", "Idlib", "SYR", 35.614, 36.561), ("معرة النعمان", "Maarat al-Numan", "Idlib", "SYR", 35.648, 36.674),
    ("أريحا", "Ariha", "Idlib", "SYR", 35.813, 36.609), ("جسر الشغور", "Jisr al-Shughur", "Idlib", "SYR", 35.812, 36.318),
    ("سراقب", "Saraqib", "Idlib", "SYR", 35.864, 36.806), ("بنش", "Binnish", "Idlib", "SYR", 35.957, 36.712),
    ("الميادين", "Al Mayadin", "Deir ez-Zor", "SYR", 35.019, 40.451), ("البوكمال", "Abu Kamal", "Deir ez-Zor", "SYR", 34.453, 40.918),
    ("طفس", "Tafas", "Daraa", "SYR", 32.738, 36.067), ("نوى", "Nawa", "Daraa", "SYR", 32.889, 36.043),
    ("القامشلي", "Qamishli", "Al Hasakah", "SYR", 37.052, 41.231), ("منبج", "Manbij", "Aleppo", "SYR", 36.528, 37.955),
    ("تعز", "Taiz", "Taiz", "YEM", 13.579, 44.021), ("مأرب", "Marib", "Marib", "YEM", 15.463, 45.325),
    ("كركوك", "Kirkuk", "Kirkuk", "IRQ", 35.468, 44.392), ("الحويجة", "Hawija", "Kirkuk", "IRQ", 35.316, 43.762),
    ("تاجوراء", "Tajoura", "Tripoli", "LBY", 32.882, 13.351), ("طرابلس", "Tripoli", "Tripoli", "LBY", 32.887, 13.191),
)
_DEFAULT = ("إدلب", "Idlib", "Idlib", "SYR", 35.930, 36.634)


def fake_extract(text: str, published: str | None = None, *, article_id: str | None = None) -> list[Event]:
    delay = float(os.environ.get("MARSAD_FAKE_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)
    place = next((p for p in _PLACES if p[0] in text), _DEFAULT)
    _, name, admin1, iso3, lat, lon = place
    events: list[Event] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        for trigger, event_type, sub_type, disorder in _TRIGGERS:
            if trigger in paragraph:
                events.append(Event(
                    event_type=event_type, sub_event_type=sub_type, disorder_type=disorder,
                    event_date=published, country=iso3, admin1=admin1, location=name, latitude=lat,
                    longitude=lon, geo_precision=1 if place is not _DEFAULT else 2,
                    evidence=Evidence(start, end, paragraph), article_id=article_id,
                ))
                break
        start = end + 1
    return events

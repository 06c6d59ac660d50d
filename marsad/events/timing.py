"""Dates of incidents: the event's own date, the date of a report, and primary vs background."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from marsad.doc import Doc, Sentence
from marsad.events.model import Event
from marsad.recognisers.triggers import Trigger

if TYPE_CHECKING:
    from marsad.events.incidents import Incident


def dates_compatible(a: Any | None, b: Any | None) -> bool:
    """Two explicit, different days in one article are two incidents; coarser dates must contain the finer."""
    if a is None or b is None or a.value is None or b.value is None:
        return True
    short, long_ = sorted((a.value, b.value), key=len)
    return long_.startswith(short)


def _report_verbs_before(doc: Doc, sent: Sentence, d: Any, trig_tokens: set[int]) -> bool:
    first = doc.token_at(d.start)
    lo = max(sent.first, first - _REPORT_WINDOW)
    verbs = doc.cue_starts("attribution_verbs", lo, first)
    if not verbs:
        return False
    kills = set(doc.cue_starts("kill", lo, first))
    last_verb = max(verbs)
    return not any(last_verb < i < first for i in trig_tokens | kills)


_REPORT_WINDOW = 10


def is_report_date(doc: Doc, sent: Sentence, d: Any, trigs: list[Trigger]) -> bool:
    """The date of a statement, not of the event: after a reporting verb, or inside a quotation."""
    trig_tokens = {i for t in trigs for i in range(t.first, t.last)}
    if _report_verbs_before(doc, sent, d, trig_tokens):
        return True
    return False


def best_date(dates: list[Any], anchor: int) -> Any | None:
    usable = [d for d in dates if d.value]
    if not usable:
        return None
    return min(usable, key=lambda d: (d.precision, abs(d.start - anchor)))


def event_day(doc: Doc, inc: Incident) -> dt.date | None:
    d = inc.when
    if d is not None and d.value and len(d.value) == 10:
        return dt.date.fromisoformat(d.value)
    if d is not None and d.value:
        v = d.value
        return dt.date(int(v[:4]), int(v[5:7]) if len(v) >= 7 else 1, 1)
    return doc.published


def set_date(ev: Event, doc: Doc, inc: Incident) -> None:
    d = inc.when
    if d is not None and d.value:
        ev.event_date = d.value
        ev.time_precision = d.precision if len(d.value) == 10 else 3
    elif doc.published is not None:
        ev.event_date = doc.published.isoformat()
        ev.time_precision = 1
    else:
        ev.event_date = None
        ev.time_precision = 3


def role_of(doc: Doc, inc: Incident) -> str:
    if inc.background:
        return "background"
    d = inc.when
    if d is None or not d.value:
        return "primary"
    if doc.published is None:
        return "background" if len(d.value) < 10 and getattr(d, "past", False) else "primary"
    if len(d.value) == 10:
        days = (doc.published - dt.date.fromisoformat(d.value)).days
        return "background" if days > 7 else "primary"
    if d.value[:7] == doc.published.isoformat()[:7]:
        return "primary"
    return "background"

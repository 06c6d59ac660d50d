"""Pairwise rule: are two events (from different articles) the same incident, and why (or why not).

Three tests must all pass, each adding to a score and a human-readable reason:

* date: the same day when both dates are day-precise; within a day when either is imprecise
  (time precision > 1); month/year dates only when they overlap and the rest is strong;
* place: same country; same town (same name, or points within ``town_km``); a "near X" place
  within ``near_km``; an admin-level (precision 3) event matches anything inside its admin1/admin2;
* type and actors: the same event type (cross-type only between kinds of violence, or protests and
  riots, and only when a named actor matches), and no conflicting named actors.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from marsad.dedup.dates import event_interval, is_day_precise
from marsad.events.model import Event

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DEMONSTRATIONS = frozenset({"Protests", "Riots"})
_PAREN = re.compile(r"\([^)]*\)")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds of the matching rule."""

    town_km: float = 5.0  # two precise places this close are the same town
    near_km: float = 25.0  # a "near X" place (precision 2) and a finer one this close match
    imprecise_days: int = 1  # date tolerance when either date is not day-precise
    cross_type: bool = True  # allow Battles ~ Explosions ~ Violence against civilians with a shared actor


DEFAULT = DedupConfig()


@dataclass(slots=True)
class Verdict:
    """The outcome of comparing two events: ``same``, a ``score`` (higher = closer), and the reasons."""

    same: bool
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def explain(self) -> str:
        return "; ".join(self.reasons)


def fold_name(name: str | None) -> str:
    """Comparison key of a place or actor name: no parentheticals, case, punctuation or hamza variants."""
    if not name:
        return ""
    name = _PAREN.sub(" ", name).casefold().translate(_FOLD)
    name = _NON_WORD.sub(" ", name).strip()
    return re.sub(r"^(al|el|ال) ", "", name)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def compare(a: Event, b: Event, config: DedupConfig = DEFAULT) -> Verdict:
    """Whether ``a`` and ``b`` report the same incident, with the reasons either way."""
    if a.article_id and a.article_id == b.article_id:
        return Verdict(False, reasons=["same article (an article's events are distinct by construction)"])
    verdict = Verdict(True)
    for test in (_dates, _places, _types_and_actors):
        ok = test(a, b, config, verdict)
        if not ok:
            verdict.same = False
            return verdict
    return verdict


def _dates(a: Event, b: Event, config: DedupConfig, v: Verdict) -> bool:
    (a0, a1), (b0, b1) = event_interval(a.event_date), event_interval(b.event_date)
    if a0 is None or b0 is None:
        v.reasons.append("date unknown")
        return False
    gap = max(0, (max(a0, b0) - min(a1, b1)).days)
    day_a, day_b = is_day_precise(a.event_date, a.time_precision), is_day_precise(b.event_date, b.time_precision)
    if day_a and day_b:
        if gap == 0:
            v.score += 2
            v.reasons.append(f"same day {a.event_date}")
            return True
        v.reasons.append(f"different days ({a.event_date} vs {b.event_date})")
        return False
    if len(a.event_date or "") == 10 and len(b.event_date or "") == 10:
        if gap <= config.imprecise_days:
            v.score += 1
            v.reasons.append(f"dates within {gap} day(s), one imprecise ({a.event_date} ~ {b.event_date})")
            return True
        v.reasons.append(f"dates {gap} days apart ({a.event_date} vs {b.event_date})")
        return False
    if gap == 0:  # a month or year date overlapping the other: weak, needs strong place and type
        v.reasons.append(f"overlapping coarse dates ({a.event_date} ~ {b.event_date})")
        v.score -= 1
        return True
    v.reasons.append(f"dates do not overlap ({a.event_date} vs {b.event_date})")
    return False


def _level(e: Event) -> int:
    """1 = a point (town), 2 = near a named place, 3 = an admin area, 9 = nowhere usable."""
    if e.unlocated:
        return 9
    has_point = e.latitude is not None and e.longitude is not None
    precision = e.geo_precision or (1 if has_point or e.location else 3)
    if precision <= 2 and (has_point or e.location):
        return precision
    return 3 if (e.admin1 or e.admin2) else 9


def _places(a: Event, b: Event, config: DedupConfig, v: Verdict) -> bool:
    if a.country and b.country and a.country.upper() != b.country.upper():
        v.reasons.append(f"different countries ({a.country} vs {b.country})")
        return False
    la, lb = _level(a), _level(b)
    if 9 in (la, lb):
        v.reasons.append("place unknown")
        return False
    coarse_dates = not (len(a.event_date or "") == 10 and len(b.event_date or "") == 10)
    name_a, name_b = fold_name(a.location), fold_name(b.location)
    same_name = bool(name_a) and name_a == name_b and _same_admin1(a, b) is not False
    dist = None
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        dist = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
    where = f"{a.location or a.admin1} ~ {b.location or b.admin1}"
    if max(la, lb) <= 2:
        if same_name:
            v.score += 3
            v.reasons.append(f"same place ({a.location})")
            return True
        limit = config.town_km if max(la, lb) == 1 else config.near_km
        if dist is not None and dist <= limit:
            v.score += 3 if dist <= 1 else 2
            v.reasons.append(f"{dist:.1f} km apart ({where})")
            return True
        if dist is None and la == lb == 2 and a.admin2 and _fold_eq(a.admin2, b.admin2):
            v.score += 1
            v.reasons.append(f"same district ({a.admin2})")
            return not coarse_dates
        v.reasons.append(f"different places ({where}" + (f", {dist:.1f} km)" if dist is not None else ")"))
        return False
    if coarse_dates:
        v.reasons.append("coarse date and coarse place: too weak to merge")
        return False
    # At least one admin-level event: it matches anything inside its admin area.
    coarse, fine = (a, b) if la >= lb else (b, a)
    if not coarse.admin1 or not _fold_eq(coarse.admin1, fine.admin1):
        v.reasons.append(f"different admin areas ({coarse.admin1} vs {fine.admin1})")
        return False
    if coarse.admin2 and fine.admin2 and not _fold_eq(coarse.admin2, fine.admin2):
        v.reasons.append(f"different districts ({coarse.admin2} vs {fine.admin2})")
        return False
    area = coarse.admin2 or coarse.admin1
    v.reasons.append(f"{fine.location or fine.admin2 or fine.admin1} lies in {area} (admin-level report)")
    return True


def _fold_eq(x: str | None, y: str | None) -> bool:
    return bool(x) and bool(y) and fold_name(x) == fold_name(y)


def _same_admin1(a: Event, b: Event) -> bool | None:
    if a.admin1 and b.admin1:
        return _fold_eq(a.admin1, b.admin1)
    return None


def _actor_keys(e: Event, which: int) -> set[str]:
    name, mention = (e.actor1, e.actor1_ar) if which == 1 else (e.actor2, e.actor2_ar)
    keys = {fold_name(x) for x in (name, mention) if x}
    return {k for k in keys if k and not k.startswith(("unidentified", "unknown", "مجهول"))}


def _matches(x: set[str], y: set[str]) -> bool:
    return any(p == q or (min(len(p), len(q)) >= 4 and (p in q or q in p)) for p in x for q in y)


def _types_and_actors(a: Event, b: Event, config: DedupConfig, v: Verdict) -> bool:
    a1, a2, b1, b2 = _actor_keys(a, 1), _actor_keys(a, 2), _actor_keys(b, 1), _actor_keys(b, 2)
    shared = []
    for side, mine, other_same, other_swapped in ((1, a1, b1, b2), (2, a2, b2, b1)):
        if not mine:
            continue
        if other_same and _matches(mine, other_same):
            shared.append((a.actor1 or a.actor1_ar) if side == 1 else (a.actor2 or a.actor2_ar))
        elif other_swapped and _matches(mine, other_swapped):
            shared.append((a.actor1 or a.actor1_ar) if side == 1 else (a.actor2 or a.actor2_ar))
        elif other_same:
            name = a.actor1 if side == 1 else a.actor2
            other = b.actor1 if side == 1 else b.actor2
            v.reasons.append(f"conflicting actor{side} ({name} vs {other})")
            return False
    coarse_dates = not (len(a.event_date or "") == 10 and len(b.event_date or "") == 10)
    if coarse_dates and (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        v.reasons.append("coarse date needs the same sub-event type")
        return False
    if a.event_type == b.event_type:
        if a.sub_event_type == b.sub_event_type:
            v.score += 2
            v.reasons.append(f"same sub-event type ({a.sub_event_type})")
        else:
            v.score += 1
            v.reasons.append(f"same event type ({a.event_type})")
    else:
        pair = {a.event_type, b.event_type}
        compatible = pair <= VIOLENT or pair <= DEMONSTRATIONS
        if not (config.cross_type and compatible and shared and max(_level(a), _level(b)) <= 2):
            v.reasons.append(f"different event types ({a.event_type} vs {b.event_type})")
            return False
        v.reasons.append(f"compatible event types ({a.event_type} ~ {b.event_type}) with a shared actor")
    if shared:
        v.score += len(shared)
        v.reasons.append("shared actor(s): " + ", ".join(s or "?" for s in shared))
    return True

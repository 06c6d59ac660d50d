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

import datetime as dt
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


@dataclass(slots=True)
class Facts:
    """What the rule needs from one event, computed once (clustering compares each event many times)."""

    e: Event
    start: dt.date | None
    end: dt.date | None
    day_precise: bool
    full_date: bool  # a YYYY-MM-DD string (whatever its precision)
    level: int
    point: tuple[float, float] | None
    name: str
    admin1: str
    admin2: str
    country: str
    actors1: set[str]
    actors2: set[str]
    signature: tuple  # every field the rule (and its reasons) reads: equal signatures, equal verdicts
    type_group: str  # events of different groups never match


def facts(e: Event) -> Facts:
    start, end = event_interval(e.event_date)
    has_point = e.latitude is not None and e.longitude is not None
    return Facts(
        e=e, start=start, end=end, day_precise=is_day_precise(e.event_date, e.time_precision),
        full_date=len(e.event_date or "") == 10, level=_level(e),
        point=(e.latitude, e.longitude) if has_point else None,  # type: ignore[arg-type]
        name=fold_name(e.location), admin1=fold_name(e.admin1), admin2=fold_name(e.admin2),
        country=(e.country or "").upper(), actors1=_actor_keys(e, 1), actors2=_actor_keys(e, 2),
        signature=tuple(getattr(e, name) for name in _SIGNATURE),
        type_group=type_group(e.event_type),
    )


def type_group(event_type: str | None, config: DedupConfig = DEFAULT) -> str:
    """Event types that may describe the same incident share a group."""
    if config.cross_type and event_type in VIOLENT:
        return "violent"
    if config.cross_type and event_type in DEMONSTRATIONS:
        return "demonstration"
    return event_type or ""


_SIGNATURE = ("event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor1_ar", "actor2",
              "actor2_ar", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
              "fatalities", "unlocated")


def compare(a: Event | Facts, b: Event | Facts, config: DedupConfig = DEFAULT, *,
            check_article: bool = True) -> Verdict:
    """Whether ``a`` and ``b`` report the same incident, with the reasons either way.

    check_article: events of one article never match (off: judge the codings alone).
    """
    fa = a if isinstance(a, Facts) else facts(a)
    fb = b if isinstance(b, Facts) else facts(b)
    if check_article and fa.e.article_id and fa.e.article_id == fb.e.article_id:
        return Verdict(False, reasons=["same article (an article's events are distinct by construction)"])
    verdict = Verdict(True)
    for test in (_dates, _places, _types_and_actors):
        if not test(fa, fb, config, verdict):
            verdict.same = False
            return verdict
    return verdict


def _dates(fa: Facts, fb: Facts, config: DedupConfig, v: Verdict) -> bool:
    a, b = fa.e, fb.e
    if fa.start is None or fb.start is None:
        v.reasons.append("date unknown")
        return False
    gap = max(0, (max(fa.start, fb.start) - min(fa.end, fb.end)).days)  # type: ignore[type-var,operator]
    if fa.day_precise and fb.day_precise:
        if gap == 0:
            v.score += 2
            v.reasons.append(f"same day {a.event_date}")
            return True
        v.reasons.append(f"different days ({a.event_date} vs {b.event_date})")
        return False
    if fa.full_date and fb.full_date:
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


def _places(fa: Facts, fb: Facts, config: DedupConfig, v: Verdict) -> bool:
    a, b = fa.e, fb.e
    if fa.country and fb.country and fa.country != fb.country:
        v.reasons.append(f"different countries ({a.country} vs {b.country})")
        return False
    la, lb = fa.level, fb.level
    if 9 in (la, lb):
        v.reasons.append("place unknown")
        return False
    coarse_dates = not (fa.full_date and fb.full_date)
    same_name = bool(fa.name) and fa.name == fb.name and not (fa.admin1 and fb.admin1 and fa.admin1 != fb.admin1)
    dist = haversine_km(*fa.point, *fb.point) if fa.point and fb.point else None
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
        if dist is None and la == lb == 2 and fa.admin2 and fa.admin2 == fb.admin2:
            v.score += 1
            v.reasons.append(f"same district ({a.admin2})")
            return not coarse_dates
        v.reasons.append(f"different places ({where}" + (f", {dist:.1f} km)" if dist is not None else ")"))
        return False
    if coarse_dates:
        v.reasons.append("coarse date and coarse place: too weak to merge")
        return False
    # At least one admin-level event: it matches anything inside its admin area.
    coarse, fine = (fa, fb) if la >= lb else (fb, fa)
    if not coarse.admin1 or coarse.admin1 != fine.admin1:
        v.reasons.append(f"different admin areas ({coarse.e.admin1} vs {fine.e.admin1})")
        return False
    if coarse.admin2 and fine.admin2 and coarse.admin2 != fine.admin2:
        v.reasons.append(f"different districts ({coarse.e.admin2} vs {fine.e.admin2})")
        return False
    area = coarse.e.admin2 or coarse.e.admin1
    v.reasons.append(f"{fine.e.location or fine.e.admin2 or fine.e.admin1} lies in {area} (admin-level report)")
    return True


# A crowd is coded Protesters or Rioters depending on how the outlet saw it: the same actor here.
_CROWDS = {"protesters": "crowd", "rioters": "crowd"}


def _actor_keys(e: Event, which: int) -> set[str]:
    name, mention = (e.actor1, e.actor1_ar) if which == 1 else (e.actor2, e.actor2_ar)
    keys = {fold_name(x) for x in (name, mention) if x}
    return {_CROWDS.get(k, k) for k in keys if k and not k.startswith(("unidentified", "unknown", "مجهول"))}


def _matches(x: set[str], y: set[str]) -> bool:
    return any(p == q or (min(len(p), len(q)) >= 4 and (p in q or q in p)) for p in x for q in y)


def _actor_conflict(fa: Facts, fb: Facts) -> int:
    """The side (1 or 2) where both events name an actor and ``fa``'s appears nowhere in ``fb``; 0 if none."""
    for side, mine, same in ((1, fa.actors1, fb.actors1), (2, fa.actors2, fb.actors2)):
        if mine and same and not _matches(mine, fb.actors1 | fb.actors2):
            return side
    return 0


def _types_and_actors(fa: Facts, fb: Facts, config: DedupConfig, v: Verdict) -> bool:
    a, b = fa.e, fb.e
    pair = {a.event_type, b.event_type}
    if len(pair) > 1 and not (config.cross_type and (pair <= VIOLENT or pair <= DEMONSTRATIONS)):
        v.reasons.append(f"different event types ({a.event_type} vs {b.event_type})")
        return False
    conflict = _actor_conflict(fa, fb) or _actor_conflict(fb, fa)
    if conflict:
        side = conflict
        name, other = (a.actor1, b.actor1) if side == 1 else (a.actor2, b.actor2)
        v.reasons.append(f"conflicting actor{side} ({name} vs {other})")
        return False
    shared = []
    for side, mine in ((1, fa.actors1), (2, fa.actors2)):
        if mine and _matches(mine, fb.actors1 | fb.actors2):
            shared.append((a.actor1 or a.actor1_ar) if side == 1 else (a.actor2 or a.actor2_ar))
    coarse_dates = not (fa.full_date and fb.full_date)
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
        if not (shared and max(fa.level, fb.level) <= 2):
            v.reasons.append(f"different event types ({a.event_type} vs {b.event_type}) and no shared "
                             "actor at a town-level place")
            return False
        v.reasons.append(f"compatible event types ({a.event_type} ~ {b.event_type}) with a shared actor")
    if shared:
        v.score += len(shared)
        v.reasons.append("shared actor(s): " + ", ".join(s or "?" for s in shared))
    if a.fatalities and a.fatalities == b.fatalities:
        v.score += 1
        v.reasons.append(f"same fatality figure ({a.fatalities})")
    return True

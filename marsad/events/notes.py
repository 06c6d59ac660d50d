"""The English notes line of an event, generated from its fields."""

from __future__ import annotations

import datetime as dt

from marsad.events.model import Event

_VERBS = {
    "Armed clash": "clashed with", "Suicide bomb": "carried out a suicide bombing against",
    "Air/drone strike": "carried out an air/drone strike on", "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against", "Grenade": "threw a grenade at",
    "Attack": "attacked", "Abduction/forced disappearance": "abducted", "Arrests": "arrested",
    "Disrupted weapons use": "foiled an attack by", "Looting/property destruction": "looted property of",
    "Peaceful protest": "protested", "Mob violence": "engaged in mob violence with",
}


def _when(ev: Event) -> str:
    if not ev.event_date:
        return "On an unreported date"
    try:
        if len(ev.event_date) == 10:
            return "On " + dt.date.fromisoformat(ev.event_date).strftime("%-d %B %Y")
        if len(ev.event_date) == 7:
            return "In " + dt.date.fromisoformat(ev.event_date + "-01").strftime("%B %Y")
    except ValueError:
        pass
    return f"In {ev.event_date}"


def describe(ev: Event) -> str:
    """One sentence: when, who, what, to whom, where, with what toll."""
    verb = _VERBS.get(ev.sub_event_type, "was involved in an event with")
    who = ev.actor1 or "an unidentified actor"
    target = f" {ev.actor2}" if ev.actor2 else ""
    if not ev.actor2 and verb.endswith((" against", " on", " with", " at", " of", " by")):
        verb = verb.rsplit(" ", 1)[0]
    where = ""
    if ev.location:
        where = f" in {ev.location}" + (f" ({ev.admin1})" if ev.admin1 and ev.admin1 != ev.location else "")
    toll = f"; {ev.fatalities} killed" if ev.fatalities else ""
    if ev.injuries:
        toll += f", {ev.injuries} injured"
    return f"{_when(ev)}, {who} {verb}{target}{where}{toll}."

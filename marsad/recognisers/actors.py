"""Actor mentions: named groups and forces from the actor dictionary, plus generic patterns.

Named actors come from marsad/data/actors.json (ACLED names, Arabic aliases,
periods of validity). Generic patterns come from marsad/data/actor_patterns.json:
a force word + nationality ("قوات أمريكية", "غارة تركية"), unnamed gunmen
("مسلحون مجهولون"), and civilian, protester or rioter nouns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.doc import Doc
from marsad.lexicon import actor_data, actor_patterns
from marsad.text.matcher import PhraseMatcher

ARMED_INTER = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: str
    country: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    branch: str | None = None  # "military" | "police" for state forces

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True, slots=True)
class ActorMention:
    first: int
    last: int
    start: int
    end: int
    text: str
    kind: str  # named | state | unidentified | civilians | protesters | rioters
    candidates: tuple[Actor, ...]
    country: str | None = None  # for generic kinds: the country named in the mention, if any

    def resolve(self, day: dt.date | None, country: str | None = None) -> Actor:
        """The candidate valid on ``day`` (for period-bound state forces), else the latest."""
        if self.kind in ("unidentified", "civilians", "protesters", "rioters"):
            base = self.candidates[0]
            where = self.country or country
            label = _country_name(where) if where else None
            return Actor(f"{base.name} ({label})" if label else base.name, base.inter, where)
        valid = [a for a in self.candidates if a.valid_on(day)]
        if valid:
            return valid[0]
        dated = sorted(self.candidates, key=lambda a: a.valid_from or dt.date.min)
        if day is not None:
            before = [a for a in dated if a.valid_from is None or a.valid_from <= day]
            if before:
                return before[-1]
        return dated[-1]

    @property
    def armed(self) -> bool:
        return self.kind in ("named", "state", "unidentified") and self.candidates[0].inter in ARMED_INTER


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    s = str(value)
    if len(s) == 4:
        return dt.date(int(s), 1, 1)
    if len(s) == 7:
        return dt.date(int(s[:4]), int(s[5:7]), 1)
    return dt.date.fromisoformat(s[:10])


def _branch(name: str) -> str | None:
    if name.startswith("Military Forces of"):
        return "military"
    if name.startswith("Police Forces of"):
        return "police"
    return None


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    pats = actor_patterns()
    out: dict[str, str] = {}
    for entry in _nationality_entries(pats):
        if entry.get("iso3") and entry.get("country"):
            out.setdefault(entry["iso3"], entry["country"])
    return out


def _country_name(iso3: str) -> str:
    return _countries().get(iso3, iso3)


def _nationality_entries(pats: dict[str, Any]) -> list[dict[str, Any]]:
    nat = pats.get("nationalities", [])
    if isinstance(nat, dict):
        return [{"form": k, **v} if isinstance(v, dict) else {"form": k, "iso3": v} for k, v in nat.items()]
    out = []
    for item in nat:
        forms = item.get("forms") or item.get("adjectives") or ([item["form"]] if "form" in item else [])
        for f in forms:
            out.append({"form": f, "iso3": item.get("iso3"), "country": item.get("country") or item.get("name"),
                        "kind": item.get("kind", "country")})
    return out


@lru_cache(maxsize=1)
def named_actors() -> dict[str, tuple[Actor, ...]]:
    """Arabic alias -> candidate actors (several when an alias spans regime periods)."""
    by_alias: dict[str, list[Actor]] = {}
    for entry in actor_data():
        actor = Actor(entry["name"], entry["inter"], entry.get("country"), _date(entry.get("valid_from")),
                      _date(entry.get("valid_to")), _branch(entry["name"]))
        for alias in entry.get("aliases_ar", []):
            by_alias.setdefault(alias, []).append(actor)
    return {k: tuple(v) for k, v in by_alias.items()}


@lru_cache(maxsize=1)
def state_forces_by_country() -> dict[tuple[str, str], tuple[Actor, ...]]:
    out: dict[tuple[str, str], list[Actor]] = {}
    for actors in named_actors().values():
        for a in actors:
            if a.branch and a.country:
                lst = out.setdefault((a.country, a.branch), [])
                if a not in lst:
                    lst.append(a)
    return {k: tuple(v) for k, v in out.items()}


def _words(pats: dict[str, Any], key: str) -> list[str]:
    value = pats.get(key, [])
    if isinstance(value, dict):
        value = value.get("phrases") or value.get("words") or list(value)
    flat = []
    for v in value:
        if isinstance(v, str):
            flat.append(v)
        elif isinstance(v, dict):
            flat.extend(v.get("phrases") or v.get("forms") or ([v["phrase"]] if "phrase" in v else []))
    return flat


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    pats = actor_patterns()
    named = PhraseMatcher(((alias, ("named", alias)) for alias in named_actors()))
    generic = PhraseMatcher()
    for kind, key, name, inter in (("unidentified", "unidentified", "Unidentified Armed Group", "Political militia"),
                                   ("civilians", "civilians", "Civilians", "Civilians"),
                                   ("protesters", "protesters", "Protesters", "Protesters"),
                                   ("rioters", "rioters", "Rioters", "Rioters")):
        for phrase in _words(pats, key):
            generic.add(phrase, (kind, Actor(name, inter)))
    heads = PhraseMatcher()
    for item in pats.get("force_heads", []):
        if isinstance(item, str):
            heads.add(item, "military")
        else:
            for f in item.get("forms") or ([item["phrase"]] if "phrase" in item else []):
                heads.add(f, item.get("template", item.get("branch", "military")))
    return named, generic, heads


@lru_cache(maxsize=1)
def _nationality_matcher() -> PhraseMatcher:
    m = PhraseMatcher()
    for e in _nationality_entries(actor_patterns()):
        if e.get("iso3") and e.get("kind", "country") == "country":
            m.add(e["form"], e["iso3"])
    return m


def _branch_of(template: str) -> str:
    return "police" if "police" in template.lower() else "military"


def find_actors(doc: Doc) -> list[ActorMention]:
    """Named actors, nationality-marked forces and generic actor nouns, longest match first."""
    named, generic, heads = _matchers()
    toks = doc.tokens
    found: list[ActorMention] = []
    taken: set[int] = set()
    nat_at = {m.first: m for m in _nationality_matcher().find(toks)}
    for m in heads.find(toks):
        # force word + (up to one word) + nationality adjective: "قوات أمريكية", "الطيران الحربي التركي"
        for gap in (0, 1):
            nm = nat_at.get(m.last + gap)
            if nm is None:
                continue
            branch = _branch_of(str(m.value))
            iso3 = nm.value
            cands = state_forces_by_country().get((iso3, branch)) or (
                Actor(f"{'Police' if branch == 'police' else 'Military'} Forces of {_country_name(iso3)}",
                      "State forces", iso3, branch=branch),)
            span = range(m.first, nm.last)
            if not taken.intersection(span):
                found.append(ActorMention(m.first, nm.last, m.start, nm.end, doc.text[m.start:nm.end], "state",
                                          cands, iso3))
                taken.update(span)
            break
    for m in named.find(toks):
        span = range(m.first, m.last)
        if taken.intersection(span):
            continue
        found.append(ActorMention(m.first, m.last, m.start, m.end, doc.text[m.start:m.end], "named",
                                  named_actors()[m.value[1]]))
        taken.update(span)
    for m in generic.find(toks):
        span = range(m.first, m.last)
        if taken.intersection(span):
            continue
        kind, actor = m.value
        nm = nat_at.get(m.last)
        country = nm.value if nm is not None else None
        last, end = (nm.last, nm.end) if nm is not None else (m.last, m.end)
        found.append(ActorMention(m.first, last, m.start, end, doc.text[m.start:end], kind, (actor,), country))
        taken.update(range(m.first, last))
    found.sort(key=lambda a: a.first)
    return found

"""Actor mentions: named groups and forces from the actor dictionary, plus generic patterns.

Named actors come from marsad/data/actors.json (ACLED names, Arabic aliases,
periods of validity, aliases that only hold in one country). Generic patterns
come from marsad/data/actor_patterns.json: a force word + nationality ("قوات
أمريكية", "غارة تركية"), a bare force word that means the event country's forces
("الجيش"), unnamed gunmen ("مسلحون مجهولون"), and civilian, protester or rioter
nouns. A mention keeps every candidate; the event's date and country pick one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.doc import Doc
from marsad.lexicon import ACTORS, actor_data, actor_patterns
from marsad.text.matcher import PhraseMatcher, longest_matches

ARMED_INTER = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
GENERIC_KINDS = ("unidentified", "unidentified_weak", "civilians", "protesters", "rioters")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: str
    country: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    kind: str | None = None  # military | police | armed_group | ...
    default: bool = False
    home_countries: tuple[str, ...] = ()
    inter_abroad: str | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def inter_in(self, country: str | None) -> str:
        """Actor type for an event in ``country``: state forces acting abroad are external forces."""
        if country and self.country and self.inter == "State forces" and country != self.country \
                and country not in self.home_countries:
            return self.inter_abroad or "External/Other forces"
        return self.inter


@dataclass(frozen=True, slots=True)
class Candidate:
    actor: Actor
    only_in: str | None = None  # the alias names this actor only in this country


@dataclass(slots=True, init=False)
class ActorMention:
    """An actor named in the text. Read-only by convention, not frozen, with a written-out ``__init__``: see marsad.text.tokens.Token."""

    first: int
    last: int
    start: int
    end: int
    text: str
    kind: str  # named | state | bare_state | unidentified | unidentified_weak | civilians | protesters | rioters
    candidates: tuple[Candidate, ...]
    country: str | None  # nationality named in the mention
    branch: str | None  # military | police, for state patterns

    def __init__(self, first: int, last: int, start: int, end: int, text: str, kind: str,
                 candidates: tuple[Candidate, ...], country: str | None = None, branch: str | None = None) -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.candidates = candidates
        self.country = country
        self.branch = branch

    @property
    def inter(self) -> str:
        return self.candidates[0].actor.inter if self.candidates else "State forces"

    @property
    def armed(self) -> bool:
        return self.kind in ("named", "state", "bare_state", "unidentified", "unidentified_weak") and (
            self.inter in ARMED_INTER)

    def resolve(self, day: dt.date | None, country: str | None = None) -> Actor | None:
        """The actor this mention names for an event on ``day`` in ``country``."""
        if self.kind in GENERIC_KINDS:
            base = self.candidates[0].actor
            where = self.country or country
            label = country_name(where) if where else None
            return Actor(f"{base.name} ({label})" if label else base.name, base.inter, where)
        if self.kind in ("state", "bare_state"):
            iso3 = self.country or country
            return state_force(iso3, self.branch or "military", day) if iso3 else None
        cands = [c for c in self.candidates if c.only_in is None or c.only_in == country]
        if not cands:
            return state_force(country, self.branch, day) if self.branch and country else None
        valid = [c.actor for c in cands if c.actor.valid_on(day)]
        if valid:
            return valid[0]
        # "الجيش" listed for Syria's army since December 2024, in a story of May 2024: a country's army
        # or police named by a common word is the state force of the event's day.
        force = next((c.actor for c in cands if c.actor.default and c.actor.kind in ("military", "police")
                      and c.actor.country), None)
        if day is not None and force is not None and force.country and force.kind:
            return state_force(force.country, force.kind, day)
        dated = sorted((c.actor for c in cands), key=lambda a: a.valid_from or dt.date.min)
        if day is not None:
            before = [a for a in dated if a.valid_from is None or a.valid_from <= day]
            if before:
                return before[-1]
        return dated[-1]


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    s = str(value)
    if len(s) == 4:
        return dt.date(int(s), 1, 1)
    if len(s) == 7:
        return dt.date(int(s[:4]), int(s[5:7]), 1)
    return dt.date.fromisoformat(s[:10])


@lru_cache(maxsize=1)
def _nationalities() -> list[dict[str, Any]]:
    return [n for n in actor_patterns().get("nationalities", []) if n.get("iso3")]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {n["iso3"]: n.get("acled_country") or n.get("country") or n["iso3"] for n in _nationalities()}


def country_name(iso3: str) -> str:
    """ACLED's English name of a country ("Syria", "the United States")."""
    return _country_names().get(iso3, iso3)


def _plain_country_name(iso3: str) -> str:
    for n in _nationalities():
        if n["iso3"] == iso3:
            return n.get("country") or iso3
    return iso3


def _actor(entry: dict[str, Any]) -> Actor:
    return Actor(entry["name"], entry["inter"], entry.get("country"), _date(entry.get("valid_from")),
                 _date(entry.get("valid_to")), entry.get("kind"), bool(entry.get("default")),
                 tuple(entry.get("home_countries") or ()), entry.get("inter_abroad"))


@lru_cache(maxsize=1)
def named_actors() -> dict[str, tuple[Candidate, ...]]:
    """Arabic alias -> candidate actors (several when an alias spans regime periods or countries)."""
    by_alias: dict[str, list[Candidate]] = {}
    for entry in actor_data():
        actor = _actor(entry)
        for alias in entry.get("aliases_ar", []):
            by_alias.setdefault(alias, []).append(Candidate(actor))
        for iso3, aliases in (entry.get("aliases_ar_in") or {}).items():
            for alias in aliases:
                by_alias.setdefault(alias, []).append(Candidate(actor, iso3))
    return {k: tuple(v) for k, v in by_alias.items()}


@lru_cache(maxsize=1)
def _state_forces() -> dict[tuple[str, str], tuple[Actor, ...]]:
    out: dict[tuple[str, str], list[Actor]] = {}
    for entry in actor_data():
        if entry.get("kind") in ("military", "police") and entry.get("country") and entry.get("default"):
            out.setdefault((entry["country"], entry["kind"]), []).append(_actor(entry))
    return {k: tuple(sorted(v, key=lambda a: a.valid_from or dt.date.min)) for k, v in out.items()}


def state_force(iso3: str, branch: str, day: dt.date | None) -> Actor:
    """The default military or police actor of a country on a day (ACLED's period names)."""
    forces = _state_forces().get((iso3, branch), ())
    for a in forces:
        if a.valid_on(day):
            return a
    if forces:
        if day is not None:
            before = [a for a in forces if a.valid_from is None or a.valid_from <= day]
            if before:
                return before[-1]
        return forces[-1]
    label = "Police" if branch == "police" else "Military"
    return Actor(f"{label} Forces of {country_name(iso3)}", "State forces", iso3, kind=branch, default=True)


def unattributed_air_actor(country: str | None, day: dt.date | None) -> Actor | None:
    """Who ACLED codes for an air strike whose source names no one (e.g. Israel over Gaza)."""
    if not country:
        return None
    rule = actor_patterns().get("unattributed_air", {}).get(country)
    if not rule:
        return None
    first_day, last_day = _date(rule.get("from")), _date(rule.get("to"))
    if day is not None and ((first_day is not None and day < first_day) or (last_day is not None and day > last_day)):
        return None
    if rule.get("actor_id"):
        for entry in actor_data():
            if entry["id"] == rule["actor_id"]:
                return _actor(entry)
        return None
    return state_force(rule["actor_country"], rule.get("kind", "military"), day)


def _phrases(value: Any) -> list[str]:
    out = []
    for v in value or []:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict) and v.get("phrase"):
            out.append(v["phrase"])
    return out


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    pats = actor_patterns()
    named = PhraseMatcher((alias, alias) for alias in named_actors())
    generic: PhraseMatcher = PhraseMatcher()
    unid = pats.get("unidentified", {})
    for kind, phrases, name, inter in (
            ("unidentified", unid.get("explicit"), "Unidentified Armed Group", "Political militia"),
            ("unidentified_weak", unid.get("weak"), "Unidentified Armed Group", "Political militia"),
            ("civilians", pats.get("civilians"), "Civilians", "Civilians"),
            ("protesters", pats.get("protesters"), "Protesters", "Protesters"),
            ("rioters", pats.get("rioters"), "Rioters", "Rioters")):
        for phrase in _phrases(phrases):
            generic.add(phrase, (kind, Candidate(Actor(name, inter))))
    heads = PhraseMatcher((h["phrase"], h.get("template", "military")) for h in pats.get("force_heads", []))
    bare = PhraseMatcher((h["phrase"], h.get("template", "military")) for h in pats.get("bare_heads", []))
    nationality: PhraseMatcher[str] = PhraseMatcher()
    for n in _nationalities():
        if n.get("kind", "country") == "country":
            for form in n.get("forms", []):
                nationality.add(form, n["iso3"])
    return named, generic, heads, bare, nationality


def actor_matchers() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """The five actor lexicons (named, generic, force heads, bare heads, nationalities), scanned
    together with the engine's other lexicons (``marsad.lexicon.engine_matcher``)."""
    return _matchers()


def find_actors(doc: Doc) -> list[ActorMention]:
    """Named actors, nationality-marked and bare state forces, generic actor nouns; longest first."""
    named_found, generic_found, heads_found, bare_found, nationality_found = (
        longest_matches(found) for found in doc.lexicon_matches()[ACTORS])
    toks = doc.tokens
    found: list[ActorMention] = []
    taken: set[int] = set()

    def add(first: int, last: int, kind: str, cands: tuple[Candidate, ...], country: str | None = None,
            branch: str | None = None) -> None:
        span = range(first, last)
        if taken.intersection(span):
            return
        start, end = toks[first].start, toks[last - 1].end
        found.append(ActorMention(first, last, start, end, doc.text[start:end], kind, cands, country, branch))
        taken.update(span)

    bare_spans = {(m.first, m.last): m.value for m in bare_found}
    for m in named_found:
        # "قوات الأمن" names one country's police by alias, and any country's by the bare-head rule.
        add(m.first, m.last, "named", named_actors()[m.value], branch=bare_spans.get((m.first, m.last)))
    nat_at = {m.first: m for m in nationality_found}
    for m in heads_found:
        for gap in (0, 1):  # "الطيران التركي", "الطيران الحربي التركي"
            nm = nat_at.get(m.last + gap)
            if nm is not None:
                add(m.first, nm.last, "state", (), nm.value, m.value)
                break
    for m in generic_found:
        kind, cand = m.value
        if any(b.first <= m.first and m.last <= b.last and b.last - b.first > m.last - m.first for b in bare_found):
            continue  # "المهندسين العسكريين": a longer state-force phrase, not civilians
        nm = nat_at.get(m.last)
        add(m.first, nm.last if nm else m.last, kind, (cand,), nm.value if nm else None)
    for m in bare_found:
        add(m.first, m.last, "bare_state", (), None, m.value)
    found.sort(key=lambda a: a.first)
    return [a for a in _resolve_anaphors(doc, found, taken) if not _is_source(doc, a) and not _negated(doc, a)]


_NEGATED_KINDS = ("civilians", "unidentified_weak")


def _negated(doc: Doc, mention: ActorMention) -> bool:
    """"دون أن تسفر عن ضحايا", "لم يصب أي مدني": victims that the text says there were none of."""
    if mention.kind not in _NEGATED_KINDS:
        return False
    return doc.has_cue("negation", max(0, mention.first - 4), mention.first)


@lru_cache(maxsize=1)
def _attribution_heads() -> PhraseMatcher:
    return PhraseMatcher((p, p) for p in actor_patterns().get("attribution_heads", []))


_SOURCE_LINKS = {"في", "من", "باسم", "عن", "لدي", "ب"}


@lru_cache(maxsize=1)
def _attribution_head_keys() -> frozenset[str]:
    """One-word source heads as matching keys (the common case, checked without a matcher)."""
    from marsad.text.normalize import fold_word

    return frozenset(fold_word(p) for p in actor_patterns().get("attribution_heads", []) if " " not in p)


def _is_source(doc: Doc, mention: ActorMention) -> bool:
    """"ضباط في الجيش النيجري", "المتحدث باسم وزارة الداخلية": the actor reports, it does not act.

    Only a source word right before the actor, or linked to it by a preposition, counts:
    in "أوضح مصدر أمني أن مسلحين هاجموا" the gunmen are the subject of the report.
    """
    first = mention.first
    if first == 0:
        return False
    prev = doc.tokens[first - 1]
    heads = _attribution_heads()
    if prev.stems & _attribution_head_keys():
        return True
    if prev.key in _SOURCE_LINKS and first >= 2:
        window = doc.tokens[max(0, first - 3):first - 1]
        return any(m.last == len(window) for m in heads.find_all(window))
    return False


@lru_cache(maxsize=1)
def _anaphor_matcher() -> PhraseMatcher:
    return PhraseMatcher((p, p) for p in actor_patterns().get("anaphors", []))


def _resolve_anaphors(doc: Doc, found: list[ActorMention], taken: set[int]) -> list[ActorMention]:
    """"التنظيم" / "الجماعة" name the armed group mentioned last before them."""
    groups = [a for a in found if a.kind == "named" and a.candidates
              and a.candidates[0].actor.kind == "armed_group"]
    if not groups:
        return found
    extra = []
    for m in _anaphor_matcher().find(doc.tokens):
        if taken.intersection(range(m.first, m.last)):
            continue
        before = [g for g in groups if g.last <= m.first]
        if not before:
            continue
        ante = before[-1]
        extra.append(ActorMention(m.first, m.last, m.start, m.end, doc.text[m.start:m.end], "named", ante.candidates))
    return sorted(found + extra, key=lambda a: a.first)

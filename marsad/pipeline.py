"""The extraction pipeline: article text -> events, one recogniser per step."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections import Counter
from dataclasses import replace
from typing import Any

from marsad.doc import Doc, build_doc
from marsad.events.assemble import to_events
from marsad.events.incidents import build_incidents
from marsad.events.model import Event
from marsad.events.notes import describe
from marsad.events.places import same_place_anaphora
from marsad.events.roles import assign_actors
from marsad.lexicon import allegiance_words
from marsad.recognisers.actors import find_actors
from marsad.recognisers.triggers import find_triggers

_LOAD_LOCK = threading.Lock()
_LOADED = False


def load() -> None:
    """Load the lexicons and the gazetteer now (the first extraction does it otherwise).

    They live as long as the process and are never changed, so they are then moved out of the
    garbage collector's generations (``gc.freeze``): each full collection would otherwise walk
    their objects again (about 40 MB, most of it the gazetteer), which costs a batch run several
    per cent of its time.
    """
    global _LOADED
    if _LOADED:
        return
    with _LOAD_LOCK:
        if _LOADED:
            return
        from marsad.geo import resolve
        from marsad.lexicon import engine_matcher

        engine_matcher()
        resolve("في دمشق")  # loads the gazetteer and builds the resolver
        gc.collect()
        gc.freeze()
        _LOADED = True


def _places(doc: Doc) -> list[Any]:
    from marsad.geo import resolve

    return list(resolve(doc.tokens, text=doc.text))


_LEAD_CHARS = 400


def _fallback_place(doc: Doc, places: list[Any]) -> Any | None:
    """Where the article is, when a sentence says nothing: the dateline, else its most named place."""
    if not places:
        return None
    head = [p for p in places if p.start < 200 and p.place.kind != "country"]
    counts = Counter(getattr(p.place, "id", p.place.name) for p in places if p.place.kind != "country")
    # the dateline says where the report was filed ("واغادوغو - ..."): the place the lead names comes first
    named = [p for p in places if p.start < _LEAD_CHARS and p.place.kind != "country" and not p.dateline]
    if head and head[0].dateline and named:
        return named[0]
    if head:
        return head[0]
    if counts:
        top = counts.most_common(1)[0][0]
        return next(p for p in places if getattr(p.place, "id", p.place.name) == top)
    return places[0]


_OFF_TOPIC_HITS = 3


def _off_topic(doc: Doc) -> bool:
    """Sport, accidents, wildlife, parliamentary politics: "هجوم" there is not an attack."""
    return len(doc.cue_hits("nonpolitical")) >= _OFF_TOPIC_HITS


def _outside_place_names(triggers: list[Any], places: list[Any]) -> list[Any]:
    """"ساحة التحرير", "شارع الثورة": a trigger word inside a place name is part of the name."""
    spans = [(p.name_start if p.name_start >= 0 else p.start, p.name_end if p.name_end >= 0 else p.end)
             for p in places if p.place.kind != "country"]
    return [t for t in triggers if not any(s <= t.start and t.end <= e for s, e in spans)]


def _outside_places(actors: list[Any], places: list[Any]) -> list[Any]:
    """"مقام السيدة زينب" is a place, not a woman: place names win over actor nouns."""
    spans = [(p.start, p.end) for p in places if p.place.kind != "country"]
    return [a for a in actors if a.kind == "named" or not any(s < a.end and a.start < e for s, e in spans)]


_PATRON_PREPS = frozenset({"من", "ل", "الى", "إلى"})
_CAPITAL_SIZE = 1_000_000


def _patron(doc: Doc, p: Any) -> bool:
    """A place named as a patron ("الموالية لأنقرة") or as the side opposed ("مناهضة لطهران"); after a bare
    "ضد" only a country or a capital-sized city, which stands for its government there."""
    i = doc.token_at(p.start)
    if i <= 0:
        return False
    words = allegiance_words()
    tok, prev = doc.tokens[i], doc.tokens[i - 1]
    clitic = tok.start < p.start  # "لأنقرة": the preposition is a clitic
    if clitic and (prev.key in words["allegiance"] or prev.key in words["opposition"]):
        return True
    if not clitic and prev.key in words["against"] and (p.place.kind == "country"
                                                       or p.place.population >= _CAPITAL_SIZE):
        return True
    return prev.key in _PATRON_PREPS and i >= 2 and doc.tokens[i - 2].key in words["allegiance"]


def _outside_actor_names(doc: Doc, places: list[Any], actors: list[Any]) -> list[Any]:
    """"سرايا القدس" is a brigade, not Jerusalem; "الموالية لأنقرة" is allegiance, not Ankara: a place
    named inside a named actor's mention, or as its patron, is not where anything happened.  A country
    inside an actor's name ("تحالف دعم الشرعية في اليمن") still says which country's war it is."""
    spans = [(a.start, a.end) for a in actors if a.kind == "named"]
    return [p for p in places
            if not (p.place.kind != "country" and any(s <= p.start and p.end <= e for s, e in spans))
            and not _patron(doc, p)]


def _backed_forces(doc: Doc, actors: list[Any]) -> list[Any]:
    """"قوات محلية مدعومة من الإمارات": a force right before a named backing phrase is the backed
    actor that phrase names, one mention, not two sides."""
    allegiance = allegiance_words()["allegiance"]
    out: list[Any] = []
    for m in sorted(actors, key=lambda a: a.start):
        prev = out[-1] if out else None
        if (prev is not None and m.kind == "named" and prev.kind in ("state", "bare_state", "named")
                and 0 <= m.first - prev.last <= 1 and doc.tokens[m.first].key in allegiance):
            out[-1] = replace(m, first=prev.first, start=prev.start, text=doc.text[prev.start:m.end])
        else:
            out.append(m)
    return out


def extract_events(text: str, published: str | dt.date | None = None, article_id: str | None = None) -> list[Event]:
    if not _LOADED:
        load()
    doc = build_doc(text, published, article_id)
    triggers = find_triggers(doc)
    if not triggers:
        return []
    places = _places(doc)
    places = sorted(places + same_place_anaphora(doc, places), key=lambda p: p.start)
    triggers = _outside_place_names(triggers, places)
    if not triggers:
        return []
    actors = _backed_forces(doc, _outside_places(find_actors(doc), places))
    places = _outside_actor_names(doc, places, actors)
    incidents = build_incidents(doc, triggers, places, actors)
    if _off_topic(doc):
        incidents = [i for i in incidents if i.counts and any(a.armed for a in actors)]
    events = to_events(doc, incidents, actors, _fallback_place(doc, places), assign_actors, describe)
    for i, ev in enumerate(events, 1):
        ev.article_id = article_id
        ev.event_id = f"{article_id or 'article'}-e{i}"
    events.sort(key=lambda e: e.role != "primary")
    return events

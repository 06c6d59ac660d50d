"""Who did what to whom: choose actor1 (the side that acted) and actor2 (target or opponent).

Cues, strongest first: a claim or agent phrase before the actor ("نفذه",
"شنتها", "تبناه", "من قبل"), the actor as the genitive or adjective of the
trigger ("غارة تركية", "غارات التحالف"), the actor as subject of an attack
verb ("هاجم انتحاري"); targets follow "استهدف", "على", "ضد", "في صفوف" or are
the victims of a kill word ("مقتل عنصر من قوات..."). Civilians are never actor1.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from marsad.doc import Doc
from marsad.events.model import Event
from marsad.lexicon import actor_patterns
from marsad.recognisers.actors import (
    Actor,
    ActorMention,
    _plain_country_name,
    state_force,
    unattributed_air_actor,
)
from marsad.recognisers.casualties import AFTER_PASSIVE_KILL, PASSIVE_KILL
from marsad.text.matcher import PhraseMatcher

STATE_FIRST = {"air", "arrest", "foiled", "raid", "territory_gov", "intercept"}
VICTIM_KINDS = {"civilians"}
_INTERACTION = {"State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
                "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8}


def _scores(doc: Doc, inc: Any, mentions: list[ActorMention]) -> list[tuple[float, float, ActorMention]]:
    trig_tokens = {i for t in inc.triggers for i in range(t.first, t.last)}
    trig_ends = {t.last for t in inc.triggers}
    out = []
    for m in mentions:
        sent = doc.sentence_of(m.start)
        agent_cues = doc.has_cue("agent_cues", max(sent.first, m.first - 4), m.first)
        target_cues = doc.has_cue("target_cues", max(sent.first, m.first - 3), m.first)
        kill_cues = doc.has_cue("kill", max(sent.first, m.first - 4), m.first)
        verbs = doc.has_cue("attack_verbs_agent_first", max(sent.first, m.first - 2), m.first)
        agent = target = 0.0
        if agent_cues and _site_of(doc, m, sent):
            target += 3  # "موقعا لتصنيع الأسلحة تابعا لحركة حماس": the struck site belongs to the actor
        elif agent_cues:
            agent += 3
        if doc.has_cue("claim", max(sent.first, m.first - 4), m.first) or (
                doc.has_cue("claim_open", max(sent.first, m.first - 2), m.first)
                and doc.has_cue("claim_noun", m.last, min(sent.last, m.last + 10))):
            agent += 5  # "وتبنت جماعة ... الهجوم", "أعلنت حركة ... مسؤوليتها": a claim names the perpetrator
        if _accused(doc, m, sent, trig_tokens):
            agent += 5  # "اتهمت المجموعة قوات الدعم السريع بقتل 18 مدنيا": the alleged perpetrator (ANNOTATION.md)
        if m.first in trig_ends or ((m.first - 1) in trig_ends and doc.tokens[m.first - 1].key not in _PREPOSITIONS):
            agent += 2  # "غارات التحالف", "غارة تركية": the actor as genitive or adjective of the trigger
        if verbs:
            agent += 2
        if any(i in trig_tokens for i in range(m.last, min(m.last + 3, sent.last))):
            agent += 1  # subject before the verb/noun: "قوات التحالف قصفت"
        if target_cues:
            target += 3
        if kill_cues:
            target += 2
        if m.first > 0 and doc.tokens[m.first - 1].key in {"من", "عنصر", "عناصر", "افراد", "جنود"} and kill_cues:
            target += 1
        after = doc.has_cue("agent_after", m.last, min(sent.last, m.last + 4))
        if after:
            agent += 3
        side = _side_of_between(doc, m, sent, inc)
        if side == 1:
            agent += 2  # "اشتباكات بين X و Y": X is the first party
        elif side == 2:
            target += 2
        if _counted_victim(doc, m, sent):
            agent = min(agent, 0.0)
        elif m.armed and _killed_subject(doc, m, sent):
            agent, target = min(agent, 0.0), target + 2
        if m.kind in VICTIM_KINDS:
            target += 1
            agent = -10.0
        out.append((agent, target, m))
    return out


_ACCUSE_WINDOW = 8
_RESPONSIBLE = {"بالوقوف", "بالمسؤوليه", "بتنفيذ", "بشن", "بارتكاب", "المسؤوليه"}


def _accused(doc: Doc, m: ActorMention, sent: Any, trig_tokens: set[int]) -> bool:
    """"اتهمت X Y بقتل ...", "حملت X Y المسؤولية": Y, right before the act it is accused of, is the
    alleged actor; X, the accuser, right after the verb, is not (nothing of the act follows it)."""
    if not doc.has_cue("accuse", max(sent.first, m.first - _ACCUSE_WINDOW), m.first):
        return False
    for j in range(m.last, min(m.last + 3, sent.last)):
        key = doc.tokens[j].key
        if key in _RESPONSIBLE or (key.startswith("ب") and (j in trig_tokens or doc.has_cue("kill", j, j + 1))):
            return True
    return False


_BELONGING = {"تابع", "تابعا", "تابعه", "التابع", "التابعه", "تابعين", "التابعين", "تابعات", "التابعات"}
_SITES = {"موقع", "موقعا", "مواقع", "هدف", "هدفا", "اهداف", "مقر", "مقرا", "مقار", "مقرات", "مخزن", "مخزنا", "مخازن",
          "منشاه", "منشات", "مبني", "مباني", "منزل", "منزلا", "منازل", "سياره", "سيارات", "اليه", "اليات", "نقطه", "نقاط",
          "مركز", "مركزا", "مراكز", "معسكر", "معسكرا", "معسكرات", "قاعده", "مستودع", "مستودعا", "مستودعات", "مصنع",
          "مصنعا", "ورشه", "نفق", "انفاق", "شاحنه", "شاحنات", "مركبه", "مركبات", "قافله", "رتل", "رتلا", "تجمع", "تجمعات",
          "بنيه", "منصه", "منصات", "مدرعه", "دبابه", "زورق", "سفينه", "مراكب", "حاجز", "حاجزا", "مكتب", "مكتبا"}


def _site_of(doc: Doc, m: ActorMention, sent: Any) -> bool:
    """"تابعا لحركة حماس" after a struck site ("موقعا", "مقرا", "سيارة"): the actor owns the target.
    After a weapon or a force ("طائرة مسيرة تابعة للدعم السريع") it names the attacker."""
    toks = doc.tokens
    cue = next((j for j in range(m.first - 1, max(sent.first, m.first - 4) - 1, -1) if toks[j].key in _BELONGING), None)
    if cue is None:
        return False
    return any(toks[j].key in _SITES for j in range(max(sent.first, cue - 4), cue))


_PASSIVE_KILL = PASSIVE_KILL | {"قتل", "قتلت", "استشهد", "لقي"}  # the singulars too: the actor is one unit


def _counted_victim(doc: Doc, m: ActorMention, sent: Any) -> bool:
    """"قتل ثلاثة جنود": a number between a kill word and the actor makes it the victims counted."""
    kills = doc.cue_starts("kill", max(sent.first, m.first - 4), m.first)
    if not kills:
        return False
    after = kills[-1]
    return any(q.first > after and q.last == m.first and q.is_count for q in doc.sentence_quantities(sent))


def _killed_subject(doc: Doc, m: ActorMention, sent: Any) -> bool:
    """"ضابطا وجنديين قتلوا إثر انفجار": the actor before an intransitive kill verb was killed."""
    toks = doc.tokens
    for k in range(m.last, min(m.last + 5, sent.last - 1)):
        if toks[k].key in _PASSIVE_KILL:
            nxt = toks[k + 1]
            return nxt.kind == "punct" or nxt.key in AFTER_PASSIVE_KILL or nxt.text.startswith("و") \
                or (nxt.key.startswith("ب") and len(nxt.key) > 3)
        if toks[k].kind == "punct":
            return False
    return False


def _allies_of(doc: Doc, m1: ActorMention, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions joined to actor1 by "و" with nothing between ("المدفعية التركية وفصائل الجيش الوطني
    قصفت"): one side acting together. Not after "بين", where "X و Y" are the two sides of a fight."""
    ordered = sorted(mentions, key=lambda m: m.first)
    chains: list[list[ActorMention]] = []
    for m in ordered:
        if chains and m.first == chains[-1][-1].last and m.text.startswith("و") and m.armed and chains[-1][-1].armed:
            chains[-1].append(m)
        else:
            chains.append([m])
    chain = next((c for c in chains if m1 in c), [m1])
    before = chain[0].first - 1
    if len(chain) < 2 or (before >= 0 and doc.tokens[before].key in ("بين", "وبين")):
        return []
    return chain  # the first named leads (actor1), the others are associated


def _is_state(m: ActorMention | None) -> bool:
    if m is None:
        return False
    return m.kind in ("state", "bare_state") or m.inter == "State forces"


def _side_of_between(doc: Doc, m: ActorMention, sent: Any, inc: Any) -> int:
    """1 or 2 when the actor is a party of "بين X و/من جهة ... Y" right after a clash word, else 0."""
    toks = doc.tokens
    for j in range(max(sent.first, m.first - 8), m.first):
        if toks[j].key == "بين" and any(0 <= j - t.last <= 2 for t in inc.triggers if t.family in ("clash", "riot")):
            words = [t for t in toks[j + 1:m.first] if t.kind == "word"]
            return 1 if not words else 2
    return 0


def _between_parties(doc: Doc, inc: Any, family: str, reach: int = 2) -> bool:
    """A trigger of ``family`` that opens "بين X و Y" ("مواجهات بين عشيرتين", "شجار بين عائلتين"),
    within ``reach`` tokens after it in its sentence ("اشتباكات عنيفة ليل السبت في مدينة X بين مجموعتين")."""
    return any(doc.tokens[j].key == "بين"
               for t in inc.triggers if t.family == family
               for j in range(t.first, min(t.last + reach, doc.sentence_of(t.start).last)))


def assign_actors(ev: Event, doc: Doc, inc: Any, family: str, mentions: list[ActorMention],
                  day: dt.date | None, context: list[ActorMention] | None = None) -> None:
    """Set actor1/actor2 (+ Arabic mentions, inter codes, interaction) on ``ev``.

    mentions: actors near the incident's own triggers; context: every actor in its sentences,
    consulted when the acting state force is named only once for several events
    ("اقتحمت القوات ... واعتقلت خمسة").
    """
    country = ev.country
    resolved: dict[int, Actor] = {}  # id of a mention -> its actor on the day (mentions without one dropped)
    for m in mentions:
        actor = m.resolve(day, country)
        if actor is not None:
            resolved[id(m)] = actor
    mentions = [m for m in mentions if id(m) in resolved]
    scored = _scores(doc, inc, mentions)
    armed = [s for s in scored if s[2].armed]

    def state_now(m: ActorMention) -> bool:
        """A state force on the event's day ("قوات الدعم السريع" was one until 2023)."""
        actor = resolved.get(id(m))
        return actor.inter == "State forces" if actor is not None else _is_state(m)

    def agent_rank(s: tuple[float, float, ActorMention]) -> tuple:
        agent, target, m = s
        weak = m.kind in ("unidentified_weak", "bare_state")
        if family in STATE_FIRST:
            return (state_now(m), agent - target, not weak)
        return (agent - target, not weak, not state_now(m))

    ranked = sorted(armed, key=agent_rank, reverse=True)
    m1 = None
    if ranked:
        top = ranked[0]
        if family in STATE_FIRST or top[0] > top[1] or top[0] == top[1] == 0:
            m1 = top[2]
    if family in STATE_FIRST and m1 is not None and m1.kind == "unidentified_weak" and context and any(
            _is_state(m) and m.resolve(day, country) is not None for m in context):
        m1 = None  # "القبض على 12 من العناصر التكفيرية": the generic militants are the ones arrested; the
        # state force the story names made the arrest
    if m1 is not None and m1.kind in ("unidentified_weak", "unidentified"):
        m1 = _named_group_for(doc, m1, mentions) or m1
    actor1 = resolved[id(m1)] if m1 is not None else None
    if actor1 is None and family in STATE_FIRST and context:
        states = [m for m in context if _is_state(m) and m.resolve(day, country) is not None]
        if states:
            m1 = states[0]
            actor1 = m1.resolve(day, country)
    if actor1 is None and family == "air":
        actor1 = unattributed_air_actor(country, day)
    allies = _allies_of(doc, m1, mentions) if m1 is not None else []
    if allies:
        lead = allies[0]
        if lead is not m1 and resolved.get(id(lead)) is not None and not (family in STATE_FIRST and _is_state(m1)
                                                                          and not _is_state(lead)):
            m1, actor1 = lead, resolved[id(lead)]
        allies = [a for a in allies if a is not m1]
    rest = [s for s in scored if s[2] is not m1 and (actor1 is None or resolved[id(s[2])].name != actor1.name)
            and s[2] not in allies]
    if actor1 is not None and actor1.inter != "State forces":
        # "الانتحاري", "المهاجمين" name the perpetrators, never their target, unless a state force acted.
        rest = [s for s in rest if s[2].kind != "unidentified_weak"]
    if family == "clash":
        rest = [s for s in rest if s[2].armed]  # a clash has two armed sides
    if family in ("foiled", "territory", "territory_gov", "withdrawal"):
        # a defused device has no victims; ground is taken from an armed side, not from its residents
        rest = [s for s in rest if s[2].kind not in VICTIM_KINDS]
    m2 = actor2 = None
    if rest:
        if family in ("arrest", "foiled"):
            # Those arrested or foiled: a named group over the people it is made of.
            best = max(rest, key=lambda s: (s[2].kind == "named" and not _is_state(s[2]), s[1] - max(s[0], 0)))
        elif family == "intercept":
            # "اعتراض طائرة مسيرة أطلقتها ميليشيا الحوثي لاستهداف المدنيين": the other side of an
            # interception is the armed actor that launched the weapon, not the people it was aimed at.
            best = max(rest, key=lambda s: (s[2].armed, s[0], s[1]))
        else:
            best = max(rest, key=lambda s: (s[1] - max(s[0], 0), s[2].kind == "named", s[2].kind in VICTIM_KINDS))
        if best[1] > 0 or best[2].armed or best[2].kind in VICTIM_KINDS:
            m2 = best[2]
            actor2 = resolved[id(m2)]
    if family == "riot":
        actor1 = Actor(_generic_name("Rioters", ev), "Rioters", country)
        m1 = next((m for m in mentions if m.kind == "rioters"), None)
        if _between_parties(doc, inc, "riot"):  # "اشتباكات بين أهالي قريتين": rioters on both sides
            actor2, m2 = Actor(_generic_name("Rioters", ev), "Rioters", country), None
    if family == "violent_demo":
        # The crowd acted; the police it fought, if named ("مواجهات مع قوى الأمن"), were the other side.
        m1 = next((m for m in mentions if m.kind in ("rioters", "protesters")), None)
        actor1 = Actor(_generic_name("Rioters", ev), "Rioters", country)
        states = [m for m in mentions if _is_state(m) and m.kind != "bare_state" and resolved.get(id(m)) is not None]
        m2 = states[0] if states else None
        actor2 = resolved[id(m2)] if m2 is not None else None
    elif family.startswith("protest"):
        m1 = next((m for m in mentions if m.kind == "protesters"), None)
        actor1 = Actor(_generic_name("Protesters", ev), "Protesters", country)
        if family != "protest":
            states = [m for m in (context or mentions) if _is_state(m) and m.resolve(day, country) is not None]
            m2 = states[0] if states else None
            actor2 = m2.resolve(day, country) if m2 else state_force(country, "police", day) if country else None
        else:
            m2 = actor2 = None
        if family == "protest_force" and actor2 is not None:
            # ACLED: the force that fired on the crowd carried the event out; the protesters were its target.
            m1, actor1, m2, actor2 = m2, actor2, m1, actor1
    elif actor1 is None and family == "riot":
        actor1 = Actor(_generic_name("Rioters", ev), "Rioters", country)
    elif actor1 is None:
        actor1 = Actor(_generic_name("Unidentified Armed Group", ev), "Political militia", country)
    ev.actor1, ev.inter1 = actor1.name, actor1.inter_in(country)
    ev.actor1_ar = m1.text if m1 is not None else None
    if allies and not family.startswith("protest") and family not in ("riot", "violent_demo"):
        ally = resolved.get(id(allies[0]))
        if ally is not None and ally.name != actor1.name:
            ev.assoc_actor_1 = ally.name  # "المدفعية التركية وفصائل الجيش الوطني قصفت": both fired
    if actor2 is not None:
        ev.actor2, ev.inter2 = actor2.name, actor2.inter_in(country)
        ev.actor2_ar = m2.text if m2 is not None else None
    if ev.actor2 is None and family == "clash" and country and (
            not ev.actor1.startswith("Unidentified") or _between_parties(doc, inc, "clash", reach=10)):
        # the unnamed other side; "اشتباكات بين مجموعتين مسلحتين": both sides unnamed
        ev.actor2, ev.inter2 = _generic_name("Unidentified Armed Group", ev), "Political militia"
    if ev.actor2 is None and family in CIVILIAN_DEFAULT and country:
        target = _civilian_target(doc, inc)
        if target is not None or family == "looting" or (family in BOMBINGS and inc.counts):
            ev.actor2, ev.inter2 = _generic_name("Civilians", ev), "Civilians"
            ev.actor2_ar = target
    if ev.inter2 == "Civilians" and family in ("attack", "shooting", "raid", "assassination", "arson", "killing"):
        ev.event_type, ev.sub_event_type = "Violence against civilians", "Attack"
    if family in ("attack", "shooting", "assassination", "arson", "killing") and ev.inter2 and ev.inter2 != "Civilians":
        ev.event_type, ev.sub_event_type = "Battles", "Armed clash"
    if family in ("territory", "territory_gov") and ev.inter1:
        # ACLED names the sub-event by who took the ground: a state regains, a non-state actor overtakes.
        if ev.inter1 == "State forces":
            ev.sub_event_type = "Government regains territory"
        elif ev.inter1 in ("Rebel group", "Political militia", "Identity militia", "External/Other forces"):
            ev.sub_event_type = "Non-state actor overtakes territory"
    ev.civilian_targeting = "Civilian targeting" if ev.inter2 == "Civilians" else None
    ev.interaction = _interaction(ev.inter1, ev.inter2)


_COREF_WINDOW = 7
_PREPOSITIONS = {"مع", "علي", "ضد", "في", "من", "الي", "عن", "بين", "ل", "ب"}
BOMBINGS = {"suicide", "ied", "explosion", "grenade"}
CIVILIAN_DEFAULT = BOMBINGS | {"looting", "attack", "shooting", "air", "shelling", "arson"}


def _civilian_target(doc: Doc, inc: Any) -> str | None:
    """"استهدف كنيسة", "السطو على بنك": a civilian place named as the target of the incident."""
    for i in inc.sentences:
        sent = doc.sentences[i]
        for m in _civilian_target_matcher().find(doc.tokens[sent.first:sent.last]):
            first = sent.first + m.first
            if doc.has_cue("target_cues", max(sent.first, first - 3), first):
                return doc.text[m.start:m.end]
    return None


@lru_cache(maxsize=1)
def _civilian_target_matcher() -> PhraseMatcher:
    return PhraseMatcher((p, p) for p in actor_patterns().get("civilian_targets", []))


def _named_group_for(doc: Doc, m: ActorMention, mentions: list[ActorMention]) -> ActorMention | None:
    """"مسلحون يعتقد أنهم من جماعة بوكو حرام": gunmen the text ties to a named group are that group."""
    for other in mentions:
        if other.kind == "named" and not _is_state(other) and 0 <= other.first - m.last <= _COREF_WINDOW \
                and doc.sentence_of(other.start) is doc.sentence_of(m.start) \
                and any(t.key in ("من", "ينتمون", "ينتمي", "التابعين", "التابع", "لتنظيم", "لجماعه")
                        or t.key.startswith("ينتم") for t in doc.tokens[m.last:other.first + 1]):
            return other
    return None


def _generic_name(base: str, ev: Event) -> str:
    return f"{base} ({_country_label(ev)})" if ev.country else base


def _country_label(ev: Event) -> str:
    return _plain_country_name(ev.country) if ev.country else ""


def _interaction(inter1: str | None, inter2: str | None) -> str | None:
    if inter1 is None:
        return None
    a = _INTERACTION.get(inter1, 0)
    b = _INTERACTION.get(inter2, 0) if inter2 else 0
    return f"{inter1}-only" if b == 0 else f"{inter1}-{inter2}" if a <= b else f"{inter2}-{inter1}"

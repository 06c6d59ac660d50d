"""Assembly: turn incidents into ACLED events (type, actors, date, place, toll, evidence, notes).

The incident's type follows ACLED's hierarchy among its triggers (an armed
clash absorbs a suicide bombing; later detail makes a generic attack
specific); places the text gives only vaguely take the story's place.
"""

from __future__ import annotations

from typing import Any

from marsad.doc import Doc
from marsad.events.incidents import GROUPS, Incident, build_incidents, sentence_flag
from marsad.events.model import Event, Evidence
from marsad.events.places import vague
from marsad.events.roles import STATE_FIRST, _is_state
from marsad.events.timing import event_day, role_of, set_date
from marsad.lexicon import SOURCES, families
from marsad.recognisers.actors import ActorMention
from marsad.recognisers.casualties import total
from marsad.recognisers.triggers import Trigger
from marsad.text.matcher import longest_matches
from marsad.text.normalize import fold

__all__ = ["Incident", "build_incidents", "incident_family", "to_events"]


_MAX_EVIDENCE = 400


SPECIFIC = {"suicide", "ied", "grenade", "air", "shelling", "chemical", "abduction", "assassination"}


GENERIC = {"attack", "explosion", "shooting", "arson", "killing"}


def incident_family(inc: Incident, actors: list[ActorMention], doc: Doc | None = None) -> str:
    """The lead sentence's kind of event, made specific by later detail; an armed clash absorbs the rest."""
    fams = families()
    lead = [t for t in inc.triggers if t.sentence == inc.sentences[0]]
    strong_lead = [t for t in lead if t.weight >= 2] or lead
    family = max(strong_lead, key=lambda t: (fams[t.family].rank, t.weight)).family
    if family == "shelling" and any(t.family == "air" for t in inc.triggers) and not any(
            t.family == "shelling" and t.weight >= 3 for t in lead):
        family = "air"
    later = {t.family for t in inc.triggers if t.weight >= 2}
    gains = [t for t in strong_lead if t.family in ("territory", "territory_gov") and t.weight >= 2]
    if family == "clash" and gains:
        # "استعادة السيطرة على المدينة بعد معارك": ground won in battle (ACLED's territory sub-events)
        family = max(gains, key=lambda t: (t.weight, fams[t.family].rank)).family
    if family in GENERIC:
        specific = [f for f in later if f in SPECIFIC]
        if specific:
            family = max(specific, key=lambda f: fams[f].rank)
    if family in ("ied", "explosion") and any(t.family == "foiled" and t.weight >= 3 for t in strong_lead) \
            and not any(t.family == "explosion" for t in lead):
        family = "foiled"  # "تفكيك أربع عبوات ناسفة": a device defused, not one that went off
    if family == "explosion" and "suicide" in later:
        family = "suicide"
    if family == "ied" and "suicide" in later:
        family = "suicide"
    if "clash" in later and GROUPS[family] == "violence" and family not in ("abduction",):
        family = "clash"
    if _violent_demonstration(doc, inc, actors, family):
        return "violent_demo"  # "أحرق محتجون غاضبون مبنى البلدية بعد مواجهات مع قوى الأمن"
    if "riot" in later and not any(a.kind in ("named", "state") for a in actors):
        return "riot"
    if family in GENERIC and any(a.kind == "rioters" and any(0 <= a.first - t.last <= 3 or 0 <= t.first - a.last <= 2 for t in strong_lead)
                                 for a in actors):
        return "riot"  # "قتلت مجموعة من الغوغاء رجلا", "هاجم حشد غاضب": a mob did it (Mob violence)
    if family == "raid" and later & {"arrest", "foiled"} and not inc.counts:
        family = "arrest" if "arrest" in later else "foiled"
    if family == "protest":
        family = _protest_kind(inc, actors)
    elif GROUPS[family] == "violence" and family not in ("abduction", "sexual") and _force_on_protesters(inc, actors):
        family = _protest_kind(inc, actors, forced=True)  # "قتل 25 متظاهرا برصاص قوات الأمن": a protest met with force
    return family


_CROWD_VIOLENCE = {"arson", "looting", "riot", "clash", "attack"}


def _violent_demonstration(doc: Doc | None, inc: Incident, actors: list[ActorMention], family: str) -> bool:
    """A demonstration whose crowd turned violent (ACLED's Violent demonstration): protest words or
    protesters with rioters ("محتجون غاضبون"), arson, or clashes with the police, and no armed group
    in the fight; a fight between two communities stays Mob violence."""
    if GROUPS[family] not in ("violence", "crowd") or family in ("abduction", "sexual"):
        return False
    crowd = "protest" in inc.families or any(a.kind == "protesters" for a in actors)
    if not crowd:
        return False  # a mob with no demonstration ("هاجم حشد غاضب رجلا") is Mob violence
    if any(a.armed and a.kind == "named" and a.inter != "State forces" for a in actors):
        return False
    if doc is not None and "riot" in inc.families and any(
            doc.tokens[j].key == "بين" for t in inc.triggers if t.family == "riot"
            for j in range(t.first, min(t.last + 2, len(doc.tokens)))):
        return False
    rioters = any(a.kind == "rioters" for a in actors)
    violent = {t.family for t in inc.triggers if t.weight >= 2} & _CROWD_VIOLENCE
    return rioters or bool(violent and "protest" in inc.families)


def _force_on_protesters(inc: Incident, actors: list[ActorMention]) -> bool:
    """State forces shot, killed or dispersed protesters: the violence belongs to the protest (ACLED's
    Excessive force against protesters / Protest with intervention), not to a battle."""
    state = any(a.kind in ("state", "bare_state") or a.inter == "State forces" for a in actors)
    protesters = any(a.kind == "protesters" for a in actors) or any(t.family == "protest" for t in inc.triggers)
    rioters = any(a.kind == "rioters" for a in actors) or "riot" in inc.families
    armed_other = any(a.armed and not (a.kind in ("state", "bare_state") or a.inter == "State forces")
                      and a.kind not in ("protesters", "rioters", "civilians") for a in actors)
    return state and protesters and not rioters and not armed_other


def _protest_kind(inc: Incident, actors: list[ActorMention], forced: bool = False) -> str:
    """Peaceful, dispersed ("الغاز المسيل للدموع", "لتفريق"), or met with lethal force.
    ``forced``: state forces used violence on the protesters (at least an intervention)."""
    killed = any(c.kind == "killed" and not c.attackers for c in inc.counts)
    state = any(a.kind in ("state", "bare_state") or a.inter == "State forces" for a in actors)
    if killed and state:
        return "protest_force"
    if inc.intervention or forced:
        return "protest_intervention"
    return "protest"


_ACTOR_WINDOW = 20


def _context_place(doc: Doc, inc: Incident, incidents: list[Incident], fallback: Any | None) -> Any | None:
    """Where an incident the text does not place precisely happened: its own place when it names a
    town or province; else the place of the story so far (the last incident before it that has
    one, inside the same country); else the article's main place."""
    own = inc.place
    if own is not None and not vague(own):
        return own
    country = own.place.country if own is not None else None
    before = incidents[:incidents.index(inc)]
    role = role_of(doc, inc)
    for other in reversed(before):
        p = other.place
        if role_of(doc, other) != role:
            continue  # the story's place, not that of an earlier event it recalls
        if p is not None and not vague(p) and (country is None or p.place.country == country):
            return p
    if own is not None:
        return own
    return fallback


def _incident_actors(doc: Doc, inc: Incident, actors: list[ActorMention], actor_sentences: list[int],
                     triggers_in: dict[int, list[Trigger]]) -> list[ActorMention]:
    """Actors near this incident's triggers, and nearer to them than to another incident's.

    ``actor_sentences``: each actor's sentence; ``triggers_in``: every incident's triggers by sentence.
    """
    own = {id(t) for t in inc.triggers}
    out = []
    after = max(inc.sentences) + 1
    for a, sent in zip(actors, actor_sentences, strict=True):
        if sent == after and not triggers_in.get(sent) and _agent_named_after(doc, a):
            out.append(a)  # "... وتم اعتراضه. وأوضح أن الصاروخ أطلقته الميليشيات الحوثية": the perpetrator
            continue  # named in the next sentence, which tells no incident of its own
        if sent not in inc.sentences:
            continue
        rivals = triggers_in.get(sent)
        if not rivals:
            continue
        nearest = min(rivals, key=lambda t: min(abs(a.first - t.first), abs(a.first - t.last)))
        distance = min(abs(a.first - nearest.first), abs(a.first - nearest.last))
        counts_near = any(abs(c.start - a.start) < 80 for c in inc.counts if c.sentence == sent)
        if id(nearest) in own and (distance <= _ACTOR_WINDOW or counts_near):
            out.append(a)
        elif _claims_one_of(doc, a, inc):
            out.append(a)
    return out


def _agent_named_after(doc: Doc, a: ActorMention) -> bool:
    """The actor follows an agent phrase ("أطلقته", "نفذها", "من قبل") in its sentence."""
    sent = doc.sentence_of(a.start)
    return a.armed and doc.has_cue("agent_cues", max(sent.first, a.first - 3), a.first)


def _claims_one_of(doc: Doc, a: ActorMention, inc: Incident) -> bool:
    """"خلية مرتبطة بتنظيم داعش تقف خلف التفجير": the actor is tied to this incident's trigger by an
    agent phrase between them, even when another event's trigger is nearer."""
    cues = doc.cue_starts("agent_after", a.last, a.last + 4)
    return any(0 <= t.first - c <= 4 for c in cues for t in inc.triggers)


def to_events(doc: Doc, incidents: list[Incident], actors: list[ActorMention], fallback_place: Any | None,
              assign_actors, describe) -> list[Event]:
    events = []
    fams = families()
    actor_sentences = [doc.sentence_of(a.start).index for a in actors]
    triggers_in: dict[int, list[Trigger]] = {}
    for other in incidents:
        for t in other.triggers:
            triggers_in.setdefault(t.sentence, []).append(t)
    for inc in incidents:
        inc_actors = _incident_actors(doc, inc, actors, actor_sentences, triggers_in)
        family = incident_family(inc, inc_actors, doc)
        place = _context_place(doc, inc, incidents, fallback_place)
        day = event_day(doc, inc)
        role = role_of(doc, inc)
        if role == "background" and (place is None or inc.when is None or len(inc.when.value or "") < 7
                                     or (max(t.weight for t in inc.triggers) < 3 and not inc.counts)):
            continue  # background needs a concrete event with at least a month and a place (ANNOTATION.md)
        if _history(doc, inc):
            continue  # "القصف الكيميائي ... في 16 آذار 1988": recalled history, not an event (ANNOTATION.md)
        if inc is not incidents[0] and inc.place is None and inc.when is None and not inc.counts \
                and max(t.weight for t in inc.triggers) < 4:
            continue  # a bare mention with nothing of its own to place, date or count
        if family in ("arrest", "looting") and _ordinary_crime(doc, inc, inc_actors):
            continue  # ACLED codes political arrests and looting, not car thieves or smugglers
        fam = fams[family]
        ev = Event(event_type=fam.event_type, sub_event_type=fam.sub_event_type)
        set_date(ev, doc, inc)
        ev.role = role
        _set_place(ev, place, place is not inc.place)
        context = [a for a, sent in zip(actors, actor_sentences, strict=True) if sent in inc.sentences]
        if family in STATE_FIRST and not any(_is_state(a) for a in context):
            context += _story_force(inc, actors, actor_sentences)
        assign_actors(ev, doc, inc, family, inc_actors, day, context)
        fam = fams[family]
        ev.disorder_type = _disorder(ev.event_type)
        killed: int | None
        killed, qualifier = total(inc.counts, "killed")
        if family == "suicide" and not any(c.attackers and c.kind == "killed" for c in inc.counts) \
                and not _bomber_in_toll(doc, inc):
            bombers = _bomber_count(inc)
            killed = (killed or 0) + bombers if killed is not None or bombers else killed
        ev.fatalities = killed or 0
        ev.fatalities_qualifier = qualifier
        ev.injuries, _ = total(inc.counts, "injured")
        ev.sources = _sources(doc, inc)
        ev.status = _status(doc, inc, family)
        ev.evidence = _evidence(doc, inc)
        ev.confidence = _confidence(inc)
        ev.notes = describe(ev)
        events.append(ev)
    return events


def _story_force(inc: Incident, actors: list[ActorMention], actor_sentences: list[int]) -> list[ActorMention]:
    """"تمكنت قوات ... من تحقيق نجاحات، حيث تم: - القبض على 12 ...": an arrest or raid told without its
    agent ("تم القبض", "القضاء على") was carried out by the state force the story last named as acting,
    in the nearest earlier sentence that names one."""
    first = inc.sentences[0]
    earlier = [(sent, a) for a, sent in zip(actors, actor_sentences, strict=True)
               if sent < first and _is_state(a) and a.kind != "bare_state"]
    if not earlier:
        return []
    nearest = max(sent for sent, _ in earlier)
    return [a for sent, a in earlier if sent == nearest]


HISTORY_YEARS = 10


def _history(doc: Doc, inc: Incident) -> bool:
    """An incident whose own date lies more than ``HISTORY_YEARS`` years before publication is history
    (ANNOTATION.md lists historical periods among non-events): an anniversary or a war recalled, not
    context for today's news. Ten years reaches past every recalled event the annotated sets keep as
    background (at most six years old) and before the years ACLED covers for most Arab countries
    (2015-2017), so an older event could not be merged with ACLED data anyway."""
    d = inc.when
    if d is None or not d.value or doc.published is None:
        return False
    return doc.published.year - int(d.value[:4]) > HISTORY_YEARS


_BOMBER_WORDS = {"انتحاري", "انتحاريا", "الانتحاري", "انتحاريان", "انتحاريين", "الانتحاريين", "مفجر", "مفجرا",
                 "نفسه", "نفسيهما", "انفسهم", "حزام", "حزاما", "سترة", "سترته", "مزدوج", "المزدوج"}


_TWO_BOMBERS = {"انتحاريان", "انتحاريين", "الانتحاريين", "نفسيهما", "مزدوج", "المزدوج"}


_BOMBER_KEYS = {fold(w) for w in _BOMBER_WORDS}


_TWO_BOMBER_KEYS = {fold(w) for w in _TWO_BOMBERS}


def _status(doc: Doc, inc: Incident, family: str) -> str:
    """occurred | foiled | claimed | alleged (ACLED notes keep the same distinction in prose)."""
    if family in ("foiled", "intercept"):
        return "foiled"
    if any(sentence_flag(doc, doc.sentences[i], "claim") for i in inc.sentences):
        return "claimed"
    if any(sentence_flag(doc, doc.sentences[i], "alleged") for i in inc.sentences):
        return "alleged"
    return "occurred"


def _ordinary_crime(doc: Doc, inc: Incident, actors: list[ActorMention]) -> bool:
    crime = any(sentence_flag(doc, doc.sentences[i], "crime") for i in inc.sentences)
    political = any(sentence_flag(doc, doc.sentences[i], "political") for i in inc.sentences) or any(
        a.kind == "named" and a.inter != "State forces" for a in actors)
    return crime and not political


_INCLUDING = {"بينهم", "منهم", "بمن"}
_BOMBER_IN_TOLL = {"المهاجم", "الانتحاري", "المنفذ", "منفذ", "منفذه", "منفذ الهجوم", "المفجر", "الانتحاريان", "المهاجمان"}
_BOMBER_IN_TOLL_KEYS = {fold(w) for w in _BOMBER_IN_TOLL}


def _bomber_in_toll(doc: Doc, inc: Incident) -> bool:
    """"قتل ستة أشخاص، بينهم المهاجم": the toll already counts the bomber."""
    for i in inc.sentences:
        sent = doc.sentences[i]
        toks = doc.tokens[sent.first:sent.last]
        for k, t in enumerate(toks):
            if t.key in _INCLUDING and any(u.key in _BOMBER_IN_TOLL_KEYS for u in toks[k + 1:k + 4]):
                return True
    return False


def _bomber_count(inc: Incident) -> int:
    """Suicide bombers who died with their attack (ACLED counts them); none for drones or boats."""
    count = 0
    for t in inc.triggers:
        words = {fold(w) for w in t.text.split()}
        if t.family != "suicide" or not words & _BOMBER_KEYS:
            continue
        two = bool(words & _TWO_BOMBER_KEYS)
        count = max(count, 2 if two else 1)
    return count


def _disorder(event_type: str) -> str:
    if event_type == "Protests" or event_type == "Riots":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def _set_place(ev: Event, pm: Any | None, inherited: bool) -> None:
    if pm is None:
        ev.unlocated = True
        return
    p = pm.place
    ev.country = p.country
    ev.country_name = _country_name(p.country)
    ev.admin1 = p.admin1
    ev.admin2 = p.admin2
    ev.admin3 = getattr(p, "admin3", None)
    ev.location = p.name
    ev.location_ar = pm.text
    ev.latitude = p.lat
    ev.longitude = p.lon
    ev.geo_precision = pm.geo_precision or 1
    if inherited and ev.geo_precision < 2:
        ev.geo_precision = 2


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    from marsad.geo import country

    place = country(iso3)
    return place.name if place is not None else None


def _sources(doc: Doc, inc: Incident) -> list[str]:
    out: list[str] = []
    found = doc.lexicon_matches()[SOURCES]  # every source phrase in the article, in text order
    for s in inc.sentences:
        sent = doc.sentences[s]
        inside = [m for m in found if sent.first <= m.first and m.last <= sent.last]
        for m in longest_matches(inside):
            if m.value not in out:
                out.append(m.value)
    return out


def _evidence(doc: Doc, inc: Incident) -> Evidence:
    """The sentence that reports the incident best: the one naming its place with a trigger, else the first."""
    sent = doc.sentences[inc.sentences[0]]
    if inc.place is not None:
        placed = doc.sentence_of(inc.place.start)
        if placed.index in inc.sentences and any(t.sentence == placed.index for t in inc.triggers):
            sent = placed
    start, end = sent.start, sent.end
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    if end - start > _MAX_EVIDENCE:
        anchor = min((t.start for t in inc.triggers if t.sentence == sent.index), default=start)
        start = max(start, anchor - _MAX_EVIDENCE // 2)
        end = min(end, start + _MAX_EVIDENCE)
    return Evidence(start, end, doc.text[start:end])


def _confidence(inc: Incident) -> float:
    score = 0.4 + 0.1 * min(3, max(t.weight for t in inc.triggers))
    if inc.place is not None:
        score += 0.1
    if inc.counts:
        score += 0.1
    return round(min(score, 0.95), 2)

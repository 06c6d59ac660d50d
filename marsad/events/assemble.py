"""Assembly: turn recognised triggers, places, dates, actors and counts into ACLED events.

The unit is ACLED's: one type, one place, one day, one actor pair. A sentence
that reports an incident opens an incident, or elaborates the incident it is
compatible with (same place, same day, same kind of violence). Each incident
becomes one event whose type follows ACLED's hierarchy among its triggers.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from marsad.doc import Doc, Sentence
from marsad.events.model import Event, Evidence
from marsad.lexicon import families, source_matcher
from marsad.recognisers.actors import ActorMention
from marsad.recognisers.casualties import Count, sentence_counts, total
from marsad.recognisers.triggers import Trigger
from marsad.text.normalize import fold

# Families that describe the same incident when they co-occur at one place and day.
GROUPS = {
    "clash": "violence", "suicide": "violence", "ied": "violence", "explosion": "violence", "grenade": "violence",
    "attack": "violence", "shooting": "violence", "assassination": "violence", "raid": "violence",
    "arson": "violence", "abduction": "violence", "killing": "violence", "chemical": "violence", "sexual": "violence",
    "air": "air", "shelling": "shelling",
    "arrest": "security", "foiled": "security",
    "protest": "crowd", "riot": "crowd", "protest_intervention": "crowd", "protest_force": "crowd",
    "intercept": "air",
    "territory": "territory", "territory_gov": "territory", "withdrawal": "territory",
    "looting": "looting",
}
_REFERENCE_WORDS = {"كيلومترا", "كيلومتر", "كلم", "كم", "ميلا", "كيلومترات"}
_MAX_EVIDENCE = 400


@dataclass
class Incident:
    sentences: list[int]
    triggers: list[Trigger]
    place: Any | None  # PlaceMention
    date: Any | None  # DateMention
    background: bool
    counts: list[Count] = field(default_factory=list)
    soft_date: Any | None = None  # a date of the report, not of the event ("أفاد ... الجمعة")
    first_place: Any | None = None
    intervention: bool = False  # police dispersed a crowd ("الغاز المسيل للدموع")
    sealed_before: bool = False  # opened by "وفي سياق آخر": never merges into an earlier incident

    def __post_init__(self) -> None:
        self.first_place = self.place

    @property
    def when(self) -> Any | None:
        return self.date if self.date is not None else self.soft_date

    @property
    def families(self) -> set[str]:
        return {t.family for t in self.triggers}

    @property
    def group(self) -> str:
        return GROUPS[self.triggers[0].family]


def _km(a: Any, b: Any) -> float:
    p = math.pi / 180
    h = (math.sin((b.lat - a.lat) * p / 2) ** 2
         + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def _same_name_as_admin1(pm: Any) -> bool:
    """"دير الزور", "حلب": a city named like its governorate may mean either."""
    p = pm.place
    return p.kind in ("town", "admin1", "admin2") and bool(p.admin1) and (
        p.name.split()[-1].lower() in p.admin1.lower() or (p.name_ar and p.name_ar == p.admin1_ar))


_SAME_SITE_KM = 10
_REGION_KM = 200
_AREA_KM = 15


def _vague(pm: Any) -> bool:
    """A country, a region or "شمال العراق": compatible with any place inside it."""
    return pm.place.kind == "country" or ((pm.geo_precision or 1) >= 3 and not pm.place.admin1)


def _place_compatible(a: Any | None, b: Any | None) -> bool:
    if a is None or b is None:
        return True
    pa, pb = a.place, b.place
    if pa.id == pb.id:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    if _vague(a) or _vague(b):
        return True
    coarse = max(a.geo_precision or 1, b.geo_precision or 1)
    same_admin1 = bool(pa.admin1) and pa.admin1 == pb.admin1
    if same_admin1 and (coarse >= 3 or _same_name_as_admin1(a) or _same_name_as_admin1(b)):
        return True
    if (pa.kind == "region" and (a.geo_precision or 3) >= 3) or (pb.kind == "region" and (b.geo_precision or 3) >= 3):
        return _km(pa, pb) <= _REGION_KM  # "شمال العراق", "ريف حلب": large, loosely bounded areas
    if pa.kind == "region" or pb.kind == "region":
        return _km(pa, pb) <= _AREA_KM  # "المحافظة الوسطى", "شمال غرب مدينة غزة": a district-sized area
    if coarse >= 3:
        return _km(pa, pb) <= 100
    # Two different named towns are two places, unless one lies inside the other.
    return _km(pa, pb) <= _SAME_SITE_KM


def _date_compatible(a: Any | None, b: Any | None) -> bool:
    """Two explicit, different days in one article are two incidents; coarser dates must contain the finer."""
    if a is None or b is None or a.value is None or b.value is None:
        return True
    short, long_ = sorted((a.value, b.value), key=len)
    return long_.startswith(short)


def _generic_before(doc: Doc, sent: Sentence, trigs: list[Trigger]) -> bool:
    """"يواصلون تنفيذ هجمات", "في الأشهر الماضية ... الهجمات": a habitual or vague frame before the trigger."""
    strong = [t for t in trigs if t.weight >= 2] or trigs
    first = min(t.first for t in strong)
    return bool(doc.cue_starts("generic", sent.first, min(sent.last, first + 3)))


def _report_verbs_before(doc: Doc, sent: Sentence, d: Any, trig_tokens: set[int]) -> bool:
    first = _token_at(doc, d.start)
    lo = max(sent.first, first - _REPORT_WINDOW)
    verbs = doc.cue_starts("attribution_verbs", lo, first)
    if not verbs:
        return False
    kills = set(doc.cue_starts("kill", lo, first))
    last_verb = max(verbs)
    return not any(last_verb < i < first for i in trig_tokens | kills)


def _sentence_flag(doc: Doc, sent: Sentence, name: str, head: int | None = None) -> bool:
    return bool(doc.cue_starts(name, sent.first, sent.last if head is None else min(sent.last, sent.first + head)))


def _is_reference_place(doc: Doc, pm: Any, sent: Sentence) -> bool:
    """A place used to say where something else is ("175 كيلومترا شمال بغداد")."""
    i = _token_at(doc, pm.start)
    window = doc.tokens[max(sent.first, i - 6):i]
    return any(t.key in _REFERENCE_WORDS for t in window)


def _token_at(doc: Doc, offset: int) -> int:
    import bisect

    starts = doc._token_starts if hasattr(doc, "_token_starts") else [t.start for t in doc.tokens]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _best_place(doc: Doc, places: list[Any], anchor: int, sent: Sentence) -> Any | None:
    """The place tied to a trigger: most precise, nearest after it, no reference places."""
    cands = [p for p in places if not _is_reference_place(doc, p, sent)]
    if not cands:
        return None
    fine = [p for p in cands if p.place.kind != "country"]
    cands = fine or cands

    def key(p: Any) -> tuple:
        after = p.start >= anchor
        distance = abs(p.start - anchor)
        return (p.geo_precision or 3, 0 if after else 1, distance)

    return min(cands, key=key)


_REPORT_WINDOW = 10


def _is_report_date(doc: Doc, sent: Sentence, d: Any, trigs: list[Trigger]) -> bool:
    """The date of a statement, not of the event: after a reporting verb, or inside a quotation."""
    trig_tokens = {i for t in trigs for i in range(t.first, t.last)}
    if _report_verbs_before(doc, sent, d, trig_tokens):
        return True
    return False


def _best_date(dates: list[Any], anchor: int) -> Any | None:
    usable = [d for d in dates if d.value]
    if not usable:
        return None
    return min(usable, key=lambda d: (d.precision, abs(d.start - anchor)))


def _event_worthy(doc: Doc, sent: Sentence, trigs: list[Trigger], counts: list[Count], places: list[Any],
                  actors: list[ActorMention]) -> bool:
    strong = max(t.weight for t in trigs)
    if strong >= 3:
        return True
    support = bool(counts) + bool(places) + any(a.armed for a in actors)
    if strong == 1:  # "مقتل ثلاثة إرهابيين في عملية عسكرية في جبل ...": a weak word with a toll, a place and a force
        return support == 3 and any(c.kind == "killed" for c in counts)
    return support >= 2


_ANAPHORS = {"العمليه", "الهجوم", "الحادث", "الحادثه", "الاعتداء", "التفجير", "الغاره", "المداهمه",
             "الانفجار", "الكمين", "الاشتباكات", "القصف", "الهجمات", "التفجيرين"}
_ATTACH_WINDOW = 16


def _attached_place(doc: Doc, trig: Trigger, places: list[Any], sent: Sentence) -> Any | None:
    """The place a trigger is about: the nearest one after it ("غارة على بلدة X"), else before it."""
    usable = [p for p in places if not _is_reference_place(doc, p, sent)]
    fine = [p for p in usable if p.place.kind != "country"] or usable
    after = [p for p in fine if p.start >= trig.end and _words_between(doc, trig.last, _token_at(doc, p.start)) <= _ATTACH_WINDOW]
    if after:
        first = min(after, key=lambda p: p.start)
        # "في مدينة الميادين بدير الزور": keep the finer of adjacent nested names.
        nested = [p for p in after if p.start - first.end <= 3 and _place_compatible(p, first)]
        return min(nested, key=lambda p: (_specificity(p), p.start))
    before = [p for p in fine if p.end <= trig.start]
    if before:
        return max(before, key=lambda p: p.start)
    return None


_KIND_ORDER = {"landmark": 0, "neighbourhood": 1, "town": 2, "admin3": 3, "admin2": 4, "region": 5, "admin1": 6,
               "country": 7}


def _specificity(pm: Any) -> tuple[int, int, int]:
    return (pm.geo_precision or 3, int(_same_name_as_admin1(pm)), _KIND_ORDER.get(pm.place.kind, 5))


def _words_between(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc.tokens[lo:hi] if t.kind != "punct")


def _finer(a: Any | None, b: Any | None) -> Any | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if _specificity(b) < _specificity(a) else a


def build_incidents(doc: Doc, triggers: list[Trigger], places: list[Any], dates: list[Any],
                    actors: list[ActorMention]) -> list[Incident]:
    by_sent: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sent.setdefault(t.sentence, []).append(t)
    incidents: list[Incident] = []
    for sent in doc.sentences:
        trigs = by_sent.get(sent.index)
        s_places = [p for p in places if sent.start <= p.start < sent.end]
        if not trigs:
            _refine_from_anaphor(doc, sent, s_places, incidents)
            continue
        s_dates = [d for d in dates if sent.start <= d.start < sent.end]
        s_actors = [a for a in actors if sent.start <= a.start < sent.end]
        counts = sentence_counts(doc, sent)
        if _sentence_flag(doc, sent, "nonpolitical_strong"):
            continue
        generic = _generic_before(doc, sent, trigs)
        background = _sentence_flag(doc, sent, "background", head=6)
        soft = [d for d in s_dates if _is_report_date(doc, sent, d, trigs)]
        hard = [d for d in s_dates if d not in soft]
        date = _best_date(hard, min(t.start for t in trigs))
        if background and hard:  # "في الذكرى ... لانفجار ... في آب 2020": the recalled event's own date
            date = min((d for d in hard if d.value), key=lambda d: d.value, default=date)
        soft_date = _best_date(soft, min(t.start for t in trigs))
        if generic and (date is None or date.precision > 1):
            continue  # "خلال العامين الماضيين ... وقتلوا مئات": a habit or a running total, not an event
        if not _event_worthy(doc, sent, trigs, counts, s_places, s_actors):
            _elaborate(doc, sent, trigs, counts, s_places, date, incidents)
            continue
        intervention = _sentence_flag(doc, sent, "protest_intervention")
        new_topic = _sentence_flag(doc, sent, "new_topic", head=4)
        for sub in _split_sentence(doc, sent, trigs, s_places, date, background):
            sub.soft_date = soft_date
            sub.intervention = intervention
            if new_topic:  # "وفي سياق آخر", "ومن ناحية أخرى": the story moves to another incident
                sub.sealed_before = True
            sub.counts = [c for c in counts if _nearest_sub(c, sub, trigs)] if len(trigs) > 1 else list(counts)
            _merge_or_append(incidents, sub)
    return incidents


def _nearest_sub(count: Count, sub: Incident, all_trigs: list[Trigger]) -> bool:
    nearest = min(all_trigs, key=lambda t: abs(t.start - count.start))
    return nearest in sub.triggers


def _split_sentence(doc: Doc, sent: Sentence, trigs: list[Trigger], places: list[Any], date: Any | None,
                    background: bool) -> list[Incident]:
    """One incident per kind of event and place named in the sentence (ACLED's unit)."""
    subs: list[Incident] = []
    strong = [t for t in trigs if t.weight >= 2] or trigs
    for t in strong:
        place = _attached_place(doc, t, places, sent)
        for sub in subs:
            if _macro(GROUPS[t.family]) == _macro(sub.group) and _same_site(sub.place, place):
                sub.triggers.append(t)
                sub.place = _finer(sub.place, place)
                break
        else:
            subs.append(Incident([sent.index], [t], place, date, background))
    weak = [t for t in trigs if t not in strong]
    if weak and subs:
        subs[0].triggers.extend(weak)
    return _absorb_weak_subs(_fold_arrests_into_fighting(subs))


def _absorb_weak_subs(subs: list[Incident]) -> list[Incident]:
    """"السطو على بنك ... واقتحام فرع البنك": a weak word beside a stronger trigger at the same site
    describes that incident; it does not report another one."""
    if len(subs) < 2:
        return subs
    out: list[Incident] = []
    strongest = max(subs, key=lambda s: max(t.weight for t in s.triggers))
    top = max(t.weight for t in strongest.triggers)
    for sub in subs:
        if sub is not strongest and max(t.weight for t in sub.triggers) <= 2 < top and _same_site(strongest.place, sub.place):
            strongest.triggers.extend(sub.triggers)
            strongest.place = _finer(strongest.place, sub.place)
        else:
            out.append(sub)
    return out


def _fold_arrests_into_fighting(subs: list[Incident]) -> list[Incident]:
    """"القبض على مطلوبين بعد تبادل لإطلاق النار": an arrest raid with a firefight is one armed clash."""
    fights = [s for s in subs if any(t.family == "clash" and t.weight >= 3 for t in s.triggers)]
    if not fights:
        return subs
    out = []
    for sub in subs:
        target = next((f for f in fights if f is not sub and sub.group == "security" and _same_site(f.place, sub.place)
                       and (sub.place is not None or f.place is not None)), None)
        if target is None:
            out.append(sub)
        else:
            target.triggers.extend(sub.triggers)
            target.place = _finer(target.place, sub.place)
    return out


def _macro(group: str) -> str:
    """Strikes, shelling and fighting named in one sentence at one site are one incident."""
    return "violence" if group in ("violence", "air", "shelling") else group


def _same_site(a: Any | None, b: Any | None) -> bool:
    """Within one sentence, two named towns are two events ("غارات على بيت لاهيا ورفح")."""
    if a is None or b is None or a.place.id == b.place.id:
        return True
    if _same_name_as_admin1(a) or _same_name_as_admin1(b) or max(a.geo_precision or 3, b.geo_precision or 3) >= 3:
        return _place_compatible(a, b)
    return False


def _elaborate(doc: Doc, sent: Sentence, trigs: list[Trigger], counts: list[Count], places: list[Any],
               date: Any | None, incidents: list[Incident]) -> None:
    """"وأسفر الهجوم عن مقتل اثنين": a weak sentence that adds figures to the incident it refers to."""
    if not incidents or not counts:
        return
    if not any(t.key in _ANAPHORS for t in doc.tokens[sent.first:sent.last]):
        return
    inc = incidents[-1]
    place = _best_place(doc, places, min(t.start for t in trigs), sent) if places else None
    if _place_compatible(inc.place, place) and _date_compatible(inc.date, date):
        inc.counts.extend(counts)
        inc.sentences.append(sent.index)


def _refine_from_anaphor(doc: Doc, sent: Sentence, places: list[Any], incidents: list[Incident]) -> None:
    """"بدأت العملية في بلدة X": a later sentence names the incident's place more precisely."""
    if not incidents or not places:
        return
    if not any(t.key in _ANAPHORS for t in doc.tokens[sent.first:sent.last]):
        return
    inc = incidents[-1]
    for p in sorted(places, key=lambda p: p.geo_precision or 3):
        if not _is_reference_place(doc, p, sent) and _place_compatible(inc.place, p) and (
                inc.place is None or (p.geo_precision or 3) < (inc.place.geo_precision or 3)):
            inc.place = p
            inc.sentences.append(sent.index)
            return


def _merge_or_append(incidents: list[Incident], new: Incident) -> None:
    if new.sealed_before:
        incidents.append(new)
        return
    # The incident the story was last about comes first.
    for inc in sorted(incidents, key=lambda i: max(i.sentences), reverse=True):
        if inc.sentences[0] == new.sentences[0]:
            continue  # split apart on purpose within one sentence
        if inc.group != new.group and not _absorbs(inc, new):
            continue
        if not (_place_compatible(inc.place, new.place) and _date_compatible(inc.date, new.date)):
            continue
        if _already_refined(inc, new):
            continue
        if new.background != inc.background:
            continue
        inc.sentences.extend(s for s in new.sentences if s not in inc.sentences)
        inc.triggers.extend(new.triggers)
        inc.counts.extend(new.counts)
        inc.intervention = inc.intervention or new.intervention
        inc.place = _finer(inc.place, new.place)
        if inc.date is None or (new.date is not None and new.date.precision < inc.date.precision):
            inc.date = new.date
        if inc.soft_date is None:
            inc.soft_date = new.soft_date
        return
    incidents.append(new)


def _already_refined(inc: Incident, new: Incident) -> bool:
    """A summary ("غارات على قطاع غزة") takes one precise place; a second, different town is a new event."""
    if new.place is None or inc.place is None or (new.place.geo_precision or 3) >= 3:
        return False
    return inc.first_place is not None and (inc.first_place.geo_precision or 3) >= 3 \
        and inc.place is not inc.first_place and not _same_site(inc.place, new.place)


def _absorbs(a: Incident, b: Incident) -> bool:
    """Violence, air and shelling sentences elaborate one incident when they add no new place or day."""
    groups = {a.group, b.group}
    if not (groups <= {"violence", "air", "shelling"} or groups <= {"crowd", "violence"}):
        return False
    # A later sentence of another kind joins only as an elaboration: no place of its own, or only
    # generic words ("القصف", "الهجوم") for the same site.
    if b.place is None:
        return True
    if a.place is not None and (a.place.geo_precision or 3) >= 3 and b.sentences[0] == a.sentences[-1] + 1:
        return True  # a lead that names only the province, then the town
    return a.place is not None and a.place.place.id == b.place.place.id and max(t.weight for t in b.triggers) <= 2


SPECIFIC = {"suicide", "ied", "grenade", "air", "shelling", "chemical", "abduction", "assassination"}
GENERIC = {"attack", "explosion", "shooting", "arson", "killing"}


def incident_family(inc: Incident, actors: list[ActorMention]) -> str:
    """The lead sentence's kind of event, made specific by later detail; an armed clash absorbs the rest."""
    fams = families()
    lead = [t for t in inc.triggers if t.sentence == inc.sentences[0]]
    strong_lead = [t for t in lead if t.weight >= 2] or lead
    family = max(strong_lead, key=lambda t: (fams[t.family].rank, t.weight)).family
    if family == "shelling" and any(t.family == "air" for t in inc.triggers) and not any(
            t.family == "shelling" and t.weight >= 3 for t in lead):
        family = "air"
    later = {t.family for t in inc.triggers if t.weight >= 2}
    if family in GENERIC:
        specific = [f for f in later if f in SPECIFIC]
        if specific:
            family = max(specific, key=lambda f: fams[f].rank)
    if family == "explosion" and "suicide" in later:
        family = "suicide"
    if family == "ied" and "suicide" in later:
        family = "suicide"
    if "clash" in later and GROUPS[family] == "violence" and family not in ("abduction",):
        family = "clash"
    if "riot" in later and not any(a.kind in ("named", "state") for a in actors):
        return "riot"
    if family == "raid" and later & {"arrest", "foiled"} and not inc.counts:
        family = "arrest" if "arrest" in later else "foiled"
    if family == "protest":
        family = _protest_kind(inc, actors)
    return family


def _protest_kind(inc: Incident, actors: list[ActorMention]) -> str:
    """Peaceful, dispersed ("الغاز المسيل للدموع", "لتفريق"), or met with lethal force."""
    killed = any(c.kind == "killed" and not c.attackers for c in inc.counts)
    state = any(a.kind in ("state", "bare_state") or a.inter == "State forces" for a in actors)
    if killed and state:
        return "protest_force"
    if inc.intervention:
        return "protest_intervention"
    return "protest"


_ACTOR_WINDOW = 20


def _context_place(doc: Doc, inc: Incident, incidents: list[Incident], fallback: Any | None) -> Any | None:
    """Where an incident the text does not place precisely happened: its own place when it names a
    town or province; else the place of the story so far (the last incident before it that has
    one, inside the same country); else the article's main place."""
    own = inc.place
    if own is not None and not _vague(own):
        return own
    country = own.place.country if own is not None else None
    before = incidents[:incidents.index(inc)]
    role = _role(doc, inc)
    for other in reversed(before):
        p = other.place
        if _role(doc, other) != role:
            continue  # the story's place, not that of an earlier event it recalls
        if p is not None and not _vague(p) and (country is None or p.place.country == country):
            return p
    if own is not None:
        return own
    return fallback


def _incident_actors(doc: Doc, inc: Incident, incidents: list[Incident], actors: list[ActorMention]) -> list[ActorMention]:
    """Actors near this incident's triggers, and nearer to them than to another incident's."""
    own = {id(t) for t in inc.triggers}
    out = []
    for a in actors:
        sent = doc.sentence_of(a.start).index
        if sent not in inc.sentences:
            continue
        rivals = [t for other in incidents for t in other.triggers if t.sentence == sent]
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


def _claims_one_of(doc: Doc, a: ActorMention, inc: Incident) -> bool:
    """"خلية مرتبطة بتنظيم داعش تقف خلف التفجير": the actor is tied to this incident's trigger by an
    agent phrase between them, even when another event's trigger is nearer."""
    cues = doc.cue_starts("agent_after", a.last, a.last + 4)
    return any(0 <= t.first - c <= 4 for c in cues for t in inc.triggers)


def to_events(doc: Doc, incidents: list[Incident], actors: list[ActorMention], fallback_place: Any | None,
              assign_actors, describe) -> list[Event]:
    events = []
    fams = families()
    for inc in incidents:
        inc_actors = _incident_actors(doc, inc, incidents, actors)
        family = incident_family(inc, inc_actors)
        place = _context_place(doc, inc, incidents, fallback_place)
        day = _event_day(doc, inc)
        role = _role(doc, inc)
        if role == "background" and (place is None or inc.when is None or len(inc.when.value or "") < 7
                                     or (max(t.weight for t in inc.triggers) < 3 and not inc.counts)):
            continue  # background needs a concrete event with at least a month and a place (ANNOTATION.md)
        if inc is not incidents[0] and inc.place is None and inc.when is None and not inc.counts \
                and max(t.weight for t in inc.triggers) < 4:
            continue  # a bare mention with nothing of its own to place, date or count
        if family in ("arrest", "looting") and _ordinary_crime(doc, inc, inc_actors):
            continue  # ACLED codes political arrests and looting, not car thieves or smugglers
        fam = fams[family]
        ev = Event(event_type=fam.event_type, sub_event_type=fam.sub_event_type)
        _set_date(ev, doc, inc)
        ev.role = role
        _set_place(ev, place, place is not inc.place)
        context = [a for a in actors if doc.sentence_of(a.start).index in inc.sentences]
        assign_actors(ev, doc, inc, family, inc_actors, day, context)
        fam = fams[family]
        ev.disorder_type = _disorder(ev.event_type)
        killed, qualifier = total(inc.counts, "killed")
        if family == "suicide" and not any(c.attackers and c.kind == "killed" for c in inc.counts):
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


_BOMBER_WORDS = {"انتحاري", "انتحاريا", "الانتحاري", "انتحاريان", "انتحاريين", "الانتحاريين", "مفجر", "مفجرا",
                 "نفسه", "نفسيهما", "انفسهم", "حزام", "حزاما", "سترة", "سترته", "مزدوج", "المزدوج"}
_TWO_BOMBERS = {"انتحاريان", "انتحاريين", "الانتحاريين", "نفسيهما", "مزدوج", "المزدوج"}


_BOMBER_KEYS = {fold(w) for w in _BOMBER_WORDS}
_TWO_BOMBER_KEYS = {fold(w) for w in _TWO_BOMBERS}


def _status(doc: Doc, inc: Incident, family: str) -> str:
    """occurred | foiled | claimed | alleged (ACLED notes keep the same distinction in prose)."""
    if family in ("foiled", "intercept"):
        return "foiled"
    if any(_sentence_flag(doc, doc.sentences[i], "claim") for i in inc.sentences):
        return "claimed"
    if any(_sentence_flag(doc, doc.sentences[i], "alleged") for i in inc.sentences):
        return "alleged"
    return "occurred"


def _ordinary_crime(doc: Doc, inc: Incident, actors: list[ActorMention]) -> bool:
    crime = any(_sentence_flag(doc, doc.sentences[i], "crime") for i in inc.sentences)
    political = any(_sentence_flag(doc, doc.sentences[i], "political") for i in inc.sentences) or any(
        a.kind == "named" and a.inter != "State forces" for a in actors)
    return crime and not political


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


def _event_day(doc: Doc, inc: Incident) -> dt.date | None:
    d = inc.when
    if d is not None and d.value and len(d.value) == 10:
        return dt.date.fromisoformat(d.value)
    if d is not None and d.value:
        v = d.value
        return dt.date(int(v[:4]), int(v[5:7]) if len(v) >= 7 else 1, 1)
    return doc.published


def _set_date(ev: Event, doc: Doc, inc: Incident) -> None:
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


def _role(doc: Doc, inc: Incident) -> str:
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
    for s in inc.sentences:
        sent = doc.sentences[s]
        for m in source_matcher().find(doc.tokens[sent.first:sent.last]):
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

"""Incidents: sentences that report an event, split by ACLED's unit and merged across sentences.

A sentence that reports an incident opens one, or elaborates the incident it
is compatible with (same site, same day, same kind of violence). ACLED's unit
(one type, one place, one day, one actor pair) decides what stays apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.doc import Doc, Sentence
from marsad.events.places import (
    attached_place,
    best_place,
    compatible,
    finer,
    is_reference_place,
    same_site,
    without_foreign_quarters,
)
from marsad.events.timing import best_date, dates_compatible, is_report_date
from marsad.lexicon import families
from marsad.recognisers.actors import ActorMention
from marsad.recognisers.casualties import Count, sentence_counts
from marsad.recognisers.triggers import Trigger

GROUPS = {
    "clash": "violence", "suicide": "violence", "ied": "violence", "explosion": "violence", "grenade": "violence",
    "attack": "violence", "shooting": "violence", "assassination": "violence", "raid": "violence",
    "arson": "violence", "abduction": "violence", "killing": "violence", "chemical": "violence", "sexual": "violence",
    "air": "air", "shelling": "shelling",
    "arrest": "security", "foiled": "security",
    "protest": "crowd", "riot": "crowd", "violent_demo": "crowd", "protest_intervention": "crowd", "protest_force": "crowd",
    "intercept": "air",
    "territory": "territory", "territory_gov": "territory", "withdrawal": "territory",
    "looting": "looting",
}


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
    anaphoric: bool = False  # its sentence points back to an incident told ("الهجوم", "القصف")

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


def _generic_before(doc: Doc, sent: Sentence, trigs: list[Trigger]) -> bool:
    """"يواصلون تنفيذ هجمات", "في الأشهر الماضية ... الهجمات": a habitual or vague frame before the trigger."""
    strong = [t for t in trigs if t.weight >= 2] or trigs
    first = min(t.first for t in strong)
    return any(not _pluperfect(doc, sent, i) for i in doc.cue_starts("generic", sent.first, min(sent.last, first + 3)))


_KANA = {"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت", "كانا", "وكانا"}


def _pluperfect(doc: Doc, sent: Sentence, i: int) -> bool:
    """"وكان مسلحون قد قتلوا ...": "قد" after a form of كان marks a past event told as background,
    not the modal "may" ("قد يقتل") of a vague or hypothetical statement."""
    if doc.tokens[i].key != "قد":
        return False
    return any(t.key in _KANA for t in doc.tokens[max(sent.first, i - 8):i])


def sentence_flag(doc: Doc, sent: Sentence, name: str, head: int | None = None) -> bool:
    return doc.has_cue(name, sent.first, sent.last if head is None else min(sent.last, sent.first + head))


_FACILITY = {"معسكر", "معسكرا", "معسكرات", "مركز", "مركزا", "مراكز", "مدرسه", "كليه", "قاعده", "مخيم", "ل", "معهد"}


def _exercise(doc: Doc, sent: Sentence) -> bool:
    """"التدريب تضمن ... قصفا مدفعيا على أهداف افتراضية", "غارات وهمية": a military exercise rehearses
    strikes and raids; none of them is an event. A training camp ("معسكر التدريب") is a place, not a drill."""
    for i in doc.cue_starts("exercise", sent.first, sent.last):
        if i > sent.first and doc.tokens[i - 1].key in _FACILITY:
            continue
        return True
    return False


def _event_worthy(doc: Doc, sent: Sentence, trigs: list[Trigger], counts: list[Count], places: list[Any],
                  actors: list[ActorMention]) -> bool:
    strong = max(t.weight for t in trigs)
    if strong >= 3:
        return True
    support = bool(counts) + bool(places) + any(a.armed for a in actors)
    if strong == 2 and places and any(t.weight == 2 and GROUPS[t.family] == "crowd" and _crowd_sized(doc, t)
                                      for t in trigs):
        return True  # "وتجمع عشرات المحتجين أمام مبنى المحافظة في البصرة": a crowd has no toll and no arms;
        # the protesters counted and the place where they gathered are the whole report
    if strong == 1:  # "مقتل ثلاثة إرهابيين في عملية عسكرية في جبل ...": a weak word with a toll, a place and a force
        return support == 3 and any(c.kind == "killed" for c in counts)
    return support >= 2


_CROWD_SIZES = {"عشرات", "مئات", "الاف", "الوف", "الالاف", "عشرات الالاف", "حشود", "مئات الالاف"}


def _crowd_sized(doc: Doc, t: Trigger) -> bool:
    """"آلاف المحتجين", "عشرات المتظاهرين", "200 محتج": a crowd counted is a crowd reported, not the
    protesters a later sentence refers back to ("ورفع المحتجون شعارات")."""
    if t.first == 0:
        return False
    prev = doc.tokens[t.first - 1]
    return prev.key in _CROWD_SIZES or prev.text.isdigit()


_ANAPHORS = {"العمليه", "الهجوم", "الحادث", "الحادثه", "الاعتداء", "التفجير", "الغاره", "المداهمه",
             "الانفجار", "الكمين", "الاشتباكات", "القصف", "الهجمات", "التفجيرين"}


def build_incidents(doc: Doc, triggers: list[Trigger], places: list[Any],
                    actors: list[ActorMention]) -> list[Incident]:
    by_sent: dict[int, list[Trigger]] = {}
    for t in _outside_actor_names(triggers, actors):
        by_sent.setdefault(t.sentence, []).append(t)
    incidents: list[Incident] = []
    places = without_foreign_quarters(doc, places)
    for sent in doc.sentences:
        trigs = by_sent.get(sent.index)
        s_places = [p for p in places if sent.start <= p.start < sent.end]
        if not trigs:
            _refine_from_anaphor(doc, sent, s_places, incidents)
            continue
        s_dates = doc.sentence_dates(sent)
        s_actors = [a for a in actors if sent.start <= a.start < sent.end]
        counts = sentence_counts(doc, sent)
        if sentence_flag(doc, sent, "nonpolitical_strong") or _exercise(doc, sent):
            continue
        if not counts and sentence_flag(doc, sent, "claim_negated", head=8):
            continue  # "ولم تتبن أي جهة المسؤولية عن الهجوم": about the incident already told, adds none
        generic = _generic_before(doc, sent, trigs)
        background = sentence_flag(doc, sent, "background", head=6)
        soft = [d for d in s_dates if is_report_date(doc, sent, d, trigs)]
        hard = [d for d in s_dates if d not in soft]
        if soft:
            # "أعلن الجيش، أمس الخميس، استعادة ... بعد معارك استمرت منذ ساعات الصباح": hours counted back
            # from the report, whose day the sentence names; that day is the event's.
            hard = [d for d in hard if not _hours_ago(d)]
        recalled = _commemorated(doc, sent, trigs)
        if recalled is not None:
            # "أحيت المدينة، اليوم الأحد، الذكرى ... للقصف الذي تعرضت له في 16 آذار 1988": the day of the
            # ceremony is not the recalled event's; only a date after the anniversary word is its own.
            background = True
            hard = [d for d in hard if d.start > recalled]
            soft = []
        if not hard and not counts and sentence_flag(doc, sent, "demand"):
            continue  # "الهجمات ... يجب أن تتوقف", "داعيا إلى وقف شامل لإطلاق النار": a call, not an incident
        if not hard and _claims_last(doc, sent, trigs, s_places, incidents):
            continue
        date = best_date(hard, min(t.start for t in trigs))
        if background and hard:  # "في الذكرى ... لانفجار ... في آب 2020": the recalled event's own date
            date = min((d for d in hard if d.value), key=lambda d: d.value, default=date)
        soft_date = best_date(soft, min(t.start for t in trigs))
        if generic and (date is None or date.precision > 1):
            continue  # "خلال العامين الماضيين ... وقتلوا مئات": a habit or a running total, not an event
        if not _event_worthy(doc, sent, trigs, counts, s_places, s_actors):
            _elaborate(doc, sent, trigs, counts, s_places, date, incidents)
            continue
        intervention = sentence_flag(doc, sent, "protest_intervention")
        new_topic = sentence_flag(doc, sent, "new_topic", head=4)
        anaphoric = any(t.key in _ANAPHORS for t in doc.tokens[sent.first:sent.last])
        if date is None and soft_date is None and sentence_flag(doc, sent, "same_time"):
            # "وفي الوقت ذاته، قصفت ...": the day of the incident the story was just telling
            soft_date = next((i.when for i in reversed(incidents) if not i.background and i.when is not None
                              and len(i.when.value or "") == 10), None)
        for sub in _split_sentence(doc, sent, trigs, s_places, date, background):
            sub.soft_date = soft_date
            if len(hard) > 1 and not background:
                # "ضربت فجر الأحد موقعا ... ردا على إطلاق صاروخ مساء السبت": each incident of the sentence
                # takes the date nearest its own words.
                sub.date = best_date(hard, min(t.start for t in sub.triggers if t.weight >= 2) if any(
                    t.weight >= 2 for t in sub.triggers) else min(t.start for t in sub.triggers))
            sub.intervention = intervention
            sub.anaphoric = anaphoric
            if new_topic:  # "وفي سياق آخر", "ومن ناحية أخرى": the story moves to another incident
                sub.sealed_before = True
            sub.counts = [c for c in counts if _nearest_sub(c, sub, trigs)] if len(trigs) > 1 else list(counts)
            _merge_or_append(incidents, sub)
    return incidents


_AGO = {"منذ", "قبل"}


def _hours_ago(d: Any) -> bool:
    """"منذ ساعات", "قبل ساعتين": a duration within the day of speaking, not a named day."""
    return d.kind == "relative" and d.offset_days == 0 and d.text.split()[0] in _AGO and "ساع" in d.text


_COMMEMORATION_WINDOW = 6


def _commemorated(doc: Doc, sent: Sentence, trigs: list[Trigger]) -> int | None:
    """"الذكرى السابعة والثلاثين للقصف", "إحياء ذكرى المجزرة": an anniversary word right before the
    trigger recalls an old event (never news). Its character offset, else None."""
    strong = [t for t in trigs if t.weight >= 2] or trigs
    first = min(t.first for t in strong)
    cues = doc.cue_starts("commemoration", max(sent.first, first - _COMMEMORATION_WINDOW), first)
    return doc.tokens[cues[0]].start if cues else None


def _outside_actor_names(triggers: list[Trigger], actors: list[ActorMention]) -> list[Trigger]:
    """"هيئة تحرير الشام", "حركة تحرير السودان": a trigger word inside a group's name is part of the
    name. A trigger that opens the mention ("طائرة مسيرة تركية") is the weapon itself and stays."""
    names = [(a.first, a.last) for a in actors if a.last - a.first > 1]  # a one-word mention holds no trigger
    return [t for t in triggers if not any(first < t.first and t.last <= last for first, last in names)]


def claim_sentence(doc: Doc, sent: Sentence) -> bool:
    """"وتبنت حركة ... الهجوم", "وأعلن تنظيم ... مسؤوليته عن التفجير": a claim of responsibility."""
    if sentence_flag(doc, sent, "claim"):
        return True
    opens = doc.cue_starts("claim_open", sent.first, sent.last)
    return bool(opens) and bool(doc.cue_starts("claim_noun", opens[0] + 1, sent.last))


def _claims_last(doc: Doc, sent: Sentence, trigs: list[Trigger], places: list[Any],
                 incidents: list[Incident]) -> bool:
    """A claim sentence right after an incident names who carried that incident out: it joins it
    (its actors become candidates) instead of opening an event of its own."""
    if not incidents or not claim_sentence(doc, sent):
        return False
    inc = incidents[-1]
    if any(p.place.kind != "country" and not compatible(inc.place, p) for p in places):
        return False
    inc.sentences.append(sent.index)
    inc.triggers.extend(t for t in trigs if t.weight >= 2)
    return True


def _nearest_sub(count: Count, sub: Incident, all_trigs: list[Trigger]) -> bool:
    nearest = min(all_trigs, key=lambda t: abs(t.start - count.start))
    return nearest in sub.triggers


def _split_sentence(doc: Doc, sent: Sentence, trigs: list[Trigger], places: list[Any], date: Any | None,
                    background: bool) -> list[Incident]:
    """One incident per kind of event and place named in the sentence (ACLED's unit)."""
    subs: list[Incident] = []
    strong = [t for t in trigs if t.weight >= 2] or trigs
    for t in strong:
        place = attached_place(doc, t, places, sent)
        for sub in subs:
            if _joinable(GROUPS[t.family], sub.group) and same_site(sub.place, place):
                sub.triggers.append(t)
                sub.place = finer(sub.place, place)
                break
        else:
            subs.append(Incident([sent.index], [t], place, date, background))
    weak = [t for t in trigs if t not in strong]
    if weak and subs:
        subs[0].triggers.extend(weak)
    if len(subs) == 1:
        _refine_within_sentence(doc, sent, subs[0], places)
    return _absorb_weak_subs(_fold_fighting_into_territory(_fold_arrests_into_fighting(
        _fold_devices_into_defusal(subs, trigs))), _dateline_end(doc, sent))


def _refine_within_sentence(doc: Doc, sent: Sentence, sub: Incident, places: list[Any]) -> None:
    """"وفي ريف حماة الشمالي، دارت اشتباكات ... على محور بلدة كفرنبودة": the sentence's one incident,
    placed only in a province or region, happened at the one town of that region the sentence names."""
    if sub.place is None or (sub.place.geo_precision or 3) < 3:
        return
    dateline = _dateline_end(doc, sent)
    inside = [p for p in places if (p.geo_precision or 3) < 3 and p.place.id != sub.place.place.id
              and p.start >= dateline and not p.dateline and p.place.name not in sub.place.place.name
              and p.place.country == sub.place.place.country and compatible(sub.place, p)
              and not is_reference_place(doc, p, sent)]
    if len({p.place.id for p in inside}) == 1:
        sub.place = inside[0]


def _dateline_end(doc: Doc, sent: Sentence) -> int:
    """Character offset after an article's dateline ("إدلب - "), 0 when the sentence has none."""
    if sent.index != 0:
        return 0
    for t in doc.tokens[sent.first:min(sent.last, sent.first + 5)]:
        if t.text in ("-", "–", "—", ":"):
            return t.end
    return 0


def _fold_into_hosts(subs: list[Incident], host_of) -> list[Incident]:
    """Each sub-incident for which ``host_of(sub)`` names another is folded into it (its triggers,
    the finer of the two places); the others are kept, in order."""
    out = []
    for sub in subs:
        host = host_of(sub)
        if host is None:
            out.append(sub)
        else:
            host.triggers.extend(sub.triggers)
            host.place = finer(host.place, sub.place)
    return out


def _fold_kind_into(subs: list[Incident], guest: str, hosts: list[Incident]) -> list[Incident]:
    """Sub-incidents made only of ``guest`` triggers join the first host at the same site."""
    if not hosts:
        return subs

    def host_of(sub: Incident) -> Incident | None:
        if not all(t.family == guest for t in sub.triggers):
            return None
        return next((h for h in hosts if h is not sub and same_site(h.place, sub.place)), None)

    return _fold_into_hosts(subs, host_of)


def _fold_devices_into_defusal(subs: list[Incident], trigs: list[Trigger]) -> list[Incident]:
    """"أبطل الخبراء مفعول عبوة ناسفة": the device named beside a defusal is the defused one, unless
    something in the sentence went off ("انفجرت عبوة ثالثة")."""
    if any(t.family == "explosion" for t in trigs):
        return subs
    defusals = [s for s in subs if any(t.family == "foiled" and t.weight >= 3 for t in s.triggers)]
    return _fold_kind_into(subs, "ied", defusals)


def _absorb_weak_subs(subs: list[Incident], dateline: int = 0) -> list[Incident]:
    """"السطو على بنك ... واقتحام فرع البنك": a weak word beside a stronger trigger at the same site
    describes that incident; it does not report another one."""
    if len(subs) < 2:
        return subs
    strongest = max(subs, key=lambda s: max(t.weight for t in s.triggers))
    top = max(t.weight for t in strongest.triggers)

    def host_of(sub: Incident) -> Incident | None:
        weak = sub is not strongest and max(t.weight for t in sub.triggers) <= 2 < top
        if weak and all(t.family == "killing" for t in sub.triggers) and (
                sub.place is None or sub.place.start < dateline):
            return strongest  # "صنعاء - قالت ... إن خمسة مدنيين قتلوا في غارة ...": the strike's toll
        return strongest if weak and same_site(strongest.place, sub.place) else None

    return _fold_into_hosts(subs, host_of)


def _fold_arrests_into_fighting(subs: list[Incident]) -> list[Incident]:
    """"القبض على مطلوبين بعد تبادل لإطلاق النار": an arrest raid with a firefight is one armed clash."""
    fights = [s for s in subs if any(t.family == "clash" and t.weight >= 3 for t in s.triggers)]
    if not fights:
        return subs

    def host_of(sub: Incident) -> Incident | None:
        return next((f for f in fights if f is not sub and sub.group == "security" and same_site(f.place, sub.place)
                     and (sub.place is not None or f.place is not None)), None)

    return _fold_into_hosts(subs, host_of)


def _fold_fighting_into_territory(subs: list[Incident]) -> list[Incident]:
    """"استعادة السيطرة على مدينة بارا بعد معارك مع قوات الدعم السريع": the battle that won the ground
    is the territory event itself (ACLED codes one event; the side fought is its actor2)."""
    gains = [s for s in subs if any(t.family in ("territory", "territory_gov") and t.weight >= 2 for t in s.triggers)]
    return _fold_kind_into(subs, "clash", gains)


def _joinable(a: str, b: str) -> bool:
    """Two triggers of one sentence at one site report one incident: the same macro group, or a
    crowd and the violence done in it ("قتل ستة متظاهرين برصاص قوات الأمن خلال احتجاجات")."""
    return _macro(a) == _macro(b) or {a, b} == {"crowd", "violence"}


def _macro(group: str) -> str:
    """Strikes, shelling and fighting named in one sentence at one site are one incident."""
    return "violence" if group in ("violence", "air", "shelling") else group


def _elaborate(doc: Doc, sent: Sentence, trigs: list[Trigger], counts: list[Count], places: list[Any],
               date: Any | None, incidents: list[Incident]) -> None:
    """"وأسفر الهجوم عن مقتل اثنين": a weak sentence that adds figures to the incident it refers to."""
    if not incidents or not counts:
        return
    if not any(t.key in _ANAPHORS for t in doc.tokens[sent.first:sent.last]):
        return
    inc = incidents[-1]
    place = best_place(doc, places, min(t.start for t in trigs), sent) if places else None
    if compatible(inc.place, place) and dates_compatible(inc.date, date):
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
        if not is_reference_place(doc, p, sent) and compatible(inc.place, p) and (
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
        if not (compatible(inc.place, new.place) and dates_compatible(inc.date, new.date)):
            continue
        if inc.date is None and new.date is not None and len(new.date.value or "") == 7 \
                and not dates_compatible(inc.soft_date, new.date):
            continue  # reported on Saturday, then "وكانت ... قد اجتاحت المدينة في يونيو": an earlier event
        if _reported_before(inc, new) or _reported_before(new, inc):
            continue  # "وكانت ... قد أعلنت في آب الماضي تفكيك خلية": a report older than the incident
        if _already_refined(inc, new):
            continue
        if _other_kind(inc, new):
            # Told alongside that incident with no day of its own: the day the story is telling.
            if new.when is None and inc.when is not None and len(inc.when.value or "") == 10:
                new.soft_date = inc.when
            continue
        if new.background != inc.background:
            continue
        inc.sentences.extend(s for s in new.sentences if s not in inc.sentences)
        inc.triggers.extend(new.triggers)
        inc.counts.extend(new.counts)
        inc.intervention = inc.intervention or new.intervention
        inc.place = finer(inc.place, new.place)
        if inc.date is None or (new.date is not None and new.date.precision < inc.date.precision):
            inc.date = new.date
        if inc.soft_date is None:
            inc.soft_date = new.soft_date
        return
    incidents.append(new)


# Families whose explicit words name the event's type outright. A suicide bombing is not among
# them: ACLED's hierarchy lets a battle at the site absorb it.
_KINDED = {"clash", "raid", "ied", "shelling", "air", "chemical"}


def _strong_types(inc: Incident) -> set[str]:
    fams = families()
    return {fams[t.family].event_type for t in inc.triggers if t.weight >= 3 and t.family in _KINDED}


def _lead_types(inc: Incident) -> set[str]:
    """The kind of an incident is the one its opening sentence told ("عمليات مداهمة" is a battle even
    at weight 2): words a later elaboration added ("تطهير المحيط من الألغام") do not widen it."""
    fams = families()
    lead = [t for t in inc.triggers if t.sentence == inc.sentences[0] and t.family in _KINDED]
    top = [t for t in lead if t.weight >= 3] or [t for t in lead if t.weight >= 2]
    return {fams[t.family].event_type for t in top}


def _other_kind(inc: Incident, new: Incident) -> bool:
    """A later sentence that tells, with its own toll and its own explicit words, an incident of
    another ACLED type ("اشتباكات" after a shelling, "انفجار عبوة ناسفة" after a raid) is an event of
    its own, even at the same site and day: ACLED keeps event types apart unless one is part of the
    other. A sentence that points back ("الهجوم", "القصف") still elaborates."""
    if not new.counts or new.anaphoric:
        return False
    a, b = _lead_types(inc), _strong_types(new)
    if not a or not b or a & b:
        return False
    return True


def _reported_before(a: Incident, b: Incident) -> bool:
    """``b`` is dated only by its report, and that report is older than ``a``'s own date: a report
    cannot tell of an incident that had not happened yet."""
    if b.date is not None or b.soft_date is None or not b.soft_date.value or a.date is None or not a.date.value:
        return False
    n = min(len(a.date.value), len(b.soft_date.value))
    return b.soft_date.value[:n] < a.date.value[:n]


def _already_refined(inc: Incident, new: Incident) -> bool:
    """A summary ("غارات على قطاع غزة") takes one precise place; a second, different town is a new event."""
    if new.place is None or inc.place is None or (new.place.geo_precision or 3) >= 3:
        return False
    return inc.first_place is not None and (inc.first_place.geo_precision or 3) >= 3 \
        and inc.place is not inc.first_place and not same_site(inc.place, new.place)


def _intercepts(inc: Incident) -> bool:
    return any(t.family == "intercept" for t in inc.triggers)


def _absorbs(a: Incident, b: Incident) -> bool:
    """Violence, air and shelling sentences elaborate one incident when they add no new place or day."""
    groups = {a.group, b.group}
    if not (groups <= {"violence", "air", "shelling"} or groups <= {"crowd", "violence"}):
        return False
    if groups != {"air"} and _intercepts(a) != _intercepts(b):
        return False  # "هاجم مسلحون حاجزا ... واعترضت الدفاعات الجوية طائرة مسيرة": an interception is
        # an event of its own (Disrupted weapons use), never a detail of a ground attack or shelling
    # A later sentence of another kind joins only as an elaboration: no place of its own, or only
    # generic words ("القصف", "الهجوم") for the same site.
    if a.group == "violence" and b.group == "air" and max((t.weight for t in b.triggers if t.family == "air"), default=0) >= 4 \
            and not any(t.family == "air" for t in a.triggers):
        return False  # "ضربات جوية نفذها سلاح الجو ... استهدفت أرتال المهاجمين": the air force's answer to a
        # ground attack is an event of its own (another sub-event type, another actor pair)
    if b.place is None:
        return True
    if a.place is not None and (a.place.geo_precision or 3) >= 3 and b.sentences[0] == a.sentences[-1] + 1:
        return True  # a lead that names only the province, then the town
    return a.place is not None and a.place.place.id == b.place.place.id and max(t.weight for t in b.triggers) <= 2

"""Event triggers: words that report an incident (strike, clash, bombing, arrest...) and their family."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.doc import Doc
from marsad.lexicon import TRIGGERS, families
from marsad.text.matcher import longest_matches

_NEGATION_WINDOW = 2
_IRREALIS_WINDOW = 3
_CAPABILITY_WINDOW = 8
_SEIZURE_WINDOW = 7
# Families whose trigger words name a weapon ("أحزمة ناسفة", "عبوات", "صواريخ", "طائرات مسيرة").
_WEAPON_FAMILIES = {"suicide", "ied", "explosion", "grenade", "shelling", "air", "chemical"}
_MEDIA = {"قناه", "لقناه", "وقناه", "بقناه", "تلفزيون", "صحيفه", "اذاعه", "وكاله", "شبكه"}


@dataclass(slots=True, init=False)
class Trigger:
    """An event word in the text. Read-only by convention, not frozen, with a written-out ``__init__``: see marsad.text.tokens.Token."""

    first: int
    last: int
    start: int
    end: int
    text: str
    family: str
    weight: int
    sentence: int

    def __init__(self, first: int, last: int, start: int, end: int, text: str, family: str, weight: int,
                 sentence: int) -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.text = text
        self.family = family
        self.weight = weight
        self.sentence = sentence

    @property
    def rank(self) -> int:
        return families()[self.family].rank


def _object_of(doc: Doc, cue_end: int, first: int, kills: set[int]) -> bool:
    """Nothing between a seizure word and a weapon breaks the clause: no punctuation, no kill word
    ("عثر على جثث ثلاثة قتلوا في غارة": the strike is an event)."""
    return not any(doc.tokens[j].kind == "punct" or j in kills for j in range(cue_end, first))


def find_triggers(doc: Doc) -> list[Trigger]:
    """Longest trigger phrases in the text, minus negated ones ("لم يسفر عن...")."""
    negations = {m.first for m in doc.cue_hits("negation")}
    irrealis = {m.last for m in doc.cue_hits("irrealis")}
    # "المدينة التي تشهد اشتباكات متقطعة", "حيث تدور معارك": a clause that describes a place by the
    # fighting that goes on there states a standing situation, not an incident.
    irrealis.update(m.last for m in doc.cue_hits("ongoing_frame"))
    # "لتعزيز قدراتها على اعتراض الصواريخ", "صفقة لشراء طائرات مسيرة": weapons bought or a capability
    # built are named, not used.
    capability = [m.last for m in doc.cue_hits("capability")]
    # "ضبطت بحوزتهم أحزمة ناسفة", "عثرت داخل الشقة على ... عبوات ناسفة": weapons seized or found are
    # objects of an arrest or a search, not an attack.
    seizure = [m.last for m in doc.cue_hits("seizure")]
    # "بإسناد من طيران التحالف", "بغطاء جوي من": the air or artillery support of an operation is told
    # as part of it, not as strikes of their own.
    support = {m.last for m in doc.cue_hits("support")}
    kills = {m.first for name in ("kill", "injure") for m in doc.cue_hits(name)}
    out = []
    for m in longest_matches(doc.lexicon_matches()[TRIGGERS]):
        if any(m.first - k in negations for k in range(1, _NEGATION_WINDOW + 1)):
            continue
        if m.first > 0 and doc.tokens[m.first - 1].key in _MEDIA:
            continue  # "قناة المسيرة": a channel's name, not a drone
        weight = m.value.weight
        # "تمهيدا لتنفيذ عمليات اغتيال": a planned act is context, not an event.
        if any(m.first - k in irrealis for k in range(0, _IRREALIS_WINDOW + 1)):
            weight = 1
        if m.first in support or (m.first - 1) in support:
            weight = 1
        sent = doc.sentence_of(m.start)
        if any(sent.first <= c <= m.first <= c + _CAPABILITY_WINDOW for c in capability):
            weight = 1
        if m.value.family in _WEAPON_FAMILIES and any(
                sent.first <= c <= m.first <= c + _SEIZURE_WINDOW and _object_of(doc, c, m.first, kills)
                for c in seizure):
            weight = 1
        out.append(Trigger(m.first, m.last, m.start, m.end, doc.text[m.start:m.end], m.value.family,
                           weight, sent.index))
    return out

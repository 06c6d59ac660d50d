"""Event triggers: words that report an incident (strike, clash, bombing, arrest...) and their family."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.doc import Doc
from marsad.lexicon import cue_matcher, families, trigger_matcher

_NEGATION_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Trigger:
    first: int
    last: int
    start: int
    end: int
    text: str
    family: str
    weight: int
    sentence: int

    @property
    def rank(self) -> int:
        return families()[self.family].rank


def find_triggers(doc: Doc) -> list[Trigger]:
    """Longest trigger phrases in the text, minus negated ones ("لم يسفر عن...")."""
    negations = {m.first for m in cue_matcher("negation").find_all(doc.tokens)}
    out = []
    for m in trigger_matcher().find(doc.tokens):
        if any(m.first - k in negations for k in range(1, _NEGATION_WINDOW + 1)):
            continue
        sent = doc.sentence_of(m.start)
        out.append(Trigger(m.first, m.last, m.start, m.end, doc.text[m.start:m.end], m.value.family,
                           m.value.weight, sent.index))
    return out

"""The analysed article: text, tokens and sentences, built once and shared by every recogniser."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from marsad.lexicon import CUES
from marsad.text.tokens import Token, tokenize


@dataclass(slots=True, init=False)
class Sentence:
    """A sentence's place in the text. Read-only by convention, not frozen, with a written-out ``__init__``: see marsad.text.tokens.Token."""

    index: int
    start: int
    end: int
    paragraph: int
    first: int  # first token index
    last: int  # one past the last token index

    def __init__(self, index: int, start: int, end: int, paragraph: int, first: int, last: int) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.first = first
        self.last = last


@dataclass(slots=True)
class Doc:
    text: str
    published: dt.date | None
    tokens: list[Token]
    sentences: list[Sentence]
    article_id: str | None = None
    _starts: list[int] = field(default_factory=list, repr=False)
    _cue_cache: dict[str, list] = field(default_factory=dict, repr=False)
    _lexicon_cache: list[list] | None = field(default=None, repr=False)
    _cue_firsts: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _quantity_cache: dict[int, list] = field(default_factory=dict, repr=False)
    _date_cache: dict[int, list] = field(default_factory=dict, repr=False)
    _token_start_cache: list[int] | None = field(default=None, repr=False)

    @property
    def _token_starts(self) -> list[int]:
        """Character offset of every token (for bisecting an offset to its token), computed once."""
        starts = self._token_start_cache
        if starts is None or len(starts) != len(self.tokens):
            starts = self._token_start_cache = [t.start for t in self.tokens]
        return starts

    def lexicon_matches(self) -> list[list]:
        """``find_all`` of every engine lexicon (see ``marsad.lexicon.engine_matcher``), in one pass."""
        if self._lexicon_cache is None:
            from marsad.lexicon import engine_matcher

            self._lexicon_cache = engine_matcher().find_all(self.tokens)
        return self._lexicon_cache

    def sentence_quantities(self, sent: Sentence) -> list:
        """The numbers that begin in one sentence (``find_quantities``; indices into ``tokens``), found once."""
        found = self._quantity_cache.get(sent.index)
        if found is None:
            from marsad.text.numbers import find_quantities

            found = self._quantity_cache[sent.index] = find_quantities(
                self.tokens, self.text, first=sent.first, last=sent.last)
        return found

    def sentence_dates(self, sent: Sentence) -> list:
        """The date mentions that begin in one sentence (``find_dates``, resolved against
        ``published``), found once."""
        found = self._date_cache.get(sent.index)
        if found is None:
            from marsad.text.dates import find_dates

            read = find_dates(self.tokens, self.published, first=sent.first, last=sent.last)
            found = self._date_cache[sent.index] = [d for d in read if sent.start <= d.start < sent.end]
        return found

    def cue_hits(self, name: str) -> list:
        """Matches of one cue lexicon (marsad/data/cues.json) over the whole text, computed once."""
        if not self._cue_cache:
            self._cue_cache["*"] = []
            for m in self.lexicon_matches()[CUES]:
                self._cue_cache.setdefault(m.value, []).append(m)
            self._cue_firsts.update((k, [m.first for m in ms]) for k, ms in self._cue_cache.items())
        return self._cue_cache.get(name, [])

    def cue_starts(self, name: str, lo: int, hi: int) -> list[int]:
        """Token indices in [lo, hi) where a phrase of cue lexicon ``name`` starts."""
        if not self._cue_cache:
            self.cue_hits(name)
        firsts = self._cue_firsts.get(name)  # in text order
        if not firsts:
            return []
        return firsts[bisect.bisect_left(firsts, lo):bisect.bisect_left(firsts, hi)]

    def has_cue(self, name: str, lo: int, hi: int) -> bool:
        """Whether a phrase of cue lexicon ``name`` starts at a token index in [lo, hi)."""
        if not self._cue_cache:
            self.cue_hits(name)
        firsts = self._cue_firsts.get(name)
        if not firsts:
            return False
        k = bisect.bisect_left(firsts, lo)
        return k < len(firsts) and firsts[k] < hi

    def token_at(self, char_offset: int) -> int:
        """Index of the token that starts at or last before ``char_offset`` (0 before the first)."""
        return max(0, bisect.bisect_right(self._token_starts, char_offset) - 1)

    def sentence_of(self, char_offset: int) -> Sentence:
        i = bisect.bisect_right(self._starts, char_offset) - 1
        return self.sentences[max(i, 0)]


def _segments(text: str) -> list[tuple[int, int, int]]:
    from marsad.text.sentences import sentence_spans

    return sentence_spans(text)


def parse_published(published: str | dt.date | None) -> dt.date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    from marsad.errors import InputError

    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        raise InputError(f"publication date {published!r} is not a YYYY-MM-DD date") from None


def build_doc(text: str, published: str | dt.date | None = None, article_id: str | None = None) -> Doc:
    tokens = tokenize(text)
    token_starts = [t.start for t in tokens]
    sentences = []
    for i, (start, end, para) in enumerate(_segments(text)):
        first = bisect.bisect_left(token_starts, start)
        last = bisect.bisect_left(token_starts, end)
        sentences.append(Sentence(i, start, end, para, first, last))
    if not sentences:
        sentences.append(Sentence(0, 0, len(text), 0, 0, len(tokens)))
    doc = Doc(text, parse_published(published), tokens, sentences, article_id)
    doc._starts = [s.start for s in sentences]
    doc._token_start_cache = token_starts
    return doc

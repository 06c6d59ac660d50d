"""Clitic-aware phrase matching of lexicon entries against tokens.

Every lexicon in marsad (places, actors, event triggers, attribution cues) is
a list of phrases. A phrase matches a run of tokens when each of its words is
one of the corresponding token's stem candidates, so "دير الزور" matches
"بدير الزور" and "الحاجز" matches "وبالحاجز".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from marsad.text.normalize import fold_word
from marsad.text.tokens import Token, tokenize

V = TypeVar("V")
GAP = "…"
_MAX_GAP = 4
_QUOTES = {'"', "'", "`", "´"}
_NO_ENTRIES: tuple = ()
#: distinct stem sets remembered per matcher before the memo starts over
_MEMO_LIMIT = 1 << 16


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[V]):
    """A lexicon phrase found in the text: token range, character span and the entry's value."""

    first: int  # index of the first token
    last: int  # index one past the last token
    start: int  # character offset in the original text
    end: int
    phrase: str
    value: V


class PhraseMatcher(Generic[V]):
    """Index of phrases -> values; finds them in token lists."""

    def __init__(self, entries: Iterable[tuple[str, V]] = ()) -> None:
        # first key -> entries (rest of the keys, phrase, value, whether rest has a gap)
        self._index: dict[str, list[tuple[tuple[str, ...], str, V, bool]]] = {}
        self._seen: set[tuple[tuple[str, ...], str, int]] = set()
        self._size = 0
        # a token's stem set -> the entries it starts, in stem order (stem sets are shared per key)
        self._memo: dict[frozenset[str], tuple] = {}
        for phrase, value in entries:
            self.add(phrase, value)

    def __len__(self) -> int:
        return self._size

    def add(self, phrase: str, value: V) -> None:
        """Add a phrase; a word "…" stands for a gap of up to four tokens ("أطلق … النار")."""
        keys = tuple(GAP if t.text == GAP else fold_word(t.text)
                     for t in tokenize(phrase.replace(GAP, f" {GAP} ")) if t.kind != "punct" or t.text == GAP)
        keys = tuple(k for k in keys if k)
        if not keys or keys[0] == GAP:
            return
        self._size += 1
        # The same phrase added twice with the same value would only ever repeat its matches.
        ident = (keys, phrase, id(value))
        if ident in self._seen:
            return
        self._seen.add(ident)
        rest = keys[1:]
        self._index.setdefault(keys[0], []).append((rest, phrase, value, GAP in rest))
        self._memo.clear()

    def _entries_for(self, stems: frozenset[str]) -> tuple:
        """The entries whose first key is one of ``stems``, in the order the stems iterate."""
        index = self._index
        found = tuple(e for stem in stems for e in index.get(stem, _NO_ENTRIES))
        memo = self._memo
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[stems] = found
        return found

    def find_all(self, tokens: Sequence[Token]) -> list[PhraseMatch[V]]:
        """Every match, overlapping ones included, in text order (longest first at a position).

        Quotation marks inside a phrase are skipped: تنظيم "داعش" matches "تنظيم داعش".
        """
        out: list[PhraseMatch[V]] = []
        n = len(tokens)
        memo_get = self._memo.get
        for i in range(n):
            tok = tokens[i]
            stems = tok.stems
            entries = memo_get(stems)
            if entries is None:
                entries = self._entries_for(stems)
            if not entries or tok.kind == "punct":
                continue
            at_i: list[PhraseMatch[V]] = []
            for rest, phrase, value, gapped in entries:
                if not rest:
                    j: int | None = i + 1
                elif gapped:
                    j = _match_rest(tokens, i + 1, rest, n)
                else:
                    j = _match_plain(tokens, i + 1, rest, n)
                if j is not None:
                    at_i.append(PhraseMatch(i, j, tok.start, tokens[j - 1].end, phrase, value))
            if at_i:
                if len(at_i) > 1:
                    at_i.sort(key=_neg_length)
                out += at_i
        return out

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch[V]]:
        """Longest non-overlapping matches, left to right."""
        chosen: list[PhraseMatch[V]] = []
        taken_until = -1
        for m in self.find_all(tokens):  # already in (first, longest first) order
            if m.first >= taken_until:
                chosen.append(m)
                taken_until = m.last
        return chosen


def _neg_length(m: PhraseMatch) -> int:
    return m.first - m.last


def _skip_quotes(tokens: Sequence[Token], j: int, n: int) -> int:
    while j < n and tokens[j].kind == "punct" and tokens[j].key in _QUOTES:
        j += 1
    return j


def _match_plain(tokens: Sequence[Token], j: int, rest: tuple[str, ...], n: int) -> int | None:
    """``_match_rest`` for a phrase without gaps."""
    for key in rest:
        while j < n:
            t = tokens[j]
            if t.kind == "punct" and t.key in _QUOTES:
                j += 1
                continue
            if key not in t.stems:
                return None
            break
        else:
            return None
        j += 1
    return j


def _match_rest(tokens: Sequence[Token], j: int, rest: tuple[str, ...], n: int) -> int | None:
    """Index one past the match of ``rest`` starting at token ``j``, or None."""
    for k, key in enumerate(rest):
        if key == GAP:
            for gap in range(0, _MAX_GAP + 1):
                if j + gap > n or any(t.kind == "punct" and t.key not in _QUOTES for t in tokens[j:j + gap]):
                    break
                end = _match_rest(tokens, j + gap, rest[k + 1:], n)
                if end is not None:
                    return end
            return None
        j = _skip_quotes(tokens, j, n)
        if j >= n or key not in tokens[j].stems:
            return None
        j += 1
    return j

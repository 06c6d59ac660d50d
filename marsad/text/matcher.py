"""Clitic-aware phrase matching of lexicon entries against tokens.

Every lexicon in marsad (places, actors, event triggers, attribution cues) is
a list of phrases. A phrase matches a run of tokens when each of its words is
one of the corresponding token's stem candidates, so "دير الزور" matches
"بدير الزور" and "الحاجز" matches "وبالحاجز".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from marsad.text.normalize import fold_word
from marsad.text.tokens import Token, tokenize

V = TypeVar("V")
GAP = "…"
_MAX_GAP = 4
_QUOTES = {'"', "'", "`", "´"}


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
        self._index: dict[str, list[tuple[tuple[str, ...], str, V]]] = defaultdict(list)
        self._size = 0
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
        self._index[keys[0]].append((keys[1:], phrase, value))
        self._size += 1

    def find_all(self, tokens: Sequence[Token]) -> list[PhraseMatch[V]]:
        """Every match, overlapping ones included, in text order (longest first at a position).

        Quotation marks inside a phrase are skipped: تنظيم "داعش" matches "تنظيم داعش".
        """
        out: list[PhraseMatch[V]] = []
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if tok.kind == "punct":
                continue
            for stem in tok.stems:
                for rest, phrase, value in self._index.get(stem, ()):
                    j = _match_rest(tokens, i + 1, rest, n)
                    if j is not None:
                        out.append(PhraseMatch(i, j, tok.start, tokens[j - 1].end, phrase, value))
        out.sort(key=lambda m: (m.first, -(m.last - m.first)))
        return _dedupe(out)

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch[V]]:
        """Longest non-overlapping matches, left to right."""
        chosen: list[PhraseMatch[V]] = []
        taken_until = -1
        for m in sorted(self.find_all(tokens), key=lambda m: (m.first, -(m.last - m.first))):
            if m.first >= taken_until:
                chosen.append(m)
                taken_until = m.last
        return chosen


def _skip_quotes(tokens: Sequence[Token], j: int, n: int) -> int:
    while j < n and tokens[j].kind == "punct" and tokens[j].key in _QUOTES:
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


def _dedupe(matches: list[PhraseMatch[V]]) -> list[PhraseMatch[V]]:
    seen = set()
    out = []
    for m in matches:
        k = (m.first, m.last, m.phrase, id(m.value))
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out

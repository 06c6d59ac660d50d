"""Clitic-aware phrase matching of lexicon entries against tokens.

Every lexicon in marsad (places, actors, event triggers, attribution cues) is
a list of phrases. A phrase matches a run of tokens when each of its words is
one of the corresponding token's stem candidates, so "دير الزور" matches
"بدير الزور" and "الحاجز" matches "وبالحاجز".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from marsad.text.memo import fill_memo
from marsad.text.normalize import fold_word
from marsad.text.tokens import Token, tokenize

V = TypeVar("V")
GAP = "…"
_MAX_GAP = 4
_QUOTES = {'"', "'", "`", "´"}
_NO_ENTRIES: tuple = ()
#: distinct stem sets remembered per matcher before the memo starts over
_MEMO_LIMIT = 1 << 16


@dataclass(slots=True, init=False)
class PhraseMatch:
    """A lexicon phrase found in the text: token range, character span and the entry's value.

    Read-only by convention; not frozen and with a written-out ``__init__`` for speed, like
    marsad.text.tokens.Token. Not generic over the value's type: the compiled build (mypyc) has no
    generic native classes.
    """

    first: int  # index of the first token
    last: int  # index one past the last token
    start: int  # character offset in the original text
    end: int
    phrase: str
    value: Any  # the value the lexicon holds for the phrase

    def __init__(self, first: int, last: int, start: int, end: int, phrase: str, value: Any) -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.phrase = phrase
        self.value = value


class PhraseMatcher(Generic[V]):
    """Index of phrases -> values; finds them in token lists."""

    def __init__(self, entries: Iterable[tuple[str, V]] = ()) -> None:
        # first key -> entries (rest of the keys, phrase, value)
        self._index: dict[str, list[tuple[tuple[str, ...], str, V]]] = {}
        self._seen: set[tuple[tuple[str, ...], str, int]] = set()
        self._size = 0
        # a token's stem set -> the phrases it may start (see _starts); stem sets are shared per key
        self._memo: dict[frozenset[str], tuple] = {}
        self._version = 0  # bumped by every add (MultiMatcher memos depend on it)
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
        self._index.setdefault(keys[0], []).append((keys[1:], phrase, value))
        self._memo.clear()
        self._version += 1

    def _starts(self, stems: frozenset[str]) -> tuple:
        """The phrases a token with these stems may start, grouped for matching; () when none.

        (one-word phrases, gap-free phrases by their second key, phrases with a gap), each entry
        led by its rank in the order the stems and the index list them, which decides the order
        of equally long matches.
        """
        index = self._index
        singles = []
        by_second: dict[str, list] = {}
        gapped = []
        order = 0
        # Longest stem first: the form closest to the surface ("برصاص" before "رصاص") wins ties,
        # and the order never depends on set iteration (string hashing varies between runs).
        for stem in sorted(stems, key=_stem_rank):
            for rest, phrase, value in index.get(stem, _NO_ENTRIES):
                if not rest:
                    singles.append((order, phrase, value))
                elif GAP in rest:
                    gapped.append((order, rest, phrase, value))
                else:
                    by_second.setdefault(rest[0], []).append((order, rest[1:], phrase, value))
                order += 1
        return (tuple(singles), by_second, tuple(gapped)) if order else ()


    def find_all(self, tokens: Sequence[Token]) -> list[PhraseMatch]:
        """Every match, overlapping ones included, in text order (longest first at a position).

        Quotation marks inside a phrase are skipped: تنظيم "داعش" matches "تنظيم داعش".
        """
        out: list[PhraseMatch] = []
        n = len(tokens)
        for i, group in _starting(tokens, self._memo, self._starts):
            _matches_at(tokens, i, n, group, out)
        return out

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch]:
        """Longest non-overlapping matches, left to right."""
        return _longest(self.find_all(tokens))


class MultiMatcher:
    """Several PhraseMatchers run in one pass over the tokens.

    ``MultiMatcher([a, b]).find(tokens)`` is ``[a.find(tokens), b.find(tokens)]`` (and likewise
    ``find_all``), but the tokens are looked up once for all the lexicons instead of once each.
    The matchers stay usable on their own; phrases added to them later are seen here too.
    """

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        self.matchers = tuple(matchers)
        self._memo: dict[frozenset[str], tuple] = {}
        self._versions = self._matcher_versions()

    def _matcher_versions(self) -> tuple[int, ...]:
        return tuple(m._version for m in self.matchers)

    def _starts(self, stems: frozenset[str]) -> tuple:
        """(matcher number, what the token starts in that lexicon) for the lexicons it starts a phrase of."""
        found = []
        for k, m in enumerate(self.matchers):
            group = m._memo.get(stems)
            if group is None:
                group = m._memo[stems] = m._starts(stems)
            if group:
                found.append((k, group))
        return tuple(found)

    def find_all(self, tokens: Sequence[Token]) -> list[list[PhraseMatch]]:
        """``[m.find_all(tokens) for m in matchers]``."""
        versions = self._matcher_versions()
        if versions != self._versions:
            self._memo.clear()
            self._versions = versions
        outs: list[list[PhraseMatch]] = [[] for _ in self.matchers]
        n = len(tokens)
        for i, groups in _starting(tokens, self._memo, self._starts):
            nxt = tokens[i + 1] if i + 1 < n else None
            for k, group in groups:
                singles, by_second, gapped = group
                if gapped or (by_second and nxt is not None
                              and (nxt.key in _QUOTES or not by_second.keys().isdisjoint(nxt.stems))):
                    _matches_at(tokens, i, n, group, outs[k])
                else:  # most tokens: no longer phrase can go on from here, only one-word ones match
                    tok = tokens[i]
                    out = outs[k]
                    for _, phrase, value in singles:
                        out.append(PhraseMatch(i, i + 1, tok.start, tok.end, phrase, value))
        return outs

    def find(self, tokens: Sequence[Token]) -> list[list[PhraseMatch]]:
        """``[m.find(tokens) for m in matchers]``."""
        return [_longest(found) for found in self.find_all(tokens)]


def _starting(tokens: Sequence[Token], memo: dict[frozenset[str], tuple], compute) -> list[tuple[int, tuple]]:
    """(index, ``memo[tok.stems]``) for the words and numbers that start a phrase, computing stem sets not seen before.

    ``compute(stems)`` says what a token with those stems starts, () for nothing.
    """
    try:
        return [(i, g) for i, tok in enumerate(tokens) if (g := memo[tok.stems]) and tok.kind != "punct"]
    except KeyError:  # words not seen before (read from a local table: another thread may clear the memo)
        table = fill_memo(memo, (tok.stems for tok in tokens), compute, _MEMO_LIMIT)
        return [(i, g) for i, tok in enumerate(tokens) if (g := table[tok.stems]) and tok.kind != "punct"]


def _matches_at(tokens: Sequence[Token], i: int, n: int, group: tuple, out: list[PhraseMatch]) -> None:
    """Append the matches starting at token ``i`` (``group``: what it starts), longest first."""
    tok = tokens[i]
    singles, by_second, gapped = group
    longer: list[tuple[int, PhraseMatch]] = []  # (rank, match) of the phrases beyond this token
    if by_second:
        j = i + 1
        while j < n and tokens[j].kind == "punct" and tokens[j].key in _QUOTES:
            j += 1
        if j < n and not by_second.keys().isdisjoint(tokens[j].stems):
            for stem in tokens[j].stems:
                for order, tail, phrase, value in by_second.get(stem, _NO_ENTRIES):
                    end = _match_plain(tokens, j + 1, tail, n) if tail else j + 1
                    if end is not None:
                        longer.append((order, PhraseMatch(i, end, tok.start, tokens[end - 1].end, phrase, value)))
    for order, rest, phrase, value in gapped:
        end = _match_rest(tokens, i + 1, rest, n)
        if end is not None:
            longer.append((order, PhraseMatch(i, end, tok.start, tokens[end - 1].end, phrase, value)))
    if not longer:  # one-word phrases only, already in rank order
        for _, phrase, value in singles:
            out.append(PhraseMatch(i, i + 1, tok.start, tok.end, phrase, value))
        return
    found = [(order, PhraseMatch(i, i + 1, tok.start, tok.end, phrase, value)) for order, phrase, value in singles]
    found += longer
    if len(found) > 1:
        found.sort(key=_longest_first)
    out.extend(m for _, m in found)


def _longest(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Longest non-overlapping matches, left to right, of ``find_all``'s output."""
    chosen: list[PhraseMatch] = []
    taken_until = -1
    for m in matches:  # in (first, longest first) order
        if m.first >= taken_until:
            chosen.append(m)
            taken_until = m.last
    return chosen


def _stem_rank(stem: str) -> tuple[int, str]:
    return -len(stem), stem


def _longest_first(found: tuple[int, PhraseMatch]) -> tuple[int, int]:
    order, m = found
    return m.first - m.last, order


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


#: Public name: longest non-overlapping matches of a ``find_all`` result.
longest_matches = _longest

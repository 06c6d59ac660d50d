"""Toponym resolution: find place names in Arabic text and pick the place each one means.

1. Scan: at every word, try the gazetteer names that start there, longest first, on the word
   as written and without a proclitic ("بدير الزور" -> "دير الزور", "للرقة" -> "الرقة").
2. Read the context of each name: cue words before it (مدينة، محافظة، ريف، حي، قرب، شرق، بين...),
   coordination with the previous name ("بلدتي X وY", "ريفي حلب وإدلب"), titles and "بن" that
   make it a person, a qualifying definite noun that makes a country homograph an adjective.
3. Score every candidate place: prominence (kind, population), cue agreement, common-word and
   weak-variant penalties, then the article's context (countries, governorates and districts
   named elsewhere, distance to places already resolved).  Two passes: unambiguous, prominent
   names first; they become the context of the rest.
4. Keep the best candidate when its score reaches ``ACCEPT``; when unsure, no place.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.geo.gazetteer import Gazetteer, gazetteer
from marsad.geo.lexicon import (
    ADJECTIVE_CUES,
    ARAB_COUNTRIES,
    BLOCKING_CUES,
    COMMON_WORDS,
    CUE_WORDS,
    DIRECTION_ADJECTIVES,
    DIRECTIONS,
    DISTANCE_FILLER,
    EVIDENCE_CUES,
    GIVEN_NAMES,
    KIND_CUES,
    LOCATIVE_PROCLITICS,
    LOCATIVES,
    NOT_QUALIFIED,
    PERSON_NEXT,
    PLURAL_CUES,
    TITLES,
    WEAK_LOCATIVES,
)
from marsad.geo.model import Place, PlaceMention
from marsad.text.memo import fill_memo
from marsad.text.normalize import normalize_char
from marsad.text.tokens import Token, tokenize

ACCEPT = 0.58
ANCHOR = 0.72

# what a candidate's context-free score says about it (Resolver._base_score)
_REJECTED = 1  # never a match, whatever the article says
_NEEDS_SUPPORT = 2  # a match only next to a resolved name that places it
_NEEDS_COUNTRY = 4  # a match only when the article names its country

_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "ولل", "فلل", "لل", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_CUE_INDEX: dict[str, str] = {}
for _type, _words in CUE_WORDS.items():
    for _w in _words:
        _CUE_INDEX.setdefault(_w, _type)
_KIND_FOR_CUE = {
    "town": ("town", "landmark"), "admin1": ("admin1",), "admin2": ("admin2", "admin3", "region", "town"),
    "admin3": ("admin3", "admin2"), "neighbourhood": ("neighbourhood", "town"), "camp": ("landmark", "town", "neighbourhood"),
    "countryside": ("region", "town", "admin1", "admin2"), "near": (), "between": (), "direction": (), "facility": (),
    "capital": ("town",), "street": (), "media": (), "area": ("admin2", "admin3", "region", "town", "neighbourhood", "landmark"),
}
#: cue words used in one country only ("معتمدية" is a Tunisian delegation)
_CUE_COUNTRY = {"معتمديه": "TUN", "معتمديات": "TUN", "عماله": "MAR", "محليه": "SDN", "محليات": "SDN"}
_SENTENCE_END = {".", "!", "?", "؟", "؛", ";"}
_COORD = {"و", "،", ",", "او", "أو"}


@dataclass(frozen=True, slots=True)
class _Cand:
    key: str  # folded key of the first word as matched
    strip: int  # key characters of the proclitic removed from the first token
    prefix: str  # the proclitic removed ("" when none)


@dataclass(slots=True, init=False)
class _Span:
    """A gazetteer name found in the tokens, with what the scan learns around it (written-out
    ``__init__``: see marsad.text.tokens.Token)."""

    first: int
    last: int  # one past the last token
    key: str
    strip: int
    prefix: str
    strong: list[int]
    weak: list[int]
    cues: list[tuple[str, str, int]]  # (type, folded word, token index)
    cue_first: int  # first token of the relation cue (ريف/شرق/قرب...) included in the mention
    relation: str
    direction: str | None
    locative: int  # 2 "في X", 1 "إلى X" / "بX", 0 none
    blocked: bool  # a street or a TV channel named after the place
    coordinated_with: int  # index of the previous span this one is listed with
    inherit: bool  # joined by "و": takes that span's cue words ("بلدتي X وY")
    person: bool
    adjective: bool
    extra_direction: str | None  # "الشمال الغربي": the adjective's direction
    dir_adj_end: int  # token index one past a direction adjective consumed ("ريف حلب الشمالي")
    sentence: int
    dateline: bool
    scores: dict[int, float]
    best: int
    # candidate -> (score before the article context, context gates, place); see Resolver._base_score
    base: dict[int, tuple[float, int, Place]]
    facts: tuple | None  # see _span_facts

    def __init__(self, first: int, last: int, key: str, strip: int, prefix: str, strong: list[int],
                 weak: list[int]) -> None:
        self.first = first
        self.last = last
        self.key = key
        self.strip = strip
        self.prefix = prefix
        self.strong = strong
        self.weak = weak
        self.cues = []
        self.cue_first = -1
        self.relation = "in"
        self.direction = None
        self.locative = 0
        self.blocked = False
        self.coordinated_with = -1
        self.inherit = False
        self.person = False
        self.adjective = False
        self.extra_direction = None
        self.dir_adj_end = -1
        self.sentence = 0
        self.dateline = False
        self.scores = {}
        self.best = -1
        self.base = {}
        self.facts = None


def _token_keys(tok: Token) -> tuple[_Cand, ...]:
    """The first-word keys a token may match under: itself, then without a proclitic."""
    cands = _KEYS_MEMO.get(tok.key)
    return cands if cands is not None else _keys_of(tok.key)


def _keys_of(k: str) -> tuple[_Cand, ...]:
    out = [_Cand(k, 0, "")]
    for pre in _PROCLITICS:
        if k.startswith(pre) and len(k) - len(pre) >= 2:
            rest = k[len(pre):]
            if pre.endswith("ال"):
                out.append(_Cand("ال" + rest, len(pre) - 2, pre[:-2]))
            elif pre.endswith("لل"):
                out.append(_Cand("ال" + rest, len(pre), pre[:-1]))
            else:
                out.append(_Cand(rest, len(pre), pre))
    return _remember(_KEYS_MEMO, k, tuple(out))


def _word_facts(k: str) -> tuple[bool, int, bool]:
    """What the context checks read of a word before a name, by its key (with or without a proclitic):
    a distance filler ("على بعد 10 كم")?, a preposition (2 "في", 1 "إلى"; 0 none)?, a title?
    """
    facts = _WORD_FACTS_MEMO.get(k)
    if facts is None:
        keys = frozenset(c.key for c in (_KEYS_MEMO.get(k) or _keys_of(k)))
        locative = 2 if not keys.isdisjoint(LOCATIVES) else 1 if not keys.isdisjoint(WEAK_LOCATIVES) else 0
        facts = (k in DISTANCE_FILLER or not keys.isdisjoint(DISTANCE_FILLER), locative, not keys.isdisjoint(TITLES))
        _remember(_WORD_FACTS_MEMO, k, facts)
    return facts


def _cue_of(tok: Token) -> tuple[str, str] | None:
    """(cue type, folded word) when the token is a cue word, with or without a proclitic."""
    if tok.kind != "word":
        return None
    k = tok.key
    if k in _CUE_MEMO:
        return _CUE_MEMO[k]
    cue = None
    for c in _token_keys(tok):
        t = _CUE_INDEX.get(c.key)
        if t:
            cue = t, c.key
            break
        if c.key in DIRECTIONS:
            cue = "direction", c.key
            break
    return _remember(_CUE_MEMO, k, cue)


# Per-key memos: a token's candidate keys and cue reading depend on its folded key only.
_MEMO_LIMIT = 1 << 16
_KEYS_MEMO: dict[str, tuple[_Cand, ...]] = {}
_CUE_MEMO: dict[str, tuple[str, str] | None] = {}
_WORD_FACTS_MEMO: dict[str, tuple[bool, int, bool]] = {}


def _remember(memo: dict, key, value):
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _memo_hits(memo: dict, keys: list[str], compute) -> list[tuple[int, tuple]]:
    """(index, ``memo[key]``) for the keys whose memo value is not empty, computing the keys not seen before."""
    try:
        return [(i, v) for i, k in enumerate(keys) if (v := memo[k])]
    except KeyError:  # keys not seen before (read from a local table: another thread may clear the memo)
        table = fill_memo(memo, keys, compute, _MEMO_LIMIT)
        return [(i, v) for i, k in enumerate(keys) if (v := table[k])]


def _cue_noun(tokens: Sequence[Token], j: int, word: str) -> bool:
    """Whether a cue word that is also an adjective ("محلية": local / a Sudanese locality) is the noun:
    with a locative proclitic ("لمحلية", "بمحلية") or after a preposition ("في محلية")."""
    key = tokens[j].key
    if key != word and key[0] in ("ب", "ل", "ف") or key.startswith(("وب", "ول")):
        return True
    return j > 0 and tokens[j - 1].kind == "word" and _word_facts(tokens[j - 1].key)[1] > 0


def _is_cue_word(key: str) -> bool:
    return key in _CUE_INDEX or key in DIRECTIONS or key in TITLES


def _surface_offset(tok: Token, strip: int) -> int:
    """Character offset in the text after the first ``strip`` key characters of the token."""
    if strip <= 0:
        return tok.start
    seen = 0
    for i, ch in enumerate(tok.text):
        if normalize_char(ch):
            seen += 1
            if seen == strip:
                j = i + 1
                while j < len(tok.text) and not normalize_char(tok.text[j]):
                    j += 1
                return tok.start + j
    return tok.start


def _sentence_breaks(tokens: Sequence[Token], text: str | None) -> list[int]:
    """Sorted indices of the tokens that end a sentence: . ! ? ؟ ؛ or a line break after them.

    A name's sentence number is the count of breaks before its first token.
    """
    breaks = {k for k, tok in enumerate(tokens) if tok.kind == "punct" and tok.text in _SENTENCE_END}
    n = len(tokens)
    if text is not None and n > 1:
        starts = [tok.start for tok in tokens]
        pos = text.find("\n")
        while pos >= 0:
            k = bisect.bisect_right(starts, pos) - 1  # the token the line break may follow
            if 0 <= k < n - 1 and tokens[k].end <= pos < starts[k + 1]:
                breaks.add(k)
            pos = text.find("\n", pos + 1)
    return sorted(breaks)


def _km(a: Place, b: Place) -> float:
    p = math.pi / 180
    h = (math.sin((b.lat - a.lat) * p / 2) ** 2
         + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


class Resolver:
    def __init__(self, gaz: Gazetteer | None = None) -> None:
        self.g = gaz or gazetteer()
        self._starts: dict[str, tuple] = {}  # key -> _name_starts(key)
        self._priors: dict[int, float] = {}
        self._places: dict[int, tuple[Place, frozenset[str], int, float, bool, frozenset[str]]] = {}

    # ------------------------------------------------------------------ scanning
    def _name_starts(self, key: str) -> tuple[tuple[_Cand, tuple[int, ...], frozenset[str]], ...]:
        """The candidate keys of a word that begin a gazetteer name, with those names' word counts
        and second words."""
        g = self.g
        cands = _KEYS_MEMO.get(key) or _keys_of(key)
        return tuple((c, g.name_lengths[c.key], g.second_words.get(c.key, frozenset()))
                     for c in cands if c.key in g.name_lengths)

    def _scan(self, tokens: Sequence[Token], keys: list[str]) -> list[_Span]:
        g = self.g
        ar_index, weak_index = g.ar_index, g.weak_index
        spans: list[_Span] = []
        n = len(tokens)
        resume = 0
        for i, cands in _memo_hits(self._starts, keys, self._name_starts):
            if i < resume or tokens[i].kind != "word":
                continue
            best_len = 0  # words of the longest name found here
            best_cand: _Cand | None = None
            best_key: str | None = None
            run = 0  # words seen right after this one (a name does not run across punctuation)
            for cand, lengths, seconds in cands:
                for length in lengths:  # longest first
                    if length <= best_len:
                        break
                    if length == 1:
                        key = cand.key  # a one-word name: lengths come from the index
                    elif i + 1 >= n or keys[i + 1] not in seconds:
                        continue
                    else:
                        while run < length - 1 and i + 1 + run < n and tokens[i + 1 + run].kind == "word":
                            run += 1
                        if length - 1 > run:
                            continue
                        key = cand.key + " " + " ".join(keys[i + 1:i + length])
                        if key not in ar_index and key not in weak_index:
                            continue
                    best_len, best_cand, best_key = length, cand, key
                    break
            if best_cand is None or best_key is None or (best_len == 1 and (_is_cue_word(best_key) or self._idle_word(tokens, i, best_key, best_cand))):
                continue
            spans.append(_Span(i, i + best_len, best_key, best_cand.strip, best_cand.prefix,
                               list(g.ar_ids(best_key)), list(g.weak_ids(best_key))))
            resume = i + best_len
        return spans

    def _idle_word(self, tokens: Sequence[Token], i: int, key: str, cand: _Cand) -> bool:
        """An everyday word ("على", "علي") that nothing around makes a place, nor lists with a place.

        Such a name is ruled out whatever its candidates (see ``_ruled_out``) and, with no
        coordinator after it, gives no cue to the next name, so it is not kept as a span at all.
        The test is conservative: any cue, preposition, number, coordinator or proclitic و before
        it, or a coordinator after it, keeps the name for the full analysis.
        """
        if not (key in COMMON_WORDS or key in GIVEN_NAMES or key in self.g.adjectives):
            return False
        if cand.prefix and (cand.prefix in LOCATIVE_PROCLITICS or cand.prefix[0] == "و"):
            return False
        if i > 0:
            before = tokens[i - 1]
            if before.kind == "number" or before.key in _COORD or _cue_of(before) is not None:
                return False
            filler, locative, _title = _word_facts(before.key)
            if filler or locative:
                return False
        if i + 1 < len(tokens):
            after = tokens[i + 1].key
            if after in _COORD or after.startswith("و"):
                return False
        return True

    # ------------------------------------------------------------------ context of each span
    def _context(self, tokens: Sequence[Token], spans: list[_Span], text: str | None) -> None:
        breaks = _sentence_breaks(tokens, text)
        span_at_end = {sp.last: idx for idx, sp in enumerate(spans)}
        for idx, sp in enumerate(spans):
            sp.sentence = bisect.bisect_left(breaks, sp.first)
            if sp.prefix in LOCATIVE_PROCLITICS:
                sp.locative = 1
            # cue words right before the name (up to three: "في ريف مدينة X", "شمال شرق X")
            j = sp.first - 1
            if sp.strip == 0 or sp.prefix in ("", "و", "ف"):
                while j >= 0 and sp.first - j <= 4:
                    tok = tokens[j]
                    cue = _cue_of(tok)
                    if cue is None or (cue[1] in ADJECTIVE_CUES and not _cue_noun(tokens, j, cue[1])):
                        break
                    sp.cues.append((cue[0], cue[1], j))
                    j -= 1
                # "إلى الشرق من (مدينة) X", "على بعد 10 كم شرق X", "إلى الشمال الغربي من X"
                k = j
                steps = 0
                while k >= 0 and steps < 6 and (tokens[k].kind == "number" or _word_facts(tokens[k].key)[0]):
                    k -= 1
                    steps += 1
                if 0 < steps and k >= 0 and not any(c[0] in ("direction", "near") for c in sp.cues):
                    adj = None
                    if tokens[k].key in DIRECTION_ADJECTIVES and k > 0:
                        adj = DIRECTION_ADJECTIVES[tokens[k].key]
                        k -= 1
                    cue = _cue_of(tokens[k])
                    if cue and cue[0] in ("direction", "near"):
                        sp.cues.append((cue[0], cue[1], k))
                        if adj and cue[0] == "direction":
                            sp.extra_direction = adj
                        j = k - 1
                if j >= 0 and tokens[j].kind == "word":
                    locative = _word_facts(tokens[j].key)[1]
                    if locative == 2:
                        sp.locative = 2
                    elif locative == 1:
                        sp.locative = max(sp.locative, 1)
                # a TV channel, a newspaper, a street: "قناة الميادين", "صحيفة "الرياض"", "شارع بغداد"
                k = sp.first - 1
                while k >= 0 and tokens[k].kind == "punct" and tokens[k].text in ('"', "'", "«", "(", "“"):
                    k -= 1
                if k >= 0:
                    cue = _cue_of(tokens[k])
                    if cue and cue[0] in BLOCKING_CUES:
                        sp.blocked = True
            if sp.cues:
                types = {c[0] for c in sp.cues}
                if "countryside" in types:
                    sp.relation = "countryside"
                elif "near" in types:
                    sp.relation = "near"
                elif "direction" in types:
                    sp.relation = "direction"
                    codes = [DIRECTIONS[c[1]] for c in sorted(sp.cues, key=lambda c: c[2]) if c[0] == "direction"]
                    if sp.extra_direction:
                        codes.append(sp.extra_direction)
                    sp.direction = "".join(dict.fromkeys(codes))[:2]
                rel_tokens = [c[2] for c in sp.cues if c[0] in ("countryside", "near", "direction")]
                if rel_tokens:
                    sp.cue_first = min(rel_tokens)
            # coordination: "X وY", "X، Y" right after another name
            prev = sp.first - 1
            conj = sp.prefix in ("و", "وب") and sp.strip > 0
            listed = False
            if not conj and prev >= 0 and tokens[prev].key in _COORD:
                conj = tokens[prev].key in ("و", "او")
                listed = True
                prev -= 1
            if (conj or listed) and (prev + 1) in span_at_end and span_at_end[prev + 1] < idx:
                sp.coordinated_with = span_at_end[prev + 1]
                sp.inherit = conj
            # titles and "بن": a person
            if sp.first > 0 and not sp.cues:
                if _word_facts(tokens[sp.first - 1].key)[2]:
                    sp.person = True
            if sp.last < len(tokens) and tokens[sp.last].kind == "word" and tokens[sp.last].key in PERSON_NEXT:
                sp.person = True
            # a definite noun before a country homograph makes it an adjective ("القوات السعودية")
            if sp.first > 0 and sp.strip == 0 and tokens[sp.first - 1].kind == "word":
                pk = tokens[sp.first - 1].key
                if pk.startswith(("ال", "وال", "بال", "فال", "لل")) and pk not in NOT_QUALIFIED \
                        and _cue_of(tokens[sp.first - 1]) is None:
                    sp.adjective = True
            # direction adjective after ("ريف حلب الشمالي")
            if sp.last < len(tokens) and tokens[sp.last].key in DIRECTION_ADJECTIVES:
                end = sp.last + 1
                if end < len(tokens) and tokens[end].key in DIRECTION_ADJECTIVES:
                    end += 1
                sp.dir_adj_end = end
            # dateline: a name in the first words followed by "-" or "(" ("دمشق - ...")
            line_start = sp.first <= 3 or (text is not None and sp.first > 0
                                           and "\n" in text[tokens[sp.first - 1].end:tokens[sp.first].start])
            # a second city of a shared dateline: "غزة - رام الله - (وكالات) -"
            line_start = line_start or (idx > 0 and spans[idx - 1].dateline and spans[idx - 1].last + 1 == sp.first
                                        and tokens[sp.first - 1].text in ("-", "–", "—", "/"))
            if line_start and sp.last < len(tokens) and tokens[sp.last].text in ("-", "(", ":", "–", "—"):
                sp.dateline = True
        # coordinated names inherit the cues of the first one ("بلدتي X وY", "ريفي حلب وإدلب")
        for sp in spans:
            if sp.coordinated_with >= 0 and sp.inherit and spans[sp.coordinated_with].blocked:
                sp.blocked = True
            if sp.coordinated_with >= 0 and sp.inherit and not sp.cues:
                head = spans[sp.coordinated_with]
                sp.cues = [(t, w, -1) for t, w, _ in head.cues if t not in ("facility", "capital", "street", "media")]
                if head.relation != "in" and sp.cues:
                    sp.relation = head.relation
                    sp.direction = head.direction
                sp.locative = max(sp.locative, head.locative)

    # ------------------------------------------------------------------ scoring
    def _prior(self, i: int) -> float:
        prior = self._priors.get(i)
        if prior is None:
            prior = self._priors[i] = self._kind_prior(i)
        return prior

    def _kind_prior(self, i: int) -> float:
        p = self.g.place(i)
        r = self.g.rank_of(i)
        kind = p.kind
        if kind == "country":
            return 0.95
        if kind in ("region", "landmark"):
            return 0.78
        if kind == "admin1":
            return 0.62
        if kind == "admin2":
            return 0.5
        if kind == "admin3":
            return 0.45
        if kind == "neighbourhood":
            return 0.6 if p.source == "curated" else 0.3
        # towns
        if r >= 1_000_000:
            return 0.86
        if r >= 100_000:
            return 0.76
        if r >= 20_000:
            return 0.66
        if r >= 5_000:
            return 0.58
        if r >= 1:
            return 0.53
        return 0.5

    def _score(self, sp: _Span, i: int, ctx: _View | None, tokens: Sequence[Token]) -> float:
        base = sp.base.get(i)
        if base is None:
            base = sp.base[i] = self._base_score(sp, i)
        s, gates, p = base
        if gates & _REJECTED:
            return s
        if gates & _NEEDS_SUPPORT and not (ctx and ctx.adjacent_support(sp, p)):
            return -1.0
        if gates & _NEEDS_COUNTRY and not (ctx is not None and ctx.mentions_country(p.country)):
            return -1.0
        if ctx is not None:
            s += ctx.bonus(self, sp, i, p)
        return s

    def _base_score(self, sp: _Span, i: int) -> tuple[float, int, Place]:
        """The score of candidate ``i`` before the article context, and the context tests it must pass.

        The context only ever vetoes a candidate or adds a bonus at the end, so this part is
        computed once per candidate and reused by every pass.
        """
        g = self.g
        p, flags, rank, prior, far, country_flags = self._places.get(i) or self._place_facts(i)
        facts = sp.facts or _span_facts(sp)
        types, kind_cue, evidence_cue, words, single, kinds_wanted, cue_bonus = facts
        strong = i in sp.strong
        # common words, given names, person-like names, nationality adjectives
        common = "common" in flags
        if single:
            common = common or sp.key in COMMON_WORDS or sp.key in GIVEN_NAMES or sp.key in g.adjectives
        elif p.source != "curated":
            common = common or words[0] in ("عبد", "عبدال") or words[-1] == "الدين" \
                or (words[0] in ("ابو", "ام") and words[1] in GIVEN_NAMES)
        if p.kind == "country" and "ambiguous" in country_flags:
            common = True
        # ruled out whatever the article says
        if sp.blocked \
                or (sp.person and p.kind in ("town", "neighbourhood", "admin2", "admin3") and rank < 100_000) \
                or (not strong and (not kind_cue or (single and sp.key in COMMON_WORDS))) \
                or (p.kind == "country" and sp.adjective and "adjective-homograph" in country_flags) \
                or (single and sp.key in g.adjectives and p.kind != "country") \
                or (common and not kind_cue and sp.locative < 1 and (p.kind == "country" or single)):
            # (the last: "تظاهرة سلمية", "قوات الأمن", an everyday word with no cue and no preposition)
            return -1.0, _REJECTED, p
        s = prior
        if sp.person:
            s -= 0.2
        if not strong:  # weak variant ("رقة" for "الرقة"): after a kind cue only
            s -= 0.1
        if cue_bonus:
            s += cue_bonus
        for _t, w, _k in sp.cues:
            if w in _CUE_COUNTRY and p.country != _CUE_COUNTRY[w]:
                s -= 0.4
        if kinds_wanted:
            if p.kind in kinds_wanted:
                s += 0.15
            elif "town" in kinds_wanted and p.kind in ("admin2", "admin3") and not _has_towns(p.country):
                pass  # Iraq: towns are known only as the districts and sub-districts named after them
            elif p.kind != "country":
                s -= 0.2
        elif p.kind in ("admin1", "admin2", "admin3") and not types:
            s -= 0.02  # a bare name is the town rather than the unit named after it
        if p.kind == "neighbourhood":
            s += 0.35 if "neighbourhood" in types else -0.05
        if sp.dateline and p.kind == "country" and any(g.place(j).kind == "town" for j in sp.strong):
            s -= 0.3  # a dateline is a city: "عمان - (وكالات) -" is Amman, not Oman
        if "countryside" in types and p.kind in ("admin1", "region"):
            s += 0.25  # "ريفي حلب وإدلب": the governorates' countryside
        s += (0.0, 0.04, 0.08)[sp.locative]
        if common and not kind_cue:
            s -= 0.3 if (rank >= 1_000_000 or p.kind == "country") and single else 0.45
        # a one-word village, district or far-away town needs evidence: a cue, a preposition,
        # or a name it is listed with
        person_like = len(words) > 1 and (words[0] in ("ابو", "ام", "عبد")
                                          or (words[0] in GIVEN_NAMES and p.source != "curated"))
        # (unless a resolved name right next to it places it: the context decides)
        gates = 0
        if (single or p.kind == "neighbourhood" or person_like) and not evidence_cue and sp.coordinated_with < 0:
            small = p.kind in ("neighbourhood", "admin2", "admin3") or (p.kind == "town" and rank < 20_000) \
                or person_like
            if (far and sp.locative < 2) \
                    or (small and (sp.locative == 0 or (sp.locative == 1 and rank < 5_000 and sp.strip))):
                gates |= _NEEDS_SUPPORT
        # a small town outside the Arab world (Turkey, Iran, the Sahel...) only when the article is there
        if p.kind in ("town", "neighbourhood") and rank < 20_000 and p.country not in ARAB_COUNTRIES \
                and p.source != "curated":
            gates |= _NEEDS_COUNTRY
        if single and len(sp.key) <= 3 and not kind_cue and rank < 100_000:
            s -= 0.12
        if not single:
            s += 0.08
        if sp.strip:
            s -= 0.08 if sp.prefix in ("ل", "ك") and rank < 100_000 else 0.03
        if far:
            s -= 0.1
        return s, gates, p

    def _place_facts(self, i: int) -> tuple[Place, frozenset[str], int, float, bool, frozenset[str]]:
        """What scoring reads of a gazetteer place, gathered once (kept in ``_places``).

        (the place, its flags, its rank, its prior, far away?, its country's flags)
        """
        g = self.g
        p = g.place(i)
        flags = g.flags_of(i)
        far = "group:world" in flags or (p.source == "geonames" and p.country not in g.focus)
        facts = (p, flags, g.rank_of(i), self._prior(i), far, g.country_flags.get(p.country, frozenset()))
        self._places[i] = facts
        return facts

    # ------------------------------------------------------------------ main entry
    def resolve(self, text_or_tokens: str | Sequence[Token], *, country_hint: str | None = None,
                text: str | None = None) -> list[PlaceMention]:
        if isinstance(text_or_tokens, str):
            text = text_or_tokens
            tokens = tokenize(text)
        else:
            tokens = list(text_or_tokens)
        keys = [tok.key for tok in tokens]
        spans = self._scan(tokens, keys)
        if not spans:
            return []
        self._context(tokens, spans, text)
        # pass 1: no article context (a candidate the context must vouch for scores -1)
        base_score = self._base_score
        for sp in spans:
            if self._ruled_out(sp):
                continue  # no candidate to score: sp.scores stays empty
            base = sp.base
            for i in set(sp.strong) | set(sp.weak):
                base[i] = base_score(sp, i)
            sp.scores = {i: b[0] if not b[1] else -1.0 for i, b in base.items()}
        ctx = _Context(self.g, country_hint)
        for k, sp in enumerate(spans):
            if not sp.scores or max(sp.scores.values()) < ANCHOR:
                continue
            ranked = sorted(sp.scores, key=lambda i: (-sp.scores[i], self.g.sort_key(i)))
            top = ranked[0]
            if sp.scores[top] < ANCHOR:
                continue
            second = ranked[1] if len(ranked) > 1 else None
            if second is not None and sp.scores[second] > sp.scores[top] - 0.15 \
                    and not _same_area(self.g.place(top), self.g.place(second)):
                continue
            if self._reliable(sp, top):
                ctx.add(k, self.g.place(top), sp)
        # adjectives of nationality name countries too ("الحكومة السورية")
        adjectives = self.g.adjectives
        for key in adjectives.keys() & set(keys):  # (adjectives are words: no number or mark is one)
            iso = adjectives[key]
            if iso:
                ctx.countries_weak.add(iso)
        # pass 2: with context, twice (the second sees the first's choices)
        chosen: dict[int, int] = {}
        sort_key = self.g.sort_key
        scored_at: dict[int, int] = {}  # span -> len(ctx.changes) when it was last scored
        # a name whose every candidate is ruled out whatever the context is never chosen nor context
        live = [(k, sp) for k, sp in enumerate(spans)
                if sp.scores and not all(base[1] & _REJECTED for base in sp.base.values())]
        for _ in range(2):
            for k, sp in live:
                if k in scored_at and ctx.unchanged_for(k, scored_at[k]):
                    continue  # the other names are as they were: same scores, same choice
                scored_at[k] = len(ctx.changes)
                view = ctx.without(k, sp)
                scores = sp.scores = {i: self._score(sp, i, view, tokens) for i in sp.scores}
                top = min(scores, key=lambda i: (-scores[i], sort_key(i))) if len(scores) > 1 else next(iter(scores))
                if scores[top] >= ACCEPT:
                    chosen[k] = top
                    if self._reliable(sp, top):
                        ctx.add(k, self.g.place(top), sp)
                    else:
                        ctx.remove(k)
                else:
                    chosen.pop(k, None)
                    ctx.remove(k)
        out = []
        for k, sp in enumerate(spans):
            if k not in chosen:
                continue
            i = chosen[k]
            out.append(self._mention(tokens, sp, i, text))
        return out

    def _ruled_out(self, sp: _Span) -> bool:
        """Whether ``_base_score`` rejects every candidate of the span, whatever the candidate.

        Checked before scoring them one by one: everyday words that are also the names of villages
        somewhere ("على", "إلى", "علي") are frequent and have many candidates each.
        """
        if sp.blocked:
            return True
        _types, kind_cue, _evidence, _words, single, _wanted, _bonus = sp.facts or _span_facts(sp)
        if kind_cue:
            return False
        if not sp.strong:
            return True  # weak variants only ("رقة" for "الرقة"): after a kind cue only
        return single and sp.locative < 1 \
            and (sp.key in COMMON_WORDS or sp.key in GIVEN_NAMES or sp.key in self.g.adjectives)

    def _reliable(self, sp: _Span, i: int) -> bool:
        """Whether a resolved name may serve as context for the others."""
        p = self.g.place(i)
        if len(sp.key.split(" ")) > 1 or p.kind in ("country", "admin1", "region", "landmark"):
            return True
        if sp.key in COMMON_WORDS:
            return False
        return self.g.rank_of(i) >= 20_000 or bool({c[0] for c in sp.cues} & KIND_CUES)

    def _mention(self, tokens: Sequence[Token], sp: _Span, i: int, text: str | None) -> PlaceMention:
        g = self.g
        p = g.place(i)
        name_start = _surface_offset(tokens[sp.first], sp.strip)
        name_end = tokens[sp.last - 1].end
        start, end = name_start, name_end
        relation = sp.relation
        if sp.cue_first >= 0:
            start = tokens[sp.cue_first].start
            for c in _token_keys(tokens[sp.cue_first]):
                if c.key in CUE_WORDS["countryside"] or c.key in CUE_WORDS["near"] or c.key in DIRECTIONS:
                    start = _surface_offset(tokens[sp.cue_first], c.strip)
                    break
        direction = sp.direction
        if sp.dir_adj_end > 0 and (relation == "countryside" or p.kind in ("region", "admin1", "country")):
            end = tokens[sp.dir_adj_end - 1].end
            codes = [DIRECTION_ADJECTIVES[tokens[t].key] for t in range(sp.last, sp.dir_adj_end)]
            direction = direction or "".join(codes)
        if relation == "in" and p.id.startswith("x:rif-"):
            relation = "countryside"
        precision = p.precision
        if relation in ("near", "direction", "countryside"):
            precision = max(precision, 2)
        if relation == "countryside" and p.kind in ("admin1", "region", "country"):
            precision = 3
        if p.kind in ("admin1", "country"):
            precision = 3
        # the surface text of the span
        if text is not None:
            surface = text[start:end]
        else:
            surface = " ".join(t.text for t in tokens if start <= t.start and t.end <= end)
        ranked = sorted(sp.scores, key=lambda j: (-sp.scores[j], g.sort_key(j)))
        alts = [g.place(j) for j in ranked[1:6] if sp.scores[j] > -0.5]
        cue = next((w for t, w, _ in sp.cues), None)
        return PlaceMention(
            text=surface, start=start, end=end, place=p, geo_precision=precision, score=round(sp.scores[i], 4),
            alternatives=alts, cue=cue, relation=relation, direction=direction, name_start=name_start,
            name_end=name_end, sentence=sp.sentence, dateline=sp.dateline,
        )


_NO_TYPES: frozenset[str] = frozenset()


def _span_facts(sp: _Span) -> tuple:
    """What scoring reads of a span for every candidate, computed once (kept in ``sp.facts``).

    (cue types, a kind cue?, an evidence cue?, the name's words, one word?, the kinds of place the
    cue words ask for, the score the cue words add)
    """
    words = sp.key.split(" ")
    if not sp.cues:
        sp.facts = (_NO_TYPES, False, False, words, len(words) == 1, _NO_TYPES, 0.0)
        return sp.facts
    types = {c[0] for c in sp.cues}
    kind_cue = bool(types & KIND_CUES)
    # the nearest cue that names a kind decides it: "قرى محافظة النبطية" is the governorate (its villages)
    nearest = next((c for c in sp.cues if _KIND_FOR_CUE.get(c[0])), None)
    kinds_wanted: set[str] = set(_KIND_FOR_CUE[nearest[0]]) if nearest else set()
    for t in types:
        if not _KIND_FOR_CUE.get(t):
            kinds_wanted.update(_KIND_FOR_CUE.get(t, ()))
    # "في عدة مدن الخميس": after a plural cue an everyday word is no place
    if kind_cue and len(words) == 1 and (sp.key in COMMON_WORDS or sp.key in GIVEN_NAMES) \
            and all(c[1] in PLURAL_CUES for c in sp.cues if c[0] in KIND_CUES):
        kind_cue = False
    if kind_cue:
        cue_bonus = 0.3
    elif types & {"near", "direction", "between"}:
        cue_bonus = 0.2
    elif types & {"facility", "area"}:
        cue_bonus = 0.15
    elif "capital" in types:
        cue_bonus = 0.1
    else:
        cue_bonus = 0.0
    sp.facts = (types, kind_cue, bool(types & EVIDENCE_CUES), words, len(words) == 1, kinds_wanted, cue_bonus)
    return sp.facts


def _has_towns(iso3: str) -> bool:
    """Whether the sources list the country's villages (else its admin units stand for its towns)."""
    return iso3 != "IRQ"


def _same_area(a: Place, b: Place) -> bool:
    """Two candidates that are the same place at different levels (town and its district)."""
    return a.country == b.country and (a.admin1_pcode == b.admin1_pcode) and _km(a, b) < 40


class _Context:
    """What the article has already established: countries, admin units, resolved places."""

    def __init__(self, g: Gazetteer, country_hint: str | None) -> None:
        self.g = g
        self.hint = (g.iso3(country_hint) if country_hint else None) or None
        self.by_span: dict[int, tuple[Place, _Span]] = {}
        self.countries_weak: set[str] = set()
        self.changes: list[int] = []  # the span of every entry added, replaced or removed, in order

    def add(self, k: int, p: Place, sp: _Span) -> None:
        old = self.by_span.get(k)
        if old is None or old[0] is not p or old[1] is not sp:
            self.by_span[k] = (p, sp)
            self.changes.append(k)

    def remove(self, k: int) -> None:
        if self.by_span.pop(k, None) is not None:
            self.changes.append(k)

    def unchanged_for(self, k: int, since: int) -> bool:
        """Whether only span ``k``'s own entry changed since ``len(changes)`` was ``since``."""
        return all(c == k for c in self.changes[since:])

    def without(self, k: int, sp: _Span) -> _View:
        """The context as span ``k`` (``sp``) sees it: the other names only, until the next add/remove."""
        return _View(self, k, sp)


class _View:
    """The article context seen from one span, for scoring its candidates.

    The other names' countries, units and nearby places are gathered once for all the
    span's candidates (the context does not change while they are scored).
    """

    def __init__(self, ctx: _Context, k: int, sp: _Span) -> None:
        self.ctx = ctx
        self.k = k
        self.sp = sp
        self._ready = False

    def _prepare(self) -> None:
        sp = self.sp
        countries: set[str] = set()
        a1: set[str] = set()
        a2: set[str] = set()
        near: list[tuple[Place, _Span]] = []
        next_to: list[Place] = []
        for q, s in self._others():
            countries.add(q.country)
            if q.kind != "country":
                if q.admin1_pcode:
                    a1.add(q.admin1_pcode)
                if q.admin2_pcode:
                    a2.add(q.admin2_pcode)
            if s.sentence == sp.sentence:
                if q.kind not in ("country", "admin1", "region"):
                    near.append((q, s))
                if 0 <= s.first - sp.last <= 2 or 0 <= sp.first - s.last <= 2:
                    next_to.append(q)
        if self.ctx.hint:
            countries.add(self.ctx.hint)
        self.countries, self.a1, self.a2, self.near, self.next_to = countries, a1, a2, near, next_to
        self._ready = True

    def _others(self) -> list[tuple[Place, _Span]]:
        # other names only: the same name elsewhere in the article must not vouch for itself
        k, key = self.k, self.sp.key
        return [(q, s) for kk, (q, s) in self.ctx.by_span.items() if kk != k and s.key != key]

    def bonus(self, r: Resolver, sp: _Span, i: int, p: Place) -> float:
        if not self._ready:
            self._prepare()
        countries = self.countries
        countries_weak = self.ctx.countries_weak
        b = 0.0
        if p.kind == "country":
            return 0.05 if p.country in countries else 0.0
        if countries or countries_weak:
            if p.country in countries:
                b += 0.1
            elif p.country in countries_weak:
                b += 0.05
            else:
                b -= 0.3 if countries else 0.15
        if p.admin1_pcode and p.admin1_pcode in self.a1:
            b += 0.15
        if p.admin2_pcode and p.admin2_pcode in self.a2:
            b += 0.1
        if p.kind == "neighbourhood":
            city = next((f[5:] for f in r.g.flags_of(i) if f.startswith("city:")), None)
            if city and f"SY:{city}" in {q.id for q, _ in self._others()}:
                b += 0.35
        close = [(q, s) for q, s in self.near if _km(p, q) < 30]
        if close:
            adjacent = any(abs(s.first - sp.last) <= 3 or abs(sp.first - s.last) <= 3 for _, s in close)
            b += 0.15 if adjacent else 0.08
        if self.adjacent_support(sp, p):
            b += 0.1
        return b

    def mentions_country(self, iso3: str) -> bool:
        """The article names the country, one of its places, or its nationality adjective."""
        if iso3 == self.ctx.hint or iso3 in self.ctx.countries_weak:
            return True
        return any(q.country == iso3 for kk, (q, _s) in self.ctx.by_span.items() if kk != self.k)

    def adjacent_support(self, sp: _Span, p: Place) -> bool:
        """A resolved name right before or after this one places it: "لودر في أبين", "دوما جنوب نابلس"."""
        if not self._ready:
            self._prepare()
        for q in self.next_to:
            if q.kind in ("admin1", "region") and q.admin1_pcode and q.admin1_pcode == p.admin1_pcode:
                return True
            if q.kind not in ("country", "admin1", "region") and _km(p, q) < 30:
                return True
        return False


_RESOLVER: Resolver | None = None


def resolve(text_or_tokens: str | Sequence[Token], *, country_hint: str | None = None,
            text: str | None = None) -> list[PlaceMention]:
    """Place mentions in an Arabic text (or its tokens), in text order.

    ``country_hint`` (ISO3/ISO2, English or Arabic name) favours that country's places, e.g. from
    the outlet or the dateline.  When tokens are passed, pass ``text`` too to get exact mention
    strings (offsets are always those of the tokens' text).
    """
    global _RESOLVER
    if _RESOLVER is None:
        _RESOLVER = Resolver()
    return _RESOLVER.resolve(text_or_tokens, country_hint=country_hint, text=text)

"""Tokenisation with clitic-aware stem candidates and exact character offsets.

Arabic attaches conjunctions, prepositions and the article to the word that
follows ("وبالحاجز" = and + in + the + checkpoint) and pronouns to the word
before. A token keeps its surface form and offsets untouched and lists the
keys it may be looked up under, so a lexicon entry "الحاجز" or "دير الزور"
matches "بالحاجز" or "بدير الزور" without rewriting the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.memo import fill_memo
from marsad.text.normalize import fold_word

_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_TOKEN = re.compile(
    rf"(?P<number>[{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*)"
    rf"|(?P<word>[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{_MARKS}]*|[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\-]*)"
    rf"|(?P<punct>[^\s{_MARKS}])"
)

# Proclitic chains, longest first. Each maps to the article-bearing remainder it
# implies: "لل" + X is "ال" + X with the alef elided.
_PROCLITICS: tuple[tuple[str, str], ...] = (
    ("وبال", "ال"), ("فبال", "ال"), ("وكال", "ال"), ("وال", "ال"), ("فال", "ال"), ("بال", "ال"),
    ("كال", "ال"), ("ولل", "ال"), ("فلل", "ال"), ("لل", "ال"),
    ("وب", ""), ("ول", ""), ("وك", ""), ("فب", ""), ("فل", ""), ("وس", ""),
    ("و", ""), ("ف", ""), ("ب", ""), ("ل", ""), ("ك", ""),
)
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه", "ك", "ي")
_MIN_STEM = 2
_MARK_CHARS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
#: what a token's surface is read as: (kind, key, stems)
_Analysis = tuple[str, str, frozenset[str]]


@dataclass(slots=True, init=False)
class Token:
    """One token: surface text, its span in the original, its matching key and stem candidates.

    Read-only by convention; not frozen, because a frozen dataclass's ``__init__`` costs about
    three times as much and every token of every article is built. The ``__init__`` is written out
    because mypyc compiles it, while a dataclass's generated one stays interpreted (about 5% of an
    extraction in the compiled build).
    """

    text: str
    start: int
    end: int
    kind: str  # "word" | "number" | "punct"
    key: str
    stems: frozenset[str]

    def __init__(self, text: str, start: int, end: int, kind: str, key: str, stems: frozenset[str]) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.key = key
        self.stems = stems


@lru_cache(maxsize=65536)
def stem_candidates(key: str, taa_marbuta: bool = False) -> frozenset[str]:
    """Keys a folded word may be looked up under: itself, without proclitics, with/without the article.

    Over-generation is intended: candidates are only ever compared with lexicon
    entries, so a spurious candidate costs nothing unless a lexicon holds it.
    ``taa_marbuta``: the word ends in ة (folded to ه), which is not the pronoun ـه:
    "استعادة" must not yield the verb "استعاد".
    """
    out = {key}
    if len(key) > _MIN_STEM + 1:
        for prefix, implied in _PROCLITICS:
            if key.startswith(prefix) and len(key) - len(prefix) >= _MIN_STEM:
                rest = key[len(prefix):]
                if implied:
                    out.add(implied + rest)
                    out.add(rest)
                else:
                    out.add(rest)
    # Future particle on a verb: "سيعلن", "وسيعلن", "فستواصل" -> "يعلن", "تواصل".
    for cand in list(out):
        if cand.startswith("س") and len(cand) >= 4 and cand[1] in "يتن":
            out.add(cand[1:])
    for cand in list(out):
        if cand.startswith("ال") and len(cand) - 2 >= _MIN_STEM:
            out.add(cand[2:])
    # Accusative tanween alef ("عنصرا"), and pronoun suffixes ("قواته").
    for cand in list(out):
        if cand.endswith("ا") and len(cand) >= 4:
            out.add(cand[:-1])
        for suffix in _ENCLITICS:
            if suffix == "ه" and taa_marbuta:
                continue
            if cand.endswith(suffix) and len(cand) - len(suffix) >= 3:
                stem = cand[: -len(suffix)]
                out.add(stem)
                if stem.endswith("ت"):  # taa marbuta surfaces as taa before a suffix: قوته -> قوه
                    out.add(stem[:-1] + "ه")
                elif stem.endswith(("ي", "و")) and len(stem) >= 4:  # hamza seat: أبنائهم -> أبناء
                    out.add(stem[:-1] + "ء")
    return frozenset(out)


def tokenize(text: str) -> list[Token]:
    """Split text into word, number and punctuation tokens with offsets into ``text``."""
    # No token spans whitespace, so the text is read chunk by chunk (str.split is far cheaper than
    # the token regex), and each distinct chunk is analysed once.
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    chunks = _CHUNKS
    pos = 0
    for chunk in text.split():
        pos = find(chunk, pos)
        parts = chunks.get(chunk)
        if parts is None:
            parts = _chunk_tokens(chunk)
        if isinstance(parts, tuple):  # the chunk is one token
            kind, key, stems = parts
            append(Token(chunk, pos, pos + len(chunk), kind, key, stems))
        else:
            for start, end, surface, (kind, key, stems) in parts:
                append(Token(surface, pos + start, pos + end, kind, key, stems))
        pos += len(chunk)
    return tokens


#: whitespace-free chunk of text -> its token's (kind, key, stems) when the chunk is one token,
#: else a list of (start, end, surface, (kind, key, stems)) for its tokens (offsets in the chunk)
_CHUNKS: dict[str, _Analysis | list[tuple[int, int, str, _Analysis]]] = {}


def _chunk_tokens(chunk: str) -> _Analysis | list[tuple[int, int, str, _Analysis]]:
    parts: list[tuple[int, int, str, _Analysis]] = []
    for m in _TOKEN.finditer(chunk):
        info = _analysis(m.group())
        if info is not None:  # invisible: bidi/zero-width controls, a lone tatweel
            parts.append((m.start(), m.end(), m.group(), info))
    found = parts[0][3] if len(parts) == 1 and parts[0][2] == chunk else parts
    if len(_CHUNKS) >= _SURFACES_LIMIT:
        _CHUNKS.clear()
    _CHUNKS[chunk] = found
    return found


def tokens_where(tokens: Sequence[Token], kind: str, memo: dict[str, bool], test: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens of ``kind`` or whose key passes ``test`` (each key's answer kept in ``memo``).

    For scanners that only need to look closely at a few tokens.
    """
    try:
        return [i for i, tok in enumerate(tokens) if tok.kind == kind or memo[tok.key]]
    except KeyError:  # keys not seen before (read from a local table: another thread may clear the memo)
        table = fill_memo(memo, (tok.key for tok in tokens), test, _SURFACES_LIMIT)
        return [i for i, tok in enumerate(tokens) if tok.kind == kind or table[tok.key]]


#: surface form -> (kind, key, stems), or _INVISIBLE; the kind follows from the surface's first
#: character, so one analysis serves every occurrence
_SURFACES: dict[str, _Analysis | tuple[()]] = {}
_SURFACES_LIMIT = 1 << 17
_INVISIBLE: tuple[()] = ()  # falsy, and not None: a surface seen before


def _analysis(surface: str) -> _Analysis | None:
    """(kind, key, stems) of a token's surface, or None when it has no key."""
    info = _SURFACES.get(surface)
    if info is None:
        m = _TOKEN.match(surface)
        info = _analyse(surface, (m.lastgroup if m is not None else None) or "punct")
        if len(_SURFACES) >= _SURFACES_LIMIT:
            _SURFACES.clear()
        _SURFACES[surface] = info
    return info or None


def _analyse(surface: str, kind: str) -> _Analysis | tuple[()]:
    key = fold_word(surface)
    if not key:
        return _INVISIBLE
    if kind == "number":
        key = key.replace("\u066c", "").replace(",", "")
    taa = kind == "word" and surface.rstrip(_MARK_CHARS).endswith("ة")
    stems = stem_candidates(key, taa) if kind == "word" else frozenset({key})
    return kind, key, stems

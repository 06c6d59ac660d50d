"""Arabic normalisation that never loses its way back to the original text.

Two views are produced:

* ``normalize(text)`` returns a :class:`Normalized` string with a per-character
  map to offsets in the original, so anything found in the normalised view can
  be reported as an exact span of what the article said.
* ``fold(text)`` returns a matching key: the normalised text with the spelling
  variation that Arabic news copy shows (hamza seats, alef maqsura, taa marbuta)
  collapsed, for lexicon and gazetteer lookups.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

# Harakat, Quranic marks, superscript alef, tatweel.
_DROP = set(chr(c) for c in range(0x0610, 0x061B)) | set(chr(c) for c in range(0x064B, 0x0660))
_DROP |= {"\u0670", "\u0640"} | set(chr(c) for c in range(0x06D6, 0x06EE))
# Zero-width and bidi controls, BOM, soft hyphen.
_DROP |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad", "\u061c"}
_DROP |= set(chr(c) for c in range(0x202A, 0x202F)) | set(chr(c) for c in range(0x2066, 0x206A))

_PUNCT = {
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"', "‟": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "ـ": "",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
# The three tables as one lookup, dropping winning (tatweel is in _DROP and _PUNCT).
_TABLES = {**_PUNCT, **_DIGITS, **dict.fromkeys(_DROP, "")}

# Folding for matching keys (applied after normalisation).
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                       "ک": "ك", "ی": "ي", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج"})

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def normalize_char(ch: str) -> str:
    """Normalised form of one character ('' when it is dropped)."""
    if ch in _TABLES:
        return _TABLES[ch]
    return "".join(_after_nfkc(c) for c in unicodedata.normalize("NFKC", ch))


def _after_nfkc(c: str) -> str:
    """Map one character of an NFKC expansion (which may produce dashes, digits or controls too)."""
    if c in _TABLES:
        return _TABLES[c]
    if c.isspace():
        return c if c == "\n" else " "
    if unicodedata.category(c) in ("Cc", "Cf"):
        return ""
    return c


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, for each of its characters, the offset it came from."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the original text."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.original_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


class _CharTable(dict):
    """normalize_char as a dict that fills itself: map()-able at C speed for characters seen before."""

    def __missing__(self, ch: str) -> str:
        out = normalize_char(ch)
        if len(self) < 65536:
            self[ch] = out
        return out


_TABLE = _CharTable()


def normalize(text: str) -> Normalized:
    """NFKC, no diacritics/tatweel/controls, ASCII digits and punctuation; offsets kept."""
    outs = list(map(_TABLE.__getitem__, text))
    lengths = list(map(len, outs))
    normalised = "".join(outs)
    if len(normalised) == len(text) and (not lengths or min(lengths) == 1):
        offsets: tuple[int, ...] = tuple(range(len(text)))
    else:
        offsets = tuple(chain.from_iterable(map(repeat, range(len(text)), lengths)))
    return Normalized(normalised, offsets, len(text))


def fold(text: str) -> str:
    """Matching key: normalised, alef/yaa/taa-marbuta folded, lower-cased, single-spaced."""
    plain = "".join(map(_TABLE.__getitem__, text))
    return _SPACE.sub(" ", plain.translate(_FOLD).lower()).strip()


@lru_cache(maxsize=1 << 17)
def fold_word(word: str) -> str:
    """Matching key of one word (no whitespace handling)."""
    return "".join(map(_TABLE.__getitem__, word)).translate(_FOLD).lower()

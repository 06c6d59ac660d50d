"""Paragraphs, sentences and the article dateline, with offsets into the original text.

* ``split_paragraphs(text)``: blocks separated by blank lines; when a text has no blank line at all,
  every line is a paragraph.
* ``split_sentences(text)``: sentences end at . ! ? ؟ … and at line breaks, but not at decimals
  ("2.5"), single-letter abbreviations ("أ.ف.ب", "د. أحمد") or inside a short quotation
  («... . ...»); closing quotes and brackets stay with the sentence they close.
* ``find_dateline(text)``: the article-initial dateline ("دير الزور (سوريا) –", "بغداد - (رويترز) -",
  "القاهرة/ الأناضول", "عدن - «الخليج»:", "الموصل (العراق) 12 يناير (رويترز) -") at the start of one
  of the first paragraphs (a headline line often comes first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import fold, normalize
from marsad.text.numbers import _read_table

__all__ = ["Segment", "Dateline", "split_paragraphs", "split_sentences", "sentence_spans", "find_dateline"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or sentence: its span in the original text, its paragraph and its running index."""

    start: int
    end: int
    text: str
    paragraph: int
    index: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """An article dateline: the place (with offsets), the country and outlet it names, and where
    the body starts (``end``). ``start`` is where the dateline itself starts."""

    place_text: str
    place_start: int
    place_end: int
    country_text: str | None
    outlet: str | None
    end: int
    start: int = 0
    date_text: str | None = None


# --------------------------------------------------------------------------- paragraphs

_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0\u200b-\u200f\u2028\u2029]*\n")
_LINE = re.compile(r"[\n\r\u2028\u2029]+")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


#: zero-width and bidi controls
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    breaker = _BLANK if _BLANK.search(text) else _LINE
    spans = []
    pos = 0
    for m in breaker.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        a, b = _trimmed(text, a, b)
        if a < b:
            out.append((a, b))
    return out


def split_paragraphs(text: str) -> list[Segment]:
    """Paragraphs of ``text`` (trimmed, non-empty); ``paragraph`` and ``index`` are both its number."""
    return [Segment(a, b, text[a:b], i, i) for i, (a, b) in enumerate(_paragraph_spans(text))]


# --------------------------------------------------------------------------- sentences

_TERMINAL = ".!?؟…"
_CLOSERS = "\"'”’»)]}›"
_QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_OPEN_QUOTE = re.compile('[«“‹"]')
_MAX_QUOTE = 300  # a quotation longer than this is split like running text
_LETTER = re.compile(r"\w", re.UNICODE)
_BREAK_CHAR = re.compile("[\n\r\u2028\u2029" + re.escape(_TERMINAL) + "]")  # where a sentence may end


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of short quotations (open quote .. close quote) inside text[start:end]."""
    spans: list[tuple[int, int]] = []
    i = start
    while True:
        m = _OPEN_QUOTE.search(text, i, end)
        if m is None:
            return spans
        i = m.start()
        close = _QUOTE_PAIRS.get(text[i], '"')
        j = text.find(close, i + 1, end)
        if j == -1:
            i += 1
            continue
        if j - i <= _MAX_QUOTE:
            spans.append((i, j))
        i = j + 1


def _abbreviation_before(text: str, pos: int, lo: int) -> bool:
    """True when the '.' at ``pos`` ends a one-letter word ("أ." in "أ.ف.ب.", "د." before a name)."""
    j = pos - 1
    while j >= lo and normalize_mark(text[j]):
        j -= 1
    if j < lo or not _LETTER.match(text[j]) or text[j].isdigit():
        return False
    k = j - 1
    while k >= lo and normalize_mark(text[k]):
        k -= 1
    return k < lo or not _LETTER.match(text[k])


def normalize_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    quotes = _quote_spans(text, start, end)
    out = []
    seg = start
    i = start
    q = 0
    while True:
        m = _BREAK_CHAR.search(text, i, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in "\n\r\u2028\u2029":
            out.append((seg, i))
            seg = i + 1
            i += 1
            continue
        if ch in _TERMINAL:
            j = i + 1
            while j < end and text[j] in _TERMINAL:
                j += 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            at_break = j >= end or text[j].isspace()
            while q < len(quotes) and quotes[q][1] < i:
                q += 1
            inside = q < len(quotes) and quotes[q][0] < i and j <= quotes[q][1]
            abbreviation = ch == "." and j == i + 1 and _abbreviation_before(text, i, start)
            if at_break and not inside and not abbreviation:
                out.append((seg, j))
                seg = j
            i = j
            continue
    out.append((seg, end))
    spans = []
    for a, b in out:
        a, b = _trimmed(text, a, b)
        if a < b and any(c.isalnum() for c in text[a:b]):
            spans.append((a, b))
        elif a < b and spans:
            # stray punctuation (a lone closing quote) joins the previous sentence
            spans[-1] = (spans[-1][0], b)
    return spans


def split_sentences(text: str) -> list[Segment]:
    """Sentences of ``text`` with their paragraph number and running index (from 0)."""
    return [Segment(s, e, text[s:e], p, i) for i, (s, e, p) in enumerate(sentence_spans(text))]


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of the sentences of ``text``: ``split_sentences`` without the text."""
    return [(s, e, p) for p, (a, b) in enumerate(_paragraph_spans(text)) for s, e in _sentence_spans(text, a, b)]


# --------------------------------------------------------------------------- dateline


@lru_cache(maxsize=1)
def _dateline_words() -> tuple[frozenset[str], frozenset[str]]:
    outlets: set[str] = set()
    countries: set[str] = set()
    for kind, name in _read_table("dateline_words.tsv"):
        (outlets if kind == "outlet" else countries).add(fold(name).replace(".", " ").replace("  ", " "))
    return frozenset(outlets), frozenset(countries)


_W = r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+"
_SP = r"[ \t\u00a0]*"
_DATELINE = re.compile(
    rf"""^{_SP}(?P<place>{_W}(?:[ \t]+{_W}){{0,2}})
    {_SP}(?:\({_SP}(?P<p1>[^()\n]{{1,40}}?){_SP}\))?
    {_SP}(?P<date>\d{{1,2}}[ \t]+{_W}(?:[ \t]+{_W})?(?:{_SP}/{_SP}{_W}(?:[ \t]+{_W})?)?(?:[ \t]+\d{{4}})?)?
    {_SP}(?:/{_SP}(?P<o>{_W}(?:[ \t]+{_W}){{0,2}})
         |(?:[-/:,]{_SP})?(?:\({_SP}(?P<p2>[^()\n]{{1,40}}?){_SP}\)|"(?P<q>[^"\n]{{1,40}})"))?
    {_SP}(?P<sep>-|:|\n|$)""",
    re.X,
)
_OUTLET_TAIL = re.compile(
    r"([\u0621-\u064a\u0671-\u06d3]+(?:[ \t]+[\u0621-\u064a\u0671-\u06d3]+){0,2})[ \t]*[-:\u2013\u2014\n][ \t]*")
_NOT_PLACE = frozenset(fold(w) for w in (
    "قال قالت أعلن أعلنت أكد أكدت أفاد أفادت ذكر ذكرت أوضح في من إلى على عن مع أن إن هذا هذه التي الذي "
    "ثم لكن حيث كما بعد قبل خلال وقال وقالت وأعلن وأكد وأفاد وذكر تقرير خاص عاجل فيديو صور بالصور شاهد").split())


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", fold(name).replace(".", " ")).strip()


def find_dateline(text: str, max_paragraphs: int = 4) -> Dateline | None:
    """The dateline at the start of one of the first ``max_paragraphs`` paragraphs, if any."""
    outlets, countries = _dateline_words()
    for a, b in _paragraph_spans(text)[:max_paragraphs]:
        line_end = text.find("\n", a, b)
        chunk_end = b if line_end == -1 else line_end
        norm = normalize(text[a:chunk_end])
        m = _DATELINE.match(norm.text)
        if m is None:
            continue
        place = m.group("place")
        if any(w in _NOT_PLACE for w in _clean(place).split()):
            continue
        plain_outlet = m.group("o")
        if plain_outlet is not None and _clean(plain_outlet) not in outlets and m.group("sep") not in ("\n", ""):
            continue  # a bare outlet name after "/" ("القاهرة/ الأناضول") must be a known one
        has_marker = any(m.group(g) for g in ("p1", "p2", "q", "o", "date")) or m.group("sep") in ("-", ":")
        if not has_marker:
            continue
        if m.group("sep") in ("\n", "") and not any(m.group(g) for g in ("p1", "p2", "q", "o")):
            continue  # a short line with no outlet or country: a headline, not a dateline
        country = outlet = None
        for g in ("p1", "p2", "q", "o"):
            value = m.group(g)
            if not value:
                continue
            if g == "p1" and _clean(value) in countries:
                country = _orig(text, a, norm, m, g)
            elif outlet is None:
                outlet = _orig(text, a, norm, m, g)
        ps, pe = norm.span(m.start("place"), m.end("place"))
        body = m.end()
        body_start = a + (norm.span(body, body)[0] if body < len(norm.text) else chunk_end - a)
        while body_start < b and text[body_start].isspace():
            body_start += 1
        if outlet is None and m.group("sep") in ("-", ":"):
            # "رام الله - وفا: ...", "دمشق-سانا- ...": a known outlet between two separators.
            tail = _OUTLET_TAIL.match(text, body_start, b)
            if tail is not None and _clean(tail.group(1)) in outlets:
                outlet = tail.group(1)
                body_start = tail.end()
        date_text = _orig(text, a, norm, m, "date") if m.group("date") else None
        return Dateline(text[a + ps:a + pe], a + ps, a + pe, country, outlet, body_start, a + ps, date_text)
    return None


def _orig(text: str, base: int, norm, m: re.Match[str], group: str) -> str:
    s, e = norm.span(m.start(group), m.end(group))
    return text[base + s:base + e]

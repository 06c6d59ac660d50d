"""Property tests: whatever the input, every span the text layer reports maps back to the original text."""

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.text.dates import find_dates
from marsad.text.normalize import fold, normalize, normalize_char
from marsad.text.numbers import find_quantities
from marsad.text.sentences import find_dateline, split_paragraphs, split_sentences
from marsad.text.tokens import tokenize

# Arabic letters, diacritics, tatweel, Arabic-Indic and Persian digits, Arabic punctuation, typographic
# quotes and dashes, zero-width and bidi controls, ASCII, whitespace of every kind, combining marks.
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
PRESENTATION = st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFC)
CONTROLS = st.sampled_from(
    ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
     "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad", "\u061c", "\x00", "\x07", "\x1b", "\x7f"])
SPACES = st.sampled_from([" ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u2029", "\u3000", "\x0b", "\x0c"])
PUNCT = st.sampled_from(list("،؛؟٪٫٬«»“”–—-./()[]:!?\"'…ـ%/"))
COMBINING = st.characters(min_codepoint=0x0300, max_codepoint=0x036F)
WORDS = st.sampled_from(
    ["قتل", "عنصراً", "وبالحاجز", "للجيش", "أمس", "الجمعة", "الماضي", "يوليو", "حزيران", "كانون", "الأول",
     "عام", "2014", "١٢٬٥٠٠", "ثلاثة", "وعشرين", "على", "الأقل", "أكثر", "من", "عشرات", "آلاف", "منذ", "يومين",
     "الساعة", "الثانية", "فجراً", "(رويترز)", "أ.ف.ب", "2.5", "11/9/2018", "دير الزور (سوريا) –", "ليل",
     "إلى", "الخميس", "مئة", "ألف", "ﻻ", "ﷲ", "ﻷ", "Deir", "ez-Zor", "𝟙𝟚", "①", "ﬁ"])
CHARS = st.one_of(ARABIC, PRESENTATION, CONTROLS, SPACES, PUNCT, COMBINING, st.characters())
TEXT = st.one_of(
    st.text(CHARS, max_size=80),
    st.lists(st.one_of(WORDS, SPACES, st.just("\r\n"), PUNCT, CONTROLS, COMBINING), max_size=40).map("".join),
    st.lists(st.one_of(WORDS, st.just(" ")), max_size=40).map("".join),
)
# MARSAD_HYPOTHESIS_EXAMPLES=5000 for a long local run; the default keeps the suite fast.
SETTINGS = settings(max_examples=int(os.environ.get("MARSAD_HYPOTHESIS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_normalize_offsets_point_into_the_original(text):
    n = normalize(text)
    assert n.original_length == len(text)
    assert len(n.offsets) == len(n.text)
    assert list(n.offsets) == sorted(n.offsets)
    for ch, off in zip(n.text, n.offsets, strict=True):
        assert 0 <= off < len(text)
        assert ch in normalize_char(text[off])
    for a in range(0, len(n.text) + 1, 3):
        for b in range(a, min(len(n.text), a + 7) + 1):
            s, e = n.span(a, b)
            assert 0 <= s <= e <= len(text)


@SETTINGS
@given(TEXT)
def test_tokens_are_exact_slices_in_order(text):
    tokens = tokenize(text)
    prev_end = 0
    for t in tokens:
        assert text[t.start:t.end] == t.text
        assert prev_end <= t.start < t.end <= len(text)
        assert t.kind in ("word", "number", "punct")
        assert not t.text.isspace()
        assert t.key in t.stems
        prev_end = t.end


@SETTINGS
@given(TEXT)
def test_fold_is_idempotent_and_single_spaced(text):
    f = fold(text)
    assert fold(f) == f
    assert "  " not in f and f == f.strip()


@SETTINGS
@given(TEXT)
def test_sentences_and_paragraphs_are_exact_ordered_slices(text):
    for segs in (split_paragraphs(text), split_sentences(text)):
        prev = 0
        for i, s in enumerate(segs):
            assert text[s.start:s.end] == s.text and s.text.strip()
            assert prev <= s.start < s.end
            assert s.index == i
            prev = s.end
    d = find_dateline(text)
    if d is not None:
        assert text[d.place_start:d.place_end] == d.place_text
        assert d.place_end <= d.end <= len(text)


@SETTINGS
@given(TEXT, st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))))
def test_quantities_and_dates_are_exact_ordered_slices(text, published):
    prev = -1
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.start > prev and q.value >= 0
        prev = q.start
    prev_end = 0
    for m in find_dates(text, published):
        assert text[m.start:m.end] == m.text
        assert prev_end <= m.start < m.end
        assert m.precision in (1, 2, 3)
        if m.value is not None:
            assert len(m.value) in (4, 7, 10)
        prev_end = m.end


def test_edge_inputs():
    for text in ["", " ", "\n\n\n", "\u200f\u200e", "ـــ", "\u064b\u064c", "abc", "١٢٣", "\x00\x01"]:
        assert all(text[t.start:t.end] == t.text for t in tokenize(text))
        n = normalize(text)
        assert len(n.offsets) == len(n.text)
        split_sentences(text)
        find_dates(text, dt.date(2025, 1, 1))
        find_quantities(text)

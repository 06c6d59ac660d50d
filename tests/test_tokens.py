"""Tokens: kinds, offsets, keys and clitic-aware stem candidates."""

import pytest

from marsad.text.matcher import MultiMatcher, PhraseMatcher
from marsad.text.tokens import stem_candidates, tokenize


def stems(word):
    toks = tokenize(word)
    assert len(toks) == 1, toks
    return toks[0].stems


def test_kinds_offsets_and_keys():
    text = "قُتل ٣ جنود، و1,200 مدني (رويترز)."
    toks = tokenize(text)
    assert [t.kind for t in toks] == ["word", "number", "word", "punct", "word", "number", "word",
                                      "punct", "word", "punct", "punct"]
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert toks[0].key == "قتل"  # diacritics gone from the key, kept in the surface
    assert toks[1].key == "3"
    assert toks[5].key == "1200"
    assert toks[3].key == ","


def test_tatweel_and_zero_width_inside_words_stay_in_one_token():
    toks = tokenize("قـــتل عن\u200cصر")
    assert [t.key for t in toks] == ["قتل", "عنصر"]


def test_latin_and_mixed_script():
    toks = tokenize("Deir ez-Zor دير الزور 2025")
    assert [t.text for t in toks] == ["Deir", "ez-Zor", "دير", "الزور", "2025"]
    assert toks[0].key == "deir"


@pytest.mark.parametrize(
    "word, stem",
    [
        ("والحاجز", "الحاجز"),
        ("بالحاجز", "الحاجز"),
        ("فالحاجز", "الحاجز"),
        ("كالحاجز", "الحاجز"),
        ("وبالحاجز", "الحاجز"),
        ("فبالحاجز", "الحاجز"),
        ("للحاجز", "الحاجز"),
        ("وللحاجز", "الحاجز"),
        ("فللحاجز", "الحاجز"),
        ("وللجيش", "الجيش"),
        ("بالحاجز", "حاجز"),
        ("بدير", "دير"),
        ("ودير", "دير"),
        ("لدير", "دير"),
        ("فدير", "دير"),
        ("كدير", "دير"),
        ("وبدير", "دير"),
        ("ولدير", "دير"),
        ("سيقتل", "يقتل"),
        ("وسيعلن", "يعلن"),
    ],
)
def test_proclitics(word, stem):
    assert stem in stems(word)


@pytest.mark.parametrize(
    "word, stem",
    [
        ("منزله", "منزل"),
        ("منزلها", "منزل"),
        ("منزلهم", "منزل"),
        ("منزلهما", "منزل"),
        ("منزلنا", "منزل"),
        ("قواته", "قوات"),
        ("قريتنا", "قريه"),  # taa marbuta before a suffix
        ("أبنائهم", "ابناء"),  # hamza seat before a suffix
        ("وقواتها", "قوات"),
        ("عنصراً", "عنصر"),  # accusative alef
    ],
)
def test_enclitics(word, stem):
    assert stem in stems(word)


def test_short_words_are_not_over_stripped():
    assert stems("في") == frozenset({"في"})
    assert stems("وزير") >= {"وزير"}
    assert "زير" in stems("وزير")  # over-generation is allowed; it only matters if a lexicon holds it
    assert stem_candidates("ب") == frozenset({"ب"})


def test_key_is_folded():
    assert tokenize("أطمة")[0].key == tokenize("اطمه")[0].key
    assert tokenize("مستشفى")[0].key == "مستشفي"
    assert tokenize("إدلب")[0].key == "ادلب"


@pytest.mark.parametrize("text", ["بدير الزور", "ودير الزور", "لدير الزور", "في دير الزور", "وبدير الزور"])
def test_matcher_finds_place_with_clitics(text):
    m = PhraseMatcher([("دير الزور", "DZ")])
    found = m.find(tokenize(text))
    assert [x.value for x in found] == ["DZ"]
    assert text[found[0].start:found[0].end].endswith("دير الزور")


@pytest.mark.parametrize("text", ["بالحاجز", "والحاجز", "وبالحاجز", "للحاجز", "الحاجز"])
def test_matcher_finds_article_word_with_clitics(text):
    assert [x.value for x in PhraseMatcher([("الحاجز", 1)]).find(tokenize(text))] == [1]


def test_empty_and_whitespace():
    assert tokenize("") == []
    assert tokenize(" \n\t\u200f ") == []


@pytest.mark.parametrize(
    "text",
    [
        'وأعلن تنظيم "داعش" مسؤوليته عن الهجوم على حاجز الأمن في دير الزور',
        "أطلق مسلحون مجهولون النار على سيارة الأمن، فأطلق الحراس النار بدورهم",
        "قوات الأمن قوات سوريا الديمقراطية قوات",
        "الأمن",
        "",
    ],
)
def test_multi_matcher_finds_what_each_matcher_finds(text):
    places = PhraseMatcher([("دير الزور", "place"), ("دير", "monastery"), ("حاجز الأمن", "checkpoint")])
    actors = PhraseMatcher([("قوات الأمن", "security"), ("قوات سوريا الديمقراطية", "SDF"), ("قوات", "forces"),
                            ("تنظيم داعش", "IS"), ("داعش", "IS"), ("مسلحون مجهولون", "gunmen")])
    verbs = PhraseMatcher([("أطلق … النار", "fire"), ("أطلق", "launch"), ("الهجوم", "attack")])
    tokens = tokenize(text)
    both = MultiMatcher([places, actors, verbs]).find_all(tokens)
    assert both == [places.find_all(tokens), actors.find_all(tokens), verbs.find_all(tokens)]
    assert MultiMatcher([places, actors, verbs]).find(tokens) == [m.find(tokens) for m in (places, actors, verbs)]

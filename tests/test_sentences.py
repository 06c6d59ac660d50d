"""Paragraphs, sentences and datelines, with offsets into the original text."""

from pathlib import Path

import pytest

from marsad.text.sentences import Dateline, find_dateline, split_paragraphs, split_sentences

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "article.txt"


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_paragraphs_separated_by_blank_lines():
    text = "العنوان هنا\n\nالفقرة الأولى. وفيها جملتان.\n \nالفقرة الثانية\n"
    paras = split_paragraphs(text)
    assert [p.text for p in paras] == ["العنوان هنا", "الفقرة الأولى. وفيها جملتان.", "الفقرة الثانية"]
    assert [p.index for p in paras] == [0, 1, 2]
    for p in paras:
        assert text[p.start:p.end] == p.text


def test_without_blank_lines_every_line_is_a_paragraph():
    assert [p.text for p in split_paragraphs("سطر أول\nسطر ثان\r\nسطر ثالث")] == ["سطر أول", "سطر ثان", "سطر ثالث"]


def test_empty_and_blank_input():
    assert split_paragraphs("") == [] and split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_sentence_terminators():
    assert texts("قصفت الطائرات القرية. قتل ثلاثة أشخاص! هل انتهى القصف؟ لا أحد يعرف?") == [
        "قصفت الطائرات القرية.", "قتل ثلاثة أشخاص!", "هل انتهى القصف؟", "لا أحد يعرف?"]


def test_newline_ends_a_sentence_and_paragraph_numbers_are_kept():
    text = "الجملة الأولى بلا نقطة\nالجملة الثانية.\n\nفقرة جديدة. وجملة أخرى."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["الجملة الأولى بلا نقطة", "الجملة الثانية.", "فقرة جديدة.", "وجملة أخرى."]
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_decimals_abbreviations_and_agency_names_do_not_split():
    text = "نزح 2.5 مليون شخص حسب وكالة أ.ف.ب. والتقى د. أحمد بالمسؤولين (رويترز) أمس. ثم غادر."
    assert texts(text) == ["نزح 2.5 مليون شخص حسب وكالة أ.ف.ب. والتقى د. أحمد بالمسؤولين (رويترز) أمس.", "ثم غادر."]


def test_short_quotation_is_not_split_and_closing_quote_stays():
    text = "قال المتحدث: «الوضع خطير. نحن بحاجة إلى الدعم». وأضاف أن القصف مستمر."
    assert texts(text) == ["قال المتحدث: «الوضع خطير. نحن بحاجة إلى الدعم».", "وأضاف أن القصف مستمر."]
    text = 'وأكد "انتهى الهجوم." ثم غادر.'
    assert texts(text) == ['وأكد "انتهى الهجوم."', "ثم غادر."]


def test_ellipsis_and_offsets():
    text = "  انتظر السكان... ثم عادوا.  "
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["انتظر السكان...", "ثم عادوا."]
    for s in sents:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(
    "text, place, country, outlet",
    [
        ("دير الزور (سوريا) – قتل عنصر من الشرطة", "دير الزور", "سوريا", None),
        ("بغداد - (رويترز) - قال مسؤول عراقي", "بغداد", None, "رويترز"),
        ("بغداد (أ ف ب) - قال مسؤول عراقي", "بغداد", None, "أ ف ب"),
        ("القاهرة/ الأناضول\nقال مسؤول مصري", "القاهرة", None, "الأناضول"),
        ("القاهرة/ الأناضول: قال مسؤول مصري", "القاهرة", None, "الأناضول"),
        ("عدن - «الخليج»: قتل جنديان", "عدن", None, "الخليج"),
        ("الموصل (العراق) 12 يناير (رويترز) - قتل مدنيان", "الموصل", "العراق", "رويترز"),
        ("غزة – أعلنت وزارة الصحة", "غزة", None, None),
        ("رأس العين (سوريا) - قتل مدنيان", "رأس العين", "سوريا", None),
        ("رام الله - وفا: قال مسؤول فلسطيني", "رام الله", None, "وفا"),
        ("دمشق-سانا- قتل مدنيان", "دمشق", None, "سانا"),
        ("بيروت - الوكالة الوطنية: قتل مدنيان", "بيروت", None, "الوكالة الوطنية"),
        ("غزة - قتل مدني: وأصيب آخر", "غزة", None, None),
    ],
)
def test_datelines(text, place, country, outlet):
    d = find_dateline(text)
    assert isinstance(d, Dateline)
    assert (d.place_text, d.country_text, d.outlet) == (place, country, outlet)
    assert text[d.place_start:d.place_end] == place
    assert text[d.end:].split()[0] in ("قتل", "قال", "أعلنت")


def test_dateline_after_a_headline():
    text = "مقتل مدنيين في قصف على ريف حلب\n\nحلب (سوريا) - قتل مدنيان في قصف مدفعي."
    d = find_dateline(text)
    assert d is not None and d.place_text == "حلب" and text[d.start:d.place_end] == "حلب"


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤول - إن الوضع متوتر",
        "مقتل مدنيين في قصف على ريف حلب",
        "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في المدينة.",
        "",
        "العنوان\n\nفقرة أولى بلا خط تاريخ.\n\nفقرة ثانية.",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    d = find_dateline(text)
    assert d is not None and d.place_text == "دير الزور" and d.country_text == "سوريا"
    sents = split_sentences(text)
    assert len(sents) > 20
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert all(not s.text.startswith(("»", "”", ")")) for s in sents)

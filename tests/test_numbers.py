"""Quantities: digits, number words, compounds, clitics, vague amounts, qualifiers, roles, duals."""

import pytest

from marsad.text.numbers import (
    Quantity,
    counted_noun,
    dual_count,
    dual_is_ambiguous,
    find_quantities,
    is_singular_count_noun,
    number_word_value,
    parse_number_words,
)
from marsad.text.tokens import tokenize


def counts(text):
    return [(q.text, q.value) for q in find_quantities(text) if q.role == "count"]


def only(text) -> Quantity:
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize(
    "text, value",
    [
        ("قتل 7 مدنيين في القصف", 7),
        ("أصيب ١٢ شخصا بجروح", 12),
        ("نزح ۱۵ ألف شخص", 15000),  # Persian digits
        ("وصل عدد النازحين إلى 1,250 نازحا", 1250),
        ("سجلت المنظمة ١٬٣٠٠ حالة", 1300),
        ("فر 3 آلاف مدني من البلدة", 3000),
        ("تضرر 2.5 مليون شخص", 2500000),
        ("استقبل المخيم 1.500 لاجئ", 1500),
    ],
)
def test_digits(text, value):
    q = [q for q in find_quantities(text) if q.role == "count"]
    assert [x.value for x in q] == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("قتل واحد من الحراس", 1),
        ("قتلت امرأة واحدة", 1),
        ("اعتقل اثنان من المشتبهين", 2),
        ("أصيب اثنين من المارة", 2),
        ("أسرت اثنتان من الممرضات", 2),
        ("جرحت اثنتين من الطالبات", 2),
        ("قضى ثلاثة جنود", 3),
        ("قتلت ثلاث نساء", 3),
        ("قتل أربعة عناصر", 4),
        ("قتل سبع نساء", 7),
        ("قتل ثمانية أطفال", 8),
        ("قتل عشرة مسلحين", 10),
        ("قتل عشر نساء", 10),
        ("قتل أحد عشر جنديا", 11),
        ("قتلت إحدى عشرة امرأة", 11),
        ("أصيب اثنا عشر طفلا", 12),
        ("أصيبت اثنتا عشرة فتاة", 12),
        ("أصيب اثني عشر شخصا", 12),
        ("قتل ثلاثة عشر عنصرا", 13),
        ("قتل تسعة عشر مقاتلا", 19),
        ("قتل عشرون شخصا", 20),
        ("قتل تسعين شخصا", 90),
        ("قتل خمسة وعشرين مدنيا", 25),
        ("قتل خمسة وعشرون مدنيا", 25),
        ("قتل واحد وثلاثون شخصا", 31),
        ("قتل مئة شخص", 100),
        ("قتل مائة شخص", 100),
        ("قتل مئتا شخص", 200),
        ("قتل مئتين من المسلحين", 200),
        ("قتل مائتي شخص", 200),
        ("قتل مئة وخمسين شخصا", 150),
        ("قتل مئة وخمسة وعشرون شخصا", 125),
        ("قتل ثلاثمئة شخص", 300),
        ("قتل ثلاثمائة شخص", 300),
        ("قتل ثلاث مئة وخمسة عشر شخصا", 315),
        ("نزح ألف شخص", 1000),
        ("نزح ألفان من السكان", 2000),
        ("نزح ألفين من السكان", 2000),
        ("نزح ثلاثة آلاف شخص", 3000),
        ("نزح عشرة آلاف شخص", 10000),
        ("نزح خمسة وعشرين ألف شخص", 25000),
        ("نزح عشرون ألفاً", 20000),
        ("نزح مئة ألف شخص", 100000),
        ("نزح مليون شخص", 1000000),
        ("نزح مليون ونصف شخص", 1500000),
        ("نزح ثلاثة ملايين شخص", 3000000),
    ],
)
def test_number_words(text, value):
    assert [q.value for q in find_quantities(text) if q.is_count] == [value]


def test_clitics_on_number_words():
    assert counts("قتل جنديان وثلاثة مدنيين") == [("وثلاثة", 3)]
    assert counts("استهدفت القافلة بخمسة صواريخ") == [("بخمسة", 5)]
    assert counts("وفي الهجوم قتل الثلاثة") == [("الثلاثة", 3)]
    assert counts("قتل أربعة وأصيب ستة") == [("أربعة", 4), ("ستة", 6)]


def test_compound_spans_and_offsets():
    text = "قالت المصادر إن مئة وخمسة وعشرين شخصا قتلوا"
    q = only(text)
    assert q.value == 125
    assert text[q.start:q.end] == q.text == "مئة وخمسة وعشرين"
    toks = tokenize(text)
    assert toks[q.first].start == q.start and toks[q.last - 1].end == q.end


def test_tokens_input_gives_same_result_as_text():
    text = "قتل 16 شخصا على الأقل"
    assert find_quantities(tokenize(text), text) == find_quantities(text)
    assert find_quantities(tokenize(text))[0].text == "16"


def test_quantities_of_one_token_range_keep_whole_text_indices():
    text = "سقط 3 قتلى في الهجوم. وأصيب سبعة مدنيين بجروح في ١٢ نيسان"
    toks = tokenize(text)
    second = next(i for i, t in enumerate(toks) if t.text == ".") + 1
    found = find_quantities(toks, text, first=second, last=len(toks))
    assert [(q.text, q.value) for q in found if q.is_count] == [("سبعة", 7)]
    assert all(q.first >= second for q in found)
    whole = find_quantities(toks, text)
    assert found == [q for q in whole if q.first >= second]
    assert find_quantities(toks, text, first=0, last=second)[0].text == "3"


@pytest.mark.parametrize(
    "text, value",
    [
        ("قتل عشرات المدنيين", 12),
        ("قتل العشرات في القصف", 12),
        ("قتل مئات الأشخاص", 100),
        ("اعتقلت السلطات المئات", 100),
        ("نزح آلاف السكان", 1000),
        ("نزح عشرات الآلاف", 12000),
        ("نزح مئات الآلاف", 100000),
        ("قتل عدد من الأشخاص", 3),
        ("قتل عدة أشخاص", 3),
        ("أصيب بضعة أشخاص", 3),
        ("أصيب بضع نساء", 3),
        ("وصلت بضعة آلاف", 3000),
    ],
)
def test_vague_quantities_use_acled_values(text, value):
    q = [q for q in find_quantities(text) if q.is_count]
    assert len(q) == 1 and q[0].value == value and q[0].vague


@pytest.mark.parametrize(
    "text, qualifier, value",
    [
        ("قتل على الأقل 16 شخصا", "at_least", 16),
        ("قتل 16 شخصا على الأقل في الانفجار", "at_least", 16),
        ("قتل 16 مدنيا آخرين على الأقل", "at_least", 16),
        ("قتل ما لا يقل عن عشرين شخصا", "at_least", 20),
        ("قتل أكثر من 40 عنصرا", "more_than", 40),
        ("قتل ما يزيد عن ثلاثين مسلحا", "more_than", 30),
        ("قتل ما يزيد على 30 مسلحا", "more_than", 30),
        ("قتل نحو 200 مسلح", "about", 200),
        ("قتل قرابة خمسين شخصا", "about", 50),
        ("قتل حوالي 70 شخصا", "about", 70),
        ("قتل حوالى 70 شخصا", "about", 70),
        ("قتل زهاء ستين شخصا", "about", 60),
        ("قتل ما يقارب مئة شخص", "about", 100),
        ("قتل 30 شخصا تقريبا", "about", 30),
        ("بلغ عدد القتلى ما يصل إلى 60", "up_to", 60),
        ("أصيب أقل من عشرة أشخاص", "less_than", 10),
        ("أصيب بنحو 12 شخصا", "about", 12),
    ],
)
def test_qualifiers(text, qualifier, value):
    q = [q for q in find_quantities(text) if q.is_count]
    assert [(x.value, x.qualifier) for x in q] == [(value, qualifier)]


def test_qualifier_after_does_not_jump_over_another_number():
    qs = find_quantities("قتل 3 وأصيب 16 على الأقل")
    assert [(q.value, q.qualifier) for q in qs] == [(3, None), (16, "at_least")]


def test_no_qualifier():
    assert only("قتل 9 أشخاص في الغارة").qualifier is None


@pytest.mark.parametrize(
    "text, role",
    [
        ("تأسس التنظيم عام 2014 في العراق", "year"),
        ("في العام 2019 هزم التنظيم", "year"),
        ("منذ سنة 2011 والحرب مستمرة", "year"),
        ("بدأ الهجوم الساعة 2 فجرا", "time"),
        ("بدأ الهجوم عند الساعة 10:30", "time"),
        ("ارتفعت الأسعار بنسبة 20 %", "percent"),
        ("ارتفعت الأسعار 20 في المئة", "percent"),
        ("نمت بنسبة 2.5 خلال العام", "decimal"),
        ("وفي 2015 وقع هجومان", "year"),
        ("يشهد البلد نزاعا منذ 2014", "year"),
        ("طالب بتطبيق القرار 2254", "label"),
        ("قتل عنصران من الفرقة 17", "label"),
    ],
)
def test_roles_keep_years_times_and_percentages_apart_from_counts(text, role):
    qs = find_quantities(text)
    assert qs and all(q.role == role for q in qs)
    assert not any(q.is_count for q in qs)


@pytest.mark.parametrize(
    "text",
    [
        "وقع الهجوم في 16 كانون الثاني الماضي",
        "وقع الهجوم في 16 يناير",
        "وقع الهجوم في 3 من آذار",
        "وقع الهجوم في 11/9/2018",
        "ولد في أيلول 1990",
        "في يونيو/حزيران 2024 قتل",
        "وقع الهجوم في 15 الجاري",
        "وقع الهجوم في 3 من الشهر الماضي",
    ],
)
def test_days_of_month_and_years_in_dates_are_not_counts(text):
    assert not any(q.is_count for q in find_quantities(text))


@pytest.mark.parametrize(
    "text",
    ["فجّر الثاني نفسه", "بدأت العملية في الثانية فجرا", "الحادي عشر من أيلول", "في اليوم الثالث عشر",
     "الذكرى الثانية والعشرين", "يوم الاثنين", "صباح الأحد"],
)
def test_ordinals_and_weekday_names_are_not_quantities(text):
    assert find_quantities(text) == []


def test_hijri_dates_are_not_counts():
    qs = find_quantities("صدر البيان في 26 شوال 1436 هـ")
    assert [(q.value, q.role) for q in qs] == [(26, "date"), (1436, "year")]


def test_a_score_is_not_a_date_and_a_numeric_date_is():
    assert [q.role for q in find_quantities("فاز الفريق 2-1 على مضيفه")] == ["count", "count"]
    assert [q.role for q in find_quantities("في 2018-09-11 وقع")] == ["date", "date", "date"]


def test_partitive_one_of():
    q = only("قتل أحد المهاجمين")
    assert (q.value, q.role, q.is_count) == (1, "partitive", True)
    assert only("فجر أحدهما نفسه").role == "partitive"
    assert only("أصيبت إحدى النساء").value == 1


def test_year_words_and_empty_input():
    assert find_quantities("") == []
    assert find_quantities("   \n") == []
    assert find_quantities("no numbers here") == []


def test_parse_number_words_and_single_words():
    assert parse_number_words("ألفين وأربعة عشر") == 2014
    assert parse_number_words("مئة وخمسة وعشرون") == 125
    assert parse_number_words("ثلاثة عشر") == 13
    assert parse_number_words("قتل") is None
    assert parse_number_words("") is None
    assert number_word_value("وعشرين") == 20
    assert number_word_value("مئتي") == 200
    assert number_word_value("بيت") is None


@pytest.mark.parametrize(
    "word, singular, ambiguous",
    [
        ("جنديين", "جندي", False),
        ("جنديان", "جندي", False),
        ("عنصرين", "عنصر", False),
        ("عنصران", "عنصر", False),
        ("شخصين", "شخص", False),
        ("طفلين", "طفل", False),
        ("امرأتين", "امرأة", False),
        ("امرأتان", "امرأة", False),
        ("والجنديين", "جندي", False),
        ("لعنصرين", "عنصر", False),
        ("مهاجمين", "مهاجم", True),
        ("مهاجمان", "مهاجم", False),
        ("المدنيين", "مدني", True),
        ("انتحاريين", "انتحاري", True),
        ("مسلحين", "مسلح", True),
        ("مسلحان", "مسلح", False),
    ],
)
def test_dual_counted_nouns(word, singular, ambiguous):
    assert dual_count(word) == singular
    assert dual_is_ambiguous(word) is ambiguous


@pytest.mark.parametrize("word", ["حين", "بين", "عين", "جنود", "عناصر", "ساعتين", "يومين", "سكان", "جندي"])
def test_words_that_are_not_duals_of_counted_nouns(word):
    assert dual_count(word) is None


@pytest.mark.parametrize("word", ["عنصر", "عنصراً", "عنصرا", "جندي", "جنديا", "شخص", "شخصاً", "امرأة", "وطفل"])
def test_singular_count_nouns(word):
    assert is_singular_count_noun(word)


@pytest.mark.parametrize("word", ["العنصر", "عناصر", "جنود", "بيت", "قتل", "الجندي"])
def test_not_singular_count_nouns(word):
    assert not is_singular_count_noun(word)


def test_counted_noun_data():
    noun = counted_noun("مهاجماً")
    assert noun is not None and noun.singular == "مهاجم" and noun.sound_plural

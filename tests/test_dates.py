"""Date mentions: absolute, months, years, weekdays and relative expressions against a publication date."""

import datetime as dt
from pathlib import Path

import pytest

from marsad.text.dates import DateMention, find_dates, month_at, resolve_month, resolve_weekday
from marsad.text.tokens import tokenize

FRI = dt.date(2025, 8, 22)  # a Friday
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "article.txt"


def one(text, published=FRI) -> DateMention:
    ms = find_dates(text, published)
    assert len(ms) == 1, ms
    return ms[0]


def resolved(text, published=FRI):
    m = one(text, published)
    return m.value, m.precision


@pytest.mark.parametrize(
    "text, value",
    [
        ("وقع التفجير في 11 سبتمبر 2018 في المدينة", "2018-09-11"),
        ("وقع التفجير في 11/9/2018 في المدينة", "2018-09-11"),
        ("وقع التفجير في ١١/٩/٢٠١٨ في المدينة", "2018-09-11"),
        ("وقع التفجير في 11-9-2018", "2018-09-11"),
        ("وقع التفجير بتاريخ 2018/09/11", "2018-09-11"),
        ("وقع التفجير في 11.9.2018", "2018-09-11"),
        ("وقع التفجير في 5 تموز 2021", "2021-07-05"),
        ("وقع التفجير في 5 تشرين الأول 2021", "2021-10-05"),
        ("وقع التفجير في 5 تشرين الثاني/نوفمبر 2021", "2021-11-05"),
        ("وقع التفجير في 30 جوان 2020", "2020-06-30"),
        ("وقع التفجير يوم 2 أوت 2019", "2019-08-02"),
        ("وقع التفجير في 7 أكتوبر، 2023", "2023-10-07"),
        ("وقع التفجير في 7 أكتوبر من عام 2023", "2023-10-07"),
    ],
)
def test_absolute_dates_with_year(text, value):
    m = one(text)
    assert (m.value, m.precision, m.kind) == (value, 1, "absolute")


@pytest.mark.parametrize(
    "text, value",
    [
        ("أحيا السكان ذكرى الحادي عشر من أيلول", "2024-09-11"),
        ("اندلعت الاشتباكات في الخامس من آب", "2025-08-05"),
        ("اندلعت الاشتباكات في الأول من أغسطس", "2025-08-01"),
        ("اندلعت الاشتباكات في الثاني والعشرين من يوليو", "2025-07-22"),
        ("اندلعت الاشتباكات في الثلاثين من حزيران", "2025-06-30"),
        ("اندلعت الاشتباكات في 16 كانون الثاني/يناير الماضي", "2025-01-16"),
        ("اندلعت الاشتباكات في 3 آذار/مارس", "2025-03-03"),
        ("اندلعت الاشتباكات في الـ3 من آذار", "2025-03-03"),
        ("اندلعت الاشتباكات في 20 أغسطس", "2025-08-20"),
        ("اندلعت الاشتباكات في 25 أغسطس", "2024-08-25"),
        ("اندلعت الاشتباكات في 10 ديسمبر", "2024-12-10"),
        ("اندلعت الاشتباكات في 10 كانون الأول من العام الماضي", "2024-12-10"),
    ],
)
def test_absolute_dates_without_year_take_it_from_publication(text, value):
    m = one(text)
    assert (m.value, m.precision, m.kind) == (value, 1, "absolute")


@pytest.mark.parametrize(
    "text, value",
    [
        ("اندلعت الاشتباكات في 15 الجاري", "2025-08-15"),
        ("اندلعت الاشتباكات في الـ3 من الشهر الماضي", "2025-07-03"),
        ("اندلعت الاشتباكات في العاشر من الشهر الحالي", "2025-08-10"),
        ("اندلعت الاشتباكات في الأول من الشهر الجاري", "2025-08-01"),
    ],
)
def test_day_of_the_current_or_previous_month(text, value):
    m = one(text)
    assert (m.value, m.precision, m.kind) == (value, 1, "absolute")


def test_absolute_date_without_publication_date_and_year_is_unresolved():
    m = one("اندلعت الاشتباكات في 3 آذار", None)
    assert m.value is None and m.kind == "absolute"
    assert one("في 3 آذار 2020", None).value == "2020-03-03"


def test_weekday_followed_by_a_date_is_one_absolute_mention():
    m = one("وقع الانفجار الخميس 21 آب")
    assert (m.text, m.value, m.kind) == ("الخميس 21 آب", "2025-08-21", "absolute")


@pytest.mark.parametrize(
    "text, value",
    [
        ("أعلن الجيش في يوليو الماضي عن العملية", "2025-07"),
        ("أعلن الجيش في يوليو عن العملية", "2025-07"),
        ("أعلن الجيش في أغسطس عن العملية", "2025-08"),
        ("أعلن الجيش في أغسطس الماضي عن العملية", "2024-08"),
        ("أعلن الجيش في سبتمبر عن العملية", "2024-09"),
        ("أعلن الجيش في سبتمبر المقبل عن العملية", "2025-09"),
        ("أعلن الجيش في تموز الماضي", "2025-07"),
        ("أعلن الجيش في جويلية الماضي", "2025-07"),
        ("أعلن الجيش في آب الماضي", "2024-08"),
        ("أعلن الجيش في شهر شباط", "2025-02"),
        ("أعلن الجيش في مارس 2023", "2023-03"),
        ("أعلن الجيش في يوليو من العام الماضي", "2024-07"),
        ("أعلن الجيش في ديسمبر/كانون الأول", "2024-12"),
        ("أعلن الجيش في كانون الأول/ديسمبر", "2024-12"),
        ("أعلن الجيش في يونيو/ حزيران الماضي", "2025-06"),
        ("أعلن الجيش في حزيران (يونيو) الماضي", "2025-06"),
        ("أعلن الجيش في أيار/مايو", "2025-05"),
    ],
)
def test_months(text, value):
    m = one(text)
    assert (m.value, m.precision, m.kind) == (value, 3, "month")


def test_paired_month_is_one_mention_with_both_names():
    m = one("وفي يونيو/ حزيران الماضي أعلنت الوزارة")
    assert m.text == "يونيو/ حزيران الماضي" and m.past


@pytest.mark.parametrize(
    "text",
    ["قال أب لثلاثة أطفال", "مارس الجيش ضغوطا على السكان", "وقفت سيارة نيسان قرب الحاجز", "فتح باب المنزل"],
)
def test_ambiguous_month_names_need_context(text):
    assert find_dates(text, FRI) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("تأسس التنظيم عام 2014", "2014"),
        ("هزم التنظيم في العام 2019", "2019"),
        ("وقع ذلك سنة 2011", "2011"),
        ("يستمر النزاع منذ 2011", "2011"),
        ("تأسس التنظيم عام ألفين وأربعة عشر", "2014"),
        ("تأسس التنظيم لعام 2014", "2014"),
        ("وقعت هجمات في 2015 في المدينة", "2015"),
        ("يتولى المنصب منذ عام 1992", "1992"),
    ],
)
def test_years(text, value):
    m = one(text)
    assert (m.value, m.precision, m.kind) == (value, 3, "year")


@pytest.mark.parametrize(
    "text, value, offset",
    [
        ("أعلنت الوزارة الجمعة مقتل جنديين", "2025-08-22", 0),
        ("أعلنت الوزارة يوم الجمعة مقتل جنديين", "2025-08-22", 0),
        ("أعلنت الوزارة الأربعاء مقتل جنديين", "2025-08-20", -2),
        ("أعلنت الوزارة الأربعاء الماضي مقتل جنديين", "2025-08-20", -2),
        ("أعلنت الوزارة الجمعة الماضية مقتل جنديين", "2025-08-15", -7),
        ("أعلنت الوزارة يوم السبت مقتل جنديين", "2025-08-16", -6),
        ("أعلنت الوزارة الأحد مقتل جنديين", "2025-08-17", -5),
        ("أعلنت الوزارة الإثنين مقتل جنديين", "2025-08-18", -4),
        ("أعلنت الوزارة والخميس مقتل جنديين", "2025-08-21", -1),
        ("أعلنت الوزارة مساء الثلاثاء مقتل جنديين", "2025-08-19", -3),
        ("قصف الطيران البلدة ليل الأربعاء إلى الخميس", "2025-08-20", -2),
        ("قصف الطيران البلدة ليل الأربعاء - الخميس", "2025-08-20", -2),
        ("قصف الطيران البلدة ليلة الأربعاء", "2025-08-20", -2),
        ("قصف الطيران البلدة فجر السبت", "2025-08-16", -6),
        ("ستعقد المحادثات الأحد المقبل", "2025-08-24", 2),
    ],
)
def test_weekdays(text, value, offset):
    m = one(text)
    assert (m.value, m.precision, m.kind, m.offset_days) == (value, 1, "weekday", offset)


def test_weekday_without_publication_date_is_unresolved():
    m = one("أعلنت الوزارة الجمعة", None)
    assert m.value is None and m.kind == "weekday"


@pytest.mark.parametrize(
    "text",
    ["قتل أحد المهاجمين", "قال أحد السكان", "قتل الأحد عشر جنديا", "جمعة الأهالي تبرعات"],
)
def test_words_that_look_like_weekdays_are_not_dates(text):
    assert find_dates(text, FRI) == []


@pytest.mark.parametrize(
    "text, offset, precision",
    [
        ("قصفت الطائرات البلدة أمس", -1, 1),
        ("قصفت الطائرات البلدة يوم أمس", -1, 1),
        ("قصفت الطائرات البلدة بالأمس", -1, 1),
        ("قصفت الطائرات البلدة مساء أمس", -1, 1),
        ("قصفت الطائرات البلدة ليلة أمس", -1, 1),
        ("قصفت الطائرات البلدة الليلة الماضية", -1, 1),
        ("قصفت الطائرات البلدة البارحة", -1, 1),
        ("قصفت الطائرات البلدة أول أمس", -2, 1),
        ("قصفت الطائرات البلدة أمس الأول", -2, 1),
        ("قصفت الطائرات البلدة أول من أمس", -2, 1),
        ("قصفت الطائرات البلدة اليوم", 0, 1),
        ("قصفت الطائرات البلدة فجر اليوم", 0, 1),
        ("قصفت الطائرات البلدة صباح اليوم", 0, 1),
        ("قصفت الطائرات البلدة مساء اليوم", 0, 1),
        ("قصفت الطائرات البلدة ظهر اليوم", 0, 1),
        ("قصفت الطائرات البلدة منذ يومين", -2, 1),
        ("قصفت الطائرات البلدة قبل يومين", -2, 1),
        ("قصفت الطائرات البلدة قبل ثلاثة أيام", -3, 1),
        ("قصفت الطائرات البلدة منذ 3 أيام", -3, 1),
        ("قصفت الطائرات البلدة قبل عشرة أيام", -10, 1),
        ("قصفت الطائرات البلدة منذ 48 ساعة", -2, 1),
        ("قصفت الطائرات البلدة منذ أسبوع", -7, 2),
        ("قصفت الطائرات البلدة قبل أسبوعين", -14, 2),
        ("قصفت الطائرات البلدة الأسبوع الماضي", -7, 2),
        ("قصفت الطائرات البلدة قبل أيام", -3, 2),
        ("تبدأ المحادثات غدا في جنيف", 1, 1),
        ("تبدأ المحادثات غداً السبت", 1, 1),
        ("قصفت الطائرات البلدة أمس الخميس", -1, 1),
        ("قصفت الطائرات البلدة اليوم الجمعة", 0, 1),
        ("قصفت الطائرات البلدة فجر أمس، الخميس", -1, 1),
    ],
)
def test_relative_days(text, offset, precision):
    m = one(text)
    assert m.kind == "relative" and m.offset_days == offset and m.precision == precision
    assert m.value == (FRI + dt.timedelta(days=offset)).isoformat()


@pytest.mark.parametrize(
    "text, value",
    [
        ("تصاعدت الهجمات الشهر الماضي", "2025-07"),
        ("تصاعدت الهجمات الشهر المنصرم", "2025-07"),
        ("تصاعدت الهجمات الشهر الجاري", "2025-08"),
        ("تصاعدت الهجمات هذا الشهر", "2025-08"),
        ("تصاعدت الهجمات في وقت سابق من الشهر الحالي", "2025-08"),
        ("تصاعدت الهجمات منذ شهرين", "2025-06"),
        ("تصاعدت الهجمات العام الماضي", "2024"),
        ("تصاعدت الهجمات أواخر العام الماضي", "2024"),
        ("تصاعدت الهجمات السنة الماضية", "2024"),
        ("تصاعدت الهجمات هذا العام", "2025"),
        ("تصاعدت الهجمات العام الجاري", "2025"),
    ],
)
def test_relative_months_and_years(text, value):
    m = one(text)
    assert (m.value, m.precision, m.kind) == (value, 3, "relative")


def test_modifier_is_part_of_the_span():
    assert one("تصاعدت الهجمات أواخر العام الماضي").text == "أواخر العام الماضي"


@pytest.mark.parametrize(
    "text",
    [
        "في اليوم التالي عاد السكان",
        "احتفلت البلاد باليوم الوطني",
        "في اليوم نفسه عاد السكان",
        "قال الأمين العام للأمم المتحدة",
        "حذر الرأي العام",
        "قبل أيام من الانتخابات",
        "منذ ذلك اليوم",
        "الأشهر الماضية شهدت هدوءا",
        "تتبع السلطات منذ سنوات سياسة صارمة",
        "تغيرت الأوضاع منذ أشهر",
        "غدا الوضع الأمني أكثر سوءا",
    ],
)
def test_traps(text):
    assert find_dates(text, FRI) == []


def test_part_of_day_alone_has_no_date():
    m = one("بدأت العملية الساعة الثانية فجراً")
    assert (m.kind, m.value, m.text) == ("part_of_day", None, "فجراً")


def test_past_flag():
    assert one("في يوليو الماضي").past
    assert not one("في يوليو").past
    assert one("أمس").past


def test_mentions_do_not_overlap_and_offsets_match_text():
    text = "قال المسؤول الجمعة إن الهجوم وقع أمس، بعد هجوم مماثل في 3 آذار/مارس 2024 وآخر العام الماضي."
    ms = find_dates(text, FRI)
    assert [m.value for m in ms] == ["2025-08-22", "2025-08-21", "2024-03-03", "2024"]
    for a, b in zip(ms, ms[1:], strict=False):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_tokens_input_and_string_publication_date():
    text = "قصفت الطائرات البلدة أمس"
    assert find_dates(tokenize(text), "2025-08-22", text=text) == find_dates(text, FRI)
    assert find_dates(tokenize(text), "2025-08-22")[0].text == "أمس"
    assert find_dates("", FRI) == []


def test_resolvers():
    assert resolve_weekday(4, FRI) == FRI
    assert resolve_weekday(4, FRI, strict=True) == dt.date(2025, 8, 15)
    assert resolve_weekday(5, FRI) == dt.date(2025, 8, 16)
    assert resolve_weekday(5, FRI, future=True) == dt.date(2025, 8, 23)
    assert resolve_month(7, FRI, "past") == (2025, 7)
    assert resolve_month(8, FRI, "past") == (2024, 8)
    assert resolve_month(8, FRI) == (2025, 8)
    assert resolve_month(12, FRI) == (2024, 12)
    assert resolve_month(1, dt.date(2025, 1, 3), "past") == (2024, 1)


def test_month_at_reads_two_word_levantine_names():
    toks = tokenize("في كانون الثاني")
    assert month_at(toks, 1) == (1, 3)
    assert month_at(tokenize("في تشرين الأول"), 1) == (10, 3)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article_acceptance():
    text = SEED.read_text(encoding="utf-8")
    ms = find_dates(text, dt.date(2025, 8, 22))
    by_text = {m.text: m for m in ms}
    assert by_text["الجمعة"].value == "2025-08-22"
    assert by_text["الأربعاء"].value == "2025-08-20"
    assert by_text["الأربعاء الماضي"].value == "2025-08-20"
    assert (by_text["يوليو الماضي"].value, by_text["يوليو الماضي"].precision) == ("2025-07", 3)
    assert by_text["عام 2014"].value == "2014"
    assert by_text["ديسمبر/كانون الأول"].value == "2024-12"
    june = [m for m in ms if "حزيران" in m.text or "يونيو" in m.text]
    assert len(june) == 1 and june[0].value == "2025-06"


def _cli(args, stdin=None):
    from click.testing import CliRunner

    from marsad.cli import cli

    return CliRunner().invoke(cli, args, input=stdin)


def test_cli_text_json_from_stdin():
    import json

    result = _cli(["text", "-", "--published", "2025-08-22", "--format", "json"],
                  "بغداد - (رويترز) - قتل 16 شخصا على الأقل أمس في انفجار.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["dateline"]["place_text"] == "بغداد" and data["dateline"]["outlet"] == "رويترز"
    assert [(q["value"], q["qualifier"]) for q in data["quantities"]] == [(16, "at_least")]
    assert [(d["text"], d["value"]) for d in data["dates"]] == [("أمس", "2025-08-21")]
    assert len(data["sentences"]) == 1 and data["tokens"][0]["text"] == "بغداد"


def test_cli_text_errors_are_one_line_and_exit_2(tmp_path):
    missing = _cli(["text", str(tmp_path / "missing.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad = tmp_path / "a.txt"
    bad.write_text("نص", encoding="utf-8")
    wrong_date = _cli(["text", str(bad), "--published", "22/08/2025"])
    assert wrong_date.exit_code == 2 and "YYYY-MM-DD" in wrong_date.output
    latin1 = tmp_path / "b.txt"
    latin1.write_bytes(b"\xe9\xff\xfe")
    assert _cli(["text", str(latin1)]).exit_code == 2


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_cli_text_on_seed_shows_the_resolutions():
    result = _cli(["text", str(SEED), "--published", "2025-08-22"])
    assert result.exit_code == 0, result.output
    out = result.output
    for needle in ("الجمعة\t2025-08-22", "الأربعاء\t2025-08-20", "يوليو الماضي\t2025-07\t3", "عام 2014\t2014"):
        assert needle in out


def test_dates_of_one_sentence_read_with_whole_text_indices():
    from marsad.doc import build_doc

    text = "اندلعت اشتباكات يوم الأربعاء. وفي 3 تموز الماضي قصفت الطائرات البلدة."
    doc = build_doc(text, FRI)
    first, second = doc.sentences
    assert [d.value for d in doc.sentence_dates(first)] == ["2025-08-20"]
    assert [d.value for d in doc.sentence_dates(second)] == ["2025-07-03"]
    assert doc.sentence_dates(second) is doc.sentence_dates(second)
    whole = find_dates(doc.tokens, FRI)
    assert doc.sentence_dates(first) + doc.sentence_dates(second) == whole
    assert find_dates(doc.tokens, FRI, first=second.first, last=second.last) == whole[1:]

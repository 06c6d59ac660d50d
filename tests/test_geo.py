"""Gazetteer and toponym resolution, on sentences written for these tests."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.geo import (
    Place,
    PlaceMention,
    admin1_place,
    country,
    gazetteer,
    iso3_from_arabic,
    lookup,
    resolve,
)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def found(text, **kw) -> dict[str, PlaceMention]:
    """Mentions by their surface text (offsets checked on the way)."""
    out = {}
    for m in resolve(text, **kw):
        assert text[m.start:m.end] == m.text
        assert m.start <= m.name_start < m.name_end <= m.end
        out[m.text] = m
    return out


def names(text, **kw) -> list[str]:
    return [m.place.name for m in resolve(text, **kw)]


# ---------------------------------------------------------------- the gazetteer

def test_lookup_spellings_fold_to_the_same_place():
    for spelling in ("أطمة", "اطمه", "أطمه", "اطمة"):
        assert lookup(spelling)[0].id == lookup("أطمة")[0].id
    atmeh = lookup("أطمة")[0]
    assert (atmeh.admin1, atmeh.admin2, atmeh.country) == ("Idleb", "Harim", "SYR")
    assert lookup("Idlib")[0].admin1 == "Idleb"
    assert lookup("Deir ez-Zor")[0].admin1 == "Deir-ez-Zor"


def test_place_fields():
    p = lookup("الميادين", kind="town")[0]
    assert isinstance(p, Place)
    assert p.name == "Al Mayadin" and p.name_ar == "الميادين" and p.country == "SYR"
    assert p.admin1_pcode == "SY09" and p.admin2 == "Al Mayadin" and p.admin3_pcode.startswith("SY09")
    assert "الميادين" in p.names_ar and p.names
    assert km(p.lat, p.lon, 35.025, 40.428) < 5
    assert p.to_dict()["admin1"] == "Deir-ez-Zor"


def test_admin1_and_country_helpers():
    assert admin1_place("SYR", "Idlib").admin1 == "Idleb"
    assert admin1_place("SYR", "إدلب").kind == "admin1"
    assert admin1_place("IRQ", "Salah ad Din").name == "Salah Al-Din"
    assert admin1_place("YEM", "Taiz").name == "Ta'izz"
    assert admin1_place("MLI", "Mopti").country == "MLI"
    assert admin1_place("SOM", "Banadir").name == "Banaadir"
    assert admin1_place("SYR", "Atlantis") is None
    assert country("LBY").name_ar == "ليبيا" and country("LBY").kind == "country"
    assert iso3_from_arabic("السورية") == "SYR"
    assert iso3_from_arabic("العراقيين") == "IRQ"
    assert iso3_from_arabic("اليمن") == "YEM"
    assert iso3_from_arabic("بليبيا") == "LBY"
    assert iso3_from_arabic("حلب") is None
    assert gazetteer().iso3("Syria") == "SYR" and gazetteer().iso3("SO") == "SOM"


def test_rule_generated_variants():
    assert lookup("البوكمال")[0].admin1 == "Deir-ez-Zor"  # OCHA writes أبو كمال
    assert lookup("أبو كمال")[0].id == lookup("البوكمال")[0].id
    assert lookup("كفرنبل")[0].id == lookup("كفر نبل")[0].id
    assert lookup("صنعا")[0].name == "Sanaa"  # final hamza dropped
    assert lookup("مركز جبل سمعان") or lookup("جبل سمعان")
    assert lookup("الذهبية")  # head of the OCHA display name "الذهبية - مركز جبل سمعان"


def test_coverage_beyond_syria():
    expect = {
        "المخا": ("YEM", "Ta'izz"), "زنجبار": ("YEM", "Abyan"), "درنة": ("LBY", "Darnah"),
        "الشيخ زويد": ("EGY", "North Sinai"), "مقديشو": ("SOM", "Banaadir"), "تمبكتو": ("MLI", "Tombouctou"),
        "قبلي": ("TUN", "Qibili"), "طوز خورماتو": ("IRQ", "Salah Al-Din"), "مايدوغوري": ("NGA", "Borno"),
        "نجامينا": ("TCD", "N'Djamena"), "نيامي": ("NER", "Niamey"), "الفاشر": ("SDN", None),
        "أنقرة": ("TUR", None), "الأهواز": ("IRN", None), "جيبوتي": ("DJI", None), "أسمرة": ("ERI", None),
    }
    for name, (iso3, a1) in expect.items():
        places = [p for p in lookup(name) if p.country == iso3]
        assert places, name
        if a1:
            assert places[0].admin1 == a1, (name, places[0])


# ---------------------------------------------------------------- cue words

@pytest.mark.parametrize("sentence, mention, place, kind, precision", [
    ("سقطت قذيفة على مدينة الميادين صباح اليوم", "الميادين", "Al Mayadin", "town", 1),
    ("داهمت دورية بلدة سراقب ليلاً", "سراقب", "Saraqab", "town", 1),
    ("قتل راعٍ في قرية كفرنبل", "كفرنبل", "Kafr Nobol", "town", 1),
    ("اشتباكات عنيفة في محافظة إدلب", "إدلب", "Idleb", "admin1", 3),
    ("أعلنت السلطات حظر التجول في ولاية بورنو", "بورنو", "Borno", "admin1", 3),
    ("تحليق للطيران في ريف حماة", "ريف حماة", "Hama countryside", "region", 3),
    ("سقطت قذائف على حي جوبر", "جوبر", "Jowbar", "neighbourhood", 1),
    ("قصف على مخيم الهول", "مخيم الهول", "Al-Hol camp", "landmark", 1),
    ("انتشار أمني في ناحية صرين", "صرين", "Sarin", "admin3", 2),
    ("هجوم في منطقة عفرين", "عفرين", "Afrin", "town", 1),
])
def test_kind_cues(sentence, mention, place, kind, precision):
    m = found(sentence)[mention]
    assert m.place.name == place and m.place.kind == kind and m.geo_precision == precision


def test_governorate_cue_picks_the_unit_and_city_cue_the_town():
    assert found("في محافظة حلب")["حلب"].place.kind == "admin1"
    assert found("في مدينة حلب")["حلب"].place.kind == "town"
    assert found("وصل الوفد إلى حلب")["حلب"].place.kind == "town"


@pytest.mark.parametrize("sentence, mention, direction", [
    ("قصفت المدفعية مواقع شرق مدينة دير الزور", "شرق مدينة دير الزور", "E"),
    ("تقدمت القوات غرب حلب", "غرب حلب", "W"),
    ("دارت معارك شمال الرقة", "شمال الرقة", "N"),
    ("سقط صاروخ جنوبي درعا", "جنوبي درعا", "S"),
    ("اشتباكات شمال شرق منبج", "شمال شرق منبج", "NE"),
    ("انفجرت عبوة على بعد 10 كيلومترات جنوب الموصل", "جنوب الموصل", "S"),
    ("تقع القرية إلى الشرق من مدينة حلب", "الشرق من مدينة حلب", "E"),
    ("سقطت القذيفة إلى الشمال الغربي من الرقة", "الشمال الغربي من الرقة", "NW"),
])
def test_directional_cues(sentence, mention, direction):
    m = found(sentence)[mention]
    assert m.relation == "direction" and m.direction == direction and m.geo_precision == 2


def test_near_cue():
    m = found("انفجرت سيارة مفخخة قرب مدينة الباب")["قرب مدينة الباب"]
    assert m.place.name == "Al Bab" and m.relation == "near" and m.geo_precision == 2
    m = found("اشتباكات في محيط سراقب")["محيط سراقب"]
    assert m.place.name == "Saraqab" and m.relation == "near"
    m = found("سقطت قذائف بالقرب من جسر الشغور")["بالقرب من جسر الشغور"]
    assert m.place.admin1 == "Idleb" and m.geo_precision == 2


def test_between_x_and_y():
    got = found("اندلعت اشتباكات بين سراقب وأريحا")
    assert got["سراقب"].place.admin1 == "Idleb"
    assert got["أريحا"].place.admin1 == "Idleb"  # not Jericho: Idleb context


def test_coordinated_names_inherit_the_cue():
    got = found("نزح الأهالي من بلدتي كفرنبل وحاس")
    assert got["حاس"].place.admin1 == "Idleb" and got["حاس"].place.kind == "town"
    got = found("غارات على ريفي حلب وإدلب")
    assert got["إدلب"].geo_precision == 3 and got["إدلب"].place.admin1 == "Idleb"


# ---------------------------------------------------------------- clitics

@pytest.mark.parametrize("sentence, surface, place", [
    ("انفجار بدير الزور", "دير الزور", "Deir-ez-Zor"),
    ("من حلب وإدلب", "إدلب", "Idleb"),
    ("عادوا لحلب بعد سنوات", "حلب", "Aleppo"),
    ("وصلت تعزيزات للرقة", "رقة", "Ar-Raqqa"),
    ("فالميادين شهدت انفجارين", "الميادين", "Al Mayadin"),
    ("وبدمشق أيضاً سقطت قذائف", "دمشق", "Damascus"),
    ("قتل ثلاثة في الميادين", "الميادين", "Al Mayadin"),
])
def test_clitics(sentence, surface, place):
    got = found(sentence)
    assert surface in got, got
    assert got[surface].place.name == place


def test_mention_offsets_skip_the_proclitic():
    text = "انفجار بدير الزور أمس"
    m = resolve(text)[0]
    assert (m.start, m.end) == (text.index("دير"), text.index(" أمس"))


# ---------------------------------------------------------------- common words and persons

@pytest.mark.parametrize("sentence", [
    "فتح الباب أمام المفاوضات",
    "دعا إلى السلام والحرية",
    "حقق النصر على خصمه",
    "قال الشيخ إن الوضع هادئ",
    "وصلت عدة سيارات",
    "أعلن عبد القادر الحسن استقالته",
    "اجتماع يوم الأربعاء في شهر حزيران",
    "استقبل حسن وفداً رسمياً",
    "أصيب ثلاثة أشخاص بجروح",
    "وأفاد صلاح الدين الخالدي أن الهجوم فشل",
    "ذكرت قناة الميادين أن الاجتماع انتهى",
    "وقع الانفجار في شارع بغداد",
])
def test_common_words_and_persons_are_not_places(sentence):
    assert resolve(sentence) == [], [(m.text, m.place.id) for m in resolve(sentence)]


def test_common_word_with_a_cue_is_a_place():
    m = found("سيطرت الفصائل على مدينة الباب شرقي حلب")["الباب"]
    assert m.place.name == "Al Bab" and m.place.admin1 == "Aleppo"
    m = found("قصف على بلدة الحرية")["الحرية"]
    assert m.place.kind == "town"


def test_common_word_with_strong_context():
    m = found("دارت اشتباكات في الباب بريف حلب الشرقي")["الباب"]
    assert m.place.name == "Al Bab"


def test_nationality_adjectives_are_not_places():
    got = found("قالت الحكومة السورية إن القوات العراقية انسحبت، وذكرت مصادر أمنية سورية")
    assert got == {}
    assert found("عاد اللاجئون إلى سوريا")["سوريا"].place.kind == "country"


def test_country_names_are_precision_3():
    got = found("زار الوزير العراق وليبيا")
    assert got["العراق"].place.id == "cc:IRQ" and got["العراق"].geo_precision == 3
    assert got["ليبيا"].place.country == "LBY"


def test_saudi_homograph():
    assert found("وصل الوفد إلى السعودية")["السعودية"].place.id == "cc:SAU"
    assert found("أعلنت القوات السعودية") == {}


# ---------------------------------------------------------------- disambiguation

def test_same_village_in_two_governorates():
    a = found("قصفت الطائرات بلدة دير سنبل في ريف إدلب")["دير سنبل"]
    b = found("قصفت الطائرات بلدة دير سنبل في ريف حماة")["دير سنبل"]
    assert a.place.admin1 == "Idleb" and b.place.admin1 == "Hama"
    assert a.place.id != b.place.id and b.place in a.alternatives


def test_country_context_picks_the_village():
    m = found("هاجم مستوطنون إسرائيليون قرية دوما جنوب نابلس في الضفة الغربية")["دوما"]
    assert m.place.country == "PSE"
    assert found("قصف على مدينة دوما في الغوطة الشرقية")["دوما"].place.admin1 == "Rural Damascus"


def test_small_towns_outside_the_arab_world_need_their_country():
    assert all(m.place.country != "IRN" for m in resolve("أصيب مدنيون في جوبر"))
    assert found("اشتباكات في مدينة ديفا جنوب شرق النيجر")["ديفا"].place.country == "NER"


def test_country_hint():
    assert found("سقطت قذيفة على رفح", country_hint="EGY")["رفح"].place.country == "EGY"
    assert found("سقطت قذيفة على رفح", country_hint="PSE")["رفح"].place.country == "PSE"


def test_capital_and_country_homographs():
    assert found("اتفاق بين تونس والجزائر")["الجزائر"].place.kind == "country"
    assert found("وصل إلى العاصمة الجزائر")["الجزائر"].place.kind == "town"


# ---------------------------------------------------------------- "ريف X" and regions

def test_countryside_of_a_governorate():
    m = found("قصف مدفعي على ريف حلب الشمالي")["ريف حلب الشمالي"]
    assert m.place.admin1 == "Aleppo" and m.geo_precision == 3 and m.direction == "N"
    m = found("قصف على ريف إدلب الجنوبي الشرقي")["ريف إدلب الجنوبي الشرقي"]
    assert m.relation == "countryside" and m.direction == "SE" and m.place.admin1 == "Idleb"
    m = found("في بريف دمشق")["ريف دمشق"]
    assert m.place.kind == "admin1" and m.place.name == "Rural Damascus"


def test_countryside_of_a_town():
    m = found("غارات على ريف جسر الشغور")["ريف جسر الشغور"]
    assert m.place.name == "Jisr-Ash-Shugur" and m.relation == "countryside" and m.geo_precision == 2


@pytest.mark.parametrize("sentence, mention, admin1, precision", [
    ("تصاعد القصف على الغوطة الشرقية", "الغوطة الشرقية", "Rural Damascus", 2),
    ("معارك في سهل الغاب", "سهل الغاب", "Hama", 2),
    ("هجوم لداعش في البادية السورية", "البادية السورية", "Homs", 3),
    ("تعزيزات إلى جبل الزاوية", "جبل الزاوية", "Idleb", 2),
    ("قصف في شمال غرب سوريا", "شمال غرب سوريا", "Idleb", 3),
])
def test_regions(sentence, mention, admin1, precision):
    m = found(sentence)[mention]
    assert m.place.admin1 == admin1 and m.geo_precision == precision


def test_landmarks():
    m = found("دخلت الشاحنات عبر معبر باب الهوى")["معبر باب الهوى"]
    assert m.place.kind == "landmark" and m.place.admin1 == "Idleb"


# ---------------------------------------------------------------- outside Syria

@pytest.mark.parametrize("sentence, mention, iso3, admin1", [
    ("غارات على مدينة المخا في محافظة تعز", "المخا", "YEM", "Ta'izz"),
    ("اشتباكات في زنجبار بمحافظة أبين", "زنجبار", "YEM", "Abyan"),
    ("انفجار سيارة مفخخة في مدينة درنة شرق ليبيا", "درنة", "LBY", "Darnah"),
    ("اشتباكات في العاصمة الليبية طرابلس", "طرابلس", "LBY", "Tripoli"),
    ("هجوم على كمين في الشيخ زويد بشمال سيناء", "الشيخ زويد", "EGY", "North Sinai"),
    ("تفجير انتحاري في مقديشو", "مقديشو", "SOM", "Banaadir"),
    ("هجوم على فندق في مدينة سيفاري وسط مالي", "سيفاري", "MLI", "Mopti"),
    ("مسلحون يهاجمون معسكراً في غاو شمال مالي", "غاو", "MLI", "Gao"),
    ("عبوة ناسفة في تكريت", "تكريت", "IRQ", "Salah Al-Din"),
    ("هجوم انتحاري في بلدة طوز خورماتو", "طوز خورماتو", "IRQ", "Salah Al-Din"),
    ("قتلى في تفجير ببغداد", "بغداد", "IRQ", "Baghdad"),
    ("غارة على بيت لاهيا شمال قطاع غزة", "بيت لاهيا", "PSE", "Gaza Strip"),
    ("اشتباكات مسلحة في مدينة القصرين", "القصرين", "TUN", "Al Qasrayn"),
])
def test_places_outside_syria(sentence, mention, iso3, admin1):
    m = found(sentence)[mention]
    assert m.place.country == iso3 and m.place.admin1 == admin1, m.place


@pytest.mark.parametrize("sentence, mention, iso3, admin1", [
    ("مقتل شرطيين في هجوم على مركز أمني بمدينة ديرة إسماعيل خان", "ديرة إسماعيل خان", "PAK", "Khyber Pakhtunkhwa"),
    ("غارة بطائرة مسيرة على منزل في ميرانشاه", "ميرانشاه", "PAK", "Khyber Pakhtunkhwa"),
    ("اشتباكات عنيفة في منطقة شمال وزيرستان القبلية", "شمال وزيرستان", "PAK", "Khyber Pakhtunkhwa"),
    ("انفجار في سوق بمدينة قندوز شمالي أفغانستان", "قندوز", "AFG", "Kunduz"),
    ("قصف مواقع لطالبان في ولاية هلمند", "هلمند", "AFG", "Helmand"),
    ("كمين لدورية عسكرية في بلدة ديو شمال بوركينا فاسو", "ديو", "BFA", "Sahel"),
    ("هجوم مسلح على بلدة سيتنغا في بوركينا فاسو", "سيتنغا", "BFA", "Sahel"),
    ("قتلى في هجوم على معسكر بولكيسي", "بولكيسي", "MLI", "Mopti"),
    ("مسلحون يهاجمون سوقا في منطقة ميناكا شمال مالي", "ميناكا", "MLI", "Menaka"),
    ("مقتل جنود في كمين ببلدة بانيبانغو غرب النيجر", "بانيبانغو", "NER", "Tillaberi"),
    ("خطف تلاميذ من مدرسة في بلدة جانغيبي", "جانغيبي", "NGA", "Zamfara"),
    ("مسلحون يخطفون سكانا من قرية كوريغا", "كوريغا", "NGA", "Kaduna"),
    ("اشتباكات بين القوات الحكومية والمسلحين في بلدة جنالي", "جنالي", "SOM", "Lower Shabeelle"),
    ("هجوم على سوق المناقل", "المناقل", "SDN", "Al Jazirah"),
    ("مقتل ثلاثة في كمين على طريق في مقاطعة مانديرا", "مانديرا", "KEN", "Mandera"),
])
def test_conflict_towns_of_the_sahel_horn_and_south_asia(sentence, mention, iso3, admin1):
    """Towns Arabic news names often that GeoNames spells only in Latin, and admin1 units of
    countries the shared admin1 extract lacked (Afghanistan, Pakistan, Kenya)."""
    m = found(sentence)[mention]
    assert m.place.country == iso3 and m.place.admin1 == admin1, m.place


def test_a_short_name_that_is_also_a_word_needs_a_cue():
    assert "بنو" not in found("قال بنو عمومة الضحايا إنهم يطالبون بالعدالة")
    assert found("هجوم على مركز للشرطة في مدينة بنو")["بنو"].place.country == "PAK"


def test_governorates_outside_syria():
    assert found("في محافظة ديالى")["ديالى"].place.admin1 == "Diyala"
    assert found("في محافظة المنيا")["المنيا"].place.name == "Minya"
    assert found("في محافظة الشرقية")["الشرقية"].place.country == "EGY"
    assert found("في قطاع غزة")["قطاع غزة"].place.name == "Gaza Strip"


def test_dateline():
    ms = resolve("بيروت - (وكالات) أعلن الجيش اللبناني توقيف مطلوبين")
    assert ms[0].dateline and ms[0].place.name == "Beirut"


def test_tokens_input():
    from marsad.text.tokens import tokenize

    text = "قصف على بلدة أطمة في ريف إدلب"
    a = [(m.start, m.end, m.place.id) for m in resolve(tokenize(text))]
    b = [(m.start, m.end, m.place.id) for m in resolve(text)]
    assert a == b


# ---------------------------------------------------------------- the seed article (acceptance)

@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed/article.txt not available")
def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    ms = resolve(text)
    by_text: dict[str, list[PlaceMention]] = {}
    for m in ms:
        assert text[m.start:m.end] == m.text
        by_text.setdefault(m.text, []).append(m)
    may = by_text["الميادين"][0].place
    assert may.name == "Al Mayadin" and may.admin1 == "Deir-ez-Zor" and km(may.lat, may.lon, 35.025, 40.428) < 5
    atmeh = by_text["أطمة"][0].place
    assert atmeh.admin1 == "Idleb" and atmeh.admin2 == "Harim"
    rif_idleb = by_text["ريف إدلب"][0]
    assert rif_idleb.place.admin1 == "Idleb" and rif_idleb.geo_precision in (2, 3)
    assert by_text["ريف حلب"][0].place.admin1 == "Aleppo"
    assert by_text["دمشق"][0].place.name == "Damascus"
    zaynab = [m for t, lst in by_text.items() if "السيدة زينب" in t for m in lst]
    assert zaynab and zaynab[0].place.admin1 == "Rural Damascus" and "Zeinab" in zaynab[0].place.name
    # nothing outside Syria, Iraq and the US coalition
    assert {m.place.country for m in ms} <= {"SYR", "IRQ", "USA"}


# ---------------------------------------------------------------- CLI

def test_cli_json_and_errors(tmp_path):
    from marsad.cli import cli

    runner = CliRunner()
    res = runner.invoke(cli, ["geo", "قصف على بلدة أطمة في ريف إدلب", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert {"text", "start", "end", "name", "name_ar", "kind", "lat", "lon", "country", "admin1", "admin2",
            "geo_precision"} <= set(rows[0])
    assert rows[0]["name"] == "Atma"
    f = tmp_path / "a.txt"
    f.write_text("انفجار في مدينة الميادين", encoding="utf-8")
    res = runner.invoke(cli, ["geo", str(f)])
    assert res.exit_code == 0 and "Al Mayadin" in res.output
    for bad in (str(tmp_path / "missing.txt"), "   "):
        res = runner.invoke(cli, ["geo", bad])
        assert res.exit_code == 2
        assert res.output.strip().startswith("Error:") and len(res.output.strip().splitlines()) == 1
    res = runner.invoke(cli, ["gazetteer", "lookup", "أطمة"])
    assert res.exit_code == 0 and "SY:C4130" in res.output


def test_adjective_that_is_also_a_town_needs_a_cue_or_preposition():
    from marsad.geo import resolve

    names = [m.place.name for m in resolve("خرج المئات في تظاهرة سلمية وسط مدينة حماة")]
    assert names == ["Hama"]
    assert [m.place.name for m in resolve("قصفت الطائرات مدينة السلمية في ريف حماة")][0] == "As-Salamiyeh"


def test_city_named_like_its_governorate_is_the_city_after_a_town_cue():
    text = "قتل شخصان في غارة على سيارة عند مدخل مدينة النبطية. وقصفت المدفعية أطراف محافظة النبطية"
    city, unit = [m.place for m in resolve(text) if m.text.endswith("النبطية")]
    assert (city.kind, city.country) == ("town", "LBN")
    assert (unit.kind, unit.country) == ("admin1", "LBN")
    assert city.admin1 == unit.name


@pytest.mark.parametrize("text, name, admin1", [
    ("سيطرت القوات على مدينة بارا في ولاية شمال كردفان بعد قتال عنيف", "Bara", "North Kordofan"),
    ("نزح الآلاف من مخيم زمزم قرب الفاشر إثر القصف", "Zamzam camp", "Northern Darfur"),
    ("اشتباكات في مدينة المجلد بولاية غرب كردفان", "Al Mijlad", "West Kordofan State"),
    ("هاجم مسلحون بلدة دياباغا في شرق بوركينا فاسو", "Diapaga", "Est"),
    ("قتل مدنيون في هجوم على بلدة برسالوغو في بوركينا فاسو", "Barsalogho", "Centre-Nord"),
    ("فرقت الشرطة محتجين في بلدة أيت عميرة جنوبي المغرب", "Ait Amira", "Souss-Massa"),
    ("خطف مسلحون عشرات القرويين في بلدة كاورا نامودا بولاية زامفارا في نيجيريا", "Kaura Namoda", "Zamfara"),
    ("داهمت قوات الأمن شقة في حي بولاق الدكرور بالجيزة", "Bulaq al-Dakrour", "Giza"),
])
def test_conflict_towns_that_lacked_arabic_names(text, name, admin1):
    hits = [m.place for m in resolve(text) if m.place.name == name]
    assert hits and hits[0].admin1 == admin1


def test_admin1_units_with_arabic_names_added():
    assert [m.place.name for m in resolve("قتل عشرة في هجوم بولاية غرب كردفان")] == ["West Kordofan State"]
    assert [m.place.kind for m in resolve("احتجاجات في جهة سوس ماسة بالمغرب")][0] == "admin1"


def test_everyday_word_after_a_plural_cue_is_no_place():
    assert resolve("تظاهر المئات في عدة مدن الخميس احتجاجا على الغلاء") == []
    assert resolve("وامتدت الاحتجاجات إلى بلدات السبت الماضي") == []
    # a singular cue still makes it a place, and plural cues still list real names
    assert [m.place.name for m in resolve("قصفت المدفعية بلدات كفرنبل وحاس")] == ["Kafr Nobol", "Has"]


def test_nearest_kind_cue_decides_the_kind():
    (m,) = resolve("استهدفت الغارات قرى محافظة النبطية طوال الليل")
    assert (m.place.kind, m.place.country, m.geo_precision) == ("admin1", "LBN", 3)


def test_sudanese_locality_cue_but_not_the_adjective():
    (m,) = resolve("أحرق مسلحون منازل في قرية تابعة لمحلية أم روابة")
    assert m.place.name == "Umm Ruwaba"
    assert resolve("نقلت مصادر محلية الجمعة أن القصف توقف") == []


def test_a_dateline_is_a_city_not_the_country_of_the_same_name():
    (m,) = [m for m in resolve("عمان - (وكالات) - استقبل العاهل الأردني وفدا رسميا") if m.dateline]
    assert (m.place.name, m.place.kind) == ("Amman", "town")
    assert [m.place.kind for m in resolve("وصل الوزير إلى سلطنة عمان في زيارة رسمية")] == ["country"]

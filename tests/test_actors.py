"""The actor recogniser on Arabic written for the tests."""

import datetime as dt

import marsad
from marsad.doc import build_doc
from marsad.recognisers.actors import find_actors


def mentions(text):
    return find_actors(build_doc(text))


def names(text, day, country):
    return [(m.text, m.resolve(day, country).name) for m in mentions(text) if m.resolve(day, country)]


def test_named_group_with_clitics_and_quotes():
    found = dict(names('وتبنى تنظيم "داعش" الهجوم، فيما نفى مقاتلو هيئة تحرير الشام أي صلة.',
                       dt.date(2019, 5, 1), "SYR"))
    assert found['تنظيم "داعش'] == "Islamic State"
    assert found["مقاتلو هيئة تحرير الشام"].startswith("Hay'at Tahrir al-Sham")


def test_state_forces_follow_the_regime_period():
    text = "قصفت قوات النظام السوري البلدة."
    assert names(text, dt.date(2016, 3, 1), "SYR")[0][1] == "Military Forces of Syria (2000-2024)"
    text = "أعلن الجيش السوري استعادة البلدة."
    assert names(text, dt.date(2025, 3, 1), "SYR")[0][1] == "Military Forces of Syria (2024-)"


def test_force_word_with_nationality_and_bare_force_word():
    found = names("شنت طائرات تركية غارات، ورد الجيش بقصف مدفعي.", dt.date(2020, 2, 1), "SYR")
    assert found[0][1] == "Military Forces of Turkey (2002-)"
    assert found[1][1].startswith("Military Forces of Syria")  # "الجيش" alone: the event country's army


def test_generic_actors_take_the_event_country():
    found = names("أطلق مسلحون مجهولون النار على مدنيين في السوق.", dt.date(2020, 2, 1), "IRQ")
    assert [n for _, n in found] == ["Unidentified Armed Group (Iraq)", "Civilians (Iraq)"]


def test_definite_group_noun_refers_back_to_the_last_named_group():
    found = names("هاجمت حركة الشباب قاعدة عسكرية، وقال التنظيم إنه قتل عشرة جنود.", dt.date(2020, 2, 1), "SOM")
    assert ("التنظيم", "Al Shabaab") in found


def test_reporting_army_is_marked_as_a_source_not_an_actor():
    found = [m.text for m in mentions("قال مسؤولون في الجيش العراقي إن مسلحين هاجموا القرية.")]
    assert "الجيش العراقي" not in found and "مسلحين" in found


def test_pakistani_taliban_claim_an_attack_on_police():
    ev = marsad.extract("قتل ثلاثة من رجال الشرطة في هجوم مسلح على مركز للشرطة في مدينة بيشاور الليلة الماضية.\n"
                        "وتبنت حركة طالبان باكستان الهجوم في بيان.", published="2023-02-01")
    assert len(ev) == 1 and ev[0].actor1 == "TTP: Tehreek-i-Taliban Pakistan"


def test_government_force_phrases_resolve_by_the_event_country():
    import marsad
    ev = marsad.extract("قالت مصادر محلية إن القوات الحكومية الرسمية استعادت السيطرة على بلدة عيل بور بإقليم جلجدود "
                        "بعد معارك مع حركة الشباب أمس.", published="2023-08-20")
    assert ev and ev[0].actor1.startswith("Military Forces of Somalia")


def test_a_force_backed_by_a_patron_is_one_actor():
    import marsad
    ev = marsad.extract("هاجمت قوات يمنية مدعومة من الإمارات مواقع للحوثيين في مديرية حيس أمس.", published="2019-09-10")
    assert ev and ev[0].actor1 == "Security Belt Forces" and ev[0].actor2 == "Houthi Movement"


def test_the_common_word_for_the_army_names_the_state_force_of_the_events_day():
    # "الجيش" is listed for Syria's army since December 2024; in May 2024 it is the army of that time.
    army = [m for m in mentions("هاجم مسلحون حاجزا للجيش قرب درعا.") if m.text == "للجيش"]
    assert army
    assert army[0].resolve(dt.date(2024, 5, 12), "SYR").name == "Military Forces of Syria (2000-2024)"
    assert army[0].resolve(dt.date(2025, 3, 1), "SYR").name == "Military Forces of Syria (2024-)"

"""Actor roles, strike phrasing and dates, on Arabic written for these tests."""

import marsad


def test_reported_speech_strike_by_the_speakers_aircraft():
    ev = marsad.extract("غزة - قال الجيش الإسرائيلي إن طائراته ضربت فجر الاثنين مستودعا للأسلحة تابعا لحركة حماس "
                        "في مدينة رفح جنوبي قطاع غزة.", published="2021-08-16")
    assert len(ev) == 1
    e = ev[0]
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1.startswith("Military Forces of Israel") and e.actor2.startswith("Hamas")


def test_site_belonging_to_a_group_is_the_target():
    ev = marsad.extract("قصفت قوات النظام السوري بالمدفعية موقعا تابعا لهيئة تحرير الشام في بلدة كفرنبل بريف إدلب "
                        "صباح اليوم.", published="2021-05-02")
    assert [(e.sub_event_type, e.actor1[:24], e.actor2) for e in ev] == [
        ("Shelling/artillery/missile attack", "Military Forces of Syria", "Hay'at Tahrir al-Sham")]


def test_group_firing_rockets_is_a_missile_attack():
    ev = marsad.extract("أطلق حزب الله صواريخ على موقع عسكري إسرائيلي قرب بلدة المطلة صباح اليوم الثلاثاء.",
                        published="2024-01-09")
    assert len(ev) == 1 and ev[0].sub_event_type == "Shelling/artillery/missile attack"
    assert ev[0].actor1 == "Hezbollah"


def test_each_incident_of_a_sentence_takes_its_own_date():
    ev = marsad.extract("قال الجيش إن طائراته ضربت فجر الخميس مواقع في مدينة خان يونس، ردا على إطلاق قذائف "
                        "هاون من مدينة رفح مساء الأربعاء.", published="2021-08-19")
    dates = {e.location: e.event_date for e in ev}
    assert dates.get("Khān Yūnis") == "2021-08-19", dates


def test_army_retaking_a_town_from_a_force_that_held_it():
    ev = marsad.extract("الخرطوم - أعلن الجيش السوداني، الأحد، استعادة السيطرة على مدينة ود مدني، بعد عام من سيطرة "
                        "قوات الدعم السريع عليها.", published="2025-01-12")
    assert len(ev) == 1
    e = ev[0]
    assert e.sub_event_type == "Government regains territory"
    assert e.actor1.startswith("Military Forces of Sudan") and e.actor2 == "Rapid Support Forces"


def test_past_perfect_takeover_in_a_named_month_is_background():
    ev = marsad.extract("أعلن الجيش السوداني، الأحد، استعادة السيطرة على مدينة ود مدني. وكانت قوات الدعم السريع قد "
                        "اجتاحت ود مدني في ديسمبر الماضي، ما دفع آلاف السكان إلى النزوح.", published="2024-03-03")
    back = [e for e in ev if e.role == "background"]
    assert [(e.sub_event_type, e.actor1, e.actor2, e.event_date) for e in back] == [
        ("Non-state actor overtakes territory", "Rapid Support Forces", None, "2023-12")]


def test_coordinated_attackers_are_one_side():
    ev = marsad.extract("قالت قوات سوريا الديمقراطية إن المدفعية التركية وفصائل الجيش الوطني قصفت صباح الأحد قرية "
                        "تل جمعة في ريف الحسكة.", published="2022-09-04")
    assert len(ev) == 1
    e = ev[0]
    assert e.actor1.startswith("Military Forces of Turkey")
    assert e.assoc_actor_1 == "Syrian National Army" and e.actor2 != "Syrian National Army"


def test_at_the_same_time_takes_the_day_of_the_incident_just_told():
    ev = marsad.extract("قال مصدر عسكري إن طائرة مسيرة تركية قصفت مساء الجمعة سيارة قرب بلدة عين العرب. وفي الوقت "
                        "ذاته، قصفت المدفعية التركية قرية تل جمعة في ريف الحسكة.", published="2022-08-20")
    assert {e.event_date for e in ev} == {"2022-08-19"}, [(e.location, e.event_date) for e in ev]


def test_an_arrest_told_without_its_agent_is_by_the_force_the_story_named_and_the_militants_are_actor2():
    ev = marsad.extract("أعلنت قوات الجيش المصري أنها حققت نجاحات جديدة في شمال سيناء خلال الأسبوع الماضي. "
                        "وتم القبض على 9 من العناصر التكفيرية في مدينة العريش.", published="2017-05-02")
    arrests = [e for e in ev if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1
    assert arrests[0].actor1.startswith("Military Forces of Egypt")
    assert arrests[0].actor2 == "Unidentified Armed Group (Egypt)"


def test_the_launcher_named_in_the_next_sentence_is_the_other_side_of_an_interception():
    ev = marsad.extract("أعلن التحالف أن قوات الدفاع الجوي الملكي السعودي اعترضت صاروخا باليستيا فوق مدينة نجران مساء أمس. "
                        "وأوضح أن الصاروخ أطلقته جماعة الحوثيين.", published="2018-02-11")
    assert [(e.sub_event_type, e.actor2) for e in ev] == [("Disrupted weapons use", "Houthi Movement")]

"""Seized weapons, foiled attacks, accusations, territory won in battle and follow-up air strikes, on Arabic written for these tests."""

import marsad


def test_weapons_seized_in_an_arrest_are_no_bombing():
    text = ("بغداد - أعلنت خلية الإعلام الأمني، اليوم السبت، أن قوة من جهاز مكافحة الإرهاب اعتقلت فجر الجمعة أربعة "
            "عناصر من تنظيم داعش في قضاء الحويجة بمحافظة كركوك، وضبطت بحوزتهم حزاما ناسفا وقذائف هاون وعبوات "
            "ناسفة معدة للتفجير.")
    ev = marsad.extract(text, published="2024-05-11")
    assert [(e.sub_event_type, e.event_date, e.actor2) for e in ev] == [("Arrests", "2024-05-10", "Islamic State")]


def test_a_report_older_than_the_incident_tells_another_event():
    text = ("الموصل - قالت قيادة العمليات المشتركة إن قواتها فككت صباح اليوم الاثنين عبوة ناسفة زرعت على طريق "
            "رئيسي غرب مدينة الموصل. وكانت القيادة قد أعلنت في آذار/مارس الماضي اعتقال ثلاثة مطلوبين في المدينة "
            "نفسها.")
    ev = marsad.extract(text, published="2024-05-13")
    assert [(e.role, e.sub_event_type, e.event_date) for e in ev] == [
        ("primary", "Disrupted weapons use", "2024-05-13"), ("background", "Arrests", "2024-03")]


def test_foiling_a_bombing_is_disrupted_weapons_use():
    ev = marsad.extract("الأمن اللبناني يحبط تفجيرا قرب مسجد في مدينة طرابلس ويعتقل مشتبها به.",
                        published="2024-02-01")
    assert [e.sub_event_type for e in ev] == ["Disrupted weapons use"]


def test_ground_won_in_battle_is_one_territory_event_dated_by_the_report():
    text = ("الخرطوم - أعلنت القوات المسلحة السودانية، أمس الأحد، استعادة السيطرة على مدينة الدلنج بعد معارك "
            "عنيفة مع قوات الدعم السريع دارت منذ ساعات الفجر.")
    ev = marsad.extract(text, published="2024-03-04")
    assert [(e.sub_event_type, e.event_date, e.actor1, e.actor2) for e in ev] == [
        ("Government regains territory", "2024-03-03", "Military Forces of Sudan (2019-)", "Rapid Support Forces")]


def test_accused_group_is_the_alleged_actor():
    text = ("الفاشر - اتهمت منظمة حقوقية محلية قوات الدعم السريع بقتل تسعة مدنيين في هجوم شنه مسلحون على قرية "
            "قرب مدينة الفاشر مساء الجمعة.")
    ev = marsad.extract(text, published="2024-06-09")
    assert [(e.actor1, e.actor2, e.fatalities) for e in ev] == [("Rapid Support Forces", "Civilians (Sudan)", 9)]


def test_the_accuser_is_not_the_accused():
    text = ("الخرطوم - اتهمت قوات الدعم السريع الجيش السوداني بقتل 11 مدنيا في غارة جوية على سوق بمدينة نيالا "
            "صباح الأحد.")
    ev = marsad.extract(text, published="2024-06-10")
    assert [(e.sub_event_type, e.actor1) for e in ev] == [("Air/drone strike", "Military Forces of Sudan (2019-)")]


def test_air_strikes_answering_a_ground_attack_are_their_own_event():
    text = ("باماكو - قتل 15 جنديا في هجوم شنه مسلحون من تنظيم الدولة الإسلامية صباح الثلاثاء على معسكر للجيش "
            "في مدينة ميناكا. وقال مصدر عسكري إن ضربات جوية نفذها سلاح الجو بعد ظهر اليوم نفسه استهدفت "
            "المهاجمين أثناء انسحابهم.")
    ev = marsad.extract(text, published="2024-09-12")
    assert [(e.sub_event_type, e.event_date, e.actor1) for e in ev] == [
        ("Armed clash", "2024-09-10", "Islamic State"),
        ("Air/drone strike", "2024-09-10", "Military Forces of Mali (2021-)")]

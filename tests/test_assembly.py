"""How sentences become events: ACLED's unit, dates, roles and places, on Arabic written for the tests."""

import pytest

import marsad


def events(text, published="2019-03-10"):
    return marsad.extract(text, published=published)


def test_two_towns_in_one_sentence_are_two_events():
    ev = events("شنت طائرات حربية إسرائيلية فجر اليوم غارة على بلدة بيت حانون، فيما استهدفت غارة أخرى "
                "منزلا في مدينة خان يونس، ما أسفر عن مقتل شخصين.", "2024-05-02")
    assert sorted(e.sub_event_type for e in ev) == ["Air/drone strike", "Air/drone strike"]
    assert len({e.location for e in ev}) == 2
    assert all(e.actor1.startswith("Military Forces of Israel") for e in ev)


def test_province_in_lead_then_town_is_one_event_at_the_town():
    ev = events("قتل أربعة جنود عراقيين أمس في هجوم بمحافظة ديالى. وأوضح مصدر أمني أن مسلحين من تنظيم "
                "داعش هاجموا نقطة للجيش قرب قضاء المقدادية.")
    assert len(ev) == 1
    e = ev[0]
    assert e.admin1 == "Diyala" and e.geo_precision == 2
    assert e.actor1 == "Islamic State"  # the source word "مصدر" does not swallow the subject of its report
    assert e.event_date == "2019-03-09" and e.fatalities == 4


def test_date_of_the_report_is_not_the_date_of_the_event():
    ev = events("أفادت وكالة الأنباء الرسمية الأحد بمقتل ثلاثة مدنيين في غارة جوية استهدفت سوقا في مدينة "
                "إدلب السبت.")
    assert [e.event_date for e in ev] == ["2019-03-09"]
    assert ev[0].actor2 == "Civilians (Syria)"


def test_event_recalled_with_a_past_month_is_background():
    ev = events("قتل جنديان في انفجار عبوة ناسفة في مدينة الرمادي اليوم. وفي يونيو الماضي، قتل سبعة أشخاص "
                "في تفجير انتحاري استهدف سوقا في مدينة الموصل.", "2019-09-04")
    roles = {e.role: e for e in ev}
    assert roles["primary"].sub_event_type == "Remote explosive/landmine/IED"
    assert roles["background"].event_date == "2019-06"
    assert roles["background"].sub_event_type == "Suicide bomb"
    assert roles["background"].fatalities == 8  # seven victims and the bomber


def test_planned_attacks_of_an_arrested_cell_are_not_events():
    ev = events("ألقت الشرطة المصرية القبض على خمسة أشخاص في مدينة الإسكندرية كانوا يخططون لتنفيذ تفجيرات "
                "واغتيالات.")
    assert [e.sub_event_type for e in ev] == ["Arrests"]
    assert ev[0].actor1.startswith("Police Forces of Egypt")


@pytest.mark.parametrize("text", [
    "يواصل عناصر التنظيم شن هجمات بين الحين والآخر في البادية السورية، بحسب مراقبين.",
    "سيطر التنظيم على مدينة الموصل عام 2014 قبل أن تستعيدها القوات العراقية عام 2017.",
])
def test_habits_and_history_are_not_events(text):
    assert events(text) == []


def test_the_reporting_army_is_not_the_perpetrator():
    ev = events("قال مسؤولون في الجيش العراقي إن مسلحين مجهولين قتلوا ثلاثة مدنيين في بلدة الطارمية شمال "
                "بغداد مساء الجمعة.")
    assert len(ev) == 1
    e = ev[0]
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.actor1 == "Unidentified Armed Group (Iraq)" and e.actor2 == "Civilians (Iraq)"
    assert e.event_date == "2019-03-08" and e.fatalities == 3


def test_claim_names_the_perpetrator_even_in_quotes():
    ev = events('انفجرت سيارة مفخخة قرب حاجز للجيش في مدينة العريش اليوم، وتبنى تنظيم "داعش" الهجوم.')
    assert ev[0].actor1 == "Islamic State"


def test_fighting_between_villagers_is_mob_violence_between_rioters():
    ev = events("اندلعت اشتباكات بين أهالي قريتين في ولاية قبلي اليوم بسبب نزاع على الأرض، ما أدى إلى "
                "إصابة عشرة أشخاص.")
    assert [(e.event_type, e.sub_event_type) for e in ev] == [("Riots", "Mob violence")]
    assert ev[0].actor1 == ev[0].actor2 == "Rioters (Tunisia)"
    assert ev[0].injuries == 10


def test_follow_up_sentence_stays_with_its_incident_and_a_clash_absorbs_the_attack():
    ev = events("قتل ثلاثة عناصر من الشرطة في هجوم على دورية في مدينة العريش صباح اليوم. وأضاف المصدر أن "
                "المهاجمين فروا بعد اشتباك مع قوات الأمن استمر ساعة.")
    assert len(ev) == 1
    assert ev[0].sub_event_type == "Armed clash"
    assert ev[0].actor2.startswith("Police Forces of Egypt")


ROUNDUP = """قتلى وجرحى في هجمات متفرقة بالعراق

بغداد - (الأناضول) - قتل خمسة أشخاص وأصيب 12 آخرون، اليوم الثلاثاء، في هجمات متفرقة شهدتها العاصمة العراقية بغداد ومحافظتا ديالى ونينوى، بحسب مصادر أمنية.

وقال النقيب في شرطة بغداد للأناضول إن "عبوة ناسفة انفجرت قرب سوق شعبي في منطقة الشعلة شمالي بغداد، ما أسفر عن مقتل ثلاثة مدنيين وإصابة ثمانية آخرين".

وفي ديالى، أفاد مصدر في قيادة عمليات المحافظة بأن مسلحين مجهولين أطلقوا النار على نقطة تفتيش للجيش في ناحية العظيم، ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين.

وفي نينوى، اعتقلت قوات الأمن أربعة مشتبه بانتمائهم لتنظيم داعش في قضاء تلعفر غربي الموصل، وفق بيان لخلية الإعلام الأمني.

ويشهد العراق منذ أشهر تصاعدا في هجمات تنظيم داعش رغم إعلان بغداد هزيمته عسكريا أواخر 2017.
"""


def test_roundup_of_attacks_in_three_provinces_is_three_events_and_no_summary_event():
    ev = events(ROUNDUP, "2020-03-17")
    by_admin1 = {e.admin1: e for e in ev}
    assert sorted(by_admin1) == ["Baghdad", "Diyala", "Ninewa"]
    assert by_admin1["Baghdad"].sub_event_type == "Remote explosive/landmine/IED"
    assert (by_admin1["Baghdad"].fatalities, by_admin1["Baghdad"].injuries) == (3, 8)
    assert by_admin1["Diyala"].sub_event_type == "Armed clash" and by_admin1["Diyala"].fatalities == 2
    arrest = by_admin1["Ninewa"]
    assert arrest.sub_event_type == "Arrests"
    assert arrest.actor1.startswith("Police Forces of Iraq") and arrest.actor2 == "Islamic State"


def test_claim_in_a_later_sentence_names_the_perpetrator():
    text = ("قتل أربعة أشخاص على الأقل وأصيب تسعة آخرون عندما فجر انتحاري نفسه قرب مقهى في مدينة بيداوة "
            "مساء أمس.\nوأعلنت حركة الشباب المرتبطة بتنظيم القاعدة مسؤوليتها عن التفجير في بيان مقتضب.")
    ev = marsad.extract(text, published="2022-01-12")
    assert len(ev) == 1
    assert ev[0].sub_event_type == "Suicide bomb" and ev[0].actor1 == "Al Shabaab"


def test_claim_by_verb_in_a_later_sentence_opens_no_event_of_its_own():
    text = ("هاجم مسلحون دورية للجيش قرب مدينة بنغازي فجر اليوم، ما أدى إلى مقتل جنديين.\n"
            "وتبنى تنظيم داعش الهجوم عبر وكالة أعماق.")
    ev = marsad.extract(text, published="2016-04-20")
    assert len(ev) == 1 and ev[0].actor1 == "Islamic State"


def test_no_one_claimed_it_is_not_another_event():
    text = ("قتل ثلاثة مدنيين بانفجار عبوة ناسفة زرعت على طريق زراعي في قضاء الطارمية اليوم.\n"
            "ولم تعلن أي جهة مسؤوليتها عن الهجوم، إلا أن خلايا تنظيم داعش تنشط في المنطقة.")
    ev = marsad.extract(text, published="2020-09-01")
    assert len(ev) == 1 and ev[0].actor1.startswith("Unidentified")


def test_soldiers_killed_by_a_bomb_are_its_target_not_its_perpetrator():
    ev = events("قال مصدر أمني إن جنديا وضابطين قتلوا إثر انفجار عبوة ناسفة استهدفت عربتهم قرب مدينة بيجي "
                "صباح اليوم.", "2020-02-11")
    assert len(ev) == 1
    e = ev[0]
    assert e.actor1 == "Unidentified Armed Group (Iraq)" and e.actor2.startswith("Military Forces of Iraq")
    assert e.fatalities == 3


def test_number_after_kill_verb_marks_the_counted_soldiers_as_victims():
    ev = events("قتل ثلاثة جنود بانفجار لغم أرضي بعربتهم قرب مدينة العريش صباح اليوم.", "2017-05-02")
    assert ev[0].actor1.startswith("Unidentified") and ev[0].actor2.startswith("Military Forces of Egypt")


@pytest.mark.parametrize("text", [
    "وتشهد المدينة بين حين وآخر مواجهات بين مجموعات مسلحة تتنافس على النفوذ في مدينة مصراتة.",
    "وتشن الجماعة هجمات متكررة على مواقع الجيش في ولاية بورنو منذ أشهر.",
    "وشهدت ولاية بلوشستان تصاعدا في هجمات المسلحين منذ مطلع العام الماضي.",
])
def test_recurring_and_rising_violence_is_not_an_event(text):
    assert events(text, "2023-05-04") == []


def test_court_verdict_about_an_old_bombing_is_not_an_event():
    text = ("قضت محكمة الجنايات في بغداد اليوم بالإعدام على خمسة متهمين في قضية تفجير سوق شعبي "
            "أسفر عن مقتل 30 شخصا عام 2016.\nوكان المتهمون قد أدينوا بالانتماء إلى تنظيم داعش والتخطيط "
            "لتفجيرات في العاصمة.")
    assert events(text, "2019-02-06") == []


def test_gas_tanker_blast_is_an_accident():
    text = ("لقي سبعة أشخاص حتفهم إثر انفجار صهريج وقود في محطة وقود بمدينة الحلة مساء أمس.\n"
            "ورجحت مديرية الدفاع المدني أن يكون الانفجار ناجما عن تسرب للغاز، فيما قتل ثلاثة في تصادم "
            "على الطريق السريع.")
    assert events(text, "2021-08-02") == []


def test_toll_that_includes_the_bomber_is_not_raised_by_one():
    ev = events("قتل خمسة أشخاص، بينهم الانتحاري، عندما فجر مهاجم حزاما ناسفا عند مدخل سوق في مدينة "
                "كيسمايو صباح اليوم.", "2021-07-19")
    assert ev[0].sub_event_type == "Suicide bomb" and ev[0].fatalities == 5


def test_toll_without_the_bomber_adds_the_bomber():
    ev = events("قتل خمسة أشخاص عندما فجر مهاجم حزاما ناسفا عند مدخل سوق في مدينة كيسمايو صباح اليوم.",
                "2021-07-19")
    assert ev[0].fatalities == 6



def test_the_same_town_points_back_to_the_town_named_before():
    ev = events("اختطف مسلحون مجهولون طبيبا في مدينة الفلوجة مساء الأحد. "
                "وأضاف المصدر أن عبوة ناسفة انفجرت في المدينة ذاتها صباح الاثنين دون إصابات.", "2019-09-03")
    ied = [e for e in ev if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert ied and ied[0].location == next(e.location for e in ev if e.sub_event_type.startswith("Abduction"))


def test_kana_qad_tells_a_past_event_not_a_possibility():
    ev = events("قتل ثلاثة جنود في هجوم على نقطة للجيش في قضاء الحويجة أمس. وكان مسلحون قد قتلوا شرطياً "
                "في آب الماضي بهجوم على منزله في مدينة كركوك.", "2019-09-03")
    back = [e for e in ev if e.role == "background"]
    assert back and back[0].event_date == "2019-08" and back[0].admin1 == "Kirkuk"
    # the modal "قد" ("may") stays a vague statement
    ev = events("قال مسؤول إن مسلحين قد يهاجمون مواقع للجيش في مدينة كركوك خلال الأشهر الماضية.", "2019-09-03")
    assert not ev


def test_the_same_province_points_back_to_the_province():
    ev = events("قتل ثلاثة جنود في هجوم لتنظيم داعش على نقطة للجيش في قضاء الحويجة بمحافظة كركوك أمس. "
                "وكان شرطيان قد قتلا بانفجار عبوة ناسفة في المحافظة نفسها في آب الماضي.", "2019-09-04")
    back = [e for e in ev if e.role == "background"]
    assert back and back[0].admin1 == "Kirkuk"


def test_a_place_inside_an_actor_name_or_after_allegiance_is_not_the_event_place():
    ev = events("قصفت الفصائل الموالية لأنقرة قرية أم الكيف شمال بلدة تل تمر بريف الحسكة مساء أمس.", "2022-08-20")
    assert ev and all(e.country == "SYR" for e in ev)
    ev = events("أعلنت سرايا القدس أن مقاتليها فجروا عبوة ناسفة بآلية عسكرية إسرائيلية خلال اقتحام مدينة طولكرم "
                "فجر اليوم.", "2023-05-02")
    assert ev and all(e.location != "Jerusalem" for e in ev)
    ev = events("هاجمت مجموعة مسلحة مدعومة من طهران قاعدة عسكرية في مدينة الرمادي أمس.", "2023-05-02")
    assert ev and all(e.country == "IRQ" for e in ev)


def test_the_side_opposed_is_not_the_event_place():
    ev = events("بغداد - تظاهر محتجون غاضبون مرددين هتافات مناهضة لطهران أمام القنصلية الإيرانية في كربلاء الجمعة.",
                "2020-03-04")
    assert ev and all(e.location == "Karbala" for e in ev)


def test_a_sentence_that_opens_on_its_place_keeps_it():
    # "وفي X،" sets the place; a town named after the trigger for another reason does not take it over
    ev = events("عمان - تظاهر مئات من سائقي الشاحنات في مدينة معان احتجاجاً على رفع أسعار الوقود، الأحد. "
                "وفي مدينة إربد، نفذ عشرات المعلمين وقفة احتجاجية أمام مبنى المحافظة تضامناً مع سائقي معان.",
                "2022-12-12")
    assert sorted(e.location for e in ev) == ["Irbid", "Ma'an"]
    # the town of the frame, not the province named after it
    ev = events("الخرطوم - قتل متظاهران برصاص قوات الأمن في أم درمان أمس. وفي مدينة كوستي بولاية النيل الأبيض، "
                "نظم مئات المحتجين مظاهرة سلمية.", "2022-06-30")
    assert sorted(e.location for e in ev) == ["Kosti", "Omdurman"]
    # a finer place inside the frame's area is kept
    ev = events("دمشق - وفي محافظة درعا، اغتال مسلحون مجهولون شاباً في بلدة طفس الخميس.", "2021-10-20")
    assert [e.location for e in ev] == ["Tafas"]


def test_the_dateline_never_splits_off_an_event_of_its_own():
    ev = events("صنعاء - قالت مصادر محلية إن أربعة مدنيين بينهم امرأتان قُتلوا وأصيب خمسة آخرون بجروح متفاوتة مساء "
                "الأحد الماضي في غارة جوية عنيفة شنها طيران التحالف بقيادة السعودية على منزل مأهول بالسكان في "
                "مديرية باقم الحدودية بمحافظة صعدة.", "2019-05-06")
    assert len(ev) == 1 and ev[0].admin1 == "Sa'dah" and ev[0].fatalities == 4


def test_a_shared_dateline_names_where_the_report_was_filed_not_the_strike():
    text = ("غارات على القطاع\n\n"
            "غزة - رام الله - (وكالات) - قتل 12 فلسطينيا في غارات جوية إسرائيلية استهدفت مناطق متفرقة من قطاع غزة، "
            "بحسب الدفاع المدني.")
    evs = events(text, published="2024-05-02")
    assert len(evs) == 1
    assert evs[0].admin1 == "Gaza Strip" and evs[0].location != "Ramallah"
    assert evs[0].fatalities == 12


def test_place_near_a_town_beats_the_town_named_like_its_province():
    ev = events("نيامي - قتل سبعة جنود في هجوم شنه مسلحون على موقع عسكري قرب بلدة تيليا في منطقة تاهوا "
                "يوم الثلاثاء.", "2025-03-05")
    assert [(e.location, e.admin1, e.geo_precision) for e in ev] == [("Tillia", "Tahoua", 2)]


def test_event_without_a_town_takes_the_place_the_lead_names_not_the_dateline():
    ev = events("الخرطوم - (وكالات) - اتهمت مجموعة حقوقية قوات الدعم السريع بقتل 18 مدنيا في هجوم على قرية "
                "مساء الأربعاء. وقالت المجموعة إن القرية تقع في محلية بارا بولاية شمال كردفان.", "2025-03-05")
    assert [(e.location, e.admin1, e.geo_precision) for e in ev] == [("Bara", "North Kordofan", 2)]


def test_a_roadside_bomb_told_after_a_raid_at_the_same_town_is_an_event_of_its_own():
    ev = events("قتلت قوات الجيش العراقي أمس خمسة مسلحين خلال اشتباكات في قضاء الحويجة. "
                "كما قتل جندي وأصيب اثنان آخران بانفجار عبوة ناسفة استهدفت دوريتهم في قضاء الحويجة.")
    assert sorted(e.event_type for e in ev) == ["Battles", "Explosions/Remote violence"]
    assert all(e.event_date == "2019-03-09" for e in ev)


def test_a_sentence_pointing_back_to_the_bombing_still_elaborates_it():
    ev = events("قتل جندي بانفجار عبوة ناسفة استهدفت دورية للجيش العراقي أمس في قضاء الحويجة. "
                "وأعقبت التفجير اشتباكات قتل فيها مسلحان.")
    assert len(ev) == 1

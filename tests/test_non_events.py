"""Sentences that name violence without reporting an incident, on Arabic written for these tests."""

import marsad


def test_joint_military_exercise_is_not_an_event():
    text = ("عمان - اختتمت القوات المسلحة الأردنية والأمريكية، الأحد، مناورات عسكرية مشتركة في منطقة الزرقاء. "
            "وقال الناطق العسكري إن التمرين شمل قصفاً مدفعياً على مواقع معادية افتراضية، واقتحام قرية وتحريرها "
            "من عناصر مسلحة. وأضاف أن المقاتلات نفذت غارات وهمية على تجمعات للعدو.")
    assert marsad.extract(text, published="2023-05-14") == []


def test_a_strike_on_a_training_camp_is_still_an_event():
    ev = marsad.extract("قتل 12 جنديا في هجوم انتحاري استهدف معسكر تدريب للجيش في مدينة مقديشو صباح اليوم.",
                        published="2019-04-02")
    assert len(ev) == 1 and ev[0].fatalities == 13  # the bomber counts (ACLED)


def test_arms_purchase_naming_interception_is_not_an_event():
    text = ("أبوظبي - وقعت وزارة الدفاع الإماراتية، الاثنين، عقداً لشراء منظومات دفاع جوي بقيمة ثلاثة مليارات "
            "دولار، بهدف تعزيز قدراتها على اعتراض الصواريخ الباليستية والطائرات المسيرة.")
    assert marsad.extract(text, published="2022-01-10") == []


def test_envoy_briefing_with_a_war_total_is_not_an_event():
    text = ("نيويورك - حذر المبعوث الأممي إلى ليبيا، في إحاطة أمام مجلس الأمن الخميس، من أن المعارك حول "
            "مدينة سرت أودت بحياة المئات منذ بداية العام. وقال إن الهجمات بالطائرات المسيرة على الأحياء "
            "السكنية يجب أن تتوقف فوراً، داعياً الأطراف إلى وقف شامل لإطلاق النار.")
    assert marsad.extract(text, published="2020-07-09") == []


def test_a_channel_named_almasirah_is_not_a_drone():
    ev = marsad.extract("صنعاء - قالت قناة المسيرة إن أربعة مدنيين قتلوا مساء الأحد في غارة شنها طيران التحالف على "
                        "سوق في مديرية مجز بمحافظة صعدة.", published="2019-09-02")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in ev] == [("Air/drone strike", "Majz", 4)]


def test_anniversary_of_a_decades_old_massacre_is_not_an_event():
    text = ("دمشق - (وكالات) - أحيا أهالي مدينة حماة، اليوم الخميس، الذكرى الثالثة والأربعين للقصف المدفعي الذي "
            "تعرضت له المدينة في شباط/فبراير 1982، وأودى بحياة آلاف المدنيين. ووضع المشاركون أكاليل الزهور "
            "على قبور الضحايا.")
    assert marsad.extract(text, published="2025-02-06") == []


def test_anniversary_takes_the_recalled_events_own_date():
    text = ("بيروت - أحيا اللبنانيون، اليوم الاثنين، الذكرى الثالثة للتفجير الذي استهدف سوقا شعبيا في مدينة "
            "طرابلس في 12 آذار/مارس 2022، وأسفر عن مقتل 14 شخصا.")
    ev = marsad.extract(text, published="2025-03-10")
    assert [(e.role, e.event_date, e.fatalities) for e in ev] == [("background", "2022-03-12", 14)]


def test_military_parade_is_not_an_event():
    text = ("بغداد - نظم الجيش العراقي، صباح اليوم الاثنين، عرضا عسكريا كبيرا في ساحة الاحتفالات وسط بغداد "
            "بمناسبة عيد تأسيسه، شاركت فيه دبابات وراجمات صواريخ وطائرات مسيرة. وحلقت الطائرات الحربية "
            "والمروحيات الهجومية فوق المنصة خلال العرض، فيما نفذت وحدات مكافحة الإرهاب عملية تحرير رهائن "
            "أمام الحضور ضمن الاستعراض.")
    assert marsad.extract(text, published="2025-01-06") == []

"""Cross-outlet deduplication, measured on a written test set of Arabic reports.

The set: 39 short reports (written for this test) of 22 incidents in Syria, Iraq, Yemen and Libya,
each incident told by 1-3 outlets in different words, with different precision (town, "near X",
province only), dates (exact, "a few days ago", a month) and fatality figures; plus distractors:
other incidents the same day a few km away, in the same town but of another type, or the next day.
Each report is coded as the Event the engine should produce; the gold is the incident id. Three
hard cases the rule is expected to fail are included (see below), so the score is not 1.0 by design.
"""

from __future__ import annotations

import itertools
import random

import pytest
from conftest import make_event

from marsad.dedup import DedupConfig, cluster_events, compare
from marsad.events.model import Event

ATMEH = dict(location="Atmeh", latitude=36.318, longitude=36.667, admin1="Idlib")
SARMADA = dict(location="Sarmada", latitude=36.178, longitude=36.722, admin1="Idlib")
IDLIB = dict(location="Idlib", latitude=35.930, longitude=36.634, admin1="Idlib")
MAYADIN = dict(location="Al Mayadin", latitude=35.019, longitude=40.451, admin1="Deir ez-Zor")
DEIR = dict(location="Deir ez-Zor", latitude=35.336, longitude=40.140, admin1="Deir ez-Zor")
KIRKUK = dict(location="Kirkuk", latitude=35.468, longitude=44.392, admin1="Kirkuk", country="IRQ")
HAWIJA = dict(location="Hawija", latitude=35.316, longitude=43.762, admin1="Kirkuk", country="IRQ")
TAIZ = dict(location="Taiz", latitude=13.579, longitude=44.021, admin1="Taiz", country="YEM")
TAFAS = dict(location="Tafas", latitude=32.738, longitude=36.067, admin1="Daraa")
DARAA = dict(location="Daraa", latitude=32.625, longitude=36.106, admin1="Daraa")
NAWA = dict(location="Nawa", latitude=32.889, longitude=36.043, admin1="Daraa")
BAGHDAD = dict(location="Baghdad", latitude=33.315, longitude=44.366, admin1="Baghdad", country="IRQ")
TRIPOLI = dict(location="Tripoli", latitude=32.887, longitude=13.191, admin1="Tripoli", country="LBY")
TAJOURA = dict(location="Tajoura", latitude=32.882, longitude=13.351, admin1="Tripoli", country="LBY")

AIR = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
SHELL = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
IED = dict(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED")
SUICIDE = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb")
CLASH = dict(event_type="Battles", sub_event_type="Armed clash")
PROTEST = dict(event_type="Protests", sub_event_type="Peaceful protest")
RIOT = dict(event_type="Riots", sub_event_type="Violent demonstration")
ATTACK = dict(event_type="Violence against civilians", sub_event_type="Attack")
ARRESTS = dict(event_type="Strategic developments", sub_event_type="Arrests")

RUSSIA, SYRIA_MIL = "Military Forces of Russia", "Military Forces of Syria"
IS_SYR, ISF = "Islamic State (Syria)", "Internal Security Forces"
HOUTHI = "Houthi Movement"

# (incident, outlet, Arabic report, event fields). Each report is its own article.
REPORTS: list[tuple[str, str, str, dict]] = [
    ("atmeh-strike", "Enab Baladi",
     "قُتل ثلاثة مدنيين، بينهم طفل، في غارة جوية روسية استهدفت مخيماً للنازحين قرب بلدة أطمة شمالي إدلب فجر الجمعة.",
     dict(**AIR, **ATMEH, fatalities=3, actor1=RUSSIA, actor2="Civilians (Syria)")),
    ("atmeh-strike", "Syria TV",
     "ارتفعت حصيلة ضحايا القصف الجوي على أطراف أطمة في ريف إدلب الشمالي إلى أربعة قتلى، وفق الدفاع المدني.",
     dict(**AIR, **{**ATMEH, "latitude": 36.300, "longitude": 36.680}, geo_precision=2, fatalities=4,
          actor2="Civilians (Syria)")),
    ("atmeh-strike", "Orient",
     "طائرات حربية روسية تشن غارات على محافظة إدلب وأنباء عن سقوط خمسة قتلى.",
     dict(**AIR, **IDLIB, geo_precision=3, fatalities=5, fatalities_qualifier="about", actor1=RUSSIA)),
    ("sarmada-shelling", "Enab Baladi",
     "قتل مدني بقصف مدفعي لقوات النظام على مدينة سرمدا الحدودية بعد ظهر الجمعة.",
     dict(**SHELL, **SARMADA, fatalities=1, actor1=SYRIA_MIL)),
    ("sarmada-shelling", "Step News",
     "استهدفت مدفعية النظام الأحياء السكنية في سرمدا بعدة قذائف.",
     dict(**SHELL, **{**SARMADA, "latitude": 36.175, "longitude": 36.720}, actor1=SYRIA_MIL)),
    ("idlib-protest", "Enab Baladi",
     "خرج مئات المتظاهرين في ساحة الساعة وسط مدينة إدلب للمطالبة بالإفراج عن المعتقلين.",
     dict(**PROTEST, **IDLIB, actor1="Protesters (Syria)")),
    ("idlib-protest", "Syria TV",
     "تظاهرة حاشدة في مدينة إدلب ظهر الجمعة تطالب بكشف مصير المغيبين في السجون.",
     dict(**PROTEST, **IDLIB, actor1="Protesters (Syria)")),
    ("mayadin-attack", "AFP",
     "قتل عنصر من قوى الأمن الداخلي ومهاجم في هجوم شنه مسلحون من تنظيم الدولة على حاجز عند مدخل مدينة الميادين.",
     dict(**CLASH, **MAYADIN, event_date="2025-08-15", fatalities=2, actor1=IS_SYR, actor2=ISF)),
    ("mayadin-attack", "SANA",
     "فجر انتحاري من تنظيم داعش نفسه عند نقطة تفتيش في الميادين بريف دير الزور الشرقي ما أدى إلى سقوط ثلاثة قتلى.",
     dict(**SUICIDE, **MAYADIN, event_date="2025-08-15", fatalities=3, actor1=IS_SYR, actor1_ar="داعش")),
    ("mayadin-attack", "Deir Ezzor 24",
     "شهدت مدينة الميادين خلال الأيام الماضية هجوماً لخلايا داعش على حاجز أمني أسفر عن مقتل عنصر.",
     dict(**CLASH, **MAYADIN, event_date="2025-08-14", time_precision=2, fatalities=1, actor1=IS_SYR,
          actor1_ar="خلايا داعش")),
    ("deir-arrests", "Deir Ezzor 24",
     "اعتقلت عناصر الأمن العام خمسة شبان خلال حملة دهم في حي الجورة بمدينة دير الزور.",
     dict(**ARRESTS, **DEIR, event_date="2025-08-15", actor1="General Security Service")),
    ("mayadin-clash-2", "AFP",
     "تجددت الاشتباكات السبت بين عناصر من تنظيم الدولة وقوى الأمن الداخلي في محيط الميادين دون ورود أنباء عن إصابات.",
     dict(**CLASH, **MAYADIN, event_date="2025-08-16", actor1=IS_SYR, actor2=ISF)),
    ("mayadin-clash-2", "SANA",
     "اشتباك مسلح جديد قرب الميادين بين مجموعة من داعش وعناصر الأمن.",
     dict(**CLASH, **MAYADIN, event_date="2025-08-16", geo_precision=2, actor1=IS_SYR, actor2=ISF)),
    ("kirkuk-ied", "Shafaq News",
     "قتل شخصان بانفجار عبوة ناسفة استهدفت سيارة مدنية على طريق كركوك بغداد صباح الأربعاء.",
     dict(**IED, **KIRKUK, event_date="2025-09-03", fatalities=2, actor1="Unidentified Armed Group (Iraq)")),
    ("kirkuk-ied", "Rudaw",
     "تبنى تنظيم داعش تفجير عبوة في كركوك قال إنها أسفرت عن مقتل أربعة من عناصر الحشد.",
     dict(**IED, **{**KIRKUK, "latitude": 35.452, "longitude": 44.401}, event_date="2025-09-03", fatalities=4,
          status="claimed", actor1="Islamic State (Iraq)")),
    ("kirkuk-ied", "Alsumaria",
     "انفجار عبوة ناسفة في محافظة كركوك يوقع قتيلين.",
     dict(**IED, **KIRKUK, geo_precision=3, event_date="2025-09-03", fatalities=2)),
    ("hawija-ied", "Shafaq News",
     "انفجرت عبوة ناسفة قرب دورية للجيش العراقي في قضاء الحويجة جنوب غربي كركوك دون وقوع إصابات.",
     dict(**IED, **HAWIJA, event_date="2025-09-03", actor2="Military Forces of Iraq")),
    ("taiz-shelling", "Saba",
     "استشهد مواطن جراء قصف مليشيا الحوثي على حي الروضة في مدينة تعز.",
     dict(**SHELL, **TAIZ, event_date="2025-07-10", fatalities=1, actor1=HOUTHI, actor2="Civilians (Yemen)")),
    ("taiz-shelling", "Al-Masdar Online",
     "قتل مدنيان وأصيب ثلاثة آخرون بقذائف أطلقها الحوثيون على أحياء سكنية شرقي تعز.",
     dict(**SHELL, **TAIZ, event_date="2025-07-10", fatalities=2, injuries=3, actor1=HOUTHI, actor1_ar="الحوثيون")),
    ("taiz-shelling", "Belqees",
     "قصف حوثي يستهدف الأحياء الشرقية لمدينة تعز.",
     dict(**SHELL, **{**TAIZ, "latitude": 13.600, "longitude": 44.050}, geo_precision=2, event_date="2025-07-10",
          actor1=HOUTHI)),
    ("taiz-protest", "Saba",
     "نظم العشرات من أبناء تعز وقفة احتجاجية تنديداً باستمرار الحصار المفروض على المدينة.",
     dict(**PROTEST, **TAIZ, event_date="2025-07-10", actor1="Protesters (Yemen)")),
    ("taiz-shelling-2", "Al-Masdar Online",
     "تجدد القصف الحوثي على تعز الجمعة وأسفر عن مقتل امرأة في حي ثعبات.",
     dict(**SHELL, **TAIZ, event_date="2025-07-11", fatalities=1, actor1=HOUTHI)),
    ("tafas-killing", "Horan Free League",
     "اغتال مجهولون شاباً بإطلاق النار عليه في مدينة طفس بريف درعا الغربي مساء الخميس.",
     dict(**ATTACK, **TAFAS, event_date="2025-06-05", fatalities=1, actor1="Unidentified Armed Group (Syria)",
          actor2="Civilians (Syria)")),
    ("tafas-killing", "Enab Baladi",
     "مقتل شاب برصاص مسلحين مجهولين في ريف درعا الغربي.",
     dict(**ATTACK, **DARAA, geo_precision=2, event_date="2025-06-05", fatalities=1, actor2="Civilians (Syria)")),
    ("nawa-clash", "Horan Free League",
     "دارت اشتباكات بين قوات الأمن العام ومسلحين في مدينة نوى دون ورود معلومات عن إصابات.",
     dict(**CLASH, **NAWA, event_date="2025-06-05", actor1=SYRIA_MIL, actor2="Unidentified Armed Group (Syria)")),
    ("baghdad-protest", "Alsumaria",
     "تظاهر آلاف العراقيين في ساحة التحرير وسط بغداد للمطالبة بتوفير فرص العمل.",
     dict(**PROTEST, **BAGHDAD, event_date="2025-10-01", actor1="Protesters (Iraq)")),
    ("baghdad-protest", "Shafaq News",
     "تحولت تظاهرة ساحة التحرير في بغداد إلى مواجهات مع قوات مكافحة الشغب ورشق بالحجارة.",
     dict(**RIOT, **BAGHDAD, event_date="2025-10-01", actor1="Rioters (Iraq)", actor2="Police Forces of Iraq")),
    ("tripoli-clashes", "Libya Observer",
     "اندلعت اشتباكات عنيفة بالأسلحة الثقيلة في منطقة أبوسليم جنوب العاصمة طرابلس مساء الاثنين أسفرت عن ستة قتلى.",
     dict(**CLASH, **TRIPOLI, event_date="2025-05-12", fatalities=6, actor1="Stability Support Apparatus",
          actor2="444th Combat Brigade")),
    ("tripoli-clashes", "Al Wasat",
     "حصيلة مواجهات طرابلس الليلة الماضية ترتفع إلى ثمانية قتلى بحسب مركز طب الطوارئ.",
     dict(**CLASH, **TRIPOLI, event_date="2025-05-13", time_precision=2, fatalities=8,
          actor1="444th Combat Brigade", actor2="Stability Support Apparatus")),
    ("tajoura-clash", "Libya Observer",
     "اشتباكات محدودة في تاجوراء شرق طرابلس بين مجموعتين مسلحتين.",
     dict(**CLASH, **TAJOURA, event_date="2025-05-12", actor1="Rada Special Deterrence Forces")),
    ("atmeh-raid", "Enab Baladi",
     "وكانت قوات التحالف قد نفذت في تموز الماضي عملية إنزال جوي في أطمة استهدفت قيادياً في تنظيم حراس الدين.",
     dict(**CLASH, **ATMEH, event_date="2025-07", time_precision=3, role="background",
          actor1="Military Forces of the United States")),
    ("atmeh-raid", "Syria TV",
     "نفذت قوات أمريكية فجر السبت عملية إنزال في بلدة أطمة قرب الحدود التركية أسفرت عن مقتل قيادي جهادي.",
     dict(**CLASH, **ATMEH, event_date="2025-07-19", fatalities=1, actor1="Military Forces of the United States")),
    # Hard cases the rule is expected to get wrong (kept so the measurement stays honest):
    # the same strike placed at two villages 6 km apart, both "precise" ...
    ("saraqib-strike", "Enab Baladi",
     "قتل مدنيان بغارة من طائرة مسيرة استهدفت دراجة نارية على أطراف مدينة سراقب شرقي إدلب.",
     dict(**AIR, location="Saraqib", latitude=35.864, longitude=36.806, admin1="Idlib", event_date="2025-08-25",
          fatalities=2)),
    ("saraqib-strike", "Syria TV",
     "مسيرة تستهدف دراجة نارية قرب قرية آفس وتقتل شخصين.",
     dict(**AIR, location="Afis", latitude=35.900, longitude=36.860, admin1="Idlib", event_date="2025-08-25",
          fatalities=2)),
    # ... two different strikes on the same town the same day (morning and evening) ...
    ("binnish-morning", "SOHR",
     "غارة صباحية على مدينة بنش شرقي إدلب أسفرت عن مقتل طفل.",
     dict(**AIR, location="Binnish", latitude=35.957, longitude=36.712, admin1="Idlib", event_date="2025-08-26",
          fatalities=1, actor1=RUSSIA)),
    ("binnish-evening", "Step News",
     "قتل ثلاثة مدنيين في غارة مسائية استهدفت سوق مدينة بنش.",
     dict(**AIR, location="Binnish", latitude=35.957, longitude=36.712, admin1="Idlib", event_date="2025-08-26",
          fatalities=3, actor1=RUSSIA)),
    # ... and a report dated by its publication day instead of the day of the event.
    ("qamishli-bomb", "North Press",
     "انفجرت سيارة مفخخة مساء الأربعاء قرب دوار الهلالية في مدينة القامشلي ما أدى إلى إصابة أربعة أشخاص.",
     dict(**IED, location="Qamishli", latitude=37.052, longitude=41.231, admin1="Al Hasakah",
          event_date="2025-09-10")),
    ("qamishli-bomb", "Hawar",
     "إصابة أربعة مدنيين بانفجار سيارة مفخخة في القامشلي.",
     dict(**IED, location="Qamishli", latitude=37.052, longitude=41.231, admin1="Al Hasakah",
          event_date="2025-09-11")),
    ("atmeh-drone", "Orient",
     "شهدت أطمة في تموز الماضي غارة بطائرة مسيرة استهدفت سيارة على الطريق العام.",
     dict(**AIR, **ATMEH, event_date="2025-07", time_precision=3, role="background")),
]


def build_set() -> tuple[list[Event], dict[str, str]]:
    """The reports as events (one article each) and the gold incident of each event id."""
    events, gold = [], {}
    for i, (incident, outlet, text, fields) in enumerate(REPORTS):
        event = make_event(text, **{"geo_precision": 1, **fields}, article_id=f"a{i:02d}", event_id=f"e{i:02d}",
                           sources=[outlet])
        events.append(event)
        gold[event.event_id] = incident
    return events, gold


def pairwise_scores(clusters, gold: dict[str, str]) -> tuple[float, float, int, int, int]:
    """Precision and recall of 'same incident' decisions over all report pairs (+ tp, fp, fn)."""
    predicted = {eid: c.id for c in clusters for eid in c.event_ids}
    tp = fp = fn = 0
    for x, y in itertools.combinations(sorted(gold), 2):
        same_pred, same_gold = predicted[x] == predicted[y], gold[x] == gold[y]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1), tp, fp, fn


def test_merge_precision_and_recall_on_the_written_set():
    events, gold = build_set()
    clusters = cluster_events(events)
    precision, recall, tp, fp, fn = pairwise_scores(clusters, gold)
    print(f"\ndedup on {len(events)} reports / {len(set(gold.values()))} incidents: "
          f"pairwise precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision >= 0.9
    assert recall >= 0.8


def test_clustering_is_deterministic_whatever_the_input_order():
    events, _ = build_set()
    reference = [c.to_dict() for c in cluster_events(events)]
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert [c.to_dict() for c in cluster_events(shuffled)] == reference


def test_canonical_event_takes_precise_place_and_date_lowest_credible_figure_all_sources():
    events, gold = build_set()
    by_incident = {}
    for c in cluster_events(events):
        by_incident.setdefault(gold[c.event_ids[0]], c)
    strike = by_incident["atmeh-strike"]
    assert sorted(strike.event_ids) == ["e00", "e01", "e02"]
    assert (strike.event.location, strike.event.geo_precision, strike.event.latitude) == ("Atmeh", 1, 36.318)
    assert strike.event.fatalities == 3 and strike.event.actor1 == RUSSIA
    assert strike.event.sources == ["Enab Baladi", "Syria TV", "Orient"]
    assert len(strike.reasons) == 2 and all("same day 2025-08-22" in r for r in strike.reasons)
    kirkuk = by_incident["kirkuk-ied"]
    assert kirkuk.event.fatalities == 2  # the perpetrator's claim of 4 is not credible against 2
    assert kirkuk.event.actor1 == "Islamic State (Iraq)"  # a named actor beats "Unidentified"
    tripoli = by_incident["tripoli-clashes"]
    assert (tripoli.event.event_date, tripoli.event.time_precision, tripoli.event.fatalities) == ("2025-05-12", 1, 6)
    assert any("one imprecise" in r for r in tripoli.reasons)
    raid = by_incident["atmeh-raid"]
    assert raid.event.event_date == "2025-07-19" and raid.event.role == "primary"


@pytest.mark.parametrize(("a", "b", "why"), [
    (("atmeh-strike", "Enab Baladi"), ("sarmada-shelling", "Enab Baladi"), "different places"),
    (("idlib-protest", "Enab Baladi"), ("atmeh-strike", "Orient"), "different event types"),
    (("atmeh-strike", "Orient"), ("sarmada-shelling", "Step News"), "conflicting actor1"),
    (("taiz-shelling", "Saba"), ("taiz-shelling-2", "Al-Masdar Online"), "different days"),
    (("nawa-clash", "Horan Free League"), ("tafas-killing", "Enab Baladi"), "different places"),
    (("atmeh-drone", "Orient"), ("atmeh-raid", "Enab Baladi"), "coarse date needs the same sub-event type"),
])
def test_distractors_are_kept_apart_with_a_reason(a, b, why):
    events, _ = build_set()
    first, second = (events[[(r[0], r[1]) for r in REPORTS].index(key)] for key in (a, b))
    verdict = compare(first, second)
    assert not verdict.same and why in verdict.explain()


def test_events_of_one_article_never_merge():
    a = make_event("غارة أولى على أطمة", article_id="x", event_id="e1")
    b = make_event("غارة ثانية على أطمة", article_id="x", event_id="e2")
    assert len(cluster_events([a, b])) == 2


def test_complete_linkage_blocks_chains():
    """B is 4 km from A and 4 km from C, but A and C are 8 km apart: B joins one of them, not both."""
    a = make_event("", latitude=36.000, longitude=36.600, location="A", article_id="1", event_id="e1")
    b = make_event("", latitude=36.036, longitude=36.600, location="B", article_id="2", event_id="e2")
    c = make_event("", latitude=36.072, longitude=36.600, location="C", article_id="3", event_id="e3")
    sizes = sorted(len(cl.event_ids) for cl in cluster_events([a, b, c], config=DedupConfig(town_km=5)))
    assert sizes == [1, 2]


# Raw Arabic pairs for when the engine extracts events: (published, text A, text B, same incident?)
RAW_PAIRS = [
    ("2025-08-22",
     "قتل ثلاثة مدنيين في غارة جوية روسية استهدفت بلدة أطمة في ريف إدلب الشمالي فجر اليوم.",
     "أفاد الدفاع المدني بمقتل ثلاثة أشخاص جراء قصف جوي روسي على أطمة شمالي إدلب صباح اليوم.", True),
    ("2025-09-03",
     "قتل شخصان بانفجار عبوة ناسفة استهدفت سيارة مدنية في مدينة كركوك صباح اليوم.",
     "انفجار عبوة ناسفة في كركوك اليوم يوقع قتيلين ويصيب ثلاثة آخرين.", True),
    ("2025-08-22",
     "قتل مدني بقصف مدفعي لقوات النظام على مدينة سرمدا بعد ظهر اليوم.",
     "قتل ثلاثة مدنيين في غارة جوية روسية على بلدة أطمة شمالي إدلب صباح اليوم.", False),
    ("2025-07-10",
     "قتل مدنيان بقصف حوثي على أحياء سكنية في مدينة تعز اليوم.",
     "قتل ثلاثة جنود في اشتباكات مع الحوثيين في محافظة مأرب اليوم.", False),
]


@pytest.mark.parametrize(("published", "text_a", "text_b", "same"), RAW_PAIRS)
def test_raw_text_pairs_through_the_engine(published, text_a, text_b, same):
    import marsad

    try:
        ev_a = marsad.extract(text_a, published=published, article_id="A")
        ev_b = marsad.extract(text_b, published=published, article_id="B")
    except Exception as exc:  # noqa: BLE001 - the engine is developed in parallel
        pytest.skip(f"engine not usable yet: {type(exc).__name__}: {exc}")
    primary_a = [e for e in ev_a if e.role == "primary"]
    primary_b = [e for e in ev_b if e.role == "primary"]
    if not primary_a or not primary_b:
        pytest.skip("the engine extracts no primary event from one of the texts yet")
    for i, e in enumerate(primary_a + primary_b):
        e.event_id = f"e{i}"
        e.article_id = "A" if i < len(primary_a) else "B"
    clusters = cluster_events(primary_a[:1] + primary_b[:1])
    assert (len(clusters) == 1) == same, [c.reasons for c in clusters]

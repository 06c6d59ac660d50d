"""End-to-end extraction on Arabic text written for these tests."""

from pathlib import Path

import marsad

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"


def _events():
    return marsad.extract(EXAMPLE.read_text(encoding="utf-8"), published="2025-11-18", article_id="ex")


def test_example_primary_attack_at_palmyra():
    ev = _events()
    primary = [e for e in ev if e.role == "primary"]
    assert primary, ev
    first = primary[0]
    assert first.event_type == "Battles" and first.sub_event_type == "Armed clash"
    assert first.actor1 == "Islamic State"
    assert first.event_date == "2025-11-18"
    assert first.country == "SYR" and first.admin1 in ("Homs",)
    assert first.fatalities == 5  # three soldiers and two attackers
    assert first.injuries == 5
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text[first.evidence.start:first.evidence.end] == first.evidence.text


def test_example_ied_in_daraa_dated_yesterday():
    ev = [e for e in _events() if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert len(ev) == 1
    assert ev[0].event_date == "2025-11-17"
    assert ev[0].admin1 in ("Dar'a", "Daraa")
    assert ev[0].fatalities == 0 and ev[0].injuries == 4


def test_example_march_attack_is_background():
    bg = [e for e in _events() if e.role == "background"]
    assert len(bg) == 1
    assert bg[0].event_date == "2025-03"
    assert bg[0].fatalities == 7


def test_football_report_has_no_events():
    text = ("شن فريق الاتحاد هجوما مكثفا في الشوط الثاني من المباراة، وتمكن مهاجمه من تسجيل هدف "
            "الفوز في الدقيقة الأخيرة، ليقتل آمال المنافس في التعادل ويتصدر الدوري.")
    assert marsad.extract(text, published="2024-03-01") == []


def test_political_report_has_no_events():
    text = ("بدأ رئيس الجمهورية اليوم مشاورات تسمية رئيس الحكومة الجديد، وسط توقعات بأن تستمر "
            "الاستشارات النيابية يومين، فيما حذر نواب من تأخير تشكيل الحكومة.")
    assert marsad.extract(text, published="2024-03-01") == []


def test_empty_and_non_arabic_input():
    assert marsad.extract("") == []
    assert marsad.extract("The quick brown fox.") == []

from marsad.doc import build_doc
from marsad.recognisers.triggers import find_triggers


def families(text):
    return [t.family for t in find_triggers(build_doc(text))]


def test_air_strike_phrase_wins_over_its_parts():
    assert families("شنت طائرات حربية غارات جوية على بلدة في الريف") == ["air", "air"]


def test_clitics_on_triggers():
    assert "shelling" in families("استهدفت الميليشيا الحي وبالقذائف الصاروخية")
    assert "ied" in families("أصيب جندي بانفجار عبوة ناسفة")


def test_negated_trigger_is_dropped():
    assert "clash" not in families("لم تندلع اشتباكات في المدينة منذ الهدنة")
    assert families("لم يشهد الحي أي اشتباكات") == ["clash"]  # negation too far from the trigger


def test_suicide_and_arrest_families():
    assert "suicide" in families("فجر انتحاري نفسه بحزام ناسف وسط السوق")
    assert "arrest" in families("ألقت الشرطة القبض على ثلاثة مشتبه بهم")

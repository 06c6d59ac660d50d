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


def test_cue_look_ups_by_token_range():
    doc = build_doc("قال المصدر إن الهجوم أسفر عن مقتل ثلاثة. وتبنت الجماعة الهجوم لاحقا")
    kill = doc.cue_starts("kill", 0, len(doc.tokens))
    claim = doc.cue_starts("claim", 0, len(doc.tokens))
    assert len(kill) == 1 and len(claim) == 1 and kill[0] < claim[0]
    assert doc.has_cue("kill", kill[0], kill[0] + 1)
    assert not doc.has_cue("kill", kill[0] + 1, len(doc.tokens))
    assert not doc.has_cue("kill", 0, kill[0])
    assert doc.has_cue("claim", kill[0], len(doc.tokens))
    assert not doc.has_cue("no_such_lexicon", 0, len(doc.tokens))


def test_a_place_described_by_its_ongoing_fighting_is_not_an_incident():
    import marsad
    assert not marsad.extract("زار وفد أممي مدينة تعز التي تشهد اشتباكات متقطعة بين الطرفين، والتقى محافظها.",
                              published="2021-04-12")
    ev = marsad.extract("تدور اشتباكات عنيفة منذ صباح اليوم بين الجيش وقوات الدعم السريع في مدينة الأبيض.",
                        published="2023-06-12")
    assert ev and ev[0].sub_event_type == "Armed clash"


def test_dual_nouns_are_triggers():
    fams = families("شن الطيران فجر اليوم غارتين على مخزن، وسقطت قذيفتان على حي سكني.")
    assert "air" in fams and "shelling" in fams

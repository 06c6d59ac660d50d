from marsad.text.normalize import fold, normalize


def test_normalize_strips_diacritics_and_keeps_offsets():
    text = "فجّر عنصراً"
    n = normalize(text)
    assert n.text == "فجر عنصرا"
    start, end = n.span(0, 3)
    assert text[start:end] == "فجّر"


def test_fold_unifies_alef_yaa_taa_marbuta_and_digits():
    assert fold("أطمة") == fold("اطمه")
    assert fold("إدلب") == "ادلب"
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("٢٠١٨") == "2018"


def test_normalize_maps_arabic_punctuation_and_quotes():
    assert normalize("«هجوم»، ثم؛").text == '"هجوم", ثم;'


def test_normalize_drops_controls_and_tatweel():
    assert normalize("\u200fقـــتل\u200e").text == "قتل"

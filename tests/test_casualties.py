from marsad.doc import build_doc
from marsad.recognisers.casualties import sentence_counts, total


def counts(text):
    doc = build_doc(text)
    out = []
    for s in doc.sentences:
        out.extend(sentence_counts(doc, s))
    return out


def test_killed_and_injured_figures():
    c = counts("قتل 5 جنود وأصيب 12 آخرون في الهجوم.")
    assert total(c, "killed")[0] == 5
    assert total(c, "injured")[0] == 12


def test_number_words_and_qualifier():
    c = counts("قتل ما لا يقل عن سبعة عشر شخصا في الانفجار.")
    assert total(c, "killed") == (17, "at_least")


def test_subset_figures_are_not_added():
    c = counts("قتل 20 شخصا بينهم ثلاثة أطفال في القصف.")
    assert total(c, "killed")[0] == 20


def test_singular_and_dual_counts_with_attackers_counted():
    c = counts("قتل جندي في الهجوم، وأكد الجيش مقتل مهاجمين اثنين.")
    assert total(c, "killed")[0] == 3


def test_no_kill_word_no_count():
    assert counts("وصل 300 شخص إلى المخيم أمس.") == []


def test_victims_joined_by_wa_add_up():
    c = counts("تعرضت دورية للجيش لهجوم بعبوة ناسفة، ما أسفر عن مقتل ضابط وجنديين.")
    assert total(c, "killed")[0] == 3


def test_counted_nouns_before_an_intransitive_kill_verb():
    c = counts("وقال مصدر في الشرطة إن ضابطا برتبة رائد وشرطيين قتلوا إثر هجوم على حاجز في المدينة.")
    assert total(c, "killed")[0] == 3


def test_active_kill_verb_with_an_object_is_not_a_passive_count():
    c = counts("وقال مصدر إن مسلحين قتلوا مدنيا في السوق.")
    assert total(c, "killed")[0] == 1


def test_sentence_quantities_are_those_of_the_sentence_and_read_once():
    doc = build_doc("قتل 4 جنود في الكمين. وأصيب 9 مدنيين بجروح.")
    first, second = doc.sentences
    assert [q.value for q in doc.sentence_quantities(first)] == [4]
    assert [q.value for q in doc.sentence_quantities(second)] == [9]
    assert doc.sentence_quantities(second) is doc.sentence_quantities(second)
    assert all(second.first <= q.first < second.last for q in doc.sentence_quantities(second))


def test_his_or_her_death_counts_one():
    assert total(counts("أطلق مسلحون النار على مختار القرية قرب منزله، ما أدى إلى مقتله على الفور."))[0] == 1
    assert total(counts("استهدف مجهولون سيارة المحامية بعبوة لاصقة ما أسفر عن مصرعها."))[0] == 1
    assert total(counts("قتل 4 جنود في الكمين، وأعلن الجيش مقتل قائدهم لاحقاً بعد نقله إلى المستشفى وأدى إلى وفاته."))[0] == 4


def test_missing_soldiers_are_not_counted_as_killed():
    c = counts("أعلن الجيش مقتل 12 جنديا وفقدان 20 آخرين في هجوم على قاعدة عسكرية.")
    assert total(c)[0] == 12


def test_a_breakdown_of_the_dead_adds_no_victims():
    doc = build_doc("قتل 11 شخصا في اشتباكات بين فصيلين في مدينة درعا أمس. وأوضح المصدر أن بين القتلى سبعة مقاتلين "
                    "وأربعة مدنيين.", "2021-01-01", "t")
    found = [c for s in doc.sentences for c in sentence_counts(doc, s)]
    assert [(c.kind, c.value) for c in found] == [("killed", 11)]


def test_lost_their_lives_is_killed():
    c = counts("فقد خمسة أشخاص حياتهم في انفجار سيارة مفخخة وسط المدينة.")
    assert total(c)[0] == 5


def test_dead_of_two_sides_joined_by_wa_add_up():
    c = counts("أسفرت المواجهات عن سقوط 4 قتلى من المسلحين و2 من عناصر الشرطة.")
    assert total(c, "killed")[0] == 6
    c = counts("قتل في المعارك 20 مسلحا على الأقل وثلاثة من أفراد الأمن.")
    assert total(c, "killed")[0] == 23


def test_wounded_conjunct_after_dead_is_not_killed():
    c = counts("أعلن الجيش سقوط أربعة قتلى وأكثر من 15 جريحا في صفوفه.")
    assert total(c, "killed")[0] == 4
    assert total(c, "injured")[0] == 15


def test_injured_clause_not_joined_to_dead():
    c = counts("قتل 5 جنود وأصيب 3 آخرون في الكمين.")
    assert total(c, "killed")[0] == 5


def test_unknown_number_is_not_a_figure():
    c = counts("قتل ثلاثة جنود، فيما قتل عدد من المهاجمين لم يحدد عددهم.")
    assert total(c, "killed")[0] == 3


def test_vague_wounded_conjunct_and_one_family_not_added():
    c = counts("أسفر التفجير عن سقوط 14 قتيلا وعدد من الجرحى في السوق.")
    assert total(c, "killed")[0] == 14
    c = counts("سقطت قذيفة على منزل وقتلت ثلاثة أشخاص من عائلة واحدة.")
    assert total(c, "killed")[0] == 3


def test_breakdown_conjuncts_are_not_added():
    c = counts("قتل 9 مدنيين على الأقل، بينهم طفلان وثلاث نساء، في القصف.")
    assert total(c, "killed")[0] == 9
    c = counts("قتل 9 مدنيين على الأقل، بينهم أربعة أطفال وثلاث نساء، في القصف.")
    assert total(c, "killed")[0] == 9


def test_a_year_closing_a_quoted_operation_name_is_no_toll():
    c = counts('أعلن الجيش في بيانه الخامس عن العملية "درع الشمال 2019"، مقتل سبعة مسلحين في المواجهات.')
    assert total(c, "killed")[0] == 7


def test_the_cue_nearer_a_qualified_number_decides_its_kind():
    c = counts("قتل ثلاثة أشخاص وأصيب أكثر من عشرين آخرين في القصف.")
    assert total(c, "killed")[0] == 3
    assert total(c, "injured")[0] == 20


def test_the_dual_of_a_kill_noun_counts_two():
    assert total(counts("أسفرت الغارة عن سقوط شهيدين في البلدة."), "killed")[0] == 2


def test_the_noun_after_a_cue_with_a_preposition_is_counted():
    assert total(counts("وقع انفجار أودى بحياة طفلين في السوق."), "killed")[0] == 2
    assert total(counts("تمكنت القوات من القضاء على إرهابي في الجبل."), "killed")[0] == 1

"""Casualty counts: killed and injured figures tied to kill/injury words, split into attackers and victims.

ACLED counts everyone killed, attackers included, and prefers the lowest
credible figure; a figure that is a subset of another ("تسعة من القتلى",
"بينهم ثلاثة أطفال") is not a separate count.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.doc import Doc, Sentence
from marsad.text.numbers import dual_count, is_singular_count_noun, number_word_value

_WINDOW = 5
_SUBSET_BEFORE = {"بينهم", "منهم", "بينها", "بينهن", "منهن", "بينهما", "معظمهم", "غالبيتهم", "اغلبهم"}
_SUBSET_AFTER_NOUNS = {"القتلي", "الضحايا", "المصابين", "الجرحي", "القتيل", "المصابون", "الجرحى"}
_CLAUSE_BREAK = {".", ";", ":", "?", "!"}


@dataclass(frozen=True, slots=True)
class Count:
    kind: str  # "killed" | "injured" | "arrested"
    value: int
    attackers: bool
    start: int
    end: int
    qualifier: str | None
    sentence: int


def _cue_positions(doc: Doc, sent: Sentence, name: str) -> list[int]:
    return doc.cue_starts(name, sent.first, sent.last)


def _is_attacker_noun(doc: Doc, idx: int) -> bool:
    """The counted noun at ``idx`` names attackers ("مهاجمين", "من المهاجمين", "انتحاريين")."""
    if idx < len(doc.tokens) and doc.tokens[idx].key == "من":
        idx += 1
    if idx >= len(doc.tokens):
        return False
    return doc.has_cue("victim_attackers", idx, idx + 1)


_QUALIFIER_WORDS = {"من", "اكثر", "ما", "لا", "يقل", "عن", "نحو", "حوالي", "قرابه", "زهاء", "الاقل", "علي",
                    "اقل", "يزيد", "ازيد"}


def _conjunct_at(doc: Doc, sent: Sentence, first: int) -> int | None:
    """Index of the و that opens the phrase of the number at ``first`` ("و3 من أفراد الجيش",
    "وسبعة من أفراد", "وأكثر من 30 جريحا"), or None when the number opens no conjunct."""
    toks = doc.tokens
    key = toks[first].key
    if (toks[first].kind == "word" and key.startswith("و") and not key.startswith("واحد")
            and number_word_value(key[1:]) is not None):
        return first  # a number word carrying the conjunction: "وسبعة" (not "واحدة")
    j = first - 1
    while j >= sent.first and first - j <= 5:
        key = toks[j].key
        if key == "و":
            return j
        bare = key[1:] if key.startswith("و") else key
        if bare not in _QUALIFIER_WORDS:
            return None
        if key.startswith("و") and key != bare:
            return j  # "وأكثر من 30", "ولا يقل عن 5"
        j -= 1
    return None


def _nearest_cue(doc: Doc, q_first: int, q_last: int, cues: dict[int, str], lo: int, hi: int,
                 qualifier_len: int, conj: int | None = None) -> str | None:
    best: str | None = None
    best_d: float | None = None
    best_pos = -1
    for pos, kind in cues.items():
        cue_pos = pos
        if pos < lo or pos >= hi:
            continue
        if pos >= q_last and doc.tokens[pos].text.startswith("و"):
            continue  # "قتل 40 شخصا وأصيب 100": a cue opening the next clause is not this number's
        if pos < q_first and (conj is None or pos >= conj):
            pos = min(q_first - 1, pos + qualifier_len)  # "قتل ما لا يقل عن 40": the qualifier is no distance
        # prefer the cue before the number on ties
        d = float(q_first - pos) if pos < q_first else pos - (q_last - 1) + 0.5
        # Qualifier words cost nothing, so two cues before a number may come out equally near ("قتلوا
        # وأصيب أكثر من عشرة"): the one closer to the number is its own.
        if d <= _WINDOW and (best_d is None or d < best_d or (d == best_d and cue_pos > best_pos)):
            best, best_d, best_pos = kind, d, cue_pos
    return best


_CUE_LINKS = {"علي", "بحياه"}


def sentence_counts(doc: Doc, sent: Sentence) -> list[Count]:
    """Killed/injured counts in one sentence."""
    cues: dict[int, str] = {}
    for pos in _cue_positions(doc, sent, "missing"):
        # "مقتل 25 جنديا وفقدان 60 آخرين": the missing are not the dead; "فقد خمسة أشخاص حياتهم" are
        lives = any(t.key.startswith(("حيات", "ارواح")) for t in doc.tokens[pos + 1:min(sent.last, pos + 6)])
        cues[pos] = "killed" if lives else "missing"
    for pos in _cue_positions(doc, sent, "kill"):
        cues[pos] = "killed"
    for pos in _cue_positions(doc, sent, "injure"):
        cues[pos] = "injured"
    if not cues:
        return []
    toks = doc.tokens
    out: list[Count] = []
    numbered: list[tuple[Count | None, int, int]] = []  # quantity counts with their token span
    used: set[int] = set()
    for q in doc.sentence_quantities(sent):
        if q.first < sent.first or q.last > sent.last:
            continue
        first, last = q.first, q.last
        if not q.is_count:
            continue
        if first - 1 >= sent.first and toks[first - 1].key in _SUBSET_BEFORE:
            numbered.append((None, first, last))  # "بينهم خمسة أطفال وثلاث نساء": the conjuncts too
            continue
        if last + 1 < sent.last and toks[last].key == "من" and toks[last + 1].key in _SUBSET_AFTER_NOUNS:
            numbered.append((None, first, last))
            continue
        if getattr(q, "vague", False) and _number_unknown(doc, sent, last):
            continue  # "قتل عدد من عناصر التنظيم لم يحدد عددهم": no figure is given
        if _after_breakdown(doc, sent, first):
            continue  # "بين القتلى ستة جنود وثلاثة مدنيين": a breakdown of a toll already given
        # Stay inside the clause the number is in.
        lo, hi = first, last
        while lo > sent.first and first - lo < _WINDOW and toks[lo - 1].key not in _CLAUSE_BREAK:
            lo -= 1
        while hi < sent.last and hi - last < _WINDOW + 2 and toks[hi].key not in _CLAUSE_BREAK:
            hi += 1
        qualifier_len = 4 if q.qualifier and first - 4 >= sent.first else 0
        conj = _conjunct_at(doc, sent, first)
        # "وأكثر من 30 جريحا" after "ستة قتلى": the qualifier of a new conjunct does not bring the
        # previous conjunct's noun any closer.
        prev = numbered[-1] if numbered else None
        joined_to: Count | None = None  # the count this one is a conjunct of, sharing its kind
        if prev is not None and conj is not None and _joins(doc, cues, prev[2], conj):
            if prev[0] is None:
                numbered.append((None, first, last))
                continue  # a further item of a breakdown
            # A conjunct of a count just given takes a kill or injury word only from its own phrase
            # ("وعدد من الجرحى"); with none, it shares the first count's ("و3 من أفراد الجيش").
            kind = _nearest_cue(doc, first, last, cues, conj, hi, 0)
            if kind in (None, prev[0].kind):
                joined_to = prev[0]
            kind = kind or prev[0].kind
        else:
            kind = _nearest_cue(doc, first, last, cues, lo - qualifier_len, hi, qualifier_len, conj)
        if kind is None or kind == "missing":
            continue
        # "مهاجمين اثنين": a number word after its noun, with no noun of its own.
        own_noun = last < sent.last and toks[last].kind == "word" and toks[last].key not in ("من", "على", "في")
        attackers = _is_attacker_noun(doc, last) or (
            not own_noun and first - 1 >= sent.first and _is_attacker_noun(doc, first - 1))
        count = Count(kind, q.value, attackers, q.start + 0, q.end, q.qualifier, sent.index)
        if joined_to is not None and joined_to.attackers == attackers:
            # "سقوط 9 قتلى في صفوف الميليشيات و3 من أفراد الجيش", "قتل 30 حوثيا وسبعة من أفراد
            # العمالقة": the dead of each side, joined by و with no kill word of their own, add up.
            a = joined_to
            count = Count(kind, a.value + q.value, attackers, a.start, q.end, a.qualifier or q.qualifier,
                          sent.index)
            out.remove(a)
            numbered.pop()
        out.append(count)
        numbered.append((count, first, last))
        used.update(range(first, last))
    # A kill verb with a singular object pronoun: "أطلقا النار على شرطي فقتلاه".
    for pos in _cue_positions(doc, sent, "kill_one"):
        tok = toks[pos]
        out.append(Count("killed", 1, False, tok.start, tok.end, None, sent.index))
    # Unnumbered counts: "مقتل عنصر" (one), "مقتل مهاجمين" (two, dual).
    for pos, kind in cues.items():
        if kind == "killed" and pos not in used and toks[pos].kind == "word" and dual_count(toks[pos].key):
            # "ما أدى إلى سقوط شهيدين", "قتيلان في غارة": the dead counted by the dual of the kill noun
            tok = toks[pos]
            out.append(Count("killed", 2, False, tok.start, tok.end, None, sent.index))
            continue
        nxt = pos + 1
        if nxt + 1 < sent.last and toks[nxt].key in _CUE_LINKS:
            nxt += 1  # "قضت على عنصرين", "أودى بحياة شخصين": the noun after the cue's preposition
        if nxt >= sent.last or nxt in used or (nxt + 1) in used or toks[nxt].kind != "word":
            continue
        word = toks[nxt]
        value = 0
        if dual_count(word.key):
            value = 2
        elif is_singular_count_noun(word.key):
            value = 1
        elif word.key.startswith("ال") and is_singular_count_noun(word.key[2:]) and kind == "killed":
            value = 1  # "استشهد الجندي محمد ...": one named person
        elif word.key == "احد" and nxt + 1 < sent.last:
            value = 1
        if value:
            attackers = _is_attacker_noun(doc, nxt) or (word.key == "احد" and _is_attacker_noun(doc, nxt + 1))
            value += _conjoined_nouns(doc, nxt + 1, sent.last, used)
            out.append(Count(kind, value, attackers, word.start, word.end, None, sent.index))
    out.extend(_subjects_of_passive_kill(doc, sent, cues, used, out))
    return out


def _number_unknown(doc: Doc, sent: Sentence, last: int) -> bool:
    """The clause goes on to say the number is not known: "لم يحدد عددهم", "غير معروف عددهم"."""
    toks = doc.tokens
    neg = False
    for j in range(last, min(sent.last, last + 7)):
        key = toks[j].key
        if key in _CLAUSE_BREAK:
            return False
        if key in ("لم", "غير", "دون", "بدون", "لا"):
            neg = True
        elif neg and key.startswith("عدد") and key != "عدد":
            return True  # عددهم، عددها
    return False


def _joins(doc: Doc, cues: dict[int, str], prev_last: int, conj: int) -> bool:
    """The conjunct at ``conj`` continues the count ending at ``prev_last``: same clause, close by, and
    no kill or injury word of its own in between (the noun right after the first number, "9 قتلى",
    is that number's)."""
    if conj - prev_last > 7:
        return False
    toks = doc.tokens
    for j in range(prev_last, conj):
        if toks[j].key in _CLAUSE_BREAK or toks[j].key in ("فيما", "بينما", "كما") or toks[j].key in _SUBSET_BEFORE:
            return False
        if j in cues and j != prev_last:
            return False
    return True


def _after_breakdown(doc: Doc, sent: Sentence, first: int) -> bool:
    """The number follows "بين القتلى", "من بين الضحايا", "ومن بينهم" in its clause."""
    toks = doc.tokens
    for j in range(first - 1, max(sent.first, first - 12) - 1, -1):
        key = toks[j].key
        if key in _CLAUSE_BREAK:
            return False
        if key in ("بين", "وبين") and j + 1 < first and toks[j + 1].key in _SUBSET_AFTER_NOUNS:
            return True
    return False


#: intransitive plural/dual kill verbs whose subject is the dead ("ضابطا وجنديين قتلوا"), and the words
#: that may follow such a verb when it ends the subject's clause ("قتلوا إثر انفجار")
PASSIVE_KILL = frozenset({"قتلوا", "قتلا", "استشهدوا", "استشهدا", "لقوا", "لقيا"})
AFTER_PASSIVE_KILL = frozenset({"في", "اثر", "جراء", "خلال", "عندما", "حين", "بعد", "امس", "اليوم", "مساء", "صباح",
                                "فجر", "ليل"})
_AFTER_PASSIVE = AFTER_PASSIVE_KILL | {".", "،", ","}


def _subjects_of_passive_kill(doc: Doc, sent: Sentence, cues: dict[int, str], used: set[int],
                              found: list[Count]) -> list[Count]:
    """"إن ضابطا برتبة نقيب وجنديين قتلوا إثر انفجار": the counted nouns before an intransitive
    plural kill verb are the dead (one for a singular noun, two for a dual)."""
    toks = doc.tokens
    out = []
    for pos, kind in cues.items():
        if kind != "killed" or toks[pos].key not in PASSIVE_KILL or pos + 1 >= sent.last:
            continue
        nxt = toks[pos + 1]
        if not (nxt.key in _AFTER_PASSIVE or nxt.text.startswith("و")):
            continue
        lo = toks[max(sent.first, pos - 6)].start
        if any(lo <= c.start < toks[pos].start for c in found if c.kind == "killed"):
            continue  # "قتل 40 شخصا ... قتلوا": already counted
        value, j = 0, pos - 1
        while j >= max(sent.first, pos - 6) and toks[j].kind == "word" and j not in used:
            key = toks[j].key
            bare = key[1:] if key.startswith("و") and len(key) > 3 else key
            if key in ("برتبه", "رتبه") or (j > sent.first and toks[j - 1].key in ("برتبه", "رتبه")):
                pass  # "برتبة نقيب": a rank, not another person
            elif dual_count(bare):
                value += 2
            elif is_singular_count_noun(bare):
                value += 1
            else:
                break  # "قال مصدر أمني إن ...": the subject is the noun phrase right before the verb
            j -= 1
        if value:
            out.append(Count("killed", value, False, toks[j + 1].start, toks[pos - 1].end, None, sent.index))
    return out


def _conjoined_nouns(doc: Doc, i: int, end: int, used: set[int]) -> int:
    """"مقتل ضابط وجنديين": victims joined by و after the first count noun add up."""
    extra = 0
    toks = doc.tokens
    while i < end and toks[i].kind == "word" and toks[i].text.startswith("و") and i not in used:
        bare = toks[i].key[1:]
        if dual_count(bare):
            extra += 2
        elif is_singular_count_noun(bare):
            extra += 1
        else:
            break
        i += 1
    return extra


def total(counts: list[Count], kind: str = "killed") -> tuple[int | None, str | None]:
    """Victims (largest figure) plus attackers (largest figure) for one incident; None if no figure."""
    victims = [c for c in counts if c.kind == kind and not c.attackers]
    attackers = [c for c in counts if c.kind == kind and c.attackers]
    if not victims and not attackers:
        return None, None
    v = max(victims, key=lambda c: c.value) if victims else None
    a = max(attackers, key=lambda c: c.value) if attackers else None
    value = (v.value if v else 0) + (a.value if a else 0)
    qualifier = v.qualifier if v else (a.qualifier if a else None)
    return value, qualifier

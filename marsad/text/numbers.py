"""Quantities in Arabic news text: digits, number words, vague amounts, qualifiers, duals.

``find_quantities(tokens)`` reads counts the way conflict reports write them:

* digits, Western or Arabic-Indic, with thousands separators ("1,200", "١٬٢٠٠") and scale words
  ("3 آلاف", "2.5 مليون");
* MSA number words in any gender and case, with clitics and compounds ("وثلاثة", "خمسة وعشرين",
  "مئة وخمسين", "ثلاثة آلاف", "أحد عشر", "إحدى عشرة");
* vague amounts, valued with ACLED's conventions ("عشرات" = 12, "مئات" = 100, "عدة"/"بضعة"/"عدد من"
  = 3, "عشرات الآلاف" = 12,000), flagged ``vague``;
* qualifiers kept as a flag, before the number ("أكثر من", "نحو", "ما لا يقل عن") or after it
  ("قتل 16 شخصا على الأقل").

Every quantity carries a ``role``: only ``"count"`` (and ``"partitive"``, "أحد المهاجمين" = one of the
attackers) should be read as a number of people or things. Years ("عام 2014"), days of the month
("16 يناير", "11/9/2018"), clock times ("الساعة 2"), percentages and decimals are tagged so that a
casualty figure is never a year or a date. Ordinals ("الثاني", "الثانية فجرا") are not quantities.

``dual_count`` and ``is_singular_count_noun`` cover counts carried by the noun itself: "جنديين" = 2,
"قتل عنصر" = 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.text.normalize import fold_word, normalize_char
from marsad.text.tokens import Token, tokenize, tokens_where

__all__ = [
    "Quantity",
    "CountedNoun",
    "find_quantities",
    "parse_number_words",
    "dual_count",
    "dual_is_ambiguous",
    "is_singular_count_noun",
    "counted_noun",
    "number_word_value",
]

ROLES = ("count", "partitive", "year", "date", "time", "percent", "decimal", "label")


@dataclass(slots=True, init=False)
class Quantity:
    """A number found in text.

    ``first``/``last`` are token indices (half-open), ``start``/``end`` character offsets in the
    original text. ``qualifier`` is one of "at_least", "more_than", "about", "up_to", "less_than"
    or None. ``role`` is one of :data:`ROLES`; only "count" and "partitive" are counts of things
    ("year", "date", "time", "percent", "decimal", "label" as in "القرار 2254" are not).
    Read-only by convention, not frozen, with a written-out ``__init__``: see marsad.text.tokens.Token.
    """

    first: int
    last: int
    start: int
    end: int
    text: str
    value: int
    qualifier: str | None
    vague: bool
    role: str

    def __init__(self, first: int, last: int, start: int, end: int, text: str, value: int,
                 qualifier: str | None = None, vague: bool = False, role: str = "count") -> None:
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.qualifier = qualifier
        self.vague = vague
        self.role = role

    @property
    def is_count(self) -> bool:
        return self.role in ("count", "partitive")


@dataclass(frozen=True, slots=True)
class CountedNoun:
    """A counted noun from the data list: its singular and whether it has a sound plural in -ين."""

    singular: str
    sound_plural: bool
    gloss: str


# --------------------------------------------------------------------------- data


def _read_table(name: str) -> list[list[str]]:
    text = resources.files("marsad").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@lru_cache(maxsize=1)
def _number_words() -> dict[str, tuple[tuple[int, str], ...]]:
    table: dict[str, list[tuple[int, str]]] = {}
    for form, value, kind in _read_table("number_words.tsv"):
        key = fold_word(form)
        entry = (int(value), kind)
        if entry not in table.setdefault(key, []):
            table[key].append(entry)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _counted_nouns() -> dict[str, CountedNoun]:
    out = {}
    for row in _read_table("counted_nouns.tsv"):
        singular, plural = row[0], row[1]
        gloss = row[2] if len(row) > 2 else ""
        out[fold_word(singular)] = CountedNoun(singular, plural == "yes", gloss)
    return out


# --------------------------------------------------------------------------- word lookup

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ARTICLE_OK = {"unit", "vague", "scale_plural"}  # "الثلاثة", "العشرات", "الآلاف"
_NOT_WITH_ARTICLE = {"اثنين", "اثنان", "احد", "احدي"}  # الاثنين = Monday, الأحد = Sunday


@dataclass(frozen=True, slots=True)
class _Word:
    conj: bool  # carries the conjunction و/ف ("وعشرين")
    entries: tuple[tuple[int, str], ...]


def _lookup_key(key: str) -> _Word | None:
    table = _number_words()
    if key in table:
        return _Word(False, table[key])
    conj = False
    rest = key
    if rest[:1] in _CONJ and len(rest) > 2:
        conj = True
        rest = rest[1:]
        if rest in table:
            return _Word(conj, table[rest])
    if rest[:1] in _PREP and len(rest) > 3 and rest[1:] in table:
        return _Word(conj, table[rest[1:]])
    for art in ("ال", "بال", "لل", "كال"):
        if rest.startswith(art) and len(rest) > len(art) + 2:
            bare = rest[len(art):]
            if art == "لل":
                bare = bare  # لل + ثلاثة = لـ + الثلاثة
            if bare in _NOT_WITH_ARTICLE:
                return None
            entries = tuple(e for e in table.get(bare, ()) if e[1] in _ARTICLE_OK)
            if entries:
                return _Word(conj, entries)
    return None


@lru_cache(maxsize=8192)
def _lookup(key: str) -> _Word | None:
    return _lookup_key(key)


def number_word_value(word: str) -> int | None:
    """Value of a single number word ("ثلاثة" -> 3, "وعشرين" -> 20, "مئتي" -> 200), else None."""
    w = _lookup(fold_word(word))
    if w is None:
        return None
    for value, kind in w.entries:
        if kind in ("unit", "ten", "hundred", "scale", "vague", "scale_plural"):
            return value
    return None


def _kinds(word: _Word | None) -> dict[str, int]:
    return {} if word is None else {kind: value for value, kind in word.entries}


# --------------------------------------------------------------------------- parsing word numbers


@dataclass(slots=True)
class _Parse:
    end: int  # token index one past the number
    value: int
    vague: bool = False
    partitive: bool = False


def _word_at(tokens: Sequence[Token], i: int) -> _Word | None:
    if 0 <= i < len(tokens) and tokens[i].kind == "word":
        return _lookup(tokens[i].key)
    return None


def _parse_words(tokens: Sequence[Token], i: int) -> _Parse | None:
    """Parse a number written in words starting at token ``i``."""
    w = _word_at(tokens, i)
    if w is None:
        return None
    k = _kinds(w)
    nxt = _word_at(tokens, i + 1)
    nk = _kinds(nxt) if nxt is not None and not nxt.conj else {}

    # Vague amounts, optionally multiplying a following scale: "عشرات الآلاف", "بضعة آلاف", "عدة مئات".
    if "vague" in k:
        value = k["vague"]
        j = i + 1
        if "scale" in nk or "scale_plural" in nk:
            value *= nk.get("scale_plural", nk.get("scale", 1))
            j += 1
        elif "vague" in nk and nk["vague"] >= 12 and value == 3:  # "بضع مئات", "عدة عشرات"
            value *= nk["vague"]
            j += 1
        return _Parse(j, value, vague=True)
    if "scale_plural" in k and "unit" not in k:
        # "آلاف" alone: thousands (vague); "آلاف" after a unit is handled below.
        return _Parse(i + 1, k["scale_plural"], vague=True)

    total = 0  # completed thousands/millions
    group = 0  # the current group below the scale
    last = ""  # kind of the last component
    j = i
    has_ten = False
    last_scale = 0
    # First component.
    if "partitive" in k or "teen_only" in k:
        if "teen" in nk:
            group, last, j = 10 + k.get("partitive", k.get("teen_only", 0)), "teen", i + 2
        elif "partitive" in k:
            return _Parse(i + 1, 1, partitive=True)
        else:
            return None
    elif "unit" in k:
        unit = k["unit"]
        if "teen" in nk and 3 <= unit <= 9:
            group, last, j = 10 + unit, "teen", i + 2
        else:
            group, last, j = unit, "unit", i + 1
    elif "ten" in k:
        group, last, j, has_ten = k["ten"], "ten", i + 1, True
    elif "hundred" in k:
        group, last, j = k["hundred"], "hundred", i + 1
    elif "scale" in k:
        total, last, j = k["scale"], "scale", i + 1
        last_scale = 1_000_000_000 if k["scale"] >= 1_000_000_000 else 1_000_000 if k["scale"] >= 1_000_000 else 1000
    else:
        return None

    # Continuations.
    while j < len(tokens):
        if last == "scale" and group == 0 and tokens[j].key == "ونصف":  # "مليون ونصف"
            total += last_scale // 2
            j += 1
            break
        w = _word_at(tokens, j)
        if w is None:
            break
        k = _kinds(w)
        if not w.conj:
            if last in ("unit", "teen", "ten", "hundred") and "scale_plural" in k and 3 <= group <= 10:
                total += group * k["scale_plural"]
                last_scale, has_ten = k["scale_plural"], False
                group, last, j = 0, "scale", j + 1
                continue
            if last in ("unit", "teen", "ten", "hundred") and "scale" in k and group > 0:
                if k["scale"] in (1000, 1_000_000, 1_000_000_000):
                    total += group * k["scale"]
                    last_scale, has_ten = k["scale"], False
                    group, last, j = 0, "scale", j + 1
                    continue
            if last == "unit" and "hundred" in k and k["hundred"] == 100 and 3 <= group <= 9:
                group, last, j = group * 100, "hundred", j + 1  # "ثلاث مئة"
                continue
            break
        # Joined with و.
        w2 = _word_at(tokens, j + 1)
        nk2 = _kinds(w2) if w2 is not None and not w2.conj else {}
        if last == "unit" and not has_ten and "ten" in k:
            group += k["ten"]
            last, has_ten, j = "ten", True, j + 1
            continue
        if last == "hundred" or (last == "scale" and group == 0):
            if ("partitive" in k or "teen_only" in k) and "teen" in nk2:
                group += 10 + k.get("partitive", k.get("teen_only", 0))
                last, j = "teen", j + 2
                continue
            if "unit" in k:
                unit = k["unit"]
                if "teen" in nk2 and 3 <= unit <= 9:
                    group += 10 + unit
                    last, j = "teen", j + 2
                else:
                    group += unit
                    last, j = "unit", j + 1
                continue
            if "ten" in k:
                group += k["ten"]
                last, has_ten, j = "ten", True, j + 1
                continue
            if "hundred" in k and last == "scale":
                group += k["hundred"]
                last, j = "hundred", j + 1
                continue
        break
    return _Parse(j, total + group)


def parse_number_words(text: str) -> int | None:
    """Value of a number written in words ("مئة وخمسة وعشرون" -> 125), None if it isn't one."""
    tokens = [t for t in tokenize(text) if t.kind != "punct"]
    if not tokens:
        return None
    p = _parse_words(tokens, 0)
    if p is None or p.end != len(tokens):
        return None
    return p.value


# --------------------------------------------------------------------------- digits

_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _digit_value(surface: str, before_scale: bool) -> tuple[float, bool]:
    """(value, is_fraction) of a digit token; commas/٬ are thousands separators, ./٫ decimals."""
    s = "".join(normalize_char(c) for c in surface)
    if _THOUSANDS.fullmatch(s):
        return float(s.replace(",", "")), False
    if _DOT_THOUSANDS.fullmatch(s) and (s.count(".") > 1 or not before_scale):
        return float(s.replace(".", "")), False
    s = s.replace(",", ".")
    if s.count(".") > 1:
        s = s.replace(".", "", s.count(".") - 1)
    try:
        v = float(s)
    except ValueError:
        return 0.0, True
    return v, v != int(v)


# --------------------------------------------------------------------------- qualifiers

_BEFORE: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(fold_word(w) for w in phrase.split()), q)
    for phrase, q in (
        ("ما لا يقل عن", "at_least"), ("ما لا يقل على", "at_least"), ("لا يقل عن", "at_least"),
        ("ما لا تقل عن", "at_least"), ("لا تقل عن", "at_least"), ("على الأقل", "at_least"),
        ("ما لا يزيد عن", "up_to"), ("ما لا يزيد على", "up_to"), ("لا يزيد عن", "up_to"),
        ("لا يتجاوز", "up_to"), ("ما يصل إلى", "up_to"), ("يصل إلى", "up_to"), ("حتى", "up_to"),
        ("أكثر من", "more_than"), ("ما يزيد عن", "more_than"), ("ما يزيد على", "more_than"),
        ("يزيد عن", "more_than"), ("يزيد على", "more_than"), ("أزيد من", "more_than"),
        ("ما يربو على", "more_than"), ("يربو على", "more_than"), ("ما يفوق", "more_than"),
        ("يفوق", "more_than"), ("ما يتجاوز", "more_than"), ("يتجاوز", "more_than"),
        ("ما يقارب", "about"), ("يقارب", "about"), ("ما يناهز", "about"), ("يناهز", "about"),
        ("نحو", "about"), ("قرابة", "about"), ("حوالي", "about"), ("حوالى", "about"),
        ("زهاء", "about"), ("تقريبا", "about"), ("قرابه", "about"),
        ("أقل من", "less_than"), ("ما يقل عن", "less_than"),
    )
)
_BEFORE = tuple(sorted(_BEFORE, key=lambda p: -len(p[0])))
_AFTER: tuple[tuple[tuple[str, ...], str], ...] = (
    (("علي", "الاقل"), "at_least"),
    (("علي", "اقل", "تقدير"), "at_least"),
    (("تقريبا",), "about"),
    (("او", "اكثر"), "at_least"),
)


def _matches_at(tokens: Sequence[Token], i: int, phrase: tuple[str, ...]) -> bool:
    if i < 0 or i + len(phrase) > len(tokens):
        return False
    for n, key in enumerate(phrase):
        tok = tokens[i + n]
        if n == 0:
            if tok.key != key and not (tok.key[:1] in "وفبل" and tok.key[1:] == key):
                return False
        elif tok.key != key:
            return False
    return True


def _qualifier_before(tokens: Sequence[Token], first: int) -> str | None:
    if first < 1:
        return None
    for phrase, q in _before_ending_with(tokens[first - 1].key):
        if _matches_at(tokens, first - len(phrase), phrase):
            return q
    return None


def _before_ending_with(key: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The _BEFORE phrases (in their order) whose last word a token with this key can be."""
    found = _BEFORE_BY_LAST.get(key)
    if found is None:
        bare = key[1:] if key[:1] in "وفبل" else None  # a one-word phrase may carry a proclitic
        found = tuple((phrase, q) for phrase, q in _BEFORE
                      if phrase[-1] == key or (len(phrase) == 1 and phrase[0] == bare))
        if len(_BEFORE_BY_LAST) >= 1 << 16:
            _BEFORE_BY_LAST.clear()
        _BEFORE_BY_LAST[key] = found
    return found


_BEFORE_BY_LAST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}


def _after_starting_with(key: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The _AFTER phrases (in their order) whose first word a token with this key can be."""
    found = _AFTER_BY_FIRST.get(key)
    if found is None:
        bare = key[1:] if key[:1] in "وفبل" else None  # the first word may carry a proclitic
        found = tuple((phrase, q) for phrase, q in _AFTER if phrase[0] == key or phrase[0] == bare)
        if len(_AFTER_BY_FIRST) >= 1 << 16:
            _AFTER_BY_FIRST.clear()
        _AFTER_BY_FIRST[key] = found
    return found


_AFTER_BY_FIRST: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}


def _qualifier_after(tokens: Sequence[Token], last: int) -> str | None:
    j = last
    skipped = 0
    while j < len(tokens) and skipped <= 3:
        tok = tokens[j]
        for phrase, q in _after_starting_with(tok.key):
            if _matches_at(tokens, j, phrase):
                return q
        if tok.kind != "word" or _lookup(tok.key) is not None:
            return None
        j += 1
        skipped += 1
    return None


# --------------------------------------------------------------------------- roles

_ORDINAL_WORDS = frozenset(fold_word(w) for w in (
    "حادي ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر حادية ثانية ثالثة رابعة خامسة سادسة سابعة "
    "ثامنة تاسعة عاشرة").split())


def _is_ordinal(key: str) -> bool:
    k = key[2:] if key.startswith("ال") else key[3:] if key.startswith(("وال", "بال", "فال")) else key
    return k in _ORDINAL_WORDS

_YEAR_CUES = {"عام", "سنه", "العام", "السنه"}
_TIME_CUES = {"الساعه", "ساعه"}
_LABEL_CUES = frozenset(fold_word(w) for w in (
    "رقم برقم القرار قرار الفرقة الفوج الكتيبة اللواء الطريق طريق المادة البند الفصل الصفحة الحافلة الرحلة "
    "المبنى المبني الحي الحاجز النقطة المخرج البوابة الطائرة").split())
_PERCENT_WORDS = {"بالمايه", "بالميه", "%"}


def _bare_year_cue(key: str) -> bool:
    from marsad.text.dates import _BARE_YEAR_CUES, _forms

    return bool(_forms(key) & _BARE_YEAR_CUES)


def _is_unit_word(key: str) -> bool:
    from marsad.text.dates import _UNITS

    return key in _UNITS


def _relative_month_after(tokens: Sequence[Token], j: int) -> bool:
    from marsad.text.dates import _CURRENT, _FUTURE, _PAST, _forms

    if j < len(tokens) and tokens[j].key == "من":
        j += 1
    if j < len(tokens) and tokens[j].key == "الشهر":
        return j + 1 < len(tokens) and bool(_forms(tokens[j + 1].key) & (_PAST | _CURRENT | _FUTURE))
    return j < len(tokens) and bool(_forms(tokens[j].key) & _CURRENT)


def _is_month_at(tokens: Sequence[Token], i: int) -> bool:
    from marsad.text.dates import month_at

    return month_at(tokens, i) is not None


@lru_cache(maxsize=1)
def _hijri_months() -> frozenset[str]:
    return frozenset(fold_word(row[1]) for row in _read_table("date_words.tsv") if row[0] == "hijri_month")


_NAME_CLOSERS = frozenset({'"', "»", "”", "'", ")"})


def _role(tokens: Sequence[Token], first: int, last: int, value: int, fraction: bool) -> str:
    prev = tokens[first - 1] if first > 0 else None
    nxt = tokens[last] if last < len(tokens) else None
    adjacent_next = nxt is not None and nxt.start == tokens[last - 1].end
    adjacent_prev = prev is not None and prev.end == tokens[first].start
    if nxt is not None and (nxt.key in _PERCENT_WORDS or (
            nxt.key in ("في", "بال") and last + 1 < len(tokens) and tokens[last + 1].key in ("المايه", "الميه"))):
        return "percent"
    if prev is not None and (prev.stems & _TIME_CUES):
        return "time"
    if (adjacent_next and nxt is not None and nxt.key == ":" and last + 1 < len(tokens)
            and tokens[last + 1].kind == "number") or (
            adjacent_prev and prev is not None and prev.key == ":" and first >= 2 and tokens[first - 2].kind == "number"):
        return "time"
    if prev is not None and (prev.stems & _YEAR_CUES):
        return "year"
    if prev is not None and prev.kind == "word" and prev.key in _LABEL_CUES and tokens[first].kind == "number":
        return "label"  # "القرار 2254", "الفرقة 17", "رقم 5"
    if nxt is not None and nxt.key in ("ه", "م") and last - first == 1 and 100 <= value <= 2100:
        return "year"  # "1436 هـ", "2015 م"
    single_digit = last - first == 1 and tokens[first].kind == "number"
    if (single_digit and 1900 <= value <= 2100 and len(tokens[first].key) == 4 and prev is not None
            and prev.kind == "word" and nxt is not None and nxt.key in _NAME_CLOSERS):
        return "label"  # "العملية الشاملة "سيناء 2018"": a year closing a quoted or bracketed name
    if single_digit and _in_numeric_date(tokens, first):
        return "date"  # 11/9/2018, 2018-09-11
    if (prev is not None and last - first == 1 and tokens[first].kind == "number" and 1950 <= value <= 2035
            and len(tokens[first].key) == 4 and _bare_year_cue(prev.key)
            and not (nxt is not None and nxt.kind == "word" and _is_unit_word(nxt.key))):
        return "year"  # "منذ 2011", "وفي 2015", "نهاية 2015"
    if 1 <= value <= 31 and not fraction:
        if _is_month_at(tokens, last) or (nxt is not None and nxt.key == "من" and _is_month_at(tokens, last + 1)):
            return "date"
        if nxt is not None and nxt.key in _hijri_months():
            return "date"  # "26 شوال"
        if _relative_month_after(tokens, last):
            return "date"  # "15 الجاري", "3 من الشهر الماضي"
    if 1000 <= value <= 2100 and not fraction and prev is not None and single_digit:
        j = first - 1
        while j >= 0 and tokens[j].kind == "punct" and tokens[j].key in ("/", "(", ")", "-", ","):
            j -= 1
        if j >= 0 and _month_ends_at(tokens, j):
            return "year"
    if fraction:
        return "decimal"
    return "count"


def _in_numeric_date(tokens: Sequence[Token], i: int) -> bool:
    """True when number token ``i`` is part of a three-part numeric date (d/m/y or y-m-d)."""
    for start in (i - 4, i - 2, i):
        if start < 0 or start + 5 > len(tokens):
            continue
        run = tokens[start:start + 5]
        if (all(run[k].kind == "number" for k in (0, 2, 4)) and run[1].key == run[3].key
                and run[1].key in ("/", "-", ".") and all(run[k].end == run[k + 1].start for k in range(4))):
            return True
    return False


def _month_ends_at(tokens: Sequence[Token], j: int) -> bool:
    from marsad.text.dates import month_at

    for start in (j, j - 1):
        if start >= 0:
            m = month_at(tokens, start)
            if m is not None and m[1] == j + 1:
                return True
    return False


# --------------------------------------------------------------------------- main entry


def span_surface(tokens: Sequence[Token], text: str | None, first: int, last: int) -> tuple[int, int, str]:
    """(start, end, surface) of ``tokens[first:last]``: the text's slice, or without the text the
    tokens joined by a space wherever the text had a gap."""
    start, end = tokens[first].start, tokens[last - 1].end
    if text is not None:
        return start, end, text[start:end]
    parts = [tokens[first].text]
    for a, b in zip(tokens[first:last - 1], tokens[first + 1:last], strict=True):
        parts.append(("" if a.end == b.start else " ") + b.text)
    return start, end, "".join(parts)


def _scale_after(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    w = _word_at(tokens, i)
    if w is None or w.conj:
        return None
    k = _kinds(w)
    if "scale" in k and k["scale"] in (1000, 1_000_000, 1_000_000_000):
        return k["scale"], i + 1
    if "scale_plural" in k:
        return k["scale_plural"], i + 1
    return None


def find_quantities(tokens: Sequence[Token] | str, text: str | None = None, *,
                    first: int = 0, last: int | None = None) -> list[Quantity]:
    """All quantities in a token list (or a text, which is tokenised), in text order.

    ``text`` is the original text the tokens came from, used for ``Quantity.text``; without it the
    text is rebuilt from the tokens' surfaces. ``first``/``last``: only the quantities that begin
    in ``tokens[first:last]`` (one sentence), read with the tokens around them.
    """
    if isinstance(tokens, str):
        text = tokens
        tokens = tokenize(tokens)
    out: list[Quantity] = []
    n = len(tokens)
    resume = 0
    # numbers and words a quantity may start with (a superset: the exact tests are below)
    starts = tokens_where(tokens[first:last], "number", _STARTERS, _may_start)
    for i in (starts if not first else [first + i for i in starts]):
        if i < resume:
            continue
        tok = tokens[i]
        parsed: _Parse | None = None
        fraction = False
        if tok.kind == "number":
            scale = _scale_after(tokens, i + 1)
            value, fraction = _digit_value(tok.text, scale is not None)
            if scale is not None:
                parsed = _Parse(scale[1], int(round(value * scale[0])))
                fraction = False
            else:
                parsed = _Parse(i + 1, int(value))
        elif tok.kind == "word":
            if i > 0 and tokens[i - 1].kind == "word" and _is_ordinal(tokens[i - 1].key):
                continue  # "الحادي عشر", "الثاني والعشرين": ordinals, not counts
            parsed = _parse_words(tokens, i)
            if parsed is None and tok.key in _COUNT_WORDS and i + 1 < n:
                # "عدد من" / "عدد كبير من"
                if tokens[i + 1].key == "من":
                    parsed = _Parse(i + 2, 3, vague=True)
                elif i + 2 < n and tokens[i + 1].key in ("كبير", "قليل", "محدود") and tokens[i + 2].key == "من":
                    parsed = _Parse(i + 3, 10 if tokens[i + 1].key == "كبير" else 3, vague=True)
        if parsed is None:
            continue
        first, last = i, parsed.end
        role = "partitive" if parsed.partitive else _role(tokens, first, last, parsed.value, fraction)
        qualifier = None
        if role in ("count", "partitive"):
            qualifier = _qualifier_before(tokens, first) or _qualifier_after(tokens, last)
        start, end, surface = span_surface(tokens, text, first, last)
        out.append(Quantity(first, last, start, end, surface, parsed.value, qualifier, parsed.vague, role))
        resume = last
    return out


_COUNT_WORDS = ("عدد", "وعدد", "بعدد", "لعدد")  # "عدد من", "عدد كبير من"
_STARTERS: dict[str, bool] = {}  # key -> whether a word with it may start a quantity


def _may_start(key: str) -> bool:
    """A number word (see ``_parse_words``) or عدد."""
    return _lookup(key) is not None or key in _COUNT_WORDS


# --------------------------------------------------------------------------- counted nouns

_DUAL_PREFIXES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
                  "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك", "")


def _dual_lemma(word_key: str) -> tuple[CountedNoun, bool] | None:
    """(noun, ends in -ين) for a dual form of a counted noun."""
    nouns = _counted_nouns()
    key = fold_word(word_key)
    for prefix in _DUAL_PREFIXES:
        if prefix and not key.startswith(prefix):
            continue
        rest = key[len(prefix):]
        if prefix in ("لل", "ولل", "فلل"):
            rest = rest  # لل + جنديين = لـ + الجنديين
        if len(rest) < 4:
            continue
        ending = rest[-2:]
        if ending not in ("ين", "ان"):
            continue
        stem = rest[:-2]
        if stem in nouns:
            return nouns[stem], ending == "ين"
        if stem.endswith("ت") and stem[:-1] + "ه" in nouns:  # امرأتين -> امرأة
            return nouns[stem[:-1] + "ه"], False
    return None


def dual_count(word_key: str) -> str | None:
    """Singular of a counted noun when ``word_key`` is its dual ("جنديين" -> "جندي"), else None.

    Duals in -ين of nouns with a sound plural ("مهاجمين", "مدنيين") are also plurals; see
    :func:`dual_is_ambiguous`.
    """
    hit = _dual_lemma(word_key)
    return hit[0].singular if hit else None


def dual_is_ambiguous(word_key: str) -> bool:
    """True when a dual form is also the noun's sound plural ("مهاجمين": two attackers or attackers)."""
    hit = _dual_lemma(word_key)
    return bool(hit and hit[1] and hit[0].sound_plural)


def counted_noun(word_key: str) -> CountedNoun | None:
    """The counted noun an indefinite singular form stands for ("عنصراً" -> عنصر), else None."""
    nouns = _counted_nouns()
    key = fold_word(word_key)
    for prefix in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب"):
        if prefix and not key.startswith(prefix):
            continue
        rest = key[len(prefix):]
        if len(rest) < 2:
            continue
        if rest in nouns:
            return nouns[rest]
        if rest.endswith("ا") and rest[:-1] in nouns:  # accusative: عنصرا, شخصا, جنديا
            return nouns[rest[:-1]]
    return None


def is_singular_count_noun(word_key: str) -> bool:
    """True for an indefinite singular counted noun ("عنصر", "عنصراً", "جندي"): a count of one."""
    return counted_noun(word_key) is not None

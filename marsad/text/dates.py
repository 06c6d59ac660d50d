"""Date expressions in Arabic news text, resolved against the publication date.

``find_dates(text, published)`` finds

* absolute dates: "11 سبتمبر 2018", "11/9/2018" (day first), "2018-09-11", "الحادي عشر من أيلول",
  "16 كانون الثاني/يناير الماضي", "في الـ3 من آذار/مارس";
* months, in the three series used in Arabic media (يناير..., كانون الثاني..., جانفي...), paired forms
  ("يونيو/ حزيران", "حزيران (يونيو)") read as one mention: "في يوليو الماضي" is the most recent July
  strictly before the publication month, "في يوليو" the most recent July on or before it;
* years: "عام 2014", "العام 2019", "منذ 2011";
* weekdays: "الجمعة" is the most recent Friday on or before publication, "الأربعاء الماضي" the most
  recent Wednesday strictly before it, "ليل الأربعاء إلى الخميس" the night's first day;
* relative expressions: "أمس", "أول أمس", "اليوم", "فجر اليوم", "الليلة الماضية", "منذ يومين",
  "قبل ثلاثة أيام", "الأسبوع الماضي", "الشهر الماضي", "الشهر الجاري", "العام الماضي";
* parts of the day on their own ("فجرا", "مساء"), which carry no date (``value`` None).

Each mention has ACLED's time precision: 1 day, 2 week, 3 month or coarser.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import fold_word
from marsad.text.numbers import _read_table, parse_number_words, span_surface
from marsad.text.tokens import Token, tokenize, tokens_where

__all__ = ["DateMention", "find_dates", "month_at", "resolve_weekday", "resolve_month"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: its span, its resolved value and how precise it is.

    ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY", or None when it cannot be resolved (a weekday
    with no publication date, a part of the day). ``precision`` is ACLED's time_precision (1 day,
    2 week, 3 month or coarser). ``kind`` is one of "absolute", "relative", "weekday", "month",
    "year", "part_of_day". ``past`` is True when the text marks it as past (الماضي, أمس, منذ).
    ``offset_days`` is the distance in days from the publication date for day- and week-precise
    relative and weekday mentions. ``first``/``last`` are token indices (half-open).
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: int
    kind: str
    past: bool = False
    offset_days: int | None = None
    first: int = -1
    last: int = -1


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _calendar_words() -> tuple[dict[tuple[str, ...], tuple[int, bool]], dict[str, int]]:
    months: dict[tuple[str, ...], tuple[int, bool]] = {}
    weekdays: dict[str, int] = {}
    for kind, form, number, ambiguous in _read_table("date_words.tsv"):
        if kind == "month":
            months[tuple(fold_word(w) for w in form.split())] = (int(number), ambiguous == "yes")
        elif kind == "weekday":
            weekdays[fold_word(form)] = int(number)
    return months, weekdays


_FOUR_DIGITS = re.compile(r"\d{4}")
_DAY_DIGITS = re.compile(r"\d{1,2}")


@lru_cache(maxsize=256)  # called with literals inside the recognisers, for every candidate token
def _f(words: str) -> frozenset[str]:
    return frozenset(fold_word(w) for w in words.split())


_PAST = _f("الماضي الماضية المنصرم المنصرمة الفائت الفائتة السابق السابقة المنقضي")
_FUTURE = _f("المقبل المقبلة القادم القادمة")
_CURRENT = _f("الجاري الجارية الحالي الحالية")
_MONTH_CUES = _f("في شهر منذ خلال مطلع منتصف أواخر أوائل أواسط نهاية بداية حتى إلى من حلول قبل بعد غرة أول")
_MODIFIERS = _f("مطلع منتصف أواخر أوائل أواسط نهاية بداية أول آخر غرة")
_PARTS_OF_DAY = _f("فجر صباح ظهر ظهيرة عصر مساء ليل ليلة ضحى")
_PART_ADVERBS = _f("فجرا صباحا ظهرا عصرا مساء ليلا مساءا ظهيرة")
_DUAL_UNITS = {fold_word("يومين"): ("day", 2), fold_word("يومان"): ("day", 2),
               fold_word("أسبوعين"): ("week", 2), fold_word("أسبوعان"): ("week", 2),
               fold_word("شهرين"): ("month", 2), fold_word("شهران"): ("month", 2),
               fold_word("عامين"): ("year", 2), fold_word("سنتين"): ("year", 2),
               fold_word("ساعتين"): ("hour", 2)}
_UNITS = {**{k: "day" for k in _f("يوم يوما أيام ايام")},
          **{k: "week" for k in _f("أسبوع أسبوعا أسابيع")},
          **{k: "month" for k in _f("شهر شهرا أشهر شهور")},
          **{k: "year" for k in _f("عام عاما أعوام سنة سنوات سنين")},
          **{k: "hour" for k in _f("ساعة ساعات")}}
_VAGUE_UNITS = _f("أيام ساعات")
_VAGUE_SKIP = _f("أسابيع أشهر شهور أعوام سنوات سنين")
_NOT_TODAY = _f("التالي السابق نفسه ذاته الأول الثاني الثالث الرابع الخامس الأخير الوطني العالمي الدولي "
                "الذي الموعود المحدد الواحد التالية المشهود")
_NOT_TODAY_BEFORE = _f("ذلك هذا حتى إلى لغاية منذ")

_ORDINALS = {fold_word(w): n for n, w in enumerate(
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split(), start=1)}
_ORDINALS[fold_word("الحادي")] = 1
_ORDINAL_TENS = {fold_word("عشر"): 10, fold_word("والعشرين"): 20, fold_word("والثلاثين"): 30}
_ORDINAL_ROUND = {fold_word("العشرين"): 20, fold_word("الثلاثين"): 30}

_YEAR_WORDS = _f("عام العام سنة السنة")
# A bare four-digit year is read as a year only after one of these ("منذ 2011", "في 2015", "نهاية 2015").
_BARE_YEAR_CUES = _f("منذ في خلال حتى نهاية بداية مطلع منتصف أواخر أوائل أواسط")


@lru_cache(maxsize=16384)
def _forms(key: str) -> frozenset[str]:
    """A key with its conjunction (و/ف) and one preposition (ب/ل/ك) stripped; لل -> ال."""
    out = {key}
    k = key
    if k[:1] in ("و", "ف") and len(k) > 2:
        k = k[1:]
        out.add(k)
    if k[:1] in ("ب", "ل", "ك") and len(k) > 3:
        out.add(k[1:])
        if k.startswith("لل"):
            out.add("ال" + k[2:])
    return frozenset(out)


def _has(tokens: Sequence[Token], i: int, words: frozenset[str] | set[str]) -> bool:
    return 0 <= i < len(tokens) and tokens[i].kind == "word" and bool(_forms(tokens[i].key) & words)


def _key(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].key if 0 <= i < len(tokens) else ""


def _year_at(tokens: Sequence[Token], i: int) -> int | None:
    if 0 <= i < len(tokens) and tokens[i].kind == "number" and _FOUR_DIGITS.fullmatch(tokens[i].key):
        y = int(tokens[i].key)
        if 1900 <= y <= 2100:
            return y
    return None


def month_at(tokens: Sequence[Token], i: int, cue: bool = False) -> tuple[int, int] | None:
    """(month 1-12, token index after the name) when a month name starts at token ``i``.

    Names that are also ordinary words (آب, مارس, نيسان, ماي) need context: a day number before,
    a year or الماضي/المقبل or a "/" after, or a cue word such as في/شهر/منذ before; ``cue`` forces it.
    """
    if not 0 <= i < len(tokens) or tokens[i].kind != "word":
        return None
    months, _ = _calendar_words()
    for form in _forms(tokens[i].key):
        hit = None
        two = (form, tokens[i + 1].key) if i + 1 < len(tokens) else None
        if two is not None and two in months:
            hit = months[two], i + 2
        elif (form,) in months:
            hit = months[(form,)], i + 1
        if hit is None:
            continue
        (month, ambiguous), end = hit
        if ambiguous:
            if form != tokens[i].key:  # no clitics on an ambiguous name ("باب" is a door)
                continue
            if form == "اب" and not tokens[i].text.lstrip().startswith("آ") and not (
                    i > 0 and tokens[i - 1].kind == "number") and _year_at(tokens, end) is None:
                continue
            if not (cue or _month_context(tokens, i, end)):
                continue
        return month, end
    return None


def _month_context(tokens: Sequence[Token], i: int, end: int) -> bool:
    if i > 0 and tokens[i - 1].kind == "number":
        return True
    if _has(tokens, i - 1, _MONTH_CUES) or _has(tokens, i - 1, set(_ORDINALS)):
        return True
    if _year_at(tokens, end) is not None or _has(tokens, end, _PAST | _FUTURE | _CURRENT):
        return True
    return end < len(tokens) and tokens[end].key in ("/", "(")


# --------------------------------------------------------------------------- resolution


def resolve_weekday(weekday: int, published: dt.date, *, strict: bool = False, future: bool = False) -> dt.date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published`` (strictly before if ``strict``);
    with ``future``, the next one strictly after."""
    if future:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def resolve_month(month: int, published: dt.date, relation: str | None = None) -> tuple[int, int]:
    """(year, month) for a month name: ``relation`` None = most recent on or before the publication
    month, "past" = strictly before it, "future" = strictly after, "current" = this year's."""
    y = published.year
    if relation == "past":
        return (y if month < published.month else y - 1), month
    if relation == "future":
        return (y if month > published.month else y + 1), month
    if relation == "current":
        return y, month
    return (y if month <= published.month else y - 1), month


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y if 1 <= y <= 9999 else 2000, m)[1]


# --------------------------------------------------------------------------- recognisers


@dataclass(slots=True)
class _Hit:
    first: int
    last: int
    value: str | None
    precision: int
    kind: str
    past: bool = False
    offset_days: int | None = None


def _relation(tokens: Sequence[Token], j: int) -> tuple[str | None, int]:
    """(relation, index after) for a الماضي/المقبل/الجاري marker at ``j``."""
    if _has(tokens, j, _PAST):
        return "past", j + 1
    if _has(tokens, j, _FUTURE):
        return "future", j + 1
    if _has(tokens, j, _CURRENT):
        return "current", j + 1
    return None, j


def _pair(tokens: Sequence[Token], end: int, month: int) -> int:
    """Extend over a paired month name: "ديسمبر/كانون الأول", "حزيران (يونيو)"."""
    if end < len(tokens) and tokens[end].key in ("/", "-", "\\"):
        m = month_at(tokens, end + 1, cue=True)
        if m is not None and m[0] == month:
            return m[1]
    if end < len(tokens) and tokens[end].key == "(":
        m = month_at(tokens, end + 1, cue=True)
        if m is not None and m[0] == month and m[1] < len(tokens) and tokens[m[1]].key == ")":
            return m[1] + 1
    return end


def _day_at(tokens: Sequence[Token], i: int) -> tuple[int, int, int] | None:
    """(day, first token, index after) for a day number or ordinal at ``i``."""
    tok = tokens[i]
    first = i
    if tok.kind == "word" and tok.key in ("ال", "بال", "وال", "فال", "لل") and i + 1 < len(tokens) and tokens[i + 1].kind == "number":
        i += 1
        tok = tokens[i]
    if tok.kind == "number" and _DAY_DIGITS.fullmatch(tok.key):
        d = int(tok.key)
        return (d, first, i + 1) if 1 <= d <= 31 else None
    if tok.kind == "word":
        forms = _forms(tok.key)
        for f in forms:
            if f in _ORDINAL_ROUND:
                return _ORDINAL_ROUND[f], first, i + 1
            if f in _ORDINALS:
                d = _ORDINALS[f]
                nxt = _key(tokens, i + 1)
                if nxt in _ORDINAL_TENS:
                    return d + _ORDINAL_TENS[nxt], first, i + 2
                if f == fold_word("الحادي"):
                    return None
                return d, first, i + 1
    return None


def _absolute(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    day = _day_at(tokens, i)
    if day is None:
        return None
    d, first, j = day
    ordinal = tokens[j - 1].kind == "word"
    if _key(tokens, j) == "من":
        j += 1
    elif ordinal:
        return None  # "الأول" alone is not a date; ordinals need "من" before the month
    m = month_at(tokens, j, cue=True)
    if m is None:
        return _day_of_relative_month(tokens, first, j, d, pub)
    month, end = m
    end = _pair(tokens, end, month)
    year = None
    k = end
    if k < len(tokens) and tokens[k].key == "," and _year_at(tokens, k + 1):
        k += 1
    if _has(tokens, k, _YEAR_WORDS) and _year_at(tokens, k + 1):
        k += 1
    if _key(tokens, k) == "من" and _has(tokens, k + 1, _YEAR_WORDS) and _year_at(tokens, k + 2):
        k += 2
    if _year_at(tokens, k):
        year = _year_at(tokens, k)
        end = k + 1
    relation, after = _relation(tokens, end)
    if year is None and relation is None and _key(tokens, end) == "من" and _has(tokens, end + 1, _YEAR_WORDS):
        rel, after2 = _relation(tokens, end + 2)
        if rel is not None and pub is not None:
            year = pub.year + {"past": -1, "future": 1, "current": 0}[rel]
            end = after2
    elif relation is not None:
        end = after
    value = None
    if year is None and pub is not None:
        if relation in ("past", "future", "current"):
            year, _ = resolve_month(month, pub, relation)
        else:
            year = pub.year if (month, d) <= (pub.month, pub.day) else pub.year - 1
    if year is not None:
        if not _valid(year, month, d):
            return None
        value = f"{year:04d}-{month:02d}-{d:02d}"
    offset: int | None = None
    if value is not None and pub is not None and year is not None:
        offset = (dt.date(year, month, d) - pub).days
    return _Hit(first, end, value, 1, "absolute", relation == "past", offset)


def _day_of_relative_month(tokens: Sequence[Token], first: int, j: int, d: int, pub: dt.date | None) -> _Hit | None:
    """"15 الجاري", "في الـ3 من الشهر الماضي", "العاشر من الشهر الحالي"."""
    k = j + 1 if _has(tokens, j, _f("الشهر")) else j
    relation, end = _relation(tokens, k)
    if relation is None or (k == j and relation != "current"):
        return None  # a bare "15 الماضي" is too loose; "15 الجاري" is the usual form
    if pub is None:
        return _Hit(first, end, None, 1, "absolute", relation == "past")
    y, m = _shift_month(pub.year, pub.month, {"past": -1, "current": 0, "future": 1}[relation])
    if not _valid(y, m, d):
        return None
    date = dt.date(y, m, d)
    return _Hit(first, end, date.isoformat(), 1, "absolute", relation == "past", (date - pub).days)


def _numeric(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    tok = tokens[i]
    if tok.kind != "number":
        return None
    parts: list[str] = []
    end = i
    if "." in tok.key and tok.key.count(".") == 2:
        parts = tok.key.split(".")
        end = i + 1
    else:
        j = i
        parts = [tok.key]
        while len(parts) < 3 and j + 2 < len(tokens) and tokens[j + 1].key in ("/", "-", ".") \
                and tokens[j + 1].start == tokens[j].end and tokens[j + 2].kind == "number" \
                and tokens[j + 2].start == tokens[j + 1].end:
            if len(parts) == 2 and tokens[j + 1].key != tokens[i + 1].key:
                break
            parts.append(tokens[j + 2].key)
            j += 2
        end = j + 1
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        y, m, d = a, b, c
    elif len(parts[2]) in (2, 4):
        d, m, y = a, b, c
        if len(parts[2]) == 2:
            y += 2000 if y < 70 else 1900
    else:
        return None
    if not (1900 <= y <= 2100) or not _valid(y, m, d):
        return None
    offset = (dt.date(y, m, d) - pub).days if pub is not None else None
    return _Hit(i, end, f"{y:04d}-{m:02d}-{d:02d}", 1, "absolute", offset_days=offset)


def _month_mention(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    m = month_at(tokens, i)
    if m is None:
        return None
    month, end = m
    first = i
    if _has(tokens, i - 1, _f("شهر")):
        first = i - 1
    end = _pair(tokens, end, month)
    k = end
    if k < len(tokens) and tokens[k].key == "," and _year_at(tokens, k + 1):
        k += 1
    if _key(tokens, k) == "من" and _has(tokens, k + 1, _YEAR_WORDS) and _year_at(tokens, k + 2):
        k += 2
    elif _has(tokens, k, _YEAR_WORDS) and _year_at(tokens, k + 1):
        k += 1
    year = _year_at(tokens, k)
    if year is not None:
        return _Hit(first, k + 1, f"{year:04d}-{month:02d}", 3, "month")
    if _key(tokens, end) == "من" and _has(tokens, end + 1, _YEAR_WORDS):
        rel, after = _relation(tokens, end + 2)
        if rel is None and _has(tokens, end + 1, _f("هذا")):
            rel, after = "current", end + 3
        if rel is not None:
            value = None
            if pub is not None:
                y = pub.year + {"past": -1, "future": 1, "current": 0}[rel]
                value = f"{y:04d}-{month:02d}"
            return _Hit(first, after, value, 3, "month", past=rel == "past")
    relation, after = _relation(tokens, end)
    value = None
    if pub is not None:
        y, mm = resolve_month(month, pub, relation)
        value = f"{y:04d}-{mm:02d}"
    return _Hit(first, after, value, 3, "month", past=relation == "past")


def _year(tokens: Sequence[Token], i: int) -> _Hit | None:
    if _has(tokens, i, _YEAR_WORDS):
        y = _year_at(tokens, i + 1)
        if y is not None:
            return _Hit(i, i + 2, f"{y:04d}", 3, "year")
        # "عام ألفين وأربعة عشر"
        for n in range(5, 1, -1):
            if i + 1 + n <= len(tokens):
                words = tokens[i + 1:i + 1 + n]
                if all(t.kind == "word" for t in words):
                    v = parse_number_words(" ".join(t.text for t in words))
                    if v is not None and 1900 <= v <= 2100:
                        return _Hit(i, i + 1 + n, f"{v:04d}", 3, "year")
        return None
    if _has(tokens, i, _BARE_YEAR_CUES) and _year_at(tokens, i + 1) is not None:
        y = _year_at(tokens, i + 1)
        if y is not None and 1950 <= y <= 2035 and not _has(tokens, i + 2, set(_UNITS)):
            first = i if _has(tokens, i, _MODIFIERS) else i + 1
            return _Hit(first, i + 2, f"{y:04d}", 3, "year", past=_has(tokens, i, _f("منذ")))
    return None


def _relative_period(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    """العام/الشهر/الأسبوع + الماضي/الجاري/المقبل, هذا العام/الشهر/الأسبوع."""
    tok = tokens[i]
    if tok.kind != "word":
        return None
    forms = _forms(tok.key)
    this = bool(forms & _f("هذا هذه"))
    j = i + 1 if this else i
    if j >= len(tokens):
        return None
    unit_forms = _forms(tokens[j].key)
    if unit_forms & _f("العام السنة"):
        unit = "year"
    elif unit_forms & _f("الشهر"):
        unit = "month"
    elif unit_forms & _f("الأسبوع"):
        unit = "week"
    else:
        return None
    relation: str | None
    if this:
        relation, end = "current", j + 1
    else:
        relation, end = _relation(tokens, j + 1)
        if relation is None:
            return None
    delta = {"past": -1, "current": 0, "future": 1}[relation]
    first = i
    if _has(tokens, i - 1, _MODIFIERS):
        first = i - 1
    if unit == "week":
        off = 7 * delta
        value = (pub + dt.timedelta(days=off)).isoformat() if pub is not None else None
        return _Hit(first, end, value, 2, "relative", relation == "past", off)
    if pub is None:
        return _Hit(first, end, None, 3, "relative", relation == "past")
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, delta)
        return _Hit(first, end, f"{y:04d}-{m:02d}", 3, "relative", relation == "past")
    return _Hit(first, end, f"{pub.year + delta:04d}", 3, "relative", relation == "past")


def _weekday(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    _, weekdays = _calendar_words()
    tok = tokens[i]
    if tok.kind != "word":
        return None
    day = None
    for f in _forms(tok.key):
        if f in weekdays:
            day = weekdays[f]
    if day is None:
        return None
    if day == 6 and _key(tokens, i + 1) in (fold_word("عشر"), fold_word("عشرة")):
        return None  # "الأحد عشر" = the eleven
    first = i
    if _has(tokens, i - 1, _f("يوم")):
        first = i - 1
    if _has(tokens, first - 1, _PARTS_OF_DAY):
        first -= 1
        if _has(tokens, first - 1, _f("منتصف")):
            first -= 1
    end = i + 1
    # "ليل الأربعاء إلى الخميس", "ليل الأربعاء - الخميس", "ليلة الأربعاء الخميس".
    for gap in (1, 0):
        k = end + gap
        if (gap == 0 or _key(tokens, end) in ("الي", "-", "علي", "و")) and k < len(tokens):
            second = next((weekdays[f] for f in _forms(tokens[k].key) if f in weekdays), None)
            if second is not None and second == (day + 1) % 7:
                end = k + 1
                break
    relation, after = _relation(tokens, end)
    if relation == "current":
        relation = None
    end = after
    # "الجمعة 22 آب": a weekday followed by a full date is one absolute mention.
    k = end + 1 if _key(tokens, end) == "," else end
    if k < len(tokens):
        absolute = _absolute(tokens, k, pub)
        if absolute is not None:
            absolute.first = first
            return absolute
    if pub is None:
        return _Hit(first, end, None, 1, "weekday", relation == "past")
    date = resolve_weekday(day, pub, strict=relation == "past", future=relation == "future")
    return _Hit(first, end, date.isoformat(), 1, "weekday", relation == "past", (date - pub).days)


def _day_relative(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    tok = tokens[i]
    if tok.kind != "word":
        return None
    forms = _forms(tok.key)
    first = i
    offset = None
    end = i + 1
    past = False
    if forms & _f("أمس الأمس البارحة"):
        offset, past = -1, True
        if _has(tokens, i + 1, _f("الأول")):
            offset, end = -2, i + 2
        elif _has(tokens, i - 1, _f("أول")):
            offset, first = -2, i - 1
        elif _key(tokens, i - 1) == "من" and _has(tokens, i - 2, _f("أول")):
            offset, first = -2, i - 2
    elif forms & _f("اليوم"):
        if _has(tokens, i + 1, _NOT_TODAY) or _has(tokens, i - 1, _NOT_TODAY_BEFORE):
            return None
        offset = 0
    elif forms & _f("غدا"):
        _, weekdays = _calendar_words()
        if i + 1 < len(tokens) and tokens[i + 1].kind == "word" and tokens[i + 1].key.startswith("ال") and not (
                _forms(tokens[i + 1].key) & set(weekdays)):
            return None  # the verb "غدا" (became): "غدا الوضع أسوأ"
        offset = 1
    elif forms & _f("الليلة"):
        relation, after = _relation(tokens, i + 1)
        if relation == "past":
            offset, end, past = -1, after, True
        elif relation is None and not _has(tokens, i + 1, _NOT_TODAY):
            offset = 0
        else:
            return None
    else:
        return None
    # "أمس الخميس", "اليوم الجمعة", "غدا السبت": the weekday in apposition is part of the mention.
    k = end + 1 if _key(tokens, end) == "," else end
    if _has(tokens, k, _f("الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت")) and not _has(
            tokens, k + 1, _f("عشر عشرة")):
        end = k + 1
        relation, after = _relation(tokens, end)
        if relation is not None:
            end = after
    if first == i:
        if _has(tokens, i - 1, _PARTS_OF_DAY) or _has(tokens, i - 1, _f("يوم")):
            first = i - 1
        elif _has(tokens, i - 1, _f("هذا")) and forms & _f("الليلة"):
            first = i - 1
    value = (pub + dt.timedelta(days=offset)).isoformat() if pub is not None else None
    return _Hit(first, end, value, 1, "relative", past, offset)


def _ago(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    """"منذ يومين", "قبل ثلاثة أيام", "منذ 3 أيام", "قبل أسبوع", "منذ شهرين"."""
    if not _has(tokens, i, _f("منذ قبل")):
        return None
    j = i + 1
    if j >= len(tokens):
        return None
    amount: int | None = None
    unit: str | None = None
    vague = False
    tok = tokens[j]
    if tok.kind == "word" and tok.key in _DUAL_UNITS:
        unit, amount = _DUAL_UNITS[tok.key]
        end = j + 1
    elif tok.kind == "word" and tok.key in _UNITS:
        unit = _UNITS[tok.key]
        if tok.key in _VAGUE_SKIP or _year_at(tokens, j + 1) is not None:
            return None  # "منذ سنوات" names no date; "منذ عام 2016" is a year
        vague = tok.key in _VAGUE_UNITS
        amount = 3 if vague else 1
        end = j + 1
    else:
        from marsad.text.numbers import find_quantities

        qs = find_quantities(tokens[j:j + 6])
        if not qs or qs[0].first != 0 or qs[0].role not in ("count", "decimal"):
            return None
        amount = qs[0].value
        k = j + qs[0].last
        if not (k < len(tokens) and tokens[k].key in _UNITS):
            return None
        unit = _UNITS[tokens[k].key]
        vague = qs[0].vague
        end = k + 1
    # "قبل أيام من الانتخابات": before another event, not before publication.
    if _key(tokens, end) in ("من", "علي") and _has(tokens, i, _f("قبل")):
        return None
    if unit == "hour":
        off = -(amount // 24) if not vague else 0
        value = (pub + dt.timedelta(days=off)).isoformat() if pub is not None else None
        return _Hit(i, end, value, 1, "relative", True, off)
    if unit == "day":
        off = -amount
        value = (pub + dt.timedelta(days=off)).isoformat() if pub is not None else None
        return _Hit(i, end, value, 2 if vague else 1, "relative", True, off)
    if unit == "week":
        off = -7 * amount
        value = (pub + dt.timedelta(days=off)).isoformat() if pub is not None else None
        return _Hit(i, end, value, 2, "relative", True, off)
    if pub is None:
        return _Hit(i, end, None, 3, "relative", True)
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, -amount)
        return _Hit(i, end, f"{y:04d}-{m:02d}", 3, "relative", True)
    return _Hit(i, end, f"{pub.year - amount:04d}", 3, "relative", True)


def _part_of_day(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    if tokens[i].kind == "word" and tokens[i].key in _PART_ADVERBS:
        if i + 1 < len(tokens) and (_weekday(tokens, i + 1, pub) or _day_relative(tokens, i + 1, pub)):
            return None  # "مساء الثلاثاء", "مساء أمس": the day mention takes it as a prefix
        return _Hit(i, i + 1, None, 1, "part_of_day")
    return None


# --------------------------------------------------------------------------- entry point


def _as_date(published: dt.date | str | None) -> dt.date | None:
    if published is None or isinstance(published, dt.date):
        return published.date() if isinstance(published, dt.datetime) else published
    return dt.date.fromisoformat(published)


def find_dates(text_or_tokens: str | Sequence[Token], published: dt.date | str | None = None,
               text: str | None = None, *, first: int = 0, last: int | None = None) -> list[DateMention]:
    """Date mentions in a text (or its tokens), resolved against ``published`` when given.

    Mentions do not overlap and come in text order. Pass ``text`` with a token list to get exact
    ``DateMention.text`` values; without it they are rebuilt from the tokens. ``first``/``last``:
    only the mentions read from a token in ``tokens[first:last]`` (one sentence), with the tokens
    around them in view.
    """
    pub = _as_date(published)
    if isinstance(text_or_tokens, str):
        text = text_or_tokens
        tokens: Sequence[Token] = tokenize(text_or_tokens)
    else:
        tokens = text_or_tokens
    out: list[DateMention] = []
    taken = 0  # first token index not yet covered by a mention
    triggers = _triggers()
    # numbers and trigger words (a superset: the exact test is below)
    starts = tokens_where(tokens[first:last], "number", _TRIGGER_KEYS, _is_trigger)
    for i in (starts if not first else [first + i for i in starts]):
        if i < taken:
            continue
        tok = tokens[i]
        recognisers: tuple | None
        if tok.kind == "number":
            recognisers = _NUMBER_RECOGNISERS
        elif tok.kind == "word" and _forms(tok.key) & triggers:
            recognisers = _WORD_RECOGNISERS.get(tok.key)
            if recognisers is None:
                recognisers = _word_recognisers(tok.key)
        else:
            continue
        for recognise in recognisers:  # the first that reads a date here wins
            hit = recognise(tokens, i, pub)
            if hit is not None:
                break
        else:
            continue
        first = max(hit.first, taken)
        last = max(hit.last, first + 1)
        out.append(_make(tokens, text, first, last, hit))
        taken = last
    return out


_TRIGGER_KEYS: dict[str, bool] = {}  # key -> whether a date mention may start with it


def _year_mention(tokens: Sequence[Token], i: int, pub: dt.date | None) -> _Hit | None:
    return _year(tokens, i)


#: the recognisers in the order they are tried; a number can only start the first two
_RECOGNISERS = (_numeric, _absolute, _weekday, _relative_period, _month_mention, _year_mention, _ago, _day_relative,
                _part_of_day)
_NUMBER_RECOGNISERS = _RECOGNISERS[:2]
_WORD_RECOGNISERS: dict[str, tuple] = {}  # key -> the recognisers that can read a date starting with it


def _word_recognisers(key: str) -> tuple:
    """The recognisers (in order) whose first test a word with this key passes; the others return None.

    Mirrors the opening check of each recogniser: keep them in step.
    """
    forms = _forms(key)
    _, weekdays = _calendar_words()
    can = {
        _absolute: key in ("ال", "بال", "وال", "فال", "لل") or not forms.isdisjoint(_ORDINALS.keys() | _ORDINAL_ROUND.keys()),
        _weekday: not forms.isdisjoint(weekdays.keys()),
        _relative_period: not forms.isdisjoint(_f("هذا هذه") | _f("العام السنة") | _f("الشهر") | _f("الأسبوع")),
        _month_mention: not forms.isdisjoint(_month_first_words()),
        _year_mention: not forms.isdisjoint(_YEAR_WORDS | _BARE_YEAR_CUES),
        _ago: not forms.isdisjoint(_f("منذ قبل")),
        _day_relative: not forms.isdisjoint(_f("أمس الأمس البارحة") | _f("اليوم") | _f("غدا") | _f("الليلة")),
        _part_of_day: key in _PART_ADVERBS,
    }
    found = tuple(r for r in _RECOGNISERS if can.get(r))
    if len(_WORD_RECOGNISERS) >= 1 << 16:
        _WORD_RECOGNISERS.clear()
    _WORD_RECOGNISERS[key] = found
    return found


@lru_cache(maxsize=1)
def _month_first_words() -> frozenset[str]:
    months, _ = _calendar_words()
    return frozenset(form[0] for form in months)


def _is_trigger(key: str) -> bool:
    return bool(_forms(key) & _triggers())


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Keys a date mention can start with (anything else is skipped without trying the recognisers)."""
    months, weekdays = _calendar_words()
    words = {form[0] for form in months} | set(weekdays) | set(_ORDINALS) | set(_ORDINAL_ROUND)
    words |= _YEAR_WORDS | _BARE_YEAR_CUES | _PART_ADVERBS | _f(
        "منذ قبل أمس الأمس البارحة اليوم الليلة غدا أول هذا هذه الشهر الأسبوع العام السنة ال بال وال فال لل")
    return frozenset(words)


def _make(tokens: Sequence[Token], text: str | None, first: int, last: int, hit: _Hit) -> DateMention:
    start, end, surface = span_surface(tokens, text, first, last)
    return DateMention(start, end, surface, hit.value, hit.precision, hit.kind, hit.past,
                       hit.offset_days, first, last)

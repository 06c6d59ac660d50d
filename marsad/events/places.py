"""Places of incidents: which mention a trigger is about, and when two mentions are one site.

ACLED's unit is one place: two towns named in one sentence are two events, a
city and the governorate named after it may be one, a region or a country is
compatible with any place inside it.
"""

from __future__ import annotations

import math
from typing import Any

from marsad.doc import Doc, Sentence
from marsad.recognisers.triggers import Trigger

_REFERENCE_WORDS = {"كيلومترا", "كيلومتر", "كلم", "كم", "ميلا", "كيلومترات"}


def km(a: Any, b: Any) -> float:
    p = math.pi / 180
    h = (math.sin((b.lat - a.lat) * p / 2) ** 2
         + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def same_name_as_admin1(pm: Any) -> bool:
    """"دير الزور", "حلب": a city named like its governorate may mean either."""
    p = pm.place
    return p.kind in ("town", "admin1", "admin2") and bool(p.admin1) and (
        p.name.split()[-1].lower() in p.admin1.lower() or (p.name_ar and p.name_ar == p.admin1_ar))


_SAME_SITE_KM = 10


_REGION_KM = 200


_AREA_KM = 15


def vague(pm: Any) -> bool:
    """A country, a region or "شمال العراق": compatible with any place inside it."""
    return pm.place.kind == "country" or ((pm.geo_precision or 1) >= 3 and not pm.place.admin1)


def compatible(a: Any | None, b: Any | None) -> bool:
    if a is None or b is None:
        return True
    pa, pb = a.place, b.place
    if pa.id == pb.id:
        return True
    if pa.country and pb.country and pa.country != pb.country:
        return False
    if vague(a) or vague(b):
        return True
    coarse = max(a.geo_precision or 1, b.geo_precision or 1)
    same_admin1 = bool(pa.admin1) and pa.admin1 == pb.admin1
    if same_admin1 and (coarse >= 3 or same_name_as_admin1(a) or same_name_as_admin1(b)):
        return True
    if (pa.kind == "region" and (a.geo_precision or 3) >= 3) or (pb.kind == "region" and (b.geo_precision or 3) >= 3):
        return km(pa, pb) <= _REGION_KM  # "شمال العراق", "ريف حلب": large, loosely bounded areas
    if pa.kind == "region" or pb.kind == "region":
        return km(pa, pb) <= _AREA_KM  # "المحافظة الوسطى", "جنوب شرق مدينة حلب": a district-sized area
    if coarse >= 3:
        return km(pa, pb) <= 100
    # Two different named towns are two places, unless one lies inside the other.
    return km(pa, pb) <= _SAME_SITE_KM


def is_reference_place(doc: Doc, pm: Any, sent: Sentence) -> bool:
    """A place used to say where something else is ("175 كيلومترا شمال بغداد"), or where a missile
    or drone was launched from on its way to the place it struck ("أطلقته من محافظة صعدة باتجاه
    مدينة جازان")."""
    i = doc.token_at(pm.start)
    window = doc.tokens[max(sent.first, i - 6):i]
    return any(t.key in _REFERENCE_WORDS for t in window) or _launch_origin(doc, i, doc.token_at(pm.end - 1), sent)


_TOWARDS = {"باتجاه", "نحو", "صوب", "تجاه"}


def _launch_origin(doc: Doc, first: int, last: int, sent: Sentence) -> bool:
    """Tokens ``first``..``last`` name a place after "من" that a launch verb precedes and a
    direction word ("باتجاه", "نحو") follows."""
    toks = doc.tokens
    j = first - 1
    while j > sent.first and j >= first - 3 and toks[j].key != "من":
        j -= 1  # "من محافظة", "من مناطق سيطرتها في"
    if j <= sent.first or toks[j].key != "من":
        return False
    launched = any(s.startswith("اطلق") for t in toks[max(sent.first, j - 5):j] for s in t.stems)
    return launched and any(t.key in _TOWARDS for t in toks[last + 1:min(sent.last, last + 6)])


def best_place(doc: Doc, places: list[Any], anchor: int, sent: Sentence) -> Any | None:
    """The place tied to a trigger: most precise, nearest after it, no reference places."""
    cands = [p for p in places if not is_reference_place(doc, p, sent)]
    if not cands:
        return None
    fine = [p for p in cands if p.place.kind != "country"]
    cands = fine or cands

    def key(p: Any) -> tuple:
        after = p.start >= anchor
        distance = abs(p.start - anchor)
        return (p.geo_precision or 3, 0 if after else 1, distance)

    return min(cands, key=key)


_ATTACH_WINDOW = 16


def attached_place(doc: Doc, trig: Trigger, places: list[Any], sent: Sentence) -> Any | None:
    """The place a trigger is about: the nearest one after it ("غارة على بلدة X"), else before it;
    a sentence that opens on its place ("وفي بيروت، ...") keeps it against a town named after the
    trigger for another reason ("تضامناً مع محتجي طرابلس")."""
    # the dateline ("صنعاء - قالت قناة ...") says where the report was filed: the story's fallback place,
    # never the place a trigger names (it would split one strike into a Sanaa event and a Majz event)
    usable = [p for p in places if not is_reference_place(doc, p, sent) and not p.dateline]
    fine = [p for p in usable if p.place.kind != "country"] or usable
    found = _attached(doc, trig, fine)
    frame = frame_place(doc, fine, sent)
    if frame is None or trig.start < frame.end or found is frame:
        return found
    if found is None:
        return frame
    if compatible(found, frame):
        return finer(frame, found)
    return found if _locative(doc, found) else frame


def _attached(doc: Doc, trig: Trigger, fine: list[Any]) -> Any | None:
    after = [p for p in fine if p.start >= trig.end and words_between(doc, trig.last, doc.token_at(p.start)) <= _ATTACH_WINDOW]
    if after:
        first = min(after, key=lambda p: p.start)
        # "في مدينة الميادين بدير الزور": keep the finer of adjacent nested names.
        nested = [p for p in after if p.start - first.end <= 3 and compatible(p, first)]
        return min(nested, key=lambda p: (specificity(p), p.start))
    before = [p for p in fine if p.end <= trig.start]
    if before:
        last = max(before, key=lambda p: p.start)
        # "في مدينة ود مدني بولاية الجزيرة، خرج": the town, not the province named after it
        nested = [p for p in before if p is last or (p.end <= last.start and compatible(p, last)
                                                      and words_between(doc, doc.token_at(p.end - 1) + 1, doc.token_at(last.start)) <= 1)]
        return min(nested, key=lambda p: (specificity(p), -p.start))
    return None


# "وفي النجف،", "ففي شمال بوركينا فاسو،", "أما في مالي،": a sentence that opens on a place
_FRAME_OPENERS = {"في", "وفي", "ففي"}
_FRAME_WORDS = 8


def frame_place(doc: Doc, places: list[Any], sent: Sentence) -> Any | None:
    """The place a sentence opens on, set off by a comma: the finest of the names before the comma."""
    toks = doc.tokens
    i = sent.first
    if i < sent.last and toks[i].key == "اما":
        i += 1
    if i >= sent.last or toks[i].key not in _FRAME_OPENERS:
        return None
    comma = next((j for j in range(i + 1, min(sent.last, i + 1 + _FRAME_WORDS)) if toks[j].key == ","), None)
    if comma is None:
        return None
    inside = [p for p in places if toks[i].end <= p.start and p.end <= toks[comma].start and p.place.kind != "country"]
    if not inside:
        return None
    first = min(inside, key=lambda p: p.start)
    return min((p for p in inside if compatible(p, first)), key=lambda p: (specificity(p), p.start))


def _locative(doc: Doc, pm: Any) -> bool:
    """A place introduced as a location: a cue word, "في/على/قرب X" or a locative clitic ("ببغداد")."""
    from marsad.geo.lexicon import LOCATIVE_PROCLITICS, LOCATIVES, WEAK_LOCATIVES

    if pm.cue:
        return True
    start = pm.name_start if pm.name_start >= 0 else pm.start
    i = doc.token_at(start)
    tok = doc.tokens[i]
    if tok.start < start:
        return doc.text[tok.start:start] in LOCATIVE_PROCLITICS
    return i > 0 and (doc.tokens[i - 1].key in LOCATIVES or doc.tokens[i - 1].key in WEAK_LOCATIVES)


_KIND_ORDER = {"landmark": 0, "neighbourhood": 1, "town": 2, "admin3": 3, "admin2": 4, "region": 5, "admin1": 6,
               "country": 7}


def specificity(pm: Any) -> tuple[float, int, int]:
    """Finer first.  A town named like its province ("تاهوا", "دير الزور") may mean the province: it ranks
    after a place near a named town ("قرب بلدة تيليا في منطقة تاهوا") though before a district or region."""
    same = same_name_as_admin1(pm)
    precision = pm.geo_precision or 3
    return (precision + 1.5 if same and precision == 1 else precision, int(same), _KIND_ORDER.get(pm.place.kind, 5))


def words_between(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc.tokens[lo:hi] if t.kind != "punct")


def finer(a: Any | None, b: Any | None) -> Any | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if specificity(b) < specificity(a) else a


def same_site(a: Any | None, b: Any | None) -> bool:
    """Within one sentence, two named towns are two events ("غارات على بيت لاهيا ورفح")."""
    if a is None or b is None or a.place.id == b.place.id:
        return True
    if same_name_as_admin1(a) or same_name_as_admin1(b) or max(a.geo_precision or 3, b.geo_precision or 3) >= 3:
        return compatible(a, b)
    return False


# "في المحافظة نفسها", "بالمدينة ذاتها", "في القضاء ذاته": a place noun + "same" points back to
# the last place of that kind named before it.
_SAME_WORDS = {"نفسها", "نفسه", "ذاتها", "ذاته", "عينها", "عينه"}
_ANAPHOR_KINDS = {
    "محافظه": ("admin1",), "ولايه": ("admin1",), "اقليم": ("admin1", "region"), "مقاطعه": ("admin1",),
    "مدينه": ("town",), "بلده": ("town",), "قريه": ("town",), "بلديه": ("town",),
    "قضاء": ("admin2", "admin3", "town"), "مديريه": ("admin2", "admin3", "town"),
    "ناحيه": ("admin3", "admin2", "town"), "منطقه": ("region", "admin3", "admin2", "town", "neighbourhood"),
    "مخيم": ("landmark", "town"), "حي": ("neighbourhood",),
}


def _anaphor_noun(tok: Any) -> str | None:
    for s in tok.stems:
        key = s[2:] if s.startswith("ال") else s
        if key in _ANAPHOR_KINDS and (s.startswith("ال") or tok.key.startswith(("بال", "وال", "فال", "لل", "ال"))):
            return key
    return None


def _last_of_kinds(places: list[Any], kinds: tuple[str, ...]) -> Any | None:
    """The last of ``places`` whose kind is the first of ``kinds`` any of them has."""
    for kind in kinds:
        for j in range(len(places) - 1, -1, -1):  # (an index loop: mypyc cannot build reversed() here)
            if places[j].place.kind == kind:
                return places[j]
    return None


def same_place_anaphora(doc: Doc, places: list[Any]) -> list[Any]:
    """Place mentions for "the same province/town/district", copied from the place they point back to."""
    from dataclasses import replace

    out = []
    toks = doc.tokens
    named = sorted((p for p in places if p.place.kind != "country"), key=lambda p: p.start)
    for i in range(len(toks) - 1):
        if toks[i + 1].key not in _SAME_WORDS:
            continue
        noun = _anaphor_noun(toks[i])
        if noun is None:
            continue
        before = [p for p in named if p.end <= toks[i].start]
        if not before:
            continue
        ante = _last_of_kinds(before, _ANAPHOR_KINDS[noun])
        if ante is None:
            continue
        start, end = toks[i].start, toks[i + 1].end
        # the article's own clitic ("بالمدينة", "وفي") stays outside the span like in the resolver
        out.append(replace(ante, text=doc.text[start:end], start=start, end=end, name_start=start, name_end=end,
                           sentence=doc.sentence_of(start).index, dateline=False, cue=None))
    return out


_FACILITY = {"مستشفي", "مستوصف", "مدرسه", "جامعه", "مسجد", "جامع", "فندق", "مجمع", "مركز", "شارع"}


def without_foreign_quarters(doc: Doc, places: list[Any]) -> list[Any]:
    """Drop a city quarter ("حي الزهور", "حي الصناعة") the gazetteer finds only in another country
    than the one the article is plainly about: quarter names recur in every Arab city, so a lone
    quarter abroad is a namesake of one in the article's own city. A place named after a building noun
    ("مستشفى الخنساء") abroad is the building's name likewise. The article's country is the one
    with at least three mentions of towns or larger units while the quarter's country has at most one."""
    def country(p: Any) -> str | None:
        return getattr(p.place, "country", None)

    larger: dict[str, int] = {}
    for p in places:
        c = country(p)
        if p.place.kind not in ("neighbourhood", "landmark", "country") and c:
            larger[c] = larger.get(c, 0) + 1
    if not larger:
        return places
    main, n = max(larger.items(), key=lambda kv: kv[1])
    if n < 3:
        return places

    def after_facility(p: Any) -> bool:
        # "مستشفى الخنساء", "مسجد الرحمن": the name of a building, not of a town
        i = doc.token_at(p.start)
        if doc.tokens[i].start < p.start:  # the name starts after a proclitic, inside token i
            i += 1
        return i > 0 and doc.tokens[i - 1].key in _FACILITY

    def foreign(p: Any) -> bool:
        c = country(p)
        return c is not None and c != "" and c != main and larger.get(c, 0) <= 1

    return [p for p in places if not (foreign(p) and (p.place.kind == "neighbourhood" or after_facility(p)))]

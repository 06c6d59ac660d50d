"""Integrity tests for the actor dictionary (marsad/data/actors.json) and the generic actor patterns
(marsad/data/actor_patterns.json). Data only: no engine code is exercised beyond the text normaliser."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest

from marsad.text.normalize import fold

DATA = Path(__file__).resolve().parents[1] / "marsad" / "data"
INTER = {
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
}
KINDS = {
    "military",
    "police",
    "military_unit",
    "police_unit",
    "state_militia",
    "military_coalition",
    "international",
    "pmc",
    "armed_group",
}
REQUIRED = {
    "id",
    "name",
    "inter",
    "country",
    "kind",
    "aliases_ar",
    "aliases_en",
    "valid_from",
    "valid_to",
    "scope",
    "source",
}
# Bare common words that must never be an actor alias on their own (folded before comparison).
FORBIDDEN_EVERYWHERE = {
    "الدولة",
    "دولة",
    "الشباب",
    "شباب",
    "التنظيم",
    "تنظيم",
    "القاعدة",
    "قاعدة",
    "الحشد",
    "الجماعة",
    "الحركة",
    "الحزب",
    "الهيئة",
    "الجبهة",
    "الحرس",
    "الأمن",
    "الشرطة",
    "القوات",
    "قوات",
    "الجيش",
    "جيش",
    "النظام",
    "الحكومة",
    "المعارضة",
}
# Generic words allowed only as country-scoped aliases (aliases_ar_in), never as global aliases.
CONTEXT_ONLY = {
    "الجيش",
    "التحالف",
    "المقاومة",
    "الفصائل",
    "الاحتلال",
    "العدوان",
    "الثوار",
    "الانتقالي",
    "المتمردين",
    "المتمردون",
    "الانفصاليين",
    "الانفصاليون",
    "العدو",
    "الإرهابيين",
    "العمالقة",
    "النجباء",
    "المقاومة الشعبية",
    "الأمن العام",
    "الحرس الوطني",
    "الجيش الوطني",
    "الأمن الوطني",
    "الأمن الداخلي",
    "الأمن المركزي",
    "وزارة الداخلية",
    "القوات الحكومية",
    "القوات المسلحة",
    "الطيران الحربي",
    "الطائرات الحربية",
    "الشرطة",
    "الدرك",
    "قوات الأمن",
    "قوى الأمن",
    "الجهات الأمنية",
}
ARABIC_ALIAS = re.compile(r"^[\u0621-\u064a\u0660-\u0669 0-9]+$")
ISO3 = re.compile(r"^[A-Z]{3}$")


def _load(name):
    with open(DATA / name, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def actors():
    return _load("actors.json")


@pytest.fixture(scope="module")
def patterns():
    return _load("actor_patterns.json")


def _date(value, end=False):
    """Parse YYYY, YYYY-MM or YYYY-MM-DD (None = open); an end bound covers the whole year/month."""
    if value is None:
        return dt.date.max if end else dt.date.min
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(*parts)


def _span(e):
    return _date(e["valid_from"]), _date(e["valid_to"], end=True)


def _overlap(a, b):
    (a0, a1), (b0, b1) = _span(a), _span(b)
    return a0 <= b1 and b0 <= a1


def _base_name(name):
    """Actor name without its '(YYYY-YYYY)' regime period: periods of one force share a base name."""
    return re.sub(r"\s*\(\d{4}-(\d{4})?\)", "", name).strip()


# ---------------------------------------------------------------- actors.json


def test_actors_is_a_list_of_objects(actors):
    assert isinstance(actors, list) and len(actors) >= 120
    for e in actors:
        assert isinstance(e, dict)
        assert REQUIRED <= set(e), (e.get("id"), REQUIRED - set(e))


def test_ids_and_names_unique(actors):
    ids = [e["id"] for e in actors]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)
    names = [e["name"] for e in actors]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


def test_inter_values(actors):
    for e in actors:
        assert e["inter"] in INTER, (e["id"], e["inter"])
        assert e.get("inter_abroad") in INTER | {None}, e["id"]


def test_kind_and_country(actors):
    for e in actors:
        assert e["kind"] in KINDS, (e["id"], e["kind"])
        assert e["country"] is None or ISO3.match(e["country"]), e["id"]
        for c in e.get("home_countries") or []:
            assert ISO3.match(c), e["id"]
        if e["kind"] in ("military", "police"):
            assert e["country"], e["id"]
            assert e["inter"] == "State forces", e["id"]
            prefix = "Military Forces of " if e["kind"] == "military" else "Police Forces of "
            assert e["name"].startswith(prefix), e["id"]


def test_aliases_present_and_clean(actors):
    for e in actors:
        assert e["aliases_ar"], f"{e['id']}: no Arabic aliases"
        assert isinstance(e["aliases_en"], list)
        lists = [e["aliases_ar"]] + list((e.get("aliases_ar_in") or {}).values())
        for lst in lists:
            assert len(lst) == len(set(lst)), (e["id"], [a for a in lst if lst.count(a) > 1])
            for a in lst:
                assert a and a == a.strip() and "  " not in a, (e["id"], a)
                # Punctuation would split the phrase into extra tokens and never match running text.
                assert ARABIC_ALIAS.match(a), (e["id"], a)
        for k in e.get("aliases_ar_in") or {}:
            assert ISO3.match(k), (e["id"], k)
        for a in e["aliases_en"]:
            assert a and a == a.strip(), (e["id"], a)


def test_no_bare_common_words(actors):
    forbidden = {fold(w) for w in FORBIDDEN_EVERYWHERE}
    context_only = {fold(w) for w in CONTEXT_ONLY}
    for e in actors:
        for a in e["aliases_ar"]:
            assert fold(a) not in forbidden, (e["id"], a)
            assert fold(a) not in context_only, (
                f"{e['id']}: {a!r} is too generic for a global alias; use aliases_ar_in"
            )
        for lst in (e.get("aliases_ar_in") or {}).values():
            for a in lst:
                assert fold(a) not in forbidden - context_only, (e["id"], a)


def test_shabab_only_in_multiword_forms(actors):
    for e in actors:
        for lst in [e["aliases_ar"]] + list((e.get("aliases_ar_in") or {}).values()):
            for a in lst:
                words = fold(a).split()
                if any(w in ("الشباب", "شباب") for w in words):
                    assert len(words) >= 2, (e["id"], a)


def test_dates_parse_and_are_ordered(actors):
    for e in actors:
        for key in ("valid_from", "valid_to"):
            v = e[key]
            assert v is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(v)), (e["id"], key, v)
        start, end = _span(e)
        assert start <= end, e["id"]


def test_period_in_name_matches_validity(actors):
    for e in actors:
        m = re.search(r"\((\d{4})-(\d{4})?\)", e["name"])
        if not m or e["kind"] not in ("military", "police", "military_unit", "police_unit"):
            continue
        start, end = _span(e)
        unit = e["kind"].endswith("_unit")  # a unit may be created after its regime period began
        if unit:
            assert start.year >= int(m.group(1)) - 1, (e["id"], e["valid_from"])
        else:
            assert abs(start.year - int(m.group(1))) <= 1, (e["id"], e["valid_from"])
        if m.group(2):
            assert abs(end.year - int(m.group(2))) <= 1, (e["id"], e["valid_to"])
        elif not unit:
            assert e["valid_to"] is None, e["id"]


def test_periods_do_not_overlap_for_same_force(actors):
    groups = defaultdict(list)
    for e in actors:
        groups[(e["country"], e["kind"], _base_name(e["name"]))].append(e)
    for key, es in groups.items():
        for a, b in combinations(es, 2):
            assert not _overlap(a, b), (key, a["id"], b["id"])


def test_one_default_force_per_country_kind_and_date(actors):
    groups = defaultdict(list)
    for e in actors:
        if e.get("default"):
            assert e["kind"] in ("military", "police"), e["id"]
            groups[(e["country"], e["kind"])].append(e)
    for key, es in groups.items():
        for a, b in combinations(es, 2):
            assert not _overlap(a, b), (key, a["id"], b["id"])
    # Every country with a police or military entry has a default for it.
    kinds = {(e["country"], e["kind"]) for e in actors if e["kind"] in ("military", "police")}
    assert kinds <= set(groups), sorted(kinds - set(groups))


def test_global_aliases_unambiguous_at_any_date(actors):
    """One folded alias may name several entries only if their validity periods never overlap."""
    by_alias = defaultdict(list)
    for e in actors:
        for a in {fold(x) for x in e["aliases_ar"]}:
            by_alias[a].append(e)
    clashes = [
        (a, x["id"], y["id"]) for a, es in by_alias.items() for x, y in combinations(es, 2) if _overlap(x, y)
    ]
    assert not clashes, clashes[:20]


def test_country_scoped_aliases_unambiguous(actors):
    by_key = defaultdict(list)
    for e in actors:
        for iso, lst in (e.get("aliases_ar_in") or {}).items():
            for a in {fold(x) for x in lst}:
                by_key[(iso, a)].append(e)
    clashes = [
        (k, x["id"], y["id"]) for k, es in by_key.items() for x, y in combinations(es, 2) if _overlap(x, y)
    ]
    assert not clashes, clashes[:20]


def test_reference_names_present(actors):
    names = {e["name"] for e in actors}
    for n in [
        "Islamic State",
        "Military Forces of Syria (2000-2024)",
        "Military Forces of Syria (2024-)",
        "Police Forces of Syria (2024-)",
        "Military Forces of Iraq (2014-2018)",
        "Police Forces of Iraq (2014-2018)",
        "Popular Mobilization Forces",
        "Military Forces of Yemen (2012-2022)",
        "Military Forces of Saudi Arabia (2015-)",
        "Police Forces of Saudi Arabia (2015-)",
        "Military Forces of Egypt (2014-)",
        "Police Forces of Egypt (2014-)",
        "Military Forces of Israel (2009-2021)",
        "Military Forces of Turkey (2002-)",
        "Military Forces of the United States",
        "Military Forces of Libya (2014-) House of Representatives",
        "Military Forces of Libya (2016-2021) Government of National Accord",
        "Military Forces of Somalia (2017-2022)",
        "Military Forces of Mali (2013-2020)",
        "Police Forces of Lebanon (2014-2016)",
        "Police Forces of Tunisia (2014-2019)",
        "Houthi Movement",
        "Al Shabaab",
        "Hamas Movement",
        "Jabhat al Nusra",
        "Security Belt Forces",
        "Popular Resistance (Yemen)",
        "Mujahideen Shura Council of Derna",
        "Settlers (Israel)",
        "Opposition Rebels (Syria)",
    ]:
        assert n in names, n


def test_syria_regime_change_boundary(actors):
    by_name = {e["name"]: e for e in actors}
    old, new = by_name["Military Forces of Syria (2000-2024)"], by_name["Military Forces of Syria (2024-)"]
    assert old["valid_to"] == "2024-12-07" and new["valid_from"] == "2024-12-08"
    both = {fold(a) for a in old["aliases_ar"]} & {fold(a) for a in new["aliases_ar"]}
    assert fold("الجيش السوري") in both


def test_source_recorded(actors):
    for e in actors:
        assert isinstance(e["source"], str) and len(e["source"]) > 10, e["id"]


# ---------------------------------------------------------------- actor_patterns.json


def test_patterns_top_level(patterns):
    for key in (
        "templates",
        "template_inter",
        "nationalities",
        "force_heads",
        "bare_heads",
        "unidentified",
        "civilians",
        "protesters",
        "rioters",
    ):
        assert key in patterns, key
    for t, inter in patterns["template_inter"].items():
        assert t in patterns["templates"] and inter in INTER, t


def test_nationalities(patterns):
    isos = set()
    for n in patterns["nationalities"]:
        assert n["forms"], n
        for f in n["forms"] + n.get("people_forms", []):
            assert ARABIC_ALIAS.match(f), f
        if n["kind"] == "country":
            assert n["iso3"] and ISO3.match(n["iso3"]), n
            assert n["country"] and n["acled_country"], n
            assert n["iso3"] not in isos, n["iso3"]
            isos.add(n["iso3"])
        else:
            assert n["kind"] == "identity" and n["iso3"] is None, n
    for iso in (
        "SYR",
        "IRQ",
        "YEM",
        "SAU",
        "ARE",
        "EGY",
        "LBY",
        "TUN",
        "DZA",
        "MAR",
        "LBN",
        "PSE",
        "ISR",
        "JOR",
        "TUR",
        "IRN",
        "RUS",
        "USA",
        "FRA",
        "GBR",
        "SOM",
        "MLI",
        "NER",
        "NGA",
        "SDN",
        "QAT",
        "KWT",
        "BHR",
        "OMN",
    ):
        assert iso in isos, iso
    # Each surface form maps to one country only.
    seen = {}
    for n in patterns["nationalities"]:
        if n["kind"] != "country":
            continue
        for f in n["forms"] + n.get("people_forms", []):
            k = fold(f)
            assert seen.setdefault(k, n["iso3"]) == n["iso3"], (f, seen[k], n["iso3"])
    forms = {fold(f) for n in patterns["nationalities"] if n["kind"] == "country" for f in n["forms"]}
    assert {fold("أمريكي"), fold("أميركية"), fold("السوري"), fold("السورية")} <= forms
    mali = next(n for n in patterns["nationalities"] if n["iso3"] == "MLI")
    assert mali["ambiguous"], "مالي also means 'financial'"


def test_heads_and_word_lists(patterns):
    for h in patterns["force_heads"] + patterns["bare_heads"]:
        assert h["template"] in ("military", "police"), h
        assert ARABIC_ALIAS.match(h["phrase"]), h
    for key in ("civilians", "protesters", "rioters"):
        lst = patterns[key]
        assert lst and all(ARABIC_ALIAS.match(w) for w in lst), key
        assert len(lst) == len(set(lst)), (key, [w for w in lst if lst.count(w) > 1])
    unid = patterns["unidentified"]
    assert unid["template"] == "unidentified"
    for key in ("explicit", "weak", "no_claim_cues"):
        assert unid[key] and all(ARABIC_ALIAS.match(w) for w in unid[key]), key
    assert not {fold(w) for w in patterns["protesters"]} & {fold(w) for w in patterns["rioters"]}
    assert fold("مسلحون مجهولون") in {fold(w) for w in unid["explicit"]}


def test_pattern_templates_resolve_to_named_actors(patterns, actors):
    """A nationality + military head must find a default dated entry for the main conflict countries."""
    defaults = defaultdict(list)
    for e in actors:
        if e.get("default"):
            defaults[(e["country"], e["kind"])].append(e)
    for iso, date in [
        ("SYR", "2015-08-08"),
        ("SYR", "2025-08-22"),
        ("IRQ", "2018-04-12"),
        ("YEM", "2018-02-01"),
        ("SAU", "2016-01-01"),
        ("EGY", "2015-08-05"),
        ("ISR", "2018-08-09"),
        ("TUR", "2018-03-16"),
        ("LBY", "2015-08-11"),
        ("SOM", "2018-02-22"),
        ("MLI", "2015-08-07"),
        ("USA", "2025-08-20"),
    ]:
        d = _date(date)
        hits = [e for e in defaults[(iso, "military")] if _span(e)[0] <= d <= _span(e)[1]]
        assert len(hits) == 1, (iso, date, [e["id"] for e in hits])

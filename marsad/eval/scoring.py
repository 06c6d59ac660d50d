"""Scores system events against gold events with the matching rules of FORMAT.md.

A system event matches a gold event when its place is close enough (25 km for
gold precision 1, 60 km for 2, the same admin1 or 150 km for 3) and its date
is within tolerance; pairs are taken greedily, best first. Field accuracies
are computed on matched pairs.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_BRACKETS = re.compile(r"\([^)]*\)")
_PUNCT = re.compile(r"[^\w\s]")
_STOP = {"the", "al", "of"}
_ADMIN_WORDS = {"governorate", "province", "region", "state", "wilayat", "muhafazat", "محافظه", "ولايه"}
# Admin1 spellings that name the same unit (a superset of the gold's variants).
ADMIN1_EQUIVALENTS = [
    ("idleb", "idlib", "إدلب"), ("deir ez zor", "deir-ez-zor", "dayr az zawr", "deir ezzor", "deir al zor", "دير الزور"),
    ("rural damascus", "rif dimashq", "rif damascus", "reef damascus", "damascus countryside", "ريف دمشق"),
    ("damascus", "dimashq", "دمشق"), ("al hasakeh", "al-hasakah", "al hasakah", "hasakah", "hasakeh", "الحسكة"),
    ("ar raqqa", "ar-raqqa", "raqqa", "raqqah", "al raqqah", "الرقة"), ("aleppo", "halab", "حلب"),
    ("lattakia", "latakia", "al ladhiqiyah", "اللاذقية"), ("tartous", "tartus", "طرطوس"),
    ("as-sweida", "as sweida", "sweida", "suwayda", "as suwayda", "السويداء"),
    ("dar'a", "daraa", "dara", "deraa", "درعا"), ("quneitra", "al qunaytirah", "القنيطرة"),
    ("ninewa", "nineveh", "ninawa", "نينوى"), ("anbar", "al anbar", "الأنبار"),
    ("salah al-din", "salahuddin", "salah ad din", "saladin", "صلاح الدين"), ("erbil", "arbil", "irbil", "أربيل"),
    ("beirut", "beyrouth", "بيروت"), ("sanaa", "amanat alasimah", "amanat al asimah", "صنعاء"),
    ("taiz", "ta'izz", "taizz", "تعز"), ("marib", "ma'rib", "مأرب"), ("hodeidah", "al hudaydah", "hudaydah", "الحديدة"),
    ("banadir", "banaadir", "benadir"), ("kasserine", "al qasrayn", "القصرين"), ("jendouba", "jundubah", "جندوبة"),
    ("kebili", "qibili", "قبلي"), ("gaza strip", "gaza", "قطاع غزة"), ("minya", "al minya", "المنيا"),
    ("north sinai", "shamal sina", "شمال سيناء"), ("sharqia", "ash sharqiyah", "al sharqia", "الشرقية"),
    ("derna", "darnah", "درنة"), ("tripoli", "tarabulus", "طرابلس"), ("riyadh", "riyadh region", "الرياض"),
]


def normalise_name(name: Any) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", str(name))
    s = _MARKS.sub("", _BRACKETS.sub(" ", s))
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    words = [w for w in _PUNCT.sub(" ", s.lower()).split() if w not in _STOP]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def _admin_key(name: Any) -> str:
    n = " ".join(w for w in normalise_name(name).split() if w not in _ADMIN_WORDS)
    for group in ADMIN1_EQUIVALENTS:
        keys = {" ".join(w for w in normalise_name(a).split() if w not in _ADMIN_WORDS) for a in group}
        if n in keys:
            return normalise_name(group[0])
    return n


def actor_matches(system_names: list[Any], gold: dict | None) -> bool:
    if gold is None:
        return not any(system_names)
    accepted = {normalise_name(gold.get("name"))} | {normalise_name(a) for a in gold.get("aliases", [])}
    accepted.discard("")
    for raw in system_names:
        s = normalise_name(raw)
        if not s:
            continue
        for g in accepted:
            short, long_ = sorted((s, g), key=len)
            if s == g or (len(short) >= 4 and re.search(rf"(^| ){re.escape(short)}( |$)", long_)):
                return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def _float(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def distance_km(s: dict, g: dict) -> float | None:
    lat, lon = _float(s.get("latitude")), _float(s.get("longitude"))
    points = ([(g["lat"], g["lon"])] if g.get("lat") is not None else []) + [tuple(p) for p in g.get("alt_locations", [])]
    if lat is None or lon is None or not points:
        return None
    return min(_km(lat, lon, a, b) for a, b in points)


def _place_ok(s: dict, g: dict) -> bool:
    d = distance_km(s, g)
    precision = g.get("geo_precision", 1)
    if precision >= 3:
        same = _admin_key(s.get("admin1")) and _admin_key(s.get("admin1")) == _admin_key(g.get("admin1"))
        return bool(same) or (d is not None and d <= 150)
    return d is not None and d <= (25 if precision == 1 else 60)


def _date_ok(s: dict, g: dict) -> bool:
    gold, sys_ = g.get("date"), s.get("event_date")
    if not gold:
        return True
    if not sys_:
        return False
    if len(gold) < 10:
        return str(sys_).startswith(gold)
    try:
        a, b = dt.date.fromisoformat(str(sys_)[:10]), dt.date.fromisoformat(gold)
    except ValueError:
        return False
    return abs((a - b).days) <= (g.get("date_tolerance_days") or 1)


def _type_ok(s: dict, g: dict, level: str) -> bool:
    codings = [(g["event_type"], g["sub_event_type"])] + [tuple(x) for x in g.get("alt", [])]
    if level == "type":
        return any(s.get("event_type") == t for t, _ in codings)
    return (s.get("event_type"), s.get("sub_event_type")) in codings


def match(system: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    candidates = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if not (_place_ok(s, g) and _date_ok(s, g)):
                continue
            d = distance_km(s, g)
            score = 2.0 - (min(d, 150) / 150 if d is not None else 0.5)
            score += (1.0 if _type_ok(s, g, "type") else 0.0) + (0.5 if _type_ok(s, g, "sub") else 0.0)
            candidates.append((score, i, j))
    candidates.sort(reverse=True)
    used_s, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "fatalities", "date", "admin1")


@dataclass
class Report:
    articles: int = 0
    system_events: int = 0
    gold_events: int = 0
    primary_gold: int = 0
    matched: int = 0
    matched_primary: int = 0
    field_hits: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in FIELDS})
    distances: list[float] = field(default_factory=list)
    per_article: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.system_events if self.system_events else 0.0

    @property
    def recall_primary(self) -> float:
        return self.matched_primary / self.primary_gold if self.primary_gold else 0.0

    @property
    def recall_all(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall_primary
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        hit, n = self.field_hits[name]
        return hit / n if n else None

    @property
    def median_km(self) -> float | None:
        return statistics.median(self.distances) if self.distances else None

    def summary(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "system_events": self.system_events, "gold_events": self.gold_events,
            "primary_gold_events": self.primary_gold, "precision": round(self.precision, 4),
            "recall_primary": round(self.recall_primary, 4), "recall_all": round(self.recall_all, 4),
            "f1": round(self.f1, 4),
            "field_accuracy": {k: (round(v, 4) if (v := self.accuracy(k)) is not None else None) for k in FIELDS},
            "field_counts": {k: n for k, (_, n) in self.field_hits.items()},
            "median_km": round(self.median_km, 2) if self.median_km is not None else None,
        }


def score(gold_articles: list[dict], system_by_id: dict[str, list[dict]]) -> Report:
    rep = Report()
    for art in gold_articles:
        gold = art.get("events", [])
        system = system_by_id.get(art["id"], [])
        pairs = match(system, gold)
        rep.articles += 1
        rep.system_events += len(system)
        rep.gold_events += len(gold)
        rep.matched += len(pairs)
        primary = {j for j, g in enumerate(gold) if g.get("role", "primary") == "primary"}
        rep.primary_gold += len(primary)
        rep.matched_primary += sum(1 for _, j in pairs if j in primary)
        for i, j in pairs:
            s, g = system[i], gold[j]
            checks = {
                "event_type": _type_ok(s, g, "type"), "sub_event_type": _type_ok(s, g, "sub"),
                "actor1": actor_matches([s.get("actor1"), s.get("actor1_ar")], g.get("actor1")),
                "actor2": actor_matches([s.get("actor2"), s.get("actor2_ar")], g.get("actor2")),
                "admin1": _admin_key(s.get("admin1")) == _admin_key(g.get("admin1")),
            }
            if g.get("date"):
                checks["date"] = _date_ok(s, g)
            if g.get("fatalities") is not None:
                checks["fatalities"] = s.get("fatalities") in [g["fatalities"]] + g.get("fatalities_alt", [])
            for k, ok in checks.items():
                rep.field_hits[k][0] += int(bool(ok))
                rep.field_hits[k][1] += 1
            d = distance_km(s, g)
            if d is not None:
                rep.distances.append(d)
        rep.per_article.append({"id": art["id"], "gold": len(gold), "system": len(system), "matched": len(pairs)})
    return rep

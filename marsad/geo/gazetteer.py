"""The packaged gazetteer: loading, name look-up, admin units and countries."""

from __future__ import annotations

import csv
import gzip
import re
import threading
from pathlib import Path

from marsad.errors import InputError
from marsad.geo.model import Place
from marsad.geo.variants import en_key, is_arabic
from marsad.text.normalize import fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ARTIFACT = DATA_DIR / "gazetteer.tsv.gz"
COUNTRIES = DATA_DIR / "gazetteer_countries.tsv"

_KIND_ORDER = {k: i for i, k in enumerate(("town", "admin1", "country", "region", "landmark", "admin2", "admin3",
                                           "neighbourhood"))}
_PREFIXES = tuple(fold(w) + " " for w in (
    "محافظة", "ولاية", "مدينة", "بلدة", "قرية", "ناحية", "قضاء", "مديرية", "منطقة", "إقليم", "مركز", "حي",
    "دولة", "جمهورية", "مملكة"))


class Gazetteer:
    """All places, indexed by folded Arabic keys and by English keys.

    ``ar_index`` maps a folded, space-joined name to place indexes; ``weak_index`` holds the
    variants trusted only after a cue word ("رقة" for "الرقة").  ``max_words`` gives, for a first
    word, the most words a name starting with it has (for longest-match scanning),
    ``name_lengths`` all the word counts of such names, most first, and ``second_words`` the
    second words of those with more than one.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else ARTIFACT
        if not self.path.exists():
            raise InputError(f"gazetteer artifact not found: {self.path} (run `marsad gazetteer build SRC_DIR`)")
        self._rows: list[str] = []
        self._cache: list[Place | None] = []
        self.by_id: dict[str, int] = {}
        self.ar_index: dict[str, str | list[int]] = {}
        self.weak_index: dict[str, str | list[int]] = {}
        self.en_index: dict[str, str | list[int]] = {}
        self.max_words: dict[str, int] = {}
        self.name_lengths: dict[str, tuple[int, ...]] = {}
        self.second_words: dict[str, frozenset[str]] = {}
        self._meta: dict[int, tuple[int, frozenset[str]]] = {}
        self._sort_keys: dict[int, tuple] = {}
        self._load()
        self._countries_meta()

    # ------------------------------------------------------------------ loading
    def _load(self) -> None:
        with gzip.open(self.path, "rt", encoding="utf-8") as fh:
            text = fh.read()
        lines = text.split("\n")
        if not lines[0].startswith("#marsad-gazetteer/2"):
            raise InputError(f"{self.path}: not a marsad gazetteer (format 2)")
        header = lines[1].split("\t")
        self._col = {name: i for i, name in enumerate(header)}
        i = 2
        n = len(lines)
        rows = self._rows
        while i < n and not lines[i].startswith("#index "):
            if lines[i]:
                rows.append(lines[i])
            i += 1
        self._cache = [None] * len(rows)
        self.by_id = {r[: r.index("\t")]: j for j, r in enumerate(rows)}
        index: dict[str, str | list[int]] = {}
        while i < n:
            line = lines[i]
            i += 1
            if line.startswith("#index "):
                index = {"ar": self.ar_index, "weak": self.weak_index, "en": self.en_index}[line[7:].strip()]
                continue
            if line:
                k, _, v = line.partition("\t")
                index[k] = v
        max_words = self.max_words
        lengths: dict[str, set[int]] = {}
        seconds: dict[str, set[str]] = {}
        for k in list(self.ar_index) + list(self.weak_index):
            if " " in k:
                w = k.split(" ")
                if max_words.get(w[0], 0) < len(w):
                    max_words[w[0]] = len(w)
                lengths.setdefault(w[0], set()).add(len(w))
                seconds.setdefault(w[0], set()).add(w[1])
            else:
                if k not in max_words:
                    max_words[k] = 1
                lengths.setdefault(k, set()).add(1)
        self.name_lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}
        self.second_words = {w: frozenset(ws) for w, ws in seconds.items()}

    @staticmethod
    def _ids(index: dict, key: str) -> list[int]:
        v = index.get(key)
        if v is None:
            return []
        if isinstance(v, str):
            v = index[key] = [int(x) for x in v.split(",")]
        return v

    def ar_ids(self, key: str) -> list[int]:
        """Places whose folded Arabic name is ``key`` (strong variants)."""
        return self._ids(self.ar_index, key)

    def weak_ids(self, key: str) -> list[int]:
        """Places whose weak variant (trusted after a cue only) is ``key``."""
        return self._ids(self.weak_index, key)

    def en_ids(self, key: str) -> list[int]:
        return self._ids(self.en_index, key)

    def _parse(self, idx: int) -> Place:
        f = self._rows[idx].split("\t")
        c = self._col
        place = Place(
            f[c["id"]], f[c["name"]], f[c["name_ar"]], f[c["kind"]], float(f[c["lat"]]), float(f[c["lon"]]),
            int(f[c["population"]] or 0), f[c["country"]],
            f[c["admin1"]], f[c["admin1_ar"]], f[c["admin1_pcode"]], f[c["admin2"]], f[c["admin2_ar"]],
            f[c["admin2_pcode"]], f[c["admin3"]], f[c["admin3_ar"]], f[c["admin3_pcode"]], f[c["pcode"]],
            int(f[c["precision"]] or 1),
            tuple(f[c["names_ar"]].split("|")) if f[c["names_ar"]] else (),
            tuple(f[c["names_en"]].split("|")) if f[c["names_en"]] else (),
            f[c["source"]], f[c["note"]],
        )
        self._cache[idx] = place
        self._meta[idx] = (int(f[c["rank"]] or 0), frozenset(f[c["flags"]].split("|")) if f[c["flags"]] else frozenset())
        return place

    @property
    def places(self) -> _PlaceList:
        return _PlaceList(self)

    def rank_of(self, idx: int) -> int:
        if self._cache[idx] is None:
            self._parse(idx)
        return self._meta[idx][0]

    def flags_of(self, idx: int) -> frozenset[str]:
        if self._cache[idx] is None:
            self._parse(idx)
        return self._meta[idx][1]

    def _countries_meta(self) -> None:
        """Country names and nationality adjectives (inflected by rule) -> ISO3."""
        self.country_by_iso3: dict[str, int] = {}
        self.adjectives: dict[str, str] = {}  # folded adjective form -> ISO3
        self.country_flags: dict[str, frozenset[str]] = {}
        for pid, i in self.by_id.items():
            if pid.startswith("cc:"):
                self.country_by_iso3[pid[3:]] = i
        with open(COUNTRIES, encoding="utf-8") as fh:
            rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t",
                                       quoting=csv.QUOTE_NONE))
        self.iso2_to_iso3: dict[str, str] = {}
        self.focus: set[str] = set()  # countries whose every sourced town is in the gazetteer
        for row in rows:
            if row["group"] == "focus":
                self.focus.add(row["iso3"])
            self.iso2_to_iso3[row["iso2"]] = row["iso3"]
            self.country_flags[row["iso3"]] = frozenset(x for x in (row.get("flags") or "").split("|") if x)
            for adj in (row.get("adjectives_ar") or "").split("|"):
                adj = fold(adj.strip())
                if not adj:
                    continue
                forms = {adj}
                if adj.endswith("ي"):
                    forms |= {adj + "ه", adj + "ون", adj + "ين", adj + "ات", adj + "تان", adj + "تين", adj + "ان"}
                for form in list(forms):
                    forms.add("ال" + form)
                for form in forms:
                    self.adjectives.setdefault(form, row["iso3"])

    # ------------------------------------------------------------------ look-ups
    def place(self, idx_or_id: int | str) -> Place:
        idx = idx_or_id if isinstance(idx_or_id, int) else self.by_id[idx_or_id]
        p = self._cache[idx]
        return p if p is not None else self._parse(idx)

    def get(self, place_id: str) -> Place | None:
        i = self.by_id.get(place_id)
        return None if i is None else self.place(i)

    def sort_key(self, i: int) -> tuple:
        """Most prominent first: population rank, kind, id."""
        key = self._sort_keys.get(i)
        if key is None:
            p = self.place(i)
            key = self._sort_keys[i] = (-self.rank_of(i), _KIND_ORDER.get(p.kind, 9), p.id)
        return key

    def _sorted(self, idxs) -> list[Place]:
        return [self.place(i) for i in sorted(set(idxs), key=self.sort_key)]

    def lookup_indexes(self, name: str, *, weak: bool = False) -> list[int]:
        """Indexes of the places called ``name`` (Arabic or English), cue prefixes stripped."""
        if is_arabic(name):
            k = fold(name)
            out = list(self.ar_ids(k))
            if weak or not out:
                out += self.weak_ids(k)
            if not out:
                for pre in _PREFIXES:
                    if k.startswith(pre):
                        rest = k[len(pre):]
                        out = list(self.ar_ids(rest)) or list(self.weak_ids(rest))
                        break
            return out
        return list(self.en_ids(en_key(name)))

    def lookup(self, name: str, *, country: str | None = None, kind: str | None = None) -> list[Place]:
        """Places called ``name`` (any spelling, Arabic or English), most prominent first."""
        idxs = self.lookup_indexes(name)
        if country:
            idxs = [i for i in idxs if self.place(i).country == country]
        if kind:
            idxs = [i for i in idxs if self.place(i).kind == kind]
        return self._sorted(idxs)

    def country(self, iso3: str) -> Place | None:
        i = self.country_by_iso3.get((iso3 or "").upper())
        return None if i is None else self.place(i)

    def iso3_from_arabic(self, name: str) -> str | None:
        """ISO3 of an Arabic country name or nationality adjective ("سوريا", "السورية", "العراقيين")."""
        if not name:
            return None
        k = fold(name)
        if k in self.adjectives:
            return self.adjectives[k]
        for i in self.ar_ids(k):
            if self.place(i).kind == "country":
                return self.place(i).country
        for pre in ("و", "ب", "ل", "وب", "ول", "ف"):
            if k.startswith(pre) and len(k) > len(pre) + 2:
                r = self.iso3_from_arabic(k[len(pre):])
                if r:
                    return r
        if k.startswith("لل"):
            return self.iso3_from_arabic("ال" + k[2:])
        return None

    def iso3(self, name: str) -> str | None:
        """ISO3 from an English or Arabic country name, an ISO2/ISO3 code or an adjective."""
        if not name:
            return None
        if is_arabic(name):
            return self.iso3_from_arabic(name)
        n = name.strip()
        if n.upper() in self.country_by_iso3:
            return n.upper()
        for i in self.en_ids(en_key(n)):
            if self.place(i).kind == "country":
                return self.place(i).country
        return self.iso2_to_iso3.get(n.upper())

    def admin1_place(self, iso3: str, admin1_name: str) -> Place | None:
        """The first-level unit of ``iso3`` called ``admin1_name`` (English or Arabic, any listed spelling)."""
        if not admin1_name:
            return None
        iso3 = (iso3 or "").upper()
        cands = [i for i in self.lookup_indexes(admin1_name) if self.place(i).kind == "admin1"
                 and (not iso3 or self.place(i).country == iso3)]
        if not cands:
            k = en_key(re.sub(r"(?i)\b(governorate|province|region|state|wilayat|muhafazat)\b", "", admin1_name))
            cands = [i for i in self.en_ids(k) if self.place(i).kind == "admin1"
                     and (not iso3 or self.place(i).country == iso3)]
        if not cands and not is_arabic(admin1_name) and iso3:
            # last resort: consonant skeletons ("Banadir" ~ "Banaadir", "Hasakah" ~ "Al-Hasakeh")
            want = _skeleton(admin1_name)
            units = [i for i in self._admin1_ids(iso3)
                     if want in {_skeleton(n) for n in self.place(i).names_en}]
            if len(units) == 1:
                cands = units
        if not cands:
            return None
        return self._sorted(cands)[0]

    def _admin1_ids(self, iso3: str) -> list[int]:
        if not hasattr(self, "_a1_by_country"):
            table: dict[str, list[int]] = {}
            col = self._col["kind"]
            for i, row in enumerate(self._rows):
                if row.split("\t", col + 1)[col] == "admin1":
                    table.setdefault(self.place(i).country, []).append(i)
            self._a1_by_country = table
        return self._a1_by_country.get(iso3, [])

    def admin1_units(self, iso3: str) -> list[Place]:
        return [self.place(i) for i in self._admin1_ids(iso3.upper())]

    def __len__(self) -> int:
        return len(self._rows)


def _skeleton(name: str) -> str:
    k = re.sub(r"^(al|el|ar|as|ad|ash|at|az|an) ", "", en_key(name))
    k = re.sub(r"[aeiouwy\s]", "", k)
    return re.sub(r"(.)\1+", r"\1", k)


class _PlaceList:
    """Read-only sequence view of all places (parsed on access)."""

    def __init__(self, g: Gazetteer) -> None:
        self._g = g

    def __len__(self) -> int:
        return len(self._g._rows)

    def __getitem__(self, i: int) -> Place:
        return self._g.place(i)

    def __iter__(self):
        return (self._g.place(i) for i in range(len(self._g._rows)))


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The shared gazetteer (loaded once; pass ``path`` to load another artifact)."""
    global _INSTANCE
    if path is not None:
        return Gazetteer(path)
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE


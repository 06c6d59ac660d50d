"""Plain data classes of the gazetteer and the resolver."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Feature kinds, most general first.
KINDS = ("country", "region", "admin1", "admin2", "admin3", "town", "neighbourhood", "landmark")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``id`` is stable across builds for the same sources: ``SY:C5192`` (OCHA community P-code),
    ``SY:SY09`` / ``IQ:IQG13`` (OCHA admin P-codes), ``SY:N0006`` (OCHA neighbourhood),
    ``gn:170794`` (GeoNames), ``cc:SYR`` (country), ``a1:YEM:25`` (GeoNames admin1),
    ``x:badia`` (curated).
    """

    id: str
    name: str  # canonical English name
    name_ar: str  # canonical Arabic name ('' when no source has one)
    kind: str  # one of KINDS
    lat: float
    lon: float
    population: int = 0
    country: str = ""  # ISO3
    admin1: str = ""
    admin1_ar: str = ""
    admin1_pcode: str = ""
    admin2: str = ""
    admin2_ar: str = ""
    admin2_pcode: str = ""
    admin3: str = ""
    admin3_ar: str = ""
    admin3_pcode: str = ""
    pcode: str = ""  # own P-code / GeoNames id where known
    precision: int = 1  # geo_precision of a bare mention of this place
    names_ar: tuple[str, ...] = ()  # every Arabic spelling known (sources + rule-generated)
    names_en: tuple[str, ...] = ()  # English / Latin spellings
    source: str = ""  # ocha-syr, ocha-irq, geonames, curated, ...
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """All name variants, Arabic first."""
        return self.names_ar + self.names_en

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "name_ar": self.name_ar, "kind": self.kind,
            "lat": self.lat, "lon": self.lon, "population": self.population, "country": self.country,
            "admin1": self.admin1, "admin1_ar": self.admin1_ar, "admin1_pcode": self.admin1_pcode,
            "admin2": self.admin2, "admin2_ar": self.admin2_ar, "admin2_pcode": self.admin2_pcode,
            "admin3": self.admin3, "admin3_ar": self.admin3_ar, "admin3_pcode": self.admin3_pcode,
            "pcode": self.pcode, "source": self.source,
        }


@dataclass(slots=True)
class PlaceMention:
    """A place named in a text.

    ``start``/``end`` are offsets into the original text (``text == original[start:end]``); a
    proclitic attached to the first word ("بـ", "و", "لـ") is not part of the span, a cue such as
    "ريف" or "شرق" is (``cue`` says which).  ``geo_precision`` follows ACLED: 1 the place itself,
    2 near / part of / the countryside of a town or a district, 3 a province, region or country.
    """

    text: str
    start: int
    end: int
    place: Place
    geo_precision: int
    score: float
    alternatives: list[Place] = field(default_factory=list)
    cue: str | None = None  # the cue word that introduced the name (folded), if any
    relation: str = "in"  # in | near | direction | countryside
    direction: str | None = None  # N, NE, E, ... for directional mentions
    name_start: int = -1  # span of the place name itself, without the cue
    name_end: int = -1
    sentence: int = 0  # index of the sentence the mention is in
    dateline: bool = False  # the article's dateline ("دمشق - ...")

    @property
    def name(self) -> str:
        return self.place.name

    def to_dict(self) -> dict:
        p = self.place
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "name": p.name, "name_ar": p.name_ar, "kind": p.kind, "lat": p.lat, "lon": p.lon,
            "country": p.country, "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3,
            "geo_precision": self.geo_precision, "score": round(self.score, 3), "id": p.id,
            "relation": self.relation, "cue": self.cue, "dateline": self.dateline,
            "alternatives": [a.id for a in self.alternatives],
        }

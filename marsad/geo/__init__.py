"""Offline Arabic gazetteer and toponym resolution.

>>> from marsad.geo import resolve
>>> [(m.text, m.place.name, m.geo_precision) for m in resolve("قصف على بلدة أطمة في ريف إدلب")]
[('أطمة', 'Atma', 1), ('ريف إدلب', 'Idleb countryside', 3)]
"""

from marsad.geo.gazetteer import Gazetteer, gazetteer
from marsad.geo.model import KINDS, Place, PlaceMention
from marsad.geo.resolve import Resolver, resolve


def lookup(name: str, *, country: str | None = None, kind: str | None = None) -> list[Place]:
    """Places called ``name`` (Arabic or English, any spelling), most prominent first."""
    return gazetteer().lookup(name, country=country, kind=kind)


def admin1_place(iso3: str, admin1_name: str) -> Place | None:
    """The first-level unit of a country by (English or Arabic) name."""
    return gazetteer().admin1_place(iso3, admin1_name)


def country(iso3: str) -> Place | None:
    """The country place of an ISO3 code."""
    return gazetteer().country(iso3)


def iso3_from_arabic(name: str) -> str | None:
    """ISO3 of an Arabic country name or nationality adjective ("سوريا", "السورية", "العراقيون")."""
    return gazetteer().iso3_from_arabic(name)


__all__ = [
    "KINDS", "Gazetteer", "Place", "PlaceMention", "Resolver", "admin1_place", "country", "gazetteer",
    "iso3_from_arabic", "lookup", "resolve",
]

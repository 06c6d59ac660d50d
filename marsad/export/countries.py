"""Country facts ACLED's columns need: ISO 3166-1 numeric code, English name, ACLED region.

Covers the Arabic-speaking world and its neighbours; other countries export with empty iso/region.
"""

from __future__ import annotations

# ISO3: (numeric, English name, ACLED region)
COUNTRIES: dict[str, tuple[int, str, str]] = {
    "SYR": (760, "Syria", "Middle East"),
    "IRQ": (368, "Iraq", "Middle East"),
    "LBN": (422, "Lebanon", "Middle East"),
    "JOR": (400, "Jordan", "Middle East"),
    "PSE": (275, "Palestine", "Middle East"),
    "ISR": (376, "Israel", "Middle East"),
    "YEM": (887, "Yemen", "Middle East"),
    "SAU": (682, "Saudi Arabia", "Middle East"),
    "KWT": (414, "Kuwait", "Middle East"),
    "BHR": (48, "Bahrain", "Middle East"),
    "QAT": (634, "Qatar", "Middle East"),
    "ARE": (784, "United Arab Emirates", "Middle East"),
    "OMN": (512, "Oman", "Middle East"),
    "IRN": (364, "Iran", "Middle East"),
    "TUR": (792, "Turkey", "Middle East"),
    "EGY": (818, "Egypt", "Northern Africa"),
    "LBY": (434, "Libya", "Northern Africa"),
    "TUN": (788, "Tunisia", "Northern Africa"),
    "DZA": (12, "Algeria", "Northern Africa"),
    "MAR": (504, "Morocco", "Northern Africa"),
    "SDN": (729, "Sudan", "Northern Africa"),
    "SSD": (728, "South Sudan", "Eastern Africa"),
    "SOM": (706, "Somalia", "Eastern Africa"),
    "DJI": (262, "Djibouti", "Eastern Africa"),
    "ETH": (231, "Ethiopia", "Eastern Africa"),
    "ERI": (232, "Eritrea", "Eastern Africa"),
    "KEN": (404, "Kenya", "Eastern Africa"),
    "COM": (174, "Comoros", "Eastern Africa"),
    "MRT": (478, "Mauritania", "Western Africa"),
    "MLI": (466, "Mali", "Western Africa"),
    "NER": (562, "Niger", "Western Africa"),
    "BFA": (854, "Burkina Faso", "Western Africa"),
    "NGA": (566, "Nigeria", "Western Africa"),
    "TCD": (148, "Chad", "Middle Africa"),
    "AFG": (4, "Afghanistan", "Caucasus and Central Asia"),
    "PAK": (586, "Pakistan", "South Asia"),
    "CYP": (196, "Cyprus", "Europe"),
}


def country_facts(iso3: str | None) -> tuple[int | None, str | None, str | None]:
    """(numeric ISO code, English name, ACLED region), with None for what is unknown."""
    if not iso3:
        return (None, None, None)
    return COUNTRIES.get(iso3.upper(), (None, None, None))

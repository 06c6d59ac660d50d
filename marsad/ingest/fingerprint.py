"""Stable article fingerprints: a hash of the text after a fixed, conservative normalisation.

The normalisation here is deliberately frozen (not shared with ``marsad.text``) so that stored
hashes stay valid when the text layer evolves: changing it would make re-ingest store duplicates.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_DIGITS = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)})
_SPACE = re.compile(r"\s+")


def normalize_for_hash(text: str) -> str:
    """NFKC, no diacritics/tatweel/invisible marks, folded alef/yaa/taa marbuta, Western digits, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text).translate(_FOLD).translate(_DIGITS)
    return _SPACE.sub(" ", text).strip().casefold()


def text_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text: the same story re-typeset hashes the same."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def normalize_url(url: str | None) -> str | None:
    """The URL without fragment, surrounding space or a trailing slash (None stays None)."""
    if not url:
        return None
    url = url.strip().split("#", 1)[0]
    return url.rstrip("/") or None

"""Decide whether raw input is usable article text: decodable, not binary, not empty, Arabic."""

from __future__ import annotations

import re

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")

MIN_ARABIC_SHARE = 0.5  # of all letters
MIN_ARABIC_LETTERS = 20


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 kB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), then UTF-16 with a BOM, then Windows-1256 (Arabic).

    RAISES (UnicodeDecodeError): when none of them fits.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1256")  # raises on undefined bytes
        if _ARABIC.search(text) is None:
            raise
        return text


def text_problem(text: str) -> str | None:
    """Why ``text`` is not an Arabic article (``"empty"``, ``"not Arabic ..."``), or None when it is."""
    if not text or not text.strip():
        return "empty"
    letters = _LETTER.findall(text)
    arabic = sum(1 for ch in letters if _ARABIC.match(ch))
    if arabic < MIN_ARABIC_LETTERS or arabic < MIN_ARABIC_SHARE * len(letters):
        share = arabic / len(letters) if letters else 0.0
        return f"not Arabic ({arabic} Arabic letters, {share:.0%} of letters)"
    return None

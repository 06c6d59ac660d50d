"""Rule-generated name variants and matching keys.

Arabic keys are ``marsad.text.normalize.fold`` keys, so hamza seats (أ إ آ ء on alef),
ة/ه, ى/ي, ؤ/و, ئ/ي and diacritics never need listing.  What folding cannot see is
structural, and is generated here:

* OCHA display names: "الذهبية - مركز جبل سمعان" -> "الذهبية" (the head names the place,
  the tail disambiguates); "العميانة_كورهيوك" -> both names; "(...)" dropped.
* Administrative prefixes: "مركز X", "محافظة X", "ولاية X", "مدينة X", ... -> X.
* The article: "ال" + X where the English name has one ("Al-Hasakah") -> strong variant;
  X without "ال" -> weak variant (only trusted after a cue word).
* Compounds written joined or apart: "كفر نبل"/"كفرنبل", "تل عفر"/"تلعفر",
  "أبو ظبي"/"أبوظبي", "أبو كمال"/"البوكمال".
* A final hamza after alef dropped: "صنعاء" -> "صنعا".
"""

from __future__ import annotations

import re
import unicodedata

from marsad.text.normalize import fold

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PAREN = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_ADMIN_PREFIXES = (
    "مركز", "محافظة", "محافظه", "ولاية", "ولايه", "مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه",
    "ناحية", "ناحيه", "قضاء", "مديرية", "مديريه", "منطقة", "منطقه", "بلدية", "بلديه", "إقليم", "اقليم",
    "مقاطعة", "مقاطعه", "امارة", "إمارة", "إماره", "اماره", "حي", "لواء",
)
_ADMIN_PREFIX_KEYS = frozenset(fold(p) for p in _ADMIN_PREFIXES)
_JOINABLE = ("كفر", "تل", "ابو", "أبو", "عين", "بيت", "دير")
_EN_ARTICLE = re.compile(r"^(al|el|ar|as|ad|ash|at|az|an|adh|ath|ed|es|er|et|ez|en)[\s\-‑'’]+", re.I)


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def clean_ar(name: str) -> str:
    """Strip parentheses, tatweel and surrounding punctuation; single spaces."""
    name = _PAREN.sub(" ", name or "")
    name = name.replace("ـ", "").strip(" -_/,،.\t\"'")
    return re.sub(r"\s+", " ", name)


def split_display_ar(name: str) -> list[str]:
    """Names inside an OCHA display name: head of "X - Y", both sides of "X_Y" and "X / Y"."""
    name = clean_ar(name)
    if not name:
        return []
    out: list[str] = []
    for part in re.split(r"\s*[_/]\s*", name):
        head = re.split(r"\s*-\s*", part)[0].strip()
        head = clean_ar(head)
        if head:
            out.append(head)
    return out


def arabic_variants(name: str, *, english: str = "") -> list[tuple[str, bool | None]]:
    """(variant, strength) pairs for one Arabic source name; the name itself first.

    strength True: a name; False: weak, trusted after a cue word only ("الرقة" -> "رقة");
    None: display only, never matched ("محافظة إدلب": the cue word is not part of the name).
    """
    out: dict[str, bool | None] = {}

    def add(v: str, strong: bool | None) -> None:
        v = clean_ar(v)
        if len(fold(v).replace(" ", "")) < 2:
            return
        old = out.get(v)
        out[v] = True if (old or strong) else (False if (old is False or strong is False) else None)

    for base in split_display_ar(name):
        words = base.split(" ")
        if len(words) > 1 and fold(words[0]) in _ADMIN_PREFIX_KEYS:
            # "محافظة X" is X after a cue word: the cue stays outside the name (display only)
            add(base, None)
            rest = " ".join(words[1:])
            add(rest, True)
            words = rest.split(" ")
        else:
            add(base, True)
        cur = " ".join(words)
        # final hamza after alef: صنعاء -> صنعا
        if cur.endswith("اء") and len(cur) > 4:
            add(cur[:-1], True)
        # joined / separated compounds
        if len(words) >= 2 and words[0] in _JOINABLE and len(words[1]) >= 3:
            add(words[0] + words[1] + (" " + " ".join(words[2:]) if len(words) > 2 else ""), words[0] in ("كفر", "تل", "ابو", "أبو"))
        if len(words) >= 2 and fold(words[0]) == "ابو" and len(words[1]) >= 3:
            add("البو" + words[1] + (" " + " ".join(words[2:]) if len(words) > 2 else ""), True)
        if fold(words[0]).startswith("البو") and len(words[0]) >= 7:
            add("أبو " + words[0][4:] + (" " + " ".join(words[1:]) if len(words) > 1 else ""), True)
        for pre in ("كفر",):
            if len(words[0]) > len(pre) + 2 and words[0].startswith(pre):
                add(pre + " " + words[0][len(pre):] + (" " + " ".join(words[1:]) if len(words) > 1 else ""), True)
        # the article
        if cur.startswith("ال") and len(words[0]) >= 5:
            add(cur[2:], False)
        elif not cur.startswith("ال") and english and _EN_ARTICLE.match(english.strip()):
            add("ال" + cur, True)
    return list(out.items())


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def en_key(name: str) -> str:
    """Matching key of a Latin-script name: accents off, lower case, punctuation to spaces."""
    s = ascii_fold(name).lower()
    s = re.sub(r"[ʼʻ’‘`'ʿʾ]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def english_variants(name: str) -> list[str]:
    """Spelling variants of an English/Latin name: accents off, hyphens/spaces, without "Al-"."""
    name = (name or "").strip()
    if not name:
        return []
    out = [name]
    plain = ascii_fold(name).replace("ʼ", "'").replace("’", "'").replace("‘", "'")
    out.append(plain)
    out.append(plain.replace("-", " "))
    m = _EN_ARTICLE.match(plain)
    if m:
        out.append(plain[m.end():])
    seen: dict[str, None] = {}
    for v in out:
        v = re.sub(r"\s+", " ", v).strip()
        if v:
            seen.setdefault(v, None)
    return list(seen)


def ar_key(name: str) -> str:
    return fold(name)


def key(name: str) -> str:
    """Matching key of any name (Arabic -> fold, Latin -> en_key)."""
    return fold(name) if is_arabic(name) else en_key(name)

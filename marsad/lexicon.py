"""Loaders for the engine's data files in marsad/data (cached, read once per process)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.text.matcher import MultiMatcher, PhraseMatcher


def data_path(name: str):
    return resources.files("marsad") / "data" / name


def _read_text(name: str) -> str:
    return data_path(name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    lines = [ln for ln in _read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@dataclass(frozen=True, slots=True)
class Family:
    """An event family and the ACLED type it maps to."""

    name: str
    event_type: str
    sub_event_type: str
    rank: int


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    phrase: str
    family: str
    weight: int


@lru_cache(maxsize=1)
def families() -> dict[str, Family]:
    return {r[0]: Family(r[0], r[1], r[2], int(r[3])) for r in _tsv_rows("families.tsv")}


@lru_cache(maxsize=1)
def allegiance_words() -> dict[str, frozenset[str]]:
    """Folded words of allegiance, opposition and "against" (allegiance_words.tsv), by kind."""
    from marsad.text.normalize import fold_word

    words: dict[str, set[str]] = {"allegiance": set(), "opposition": set(), "against": set()}
    for kind, word in _tsv_rows("allegiance_words.tsv"):
        words[kind].add(fold_word(word))
    return {kind: frozenset(ws) for kind, ws in words.items()}


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[TriggerEntry]:
    fams = families()
    entries = []
    for row in _tsv_rows("triggers.tsv"):
        phrase, family, weight = row[0], row[1], int(row[2])
        if family not in fams:
            raise ValueError(f"triggers.tsv: unknown family {family!r} for {phrase!r}")
        entries.append((phrase, TriggerEntry(phrase, family, weight)))
    return PhraseMatcher(entries)


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return json.loads(_read_text("cues.json"))


@lru_cache(maxsize=1)
def all_cues_matcher() -> PhraseMatcher[str]:
    """Every cue lexicon in one index (value: the lexicon's name), so an article is scanned once."""
    m: PhraseMatcher[str] = PhraseMatcher()
    for name, phrases in cues().items():
        if isinstance(phrases, list):
            for phrase in phrases:
                m.add(phrase, name)
    return m


@lru_cache(maxsize=1)
def source_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher(cues()["sources"].items())


#: positions of each lexicon's matches in ``engine_matcher().find_all(tokens)``
TRIGGERS, CUES, ACTORS, SOURCES = 0, 1, slice(2, 7), 7


@lru_cache(maxsize=1)
def engine_matcher() -> MultiMatcher:
    """Every lexicon the engine scans an article with, in one pass: event triggers, all cue
    lists, the five actor lexicons (named, generic, force heads, bare heads, nationalities), then
    the sources (agencies, officials, witnesses)."""
    from marsad.recognisers.actors import actor_matchers

    return MultiMatcher([trigger_matcher(), all_cues_matcher(), *actor_matchers(), source_matcher()])


@lru_cache(maxsize=1)
def actor_data() -> list[dict[str, Any]]:
    try:
        return json.loads(_read_text("actors.json"))
    except FileNotFoundError:
        return []


@lru_cache(maxsize=1)
def actor_patterns() -> dict[str, Any]:
    try:
        return json.loads(_read_text("actor_patterns.json"))
    except FileNotFoundError:
        return {}

"""Acceptance on the seed article (read from ../shared at test time; its licence keeps it out of the repo)."""

from pathlib import Path

import pytest

import marsad

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed/article.txt not available")


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, marsad.extract(text, published="2025-08-22", article_id="seed")


def test_checkpoint_attack_in_al_mayadin(seed):
    text, events = seed
    e = next(e for e in events if e.location == "Al Mayadin")
    assert (e.role, e.event_date, e.event_type) == ("primary", "2025-08-22", "Battles")
    assert e.actor1 == "Islamic State" and e.actor2 == "Police Forces of Syria (2024-)"
    assert e.fatalities == 3 and e.admin1 == "Deir-ez-Zor"
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text and "الميادين" in e.evidence.text


def test_us_raid_in_atmeh(seed):
    _, events = seed
    e = next(e for e in events if e.admin1 == "Idleb")
    assert (e.role, e.event_date, e.fatalities) == ("primary", "2025-08-20", 1)
    assert e.actor1 == "Military Forces of the United States" and e.actor2 == "Islamic State"
    assert abs(e.latitude - 36.31) < 0.1 and abs(e.longitude - 36.69) < 0.1


def test_context_events_are_background_and_history_is_not_an_event(seed):
    _, events = seed
    background = {(e.event_date, e.admin1) for e in events if e.role == "background"}
    assert ("2025-07", "Aleppo") in background
    assert any(date == "2025-06" for date, _ in background)
    assert all(e.event_date not in ("2014", "2019") for e in events)
    assert sum(e.role == "primary" for e in events) == 2  # nothing for the UN briefing

"""Crash safety: kill -9 an ingest mid-way, then resume; nothing committed is lost, nothing is duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from marsad.store import Store
from marsad.store.schema import articles, events

N_ARTICLES = 60
TOWNS = ["أطمة", "سرمدا", "كفرنبل", "معرة النعمان", "أريحا", "جسر الشغور", "سراقب", "بنش", "تفتناز", "الدانا"]


def _write_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_ARTICLES):
        town = TOWNS[i % len(TOWNS)]
        text = (f"قصف مدفعي استهدف أطراف بلدة {town} في ريف إدلب صباح يوم {i + 1} من الشهر.\n"
                f"وقالت مصادر محلية إن القصف أدى إلى أضرار في {i + 2} منازل ولم ترد أنباء عن ضحايا.")
        (folder / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")


def _ingest_cmd(folder: Path, db: str) -> list[str]:
    return [sys.executable, "-c", "from marsad.cli import main; main()", "ingest", str(folder),
            "--published", "2025-08-22", "--db", db, "--extractor", "fake", "--no-progress"]


def _counts(store: Store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
        declared = conn.execute(select(func.coalesce(func.sum(articles.c.n_events), 0))).scalar_one()
    return n_articles, n_events, declared


def test_sigkill_mid_ingest_then_resume(db_url: str, tmp_path: Path):
    folder = tmp_path / "corpus"
    _write_corpus(folder)
    store = Store(db_url)  # create the schema up front so polling can start at once
    env = {**os.environ, "MARSAD_FAKE_DELAY": "0.05"}
    proc = subprocess.Popen(_ingest_cmd(folder, db_url), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while _counts(store)[0] < 10:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    done, n_events, declared = _counts(store)
    assert 10 <= done < N_ARTICLES, "the kill should land mid-ingest"
    assert n_events == declared == 2 * done  # every committed article has all its events, no partial ones

    result = subprocess.run(_ingest_cmd(folder, db_url), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"ingested {N_ARTICLES - done}," in result.stdout and f"unchanged {done}," in result.stdout
    assert _counts(store) == (N_ARTICLES, 2 * N_ARTICLES, 2 * N_ARTICLES)
    ids = [e.event_id for e in store.events()]
    assert len(ids) == len(set(ids)) == 2 * N_ARTICLES
    store.close()

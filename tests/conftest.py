"""Shared fixtures: event factories, and fresh SQLite / real PostgreSQL databases for store tests.

PostgreSQL: a throwaway cluster (initdb + pg_ctl, as the ``postgres`` user when run as root) is
started once per session on a free localhost port, from the server binaries in
``/usr/lib/postgresql/*/bin`` (``scripts/ci_postgres.sh`` installs them). Set ``MARSAD_TEST_PG_URL``
to use an existing server instead. PostgreSQL tests are skipped only when no binaries exist.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.events.model import Event, Evidence

PG_SKIP_REASON = ("PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH); "
                  "run scripts/ci_postgres.sh or apt-get install postgresql")


def make_event(text: str = "", **fields) -> Event:
    """An Event with sensible defaults; ``text`` becomes its evidence."""
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                disorder_type="Political violence", event_date="2025-08-22", country="SYR",
                country_name="Syria", admin1="Idlib", location="Atmeh", latitude=36.318, longitude=36.667,
                geo_precision=1)
    base.update(fields)
    if text and "evidence" not in fields:
        base["evidence"] = Evidence(0, len(text), text)
    return Event(**base)


@pytest.fixture
def event_factory():
    return make_event


# -- PostgreSQL -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """A superuser URL (``postgresql://...``) to a throwaway PostgreSQL server for this session."""
    from marsad.errors import MarsadError
    from marsad.store.pgtemp import TempPostgres, find_bindir

    existing = os.environ.get("MARSAD_TEST_PG_URL")
    if existing:
        yield existing
        return
    if find_bindir() is None:
        pytest.skip(PG_SKIP_REASON)
    server = TempPostgres()
    try:
        url = server.start()
    except MarsadError as exc:
        pytest.fail(str(exc))
    try:
        yield url
    finally:
        server.stop()


_db_counter = itertools.count()


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (dropped afterwards)."""
    from marsad.store.pgtemp import create_database, drop_database

    name = f"marsad_test_{os.getpid()}_{next(_db_counter)}"
    url = create_database(pg_admin_url, name)
    try:
        yield url
    finally:
        drop_database(pg_admin_url, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "marsad.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url: str):
    from marsad.store import Store

    s = Store(db_url)
    yield s
    s.close()

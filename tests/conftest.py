"""Shared fixtures: event factories, and fresh SQLite / real PostgreSQL databases for store tests.

PostgreSQL: a throwaway cluster (initdb + pg_ctl, as the ``postgres`` user when run as root) is
started once per session on a free localhost port, from the server binaries in
``/usr/lib/postgresql/*/bin`` (``scripts/ci_postgres.sh`` installs them). Set ``MARSAD_TEST_PG_URL``
to use an existing server instead. PostgreSQL tests are skipped only when no binaries exist.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
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


def _pg_bindir() -> Path | None:
    candidates = [os.environ.get("MARSAD_PG_BINDIR", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        candidates.append(os.path.dirname(pg_ctl))
    for folder in candidates:
        if folder and all(os.access(os.path.join(folder, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    """Run as ``postgres`` when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    import shlex

    return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """A superuser URL (``postgresql://...``) to a throwaway PostgreSQL server for this session."""
    existing = os.environ.get("MARSAD_TEST_PG_URL")
    if existing:
        yield existing
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(PG_SKIP_REASON)
    root = tempfile.mkdtemp(prefix="marsad-pg-")
    data, log = os.path.join(root, "data"), os.path.join(root, "server.log")
    if os.geteuid() == 0:
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root but there is no 'postgres' user to run the test server as")
        os.chown(root, user.pw_uid, user.pw_gid)
    port = _free_port()
    try:
        subprocess.run(_as_server_user([str(bindir / "initdb"), "-D", data, "-U", "marsad", "--auth=trust",
                                        "-E", "UTF8", "--locale=C", "--no-sync"]),
                       check=True, capture_output=True, text=True, timeout=120)
        options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", data, "-l", log, "-w", "-t", "60",
                                        "-o", options, "start"]),
                       check=True, capture_output=True, text=True, timeout=120)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or exc.stdout or "").strip()
        if os.path.exists(log):
            detail += "\n" + Path(log).read_text(errors="replace")[-2000:]
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start the test PostgreSQL server: {detail}")
    try:
        yield f"postgresql://marsad@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


_db_counter = itertools.count()


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (dropped afterwards)."""
    import psycopg

    name = f"marsad_test_{os.getpid()}_{next(_db_counter)}"
    base, _, _ = pg_admin_url.rpartition("/")
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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

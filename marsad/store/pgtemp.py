"""A throwaway PostgreSQL server for tests and benchmarks: initdb + pg_ctl in a temp dir, free port.

    with TempPostgres() as admin_url:        # postgresql://marsad@127.0.0.1:PORT/postgres
        Store(admin_url)

Runs the server as the ``postgres`` user when called as root (initdb refuses root). Durability is
switched off (fsync, synchronous_commit): never use it for data you want to keep.
"""

from __future__ import annotations

import glob
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from marsad.errors import MarsadError


class PostgresUnavailable(MarsadError):
    """No PostgreSQL server binaries on this machine."""


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres ($MARSAD_PG_BINDIR, Debian's layout, or PATH)."""
    candidates = [os.environ.get("MARSAD_PG_BINDIR", "")]
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0,
                         reverse=True)
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
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]


class TempPostgres:
    """Context manager: start a private cluster on enter, stop and delete it on exit."""

    def __init__(self, bindir: Path | None = None, user: str = "marsad") -> None:
        self.bindir = bindir or find_bindir()
        if self.bindir is None:
            raise PostgresUnavailable("PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin "
                                      "and PATH); run scripts/ci_postgres.sh or apt-get install postgresql")
        self.user = user
        self.root: str | None = None
        self.url = ""

    def start(self) -> str:
        self.root = tempfile.mkdtemp(prefix="marsad-pg-")
        data, log = os.path.join(self.root, "data"), os.path.join(self.root, "server.log")
        if os.geteuid() == 0:
            import pwd

            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise MarsadError("running as root but there is no 'postgres' user to run the server as") from None
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        port = _free_port()
        options = (f"-p {port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        try:
            self._run([str(self.bindir / "initdb"), "-D", data, "-U", self.user, "--auth=trust", "-E", "UTF8",
                       "--locale=C", "--no-sync"])
            self._run([str(self.bindir / "pg_ctl"), "-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"])
        except subprocess.CalledProcessError as exc:
            detail = (exc.stderr or exc.stdout or "").strip()
            if os.path.exists(log):
                detail += "\n" + Path(log).read_text(errors="replace")[-2000:]
            self.stop()
            raise MarsadError(f"could not start a temporary PostgreSQL server: {detail}") from None
        self.url = f"postgresql://{self.user}@127.0.0.1:{port}/postgres"
        return self.url

    def stop(self) -> None:
        if self.root is None:
            return
        data = os.path.join(self.root, "data")
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            subprocess.run(_as_server_user([str(self.bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"]),
                           capture_output=True, timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def _run(self, cmd: list[str]) -> None:
        subprocess.run(_as_server_user(cmd), check=True, capture_output=True, text=True, timeout=120)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def create_database(admin_url: str, name: str) -> str:
    """Create database ``name`` on the server of ``admin_url``; RETURNS its URL (needs psycopg)."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rpartition("/")[0] + "/" + name


def drop_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

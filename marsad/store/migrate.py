"""Apply the packaged Alembic migrations to a database (automatically when a Store opens)."""

from __future__ import annotations

import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


LOCK_ID = 7_245_001  # PostgreSQL advisory lock held while migrating


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the schema to ``revision``; RETURNS (revision before, revision after).

    Safe when several processes open a fresh database at once: PostgreSQL serialises them with an
    advisory lock; on SQLite the loser of the race finds the schema already there.
    """
    before = current_revision(engine)
    head = head_revision()
    if revision == "head" and before == head:
        return before, before
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_ID})
            command.upgrade(alembic_config(conn), revision)
    except SQLAlchemyError:
        if revision != "head":
            raise
        for _ in range(100):  # another process is creating the schema: wait for it to finish
            if current_revision(engine) == head:
                break
            time.sleep(0.1)
        else:
            raise
    return before, current_revision(engine) or ""

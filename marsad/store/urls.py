"""Database URLs: a plain path means SQLite, ``postgresql://`` means PostgreSQL through psycopg 3."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "marsad.db"
ENV_VAR = "MARSAD_DB"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for ``db``, else ``$MARSAD_DB``, else ``marsad.db`` in the working directory."""
    value = os.fspath(db) if db is not None else (os.environ.get(ENV_VAR) or DEFAULT_DB)
    if "://" not in value:
        if value == ":memory:":
            return "sqlite://"
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return value


def display_url(url: str) -> str:
    """The URL with any password masked."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)

"""Alembic environment: runs on the connection that ``marsad.store`` hands over (never its own engine)."""

from __future__ import annotations

from alembic import context

from marsad.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through marsad (marsad db upgrade), not the alembic CLI")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()

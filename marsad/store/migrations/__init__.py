"""Alembic migrations for the marsad store (applied automatically when a Store opens)."""

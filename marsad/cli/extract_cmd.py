"""`marsad extract` and `marsad eval`."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

"""`marsad text`: debug view of the text layer (tokens, numbers, dates)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

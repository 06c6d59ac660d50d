"""`marsad geo` and `marsad gazetteer build`."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

"""The `marsad` command line: a thin layer over the library, one module per command group."""

from __future__ import annotations

import sys

import click

from marsad import __version__, native
from marsad.errors import MarsadError


class _Group(click.Group):
    """Turns library errors into one readable line and exit code 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except MarsadError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)
        except (OSError, UnicodeDecodeError) as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad",
                      message=f"%(prog)s %(version)s ({native.BUILD.kind} engine: {native.BUILD.reason})")
def cli() -> None:
    """marsad: turn Arabic conflict news into ACLED-style event records.

    \b
    Examples:
      marsad extract article.txt --published 2025-08-22
      marsad eval ../shared/eval/dev.jsonl --out system.jsonl
      marsad geo "قصف على بلدة أطمة في ريف إدلب"
    """


def _register() -> None:
    from marsad.cli import batch_cmd, extract_cmd, geo_cmd, serve_cmd, store_cmd, text_cmd

    for module in (text_cmd, geo_cmd, extract_cmd, store_cmd, serve_cmd, batch_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="marsad")

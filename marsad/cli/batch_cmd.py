"""`marsad batch`: extract JSON Lines archives on Dask (one machine or a cluster)."""

from __future__ import annotations

import click

from marsad.errors import InputError


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the output: part-*.jsonl, one {id, events} line per article.")
@click.option("--scheduler", default="processes", show_default=True,
              help="processes | threads | synchronous | local (Dask LocalCluster) | tcp://HOST:PORT.")
@click.option("--workers", type=click.IntRange(1, 1024), help="Worker processes (default: one per core).")
@click.option("--blocksize", default="8MB", show_default=True, help="Bytes of input per Dask partition.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def batch_command(inputs: tuple[str, ...], out_dir: str, scheduler: str, workers: int | None, blocksize: str,
                  progress: bool) -> None:
    """Extract events from JSON Lines articles (FORMAT.md) with Dask.

    INPUT is a .jsonl file or a folder searched for .jsonl files. Lines that
    cannot be used are written out with an "error" instead of "events".

    \b
    Examples:
      marsad batch archive/2024/ --out out/ --workers 8
      marsad batch big.jsonl --out out/ --scheduler tcp://scheduler:8786
    """
    try:
        from marsad.scale import extract_batch
    except ImportError:
        raise InputError("Dask is not installed: pip install 'marsad[scale]'") from None
    summary = extract_batch(inputs, out_dir, scheduler=scheduler, workers=workers, blocksize=blocksize,
                            progress=progress)
    click.echo(f"articles {summary.articles}  events {summary.events}  errors {summary.errors}  "
               f"{summary.seconds:.1f} s ({summary.articles_per_second:.1f} articles/s)  "
               f"-> {len(summary.outputs)} file(s) in {out_dir}")


COMMANDS: list[click.Command] = [batch_command]

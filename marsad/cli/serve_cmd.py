"""`marsad serve`: the HTTP API and the dashboard (FastAPI + uvicorn) over one store."""

from __future__ import annotations

import click

from marsad.errors import InputError


@click.command("serve")
@click.option("--db", "db", metavar="URL", envvar="MARSAD_DB",
              help="Database: a path (SQLite) or postgresql://user@host/db. Default: $MARSAD_DB or ./marsad.db.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--seed", is_flag=True, help="First store the bundled demo articles (idempotent).")
@click.option("--ingest", "sources", multiple=True, metavar="SOURCE",
              help="First ingest SOURCE (file, folder, feed; repeatable), as `marsad ingest` does.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for plain-text --ingest sources.")
@click.option("--private", is_flag=True, help="Reads need the token too (default: $MARSAD_API_READ_OPEN, open).")
@click.option("--tiles-url", metavar="URL", envvar="MARSAD_TILES_URL",
              help="Online XYZ tiles under the offline basemap, e.g. https://tile.example/{z}/{x}/{y}.png.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
def serve_cmd(db: str | None, host: str, port: int, seed: bool, sources: tuple[str, ...], published: str | None,
              private: bool, tiles_url: str | None, log_level: str) -> None:
    """Serve the API (docs at /docs) and the dashboard (at /) over the store.

    Writes (POST /articles) need `Authorization: Bearer $MARSAD_API_TOKEN`; without that variable
    the API is read-only. The token is read from the environment only.

    \b
    Examples:
      marsad serve --seed                                  # demo data, http://127.0.0.1:8000/
      marsad serve --db postgresql://marsad@localhost/marsad --host 0.0.0.0 --port 8080
      marsad serve --ingest article.txt --published 2025-08-22
    """
    try:
        import uvicorn

        from marsad.api import create_app
    except ImportError as exc:
        raise InputError(f"marsad serve needs the api extra ({exc.name} is missing): "
                         "pip install 'marsad[api]'") from None
    from marsad.ingest.dates import check_published
    from marsad.store import Store

    published = check_published(published)
    store = Store(db)
    if seed or sources:
        from marsad.ingest import ingest
        from marsad.ingest.sources import check_sources
        from marsad.web import SEED

        todo = ([str(SEED)] if seed else []) + (check_sources(sources) if sources else [])
        summary = ingest(todo, store, published=published)
        click.echo(f"ingest: {summary.line()}", err=True)
    app = create_app(store=store, read_open=False if private else None, tiles_url=tiles_url)
    settings = app.state.settings
    click.echo(f"marsad: dashboard http://{host}:{port}/  API docs http://{host}:{port}/docs  "
               f"(writes {'need the token' if settings.token else 'disabled: no MARSAD_API_TOKEN'}, "
               f"reads {'open' if settings.read_open else 'need the token'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


COMMANDS: list[click.Command] = [serve_cmd]

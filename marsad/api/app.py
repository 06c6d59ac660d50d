"""``create_app``: the FastAPI application (API routes, error handlers, body limit, dashboard)."""

from __future__ import annotations

import logging

from fastapi import FastAPI

from marsad import __version__
from marsad.api import errors
from marsad.api.limits import BodyLimit
from marsad.api.routes import ROUTERS
from marsad.api.service import Backend, Extractor
from marsad.api.settings import ApiSettings
from marsad.store import Store

DESCRIPTION = """Arabic conflict news to ACLED-style, geocoded event records.

Reads are open unless the server closes them; writes (`POST /articles`) need
`Authorization: Bearer <token>` (the server's `MARSAD_API_TOKEN`). Every error is JSON:
`{"error": code, "message": text}`.
"""


def create_app(store_url: str | None = None, *, token: str | None = None, read_open: bool | None = None,
               max_body_bytes: int | None = None, max_text_chars: int | None = None,
               tiles_url: str | None = None, extractor: Extractor | None = None,
               store: Store | None = None, settings: ApiSettings | None = None) -> FastAPI:
    """The API and dashboard over one store.

    store_url: SQLite path or ``postgresql://...`` (None: ``$MARSAD_DB`` or ``./marsad.db``); or pass an
        open ``store``. token / read_open / limits / tiles_url: see :class:`ApiSettings` (None: from
        the environment, then defaults); or pass ready ``settings``.
    extractor: what ``/extract`` and ``POST /articles`` run (default: the marsad engine).
    RAISES (MarsadError): when the database cannot be opened or the configuration is invalid.
    """
    if settings is None:
        settings = ApiSettings.resolve(store_url, token=token, read_open=read_open, max_body_bytes=max_body_bytes,
                                       max_text_chars=max_text_chars, tiles_url=tiles_url)
    if store is None:
        store = Store(settings.store_url)
    app = FastAPI(title="marsad", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.backend = Backend(store, extractor)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    for router in ROUTERS:
        app.include_router(router)

    from marsad.web.routes import mount

    mount(app, settings)
    logging.getLogger("marsad.api").debug("API over %r (reads %s)", store, "open" if settings.read_open else "closed")
    return app

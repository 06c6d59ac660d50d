"""Serve the dashboard page, its static files, its configuration, and the offline OpenAPI docs page."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from marsad.api.schemas import ClientConfig
from marsad.api.settings import ApiSettings
from marsad.web import STATIC


def _csp(settings: ApiSettings) -> str:
    """The page may load nothing but its own files (and the configured tile server's images)."""
    img = "'self' data:"
    if settings.tiles_url:
        parts = urlsplit(settings.tiles_url)
        if parts.scheme in ("http", "https") and parts.netloc:
            img += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"  # {s}.tile.host: any subdomain
    return ("default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            f"img-src {img}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")


def mount(app: FastAPI, settings: ApiSettings) -> None:
    """Add ``/`` (the dashboard), ``/static/*``, ``/config.json`` and ``/docs`` to ``app``."""
    headers = {"Content-Security-Policy": _csp(settings), "X-Content-Type-Options": "nosniff",
               "Referrer-Policy": "no-referrer"}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8", headers=headers)

    @app.get("/config.json", response_model=ClientConfig, tags=["meta"])
    def client_config() -> ClientConfig:
        """What the dashboard needs to know: whether reads need a token, limits, optional tiles."""
        return ClientConfig(read_open=settings.read_open, writes_enabled=bool(settings.token),
                            max_text_chars=settings.max_text_chars, tiles_url=settings.tiles_url,
                            tiles_attribution=settings.tiles_attribution)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        vendor = "/static/vendor/swagger-ui"
        return get_swagger_ui_html(openapi_url=str(app.openapi_url), title="marsad API",
                                   swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{vendor}/swagger-ui.css",
                                   swagger_favicon_url=f"{vendor}/favicon-32x32.png")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

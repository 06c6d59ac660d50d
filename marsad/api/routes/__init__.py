"""The API's routers, one module per resource."""

from marsad.api.routes import articles, events, extract, meta

ROUTERS = [meta.router, extract.router, articles.router, events.router]

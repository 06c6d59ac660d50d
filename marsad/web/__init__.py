"""The dashboard: a static page (map, timeline, table, event panel) over marsad's HTTP API.

Everything it loads is in ``static/``: the page, its script and style, the vendored npm libraries
(``static/vendor``) and the offline basemap (``static/geo``); ``scripts/build_web_assets.sh``
rebuilds the last two. :func:`marsad.web.routes.mount` serves them from the API process.
"""

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
SEED = STATIC / "seed" / "articles.jsonl"  # demo articles for `marsad serve --seed` and the tests

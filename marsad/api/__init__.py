"""marsad's HTTP API and dashboard server (FastAPI): a thin layer over the store and the engine.

    from marsad.api import create_app
    app = create_app("marsad.db", token="s3cret")     # uvicorn.run(app) or `marsad serve`
"""

from marsad.api.app import create_app
from marsad.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]

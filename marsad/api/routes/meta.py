"""``GET /health``: is the server up and its database reachable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from marsad import __version__
from marsad.api.errors import ApiError, error_responses
from marsad.api.routes.deps import backend
from marsad.api.schemas import HealthOut
from marsad.api.service import Backend

router = APIRouter(tags=["meta"])


@router.get("/health", response_model=HealthOut, responses=error_responses(503))
def health(be: Annotated[Backend, Depends(backend)]) -> HealthOut:
    """Liveness and database check (open even when reads need a token; it shows no data)."""
    from marsad.ingest.extractor import engine_version

    try:
        be.ping()
        revision = be.store.revision()
    except Exception:  # noqa: BLE001 - any database failure means "unavailable"
        raise ApiError(503, "database unavailable") from None
    return HealthOut(status="ok", version=__version__, database=be.store.engine.dialect.name,
                     revision=revision, engine_version=engine_version())

"""``POST /extract``: an article's events, extracted on the fly and not stored (open, size-limited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from marsad.api.errors import error_responses
from marsad.api.routes.deps import backend, check_text_size, settings
from marsad.api.schemas import ExtractIn, ExtractOut
from marsad.api.service import Backend
from marsad.api.settings import ApiSettings

router = APIRouter(tags=["extract"])


@router.post("/extract", response_model=ExtractOut, responses=error_responses(400, 413, 422))
def extract(body: ExtractIn, be: Annotated[Backend, Depends(backend)],
            cfg: Annotated[ApiSettings, Depends(settings)]) -> ExtractOut:
    """Extract the events of ``text`` (evidence offsets index ``text``); nothing is stored."""
    check_text_size(body.text, cfg)
    events = be.extract(body.text, body.published)
    return ExtractOut(published=body.published, n_events=len(events), events=events)

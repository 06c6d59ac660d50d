"""``POST /articles`` (ingest, needs the token) and ``GET /articles/{id}``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from marsad.api.auth import require_read, require_write
from marsad.api.errors import ApiError, error_responses
from marsad.api.routes.deps import backend, check_text_size, settings
from marsad.api.schemas import ArticleIn, ArticleIngestOut, ArticleOut
from marsad.api.service import Backend, article_out
from marsad.api.settings import ApiSettings

router = APIRouter(tags=["articles"])


@router.post("/articles", response_model=ArticleIngestOut, status_code=201,
             dependencies=[Depends(require_write)], responses=error_responses(400, 401, 403, 413, 422))
def add_article(body: ArticleIn, response: Response, be: Annotated[Backend, Depends(backend)],
                cfg: Annotated[ApiSettings, Depends(settings)]) -> ArticleIngestOut:
    """Store an article and the events extracted from it (201 when new; 200 when already stored).

    Idempotent: the same URL or the same text is the same article.
    """
    check_text_size(body.text, cfg)
    result, article = be.ingest(body)
    if result.status != "new":
        response.status_code = 200
    return ArticleIngestOut(status=result.status, article=article)  # type: ignore[arg-type]


@router.get("/articles/{article_id}", response_model=ArticleOut, dependencies=[Depends(require_read)],
            responses=error_responses(401, 403, 404))
def get_article(article_id: Annotated[str, Path(max_length=300)],
                be: Annotated[Backend, Depends(backend)]) -> ArticleOut:
    """The stored article (by id or the source's own id): text, metadata and events with evidence spans."""
    stored = be.store.article(article_id)
    if stored is None:
        raise ApiError(404, f"no article {article_id!r}")
    return article_out(stored)

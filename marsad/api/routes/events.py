"""``GET /events``, ``/events.geojson``, ``/events/{id}`` and ``/stats``: filtered reads of stored events."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse

from marsad.api import queries
from marsad.api.auth import require_read
from marsad.api.errors import ApiError, error_responses
from marsad.api.queries import EventFilters
from marsad.api.routes.deps import backend
from marsad.api.schemas import EventDetail, EventPage, Level, StatsOut
from marsad.api.service import Backend
from marsad.api.settings import MAX_FEATURES, MAX_PAGE
from marsad.export.geojson import feature
from marsad.export.records import flat_record

router = APIRouter(tags=["events"], dependencies=[Depends(require_read)])
_READ_ERRORS = error_responses(401, 403, 422)


def event_filters(
    since: Annotated[str | None, Query(description="On or after this day (YYYY-MM-DD, or YYYY-MM).")] = None,
    until: Annotated[str | None, Query(description="On or before this day (YYYY-MM-DD, or YYYY-MM).")] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO 3166-1 alpha-3, e.g. SYR.")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="First-level unit, English name.")] = None,
    type: Annotated[str | None, Query(max_length=100, description="ACLED event type (or sub-event type).")] = None,
    sub_type: Annotated[str | None, Query(max_length=100, description="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of an actor's name, English or Arabic.")]
    = None,
    bbox: Annotated[str | None, Query(description="W,S,E,N in degrees.", examples=["35.5,32,42.5,37.5"])] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the place, actors, type, or the "
                                                               "reporting article's title or text.")] = None,
) -> EventFilters:
    return EventFilters(since=since, until=until, country=country, admin1=admin1, type=type, sub_type=sub_type,
                        actor=actor, bbox=bbox, q=q)


Filters = Annotated[EventFilters, Depends(event_filters)]
LevelQuery = Annotated[Level, Query(description="canonical: incidents merged across reports; raw: one per "
                                                "article report.")]
BackendDep = Annotated[Backend, Depends(backend)]


@router.get("/events", response_model=EventPage, responses=_READ_ERRORS)
def list_events(f: Filters, be: BackendDep, level: LevelQuery = "canonical",
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                offset: Annotated[int, Query(ge=0)] = 0,
                order: Annotated[Literal["desc", "asc"], Query(description="By date.")] = "desc") -> EventPage:
    """Events matching every filter given, a page at a time (``total`` counts all pages)."""
    total, items = queries.page(be.reader(level), level, f, limit, offset, newest_first=order == "desc")
    return EventPage(total=total, limit=limit, offset=offset, level=level, items=items)


@router.get("/events.geojson", responses={200: {"content": {"application/geo+json": {}},
                                               "description": "A GeoJSON FeatureCollection."}, **_READ_ERRORS})
def events_geojson(f: Filters, be: BackendDep, level: LevelQuery = "canonical",
                   limit: Annotated[int, Query(ge=1, le=MAX_FEATURES)] = MAX_FEATURES) -> JSONResponse:
    """The matching events as GeoJSON points (unlocated events have ``geometry: null``).

    ``total`` and ``truncated`` (foreign members) tell whether ``limit`` cut the collection short.
    """
    total, items = queries.page(be.reader(level), level, f, limit, newest_first=False)
    features: list[dict[str, Any]] = []
    for item in items:
        feat = feature(flat_record(item.event))
        feat["id"] = item.id
        feat["properties"].update(id=item.id, level=item.level, n_articles=item.n_articles)
        features.append(feat)
    body = {"type": "FeatureCollection", "total": total, "truncated": total > len(features), "features": features}
    return JSONResponse(body, media_type="application/geo+json")


@router.get("/events/{event_id}", response_model=EventDetail, responses=error_responses(401, 403, 404))
def get_event(event_id: Annotated[str, Path(max_length=100)], be: BackendDep) -> EventDetail:
    """One event (a canonical incident id or a raw event id) with every article that reports it."""
    detail = queries.event_detail(be.reader(), event_id)
    if detail is None:
        raise ApiError(404, f"no event {event_id!r}")
    return detail


@router.get("/stats", response_model=StatsOut, responses=_READ_ERRORS)
def stats(f: Filters, be: BackendDep, level: LevelQuery = "canonical") -> StatsOut:
    """Totals, and the matching events per day, type, admin1, and day and type."""
    store = be.reader(level)
    return StatsOut(**store.totals(level=level), **queries.counts(store, level, f))

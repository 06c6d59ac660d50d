"""Read queries the Store has no method for: filtered pages with totals, text search, one event with
its sources, and counts per day and type. SQLAlchemy Core over the store's own tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Table, exists, func, or_, select

from marsad.api.schemas import EventDetail, EventItem, Level, SourceOut
from marsad.dedup import CanonicalEvent
from marsad.dedup.match import fold_name
from marsad.events.model import Event
from marsad.store import Store, schema

_E, _C, _A, _S = schema.events, schema.canonical_events, schema.articles, schema.sources


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters of ``GET /events``, ``/events.geojson`` and ``/stats`` (None: no filter)."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None
    bbox: str | None = None
    q: str | None = None


def table_for(level: Level) -> Table:
    return _C if level == "canonical" else _E


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _text_match(table: Table, q: str) -> Any:
    """Events whose place, admin1, type or actors contain ``q``, or whose article's title or text does."""
    pattern, actor_pattern = _like(q.strip()), _like(fold_name(q))
    own = [table.c.location.ilike(pattern, escape="\\"), table.c.admin1.ilike(pattern, escape="\\"),
           table.c.event_type.ilike(pattern, escape="\\"), table.c.sub_event_type.ilike(pattern, escape="\\"),
           table.c.actors.like(actor_pattern, escape="\\")]
    in_article = or_(_A.c.title.ilike(pattern, escape="\\"), _A.c.text.ilike(pattern, escape="\\"))
    if table is _E:
        reported = exists().where(_A.c.id == _E.c.article_id, in_article)
    else:
        reported = exists().where(_E.c.canonical_id == _C.c.id, _A.c.id == _E.c.article_id, in_article)
    return or_(*own, reported)


def conditions(table: Table, f: EventFilters) -> list[Any]:
    """WHERE clauses for ``f`` (the store's own filters, plus sub-type and text search).

    RAISES (InputError): on a bad date or bounding box.
    """
    cond = Store.conditions(table, f.since, f.until, f.country, f.admin1, f.type, f.actor, f.bbox)
    if f.sub_type:
        cond.append(func.lower(table.c.sub_event_type) == f.sub_type.strip().lower())
    if f.q and f.q.strip():
        cond.append(_text_match(table, f.q))
    return cond


def _item(level: Level, row: Any) -> EventItem:
    if level == "canonical":
        canon = CanonicalEvent.from_dict(row.data)
        return EventItem(id=canon.id, level=level, n_articles=len(canon.article_ids),
                         article_ids=canon.article_ids, event=canon.event)
    event = replace(Event.from_dict(row.data), event_id=row.id, article_id=row.article_id)
    return EventItem(id=row.id, level=level, n_articles=1, article_ids=[row.article_id], event=event)


def _columns(table: Table) -> list[Any]:
    return [table.c.id, table.c.data] + ([table.c.article_id] if table is _E else [])


def page(store: Store, level: Level, f: EventFilters, limit: int | None, offset: int = 0,
         newest_first: bool = True) -> tuple[int, list[EventItem]]:
    """(number of matching events, the events of this page) in date order, undated last."""
    table = table_for(level)
    cond = conditions(table, f)
    start = table.c.date_start.desc() if newest_first else table.c.date_start
    query = (select(*_columns(table)).where(*cond)
             .order_by(table.c.date_start.is_(None), start, table.c.id).limit(limit).offset(offset or None))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(table).where(*cond)).scalar_one()
        items = [_item(level, row) for row in conn.execute(query)]
    return total, items


def _sources(conn: Any, event_ids: list[str]) -> list[SourceOut]:
    rows = conn.execute(
        select(_E.c.id, _E.c.article_id, _E.c.data, _A.c.title, _A.c.url, _A.c.published, _S.c.name.label("outlet"))
        .join(_A, _A.c.id == _E.c.article_id).join(_S, _S.c.id == _A.c.source_id, isouter=True)
        .where(_E.c.id.in_(event_ids))).all()
    order = {event_id: i for i, event_id in enumerate(event_ids)}
    out = []
    for r in sorted(rows, key=lambda r: order.get(r.id, len(order))):
        evidence = Event.from_dict(r.data).evidence
        out.append(SourceOut(article_id=r.article_id, event_id=r.id, title=r.title, outlet=r.outlet, url=r.url,
                             published=r.published.isoformat() if isinstance(r.published, dt.date) else None,
                             evidence=evidence))
    return out


def event_detail(store: Store, event_id: str) -> EventDetail | None:
    """A canonical incident (by its id) with every report's source, or one raw event with its article."""
    with store.engine.connect() as conn:
        row = conn.execute(select(_C.c.id, _C.c.data).where(_C.c.id == event_id)).first()
        if row is not None:
            item = _item("canonical", row)
            canon = CanonicalEvent.from_dict(row.data)
            return EventDetail(**dict(item), merge_reasons=canon.reasons, sources=_sources(conn, canon.event_ids))
        row = conn.execute(select(_E.c.id, _E.c.data, _E.c.article_id, _E.c.canonical_id)
                           .where(_E.c.id == event_id)).first()
        if row is None:
            return None
        return EventDetail(**dict(_item("raw", row)), canonical_id=row.canonical_id,
                           sources=_sources(conn, [row.id]))


def counts(store: Store, level: Level, f: EventFilters) -> dict[str, Any]:
    """Matching events per day, per type, per admin1 and per (day, type)."""
    table = table_for(level)
    cond = conditions(table, f)

    def key(value: Any) -> str:
        return value.isoformat() if isinstance(value, dt.date) else (value or "")

    with store.engine.connect() as conn:
        def group(*cols: Any) -> list[Any]:
            return conn.execute(select(*cols, func.count()).where(*cond).group_by(*cols).order_by(*cols)).all()

        by_day_type: dict[str, dict[str, int]] = {}
        for day, etype, n in group(table.c.date_start, table.c.event_type):
            if day is not None:
                by_day_type.setdefault(key(day), {})[key(etype)] = n
        return {
            "by_day": {key(d): n for d, n in group(table.c.date_start)},
            "by_type": {key(t): n for t, n in group(table.c.event_type)},
            "by_admin1": {key(a): n for a, n in group(table.c.admin1)},
            "by_day_type": by_day_type,
        }

"""The Store: articles, their events, sources and canonical (merged) events in SQLite or PostgreSQL.

    store = Store("marsad.db")                      # or "postgresql://user@host/db", or None: $MARSAD_DB
    store.add_article(Article(text, published="2025-08-22"), events)
    store.events(since="2025-08-01", country="SYR", bbox=(35.5, 35.0, 37.0, 36.5))

Every write of an article and its events is one transaction, so an interrupted ingest keeps what
it committed and re-ingesting changes nothing (same URL or same normalised text -> same article).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Table,
    and_,
    bindparam,
    create_engine,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from marsad.dedup import CanonicalEvent, DedupConfig, cluster_events
from marsad.dedup.dates import event_interval
from marsad.dedup.match import fold_name
from marsad.errors import InputError, MarsadError
from marsad.events.model import Event
from marsad.ingest.article import Article, Skipped
from marsad.ingest.fingerprint import normalize_url
from marsad.store import migrate, schema
from marsad.store.ids import article_id_for, event_ids
from marsad.store.urls import display_url, resolve_url

if TYPE_CHECKING:  # pragma: no cover
    import pandas

BBox = tuple[float, float, float, float]  # west, south, east, north
MAX_URL = 2000


@dataclass(slots=True)
class AddResult:
    """What ``add_article`` did: ``status`` is ``new``, ``updated`` (re-extracted) or ``unchanged``."""

    article_id: str
    status: str
    n_events: int
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoredArticle:
    """An article as stored, with its events."""

    id: str
    external_id: str | None
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    origin: str | None
    text: str
    text_hash: str
    engine_version: str | None
    ingested_at: str
    extracted_at: str | None
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Stats:
    """Counts for dashboards: totals, and events by day, type and admin1 (``level``: canonical or raw)."""

    articles: int
    events: int
    canonical_events: int
    sources: int
    skipped: int
    failed: int
    level: str
    by_day: dict[str, int]
    by_type: dict[str, int]
    by_admin1: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_bbox(value: str | Sequence[float] | None) -> BBox | None:
    """``"W,S,E,N"`` (or a 4-sequence) as floats.

    RAISES (InputError): when it is not four numbers within longitude/latitude ranges with S <= N.
    """
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        w, s, e, n = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise InputError(f"invalid bbox {value!r}: expected W,S,E,N (four numbers)") from None
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
        raise InputError(f"invalid bbox {value!r}: expected -180<=W,E<=180 and -90<=S<=N<=90")
    return (w, s, e, n)


def parse_day(value: str | dt.date | None, name: str = "date") -> dt.date | None:
    """A ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``: its first day) date; RAISES (InputError) otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    start, _ = event_interval(str(value))
    if start is None:
        raise InputError(f"invalid {name} {value!r}: expected YYYY-MM-DD")
    return start


_A, _E = schema.articles, schema.events
_FIND_BY_HASH = select(_A.c.id, _A.c.engine_version, _A.c.url).where(_A.c.text_hash == bindparam("h"))
_FIND_BY_URL_OR_HASH = select(_A.c.id, _A.c.engine_version, _A.c.url).where(
    or_(_A.c.url == bindparam("u"), _A.c.text_hash == bindparam("h")))
_OLD_EVENTS = select(_E.c.id, _E.c.canonical_id, _E.c.data).where(_E.c.article_id == bindparam("a")).order_by(
    _E.c.ordinal)
_CLEAR_ISSUES = delete(schema.ingest_issues).where(schema.ingest_issues.c.origin == bindparam("o"))
_EVENT_FIELDS = tuple(Event.__dataclass_fields__)
_INSERT_ARTICLE, _INSERT_EVENT, _INSERT_LINK = insert(_A), insert(_E), insert(schema.event_articles)


def event_data(ev: Event) -> dict[str, Any]:
    """``ev.to_dict()``, several times faster (no deep copy)."""
    data = {name: getattr(ev, name) for name in _EVENT_FIELDS}
    if ev.evidence is not None:
        data["evidence"] = {"start": ev.evidence.start, "end": ev.evidence.end, "text": ev.evidence.text}
    data["sources"], data["tags"] = list(ev.sources), list(ev.tags)
    return data


def _json_roundtrip(data: Any) -> Any:
    return json.loads(json.dumps(data, sort_keys=True, default=str))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _actors_key(e: Event) -> str:
    names = (e.actor1, e.actor2, e.actor1_ar, e.actor2_ar, e.assoc_actor_1, e.assoc_actor_2)
    return "\n".join(fold_name(n) for n in names if n)


def _query_columns(e: Event) -> dict[str, Any]:
    start, end = event_interval(e.event_date)
    return {
        "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "event_date": (e.event_date or None) and e.event_date[:10], "date_start": start, "date_end": end,
        "country": (e.country or "").upper()[:3] or None, "admin1": e.admin1, "location": e.location,
        "latitude": e.latitude, "longitude": e.longitude, "fatalities": int(e.fatalities or 0),
        "actors": _actors_key(e),
    }


class Store:
    """Articles, events and canonical events in one database (SQLite file or PostgreSQL).

    url: a path (SQLite), ``:memory:``, a SQLAlchemy URL, or ``postgresql://...``; None uses
    ``$MARSAD_DB`` or ``marsad.db`` in the working directory. Migrations run on open.
    """

    def __init__(self, url: str | None = None, *, upgrade: bool = True, echo: bool = False) -> None:
        self.url = resolve_url(url)
        self.engine = self._create_engine(self.url, echo)
        self._source_ids: dict[str, int] = {}
        self._issue_cache: set[str] | None = None
        if upgrade:
            self.upgrade()

    # -- connection ---------------------------------------------------------------------------

    @staticmethod
    def _create_engine(url: str, echo: bool) -> Engine:
        try:
            engine = create_engine(url, echo=echo)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise InputError(f"invalid database URL {url!r}: {exc}") from None
        if engine.dialect.name == "sqlite":
            database = engine.url.database
            if database and database != ":memory:":
                import os

                folder = os.path.dirname(database)
                if folder and not os.path.isdir(folder):
                    raise InputError(f"cannot create database {database}: folder {folder} does not exist")

            @sa_event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                cursor = dbapi_conn.cursor()
                if database and database != ":memory:":
                    cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")  # durable against process crashes
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.close()
        return engine

    def upgrade(self, revision: str = "head") -> tuple[str | None, str]:
        """Apply migrations up to ``revision``; RETURNS (revision before, revision after)."""
        try:
            return migrate.upgrade(self.engine, revision)
        except SQLAlchemyError as exc:
            orig = getattr(exc, "orig", None)
            reason = (str(orig) if orig is not None else str(exc)).strip().splitlines()[0]
            raise MarsadError(f"cannot open database {display_url(self.url)}: {reason}") from None
        except ImportError as exc:
            raise MarsadError(f"cannot open database {display_url(self.url)}: missing driver ({exc.name}); "
                              "pip install 'marsad[postgres]'") from None

    def revision(self) -> str | None:
        return migrate.current_revision(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    # -- writing ------------------------------------------------------------------------------

    def find_article(self, article: Article) -> tuple[str, str | None] | None:
        """(id, engine version) of the stored copy of ``article`` (same URL or same text hash), or None."""
        with self.engine.connect() as conn:
            row = self._find(conn, normalize_url(article.url), article.text_hash)
        return (row.id, row.engine_version) if row else None

    def find_articles(self, batch: Sequence[Article]) -> list[tuple[str, str | None] | None]:
        """:meth:`find_article` for many articles in one query (same order as ``batch``)."""
        if not batch:
            return []
        a = schema.articles
        hashes = [art.text_hash for art in batch]
        urls = [u for u in (normalize_url(art.url) for art in batch) if u]
        cond = a.c.text_hash.in_(hashes)
        if urls:
            cond = or_(cond, a.c.url.in_(urls))
        with self.engine.connect() as conn:
            rows = conn.execute(select(a.c.id, a.c.engine_version, a.c.url, a.c.text_hash).where(cond)).all()
        by_url = {r.url: r for r in rows if r.url}
        by_hash = {r.text_hash: r for r in rows}
        out: list[tuple[str, str | None] | None] = []
        for art, h in zip(batch, hashes, strict=True):
            row = by_url.get(normalize_url(art.url) or "") or by_hash.get(h)
            out.append((row.id, row.engine_version) if row else None)
        return out

    @staticmethod
    def _find(conn: Connection, url: str | None, text_hash: str) -> Any:
        if url:
            rows = conn.execute(_FIND_BY_URL_OR_HASH, {"u": url, "h": text_hash}).all()
        else:
            rows = conn.execute(_FIND_BY_HASH, {"h": text_hash}).all()
        if not rows:
            return None
        return next((r for r in rows if url and r.url == url), rows[0])

    def add_article(
        self,
        article: Article | str,
        events: Sequence[Event] | None = None,
        *,
        published: str | None = None,
        url: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        extractor: Callable[..., list[Event]] | None = None,
        engine_version: str | None = None,
        reextract: bool = False,
        assume_new: bool = False,
    ) -> AddResult:
        """Store an article and its events in one transaction (idempotent).

        article: an :class:`Article`, or the text (then ``published``/``url``/``title``/``outlet`` apply).
        events: its events; None runs ``extractor`` (default ``marsad.extract``) unless the article is
            already stored by the same engine version (then nothing changes: ``unchanged``).
        assume_new: skip the lookup inside the write transaction because the caller just found no
            stored copy (bulk ingest); if one appears meanwhile, the unique keys catch it and the
            write is redone as an update.
        RETURNS (AddResult): the article id, ``new``/``updated``/``unchanged``, and the stored event ids.
        """
        if isinstance(article, str):
            article = Article(text=article, published=published, url=url, title=title, outlet=outlet)
        if engine_version is None:
            from marsad.ingest.extractor import engine_version as default_version
            from marsad.ingest.extractor import extractor_name

            engine_version = default_version(None if extractor is None else extractor_name(extractor))
        if events is None:
            found = self.find_article(article)
            if found and found[1] == engine_version and not reextract:
                return AddResult(found[0], "unchanged", self._count_events(found[0]))
            if extractor is None:
                from marsad.ingest.extractor import default_extractor

                extractor = default_extractor()
            article_id = found[0] if found else article_id_for(article.text_hash)
            events = extractor(article.text, published=article.published, article_id=article_id)
        try:
            return self._write(article, list(events), engine_version, assume_new)
        except IntegrityError:  # another writer stored the same article meanwhile: update that one
            return self._write(article, list(events), engine_version, False)

    def _count_events(self, article_id: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.events)
                                .where(schema.events.c.article_id == article_id)).scalar_one()

    def _source_id(self, conn: Connection, name: str | None) -> int | None:
        if not name:
            return None
        name = name.strip()[:300]
        if name in self._source_ids:
            return self._source_ids[name]
        s = schema.sources
        found = conn.execute(select(s.c.id).where(s.c.name == name)).scalar()
        if found is None:
            found = conn.execute(insert(s).values(name=name, created_at=_now()).returning(s.c.id)).scalar_one()
        return found

    def _write(self, article: Article, events: list[Event], engine_version: str, assume_new: bool) -> AddResult:
        a, e, link = schema.articles, schema.events, schema.event_articles
        now = _now()
        url = normalize_url(article.url)
        if url and len(url) > MAX_URL:  # too long for a unique index: identify by text hash only
            url = None
        with self.engine.begin() as conn:
            found = None if assume_new else self._find(conn, url, article.text_hash)
            source_name = article.outlet
            source_id = self._source_id(conn, source_name)
            if found is None:
                article_id = article_id_for(article.text_hash)
                conn.execute(_INSERT_ARTICLE, dict(
                    id=article_id, external_id=(article.id or None) and article.id[:300], url=url,
                    text_hash=article.text_hash, source_id=source_id, title=article.title,
                    published=parse_day(article.published), origin=article.origin, text=article.text,
                    meta=article.meta or None, engine_version=engine_version, n_events=len(events),
                    ingested_at=now, extracted_at=now,
                ))
                status = "new"
            else:
                article_id = found.id
                values: dict[str, Any] = {"engine_version": engine_version, "n_events": len(events),
                                          "extracted_at": now}
                if url and not found.url:
                    values["url"] = url
                status = "updated"

            ids = event_ids(article_id, events)
            events = [replace(ev, event_id=i, article_id=article_id) for i, ev in zip(ids, events, strict=True)]
            datas = [event_data(ev) for ev in events]
            rows = conn.execute(_OLD_EVENTS, {"a": article_id}).all() if found is not None else []
            old = {r.id: r.canonical_id for r in rows}
            if found is not None and found.engine_version == engine_version and [r.id for r in rows] == ids \
                    and [_json_roundtrip(r.data) for r in rows] == [_json_roundtrip(d) for d in datas]:
                return AddResult(article_id, "unchanged", len(events), ids)
            if status == "updated":
                conn.execute(update(a).where(a.c.id == article_id).values(**values))
            stale = [i for i in old if i not in set(ids)]
            clusters = {c for c in old.values() if c}
            if clusters:  # their membership may change: mark for re-clustering
                conn.execute(update(e).where(e.c.canonical_id.in_(clusters)).values(canonical_id=None))
                conn.execute(delete(schema.canonical_events).where(schema.canonical_events.c.id.in_(clusters)))
            if stale:
                conn.execute(delete(link).where(link.c.event_id.in_(stale)))
                conn.execute(delete(e).where(e.c.id.in_(stale)))
            new_rows, changed_rows, links, changed_links = [], [], [], []
            for ordinal, (event_id, ev, data) in enumerate(zip(ids, events, datas, strict=True)):
                row = {"id": event_id, "article_id": article_id, "ordinal": ordinal, "role": ev.role,
                       "data": data, "updated_at": now, **_query_columns(ev)}
                evidence = (ev.evidence.start, ev.evidence.end) if ev.evidence else (None, None)
                if event_id in old:
                    changed_rows.append({f"v_{k}": v for k, v in row.items()})
                    changed_links.append({"l_id": event_id, "l_start": evidence[0], "l_end": evidence[1]})
                else:
                    new_rows.append({**row, "created_at": now})
                    links.append({"event_id": event_id, "article_id": article_id,
                                  "evidence_start": evidence[0], "evidence_end": evidence[1]})
            if new_rows:
                conn.execute(_INSERT_EVENT, new_rows)
                conn.execute(_INSERT_LINK, links)
            if changed_rows:
                cols = [k for k in changed_rows[0] if k != "v_id"]
                conn.execute(update(e).where(e.c.id == bindparam("v_id"))
                             .values({k[2:]: bindparam(k) for k in cols}), changed_rows)
                conn.execute(update(link).where(link.c.event_id == bindparam("l_id"))
                             .values(evidence_start=bindparam("l_start"), evidence_end=bindparam("l_end")),
                             changed_links)
            if article.origin and article.origin in self._issue_origins(conn):
                conn.execute(_CLEAR_ISSUES, {"o": article.origin})
                self._issue_cache.discard(article.origin)
        if source_name and source_id is not None:
            self._source_ids[source_name.strip()[:300]] = source_id
        return AddResult(article_id, status, len(events), ids)

    def _issue_origins(self, conn: Connection) -> set[str]:
        """Origins with a recorded issue (loaded once; kept current by this Store's own writes)."""
        if self._issue_cache is None:
            self._issue_cache = set(conn.execute(select(schema.ingest_issues.c.origin)).scalars())
        return self._issue_cache

    def record_issue(self, item: Skipped) -> None:
        """Remember a skipped or failed input item (replacing an earlier record for the same origin)."""
        t = schema.ingest_issues
        with self.engine.begin() as conn:
            conn.execute(delete(t).where(t.c.origin == item.origin))
            conn.execute(insert(t).values(origin=item.origin, kind=item.kind, reason=item.reason, created_at=_now()))
            self._issue_origins(conn).add(item.origin)

    def issues(self, kind: str | None = None) -> list[Skipped]:
        """Skipped/failed input items, oldest first."""
        t = schema.ingest_issues
        query = select(t.c.origin, t.c.reason, t.c.kind).order_by(t.c.id)
        if kind:
            query = query.where(t.c.kind == kind)
        with self.engine.connect() as conn:
            return [Skipped(r.origin, r.reason, r.kind) for r in conn.execute(query)]

    # -- canonical events ---------------------------------------------------------------------

    def needs_dedup(self) -> bool:
        """True when some event has not been clustered since it was written."""
        e = schema.events
        with self.engine.connect() as conn:
            return bool(conn.execute(select(exists().where(e.c.canonical_id.is_(None)))).scalar())

    def _dirty_subset(self, conn: Connection) -> list[str] | None:
        """Ids of the events to re-cluster after writes: the unclustered ones, every event whose dates
        come within the dedup tolerance of theirs, and the whole clusters those belong to.
        None when nothing is unclustered."""
        e = schema.events
        dirty = conn.execute(select(func.min(e.c.date_start), func.max(e.c.date_end), func.count())
                             .where(e.c.canonical_id.is_(None))).one()
        if not dirty[2]:
            return None
        cond = e.c.canonical_id.is_(None)
        if dirty[0] is not None:
            pad = dt.timedelta(days=3)
            cond = or_(cond, and_(e.c.date_end >= dirty[0] - pad, e.c.date_start <= dirty[1] + pad))
        rows = conn.execute(select(e.c.id, e.c.canonical_id).where(cond)).all()
        ids = {r.id for r in rows}
        clusters = sorted({r.canonical_id for r in rows if r.canonical_id})
        for i in range(0, len(clusters), 500):
            ids.update(conn.execute(select(e.c.id).where(e.c.canonical_id.in_(clusters[i:i + 500]))).scalars())
        return sorted(ids)

    def rebuild_canonical(self, config: DedupConfig | None = None, *, incremental: bool = False) -> int:
        """Re-cluster stored events into canonical events; RETURNS the number of canonical events.

        incremental: only the events that changed since the last clustering, the events near them in
        time, and the clusters those belong to (what ``ingest`` does); else every event (deterministic
        over the whole store: ``marsad db dedup``). Only what changed is written.
        """
        e, a, s, c = schema.events, schema.articles, schema.sources, schema.canonical_events
        cols = (e.c.id, e.c.article_id, e.c.data, e.c.canonical_id, e.c.merge_reason)
        with self.engine.connect() as conn:
            subset = self._dirty_subset(conn) if incremental else None
            if incremental and subset is None:
                return conn.execute(select(func.count()).select_from(c)).scalar_one()
            if subset is None:
                rows = conn.execute(select(*cols)).all()
                old_canon = dict(conn.execute(select(c.c.id, c.c.data)).all())
            else:
                rows = []
                for i in range(0, len(subset), 500):
                    rows += conn.execute(select(*cols).where(e.c.id.in_(subset[i:i + 500]))).all()
                cids = sorted({r.canonical_id for r in rows if r.canonical_id})
                old_canon = {}
                for i in range(0, len(cids), 500):
                    old_canon.update(conn.execute(select(c.c.id, c.c.data).where(c.c.id.in_(cids[i:i + 500]))).all())
            outlet_query = select(a.c.id, s.c.name).join(s, a.c.source_id == s.c.id)
            if subset is None:
                outlets = dict(conn.execute(outlet_query).all())
            else:
                article_ids = sorted({r.article_id for r in rows})
                outlets = {}
                for i in range(0, len(article_ids), 500):
                    outlets.update(conn.execute(outlet_query.where(a.c.id.in_(article_ids[i:i + 500]))).all())
        evs = [replace(Event.from_dict(r.data), event_id=r.id, article_id=r.article_id) for r in rows]
        current = {r.id: (r.canonical_id, r.merge_reason) for r in rows}
        clusters = cluster_events(evs, outlets, config or DedupConfig())
        now = _now()
        new_rows, changed_rows, member_rows = [], [], []
        for cl in clusters:
            data = _json_roundtrip(cl.to_dict())
            row = {"id": cl.id, "n_events": len(cl.event_ids), "n_articles": len(cl.article_ids),
                   "reasons": cl.reasons, "data": data, "updated_at": now, **_query_columns(cl.event)}
            if cl.id not in old_canon:
                new_rows.append(row)
            elif old_canon[cl.id] != data:
                changed_rows.append({f"c_{k}": v for k, v in row.items()})
            for event_id in cl.event_ids:
                why = "\n".join(r for r in cl.reasons if event_id in r.split(":", 1)[0]) or None
                if current.get(event_id) != (cl.id, why):
                    member_rows.append({"m_id": event_id, "m_cid": cl.id, "m_why": why})
        stale = set(old_canon) - {cl.id for cl in clusters}
        with self.engine.begin() as conn:
            if new_rows:
                conn.execute(insert(c), new_rows)
            if changed_rows:
                keys = [k for k in changed_rows[0] if k != "c_id"]
                conn.execute(update(c).where(c.c.id == bindparam("c_id"))
                             .values({k[2:]: bindparam(k) for k in keys}), changed_rows)
            if member_rows:
                conn.execute(update(e).where(e.c.id == bindparam("m_id"))
                             .values(canonical_id=bindparam("m_cid"), merge_reason=bindparam("m_why")),
                             member_rows)
            if stale:
                stale_ids = sorted(stale)
                for i in range(0, len(stale_ids), 500):
                    chunk = stale_ids[i:i + 500]
                    conn.execute(update(e).where(e.c.canonical_id.in_(chunk)).values(canonical_id=None))
                    conn.execute(delete(c).where(c.c.id.in_(chunk)))
            return conn.execute(select(func.count()).select_from(c)).scalar_one()

    # -- reading ------------------------------------------------------------------------------

    @staticmethod
    def conditions(table: Table, since: Any = None, until: Any = None, country: str | None = None,
                   admin1: str | None = None, type: str | None = None, actor: str | None = None,
                   bbox: Any = None) -> list[Any]:
        """WHERE clauses for the rows of ``table`` (``schema.events`` or ``schema.canonical_events``)
        that match the filters of :meth:`events`, for queries of one's own over the store's tables.

        RAISES (InputError): on a bad date or bounding box.
        """
        cond: list[Any] = []
        since_d, until_d = parse_day(since, "--since"), parse_day(until, "--until")
        if until_d is not None and until is not None and len(str(until)) < 10:
            until_d = event_interval(str(until))[1]  # --until 2025-08 means through August
        if since_d:
            cond.append(table.c.date_end >= since_d)
        if until_d:
            cond.append(table.c.date_start <= until_d)
        if country:
            cond.append(table.c.country == country.strip().upper())
        if admin1:
            cond.append(func.lower(table.c.admin1) == admin1.strip().lower())
        if type:
            t = type.strip().lower()
            cond.append(or_(func.lower(table.c.event_type) == t, func.lower(table.c.sub_event_type) == t))
        if actor:
            key = fold_name(actor).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            cond.append(table.c.actors.like(f"%{key}%", escape="\\"))
        box = parse_bbox(bbox)
        if box:
            w, s, east, n = box
            lon = table.c.longitude
            lon_ok = lon.between(w, east) if w <= east else or_(lon >= w, lon <= east)
            cond.append(and_(table.c.latitude.between(s, n), lon_ok))
        return cond

    def events(self, since: Any = None, until: Any = None, country: str | None = None,
               admin1: str | None = None, type: str | None = None, actor: str | None = None,
               bbox: Any = None, *, limit: int | None = None) -> list[Event]:
        """Stored events (one per article report) matching every filter given, by date then id.

        since/until: ``YYYY-MM-DD`` (an event whose date range overlaps counts); country: ISO3;
        admin1: exact, any case; type: event or sub-event type; actor: part of an actor name (or its
        Arabic mention); bbox: ``(W, S, E, N)`` or ``"W,S,E,N"``.
        """
        e = schema.events
        query = select(e.c.id, e.c.article_id, e.c.data).where(
            *self.conditions(e, since, until, country, admin1, type, actor, bbox))
        query = query.order_by(e.c.date_start.is_(None), e.c.date_start, e.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [replace(Event.from_dict(r.data), event_id=r.id, article_id=r.article_id)
                    for r in conn.execute(query)]

    def canonical_events(self, since: Any = None, until: Any = None, country: str | None = None,
                         admin1: str | None = None, type: str | None = None, actor: str | None = None,
                         bbox: Any = None, *, limit: int | None = None, refresh: bool = True) -> list[CanonicalEvent]:
        """Merged incidents matching the filters (as :meth:`events`); re-clusters first if events changed."""
        if refresh and self.needs_dedup():
            self.rebuild_canonical(incremental=True)
        c = schema.canonical_events
        query = select(c.c.data).where(*self.conditions(c, since, until, country, admin1, type, actor, bbox))
        query = query.order_by(c.c.date_start.is_(None), c.c.date_start, c.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [CanonicalEvent.from_dict(r.data) for r in conn.execute(query)]

    def events_frame(self, *args: Any, canonical: bool = False, **filters: Any) -> pandas.DataFrame:
        """:meth:`events` (or canonical events) as a pandas DataFrame with typed columns (needs pandas)."""
        from marsad.export.table import events_frame

        if canonical:
            return events_frame([c.event for c in self.canonical_events(*args, **filters)])
        return events_frame(self.events(*args, **filters))

    def article(self, article_id: str) -> StoredArticle | None:
        """The stored article with this id (or external id), with its events; None when absent."""
        a, s, e = schema.articles, schema.sources, schema.events
        query = select(a, s.c.name.label("outlet")).join(s, a.c.source_id == s.c.id, isouter=True)
        with self.engine.connect() as conn:
            row = conn.execute(query.where(a.c.id == article_id)).first() or conn.execute(
                query.where(a.c.external_id == article_id).order_by(a.c.ingested_at)).first()
            if row is None:
                return None
            evs = [replace(Event.from_dict(r.data), event_id=r.id, article_id=row.id) for r in conn.execute(
                select(e.c.id, e.c.data).where(e.c.article_id == row.id).order_by(e.c.ordinal))]

        def iso(value: Any) -> str | None:
            return value.isoformat() if value is not None else None

        return StoredArticle(
            id=row.id, external_id=row.external_id, url=row.url, title=row.title, outlet=row.outlet,
            published=iso(row.published), origin=row.origin, text=row.text, text_hash=row.text_hash,
            engine_version=row.engine_version, ingested_at=iso(row.ingested_at) or "",
            extracted_at=iso(row.extracted_at), events=evs,
        )

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(schema.articles.c.id).order_by(schema.articles.c.id)).scalars())

    def totals(self, *, level: str = "canonical") -> dict[str, Any]:
        """The store's totals (articles, events, canonical events, sources, skipped, failed) and ``level``."""
        if level not in ("canonical", "raw"):
            raise InputError(f"invalid level {level!r}: expected canonical or raw")
        if level == "canonical" and self.needs_dedup():
            self.rebuild_canonical(incremental=True)
        issues = schema.ingest_issues

        with self.engine.connect() as conn:
            def count(t: Table, *where: Any) -> int:
                return conn.execute(select(func.count()).select_from(t).where(*where)).scalar_one()

            return {
                "articles": count(schema.articles), "events": count(schema.events),
                "canonical_events": count(schema.canonical_events), "sources": count(schema.sources),
                "skipped": count(issues, issues.c.kind == "skipped"),
                "failed": count(issues, issues.c.kind == "failed"), "level": level,
            }

    def stats(self, since: Any = None, until: Any = None, country: str | None = None,
              admin1: str | None = None, type: str | None = None, actor: str | None = None,
              bbox: Any = None, *, level: str = "canonical") -> Stats:
        """Totals, plus counts by day, event type and admin1 of the events matching the filters.

        level: ``canonical`` (merged incidents, the default) or ``raw`` (one per article report).
        """
        totals = self.totals(level=level)
        table = schema.canonical_events if level == "canonical" else schema.events
        cond = self.conditions(table, since, until, country, admin1, type, actor, bbox)

        with self.engine.connect() as conn:
            def group(col: Any) -> dict[str, int]:
                rows = conn.execute(select(col, func.count()).where(*cond).group_by(col).order_by(col)).all()
                return {(k.isoformat() if isinstance(k, dt.date) else (k or "")): n for k, n in rows}

            return Stats(**totals, by_day=group(table.c.date_start), by_type=group(table.c.event_type),
                         by_admin1=group(table.c.admin1))


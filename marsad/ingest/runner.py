"""The ingest loop: read sources, skip what is stored, extract (optionally in N processes), write.

Extraction may run in worker processes; every write happens here, in the parent, one article and
its events per transaction. Nothing in a batch stops it: unusable items are recorded as skipped,
extractor errors as failed, and the summary counts them.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy.exc import DataError, IntegrityError, ProgrammingError, StatementError

from marsad.events.model import Event
from marsad.ingest.article import Article, Skipped
from marsad.ingest.extractor import Extractor, engine_version, extractor_name, load_extractor
from marsad.ingest.fingerprint import normalize_url
from marsad.ingest.sources import iter_articles

if TYPE_CHECKING:  # pragma: no cover
    from marsad.store import Store

MAX_ISSUES_KEPT = 1000
LOOKUP_BATCH = 64  # articles looked up in the store per query


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run."""

    ingested: int = 0  # new articles stored
    updated: int = 0  # stored articles re-extracted (--reextract or a new engine version)
    unchanged: int = 0  # already stored by the same engine: nothing to do
    skipped: int = 0  # unusable input (unreadable, empty, binary, not Arabic ...)
    failed: int = 0  # extraction or fetching failed
    events: int = 0  # events written
    canonical: int | None = None  # canonical events after deduplication (None: not run)
    seconds: float = 0.0
    interrupted: bool = False
    issues: list[Skipped] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.ingested + self.updated + self.unchanged + self.skipped + self.failed

    def line(self) -> str:
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        parts = [f"ingested {self.ingested}", f"updated {self.updated}", f"unchanged {self.unchanged}",
                 f"skipped {self.skipped}", f"failed {self.failed}", f"events {self.events}"]
        if self.canonical is not None:
            parts.append(f"canonical events {self.canonical}")
        return ", ".join(parts) + f" ({self.seconds:.1f} s, {rate:.1f} articles/s)"


_WORKER_EXTRACTOR: Extractor | None = None


def _init_worker(spec: str | Extractor | None) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = spec if callable(spec) else load_extractor(spec)


def _run_extractor(extractor: Extractor, article: Article, article_id: str) -> list[Event] | str:
    """The events, or a one-line error message (extractor bugs must not stop the batch)."""
    try:
        return list(extractor(article.text, published=article.published, article_id=article_id))
    except Exception as exc:  # noqa: BLE001 - any extractor failure is recorded, not raised
        return f"extraction failed: {type(exc).__name__}: {exc}"


def _extract_in_worker(article: Article, article_id: str) -> list[Event] | str:
    assert _WORKER_EXTRACTOR is not None
    return _run_extractor(_WORKER_EXTRACTOR, article, article_id)


def ingest(
    sources: Iterable[str],
    store: Store,
    *,
    published: str | None = None,
    workers: int = 1,
    extractor: str | Extractor | None = None,
    reextract: bool = False,
    dedup: bool = True,
    progress: bool = False,
    stdin: BinaryIO | None = None,
    on_result: Callable[[str, str], None] | None = None,
) -> IngestSummary:
    """Ingest every article of ``sources`` into ``store``.

    published: date for articles whose source gives none (plain text, stdin).
    workers: extraction processes (1: in this process).
    extractor: None (the engine), ``"fake"``, ``"module:function"`` or a callable (picklable if workers > 1).
    reextract: re-run extraction on articles already stored by the same engine version.
    dedup: re-cluster canonical events at the end when anything changed.
    on_result: called with (origin, status) for each item (status: new/updated/unchanged/skipped/failed).
    """
    from marsad.store.ids import article_id_for

    spec = extractor
    extract_fn: Extractor = extractor if callable(extractor) else load_extractor(extractor)
    version = engine_version(extractor_name(extract_fn) if callable(spec) else spec)
    summary = IngestSummary()
    started = time.perf_counter()
    bar = _progress_bar(progress)

    def note(origin: str, status: str, n_events: int = 0) -> None:
        summary.events += n_events
        if bar is not None:
            bar.update(1)
            bar.set_postfix(events=summary.events, skipped=summary.skipped + summary.failed, refresh=False)
        if on_result is not None:
            on_result(origin, status)

    def issue(item: Skipped) -> None:
        if item.kind == "failed":
            summary.failed += 1
        else:
            summary.skipped += 1
        if len(summary.issues) < MAX_ISSUES_KEPT:
            summary.issues.append(item)
        store.record_issue(item)
        note(item.origin, item.kind)

    seen: set[str] = set()
    absent: set[int] = set()  # id() of articles known not to be stored when they were looked up

    def jobs() -> Iterator[tuple[Article, str]]:
        for batch in _batches(iter_articles(sources, published=published, stdin=stdin), LOOKUP_BATCH):
            articles = [item for item in batch if isinstance(item, Article)]
            found_all = dict(zip(map(id, articles), store.find_articles(articles), strict=True))
            for item in batch:
                if isinstance(item, Skipped):
                    issue(item)
                    continue
                keys = {item.text_hash} | ({normalize_url(item.url)} if item.url else set())
                if keys & seen:  # the same article twice in this run
                    summary.unchanged += 1
                    note(item.origin, "unchanged")
                    continue
                seen.update(k for k in keys if k)
                found = found_all[id(item)]
                if found and found[1] == version and not reextract:
                    summary.unchanged += 1
                    note(item.origin, "unchanged")
                    continue
                if found is None:
                    absent.add(id(item))
                yield item, (found[0] if found else article_id_for(item.text_hash))

    def write(article: Article, result: list[Event] | str) -> None:
        is_new = id(article) in absent
        absent.discard(id(article))
        if isinstance(result, str):
            issue(Skipped(article.origin, result, kind="failed"))
            return
        try:
            outcome = store.add_article(article, result, engine_version=version, assume_new=is_new)
        except (DataError, IntegrityError, ProgrammingError, StatementError) as exc:  # this item's data
            issue(Skipped(article.origin, f"could not store: {type(exc).__name__}: "
                                          f"{str(getattr(exc, 'orig', None) or exc).splitlines()[0]}", "failed"))
            return
        if outcome.status == "new":
            summary.ingested += 1
        elif outcome.status == "updated":
            summary.updated += 1
        else:
            summary.unchanged += 1
        note(article.origin, outcome.status, outcome.n_events)

    try:
        if workers <= 1:
            for article, article_id in jobs():
                write(article, _run_extractor(extract_fn, article, article_id))
        else:
            _run_parallel(jobs(), write, spec if spec is not None else None, workers)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if bar is not None:
            bar.close()
    if dedup and not summary.interrupted and (summary.ingested or summary.updated or store.needs_dedup()):
        summary.canonical = store.rebuild_canonical(incremental=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _run_parallel(jobs: Iterator[tuple[Article, str]], write: Callable[[Article, list[Event] | str], None],
                  spec: str | Extractor | None, workers: int) -> None:
    """Extract in ``workers`` processes, writing results in input order as they complete."""
    window = workers * 4
    pending: deque[tuple[Article, str, Future]] = deque()
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(spec,))
    try:
        for article, article_id in jobs:
            pending.append((article, article_id, pool.submit(_extract_in_worker, article, article_id)))
            while len(pending) >= window or (pending and pending[0][2].done()):
                pool = _drain_one(pending, write, pool, spec, workers)
        while pending:
            pool = _drain_one(pending, write, pool, spec, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _drain_one(pending: deque, write: Callable, pool: ProcessPoolExecutor, spec: str | Extractor | None,
               workers: int) -> ProcessPoolExecutor:
    article, _, future = pending.popleft()
    try:
        result = future.result()
    except BrokenProcessPool:
        result = "extraction failed: the worker process died (out of memory or a crash in native code)"
        pool.shutdown(wait=False, cancel_futures=True)
        pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(spec,))
        requeued = list(pending)
        pending.clear()
        for art, art_id, _ in requeued:  # resubmit what the dead pool held
            pending.append((art, art_id, pool.submit(_extract_in_worker, art, art_id)))
    write(article, result)
    return pool


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _progress_bar(enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, desc="ingest", smoothing=0.1)

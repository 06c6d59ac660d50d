"""Distributed batch extraction with Dask.

Input is FORMAT.md JSON Lines (one article per line), any number of files,
read lazily in blocks so that millions of articles never sit in memory at
once. Each line becomes one output line ``{"id": ..., "events": [...]}`` (the
system-output format of FORMAT.md), or ``{"id": ..., "error": ...}`` when the
line cannot be used: nothing is dropped silently.

The scheduler is Dask's: ``processes`` (default, one machine), ``threads``,
``synchronous`` (debugging), ``local`` (a distributed LocalCluster with a
dashboard), or the address of a running cluster (``tcp://host:8786``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError

LOCAL_SCHEDULERS = ("processes", "threads", "synchronous")


@dataclass(frozen=True, slots=True)
class BatchSummary:
    articles: int
    events: int
    errors: int
    seconds: float
    outputs: tuple[str, ...]

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def extract_line(line: str) -> str:
    """One input line (an article) -> one output line (its events, or why it failed)."""
    import marsad

    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return json.dumps({"id": None, "error": f"not valid JSON ({exc.msg})"})
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        return json.dumps({"id": row.get("id") if isinstance(row, dict) else None,
                           "error": "expected an object with a 'text' string"})
    article_id = row.get("id")
    try:
        events = marsad.extract(row["text"], published=row.get("published"), article_id=article_id)
    except InputError as exc:
        return json.dumps({"id": article_id, "error": str(exc)}, ensure_ascii=False)
    return json.dumps({"id": article_id, "events": [e.to_dict() for e in events]}, ensure_ascii=False)


def _inputs(paths: Sequence[str | Path]) -> list[str]:
    files: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(str(f) for f in sorted(p.rglob("*.jsonl")))
        elif p.is_file():
            files.append(str(p))
        else:
            raise InputError(f"no such file or folder: {p}")
    if not files:
        raise InputError("no .jsonl input files")
    return files


def extract_batch(inputs: Sequence[str | Path], out_dir: str | Path, *, scheduler: str = "processes",
                  workers: int | None = None, blocksize: str = "8MB", progress: bool = True) -> BatchSummary:
    """Extract every article of the JSON Lines ``inputs`` into ``out_dir/part-*.jsonl``."""
    import dask.bag as db

    files = _inputs(inputs)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.jsonl"):
        old.unlink()
    bag = db.read_text(files, blocksize=blocksize).filter(lambda line: line.strip() != "").map(extract_line)
    target = bag.to_textfiles(str(out / "part-*.jsonl"), compute=False, encoding="utf-8")
    started = time.perf_counter()
    _run(target, scheduler, workers, progress)
    seconds = time.perf_counter() - started
    articles = events = errors = 0
    outputs = tuple(sorted(str(p) for p in out.glob("part-*.jsonl")))
    for path in outputs:
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                articles += 1
                if "error" in row:
                    errors += 1
                else:
                    events += len(row["events"])
    return BatchSummary(articles, events, errors, seconds, outputs)


def _run(target, scheduler: str, workers: int | None, progress: bool) -> None:
    import dask

    if scheduler in LOCAL_SCHEDULERS:
        kwargs = {"scheduler": scheduler}
        if workers and scheduler != "synchronous":
            kwargs["num_workers"] = workers
        if progress:
            from dask.diagnostics import ProgressBar

            with ProgressBar():
                dask.compute(*target, **kwargs)
        else:
            dask.compute(*target, **kwargs)
        return
    from distributed import Client, LocalCluster
    from distributed import progress as show_progress

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    elif scheduler.startswith(("tcp://", "tls://")):
        cluster = None
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    else:
        raise InputError(f"unknown scheduler {scheduler!r}: use {', '.join(LOCAL_SCHEDULERS)}, local or tcp://HOST:PORT")
    try:
        futures = client.compute(list(target))
        if progress:
            show_progress(futures)
        client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

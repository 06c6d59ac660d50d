"""Benchmark the extraction engine: articles/s on one core and peak memory.

Runs marsad.extract over the dev articles (or any FORMAT.md JSONL file)
repeated to at least N articles, in this process (one core).

    python benchmarks/bench_extract.py ../shared/eval/dev.jsonl --articles 5000
    python benchmarks/bench_extract.py ../shared/eval/dev.jsonl --articles 2000 --runs 5   # best and median
    MARSAD_PURE=1 python benchmarks/bench_extract.py ...   # the Python modules, not the compiled build
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import marsad  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles_file", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/eval/dev.jsonl"))
    ap.add_argument("--articles", type=int, default=5000, help="how many articles to process in total")
    ap.add_argument("--runs", type=int, default=1,
                    help="repeat the timed loop (a shared machine is noisy): reports each run, the best and the median")
    args = ap.parse_args()
    rows = [json.loads(line) for line in Path(args.articles_file).read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        sys.exit("no articles")
    t0 = time.perf_counter()
    marsad.extract(rows[0]["text"], published=rows[0].get("published"))  # load lexicons and gazetteer
    warm = time.perf_counter() - t0
    print(f"engine: {marsad.native.BUILD.kind} ({marsad.native.BUILD.reason})")
    print(f"warm-up (lexicons + gazetteer load): {warm:.2f} s")
    rates = []
    for _ in range(max(1, args.runs)):
        n = events = chars = 0
        t0 = time.perf_counter()
        while n < args.articles:
            for row in rows:
                events += len(marsad.extract(row["text"], published=row.get("published"), article_id=row.get("id")))
                chars += len(row["text"])
                n += 1
                if n >= args.articles:
                    break
        elapsed = time.perf_counter() - t0
        rates.append(n / elapsed)
        print(f"articles: {n}  events: {events}  characters: {chars:,}")
        print(f"elapsed: {elapsed:.2f} s  ->  {n / elapsed:.1f} articles/s on one core, {chars / elapsed / 1e6:.2f} MB/s")
    if len(rates) > 1:
        print(f"runs: {len(rates)}  best: {max(rates):.1f} articles/s  median: {statistics.median(rates):.1f} articles/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()

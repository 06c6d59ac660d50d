"""Throughput and memory of the text layer: normalisation + tokenisation (and the rest, optionally).

A script, not a test:

    python benchmarks/bench_text.py                   # seed article x 200, normalise + tokenise
    python benchmarks/bench_text.py --repeat 500 --full   # also sentences, quantities and dates

It reads ../shared/seed/article.txt (or --article PATH), processes it ``--repeat`` times as separate
articles, and reports MB/s (UTF-8 bytes), articles/s and peak memory: the Python heap allocated
during the run (tracemalloc) and the process's peak resident set size (resource.ru_maxrss).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import normalize  # noqa: E402
from marsad.text.tokens import stem_candidates, tokenize  # noqa: E402

DEFAULT_ARTICLE = ROOT.parent / "shared" / "seed" / "article.txt"


def _variants(text: str, n: int) -> list[str]:
    # Distinct strings (a counter appended) so no layer can cache whole articles.
    return [f"{text}\n{i}" for i in range(n)]


def run(articles: list[str], full: bool) -> int:
    tokens = 0
    if full:
        from marsad.text.dates import find_dates
        from marsad.text.numbers import find_quantities
        from marsad.text.sentences import split_sentences

        published = dt.date(2025, 8, 22)
    for text in articles:
        normalize(text)
        toks = tokenize(text)
        tokens += len(toks)
        if full:
            split_sentences(text)
            find_quantities(toks, text)
            find_dates(toks, published, text=text)
    return tokens


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    ap.add_argument("--repeat", type=int, default=200, help="how many copies of the article to process")
    ap.add_argument("--full", action="store_true", help="also sentences, quantities and dates")
    args = ap.parse_args(argv)
    if not args.article.exists():
        print(f"error: {args.article} not found", file=sys.stderr)
        return 2
    text = args.article.read_text(encoding="utf-8")
    articles = _variants(text, args.repeat)
    nbytes = sum(len(a.encode("utf-8")) for a in articles)

    run(articles[:3], args.full)  # warm-up: imports, data tables
    stem_candidates.cache_clear()  # the cold-cache cost of stemming is part of the measurement
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    ntokens = run(articles, args.full)
    elapsed = time.perf_counter() - t0
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Timing again without tracemalloc, which slows allocation-heavy code down.
    stem_candidates.cache_clear()
    t0 = time.perf_counter()
    run(articles, args.full)
    elapsed_plain = time.perf_counter() - t0
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    what = "normalise+tokenise" + (" +sentences+quantities+dates" if args.full else "")
    print(f"text layer benchmark: {what}")
    print(f"article: {args.article.name}, {len(text)} chars, {len(text.encode('utf-8'))} bytes, "
          f"{ntokens // args.repeat} tokens; {args.repeat} copies, {nbytes / 1e6:.2f} MB")
    print(f"time: {elapsed_plain:.3f} s   ({elapsed:.3f} s under tracemalloc)")
    print(f"throughput: {nbytes / 1e6 / elapsed_plain:.2f} MB/s, {args.repeat / elapsed_plain:.1f} articles/s, "
          f"{ntokens / elapsed_plain:,.0f} tokens/s")
    print(f"peak memory: Python heap during run {heap_peak / 1e6:.1f} MB (tracemalloc), "
          f"process max RSS {rss_kib / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

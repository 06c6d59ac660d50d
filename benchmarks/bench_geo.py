"""Benchmark the gazetteer and the toponym resolver.

Reports the time and memory it takes to load the packaged gazetteer (in a fresh process), and
resolution speed (mentions/s, characters/s) on the seed article repeated, one core.

    python benchmarks/bench_geo.py                       # ../shared/seed/article.txt, 200 repetitions
    python benchmarks/bench_geo.py article.txt --repeat 500
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_LOAD = r"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, {root!r})
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
from marsad.geo.gazetteer import Gazetteer
g = Gazetteer()
t1 = time.perf_counter()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
Gazetteer()
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({{"load_s": round(t1 - t0, 3), "places": len(g), "rss_before_mb": round(rss0 / 1024, 1),
                  "rss_after_mb": round(rss1 / 1024, 1), "python_heap_peak_mb": round(peak / 1e6, 1)}}))
"""

_FALLBACK = (
    "قتل ثلاثة مدنيين في قصف على بلدة أطمة في ريف إدلب، فيما سقطت قذائف على مدينة الميادين بدير الزور. "
    "وفي العراق انفجرت عبوة ناسفة جنوب الموصل، واندلعت اشتباكات في مدينة درنة شرق ليبيا وفي مقديشو.\n"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_file", nargs="?", default=str(ROOT.parent / "shared" / "seed" / "article.txt"))
    ap.add_argument("--repeat", type=int, default=200, help="how many times to resolve the text")
    args = ap.parse_args()
    path = Path(args.text_file)
    text = path.read_text(encoding="utf-8") if path.is_file() else _FALLBACK
    source = str(path) if path.is_file() else "built-in sample (seed article not found)"

    load = json.loads(subprocess.run([sys.executable, "-c", _LOAD.format(root=str(ROOT))], check=True,
                                     capture_output=True, text=True).stdout)

    from marsad.geo import resolve
    from marsad.geo.gazetteer import gazetteer

    gazetteer()
    resolve(text)  # warm caches
    t0 = time.perf_counter()
    mentions = 0
    for _ in range(args.repeat):
        mentions += len(resolve(text))
    dt = time.perf_counter() - t0
    report = {
        "text": source, "chars": len(text), "repeat": args.repeat, **load,
        "mentions_per_text": mentions // args.repeat, "seconds": round(dt, 3),
        "texts_per_s": round(args.repeat / dt, 1), "mentions_per_s": round(mentions / dt, 1),
        "chars_per_s": round(len(text) * args.repeat / dt),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

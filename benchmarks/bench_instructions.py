"""Count the CPU instructions marsad.extract spends per article (needs valgrind).

Wall-clock rates on a shared machine swing by a quarter from one minute to the next; the number
of instructions does not, so this is the measure to compare two versions of the engine with.
It runs the articles twice under valgrind's cachegrind (once with no timed rounds, once with
``--rounds``) and reports the difference per article, so loading the lexicons and the gazetteer
is left out.

    python benchmarks/bench_instructions.py ../shared/eval/dev.jsonl --rounds 3
    MARSAD_PURE=1 python benchmarks/bench_instructions.py ...   # the Python modules, not the compiled build
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_rounds(articles_file: str, rounds: int) -> None:
    sys.path.insert(0, str(ROOT))
    import marsad

    rows = [json.loads(line) for line in Path(articles_file).read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:  # warm-up: lexicons, gazetteer, memos
        marsad.extract(row["text"], published=row.get("published"))
    for _ in range(rounds):
        for row in rows:
            marsad.extract(row["text"], published=row.get("published"))
    print(f"articles={len(rows)} engine={marsad.native.BUILD.kind}")


def _instructions(articles_file: str, rounds: int) -> tuple[int, int, str]:
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, __file__, articles_file, "--child", str(rounds)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    articles = re.search(r"articles=(\d+) engine=(\w+)", done.stdout)
    if not refs or not articles:
        sys.exit("could not read valgrind's instruction count")
    return int(refs.group(1).replace(",", "")), int(articles.group(1)), articles.group(2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles_file", help="FORMAT.md JSONL articles (e.g. ../shared/eval/dev.jsonl)")
    ap.add_argument("--rounds", type=int, default=3, help="timed passes over the articles (default 3)")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        _run_rounds(args.articles_file, args.child)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    base, n, engine = _instructions(args.articles_file, 0)
    total, _, _ = _instructions(args.articles_file, args.rounds)
    per_article = (total - base) / (n * args.rounds)
    print(f"{per_article / 1e6:.2f} M instructions per article ({n} articles x {args.rounds} rounds, {engine} engine)")


if __name__ == "__main__":
    main()

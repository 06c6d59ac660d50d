"""Benchmark ingest throughput (articles/s) into SQLite and PostgreSQL.

Generates N distinct synthetic Arabic articles (one JSONL file), then times `marsad ingest`'s
library path: read -> skip-if-stored -> extract -> one transaction per article. Deduplication
(re-clustering every event) and a second, all-unchanged pass are timed separately.

    python benchmarks/bench_ingest.py                      # 10,000 articles, fake + real engine, both backends
    python benchmarks/bench_ingest.py --articles 2000 --extractor fake --backend sqlite
    python benchmarks/bench_ingest.py --pg postgresql://user@host/db   # an existing server (else a temp one)
    python benchmarks/bench_ingest.py --corpus ../shared/eval/dev.jsonl   # real article texts, cycled

The fake extractor (marsad.ingest.fake) costs ~nothing, so it measures the storage path; the real
one measures what users get.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.ingest import ingest  # noqa: E402
from marsad.store import Store  # noqa: E402

TOWNS = ["أطمة", "سرمدا", "كفرنبل", "معرة النعمان", "أريحا", "جسر الشغور", "سراقب", "بنش", "الميادين", "البوكمال",
         "طفس", "نوى", "تعز", "مأرب", "كركوك", "الحويجة", "طرابلس", "تاجوراء", "القامشلي", "منبج"]
TEMPLATES = [
    "قصف مدفعي استهدف أطراف {town} صباح اليوم وأدى إلى مقتل {n} مدنيين وإصابة {m} آخرين بحسب مصادر محلية.\n"
    "وقال الدفاع المدني إن فرقه نقلت الجرحى إلى المشافي القريبة، فيما تواصل القصف على القرى المحيطة.",
    "اندلعت اشتباكات عنيفة بين مجموعات مسلحة على أطراف {town} استمرت ساعات وأسفرت عن سقوط {n} قتلى.\n"
    "وأفاد شهود بأن الاشتباكات تركزت قرب الطريق الرئيسي وأن التعزيزات وصلت إلى المنطقة مساء.",
    "نفذت قوة أمنية حملة دهم في {town} اعتقلت خلالها {n} أشخاص بتهمة الانتماء إلى خلايا مسلحة.\n"
    "وذكرت مصادر محلية أن الحملة شملت {m} منازل وأن المعتقلين نقلوا إلى مقر أمني في المدينة.",
]


def write_corpus_from(path: Path, n: int, source: Path) -> None:
    """N articles cycling through the texts of a FORMAT.md JSONL file, each made distinct by a suffix."""
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = rows[i % len(rows)]
            out.write(json.dumps({"id": f"b{i}", "published": row.get("published"), "outlet": row.get("outlet"),
                                  "text": row["text"] + f"\n({i})"}, ensure_ascii=False) + "\n")


def write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = TEMPLATES[i % len(TEMPLATES)].format(town=TOWNS[i % len(TOWNS)], n=i % 9 + 1, m=i % 7 + 2)
            text += f"\nرقم التقرير {i}."  # every article distinct
            day = 1 + i % 28
            out.write(json.dumps({"id": f"b{i}", "published": f"2025-08-{day:02d}", "url": f"https://bench.test/{i}",
                                  "outlet": ["وكالة أ", "وكالة ب", "وكالة ج"][i % 3], "text": text},
                                 ensure_ascii=False) + "\n")


def run(label: str, url: str, corpus: Path, extractor: str, workers: int) -> dict:
    store = Store(url)
    first = ingest([str(corpus)], store, extractor=extractor, workers=workers, dedup=False)
    t0 = time.perf_counter()
    canonical = store.rebuild_canonical()
    dedup_s = time.perf_counter() - t0
    second = ingest([str(corpus)], store, extractor=extractor, workers=workers, dedup=False)
    stats = store.stats(level="raw")
    store.close()
    n = first.processed
    row = {"backend": label, "extractor": extractor, "workers": workers, "articles": n,
           "stored": stats.articles, "events": stats.events, "failed": first.failed,
           "ingest_s": round(first.seconds, 2), "articles_per_s": round(n / first.seconds, 1),
           "dedup_s": round(dedup_s, 2), "canonical": canonical,
           "reingest_per_s": round(second.processed / second.seconds, 1)}
    print(f"{label:10s} {extractor:6s} workers={workers}: {n} articles in {first.seconds:.1f} s = "
          f"{row['articles_per_s']} articles/s ({stats.events} events, {first.failed} failed); "
          f"dedup {dedup_s:.1f} s -> {canonical} canonical; re-ingest {row['reingest_per_s']} articles/s",
          flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--extractor", choices=["fake", "marsad", "both"], default="both")
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--workers", type=int, default=1, help="extraction processes")
    ap.add_argument("--pg", metavar="URL", help="existing PostgreSQL database (default: a temporary server)")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    ap.add_argument("--corpus", metavar="JSONL", help="cycle through these real articles instead of synthetic ones")
    args = ap.parse_args()

    extractors = ["fake", "marsad"] if args.extractor == "both" else [args.extractor]
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results = []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        if args.corpus:
            write_corpus_from(corpus, args.articles, Path(args.corpus))
        else:
            write_corpus(corpus, args.articles)
        server = None
        pg_admin = args.pg
        if "postgresql" in backends and not pg_admin:
            from marsad.store.pgtemp import TempPostgres

            server = TempPostgres()
            pg_admin = server.start()
            print(f"temporary PostgreSQL server at {pg_admin} (fsync off)", flush=True)
        try:
            for extractor in extractors:
                for backend in backends:
                    if backend == "sqlite":
                        url = str(Path(tmp) / f"{extractor}.db")
                    elif args.pg:
                        url = args.pg
                    else:
                        from marsad.store.pgtemp import create_database

                        url = create_database(pg_admin, f"bench_{extractor}")
                    results.append(run(backend, url, corpus, extractor, args.workers))
        finally:
            if server is not None:
                server.stop()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

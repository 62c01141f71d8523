"""Extraction and normalization throughput on one core.

    python benchmarks/extract_speed.py [--megabytes 10] [--profile]

Generates news-like articles (benchmarks/newsgen.py), runs segment, extract
and normalize over them in this process, and prints KB/s, articles/s, claims
and peak memory. The target is at least 2 MB/s per core.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgen import articles  # noqa: E402

from checker.model import Document  # noqa: E402
from checker.pipeline import document_claims  # noqa: E402


def corpus(megabytes: float) -> list[Document]:
    docs, size = [], 0
    for row in articles(10**9):
        docs.append(Document(id=row["id"], text=row["text"], published=date.fromisoformat(row["published"])))
        size += len(row["text"].encode())
        if size >= megabytes * 1_000_000:
            break
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    args = parser.parse_args()
    docs = corpus(args.megabytes)
    size = sum(len(d.text.encode()) for d in docs)
    document_claims(docs[0])  # warm caches (registry, lexicon, regexes) outside the timing
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    started = time.perf_counter()
    claims = sum(len(document_claims(d)) for d in docs)
    elapsed = time.perf_counter() - started
    if profiler:
        profiler.disable()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"text:        {size / 1e6:.1f} MB in {len(docs):,} articles")
    print(f"claims:      {claims:,}")
    print(f"time:        {elapsed:.2f} s (one core)")
    print(f"throughput:  {size / 1e3 / elapsed:,.0f} KB/s, {len(docs) / elapsed:,.0f} articles/s")
    print(f"peak memory: {peak_mb:,.0f} MB (RSS, includes the generated corpus)")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()

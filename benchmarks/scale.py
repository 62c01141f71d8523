"""End-to-end check of large generated corpora: throughput, memory, planted conflicts found.

    python benchmarks/scale.py [--sizes 1000,10000,100000] [--jobs 2] [--rate 0.01]
    python benchmarks/scale.py --sizes 10000 --jobs 1 --profile 10k.prof
    python benchmarks/scale.py --sizes 1000 --shared-subjects   # matching worst case

For each size, writes news-like articles (benchmarks/newsgen.py) with planted
conflicting pairs (benchmarks/plant.py) as JSONL files of 1,000 articles,
then runs the full check (ingest, extract and normalize on --jobs processes,
match and rules, JSON report) in a fresh process and prints articles/s, MB/s,
peak memory, findings against planted conflicts, and time by stage. Ingest is
streamed into extraction, so its time is the time spent reading inside the
stream, and "extract+normalize" is the rest of that wall time. CPU seconds
(this process and its workers) are printed by stage too: on a shared machine
they move far less than wall time, so compare those between runs.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from plant import PlantedPair, pairs_found, planted_articles  # noqa: E402

ARTICLES_PER_FILE = 1000


def write_corpus(directory: Path, size: int, rate: float, seed: int,
                 shared_subjects: bool = False) -> tuple[list[PlantedPair], int]:
    """JSONL shards of the corpus; returns the planted pairs and the bytes of article text."""
    pairs, rows = planted_articles(size, rate=rate, seed=seed, shared_subjects=shared_subjects)
    text_bytes = 0
    handle = None
    for index, row in enumerate(rows):
        if index % ARTICLES_PER_FILE == 0:
            if handle:
                handle.close()
            handle = open(directory / f"part-{index // ARTICLES_PER_FILE:05d}.jsonl", "w", encoding="utf-8")
        text_bytes += len(row["text"].encode())
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return pairs, text_bytes


class _TimedStream:
    """Counts the time spent inside the ingest generator (reading and parsing files)."""

    def __init__(self, items: Iterable) -> None:
        self._items = iter(items)
        self.seconds = 0.0

    def __iter__(self) -> Iterator:
        while True:
            started = time.perf_counter()
            try:
                item = next(self._items)
            except StopIteration:
                self.seconds += time.perf_counter() - started
                return
            self.seconds += time.perf_counter() - started
            yield item


def cpu_seconds() -> float:
    """User plus system CPU time of this process and of its finished children (the workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def run_one(directory: Path, jobs: int, profile: str | None) -> dict:
    """The full check of one corpus in this process; figures as a dict."""
    from checker.engine import check_claims
    from checker.engine_local import extract_parallel
    from checker.ingest import read_documents
    from checker.report.json import iter_json
    from checker.ruleset import RuleSet

    ruleset = RuleSet.load()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    stream = _TimedStream(read_documents([str(directory)]))
    corpus = extract_parallel(stream, jobs)
    extracted, cpu_extracted = time.perf_counter(), cpu_seconds()  # the pool's workers have exited
    checked = check_claims(corpus.table, ruleset)
    matched, cpu_matched = time.perf_counter(), cpu_seconds()
    # written as the CLI writes it, piece by piece; only its size is kept
    report_bytes = sum(len(chunk.encode()) for chunk in
                       iter_json(checked, documents=corpus.documents, claims=corpus.claim_count, errors=corpus.errors))
    finished, cpu_finished = time.perf_counter(), cpu_seconds()
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "documents": corpus.documents,
        "claims": corpus.claim_count,
        "errors": len(corpus.errors),
        "findings": [
            {"rule": f.rule, "documents": sorted({c["document"] for c in f.claims})} for f in checked.findings
        ],
        "warnings": len(checked.warnings),
        "report_bytes": report_bytes,
        "seconds": {
            "ingest": stream.seconds,
            "extract+normalize": extracted - started - stream.seconds,
            "match+rules": matched - extracted,
            "report": finished - matched,
            "total": finished - started,
        },
        "cpu_seconds": {
            "ingest+extract+normalize": cpu_extracted - cpu_started,
            "match+rules": cpu_matched - cpu_extracted,
            "report": cpu_finished - cpu_matched,
            "total": cpu_finished - cpu_started,
        },
        "peak_rss_mb": {"main": own, "largest_worker": children},
    }


class _Finding:
    def __init__(self, documents: list[str]) -> None:
        self.claims = [{"document": d} for d in documents]


def bench(size: int, jobs: int, rate: float, seed: int, profile: str | None, shared_subjects: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="claimcheck-scale-") as work:
        directory = Path(work)
        pairs, text_bytes = write_corpus(directory, size, rate, seed, shared_subjects)
        command = [sys.executable, __file__, "--run-one", str(directory), "--jobs", str(jobs)]
        if profile:
            command += ["--profile", profile]
        completed = subprocess.run(command, check=True, capture_output=True, text=True)
    figures = json.loads(completed.stdout)
    seconds = figures["seconds"]
    total = seconds["total"]
    findings = figures["findings"]
    found = pairs_found(pairs, [_Finding(f["documents"]) for f in findings])
    megabytes = text_bytes / 1e6
    print(f"== {size:,} articles, {megabytes:.1f} MB of text, --jobs {jobs}")
    print(f"claims:            {figures['claims']:,} ({figures['errors']} input errors)")
    print(f"findings:          {len(findings):,} ({figures['warnings']} matcher warnings)")
    print(f"planted conflicts: {found} of {len(pairs)} found")
    print(f"throughput:        {size / total:,.0f} articles/s, {megabytes / total:.2f} MB/s, "
          f"{megabytes / total / jobs:.2f} MB/s per core")
    print(f"peak RSS:          main {figures['peak_rss_mb']['main']:,.0f} MB, "
          f"largest worker {figures['peak_rss_mb']['largest_worker']:,.0f} MB")
    stages = ", ".join(f"{name} {value:.1f} s" for name, value in seconds.items() if name != "total")
    print(f"time:              {total:.1f} s ({stages})")
    cpu = figures["cpu_seconds"]
    cpu_stages = ", ".join(f"{name} {value:.1f} s" for name, value in cpu.items() if name != "total")
    print(f"cpu:               {cpu['total']:.1f} s ({cpu_stages})")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rate", type=float, default=0.01, help="share of articles in planted pairs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", metavar="FILE", help="cProfile of the checking process (use with --jobs 1)")
    parser.add_argument("--shared-subjects", action="store_true",
                        help="keep newsgen's 13 shared subjects: nearly every figure pair conflicts (worst case)")
    parser.add_argument("--run-one", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_one:
        print(json.dumps(run_one(Path(args.run_one), args.jobs, args.profile)))
        return
    try:
        sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error(f"--sizes {args.sizes!r}: expected comma-separated numbers, e.g. 1000,10000")
    print(f"cores available: {len(os.sched_getaffinity(0))}")
    for size in sizes:
        bench(size, args.jobs, args.rate, args.seed, args.profile, args.shared_subjects)


if __name__ == "__main__":
    main()

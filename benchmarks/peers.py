"""Throughput of quantulum3 beside ours, on the same news-like text, in one run.

    pip install 'claimcheck[bench]'        # quantulum3
    python benchmarks/peers.py [--articles 300] [--corpus generated|reporting]

Runs, on one core and after one warm-up call each: quantulum3's
``parser.parse`` over each article, our ``find_mentions`` (quantities only,
the closest to what quantulum3 does) and our full per-document extraction
(segment, quantities, time expressions, context, normalization), taking
turns over small chunks of articles so that the machine's drift over the
run weighs on all three alike. Prints CPU KB/s, articles/s and figures
found, and our speed as a multiple of quantulum3's. quantulum3 needs no download at run time; without its
``classifier`` extra it warns once and disambiguates units by rules.

The corpus is newsgen's: dense by default (a claim every 60 bytes), or with
``--corpus reporting`` at the density of real reporting (see extract_speed.py).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from newsgen import REPORTING_PROSE  # noqa: E402
from plant import planted_articles  # noqa: E402

from checker.extraction.quantities import find_mentions  # noqa: E402
from checker.model import Document  # noqa: E402
from checker.pipeline import document_claims  # noqa: E402

Run = Callable[[Document], int]

# Articles timed at a time, each tool in turn: this machine's speed drifts over a
# run, and taking turns lets the drift fall on every tool alike.
CHUNK = 10


def interleaved(runs: dict[str, Run], documents: list[Document]) -> dict[str, tuple[float, int]]:
    """CPU seconds and figures found per tool, the tools taking turns over chunks of articles."""
    for run in runs.values():
        run(documents[0])  # warm caches and lazy loading outside the timing
    totals = {label: [0.0, 0] for label in runs}
    for begin in range(0, len(documents), CHUNK):
        chunk = documents[begin : begin + CHUNK]
        for label, run in runs.items():
            started = time.process_time()
            found = sum(run(d) for d in chunk)
            totals[label][0] += time.process_time() - started
            totals[label][1] += found
    return {label: (seconds, found) for label, (seconds, found) in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--corpus", choices=("generated", "reporting"), default="generated",
                        help="newsgen's dense articles, or articles at the density of real reporting")
    args = parser.parse_args()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed": rules only
            from quantulum3 import parser as quantulum
    except ImportError:
        print("quantulum3 is not installed: pip install 'claimcheck[bench]'")
        return
    prose = REPORTING_PROSE if args.corpus == "reporting" else 0.0
    _, rows = planted_articles(args.articles, rate=0.0, prose=prose)
    documents = [Document(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"])) for r in rows]
    print(f"{len(documents)} articles ({args.corpus}), {sum(len(d.text.encode()) for d in documents) / 1e6:.2f} MB, "
          "one core each")
    size = sum(len(d.text.encode()) for d in documents)
    timings = interleaved({
        "quantulum3 parser.parse": lambda doc: len(quantulum.parse(doc.text)),
        "claimcheck find_mentions": lambda doc: len(find_mentions(doc.text)),
        "claimcheck full extraction": lambda doc: len(document_claims(doc)),
    }, documents)
    for label, (seconds, found) in timings.items():
        print(f"{label:<28} {size / 1e3 / seconds:8,.0f} KB/s {len(documents) / seconds:8,.0f} articles/s "
              f"{found:8,} found")
    theirs, mentions, claims = (seconds for seconds, _ in timings.values())
    print(f"find_mentions is {theirs / mentions:.1f}x quantulum3's speed; "
          f"full extraction {theirs / claims:.1f}x (CPU time, the three taking turns over {CHUNK} articles at a time)")


if __name__ == "__main__":
    main()

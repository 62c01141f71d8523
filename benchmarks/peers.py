"""Throughput of quantulum3 beside ours, on the same news-like text, in one run.

    pip install 'claimcheck[bench]'        # quantulum3
    python benchmarks/peers.py [--articles 300]

Runs, one core each and after one warm-up call: quantulum3's
``parser.parse`` over each article, our ``find_mentions`` (quantities only,
the closest to what quantulum3 does) and our full per-document extraction
(segment, quantities, time expressions, context, normalization). Prints
KB/s, articles/s and figures found, and our speed as a multiple of
quantulum3's. quantulum3 needs no download at run time; without its
``classifier`` extra it warns once and disambiguates units by rules.
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

from plant import planted_articles  # noqa: E402

from checker.extraction.quantities import find_mentions  # noqa: E402
from checker.model import Document  # noqa: E402
from checker.pipeline import document_claims  # noqa: E402


def timed(label: str, run: Callable[[str, Document], int], documents: list[Document]) -> float:
    run(documents[0].text, documents[0])  # warm caches and lazy loading outside the timing
    started = time.perf_counter()
    found = sum(run(d.text, d) for d in documents)
    elapsed = time.perf_counter() - started
    size = sum(len(d.text.encode()) for d in documents)
    print(f"{label:<28} {size / 1e3 / elapsed:8,.0f} KB/s {len(documents) / elapsed:8,.0f} articles/s "
          f"{found:8,} found")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed": rules only
            from quantulum3 import parser as quantulum
    except ImportError:
        print("quantulum3 is not installed: pip install 'claimcheck[bench]'")
        return
    _, rows = planted_articles(args.articles, rate=0.0)
    documents = [Document(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"])) for r in rows]
    print(f"{len(documents)} articles, {sum(len(d.text.encode()) for d in documents) / 1e6:.2f} MB, one core each")
    theirs = timed("quantulum3 parser.parse", lambda text, _: len(quantulum.parse(text)), documents)
    mentions = timed("claimcheck find_mentions", lambda text, _: len(find_mentions(text)), documents)
    claims = timed("claimcheck full extraction", lambda _, doc: len(document_claims(doc)), documents)
    print(f"find_mentions is {theirs / mentions:.1f}x quantulum3's speed; "
          f"full extraction {theirs / claims:.1f}x")


if __name__ == "__main__":
    main()

"""Extraction accuracy against the labelled fixture corpus, field by field.

    python benchmarks/label_accuracy.py [--misses FIELD]

For every labelled claim in fixtures/labels/claims-*.yaml: was a claim
extracted at that span, and is each labelled field right? Prints one line per
field (right / labelled) and, with --misses, the wrong ones for a field.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.test_fixture_claims import field_results  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", metavar="FIELD", help="list the misses of one field (e.g. subject)")
    args = parser.parse_args()
    results = field_results()
    for name, outcomes in sorted(results.items()):
        right = sum(1 for ok, _ in outcomes if ok)
        print(f"{name:<12} {right:>4} / {len(outcomes):<4} {100 * right / max(1, len(outcomes)):5.1f}%")
    if args.misses:
        for ok, message in results.get(args.misses, []):
            if not ok:
                print("  " + message)


if __name__ == "__main__":
    main()

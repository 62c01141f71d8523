"""Precision and recall of `claimcheck check` on the labelled fixture corpus.

    python benchmarks/conflicts.py

Planted conflicts are in fixtures/labels/conflicts-*.yaml, with look-alikes
that must not be flagged. Prints the figures, then what was missed, what was
flagged without a label, and which look-alikes were flagged.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conflict_labels import describe, score  # noqa: E402


def main() -> None:
    result = score()
    print(f"planted conflicts found: {len(result.found)} / {len(result.found) + len(result.missed)}  "
          f"(recall {result.recall:.0%})")
    print(f"findings that are planted conflicts: {len(result.expected_findings)} / "
          f"{len(result.expected_findings) + len(result.unexpected)}  (precision {result.precision:.0%})")
    print(f"look-alikes flagged: {len(result.look_alikes_flagged)}")
    for label in result.missed:
        refs = " vs ".join(f"{c['file']}: {c['text']!r}" for c in label["claims"])
        print(f"  missed {label['rule']}: {refs}")
    for finding in result.unexpected:
        print(f"  unexpected {describe(finding)}")
    for label in result.look_alikes_flagged:
        refs = " vs ".join(f"{c['file']}: {c['text']!r}" for c in label["claims"])
        print(f"  look-alike flagged: {refs} ({label.get('why', '')})")


if __name__ == "__main__":
    main()

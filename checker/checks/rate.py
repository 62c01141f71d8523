"""Rate conflict: two figures that imply different amounts per year.

What it does
    Compares claims about the same thing that both imply a yearly rate, at
    least one of them stated as a rate ("three million shells annually"); the
    other may be a running total over a dated window ("about eight million
    shells since August of last year", read against the article's date). Their
    windows must overlap, or the rate must be undated. A window the text names
    but that could not be dated never yields a finding. Reported when the
    per-year intervals, widened by ``tolerance``, do not overlap and their
    geometric midpoints are at least ``min_ratio`` apart.

Why it matters
    A total and a rate in one story invite the reader to divide; when the
    division does not come out, one of the figures (or the window) is wrong.

Example
    Published 2024-10-26: "North Korea has supplied about eight million shells
    since August of last year" (≈ 5.8–7.6 million a year) ... "North Korea
    supplies three million shells annually" (≈ 2.9–3.1 million a year): about
    2.2× apart. Write the rate that matches the total, or give each figure its
    own period: "three million shells in 2023".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.checks.base import (
    COMMON_PLACEHOLDERS,
    as_date,
    disjoint_pair,
    disjoint_pairs,
    is_dated,
    pair_ratio,
    pair_records,
    per_year,
    reportable,
    value,
    window_unresolved,
)
from checker.findings import Finding

if TYPE_CHECKING:
    from checker.match import Candidates
    from checker.ruleset import Rule

KIND = "rate"
PARAMS = {"min_ratio": 1.0, "tolerance": 0.0}
PLACEHOLDERS = COMMON_PLACEHOLDERS | {"left", "right", "left_rate", "right_rate"}


def windows_overlap(a: dict, b: dict) -> bool:
    """Undated rates hold at any time; dated windows must share a day."""
    if not is_dated(a) or not is_dated(b):
        return True
    a_start, a_end = as_date(value(a, "window_start")), as_date(value(a, "window_end"))
    b_start, b_end = as_date(value(b, "window_start")), as_date(value(b, "window_end"))
    if a_start and b_end and b_end < a_start:
        return False
    return not (b_start and a_end and a_end < b_start)


def comparable(a: dict, b: dict) -> bool:
    if not (value(a, "period") or value(b, "period")):
        return False
    if per_year(a) == (None, None) or per_year(b) == (None, None):
        return False
    if window_unresolved(a) or window_unresolved(b):
        return False
    return windows_overlap(a, b)


def check(candidates: Candidates, rule: Rule) -> Iterator[Finding]:
    tolerance = float(rule.params["tolerance"])
    rates = ("per_year_low", "per_year_high")
    disjoint = disjoint_pairs(candidates.claims, candidates.flow_array, rates, tolerance)
    for a, b in pair_records(candidates.claims, disjoint):
        if not comparable(a, b):
            continue
        found = pair_ratio(a, b, per_year)
        if not reportable(rule, found):
            continue
        yield disjoint_pair(
            rule, a, b, per_year, found, suffix=" a year", range_names=("left_rate", "right_rate"), rate=True
        )

"""Value conflict: the same quantity at the same time, with figures that cannot both hold.

What it does
    Compares two claims about the same thing (same subject, item, unit, verb and
    modality) that describe the same moment: the same resolved time window, or
    no window at all and either the same article or articles published within
    ``max_days_apart`` days. Lengths and areas (of a pipeline, a reservoir, a
    tunnel) hardly change: an undated one holds at any time, and two undated
    ones are compared across ``max_days_apart_extent`` days. It reports them when their intervals, widened by
    ``tolerance``, do not overlap and their geometric midpoints are at least
    ``min_ratio`` apart. Rates and running totals over different windows are
    left to the rate and cumulative checks. A figure restated in another unit
    in parentheses ("48.8C (119.8F)") is compared through the figure it
    restates, so one discrepancy is reported once.

Why it matters
    Two different figures for one fact mean at least one is wrong, or the text
    does not say what differs between them (date, source, definition).

Example
    "The missile has a range of 550 km." ... "Its range of 300 miles ..."
    550 km and 300 miles (≈ 483 km) cannot both be the range. Write the figure
    once, or say why they differ: "550 km according to the manufacturer, 300
    miles in independent tests". The same range given as 550 km and 342 miles is
    not flagged: the two are equal after conversion.
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
    level,
    pair_ratio,
    pair_records,
    reportable,
    value,
    window_unresolved,
)
from checker.findings import Finding

if TYPE_CHECKING:
    from checker.match import Candidates
    from checker.ruleset import Rule

KIND = "value"
PARAMS = {"min_ratio": 1.0, "tolerance": 0.0, "max_days_apart": 30, "max_days_apart_extent": 3650}
# Base units of sizes that stay put: a reservoir's area, a tunnel's length.
EXTENT_UNITS = frozenset({"meter", "meter ** 2"})
PLACEHOLDERS = COMMON_PLACEHOLDERS | {"left", "right", "left_range", "right_range", "left_note", "right_note"}


def same_time(a: dict, b: dict, max_days_apart: int, max_days_apart_extent: int = 3650) -> bool:
    """Both claims describe one moment, as far as the text lets us tell."""
    if value(a, "period") or value(b, "period"):
        return False
    if window_unresolved(a) or window_unresolved(b):
        return False
    extent = value(a, "base_unit") in EXTENT_UNITS
    if is_dated(a) and is_dated(b) or (is_dated(a) or is_dated(b)) and not extent:
        return all(value(a, k) == value(b, k) for k in ("window_start", "window_end"))
    if a["document"] == b["document"]:
        return True
    first, second = as_date(value(a, "published")), as_date(value(b, "published"))
    limit = max_days_apart_extent if extent else max_days_apart
    return first is not None and second is not None and abs((first - second).days) <= limit


def check(candidates: Candidates, rule: Rule) -> Iterator[Finding]:
    tolerance = float(rule.params["tolerance"])
    disjoint = disjoint_pairs(candidates.claims, candidates.pair_array, ("low", "high"), tolerance)
    for a, b in pair_records(candidates.claims, disjoint):
        if not same_time(a, b, int(rule.params["max_days_apart"]), int(rule.params["max_days_apart_extent"])):
            continue
        found = pair_ratio(a, b)
        if not reportable(rule, found):
            continue
        yield disjoint_pair(rule, a, b, level, found)

"""Cumulative decrease: a running total that goes down in a later report.

What it does
    Compares running totals ("so far", "to date", "since ...") about the same
    thing counted from the same start date. When the later-published one (by
    publication date, else by window end) is below the earlier one — its
    highest reading under the earlier lowest, after widening by ``tolerance``,
    and midpoints at least ``min_ratio`` apart — it is reported.

Why it matters
    A total since a fixed date can only grow. A smaller later figure means a
    typo, a different definition, or a revision the text should mention.

Example
    2024-03-01: "Since the war began, 1,200 people have been evacuated."
    2024-04-01: "Since the war began, 900 people have been evacuated so far."
    Write the revision explicitly: "900, after officials revised their count
    down from 1,200".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from checker.checks.base import (
    COMMON_PLACEHOLDERS,
    as_date,
    emit,
    level,
    pair_ratio,
    pair_records,
    reading,
    reportable,
    value,
)
from checker.checks.intervals import widen
from checker.checks.wording import describe_claim, format_quantity, range_note, shared_written_unit
from checker.findings import Finding

if TYPE_CHECKING:
    from checker.match import Candidates
    from checker.ruleset import Rule

KIND = "cumulative"
PARAMS = {"min_ratio": 1.0, "tolerance": 0.0}
PLACEHOLDERS = COMMON_PLACEHOLDERS | {
    "earlier",
    "later",
    "earlier_range",
    "later_range",
    "earlier_note",
    "later_note",
    "earlier_published",
    "later_published",
}


def as_of(claim: dict) -> date | None:
    """When the running total was reported: publication date, else the window's end."""
    return as_date(value(claim, "published")) or as_date(value(claim, "window_end"))


def same_running_total(a: dict, b: dict) -> bool:
    return bool(
        a["cumulative"]
        and b["cumulative"]
        and value(a, "window_start")
        and value(a, "window_start") == value(b, "window_start")
        and not value(a, "period")
        and not value(b, "period")
    )


def check(candidates: Candidates, rule: Rule) -> Iterator[Finding]:
    tolerance = float(rule.params["tolerance"])
    running = candidates.claims.flags("cumulative")
    pairs = candidates.flow_array
    # only running totals can decrease
    for a, b in pair_records(candidates.claims, pairs[running[pairs[:, 0]] & running[pairs[:, 1]]]):
        if not same_running_total(a, b):
            continue
        a_date, b_date = as_of(a), as_of(b)
        if a_date is None or b_date is None or a_date == b_date:
            continue
        earlier, later = (a, b) if a_date < b_date else (b, a)
        earlier_low, _ = widen(*level(earlier), tolerance)
        _, later_high = widen(*level(later), tolerance)
        if earlier_low is None or later_high is None or later_high >= earlier_low:
            continue
        found = pair_ratio(earlier, later)
        if not reportable(rule, found):
            continue
        base_unit, written = value(a, "base_unit"), shared_written_unit([earlier, later])
        earlier_on, later_on = str(as_of(earlier)), str(as_of(later))
        yield emit(
            rule,
            [earlier, later],
            found=found,
            compared=(level(earlier), level(later)),
            steps=[
                reading(earlier, *level(earlier), suffix=f" as of {earlier_on}"),
                reading(later, *level(later), suffix=f" as of {later_on}"),
                f"a total since {value(a, 'window_start')} cannot fall between {earlier_on} and {later_on}",
            ],
            earlier=describe_claim(earlier),
            later=describe_claim(later),
            earlier_range=format_quantity(*level(earlier), base_unit, written),
            later_range=format_quantity(*level(later), base_unit, written),
            earlier_note=range_note(earlier, *level(earlier), base_unit, written),
            later_note=range_note(later, *level(later), base_unit, written),
            earlier_published=earlier_on,
            later_published=later_on,
        )

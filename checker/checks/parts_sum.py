"""Parts exceed whole: the parts of one figure add up to more than it.

What it does
    Takes every whole with two or more parts linked by the extractor ("300
    passengers, including 180 adults and 160 children") and adds the parts'
    lowest readings. When that sum is above the whole's highest reading (both
    widened by ``tolerance``) and the midpoints are at least ``min_ratio``
    apart, it is reported. A whole that a single part already exceeds is left to
    the part-of check, so one mistake gives one finding.

Why it matters
    A breakdown that does not add up makes readers doubt every figure in it.
    Parts that overlap on purpose ("women" and "over 65s") should not be listed
    as a breakdown.

Example
    "300 passengers including 180 adults and 160 children": 180 + 160 = 340,
    more than 300. Write "340 passengers" or correct the breakdown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.checks.base import (
    COMMON_PLACEHOLDERS,
    emit,
    level,
    reading,
    reportable,
    value,
)
from checker.checks.intervals import ratio, widen
from checker.checks.part_of import exceeds
from checker.checks.wording import bound_text, describe_claim, figure_note, format_quantity, shared_written_unit
from checker.findings import Finding

if TYPE_CHECKING:
    from checker.match import Candidates
    from checker.ruleset import Rule

KIND = "sum"
PARAMS = {"min_ratio": 1.0, "tolerance": 0.0}
PLACEHOLDERS = COMMON_PLACEHOLDERS | {"parts", "parts_total", "whole", "whole_range", "whole_high", "whole_high_note"}


def parts_interval(parts: list[dict]) -> tuple[float, float | None]:
    """Sum of the parts' intervals; an open lower side counts as zero, an open upper side stays open."""
    low = sum(value(p, "low") or 0.0 for p in parts)
    highs = [value(p, "high") for p in parts]
    return low, None if None in highs else sum(highs)


def check(candidates: Candidates, rule: Rule) -> Iterator[Finding]:
    tolerance = float(rule.params["tolerance"])
    for whole_at, part_positions in sorted(candidates.parts.items()):
        whole = candidates.claims[whole_at]
        parts = [candidates.claims[p] for p in part_positions]
        if len(parts) < 2 or any(exceeds(p, whole, tolerance) for p in parts):
            continue
        total = parts_interval(parts)
        total_low, _ = widen(*total, tolerance)
        _, whole_high = widen(*level(whole), tolerance)
        if whole_high is None or total_low <= whole_high:
            continue
        found = ratio(total, level(whole))
        if not reportable(rule, found):
            continue
        base_unit, written = value(whole, "base_unit"), shared_written_unit([whole, *parts])
        sum_text = bound_text(total[0], "low", base_unit, written)
        whole_high_text = bound_text(level(whole)[1], "high", base_unit, written)
        yield emit(
            rule,
            [whole, *parts],
            found=found,
            compared=(total, level(whole)),
            steps=[
                reading(whole, *level(whole)),
                *(reading(p, *level(p)) for p in parts),
                f"the parts add up to at least {sum_text}, the whole is at most {whole_high_text}",
            ],
            # parts counted at the whole's time say it once, with the whole
            parts=_listed([describe_claim(p, when=not _same_time(p, whole)) for p in parts]),
            parts_total=sum_text,
            whole=describe_claim(whole),
            whole_range=format_quantity(*level(whole), base_unit, written),
            whole_high=whole_high_text,
            whole_high_note=figure_note(whole, whole_high_text, "at most "),
        )


def _same_time(part: dict, whole: dict) -> bool:
    """Both read at one stated time ("on Monday morning"), or neither states one."""
    return value(part, "window_text") == value(whole, "window_text") and value(part, "period") == value(whole, "period")


def _listed(items: list[str]) -> str:
    """'180 adults and 160 children', 'a, b and c': the parts as an editor would list them."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

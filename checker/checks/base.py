"""What every check kind shares: reading a claim's interval, time window and
publication date, and turning a conflict into a ``Finding``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from checker.checks.intervals import disjoint_arrays
from checker.checks.intervals import midpoint as interval_midpoint
from checker.checks.intervals import ratio as interval_ratio
from checker.checks.wording import (
    describe_claim,
    format_number,
    format_quantity,
    is_missing,
    range_note,
    shared_written_unit,
)
from checker.findings import Finding, claim_view

if TYPE_CHECKING:
    from checker.match import ClaimRecords
    from checker.ruleset import Rule

# Placeholders every kind offers in its message template.
COMMON_PLACEHOLDERS = frozenset({"ratio", "apart", "item", "subject"})


def value(claim: dict, name: str) -> object | None:
    found = claim.get(name)
    return None if found is None or is_missing(found) else found


def level(claim: dict) -> tuple[float | None, float | None]:
    """The claim's interval in its base unit."""
    return value(claim, "low"), value(claim, "high")


def per_year(claim: dict) -> tuple[float | None, float | None]:
    """The claim's implied rate per year in its base unit (None, None when it has none)."""
    return value(claim, "per_year_low"), value(claim, "per_year_high")


def disjoint_pairs(
    claims: ClaimRecords, pairs: np.ndarray, columns: tuple[str, str], tolerance: float
) -> np.ndarray:
    """The pairs whose intervals (``columns``: ("low", "high") or the yearly rate) do
    not overlap, after widening by ``tolerance``: tested a column at a time, so
    that only those pairs are read claim by claim."""
    low, high = (claims.numbers(name) for name in columns)
    first, second = pairs[:, 0], pairs[:, 1]
    return pairs[disjoint_arrays((low[first], high[first]), (low[second], high[second]), tolerance)]


# Pairs whose claims are read together: few reads of many rows, and a bounded
# number of records alive at once.
PAIRS_READ_AT_ONCE = 4096


def pair_records(claims: ClaimRecords, pairs: np.ndarray) -> Iterator[tuple[dict, dict]]:
    """Each pair's two records, read a batch of pairs at a time (``ClaimRecords.take``).

    A claim in several pairs of one batch is one record, shared: checks only read them."""
    for begin in range(0, len(pairs), PAIRS_READ_AT_ONCE):
        batch = pairs[begin : begin + PAIRS_READ_AT_ONCE]
        rows = np.unique(batch)
        records = dict(zip(rows.tolist(), claims.take(rows), strict=True))
        for i, j in batch.tolist():
            yield records[i], records[j]


def as_date(text: object) -> date | None:
    """An ISO date (or datetime) string as a date; anything unreadable as None."""
    if is_missing(text):
        return None
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def is_dated(claim: dict) -> bool:
    return value(claim, "window_start") is not None or value(claim, "window_end") is not None


def window_unresolved(claim: dict) -> bool:
    """The text names a time window ("since last spring") that could not be dated."""
    return bool(value(claim, "window_text")) and not is_dated(claim)


def ratio_text(found: float | None) -> str:
    """'2.2', '1.03' (close calls keep a second decimal), '24'."""
    if found is None:
        return "n/a"
    if found < 1.1:
        return f"{found:.2f}"
    return f"{found:.1f}" if found < 10 else f"{found:,.0f}"


def apart_text(
    found: float | None, first: tuple = (None, None), second: tuple = (None, None), base_unit: str | None = None,
    written: str | None = None,
) -> str:
    """'about 2.2× apart'; temperatures as a difference ('about 4.1 °C apart'), since ratios of kelvin mislead.
    The difference is in °F when both figures were written in °F."""
    a, b = interval_midpoint(*first), interval_midpoint(*second)
    if base_unit == "kelvin" and a is not None and b is not None:
        if written == "degree_Fahrenheit":
            return f"about {format_number(abs(a - b) * 9 / 5, 2)} °F apart"
        return f"about {format_number(abs(a - b), 2)} °C apart"
    return f"about {ratio_text(found)}× apart" if found is not None else "far apart"


def reading(claim: dict, low: float | None, high: float | None, *, suffix: str = "", rate: bool = False) -> str:
    """One step line: how a figure as written was read as numbers (``rate``: as a yearly rate)."""
    quantity = format_quantity(low, high, value(claim, "base_unit"), shared_written_unit([claim]), rate=rate)
    return f"'{describe_claim(claim)}' read as {quantity}{suffix}"


def comparison(
    first: tuple, second: tuple, found: float | None, base_unit: str | None, suffix: str = "",
    written: str | None = None, rate: bool = False,
) -> str:
    """The arithmetic step: two intervals that do not overlap, and their ratio."""
    left = format_quantity(*first, base_unit, written, rate=rate) + suffix
    right = format_quantity(*second, base_unit, written, rate=rate) + suffix
    text = f"{left} and {right} do not overlap"
    if found is not None:
        text += f"; ratio of geometric midpoints ≈ {ratio_text(found)}"
    return text


def reportable(rule: Rule, found: float | None) -> bool:
    """Below the rule's ``min_ratio`` a conflict is not reported (too close to matter).

    An undefined ratio (an interval reaching zero) is always reported: the
    intervals are disjoint and no factor can be computed.
    """
    return found is None or found >= float(rule.params.get("min_ratio", 1.0))


def emit(
    rule: Rule,
    claims: list[dict],
    *,
    found: float | None,
    steps: list[str],
    compared: tuple[tuple, tuple] = ((None, None), (None, None)),
    **placeholders: str,
) -> Finding:
    """A finding for ``claims`` with the rule's message filled in.

    ``compared`` are the two intervals the finding is about (for the wording
    of how far apart they are).
    """
    first = claims[0]
    words = {
        "ratio": ratio_text(found),
        "apart": apart_text(found, *compared, value(first, "base_unit"), shared_written_unit(claims)),
        "item": str(value(first, "item") or ""),
        "subject": str(value(first, "subject") or ""),
        **placeholders,
    }
    all_steps: list[str] = []
    for claim in claims:
        for assumption in claim.get("assumptions") or []:
            step = f"{claim.get('text')}: {assumption}"  # say which figure each reading belongs to
            if step not in all_steps:
                all_steps.append(step)
    all_steps.extend(steps)
    documents = {c.get("document") for c in claims}
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=rule.message.format(**words),
        ratio=found,
        claims=[claim_view(c) for c in claims],
        steps=all_steps,
        scope="document" if len(documents) == 1 else "corpus",
    )


def pair_ratio(a: dict, b: dict, read=level) -> float | None:
    return interval_ratio(read(a), read(b))


def disjoint_pair(
    rule: Rule,
    a: dict,
    b: dict,
    interval: Callable[[dict], tuple],
    found: float | None,
    *,
    suffix: str = "",
    range_names: tuple[str, str] = ("left_range", "right_range"),
    rate: bool = False,
) -> Finding:
    """The finding for two claims whose intervals (``interval`` of each: a level, or
    with ``rate`` a yearly rate) do not overlap: both readings, the arithmetic, and
    the message placeholders ``left``/``right`` plus the two worded intervals (and
    for levels ``left_note``/``right_note``, see ``range_note``)."""
    base_unit, written = value(a, "base_unit"), shared_written_unit([a, b])
    notes = {} if rate else {
        "left_note": range_note(a, *interval(a), base_unit, written),
        "right_note": range_note(b, *interval(b), base_unit, written),
    }
    return emit(
        rule,
        [a, b],
        found=found,
        compared=(interval(a), interval(b)),
        steps=[
            reading(a, *interval(a), suffix=suffix, rate=rate),
            reading(b, *interval(b), suffix=suffix, rate=rate),
            comparison(interval(a), interval(b), found, base_unit, suffix, written, rate),
        ],
        left=describe_claim(a),
        right=describe_claim(b),
        **{
            range_names[0]: format_quantity(*interval(a), base_unit, written, rate=rate),
            range_names[1]: format_quantity(*interval(b), base_unit, written, rate=rate),
        },
        **notes,
    )

"""Normalization: every figure becomes an honest interval in a canonical unit.

This is the heart of claimcheck; ``docs/normalization.md`` explains it with
worked examples. In short, for a figure as written:

1. the *rounding* the writer used widens it by half a unit of the last
   significant digit ("eight million" is 7.5-8.5 million), at most
   ``ROUNDING_CAP`` of the value, because a round "10,000" is not read as
   "anything from 5,000 to 15,000";
2. a *hedge* widens or opens it (``HEDGES``): "about" is +/-10%, "more than"
   has no upper side, "up to" no lower side;
3. pint converts both ends to the canonical unit of the registry;
4. a *rate* ("annually", "a day") is scaled to a per-year interval, and a
   *cumulative* figure over a dated window ("since August of last year") is
   divided by the shortest and the longest duration the window can have.

Two claims conflict when their intervals cannot both be true: that is decided
later, by the rules. Nothing here guesses: an unresolved window yields no
per-year rate, and the claim says why in ``assumptions``.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from checker.model import Mention, TimeExpression
from checker.units import canonical

ROUNDING_CAP = 0.05  # rounding never widens a figure by more than 5% of it
APPROX_WIDENING = 0.10  # "about", "around", "some", "roughly": +/-10%
NEARLY_WIDENING = 0.10  # "nearly 100": somewhat below 100, not above

DAYS_PER_YEAR = 365.2425
# Periods of explicit rates, as fractions of a year.
PERIOD_YEARS = {
    "P1Y": 1.0,
    "P2Y": 2.0,
    "P6M": 0.5,
    "P3M": 0.25,
    "P1M": 1 / 12,
    "P2W": 14 / DAYS_PER_YEAR,
    "P1W": 7 / DAYS_PER_YEAR,
    "P1D": 1 / DAYS_PER_YEAR,
    "PT1H": 1 / (DAYS_PER_YEAR * 24),
}
# Figures that accumulate over time, so a total over a window implies a rate.
# Intensive quantities (a temperature, a share, a speed) never do.
EXTENSIVE_DIMENSIONS = ("[count]", "[mass]", "[length] ** 3", "[mass] * [length] ** 2 / [time] ** 2")


class Interval(NamedTuple):
    """Two per claim, so a tuple: the cheapest immutable record to build."""

    low: float | None  # None: open below
    high: float | None  # None: open above


# How each hedge was read, worded once rather than per claim.
_HEDGE_NOTES = {
    "about": f"'about' read as ±{APPROX_WIDENING:.0%}",
    "nearly": f"'nearly' read as up to {NEARLY_WIDENING:.0%} below",
    "more than": "'more than': no upper bound",
    "at least": "'at least': no upper bound",
    "up to": "'up to': no lower bound",
    "fewer than": "'fewer than': no lower bound",
}


@lru_cache(maxsize=4096)
def _rounding_note(pad: float) -> str:
    """Worded once per padding: the same few roundings (0.5, 50, 500,000) recur on most figures."""
    return f"rounding: ±{_fmt(pad)} for the precision written"


def written_interval(mention: Mention) -> tuple[Interval, list[str]]:
    """The interval a figure allows, in the unit as written, and how it was read."""
    low_value = mention.value
    high_value = mention.value_to if mention.value_to is not None else mention.value
    if high_value < low_value:
        low_value, high_value = high_value, low_value
    notes: list[str] = []
    half_step = mention.rounding
    # min(half_step, cap), written out: the builtin's call costs more than the comparison (same result, NaN too).
    low_cap = ROUNDING_CAP * abs(low_value)
    low_pad = low_cap if low_cap < half_step else half_step
    high_cap = ROUNDING_CAP * abs(high_value)
    high_pad = high_cap if high_cap < half_step else half_step
    low: float | None = low_value - low_pad
    high: float | None = high_value + high_pad
    if half_step and (low_pad or high_pad):
        notes.append(_rounding_note(high_pad))
    q = mention.qualifier
    if q is None:  # most figures carry no hedge
        return Interval(low, high), notes
    if q == "about":
        low = min(low, low_value - APPROX_WIDENING * abs(low_value))
        high = max(high, high_value + APPROX_WIDENING * abs(high_value))
    elif q == "nearly":
        low, high = high_value - NEARLY_WIDENING * abs(high_value), high_value
    elif q in ("more than", "at least"):
        low, high = low_value, None
    elif q in ("up to", "fewer than"):
        low, high = None, high_value
    else:
        return Interval(low, high), notes
    notes.append(_HEDGE_NOTES[q])
    return Interval(low, high), notes


def to_canonical(interval: Interval, unit: str | None) -> tuple[Interval, str]:
    """Convert both ends with the registry; offset units (°C, °F) stay right."""
    conversion = canonical(unit)
    factor, offset = conversion.factor, conversion.offset  # ``Canonical.convert``, inlined: twice per claim
    low = interval.low * factor + offset if interval.low is not None else None
    high = interval.high * factor + offset if interval.high is not None else None
    if low is not None and high is not None and low > high:  # a negative factor never happens, but be safe
        low, high = high, low
    return Interval(low, high), conversion.unit


class Rate(NamedTuple):
    """One per claim, so a tuple like ``Interval``."""

    period: str | None
    per_year: Interval | None
    notes: tuple[str, ...]


NO_RATE = Rate(None, None, ())  # most figures: no rate, no window


def per_year(interval: Interval, base_unit: str, time: TimeExpression | None, level: bool = False) -> Rate:
    """The per-year interval a figure implies: scaled from a rate, or spread over its window.

    A ``level`` (a figure held at a time: "employed 640 people in 2023") is dated by
    its window but has not accrued over it: it implies no rate.
    """
    if time is None:
        return NO_RATE
    if time.kind == "rate" and time.period:
        scale, notes = _rate_reading(time.text, time.period)
        if scale is None:
            return Rate(time.period, None, notes)
        return Rate(time.period, Interval(_mul(interval.low, scale), _mul(interval.high, scale)), notes)
    if time.unresolved:
        return Rate(None, None, (f"'{time.text}' not dated: {time.unresolved}",))
    if time.kind != "window" or not _is_extensive(base_unit):
        return NO_RATE
    if level:
        return Rate(None, None, (f"a level at a time, not an amount accrued over '{time.text}': no yearly rate",))
    if not (time.window_start and time.window_end):
        return NO_RATE
    start_latest = time.window_start_latest or time.window_start
    end_earliest = time.window_end_earliest or time.window_end
    if time.window_end == time.window_start and not time.cumulative:
        # "on Wednesday, October 23": the day a figure was given, not a period it accrued over.
        return NO_RATE
    longest = (time.window_end - time.window_start).days + _inclusive(time)
    shortest = (end_earliest - start_latest).days + _inclusive(time)
    if shortest <= 0 or longest <= 0:
        return Rate(None, None, (f"'{time.text}' spans no time",))
    low = _mul(interval.low, DAYS_PER_YEAR / longest)
    high = _mul(interval.high, DAYS_PER_YEAR / shortest)
    note = (
        f"spread over {shortest}–{longest} days ({time.window_start.isoformat()}"
        + (f"..{start_latest.isoformat()}" if start_latest != time.window_start else "")
        + f" to {time.window_end.isoformat()})"
        if shortest != longest
        else f"spread over {longest} days ({time.window_start.isoformat()} to {time.window_end.isoformat()})"
    )
    return Rate(None, Interval(low, high), (note,))


@lru_cache(maxsize=4096)
def _rate_reading(text: str, period: str) -> tuple[float | None, tuple[str, ...]]:
    """A rate's factor to a year (None: period not understood) and how it was read, worded once per
    expression: the same few ("a year", "daily", "per month") recur on most figures."""
    years = PERIOD_YEARS.get(period) or _period_years(period)
    if not years:
        return None, (f"period {period} not understood",)
    scale = 1 / years
    return scale, (f"'{text}' read as a rate per {period}, × {_fmt(scale)} a year",)


def _inclusive(time: TimeExpression) -> int:
    """'in 2023' ends on Dec 31 inclusive; a 'since' window ends at publication (exclusive)."""
    return 0 if time.cumulative else 1


_SIMPLE_PERIOD = re.compile(r"P(\d+)([YMWD])")


def _period_years(period: str) -> float | None:
    m = _SIMPLE_PERIOD.fullmatch(period)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    return n * {"Y": 1.0, "M": 1 / 12, "W": 7 / DAYS_PER_YEAR, "D": 1 / DAYS_PER_YEAR}[unit]


def _is_extensive(base_unit: str) -> bool:
    """Counts, money, mass, volume and energy add up over time; levels do not."""
    found = canonical(base_unit)
    return found.dimension in EXTENSIVE_DIMENSIONS or found.is_money


def _mul(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _fmt(x: float) -> str:
    if x == 0 or not math.isfinite(x):
        return str(x)
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.4g}"


@lru_cache(maxsize=4096)
def iso(d: date | None) -> str | None:
    """Cached: the same few dates (publication, window ends) recur on every figure of an article."""
    return d.isoformat() if d else None

"""Interval arithmetic shared by the check kinds.

A claim is an interval ``[low, high]`` in canonical units; ``None`` is an open
side ("more than 100" has no upper bound). Two claims conflict when their
intervals cannot both hold, i.e. they are disjoint. How far apart they are is
measured on a log scale, because "8 million vs 3 million" and "8 vs 3" are the
same disagreement to a reader.
"""

from __future__ import annotations

import math

import numpy as np

from checker.checks.wording import is_missing

Bound = float | None


def _clean(value: object) -> Bound:
    return None if is_missing(value) else float(value)


def widen(low: Bound, high: Bound, tolerance: float) -> tuple[Bound, Bound]:
    """Loosen both bounds by ``tolerance`` times their own size (0.05 = 5 %)."""
    low, high = _clean(low), _clean(high)
    if low is not None:
        low -= tolerance * abs(low)
    if high is not None:
        high += tolerance * abs(high)
    return low, high


def disjoint(a: tuple[Bound, Bound], b: tuple[Bound, Bound], tolerance: float = 0.0) -> bool:
    """True when no single value lies in both intervals, after widening by ``tolerance``.

    An open side never ends: "more than 100" and "250" overlap. One pair of
    ``disjoint_arrays``, which the rules run over all their candidate pairs.
    """
    a_low, a_high, b_low, b_high = (np.array([_open(v)]) for v in (*a, *b))
    return bool(disjoint_arrays((a_low, a_high), (b_low, b_high), tolerance)[0])


def disjoint_arrays(
    a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray], tolerance: float = 0.0
) -> np.ndarray:
    """``disjoint`` of many interval pairs at once (NaN is an open side)."""
    a_low, a_high = _widen_arrays(*a, tolerance)
    b_low, b_high = _widen_arrays(*b, tolerance)
    return (a_high < b_low) | (b_high < a_low)  # a comparison with NaN is False: an open side never ends


def _open(value: object) -> float:
    """A bound as a float, an open side (None, NaN) as NaN."""
    bound = _clean(value)
    return math.nan if bound is None else bound


def _widen_arrays(low: np.ndarray, high: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    return low - tolerance * np.abs(low), high + tolerance * np.abs(high)


def midpoint(low: Bound, high: Bound) -> float | None:
    """Geometric midpoint of a positive interval; the closed side of an open one.

    The geometric midpoint suits ratios: [5.8, 7.6] million -> 6.65 million.
    An interval reaching zero or below falls back to the arithmetic midpoint.
    """
    low, high = _clean(low), _clean(high)
    if low is None and high is None:
        return None
    if low is None or high is None:
        return low if high is None else high
    if low > 0 and high > 0:
        return math.sqrt(low * high)
    return (low + high) / 2


def ratio(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> float | None:
    """Larger over smaller geometric midpoint; None when not both positive."""
    first, second = midpoint(*a), midpoint(*b)
    if first is None or second is None or first <= 0 or second <= 0:
        return None
    return max(first, second) / min(first, second)
